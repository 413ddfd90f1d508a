/**
 * MSW handlers answering Elasticsearch the way its documentation shows: ES|QL (`POST /_query`:
 * `{ columns: [{ name, type }], values: [[…]] }`) and the search API over the detection alerts
 * (`POST /<index>/_search`: `hits.total`, `hits.hits[]` with `_id`, `_source` and `sort`,
 * `search_after`, aggregations), from the same generator as the other mocks. ES|QL queries are
 * recognized by the provider's marker line and read their values from `params` only; the search
 * body is read back into the generator's query. Elastic has no incidents: only alerts are served.
 */
import type { estypes } from '@elastic/elasticsearch';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { AlertItem } from '../src/data/model.js';
import type { AlertFilter, AlertFilterField, AlertQuery, AlertSortField } from '../src/data/provider.js';
import { countAlerts, queryAlerts } from '../src/data/query.js';
import { canonicalIp } from '../src/lib/ip.js';
import { esqlMarkerOf, paramsOf } from '../src/providers/elastic/esql.js';
import { A } from '../src/providers/elastic/queries.js';
import { datasetFor } from './generator/dataset.js';
import { applyPatch } from '../src/data/patch.js';
import type { ListSource } from '../src/data/query-engine.js';
import { withPatches } from './patched.js';
import { ACCOUNT_COLUMNS, elasticAccountRows } from './elastic/sign-ins.js';
import { kibanaCaseHandlers } from './elastic/cases.js';
import { DEMO_IPS } from './generator/profiles.js';
import { threatIntelSearch } from './elastic/threat-intel.js';
import { TRAFFIC_BYTES_COLUMNS, TRAFFIC_COLUMNS, TRAFFIC_PORT_COLUMNS, TRAFFIC_SERIES_COLUMNS, trafficBytesTable, trafficPortsTable, trafficSeriesTable, trafficTable } from './elastic/traffic.js';
import { checkEsql, fieldCaps, multiValueWarnings, PROFILES, rootInfo, type ClusterProfileName } from './elastic/cluster.js';

export interface ElasticMockOptions {
  elasticsearchUrl?: string;
  /** Kibana, for the detection engine's status API. */
  kibanaUrl?: string;
  now?: number;
  /** Per-request failures: an ES|QL marker (`'devices': 500`) or `'alerts'`. */
  fail?: Record<string, number>;
  /** The cluster played: its version and its event indices' mappings (default `defend`). */
  profile?: ClusterProfileName;
  /** Another version for the profile's cluster (an older one, say). */
  version?: string;
  /** The key lacks the `monitor` cluster privilege: `GET /` is refused (default: allowed). */
  noMonitor?: boolean;
  /**
   * The key may not change alerts: `index` (no write privilege on the alerts index: the update by
   * query, run with ignore_unavailable, skips them and Kibana answers 200 with none updated) or
   * `kibana` (no Alerts feature privilege: Kibana's own 403).
   */
  readOnlyKey?: 'index' | 'kibana';
  /** ES|QL answers in part (`is_partial`), as when a shard or remote cluster does not answer in time. */
  partial?: boolean;
}

export const DEMO_ELASTICSEARCH_URL = 'https://elasticsearch.example:9200';
export const DEMO_KIBANA_URL = 'https://kibana.example';

/** Elasticsearch's error body. */
const error = (status: number, type: string, reason: string) => HttpResponse.json({ error: { root_cause: [{ type, reason }], type, reason }, status }, { status });

/** The generator's log sources under the data set names Elastic integrations use. */
const DATASETS: Record<string, string> = {
  DeviceNetworkEvents: 'endpoint.events.network',
  DeviceEvents: 'endpoint.events.process',
  CommonSecurityLog: 'panw.panos',
  SigninLogs: 'azure.signinlogs',
  OfficeActivity: 'o365.audit',
  AzureActivity: 'azure.activitylogs',
  Syslog: 'system.syslog',
  SecurityEvent: 'system.security',
  DnsEvents: 'network_traffic.dns',
  AzureDiagnostics: 'azure.firewall_logs',
};

const ELASTIC_SEVERITY: Record<string, string> = { high: 'high', medium: 'medium', low: 'low', informational: 'low' };
const RISK: Record<string, number> = { high: 73, medium: 47, low: 21, informational: 10 };
const ELASTIC_STATUS: Record<string, string> = { new: 'open', inProgress: 'acknowledged', resolved: 'closed' };
/** Elastic's values back in the generator's (a filter on `low` finds what shows as low). */
const SEVERITY_BACK: Record<string, string[]> = { critical: ['high'], high: ['high'], medium: ['medium'], low: ['low', 'informational'] };
const STATUS_BACK: Record<string, string[]> = { open: ['new'], acknowledged: ['inProgress'], 'in-progress': ['inProgress'], closed: ['resolved'] };

/** Which model filter a term on an alert field is. */
const FIELD_FILTERS: Record<string, AlertFilterField> = {
  [A.severity]: 'severity',
  [A.status]: 'status',
  [A.tags]: 'tags',
  [A.assignees]: 'assignedTo',
  [A.tactics]: 'category',
  [A.techniques]: 'mitreTechniques',
  'host.name': 'impactedAssets',
};
const TIME_FIELDS: Record<string, AlertFilterField> = { [A.start]: 'firstActivity', [A.timestamp]: 'lastActivity' };
const SORT_BACK: Record<string, AlertSortField> = {
  [A.timestamp]: 'lastActivity',
  [A.start]: 'firstActivity',
  [A.riskScore]: 'severity',
  [A.rule]: 'title',
  [A.status]: 'status',
  [A.assignees]: 'assignedTo',
  [A.tactics]: 'category',
  [A.tags]: 'tags',
  [A.techniques]: 'mitreTechniques',
  'host.name': 'impactedAssets',
  [A.id]: 'id',
};

/** An alert as a document of `.alerts-security.alerts-default` (dotted field names, as stored). */
function alertDocument(a: AlertItem): Record<string, unknown> {
  const host = a.impactedAssets.find((x) => x.kind === 'device');
  const user = a.impactedAssets.find((x) => x.kind === 'user');
  return {
    '@timestamp': a.lastActivity,
    [A.id]: a.id,
    [A.rule]: a.title,
    [A.reason]: a.description,
    [A.severity]: ELASTIC_SEVERITY[a.severity] ?? 'low',
    [A.riskScore]: RISK[a.severity] ?? 21,
    [A.status]: ELASTIC_STATUS[a.status] ?? 'open',
    [A.start]: a.firstActivity,
    [A.ruleType]: 'query',
    [A.tactics]: a.category ? [a.category] : [],
    [A.techniques]: a.mitreTechniques ?? [],
    [A.tags]: a.tags ?? [],
    [A.assignees]: a.assignedTo ? [a.assignedTo] : [],
    'host.name': host?.name,
    'host.id': host?.id,
    'user.name': user?.name,
    'event.kind': 'signal',
  };
}

/** A sort value of the document for a sort field. */
function sortValue(doc: Record<string, unknown>, field: string): unknown {
  const v = doc[field];
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === 'string' && (field === A.timestamp || field === A.start) ? Date.parse(one) : (one ?? null);
}

interface SearchBody {
  query?: { bool?: { filter?: unknown[] } };
  sort?: Array<Record<string, { order?: string }>>;
  size?: number;
  from?: number;
  search_after?: unknown[];
  _source?: unknown;
  aggs?: unknown;
  track_total_hits?: unknown;
}

/** The search body read back into the generator's query; `undefined` when it matches nothing. */
function readSearch(body: SearchBody): { ip: string; query: Omit<AlertQuery, 'offset' | 'limit'> } | undefined | 'bad' {
  const filter: Record<string, Array<string | null>> = { kind: ['alert'] };
  let ip: string | undefined;
  let range: AlertQuery['range'];
  let search: string | undefined;
  let none = false;
  for (const clause of body.query?.bool?.filter ?? []) {
    const c = clause as Record<string, Record<string, unknown>>;
    if (c['match_none']) none = true;
    else if (c['range']) {
      const [field, b] = Object.entries(c['range'])[0] as [string, { gte?: string; lt?: string }];
      if (field === A.timestamp && !range && b.gte && b.lt) range = { from: new Date(b.gte), to: new Date(b.lt) };
      else if (TIME_FIELDS[field]) filter[TIME_FIELDS[field]] = [`${b.gte ?? ''}..${b.lt ?? ''}`];
    } else if (c['bool']) {
      const should = (c['bool']['should'] ?? []) as Array<Record<string, Record<string, unknown>>>;
      const first = should[0];
      if (first?.['term'] && 'source.ip' in first['term']) ip = canonicalIp(String(first['term']['source.ip'])) ?? undefined;
      else if (first?.['wildcard']) {
        const pattern = String((Object.values(first['wildcard'])[0] as { value?: unknown })?.value ?? '');
        search = pattern.slice(1, -1).replace(/\\(.)/g, '$1');
      } else {
        let name: AlertFilterField | undefined;
        const values: Array<string | null> = [];
        for (const s of should) {
          if (s['terms']) {
            const [field, list] = Object.entries(s['terms'])[0] as [string, string[]];
            name = FIELD_FILTERS[field];
            const back = field === A.severity ? SEVERITY_BACK : field === A.status ? STATUS_BACK : undefined;
            values.push(...list.flatMap((v) => back?.[v] ?? (back ? [] : [v])));
          } else if ((s['bool'] as { must_not?: { exists?: { field?: string } } } | undefined)?.must_not?.exists?.field) {
            name = FIELD_FILTERS[String((s['bool'] as { must_not: { exists: { field: string } } }).must_not.exists.field)];
            values.push(null);
          }
        }
        if (!name) return 'bad';
        filter[name] = values;
      }
    }
  }
  if (!ip || !range) return 'bad';
  if (none) return undefined;
  const [sortSpec] = body.sort ?? [];
  const sortField = sortSpec ? Object.keys(sortSpec)[0]! : A.timestamp;
  const sort = SORT_BACK[sortField] ? { field: SORT_BACK[sortField], direction: sortSpec?.[sortField]?.order === 'asc' ? ('asc' as const) : ('desc' as const) } : undefined;
  return { ip, query: { range, filter: filter as AlertFilter, search, sort } };
}

/** The IP and time range of an ES|QL request's query DSL filter (a range on `@timestamp`, terms on the IP fields). */
interface Scope {
  ip: string;
  from: number;
  to: number;
  /** `terms` on host.id: those devices. */
  hostIds?: string[];
  /** A second range on @timestamp with only `gte`. */
  since?: number;
  /** A `wildcard` search's text (its `*…*` and escapes taken off). */
  term?: string;
  /** `term` clauses on other fields (`event.category`), and the `event.action` a `must_not` leaves out. */
  terms: Record<string, string>;
  notActions: string[];
}

/** What an ES|QL request's query DSL filter selects: the IP and time range, and the devices, time and text it narrows to. */
function readFilter(filter: unknown): Scope | undefined {
  const clauses = (filter as { bool?: { filter?: unknown } } | null)?.bool?.filter;
  if (!Array.isArray(clauses)) return undefined;
  let from = NaN;
  let to = NaN;
  let ip: string | null = null;
  const out: Partial<Scope> = { terms: {}, notActions: [] };
  for (const c of clauses as Array<Record<string, Record<string, unknown>>>) {
    for (const [field, value] of Object.entries(c['term'] ?? {})) out.terms![field] = String(value);
    const not = (c['bool'] as { must_not?: { term?: Record<string, unknown> } } | undefined)?.must_not?.term?.['event.action'];
    if (not !== undefined) out.notActions!.push(String(not));
    const r = c['range']?.['@timestamp'] as { gte?: unknown; lt?: unknown } | undefined;
    if (r && r.lt !== undefined) {
      from = Date.parse(String(r.gte));
      to = Date.parse(String(r.lt));
    } else if (r) out.since = Date.parse(String(r.gte));
    const ids = c['terms']?.['host.id'];
    if (Array.isArray(ids)) out.hostIds = ids.map(String);
    const should = (c['bool'] as { should?: Array<{ term?: Record<string, unknown>; wildcard?: Record<string, { value?: unknown }> }> } | undefined)?.should;
    const term = should?.[0]?.term;
    if (term) ip = canonicalIp(String(Object.values(term)[0] ?? '')) ?? null;
    const wildcard = should?.[0]?.wildcard;
    if (wildcard) out.term = String(Object.values(wildcard)[0]?.value ?? '').slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return ip && Number.isFinite(from) && Number.isFinite(to) ? ({ ...out, ip, from, to } as Scope) : undefined;
}

export function createElasticHandlers(options: ElasticMockOptions = {}): HttpHandler[] {
  const base = (options.elasticsearchUrl ?? DEMO_ELASTICSEARCH_URL).replace(/\/+$/, '');
  const now = options.now ?? Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const profile = PROFILES[options.profile ?? 'defend'];
  /** Where each returned page ended, by query and last id: what `search_after` continues from. */
  const positions = new Map<string, number>();
  /** Alerts changed through Kibana, by IP and index; and the IPs searched (where ids are looked up). */
  const patches = new Map<string, Map<number, AlertItem>>();
  const served = new Set<string>();
  /** Open points in time. */
  const pits = new Set<string>();
  let pitSeq = 0;

  /** The IP's alerts with the changes made so far. */
  function alertSource(ip: string): ListSource<AlertItem> {
    const inner = datasetFor(ip, now).alertSource();
    const patched = patches.get(ip);
    return patched?.size ? withPatches(inner, patched) : inner;
  }

  /** An alert by id among the IPs searched so far: where it is and what it is now. */
  function find(id: string): { ip: string; index: number; current: AlertItem } | undefined {
    for (const ip of served) {
      const d = datasetFor(ip, now);
      const index = d.indexOfAlertId(id);
      if (index >= 0 && !d.alert(index).kind.startsWith('incident')) return { ip, index, current: patches.get(ip)?.get(index) ?? d.alert(index) };
    }
    return undefined;
  }

  function esql(query: string, params: Record<string, unknown>, filter: unknown): Response {
    const name = esqlMarkerOf(query);
    if (!name) return error(400, 'parsing_exception', 'line 1:1: mismatched input (the mock knows only marked queries)');
    // What the cluster says before running it: its version, its mappings.
    const verdict = checkEsql(profile, query, Object.keys(params).length > 0, options.version);
    if (verdict.error) return error(verdict.error.status, verdict.error.type, verdict.error.reason);
    const status = options.fail?.[name];
    if (status) return error(status, 'mock_failure', `The mock fails ${name} with ${status}.`);
    // The IP and the range come from the query DSL filter only: a query with a literal IP in it is not one the provider sends.
    const scope = readFilter(filter);
    if (!scope) return error(400, 'x_content_parse_exception', 'The mock reads the IP and the time range from the request’s filter (a range on @timestamp and terms on the IP fields).');
    const { ip, from, to } = scope;
    served.add(ip);
    const range = { from: new Date(from), to: new Date(to) };
    const d = datasetFor(ip, now);
    const table = (columns: Array<[string, string]>, values: unknown[][]) => {
      // The columns the query makes (a field it could not name is not there), a column set to null empty,
      // and no row where a comparison met a multi-valued field (ES|QL treats it as null, and warns).
      const kept = columns.map(([n], i) => [n, i] as const).filter(([n]) => new RegExp(`\\b${n} = `).test(query));
      const nulls = new Set(kept.filter(([n]) => new RegExp(`\\b${n} = null\\b`).test(query)).map(([n]) => n));
      const rows = verdict.multiValued ? [] : values.map((v) => kept.map(([n, i]) => (nulls.has(n) ? null : v[i])));
      const headers = verdict.multiValued ? multiValueWarnings(query, verdict.multiValued).map((w) => ['Warning', w] as [string, string]) : [];
      const answer: estypes.EsqlQueryResponse = { took: 3, is_partial: options.partial === true, columns: kept.map(([n, i]) => ({ name: n, type: nulls.has(n) ? 'null' : columns[i]![1] })), values: rows as estypes.FieldValue[][] };
      return HttpResponse.json(
        answer,
        { headers: new Headers(headers) },
      );
    };
    const inRange = () => d.devicesIn(range).devices;
    switch (name) {
      case 'devices': {
        const limit = Number(/\| LIMIT (\d+)\s*$/.exec(query)?.[1] ?? 1000);
        const rows = inRange()
          .sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen))
          .slice(0, limit)
          .map((x) => [x.firstSeen, x.lastSeen, x.connectionCount, x.name, x.osPlatform ?? null, x.osVersion ?? null, x.id]);
        return table([['first_seen', 'date'], ['last_seen', 'date'], ['connections', 'long'], ['name', 'keyword'], ['os', 'keyword'], ['os_version', 'keyword'], ['host_id', 'keyword']], rows);
      }
      case 'accounts': {
        // Only authentication events have an account and an outcome to count: without the category
        // the cluster would answer every event of the IP, which the generator's network events do not name.
        if (scope.terms['event.category'] !== 'authentication') return table(ACCOUNT_COLUMNS, []);
        const limit = Number(/\| LIMIT (\d+)\s*$/.exec(query)?.[1] ?? 1000);
        return table(ACCOUNT_COLUMNS, elasticAccountRows(d, range, { pamLeftOut: scope.notActions.includes('authentication_failure'), limit }));
      }
      case 'traffic':
        return table(TRAFFIC_COLUMNS, trafficTable(d, range, scope, query));
      case 'traffic-series':
        return table(TRAFFIC_SERIES_COLUMNS, trafficSeriesTable(d, range, scope, query));
      case 'traffic-ports':
        return table(TRAFFIC_PORT_COLUMNS, trafficPortsTable(d, range, scope, query));
      case 'traffic-bytes':
        return table(TRAFFIC_BYTES_COLUMNS, trafficBytesTable(d, range, scope, query));
      case 'device-search': {
        const term = scope.term ?? '';
        const ids = d.devices().filter((_, i) => d.deviceEventsMatch(i, term, range));
        return table([['events', 'long'], ['host_id', 'keyword']], ids.map((x) => [1, x.id]));
      }
      case 'device-count': {
        const devices = inRange();
        const times = devices.flatMap((x) => [Date.parse(x.firstSeen), Date.parse(x.lastSeen)]).filter(Number.isFinite);
        const iso = (t: number) => new Date(t).toISOString();
        return table([['devices', 'long'], ['first_seen', 'date'], ['last_seen', 'date']], [[devices.length, times.length ? iso(Math.max(from, Math.min(...times))) : null, times.length ? iso(Math.min(to, Math.max(...times))) : null]]);
      }
      case 'device-events':
      case 'device-timeline': {
        const ids = scope.hostIds ?? [];
        const since = scope.since ?? from;
        const devices = d.devices();
        const rows = ids
          .flatMap((id) => {
            const device = devices.find((x) => x.id === id);
            const events = d.deviceEvents(id, range) ?? (device ? [device.lastEvent] : []);
            return events.map((e) => ({ e, id }));
          })
          .filter(({ e }) => Date.parse(e.timestamp) >= since)
          .sort((a, b) => Date.parse(b.e.timestamp) - Date.parse(a.e.timestamp))
          .map(({ e, id }) => {
            const inbound = e.direction === 'inbound';
            const p = e.initiatingProcess;
            return [e.timestamp, id, e.actionType, inbound ? 'inbound' : 'outbound', e.protocol?.toLowerCase() ?? null, inbound ? ip : (e.localIp ?? null), inbound ? (e.remotePort ?? null) : (e.localPort ?? null), inbound ? (e.localIp ?? null) : ip, inbound ? (e.localPort ?? null) : (e.remotePort ?? null), e.remoteUrl ?? null, p?.fileName ?? null, p?.commandLine ?? null, p?.sha256 ?? null, e.file?.name ?? null, e.file?.path ?? null, e.file?.sha256 ?? null, p?.accountName ?? null, p?.accountDomain ?? null];
          });
        const columns: Array<[string, string]> = [['time', 'date'], ['host_id', 'keyword'], ['action', 'keyword'], ['direction', 'keyword'], ['transport', 'keyword'], ['src_ip', 'ip'], ['src_port', 'long'], ['dst_ip', 'ip'], ['dst_port', 'long'], ['url', 'keyword'], ['process', 'keyword'], ['command_line', 'keyword'], ['process_sha256', 'keyword'], ['file', 'keyword'], ['file_path', 'keyword'], ['file_sha256', 'keyword'], ['user', 'keyword'], ['user_domain', 'keyword']];
        return table(columns, rows.slice(0, 10_000));
      }
      case 'prevalence':
        // EVAL over an existing column drops it and appends the new one; a multi-valued cell is an
        // array, a single value a scalar (as ES|QL answers both).
        return table(
          [['devices', 'long'], ['bucket', 'date'], ['names', 'keyword']],
          d.prevalence(range).buckets.filter((b) => b.devices > 0).map((b) => [b.devices, b.start, b.deviceNames?.length === 1 ? b.deviceNames[0] : (b.deviceNames ?? null)]),
        );
      case 'log-activity':
        return table([['first_seen', 'date'], ['last_seen', 'date'], ['events', 'long'], ['dataset', 'keyword']], d.logActivity(range).sources.map((s) => [s.firstSeen, s.lastSeen, s.count ?? 0, DATASETS[s.source] ?? s.source.toLowerCase()]));
      case 'logged-hosts':
        return table([['last_seen', 'date'], ['name', 'keyword'], ['os', 'keyword'], ['host_id', 'keyword']], d.logActivity(range).loggedHosts.map((h) => [h.lastHeartbeat ?? null, h.name, h.os ?? null, h.id]));
      case 'enrichment': {
        // Events from internal hosts to the IP: the IP is the destination, enriched; the source is not.
        const g = d.details();
        const any = g.country || g.asn != null;
        const side = [g.country ?? null, g.countryCode ?? null, g.state ?? null, g.city ?? null, g.asn ?? null, g.organization ?? null];
        const names = ['country', 'country_code', 'region', 'city', 'asn', 'organization'];
        const types = ['keyword', 'keyword', 'keyword', 'keyword', 'long', 'keyword'];
        const columns: Array<[string, string]> = [['src', 'ip'], ...names.map((n, i) => [`s_${n}`, types[i]!] as [string, string]), ...names.map((n, i) => [`d_${n}`, types[i]!] as [string, string])];
        return table(columns, any ? [['10.0.4.21', ...names.map(() => null), ...side]] : []);
      }
      default:
        return error(400, 'verification_exception', `The mock does not know the query “${name}”.`);
    }
  }

  function search(body: SearchBody, pit?: string): Response {
    const status = options.fail?.['alerts'];
    if (status) return error(status, 'mock_failure', `The mock fails alerts with ${status}.`);
    // Alerts by id (read back after a change).
    const ids = (body.query as { terms?: Record<string, unknown> } | undefined)?.terms?.[A.id];
    if (Array.isArray(ids)) {
      const docs = ids.map((id) => find(String(id))).filter((f) => f !== undefined).map((f) => ({ _index: '.internal.alerts-security.alerts-default-000001', _id: f.current.id, _score: 1, _source: alertDocument(f.current) }));
      return HttpResponse.json({ took: 1, timed_out: false, hits: { total: { value: docs.length, relation: 'eq' }, max_score: 1, hits: docs } });
    }
    const read = readSearch(body);
    if (read === 'bad') return error(400, 'x_content_parse_exception', 'The mock cannot read this search.');
    const empty = { took: 1, timed_out: false, hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] } };
    if (!read) return HttpResponse.json(empty);
    served.add(read.ip);
    const source = alertSource(read.ip);
    if (body.aggs) {
      const severity = ['high', 'medium', 'low'].map((sev) => ({
        key: sev,
        doc_count: countAlerts(source, { ...read.query, filter: { ...read.query.filter, severity: SEVERITY_BACK[sev]! } }),
        status: { buckets: ['open', 'acknowledged', 'closed'].map((st) => ({ key: st, doc_count: countAlerts(source, { ...read.query, filter: { ...read.query.filter, severity: SEVERITY_BACK[sev]!, status: STATUS_BACK[st]! } }) })) },
      }));
      const total = severity.reduce((n, b) => n + b.doc_count, 0);
      return HttpResponse.json({ ...empty, hits: { ...empty.hits, total: { value: total, relation: 'eq' } }, aggregations: { severity: { buckets: severity.filter((b) => b.doc_count > 0) }, hosts: { value: 0 } } });
    }
    const size = Math.max(0, Math.min(Number(body.size ?? 10), 10_000));
    const key = JSON.stringify([read.ip, read.query, body.sort]);
    let offset = Math.max(0, Number(body.from ?? 0));
    if (body.search_after) {
      const at = positions.get(`${key}|${JSON.stringify(body.search_after)}`);
      if (at === undefined) return error(400, 'illegal_argument_exception', 'search_after does not continue a page this mock served.');
      offset = at;
    } else if (offset + size > 10_000) {
      return error(400, 'illegal_argument_exception', `Result window is too large, from + size must be less than or equal to: [10000] but was [${offset + size}].`);
    }
    const page = queryAlerts(source, { ...read.query, offset, limit: size });
    const sortField = body.sort?.[0] ? Object.keys(body.sort[0])[0]! : A.timestamp;
    const hits = page.items.map((a, i) => {
      const doc = alertDocument(a);
      // `_source`: false for none, a list of fields for those only (as Elasticsearch filters it).
      const kept = Array.isArray(body._source) ? Object.fromEntries(Object.entries(doc).filter(([k]) => (body._source as string[]).includes(k))) : doc;
      // In a point in time Elasticsearch adds its tiebreaker (_shard_doc) to each hit's sort values.
      const sort = pit ? [sortValue(doc, sortField), a.id, offset + i] : [sortValue(doc, sortField), a.id];
      return { _index: '.internal.alerts-security.alerts-default-000001', _id: a.id, _score: null, ...(body._source === false ? {} : { _source: kept }), sort };
    });
    if (hits.length) positions.set(`${key}|${JSON.stringify(hits.at(-1)!.sort)}`, offset + hits.length);
    return HttpResponse.json({ ...(pit ? { pit_id: pit } : {}), took: 4, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits: { total: { value: page.total, relation: 'eq' }, max_score: null, hits } });
  }

  const kibana = (options.kibanaUrl ?? DEMO_KIBANA_URL).replace(/\/+$/, '');
  return [
    // Kibana's cases: around the demo IPs and those the page asked about.
    ...kibanaCaseHandlers(kibana, now, () => new Set([...DEMO_IPS.map((x) => x.ip), ...served])),
    // Kibana's detection engine: set the workflow status of alerts (an update by query; all found, or nothing changes).
    http.post(`${kibana}/api/detection_engine/signals/status`, async ({ request }) => {
      if (!request.headers.get('kbn-xsrf')) return HttpResponse.json({ statusCode: 400, error: 'Bad Request', message: 'Request must contain a kbn-xsrf header.' }, { status: 400 });
      // The route needs Kibana's Alerts privilege (api_authorization: Kibana's 403); the update runs as
      // the caller with ignore_unavailable, so alerts it may not write are skipped: 200, none updated.
      if (options.readOnlyKey === 'kibana') {
        return HttpResponse.json({ statusCode: 403, error: 'Forbidden', message: 'API [POST /api/detection_engine/signals/status] is unauthorized for user, this action is granted by the Kibana privileges [alerts-all]' }, { status: 403 });
      }
      if (options.readOnlyKey === 'index') return HttpResponse.json({ took: 3, timed_out: false, total: 0, updated: 0, deleted: 0, batches: 0, version_conflicts: 0, noops: 0, failures: [] });
      const body = (await request.json().catch(() => undefined)) as { signal_ids?: unknown; status?: unknown } | undefined;
      const back: Record<string, AlertItem['status']> = { open: 'new', acknowledged: 'inProgress', closed: 'resolved' };
      if (!body || !Array.isArray(body.signal_ids) || typeof body.status !== 'string' || !back[body.status]) {
        return HttpResponse.json({ statusCode: 400, error: 'Bad Request', message: '[request body]: signal_ids and a status (open, acknowledged, closed) are required' }, { status: 400 });
      }
      const found = body.signal_ids.map((id) => find(String(id)));
      for (const f of found) {
        if (!f) continue;
        const map = patches.get(f.ip) ?? new Map<number, AlertItem>();
        map.set(f.index, applyPatch(f.current, { status: back[body.status]! }, 'you'));
        patches.set(f.ip, map);
      }
      positions.clear();
      const updated = found.filter(Boolean).length;
      return HttpResponse.json({ took: 12, timed_out: false, total: updated, updated, deleted: 0, batches: 1, version_conflicts: 0, noops: 0, failures: [] });
    }),
    http.post(`${base}/_query`, async ({ request }) => {
      const body = (await request.json().catch(() => undefined)) as { query?: unknown; params?: unknown; filter?: unknown } | undefined;
      if (!body || typeof body.query !== 'string') return error(400, 'parsing_exception', 'Request body is missing or has no query.');
      return esql(body.query, paramsOf(body), body.filter);
    }),
    // The cluster's name and version; it needs the monitor cluster privilege.
    http.get(`${base}/`, () =>
      options.noMonitor
        ? error(403, 'security_exception', 'action [cluster:monitor/main] is unauthorized for API key id [mock-key-id] of user [ip-entity-page], this action is granted by the cluster privileges [monitor,manage,all]')
        : HttpResponse.json(rootInfo(profile, options.version)),
    ),
    http.get(`${base}/:indices/_field_caps`, ({ request }) => {
      const asked = (new URL(request.url).searchParams.get('fields') ?? '').split(',').filter(Boolean);
      return HttpResponse.json(fieldCaps(profile, asked));
    }),
    http.post(`${base}/:index/_search`, async ({ request, params }) => {
      if (String(params['index']).startsWith('logs-ti_')) return threatIntelSearch(await request.json().catch(() => undefined));
      if (!String(params['index']).startsWith('.alerts-security.alerts-')) return error(404, 'index_not_found_exception', `no such index [${String(params['index'])}]`);
      const body = (await request.json().catch(() => undefined)) as (SearchBody & { pit?: unknown }) | undefined;
      if (!body) return error(400, 'parsing_exception', 'Request body is required.');
      if (body.pit) return error(400, 'action_request_validation_exception', 'Validation Failed: 1: [indices] cannot be used with point in time. Do not specify any index with point in time.;');
      return search(body);
    }),
    // Points in time over the alerts: opened per index, searched without one, closed by id.
    http.post(`${base}/:index/_pit`, ({ request, params }) => {
      if (!String(params['index']).startsWith('.alerts-security.alerts-')) return error(404, 'index_not_found_exception', `no such index [${String(params['index'])}]`);
      if (!new URL(request.url).searchParams.get('keep_alive')) return error(400, 'action_request_validation_exception', 'Validation Failed: 1: [keep_alive] is not specified;');
      const id = btoa(`pit-${++pitSeq}-${String(params['index'])}`);
      pits.add(id);
      return HttpResponse.json({ _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, id });
    }),
    http.post(`${base}/_search`, async ({ request }) => {
      const body = (await request.json().catch(() => undefined)) as (SearchBody & { pit?: { id?: unknown } }) | undefined;
      if (!body) return error(400, 'parsing_exception', 'Request body is required.');
      const id = typeof body.pit?.id === 'string' ? body.pit.id : undefined;
      if (!id) return error(400, 'illegal_argument_exception', 'The mock searches the alerts through their index or a point in time only.');
      if (!pits.has(id)) return error(404, 'search_context_missing_exception', `No search context found for id [${id}]`);
      return search(body, id);
    }),
    http.delete(`${base}/_pit`, async ({ request }) => {
      const body = (await request.json().catch(() => undefined)) as { id?: unknown } | undefined;
      const freed = typeof body?.id === 'string' && pits.delete(body.id);
      return HttpResponse.json({ succeeded: true, num_freed: freed ? 1 : 0 }, { status: freed ? 200 : 404 });
    }),
  ];
}
