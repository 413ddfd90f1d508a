/**
 * Filter, sort and page lists by an {@link AlertQuery} / {@link DeviceQuery}: the one
 * implementation behind the static provider and the mock REST server.
 *
 * Built for a million rows:
 * - A {@link ListSource} is read by position, and may read single fields without building the
 *   item (the demo generator computes a field from the index), so filtering never materializes
 *   a million objects; only the requested page is built.
 * - Filtering reads one column per criterion; everything after it works on the matches only.
 * - Sorting never calls a comparator. The matches are put in the default order (newest first,
 *   then position) and given a dense rank on the sort field; `rank * k + defaultPosition` is packed
 *   into a Float64Array and sorted natively. The packing makes the sort total and stable: equal
 *   keys keep the default order.
 * - The ordered result of the last few queries is cached per source, so paging through a result
 *   (only the offset changes) costs only the page.
 * Sources are immutable: a provider that changes items makes a new source.
 */
import { ALERT_FIELDS, ALERT_SEARCH_FIELDS, type AlertFieldSpec } from './alert-fields.js';
import { DEVICE_FIELDS, DEVICE_SEARCH_FIELDS, type DeviceFieldSpec } from './device-fields.js';
import type { AlertItem, DeviceEvent, ObservedDevice, TimelineEvent } from './model.js';
import type { AlertQuery, DeviceQuery, Page } from './provider.js';
import type { TimeRange } from '../lib/time-range.js';
import { parseIsoInstant } from '../lib/iso-time.js';
import { criteriaKey, filterEntries, listSource, runQuery, textMatcher, timeColumn, type Criteria, type ListSource, type Schema } from './query-engine.js';

export { listSource, toMs, type ListSource } from './query-engine.js';

// ---------------------------------------------------------------------------------------------
// Alerts

/** The query engine's view of the alert field table: each queried field, compared as its row says. */
const ALERT_SCHEMA: Schema<AlertItem> = {
  defaultField: 'lastActivity',
  searchFields: ALERT_SEARCH_FIELDS,
  fields: /* @__PURE__ */ Object.fromEntries(
    Object.entries(ALERT_FIELDS as Readonly<Record<string, AlertFieldSpec>>).flatMap(([id, f]) =>
      f.query ? [[id, { type: f.query.type, read: f.query.value ?? ((a: AlertItem) => (a as unknown as Record<string, unknown>)[id]), ...(f.query.ranks ? { ranks: f.query.ranks } : {}) }]] : [],
    ),
  ),
};


/** Filter, sort and page incidents and alerts. */
export function queryAlerts(source: ListSource<AlertItem> | readonly AlertItem[], query: AlertQuery): Page<AlertItem> {
  const src = Array.isArray(source) ? listSource(source as readonly AlertItem[]) : (source as ListSource<AlertItem>);
  const sort = query.sort && query.sort.field in ALERT_SCHEMA.fields ? query.sort : undefined;
  const criteria: Criteria = {
    filters: filterEntries(query.filter, ALERT_SCHEMA.fields),
    search: query.search?.trim() || undefined,
    range: query.range ? { range: query.range, start: 'firstActivity', end: 'lastActivity' } : undefined,
    sort: sort ? { field: sort.field, direction: sort.direction === 'asc' ? 'asc' : 'desc' } : undefined,
  };
  return runQuery(src, ALERT_SCHEMA, criteria, Array.isArray(source) ? undefined : criteriaKey(criteria), query.offset, query.limit);
}

/** Count matching items without building any (for summaries over large sources). */
export function countAlerts(source: ListSource<AlertItem>, query: Omit<AlertQuery, 'offset' | 'limit' | 'sort'>): number {
  return queryAlerts(source, { ...query, offset: 0, limit: 0 }).total;
}

// ---------------------------------------------------------------------------------------------
// Observed devices

/** The query engine's view of the device field table. */
const DEVICE_SCHEMA: Schema<ObservedDevice> = {
  defaultField: 'lastSeen',
  searchFields: DEVICE_SEARCH_FIELDS,
  fields: /* @__PURE__ */ Object.fromEntries(
    Object.entries(DEVICE_FIELDS as Readonly<Record<string, DeviceFieldSpec>>).flatMap(([id, f]) =>
      f.query ? [[id, { type: f.query.type, read: f.query.value ?? ((d: ObservedDevice) => (d as unknown as Record<string, unknown>)[id]) }]] : [],
    ),
  ),
};

const DATE_TERM = /^\d{4}-\d{2}-\d{2}$/;

/** A device search split into `YYYY-MM-DD` terms (valid days) and the rest of the text. */
export function splitDeviceSearch(search: string | undefined): { days: string[]; text?: string } {
  const days: string[] = [];
  const words: string[] = [];
  for (const term of (search ?? '').trim().split(/\s+/).filter(Boolean)) {
    if (DATE_TERM.test(term) && parseIsoInstant(term) !== undefined) days.push(term);
    else words.push(term);
  }
  return { days, text: words.join(' ') || undefined };
}

/** Text of a device event a search looks in. */
export function deviceEventText(e: DeviceEvent): string {
  const p = e.initiatingProcess;
  return [p?.fileName, p?.commandLine, p?.sha256, p?.accountName, p?.accountDomain, e.file?.name, e.file?.sha256, e.file?.path, e.remoteUrl, e.actionType].filter(Boolean).join('\n');
}

export interface DeviceSearchOptions {
  /**
   * Whether any of device `index`'s events in the range contains `text` (case-insensitive): a
   * provider that holds or can query the whole timeline searches it; without this, the last
   * event's fields are searched.
   */
  eventsMatch?: (index: number, text: string) => boolean;
}

/** Filter, sort and page observed devices. */
export function queryDevices(source: ListSource<ObservedDevice> | readonly ObservedDevice[], query: DeviceQuery, options: DeviceSearchOptions = {}): Page<ObservedDevice> {
  const src = Array.isArray(source) ? listSource(source as readonly ObservedDevice[]) : (source as ListSource<ObservedDevice>);
  const filters: Criteria['filters'] = [];
  if (query.actionType?.length) filters.push(['actionType', new Set(query.actionType)]);
  if (query.direction?.length) filters.push(['direction', new Set(query.direction)]);
  const { days, text } = splitDeviceSearch(query.search);
  const checks: Array<(i: number) => boolean> = [];
  if (days.length) {
    // As Defender's timeline search: the day the device was last observed (UTC).
    const last = timeColumn(src, DEVICE_SCHEMA, 'lastSeen');
    const wanted = new Set(days);
    checks.push((i) => Number.isFinite(last[i]!) && wanted.has(new Date(last[i]!).toISOString().slice(0, 10)));
  }
  let search = text;
  if (text && options.eventsMatch) {
    const own = textMatcher(src, DEVICE_SCHEMA, DEVICE_SCHEMA.searchFields, text);
    const events = options.eventsMatch;
    checks.push((i) => own(i) || events(i, text));
    search = undefined;
  }
  const sort = query.sort && query.sort.field in DEVICE_SCHEMA.fields ? query.sort : undefined;
  const criteria: Criteria = {
    filters,
    search,
    extra: checks.length ? (i) => checks.every((c) => c(i)) : undefined,
    range: query.range ? { range: query.range, start: 'firstSeen', end: 'lastSeen' } : undefined,
    sort: sort ? { field: sort.field, direction: sort.direction === 'asc' ? 'asc' : 'desc' } : undefined,
  };
  // What the extra predicate tests is part of the cache key (the base key knows only `search`).
  const key = checks.length ? `${criteriaKey(criteria)}|days:${days.join(',')}|text:${text ?? ''}|events:${options.eventsMatch ? 1 : 0}` : criteriaKey(criteria);
  return runQuery(src, DEVICE_SCHEMA, criteria, Array.isArray(source) ? undefined : key, query.offset, query.limit);
}

// ---------------------------------------------------------------------------------------------
// Timeline

export interface TimelineQuery {
  range?: TimeRange;
  kinds?: readonly string[];
  search?: string;
}

const TIMELINE_SCHEMA: Schema<TimelineEvent> = {
  defaultField: 'time',
  searchFields: ['title', 'description', 'source', 'bookmarkedBy'],
  fields: {
    time: { type: 'time', read: (e) => e.time },
    kind: { type: 'text', read: (e) => e.kind },
    title: { type: 'text', read: (e) => e.title },
    description: { type: 'text', read: (e) => e.description },
    source: { type: 'text', read: (e) => e.source },
    bookmarkedBy: { type: 'text', read: (e) => e.bookmarkedBy },
  },
};

/** Timeline events in the range, of the given kinds, matching the text; newest first. */
export function queryTimeline(events: readonly TimelineEvent[], query: TimelineQuery): TimelineEvent[] {
  const criteria: Criteria = {
    filters: query.kinds?.length ? [['kind', new Set(query.kinds)]] : [],
    search: query.search?.trim() || undefined,
    range: query.range ? { range: query.range, start: 'time', end: 'time' } : undefined,
  };
  return runQuery(listSource(events), TIMELINE_SCHEMA, criteria, undefined, 0, events.length).items;
}
