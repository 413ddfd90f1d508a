/**
 * One query per key (IP, range, filter set), shared by every caller: a second caller of the same
 * key waits for the same request instead of sending another; a finished answer is kept for a
 * while (`ttlMs`) so pages and other sections are served from it; a request is aborted only when
 * every caller waiting for it has aborted. Errors are not kept (a Retry asks again). Bounded: the
 * oldest keys go first.
 */
import { abortReason } from '../http.js';

interface Entry<T> {
  promise: Promise<T>;
  value?: T;
  controller: AbortController;
  waiting: number;
  settled: boolean;
  at: number;
}

export class SharedCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #max: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #ttlFor?: (value: T) => number | undefined;

  /**
   * `ttlFor` may keep some answers for less (or more) than `ttlMs`: an answer built while the
   * backend was throttling is kept only briefly, so a Refresh a minute later asks again.
   */
  constructor(options: { max?: number; ttlMs?: number; now?: () => number; ttlFor?: (value: T) => number | undefined } = {}) {
    this.#max = options.max ?? 24;
    this.#ttlMs = options.ttlMs ?? 5 * 60_000;
    this.#now = options.now ?? (() => Date.now());
    this.#ttlFor = options.ttlFor;
  }

  #expired(entry: Entry<T>): boolean {
    const ttl = this.#ttlFor?.(entry.value as T) ?? this.#ttlMs;
    return this.#now() - entry.at > ttl;
  }

  /** The answer for `key`: cached, in flight, or fetched now with `load`. */
  get(key: string, signal: AbortSignal, load: (signal: AbortSignal) => Promise<T>): Promise<T> {
    signal.throwIfAborted();
    let entry = this.#entries.get(key);
    if (entry && entry.settled && this.#expired(entry)) {
      this.#entries.delete(key);
      entry = undefined;
    }
    if (!entry) {
      const controller = new AbortController();
      const created: Entry<T> = { promise: Promise.resolve() as Promise<never>, controller, waiting: 0, settled: false, at: this.#now() };
      created.promise = load(controller.signal).then(
        (value) => {
          created.settled = true;
          created.value = value;
          created.at = this.#now();
          return value;
        },
        (error: unknown) => {
          if (this.#entries.get(key) === created) this.#entries.delete(key);
          throw error;
        },
      );
      created.promise.catch(() => undefined);
      this.#entries.set(key, created);
      this.#evict();
      entry = created;
    } else {
      // Recently used keys stay longest.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return this.#wait(key, entry, signal);
  }

  /** Change every kept answer (after an update, so pages served from the cache show it). */
  update(change: (value: T) => T): void {
    for (const e of this.#entries.values()) {
      if (!e.settled) continue;
      e.value = change(e.value as T);
      e.promise = Promise.resolve(e.value);
    }
  }

  /** Forget one answer (after a change that makes it stale); one in flight nobody waits for is aborted. */
  delete(key: string): void {
    const e = this.#entries.get(key);
    if (e && !e.settled && e.waiting === 0) e.controller.abort();
    this.#entries.delete(key);
  }

  /** Forget everything (after a change that makes answers stale). */
  clear(): void {
    for (const e of this.#entries.values()) if (!e.settled && e.waiting === 0) e.controller.abort();
    this.#entries.clear();
  }

  #wait(key: string, entry: Entry<T>, signal: AbortSignal): Promise<T> {
    if (entry.settled) return entry.promise;
    entry.waiting++;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const finish = () => {
        if (done) return false;
        done = true;
        entry.waiting--;
        signal.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!finish()) return;
        reject(abortReason(signal));
        // Nobody wants it any more: stop the request and forget it.
        if (entry.waiting === 0 && !entry.settled) {
          entry.controller.abort(abortReason(signal));
          if (this.#entries.get(key) === entry) this.#entries.delete(key);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (v) => finish() && resolve(v),
        (e: unknown) => finish() && reject(e),
      );
    });
  }

  #evict() {
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next().value!;
      const e = this.#entries.get(oldest)!;
      if (!e.settled && e.waiting > 0) break; // never drop what someone waits for
      if (!e.settled) e.controller.abort();
      this.#entries.delete(oldest);
    }
  }
}
