/**
 * The command-and-control story's beacons: on a C2 server's page, a few devices call the IP back
 * at a steady interval (an implant's sleep, with its jitter) over the last days they talked to it,
 * among the irregular connections every device has. The traffic view should put them first.
 */
import type { DeviceEvent, ObservedDevice } from '../../src/data/model.js';
import { hashString, rngAt } from './random.js';
import type { IpDataset } from './dataset.js';
import type { TimeRange } from '../../src/lib/time-range.js';

const HOUR_MS = 3_600_000;
/** Beacons run for at most this long before the device's last event. */
const BEACON_SPAN_MS = 7 * 24 * HOUR_MS;
/** Sleep and jitter of each beacon (a Cobalt Strike-like `sleep 300 10`, Sliver's 60 s …). */
const SLEEPS: ReadonlyArray<readonly [seconds: number, jitter: number]> = [
  [300, 0.1],
  [900, 0.03],
  [600, 0.2],
  [1800, 0.05],
  [3600, 0.01],
];
/** Stream of the beacon times (the generator's other streams are numbered up to 24). */
const STREAM = 31;

/** Whether device `k` beacons on a page of story `story` (at most five per IP). */
export function beacons(story: string, k: number): boolean {
  return story === 'c2' && k % 10 === 3 && k < 50;
}

/**
 * The beacon connections of device `k` (seed `seed`), oldest first: outbound HTTPS from the
 * process of its last event, until just before that event. Empty for a device that does not beacon.
 */
export function beaconEvents(seed: number, k: number, story: string, device: ObservedDevice, remoteIp: string): DeviceEvent[] {
  if (!beacons(story, k)) return [];
  const [sleep, jitter] = SLEEPS[Math.floor(k / 10) % SLEEPS.length]!;
  const r = rngAt(seed, STREAM, k);
  const last = Date.parse(device.lastEvent.timestamp);
  const start = Math.max(Date.parse(device.firstSeen), last - BEACON_SPAN_MS);
  const out: DeviceEvent[] = [];
  const times: number[] = [];
  // Backwards from the last event, so the beacons lead up to it.
  for (let t = last - sleep * 1000; t > start; t -= Math.round(sleep * 1000 * (1 + jitter * (2 * r.next() - 1)))) times.push(t);
  times.reverse().forEach((t, j) => {
    out.push({
      id: `${k}-b${j}`,
      timestamp: new Date(t).toISOString(),
      actionType: 'ConnectionSuccess',
      direction: 'outbound',
      localIp: device.lastEvent.localIp,
      localPort: 49152 + Math.floor(r.next() * 16000),
      remoteIp,
      remotePort: 443,
      protocol: 'Tcp',
      initiatingProcess: device.lastEvent.initiatingProcess,
    });
  });
  return out;
}

/** What the mocks' traffic answers are computed from: each device seen in the range, with its events. */
export function trafficSources(d: IpDataset, range: TimeRange): Array<{ deviceId: string; deviceName: string; events: DeviceEvent[] }> {
  const seen = d.devicesIn(range);
  return seen.devices.map((device, i) => ({ deviceId: device.id, deviceName: device.name, events: d.deviceEventsAt(seen.index[i]!, range) }));
}

/**
 * The bytes a firewall logs for one of the device's connections with the IP (the generator's own
 * view of the same event): a beacon's check-in is small both ways, other traffic varies widely.
 */
export function connectionBytes(e: DeviceEvent): { sent: number; received: number } {
  const h = hashString(`${e.id ?? ''}|${e.timestamp}`);
  const beacon = /-b\d+$/.test(e.id ?? '');
  return beacon ? { sent: 280 + (h % 120), received: 160 + ((h >>> 8) % 90) } : { sent: 400 + (h % 6_000), received: 900 + ((h >>> 4) % 120_000) };
}

/** Stream of the firewall-only hosts' times. */
const FIREWALL_STREAM = 33;

/**
 * Hosts only the firewall logs on a C2 server's page (not onboarded to the endpoint product: a
 * contractor's laptop, an appliance): one calls the IP back every ten minutes or so over its last
 * three days, the other connected a dozen times at random. Their addresses are no device's.
 */
export function firewallOnlySources(d: IpDataset, range: TimeRange): Array<{ address: string; events: DeviceEvent[] }> {
  if (d.profile.story !== 'c2' || !d.observed) return [];
  const r = rngAt(d.seed, FIREWALL_STREAM);
  const from = range.from.getTime();
  const to = Math.min(range.to.getTime(), d.now);
  const event = (id: string, t: number, address: string, port: number): DeviceEvent => ({
    id,
    timestamp: new Date(t).toISOString(),
    actionType: 'ConnectionSuccess',
    direction: 'outbound',
    localIp: address,
    localPort: 49152 + Math.floor(r.next() * 16000),
    remoteIp: d.ip.canonical,
    remotePort: port,
    protocol: 'Tcp',
  });
  const beacon = '10.250.7.21';
  const times: number[] = [];
  for (let t = d.now - 40 * 60_000; t > d.now - 3 * 24 * HOUR_MS; t -= Math.round(600_000 * (1 + 0.05 * (2 * r.next() - 1)))) times.push(t);
  const people = '10.250.7.88';
  const random = Array.from({ length: 12 }, () => d.now - Math.floor(r.next() * 20 * 24 * HOUR_MS)).sort((a, b) => a - b);
  const inRange = (t: number) => t >= from && t < to;
  return [
    { address: beacon, events: times.reverse().filter(inRange).map((t, j) => event(`fw1-b${j}`, t, beacon, 443)) },
    { address: people, events: random.filter(inRange).map((t, j) => event(`fw2-${j}`, t, people, 8443)) },
  ].filter((s) => s.events.length > 0);
}
