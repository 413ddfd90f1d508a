/**
 * What the devices export writes: each device with its last event, process and file, every
 * matching device fetched page by page from the provider with the list's own query (never only
 * the rows on screen).
 */
import type { ObservedDevice } from '../../data/model.js';
import type { DeviceQuery, IpDataProvider } from '../../data/provider.js';
import type { ExportBatch, ExportField } from '../../lib/export.js';
import { formatIso } from '../../lib/format.js';

const PAGE = 100;

type Field = ExportField<ObservedDevice>;
const field = (key: string, label: string, read: (d: ObservedDevice) => unknown, text?: (d: ObservedDevice) => unknown): Field => ({ key, label, text: text ?? read, json: read });
const time = (iso: string | undefined) => (iso ? formatIso(iso) : '');

export const DEVICE_EXPORT_FIELDS: readonly Field[] = [
  field('name', 'Device', (d) => d.name),
  field('id', 'Device ID', (d) => d.id),
  field('osPlatform', 'OS platform', (d) => d.osPlatform),
  field('osVersion', 'OS version', (d) => d.osVersion),
  field('riskScore', 'Risk level', (d) => d.riskScore),
  field('exposureLevel', 'Exposure level', (d) => d.exposureLevel),
  field('firstSeen', 'First seen', (d) => d.firstSeen, (d) => time(d.firstSeen)),
  field('lastSeen', 'Last seen', (d) => d.lastSeen, (d) => time(d.lastSeen)),
  field('connectionCount', 'Connections', (d) => d.connectionCount),
  field('lastEventTime', 'Last event', (d) => d.lastEvent?.timestamp, (d) => time(d.lastEvent?.timestamp)),
  field('actionType', 'Action type', (d) => d.lastEvent?.actionType),
  field('direction', 'Direction', (d) => d.lastEvent?.direction),
  field('localIp', 'Local IP', (d) => d.lastEvent?.localIp),
  field('localPort', 'Local port', (d) => d.lastEvent?.localPort),
  field('remoteIp', 'Remote IP', (d) => d.lastEvent?.remoteIp),
  field('remotePort', 'Remote port', (d) => d.lastEvent?.remotePort),
  field('protocol', 'Protocol', (d) => d.lastEvent?.protocol),
  field('remoteUrl', 'Remote URL', (d) => d.lastEvent?.remoteUrl),
  field('process', 'Initiating process', (d) => d.lastEvent?.initiatingProcess?.fileName),
  field('commandLine', 'Command line', (d) => d.lastEvent?.initiatingProcess?.commandLine),
  field('processSha256', 'Process SHA-256', (d) => d.lastEvent?.initiatingProcess?.sha256),
  field('account', 'Account', (d) => {
    const p = d.lastEvent?.initiatingProcess;
    return p?.accountName ? (p.accountDomain ? `${p.accountDomain}\\${p.accountName}` : p.accountName) : undefined;
  }),
  field('file', 'File', (d) => d.lastEvent?.file?.name),
  field('fileSha256', 'File SHA-256', (d) => d.lastEvent?.file?.sha256),
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
