/**
 * The time ranges an analyst picks (24 hours … 180 days) and the buckets a chart uses for them.
 * Pure functions; `now` is always a parameter so results are reproducible in tests.
 */

import { parseIsoInstant } from './iso-time.js';

export { parseIsoInstant } from './iso-time.js';

export const RANGE_KEYS = ['24h', '7d', '30d', '90d', '180d'] as const;
/** A preset range, as used by the `range` attribute. */
export type RangeKey = (typeof RANGE_KEYS)[number];
export const DEFAULT_RANGE: RangeKey = '30d';

/** A concrete time window: `from` inclusive, `to` exclusive. */
export interface TimeRange {
  readonly from: Date;
  readonly to: Date;
}

export type BucketSize = 'hour' | 'day';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const RANGE_MS: Readonly<Record<RangeKey, number>> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
  '90d': 90 * DAY_MS,
  '180d': 180 * DAY_MS,
};

export function isRangeKey(value: unknown): value is RangeKey {
  return typeof value === 'string' && (RANGE_KEYS as readonly string[]).includes(value);
}

/** Whether a backend that keeps `maxDays` of data can serve the preset (no limit: every preset). */
export function withinLookback(key: RangeKey, maxDays: number | undefined): boolean {
  return maxDays === undefined || RANGE_MS[key] <= maxDays * DAY_MS;
}

/** The preset itself when the backend can serve it, else the longest one it can (at least 24 hours). */
export function clampRange(key: RangeKey, maxDays: number | undefined): RangeKey {
  if (withinLookback(key, maxDays)) return key;
  const served = RANGE_KEYS.filter((k) => withinLookback(k, maxDays));
  return served.at(-1) ?? '24h';
}

/**
 * The window a preset covers, ending at `now` rounded up to the next minute (so two sections that
 * resolve the range a few milliseconds apart ask for the same window and share cached data).
 */
export function resolveRange(key: RangeKey, now: Date = new Date()): TimeRange {
  const to = new Date(Math.ceil(now.getTime() / 60_000) * 60_000);
  return { from: new Date(to.getTime() - RANGE_MS[key]), to };
}

/** Hourly buckets up to 7 days, daily beyond. */
export function bucketSizeFor(range: TimeRange): BucketSize {
  return range.to.getTime() - range.from.getTime() <= 7 * DAY_MS ? 'hour' : 'day';
}

export function bucketMs(size: BucketSize): number {
  return size === 'hour' ? HOUR_MS : DAY_MS;
}

/** Start of the UTC bucket that contains `time`. */
export function floorToBucket(time: number, size: BucketSize): number {
  const step = bucketMs(size);
  return Math.floor(time / step) * step;
}

/**
 * The most buckets a range is cut into. The page never asks for more (its ranges end now and span
 * at most the data source's look-back, daily beyond 7 days); a caller that does gets an error, not
 * a frozen tab (an end in the year 9999 would be 2.9 million day buckets).
 */
export const MAX_BUCKETS = 10_000;

/** How many buckets of `size` overlap the range. */
export function bucketCount(range: TimeRange, size: BucketSize = bucketSizeFor(range)): number {
  const step = bucketMs(size);
  const first = floorToBucket(range.from.getTime(), size);
  const end = range.to.getTime();
  return end > first ? Math.ceil((end - first) / step) : 0;
}

/** Start times (ms, UTC-aligned) of every bucket that overlaps the range; a RangeError past {@link MAX_BUCKETS}. */
export function bucketStarts(range: TimeRange, size: BucketSize = bucketSizeFor(range)): number[] {
  const count = bucketCount(range, size);
  if (!(count <= MAX_BUCKETS)) throw new RangeError(`The time range has ${Number.isFinite(count) ? count.toLocaleString('en-US') : 'too many'} ${size === 'hour' ? 'hours' : 'days'}; at most ${MAX_BUCKETS.toLocaleString('en-US')} can be counted.`);
  const step = bucketMs(size);
  const first = floorToBucket(range.from.getTime(), size);
  const starts: number[] = new Array(count);
  for (let i = 0; i < count; i++) starts[i] = first + i * step;
  return starts;
}

/** Whether an instant falls in the range (`from` inclusive, `to` exclusive). */
export function inRange(time: number, range: TimeRange): boolean {
  return time >= range.from.getTime() && time < range.to.getTime();
}

/** Whether the interval [start, end] overlaps the range. */
export function overlapsRange(start: number, end: number, range: TimeRange): boolean {
  return end >= range.from.getTime() && start < range.to.getTime();
}

/** Equality by value, for task arguments. */
export function sameRange(a: TimeRange | undefined, b: TimeRange | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.from.getTime() === b.from.getTime() && a.to.getTime() === b.to.getTime();
}

/**
 * How far the browser's clock may lag the data source's: a window may end this much after now
 * (a data source's newest event can be stamped a little ahead of the browser's clock).
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** The longest window when the data source names no look-back. */
export const MAX_SPAN_DAYS = 366;

/** Parse `from`/`to` ISO 8601 instants (see {@link parseIsoInstant}). Undefined when invalid or reversed. */
export function parseRange(from: string | null | undefined, to: string | null | undefined): TimeRange | undefined {
  const f = parseIsoInstant(from);
  const t = parseIsoInstant(to);
  if (f === undefined || t === undefined || f >= t) return undefined;
  return { from: new Date(f), to: new Date(t) };
}

/**
 * A range as the `range` attribute spells it: a preset (`30d`), or a custom window as an ISO 8601
 * interval, `from/to` (`2026-11-01T00:00:00.000Z/2026-11-15T00:00:00.000Z`), which deep links and
 * Copy link carry as they are.
 */
export type RangeSpec = RangeKey | `${string}/${string}`;

/** The window a custom spec (`from/to`) names; undefined for a preset or anything invalid. */
export function parseCustomRange(spec: string | null | undefined): TimeRange | undefined {
  const slash = spec?.indexOf('/') ?? -1;
  return slash > 0 ? parseRange(spec!.slice(0, slash), spec!.slice(slash + 1)) : undefined;
}

/** The spec of a custom window (UTC, millisecond ISO). */
export function formatRangeSpec(range: TimeRange): RangeSpec {
  return `${range.from.toISOString()}/${range.to.toISOString()}`;
}

/** The earliest instant a backend that keeps `maxDays` of data can serve (no limit: undefined). */
export function lookbackStart(maxDays: number | undefined, now: Date = new Date()): Date | undefined {
  return maxDays === undefined ? undefined : new Date(now.getTime() - maxDays * DAY_MS);
}

/** Why a window was shortened: an end after now, a start before what the data source keeps, a span too long. */
export type RangeClampReason = 'future' | 'lookback' | 'span';

/** A range as the page holds it: the preset when it is one, and the concrete window. */
export interface ResolvedRange {
  key?: RangeKey;
  range: TimeRange;
  /** The window the spec asked for, when it had to be shortened, and why. */
  clamped?: { requested: TimeRange; reasons: readonly RangeClampReason[] };
}

/**
 * What a spec means now: a preset (clamped to what the backend keeps) with its window ending now,
 * or a custom window cut to what can be asked: its end no later than now (plus
 * {@link MAX_CLOCK_SKEW_MS}), its start no earlier than what the backend keeps or, when it keeps
 * no known number of days, than {@link MAX_SPAN_DAYS} before the end. What was cut is said in
 * `clamped`. Undefined when invalid, or when nothing of the window is left.
 */
export function resolveSpec(spec: string | null | undefined, maxDays: number | undefined, now: Date = new Date()): ResolvedRange | undefined {
  if (isRangeKey(spec)) {
    const key = clampRange(spec, maxDays);
    return { key, range: resolveRange(key, now) };
  }
  const custom = parseCustomRange(spec);
  if (!custom) return undefined;
  const reasons: RangeClampReason[] = [];
  let to = custom.to.getTime();
  const latest = now.getTime() + MAX_CLOCK_SKEW_MS;
  if (to > latest) {
    to = Math.ceil(now.getTime() / 60_000) * 60_000;
    reasons.push('future');
  }
  let from = custom.from.getTime();
  const earliest = lookbackStart(maxDays, now)?.getTime() ?? to - MAX_SPAN_DAYS * DAY_MS;
  if (from < earliest) {
    from = earliest;
    reasons.push(maxDays === undefined ? 'span' : 'lookback');
  }
  if (from >= to) return undefined;
  const range = { from: new Date(from), to: new Date(to) };
  return reasons.length ? { range, clamped: { requested: custom, reasons } } : { range };
}

/**
 * The page's range after an update: a fresh window when `fresh` (a new IP or spec), else the
 * current one, unless what the backend keeps (`maxDays`, known later) changes what the spec means.
 * An invalid spec means the default preset, with `invalid` set to say so.
 */
export function nextRange(current: ResolvedRange | undefined, spec: string | null | undefined, maxDays: number | undefined, fresh: boolean, now: Date = new Date()): ResolvedRange & { invalid?: string } {
  const resolved = resolveSpec(spec, maxDays, now);
  const next: ResolvedRange & { invalid?: string } = resolved ?? { ...resolveSpec(DEFAULT_RANGE, maxDays, now)!, ...(spec ? { invalid: spec } : {}) };
  if (fresh || !current) return next;
  const same = next.key || current.key ? next.key === current.key : sameRange(next.range, current.range);
  return same ? current : next;
}
