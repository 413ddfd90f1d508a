/**
 * The IP's traffic per device, from Elasticsearch. ES|QL has no function over consecutive rows, so
 * the intervals between connections cannot be measured in the cluster: it summarizes what it can
 * and the page computes the beacon statistics from what it returned (`computedBy: 'browser'`).
 *
 * 1. `traffic`: per device, connections, first and last seen, its name, and the distinct seconds
 *    it connected in, the {@link ELASTIC_TRAFFIC_SAMPLE} most recent (`VALUES`, `MV_SORT`,
 *    `MV_SLICE`); the {@link ELASTIC_TRAFFIC_CANDIDATES} devices with the most connections.
 * 2. For the 50 devices most like a beacon: connections per bucket (`traffic-series`, `DATE_TRUNC`
 *    to the bucket, from the epoch as the page's buckets) and per destination port and transport
 *    (`traffic-ports`: in ECS the destination is the side that answered, the service port either way).
 *
 * 3. Bytes per device and destination (`traffic-bytes`): in ECS `source.bytes` are the bytes the
 *    source sent and `destination.bytes` the bytes the destination sent, whichever side started.
 *    The query groups by the destination, as a value in its text would need a parameter, and the
 *    page reads the device's side: where the destination is the IP, the device is the source.
 *    Elastic Defend writes bytes on a connection's end (`disconnect_received`), so this query keeps
 *    the ends the others leave out.
 *
 * Network events only (`event.category: network`), and a connection once: Elastic Defend logs its
 * end too (`disconnect_received`), which would halve every interval.
 */
import { canonicalIp } from '../../lib/ip.js';
import type { DeviceTraffic, TrafficPort } from '../../data/model.js';
import { beaconStats } from '../../data/traffic-compute.js';
import { TRAFFIC_DEVICES, TRAFFIC_PORTS, byBeacon, trafficBucket, type Traffic } from '../../data/traffic.js';
import type { TimeRange } from '../../lib/time-range.js';
import type { FieldTypes } from './cluster.js';
import { esqlInt, type EsqlRequest } from './esql.js';
import { MissingFieldsError, noneOf, type ElasticQueries } from './queries.js';
import { num, str, type Row } from './read.js';

/** The most recent connection seconds per device the statistics see. */
export const ELASTIC_TRAFFIC_SAMPLE = 2_000;
/** Devices whose connection seconds the first query returns (the most connections). */
export const ELASTIC_TRAFFIC_CANDIDATES = 200;

type Key = Parameters<ElasticQueries['field']>[0];

function need(q: ElasticQueries, fields: FieldTypes | undefined, keys: readonly Key[]): Record<string, string> {
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const k of keys) {
    const e = q.field(k, fields);
    if (e) out[k] = e;
    else missing.push(q.nameOf(k));
  }
  if (missing.length) throw new MissingFieldsError(missing, q.events, 'the traffic view');
  return out;
}

function scope(q: ElasticQueries, hostIds?: readonly string[], ends = false) {
  return {
    more: [
      { term: { [q.nameOf('eventCategory')]: 'network' } },
      ...(ends ? [] : [noneOf({ term: { [q.nameOf('eventAction')]: 'disconnect_received' } })]),
      ...(hostIds ? [{ terms: { [q.nameOf('hostId')]: [...hostIds] } }] : []),
    ],
  };
}

/** The first query: per device its counts and most recent connection seconds. */
export function trafficRequest(q: ElasticQueries, ip: string, range: TimeRange, fields: FieldTypes | undefined): EsqlRequest {
  const f = need(q, fields, ['timestamp', 'hostId']);
  const name = q.field('hostName', fields);
  return q.esqlRequest('traffic', ip, range, [
    `| WHERE ${f['hostId']} IS NOT NULL`,
    `| EVAL second = DATE_TRUNC(1 second, ${f['timestamp']})`,
    `| STATS connections = COUNT(*), first_seen = MIN(${f['timestamp']}), last_seen = MAX(${f['timestamp']}), seconds = VALUES(second)${name ? `, names = VALUES(${name})` : ''} BY host_id = ${f['hostId']}`,
    `| EVAL seconds = MV_SLICE(MV_SORT(seconds, "DESC"), 0, ${esqlInt(ELASTIC_TRAFFIC_SAMPLE - 1)})`,
    '| SORT connections DESC',
    `| LIMIT ${esqlInt(ELASTIC_TRAFFIC_CANDIDATES)}`,
  ], scope(q));
}

/** ES|QL's words for a span of seconds (`6 hours`, `1 day`). */
function span(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} ${seconds === 86_400 ? 'day' : 'days'}`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} ${seconds === 3_600 ? 'hour' : 'hours'}`;
  return `${seconds / 60} minutes`;
}

/** Connections per bucket of the chosen devices. */
export function trafficSeriesRequest(q: ElasticQueries, ip: string, range: TimeRange, hostIds: readonly string[], fields: FieldTypes | undefined): EsqlRequest {
  const f = need(q, fields, ['timestamp', 'hostId']);
  const { bucketSeconds, count } = trafficBucket(range);
  return q.esqlRequest('traffic-series', ip, range, [
    `| EVAL bucket = DATE_TRUNC(${span(bucketSeconds)}, ${f['timestamp']})`,
    `| STATS n = COUNT(*) BY host_id = ${f['hostId']}, bucket`,
    `| LIMIT ${esqlInt(Math.min(10_000, hostIds.length * count))}`,
  ], scope(q, hostIds));
}

/** Connections per destination port and transport of the chosen devices, most first. */
export function trafficPortsRequest(q: ElasticQueries, ip: string, range: TimeRange, hostIds: readonly string[], fields: FieldTypes | undefined): EsqlRequest | undefined {
  const f = need(q, fields, ['hostId']);
  const port = q.field('destinationPort', fields);
  if (!port) return undefined;
  const transport = q.field('transport', fields);
  return q.esqlRequest('traffic-ports', ip, range, [
    `| WHERE ${port} IS NOT NULL`,
    `| STATS n = COUNT(*) BY host_id = ${f['hostId']}, port = ${port}${transport ? `, transport = ${transport}` : ''}`,
    '| SORT n DESC',
    `| LIMIT ${esqlInt(10_000)}`,
  ], scope(q, hostIds));
}

/** Bytes each side sent, per chosen device and destination; none where no index maps the bytes. */
export function trafficBytesRequest(q: ElasticQueries, ip: string, range: TimeRange, hostIds: readonly string[], fields: FieldTypes | undefined): EsqlRequest | undefined {
  const f = need(q, fields, ['hostId', 'destinationIp']);
  const sent = q.field('sourceBytes', fields);
  const received = q.field('destinationBytes', fields);
  if (!sent || !received) return undefined;
  return q.esqlRequest('traffic-bytes', ip, range, [
    `| WHERE ${sent} IS NOT NULL OR ${received} IS NOT NULL`,
    `| STATS source_bytes = SUM(${sent}), destination_bytes = SUM(${received}) BY host_id = ${f['hostId']}, destination = ${f['destinationIp']}`,
    `| LIMIT ${esqlInt(10_000)}`,
  ], scope(q, hostIds, true));
}

/** Per device, the bytes it sent to the IP and received from it (`ip` canonical, as the cluster writes it). */
function bytesByDevice(rows: readonly Row[], ip: string): Map<string, { sent: number; received: number }> {
  const out = new Map<string, { sent: number; received: number }>();
  for (const r of rows) {
    const id = str(r, 'host_id');
    if (!id) continue;
    const bySource = num(r, 'source_bytes') ?? 0;
    const byDestination = num(r, 'destination_bytes') ?? 0;
    const toIp = canonicalIp(str(r, 'destination') ?? '') === ip;
    const b = out.get(id) ?? { sent: 0, received: 0 };
    b.sent += toIp ? bySource : byDestination;
    b.received += toIp ? byDestination : bySource;
    out.set(id, b);
  }
  return out;
}

const times = (v: unknown): number[] => (Array.isArray(v) ? v : v == null ? [] : [v]).map((t) => (typeof t === 'string' ? Date.parse(t) : typeof t === 'number' ? t : NaN)).filter(Number.isFinite);

/** The candidates with their statistics, the most beacon-like {@link TRAFFIC_DEVICES} first. */
export function trafficCandidates(rows: readonly Row[]): DeviceTraffic[] {
  const devices = rows.flatMap((r): DeviceTraffic[] => {
    const deviceId = str(r, 'host_id');
    const firstSeen = str(r, 'first_seen');
    const lastSeen = str(r, 'last_seen');
    if (!deviceId || !firstSeen || !lastSeen) return [];
    const d: DeviceTraffic = { deviceId, deviceName: str(r, 'names') ?? deviceId, connections: num(r, 'connections') ?? 0, firstSeen, lastSeen };
    const beacon = beaconStats(times(r['seconds']));
    if (beacon) d.beacon = beacon;
    return [d];
  });
  return devices.sort(byBeacon).slice(0, TRAFFIC_DEVICES);
}

/** The answer: the chosen devices with their series and ports. */
export function elasticTraffic(devices: DeviceTraffic[], seriesRows: readonly Row[], portRows: readonly Row[] | undefined, total: number, range: TimeRange, partial?: string, bytes?: { rows: readonly Row[]; ip: string }): Traffic {
  const bucket = trafficBucket(range);
  const series = new Map(devices.map((d) => [d.deviceId, new Array<number>(bucket.count).fill(0)]));
  for (const r of seriesRows) {
    const counts = series.get(str(r, 'host_id') ?? '');
    const at = Date.parse(str(r, 'bucket') ?? '');
    const i = Math.floor((at - bucket.start) / (bucket.bucketSeconds * 1000));
    if (counts && i >= 0 && i < counts.length) counts[i]! += num(r, 'n') ?? 0;
  }
  const ports = new Map<string, TrafficPort[]>();
  for (const r of portRows ?? []) {
    const id = str(r, 'host_id') ?? '';
    const port = num(r, 'port');
    if (port === undefined || !Number.isInteger(port) || port < 0 || port > 65_535) continue;
    const list = ports.get(id) ?? [];
    const transport = str(r, 'transport');
    if (list.length < TRAFFIC_PORTS) list.push({ port, ...(transport ? { protocol: transport } : {}), connections: num(r, 'n') ?? 0 });
    ports.set(id, list);
  }
  const sums = bytes ? bytesByDevice(bytes.rows, bytes.ip) : undefined;
  const withBytes = (id: string) => {
    const b = sums?.get(id);
    return b ? { bytesSent: b.sent, bytesReceived: b.received } : {};
  };
  const out: Traffic = {
    devices: devices.map((d) => ({ ...d, series: series.get(d.deviceId)!, ...(ports.get(d.deviceId)?.length ? { ports: ports.get(d.deviceId)! } : {}), ...withBytes(d.deviceId) })),
    total: Math.max(total, devices.length),
    series: { start: new Date(bucket.start).toISOString(), bucketSeconds: bucket.bucketSeconds },
    computedBy: 'browser',
    sampled: ELASTIC_TRAFFIC_SAMPLE,
  };
  if (partial) out.incomplete = partial;
  return out;
}

/** What the traffic needs of the provider: a query run, and the device count past the candidates. */
export interface TrafficRunner {
  run(request: EsqlRequest): Promise<{ rows: Row[]; partial?: string }>;
  deviceCount(): Promise<number>;
}

/** The whole answer: the candidates first, then their series, ports and bytes in parallel. */
export async function trafficOf(q: ElasticQueries, ip: string, range: TimeRange, fields: FieldTypes | undefined, r: TrafficRunner): Promise<Traffic> {
  const first = await r.run(trafficRequest(q, ip, range, fields));
  const devices = trafficCandidates(first.rows);
  if (!devices.length) return elasticTraffic([], [], [], 0, range, first.partial);
  const ids = devices.map((d) => d.deviceId);
  const ports = trafficPortsRequest(q, ip, range, ids, fields);
  const bytes = trafficBytesRequest(q, ip, range, ids, fields);
  const [series, portRows, byteRows, total] = await Promise.all([
    r.run(trafficSeriesRequest(q, ip, range, ids, fields)),
    ports ? r.run(ports) : undefined,
    bytes ? r.run(bytes) : undefined,
    // Past the candidates, how many devices there are in all.
    first.rows.length < ELASTIC_TRAFFIC_CANDIDATES ? first.rows.length : r.deviceCount(),
  ]);
  return elasticTraffic(devices, series.rows, portRows?.rows, total, range, first.partial ?? series.partial ?? portRows?.partial ?? byteRows?.partial, byteRows && { rows: byteRows.rows, ip });
}
