/**
 * Filter, sort and page lists by an {@link AlertQuery} / {@link DeviceQuery}: the one
 * implementation behind the static provider and the mock REST server.
 *
 * Built for a million rows:
 * - A {@link ListSource} is read by position, and may read single fields without building the
 *   item (the demo generator computes a field from the index), so filtering never materializes
 *   a million objects; only the requested page is built.
 * - Sorting never calls a comparator. Every item gets, once per source, its position in the
 *   default order (last activity, newest first, then position) and a dense rank per sorted field;
 *   a query packs `rank * size + defaultPosition` into a Float64Array and sorts that natively.
 *   The packing makes the sort total and stable: equal keys keep the default order.
 * - The sorted positions of the last few queries are cached per source, so paging through a
 *   result (offset changes only) costs only the page.
 * Sources are immutable: a provider that changes items makes a new source.
 */
import { SEVERITY_RANK } from './model.js';
import type { AlertItem, ObservedDevice, TimelineEvent } from './model.js';
import type { AlertFilter, AlertQuery, DeviceQuery, Page, SortDirection } from './provider.js';
import type { TimeRange } from '../lib/time-range.js';

/** A list read by position. `read` is an optional fast path for one field of one item. */
export interface ListSource<T> {
  readonly size: number;
  get(index: number): T;
  read?(index: number, field: string): unknown;
  /** The items are already in the default order (newest first, by position on ties): no sort needed for it. */
  readonly ordered?: boolean;
}

/** A source over an array (which must not change afterwards). */
export function listSource<T>(items: readonly T[]): ListSource<T> {
  return { size: items.length, get: (i) => items[i]! };
}

type FieldType = 'text' | 'number' | 'time' | 'rank';

interface FieldDef<T> {
  type: FieldType;
  read(item: T): unknown;
  /** For `rank` fields: value → order (higher = greater). */
  ranks?: Readonly<Record<string, number>>;
}

interface Schema<T> {
  fields: Readonly<Record<string, FieldDef<T>>>;
  /** The default order: this time field, newest first. */
  defaultField: string;
  /** Fields matched by free-text search. */
  searchFields: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Value helpers

/** Milliseconds since the epoch for an ISO string or number; NaN when missing or invalid. */
export function toMs(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.length === 0) return NaN;
  // Fast path for the canonical form every provider emits: 2026-11-20T14:05:09.123Z
  if (value.length === 24 && value.charCodeAt(23) === 90 /* Z */ && value.charCodeAt(10) === 84 /* T */) {
    const n = (a: number, b: number) => {
      let r = 0;
      for (let i = a; i < b; i++) {
        const c = value.charCodeAt(i) - 48;
        if (c < 0 || c > 9) return NaN;
        r = r * 10 + c;
      }
      return r;
    };
    const t = Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19), n(20, 23));
    if (Number.isFinite(t)) return t;
  }
  return Date.parse(value);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function textOf(value: unknown): string | undefined {
  if (value == null || value === '') return undefined;
  if (Array.isArray(value)) return value.length ? value.map((v) => textOf(v) ?? '').join(', ') : undefined;
  if (typeof value === 'object') return textOf((value as { name?: unknown }).name);
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Per-source caches

interface SourceCache {
  columns: Map<string, unknown[]>;
  times: Map<string, Float64Array>;
  denseRanks: Map<string, { ranks: Float64Array; max: number }>;
  defaultPosition?: Uint32Array;
  byPosition?: Uint32Array;
  results: Map<string, Uint32Array>;
}

const caches = new WeakMap<object, SourceCache>();
const RESULT_CACHE_SIZE = 6;

function cacheFor(source: object): SourceCache {
  let c = caches.get(source);
  if (!c) {
    c = { columns: new Map(), times: new Map(), denseRanks: new Map(), results: new Map() };
    caches.set(source, c);
  }
  return c;
}

function column<T>(source: ListSource<T>, schema: Schema<T>, field: string): unknown[] {
  const cache = cacheFor(source);
  let col = cache.columns.get(field);
  if (!col) {
    const def = schema.fields[field]!;
    col = new Array(source.size);
    if (source.read) for (let i = 0; i < source.size; i++) col[i] = source.read(i, field);
    else for (let i = 0; i < source.size; i++) col[i] = def.read(source.get(i));
    cache.columns.set(field, col);
  }
  return col;
}

function times<T>(source: ListSource<T>, schema: Schema<T>, field: string): Float64Array {
  const cache = cacheFor(source);
  let t = cache.times.get(field);
  if (!t) {
    const col = column(source, schema, field);
    t = new Float64Array(col.length);
    for (let i = 0; i < col.length; i++) t[i] = toMs(col[i]);
    cache.times.set(field, t);
  }
  return t;
}

/**
 * Each item's position when sorted by `values` (NaN last), ties broken by index ascending.
 * O(n log n) with a native numeric sort and binary searches; no comparator calls.
 */
function positionsOf(values: Float64Array, descending: boolean): Uint32Array {
  const n = values.length;
  const keyOf = (v: number) => (Number.isNaN(v) ? Infinity : descending ? -v : v);
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = keyOf(values[i]!);
  sorted.sort();
  const taken = new Uint32Array(n);
  const pos = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keyOf(values[i]!);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    pos[i] = lo + taken[lo]!++;
  }
  return pos;
}

function identity(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

function defaultOrder<T>(source: ListSource<T>, schema: Schema<T>): { position: Uint32Array; byPosition: Uint32Array } {
  const cache = cacheFor(source);
  if (!cache.defaultPosition || !cache.byPosition) {
    const position = source.ordered ? identity(source.size) : positionsOf(times(source, schema, schema.defaultField), true);
    const byPosition = new Uint32Array(position.length);
    for (let i = 0; i < position.length; i++) byPosition[position[i]!] = i;
    cache.defaultPosition = position;
    cache.byPosition = byPosition;
  }
  return { position: cache.defaultPosition, byPosition: cache.byPosition };
}

/** Dense rank of every item's value of `field` (equal values share a rank); NaN for no value. */
function denseRanks<T>(source: ListSource<T>, schema: Schema<T>, field: string): { ranks: Float64Array; max: number } {
  const cache = cacheFor(source);
  let dr = cache.denseRanks.get(field);
  if (dr) return dr;
  const def = schema.fields[field]!;
  const n = source.size;
  const ranks = new Float64Array(n);
  let max = 0;
  if (def.type === 'text') {
    const col = column(source, schema, field);
    const unique = new Map<string, number>();
    const texts = new Array<string | undefined>(n);
    for (let i = 0; i < n; i++) {
      const t = textOf(col[i]);
      texts[i] = t;
      if (t !== undefined && !unique.has(t)) unique.set(t, 0);
    }
    const order = [...unique.keys()].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    order.forEach((t, r) => unique.set(t, r));
    for (let i = 0; i < n; i++) {
      const t = texts[i];
      ranks[i] = t === undefined ? NaN : unique.get(t)!;
    }
    max = Math.max(0, order.length - 1);
  } else {
    const values = new Float64Array(n);
    if (def.type === 'time') values.set(times(source, schema, field));
    else {
      const col = column(source, schema, field);
      for (let i = 0; i < n; i++) {
        const v = col[i];
        values[i] =
          def.type === 'rank'
            ? typeof v === 'string' && def.ranks && v in def.ranks
              ? def.ranks[v]!
              : v == null || v === ''
                ? NaN
                : -1
            : typeof v === 'number'
              ? v
              : NaN;
      }
    }
    const sorted = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
    const uniq: number[] = [];
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) uniq.push(sorted[i]!);
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) {
        ranks[i] = NaN;
        continue;
      }
      let lo = 0;
      let hi = uniq.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (uniq[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      ranks[i] = lo;
    }
    max = Math.max(0, uniq.length - 1);
  }
  dr = { ranks, max };
  cache.denseRanks.set(field, dr);
  return dr;
}

// ---------------------------------------------------------------------------------------------
// The engine

interface Criteria {
  /** Field → allowed values (null = unset). */
  filters: Array<[field: string, values: ReadonlySet<string | null>]>;
  search?: string;
  /** Interval fields that must overlap the range, or a single time field that must fall in it. */
  range?: { range: TimeRange; start: string; end: string };
  /** Extra predicate on the built item (for what no column expresses). */
  extra?: (index: number) => boolean;
  sort?: { field: string; direction: SortDirection };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function valueMatches(value: unknown, allowed: ReadonlySet<string | null>): boolean {
  if (value == null || value === '') return allowed.has(null) || allowed.has('');
  if (Array.isArray(value)) return value.some((v) => valueMatches(typeof v === 'object' && v ? (v as { name?: unknown }).name : v, allowed));
  return allowed.has(String(value));
}

function matchingPositions<T>(source: ListSource<T>, schema: Schema<T>, criteria: Criteria): Uint32Array {
  const n = source.size;
  const { byPosition } = defaultOrder(source, schema);
  const checks: Array<(i: number) => boolean> = [];

  if (criteria.range) {
    const from = criteria.range.range.from.getTime();
    const to = criteria.range.range.to.getTime();
    const start = times(source, schema, criteria.range.start);
    const end = criteria.range.end === criteria.range.start ? start : times(source, schema, criteria.range.end);
    checks.push((i) => end[i]! >= from && start[i]! < to);
  }
  for (const [field, allowed] of criteria.filters) {
    const col = column(source, schema, field);
    checks.push((i) => valueMatches(col[i], allowed));
  }
  if (criteria.search) {
    const re = new RegExp(escapeRegExp(criteria.search), 'iu');
    const cols = schema.searchFields.map((f) => column(source, schema, f));
    checks.push((i) => {
      for (const col of cols) {
        const v = col[i];
        if (v == null) continue;
        if (typeof v === 'string') {
          if (re.test(v)) return true;
        } else {
          const t = textOf(v);
          if (t && re.test(t)) return true;
        }
      }
      return false;
    });
  }
  if (criteria.extra) checks.push(criteria.extra);

  // Walk in default order so that an unsorted query needs no sort at all.
  const out = new Uint32Array(n);
  let count = 0;
  outer: for (let p = 0; p < n; p++) {
    const i = byPosition[p]!;
    for (const check of checks) if (!check(i)) continue outer;
    out[count++] = p;
  }
  return out.subarray(0, count);
}

function sortPositions<T>(source: ListSource<T>, schema: Schema<T>, positions: Uint32Array, sort: Criteria['sort']): Uint32Array {
  if (!sort) return positions;
  if (sort.field === schema.defaultField && sort.direction === 'desc') return positions;
  const n = source.size;
  const { byPosition } = defaultOrder(source, schema);
  const { ranks, max } = denseRanks(source, schema, sort.field);
  const keys = new Float64Array(positions.length);
  const missing = max + 1; // unset values sort last in both directions
  for (let j = 0; j < positions.length; j++) {
    const p = positions[j]!;
    const r = ranks[byPosition[p]!]!;
    const k = Number.isNaN(r) ? missing : sort.direction === 'asc' ? r : max - r;
    keys[j] = k * n + p;
  }
  keys.sort();
  const out = new Uint32Array(positions.length);
  for (let j = 0; j < keys.length; j++) out[j] = keys[j]! % n;
  return out;
}

function runQuery<T>(
  source: ListSource<T>,
  schema: Schema<T>,
  criteria: Criteria,
  cacheKey: string | undefined,
  offset: number,
  limit: number,
): Page<T> {
  const cache = cacheFor(source);
  let result = cacheKey === undefined ? undefined : cache.results.get(cacheKey);
  if (!result) {
    result = sortPositions(source, schema, matchingPositions(source, schema, criteria), criteria.sort);
    if (cacheKey !== undefined) {
      cache.results.set(cacheKey, result);
      if (cache.results.size > RESULT_CACHE_SIZE) cache.results.delete(cache.results.keys().next().value!);
    }
  } else {
    // refresh LRU position
    cache.results.delete(cacheKey!);
    cache.results.set(cacheKey!, result);
  }
  const { byPosition } = defaultOrder(source, schema);
  const start = Math.max(0, Math.min(Math.floor(offset) || 0, result.length));
  const end = Math.max(start, Math.min(start + Math.max(0, Math.floor(limit) || 0), result.length));
  const items: T[] = new Array(end - start);
  for (let j = start; j < end; j++) items[j - start] = source.get(byPosition[result[j]!]!);
  return { items, total: result.length };
}

function rangeKey(range: TimeRange | undefined): string {
  return range ? `${range.from.getTime()}-${range.to.getTime()}` : '';
}

function filterEntries(filter: AlertFilter | undefined, allowedFields: Readonly<Record<string, unknown>>): Criteria['filters'] {
  const out: Criteria['filters'] = [];
  if (!filter) return out;
  for (const field of Object.keys(filter).sort()) {
    const values = filter[field as keyof AlertFilter];
    if (!values || values.length === 0 || !(field in allowedFields)) continue;
    out.push([field, new Set(values)]);
  }
  return out;
}

function criteriaKey(c: Criteria): string {
  return JSON.stringify([
    c.range ? rangeKey(c.range.range) : '',
    c.filters.map(([f, v]) => [f, [...v].sort()]),
    c.search ?? '',
    c.sort ?? '',
  ]);
}

// ---------------------------------------------------------------------------------------------
// Alerts

const ALERT_SCHEMA: Schema<AlertItem> = {
  defaultField: 'lastActivity',
  searchFields: ['title', 'description', 'id', 'impactedAssets'],
  fields: {
    id: { type: 'text', read: (a) => a.id },
    kind: { type: 'text', read: (a) => a.kind },
    incidentId: { type: 'text', read: (a) => a.incidentId },
    title: { type: 'text', read: (a) => a.title },
    description: { type: 'text', read: (a) => a.description },
    severity: { type: 'rank', read: (a) => a.severity, ranks: SEVERITY_RANK },
    status: { type: 'rank', read: (a) => a.status, ranks: { new: 3, inProgress: 2, resolved: 1, unknown: 0 } },
    classification: {
      type: 'rank',
      read: (a) => a.classification,
      ranks: { truePositive: 3, informationalExpectedActivity: 2, falsePositive: 1 },
    },
    determination: { type: 'text', read: (a) => a.determination },
    investigationState: { type: 'text', read: (a) => a.investigationState },
    category: { type: 'text', read: (a) => a.category },
    assignedTo: { type: 'text', read: (a) => a.assignedTo },
    impactedAssets: { type: 'text', read: (a) => a.impactedAssets },
    firstActivity: { type: 'time', read: (a) => a.firstActivity },
    lastActivity: { type: 'time', read: (a) => a.lastActivity },
    detectionSource: { type: 'text', read: (a) => a.detectionSource },
    serviceSource: { type: 'text', read: (a) => a.serviceSource },
  },
};

/** Alert fields a {@link ListSource} `read` fast path may be asked for. */
export const ALERT_SOURCE_FIELDS = Object.keys(ALERT_SCHEMA.fields);

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

const DEVICE_SCHEMA: Schema<ObservedDevice> = {
  defaultField: 'lastSeen',
  searchFields: ['name', 'osPlatform', 'process', 'commandLine', 'sha256', 'account', 'file', 'remoteUrl'],
  fields: {
    name: { type: 'text', read: (d) => d.name },
    osPlatform: { type: 'text', read: (d) => d.osPlatform },
    firstSeen: { type: 'time', read: (d) => d.firstSeen },
    lastSeen: { type: 'time', read: (d) => d.lastSeen },
    connectionCount: { type: 'number', read: (d) => d.connectionCount },
    actionType: { type: 'text', read: (d) => d.lastEvent?.actionType },
    direction: { type: 'text', read: (d) => d.lastEvent?.direction },
    process: { type: 'text', read: (d) => d.lastEvent?.initiatingProcess?.fileName },
    commandLine: { type: 'text', read: (d) => d.lastEvent?.initiatingProcess?.commandLine },
    sha256: { type: 'text', read: (d) => d.lastEvent?.initiatingProcess?.sha256 ?? d.lastEvent?.file?.sha256 },
    account: {
      type: 'text',
      read: (d) => {
        const p = d.lastEvent?.initiatingProcess;
        return p?.accountName ? (p.accountDomain ? `${p.accountDomain}\\${p.accountName}` : p.accountName) : undefined;
      },
    },
    file: { type: 'text', read: (d) => d.lastEvent?.file?.name },
    remoteUrl: { type: 'text', read: (d) => d.lastEvent?.remoteUrl },
  },
};

const DATE_TERM = /^\d{4}-\d{2}-\d{2}$/;

/** Filter, sort and page observed devices. */
export function queryDevices(source: ListSource<ObservedDevice> | readonly ObservedDevice[], query: DeviceQuery): Page<ObservedDevice> {
  const src = Array.isArray(source) ? listSource(source as readonly ObservedDevice[]) : (source as ListSource<ObservedDevice>);
  const filters: Criteria['filters'] = [];
  if (query.actionType?.length) filters.push(['actionType', new Set(query.actionType)]);
  if (query.direction?.length) filters.push(['direction', new Set(query.direction)]);
  let search = query.search?.trim() || undefined;
  let extra: Criteria['extra'];
  if (search && DATE_TERM.test(search) && Number.isFinite(Date.parse(`${search}T00:00:00Z`))) {
    // A date: devices seen that day (their first..last seen interval covers some of it).
    const dayStart = Date.parse(`${search}T00:00:00Z`);
    const dayEnd = dayStart + 86_400_000;
    const first = times(src, DEVICE_SCHEMA, 'firstSeen');
    const last = times(src, DEVICE_SCHEMA, 'lastSeen');
    extra = (i) => last[i]! >= dayStart && first[i]! < dayEnd;
    search = undefined;
  }
  const sort = query.sort && query.sort.field in DEVICE_SCHEMA.fields ? query.sort : undefined;
  const criteria: Criteria = {
    filters,
    search,
    extra,
    range: query.range ? { range: query.range, start: 'firstSeen', end: 'lastSeen' } : undefined,
    sort: sort ? { field: sort.field, direction: sort.direction === 'asc' ? 'asc' : 'desc' } : undefined,
  };
  const key = extra ? `${criteriaKey(criteria)}|day:${query.search?.trim()}` : criteriaKey(criteria);
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
