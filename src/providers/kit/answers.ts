/**
 * The shapes every vendor provider builds the same way, so a provider is its queries and the
 * mapping of their rows: the devices list's cap and page, the prevalence buckets, the log
 * activity, the default range.
 */
import type { DeviceQuery, Page } from '../../data/provider.js';
import type { LogActivity, LoggedHost, LogSourceActivity, ObservedDevice, PrevalenceBucket } from '../../data/model.js';
import { listSource, queryDevices } from '../../data/query.js';
import { BUCKET_DEVICE_NAMES } from '../../data/model.js';
import { bucketMs, bucketStarts, DAY_MS, type BucketSize, type TimeRange } from '../../lib/time-range.js';

/** Devices listed at most, as Defender lists them; a page's `total` still says how many matched. */
export const DEVICE_LIST_LIMIT = 100;

/** The default look-back when a list is asked for without a range: 30 days, as the page's default. */
/** One page of a whole list a source answered at once (its offset clamped to the list). */
export function pageOf<T>(items: readonly T[], page: { offset: number; limit: number }): Page<T> {
  const offset = Math.max(0, Math.floor(page.offset));
  return { items: items.slice(offset, offset + Math.max(0, Math.floor(page.limit))), total: items.length };
}

export function defaultRange(days = 30, now: Date = new Date()): TimeRange {
  return { from: new Date(now.getTime() - days * DAY_MS), to: now };
}

/**
 * One page of the devices list: filtered, sorted and paged by the query (`eventsMatch`: the ids
 * of devices whose events match the search text, from a query of the backend's), never past the
 * first {@link DEVICE_LIST_LIMIT}.
 */
export function devicesPage(devices: readonly ObservedDevice[], query: DeviceQuery, eventsMatch?: ReadonlySet<string | undefined>, limit = DEVICE_LIST_LIMIT): Page<ObservedDevice> {
  const offset = Math.min(query.offset, limit);
  const page = { ...query, offset, limit: Math.max(0, Math.min(query.limit, limit - offset)) };
  return queryDevices(listSource(devices), page, eventsMatch ? { eventsMatch: (i) => eventsMatch.has(devices[i]!.id) } : {});
}

/**
 * Every bucket of the range, in order, with the devices a backend counted in it (rows whose start
 * falls in a bucket; buckets without a row have none). `start` is any time in the bucket.
 */
export function prevalenceBuckets(range: TimeRange, size: BucketSize, rows: Iterable<{ start: string | undefined; devices: number | undefined; names?: readonly string[] }>): PrevalenceBucket[] {
  const step = bucketMs(size);
  const byStart = new Map<number, { devices: number; names?: readonly string[] }>();
  for (const r of rows) {
    const t = Date.parse(r.start ?? '');
    if (Number.isFinite(t)) byStart.set(Math.floor(t / step) * step, { devices: r.devices ?? 0, names: r.names });
  }
  return bucketStarts(range, size).map((s) => {
    const row = byStart.get(s);
    const bucket: PrevalenceBucket = { start: new Date(s).toISOString(), devices: row?.devices ?? 0 };
    const names = row?.names?.filter((n) => typeof n === 'string' && n !== '').slice(0, BUCKET_DEVICE_NAMES);
    if (names?.length) bucket.deviceNames = names;
    return bucket;
  });
}

/** The log activity from each source's first and last time: the IP's first and last are theirs. */
export function logActivity(sources: LogSourceActivity[], loggedHosts: LoggedHost[]): LogActivity {
  const times = sources.flatMap((s) => [s.firstSeen, s.lastSeen]).filter(Boolean).sort();
  return { firstSeen: times[0], lastSeen: times.at(-1), sources, loggedHosts };
}
