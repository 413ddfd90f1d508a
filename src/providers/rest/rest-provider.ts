/**
 * `IpDataProvider` over the library's own REST contract (`docs/rest-api.md`).
 *
 * Every request forwards the caller's `AbortSignal` and has its own timeout; idempotent GETs are
 * retried on 429 and 503, honouring `Retry-After` within a bound; HTTP errors become
 * `IpDataError` kinds; every response is validated before it reaches a component.
 */
import { IpDataError, type IpDataErrorKind } from '../../data/errors.js';
import { canonicalIp } from '../../lib/ip.js';
import type { AlertItem, AlertPatch, DeviceEvent, Indicator, IndicatorInput, Insight, IpDetails, LogActivity, ObservedDevice, Prevalence, SecuritySummary, TimelineEvent } from '../../data/model.js';
import type {
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
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** What one attempt got: the status and headers, and the body read within the time limit. */
interface Answer {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

function kindForStatus(status: number): IpDataErrorKind {
  if (status === 400 || status === 422) return 'invalid-input';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 429) return 'rate-limited';
  return 'unavailable';
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isFinite(date) ? Math.max(0, (date - now) / 1000) : undefined;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Resolve after `ms`, or reject as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function iso(d: Date): string {
  return d.toISOString();
}

/** An id as one path segment; `.`, `..` and empty ids would address another resource, so they are refused. */
function segment(id: string): string {
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..') throw new IpDataError('invalid-input', `“${String(id)}” is not an id this service can look up.`);
  return encodeURIComponent(id);
}

/** Wait before retry `attempt` (0-based) without `Retry-After`: exponential, with jitter so clients do not retry in step. */
function backoffMs(attempt: number): number {
  const base = 250 * 2 ** attempt;
  return base / 2 + Math.random() * base;
}

export class RestIpDataProvider implements IpDataProvider {
  readonly links?: LinkResolver;
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #headers: RestIpDataProviderOptions['headers'];
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #maxRetryAfter: number;
  readonly #maxBytes: number;
  /** Requests carry credentials the host added: they never follow a redirect to another address. */
  readonly #authenticated: boolean;

  constructor(options: RestIpDataProviderOptions) {
    answersAlreadyRead(this);
    if (!options || typeof options.baseUrl !== 'string') throw new TypeError('RestIpDataProvider needs a baseUrl.');
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#headers = options.headers;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxRetries = options.maxRetries ?? 2;
    this.#maxRetryAfter = options.maxRetryAfterSeconds ?? 10;
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_BYTES;
    this.#authenticated = options.headers !== undefined;
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

  async listDeviceEvents(ip: string, deviceId: string, range: TimeRange, o: RequestOptions): Promise<DeviceEvent[]> {
    return this.#get(
      `/ips/${this.#ip(ip)}/devices/${segment(deviceId)}/events`,
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
    return this.#get(`/ips/${this.#ip(ip)}/insights/${segment(insightId)}`, this.#rangeParams(range), o, reader('getInsight'));
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
    const canonical = canonicalIp(typeof ip === 'string' ? ip.trim() : '');
    if (!canonical) throw new IpDataError('invalid-input', `“${String(ip).slice(0, 64)}” is not a valid IP address.`);
    return encodeURIComponent(canonical);
  }

  #get<T>(path: string, params: URLSearchParams | undefined, o: RequestOptions, read: (json: unknown) => T): Promise<T> {
    return this.#request('GET', this.#url(path, params), undefined, o, read);
  }

  #send<T>(method: 'POST' | 'PATCH', path: string, body: unknown, o: RequestOptions, read: (json: unknown) => T): Promise<T> {
    return this.#request(method, this.#url(path), JSON.stringify(body), o, read);
  }

  async #request<T>(method: string, url: string, body: string | undefined, o: RequestOptions, read: (json: unknown) => T): Promise<T> {
    const signal = o?.signal;
    const idempotent = method === 'GET';
    // One key for every attempt of this change: the backend applies it once.
    const idempotencyKey = idempotent ? undefined : (o?.idempotencyKey ?? crypto.randomUUID());
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const answer = await this.#attempt(method, url, body, signal, idempotencyKey);
      if (answer.ok) return read(this.#json(answer));

      const retryAfter = parseRetryAfter(answer.headers.get('Retry-After'));
      const error = this.#errorFor(answer, retryAfter);
      const canRetry = idempotent && (answer.status === 429 || answer.status === 503) && attempt < this.#maxRetries;
      if (!canRetry) throw error;
      if (retryAfter !== undefined && retryAfter > this.#maxRetryAfter) throw error;
      await sleep(retryAfter !== undefined ? retryAfter * 1000 : backoffMs(attempt), signal ?? new AbortController().signal);
    }
  }

  /**
   * One request, headers and body together within the time limit and the caller's abort: a
   * service that sends headers and then stalls the body times out like one that never answers.
   */
  async #attempt(method: string, url: string, body: string | undefined, signal: AbortSignal | undefined, idempotencyKey: string | undefined): Promise<Answer> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException('timeout', 'TimeoutError')), this.#timeoutMs);
    const onAbort = () => timeout.abort(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const extra: Record<string, string> = {};
      if (body !== undefined) extra['Content-Type'] = 'application/json';
      if (idempotencyKey) extra['Idempotency-Key'] = idempotencyKey;
      const headers = await this.#headersFor(extra);
      const response = await this.#fetch(url, {
        method,
        headers,
        body,
        signal: timeout.signal,
        credentials: 'same-origin',
        // Credentials the host added must not travel to wherever a redirect points.
        redirect: this.#authenticated ? 'manual' : 'follow',
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        throw new IpDataError('bad-response', 'The service answered with a redirect. Requests carrying credentials do not follow redirects: set baseUrl to the final address.', {
          status: response.status || undefined,
        });
      }
      const text = await this.#readBody(response, timeout.signal);
      return { status: response.status, ok: response.ok, headers: response.headers, text };
    } catch (e) {
      if (signal?.aborted) throw abortError(signal);
      if (timeout.signal.aborted) {
        const seconds = Math.round(this.#timeoutMs / 1000);
        throw new IpDataError(
          'timeout',
          method === 'GET'
            ? `The service did not answer within ${seconds} s.`
            : `The service did not answer within ${seconds} s. The change may have been applied: check before trying again (trying the same change again does not apply it twice).`,
          { cause: e },
        );
      }
      if (e instanceof IpDataError) throw e;
      throw new IpDataError('network', 'The service could not be reached. Check the connection and the API address.', { cause: e });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The body as text, at most `maxResponseBytes`, stopped by `signal` (the timeout or the caller). */
  async #readBody(response: Response, signal: AbortSignal): Promise<string> {
    const declared = Number(response.headers.get('Content-Length'));
    if (Number.isFinite(declared) && declared > this.#maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw this.#tooBig(response.status);
    }
    if (!response.body) return '';
    const reader = response.body.getReader();
    const onAbort = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        signal.throwIfAborted();
        if (done) break;
        size += value.byteLength;
        if (size > this.#maxBytes) {
          void reader.cancel().catch(() => undefined);
          throw this.#tooBig(response.status);
        }
        chunks.push(value);
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    const all = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.byteLength;
    }
    return new TextDecoder().decode(all);
  }

  #tooBig(status: number): IpDataError {
    return new IpDataError('bad-response', `The service sent more than ${Math.round(this.#maxBytes / 1024 / 1024)} MB; this page does not read answers that large.`, { status });
  }

  #json(answer: Answer): unknown {
    const type = answer.headers.get('Content-Type') ?? '';
    if (!/\bjson\b/i.test(type) && /^\s*</.test(answer.text)) {
      throw new IpDataError('bad-response', `The service sent a web page (${type || 'no content type'}) instead of JSON. Check the API address.`, {
        status: answer.status,
      });
    }
    try {
      return JSON.parse(answer.text);
    } catch (e) {
      throw new IpDataError('bad-response', 'The service sent a response that is not valid JSON.', { status: answer.status, cause: e });
    }
  }

  #errorFor(response: Answer, retryAfter: number | undefined): IpDataError {
    const kind = kindForStatus(response.status);
    let message: string | undefined;
    try {
      const text = response.text;
      const json = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
      const m = typeof json.error === 'object' ? json.error?.message : typeof json.error === 'string' ? json.error : json.message;
      if (typeof m === 'string' && m.trim()) message = m.trim().slice(0, 500);
    } catch {
      // not JSON: fall back to the generic message for the status
    }
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
    };
    return new IpDataError(kind, message ?? fallback[kind], { status: response.status, retryAfter });
  }
}
