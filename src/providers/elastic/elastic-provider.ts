/**
 * `IpDataProvider` over Elastic Security: the Elasticsearch HTTP API, called through the host's
 * `fetch` with the host's authentication (an `Authorization: ApiKey …` header it gives, or a
 * same-origin proxy that adds it; never stored or logged here). ES|QL (`POST /_query`) over the
 * event indices answers the devices, their events, prevalence, log activity and the IP's geo and
 * AS enrichment; the detection alerts (`.alerts-security.alerts-*`) are searched page by page,
 * filtered and sorted in the cluster (`from`/`size`, then `search_after` past the first 10,000).
 * With Kibana's address, an alert's workflow status changes through Kibana's detection engine
 * API; without it the provider is read-only (its capabilities say so). Every value travels as an
 * ES|QL parameter or a query DSL term, never in query text.
 */
import { commentOnCase, findCases } from './cases.js';
import type { CaseQuery, CaseRecord, CaseRef } from '../../data/cases.js';
import { trafficOf } from './traffic.js';
import type { Traffic } from '../../data/traffic.js';
import { defaultRange, devicesPage, logActivity, prevalenceBuckets, DEVICE_LIST_LIMIT } from '../kit/answers.js';
import { requireIp } from '../kit/ip.js';
import { IpDataError, PartlyAppliedError } from '../../data/errors.js';
import { emptyCounts, isOpen } from '../../data/derive.js';
import type { AccountActivity, AlertItem, AlertMark, AlertPatch, DeviceEvent, Indicator, IpDetails, LogActivity, ObservedDevice, Prevalence, QueryLanguage, SecuritySummary } from '../../data/model.js';
import type { AccountQuery, AlertQuery, DeviceQuery, IpDataProvider, LinkResolver, Page, ProviderCapabilities, RequestOptions } from '../../data/provider.js';
import { splitDeviceSearch } from '../../data/query.js';
import { canonicalIp } from '../../lib/ip.js';
import { bucketSizeFor, DAY_MS, type TimeRange } from '../../lib/time-range.js';
import type { estypes } from '@elastic/elasticsearch';
import { HttpClient, parseJson } from '../http.js';
import { SharedCache } from '../kit/shared-cache.js';
import { ElasticThreatIntel } from './threat-intel.js';
import type { ThreatIntel, ThreatIntelRelation, ThreatIntelRows } from '../../data/threat-intel.js';
import { esqlSupported, readFieldCaps, readVersion, type ClusterVersion, type FieldTypes } from './cluster.js';
import { DeepPages } from './deep-pages.js';
import { ALERT_WRITE_PRIVILEGES, elasticError, kibanaError, missingNote, tooOld } from './errors.js';
import { esqlIndices, indexPath, paramsOf, type EsqlRequest } from './esql.js';
import { A, ElasticQueries, type ElasticFieldNames } from './queries.js';
import { accountsRequest, elasticAccounts, accountAnswerPage, type AccountAnswer } from './accounts.js';
import { alertFromHit, deviceFromRow, esqlRows, eventFromRow, num, severityOf, statusOf, str, strings, type Row } from './read.js';

export interface ElasticSecurityProviderOptions {
  /** Elasticsearch's address (`https://cluster.example:9200`), or the host's same-origin proxy for it. */
  elasticsearchUrl: string;
  /** Headers for every request, such as `{ Authorization: 'ApiKey …' }`; a function is asked each time (a key that rotates). */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Index patterns of the events (default `logs-*`). */
  eventIndices?: string | readonly string[];
  /** Index pattern of the detection alerts (default `.alerts-security.alerts-default`, the default space). */
  alertIndex?: string;
  /** Index pattern of the threat intelligence integrations' indicators (default `logs-ti_*`). */
  threatIntelIndices?: string;
  /** Field names where the data is not ECS. */
  fields?: Partial<ElasticFieldNames>;
  /** Kibana's address: links to Discover, and alert status changes (its detection engine API). */
  kibanaUrl?: string;
  /** Headers for Kibana's requests (default: `headers`; an API key works for both). */
  kibanaHeaders?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Days of data the cluster keeps searchable (default 90). */
  maxLookbackDays?: number;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** `credentials` of every request (default `same-origin`: a proxy's cookie, never a third party's). */
  credentials?: RequestCredentials;
  /** Follow redirects (default false: a redirect fails the request, whatever carries the credentials). */
  followRedirects?: boolean;
}

/** Elasticsearch's default `index.max_result_window`: deeper pages go on with `search_after`. */
const WINDOW = 10_000;
const EVENT_LIMIT = 10_000;
const MARK_LIMIT = 500;

export class ElasticSecurityProvider implements IpDataProvider {
  readonly links: LinkResolver;
  readonly #o: ElasticSecurityProviderOptions;
  readonly #http: HttpClient;
  readonly #base: string;
  readonly #q: ElasticQueries;
  readonly #esql = new SharedCache<Answer>({ max: 64 });
  /** What the cluster is (its version, the fields its event indices map), asked once; null when it would not say. */
  readonly #version = new SharedCache<ClusterVersion | null>({ ttlMs: 60 * 60_000 });
  readonly #fieldCaps = new SharedCache<FieldTypes | null>({ ttlMs: 10 * 60_000 });
  readonly #searches = new SharedCache<unknown>({ max: 64 });
  readonly #accounts = new SharedCache<AccountAnswer>({ max: 16 });
  /** The range of each Go hunt query made (its link opens Discover over that range). */
  readonly #huntRanges = new Map<string, TimeRange>();
  /** Alert pages past the result window, each list walked in its own point in time. */
  readonly #deep: DeepPages;

  readonly #ti: ElasticThreatIntel;

  constructor(options: ElasticSecurityProviderOptions) {
    if (!options || typeof options.elasticsearchUrl !== 'string' || !options.elasticsearchUrl.trim()) {
      throw new TypeError('ElasticSecurityProvider needs elasticsearchUrl (the cluster, or a proxy for it).');
    }
    this.#o = options;
    this.#base = options.elasticsearchUrl.trim().replace(/\/+$/, '');
    this.#http = new HttpClient({ fetch: options.fetch, timeoutMs: options.timeoutMs, credentials: options.credentials, followRedirects: options.followRedirects });
    this.#q = new ElasticQueries(options.eventIndices ?? 'logs-*', options.alertIndex ?? '.alerts-security.alerts-default', options.fields);
    // Checked as the others are: names, commas and wildcards only.
    const tiIndices = esqlIndices(options.threatIntelIndices ?? 'logs-ti_*').replace(/ /g, '');
    this.#ti = new ElasticThreatIntel(tiIndices, (path, body, what, signal) => this.#post(path, body, what, signal, tiIndices));
    this.links = kibanaLinks(options.kibanaUrl, (query) => this.#huntRanges.get(query));
    this.#deep = new DeepPages(
      {
        post: (path, body, what, signal) => this.#post(path, body, what, signal),
        // Closing a point in time frees it early; if it fails, its keep-alive frees it.
        close: async (body) => {
          try {
            const headers = await requestHeaders(this.#o.headers);
            await this.#http.attempt({ method: 'DELETE', url: `${this.#base}/_pit`, headers, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) }, true);
          } catch {
            // freed by its keep-alive
          }
        },
      },
      indexPath(this.#q.alertsIndex),
      WINDOW,
    );
  }

  async getCapabilities(): Promise<Partial<ProviderCapabilities>> {
    return { updateAlerts: Boolean(this.#o.kibanaUrl), addIndicator: false, indicators: true, deviceGroups: false, deviceEvents: true, accounts: true, traffic: true, cases: Boolean(this.#o.kibanaUrl), caseKind: 'case', timeline: false, insights: false, threatIntel: true, maxLookbackDays: this.#o.maxLookbackDays ?? 90 };
  }

  /**
   * The threat intelligence integrations' indicators for the IP (threat-intel.ts), as `ThreatIntel`
   * indicators: Elastic Defend has no IP blocklist (its blocklist takes hashes, paths and
   * signatures), so nothing here enforces; indicator match rules alert on them.
   */
  async listIndicators(ip: string, o: RequestOptions): Promise<Indicator[]> {
    return this.#ti.indicators(checkedIp(ip), o.signal);
  }

  /** The feeds' own intelligence: the actors and malware they tie to the IP, and the reports that name it; no host view, no call until a list asks. */
  async getThreatIntel(ip: string): Promise<ThreatIntel> {
    checkedIp(ip);
    return { counts: {}, lists: ['profiles', 'articles'] };
  }

  async listThreatIntel<R extends ThreatIntelRelation>(ip: string, relation: R, page: { offset: number; limit: number }, o: RequestOptions): Promise<Page<ThreatIntelRows[R]>> {
    return this.#ti.list(checkedIp(ip), relation, page, o.signal);
  }

  async getIpDetails(ip: string, o: RequestOptions): Promise<IpDetails> {
    const canonical = checkedIp(ip);
    // The hour, not the millisecond: a second open within it is answered from the cache.
    const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    const range = { from: new Date(to.getTime() - (this.#o.maxLookbackDays ?? 90) * DAY_MS), to };
    const request = this.#q.enrichment(canonical, range, await this.#fields(o.signal));
    const rows = request ? (await this.#run(request, `the enrichment of ${canonical}`, o.signal)).rows : [];
    // Each row has both sides' enrichment: the IP's side is the one to read (the most recent row that has it).
    const sideOf = (r: Row) => (canonicalIp(str(r, 'src') ?? '') === canonical ? 's' : 'd');
    const r = rows.find((row) => ['country', 'asn', 'organization', 'city'].some((c) => row[`${sideOf(row)}_${c}`] != null));
    if (!r) return { ip: canonical, reverseDns: [] };
    const side = sideOf(r);
    const v = (c: string) => str(r, `${side}_${c}`);
    return { ip: canonical, organization: v('organization'), asn: num(r, `${side}_asn`), country: v('country'), countryCode: v('country_code'), state: v('region'), city: v('city'), reverseDns: [] };
  }

  async getSecuritySummary(ip: string, range: TimeRange, o: RequestOptions): Promise<SecuritySummary> {
    const canonical = checkedIp(ip);
    // The alert counts come from the search API; a cluster that cannot run the device count (its
    // ES|QL too old, no host.id) still gives them, and the summary says what is missing.
    const [counts, devices] = await Promise.all([
      this.#search(this.#q.alertCounts(canonical, range), `the alerts of ${canonical}`, o.signal),
      this.#deviceStats(canonical, range, o.signal).catch((error: unknown) => {
        if (error instanceof IpDataError && error.kind === 'unsupported') return { count: 0, firstSeen: undefined, lastSeen: undefined, partial: `Devices: ${error.message}` };
        throw error;
      }),
    ]);
    const incomplete = devices.partial;
    const alertsBySeverity = emptyCounts();
    let activeAlerts = 0;
    const buckets = ((counts as { aggregations?: { severity?: { buckets?: unknown[] } } }).aggregations?.severity?.buckets ?? []) as Array<{ key?: unknown; doc_count?: unknown; status?: { buckets?: Array<{ key?: unknown; doc_count?: unknown }> } }>;
    for (const b of buckets) {
      const sev = severityOf(b.key);
      const n = Number(b.doc_count) || 0;
      if (sev in alertsBySeverity) alertsBySeverity[sev as keyof typeof alertsBySeverity] += n;
      for (const s of b.status?.buckets ?? []) if (isOpen(statusOf(s.key))) activeAlerts += Number(s.doc_count) || 0;
    }
    const summary: SecuritySummary = { openIncidents: 0, activeAlerts, incidentsBySeverity: emptyCounts(), alertsBySeverity, organizationPrevalence: devices.count, firstSeen: devices.firstSeen, lastSeen: devices.lastSeen };
    return incomplete ? { ...summary, incomplete } : summary;
  }

  async getLogActivity(ip: string, range: TimeRange, o: RequestOptions): Promise<LogActivity> {
    const canonical = checkedIp(ip);
    const fields = await this.#fields(o.signal);
    const [{ rows }, hosts] = await Promise.all([
      this.#run(this.#q.logActivity(canonical, range, fields), `the log activity of ${canonical}`, o.signal),
      // Without host.ip in the data, no host reports the IP as its own: the table stays empty.
      this.#q.maps(fields, 'hostIp') ? this.#run(this.#q.loggedHosts(canonical, range, fields), `the hosts that report ${canonical}`, o.signal).then((a) => a.rows) : [],
    ]);
    return logActivity(
      rows.map((r) => ({ source: str(r, 'dataset') ?? 'unknown', firstSeen: str(r, 'first_seen') ?? '', lastSeen: str(r, 'last_seen') ?? '', count: num(r, 'events') })),
      hosts.map((h) => ({ id: str(h, 'host_id') ?? '', name: str(h, 'name') ?? str(h, 'host_id') ?? '', os: str(h, 'os'), lastHeartbeat: str(h, 'last_seen') })),
    );
  }

  async getPrevalence(ip: string, range: TimeRange, o: RequestOptions): Promise<Prevalence> {
    const canonical = checkedIp(ip);
    const size = bucketSizeFor(range);
    const fields = await this.#fields(o.signal);
    const [{ rows }, devices, marks] = await Promise.all([
      this.#run(this.#q.prevalence(canonical, range, size, fields), `the prevalence of ${canonical}`, o.signal),
      this.#deviceStats(canonical, range, o.signal),
      this.#alertMarks(canonical, range, o.signal),
    ]);
    return {
      bucket: size,
      buckets: prevalenceBuckets(range, size, rows.map((r) => ({ start: str(r, 'bucket'), devices: num(r, 'devices'), names: strings(r, 'names') }))),
      totalDevices: devices.count,
      firstSeen: devices.firstSeen,
      lastSeen: devices.lastSeen,
      ...marks,
    };
  }

  async listAlerts(ip: string, query: AlertQuery, o: RequestOptions): Promise<Page<AlertItem>> {
    const canonical = checkedIp(ip);
    const range = query.range ?? defaultRange();
    const offset = Math.max(0, Math.floor(query.offset));
    const limit = Math.max(0, Math.min(Math.floor(query.limit), WINDOW));
    const key = JSON.stringify([canonical, range.from.getTime(), range.to.getTime(), query.filter ?? {}, query.search ?? '', query.sort ?? null]);
    const request = (page: { size: number; from?: number }) => this.#search(this.#q.alertsSearch(canonical, range, page, query.filter, query.sort, query.search), `the alerts of ${canonical}`, o.signal);
    // Within the window: from/size (shared while the page asks again). Past it: search_after in a
    // point in time, so a far page is the list as it was when the walk began.
    const answer =
      offset + limit <= WINDOW
        ? await request({ size: limit, from: offset })
        : await this.#deep.page(key, (page) => this.#q.alertsSearch(canonical, range, page, query.filter, query.sort, query.search), offset, limit, `the alerts of ${canonical}`, o.signal);
    const hits = hitsOf(answer);
    return { items: hits.map(alertFromHit).filter((a): a is AlertItem => Boolean(a)), total: totalOf(answer) };
  }

  async listObservedDevices(ip: string, query: DeviceQuery, o: RequestOptions): Promise<Page<ObservedDevice>> {
    const canonical = checkedIp(ip);
    const range = query.range ?? defaultRange();
    const { text: term } = splitDeviceSearch(query.search);
    // A search looks through every event of a device with the IP (one more query per text, shared).
    const fields = await this.#fields(o.signal);
    const search = term ? this.#q.deviceSearch(canonical, range, term, fields) : undefined;
    const [{ devices, partial }, found] = await Promise.all([
      this.#devices(canonical, range, o.signal),
      search ? this.#run(search, `the devices with “${term}” in an event with ${canonical}`, o.signal).then((a) => new Set(a.rows.map((r) => str(r, 'host_id')))) : undefined,
    ]);
    const page = devicesPage(devices, query, found);
    const notes = [partial, missingNote(this.#q, fields)].filter(Boolean);
    return notes.length ? { ...page, incomplete: notes.join(' ') } : page;
  }

  /** The accounts seen signing in from the IP: one ES|QL query per range over the authentication events (accounts.ts). */
  async listAccounts(ip: string, query: AccountQuery, o: RequestOptions): Promise<Page<AccountActivity>> {
    const [canonical, range] = [checkedIp(ip), query.range ?? defaultRange()];
    const accounts = await this.#accounts.get(`${canonical}|${range.from.getTime()}|${range.to.getTime()}`, o.signal, async (signal) =>
      this.#run(accountsRequest(this.#q, canonical, range, await this.#fields(signal)), `the accounts seen signing in from ${canonical}`, signal).then((a) => elasticAccounts(a.rows, a.partial)));
    return accountAnswerPage(accounts, query);
  }

  /**
   * The traffic per device (traffic.ts): the cluster counts, the page measures the intervals from
   * the most recent connection seconds it returned; then the chosen devices' series and ports.
   */
  async getTraffic(ip: string, range: TimeRange, o: RequestOptions): Promise<Traffic> {
    const canonical = checkedIp(ip);
    const what = `the traffic of the devices that talked to ${canonical}`;
    return trafficOf(this.#q, canonical, range, await this.#fields(o.signal), {
      run: (request) => this.#run(request, what, o.signal),
      deviceCount: () => this.#deviceStats(canonical, range, o.signal).then((s) => s.count),
    });
  }

  async listDeviceEvents(ip: string, deviceId: string, range: TimeRange, o: RequestOptions): Promise<DeviceEvent[]> {
    const canonical = checkedIp(ip);
    if (typeof deviceId !== 'string' || !deviceId) throw new IpDataError('invalid-input', 'A device id is needed.');
    const fields = await this.#fields(o.signal);
    const { rows } = await this.#run(this.#q.deviceEvents(canonical, range, [deviceId], range.from, EVENT_LIMIT, 'device-timeline', fields), `the events of a device with ${canonical}`, o.signal);
    return rows.map((r) => eventFromRow(r, canonical)).reverse();
  }

  /**
   * The open security cases naming the IP, or matching `search` (Kibana's find cases, over title
   * and description), most recently changed first.
   */
  async listCases(ip: string, query: CaseQuery, o: RequestOptions): Promise<CaseRef[]> {
    const canonical = checkedIp(ip);
    const kibana = this.#kibana('list cases');
    return findCases(this.#http, kibana, await requestHeaders(this.#o.kibanaHeaders ?? this.#o.headers), canonical, query.search, o.signal);
  }

  /** A user comment on the case (cases.ts). */
  async addToCase(ip: string, caseId: string, text: string, o: RequestOptions): Promise<CaseRecord> {
    checkedIp(ip);
    const kibana = this.#kibana('add to a case');
    return commentOnCase(this.#http, kibana, await requestHeaders(this.#o.kibanaHeaders ?? this.#o.headers), caseId, text, o.signal);
  }

  #kibana(what: string): string {
    const kibana = this.#o.kibanaUrl?.trim().replace(/\/+$/, '');
    if (!kibana) throw new IpDataError('forbidden', `This Elastic provider cannot ${what}: give it kibanaUrl.`, { reason: { id: 'no-address', service: 'Kibana', option: 'kibanaUrl' } });
    return kibana;
  }

  /**
   * Change the workflow status of alerts (Kibana: `POST /api/detection_engine/signals/status`),
   * then read them back. Elastic's alerts have no classification, determination or comments
   * here, and assignment takes Kibana user profiles: a patch with those is refused before
   * anything is sent, so nothing changes halfway.
   */
  async updateAlerts(ids: string[], patch: AlertPatch, o: RequestOptions): Promise<AlertItem[]> {
    const kibana = this.#o.kibanaUrl?.trim().replace(/\/+$/, '');
    if (!kibana) throw new IpDataError('forbidden', 'This Elastic provider is read-only: give it kibanaUrl to change alerts.', { reason: { id: 'no-address', service: 'Kibana', option: 'kibanaUrl' } });
    const other = Object.keys(patch).filter((k) => k !== 'status' && patch[k as keyof AlertPatch] !== undefined);
    if (other.length) throw new IpDataError('invalid-input', `Elastic Security alerts can only change their status here, not ${other.join(', ')}. Nothing was changed.`, { reason: { id: 'status-only', service: 'Elastic Security', fields: other } });
    const status = patch.status === 'new' ? 'open' : patch.status === 'inProgress' ? 'acknowledged' : patch.status === 'resolved' ? 'closed' : undefined;
    if (!status) throw new IpDataError('invalid-input', `“${String(patch.status)}” is not a status Elastic Security alerts have.`);
    if (!Array.isArray(ids) || !ids.length || ids.some((id) => typeof id !== 'string' || !id)) throw new IpDataError('invalid-input', 'Alert ids are needed.');
    const headers = await requestHeaders(this.#o.kibanaHeaders ?? this.#o.headers);
    headers.set('kbn-xsrf', 'ip-entity-page');
    const answer = await this.#http.attempt({ method: 'POST', url: `${kibana}/api/detection_engine/signals/status`, headers, body: JSON.stringify({ signal_ids: ids, status }), signal: o.signal }, true);
    if (!answer.ok) throw kibanaError(answer.status, answer.text, answer.headers, this.#q.alertsIndex);
    // The update runs as the caller with ignore_unavailable: alerts the key may not write are
    // skipped, not refused (200, fewer updated). What changed is read back and said exactly.
    const result = (() => {
      try {
        return JSON.parse(answer.text) as { updated?: unknown };
      } catch {
        return {};
      }
    })();
    // Every answer kept from before the change is stale now.
    this.#searches.clear();
    this.#deep.closeAll();
    const read = await this.#post(this.#alertsPath(), { query: { terms: { [A.id]: ids } }, size: ids.length, _source: this.#q.alertSource }, 'the changed alerts', o.signal);
    const items = hitsOf(read).map(alertFromHit).filter((a): a is AlertItem => Boolean(a));
    const changed = items.filter((a) => a.status === patch.status);
    const updated = typeof result.updated === 'number' ? result.updated : changed.length;
    if (updated >= ids.length || changed.length >= ids.length) return items;
    const why = `Kibana changed ${updated} of ${ids.length} alerts. The change runs as the key the page sends: it needs the index privileges read, write, maintenance and view_index_metadata on ${this.#q.alertsIndex} (alerts it may not write are skipped, not refused).`;
    const reason = { id: 'skipped', service: 'Kibana', changed: updated, of: ids.length, needs: [{ privileges: ALERT_WRITE_PRIVILEGES, indices: this.#q.alertsIndex }] } as const;
    if (!changed.length) throw new IpDataError('forbidden', why, { reason });
    throw new PartlyAppliedError(why, changed, { reason });
  }

  /** The ES|QL query Go hunt and the hunting links open in Discover. */
  huntingQuery(ip: string, range: TimeRange, language: QueryLanguage): string | undefined {
    if (language !== 'esql') return undefined;
    const canonical = checkedIp(ip);
    const r = this.#q.hunt(canonical, range);
    // Discover runs the text as typed: the parameters written in as literals (a canonical IP and ISO dates only).
    const p = paramsOf(r) as Record<string, string>;
    const text = r.query
      .replace(/\?ip\b/g, `"${p['ip']}"`)
      .replace(/\?from\b/g, `"${p['from']}"`)
      .replace(/\?to\b/g, `"${p['to']}"`);
    if (this.#huntRanges.size > 32) this.#huntRanges.delete(this.#huntRanges.keys().next().value!);
    this.#huntRanges.set(text, range);
    return text;
  }

  // -------------------------------------------------------------------------------------------

  async #devices(ip: string, range: TimeRange, signal: AbortSignal): Promise<{ devices: ObservedDevice[]; partial?: string }> {
    const fields = await this.#fields(signal);
    const { rows, partial } = await this.#run(this.#q.devices(ip, range, DEVICE_LIST_LIMIT, fields), `the devices that talked to ${ip}`, signal);
    const ids = rows.map((r) => str(r, 'host_id')).filter((id): id is string => Boolean(id));
    if (!ids.length) return { devices: [], partial };
    // Each device's last event: the events since the oldest "last seen" among them, newest first.
    const oldest = rows.map((r) => Date.parse(str(r, 'last_seen') ?? '')).filter(Number.isFinite).reduce((a, b) => Math.min(a, b), Infinity);
    const since = Number.isFinite(oldest) ? new Date(oldest) : range.from;
    const events = await this.#run(this.#q.deviceEvents(ip, range, ids, since, EVENT_LIMIT, 'device-events', fields), `the last events of the devices that talked to ${ip}`, signal);
    const last = new Map<string, DeviceEvent>();
    for (const e of events.rows) {
      const id = str(e, 'host_id');
      if (id && !last.has(id)) last.set(id, eventFromRow(e, ip));
    }
    return { devices: rows.map((r) => deviceFromRow(r, last.get(str(r, 'host_id') ?? ''))).filter((d) => d.id), partial: partial ?? events.partial };
  }

  /** How many devices talked to the IP in the range, and when the first and last did. */
  async #deviceStats(ip: string, range: TimeRange, signal: AbortSignal): Promise<{ count: number; firstSeen?: string; lastSeen?: string; partial?: string }> {
    const { rows, partial } = await this.#run(this.#q.deviceCount(ip, range, await this.#fields(signal)), `the devices that talked to ${ip}`, signal);
    const [r] = rows;
    const count = (r && num(r, 'devices')) ?? 0;
    const seen = count && r ? { firstSeen: str(r, 'first_seen'), lastSeen: str(r, 'last_seen') } : {};
    return { count, ...seen, ...(partial ? { partial } : {}) };
  }

  async #alertMarks(ip: string, range: TimeRange, signal: AbortSignal): Promise<{ alertMarks: AlertMark[]; alertMarksTotal: number }> {
    const body = this.#q.alertsSearch(ip, range, { size: MARK_LIMIT, from: 0 }, {}, { field: 'firstActivity', direction: 'asc' });
    // What a mark shows, not whole alerts.
    body._source = [A.id, A.rule, A.severity, A.start, A.timestamp];
    const answer = await this.#search(body, `the alerts of ${ip}`, signal);
    const marks = hitsOf(answer)
      .map(alertFromHit)
      .filter((a): a is AlertItem => Boolean(a))
      .map((a) => ({ id: a.id, title: a.title, severity: a.severity, time: a.firstActivity, kind: a.kind }));
    return { alertMarks: marks, alertMarksTotal: totalOf(answer) };
  }

  /**
   * ES|QL: rows by column name (shared per query and parameters while the page asks again), and
   * what the cluster said it left out (`is_partial`: a shard or remote cluster did not answer).
   */
  async #run(request: EsqlRequest, what: string, signal: AbortSignal): Promise<Answer> {
    const version = await this.#clusterVersion(signal);
    if (!esqlSupported(version)) throw tooOld(version!, what);
    return this.#esql.get(JSON.stringify(request), signal, async (s) => {
      const answer = await this.#post('/_query', request, what, s);
      const rows = esqlRows(answer, what);
      return (answer as Partial<estypes.EsqlQueryResponse>).is_partial === true ? { rows, partial: `Elasticsearch answered ${what} only in part (a shard or remote cluster did not answer in time): what is shown may be missing rows.` } : { rows };
    });
  }

  /** The cluster's version (\`GET /\`, which needs the \`monitor\` cluster privilege); undefined when it would not say. */
  async #clusterVersion(signal: AbortSignal): Promise<ClusterVersion | undefined> {
    const v = await this.#version.get('version', signal, async (s) => {
      const answer = await this.#getOptional('/', 'the cluster information', s);
      return answer === null ? null : (readVersion(answer) ?? null);
    });
    return v ?? undefined;
  }

  /** The fields the event indices map, with their types; undefined when the cluster would not say (every field is then named, and its errors speak). */
  async #fields(signal: AbortSignal): Promise<FieldTypes | undefined> {
    const f = await this.#fieldCaps.get('fields', signal, async (s) => {
      const query = `fields=${this.#q.fieldNames.map(encodeURIComponent).join(',')}&ignore_unavailable=true&allow_no_indices=true`;
      const answer = await this.#getOptional(`${indexPath(this.#q.events)}/_field_caps?${query}`, 'the fields of the event indices', s);
      return answer === null ? null : readFieldCaps(answer);
    });
    return f ?? undefined;
  }

  /** A GET the page can do without: its JSON, or null when the cluster says no or not in JSON (a key it does not accept still fails). */
  async #getOptional(path: string, what: string, signal: AbortSignal): Promise<unknown> {
    const headers = await requestHeaders(this.#o.headers);
    const answer = await this.#http.attempt({ method: 'GET', url: `${this.#base}${path}`, headers, signal }, true);
    if (answer.status === 401) throw elasticError(answer.status, answer.text, answer.headers, what);
    if (!answer.ok) return null;
    try {
      return parseJson(answer);
    } catch {
      return null;
    }
  }

  /** A search of the alerts (shared per body while the page asks again, like the ES|QL answers). */
  #search(body: estypes.SearchRequest, what: string, signal: AbortSignal): Promise<unknown> {
    return this.#searches.get(JSON.stringify(body), signal, (s) => this.#post(this.#alertsPath(), body, what, s));
  }

  #alertsPath(): string {
    return `${indexPath(this.#q.alertsIndex)}/_search`;
  }

  async #post(path: string, body: unknown, what: string, signal: AbortSignal, indices?: string): Promise<unknown> {
    const headers = await requestHeaders(this.#o.headers);
    const answer = await this.#http.attempt({ method: 'POST', url: `${this.#base}${path}`, headers, body: JSON.stringify(body), signal }, false);
    if (!answer.ok) throw elasticError(answer.status, answer.text, answer.headers, what, { indices: indices ?? (path === '/_query' ? this.#q.events : this.#q.alertsIndex) });
    return parseJson(answer);
  }
}

/** The host's headers (asked for when a function) and JSON in both directions. */
async function requestHeaders(given: ElasticSecurityProviderOptions['headers']): Promise<Headers> {
  const headers = new Headers(typeof given === 'function' ? await given() : (given ?? {}));
  headers.set('Content-Type', 'application/json');
  headers.set('Accept', 'application/json');
  return headers;
}

function checkedIp(ip: string): string {
  return requireIp(ip).canonical;
}


function hitsOf(answer: unknown): unknown[] {
  const hits = (answer as { hits?: { hits?: unknown } } | null)?.hits?.hits;
  return Array.isArray(hits) ? hits : [];
}

function totalOf(answer: unknown): number {
  const t = (answer as { hits?: { total?: unknown } } | null)?.hits?.total;
  const n = typeof t === 'number' ? t : Number((t as { value?: unknown } | undefined)?.value);
  return Number.isFinite(n) && n >= 0 ? n : hitsOf(answer).length;
}

/** A query's rows and what the cluster said it left out. */
interface Answer {
  rows: Row[];
  partial?: string;
}

/** A string in Rison, the notation of Kibana's URL state: quoted, `!` and `'` escaped with `!`. */
const rison = (text: string) => `'${text.replace(/[!']/g, (c) => `!${c}`)}'`;

/**
 * Discover with an ES|QL query, when Kibana's address is given: in ES|QL mode (the app state's
 * `dataSource`, as Discover's own locator writes it) and over the query's time range (the global
 * state's `time`; without it Discover would filter the results to its default last 15 minutes).
 */
function kibanaLinks(kibanaUrl: string | undefined, rangeOf: (query: string) => TimeRange | undefined): LinkResolver {
  if (!kibanaUrl) return {};
  const base = kibanaUrl.trim().replace(/\/+$/, '');
  return {
    hunting: (query: string, language: QueryLanguage) => {
      if (language !== 'esql') return undefined;
      const range = rangeOf(query);
      const time = range ? `_g=${encodeURIComponent(`(time:(from:${rison(range.from.toISOString())},to:${rison(range.to.toISOString())}))`)}&` : '';
      return `${base}/app/discover#/?${time}_a=${encodeURIComponent(`(dataSource:(type:esql),query:(esql:${rison(query)}))`)}`;
    },
  };
}
