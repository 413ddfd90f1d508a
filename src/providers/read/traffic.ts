/**
 * Reading the IP's traffic per device (`getTraffic`). A device's id, name, connections and first
 * and last seen are required; a series, ports, bytes or beacon statistics that cannot be read are
 * left out and the row says so. The beacon score is the page's: computed from the statistics (so
 * every backend ranks devices the same way), and the devices are put in its order.
 */
import type { DeviceTraffic, Traffic, TrafficPort, UnreadableRow } from '../../data/model.js';
import { beaconScore, byBeacon, SERIES_MAX, TRAFFIC_DEVICES, TRAFFIC_PORTS, type BeaconStats } from '../../data/traffic.js';
import { array, at, bad, count, get, id, LIMITS, num, object, optCount, optNumIn, optPort, optStr, str, time, type Json } from './primitives.js';
import { placeholderId, Problems, readRows } from './rows.js';

const EPOCH = '1970-01-01T00:00:00.000Z';

function readBeacon(value: unknown, path: string): BeaconStats {
  const o = object(value, path);
  const intervals = count(o, 'intervals', path);
  const medianSeconds = num(o, 'medianSeconds', path);
  const jitterSeconds = num(o, 'jitterSeconds', path);
  if (medianSeconds < 0) bad(at(path, 'medianSeconds'), 'seconds of zero or more', medianSeconds);
  if (jitterSeconds < 0) bad(at(path, 'jitterSeconds'), 'seconds of zero or more', jitterSeconds);
  const regularity = optNumIn(o, 'regularity', path, 0, 1, 'a share from 0 to 1') ?? bad(at(path, 'regularity'), 'a share from 0 to 1', undefined);
  const stats = { intervals, medianSeconds, jitterSeconds, regularity };
  return { ...stats, score: beaconScore(stats) };
}

function readPort(value: unknown, path: string): TrafficPort {
  const o = object(value, path);
  const port = optPort(o, 'port', path) ?? bad(at(path, 'port'), 'a port from 0 to 65535', undefined);
  const protocol = optStr(o, 'protocol', path, 32);
  return { port, ...(protocol ? { protocol } : {}), connections: count(o, 'connections', path) };
}

function readSeries(o: Json, path: string): number[] {
  return array(get(o, 'series'), at(path, 'series'), SERIES_MAX * 4).map((v, i) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) bad(at(at(path, 'series'), i), 'a whole number of zero or more', v);
    return v as number;
  });
}

export function readDeviceTraffic(value: unknown, path = ''): DeviceTraffic {
  const o = object(value, path);
  const p = new Problems(path);
  const row: DeviceTraffic = {
    deviceId: id(o, 'deviceId', path),
    deviceName: str(o, 'deviceName', path, 512),
    connections: count(o, 'connections', path),
    firstSeen: time(o, 'firstSeen', path),
    lastSeen: time(o, 'lastSeen', path),
  };
  if (get(o, 'series') != null) {
    const series = p.soft(() => readSeries(o, path));
    if (series) row.series = series;
  }
  if (get(o, 'ports') != null) row.ports = p.items(o, 'ports', path, readPort, TRAFFIC_PORTS);
  const sent = p.soft(() => optCount(o, 'bytesSent', path));
  if (sent !== undefined) row.bytesSent = sent;
  const received = p.soft(() => optCount(o, 'bytesReceived', path));
  if (received !== undefined) row.bytesReceived = received;
  if (get(o, 'unmanaged') === true) row.unmanaged = true;
  if (get(o, 'beacon') != null) {
    const beacon = p.soft(() => readBeacon(get(o, 'beacon'), at(path, 'beacon')));
    if (beacon) row.beacon = beacon;
  }
  return p.attach(row, o);
}

export function unreadableDeviceTraffic(unreadable: UnreadableRow, rowPath: string): DeviceTraffic {
  return { deviceId: placeholderId(rowPath), deviceName: '', connections: 0, firstSeen: EPOCH, lastSeen: EPOCH, unreadable };
}

export function readTraffic(value: unknown, path = ''): Traffic {
  const o = object(value, path);
  const raw = array(get(o, 'devices'), at(path, 'devices'), LIMITS.pageItems).slice(0, TRAFFIC_DEVICES);
  const devices = readRows(raw, at(path, 'devices'), readDeviceTraffic, unreadableDeviceTraffic);
  // Unreadable rows keep their place at the end; the rest in the page's order.
  const readable = devices.filter((d) => !d.unreadable).sort(byBeacon);
  const computedBy = str(o, 'computedBy', path, 16);
  if (computedBy !== 'backend' && computedBy !== 'browser') bad(at(path, 'computedBy'), '“backend” or “browser”', computedBy);
  const total = get(o, 'total') == null ? devices.length : count(o, 'total', path);
  const answer: Traffic = { devices: [...readable, ...devices.filter((d) => d.unreadable)], total: Math.max(total, devices.length), computedBy: computedBy as Traffic['computedBy'] };
  const series = get(o, 'series');
  if (series != null) {
    const s = object(series, at(path, 'series'));
    const bucketSeconds = count(s, 'bucketSeconds', at(path, 'series'));
    if (bucketSeconds < 1) bad(at(at(path, 'series'), 'bucketSeconds'), 'a whole number of seconds, 1 or more', bucketSeconds);
    answer.series = { start: time(s, 'start', at(path, 'series')), bucketSeconds };
  }
  const sampled = optCount(o, 'sampled', path);
  if (sampled !== undefined) answer.sampled = sampled;
  const incomplete = optStr(o, 'incomplete', path, LIMITS.longText);
  if (incomplete) answer.incomplete = incomplete;
  return answer;
}
