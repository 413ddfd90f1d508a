/**
 * MSW handlers answering the Log Analytics query API and Sentinel's geodata enrichment the way
 * the documentation shows them (`{ tables: [{ name, columns, rows }] }`; geodata with `asn`,
 * `latitude` and `longitude` as strings), from the same generator as the other mocks. Queries are
 * recognized by the provider's marker line; an unknown one fails loudly.
 */
import { accountRows } from './kql/sign-ins.js';
import { trafficRows } from './kql/traffic.js';
import { stixProfileRows, tiIndicators } from './kql/stix.js';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { queryAlerts } from '../src/data/query.js';
import { canonicalIp, isExternalScope, parseIp } from '../src/lib/ip.js';
import { markerOf } from '../src/providers/microsoft/kql.js';
import { inList, letString, pascal, queryHead } from './kql-query.js';
import type { ObservedDevice } from '../src/data/model.js';
import { isSystemTag } from './generator/queue.js';
import { datasetFor } from './generator/dataset.js';
import { hashString } from './generator/random.js';
import { errorsOf, logAnalyticsAnswer, logAnalyticsQueryError, type KqlAnalyzer } from './kql/answers.js';
import { applyTail } from './kql/clips.js';

export interface SentinelMockOptions {
  logAnalyticsUrl?: string;
  armUrl?: string;
  now?: number;
  /** Per-query failures: `'insight-anomali': 500`, `'timeline': 403` … */
  fail?: Record<string, number>;
  /**
   * Queries answered in part, as Log Analytics does after a non-fatal error: 200 with the first
   * half of the rows and an `error` whose code is `PartialError` (the response-format doc).
   */
  partial?: readonly string[];
  /** Milliseconds each query takes (all, or per query name), to see queues and waits. */
  delayMs?: number | Record<string, number>;
  /** Microsoft's KQL analyser (the test server's): queries it refuses are refused as Log Analytics does, and answers take its columns. */
  analyzeKql?: KqlAnalyzer;
}

export const DEMO_WORKSPACE_ID = '8f2c5e1a-6b7d-4c3e-9a1f-2d4b6c8e0a13';

const error = (status: number, code: string, message: string) => HttpResponse.json({ error: { code, message } }, { status });

const INCIDENT_STATUS: Record<string, string> = { new: 'New', inProgress: 'Active', resolved: 'Closed' };
const CLASSIFICATION: Record<string, string> = { truePositive: 'TruePositive', falsePositive: 'FalsePositive', informationalExpectedActivity: 'BenignPositive' };

/** A device of the data set as DeviceNetworkEvents rows say it (its last event's columns). */
function deviceRow(x: ObservedDevice): Record<string, unknown> {
  const p = x.lastEvent.initiatingProcess;
  return {
    DeviceId: x.id,
    DeviceName: x.name,
    FirstSeen: x.firstSeen,
    LastSeen: x.lastSeen,
    Connections: x.connectionCount,
    Timestamp: x.lastEvent.timestamp,
    ActionType: x.lastEvent.actionType,
    LocalIP: x.lastEvent.localIp ?? '',
    LocalPort: x.lastEvent.localPort ?? null,
    RemoteIP: x.lastEvent.remoteIp ?? '',
    RemotePort: x.lastEvent.remotePort ?? null,
    Protocol: x.lastEvent.protocol ?? '',
    RemoteUrl: x.lastEvent.remoteUrl ?? '',
    InitiatingProcessFileName: p?.fileName ?? '',
    InitiatingProcessCommandLine: p?.commandLine ?? '',
    InitiatingProcessSHA256: p?.sha256 ?? '',
    InitiatingProcessFolderPath: p?.folderPath ?? '',
    InitiatingProcessId: p?.processId ?? null,
    InitiatingProcessAccountName: p?.accountName ?? '',
    InitiatingProcessAccountDomain: p?.accountDomain ?? '',
  };
}

/** Column types for the analyser-less answers (the demo, Storybook). */
const DEVICE_TYPES: Array<[string, string]> = [['FirstSeen', 'datetime'], ['LastSeen', 'datetime'], ['Connections', 'long'], ['Timestamp', 'datetime'], ['RemotePort', 'int'], ['LocalPort', 'int'], ['InitiatingProcessId', 'long']];

export function createSentinelHandlers(options: SentinelMockOptions = {}): HttpHandler[] {
  const la = (options.logAnalyticsUrl ?? 'https://api.loganalytics.io/v1').replace(/\/+$/, '');
  const arm = (options.armUrl ?? 'https://management.azure.com').replace(/\/+$/, '');
  const now = options.now ?? Math.floor(Date.now() / 3_600_000) * 3_600_000;

  async function answer(query: string): Promise<Response> {
    const name = queryHead(query)?.name ?? '';
    const delay = typeof options.delayMs === 'number' ? options.delayMs : (options.delayMs?.[name] ?? 0);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const response = await whole(query);
    if (!options.partial?.includes(name) || response.status !== 200) return response;
    // Constructed from the response-format doc's words (no verbatim body is published): the rows
    // so far in `tables`, and a OneAPI error with the code PartialError and its details.
    const body = (await response.json()) as { tables: Array<{ rows: unknown[] }> };
    for (const t of body.tables) t.rows = t.rows.slice(0, Math.ceil(t.rows.length / 2));
    return HttpResponse.json({
      ...body,
      error: {
        code: 'PartialError',
        message: 'There were some errors when processing your query.',
        details: [{ code: 'EngineError', message: 'Something went wrong processing your query on the server.', innererror: { code: '-2133196797', message: 'The results of this query exceed the set limit of 64000000 bytes, so not all records were returned (E_QUERY_RESULT_SET_TOO_LARGE).', severity: 2, severityName: 'Error' } }],
      },
    });
  }

  /** Incidents' resource names the workspace answered, and the bookmarks made, by ARM id (lower case). */
  const incidentNames = new Set<string>();
  const bookmarks = new Map<string, { name: string }>();
  const watchlistItems = new Map<string, { properties: Record<string, unknown> }>();
  /** Threat intelligence indicators deleted through ARM, by name. */
  const deletedIndicators = new Set<string>();
  const rememberIncident = (id: string) => {
    const name = guidOf(id);
    incidentNames.add(name.toLowerCase());
    return name;
  };
  /** ARM's answers to a request it will not take: no token, or an api-version the service has not. */
  function armRefusal(request: Request): Response | undefined {
    if (!/^Bearer \S+$/.test(request.headers.get('Authorization') ?? '')) return error(401, 'AuthenticationFailed', 'Authentication failed.');
    const version = new URL(request.url).searchParams.get('api-version');
    if (version !== '2024-03-01' && version !== '2025-09-01') return error(400, 'InvalidApiVersionParameter', `The api-version '${version}' is invalid. The supported versions are '2024-03-01,2025-09-01'.`);
    return undefined;
  }

  async function whole(query: string): Promise<Response> {
    // What Log Analytics would say of the query: refused as the service refuses it, or answered
    // with the columns Microsoft's analyser derives from the documented schemas.
    const verdict = await options.analyzeKql?.(query, 'logAnalytics');
    const errors = errorsOf(verdict);
    if (errors.length) return logAnalyticsQueryError(query, errors);
    const head = queryHead(query);
    if (!head) return error(400, 'BadArgumentError', `The mock does not know this query (marker “${markerOf(query) ?? 'none'}”).`);
    const { name, ip, range } = head;
    const status = options.fail?.[name];
    if (status) return error(status, 'MockFailure', `The mock fails ${name} with ${status}.`);
    const d = datasetFor(ip, now);
    const respond = (rows: ReadonlyArray<Record<string, unknown>>, fallback?: Array<[string, string]>) => logAnalyticsAnswer(applyTail(query, rows), verdict, fallback);
    if (name.startsWith('insight-')) {
      const insight = d.insights(range).find((i) => i.id === name.slice('insight-'.length));
      if (!insight) return error(400, 'BadArgumentError', `The mock has no insight “${name}”.`);
      const type = (t: string) => (t === 'number' ? 'long' : t === 'datetime' ? 'datetime' : t === 'bool' ? 'bool' : 'string');
      return respond(
        insight.rows.map((row) => Object.fromEntries(insight.columns.map((c, i) => [c.name, row[i]]))),
        insight.columns.map((c) => [c.name, type(c.type)]),
      );
    }
    switch (name) {
      case 'timeline':
        return respond(
          d.timeline(range).map((e) => ({ Time: e.time, Kind: e.kind, Id: e.id, Title: e.title, Source: e.source ?? '', Severity: pascal(e.severity), Description: e.description ?? '', AlertId: e.alertId ?? '', BookmarkedBy: e.bookmarkedBy ?? '', Query: e.query ?? '' })),
          [['Time', 'datetime']],
        );
      case 'log-activity':
        return respond(d.logActivity(range).sources.map((s) => ({ Source: s.source, FirstSeen: s.firstSeen, LastSeen: s.lastSeen, Events: s.count ?? 0 })), [['FirstSeen', 'datetime'], ['LastSeen', 'datetime'], ['Events', 'long']]);
      case 'logged-hosts':
        return respond(
          d.logActivity(range).loggedHosts.map((h) => ({ Computer: h.name, OSType: h.os ?? '', ResourceId: `/subscriptions/demo/resourceGroups/soc/providers/Microsoft.Compute/virtualMachines/${h.name}`, LastHeartbeat: h.lastHeartbeat ?? null })),
          [['LastHeartbeat', 'datetime']],
        );
      case 'alerts': {
        const incidentUrl = (id: string) =>
          `https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/soc/providers/Microsoft.OperationalInsights/workspaces/sentinel-ws/providers/Microsoft.SecurityInsights/Incidents/${guidOf(id)}`;
        const page = queryAlerts(d.alertSource(), { range, offset: 0, limit: 5_000 });
        return respond(
          page.items.map((a) => ({
            Kind: a.kind,
            Id: a.id,
            IncidentName: a.kind === 'incident' ? rememberIncident(a.id) : '',
            Title: a.title,
            Severity: pascal(a.severity),
            Status: a.kind === 'incident' ? (INCIDENT_STATUS[a.status] ?? a.status) : pascal(a.status),
            Classification: CLASSIFICATION[a.classification ?? ''] ?? '',
            Owner: a.assignedTo ?? '',
            FirstActivity: a.firstActivity,
            LastActivity: a.lastActivity,
            Description: a.description ?? '',
            Category: a.kind === 'alert' ? (a.category ?? '') : '',
            ProductName: a.kind === 'alert' ? (a.productNames?.[0] ?? '') : '',
            CompromisedEntity: a.impactedAssets.find((x) => x.kind === 'device')?.name ?? '',
            AlertCount: a.alertCount ?? null,
            Techniques: a.mitreTechniques ?? [],
            LastModified: a.lastUpdated ?? a.lastActivity,
            Categories: a.categories ?? (a.category ? [a.category] : []),
            ProductNames: a.kind === 'incident' ? (a.productNames ?? []) : null,
            Tags: a.kind === 'incident' ? (a.tags ?? []).map((t) => ({ labelName: t, labelType: isSystemTag(t) ? 'AutoAssigned' : 'User' })) : null,
            // IncidentUrl as the Security Insights REST examples show it (the incident's name is a GUID);
            // AlertLink is set by the products that link their alerts (Defender for Endpoint), empty for analytics rules.
            Link: a.kind === 'incident' ? incidentUrl(a.id) : a.productNames?.includes('Microsoft Defender for Endpoint') ? `https://security.microsoft.com/alerts/${encodeURIComponent(a.id)}` : '',
          })),
          [['FirstActivity', 'datetime'], ['LastActivity', 'datetime'], ['LastModified', 'datetime'], ['AlertCount', 'int'], ['Techniques', 'dynamic'], ['Categories', 'dynamic'], ['ProductNames', 'dynamic'], ['Tags', 'dynamic']],
        );
      }
      case 'alert-counts': {
        // Every alert and incident of the range (the list's rows, not only its most recent), by kind, severity and status as the tables write them.
        const src = d.alertSource();
        const counts = new Map<string, { Kind: string; Severity: string; Status: string; Count: number }>();
        const from = range.from.getTime();
        const to = range.to.getTime();
        for (let i = 0; i < src.size; i++) {
          const a = src.get(i);
          if (Date.parse(a.lastActivity) < from || Date.parse(a.firstActivity) >= to) continue;
          const row = { Kind: a.kind, Severity: pascal(a.severity), Status: a.kind === 'incident' ? (INCIDENT_STATUS[a.status] ?? a.status) : pascal(a.status) };
          const key = `${row.Kind}|${row.Severity}|${row.Status}`;
          counts.set(key, { ...row, Count: (counts.get(key)?.Count ?? 0) + 1 });
        }
        return respond([...counts.values()], [['Count', 'long']]);
      }
      case 'device-search': {
        const term = letString(query, 'term') ?? '';
        return respond(d.devices().filter((_, i) => d.deviceEventsMatch(i, term, range)).map((x) => ({ DeviceId: x.id })));
      }
      case 'device-details': {
        // `DeviceId in ("…", …)`: those devices; none named: all, and the query's own `top` keeps the ones seen last (applyTail).
        const ids = inList(query, 'DeviceId', 'in');
        const seen = d.devicesIn(range).devices;
        const chosen = ids ? seen.filter((x) => ids.includes(x.id.toLowerCase())) : seen;
        return respond(chosen.map(deviceRow), DEVICE_TYPES);
      }
      case 'devices':
        return respond(d.devicesIn(range).devices.map(deviceRow), DEVICE_TYPES);
      case 'accounts':
        return respond(accountRows(d, range, 'logAnalytics', query), [['LastSeen', 'datetime']]);
      case 'traffic':
        return respond(trafficRows(d, range, query), [['DeviceId', 'string'], ['Score', 'real']]);
      case 'prevalence':
        return respond(d.prevalence(range).buckets.filter((b) => b.devices > 0).map((b) => ({ Start: b.start, Devices: b.devices, DeviceNames: b.deviceNames ?? [] })), [['Start', 'datetime'], ['Devices', 'long'], ['DeviceNames', 'dynamic']]);
      case 'ti-profiles':
        return respond(stixProfileRows(d, query), [['FirstSeen', 'datetime'], ['LastSeen', 'datetime'], ['Modified', 'datetime'], ['Aliases', 'dynamic'], ['Relationships', 'dynamic']]);
      case 'indicators': {
        // The workspace's STIX indicators for the IP (stix.ts), less those deleted through ARM.
        const rows = tiIndicators(d, range)
          .filter((x) => !deletedIndicators.has(x.name))
          .map((x) => ({ Id: x.tableId, Title: `${x.threatType}: ${x.description}`, Description: x.description, ThreatType: x.threatType, Confidence: x.confidence, Created: x.created, Modified: x.created, ValidUntil: x.validUntil, Revoked: false, SourceSystem: 'Microsoft Defender Threat Intelligence', Tags: x.tags }));
        return respond(rows, [['Confidence', 'int'], ['Created', 'datetime'], ['Modified', 'datetime'], ['ValidUntil', 'datetime'], ['Revoked', 'bool']]);
      }
      default:
        return error(400, 'BadArgumentError', `The mock does not know the query “${name}”.`);
    }
  }

  return [
    http.post(`${la}/workspaces/:workspace/query`, async ({ request }) => {
      if (!/^Bearer \S+$/.test(request.headers.get('Authorization') ?? '')) return error(401, 'InvalidTokenError', 'Valid authentication was not provided.');
      const body = (await request.json().catch(() => ({}))) as { query?: unknown; timespan?: unknown };
      if (typeof body.query !== 'string') return error(400, 'BadArgumentError', 'The request had some invalid properties: query.');
      return await answer(body.query);
    }),
    // Microsoft.SecurityInsights as its REST spec has it (stable 2024-03-01; Bookmarks.json, Incidents.json and their examples).
    http.put(`${arm}/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.OperationalInsights/workspaces/:ws/providers/Microsoft.SecurityInsights/bookmarks/:id`, async ({ request, params }) => {
      const refused = armRefusal(request);
      if (refused) return refused;
      const body = (await request.json().catch(() => null)) as { properties?: Record<string, unknown> } | null;
      const p = body?.properties;
      if (!p || typeof p['displayName'] !== 'string' || !p['displayName'] || typeof p['query'] !== 'string' || !p['query']) return error(400, 'BadRequest', "The bookmark's properties need a displayName and a query.");
      const at = new Date().toISOString();
      const id = `/subscriptions/${params['sub']}/resourceGroups/${params['rg']}/providers/Microsoft.OperationalInsights/workspaces/${params['ws']}/providers/Microsoft.SecurityInsights/bookmarks/${params['id']}`;
      const user = { objectId: '2046feea-040d-4a46-9e2b-91c2941bfa70', email: 'analyst@contoso.com', name: 'SOC Analyst' };
      const bookmark = { id, name: String(params['id']), type: 'Microsoft.SecurityInsights/bookmarks', etag: '"0300bf09-0000-0000-0000-5c37296e0000"', properties: { ...p, created: at, updated: at, createdBy: user, updatedBy: user } };
      bookmarks.set(id.toLowerCase(), bookmark);
      return HttpResponse.json(bookmark, { status: 201 });
    }),
    http.put(`${arm}/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.OperationalInsights/workspaces/:ws/providers/Microsoft.SecurityInsights/incidents/:incident/relations/:rel`, async ({ request, params }) => {
      const refused = armRefusal(request);
      if (refused) return refused;
      const incident = String(params['incident']);
      if (!incidentNames.has(incident.toLowerCase())) return error(404, 'NotFound', `Incident '${incident}' was not found.`);
      const body = (await request.json().catch(() => null)) as { properties?: { relatedResourceId?: unknown } } | null;
      const related = body?.properties?.relatedResourceId;
      if (typeof related !== 'string' || !related) return error(400, 'BadRequest', 'The relation needs properties.relatedResourceId.');
      const target = bookmarks.get(related.toLowerCase());
      if (!target) return error(400, 'BadRequest', `The related resource '${related}' was not found.`);
      const base = new URL(request.url).pathname.replace(/^.*?(\/subscriptions\/)/, '$1');
      return HttpResponse.json(
        { id: base, name: String(params['rel']), type: 'Microsoft.SecurityInsights/incidents/relations', etag: '190057d0-0000-0d00-0000-5c6f5adb0000', properties: { relatedResourceId: related, relatedResourceName: target.name, relatedResourceType: 'Microsoft.SecurityInsights/bookmarks' } },
        { status: 201 },
      );
    }),
    // Threat intelligence indicators (ThreatIntelligence.json): query by keyword, delete by name.
    http.post(`${arm}/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.OperationalInsights/workspaces/:ws/providers/Microsoft.SecurityInsights/threatIntelligence/main/queryIndicators`, async ({ request, params }) => {
      const refused = armRefusal(request);
      if (refused) return refused;
      const body = (await request.json().catch(() => ({}))) as { keywords?: unknown };
      const keywords = Array.isArray(body.keywords) ? body.keywords.filter((k): k is string => typeof k === 'string') : [];
      const base = `/subscriptions/${params['sub']}/resourceGroups/${params['rg']}/providers/Microsoft.OperationalInsights/workspaces/${params['ws']}/providers/Microsoft.SecurityInsights/ThreatIntelligence`;
      const to = new Date(now);
      const value = keywords.flatMap((k) => {
        const ip = canonicalIp(k);
        if (!ip) return [];
        return tiIndicators(datasetFor(ip, now), { from: new Date(now - 14 * 86_400_000), to })
          .filter((x) => !deletedIndicators.has(x.name))
          .map((x) => ({ id: `${base}/${x.name}`, name: x.name, etag: '"00002f2c-0000-0100-0000-5e9f23b60000"', type: 'Microsoft.SecurityInsights/ThreatIntelligence', kind: 'indicator', properties: { confidence: x.confidence, created: x.created, externalId: x.stixId, lastUpdatedTimeUtc: x.created, source: 'Microsoft Defender Threat Intelligence', displayName: `${x.threatType}: ${x.description}`, threatTypes: [x.threatType], pattern: `[ipv4-addr:value = '${ip}']`, patternType: 'ipv4-addr', validFrom: x.created, validUntil: x.validUntil, parsedPattern: [{ patternTypeKey: 'ipv4-addr', patternTypeValues: [{ valueType: 'ipv4-addr', value: ip }] }] } }));
      });
      return HttpResponse.json({ value });
    }),
    http.delete(`${arm}/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.OperationalInsights/workspaces/:ws/providers/Microsoft.SecurityInsights/threatIntelligence/main/indicators/:name`, ({ request, params }) => {
      const refused = armRefusal(request);
      if (refused) return refused;
      deletedIndicators.add(String(params['name']));
      return new HttpResponse(null, { status: 204 });
    }),
    // Watchlist items (WatchlistItems.json): the SOC's `IpNotes` watchlist, columns IP and Note.
    ...(['get', 'put', 'delete'] as const).map((verb) =>
      http[verb](`${arm}/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.OperationalInsights/workspaces/:ws/providers/Microsoft.SecurityInsights/watchlists/:alias/watchlistItems/:item`, async ({ request, params }) => {
        const refused = armRefusal(request);
        if (refused) return refused;
        const alias = String(params['alias']);
        if (alias.toLowerCase() !== 'ipnotes') return error(404, 'NotFound', `Watchlist '${alias}' was not found.`);
        const key = String(params['item']).toLowerCase();
        const current = watchlistItems.get(key);
        if (verb === 'get') return current ? HttpResponse.json(current) : error(404, 'NotFound', `Watchlist item '${params['item']}' was not found.`);
        if (verb === 'delete') {
          watchlistItems.delete(key);
          return current ? new HttpResponse(null, { status: 200 }) : new HttpResponse(null, { status: 204 });
        }
        const body = (await request.json().catch(() => null)) as { properties?: { itemsKeyValue?: unknown } } | null;
        const kv = body?.properties?.itemsKeyValue;
        if (!kv || typeof kv !== 'object' || Array.isArray(kv)) return error(400, 'BadRequest', 'The watchlist item needs properties.itemsKeyValue.');
        const at = new Date().toISOString();
        const user = { objectId: '2046feea-040d-4a46-9e2b-91c2941bfa70', email: 'analyst@contoso.com', name: 'SOC Analyst' };
        const item = {
          id: new URL(request.url).pathname.replace(/^.*?(\/subscriptions\/)/, '$1'),
          name: String(params['item']),
          type: 'Microsoft.SecurityInsights/Watchlists/WatchlistItems',
          etag: `"${crypto.randomUUID()}"`,
          properties: { watchlistItemType: 'watchlist-item', watchlistItemId: String(params['item']), tenantId: '00000000-0000-0000-0000-0000000000aa', isDeleted: false, created: (current?.properties.created as string | undefined) ?? at, updated: at, createdBy: user, updatedBy: user, itemsKeyValue: kv, entityMapping: {} },
        };
        watchlistItems.set(key, item);
        return HttpResponse.json(item, { status: current ? 200 : 201 });
      }),
    ),
    http.get(`${arm}/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.SecurityInsights/enrichment/ip/geodata/`, ({ request }) => {
      if (!/^Bearer \S+$/.test(request.headers.get('Authorization') ?? '')) return error(401, 'AuthenticationFailed', 'Authentication failed.');
      const url = new URL(request.url);
      if (url.searchParams.get('api-version') !== '2019-01-01-preview') return error(400, 'InvalidApiVersionParameter', 'Unsupported api-version.');
      const parsed = parseIp(url.searchParams.get('ipaddress') ?? '');
      if (!parsed.ok) return error(400, 'BadRequest', 'Invalid IP address.');
      if (!isExternalScope(parsed.ip.scope)) return error(404, 'NotFound', 'No geodata for this IP address.');
      const g = datasetFor(parsed.ip.canonical, now).details();
      // As in the documentation's sample: asn, latitude and longitude are strings.
      return HttpResponse.json({
        asn: g.asn == null ? '' : String(g.asn),
        carrier: g.carrier ?? '',
        city: g.city ?? '',
        cityCf: 90,
        continent: 'europe',
        country: g.country ?? '',
        countryCf: 99,
        ipAddr: parsed.ip.canonical,
        ipRoutingType: 'fixed',
        latitude: g.latitude == null ? '' : String(g.latitude),
        longitude: g.longitude == null ? '' : String(g.longitude),
        organization: g.organization ?? '',
        organizationType: 'Internet Hosting Services',
        region: g.state ?? '',
        state: g.state ?? '',
        stateCf: 90,
        stateCode: '',
      });
    }),
  ];
}

/** A stable GUID-shaped name for a mock incident (Sentinel names incidents with GUIDs). */
function guidOf(id: string): string {
  const hex = (hashString(id).toString(16).padStart(8, '0') + id.length.toString(16).padStart(4, '0')).repeat(3).slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
