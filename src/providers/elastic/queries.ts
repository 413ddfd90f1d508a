/**
 * The Elastic provider's requests: ES|QL (`POST /_query`) over the event indices for devices,
 * their last events, prevalence, log activity and enrichment, and the search API (`_search`) over
 * the detection alerts, paged, filtered and sorted in the cluster. Field names and index patterns
 * are the host's options (ECS by default), checked and quoted by `esql.ts`; values are parameters.
 */
import type { AlertFilter, AlertFilterField, AlertSortField, Sort } from '../../data/provider.js';
import { parseInterval } from '../../lib/iso-time.js';
import { own } from '../../data/model.js';
import type { BucketSize, TimeRange } from '../../lib/time-range.js';
import { esqlDate, esqlField, esqlIndices, esqlInt, esqlIp, esqlMarker, type EsqlRequest } from './esql.js';

/** Where the data is and what its fields are called (ECS names by default). */
export interface ElasticFieldNames {
  timestamp: string;
  sourceIp: string;
  destinationIp: string;
  hostId: string;
  hostName: string;
  hostIp: string;
  hostOsName: string;
  hostOsVersion: string;
  dataset: string;
  eventAction: string;
  direction: string;
  transport: string;
  sourcePort: string;
  destinationPort: string;
  url: string;
  processName: string;
  commandLine: string;
  processSha256: string;
  fileName: string;
  filePath: string;
  fileSha256: string;
  userName: string;
  userDomain: string;
}

export const ECS_FIELDS: ElasticFieldNames = {
  timestamp: '@timestamp',
  sourceIp: 'source.ip',
  destinationIp: 'destination.ip',
  hostId: 'host.id',
  hostName: 'host.name',
  hostIp: 'host.ip',
  hostOsName: 'host.os.name',
  hostOsVersion: 'host.os.version',
  dataset: 'data_stream.dataset',
  eventAction: 'event.action',
  direction: 'network.direction',
  transport: 'network.transport',
  sourcePort: 'source.port',
  destinationPort: 'destination.port',
  url: 'url.full',
  processName: 'process.name',
  commandLine: 'process.command_line',
  processSha256: 'process.hash.sha256',
  fileName: 'file.name',
  filePath: 'file.path',
  fileSha256: 'file.hash.sha256',
  userName: 'user.name',
  userDomain: 'user.domain',
};

/** The device-events query's columns, and the field each one reads. */
export const EVENT_COLUMNS: ReadonlyArray<readonly [column: string, field: keyof ElasticFieldNames]> = [
  ['time', 'timestamp'],
  ['host_id', 'hostId'],
  ['action', 'eventAction'],
  ['direction', 'direction'],
  ['transport', 'transport'],
  ['src_ip', 'sourceIp'],
  ['src_port', 'sourcePort'],
  ['dst_ip', 'destinationIp'],
  ['dst_port', 'destinationPort'],
  ['url', 'url'],
  ['process', 'processName'],
  ['command_line', 'commandLine'],
  ['process_sha256', 'processSha256'],
  ['file', 'fileName'],
  ['file_path', 'filePath'],
  ['file_sha256', 'fileSha256'],
  ['user', 'userName'],
  ['user_domain', 'userDomain'],
];

/** Checked and quoted once, when the provider is made: a bad option fails there, not per query. */
export class ElasticQueries {
  readonly #events: string;
  readonly #f: Record<keyof ElasticFieldNames, string>;
  readonly alertsIndex: string;
  /** The alert fields a page of the list reads. */
  readonly alertSource: readonly string[] = ALERT_SOURCE;

  constructor(events: string | readonly string[], alerts: string, fields: Partial<ElasticFieldNames> = {}) {
    this.#events = esqlIndices(events);
    this.alertsIndex = esqlIndices(alerts).replace(/ /g, '');
    const names = { ...ECS_FIELDS, ...fields };
    this.#f = Object.fromEntries(Object.entries(names).map(([k, v]) => [k, esqlField(v)])) as Record<keyof ElasticFieldNames, string>;
  }

  /** `FROM` the events of the IP in the range: the IP on either side of the connection. */
  #head(name: string, ip: string, range: TimeRange): EsqlRequest {
    const f = this.#f;
    return {
      query: [
        esqlMarker(name),
        `FROM ${this.#events}`,
        `| WHERE ${f.timestamp} >= TO_DATETIME(?from) AND ${f.timestamp} < TO_DATETIME(?to) AND (${f.sourceIp} == TO_IP(?ip) OR ${f.destinationIp} == TO_IP(?ip))`,
      ].join('\n'),
      params: [{ ip: esqlIp(ip) }, { from: esqlDate(range.from) }, { to: esqlDate(range.to) }],
    };
  }

  #with(r: EsqlRequest, ...lines: string[]): EsqlRequest {
    return { query: [r.query, ...lines].join('\n'), params: r.params };
  }

  /** The devices that talked to the IP, most recent first: when, how often, name and OS. */
  devices(ip: string, range: TimeRange, limit: number): EsqlRequest {
    const f = this.#f;
    return this.#with(
      this.#head('devices', ip, range),
      `| WHERE ${f.hostId} IS NOT NULL`,
      `| STATS first_seen = MIN(${f.timestamp}), last_seen = MAX(${f.timestamp}), connections = COUNT(*), name = VALUES(${f.hostName}), os = VALUES(${f.hostOsName}), os_version = VALUES(${f.hostOsVersion}) BY host_id = ${f.hostId}`,
      '| SORT last_seen DESC',
      `| LIMIT ${esqlInt(limit)}`,
    );
  }

  /** Everything with the IP, newest first: the query Go hunt opens in Discover. */
  hunt(ip: string, range: TimeRange): EsqlRequest {
    return this.#with(this.#head('hunt', ip, range), `| SORT ${this.#f.timestamp} DESC`, '| LIMIT 1000');
  }

  /** How many devices talked to the IP (all of them, not only the listed ones), first and last. */
  deviceCount(ip: string, range: TimeRange): EsqlRequest {
    const f = this.#f;
    return this.#with(
      this.#head('device-count', ip, range),
      `| WHERE ${f.hostId} IS NOT NULL`,
      `| STATS devices = COUNT_DISTINCT(${f.hostId}), first_seen = MIN(${f.timestamp}), last_seen = MAX(${f.timestamp})`,
    );
  }

  /** The events of some devices with the IP since a time, newest first (each device's last one first). */
  deviceEvents(ip: string, range: TimeRange, hostIds: readonly string[], since: Date, limit: number, name = 'device-events'): EsqlRequest {
    const f = this.#f;
    const head = this.#head(name, ip, range);
    // Parameter names are made here (h0, h1 …); the ids are their values.
    const ids = hostIds.map((_, i) => `?h${i}`).join(', ');
    return {
      query: [
        head.query,
        `| WHERE ${f.hostId} IN (${ids}) AND ${f.timestamp} >= TO_DATETIME(?since)`,
        `| SORT ${f.timestamp} DESC`,
        // Columns under fixed names, whatever the fields are called in this cluster.
        `| EVAL ${EVENT_COLUMNS.map(([name, key]) => `${name} = ${f[key]}`).join(', ')}`,
        `| KEEP ${EVENT_COLUMNS.map(([name]) => name).join(', ')}`,
        `| LIMIT ${esqlInt(limit)}`,
      ].join('\n'),
      params: [...head.params, ...hostIds.map((id, i) => ({ [`h${i}`]: id })), { since: esqlDate(since) }],
    };
  }

  /**
   * The devices with an event with the IP that holds `term` (case-insensitive) in its process,
   * command line, file, user or URL: the devices tab's search through every event, not only the
   * last one. The term is a parameter (`?term`), found with LOCATE, never pattern syntax.
   */
  deviceSearch(ip: string, range: TimeRange, term: string): EsqlRequest {
    const f = this.#f;
    const head = this.#head('device-search', ip, range);
    const fields = [f.processName, f.commandLine, f.fileName, f.filePath, f.userName, f.url, f.processSha256, f.fileSha256];
    return {
      query: [
        head.query,
        `| WHERE ${f.hostId} IS NOT NULL AND (${fields.map((x) => `LOCATE(TO_LOWER(${x}), ?term) > 0`).join(' OR ')})`,
        `| STATS events = COUNT(*) BY host_id = ${f.hostId}`,
        '| LIMIT 1000',
      ].join('\n'),
      params: [...head.params, { term: term.toLowerCase() }],
    };
  }

  /** Devices per hour or day. */
  prevalence(ip: string, range: TimeRange, size: BucketSize): EsqlRequest {
    const f = this.#f;
    return this.#with(
      this.#head('prevalence', ip, range),
      `| WHERE ${f.hostId} IS NOT NULL`,
      `| STATS devices = COUNT_DISTINCT(${f.hostId}) BY bucket = BUCKET(${f.timestamp}, ${size === 'hour' ? '1 hour' : '1 day'})`,
      '| SORT bucket',
    );
  }

  /** First and last seen, and events, per data set (`data_stream.dataset`). */
  logActivity(ip: string, range: TimeRange): EsqlRequest {
    const f = this.#f;
    return this.#with(
      this.#head('log-activity', ip, range),
      `| STATS first_seen = MIN(${f.timestamp}), last_seen = MAX(${f.timestamp}), events = COUNT(*) BY dataset = ${f.dataset}`,
      '| SORT events DESC',
      '| LIMIT 50',
    );
  }

  /** Hosts that report the IP as their own address (`host.ip`), most recent first. */
  loggedHosts(ip: string, range: TimeRange): EsqlRequest {
    const f = this.#f;
    return {
      query: [
        esqlMarker('logged-hosts'),
        `FROM ${this.#events}`,
        `| WHERE ${f.timestamp} >= TO_DATETIME(?from) AND ${f.timestamp} < TO_DATETIME(?to) AND ${f.hostIp} == TO_IP(?ip) AND ${f.hostId} IS NOT NULL`,
        `| STATS last_seen = MAX(${f.timestamp}), name = VALUES(${f.hostName}), os = VALUES(${f.hostOsName}) BY host_id = ${f.hostId}`,
        '| SORT last_seen DESC',
        '| LIMIT 20',
      ].join('\n'),
      params: [{ ip: esqlIp(ip) }, { from: esqlDate(range.from) }, { to: esqlDate(range.to) }],
    };
  }

  /** The most recent geo and AS enrichment of the IP, from whichever side of an event it was on. */
  enrichment(ip: string, range: TimeRange): EsqlRequest {
    const side = (field: string) => `CASE(${this.#f.sourceIp} == TO_IP(?ip), \`source.${field}\`, \`destination.${field}\`)`;
    return this.#with(
      this.#head('enrichment', ip, range),
      `| EVAL country = ${side('geo.country_name')}, country_code = ${side('geo.country_iso_code')}, region = ${side('geo.region_name')}, city = ${side('geo.city_name')}, asn = ${side('as.number')}, organization = ${side('as.organization.name')}`,
      '| WHERE country IS NOT NULL OR asn IS NOT NULL',
      `| SORT ${this.#f.timestamp} DESC`,
      '| KEEP country, country_code, region, city, asn, organization',
      '| LIMIT 1',
    );
  }

  /** The detection alerts that name the IP: one page, filtered and sorted in the cluster. */
  alertsSearch(ip: string, range: TimeRange, page: { size: number; from?: number; searchAfter?: unknown[] }, filter: AlertFilter = {}, sort?: Sort<AlertSortField>, search?: string): Record<string, unknown> {
    const body: Record<string, unknown> = {
      query: alertsQuery(ip, range, filter, search),
      sort: alertSort(sort),
      size: page.size,
      track_total_hits: true,
      _source: ALERT_SOURCE,
    };
    if (page.searchAfter) body['search_after'] = page.searchAfter;
    else body['from'] = page.from ?? 0;
    return body;
  }

  /** Counts of the IP's alerts by severity and workflow status (for the overview). */
  alertCounts(ip: string, range: TimeRange): Record<string, unknown> {
    return {
      query: alertsQuery(ip, range, {}),
      size: 0,
      track_total_hits: true,
      aggs: { severity: { terms: { field: A.severity, size: 10 }, aggs: { status: { terms: { field: A.status, size: 10 } } } }, hosts: { cardinality: { field: 'host.id' } } },
    };
  }
}

/** The alert fields read (Elastic Security's alert schema). */
export const A = {
  id: 'kibana.alert.uuid',
  rule: 'kibana.alert.rule.name',
  reason: 'kibana.alert.reason',
  severity: 'kibana.alert.severity',
  riskScore: 'kibana.alert.risk_score',
  status: 'kibana.alert.workflow_status',
  tags: 'kibana.alert.workflow_tags',
  assignees: 'kibana.alert.workflow_assignee_ids',
  start: 'kibana.alert.start',
  originalTime: 'kibana.alert.original_time',
  techniques: 'kibana.alert.rule.threat.technique.id',
  tactics: 'kibana.alert.rule.threat.tactic.name',
  ruleType: 'kibana.alert.rule.type',
  timestamp: '@timestamp',
} as const;

const ALERT_SOURCE = [...Object.values(A), 'host.name', 'host.id', 'user.name', 'source.ip', 'destination.ip', 'event.category'];

/** The model's alert values in Elastic's words, for filters pushed to the cluster. */
const SEVERITY_TO_ELASTIC: Record<string, string[]> = { high: ['high', 'critical'], medium: ['medium'], low: ['low'] };
const STATUS_TO_ELASTIC: Record<string, string[]> = { new: ['open'], inProgress: ['acknowledged', 'in-progress'], resolved: ['closed'] };

/** Which alert field each list filter reads; the others are not in Elastic's alerts (no incidents, classification …). */
const FILTER_FIELDS: Partial<Record<AlertFilterField, string>> = {
  severity: A.severity,
  status: A.status,
  tags: A.tags,
  assignedTo: A.assignees,
  category: A.tactics,
  mitreTechniques: A.techniques,
  impactedAssets: 'host.name',
};
const TIME_FILTERS: Partial<Record<AlertFilterField, string>> = { firstActivity: A.start, lastActivity: A.timestamp, lastUpdated: A.timestamp };

/** A wildcard pattern matching `text` anywhere, its own `*`, `?` and `\` taken literally. */
function containing(text: string): string {
  return `*${text.replace(/[\\*?]/g, (c) => `\\${c}`)}*`;
}

function alertsQuery(ip: string, range: TimeRange, filter: AlertFilter, search?: string): Record<string, unknown> {
  const canonical = esqlIp(ip);
  const must: unknown[] = [
    { range: { [A.timestamp]: { gte: esqlDate(range.from), lt: esqlDate(range.to) } } },
    { bool: { should: ['source.ip', 'destination.ip', 'host.ip', 'related.ip'].map((field) => ({ term: { [field]: canonical } })), minimum_should_match: 1 } },
  ];
  const none = { match_none: {} };
  for (const [name, values] of Object.entries(filter) as Array<[AlertFilterField, ReadonlyArray<string | null> | undefined]>) {
    if (!values?.length) continue;
    const time = TIME_FILTERS[name];
    if (time) {
      const interval = parseInterval(values[0] ?? null);
      must.push(interval ? { range: { [time]: { ...(Number.isFinite(interval[0]) ? { gte: new Date(interval[0]).toISOString() } : {}), ...(Number.isFinite(interval[1]) ? { lt: new Date(interval[1]).toISOString() } : {}) } } } : none);
      continue;
    }
    const wanted = values.filter((v): v is string => typeof v === 'string');
    const unset = values.includes(null);
    if (name === 'kind') {
      if (!wanted.includes('alert')) must.push(none);
      continue;
    }
    const field = FILTER_FIELDS[name];
    if (!field) {
      // Not a field of Elastic's alerts: every alert is "not set" there, and matches no value.
      if (!unset) must.push(none);
      continue;
    }
    const map = name === 'severity' ? SEVERITY_TO_ELASTIC : name === 'status' ? STATUS_TO_ELASTIC : undefined;
    const terms = wanted.flatMap((v) => (map ? (own(map, v) ?? []) : [v]));
    const should: unknown[] = [];
    if (terms.length) should.push({ terms: { [field]: terms } });
    if (unset) should.push({ bool: { must_not: { exists: { field } } } });
    must.push(should.length ? { bool: { should, minimum_should_match: 1 } } : none);
  }
  const text = search?.trim();
  if (text) {
    must.push({
      bool: {
        should: [A.rule, A.reason, A.id, 'host.name', 'user.name'].map((field) => ({ wildcard: { [field]: { value: containing(text), case_insensitive: true } } })),
        minimum_should_match: 1,
      },
    });
  }
  return { bool: { filter: must } };
}

/** Sort fields the alerts list offers, in the alert schema's fields; the id breaks ties (stable pages). */
const SORT_FIELDS: Partial<Record<AlertSortField, string>> = {
  lastActivity: A.timestamp,
  lastUpdated: A.timestamp,
  firstActivity: A.start,
  severity: A.riskScore,
  title: A.rule,
  status: A.status,
  assignedTo: A.assignees,
  category: A.tactics,
  tags: A.tags,
  mitreTechniques: A.techniques,
  impactedAssets: 'host.name',
  id: A.id,
};

function alertSort(sort: Sort<AlertSortField> | undefined): unknown[] {
  const field = (sort && SORT_FIELDS[sort.field]) ?? A.timestamp;
  const order = sort ? sort.direction : 'desc';
  return [{ [field]: { order, unmapped_type: 'keyword' } }, { [A.id]: { order: 'asc', unmapped_type: 'keyword' } }];
}
