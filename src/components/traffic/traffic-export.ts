/**
 * What the traffic export writes: the devices listed (the most beacon-like, as the data source
 * answered), each with its beacon statistics, connections, ports, bytes and first and last seen.
 * The series stays out: a strip is for the eye.
 */
import type { DeviceTraffic } from '../../data/model.js';
import { exportField, type ExportField } from '../shared/export.js';
import { formatIso } from '../../lib/format.js';
import { msg } from '../shared/l10n.js';

type Field = ExportField<DeviceTraffic>;
const field = (key: string, label: () => string, read: (x: DeviceTraffic) => unknown, text?: (x: DeviceTraffic) => unknown): Field => exportField(key, label, read, text);

export const TRAFFIC_EXPORT_FIELDS: readonly Field[] = [
  field('deviceName', () => msg('Device'), (d) => d.deviceName),
  field('deviceId', () => msg('Device ID'), (d) => d.deviceId),
  field('beaconScore', () => msg('Beacon score'), (d) => d.beacon?.score),
  field('medianSeconds', () => msg('Median interval (s)'), (d) => d.beacon?.medianSeconds),
  field('jitterSeconds', () => msg('Jitter (s)'), (d) => d.beacon?.jitterSeconds),
  field('regularity', () => msg('On time (±10 %)'), (d) => d.beacon?.regularity),
  field('intervals', () => msg('Intervals'), (d) => d.beacon?.intervals),
  field('connections', () => msg('Connections'), (d) => d.connections),
  field('ports', () => msg('Ports'), (d) => d.ports, (d) => d.ports?.map((p) => `${p.port}${p.protocol ? `/${p.protocol}` : ''} (${p.connections})`).join('; ')),
  field('bytesSent', () => msg('Bytes sent'), (d) => d.bytesSent),
  field('bytesReceived', () => msg('Bytes received'), (d) => d.bytesReceived),
  field('firstSeen', () => msg('First seen'), (d) => d.firstSeen, (d) => formatIso(d.firstSeen)),
  field('lastSeen', () => msg('Last seen'), (d) => d.lastSeen, (d) => formatIso(d.lastSeen)),
];
