/**
 * The Elastic provider's requests: ES|QL (`POST /_query`) over the event indices for devices,
 * their last events, prevalence, log activity and enrichment, and the search API (`_search`) over
 * the detection alerts, paged, filtered and sorted in the cluster. Field names and index patterns
 * are the host's options (ECS by default), checked and quoted by `esql.ts`; values are parameters.
 */
import type { AlertFilter, AlertSortField, Sort } from '../../data/provider.js';
import { BUCKET_DEVICE_NAMES } from '../../data/model.js';
import type { BucketSize, TimeRange } from '../../lib/time-range.js';
import type { estypes } from '@elastic/elasticsearch';
import { IpDataError } from '../../data/errors.js';
import { fieldExpression, type FieldTypes } from './cluster.js';
import { esqlDate, esqlField, esqlIndices, esqlInt, esqlIp, esqlMarker, type EsqlRequest } from './esql.js';
import { alertCounts, alertsSearch, allOf, ALERT_SOURCE, containing } from './alert-search.js';

export { A, noneOf } from './alert-search.js';

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
  sourceBytes: string;
  destinationBytes: string;
  url: string;
  processName: string;
  commandLine: string;
  processSha256: string;
  fileName: string;
  filePath: string;
  fileSha256: string;
  userName: string;
  userDomain: string;
  userId: string;
  userFullName: string;
  eventOutcome: string;
  eventCategory: string;
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
  sourceBytes: 'source.bytes',
  destinationBytes: 'destination.bytes',
  url: 'url.full',
  processName: 'process.name',
  commandLine: 'process.command_line',
  processSha256: 'process.hash.sha256',
  fileName: 'file.name',
  filePath: 'file.path',
  fileSha256: 'file.hash.sha256',
  userName: 'user.name',
  userDomain: 'user.domain',
  userId: 'user.id',
  userFullName: 'user.full_name',
  eventOutcome: 'event.outcome',
  eventCategory: 'event.category',
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

/** Geo and AS enrichment, read from whichever side of an event the IP was on (ECS). */
const ENRICHMENT: ReadonlyArray<readonly [column: string, field: string, as: string]> = [
  ['country', 'geo.country_name', 'keyword'],
  ['country_code', 'geo.country_iso_code', 'keyword'],
  ['region', 'geo.region_name', 'keyword'],
  ['city', 'geo.city_name', 'keyword'],
  ['asn', 'as.number', 'long'],
  ['organization', 'as.organization.name', 'keyword'],
];

/**
 * Fields of Elastic's integrations the accounts query reads where an index maps them (each
 * integration's fields.yml): the Entra ID sign-in's UPN, MFA requirement, application, device and
 * result; the Windows logon failure's reason; Okta's outcome reason; sshd's event and method; the
 * host name the system integration writes.
 */
export const INTEGRATION_FIELDS = [
  'azure.signinlogs.properties.user_principal_name',
  'azure.signinlogs.properties.authentication_requirement',
  'azure.signinlogs.properties.app_display_name',
  'azure.signinlogs.properties.device_detail.display_name',
  'azure.signinlogs.result_description',
  'winlog.logon.failure.reason',
  'okta.outcome.reason',
  'system.auth.ssh.event',
  'system.auth.ssh.method',
  'host.hostname',
] as const;

/** What ES|QL reads each field as (for conversions where indices map it differently). */
const FIELD_TYPES: Record<keyof ElasticFieldNames, string> = {
  timestamp: 'date', sourceIp: 'ip', destinationIp: 'ip', hostId: 'keyword', hostName: 'keyword', hostIp: 'ip', hostOsName: 'keyword', hostOsVersion: 'keyword',
  dataset: 'keyword', eventAction: 'keyword', direction: 'keyword', transport: 'keyword', sourcePort: 'long', destinationPort: 'long', sourceBytes: 'long', destinationBytes: 'long', url: 'keyword',
  processName: 'keyword', commandLine: 'keyword', processSha256: 'keyword', fileName: 'keyword', filePath: 'keyword', fileSha256: 'keyword', userName: 'keyword', userDomain: 'keyword',
  userId: 'keyword', userFullName: 'keyword', eventOutcome: 'keyword', eventCategory: 'keyword',
};

/** The fields a section cannot do without, missing from every event index: the section says which. */
export class MissingFieldsError extends IpDataError {
  constructor(
    readonly fields: readonly string[],
    indices: string,
    what: string,
  ) {
    super('unsupported', `The event indices (${indices}) map no ${fields.join(' or ')} field, which ${what} needs. Map it (ECS names it so), or name your field in the provider's \`fields\` option.`);
  }
}

/** The event fields a device search looks through. */
const SEARCHED: ReadonlyArray<keyof ElasticFieldNames> = ['processName', 'commandLine', 'fileName', 'filePath', 'userName', 'url', 'processSha256', 'fileSha256'];

/** Checked and quoted once, when the provider is made: a bad option fails there, not per query. */
export class ElasticQueries {
  readonly events: string;
  readonly #names: ElasticFieldNames;
  readonly #f: Record<keyof ElasticFieldNames, string>;
  readonly alertsIndex: string;
  /** The alert fields a page of the list reads. */
  readonly alertSource: readonly string[] = ALERT_SOURCE;

  constructor(events: string | readonly string[], alerts: string, fields: Partial<ElasticFieldNames> = {}) {
    this.events = esqlIndices(events);
    this.alertsIndex = esqlIndices(alerts).replace(/ /g, '');
    this.#names = { ...ECS_FIELDS, ...fields };
    this.#f = Object.fromEntries(Object.entries(this.#names).map(([k, v]) => [k, esqlField(v)])) as Record<keyof ElasticFieldNames, string>;
  }

  /** Every field the ES|QL queries may name (for `_field_caps`). */
  get fieldNames(): string[] {
    return [...new Set([...Object.values(this.#names), ...ENRICHMENT.flatMap(([, f]) => [`source.${f}`, `destination.${f}`]), ...INTEGRATION_FIELDS])];
  }

  /** A field of the names table as this cluster maps it (converted where indices differ); undefined when none does. */
  field(key: keyof ElasticFieldNames, fields: FieldTypes | undefined): string | undefined {
    return this.#x(key, fields);
  }

  /** The name the host's options give a field of the table. */
  nameOf(key: keyof ElasticFieldNames): string {
    return this.#names[key];
  }

  /** An integration's own field (`system.auth.ssh.event` …) as this cluster maps it, read as `as`; undefined when no index does. */
  integrationField(name: (typeof INTEGRATION_FIELDS)[number], as: string, fields: FieldTypes | undefined): string | undefined {
    return fieldExpression(esqlField(name), name, as, fields);
  }

  /** A request of `lines` after `FROM`, over the IP's events in the range (see the private one). */
  esqlRequest(name: string, ip: string, range: TimeRange, lines: string[], o: { ipFields?: ReadonlyArray<keyof ElasticFieldNames>; more?: readonly estypes.QueryDslQueryContainer[] } = {}): EsqlRequest {
    return this.#request(name, ip, range, lines, o);
  }

  /** A field as this cluster's indices map it (converted where they differ); undefined when none does. */
  #x(key: keyof ElasticFieldNames, fields: FieldTypes | undefined): string | undefined {
    return fieldExpression(this.#f[key], this.#names[key], FIELD_TYPES[key], fields);
  }

  /** `column = VALUES(field)` for each of the optional fields an index maps. */
  #values(columns: Readonly<Record<string, keyof ElasticFieldNames>>, fields: FieldTypes | undefined): string[] {
    return Object.entries(columns).flatMap(([column, key]) => {
      const e = this.#x(key, fields);
      return e ? [`${column} = VALUES(${e})`] : [];
    });
  }

  /** Fields a section needs: their expressions, or a {@link MissingFieldsError} naming the missing ones. */
  #need<K extends keyof ElasticFieldNames>(keys: readonly K[], fields: FieldTypes | undefined, what: string): Record<K, string> {
    const out = {} as Record<K, string>;
    const missing: string[] = [];
    for (const k of keys) {
      const e = this.#x(k, fields);
      if (e) out[k] = e;
      else missing.push(this.#names[k]);
    }
    if (missing.length) throw new MissingFieldsError(missing, this.events, what);
    return out;
  }

  /**
   * The events of the IP in the range: a query DSL filter the cluster runs before the query (the
   * IP on either side; `term` matches any value of a multi-valued field, and a field mapped as
   * keyword too), so the ES|QL itself names no IP field.
   */
  #filter(ip: string, range: TimeRange, ipFields: ReadonlyArray<keyof ElasticFieldNames>, more: readonly estypes.QueryDslQueryContainer[]): estypes.QueryDslQueryContainer {
    const canonical = esqlIp(ip);
    return allOf([
      { range: { [this.#names.timestamp]: { gte: esqlDate(range.from), lt: esqlDate(range.to) } } },
      { bool: { should: ipFields.map((k) => ({ term: { [this.#names[k]]: canonical } })), minimum_should_match: 1 } },
      ...more,
    ]);
  }

  /**
   * A request: the query (no value in its text, and no ES|QL parameter either, so it runs on
   * clusters before 8.15's named parameters) and the filter that carries every value.
   */
  #request(name: string, ip: string, range: TimeRange, lines: string[], o: { ipFields?: ReadonlyArray<keyof ElasticFieldNames>; more?: readonly estypes.QueryDslQueryContainer[]; metadata?: string } = {}): EsqlRequest {
    return {
      query: [esqlMarker(name), `FROM ${this.events}${o.metadata ?? ''}`, ...lines].join('\n'),
      params: [],
      filter: this.#filter(ip, range, o.ipFields ?? ['sourceIp', 'destinationIp'], o.more ?? []),
    };
  }

  /** The devices that talked to the IP, most recent first: when, how often, name and OS. */
  devices(ip: string, range: TimeRange, limit: number, fields?: FieldTypes): EsqlRequest {
    const f = this.#need(['timestamp', 'hostId'], fields, 'the devices list');
    const extra = this.#values({ name: 'hostName', os: 'hostOsName', os_version: 'hostOsVersion' }, fields);
    return this.#request('devices', ip, range, [
      `| WHERE ${f.hostId} IS NOT NULL`,
      `| STATS ${[`first_seen = MIN(${f.timestamp})`, `last_seen = MAX(${f.timestamp})`, 'connections = COUNT(*)', ...extra].join(', ')} BY host_id = ${f.hostId}`,
      '| SORT last_seen DESC',
      `| LIMIT ${esqlInt(limit)}`,
    ]);
  }

  /** Everything with the IP, newest first: the query Go hunt opens in Discover (its own WHERE: Discover runs the text alone). */
  hunt(ip: string, range: TimeRange): EsqlRequest {
    const f = this.#f;
    return {
      query: [
        esqlMarker('hunt'),
        `FROM ${this.events}`,
        `| WHERE ${f.timestamp} >= TO_DATETIME(?from) AND ${f.timestamp} < TO_DATETIME(?to) AND (${f.sourceIp} == TO_IP(?ip) OR ${f.destinationIp} == TO_IP(?ip))`,
        `| SORT ${f.timestamp} DESC`,
        '| LIMIT 1000',
      ].join('\n'),
      params: [{ ip: esqlIp(ip) }, { from: esqlDate(range.from) }, { to: esqlDate(range.to) }],
    };
  }

  /** How many devices talked to the IP (all of them, not only the listed ones), first and last. */
  deviceCount(ip: string, range: TimeRange, fields?: FieldTypes): EsqlRequest {
    const f = this.#need(['timestamp', 'hostId'], fields, 'the device count');
    return this.#request('device-count', ip, range, [
      `| WHERE ${f.hostId} IS NOT NULL`,
      `| STATS devices = COUNT_DISTINCT(${f.hostId}), first_seen = MIN(${f.timestamp}), last_seen = MAX(${f.timestamp})`,
    ]);
  }

  /** The events of some devices with the IP since a time, newest first (each device's last one first); a field no index maps is an empty column. */
  deviceEvents(ip: string, range: TimeRange, hostIds: readonly string[], since: Date, limit: number, name = 'device-events', fields?: FieldTypes): EsqlRequest {
    const f = this.#need(['timestamp', 'hostId'], fields, 'the device events');
    return this.#request(
      name,
      ip,
      range,
      [
        `| SORT ${f.timestamp} DESC`,
        // Columns under fixed names, whatever the fields are called in this cluster.
        `| EVAL ${EVENT_COLUMNS.map(([column, key]) => `${column} = ${this.#x(key, fields) ?? 'null'}`).join(', ')}`,
        `| KEEP ${EVENT_COLUMNS.map(([column]) => column).join(', ')}`,
        `| LIMIT ${esqlInt(limit)}`,
      ],
      // The devices (ids from the cluster) and the time are filter values.
      { more: [{ terms: { [this.#names.hostId]: [...hostIds] } }, { range: { [this.#names.timestamp]: { gte: esqlDate(since) } } }] },
    );
  }

  /** Whether an index maps the field (unknown fields: assumed). */
  maps(fields: FieldTypes | undefined, key: keyof ElasticFieldNames): boolean {
    return this.#x(key, fields) !== undefined;
  }

  /** The device and event fields no event index maps: what the devices tab cannot show or search. */
  missingEventFields(fields: FieldTypes | undefined): string[] {
    const keys = new Set<keyof ElasticFieldNames>(['hostName', 'hostOsName', 'hostOsVersion', ...EVENT_COLUMNS.map(([, k]) => k)]);
    return [...keys].filter((k) => !this.maps(fields, k)).map((k) => this.#names[k]);
  }

  /**
   * The devices with an event with the IP that holds `term` (case-insensitive) in its process,
   * command line, file, user or URL: the devices tab's search through every event, not only the
   * last one. The term is a wildcard query's value with its own `*`, `?` and `\\` escaped (never
   * pattern or query syntax), matched against any value of a multi-valued field. Undefined when
   * no index maps any such field.
   */
  deviceSearch(ip: string, range: TimeRange, term: string, fields?: FieldTypes): EsqlRequest | undefined {
    const f = this.#need(['timestamp', 'hostId'], fields, 'the device search');
    const searched = SEARCHED.filter((k) => this.#x(k, fields)).map((k) => this.#names[k]);
    if (!searched.length) return undefined;
    const value = containing(term);
    return this.#request('device-search', ip, range, [`| WHERE ${f.hostId} IS NOT NULL`, `| STATS events = COUNT(*) BY host_id = ${f.hostId}`, '| LIMIT 1000'], {
      more: [{ bool: { should: searched.map((field) => ({ wildcard: { [field]: { value, case_insensitive: true } } })), minimum_should_match: 1 } }],
    });
  }

  /** Devices per hour or day, and a few of their names where the indices map one (the chart's tooltip names them). */
  prevalence(ip: string, range: TimeRange, size: BucketSize, fields?: FieldTypes): EsqlRequest {
    const f = this.#need(['timestamp', 'hostId'], fields, 'the prevalence chart');
    const name = this.#x('hostName', fields);
    return this.#request('prevalence', ip, range, [
      `| WHERE ${f.hostId} IS NOT NULL`,
      `| STATS ${[`devices = COUNT_DISTINCT(${f.hostId})`, ...(name ? [`names = VALUES(${name})`] : [])].join(', ')} BY bucket = BUCKET(${f.timestamp}, ${size === 'hour' ? '1 hour' : '1 day'})`,
      ...(name ? [`| EVAL names = MV_SLICE(names, 0, ${esqlInt(BUCKET_DEVICE_NAMES - 1)})`] : []),
      '| SORT bucket',
    ]);
  }

  /** First and last seen, and events, per data set (\`data_stream.dataset\`; the index where there is none). */
  logActivity(ip: string, range: TimeRange, fields?: FieldTypes): EsqlRequest {
    const f = this.#need(['timestamp'], fields, 'the log activity');
    const dataset = this.#x('dataset', fields);
    return this.#request(
      'log-activity',
      ip,
      range,
      [`| STATS first_seen = MIN(${f.timestamp}), last_seen = MAX(${f.timestamp}), events = COUNT(*) BY dataset = ${dataset ?? '_index'}`, '| SORT events DESC', '| LIMIT 50'],
      { metadata: dataset ? '' : ' METADATA _index' },
    );
  }

  /** Hosts that report the IP as their own address (\`host.ip\`, any of its values), most recent first. */
  loggedHosts(ip: string, range: TimeRange, fields?: FieldTypes): EsqlRequest {
    const f = this.#need(['timestamp', 'hostId', 'hostIp'], fields, 'the hosts that report the IP');
    const extra = this.#values({ name: 'hostName', os: 'hostOsName' }, fields);
    return this.#request(
      'logged-hosts',
      ip,
      range,
      [`| WHERE ${f.hostId} IS NOT NULL`, `| STATS ${[`last_seen = MAX(${f.timestamp})`, ...extra].join(', ')} BY host_id = ${f.hostId}`, '| SORT last_seen DESC', '| LIMIT 20'],
      { ipFields: ['hostIp'] },
    );
  }

  /**
   * The geo and AS enrichment of both sides of the IP's most recent events (`src` says which side
   * the IP was on: the reader takes that side's); undefined when no index maps any.
   */
  enrichment(ip: string, range: TimeRange, fields?: FieldTypes): EsqlRequest | undefined {
    const f = this.#need(['timestamp'], fields, 'the IP details');
    const src = this.#x('sourceIp', fields);
    if (!src) return undefined;
    const columns = ENRICHMENT.flatMap(([column, field, as]) =>
      (['source', 'destination'] as const).flatMap((side) => {
        const e = fieldExpression(esqlField(`${side}.${field}`), `${side}.${field}`, as, fields);
        return e ? [`${side[0]}_${column} = ${e}`] : [];
      }),
    );
    if (!columns.length) return undefined;
    const names = columns.map((c) => c.split(' = ')[0]!);
    return this.#request('enrichment', ip, range, [
      `| EVAL src = ${src}, ${columns.join(', ')}`,
      `| WHERE ${names.map((n) => `${n} IS NOT NULL`).join(' OR ')}`,
      `| SORT ${f.timestamp} DESC`,
      `| KEEP src, ${names.join(', ')}`,
      '| LIMIT 20',
    ]);
  }

  /** The detection alerts that name the IP: one page, filtered and sorted in the cluster. */
  alertsSearch(ip: string, range: TimeRange, page: { size: number; from?: number; searchAfter?: unknown[] }, filter: AlertFilter = {}, sort?: Sort<AlertSortField>, search?: string): estypes.SearchRequest {
    return alertsSearch(ip, range, page, filter, sort, search);
  }

  /** Counts of the IP's alerts by severity and workflow status (for the overview). */
  alertCounts(ip: string, range: TimeRange): estypes.SearchRequest {
    return alertCounts(ip, range);
  }
}
