/**
 * The prevalence data as the chart needs it (typed arrays, sorted marks) and a bucket's label:
 * what the element needs to render its table and summary before ECharts is loaded. The option
 * itself is built in prevalence-option.ts, and a bucket described in words in bucket-text.ts,
 * both loaded with ECharts.
 */
import type { AlertMark, Prevalence } from '../../data/model.js';
import { toMs } from '../../data/time.js';
import { formatDate, formatDateTime } from '../../lib/format.js';

/** Above this many points: LTTB sampling, no symbols, no animation. */
export const LARGE = 2000;


/** The prevalence data in the shape the chart needs: typed arrays and sorted marks. */
export interface PreparedSeries {
  times: Float64Array;
  values: Float64Array;
  /** Flat [t0, v0, t1, v1, …] for ECharts' typed-array source. */
  flat: Float64Array;
  stepMs: number;
  bucket: 'hour' | 'day';
  marks: AlertMark[];
  markTimes: Float64Array;
  max: number;
  /** Device names per bucket, where the answer gave some. */
  names?: ReadonlyMap<number, readonly string[]>;
}

export function prepare(p: Prevalence): PreparedSeries {
  const n = p.buckets.length;
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  const flat = new Float64Array(n * 2);
  let max = 0;
  let names: Map<number, readonly string[]> | undefined;
  for (let i = 0; i < n; i++) {
    const b = p.buckets[i]!;
    if (b.deviceNames?.length) (names ??= new Map()).set(i, b.deviceNames);
    const t = toMs(b.start);
    times[i] = t;
    values[i] = b.devices;
    flat[2 * i] = t;
    flat[2 * i + 1] = b.devices;
    if (b.devices > max) max = b.devices;
  }
  const marks = [...p.alertMarks].sort((a, b) => toMs(a.time) - toMs(b.time));
  const stepMs = p.bucket === 'hour' ? 3_600_000 : 86_400_000;
  return { times, values, flat, stepMs, bucket: p.bucket, marks, markTimes: Float64Array.from(marks, (m) => toMs(m.time)), max, ...(names ? { names } : {}) };
}

/** Index of the bucket containing `time` (the last bucket starting at or before it), or -1. */
export function bucketIndexAt(s: PreparedSeries, time: number): number {
  let lo = 0;
  let hi = s.times.length - 1;
  if (hi < 0 || time < s.times[0]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (s.times[mid]! <= time) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Alerts that started in bucket `i`. */
export function marksIn(s: PreparedSeries, i: number): AlertMark[] {
  const start = s.times[i]!;
  const end = start + s.stepMs;
  let lo = 0;
  let hi = s.markTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s.markTimes[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  const out: AlertMark[] = [];
  for (let j = lo; j < s.markTimes.length && s.markTimes[j]! < end; j++) out.push(s.marks[j]!);
  return out;
}

export function bucketLabel(s: PreparedSeries, i: number, locale?: string): string {
  const t = s.times[i]!;
  // A day bucket is a UTC day (as every provider counts them): named by its UTC date, never by the
  // local date of its start, which west of Greenwich is the day before.
  return s.bucket === 'day' ? formatDate(t, locale, 'UTC') : formatDateTime(t, locale);
}
