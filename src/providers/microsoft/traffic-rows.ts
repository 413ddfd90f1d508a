/**
 * The IP's traffic per device, as both Microsoft providers ask for it: one KQL query over
 * `DeviceNetworkEvents` that computes everything on the backend, over every connection in the
 * range (advanced hunting names the time `Timestamp`, Log Analytics `TimeGenerated`):
 *
 * - the beacon statistics: the intervals between a device's distinct connection seconds (`prev()`
 *   over the sorted moments), their median (`percentile`), the median distance from it (jitter) and
 *   how many are within ±10 % of it;
 * - connections per bucket (`make-series`, from the bucket's start before the range);
 * - the five ports most used (the device's own port for an inbound connection);
 * - the score, in the same formula as `beaconScore` (the page computes it again from the numbers,
 *   this one only picks the 50 devices).
 *
 * {@link trafficFromRows} reads the answer.
 */
import type { DeviceTraffic, TrafficPort } from '../../data/model.js';
import { BEACON_MIN_INTERVALS, TRAFFIC_DEVICES, TRAFFIC_PORTS, beaconScore, byBeacon, trafficBucket, type Traffic } from '../../data/traffic.js';
import type { TimeRange } from '../../lib/time-range.js';
import { kqlClipStage, kqlDatetime, kqlInt, type Clips } from './kql.js';
import { cutText, number, text, type Row } from './tables.js';

export const TRAFFIC_CLIPS: Clips = { DeviceName: 255 };
/** The lists, kept whole: five ports (about 60 characters each) and a series of at most 720 counts. */
const TRAFFIC_LISTS = { Ports: { max: 500, type: 'dynamic' }, Series: { max: 8_000, type: 'dynamic' } } as const;

/**
 * The query's body after its head (which `let`s `ip`, `ips`, `start` and `end`): `time` is the
 * table's time column. Where the workspace has a network log (Sentinel's firewall), `network.events`
 * `let`s `firewall`, the connections of hosts the devices' events do not name (from `deviceEvents`,
 * which has each device's own address as `Local`), in the same columns with `Unmanaged` true; and
 * `network.bytes` `let`s `bytes` (DeviceId, BytesSent, BytesReceived) from `events`, both kinds.
 */
export function trafficBody(range: TimeRange, time: 'Timestamp' | 'TimeGenerated', network?: { events: string; bytes: string }): string {
  const bucket = trafficBucket(range);
  return `let step = ${kqlInt(bucket.bucketSeconds)}s;
let origin = ${kqlDatetime(new Date(bucket.start))};
let deviceEvents = DeviceNetworkEvents
| where ${time} between (start .. end) and (RemoteIP in (ips) or LocalIP in (ips))
| project DeviceId, DeviceName, Time = ${time}, Port = iff(ActionType startswith "Inbound" or ActionType startswith "Listening", LocalPort, RemotePort), Protocol, Local = LocalIP, Unmanaged = false;
${network ? `${network.events}\nlet events = union deviceEvents, firewall;\n${network.bytes}` : 'let events = deviceEvents;'}
let gaps = events
| summarize by DeviceId, Second = bin(Time, 1s)
| order by DeviceId asc, Second asc
| extend Gap = iff(DeviceId == prev(DeviceId), datetime_diff('second', Second, prev(Second)), long(null))
| where isnotnull(Gap);
let beacons = gaps
| join kind=inner (gaps | summarize Median = percentile(Gap, 50) by DeviceId) on DeviceId
| summarize Intervals = count(), MedianSeconds = take_any(Median), JitterSeconds = percentile(abs(Gap - Median), 50),
    OnTime = countif(abs(Gap - Median) <= max_of(1.0, Median * 0.1)) by DeviceId;
let ports = events
| summarize Connections = count() by DeviceId, Port, Protocol
| order by DeviceId asc, Connections desc, Port asc
| extend Rank = row_number(1, prev(DeviceId) != DeviceId)
| where Rank <= ${kqlInt(TRAFFIC_PORTS)}
| summarize Ports = make_list(bag_pack("port", Port, "protocol", Protocol, "connections", Connections)) by DeviceId;
let series = events
| make-series Counts = count() default = 0 on Time from origin to end step step by DeviceId
| project DeviceId, Counts;
let total = toscalar(events | distinct DeviceId | count);
events
| summarize Connections = count(), FirstSeen = min(Time), LastSeen = max(Time), DeviceName = take_any(DeviceName), Unmanaged = max(Unmanaged) by DeviceId
| join kind=leftouter beacons on DeviceId
| join kind=leftouter ports on DeviceId
| join kind=leftouter series on DeviceId
${network ? '| join kind=leftouter bytes on DeviceId' : '| extend BytesSent = long(null), BytesReceived = long(null)'}
| extend Score = iff(Intervals >= ${kqlInt(BEACON_MIN_INTERVALS)} and MedianSeconds > 0,
    0.5 * todouble(OnTime) / Intervals + 0.3 * max_of(0.0, 1.0 - todouble(JitterSeconds) / MedianSeconds) + 0.2 * min_of(1.0, Intervals / 24.0), -1.0)
| project DeviceId, DeviceName, Connections, FirstSeen, LastSeen, Intervals, MedianSeconds, JitterSeconds, OnTime, Ports, Series = Counts, BytesSent, BytesReceived, Unmanaged, Score, Total = total
${kqlClipStage(TRAFFIC_CLIPS, TRAFFIC_LISTS)}
| order by Score desc, Connections desc
| take ${kqlInt(TRAFFIC_DEVICES)}`;
}

function portsOf(value: unknown): TrafficPort[] {
  const list = typeof value === 'string' ? safeJson(value) : value;
  if (!Array.isArray(list)) return [];
  return list.flatMap((p: unknown) => {
    const o = p as { port?: unknown; protocol?: unknown; connections?: unknown };
    const port = Number(o?.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) return [];
    return [{ port, ...(typeof o.protocol === 'string' && o.protocol ? { protocol: o.protocol } : {}), connections: Math.max(0, Math.floor(Number(o.connections) || 0)) }];
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function seriesOf(value: unknown): number[] | undefined {
  const list = typeof value === 'string' ? safeJson(value) : value;
  return Array.isArray(list) ? list.map((n) => Math.max(0, Math.floor(Number(n) || 0))) : undefined;
}

/** A row of the answer, or undefined when it names no device. */
export function deviceTrafficFromRow(row: Row): DeviceTraffic | undefined {
  const deviceId = text(row, 'DeviceId');
  const firstSeen = text(row, 'FirstSeen');
  const lastSeen = text(row, 'LastSeen');
  if (!deviceId || !firstSeen || !lastSeen) return undefined;
  const out: DeviceTraffic = { deviceId, deviceName: cutText(row, 'DeviceName', TRAFFIC_CLIPS) ?? deviceId, connections: number(row, 'Connections') ?? 0, firstSeen, lastSeen };
  const series = seriesOf(row['series']);
  if (series) out.series = series;
  const ports = portsOf(row['ports']);
  if (ports.length) out.ports = ports;
  const sent = number(row, 'BytesSent');
  const received = number(row, 'BytesReceived');
  if (sent !== undefined && sent >= 0) out.bytesSent = Math.floor(sent);
  if (received !== undefined && received >= 0) out.bytesReceived = Math.floor(received);
  const unmanaged = row['unmanaged'];
  if (unmanaged === true || unmanaged === 1 || String(unmanaged).toLowerCase() === 'true') out.unmanaged = true;
  const intervals = number(row, 'Intervals');
  const median = number(row, 'MedianSeconds');
  const jitter = number(row, 'JitterSeconds');
  const onTime = number(row, 'OnTime');
  if (intervals !== undefined && intervals >= BEACON_MIN_INTERVALS && median !== undefined && jitter !== undefined && onTime !== undefined) {
    const stats = { intervals, medianSeconds: median, jitterSeconds: jitter, regularity: Math.min(1, onTime / intervals) };
    out.beacon = { ...stats, score: beaconScore(stats) };
  }
  return out;
}

/** The answer's traffic (computed by the backend), in the page's order. */
export function trafficFromRows(rows: readonly Row[], range: TimeRange, partial?: string): Traffic {
  const devices = rows.map(deviceTrafficFromRow).filter((d): d is DeviceTraffic => d !== undefined).sort(byBeacon);
  const bucket = trafficBucket(range);
  const total = Math.max(devices.length, number(rows[0] ?? {}, 'Total') ?? 0);
  const out: Traffic = { devices, total, series: { start: new Date(bucket.start).toISOString(), bucketSeconds: bucket.bucketSeconds }, computedBy: 'backend' };
  if (partial) out.incomplete = partial;
  return out;
}
