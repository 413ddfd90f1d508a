/**
 * The traffic queries' answers, over the demo's device events as Elastic Defend writes network
 * events: a connection (`connection_attempted` / `connection_accepted`, `event.category: network`)
 * and, for one that was made or taken, its end (`disconnect_received`) half a minute later; DNS answers
 * name the resolver, not the IP, so the IP filter leaves them out; a file event is
 * `event.category: file`. The request's filter decides which of them count (a query without the
 * category or without leaving the ends out counts them), and the query's own `DATE_TRUNC` span,
 * `MV_SLICE` and `LIMIT` shape the answer. Elastic Defend writes a connection's bytes on its end,
 * as ECS defines them: `source.bytes` sent by the source, `destination.bytes` by the destination.
 */
import type { IpDataset } from '../generator/dataset.js';
import { connectionBytes, trafficSources } from '../generator/beacons.js';
import type { TimeRange } from '../../src/lib/time-range.js';

export interface TrafficScope {
  terms: Record<string, string>;
  notActions: string[];
  hostIds?: string[];
}

interface NetworkEvent {
  hostId: string;
  hostName: string;
  time: number;
  action: string;
  port?: number;
  transport?: string;
  destination: string;
  sourceBytes?: number;
  destinationBytes?: number;
}

const UNITS: Record<string, number> = { second: 1_000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

function events(d: IpDataset, range: TimeRange, scope: TrafficScope): NetworkEvent[] {
  const networkOnly = scope.terms['event.category'] === 'network';
  const out: NetworkEvent[] = [];
  for (const s of trafficSources(d, range)) {
    if (scope.hostIds && !scope.hostIds.includes(s.deviceId)) continue;
    for (const e of s.events) {
      if (e.actionType === 'DnsQueryResponse') continue;
      if (e.actionType === 'FileCreated' && networkOnly) continue;
      const time = Date.parse(e.timestamp);
      const inbound = e.direction === 'inbound';
      const base = { hostId: s.deviceId, hostName: s.deviceName, port: inbound ? e.localPort : e.remotePort, transport: e.protocol?.toLowerCase(), destination: (inbound ? e.localIp : e.remoteIp) ?? '' };
      out.push({ ...base, time, action: inbound ? 'connection_accepted' : 'connection_attempted' });
      const end = time + 30_000;
      if ((e.actionType === 'ConnectionSuccess' || e.actionType === 'InboundConnectionAccepted') && !scope.notActions.includes('disconnect_received') && end < range.to.getTime()) {
        const b = connectionBytes(e);
        out.push({ ...base, time: end, action: 'disconnect_received', sourceBytes: inbound ? b.received : b.sent, destinationBytes: inbound ? b.sent : b.received });
      }
    }
  }
  return out;
}

const limitOf = (query: string) => Number(/\| LIMIT (\d+)\s*$/.exec(query)?.[1] ?? 1000);

/** `traffic`: connections, first and last seen, name, and the most recent distinct seconds per device. */
export function trafficTable(d: IpDataset, range: TimeRange, scope: TrafficScope, query: string): unknown[][] {
  const sample = Number(/MV_SLICE\(MV_SORT\(seconds, "DESC"\), 0, (\d+)\)/.exec(query)?.[1] ?? Infinity) + 1;
  const byHost = new Map<string, NetworkEvent[]>();
  for (const e of events(d, range, scope)) byHost.set(e.hostId, [...(byHost.get(e.hostId) ?? []), e]);
  const iso = (t: number) => new Date(t).toISOString();
  return [...byHost.entries()]
    .map(([hostId, list]) => {
      const ts = list.map((e) => e.time);
      const seconds = [...new Set(ts.map((t) => Math.floor(t / 1000) * 1000))].sort((a, b) => b - a).slice(0, sample).map(iso);
      // Column order: the aggregations, then the group (STATS … BY host_id).
      return [list.length, iso(Math.min(...ts)), iso(Math.max(...ts)), seconds.length === 1 ? seconds[0] : seconds, list[0]!.hostName, hostId];
    })
    .sort((a, b) => (b[0] as number) - (a[0] as number))
    .slice(0, limitOf(query));
}

export const TRAFFIC_COLUMNS: Array<[string, string]> = [['connections', 'long'], ['first_seen', 'date'], ['last_seen', 'date'], ['seconds', 'date'], ['names', 'keyword'], ['host_id', 'keyword']];

/** `traffic-series`: connections per device and `DATE_TRUNC` bucket (from the epoch). */
export function trafficSeriesTable(d: IpDataset, range: TimeRange, scope: TrafficScope, query: string): unknown[][] {
  const m = /DATE_TRUNC\((\d+) (second|minute|hour|day)s?,/.exec(query);
  if (!m) return [];
  const ms = Number(m[1]) * UNITS[m[2]!]!;
  const counts = new Map<string, number>();
  for (const e of events(d, range, scope)) {
    const key = `${e.hostId}|${Math.floor(e.time / ms) * ms}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([key, n]) => {
    const [hostId, bucket] = key.split('|');
    return [n, hostId, new Date(Number(bucket)).toISOString()];
  }).slice(0, limitOf(query));
}

export const TRAFFIC_SERIES_COLUMNS: Array<[string, string]> = [['n', 'long'], ['host_id', 'keyword'], ['bucket', 'date']];

/** `traffic-ports`: connections per device, destination port and transport, most first. */
export function trafficPortsTable(d: IpDataset, range: TimeRange, scope: TrafficScope, query: string): unknown[][] {
  const counts = new Map<string, { n: number; hostId: string; port: number; transport: string | null }>();
  for (const e of events(d, range, scope)) {
    if (e.port === undefined) continue;
    const key = `${e.hostId}|${e.port}|${e.transport}`;
    const c = counts.get(key) ?? { n: 0, hostId: e.hostId, port: e.port, transport: e.transport ?? null };
    c.n++;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).slice(0, limitOf(query)).map((c) => [c.n, c.hostId, c.port, c.transport]);
}

export const TRAFFIC_PORT_COLUMNS: Array<[string, string]> = [['n', 'long'], ['host_id', 'keyword'], ['port', 'long'], ['transport', 'keyword']];

/** `traffic-bytes`: the bytes each side sent, per device and destination, of the events that have them. */
export function trafficBytesTable(d: IpDataset, range: TimeRange, scope: TrafficScope, query: string): unknown[][] {
  const sums = new Map<string, { hostId: string; destination: string; source: number; dest: number }>();
  for (const e of events(d, range, scope)) {
    if (e.sourceBytes === undefined && e.destinationBytes === undefined) continue;
    const key = `${e.hostId}|${e.destination}`;
    const x = sums.get(key) ?? { hostId: e.hostId, destination: e.destination, source: 0, dest: 0 };
    x.source += e.sourceBytes ?? 0;
    x.dest += e.destinationBytes ?? 0;
    sums.set(key, x);
  }
  return [...sums.values()].slice(0, limitOf(query)).map((x) => [x.source, x.dest, x.hostId, x.destination]);
}

export const TRAFFIC_BYTES_COLUMNS: Array<[string, string]> = [['source_bytes', 'long'], ['destination_bytes', 'long'], ['host_id', 'keyword'], ['destination', 'ip']];
