/**
 * One page, one set of answers. `<ip-entity-page>` wraps its provider once in this layer, so:
 *
 * - the same question asked twice (same method, same arguments) is answered once: by the request
 *   already in flight, or from the answer it gave (capabilities asked by the page, the alerts list
 *   and the response actions; the summary the overview loaded and Copy summary reads again);
 * - a caller that aborts only stops waiting; the shared request is aborted when every caller
 *   waiting on it has gone;
 * - failures are never kept (the next ask tries again), and a change (`updateAlerts`,
 *   `addIndicator`) forgets every answer once it settles, since counts and lists move with it;
 * - `forgetAnswers` drops answers on request (a section's Refresh), the page drops them all when
 *   the IP changes, and at most 64 are kept (least recently used go first): a page's worth of
 *   answers, never a data set, however far the analyst scrolls a million alerts.
 *
 * The layer sits over the guarded provider (every answer already read and checked) and keeps its
 * identity stable, so tasks keyed on the provider do not re-run.
 */
import type { IpDataProvider, RequestOptions } from '../data/provider.js';
// Reads are kept; after a write settles, every kept answer is forgotten (data/contract.ts says which is which).
import { READ_METHODS as MEMO_METHODS, WRITE_METHODS } from '../data/contract.js';


interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

interface MemoState {
  /** Kept and in-flight answers. A forgotten entry leaves the map; those already waiting on it still get its answer. */
  entries: Map<string, Entry>;
}

/** Answers kept at most (least recently used go first): a page's worth, never a data set. */
const KEEP = 64;

const states = new WeakMap<object, MemoState>();

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was aborted.', 'AbortError');
}

/** A key for the arguments before the options: dates as ISO text, object keys in order. */
function keyOf(method: string, args: readonly unknown[]): string {
  return `${method}:${JSON.stringify(args, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  })}`;
}

/** Wait for `entry` on behalf of one caller, who may leave early through `signal`. */
function wait(state: MemoState, key: string, entry: Entry, signal: AbortSignal | undefined): Promise<unknown> {
  if (entry.settled) return entry.promise;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  entry.waiting++;
  return new Promise((resolve, reject) => {
    let done = false;
    const leave = () => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      entry.waiting--;
    };
    const onAbort = () => {
      leave();
      if (entry.waiting === 0 && !entry.settled) {
        entry.controller.abort(abortError(signal!));
        if (state.entries.get(key) === entry) state.entries.delete(key);
      }
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (value) => {
        if (done) return;
        leave();
        resolve(value);
      },
      (error: unknown) => {
        if (done) return;
        leave();
        reject(error);
      },
    );
  });
}

/** Keep at most KEEP settled answers, dropping the least recently used. */
function trim(state: MemoState): void {
  let excess = state.entries.size - KEEP;
  for (const [key, entry] of state.entries) {
    if (excess <= 0) break;
    if (!entry.settled) continue;
    state.entries.delete(key);
    excess--;
  }
}

/**
 * A new layer over `provider` with answers shared and kept as described above (a page makes one
 * and keeps it while its provider stays the same). A layer given again is returned as it is.
 */
export function memoizeProvider(provider: IpDataProvider): IpDataProvider {
  if (states.has(provider)) return provider;
  const state: MemoState = { entries: new Map() };
  const wrapped = new Map<PropertyKey, unknown>();
  const memo = new Proxy(provider, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      const known = wrapped.get(prop);
      if (known) return known;
      let fn: unknown = value;
      if (MEMO_METHODS.has(prop)) {
        fn = (...args: unknown[]) => {
          const options = args.at(-1) as RequestOptions | undefined;
          const key = keyOf(prop, args.slice(0, -1));
          let entry = state.entries.get(key);
          if (entry?.settled) {
            // Most recently used goes last.
            state.entries.delete(key);
            state.entries.set(key, entry);
          }
          if (!entry) {
            const controller = new AbortController();
            const call = (value as (...a: unknown[]) => Promise<unknown>).apply(target, [...args.slice(0, -1), { ...options, signal: controller.signal }]);
            const created: Entry = { promise: Promise.resolve(call), controller, waiting: 0, settled: false };
            entry = created;
            state.entries.set(key, created);
            created.promise.then(
              () => {
                created.settled = true;
                trim(state);
              },
              () => {
                if (state.entries.get(key) === created) state.entries.delete(key);
              },
            );
          }
          return wait(state, key, entry, options?.signal);
        };
      } else if (WRITE_METHODS.has(prop)) {
        fn = (...args: unknown[]) => {
          const forget = () => forgetAnswers(memo);
          const result = Promise.resolve((value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
          result.then(forget, forget);
          return result;
        };
      } else {
        fn = (value as (...a: unknown[]) => unknown).bind(target);
      }
      wrapped.set(prop, fn);
      return fn;
    },
  });
  states.set(memo, state);
  return memo;
}

/**
 * Forget kept answers: of the given methods, or all. Requests in flight finish for those waiting
 * on them, but their answers are not kept. No effect on a provider that is not a memo layer.
 */
export function forgetAnswers(provider: IpDataProvider | undefined, methods?: readonly string[]): void {
  const state = provider && states.get(provider);
  if (!state) return;
  if (!methods) {
    state.entries.clear();
    return;
  }
  for (const key of [...state.entries.keys()]) if (methods.some((m) => key.startsWith(`${m}:`))) state.entries.delete(key);
}
