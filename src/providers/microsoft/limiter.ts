/**
 * A client-side rate limiter per endpoint, with the quotas the Microsoft APIs document (advanced
 * hunting: 45 calls a minute and 1,500 an hour; Defender for Endpoint: 100 a minute and 1,500 an
 * hour; Log Analytics: 200 per 30 seconds; none where none is documented). A call waits for a free slot, abortably; a call that
 * would wait longer than `maxWaitMs` fails at once as `rate-limited`, saying when to retry. A 429's
 * `Retry-After` from the service blocks the endpoint for everyone until it passes.
 */
import { IpDataError } from '../../data/errors.js';
import { sleep } from '../http.js';

export interface Quota {
  /** Calls allowed in the window. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

export class RateLimiter {
  readonly name: string;
  readonly #quotas: readonly Quota[];
  readonly #maxWaitMs: number;
  readonly #now: () => number;
  /** Start times of the calls still inside the longest window. */
  #calls: number[] = [];
  #blockedUntil = 0;

  constructor(name: string, quotas: readonly Quota[], options: { maxWaitMs?: number; now?: () => number } = {}) {
    this.name = name;
    this.#quotas = quotas;
    this.#maxWaitMs = options.maxWaitMs ?? 20_000;
    this.#now = options.now ?? (() => Date.now());
  }

  /** Milliseconds until `count` calls may start (0: now). */
  waitMs(count = 1): number {
    const now = this.#now();
    const longest = Math.max(0, ...this.#quotas.map((q) => q.windowMs));
    this.#calls = this.#calls.filter((t) => now - t < longest);
    let wait = Math.max(0, this.#blockedUntil - now);
    for (const q of this.#quotas) {
      const need = Math.min(count, q.max);
      const inWindow = this.#calls.filter((t) => now - t < q.windowMs);
      if (inWindow.length + need > q.max) wait = Math.max(wait, inWindow[inWindow.length + need - q.max - 1]! + q.windowMs - now);
    }
    return wait;
  }

  /**
   * Wait for `count` slots (abortably) and take them; or fail as `rate-limited` when the wait is
   * too long. A Graph `$batch` costs one slot per request in it: Graph counts each against the quota.
   */
  async acquire(signal?: AbortSignal, count = 1): Promise<void> {
    for (;;) {
      const wait = this.waitMs(count);
      if (wait === 0) {
        const now = this.#now();
        for (let i = 0; i < count; i++) this.#calls.push(now);
        return;
      }
      if (wait > this.#maxWaitMs) {
        throw new IpDataError('rate-limited', `The ${this.name} quota is used up for now.`, { retryAfter: Math.ceil(wait / 1000), reason: { id: 'quota', service: this.name } });
      }
      await sleep(wait, signal);
    }
  }

  /** The service said to wait (`Retry-After`): no call starts before then. */
  block(seconds: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, this.#now() + seconds * 1000);
  }
}
