/**
 * The IP's traffic with the organization's devices (`getTraffic`), as every provider answers it
 * and the Observed tab's traffic view shows it: per device, connections over time, ports and
 * protocols, bytes where the log has them, and how regular the connections are (the beacon
 * statistics RITA and similar tools use). Also exported from model.ts with the rest of the model.
 */
import type { RowProblems } from './model.js';
import type { TimeRange } from '../lib/time-range.js';

/** The most devices a traffic answer lists (the most beacon-like). */
export const TRAFFIC_DEVICES = 50;
/** The most ports a device's traffic lists (most used first). */
export const TRAFFIC_PORTS = 5;
/** Fewer intervals than this say nothing about regularity: no beacon statistics. */
export const BEACON_MIN_INTERVALS = 3;
/** An interval within this share of the median counts as on time. */
export const BEACON_TOLERANCE = 0.1;

/**
 * How regular a device's connections with the IP are. Intervals are the seconds between
 * consecutive connections (connections in the same second count once).
 */
export interface BeaconStats {
  /** Intervals measured (distinct connection seconds − 1). */
  intervals: number;
  /** The median interval, seconds. */
  medianSeconds: number;
  /** Jitter: the median absolute difference of an interval from the median, seconds. */
  jitterSeconds: number;
  /** Share of intervals within ±10 % of the median (at least ±1 s), 0–1. */
  regularity: number;
  /** 0–1: how much the connections look like a beacon ({@link beaconScore}). */
  score: number;
}

/** A port the device reached the IP on (or the IP reached it on), with how often. */
export interface TrafficPort {
  port: number;
  /** `Tcp`, `Udp` … as the log names it. */
  protocol?: string;
  connections: number;
}

/** One device's traffic with the IP in the range. */
export interface DeviceTraffic extends RowProblems {
  deviceId: string;
  deviceName: string;
  /** Connections (and attempts) in the range. */
  connections: number;
  firstSeen: string;
  lastSeen: string;
  /** Connections per bucket of the answer's series (`Traffic.series`), oldest first; absent when not asked for. */
  series?: number[];
  /** Ports, most used first (at most {@link TRAFFIC_PORTS}). */
  ports?: TrafficPort[];
  /** Bytes the device sent to the IP, where the log records them. */
  bytesSent?: number;
  /** Bytes the device received from the IP, where the log records them. */
  bytesReceived?: number;
  /** Absent with fewer than {@link BEACON_MIN_INTERVALS} intervals. */
  beacon?: BeaconStats;
  /**
   * Seen only by a network log (a firewall's), not a device the endpoint product knows: `deviceId`
   * and `deviceName` are its address. An unmanaged host beaconing is a finding of its own.
   */
  unmanaged?: boolean;
}

/** The IP's traffic with devices in the range: the most beacon-like devices first. */
export interface Traffic {
  /** At most {@link TRAFFIC_DEVICES}, by beacon score (highest first), then connections. */
  devices: DeviceTraffic[];
  /** Devices with traffic in the range (can exceed `devices.length`). */
  total: number;
  /** The devices' series: the first bucket's start and the bucket's length. */
  series?: { start: string; bucketSeconds: number };
  /**
   * Where the beacon statistics were computed: `backend` (the data source's query computed them
   * over every connection) or `browser` (this page computed them from the connections the data
   * source returned, at most `sampled` per device).
   */
  computedBy: 'backend' | 'browser';
  /** With `browser`: the most connections per device the statistics saw (the most recent). */
  sampled?: number;
  /** What the data source left out (a device cap, a table it does not have). */
  incomplete?: string;
}

/** Bucket lengths a traffic series may use, seconds. */
const SERIES_BUCKETS = [900, 3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600, 86_400] as const;
/** The most buckets a device's series has. */
export const SERIES_MAX = 180;

/** The series' bucket for a range: the shortest that keeps it to {@link SERIES_MAX} buckets. Buckets start at multiples of it since the epoch (UTC). */
export function trafficBucket(range: TimeRange): { start: number; bucketSeconds: number; count: number } {
  const from = range.from.getTime();
  const to = range.to.getTime();
  for (const seconds of SERIES_BUCKETS) {
    const ms = seconds * 1000;
    const start = Math.floor(from / ms) * ms;
    const count = Math.max(1, Math.ceil((to - start) / ms));
    if (count <= SERIES_MAX || seconds === 86_400) return { start, bucketSeconds: seconds, count: Math.min(count, 4 * SERIES_MAX) };
  }
  throw new Error('unreachable');
}

/**
 * How much a device's connections look like a beacon, 0–1: half how many intervals are on time
 * (within ±10 % of the median), three tenths how small the jitter is against the median, and a
 * fifth how many intervals there are (24 or more count fully; a handful proves little).
 */
export function beaconScore(s: Pick<BeaconStats, 'intervals' | 'medianSeconds' | 'jitterSeconds' | 'regularity'>): number {
  if (s.intervals < BEACON_MIN_INTERVALS || !(s.medianSeconds > 0)) return 0;
  const steady = Math.max(0, 1 - s.jitterSeconds / s.medianSeconds);
  const score = 0.5 * s.regularity + 0.3 * steady + 0.2 * Math.min(1, s.intervals / 24);
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** The order of a traffic answer: beacon score (highest first; none last), then connections, then name. */
export function byBeacon(a: DeviceTraffic, b: DeviceTraffic): number {
  return (b.beacon?.score ?? -1) - (a.beacon?.score ?? -1) || b.connections - a.connections || a.deviceName.localeCompare(b.deviceName);
}
