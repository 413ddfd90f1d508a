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
import { readThreatIntel, readThreatIntelPage } from './read/threat-intel.js';
import type { ThreatIntelRelation } from '../data/threat-intel.js';
import {
  INDICATOR_SEVERITIES,
  type AlertComment,
  type AlertItem,
  type DeviceEvent,
  type EvidenceSummary,
  type FileInfo,
  type ImpactedAsset,
  type Indicator,
  type Insight,
  type InsightChart,
  type InsightColumn,
  type ObservedDevice,
  type ProcessInfo,
  type QueryLanguage,
  type TimelineEvent,
} from '../data/model.js';
import type { Page } from '../data/provider.js';
import { badAnswer, camel, classification, OVERVIEW_READERS, severity, status } from './read/overview.js';
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
export { badAnswer, readCapabilities, readIpDetails, readLogActivity, readPrevalence, readSecuritySummary, severity } from './read/overview.js';

// ---------------------------------------------------------------------------------------------
// Lists (loaded with the tabs that show them)

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

/** The alert fields that are lists of strings. */
const LIST_FIELDS = ['categories', 'detectionSources', 'serviceSources', 'productNames', 'tags', 'deviceGroups', 'mitreTechniques'] as const;

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
  assignDefined(item, [['lastUpdated', optTime(o, 'lastUpdated', path)]]);
  for (const key of LIST_FIELDS) if (get(o, key) != null) item[key] = strings(o, key, path);
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
  const page: Page<T> = { items, total: Math.max(total, items.length) };
  const unlisted = get(o, 'unlisted') == null ? 0 : count(o, 'unlisted', path);
  if (unlisted > 0) page.unlisted = unlisted;
  return page;
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
  ...OVERVIEW_READERS,
  listAlerts: (v: unknown, limit?: number) => readPage(v, readAlert, '', limit),
  listObservedDevices: (v: unknown, limit?: number) => readPage(v, readDevice, '', limit),
  listDeviceEvents: (v: unknown) => listOf(v, readDeviceEvent, LIMITS.events),
  updateAlerts: (v: unknown) => listOf(v, readAlert, LIMITS.pageItems),
  addIndicator: (v: unknown) => readIndicator(v),
  listDeviceGroups: (v: unknown) => stringList(v),
  getTimeline: (v: unknown) => listOf(v, readTimelineEvent, LIMITS.events),
  getInsights: (v: unknown) => listOf(v, readInsight, LIMITS.insights),
  getInsight: (v: unknown) => readInsight(v),
  getThreatIntel: (v: unknown) => readThreatIntel(v),
  listThreatIntel: (v: unknown, limit?: number, args?: readonly unknown[]) => readThreatIntelPage(args?.[1] as ThreatIntelRelation, v, limit),
} as const;

export type AnswerMethod = keyof typeof ANSWER_READERS;

/**
 * Read a method's answer, or throw `bad-response` whose message names the method and the field
 * (`getLogActivity → loggedHosts: expected a list, got text`) and whose `field` is the path.
 */
export function readAnswer<M extends AnswerMethod>(method: M, value: unknown, limit?: number, args?: readonly unknown[]): ReturnType<(typeof ANSWER_READERS)[M]> {
  try {
    return (ANSWER_READERS[method] as (v: unknown, limit?: number, args?: readonly unknown[]) => ReturnType<(typeof ANSWER_READERS)[M]>)(value, limit, args);
  } catch (error) {
    throw badAnswer(method, error);
  }
}
