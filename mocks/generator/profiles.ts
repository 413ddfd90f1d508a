/**
 * How much data each IP has. The demo IPs (listed in the README) have fixed profiles; any other
 * valid IP gets a modest profile derived from its hash, so the page works for whatever is typed.
 */
import { hashString, unit } from './random.js';
import type { IpScope } from '../../src/lib/ip.js';

export interface IpProfile {
  /** Incidents and alerts, together. */
  alerts: number;
  devices: number;
  /** Every Nth item is an incident grouping the N−1 alerts after it (0: no incidents). */
  incidentEvery: number;
  /** How far back activity goes. */
  spanDays: number;
  /** Sentinel timeline items. */
  timelineEvents: number;
  /** Latency of every response, ms. */
  latencyMs: number;
  /** Every request for this IP fails (HTTP 500). */
  failing: boolean;
  /** Leaning of the alerts: endpoint C2 traffic, or identity (sign-in) activity. */
  story: 'c2' | 'identity' | 'scanner' | 'internal';
  /** One device with a very long event timeline (benchmarks), by index. */
  chattyDevice?: number;
}

export interface DemoIp {
  ip: string;
  label: string;
  profile: IpProfile;
}

const base: IpProfile = {
  alerts: 50,
  devices: 40,
  incidentEvery: 6,
  spanDays: 45,
  timelineEvents: 150,
  latencyMs: 0,
  failing: false,
  story: 'c2',
};

/** The demo IPs, in the order the demo lists them. */
export const DEMO_IPS: readonly DemoIp[] = [
  { ip: '203.0.113.7', label: 'Typical command-and-control server (≈50 alerts, ≈40 devices)', profile: { ...base } },
  {
    ip: '198.51.100.23',
    label: 'Busy: 100,000 alerts, 800 devices',
    profile: { ...base, alerts: 100_000, devices: 800, incidentEvery: 10, spanDays: 170, timelineEvents: 10_000, chattyDevice: 0 },
  },
  {
    ip: '198.51.100.99',
    label: 'Huge: 1,000,000 alerts, 4,000 devices',
    profile: { ...base, alerts: 1_000_000, devices: 4_000, incidentEvery: 10, spanDays: 178, timelineEvents: 2_000 },
  },
  {
    ip: '2001:db8:85a3::8a2e:370:7334',
    label: 'IPv6 address (sign-in activity)',
    profile: { ...base, alerts: 24, devices: 12, incidentEvery: 4, spanDays: 30, timelineEvents: 60, story: 'identity' },
  },
  {
    ip: '10.20.30.40',
    label: 'Private address (internal host)',
    profile: { ...base, alerts: 8, devices: 3, incidentEvery: 4, spanDays: 20, timelineEvents: 20, story: 'internal' },
  },
  {
    ip: '192.0.2.200',
    label: 'Never observed in the organization',
    profile: { ...base, alerts: 0, devices: 0, incidentEvery: 0, timelineEvents: 0 },
  },
  { ip: '192.0.2.66', label: 'Every request fails', profile: { ...base, failing: true } },
  { ip: '192.0.2.77', label: 'Slow service (3 s per request)', profile: { ...base, alerts: 30, devices: 15, latencyMs: 3000 } },
];

const byIp = new Map(DEMO_IPS.map((d) => [d.ip, d.profile]));

/** The profile for a canonical IP. */
export function profileFor(ip: string, scope: IpScope): IpProfile {
  const fixed = byIp.get(ip);
  if (fixed) return fixed;
  const seed = hashString(ip);
  const internal = scope === 'private' || scope === 'loopback' || scope === 'link-local' || scope === 'cgnat';
  if (scope === 'unspecified' || scope === 'multicast' || scope === 'reserved') {
    return { ...base, alerts: 0, devices: 0, incidentEvery: 0, timelineEvents: 0 };
  }
  const observed = unit(seed, 1) < 0.85;
  if (!observed) return { ...base, alerts: 0, devices: 0, incidentEvery: 0, timelineEvents: 0 };
  const size = unit(seed, 2);
  return {
    ...base,
    alerts: internal ? Math.floor(2 + size * 10) : Math.floor(3 + size * size * 140),
    devices: internal ? Math.floor(1 + size * 4) : Math.floor(1 + size * 60),
    incidentEvery: 3 + Math.floor(unit(seed, 3) * 5),
    spanDays: 10 + Math.floor(unit(seed, 4) * 150),
    timelineEvents: Math.floor(10 + size * 200),
    story: internal ? 'internal' : (['c2', 'c2', 'identity', 'scanner'] as const)[Math.floor(unit(seed, 5) * 4)]!,
  };
}
