/**
 * The single definition of what a provider's answer may be: readers that turn untrusted values
 * into the model, or fail with a `bad-response` error naming the method and the field
 * (`getLogActivity → loggedHosts: expected a list, got text`).
 *
 * Every answer passes through them before a component sees it, whichever provider sent it
 * (see `guard.ts`). They are lenient where the APIs are known to vary (enum spelling,
 * `orgPrevalence` vs `organizationPrevalence`, numbers sent as text) and strict where the UI
 * depends on a value (ids, dates with a zone, list shapes, counts, ports, coordinates). Unknown
 * enum values are kept as strings. Dates are normalized to canonical ISO UTC. Sizes are bounded
 * by {@link LIMITS}.
 */
import { IpDataError } from '../data/errors.js';
import {
  ALERT_STATUSES,
  CLASSIFICATIONS,
  INDICATOR_SEVERITIES,
  SEVERITIES,
  normalizeEnum,
  type AlertComment,
  type AlertItem,
  type AlertMark,
  type Classification,
  type DeviceEvent,
  type EvidenceSummary,
  type FileInfo,
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
  type QueryLanguage,
  type SecuritySummary,
  type Severity,
  type SeverityCounts,
  type TimelineEvent,
  type WhoisInfo,
} from '../data/model.js';
import type { Page, ProviderCapabilities } from '../data/provider.js';
import {
  array,
  at,
  bad,
  clip,
  count,
  get,
  id,
  LIMITS,
  list,
  listOf,
  nullableStr,
  num,
  object,
  optCount,
  optId,
  optNumIn,
  optPort,
  optStr,
  optTime,
  str,
  strings,
  time,
  type Json,
} from './read/primitives.js';

export { LIMITS, object, toIsoTime, EPOCH_SECONDS_BELOW } from './read/primitives.js';

// ---------------------------------------------------------------------------------------------
// Enums

export function severity(value: unknown): Severity {
  if (typeof value !== 'string' || value === '') return 'unknown';
  const v = normalizeEnum(clip(value, 64), [...SEVERITIES, 'unknown'] as const);
  return v.toLowerCase() === 'unspecified' ? 'unknown' : v;
}

function status(value: unknown): string {
  if (typeof value !== 'string' || value === '') return 'unknown';
  const v = normalizeEnum(clip(value, 64), [...ALERT_STATUSES, 'unknown'] as const);
  // Graph incidents say `active` for what alerts call `new`/`inProgress`; keep the open-ness visible.
  return v === 'active' ? 'new' : v;
}

function classification(value: unknown): Classification {
  if (typeof value !== 'string' || value === '') return null;
  const v = normalizeEnum(clip(value, 64), CLASSIFICATIONS);
  return v.toLowerCase() === 'unknown' ? null : v;
}

function camel(value: string | null | undefined): string | null | undefined {
  if (value == null) return value;
  return /^[A-Z][a-zA-Z]*$/.test(value) ? value[0]!.toLowerCase() + value.slice(1) : value;
}

// ---------------------------------------------------------------------------------------------
// Entities

export function readIpDetails(value: unknown, path = ''): IpDetails {
  const o = object(value, path);
  const whois = get(o, 'whois') == null ? undefined : readWhois(get(o, 'whois'), at(path, 'whois'));
  return {
    ip: str(o, 'ip', path),
    organization: optStr(o, 'organization', path),
    isp: optStr(o, 'isp', path),
    asn: optNumIn(o, 'asn', path, 0, 4_294_967_295, 'an AS number from 0 to 4294967295'),
    asName: optStr(o, 'asName', path),
    country: optStr(o, 'country', path),
    countryCode: optStr(o, 'countryCode', path),
    state: optStr(o, 'state', path),
    city: optStr(o, 'city', path),
    carrier: optStr(o, 'carrier', path),
    latitude: optNumIn(o, 'latitude', path, -90, 90, 'a latitude from -90 to 90'),
    longitude: optNumIn(o, 'longitude', path, -180, 180, 'a longitude from -180 to 180'),
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
  const read = (k: string) => optCount(o, k, path) ?? 0;
  return { high: read('high'), medium: read('medium'), low: read('low'), informational: read('informational') };
}

export function readSecuritySummary(value: unknown, path = ''): SecuritySummary {
  const o = object(value, path);
  const prevalenceKey = get(o, 'organizationPrevalence') != null ? 'organizationPrevalence' : 'orgPrevalence';
  return {
    openIncidents: count(o, 'openIncidents', path),
    activeAlerts: count(o, 'activeAlerts', path),
    incidentsBySeverity: readCounts(get(o, 'incidentsBySeverity'), at(path, 'incidentsBySeverity')),
    alertsBySeverity: readCounts(get(o, 'alertsBySeverity'), at(path, 'alertsBySeverity')),
    organizationPrevalence: optCount(o, prevalenceKey, path) ?? 0,
    firstSeen: optTime(o, get(o, 'firstSeen') !== undefined ? 'firstSeen' : 'orgFirstSeen', path),
    lastSeen: optTime(o, get(o, 'lastSeen') !== undefined ? 'lastSeen' : 'orgLastSeen', path),
  };
}

export function readLogActivity(value: unknown, path = ''): LogActivity {
  const o = object(value, path);
  return {
    firstSeen: optTime(o, 'firstSeen', path),
    lastSeen: optTime(o, 'lastSeen', path),
    sources: list(o, 'sources', path, (v, p) => {
      const s = object(v, p);
      return { source: str(s, 'source', p), firstSeen: time(s, 'firstSeen', p), lastSeen: time(s, 'lastSeen', p), count: optCount(s, 'count', p) };
    }, LIMITS.sources, true),
    loggedHosts: list(o, 'loggedHosts', path, (v, p) => {
      const h = object(v, p);
      return { id: id(h, 'id', p), name: str(h, 'name', p), os: optStr(h, 'os', p), lastHeartbeat: optTime(h, 'lastHeartbeat', p) };
    }, LIMITS.sources, true),
  };
}

function readAlertMark(value: unknown, path: string): AlertMark {
  const o = object(value, path);
  const kind = optStr(o, 'kind', path);
  return {
    id: id(o, 'id', path),
    title: optStr(o, 'title', path) ?? '',
    severity: severity(get(o, 'severity')),
    time: time(o, 'time', path),
    ...(kind === 'incident' || kind === 'alert' ? { kind } : {}),
  };
}

function readBucket(value: unknown, path: string) {
  const b = object(value, path);
  return { start: time(b, 'start', path), devices: count(b, 'devices', path) };
}

export function readPrevalence(value: unknown, path = ''): Prevalence {
  const o = object(value, path);
  const bucket = optStr(o, 'bucket', path) === 'hour' ? 'hour' : 'day';
  const result: Prevalence = {
    bucket,
    buckets: list(o, 'buckets', path, readBucket, LIMITS.buckets),
    totalDevices: count(o, 'totalDevices', path),
    firstSeen: optTime(o, 'firstSeen', path),
    lastSeen: optTime(o, 'lastSeen', path),
    alertMarks: list(o, 'alertMarks', path, readAlertMark, LIMITS.events, true),
  };
  const marksTotal = optCount(o, 'alertMarksTotal', path);
  if (marksTotal !== undefined) result.alertMarksTotal = Math.max(marksTotal, result.alertMarks.length);
  return result;
}

function readAsset(value: unknown, path: string): ImpactedAsset {
  if (typeof value === 'string') return { kind: 'device', name: clip(value) };
  const o = object(value, path);
  return { kind: optStr(o, 'kind', path, 64) ?? 'device', name: str(o, 'name', path), id: optId(o, 'id', path) };
}

function readComment(value: unknown, path: string): AlertComment {
  const o = object(value, path);
  return { comment: str(o, 'comment', path, LIMITS.longText), createdBy: optStr(o, 'createdBy', path), createdAt: time(o, 'createdAt', path) };
}

function readEvidence(value: unknown, path: string): EvidenceSummary {
  const o = object(value, path);
  return {
    entityType: str(o, 'entityType', path),
    name: str(o, 'name', path),
    verdict: optStr(o, 'verdict', path),
    remediationStatus: optStr(o, 'remediationStatus', path),
    detail: optStr(o, 'detail', path, LIMITS.longText),
  };
}

/** Put the defined values on `target` (absent stays absent, not `undefined`). */
function assignDefined<T extends object>(target: T, values: Array<[keyof T, unknown]>): T {
  for (const [k, v] of values) if (v !== undefined) (target as Json)[k as string] = v;
  return target;
}

export function readAlert(value: unknown, path = ''): AlertItem {
  const o = object(value, path);
  const kind = optStr(o, 'kind', path);
  if (kind !== undefined && kind !== 'incident' && kind !== 'alert') bad(at(path, 'kind'), '“incident” or “alert”', kind);
  const item: AlertItem = {
    id: id(o, 'id', path),
    kind: kind === 'incident' ? 'incident' : 'alert',
    title: str(o, 'title', path),
    severity: severity(get(o, 'severity')),
    status: status(get(o, 'status')),
    classification: classification(get(o, 'classification')),
    impactedAssets: list(o, 'impactedAssets', path, readAsset, LIMITS.itemList, true),
    firstActivity: time(o, get(o, 'firstActivity') != null ? 'firstActivity' : 'lastActivity', path),
    lastActivity: time(o, 'lastActivity', path),
  };
  assignDefined(item, [
    ['incidentId', optId(o, 'incidentId', path)],
    ['description', optStr(o, 'description', path, LIMITS.longText)],
    ['determination', camel(nullableStr(o, 'determination', path))],
    ['investigationState', camel(optStr(o, 'investigationState', path))],
    ['category', optStr(o, 'category', path)],
    ['assignedTo', nullableStr(o, 'assignedTo', path)],
    ['createdAt', optTime(o, 'createdAt', path)],
    ['detectionSource', optStr(o, 'detectionSource', path)],
    ['serviceSource', optStr(o, 'serviceSource', path)],
    ['alertCount', optCount(o, 'alertCount', path)],
  ]);
  if (get(o, 'mitreTechniques') != null) item.mitreTechniques = strings(o, 'mitreTechniques', path);
  if (get(o, 'comments') != null) item.comments = list(o, 'comments', path, readComment, LIMITS.itemList);
  if (get(o, 'evidence') != null) item.evidence = list(o, 'evidence', path, readEvidence, LIMITS.itemList);
  return item;
}

/**
 * A page of a list. Items past `limit` (what was asked for) are ignored; `total` is never less
 * than the items that came.
 */
export function readPage<T>(value: unknown, readItem: (v: unknown, p: string) => T, path = '', limit: number = LIMITS.pageItems): Page<T> {
  const o = object(value, path);
  const raw = get(o, 'items');
  if (!Array.isArray(raw)) bad(at(path, 'items'), 'a list', raw);
  const items = (raw as unknown[]).slice(0, Math.max(0, Math.min(limit, LIMITS.pageItems))).map((v, i) => readItem(v, at(at(path, 'items'), i)));
  const total = get(o, 'total') == null ? items.length : count(o, 'total', path);
  return { items, total: Math.max(total, items.length) };
}

function readProcess(value: unknown, path: string): ProcessInfo {
  const o = object(value, path);
  return assignDefined({ fileName: str(o, 'fileName', path) } as ProcessInfo, [
    ['commandLine', optStr(o, 'commandLine', path, LIMITS.longText)],
    ['sha256', optStr(o, 'sha256', path)],
    ['folderPath', optStr(o, 'folderPath', path)],
    ['processId', optNumIn(o, 'processId', path, 0, Number.MAX_SAFE_INTEGER, 'a process id of zero or more')],
    ['accountName', optStr(o, 'accountName', path)],
    ['accountDomain', optStr(o, 'accountDomain', path)],
  ]);
}

function readFile(value: unknown, path: string): FileInfo {
  const o = object(value, path);
  return assignDefined({ name: str(o, 'name', path) } as FileInfo, [
    ['path', optStr(o, 'path', path)],
    ['sha256', optStr(o, 'sha256', path)],
    ['size', optCount(o, 'size', path)],
  ]);
}

export function readDeviceEvent(value: unknown, path = ''): DeviceEvent {
  const o = object(value, path);
  const process = get(o, 'initiatingProcess');
  const file = get(o, 'file');
  return assignDefined(
    {
      timestamp: time(o, 'timestamp', path),
      actionType: str(o, 'actionType', path, 256),
      direction: optStr(o, 'direction', path, 64)?.toLowerCase() ?? 'unknown',
    } as DeviceEvent,
    [
      ['id', optId(o, 'id', path)],
      ['localIp', optStr(o, 'localIp', path, 256)],
      ['localPort', optPort(o, 'localPort', path)],
      ['remoteIp', optStr(o, 'remoteIp', path, 256)],
      ['remotePort', optPort(o, 'remotePort', path)],
      ['protocol', optStr(o, 'protocol', path, 64)],
      ['remoteUrl', optStr(o, 'remoteUrl', path)],
      ['initiatingProcess', process == null ? undefined : readProcess(process, at(path, 'initiatingProcess'))],
      ['file', file == null ? undefined : readFile(file, at(path, 'file'))],
    ],
  );
}

export function readDevice(value: unknown, path = ''): ObservedDevice {
  const o = object(value, path);
  const device: ObservedDevice = {
    id: id(o, 'id', path),
    name: str(o, 'name', path),
    firstSeen: time(o, 'firstSeen', path),
    lastSeen: time(o, 'lastSeen', path),
    connectionCount: optCount(o, 'connectionCount', path) ?? 0,
    lastEvent: readDeviceEvent(get(o, 'lastEvent'), at(path, 'lastEvent')),
  };
  return assignDefined(device, [
    ['osPlatform', optStr(o, 'osPlatform', path)],
    ['osVersion', optStr(o, 'osVersion', path)],
    ['riskScore', camel(optStr(o, 'riskScore', path, 64))],
    ['exposureLevel', camel(optStr(o, 'exposureLevel', path, 64))],
  ]);
}

export function readIndicator(value: unknown, path = ''): Indicator {
  const o = object(value, path);
  const sev = optStr(o, 'severity', path, 64);
  const known = sev === undefined ? undefined : INDICATOR_SEVERITIES.find((s) => s.toLowerCase() === sev.toLowerCase());
  return {
    id: id(o, 'id', path),
    indicatorValue: str(o, 'indicatorValue', path, 256),
    indicatorType: 'IpAddress',
    action: str(o, 'action', path, 64),
    title: str(o, 'title', path),
    description: optStr(o, 'description', path, LIMITS.longText) ?? '',
    severity: known,
    generateAlert: get(o, 'generateAlert') === true,
    expirationTime: optTime(o, 'expirationTime', path),
    recommendedActions: optStr(o, 'recommendedActions', path, LIMITS.longText),
    category: optStr(o, 'category', path),
    rbacGroupNames: get(o, 'rbacGroupNames') == null ? undefined : strings(o, 'rbacGroupNames', path),
    application: optStr(o, 'application', path),
    creationTimeDateTimeUtc: time(o, 'creationTimeDateTimeUtc', path),
    createdBy: optStr(o, 'createdBy', path),
  };
}

export function readTimelineEvent(value: unknown, path = ''): TimelineEvent {
  const o = object(value, path);
  const ev: TimelineEvent = {
    id: id(o, 'id', path),
    kind: str(o, 'kind', path, 64),
    time: time(o, 'time', path),
    title: str(o, 'title', path),
  };
  return assignDefined(ev, [
    ['source', optStr(o, 'source', path)],
    ['severity', get(o, 'severity') == null ? undefined : severity(get(o, 'severity'))],
    ['description', optStr(o, 'description', path, LIMITS.longText)],
    ['alertId', optId(o, 'alertId', path)],
    ['bookmarkedBy', optStr(o, 'bookmarkedBy', path)],
    ['query', optStr(o, 'query', path, LIMITS.longText)],
  ]);
}

const LANGUAGES: readonly QueryLanguage[] = ['kql-defender', 'kql-sentinel', 'esql', 'spl'];

function readCell(cell: unknown, path: string): unknown {
  if (cell === null || typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : bad(path, 'a finite number', cell);
  if (typeof cell === 'string') return clip(cell);
  return bad(path, 'text, a number, true/false or null', cell);
}

export function readInsight(value: unknown, path = ''): Insight {
  const o = object(value, path);
  const language = optStr(o, 'language', path, 64) ?? 'kql-sentinel';
  if (!(LANGUAGES as readonly string[]).includes(language)) bad(at(path, 'language'), `one of ${LANGUAGES.join(', ')}`, language);
  const columns = list(o, 'columns', path, (v, p): InsightColumn => {
    const c = object(v, p);
    return { name: str(c, 'name', p, 256), type: optStr(c, 'type', p, 64) ?? 'string' };
  }, LIMITS.insights, true);
  const rows = list(o, 'rows', path, (v, p) => array(v, p, LIMITS.insights).map((cell, i) => readCell(cell, at(p, i))), LIMITS.events, true);
  let chart: InsightChart | undefined;
  const rawChart = get(o, 'chart');
  if (rawChart != null) {
    const c = object(rawChart, at(path, 'chart'));
    chart = { type: str(c, 'type', at(path, 'chart'), 64), x: str(c, 'x', at(path, 'chart'), 256), y: str(c, 'y', at(path, 'chart'), 256) };
  }
  return {
    id: id(o, 'id', path),
    title: str(o, 'title', path),
    description: optStr(o, 'description', path, LIMITS.longText),
    query: optStr(o, 'query', path, LIMITS.longText) ?? '',
    language: language as QueryLanguage,
    columns,
    rows,
    chart,
    dataSources: get(o, 'dataSources') == null ? undefined : strings(o, 'dataSources', path),
    error: optStr(o, 'error', path),
  };
}

/** `{ items: [...] }`, the REST contract's wrapper of list answers. */
export function readItems<T>(value: unknown, readItem: (v: unknown, p: string) => T, path = '', max: number = LIMITS.events): T[] {
  return list(object(value, path), 'items', path, readItem, max);
}

export function readStringItems(value: unknown, path = ''): string[] {
  return strings(object(value, path), 'items', path, LIMITS.groups);
}

export function readCapabilities(value: unknown, path = ''): Partial<ProviderCapabilities> {
  const o = object(value, path);
  const out: Partial<ProviderCapabilities> = {};
  for (const key of ['updateAlerts', 'addIndicator', 'deviceGroups', 'deviceEvents', 'timeline', 'insights'] as const) {
    const v = get(o, key);
    if (v != null) {
      if (typeof v !== 'boolean') bad(at(path, key), 'true or false', v);
      out[key] = v as boolean;
    }
  }
  if (get(o, 'indicatorActions') != null) out.indicatorActions = strings(o, 'indicatorActions', path, 64);
  if (get(o, 'maxLookbackDays') != null) {
    const days = num(o, 'maxLookbackDays', path);
    if (days <= 0) bad(at(path, 'maxLookbackDays'), 'a number of days above zero', days);
    out.maxLookbackDays = days;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Answers, by provider method

function stringList(value: unknown, path = ''): string[] {
  return array(value, path, LIMITS.groups).map((v, i) => (typeof v === 'string' ? clip(v) : bad(at(path, i), 'text', v)));
}

/**
 * The reader of each provider method's answer, as the interface returns it (lists as arrays).
 * `limit` is the page size that was asked for (list methods only).
 */
export const ANSWER_READERS = {
  getCapabilities: (v: unknown) => readCapabilities(v),
  getIpDetails: (v: unknown) => readIpDetails(v),
  getSecuritySummary: (v: unknown) => readSecuritySummary(v),
  getLogActivity: (v: unknown) => readLogActivity(v),
  getPrevalence: (v: unknown) => readPrevalence(v),
  listAlerts: (v: unknown, limit?: number) => readPage(v, readAlert, '', limit),
  listObservedDevices: (v: unknown, limit?: number) => readPage(v, readDevice, '', limit),
  listDeviceEvents: (v: unknown) => listOf(v, readDeviceEvent, LIMITS.events),
  updateAlerts: (v: unknown) => listOf(v, readAlert, LIMITS.pageItems),
  addIndicator: (v: unknown) => readIndicator(v),
  listDeviceGroups: (v: unknown) => stringList(v),
  getTimeline: (v: unknown) => listOf(v, readTimelineEvent, LIMITS.events),
  getInsights: (v: unknown) => listOf(v, readInsight, LIMITS.insights),
  getInsight: (v: unknown) => readInsight(v),
} as const;

export type AnswerMethod = keyof typeof ANSWER_READERS;

/**
 * Read a method's answer, or throw `bad-response` whose message names the method and the field
 * (`getLogActivity → loggedHosts: expected a list, got text`) and whose `field` is the path.
 */
export function readAnswer<M extends AnswerMethod>(method: M, value: unknown, limit?: number): ReturnType<(typeof ANSWER_READERS)[M]> {
  try {
    return (ANSWER_READERS[method] as (v: unknown, limit?: number) => ReturnType<(typeof ANSWER_READERS)[M]>)(value, limit);
  } catch (error) {
    throw badAnswer(method, error);
  }
}

/** The reader's error, told as the answer of `method` (any other error is a reader bug, told too). */
export function badAnswer(method: string, error: unknown): IpDataError {
  const detail = error instanceof IpDataError && error.kind === 'bad-response' ? error.message : `could not be read (${error instanceof Error ? error.message : String(error)})`;
  const sep = detail.startsWith('the answer') ? ': ' : ' → ';
  const technical = detail.startsWith('the answer') ? detail.replace(/^the answer: /, '') : detail;
  return new IpDataError('bad-response', `The data source sent something this page cannot read: ${method}${sep}${technical}.`, {
    field: error instanceof IpDataError ? error.field : undefined,
    method,
    cause: error,
  });
}
