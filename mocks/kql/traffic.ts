/**
 * The `traffic` query's answer, as advanced hunting and Log Analytics would compute it over the
 * demo's device events written into `DeviceNetworkEvents`: the query's own step and origin (its
 * `let`s), its port rule, its statistics step by step (distinct seconds, `prev()` gaps, KQL's
 * nearest-rank `percentile`, the `countif` tolerance), its `make-series` bins, its five ports per
 * device and its `Score`, then its `order by`. The mock's `applyTail` applies the final `take`.
 */
import type { DeviceEvent } from '../../src/data/model.js';
import type { TimeRange } from '../../src/lib/time-range.js';
import type { IpDataset } from '../generator/dataset.js';
import { connectionBytes, firewallOnlySources, trafficSources } from '../generator/beacons.js';

/** `DeviceNetworkEvents` holds connections; DNS answers are in `DeviceEvents`, files in `DeviceFileEvents`. */
const inNetworkEvents = (e: DeviceEvent) => e.actionType !== 'DnsQueryResponse' && e.actionType !== 'FileCreated';

/** KQL's `percentile(x, p)` on a column of whole numbers: the value at nearest rank. */
function kqlPercentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function letValue(query: string, name: string): string {
  const m = new RegExp(`^let ${name} = (.+);$`, 'm').exec(query);
  if (!m) throw new Error(`The traffic query has no “let ${name}”.`);
  return m[1]!;
}

export function trafficRows(d: IpDataset, range: TimeRange, query: string): Array<Record<string, unknown>> {
  const stepMs = Number(/^(\d+)s$/.exec(letValue(query, 'step'))![1]) * 1000;
  const origin = Date.parse(/^datetime\((.+)\)$/.exec(letValue(query, 'origin'))![1]!);
  // `make-series … from origin to end step step`: one bin per step up to the range's end.
  const bins = Math.ceil((range.to.getTime() - origin) / stepMs);
  const inbound = /Port = iff\(ActionType startswith "Inbound" or ActionType startswith "Listening", LocalPort, RemotePort\)/.test(query);
  const sources: Array<{ deviceId: string; deviceName: string; events: DeviceEvent[]; unmanaged?: boolean }> = trafficSources(d, range);
  // Sentinel's firewall log (CommonSecurityLog) has every connection, the devices' too: the hosts
  // it alone saw are the ones whose address no device's event has; a query that does not leave the
  // devices' addresses out would count each device again as a host of its own.
  if (/let firewall = CommonSecurityLog/.test(query)) {
    const own = /Local !in \(known\)/.test(query) ? [] : sources.flatMap((x) => [...new Set(x.events.map((e) => e.localIp ?? ''))].filter(Boolean).map((address) => ({ address, events: x.events.filter((e) => e.localIp === address) })));
    for (const host of [...firewallOnlySources(d, range), ...own]) sources.push({ deviceId: `ip:${host.address}`, deviceName: host.address, events: host.events, unmanaged: true });
  }
  const rows = sources.flatMap(({ deviceId, deviceName, events: all, unmanaged }) => {
    const events = all.filter(inNetworkEvents);
    if (!events.length) return [];
    const times = events.map((e) => Date.parse(e.timestamp));
    const seconds = [...new Set(times.map((t) => Math.floor(t / 1000)))].sort((a, b) => a - b);
    const gaps = seconds.slice(1).map((s, i) => s - seconds[i]!);
    const row: Record<string, unknown> = {
      DeviceId: deviceId,
      DeviceName: deviceName,
      Unmanaged: unmanaged === true,
      Connections: events.length,
      FirstSeen: new Date(Math.min(...times)).toISOString(),
      LastSeen: new Date(Math.max(...times)).toISOString(),
      Intervals: null,
      MedianSeconds: null,
      JitterSeconds: null,
      OnTime: null,
    };
    if (gaps.length) {
      const median = kqlPercentile(gaps, 50);
      Object.assign(row, {
        Intervals: gaps.length,
        MedianSeconds: median,
        JitterSeconds: kqlPercentile(gaps.map((g) => Math.abs(g - median)), 50),
        OnTime: gaps.filter((g) => Math.abs(g - median) <= Math.max(1, median * 0.1)).length,
      });
    }
    const ports = new Map<string, { port: number; protocol: string; connections: number }>();
    for (const e of events) {
      const port = (inbound && /^(Inbound|Listening)/.test(e.actionType) ? e.localPort : e.remotePort) ?? 0;
      const key = `${port}|${e.protocol}`;
      const p = ports.get(key) ?? { port, protocol: e.protocol ?? '', connections: 0 };
      p.connections++;
      ports.set(key, p);
    }
    row['Ports'] = [...ports.values()].sort((a, b) => b.connections - a.connections || a.port - b.port).slice(0, 5);
    const counts = new Array<number>(bins).fill(0);
    for (const t of times) {
      const b = Math.floor((t - origin) / stepMs);
      if (b >= 0 && b < bins) counts[b]!++;
    }
    row['Series'] = counts;
    // The firewall's bytes, where the query asks CommonSecurityLog (Sentinel): every connection of
    // the device passed it, counted as the device sent and received them.
    if (/\bCommonSecurityLog\b/.test(query)) {
      const b = events.reduce((sum, e) => {
        const x = connectionBytes(e);
        return { sent: sum.sent + x.sent, received: sum.received + x.received };
      }, { sent: 0, received: 0 });
      Object.assign(row, { BytesSent: b.sent, BytesReceived: b.received });
    } else Object.assign(row, { BytesSent: null, BytesReceived: null });
    const { Intervals: n, MedianSeconds: m, JitterSeconds: j, OnTime: on } = row as Record<string, number | null>;
    row['Score'] = n !== null && n >= 3 && m! > 0 ? 0.5 * (on! / n) + 0.3 * Math.max(0, 1 - j! / m!) + 0.2 * Math.min(1, n / 24) : -1;
    return [row];
  });
  for (const r of rows) r['Total'] = rows.length;
  // `order by Score desc, Connections desc`.
  return rows.sort((a, b) => (b['Score'] as number) - (a['Score'] as number) || (b['Connections'] as number) - (a['Connections'] as number));
}
