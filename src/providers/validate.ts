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
import type { AnswerMethod } from '../data/contract.js';
import { ALERT_OPTIONAL_READS, type AlertFieldRead } from '../data/alert-fields.js';
import { DEVICE_OPTIONAL_READS } from '../data/device-fields.js';
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
  type UnreadableRow,
  type ExtensionValue,
} from '../data/model.js';
import type { Page } from '../data/provider.js';
import { badAnswer, camel, classification, OVERVIEW_READERS, severity, status } from './read/overview.js';
import { readPrevalence } from './read/prevalence.js';
import { readAccount, unreadableAccount } from './read/accounts.js';
import { readTraffic } from './read/traffic.js';
import { readCaseRecord, readCases } from './read/cases.js';
import { readNote } from './read/note.js';
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
import { isUnreadable, placeholderId, Problems, rawText, readRows, relativeMessage } from './read/rows.js';

export { LIMITS, object, toIsoTime, EPOCH_SECONDS_BELOW } from './read/primitives.js';
export { badAnswer, readCapabilities, readIpDetails, readLogActivity, readSecuritySummary, severity } from './read/overview.js';
export { readPrevalence } from './read/prevalence.js';

// ---------------------------------------------------------------------------------------------
// Lists (loaded with the tabs that show them)

function readAsset(value: unknown, path: string, problems: Problems): ImpactedAsset {
  if (typeof value === 'string') return { kind: 'device', name: clip(value) };
  const o = object(value, path);
  const asset: ImpactedAsset = { kind: problems.soft(() => optStr(o, 'kind', path, 64)) ?? 'device', name: str(o, 'name', path) };
  const assetId = problems.soft(() => optId(o, 'id', path));
  if (assetId !== undefined) asset.id = assetId;
  return asset;
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

/** How each kind of optional alert field is read (data/alert-fields.ts names the kind per field). */
const OPTIONAL_READ: Readonly<Record<Exclude<AlertFieldRead, 'fixed'>, (o: Json, key: string, path: string) => unknown>> = {
  'id?': (o, k, path) => optId(o, k, path),
  'text?': (o, k, path) => optStr(o, k, path),
  'long-text?': (o, k, path) => optStr(o, k, path, LIMITS.longText),
  'camel-text?': (o, k, path) => camel(optStr(o, k, path)),
  'camel-nullable?': (o, k, path) => camel(nullableStr(o, k, path)),
  'nullable-text?': (o, k, path) => nullableStr(o, k, path),
  'time?': (o, k, path) => optTime(o, k, path),
  'count?': (o, k, path) => optCount(o, k, path),
  'list?': (o, k, path) => strings(o, k, path),
};

/**
 * An incident or alert. Its id, title and times are required (without them the row cannot be
 * shown or acted on: {@link readPage} shows it as unreadable, in its place); every other value
 * that cannot be read is left out and noted on the row (`partial`).
 */
export function readAlert(value: unknown, path = ''): AlertItem {
  const o = object(value, path);
  const p = new Problems(path);
  const kind = optStr(o, 'kind', path);
  if (kind !== undefined && kind !== 'incident' && kind !== 'alert') bad(at(path, 'kind'), '“incident” or “alert”', kind);
  const item: AlertItem = {
    id: id(o, 'id', path),
    kind: kind === 'incident' ? 'incident' : 'alert',
    title: str(o, 'title', path),
    severity: severity(get(o, 'severity')),
    status: status(get(o, 'status')),
    classification: classification(get(o, 'classification')),
    impactedAssets: p.items(o, 'impactedAssets', path, (v, q) => readAsset(v, q, p), LIMITS.itemList),
    firstActivity: time(o, get(o, 'firstActivity') != null ? 'firstActivity' : 'lastActivity', path),
    lastActivity: time(o, 'lastActivity', path),
  };
  // The optional fields, each as the alert field table says (data/alert-fields.ts).
  for (const [key, how] of ALERT_OPTIONAL_READS) {
    if (how === 'list?' && get(o, key) == null) continue;
    const value = p.soft(() => OPTIONAL_READ[how](o, key, path));
    if (value !== undefined) (item as unknown as Json)[key] = value;
  }
  if (get(o, 'comments') != null) item.comments = p.items(o, 'comments', path, readComment, LIMITS.itemList);
  if (get(o, 'evidence') != null) item.evidence = p.items(o, 'evidence', path, readEvidence, LIMITS.itemList);
  if (get(o, 'extensions') != null) {
    const extensions = readExtensions(get(o, 'extensions'), at(path, 'extensions'), p);
    if (extensions) item.extensions = extensions;
  }
  return p.attach(item, o);
}

/**
 * A data source's own values (`extensions`): an object of at most 64 keys, each text (cut at the
 * text limit), a finite number, true/false, null, or a list of up to 64 texts and numbers. A value
 * of another shape is left out and the row says so; the object is keyed without a prototype.
 */
function readExtensions(value: unknown, path: string, p: Problems): Readonly<Record<string, ExtensionValue>> | undefined {
  const o = p.soft(() => object(value, path));
  if (!o) return undefined;
  const keys = Object.keys(o);
  if (keys.length > LIMITS.extensions) p.soft(() => bad(path, `at most ${LIMITS.extensions} keys`, `${keys.length} keys`));
  const out: Record<string, ExtensionValue> = Object.create(null) as Record<string, ExtensionValue>;
  const one = (v: unknown, where: string): string | number => {
    if (typeof v === 'string') return clip(v);
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    return bad(where, 'text or a number', v);
  };
  for (const key of keys.slice(0, LIMITS.extensions)) {
    const v = o[key];
    const where = at(path, key);
    const read = p.soft((): ExtensionValue => {
      if (key.length > 64) bad(where, 'a key of at most 64 characters', key);
      if (v === null || typeof v === 'boolean') return v;
      if (Array.isArray(v)) return v.length > LIMITS.extensions ? bad(where, `at most ${LIMITS.extensions} values`, `${v.length} values`) : Object.freeze(v.map((x, i) => one(x, at(where, i))));
      return one(v, where);
    });
    if (read !== undefined) out[key] = read;
  }
  return Object.freeze(out);
}

/** The stand-in for an alert row that could not be read. */
function unreadableAlert(unreadable: UnreadableRow, rowPath: string): AlertItem {
  return { id: placeholderId(rowPath), kind: 'alert', title: '', severity: 'unknown', status: 'unknown', classification: null, impactedAssets: [], firstActivity: EPOCH, lastActivity: EPOCH, unreadable };
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * A page of a list. Items past `limit` (what was asked for) are ignored; `total` is never less
 * than the items that came. A row that cannot be read keeps its place as unreadable (see
 * {@link readRows}); only a page that is itself malformed (not an object, no list of items, a
 * wrong total) fails as a whole.
 */
export function readPage<T>(value: unknown, readItem: (v: unknown, p: string) => T, placeholder: (u: UnreadableRow, p: string) => T, path = '', limit: number = LIMITS.pageItems): Page<T> {
  const o = object(value, path);
  const raw = get(o, 'items');
  if (!Array.isArray(raw)) bad(at(path, 'items'), 'a list', raw);
  const items = readRows((raw as unknown[]).slice(0, Math.max(0, Math.min(limit, LIMITS.pageItems))), at(path, 'items'), readItem, placeholder);
  const total = get(o, 'total') == null ? items.length : count(o, 'total', path);
  const page: Page<T> = { items, total: Math.max(total, items.length) };
  const unlisted = get(o, 'unlisted') == null ? 0 : count(o, 'unlisted', path);
  if (unlisted > 0) page.unlisted = unlisted;
  const incomplete = optStr(o, 'incomplete', path, LIMITS.longText);
  if (incomplete) page.incomplete = incomplete;
  return page;
}

function readProcess(value: unknown, path: string, p: Problems): ProcessInfo {
  const o = object(value, path);
  return assignDefined({ fileName: str(o, 'fileName', path) } as ProcessInfo, [
    ['commandLine', p.soft(() => optStr(o, 'commandLine', path, LIMITS.longText))],
    ['sha256', p.soft(() => optStr(o, 'sha256', path))],
    ['folderPath', p.soft(() => optStr(o, 'folderPath', path))],
    ['processId', p.soft(() => optNumIn(o, 'processId', path, 0, Number.MAX_SAFE_INTEGER, 'a process id of zero or more'))],
    ['accountName', p.soft(() => optStr(o, 'accountName', path))],
    ['accountDomain', p.soft(() => optStr(o, 'accountDomain', path))],
  ]);
}

function readFile(value: unknown, path: string, p: Problems): FileInfo {
  const o = object(value, path);
  return assignDefined({ name: str(o, 'name', path) } as FileInfo, [
    ['path', p.soft(() => optStr(o, 'path', path))],
    ['sha256', p.soft(() => optStr(o, 'sha256', path))],
    ['size', p.soft(() => optCount(o, 'size', path))],
  ]);
}

/** A device event: its time and action are required; any other value that cannot be read is left out and noted. */
export function readDeviceEvent(value: unknown, path = ''): DeviceEvent {
  const o = object(value, path);
  const p = new Problems(path);
  const process = get(o, 'initiatingProcess');
  const file = get(o, 'file');
  return p.attach(
    assignDefined(
      {
        timestamp: time(o, 'timestamp', path),
        actionType: str(o, 'actionType', path, 256),
        direction: p.soft(() => optStr(o, 'direction', path, 64))?.toLowerCase() ?? 'unknown',
      } as DeviceEvent,
      [
        ['id', p.soft(() => optId(o, 'id', path))],
        ['localIp', p.soft(() => optStr(o, 'localIp', path, 256))],
        ['localPort', p.soft(() => optPort(o, 'localPort', path))],
        ['remoteIp', p.soft(() => optStr(o, 'remoteIp', path, 256))],
        ['remotePort', p.soft(() => optPort(o, 'remotePort', path))],
        ['protocol', p.soft(() => optStr(o, 'protocol', path, 64))],
        ['remoteUrl', p.soft(() => optStr(o, 'remoteUrl', path))],
        ['initiatingProcess', process == null ? undefined : p.soft(() => readProcess(process, at(path, 'initiatingProcess'), p))],
        ['file', file == null ? undefined : p.soft(() => readFile(file, at(path, 'file'), p))],
      ],
    ),
    o,
  );
}

function unreadableEvent(unreadable: UnreadableRow, _rowPath?: string, timestamp = EPOCH): DeviceEvent {
  return { timestamp, actionType: '', direction: 'unknown', unreadable };
}

/**
 * A device: its id, name and first and last seen are required; its last event may be unreadable on
 * its own (the device still shows); any other value that cannot be read is left out and noted.
 */
export function readDevice(value: unknown, path = ''): ObservedDevice {
  const o = object(value, path);
  const p = new Problems(path);
  const lastSeen = time(o, 'lastSeen', path);
  const eventPath = at(path, 'lastEvent');
  let lastEvent: DeviceEvent;
  try {
    lastEvent = readDeviceEvent(get(o, 'lastEvent'), eventPath);
  } catch (error) {
    if (!isUnreadable(error)) throw error;
    lastEvent = unreadableEvent({ reason: relativeMessage(error, path), raw: rawText(get(o, 'lastEvent')) }, eventPath, lastSeen);
  }
  const device: ObservedDevice = {
    id: id(o, 'id', path),
    name: str(o, 'name', path),
    firstSeen: time(o, 'firstSeen', path),
    lastSeen,
    connectionCount: p.soft(() => optCount(o, 'connectionCount', path)) ?? 0,
    lastEvent,
  };
  // The optional fields, each as the device field table says (data/device-fields.ts).
  for (const [key, how] of DEVICE_OPTIONAL_READS) {
    const value = p.soft(() => (how === 'enum?' ? camel(optStr(o, key, path, 64)) : optStr(o, key, path)));
    if (value !== undefined) (device as unknown as Json)[key] = value;
  }
  return p.attach(device, o);
}

function unreadableDevice(unreadable: UnreadableRow, rowPath: string): ObservedDevice {
  return { id: placeholderId(rowPath), name: '', firstSeen: EPOCH, lastSeen: EPOCH, connectionCount: 0, lastEvent: unreadableEvent(unreadable), unreadable };
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
    createdBySource: optStr(o, 'createdBySource', path),
    lastUpdateTime: optTime(o, 'lastUpdateTime', path),
    lastUpdatedBy: optStr(o, 'lastUpdatedBy', path),
  };
}

/** A timeline event: its id, kind, time and title are required; any other value that cannot be read is left out and noted. */
export function readTimelineEvent(value: unknown, path = ''): TimelineEvent {
  const o = object(value, path);
  const p = new Problems(path);
  const ev: TimelineEvent = {
    id: id(o, 'id', path),
    kind: str(o, 'kind', path, 64),
    time: time(o, 'time', path),
    title: str(o, 'title', path),
  };
  return p.attach(
    assignDefined(ev, [
      ['source', p.soft(() => optStr(o, 'source', path))],
      ['severity', get(o, 'severity') == null ? undefined : severity(get(o, 'severity'))],
      ['description', p.soft(() => optStr(o, 'description', path, LIMITS.longText))],
      ['alertId', p.soft(() => optId(o, 'alertId', path))],
      ['bookmarkedBy', p.soft(() => optStr(o, 'bookmarkedBy', path))],
      ['query', p.soft(() => optStr(o, 'query', path, LIMITS.longText))],
    ]),
    o,
  );
}

function unreadableTimelineEvent(unreadable: UnreadableRow, rowPath: string): TimelineEvent {
  return { id: placeholderId(rowPath), kind: 'unreadable', time: EPOCH, title: '', unreadable };
}

const LANGUAGES: readonly QueryLanguage[] = ['kql-defender', 'kql-sentinel', 'esql', 'spl'];

/** A cell: text, a number, true/false, null; a KQL `dynamic` (an object or a list) as its JSON text. */
function readCell(cell: unknown, path: string): unknown {
  if (cell === null || typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : bad(path, 'a finite number', cell);
  if (typeof cell === 'string') return clip(cell);
  if (typeof cell === 'object') return rawText(cell);
  return bad(path, 'text, a number, true/false or null', cell);
}

/**
 * An insight: its id, title and columns are required; a row that cannot be read keeps its place
 * (empty, listed in `unreadableRows`), so one odd row never hides the table.
 */
export function readInsight(value: unknown, path = ''): Insight {
  const o = object(value, path);
  const language = optStr(o, 'language', path, 64) ?? 'kql-sentinel';
  if (!(LANGUAGES as readonly string[]).includes(language)) bad(at(path, 'language'), `one of ${LANGUAGES.join(', ')}`, language);
  const columns = list(o, 'columns', path, (v, p): InsightColumn => {
    const c = object(v, p);
    return { name: str(c, 'name', p, 256), type: optStr(c, 'type', p, 64) ?? 'string' };
  }, LIMITS.insights, true);
  const rawRows = get(o, 'rows') == null ? [] : array(get(o, 'rows'), at(path, 'rows'), LIMITS.events);
  const unreadableRows: Record<number, UnreadableRow> = {};
  const rows = readRows(rawRows, at(path, 'rows'), (v, p) => array(v, p, LIMITS.insights).map((cell, i) => readCell(cell, at(p, i))), (u, rowPath) => {
    unreadableRows[Number(/\[(\d+)\]$/.exec(rowPath)![1])] = u;
    return [];
  });
  let chart: InsightChart | undefined;
  const rawChart = get(o, 'chart');
  if (rawChart != null) {
    const c = object(rawChart, at(path, 'chart'));
    chart = { type: str(c, 'type', at(path, 'chart'), 64), x: str(c, 'x', at(path, 'chart'), 256), y: str(c, 'y', at(path, 'chart'), 256) };
  }
  const insight: Insight = {
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
  const incomplete = optStr(o, 'incomplete', path, LIMITS.longText);
  if (incomplete) insight.incomplete = incomplete;
  if (Object.keys(unreadableRows).length) insight.unreadableRows = unreadableRows;
  return insight;
}

/** An insight that could not be read: shown as that insight's error (with its title when it has one); the others show. */
function unreadableInsight(unreadable: UnreadableRow, rowPath: string, value?: unknown): Insight {
  const o = value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
  const title = typeof get(o, 'title') === 'string' && get(o, 'title') !== '' ? clip(get(o, 'title') as string, 256) : undefined;
  const ownId = typeof get(o, 'id') === 'string' && (get(o, 'id') as string).length <= LIMITS.id && !(get(o, 'id') as string).includes('\u0000') ? (get(o, 'id') as string) : undefined;
  return {
    id: ownId ?? placeholderId(rowPath),
    title: title ?? `${rowPath.replace(/^\[(\d+)\]$/, (_, n: string) => `#${Number(n) + 1}`)}`,
    query: '',
    language: 'kql-sentinel',
    columns: [],
    rows: [],
    error: unreadable.reason,
  };
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
  getPrevalence: (v: unknown) => readPrevalence(v),
  listAlerts: (v: unknown, limit?: number) => readPage(v, readAlert, unreadableAlert, '', limit),
  listObservedDevices: (v: unknown, limit?: number) => readPage(v, readDevice, unreadableDevice, '', limit),
  listAccounts: (v: unknown, limit?: number) => readPage(v, readAccount, unreadableAccount, '', limit),
  getTraffic: (v: unknown) => readTraffic(v),
  listCases: (v: unknown) => readCases(v),
  addToCase: (v: unknown) => readCaseRecord(v),
  getNote: (v: unknown) => readNote(v),
  saveNote: (v: unknown) => readNote(v),
  listDeviceEvents: (v: unknown) => readRows(array(v, '', LIMITS.events), '', readDeviceEvent, unreadableEvent),
  updateAlerts: (v: unknown) => readRows(array(v, '', LIMITS.pageItems), '', readAlert, unreadableAlert),
  addIndicator: (v: unknown) => readIndicator(v),
  listIndicators: (v: unknown) => array(v, '', LIMITS.pageItems).map((item, i) => readIndicator(item, at('', i))),
  // Nothing to read: done is the answer (a body, if any, is ignored).
  removeIndicator: (): void => undefined,
  listDeviceGroups: (v: unknown) => stringList(v),
  getTimeline: (v: unknown) => readRows(array(v, '', LIMITS.events), '', readTimelineEvent, unreadableTimelineEvent),
  getInsights: (v: unknown) => {
    const items = array(v, '', LIMITS.insights);
    return readRows(items, '', readInsight, (u, rowPath) => unreadableInsight(u, rowPath, items[Number(/\[(\d+)\]$/.exec(rowPath)![1])]));
  },
  getInsight: (v: unknown) => readInsight(v),
  getThreatIntel: (v: unknown) => readThreatIntel(v),
  listThreatIntel: (v: unknown, limit?: number, args?: readonly unknown[]) => readThreatIntelPage(args?.[1] as ThreatIntelRelation, v, limit),
} as const satisfies Record<AnswerMethod, (v: unknown, limit?: number, args?: readonly unknown[]) => unknown>;

export type { AnswerMethod } from '../data/contract.js';

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
