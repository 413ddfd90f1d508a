/**
 * The traffic view's numbers computed in the browser, from the connections a data source returned
 * (the static provider's device events, Elastic's most recent connections): connections, ports,
 * the series and the beacon statistics. A backend that can compute them itself (KQL) does; this is
 * for those that cannot, and the answer says `computedBy: 'browser'`.
 */
import type { DeviceEvent } from './model.js';
import { toMs } from './time.js';
import type { TimeRange } from '../lib/time-range.js';
import { BEACON_MIN_INTERVALS, BEACON_TOLERANCE, TRAFFIC_PORTS, beaconScore, byBeacon, trafficBucket, type BeaconStats, type DeviceTraffic, type Traffic, type TrafficPort } from './traffic.js';

/** The value at percentile `p` (0–100) of sorted numbers, by nearest rank (as KQL's `percentile` on few values). */
function nearestRank(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The beacon statistics of connection times (ms since the epoch, any order): intervals between
 * distinct seconds, their median, jitter (median absolute deviation) and the share within ±10 %
 * of the median (at least ±1 s). Undefined with fewer than {@link BEACON_MIN_INTERVALS} intervals.
 */
export function beaconStats(times: readonly number[]): BeaconStats | undefined {
  const seconds = [...new Set(times.filter(Number.isFinite).map((t) => Math.floor(t / 1000)))].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < seconds.length; i++) gaps.push(seconds[i]! - seconds[i - 1]!);
  if (gaps.length < BEACON_MIN_INTERVALS) return undefined;
  gaps.sort((a, b) => a - b);
  const median = nearestRank(gaps, 50);
  const deviations = gaps.map((g) => Math.abs(g - median)).sort((a, b) => a - b);
  const tolerance = Math.max(1, median * BEACON_TOLERANCE);
  const within = deviations.filter((d) => d <= tolerance).length;
  const stats = { intervals: gaps.length, medianSeconds: median, jitterSeconds: nearestRank(deviations, 50), regularity: within / gaps.length };
  return { ...stats, score: beaconScore(stats) };
}

/** Connection action types (MDE's and the like): DNS answers and file events are not connections. */
const NOT_CONNECTIONS = /^(Dns|File|Process|Registry|Logon)/i;

export interface TrafficSource {
  deviceId: string;
  deviceName: string;
  /** The device's events with the IP (any order). */
  events: readonly DeviceEvent[];
}

/** One device's traffic in the range from its events; undefined without a connection in it. */
export function deviceTraffic(source: TrafficSource, range: TimeRange, series = trafficBucket(range)): DeviceTraffic | undefined {
  const from = range.from.getTime();
  const to = range.to.getTime();
  const times: number[] = [];
  const ports = new Map<string, TrafficPort>();
  const counts = new Array<number>(series.count).fill(0);
  const bucketMs = series.bucketSeconds * 1000;
  for (const e of source.events) {
    const t = toMs(e.timestamp);
    if (!(t >= from && t < to) || NOT_CONNECTIONS.test(e.actionType)) continue;
    times.push(t);
    const b = Math.floor((t - series.start) / bucketMs);
    if (b >= 0 && b < counts.length) counts[b]!++;
    if (e.remotePort !== undefined) {
      const key = `${e.remotePort}/${e.protocol ?? ''}`;
      const port = ports.get(key) ?? { port: e.remotePort, ...(e.protocol ? { protocol: e.protocol } : {}), connections: 0 };
      port.connections++;
      ports.set(key, port);
    }
  }
  if (!times.length) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (const t of times) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const row: DeviceTraffic = {
    deviceId: source.deviceId,
    deviceName: source.deviceName,
    connections: times.length,
    firstSeen: new Date(first).toISOString(),
    lastSeen: new Date(last).toISOString(),
    series: counts,
    ports: [...ports.values()].sort((a, b) => b.connections - a.connections || a.port - b.port).slice(0, TRAFFIC_PORTS),
  };
  const beacon = beaconStats(times);
  if (beacon) row.beacon = beacon;
  return row;
}

/** The traffic answer from every device's events: the most beacon-like `limit` devices. */
export function trafficFromEvents(sources: Iterable<TrafficSource>, range: TimeRange, limit: number): Traffic {
  const series = trafficBucket(range);
  const rows: DeviceTraffic[] = [];
  for (const s of sources) {
    const row = deviceTraffic(s, range, series);
    if (row) rows.push(row);
  }
  rows.sort(byBeacon);
  return {
    devices: rows.slice(0, limit),
    total: rows.length,
    series: { start: new Date(series.start).toISOString(), bucketSeconds: series.bucketSeconds },
    computedBy: 'browser',
  };
}
