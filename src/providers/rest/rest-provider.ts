/**
 * `IpDataProvider` over the library's own REST contract (`docs/rest-api.md`).
 *
 * Every request forwards the caller's `AbortSignal` and has its own timeout; idempotent GETs are
 * retried on 429 and 503, honouring `Retry-After` within a bound; HTTP errors become
 * `IpDataError` kinds; every response is validated before it reaches a component.
 */
import { requireIp } from '../kit/ip.js';
import type { ThreatIntel, ThreatIntelRelation, ThreatIntelRows } from '../../data/threat-intel.js';
import { IpDataError, type IpDataErrorKind } from '../../data/errors.js';
import { backoffMs, errorMessageOf, type HttpAnswer, HttpClient, idSegment, kindForStatus, parseJson, parseRetryAfter, sleep } from '../http.js';

import type { AccountActivity, CaseQuery, CaseRecord, CaseRef, IpNote, Traffic, AlertItem, AlertPatch, DeviceEvent, Indicator, IndicatorInput, Insight, IpDetails, LogActivity, ObservedDevice, Prevalence, SecuritySummary, TimelineEvent } from '../../data/model.js';
import type {
  AccountQuery,
  AlertQuery,
  DeviceQuery,
  IpDataProvider,
  LinkResolver,
  Page,
  ProviderCapabilities,
  RequestOptions,
} from '../../data/provider.js';
import type { TimeRange } from '../../lib/time-range.js';
import { readAnswer, type AnswerMethod } from '../validate.js';
import { answersAlreadyRead } from '../guard.js';

/** The contract wraps list answers as `{ items: [...] }`; anything else is passed on to fail as the list it should be. */
function unwrapItems(json: unknown): unknown {
  return json !== null && typeof json === 'object' && !Array.isArray(json) && Object.prototype.hasOwnProperty.call(json, 'items') ? (json as { items: unknown }).items : json;
}

/** Read the answer of `method`; list answers come wrapped in `{ items }`. */
function reader<M extends AnswerMethod>(method: M, options: { wrapped?: boolean; limit?: number } = {}) {
  return (json: unknown) => readAnswer(method, options.wrapped ? unwrapItems(json) : json, options.limit);
}

export interface RestIpDataProviderOptions {
  /** Base URL of the API, absolute or relative to the page (e.g. `/api` or `https://soc.example.com/ip-api`). */
  baseUrl: string;
  /** The fetch to use (default: the global one), e.g. one that adds authentication. */
  fetch?: typeof fetch;
  /** Extra headers on every request, or a function returning them (called per request, may be async, e.g. to fetch a token). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** Per-attempt timeout in milliseconds (default 15,000). */
  timeoutMs?: number;
  /** How many times an idempotent GET is retried on 429/503 (default 2). */
  maxRetries?: number;
  /** The longest `Retry-After` honoured, in seconds; longer waits fail at once as `rate-limited` (default 10). */
  maxRetryAfterSeconds?: number;
  /** Real links for devices, alerts, hunting …; without them navigation is an event only. */
  links?: LinkResolver;
  /** The largest answer read, in bytes; a bigger one fails as `bad-response` without being read whole (default 20 MB). */
  maxResponseBytes?: number;
  /** Follow redirects (default false: a redirect fails the request, whatever carries the credentials). */
  followRedirects?: boolean;
}


function iso(d: Date): string {
  return d.toISOString();
}


export class RestIpDataProvider implements IpDataProvider {
  readonly links?: LinkResolver;
  readonly #baseUrl: string;
  readonly #http: HttpClient;
  readonly #headers: RestIpDataProviderOptions['headers'];
  readonly #maxRetries: number;
  readonly #maxRetryAfter: number;

  constructor(options: RestIpDataProviderOptions) {
    answersAlreadyRead(this);
    if (!options || typeof options.baseUrl !== 'string') throw new TypeError('RestIpDataProvider needs a baseUrl.');
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#http = new HttpClient({ fetch: options.fetch, timeoutMs: options.timeoutMs, maxResponseBytes: options.maxResponseBytes, followRedirects: options.followRedirects });
    this.#headers = options.headers;
    this.#maxRetries = options.maxRetries ?? 2;
    this.#maxRetryAfter = options.maxRetryAfterSeconds ?? 10;
    this.links = options.links;
  }

  /** The base URL requests go to (without a trailing slash). */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  async getCapabilities(o: RequestOptions): Promise<Partial<ProviderCapabilities>> {
    return this.#get('/capabilities', undefined, o, reader('getCapabilities'));
  }

  async getIpDetails(ip: string, o: RequestOptions): Promise<IpDetails> {
    return this.#get(`/ips/${this.#ip(ip)}`, undefined, o, reader('getIpDetails'));
  }

  async getSecuritySummary(ip: string, range: TimeRange, o: RequestOptions): Promise<SecuritySummary> {
    return this.#get(`/ips/${this.#ip(ip)}/summary`, this.#rangeParams(range), o, reader('getSecuritySummary'));
  }

  async getLogActivity(ip: string, range: TimeRange, o: RequestOptions): Promise<LogActivity> {
    return this.#get(`/ips/${this.#ip(ip)}/log-activity`, this.#rangeParams(range), o, reader('getLogActivity'));
  }

  async getPrevalence(ip: string, range: TimeRange, o: RequestOptions): Promise<Prevalence> {
    return this.#get(`/ips/${this.#ip(ip)}/prevalence`, this.#rangeParams(range), o, reader('getPrevalence'));
  }

  async listAlerts(ip: string, query: AlertQuery, o: RequestOptions): Promise<Page<AlertItem>> {
    const params = this.#rangeParams(query.range);
    params.set('offset', String(query.offset));
    params.set('limit', String(query.limit));
    if (query.sort) params.set('sort', `${query.sort.field}:${query.sort.direction}`);
    if (query.search) params.set('q', query.search);
    for (const [field, values] of Object.entries(query.filter ?? {})) {
      for (const v of values ?? []) params.append(field, v ?? '');
    }
    return this.#get(`/ips/${this.#ip(ip)}/alerts`, params, o, reader('listAlerts', { limit: query.limit }));
  }

  async listObservedDevices(ip: string, query: DeviceQuery, o: RequestOptions): Promise<Page<ObservedDevice>> {
    const params = this.#rangeParams(query.range);
    params.set('offset', String(query.offset));
    params.set('limit', String(query.limit));
    if (query.sort) params.set('sort', `${query.sort.field}:${query.sort.direction}`);
    if (query.search) params.set('q', query.search);
    for (const v of query.actionType ?? []) params.append('actionType', v);
    for (const v of query.direction ?? []) params.append('direction', v);
    return this.#get(`/ips/${this.#ip(ip)}/devices`, params, o, reader('listObservedDevices', { limit: query.limit }));
  }

  async listAccounts(ip: string, query: AccountQuery, o: RequestOptions): Promise<Page<AccountActivity>> {
    const params = this.#rangeParams(query.range);
    params.set('offset', String(query.offset));
    params.set('limit', String(query.limit));
    if (query.sort) params.set('sort', `${query.sort.field}:${query.sort.direction}`);
    if (query.search) params.set('q', query.search);
    for (const v of query.result ?? []) params.append('result', v);
    return this.#get(`/ips/${this.#ip(ip)}/accounts`, params, o, reader('listAccounts', { limit: query.limit }));
  }

  async getTraffic(ip: string, range: TimeRange, o: RequestOptions): Promise<Traffic> {
    return this.#get(`/ips/${this.#ip(ip)}/traffic`, this.#rangeParams(range), o, reader('getTraffic'));
  }

  async listDeviceEvents(ip: string, deviceId: string, range: TimeRange, o: RequestOptions): Promise<DeviceEvent[]> {
    return this.#get(
      `/ips/${this.#ip(ip)}/devices/${idSegment(deviceId)}/events`,
      this.#rangeParams(range),
      o,
      reader('listDeviceEvents', { wrapped: true }),
    );
  }

  async updateAlerts(ids: string[], patch: AlertPatch, o: RequestOptions): Promise<AlertItem[]> {
    return this.#send('POST', '/alerts/update', { ids, patch }, o, reader('updateAlerts', { wrapped: true }));
  }

  async addIndicator(input: IndicatorInput, o: RequestOptions): Promise<Indicator> {
    return this.#send('POST', '/indicators', input, o, reader('addIndicator'));
  }

  async removeIndicator(id: string, o: RequestOptions): Promise<void> {
    return this.#request('DELETE', this.#url(`/indicators/${idSegment(id)}`), undefined, o, reader('removeIndicator'));
  }

  async listIndicators(ip: string, o: RequestOptions): Promise<Indicator[]> {
    return this.#get(`/ips/${this.#ip(ip)}/indicators`, undefined, o, reader('listIndicators', { wrapped: true }));
  }

  async getNote(ip: string, o: RequestOptions): Promise<IpNote | null> {
    return this.#get(`/ips/${this.#ip(ip)}/note`, undefined, o, (json) => readAnswer('getNote', (json as { note?: unknown } | null)?.note));
  }

  async saveNote(ip: string, note: { text: string; version?: string }, o: RequestOptions): Promise<IpNote | null> {
    return this.#send('PUT', `/ips/${this.#ip(ip)}/note`, note, o, (json) => readAnswer('saveNote', (json as { note?: unknown } | null)?.note));
  }

  async listCases(ip: string, query: CaseQuery, o: RequestOptions): Promise<CaseRef[]> {
    const params = this.#rangeParams(query.range);
    if (query.search) params.set('q', query.search);
    return this.#get(`/ips/${this.#ip(ip)}/cases`, params, o, reader('listCases', { wrapped: true }));
  }

  async addToCase(ip: string, caseId: string, text: string, o: RequestOptions): Promise<CaseRecord> {
    return this.#send('POST', `/ips/${this.#ip(ip)}/cases/${idSegment(caseId)}/records`, { text }, o, reader('addToCase'));
  }

  async listDeviceGroups(o: RequestOptions): Promise<string[]> {
    return this.#get('/device-groups', undefined, o, reader('listDeviceGroups', { wrapped: true }));
  }

  async getTimeline(ip: string, range: TimeRange, o: RequestOptions): Promise<TimelineEvent[]> {
    return this.#get(`/ips/${this.#ip(ip)}/timeline`, this.#rangeParams(range), o, reader('getTimeline', { wrapped: true }));
  }

  async getInsights(ip: string, range: TimeRange, o: RequestOptions): Promise<Insight[]> {
    return this.#get(`/ips/${this.#ip(ip)}/insights`, this.#rangeParams(range), o, reader('getInsights', { wrapped: true }));
  }

  async getInsight(ip: string, insightId: string, range: TimeRange, o: RequestOptions): Promise<Insight> {
    return this.#get(`/ips/${this.#ip(ip)}/insights/${idSegment(insightId)}`, this.#rangeParams(range), o, reader('getInsight'));
  }

  async getThreatIntel(ip: string, o: RequestOptions): Promise<ThreatIntel> {
    return this.#get(`/ips/${this.#ip(ip)}/threat-intel`, undefined, o, reader('getThreatIntel'));
  }

  async listThreatIntel<R extends ThreatIntelRelation>(ip: string, relation: R, page: { offset: number; limit: number }, o: RequestOptions): Promise<Page<ThreatIntelRows[R]>> {
    const params = new URLSearchParams({ offset: String(page.offset), limit: String(page.limit) });
    return this.#get(`/ips/${this.#ip(ip)}/threat-intel/${idSegment(relation)}`, params, o, (json) => readAnswer('listThreatIntel', json, page.limit, [ip, relation, page]) as Page<ThreatIntelRows[R]>);
  }

  // -------------------------------------------------------------------------------------------

  #rangeParams(range: TimeRange | undefined): URLSearchParams {
    const params = new URLSearchParams();
    if (range) {
      params.set('from', iso(range.from));
      params.set('to', iso(range.to));
    }
    return params;
  }

  #url(path: string, params?: URLSearchParams): string {
    const query = params && [...params.keys()].length ? `?${params}` : '';
    return `${this.#baseUrl}${path}${query}`;
  }

  async #headersFor(extra?: Record<string, string>): Promise<Headers> {
    const h = new Headers(typeof this.#headers === 'function' ? await this.#headers() : this.#headers);
    h.set('Accept', 'application/json');
    for (const [k, v] of Object.entries(extra ?? {})) h.set(k, v);
    return h;
  }

  /** The IP as the path wants it: canonical, checked by the provider itself. */
  #ip(ip: string): string {
    return encodeURIComponent(requireIp(ip).canonical);
  }

  #get<T>(path: string, params: URLSearchParams | undefined, o: RequestOptions, read: (json: unknown) => T): Promise<T> {
    return this.#request('GET', this.#url(path, params), undefined, o, read);
  }

  #send<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown, o: RequestOptions, read: (json: unknown) => T): Promise<T> {
    return this.#request(method, this.#url(path), JSON.stringify(body), o, read);
  }

  async #request<T>(method: string, url: string, body: string | undefined, o: RequestOptions, read: (json: unknown) => T): Promise<T> {
    const signal = o?.signal;
    const idempotent = method === 'GET';
    // One key for every attempt of this change: the backend applies it once.
    const idempotencyKey = idempotent ? undefined : (o?.idempotencyKey ?? crypto.randomUUID());
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const extra: Record<string, string> = {};
      if (body !== undefined) extra['Content-Type'] = 'application/json';
      if (idempotencyKey) extra['Idempotency-Key'] = idempotencyKey;
      const answer = await this.#http.attempt({ method, url, body, signal, headers: await this.#headersFor(extra) });
      // A 204 (or any empty body) has nothing to read: a removal's answer.
      if (answer.ok) return read(answer.status === 204 || answer.text.trim() === '' ? undefined : parseJson(answer));

      const retryAfter = parseRetryAfter(answer.headers.get('Retry-After'));
      const error = this.#errorFor(answer, retryAfter);
      const canRetry = idempotent && (answer.status === 429 || answer.status === 503) && attempt < this.#maxRetries;
      if (!canRetry) throw error;
      if (retryAfter !== undefined && retryAfter > this.#maxRetryAfter) throw error;
      await sleep(retryAfter !== undefined ? retryAfter * 1000 : backoffMs(attempt), signal);
    }
  }

  #errorFor(response: HttpAnswer, retryAfter: number | undefined): IpDataError {
    const kind = kindForStatus(response.status);
    const fallback: Record<IpDataErrorKind, string> = {
      'invalid-input': 'The service rejected the request as invalid.',
      unauthorized: 'You are not signed in to the service, or your session expired.',
      forbidden: 'You do not have permission to see this.',
      'not-found': 'The service has no such item.',
      timeout: 'The service took too long to answer.',
      'rate-limited': 'Too many requests; the service asked us to slow down.',
      unavailable: `The service is unavailable (HTTP ${response.status}).`,
      network: 'The service could not be reached.',
      'bad-response': 'The service sent data this page cannot read.',
      unsupported: 'The service cannot answer this.',
      'partly-applied': 'The change was made only in part.',
    };
    // The page says it in its language, with the server's own words (if any) as they were sent.
    const said = errorMessageOf(response.text).message;
    return new IpDataError(kind, said ?? fallback[kind], { status: response.status, retryAfter, reason: { id: 'status', status: response.status, ...(said ? { said } : {}) } });
  }
}
