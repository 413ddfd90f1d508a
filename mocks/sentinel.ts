/**
 * MSW handlers answering the Log Analytics query API and Sentinel's geodata enrichment the way
 * the documentation shows them (`{ tables: [{ name, columns, rows }] }`; geodata with `asn`,
 * `latitude` and `longitude` as strings), from the same generator as the other mocks. Queries are
 * recognized by the provider's marker line; an unknown one fails loudly.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { queryAlerts } from '../src/data/query.js';
import { isExternalScope, parseIp } from '../src/lib/ip.js';
import { markerOf } from '../src/providers/microsoft/kql.js';
import { letString, pascal, queryHead } from './kql-query.js';
import { isSystemTag } from './generator/queue.js';
import { datasetFor } from './generator/dataset.js';

export interface SentinelMockOptions {
  logAnalyticsUrl?: string;
  armUrl?: string;
  now?: number;
  /** Per-query failures: `'insight-abuseipdb': 500`, `'timeline': 403` … */
  fail?: Record<string, number>;
}

export const DEMO_WORKSPACE_ID = '8f2c5e1a-6b7d-4c3e-9a1f-2d4b6c8e0a13';

type Column = [name: string, type: string];

function result(columns: Column[], rows: unknown[][]) {
  return { tables: [{ name: 'PrimaryResult', columns: columns.map(([name, type]) => ({ name, type })), rows }] };
}

const error = (status: number, code: string, message: string) => HttpResponse.json({ error: { code, message } }, { status });

const INCIDENT_STATUS: Record<string, string> = { new: 'New', inProgress: 'Active', resolved: 'Closed' };
const CLASSIFICATION: Record<string, string> = { truePositive: 'TruePositive', falsePositive: 'FalsePositive', informationalExpectedActivity: 'BenignPositive' };

export function createSentinelHandlers(options: SentinelMockOptions = {}): HttpHandler[] {
  const la = (options.logAnalyticsUrl ?? 'https://api.loganalytics.io/v1').replace(/\/+$/, '');
  const arm = (options.armUrl ?? 'https://management.azure.com').replace(/\/+$/, '');
  const now = options.now ?? Math.floor(Date.now() / 3_600_000) * 3_600_000;

  function answer(query: string): Response {
    const head = queryHead(query);
    if (!head) return error(400, 'BadArgumentError', `The mock does not know this query (marker “${markerOf(query) ?? 'none'}”).`);
    const { name, ip, range } = head;
    const from = range.from.getTime();
    const to = range.to.getTime();
    const status = options.fail?.[name];
    if (status) return error(status, 'MockFailure', `The mock fails ${name} with ${status}.`);
    const d = datasetFor(ip, now);
    if (name.startsWith('insight-')) {
      const insight = d.insights(range).find((i) => i.id === name.slice('insight-'.length));
      if (!insight) return error(400, 'BadArgumentError', `The mock has no insight “${name}”.`);
      const type = (t: string) => (t === 'number' ? 'long' : t === 'datetime' ? 'datetime' : t === 'bool' ? 'bool' : 'string');
      return HttpResponse.json(result(insight.columns.map((c) => [c.name, type(c.type)]), insight.rows));
    }
    switch (name) {
      case 'timeline':
        return HttpResponse.json(
          result(
            [['Time', 'datetime'], ['Kind', 'string'], ['Id', 'string'], ['Title', 'string'], ['Source', 'string'], ['Severity', 'string'], ['Description', 'string'], ['AlertId', 'string'], ['BookmarkedBy', 'string'], ['Query', 'string']],
            d.timeline(range).map((e) => [e.time, e.kind, e.id, e.title, e.source ?? '', pascal(e.severity), e.description ?? '', e.alertId ?? '', e.bookmarkedBy ?? '', e.query ?? '']),
          ),
        );
      case 'log-activity':
        return HttpResponse.json(result([['Source', 'string'], ['FirstSeen', 'datetime'], ['LastSeen', 'datetime'], ['Events', 'long']], d.logActivity(range).sources.map((s) => [s.source, s.firstSeen, s.lastSeen, s.count ?? 0])));
      case 'logged-hosts':
        return HttpResponse.json(result([['Computer', 'string'], ['OSType', 'string'], ['ResourceId', 'string'], ['LastHeartbeat', 'datetime']], d.logActivity(range).loggedHosts.map((h) => [h.name, h.os ?? '', `/subscriptions/demo/resourceGroups/soc/providers/Microsoft.Compute/virtualMachines/${h.name}`, h.lastHeartbeat ?? null])));
      case 'alerts': {
        const page = queryAlerts(d.alertSource(), { range, offset: 0, limit: 5_000 });
        return HttpResponse.json(
          result(
            [['Kind', 'string'], ['Id', 'string'], ['Title', 'string'], ['Severity', 'string'], ['Status', 'string'], ['Classification', 'string'], ['Owner', 'string'], ['FirstActivity', 'datetime'], ['LastActivity', 'datetime'], ['Description', 'string'], ['Category', 'string'], ['ProductName', 'string'], ['CompromisedEntity', 'string'], ['AlertCount', 'int'], ['Techniques', 'string'],
              ['LastModified', 'datetime'], ['Categories', 'dynamic'], ['ProductNames', 'dynamic'], ['Tags', 'dynamic']],
            page.items.map((a) => [
              a.kind,
              a.id,
              a.title,
              pascal(a.severity),
              a.kind === 'incident' ? (INCIDENT_STATUS[a.status] ?? a.status) : pascal(a.status),
              CLASSIFICATION[a.classification ?? ''] ?? '',
              a.assignedTo ?? '',
              a.firstActivity,
              a.lastActivity,
              a.description ?? '',
              a.kind === 'alert' ? (a.category ?? '') : '',
              a.kind === 'alert' ? (a.productNames?.[0] ?? '') : '',
              a.impactedAssets.find((x) => x.kind === 'device')?.name ?? '',
              a.alertCount ?? null,
              JSON.stringify(a.mitreTechniques ?? []),
              a.lastUpdated ?? a.lastActivity,
              // Dynamic columns arrive as JSON text, as Log Analytics sends them.
              JSON.stringify(a.categories ?? (a.category ? [a.category] : [])),
              a.kind === 'incident' ? JSON.stringify(a.productNames ?? []) : '',
              a.kind === 'incident' ? JSON.stringify((a.tags ?? []).map((t) => ({ labelName: t, labelType: isSystemTag(t) ? 'AutoAssigned' : 'User' }))) : '',
            ]),
          ),
        );
      }
      case 'device-search': {
        const term = letString(query, 'term') ?? '';
        const ids = d.devices().filter((_, i) => d.deviceEventsMatch(i, term, range));
        return HttpResponse.json(result([['DeviceId', 'string']], ids.map((x) => [x.id])));
      }
      case 'devices': {
        const rows = d
          .devices()
          .filter((x) => Date.parse(x.lastSeen) >= from && Date.parse(x.firstSeen) < to)
          .map((x) => [x.id, x.name, x.firstSeen, x.lastSeen, x.connectionCount, x.lastEvent.timestamp, x.lastEvent.actionType, x.lastEvent.remoteIp ?? '', x.lastEvent.remotePort ?? null, x.lastEvent.protocol ?? '', x.lastEvent.remoteUrl ?? '', x.lastEvent.initiatingProcess?.fileName ?? '', x.lastEvent.initiatingProcess?.commandLine ?? '']);
        return HttpResponse.json(
          result(
            [['DeviceId', 'string'], ['DeviceName', 'string'], ['FirstSeen', 'datetime'], ['LastSeen', 'datetime'], ['Connections', 'long'], ['Timestamp', 'datetime'], ['ActionType', 'string'], ['RemoteIP', 'string'], ['RemotePort', 'int'], ['Protocol', 'string'], ['RemoteUrl', 'string'], ['InitiatingProcessFileName', 'string'], ['InitiatingProcessCommandLine', 'string']],
            rows,
          ),
        );
      }
      case 'prevalence':
        return HttpResponse.json(result([['Start', 'datetime'], ['Devices', 'long']], d.prevalence(range).buckets.filter((b) => b.devices > 0).map((b) => [b.start, b.devices])));
      default:
        return error(400, 'BadArgumentError', `The mock does not know the query “${name}”.`);
    }
  }

  return [
    http.post(`${la}/workspaces/:workspace/query`, async ({ request }) => {
      if (!/^Bearer \S+$/.test(request.headers.get('Authorization') ?? '')) return error(401, 'InvalidTokenError', 'Valid authentication was not provided.');
      const body = (await request.json().catch(() => ({}))) as { query?: unknown; timespan?: unknown };
      if (typeof body.query !== 'string') return error(400, 'BadArgumentError', 'The request had some invalid properties: query.');
      return answer(body.query);
    }),
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
