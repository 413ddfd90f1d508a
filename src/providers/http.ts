/**
 * One HTTP attempt done carefully, for every provider that talks to a service over `fetch`: the
 * timeout and the caller's abort cover the headers and the body; the body is capped; requests that
 * never follow a redirect unless the host allows it (credentials can ride on any request: a header,
 * a cookie, a host `fetch` that adds a token); a failure becomes an `IpDataError` with a kind. The
 * providers add their own retry policy, error messages and answer readers on top.
 */
import { IpDataError, type IpDataErrorKind } from '../data/errors.js';
import { pathSegment } from '../lib/safe-url.js';

/**
 * An id as one URL path segment of a request, encoded; `.`, `..` and empty ids would address
 * another resource (`alerts_v2/..` is the collection), so they are refused before anything is sent.
 */
export function idSegment(id: string): string {
  const segment = typeof id === 'string' && id !== '' ? pathSegment(id) : undefined;
  if (segment === undefined) throw new IpDataError('invalid-input', `“${String(id).slice(0, 64)}” is not an id this service can look up.`, { reason: { id: 'invalid-id', input: String(id).slice(0, 64) } });
  return segment;
}

export interface HttpClientOptions {
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Per-attempt time limit for headers and body, in milliseconds (default 15,000). */
  timeoutMs?: number;
  /** The largest body read, in bytes (default 20 MB); a bigger one fails as `bad-response`. */
  maxResponseBytes?: number;
  /** `credentials` of every request (default `same-origin`). */
  credentials?: RequestCredentials;
  /**
   * Follow redirects (default false: a redirect fails the request, so no credential is ever sent
   * on to an address the host did not configure). Only for a host whose service redirects by
   * design and whose credentials are safe wherever it redirects.
   */
  followRedirects?: boolean;
}

/** What one attempt got: the status and headers, and the body read within the limits. */
export interface HttpAnswer {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

export interface HttpAttempt {
  method: string;
  url: string;
  headers: Headers;
  body?: string;
  signal?: AbortSignal;
  /** This attempt's time limit, when not the client's (a query the service lets run for minutes). */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export function kindForStatus(status: number): IpDataErrorKind {
  if (status === 400 || status === 422) return 'invalid-input';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status === 501) return 'unsupported';
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

/** Wait before retry `attempt` (0-based) without `Retry-After`: exponential, with jitter so clients do not retry in step. */
export function backoffMs(attempt: number): number {
  const base = 250 * 2 ** attempt;
  return base / 2 + Math.random() * base;
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Resolve after `ms`, or reject as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The `message` of a JSON error body (`{error: {message}}`, `{error: "…"}` or `{message}`), for people. */
export function errorMessageOf(text: string): { message?: string; code?: string } {
  try {
    const json = JSON.parse(text) as { error?: { message?: unknown; code?: unknown } | string; message?: unknown };
    const error = json?.error;
    let message = typeof error === 'object' ? error?.message : typeof error === 'string' ? error : json?.message;
    const code = typeof error === 'object' && typeof error?.code === 'string' ? error.code : undefined;
    // OneAPI errors (Graph, Log Analytics) nest the specific reason in `innererror`: "The request had
    // some invalid properties" says little; "Query could not be parsed at 'x' on line [1,11]" says it.
    const detail = typeof error === 'object' ? innermostMessage(error) : undefined;
    if (detail && detail !== message) message = typeof message === 'string' && message.trim() ? `${message.trim().replace(/\.?$/, '.')} ${detail}` : detail;
    return { message: typeof message === 'string' && message.trim() ? message.trim().slice(0, 500) : undefined, code };
  } catch {
    return {};
  }
}

/** The message of the deepest `innererror` (or `innerError`) that has one. */
function innermostMessage(error: object): string | undefined {
  let found: string | undefined;
  let inner = (error as Record<string, unknown>)['innererror'] ?? (error as Record<string, unknown>)['innerError'];
  for (let depth = 0; inner && typeof inner === 'object' && depth < 8; depth++) {
    const m = (inner as Record<string, unknown>)['message'];
    if (typeof m === 'string' && m.trim()) found = m.trim();
    inner = (inner as Record<string, unknown>)['innererror'] ?? (inner as Record<string, unknown>)['innerError'];
  }
  return found;
}

/** The answer's JSON, or `bad-response` for a web page or text that is not JSON. */
export function parseJson(answer: HttpAnswer): unknown {
  const type = answer.headers.get('Content-Type') ?? '';
  if (!/\bjson\b/i.test(type) && /^\s*</.test(answer.text)) {
    throw new IpDataError('bad-response', `The service sent a web page (${type || 'no content type'}) instead of JSON. Check the API address.`, {
      status: answer.status,
      reason: { id: 'web-page', contentType: type },
    });
  }
  try {
    return JSON.parse(answer.text);
  } catch (e) {
    throw new IpDataError('bad-response', 'The service sent a response that is not valid JSON.', { status: answer.status, cause: e, reason: { id: 'not-json' } });
  }
}

export class HttpClient {
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;
  readonly #credentials: RequestCredentials;
  readonly #followRedirects: boolean;

  constructor(options: HttpClientOptions = {}) {
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_BYTES;
    this.#credentials = options.credentials ?? 'same-origin';
    this.#followRedirects = options.followRedirects === true;
  }

  get timeoutMs(): number {
    return this.#timeoutMs;
  }

  /**
   * One request, headers and body together within the time limit and the caller's abort: a
   * service that sends headers and then stalls the body times out like one that never answers.
   * `change` says the request changes something (its timeout message says it may have applied).
   */
  async attempt(a: HttpAttempt, change = a.method !== 'GET'): Promise<HttpAnswer> {
    const { signal } = a;
    const timeout = new AbortController();
    const limit = a.timeoutMs ?? this.#timeoutMs;
    const timer = setTimeout(() => timeout.abort(new DOMException('timeout', 'TimeoutError')), limit);
    const onAbort = () => timeout.abort(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await this.#fetch(a.url, {
        method: a.method,
        headers: a.headers,
        body: a.body,
        signal: timeout.signal,
        credentials: this.#credentials,
        redirect: this.#followRedirects ? 'follow' : 'manual',
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        throw new IpDataError('bad-response', 'The service answered with a redirect, which this page does not follow (a request may carry credentials): set the address to the final one.', {
          status: response.status || undefined,
          reason: { id: 'redirect' },
        });
      }
      const text = await this.#readBody(response, timeout.signal);
      return { status: response.status, ok: response.ok, headers: response.headers, text };
    } catch (e) {
      if (signal?.aborted) throw abortReason(signal);
      if (timeout.signal.aborted) {
        const seconds = Math.round(limit / 1000);
        throw new IpDataError(
          'timeout',
          change
            ? `The service did not answer within ${seconds} s. The change may have been applied: check before trying again (trying the same change again does not apply it twice).`
            : `The service did not answer within ${seconds} s.`,
          { cause: e, reason: { id: 'timeout', seconds, change } },
        );
      }
      if (e instanceof IpDataError) throw e;
      throw new IpDataError('network', 'The service could not be reached. Check the connection and the API address.', { cause: e, reason: { id: 'unreachable' } });
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
    const megabytes = Math.round(this.#maxBytes / 1024 / 1024);
    return new IpDataError('bad-response', `The service sent more than ${megabytes} MB; this page does not read answers that large.`, { status, reason: { id: 'too-large', megabytes } });
  }
}
