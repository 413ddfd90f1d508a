/**
 * The seam between any provider and the components: every answer passes through the readers of
 * `validate.ts` before a component sees it, whichever provider sent it (ours, a host's own, one
 * wrapped by a host). A wrong shape becomes a `bad-response` error for that one block, naming the
 * method and the field; nothing the readers did not accept is ever shown as data.
 *
 * The guard also makes the seam predictable for the components: a method that throws instead of
 * rejecting rejects; an answer that never comes stops waiting when the caller aborts; links and
 * hunting queries that throw or return something unsafe are dropped (the page falls back).
 */
import type { IpDataProvider, LinkResolver, RequestOptions } from '../data/provider.js';
import { safeHref } from '../lib/safe-url.js';
import { bucketCount, MAX_BUCKETS, type TimeRange } from '../lib/time-range.js';
import { IpDataError, PartlyAppliedError } from '../data/errors.js';
import { ANSWER_METHODS, type AnswerMethod } from '../data/contract.js';
import { badAnswer, OVERVIEW_READERS } from './read/overview.js';
import { lazyModule } from '../lib/lazy.js';
import { clip, LIMITS } from './read/primitives.js';


/**
 * The readers not in the first paint (the lists', the prevalence's: the chart loads after the
 * paint too). Started when such a method is called, so they are here by the time its answer is.
 */
const laterReaders = lazyModule(() => import('./validate.js'));

const atHand = (method: AnswerMethod) => Object.prototype.hasOwnProperty.call(OVERVIEW_READERS, method);

/** Read a method's answer: the overview's readers are at hand, the others load once when first needed. */
async function readAnswer(method: AnswerMethod, value: unknown, limit: number | undefined, args: readonly unknown[]): Promise<unknown> {
  if (atHand(method)) {
    try {
      return OVERVIEW_READERS[method as keyof typeof OVERVIEW_READERS](value);
    } catch (error) {
      throw badAnswer(method, error);
    }
  }
  return (await laterReaders.load()).readAnswer(method, value, limit, args);
}

/**
 * Providers that already read every answer with these same readers (the REST and static
 * providers register themselves here), so their answers are not read twice. Only the instances
 * themselves: a proxy or a wrapper around one (a host overriding a method) is read as any other.
 */
const answersRead = new WeakSet<object>();

/** Register a provider instance that reads its answers with the page's readers. @internal */
export function answersAlreadyRead(provider: object): void {
  answersRead.add(provider);
}

/**
 * A wrapper that answers exactly what `provider` answers (the page's links proxy) is registered
 * when `provider` is, so the guard does not read those answers a second time behind it. @internal
 */
export function answersReadAs(wrapper: object, provider: object): void {
  if (answersRead.has(provider)) answersRead.add(wrapper);
}

let beforeError: ((error: unknown) => Promise<void> | undefined) | undefined;

/**
 * Work to finish before a guarded call's error reaches its caller: the components load the words
 * for the error's reason there, so an element shows it in the page's language from the start.
 * @internal
 */
export function beforeGuardedError(hook: (error: unknown) => Promise<void> | undefined): void {
  beforeError = hook;
}

const GUARDED = Symbol.for('ip-entity-page/guarded');
const guards = new WeakMap<object, IpDataProvider>();

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Settle with `promise`, or reject as soon as `signal` aborts (a provider that never answers is let go). */
function untilAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  // The provider's own promise may still reject after the caller stopped waiting: nobody is left to hear it.
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function isRange(value: unknown): value is TimeRange {
  return typeof value === 'object' && value !== null && (value as TimeRange).from instanceof Date && (value as TimeRange).to instanceof Date;
}

/**
 * The time range a call asks for (an argument, or a query's `range`), refused before the provider
 * sees it when it is not a window or has more days than can be counted: a backend asked for every
 * day to the year 9999 would build millions of buckets and freeze the tab.
 */
function checkRange(method: string, args: readonly unknown[]): void {
  for (const arg of args) {
    const range = isRange(arg) ? arg : isRange((arg as { range?: unknown } | null)?.range) ? (arg as { range: TimeRange }).range : undefined;
    if (!range) continue;
    const from = range.from.getTime();
    const to = range.to.getTime();
    if (!Number.isFinite(from) || !Number.isFinite(to) || from > to) throw new IpDataError('invalid-input', `${method}: the time range is not a window (its start must not be after its end).`);
    if (!(bucketCount(range, 'day') <= MAX_BUCKETS)) throw new IpDataError('invalid-input', `${method}: the time range covers more than ${MAX_BUCKETS.toLocaleString('en-US')} days.`);
  }
}

function guardMethod(target: IpDataProvider, method: AnswerMethod, fn: (...args: unknown[]) => unknown, read: boolean) {
  return (...args: unknown[]): Promise<unknown> => {
    const options = args.at(-1) as RequestOptions | undefined;
    let answer: unknown;
    try {
      checkRange(method, args);
      answer = fn.apply(target, args);
    } catch (error) {
      return Promise.reject(error);
    }
    // The reader loads while the provider works.
    if (read && !atHand(method)) laterReaders.load().catch(() => undefined);
    const query = method === 'listAlerts' || method === 'listObservedDevices' ? args[1] : method === 'listThreatIntel' ? args[2] : undefined;
    const limit = (query as { limit?: number } | undefined)?.limit;
    return untilAbort(Promise.resolve(answer), options?.signal).then(
      (value) => (read ? readAnswer(method, value, limit, args) : value),
      async (error: unknown) => {
        await beforeError?.(error);
        // What a change applied in part did apply is an answer too: read it as one.
        if (read && error instanceof PartlyAppliedError) throw new PartlyAppliedError(error.message, (await readAnswer(method, error.applied, limit, args)) as unknown[], { cause: error.cause, reason: error.reason });
        throw error;
      },
    );
  };
}

function guardLinks(links: LinkResolver): LinkResolver {
  const out: Record<string, (...args: never[]) => string | undefined> = {};
  for (const key of ['device', 'user', 'alert', 'incident', 'hunting', 'activityLog', 'cloudAppSettings'] as const) {
    const fn = (links as Record<string, unknown>)[key];
    if (typeof fn !== 'function') continue;
    out[key] = (...args: never[]) => {
      try {
        return safeHref((fn as (...a: never[]) => unknown).apply(links, args));
      } catch {
        return undefined;
      }
    };
  }
  return out as LinkResolver;
}

/**
 * The provider as the components use it: the same methods (only those it has), each answer read
 * and checked. Returns the same object for the same provider, so it can key tasks and caches.
 */
export function guardProvider(provider: IpDataProvider): IpDataProvider;
export function guardProvider(provider: IpDataProvider | undefined): IpDataProvider | undefined;
export function guardProvider(provider: IpDataProvider | undefined): IpDataProvider | undefined {
  if (!provider || typeof provider !== 'object') return undefined;
  if ((provider as unknown as Record<symbol, unknown>)[GUARDED]) return provider;
  const existing = guards.get(provider);
  if (existing) return existing;
  const read = !answersRead.has(provider);
  const wrapped = new WeakMap<object, unknown>();
  let linksSource: unknown;
  let linksGuard: LinkResolver | undefined;
  const guard = new Proxy(provider, {
    get(target, prop) {
      if (prop === GUARDED) return true;
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === 'links') {
        if (value == null || typeof value !== 'object') return undefined;
        if (value !== linksSource) {
          linksSource = value;
          linksGuard = guardLinks(value as LinkResolver);
        }
        return linksGuard;
      }
      if (typeof value !== 'function') return value;
      if (prop === 'huntingQuery') {
        return (...args: unknown[]) => {
          try {
            const q = (value as (...a: unknown[]) => unknown).apply(target, args);
            return typeof q === 'string' && q.trim() ? clip(q, LIMITS.longText) : undefined;
          } catch {
            return undefined;
          }
        };
      }
      if (typeof prop !== 'string' || !ANSWER_METHODS.has(prop)) return value;
      let fn = wrapped.get(value) as ((...args: unknown[]) => Promise<unknown>) | undefined;
      if (!fn) {
        fn = guardMethod(target, prop as AnswerMethod, value as (...args: unknown[]) => unknown, read);
        wrapped.set(value, fn);
      }
      return fn;
    },
  });
  guards.set(provider, guard);
  return guard;
}
