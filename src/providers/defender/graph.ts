/**
 * The Microsoft Graph calls of the Defender provider: advanced hunting, alerts and incidents
 * (read in `$batch`es of 20, Graph's limit), their updates and comments, and threat intelligence.
 */
import { IpDataError, isAbortError } from '../../data/errors.js';
import type { MicrosoftApi, MicrosoftTransport } from '../microsoft/transport.js';
import type { RateLimiter } from '../microsoft/limiter.js';
import { huntingRows, type Row } from '../microsoft/tables.js';
import { idSegment, parseRetryAfter, sleep } from '../http.js';

/** Graph's most requests in one `$batch`. */
const BATCH = 20;
/** How often requests throttled inside a batch are asked again, and the longest `Retry-After` waited for. */
const INNER_RETRIES = 2;
const MAX_INNER_WAIT_S = 30;
/** How long a hunting query is waited for: past the service's three minutes. */
export const QUERY_TIMEOUT_MS = 200_000;
/** How long an item read from Graph is reused, and how many are kept. */
const DETAIL_TTL_MS = 2 * 60_000;
const MAX_DETAILS = 2_000;

/** An inner response's `Retry-After` (its headers are an object; names in any case), in seconds. */
function retryAfterOf(headers: unknown): number | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const entry = Object.entries(headers).find(([k]) => k.toLowerCase() === 'retry-after');
  return entry ? parseRetryAfter(String(entry[1])) : undefined;
}

export interface GraphLimiters {
  hunting: RateLimiter;
  graph: RateLimiter;
  threatIntel: RateLimiter;
}

export class DefenderGraph {
  readonly #t: MicrosoftTransport;
  readonly #api: MicrosoftApi;
  readonly #limit: GraphLimiters;

  readonly #queryTimeoutMs: number;

  /** `queryTimeoutMs`: how long a hunting query may run before the page stops waiting (default 200 s). */
  constructor(transport: MicrosoftTransport, api: MicrosoftApi, limiters: GraphLimiters, queryTimeoutMs = QUERY_TIMEOUT_MS) {
    this.#t = transport;
    this.#api = api;
    this.#limit = limiters;
    this.#queryTimeoutMs = queryTimeoutMs;
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
      // Advanced hunting stops a query after three minutes (its quotas); the page waits a little
      // longer, so the service's own timeout error is what the analyst reads, and Cancel is theirs.
      timeoutMs: this.#queryTimeoutMs,
    });
    return huntingRows(answer);
  }

  /**
   * GET several Graph items by path in `$batch`es. Graph checks every request in a batch against
   * its quotas on its own and answers a throttled one with 429 inside a 200 batch (the throttling
   * doc), so each request takes a slot of the limiter, and the throttled ones are asked again after
   * their `Retry-After` (twice at most). Each answer's body, or `undefined` for one that failed
   * (404: deleted, 403: outside the analyst's device groups); `unavailable` counts those Graph
   * still would not give (throttled, 5xx, or past this app's share of the quota for the next
   * `maxWaitMs`), so what is shown without them can say so. An item read in the last two minutes
   * is not asked again (a filter's list shares the incidents of the whole list); a change forgets
   * it. A malformed batch answer throws.
   */
  async getMany(paths: readonly string[], what: string, permission: string, signal: AbortSignal): Promise<{ bodies: Array<unknown | undefined>; unavailable: number }> {
    const bodies: Array<unknown | undefined> = new Array(paths.length);
    let pending: number[] = [];
    paths.forEach((path, i) => {
      const kept = this.#kept(path);
      if (kept === undefined) pending.push(i);
      else bodies[i] = kept;
    });
    // A request that failed for good (5xx, unanswered, over quota) stays failed; only throttled ones go round again.
    const unavailable: number[] = [];
    for (let round = 0; pending.length && round <= INNER_RETRIES; round++) {
      const throttled: number[] = [];
      let wait = 0;
      for (let start = 0; start < pending.length; start += BATCH) {
        const chunk = pending.slice(start, start + BATCH);
        let answer: { responses?: unknown };
        try {
          answer = (await this.#t.call({
            api: this.#api,
            method: 'POST',
            path: '$batch',
            body: { requests: chunk.map((index, i) => ({ id: String(i), method: 'GET', url: `/${paths[index]}`, headers: { Prefer: 'include-unknown-enum-members' } })) },
            signal,
            limiter: this.#limit.graph,
            cost: chunk.length,
            permission,
            what,
            read: true,
          })) as { responses?: unknown };
        } catch (error) {
          // Over the quota (ours or Graph's): what was read is shown, the rest is said to be missing.
          if (!(error instanceof IpDataError && error.kind === 'rate-limited')) throw error;
          unavailable.push(...pending.slice(start));
          return { bodies, unavailable: unavailable.length };
        }
        const responses = Array.isArray(answer?.responses) ? (answer.responses as Array<Record<string, unknown>>) : undefined;
        if (!responses) throw new IpDataError('bad-response', `Microsoft Graph sent a batch answer without “responses” (${what}).`, { reason: { id: 'unreadable', service: 'Microsoft Graph', detail: 'a $batch answer without “responses”' } });
        const answered = new Set<number>();
        for (const r of responses) {
          const i = Number(r?.['id']);
          if (!Number.isInteger(i) || i < 0 || i >= chunk.length || answered.has(i)) continue;
          answered.add(i);
          const status = Number(r?.['status']);
          if (status >= 200 && status < 300) {
            bodies[chunk[i]!] = r['body'];
            this.#keep(paths[chunk[i]!]!, r['body']);
          } else if (status === 429 || status >= 500) {
            (status === 429 ? throttled : unavailable).push(chunk[i]!);
            wait = Math.max(wait, retryAfterOf(r['headers']) ?? 0);
          }
        }
        // A request the batch did not answer at all is as good as unavailable.
        chunk.forEach((index, i) => answered.has(i) || unavailable.push(index));
      }
      pending = throttled;
      if (!pending.length) break;
      if (round === INNER_RETRIES || wait > MAX_INNER_WAIT_S) {
        unavailable.push(...pending);
        break;
      }
      // Everyone waits: Graph said this app is over its quota.
      this.#limit.graph.block(wait || 1);
      await sleep((wait || 1) * 1000, signal);
    }
    return { bodies, unavailable: unavailable.length };
  }

  readonly #details = new Map<string, { at: number; body: unknown }>();

  #kept(path: string): unknown {
    const kept = this.#details.get(path);
    if (!kept) return undefined;
    if (Date.now() - kept.at > DETAIL_TTL_MS) {
      this.#details.delete(path);
      return undefined;
    }
    return kept.body;
  }

  #keep(path: string, body: unknown): void {
    if (body === undefined || body === null) return;
    this.#details.delete(path);
    this.#details.set(path, { at: Date.now(), body });
    // The oldest go first.
    for (const oldest of this.#details.keys()) {
      if (this.#details.size <= MAX_DETAILS) break;
      this.#details.delete(oldest);
    }
  }

  /** Forget what was read of an item (it changed, or is about to). */
  #forget(kind: 'alert' | 'incident', id: string): void {
    const segment = idSegment(id);
    this.#details.delete(`security/${kind === 'incident' ? 'incidents' : 'alerts_v2'}/${segment}`);
  }

  /** PATCH an alert or incident; the updated item. */
  async patch(kind: 'alert' | 'incident', id: string, body: Record<string, unknown>, signal: AbortSignal, idempotencyKey?: string): Promise<unknown> {
    this.#forget(kind, id);
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
    this.#forget(kind, id);
    await this.#t.call({
      api: this.#api,
      method: 'POST',
      path: `security/${kind === 'incident' ? 'incidents' : 'alerts_v2'}/${idSegment(id)}/comments`,
      // alertComment for incidents too: the incident comments doc's body (there is no incidentComment type).
      body: { '@odata.type': 'microsoft.graph.security.alertComment', comment },
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
    return this.#t.call({ api: this.#api, method: 'GET', path, signal, limiter: this.#limit.threatIntel, permission: 'ThreatIntelligence.Read.All', license: 'Defender Threat Intelligence (the Portal license and the API add-on, for the tenant)', what, read: true });
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
