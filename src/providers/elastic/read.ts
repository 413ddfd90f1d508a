/**
 * Reading Elasticsearch's answers: ES|QL's `{ columns, values }` into rows by column name, search
 * hits' `_source` (dotted or nested field names) and the detection alerts into the model. Nothing
 * is trusted: a value of the wrong type reads as absent, multi-valued fields give their first value.
 */
import type { estypes } from '@elastic/elasticsearch';
import { IpDataError } from '../../data/errors.js';
import type { AlertItem, DeviceEvent, ObservedDevice } from '../../data/model.js';
import { A } from './queries.js';

export type Row = Readonly<Record<string, unknown>>;

/** ES|QL's table as rows keyed by column name. */
export function esqlRows(answer: unknown, what: string): Row[] {
  const a = answer as { [K in keyof Pick<estypes.EsqlQueryResponse, 'columns' | 'values'>]?: unknown } | null;
  if (!a || !Array.isArray(a.columns) || !Array.isArray(a.values)) {
    throw new IpDataError('bad-response', `Elasticsearch sent an ES|QL answer without columns and values (${what}).`, { reason: { id: 'unreadable', service: 'Elasticsearch', detail: 'an ES|QL answer without columns and values' } });
  }
  const names = a.columns.map((c) => String((c as { name?: unknown })?.name ?? ''));
  return a.values.filter(Array.isArray).map((v) => Object.fromEntries(names.map((n, i) => [n, (v as unknown[])[i]])));
}

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

export function str(r: Row, key: string): string | undefined {
  const v = first(r[key]);
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function num(r: Row, key: string): number | undefined {
  const v = first(r[key]);
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function strings(r: Row, key: string): string[] {
  const v = r[key];
  return (Array.isArray(v) ? v : v == null ? [] : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
}

/** A field of a `_source`, written dotted (`"kibana.alert.uuid": …`) or nested (`kibana: { alert: … }`). */
export function sourceField(source: unknown, path: string): unknown {
  if (!source || typeof source !== 'object') return undefined;
  const s = source as Record<string, unknown>;
  if (Object.hasOwn(s, path)) return s[path];
  const dot = path.indexOf('.');
  for (let i = dot; i > 0; i = path.indexOf('.', i + 1)) {
    const head = path.slice(0, i);
    if (Object.hasOwn(s, head)) return sourceField(s[head], path.slice(i + 1));
  }
  return undefined;
}

/** Elastic's severities in the model's (critical is the top, shown as high). */
export function severityOf(value: unknown): string {
  const v = typeof value === 'string' ? value.toLowerCase() : '';
  return v === 'critical' ? 'high' : v === 'high' || v === 'medium' || v === 'low' ? v : 'unknown';
}

/** Elastic's workflow statuses in the model's. */
export function statusOf(value: unknown): string {
  switch (typeof value === 'string' ? value.toLowerCase() : '') {
    case 'open':
      return 'new';
    case 'acknowledged':
    case 'in-progress':
      return 'inProgress';
    case 'closed':
      return 'resolved';
    default:
      return 'unknown';
  }
}

/** One search hit of `.alerts-security.alerts-*` as the list's item. */
export function alertFromHit(hit: unknown): AlertItem | undefined {
  const source = (hit as { _source?: unknown } | null)?._source;
  const f = (path: string): Row => ({ v: sourceField(source, path) });
  const s = (path: string) => str(f(path), 'v');
  const id = s(A.id) ?? (typeof (hit as { _id?: unknown })._id === 'string' ? (hit as { _id: string })._id : undefined);
  if (!id) return undefined;
  const host = s('host.name');
  const user = s('user.name');
  const start = s(A.start) ?? s(A.originalTime) ?? s(A.timestamp) ?? '';
  const last = s(A.timestamp) ?? start;
  const assignees = strings(f(A.assignees), 'v');
  const tags = strings(f(A.tags), 'v');
  const techniques = strings(f(A.techniques), 'v');
  const item: AlertItem = {
    id,
    kind: 'alert',
    title: s(A.rule) ?? id,
    description: s(A.reason),
    severity: severityOf(s(A.severity)),
    status: statusOf(s(A.status)),
    classification: null,
    assignedTo: assignees[0] ?? null,
    impactedAssets: [...(host ? [{ kind: 'device', name: host, id: s('host.id') }] : []), ...(user ? [{ kind: 'user', name: user }] : [])],
    firstActivity: start,
    lastActivity: last,
    category: s(A.tactics),
  };
  if (tags.length) item.tags = tags;
  if (techniques.length) item.mitreTechniques = techniques;
  return item;
}

/** An event row of the device-events query. */
export function eventFromRow(r: Row, ip: string): DeviceEvent {
  const source = str(r, 'src_ip');
  const direction = str(r, 'direction');
  // ECS says inbound/outbound (or ingress/egress); without it, the IP as the source means inbound.
  const inbound = direction === 'inbound' || direction === 'ingress' || (direction === undefined && source === ip);
  const processName = str(r, 'process');
  const fileName = str(r, 'file');
  const user = str(r, 'user');
  return {
    timestamp: str(r, 'time') ?? '',
    actionType: str(r, 'action') ?? 'unknown',
    direction: inbound ? 'inbound' : 'outbound',
    localIp: inbound ? str(r, 'dst_ip') : source,
    localPort: num(r, inbound ? 'dst_port' : 'src_port'),
    remoteIp: inbound ? source : str(r, 'dst_ip'),
    remotePort: num(r, inbound ? 'src_port' : 'dst_port'),
    protocol: str(r, 'transport'),
    remoteUrl: str(r, 'url'),
    initiatingProcess:
      processName || user
        ? { fileName: processName ?? '', commandLine: str(r, 'command_line'), sha256: str(r, 'process_sha256'), accountName: user, accountDomain: str(r, 'user_domain') }
        : undefined,
    file: fileName ? { name: fileName, path: str(r, 'file_path'), sha256: str(r, 'file_sha256') } : undefined,
  };
}

/** A row of the devices query with its last event. */
export function deviceFromRow(r: Row, lastEvent: DeviceEvent | undefined): ObservedDevice {
  const id = str(r, 'host_id') ?? '';
  const lastSeen = str(r, 'last_seen') ?? '';
  return {
    id,
    name: str(r, 'name') ?? id,
    osPlatform: str(r, 'os'),
    osVersion: str(r, 'os_version'),
    firstSeen: str(r, 'first_seen') ?? lastSeen,
    lastSeen,
    connectionCount: num(r, 'connections') ?? 0,
    lastEvent: lastEvent ?? { timestamp: lastSeen, actionType: 'unknown', direction: 'outbound' },
  };
}
