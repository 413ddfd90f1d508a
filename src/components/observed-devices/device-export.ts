/**
 * What the devices export writes: each device with its last event, process and file, every
 * matching device fetched page by page from the provider with the list's own query (never only
 * the rows on screen).
 */
import type { ObservedDevice } from '../../data/model.js';
import type { DeviceQuery, IpDataProvider } from '../../data/provider.js';
import { exportField, type ExportBatch, type ExportField } from '../shared/export.js';
import { formatIso } from '../../lib/format.js';
import { msg } from '../shared/l10n.js';

const PAGE = 100;

type Field = ExportField<ObservedDevice>;
const field = (key: string, label: () => string, read: (x: ObservedDevice) => unknown, text?: (x: ObservedDevice) => unknown): Field => exportField(key, label, read, text);
const time = (iso: string | undefined) => (iso ? formatIso(iso) : '');

export const DEVICE_EXPORT_FIELDS: readonly Field[] = [
  field('name', () => msg('Device'), (d) => d.name),
  field('id', () => msg('Device ID'), (d) => d.id),
  field('osPlatform', () => msg('OS platform'), (d) => d.osPlatform),
  field('osVersion', () => msg('OS version'), (d) => d.osVersion),
  field('riskScore', () => msg('Risk level'), (d) => d.riskScore),
  field('exposureLevel', () => msg('Exposure level'), (d) => d.exposureLevel),
  field('firstSeen', () => msg('First seen'), (d) => d.firstSeen, (d) => time(d.firstSeen)),
  field('lastSeen', () => msg('Last seen'), (d) => d.lastSeen, (d) => time(d.lastSeen)),
  field('connectionCount', () => msg('Connections'), (d) => d.connectionCount),
  field('lastEventTime', () => msg('Last event'), (d) => d.lastEvent?.timestamp, (d) => time(d.lastEvent?.timestamp)),
  field('actionType', () => msg('Action type'), (d) => d.lastEvent?.actionType),
  field('direction', () => msg('Direction'), (d) => d.lastEvent?.direction),
  field('localIp', () => msg('Local IP'), (d) => d.lastEvent?.localIp),
  field('localPort', () => msg('Local port'), (d) => d.lastEvent?.localPort),
  field('remoteIp', () => msg('Remote IP'), (d) => d.lastEvent?.remoteIp),
  field('remotePort', () => msg('Remote port'), (d) => d.lastEvent?.remotePort),
  field('protocol', () => msg('Protocol'), (d) => d.lastEvent?.protocol),
  field('remoteUrl', () => msg('Remote URL'), (d) => d.lastEvent?.remoteUrl),
  field('process', () => msg('Initiating process'), (d) => d.lastEvent?.initiatingProcess?.fileName),
  field('commandLine', () => msg('Command line'), (d) => d.lastEvent?.initiatingProcess?.commandLine),
  field('processSha256', () => msg('Process SHA-256'), (d) => d.lastEvent?.initiatingProcess?.sha256),
  field('account', () => msg('Account'), (d) => {
    const p = d.lastEvent?.initiatingProcess;
    return p?.accountName ? (p.accountDomain ? `${p.accountDomain}\\${p.accountName}` : p.accountName) : undefined;
  }),
  field('file', () => msg('File'), (d) => d.lastEvent?.file?.name),
  field('fileSha256', () => msg('File SHA-256'), (d) => d.lastEvent?.file?.sha256),
];

/** Every device matching `query`, page by page. */
export async function* devicePages(provider: IpDataProvider, ip: string, query: Omit<DeviceQuery, 'offset' | 'limit'>, signal: AbortSignal): AsyncIterable<ExportBatch<ObservedDevice>> {
  let offset = 0;
  for (;;) {
    signal.throwIfAborted();
    const page = await provider.listObservedDevices(ip, { ...query, offset, limit: PAGE }, { signal });
    offset += page.items.length;
    yield { items: page.items, done: offset, total: Math.max(page.total, offset) };
    if (!page.items.length || offset >= page.total) return;
  }
}
