/**
 * Calls to Microsoft's APIs (Graph, Defender for Endpoint, Log Analytics, Azure Resource
 * Manager) for the Defender and Sentinel providers: a token from the host's `getToken(scope)` on
 * every call (never stored, logged, or sent to an address other than the API's own), the
 * per-endpoint rate limiter, `Retry-After` honoured on 429, and Microsoft's errors turned into
 * the library's error kinds with the missing permission named.
 */
import { IpDataError, type ServiceNeed } from '../../data/errors.js';
import { backoffMs, errorMessageOf, HttpClient, kindForStatus, parseJson, parseRetryAfter, sleep, type HttpAnswer } from '../http.js';
import type { RateLimiter } from './limiter.js';

/**
 * Gives an access token for `scope` (e.g. `https://graph.microsoft.com/.default`): the host's
 * MSAL `acquireTokenSilent`, or a call to its own backend. Called before every request; cache in
 * the host (MSAL does).
 */
export type TokenSource = (scope: string, options: { signal: AbortSignal }) => string | Promise<string>;

/** One of Microsoft's APIs. */
export interface MicrosoftApi {
  /** What people call it, for messages: `Microsoft Graph`. */
  name: string;
  /** Base URL without a trailing slash, e.g. `https://graph.microsoft.com/v1.0` (or the host's proxy). */
  base: string;
  /** The OAuth scope of its tokens, e.g. `https://graph.microsoft.com/.default`. */
  scope: string;
}

export interface MicrosoftCall {
  api: MicrosoftApi;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A path under `api.base`, or an absolute URL on the same origin (an `@odata.nextLink`). */
  path: string;
  body?: unknown;
  signal: AbortSignal;
  limiter?: RateLimiter;
  /** The API permission the call needs (named when the service refuses it). */
  permission: string;
  /** The Azure role it needs as well (any of `roles`), where the service checks one. */
  role?: { roles: readonly string[]; scope: 'workspace' | 'resource-group' };
  /** The license it needs as well, by its product name. */
  license?: string;
  /** What the call is for, in words: `the devices that talked to the IP`. */
  what: string;
  /** Reads may be retried on 429/503; changes never are. */
  read: boolean;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /** Slots of the limiter the call takes (a \`$batch\`: one per request in it). */
  cost?: number;
  /** This call's time limit, when not the transport's (a query the service lets run for minutes). */
  timeoutMs?: number;
}

export interface MicrosoftTransportOptions {
  getToken: TokenSource;
  fetch?: typeof fetch;
  /** Per-attempt time limit in milliseconds (default 30,000); a query call may set its own. */
  timeoutMs?: number;
  /** The largest answer read, in bytes (default 20 MB). */
  maxResponseBytes?: number;
  /** Retries of a read on 429/503 (default 2). */
  maxRetries?: number;
  /** The longest `Retry-After` waited for, in seconds; longer fails at once as `rate-limited` (default 30). */
  maxRetryAfterSeconds?: number;
}

const SECRET = /(bearer\s+)[\w.~+/-]+=*/gi;

/** A message from a thrown value, without anything that looks like a token. */
function safeMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(SECRET, '$1…').slice(0, 300);
}

export class MicrosoftTransport {
  readonly #getToken: TokenSource;
  readonly #http: HttpClient;
  readonly #maxRetries: number;
  readonly #maxRetryAfter: number;

  constructor(options: MicrosoftTransportOptions) {
    if (typeof options?.getToken !== 'function') throw new TypeError('The Microsoft providers need getToken(scope).');
    this.#getToken = options.getToken;
    this.#http = new HttpClient({ fetch: options.fetch, timeoutMs: options.timeoutMs ?? 30_000, maxResponseBytes: options.maxResponseBytes, credentials: 'omit' });
    this.#maxRetries = options.maxRetries ?? 2;
    this.#maxRetryAfter = options.maxRetryAfterSeconds ?? 30;
  }

  /** The call's JSON answer (or `undefined` for 204 No Content). */
  async call(c: MicrosoftCall): Promise<unknown> {
    const url = this.#url(c.api, c.path);
    for (let attempt = 0; ; attempt++) {
      c.signal.throwIfAborted();
      await c.limiter?.acquire(c.signal, c.cost ?? 1);
      const headers = new Headers(c.headers);
      headers.set('Accept', 'application/json');
      headers.set('Authorization', `Bearer ${await this.#token(c.api, c.signal)}`);
      if (c.body !== undefined) headers.set('Content-Type', 'application/json; charset=utf-8');
      if (c.idempotencyKey) headers.set('Idempotency-Key', c.idempotencyKey);
      const answer = await this.#http.attempt({ method: c.method, url, headers, body: c.body === undefined ? undefined : JSON.stringify(c.body), signal: c.signal, timeoutMs: c.timeoutMs }, !c.read);
      if (answer.ok) return answer.status === 204 || answer.text.trim() === '' ? undefined : parseJson(answer);
      const retryAfter = parseRetryAfter(answer.headers.get('Retry-After'));
      if (answer.status === 429 && retryAfter !== undefined) c.limiter?.block(retryAfter);
      const error = this.#errorFor(c, answer, retryAfter);
      const canRetry = c.read && (answer.status === 429 || answer.status === 503) && attempt < this.#maxRetries;
      if (!canRetry || (retryAfter !== undefined && retryAfter > this.#maxRetryAfter)) throw error;
      await sleep(retryAfter !== undefined ? retryAfter * 1000 : backoffMs(attempt), c.signal);
    }
  }

  /** The full URL; an absolute one must stay on the API's own origin (tokens go nowhere else). */
  #url(api: MicrosoftApi, path: string): string {
    const base = new URL(api.base, typeof location === 'undefined' ? undefined : location.href);
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
      const target = new URL(path);
      if (target.origin !== base.origin) {
        throw new IpDataError('bad-response', `${api.name} pointed to another address (${target.origin}); the page does not send its token there.`, { reason: { id: 'foreign-link', service: api.name, origin: target.origin } });
      }
      return target.href;
    }
    return `${base.href.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  }

  async #token(api: MicrosoftApi, signal: AbortSignal): Promise<string> {
    let token: unknown;
    try {
      token = await this.#getToken(api.scope, { signal });
    } catch (error) {
      signal.throwIfAborted();
      throw new IpDataError('unauthorized', `No token for ${api.name}: ${safeMessage(error)}`, { cause: error, reason: { id: 'no-token', service: api.name, said: safeMessage(error) } });
    }
    if (typeof token !== 'string' || !token.trim() || /[\r\n]/.test(token)) {
      throw new IpDataError('unauthorized', `No token for ${api.name}: getToken gave no usable token for ${api.scope}.`, { reason: { id: 'no-token', service: api.name } });
    }
    return token.trim();
  }

  #errorFor(c: MicrosoftCall, answer: HttpAnswer, retryAfter: number | undefined): IpDataError {
    const { message, code } = errorMessageOf(answer.text);
    const service = c.api.name;
    let kind = kindForStatus(answer.status);
    let text: string;
    let tip: 'shorter-range' | undefined;
    let needed: ServiceNeed[] | undefined;
    switch (kind) {
      case 'unauthorized':
        text = `${service} did not accept the sign-in for ${c.what}: the token is missing, expired or for another tenant.`;
        break;
      case 'forbidden':
        needed = needs(c);
        text = `${service} refused ${c.what}: it needs ${needsInWords(needed)}.`;
        break;
      case 'not-found':
        text = `${service} has nothing for ${c.what}.`;
        break;
      case 'rate-limited':
        text = `${service} asked to slow down (${c.what}).`;
        break;
      case 'invalid-input':
        // A hunting query that ran out of time or resources comes back as a 400.
        if (/time ?out|timed out|exceeded|cpu|resource/i.test(`${code ?? ''} ${message ?? ''}`)) {
          kind = 'timeout';
          text = `The query for ${c.what} took too long and was stopped by ${service}.`;
          tip = 'shorter-range';
        } else text = `${service} rejected the request for ${c.what}.`;
        break;
      default:
        text = `${service} failed while answering ${c.what} (HTTP ${answer.status}).`;
    }
    // The service's own words, after ours (secrets it echoed cut short).
    const said = message?.replace(SECRET, '$1…');
    return new IpDataError(kind, `${text}${said ? ` It said: “${said}”` : ''}${tip ? ' Try a shorter time range.' : ''}`, {
      status: answer.status,
      retryAfter,
      reason: { id: 'service', service, status: answer.status, ...(said ? { said } : {}), ...(needed ? { needs: needed } : {}), ...(tip ? { tip } : {}) },
    });
  }
}

/**
 * The delegated permission of each application permission whose name differs, from each API
 * page's permissions table (Defender for Endpoint: indicators, machines, exposure score). Graph's
 * security permissions and Ip.Read.All have one name for both.
 */
const DELEGATED: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, {
  'Ti.ReadWrite.All': 'Ti.ReadWrite',
  'Machine.Read.All': 'Machine.Read',
  'Machine.ReadWrite.All': 'Machine.ReadWrite',
  'Score.Read.All': 'Score.Read',
}));

/** What a refused call needs: the permission, and the role or license where one applies. */
function needs(c: MicrosoftCall): ServiceNeed[] {
  // A browser app signs the analyst in and gets delegated permissions; a server, application ones.
  // Where the two are named differently (the Defender for Endpoint API), both are said.
  const delegated = DELEGATED[c.permission];
  const out: ServiceNeed[] = [delegated ? { permission: c.permission, delegated } : { permission: c.permission }];
  if (c.role) out.push({ roles: c.role.roles, scope: c.role.scope });
  if (c.license) out.push({ license: c.license });
  return out;
}

/** The needs in English, for the error's message (the page words them in its language). */
function needsInWords(needs: readonly ServiceNeed[]): string {
  const parts = needs.map((n) =>
    'permission' in n
      ? n.delegated
        ? `the ${n.permission} (application) or ${n.delegated} (delegated) permission`
        : `the ${n.permission} permission`
      : 'roles' in n
        ? `the ${n.roles.join(' or ')} role on the ${n.scope === 'workspace' ? 'workspace' : 'resource group'}`
        : 'license' in n
          ? `a license for ${n.license}`
          : '',
  );
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : `${parts[0]} (or a role that allows it)`;
}
