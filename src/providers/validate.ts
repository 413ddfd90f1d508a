/**
 * Read untrusted JSON into the model, or fail with a `bad-response` error that names the field.
 *
 * Providers call these on everything they receive, so a wrong shape never reaches a template
 * (where it would crash a render far from its cause). The readers are lenient where the APIs
 * are known to vary (enum spelling, `orgPrevalence` vs `organizationPrevalence`, numbers sent as
 * strings) and strict where the UI depends on a value (ids, timestamps, list shapes).
 * Unknown enum values are kept as strings. Timestamps are normalized to canonical ISO UTC.
 */
import { IpDataError } from '../data/errors.js';
import {
  ALERT_STATUSES,
  CLASSIFICATIONS,
  SEVERITIES,
  normalizeEnum,
  INDICATOR_SEVERITIES,
  type AlertComment,
  type AlertItem,
  type AlertMark,
  type Classification,
  type DeviceEvent,
  type EvidenceSummary,
  type ImpactedAsset,
  type Indicator,
  type Insight,
  type InsightChart,
  type InsightColumn,
  type IpDetails,
  type LogActivity,
  type ObservedDevice,
  type Prevalence,
  type ProcessInfo,
  type FileInfo,
  type SecuritySummary,
  type SeverityCounts,
  type Severity,
  type TimelineEvent,
  type WhoisInfo,
  type QueryLanguage,
} from '../data/model.js';
import type { Page, ProviderCapabilities } from '../data/provider.js';

type Json = Record<string, unknown>;

function bad(path: string, expected: string, got: unknown): never {
  const what = got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got === 'string' ? 'a string' : typeof got;
  throw new IpDataError('bad-response', `The service sent data this page cannot read: “${path}” should be ${expected} but is ${what}.`, {
    field: path,
  });
}

const at = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

export function object(value: unknown, path: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) bad(path || 'response', 'an object', value);
  return value as Json;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) bad(path, 'a list', value);
  return value as unknown[];
}

function str(o: Json, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string') bad(at(path, key), 'text', v);
  return v as string;
}

/** An id may be a number in some APIs (MDE `incidentId` is a long). */
function id(o: Json, key: string, path: string): string {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string' || v === '') bad(at(path, key), 'an id', v);
  return v as string;
}

function optId(o: Json, key: string, path: string): string | undefined {
  return o[key] == null || o[key] === '' ? undefined : id(o, key, path);
}

function optStr(o: Json, key: string, path: string): string | undefined {
  const v = o[key];
  if (v == null) return undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') bad(at(path, key), 'text', v);
  return v as string;
}

function nullableStr(o: Json, key: string, path: string): string | null | undefined {
  if (o[key] === null) return null;
  return optStr(o, key, path);
}

function num(o: Json, key: string, path: string): number {
  const v = o[key];
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) bad(at(path, key), 'a number', v);
  return n as number;
}

function optNum(o: Json, key: string, path: string): number | undefined {
  return o[key] == null || o[key] === '' ? undefined : num(o, key, path);
}

function count(o: Json, key: string, path: string): number {
  const n = num(o, key, path);
  if (n < 0 || !Number.isInteger(n)) bad(at(path, key), 'a whole number of zero or more', o[key]);
  return n;
}

function time(o: Json, key: string, path: string): string {
  const v = o[key];
  const t = typeof v === 'string' ? Date.parse(v) : typeof v === 'number' ? v : NaN;
  if (!Number.isFinite(t)) bad(at(path, key), 'a date and time', v);
  return new Date(t).toISOString();
}

function optTime(o: Json, key: string, path: string): string | undefined {
  return o[key] == null || o[key] === '' ? undefined : time(o, key, path);
}

function strings(o: Json, key: string, path: string): string[] {
  if (o[key] == null) return [];
  return array(o[key], at(path, key)).map((v, i) => {
    if (typeof v !== 'string') bad(at(at(path, key), i), 'text', v);
    return v as string;
  });
}

function list<T>(o: Json, key: string, path: string, read: (v: unknown, p: string) => T, optional = false): T[] {
  if (optional && o[key] == null) return [];
  return array(o[key], at(path, key)).map((v, i) => read(v, at(at(path, key), i)));
}

// ---------------------------------------------------------------------------------------------
// Enums

export function severity(value: unknown): Severity {
  if (typeof value !== 'string' || value === '') return 'unknown';
  const v = normalizeEnum(value, [...SEVERITIES, 'unknown'] as const);
  return v.toLowerCase() === 'unspecified' ? 'unknown' : v;
}

function status(value: unknown): string {
  if (typeof value !== 'string' || value === '') return 'unknown';
  const v = normalizeEnum(value, [...ALERT_STATUSES, 'unknown'] as const);
  // Graph incidents say `active` for what alerts call `new`/`inProgress`; keep the open-ness visible.
  return v === 'active' ? 'new' : v;
}

function classification(value: unknown): Classification {
  if (value == null || value === '') return null;
  if (typeof value !== 'string') return null;
  const v = normalizeEnum(value, CLASSIFICATIONS);
  return v.toLowerCase() === 'unknown' ? null : v;
}

function camel(value: string | null | undefined): string | null | undefined {
  if (value == null) return value;
  return /^[A-Z][a-zA-Z]*$/.test(value) ? value[0]!.toLowerCase() + value.slice(1) : value;
}

// ---------------------------------------------------------------------------------------------
// Entities

export function readIpDetails(value: unknown, path = 'response'): IpDetails {
  const o = object(value, path);
  const whois = o['whois'] == null ? undefined : readWhois(o['whois'], at(path, 'whois'));
  return {
    ip: str(o, 'ip', path),
    organization: optStr(o, 'organization', path),
    isp: optStr(o, 'isp', path),
    asn: optNum(o, 'asn', path),
    asName: optStr(o, 'asName', path),
    country: optStr(o, 'country', path),
    countryCode: optStr(o, 'countryCode', path),
    state: optStr(o, 'state', path),
    city: optStr(o, 'city', path),
    carrier: optStr(o, 'carrier', path),
    latitude: optNum(o, 'latitude', path),
    longitude: optNum(o, 'longitude', path),
    postalCode: optStr(o, 'postalCode', path),
    reverseDns: strings(o, 'reverseDns', path),
    whois,
  };
}

function readWhois(value: unknown, path: string): WhoisInfo {
  const o = object(value, path);
  return {
    registrar: optStr(o, 'registrar', path),
    registrant: optStr(o, 'registrant', path),
    organization: optStr(o, 'organization', path),
    netRange: optStr(o, 'netRange', path),
    netName: optStr(o, 'netName', path),
    created: optTime(o, 'created', path),
    updated: optTime(o, 'updated', path),
    abuseContact: optStr(o, 'abuseContact', path),
    country: optStr(o, 'country', path),
  };
}

function readCounts(value: unknown, path: string): SeverityCounts {
  const o = value == null ? {} : object(value, path);
  const read = (k: string) => (o[k] == null ? 0 : count(o, k, path));
  return { high: read('high'), medium: read('medium'), low: read('low'), informational: read('informational') };
}

export function readSecuritySummary(value: unknown, path = 'response'): SecuritySummary {
  const o = object(value, path);
  const prevalenceKey = o['organizationPrevalence'] != null ? 'organizationPrevalence' : 'orgPrevalence';
  return {
    openIncidents: count(o, 'openIncidents', path),
    activeAlerts: count(o, 'activeAlerts', path),
    incidentsBySeverity: readCounts(o['incidentsBySeverity'], at(path, 'incidentsBySeverity')),
    alertsBySeverity: readCounts(o['alertsBySeverity'], at(path, 'alertsBySeverity')),
    organizationPrevalence: o[prevalenceKey] == null ? 0 : count(o, prevalenceKey, path),
    firstSeen: optTime(o, o['firstSeen'] !== undefined ? 'firstSeen' : 'orgFirstSeen', path),
    lastSeen: optTime(o, o['lastSeen'] !== undefined ? 'lastSeen' : 'orgLastSeen', path),
  };
}

export function readLogActivity(value: unknown, path = 'response'): LogActivity {
  const o = object(value, path);
  return {
    firstSeen: optTime(o, 'firstSeen', path),
    lastSeen: optTime(o, 'lastSeen', path),
    sources: list(o, 'sources', path, (v, p) => {
      const s = object(v, p);
      return { source: str(s, 'source', p), firstSeen: time(s, 'firstSeen', p), lastSeen: time(s, 'lastSeen', p), count: optNum(s, 'count', p) };
    }, true),
    loggedHosts: list(o, 'loggedHosts', path, (v, p) => {
      const h = object(v, p);
      return { id: id(h, 'id', p), name: str(h, 'name', p), os: optStr(h, 'os', p), lastHeartbeat: optTime(h, 'lastHeartbeat', p) };
    }, true),
  };
}

function readAlertMark(value: unknown, path: string): AlertMark {
  const o = object(value, path);
  const kind = optStr(o, 'kind', path);
  return {
    id: id(o, 'id', path),
    title: optStr(o, 'title', path) ?? '',
    severity: severity(o['severity']),
    time: time(o, 'time', path),
    ...(kind === 'incident' || kind === 'alert' ? { kind } : {}),
  };
}

export function readPrevalence(value: unknown, path = 'response'): Prevalence {
  const o = object(value, path);
  const bucket = optStr(o, 'bucket', path) === 'hour' ? 'hour' : 'day';
  return {
    bucket,
    buckets: list(o, 'buckets', path, (v, p) => {
      const b = object(v, p);
      return { start: time(b, 'start', p), devices: count(b, 'devices', p) };
    }),
    totalDevices: count(o, 'totalDevices', path),
    firstSeen: optTime(o, 'firstSeen', path),
    lastSeen: optTime(o, 'lastSeen', path),
    alertMarks: list(o, 'alertMarks', path, readAlertMark, true),
    alertMarksTotal: optNum(o, 'alertMarksTotal', path),
  };
}

function readAsset(value: unknown, path: string): ImpactedAsset {
  if (typeof value === 'string') return { kind: 'device', name: value };
  const o = object(value, path);
  return { kind: optStr(o, 'kind', path) ?? 'device', name: str(o, 'name', path), id: optId(o, 'id', path) };
}

function readComment(value: unknown, path: string): AlertComment {
  const o = object(value, path);
  return { comment: str(o, 'comment', path), createdBy: optStr(o, 'createdBy', path), createdAt: time(o, 'createdAt', path) };
}

function readEvidence(value: unknown, path: string): EvidenceSummary {
  const o = object(value, path);
  return {
    entityType: str(o, 'entityType', path),
    name: str(o, 'name', path),
    verdict: optStr(o, 'verdict', path),
    remediationStatus: optStr(o, 'remediationStatus', path),
    detail: optStr(o, 'detail', path),
  };
}

export function readAlert(value: unknown, path = 'response'): AlertItem {
  const o = object(value, path);
  const kind = optStr(o, 'kind', path);
  if (kind !== undefined && kind !== 'incident' && kind !== 'alert') bad(at(path, 'kind'), '“incident” or “alert”', kind);
  const item: AlertItem = {
    id: id(o, 'id', path),
    kind: kind === 'incident' ? 'incident' : 'alert',
    title: str(o, 'title', path),
    severity: severity(o['severity']),
    status: status(o['status']),
    classification: classification(o['classification']),
    impactedAssets: list(o, 'impactedAssets', path, readAsset, true),
    firstActivity: time(o, o['firstActivity'] != null ? 'firstActivity' : 'lastActivity', path),
    lastActivity: time(o, 'lastActivity', path),
  };
  const incidentId = optId(o, 'incidentId', path);
  if (incidentId !== undefined) item.incidentId = incidentId;
  const optional: Array<[keyof AlertItem, unknown]> = [
    ['description', optStr(o, 'description', path)],
    ['determination', camel(nullableStr(o, 'determination', path))],
    ['investigationState', camel(optStr(o, 'investigationState', path))],
    ['category', optStr(o, 'category', path)],
    ['assignedTo', nullableStr(o, 'assignedTo', path)],
    ['createdAt', optTime(o, 'createdAt', path)],
    ['detectionSource', optStr(o, 'detectionSource', path)],
    ['serviceSource', optStr(o, 'serviceSource', path)],
    ['alertCount', optNum(o, 'alertCount', path)],
  ];
  for (const [k, v] of optional) if (v !== undefined) (item as unknown as Json)[k] = v;
  if (o['mitreTechniques'] != null) item.mitreTechniques = strings(o, 'mitreTechniques', path);
  if (o['comments'] != null) item.comments = list(o, 'comments', path, readComment);
  if (o['evidence'] != null) item.evidence = list(o, 'evidence', path, readEvidence);
  return item;
}

export function readPage<T>(value: unknown, readItem: (v: unknown, p: string) => T, path = 'response'): Page<T> {
  const o = object(value, path);
  const items = list(o, 'items', path, readItem);
  const total = o['total'] == null ? items.length : count(o, 'total', path);
  return { items, total: Math.max(total, items.length) };
}

function readProcess(value: unknown, path: string): ProcessInfo {
  const o = object(value, path);
  return {
    fileName: str(o, 'fileName', path),
    commandLine: optStr(o, 'commandLine', path),
    sha256: optStr(o, 'sha256', path),
    folderPath: optStr(o, 'folderPath', path),
    processId: optNum(o, 'processId', path),
    accountName: optStr(o, 'accountName', path),
    accountDomain: optStr(o, 'accountDomain', path),
  };
}

function readFile(value: unknown, path: string): FileInfo {
  const o = object(value, path);
  return { name: str(o, 'name', path), path: optStr(o, 'path', path), sha256: optStr(o, 'sha256', path), size: optNum(o, 'size', path) };
}

export function readDeviceEvent(value: unknown, path = 'response'): DeviceEvent {
  const o = object(value, path);
  const ev: DeviceEvent = {
    timestamp: time(o, 'timestamp', path),
    actionType: str(o, 'actionType', path),
    direction: optStr(o, 'direction', path)?.toLowerCase() ?? 'unknown',
  };
  const optional: Array<[keyof DeviceEvent, unknown]> = [
    ['id', optId(o, 'id', path)],
    ['localIp', optStr(o, 'localIp', path)],
    ['localPort', optNum(o, 'localPort', path)],
    ['remoteIp', optStr(o, 'remoteIp', path)],
    ['remotePort', optNum(o, 'remotePort', path)],
    ['protocol', optStr(o, 'protocol', path)],
    ['remoteUrl', optStr(o, 'remoteUrl', path)],
    ['initiatingProcess', o['initiatingProcess'] == null ? undefined : readProcess(o['initiatingProcess'], at(path, 'initiatingProcess'))],
    ['file', o['file'] == null ? undefined : readFile(o['file'], at(path, 'file'))],
  ];
  for (const [k, v] of optional) if (v !== undefined) (ev as unknown as Json)[k] = v;
  return ev;
}

export function readDevice(value: unknown, path = 'response'): ObservedDevice {
  const o = object(value, path);
  const device: ObservedDevice = {
    id: id(o, 'id', path),
    name: str(o, 'name', path),
    firstSeen: time(o, 'firstSeen', path),
    lastSeen: time(o, 'lastSeen', path),
    connectionCount: o['connectionCount'] == null ? 0 : count(o, 'connectionCount', path),
    lastEvent: readDeviceEvent(o['lastEvent'], at(path, 'lastEvent')),
  };
  const optional: Array<[keyof ObservedDevice, unknown]> = [
    ['osPlatform', optStr(o, 'osPlatform', path)],
    ['osVersion', optStr(o, 'osVersion', path)],
    ['riskScore', camel(optStr(o, 'riskScore', path))],
    ['exposureLevel', camel(optStr(o, 'exposureLevel', path))],
  ];
  for (const [k, v] of optional) if (v !== undefined) (device as unknown as Json)[k] = v;
  return device;
}

export function readIndicator(value: unknown, path = 'response'): Indicator {
  const o = object(value, path);
  const sev = optStr(o, 'severity', path);
  const known = sev === undefined ? undefined : INDICATOR_SEVERITIES.find((s) => s.toLowerCase() === sev.toLowerCase());
  return {
    id: id(o, 'id', path),
    indicatorValue: str(o, 'indicatorValue', path),
    indicatorType: 'IpAddress',
    action: str(o, 'action', path),
    title: str(o, 'title', path),
    description: optStr(o, 'description', path) ?? '',
    severity: known,
    generateAlert: o['generateAlert'] === true,
    expirationTime: optTime(o, 'expirationTime', path),
    recommendedActions: optStr(o, 'recommendedActions', path),
    category: optStr(o, 'category', path),
    rbacGroupNames: o['rbacGroupNames'] == null ? undefined : strings(o, 'rbacGroupNames', path),
    application: optStr(o, 'application', path),
    creationTimeDateTimeUtc: time(o, 'creationTimeDateTimeUtc', path),
    createdBy: optStr(o, 'createdBy', path),
  };
}

export function readTimelineEvent(value: unknown, path = 'response'): TimelineEvent {
  const o = object(value, path);
  const ev: TimelineEvent = {
    id: id(o, 'id', path),
    kind: str(o, 'kind', path),
    time: time(o, 'time', path),
    title: str(o, 'title', path),
  };
  const optional: Array<[keyof TimelineEvent, unknown]> = [
    ['source', optStr(o, 'source', path)],
    ['severity', o['severity'] == null ? undefined : severity(o['severity'])],
    ['description', optStr(o, 'description', path)],
    ['alertId', optId(o, 'alertId', path)],
    ['bookmarkedBy', optStr(o, 'bookmarkedBy', path)],
    ['query', optStr(o, 'query', path)],
  ];
  for (const [k, v] of optional) if (v !== undefined) (ev as unknown as Json)[k] = v;
  return ev;
}

const LANGUAGES: readonly QueryLanguage[] = ['kql-defender', 'kql-sentinel', 'esql', 'spl'];

export function readInsight(value: unknown, path = 'response'): Insight {
  const o = object(value, path);
  const language = optStr(o, 'language', path) ?? 'kql-sentinel';
  if (!(LANGUAGES as readonly string[]).includes(language)) bad(at(path, 'language'), `one of ${LANGUAGES.join(', ')}`, language);
  const columns = list(o, 'columns', path, (v, p): InsightColumn => {
    const c = object(v, p);
    return { name: str(c, 'name', p), type: optStr(c, 'type', p) ?? 'string' };
  }, true);
  const rows = list(o, 'rows', path, (v, p) => {
    const row = array(v, p);
    return row.map((cell, i) => {
      if (cell === null || ['string', 'number', 'boolean'].includes(typeof cell)) return cell;
      bad(at(p, i), 'text, a number, true/false or null', cell);
    });
  }, true);
  let chart: InsightChart | undefined;
  if (o['chart'] != null) {
    const c = object(o['chart'], at(path, 'chart'));
    chart = { type: str(c, 'type', at(path, 'chart')), x: str(c, 'x', at(path, 'chart')), y: str(c, 'y', at(path, 'chart')) };
  }
  return {
    id: id(o, 'id', path),
    title: str(o, 'title', path),
    description: optStr(o, 'description', path),
    query: optStr(o, 'query', path) ?? '',
    language: language as QueryLanguage,
    columns,
    rows,
    chart,
    dataSources: o['dataSources'] == null ? undefined : strings(o, 'dataSources', path),
    error: optStr(o, 'error', path),
  };
}

export function readItems<T>(value: unknown, readItem: (v: unknown, p: string) => T, path = 'response'): T[] {
  const o = object(value, path);
  return list(o, 'items', path, readItem);
}

export function readStringItems(value: unknown, path = 'response'): string[] {
  return strings(object(value, path), 'items', path);
}

export function readCapabilities(value: unknown, path = 'response'): Partial<ProviderCapabilities> {
  const o = object(value, path);
  const out: Partial<ProviderCapabilities> = {};
  for (const key of ['updateAlerts', 'addIndicator', 'deviceGroups', 'deviceEvents', 'timeline', 'insights'] as const) {
    if (o[key] != null) {
      if (typeof o[key] !== 'boolean') bad(at(path, key), 'true or false', o[key]);
      out[key] = o[key] as boolean;
    }
  }
  if (o['indicatorActions'] != null) out.indicatorActions = strings(o, 'indicatorActions', path);
  if (o['maxLookbackDays'] != null) out.maxLookbackDays = num(o, 'maxLookbackDays', path);
  return out;
}
