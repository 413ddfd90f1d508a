/**
 * The Microsoft Graph calls of the Defender provider: advanced hunting, alerts and incidents
 * (read in `$batch`es of 20, Graph's limit), their updates and comments, and threat intelligence.
 */
import { IpDataError, isAbortError } from '../../data/errors.js';
import type { MicrosoftApi, MicrosoftTransport } from '../microsoft/transport.js';
import type { RateLimiter } from '../microsoft/limiter.js';
import { huntingRows, type Row } from '../microsoft/tables.js';
import { idSegment } from '../http.js';

/** Graph's most requests in one `$batch`. */
const BATCH = 20;

export interface GraphLimiters {
  hunting: RateLimiter;
  graph: RateLimiter;
  threatIntel: RateLimiter;
}

export class DefenderGraph {
  readonly #t: MicrosoftTransport;
  readonly #api: MicrosoftApi;
  readonly #limit: GraphLimiters;

  constructor(transport: MicrosoftTransport, api: MicrosoftApi, limiters: GraphLimiters) {
    this.#t = transport;
    this.#api = api;
    this.#limit = limiters;
  }

  /** Run an advanced-hunting query (`POST /security/runHuntingQuery`); rows with lower-case keys. */
  async hunt(query: string, what: string, signal: AbortSignal): Promise<Row[]> {
    const answer = await this.#t.call({
      api: this.#api,
      method: 'POST',
      path: 'security/runHuntingQuery',
      body: { Query: query },
      signal,
      limiter: this.#limit.hunting,
      permission: 'ThreatHunting.Read.All',
      what,
      read: true,
    });
    return huntingRows(answer);
  }

  /**
   * GET several Graph items by path in `$batch`es; each answer's body, or `undefined` for one that
   * failed (404: deleted, 403: outside the analyst's device groups). A failed batch throws.
   */
  async getMany(paths: readonly string[], what: string, permission: string, signal: AbortSignal): Promise<Array<unknown | undefined>> {
    const out: Array<unknown | undefined> = new Array(paths.length);
    for (let start = 0; start < paths.length; start += BATCH) {
      const chunk = paths.slice(start, start + BATCH);
      const answer = (await this.#t.call({
        api: this.#api,
        method: 'POST',
        path: '$batch',
        body: { requests: chunk.map((url, i) => ({ id: String(i), method: 'GET', url: `/${url}`, headers: { Prefer: 'include-unknown-enum-members' } })) },
        signal,
        limiter: this.#limit.graph,
        permission,
        what,
        read: true,
      })) as { responses?: unknown };
      const responses = Array.isArray(answer?.responses) ? (answer.responses as Array<Record<string, unknown>>) : undefined;
      if (!responses) throw new IpDataError('bad-response', `Microsoft Graph sent a batch answer without “responses” (${what}).`);
      for (const r of responses) {
        const i = Number(r?.['id']);
        const status = Number(r?.['status']);
        if (Number.isInteger(i) && i >= 0 && i < chunk.length && status >= 200 && status < 300) out[start + i] = r['body'];
      }
    }
    return out;
  }

  /** PATCH an alert or incident; the updated item. */
  async patch(kind: 'alert' | 'incident', id: string, body: Record<string, unknown>, signal: AbortSignal, idempotencyKey?: string): Promise<unknown> {
    return this.#t.call({
      api: this.#api,
      method: 'PATCH',
      path: `security/${kind === 'incident' ? 'incidents' : 'alerts_v2'}/${idSegment(id)}`,
      body,
      signal,
      limiter: this.#limit.graph,
      permission: kind === 'incident' ? 'SecurityIncident.ReadWrite.All' : 'SecurityAlert.ReadWrite.All',
      what: `the update of ${kind} ${id}`,
      read: false,
      idempotencyKey,
      headers: { Prefer: 'return=representation' },
    });
  }

  /** Add a comment to an alert or incident. */
  async comment(kind: 'alert' | 'incident', id: string, comment: string, signal: AbortSignal, idempotencyKey?: string): Promise<void> {
    await this.#t.call({
      api: this.#api,
      method: 'POST',
      path: `security/${kind === 'incident' ? 'incidents' : 'alerts_v2'}/${idSegment(id)}/comments`,
      body: { '@odata.type': `microsoft.graph.security.${kind === 'incident' ? 'incident' : 'alert'}Comment`, comment },
      signal,
      limiter: this.#limit.graph,
      permission: kind === 'incident' ? 'SecurityIncident.ReadWrite.All' : 'SecurityAlert.ReadWrite.All',
      what: `the comment on ${kind} ${id}`,
      read: false,
      idempotencyKey: idempotencyKey && `${idempotencyKey}:comment`,
    });
  }

  /**
   * The threat-intelligence host, its WHOIS record and its reverse DNS names. The host must
   * answer (403: not licensed, named); WHOIS and passive DNS are extras that may fail alone.
   */
  /** One threat intelligence read (its own rate limit; 403 names the license and the permission). */
  tiGet(path: string, what: string, signal: AbortSignal): Promise<unknown> {
    return this.#t.call({ api: this.#api, method: 'GET', path, signal, limiter: this.#limit.threatIntel, permission: 'ThreatIntelligence.Read.All', license: 'a Microsoft Defender Threat Intelligence license', what, read: true });
  }

  async threatIntel(ip: string, signal: AbortSignal): Promise<{ host?: unknown; whois?: unknown; reverse?: unknown }> {
    const get = (path: string, what: string) => this.tiGet(path, what, signal);
    const base = `security/threatIntelligence/hosts/${encodeURIComponent(ip)}`;
    let host: unknown;
    try {
      host = await get(base, `the threat intelligence on ${ip}`);
    } catch (error) {
      if (error instanceof IpDataError && error.kind === 'not-found') return {};
      throw error;
    }
    const extra = (path: string, what: string) =>
      get(path, what).catch((error: unknown) => {
        if (isAbortError(error)) throw error;
        return undefined;
      });
    const [whois, reverse] = await Promise.all([extra(`${base}/whois`, `the WHOIS record of ${ip}`), extra(`${base}/passiveDnsReverse`, `the reverse DNS names of ${ip}`)]);
    return { host, whois, reverse };
  }
}
