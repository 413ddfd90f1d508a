/**
 * MSW handlers answering Microsoft Graph security and the Defender for Endpoint API the way the
 * documentation shows them, from the same deterministic generator as the REST mock: advanced
 * hunting (recognized by the provider's marker line; an unknown query fails loudly), `$batch`,
 * alerts and incidents (GET, PATCH, comments), threat intelligence, IP statistics, indicators,
 * machines by IP and device groups. The documented inconsistencies are reproduced: the hunting
 * schema spells its keys `Name`/`Type` in some answers and `name`/`type` in others; IP statistics
 * carry both `organizationPrevalence` and `orgPrevalence`. Requests without a bearer token get 401.
 */
import { trafficRows } from './kql/traffic.js';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { AlertItem, AlertPatch, DeviceEvent } from '../src/data/model.js';
import { queryAlerts } from '../src/data/query.js';
import { applyPatch } from '../src/data/patch.js';
import { canonicalIp, fullIpv6Form } from '../src/lib/ip.js';
import { markerOf } from '../src/providers/microsoft/kql.js';
import { errorsOf, huntingAnswerBody, huntingQueryError, type KqlAnalyzer } from './kql/answers.js';
import { applyTail } from './kql/clips.js';
import { fromGraphDetermination, graphCommentProblem, graphPatchProblem, indicatorBodyProblem, toGraphDetermination } from './microsoft-rules.js';
import { inList, letString, pascal, queryHead } from './kql-query.js';
import { accountRows } from './kql/sign-ins.js';
import { datasetFor, type IpDataset } from './generator/dataset.js';
import { intelProfileHandlers } from './intel-profiles.js';
import { ALERT_TEMPLATES, DEVICE_GROUPS } from './generator/catalog.js';
import { isSystemTag } from './generator/queue.js';
import type { GeneratedThreatIntel } from './generator/threat-intel.js';

export interface MicrosoftMockOptions {
  graphUrl?: string;
  defenderUrl?: string;
  now?: number;
  /** Per-section failures: `'hunting:devices': 500`, `'ti': 403`, `'stats': 429` … */
  fail?: Record<string, number>;
  /**
   * Throttling inside `$batch`, as Graph documents it (concepts/json-batching.md, and the security
   * API's per-request limit in includes/throttling-security-detections-incidents.md): the batch answers 200 and every other
   * request in it answers 429 with a `Retry-After` header, this many times per URL (`Infinity`:
   * always). `retryAfter` is that header's seconds (default 1).
   */
  batchThrottle?: { times: number; retryAfter?: number };
  /**
   * Milliseconds a hunting query runs before it answers (all, or per query name): a slow tenant
   * (90 s), a query past the page's wait. The service lets a query run up to three minutes before
   * it times out (defender-xdr/api-advanced-hunting.md, quota 5).
   */
  huntingDelayMs?: number | Record<string, number>;
  /** Microsoft's KQL analyser (the test server's): queries it refuses are refused as advanced hunting does, and answers take its columns. */
  analyzeKql?: KqlAnalyzer;
}

const HOUR = 3_600_000;
const CATEGORIES = [...new Set(ALERT_TEMPLATES.map((t) => t.category))];
/** The properties List Indicators filters on (get-ti-indicators-collection.md). */
const INDICATOR_FILTERABLE = new Set(['application', 'createdByDisplayName', 'expirationTime', 'generateAlert', 'title', 'rbacGroupNames', 'rbacGroupIds', 'indicatorValue', 'indicatorType', 'creationTimeDateTimeUtc', 'createdBy', 'action', 'severity']);

const error = (status: number, code: string, message: string, headers?: Record<string, string>) =>
  HttpResponse.json({ error: { code, message } }, { status, headers });

function unauthorized(request: Request): Response | undefined {
  const auth = request.headers.get('Authorization') ?? '';
  return /^Bearer \S+$/.test(auth) ? undefined : error(401, 'InvalidAuthenticationToken', 'Access token is empty.');
}

const SERVICE_NAMES: Record<string, string> = {
  microsoftDefenderForEndpoint: 'Microsoft Defender for Endpoint',
  microsoftDefenderForIdentity: 'Microsoft Defender for Identity',
  microsoftDefenderForCloudApps: 'Microsoft Defender for Cloud Apps',
  microsoftDefenderForOffice365: 'Microsoft Defender for Office 365',
  microsoft365Defender: 'Microsoft Defender XDR',
  azureAdIdentityProtection: 'Microsoft Entra ID Protection',
};

/** Graph's .NET type names, back to KQL's (the fallback columns below are written as Graph spells them). */
const KQL_TYPES: Record<string, string> = { String: 'string', DateTime: 'datetime', Int64: 'long', Int32: 'int', Double: 'real', Boolean: 'bool', Object: 'dynamic' };

export function createMicrosoftHandlers(options: MicrosoftMockOptions = {}): HttpHandler[] {
  const graph = (options.graphUrl ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
  const mde = (options.defenderUrl ?? 'https://api.security.microsoft.com').replace(/\/+$/, '');
  const now = options.now ?? Math.floor(Date.now() / HOUR) * HOUR;
  const served = new Set<string>();
  const patches = new Map<string, AlertItem>();
  /** The hosts whose reputation was asked (their articles can be read). */
  const servedTi = new Set<string>();
  const comments = new Map<string, NonNullable<AlertItem['comments']>>();
  const indicators: Array<Record<string, unknown>> = [];
  /** IPs whose generated indicator one added here replaced. */
  const replacedIps = new Set<string>();
  /** Generated indicators deleted here. */
  const deletedIds = new Set<string>();
  let indicatorCount = 0;
  /** The tenant's generated indicators: those of the IPs served so far, as the API writes them, less the replaced and deleted. */
  const generatedIndicators = (): Array<Record<string, unknown>> =>
    [...served]
      .filter((ip) => !replacedIps.has(ip))
      .flatMap((ip) => dataset(ip).indicators().map((x) => ({ ...x, indicatorValue: fullIpv6Form(x.indicatorValue) ?? x.indicatorValue, sourceType: x.createdBy?.includes('@') ? 'User' : 'AadApp' })))
      .filter((x) => !deletedIds.has(x.id));
  const throttledUrls = new Map<string, number>();
  const fail = (section: string) => {
    const status = options.fail?.[section];
    return status ? error(status, status === 429 ? 'TooManyRequests' : status === 403 ? 'Forbidden' : 'InternalServerError', `The mock fails ${section} with ${status}.`, status === 429 ? { 'Retry-After': '1' } : undefined) : undefined;
  };
  const dataset = (ip: string): IpDataset => {
    served.add(ip);
    return datasetFor(ip, now);
  };

  /** The item with this id in any IP served so far, with its changes. */
  function item(id: string): AlertItem | undefined {
    const patched = patches.get(id);
    if (patched) return patched;
    for (const ip of served) {
      const d = datasetFor(ip, now);
      const i = d.indexOfAlertId(id);
      if (i >= 0) {
        const a = d.alert(i);
        return { ...a, comments: [...(a.comments ?? []), ...(comments.get(id) ?? [])] };
      }
    }
    return undefined;
  }

  function groupOf(deviceId: string | undefined): string | null {
    if (!deviceId) return null;
    for (const ip of served) {
      const group = datasetFor(ip, now).deviceGroupOf(deviceId);
      if (group) return group;
    }
    return null;
  }

  function graphAlert(a: AlertItem): Record<string, unknown> {
    const ip = a.evidence?.find((e) => e.entityType === 'Ip')?.name;
    return {
      '@odata.type': '#microsoft.graph.security.alert',
      id: a.id,
      providerAlertId: a.id,
      incidentId: a.incidentId ?? null,
      status: a.status,
      severity: a.severity,
      classification: a.classification ?? 'unknown',
      determination: toGraphDetermination(a.determination),
      serviceSource: a.serviceSource,
      detectionSource: a.detectionSource,
      productName: a.productNames?.[0] ?? null,
      title: a.title,
      description: a.description,
      category: a.category,
      assignedTo: a.assignedTo ?? null,
      alertWebUrl: `https://security.microsoft.com/alerts/${a.id}`,
      mitreTechniques: a.mitreTechniques ?? [],
      createdDateTime: a.createdAt ?? a.firstActivity,
      lastUpdateDateTime: a.lastUpdated ?? a.lastActivity,
      firstActivityDateTime: a.firstActivity,
      lastActivityDateTime: a.lastActivity,
      comments: (a.comments ?? []).map((c) => ({ comment: c.comment, createdByDisplayName: c.createdBy, createdDateTime: c.createdAt })),
      evidence: [
        ...(ip ? [{ '@odata.type': '#microsoft.graph.security.ipEvidence', ipAddress: ip, verdict: 'suspicious', remediationStatus: 'none', roles: ['destination'] }] : []),
        ...a.impactedAssets.map((x) =>
          x.kind === 'device'
            ? { '@odata.type': '#microsoft.graph.security.deviceEvidence', deviceDnsName: x.name, mdeDeviceId: x.id ?? null, rbacGroupName: groupOf(x.id), verdict: 'unknown', remediationStatus: 'none' }
            : x.kind === 'user'
              ? { '@odata.type': '#microsoft.graph.security.userEvidence', userAccount: { userPrincipalName: x.name, accountName: x.name.split('@')[0] }, verdict: 'unknown' }
              : x.kind === 'mailbox'
                ? { '@odata.type': '#microsoft.graph.security.mailboxEvidence', primaryAddress: x.name }
                : { '@odata.type': '#microsoft.graph.security.cloudApplicationEvidence', displayName: x.name },
        ),
      ],
    };
  }

  function graphIncident(a: AlertItem): Record<string, unknown> {
    return {
      '@odata.type': '#microsoft.graph.security.incident',
      id: a.id,
      incidentWebUrl: `https://security.microsoft.com/incidents/${a.id}`,
      displayName: a.title,
      description: a.description,
      createdDateTime: a.createdAt ?? a.firstActivity,
      lastUpdateDateTime: a.lastUpdated ?? a.lastActivity,
      // Incidents say `active` where alerts say `new`.
      status: a.status === 'new' ? 'active' : a.status,
      severity: a.severity,
      classification: a.classification ?? 'unknown',
      determination: toGraphDetermination(a.determination),
      assignedTo: a.assignedTo ?? null,
      customTags: (a.tags ?? []).filter((t) => !isSystemTag(t)),
      systemTags: (a.tags ?? []).filter(isSystemTag),
      comments: (a.comments ?? []).map((c) => ({ comment: c.comment, createdByDisplayName: c.createdBy, createdDateTime: c.createdAt })),
    };
  }

  async function hunt(query: string): Promise<Response> {
    const delay = typeof options.huntingDelayMs === 'number' ? options.huntingDelayMs : (options.huntingDelayMs?.[markerOf(query) ?? ''] ?? 0);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    // What advanced hunting would say of the query: refused as the service refuses it, or answered
    // with the columns Microsoft's analyser derives from the documented schemas.
    const verdict = await options.analyzeKql?.(query, 'defender');
    const errors = errorsOf(verdict);
    if (errors.length) return huntingQueryError(errors);
    const table = (fallback: Array<[string, string]>, rows: ReadonlyArray<Record<string, unknown>>, lowerSchema = false) => huntingAnswerBody(applyTail(query, rows), verdict, fallback.map(([n, t]) => [n, KQL_TYPES[t] ?? t] as [string, string]), lowerSchema);
    if (markerOf(query) === 'device-groups') {
      const failed = fail('hunting:device-groups');
      return failed ?? HttpResponse.json(table([['MachineGroup', 'String']], DEVICE_GROUPS.map((g) => ({ MachineGroup: g }))));
    }
    const head = queryHead(query);
    if (!head) {
      return error(400, 'BadRequest', `The mock does not know this query (marker “${markerOf(query) ?? 'none'}”): a provider query must start with its marker and declare ip, from and to.`);
    }
    const { name, ip, range } = head;
    const failed = fail(`hunting:${name}`);
    if (failed) return failed;
    const d = dataset(ip);
    switch (name) {
      case 'alerts': {
        // `in~` ignores case: the filter's values in the generator's spelling.
        const severity = inList(query, 'Severity');
        const wanted = inList(query, 'Category');
        const category = wanted && CATEGORIES.filter((c) => wanted.includes(c.toLowerCase()));
        const filter = { kind: ['alert'], ...(severity ? { severity } : {}), ...(category ? { category } : {}) };
        const page = queryAlerts(d.alertSource(), { range, filter, offset: 0, limit: 10_000 });
        // As the query's second part: every match counted per severity, past the row cap too.
        const counts = (severity ?? ['informational', 'low', 'medium', 'high'])
          .map((s) => ({ Kind: 'count', Severity: pascal(s), Matched: queryAlerts(d.alertSource(), { range, filter: { ...filter, severity: [s] }, offset: 0, limit: 0 }).total }))
          .filter((c) => c.Matched > 0);
        const rows = page.items
          .map((a) => ({
            AlertId: a.id,
            Timestamp: a.lastActivity,
            FirstActivity: a.firstActivity,
            Title: a.title,
            Severity: pascal(a.severity),
            Category: a.category,
            ServiceSource: SERVICE_NAMES[a.serviceSource ?? ''] ?? a.serviceSource,
            DetectionSource: a.detectionSource,
            AttackTechniques: JSON.stringify(a.mitreTechniques ?? []),
          }));
        const columns: Array<[string, string]> = [['AlertId', 'String'], ['Timestamp', 'DateTime'], ['FirstActivity', 'DateTime'], ['Title', 'String'], ['Severity', 'String'], ['Category', 'String'], ['ServiceSource', 'String'], ['DetectionSource', 'String'], ['AttackTechniques', 'String'], ['Matched', 'Int64'], ['Kind', 'String']];
        // KQL gives a union's rows no order (only the \`top\` leg is sorted): the counts come first and
        // the alerts oldest first, so a reader that relies on the order it was sent is caught.
        return HttpResponse.json(table(columns, [...counts, ...rows.reverse()]));
      }
      case 'devices': {
        const rows = d
          .devicesIn(range)
          .devices
          .map((x) => ({ DeviceId: x.id, DeviceName: x.name, OSPlatform: x.osPlatform, OSVersion: x.osVersion, ExposureLevel: pascal(x.exposureLevel), FirstSeen: x.firstSeen, LastSeen: x.lastSeen, Connections: x.connectionCount, Timestamp: x.lastEvent.timestamp, ...eventColumns(x.lastEvent) }));
        return HttpResponse.json(table([['DeviceId', 'String'], ['DeviceName', 'String'], ['LastSeen', 'DateTime']], rows, true));
      }
      case 'accounts':
        return HttpResponse.json(table([['Source', 'String'], ['Account', 'String'], ['LastSeen', 'DateTime']], accountRows(d, range, 'defender', query)));
      case 'traffic':
        return HttpResponse.json(table([['DeviceId', 'String'], ['Score', 'Double']], trafficRows(d, range, query)));
      case 'device-details': {
        // `DeviceId in ("…", …)`: those devices; none named: all, and the query's own `top` keeps the ones seen last (applyTail).
        const ids = inList(query, 'DeviceId', 'in');
        const seen = d.devicesIn(range).devices;
        const chosen = ids ? seen.filter((x) => ids.includes(x.id.toLowerCase())) : seen;
        const rows = chosen.map((x) => ({ DeviceId: x.id, DeviceName: x.name, OSVersion: x.osVersion, ExposureLevel: pascal(x.exposureLevel), Timestamp: x.lastEvent.timestamp, ...eventColumns(x.lastEvent) }));
        return HttpResponse.json(table([['DeviceId', 'String'], ['Timestamp', 'DateTime']], rows, true));
      }
      case 'device-events': {
        const device = letString(query, 'device') ?? '';
        const events = d.deviceEvents(device, range) ?? [];
        return HttpResponse.json(table([['Timestamp', 'DateTime'], ['ActionType', 'String']], events.map((e) => ({ Timestamp: e.timestamp, ReportId: e.id, ...eventColumns(e) }))));
      }
      case 'device-search': {
        const term = letString(query, 'term') ?? '';
        const ids = d.devices().filter((_, i) => d.deviceEventsMatch(i, term, range)).map((x) => ({ DeviceId: x.id }));
        return HttpResponse.json(table([['DeviceId', 'String']], ids));
      }
      case 'prevalence': {
        const p = d.prevalence(range);
        return HttpResponse.json(table([['Start', 'DateTime'], ['Devices', 'Int64'], ['DeviceNames', 'dynamic']], p.buckets.filter((b) => b.devices > 0).map((b) => ({ Start: b.start, Devices: b.devices, DeviceNames: b.deviceNames ?? [] })), true));
      }
      case 'log-activity': {
        const l = d.logActivity(range);
        const defenderTables = l.sources.filter((s) => /^(Device|Identity|CloudApp|Email)/.test(s.source));
        return HttpResponse.json(table([['Source', 'String'], ['FirstSeen', 'DateTime'], ['LastSeen', 'DateTime'], ['Events', 'Int64']], defenderTables.map((s) => ({ Source: s.source, FirstSeen: s.firstSeen, LastSeen: s.lastSeen, Events: s.count ?? 0 }))));
      }
      case 'logged-hosts': {
        const hosts = d.logActivity(range).loggedHosts;
        return HttpResponse.json(table([['DeviceId', 'String'], ['DeviceName', 'String'], ['OSPlatform', 'String'], ['LastSeen', 'DateTime']], hosts.map((h) => ({ DeviceId: h.id, DeviceName: h.name, OSPlatform: h.os ?? '', LastSeen: h.lastHeartbeat ?? '' }))));
      }
      default:
        return error(400, 'BadRequest', `The mock does not know the query “${name}”.`);
    }
  }

  /** GET of one Graph path, for `$batch` and the plain GETs. */
  function graphGet(path: string): { status: number; body: unknown } {
    const m = /^\/?security\/(alerts_v2|incidents)\/([^/?]+)$/.exec(path);
    if (!m) return { status: 404, body: { error: { code: 'NotFound', message: `The mock has no ${path}.` } } };
    const a = item(decodeURIComponent(m[2]!));
    const wanted = m[1] === 'incidents' ? 'incident' : 'alert';
    if (!a || a.kind !== wanted) return { status: 404, body: { error: { code: 'NotFound', message: `No ${wanted} ${m[2]}.` } } };
    return { status: 200, body: wanted === 'incident' ? graphIncident(a) : graphAlert(a) };
  }

  return [
    // Before `security/:kind/:id`, which would take `threatIntelligence/intelProfiles` for an alert.
    ...intelProfileHandlers(graph, now, (request, section) => unauthorized(request) ?? fail(section)),
    http.post(`${graph}/security/runHuntingQuery`, async ({ request }) => {
      const denied = unauthorized(request);
      if (denied) return denied;
      const body = (await request.json().catch(() => ({}))) as { Query?: unknown };
      return typeof body.Query === 'string' ? await hunt(body.Query) : error(400, 'BadRequest', 'Query is required.');
    }),
    http.post(`${graph}/$batch`, async ({ request }) => {
      const denied = unauthorized(request);
      if (denied) return denied;
      const failed = fail('batch');
      if (failed) return failed;
      const body = (await request.json().catch(() => ({}))) as { requests?: Array<{ id: string; method: string; url: string }> };
      if (!Array.isArray(body.requests) || body.requests.length > 20) return error(400, 'BadRequest', 'A batch holds 1 to 20 requests.');
      return HttpResponse.json({
        responses: body.requests.map((r, i) => {
          const throttle = options.batchThrottle;
          const seen = throttledUrls.get(r.url) ?? 0;
          if (throttle && i % 2 === 1 && seen < throttle.times) {
            throttledUrls.set(r.url, seen + 1);
            // Constructed from the throttling page's words: the item fails with 429, an error like the top-level one, and its own retry-after header.
            return {
              id: r.id,
              status: 429,
              headers: { 'Retry-After': String(throttle.retryAfter ?? 1), 'Content-Type': 'application/json' },
              body: { error: { code: 'TooManyRequests', message: 'Please retry again later.', innerError: { code: '429', status: '429', message: 'Please retry after' } } },
            };
          }
          return { id: r.id, ...graphGet(r.url), headers: { 'Content-Type': 'application/json' } };
        }),
      });
    }),
    http.get(`${graph}/security/:kind/:id`, ({ request, params }) => {
      const denied = unauthorized(request);
      if (denied) return denied;
      const r = graphGet(`security/${String(params['kind'])}/${String(params['id'])}`);
      return HttpResponse.json(r.body as never, { status: r.status });
    }),
    http.patch(`${graph}/security/:kind/:id`, async ({ request, params }) => {
      const denied = unauthorized(request);
      if (denied) return denied;
      const failed = fail('update');
      if (failed) return failed;
      const id = decodeURIComponent(String(params['id']));
      const a = item(id);
      const kind = params['kind'] === 'incidents' ? 'incident' : 'alert';
      if (!a || a.kind !== kind) return error(404, 'NotFound', `No ${kind} ${id}.`);
      const body = (await request.json().catch(() => ({}))) as Record<string, string>;
      const refused = graphPatchProblem(kind, body);
      if (refused) return error(400, 'BadRequest', refused);
      const patch: AlertPatch = {};
      if (body['status']) patch.status = body['status'] === 'active' ? 'new' : body['status'];
      if (body['classification']) patch.classification = body['classification'] === 'unknown' ? null : body['classification'];
      if (body['determination']) patch.determination = body['determination'] === 'unknown' ? null : fromGraphDetermination(body['determination']);
      if (body['assignedTo'] !== undefined) patch.assignedTo = body['assignedTo'] || null;
      const next = applyPatch(a, patch, 'analyst@contoso.com');
      patches.set(id, next);
      return HttpResponse.json(kind === 'incident' ? graphIncident(next) : graphAlert(next));
    }),
    http.post(`${graph}/security/:kind/:id/comments`, async ({ request, params }) => {
      const denied = unauthorized(request);
      if (denied) return denied;
      const id = decodeURIComponent(String(params['id']));
      const a = item(id);
      if (!a) return error(404, 'NotFound', `No item ${id}.`);
      const body = (await request.json().catch(() => ({}))) as { comment?: string };
      const refused = graphCommentProblem(body);
      if (refused) return error(400, 'BadRequest', refused);
      const comment = { comment: body.comment ?? '', createdBy: 'analyst@contoso.com', createdAt: new Date().toISOString() };
      patches.set(id, { ...a, comments: [...(a.comments ?? []), comment] });
      return HttpResponse.json({ value: [...(a.comments ?? []), comment].map((c) => ({ comment: c.comment, createdByDisplayName: c.createdBy, createdDateTime: c.createdAt })) });
    }),
    http.get(`${graph}/security/threatIntelligence/hosts/:ip`, ({ request, params }) => {
      const denied = unauthorized(request) ?? fail('ti');
      if (denied) return denied;
      const ip = canonicalIp(decodeURIComponent(String(params['ip'])));
      if (!ip) return error(400, 'BadRequest', 'Not an IP address.');
      const d = dataset(ip).details();
      return HttpResponse.json({
        '@odata.type': '#microsoft.graph.security.ipAddress',
        id: ip,
        firstSeenDateTime: '2021-03-04T10:00:00Z',
        lastSeenDateTime: new Date(now).toISOString(),
        countryOrRegion: d.countryCode,
        hostingProvider: d.isp ?? d.organization,
        netblock: d.whois?.netRange,
        autonomousSystem: d.asn ? { name: d.asName, number: d.asn, organization: d.organization, value: d.asn } : null,
      });
    }),
    http.get(`${graph}/security/threatIntelligence/hosts/:ip/whois`, ({ request, params }) => {
      const denied = unauthorized(request) ?? fail('ti-whois');
      if (denied) return denied;
      const w = dataset(canonicalIp(decodeURIComponent(String(params['ip']))) ?? '').details().whois;
      if (!w) return error(404, 'NotFound', 'No WHOIS record.');
      return HttpResponse.json({
        '@odata.type': '#microsoft.graph.security.whoisRecord',
        id: `whois-${params['ip']}`,
        registrationDateTime: w.created,
        lastUpdateDateTime: w.updated,
        registrar: { name: w.registrar },
        registrant: { organization: w.organization, name: w.registrant, address: { city: null, countryOrRegion: w.country ?? null, postalCode: null, state: null, street: null } },
        abuse: { email: w.abuseContact },
      });
    }),
    http.get(`${graph}/security/threatIntelligence/hosts/:ip/reputation`, ({ request, params }) => {
      const denied = unauthorized(request) ?? fail('ti-reputation');
      if (denied) return denied;
      const ip = canonicalIp(decodeURIComponent(String(params['ip']))) ?? '';
      const rep = dataset(ip).threatIntel().summary.reputation;
      if (!rep) return error(404, 'NotFound', 'No reputation for this host.');
      if (ip) servedTi.add(ip);
      return HttpResponse.json({ '@odata.type': '#microsoft.graph.security.hostReputation', id: String(params['ip']), ...rep });
    }),
    // An article (security-article.md): found among the articles of the hosts asked about.
    http.get(`${graph}/security/threatIntelligence/articles/:id`, ({ request, params }) => {
      const denied = unauthorized(request) ?? fail('ti-article');
      if (denied) return denied;
      const id = String(params['id']);
      const article = [...servedTi].flatMap((ip) => dataset(ip).threatIntel().lists.articles).find((a) => a.id === id);
      if (!article) return error(404, 'NotFound', `Article ${id} was not found.`);
      return HttpResponse.json({
        '@odata.type': '#microsoft.graph.security.article',
        id: article.id,
        title: article.title,
        summary: { content: `<p>${article.summary ?? ''}</p>`, format: 'html' },
        body: { content: `<p>${article.summary ?? ''}</p>`, format: 'html' },
        createdDateTime: article.createdAt,
        lastUpdatedDateTime: article.updatedAt,
        isFeatured: false,
        tags: article.tags ?? [],
        imageUrl: null,
      });
    }),
    // The host's lists, as Graph pages them ($count, $top, $skip). passiveDnsReverse without $top is
    // the reverse DNS the overview reads (below).
    ...(['passiveDnsReverse', 'sslCertificates', 'hostPairs', 'trackers', 'components', 'ports', 'cookies', 'whois/history'] as const).map((path) =>
      http.get(`${graph}/security/threatIntelligence/hosts/:ip/${path}`, ({ request, params }) => {
        const url = new URL(request.url);
        if (!url.searchParams.has('$top')) return undefined;
        const denied = unauthorized(request) ?? fail(`ti-${path}`);
        if (denied) return denied;
        const lists = dataset(canonicalIp(decodeURIComponent(String(params['ip']))) ?? '').threatIntel().lists;
        const all = tiGraphRows(path, lists);
        const top = Number(url.searchParams.get('$top'));
        const skip = Number(url.searchParams.get('$skip') ?? 0);
        return HttpResponse.json({ '@odata.count': all.length, value: all.slice(skip, skip + top) });
      }),
    ),
    http.get(`${graph}/security/threatIntelligence/hosts/:ip/passiveDnsReverse`, ({ request, params }) => {
      const denied = unauthorized(request) ?? fail('ti-dns');
      if (denied) return denied;
      const ip = canonicalIp(decodeURIComponent(String(params['ip']))) ?? '';
      return HttpResponse.json({
        value: dataset(ip)
          .details()
          .reverseDns.map((name, i) => ({ '@odata.type': '#microsoft.graph.security.passiveDnsRecord', id: `pdns-${i}`, recordType: 'PTR', parentHost: { id: ip }, artifact: { '@odata.type': '#microsoft.graph.security.hostname', id: name }, firstSeenDateTime: '2023-01-01T00:00:00Z', lastSeenDateTime: new Date(now).toISOString() })),
      });
    }),
    http.get(`${mde}/api/ips/:ip/stats`, ({ request, params }) => {
      const denied = unauthorized(request) ?? fail('stats');
      if (denied) return denied;
      const ip = canonicalIp(decodeURIComponent(String(params['ip'])));
      if (!ip) return error(400, 'BadRequest', 'Invalid IP address.');
      const hours = Math.min(720, Number(new URL(request.url).searchParams.get('lookBackHours') ?? 720) || 720);
      const s = dataset(ip).summary({ from: new Date(now - hours * HOUR), to: new Date(now + HOUR) });
      // Live answers carry both names (MicrosoftDocs/microsoft-365-docs#5892).
      return HttpResponse.json({ '@odata.context': `${mde}/api/$metadata#microsoft.windowsDefenderATP.api.InOrgIPStats`, ipAddress: ip, organizationPrevalence: s.organizationPrevalence, orgPrevalence: String(s.organizationPrevalence), orgFirstSeen: s.firstSeen ?? null, orgLastSeen: s.lastSeen ?? null });
    }),
    http.post(`${mde}/api/indicators`, async ({ request }) => {
      const denied = unauthorized(request) ?? fail('indicators');
      if (denied) return denied;
      const input = (await request.json().catch(() => ({}))) as Record<string, unknown>;
      // The documented rules (post-ti-indicator.md, indicators-overview.md), not the page's own checks.
      const problem = indicatorBodyProblem(input);
      if (problem) return error(400, 'BadRequest', problem);
      // Stored as submitted (the rules require IPv6 with all 8 groups); a second one of the same
      // value and type updates the first ("Submits or Updates new Indicator entity").
      const value = String(input['indicatorValue']);
      const previous = indicators.findIndex((i) => i['indicatorValue'] === value && i['indicatorType'] === input['indicatorType']);
      const stamp = new Date().toISOString();
      const indicator: Record<string, unknown> = { ...input, id: previous >= 0 ? indicators[previous]!['id'] : String(9000 + ++indicatorCount), indicatorValue: value, creationTimeDateTimeUtc: previous >= 0 ? indicators[previous]!['creationTimeDateTimeUtc'] : stamp, createdBy: 'analyst@contoso.com', createdBySource: 'analyst@contoso.com', sourceType: 'User', lastUpdateTime: stamp, lastUpdatedBy: 'analyst@contoso.com' };
      if (previous >= 0) indicators.splice(previous, 1, indicator);
      else indicators.push(indicator);
      replacedIps.add(canonicalIp(value) ?? value);
      return HttpResponse.json(indicator);
    }),
    // Delete Indicator (delete-ti-indicator-by-id.md): 204 without content, 404 when there is none
    // (the 404's body is not documented: the API's common error shape, common-errors.md).
    http.delete(`${mde}/api/indicators/:id`, ({ request, params }) => {
      const denied = unauthorized(request) ?? fail('indicators');
      if (denied) return denied;
      const id = decodeURIComponent(String(params['id']));
      const posted = indicators.findIndex((i) => i['id'] === id);
      if (posted >= 0) indicators.splice(posted, 1);
      else if (generatedIndicators().some((i) => i['id'] === id)) deletedIds.add(id);
      else return HttpResponse.json({ error: { code: 'ResourceNotFound', message: `Indicator ${id} was not found`, target: crypto.randomUUID() } }, { status: 404 });
      return new HttpResponse(null, { status: 204 });
    }),
    // List Indicators (get-ti-indicators-collection.md): OData `$filter` on the documented
    // properties (`eq`, joined by `and`), `$top` up to 10,000, `$skip`.
    http.get(`${mde}/api/indicators`, ({ request }) => {
      const denied = unauthorized(request) ?? fail('indicators');
      if (denied) return denied;
      const url = new URL(request.url);
      const top = Number(url.searchParams.get('$top') ?? 10_000);
      if (!Number.isInteger(top) || top < 0 || top > 10_000) return error(400, 'BadRequest', `The limit of '10000' for Top query has been exceeded. The value from the incoming request is '${url.searchParams.get('$top')}'.`);
      const skip = Number(url.searchParams.get('$skip') ?? 0) || 0;
      const clauses = (url.searchParams.get('$filter') ?? '').split(/\s+and\s+/i).filter(Boolean);
      const tests: Array<(i: Record<string, unknown>) => boolean> = [];
      for (const clause of clauses) {
        const m = /^\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(clause);
        if (!m || !INDICATOR_FILTERABLE.has(m[1]!)) return error(400, 'BadRequest', `Invalid filter clause: ${clause}`);
        const [prop, value] = [m[1]!, m[2]!.replace(/''/g, "'")];
        tests.push((i) => String(i[prop] ?? '') === value);
        if (prop === 'indicatorValue' && canonicalIp(value)) dataset(canonicalIp(value)!);
      }
      // The tenant's indicators: those of the IPs served so far (as the generator has them), and the ones added here.
      const all: Array<Record<string, unknown>> = [...generatedIndicators(), ...indicators];
      const value = all.filter((i) => tests.every((t) => t(i))).slice(skip, skip + top);
      return HttpResponse.json({ '@odata.context': `${mde}/api/$metadata#Indicators`, value });
    }),
    http.get(`${mde}/api/exposureScore/ByMachineGroups`, ({ request }) => {
      const denied = unauthorized(request) ?? fail('groups');
      if (denied) return denied;
      return HttpResponse.json({ value: DEVICE_GROUPS.map((g, i) => ({ time: new Date(now).toISOString(), score: 30 + i, rbacGroupName: g, rbacGroupId: 100 + i })) });
    }),
    http.get(new RegExp(`^${mde.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/api/machines/findbyip\\(`), ({ request }) => {
      const denied = unauthorized(request);
      if (denied) return denied;
      const m = /findbyip\(ip='([^']+)'/.exec(decodeURIComponent(new URL(request.url).pathname));
      const ip = canonicalIp(m?.[1] ?? '');
      if (!ip) return error(400, 'BadRequest', 'Invalid IP address.');
      const hosts = dataset(ip).logActivity({ from: new Date(now - 30 * 24 * HOUR), to: new Date(now + HOUR) }).loggedHosts;
      return HttpResponse.json({ value: hosts.map((h) => ({ id: h.id, computerDnsName: h.name, osPlatform: h.os, lastSeen: h.lastHeartbeat, lastIpAddress: ip })) });
    }),
  ];
}

function eventColumns(e: DeviceEvent): Record<string, unknown> {
  const p = e.initiatingProcess;
  return {
    ActionType: e.actionType,
    LocalIP: e.localIp,
    LocalPort: e.localPort,
    RemoteIP: e.remoteIp,
    RemotePort: e.remotePort,
    Protocol: e.protocol,
    RemoteUrl: e.remoteUrl,
    FileName: e.file?.name,
    FolderPath: e.file?.path,
    SHA256: e.file?.sha256,
    InitiatingProcessFileName: p?.fileName,
    InitiatingProcessCommandLine: p?.commandLine,
    InitiatingProcessSHA256: p?.sha256,
    InitiatingProcessFolderPath: p?.folderPath,
    InitiatingProcessId: p?.processId,
    InitiatingProcessAccountName: p?.accountName,
    InitiatingProcessAccountDomain: p?.accountDomain,
  };
}

/** The generator's threat intelligence lists in Graph's shapes. */
function tiGraphRows(path: string, lists: GeneratedThreatIntel['lists']): unknown[] {
  const seen = (r: { firstSeen?: string; lastSeen?: string }) => ({ firstSeenDateTime: r.firstSeen ?? null, lastSeenDateTime: r.lastSeen ?? null });
  switch (path) {
    case 'passiveDnsReverse':
      return lists.passiveDns.map((r, i) => ({ '@odata.type': '#microsoft.graph.security.passiveDnsRecord', id: `pdns-${i}`, recordType: r.recordType, collectedDateTime: r.lastSeen ?? null, artifact: { id: r.hostname }, ...seen(r) }));
    case 'sslCertificates':
      return lists.certificates.map((r, i) => ({ id: `cert-${i}`, sslCertificate: { id: r.sha1, sha1: r.sha1, subject: { commonName: r.subject }, issuer: { commonName: r.issuer }, expirationDateTime: r.expires }, ...seen(r) }));
    case 'hostPairs':
      return lists.hostPairs.map((r, i) => ({ id: `pair-${i}`, parentHost: { id: r.parentHost }, childHost: { id: r.childHost }, linkKind: r.cause, ...seen(r) }));
    case 'trackers':
      return lists.trackers.map((r, i) => ({ id: `tracker-${i}`, kind: r.kind, value: r.value, ...seen(r) }));
    case 'components':
      return lists.components.map((r, i) => ({ id: `component-${i}`, name: r.name, version: r.version ?? null, category: r.category ?? null, ...seen(r) }));
    case 'cookies':
      // hostCookie (security-hostcookie.md), an artifact: its id, name and domain.
      return lists.cookies.map((r, i) => ({ '@odata.type': '#microsoft.graph.security.hostCookie', id: `cookie-${i}`, name: r.name, domain: r.domain ?? null, ...seen(r) }));
    case 'ports':
      // hostPort (security-hostport.md): banners and services as their own objects, each with its span.
      return lists.ports.map((r, i) => ({
        '@odata.type': '#microsoft.graph.security.hostPort',
        id: `port-${i}`,
        port: r.port,
        protocol: r.protocol ?? null,
        status: r.status ?? null,
        timesObserved: r.timesObserved ?? null,
        lastScanDateTime: r.lastScan ?? null,
        banners: r.banner ? [{ banner: r.banner, scanProtocol: r.port === 22 ? 'ssh' : 'https', timesObserved: r.timesObserved ?? 1, ...seen(r) }] : [],
        services: (r.services ?? []).map((name) => {
          const [product, version] = [name.slice(0, name.lastIndexOf(' ')) || name, name.includes(' ') ? name.slice(name.lastIndexOf(' ') + 1) : null];
          return { component: { id: `component-${product}`, name: product, version, category: null }, isRecent: true, ...seen(r) };
        }),
        ...seen(r),
      }));
    default:
      return lists.whoisHistory.map((r, i) => ({ id: `whois-${i}`, registrar: { name: r.registrar }, registrant: { name: r.registrant, organization: r.organization }, registrationDateTime: r.created, lastUpdateDateTime: r.updated, expirationDateTime: r.expires ?? null, nameservers: (r.nameServers ?? []).map((n) => ({ host: { id: n } })), ...seen(r) }));
  }
}
