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
import { own, SEVERITY_RANK } from './model.js';
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

import { toMs } from './time.js';

export { toMs };

function textOf(value: unknown): string | undefined {
  if (value == null || value === '') return undefined;
  if (Array.isArray(value)) return value.length ? value.map((v) => textOf(v) ?? '').join(', ') : undefined;
  if (typeof value === 'object') return textOf((value as { name?: unknown }).name);
  return String(value);
}

/** True for the canonical form providers emit, which orders correctly as a string. */
function isCanonicalIso(value: unknown): value is string {
  return typeof value === 'string' && value.length === 24 && value.charCodeAt(23) === 90 && value.charCodeAt(10) === 84;
}

// ---------------------------------------------------------------------------------------------
// Per-source cache: the ordered result of the last few queries, so paging costs only the page.

interface SourceCache {
  results: Map<string, Uint32Array>;
  /** Every item's position in the default order, and the item at each position. */
  position?: Uint32Array;
  byPosition?: Uint32Array;
}

const caches = new WeakMap<object, SourceCache>();
const RESULT_CACHE_SIZE = 6;

function cacheFor(source: object): SourceCache {
  let c = caches.get(source);
  if (!c) {
    c = { results: new Map() };
    caches.set(source, c);
  }
  return c;
}

/**
 * The default order of the whole source, computed once and kept: the first query of a list
 * (default order, most of the items) needs it anyway, and every later sort reuses it for ties.
 */
function globalOrder<T>(source: ListSource<T>, schema: Schema<T>): { position: Uint32Array; byPosition: Uint32Array } {
  const cache = cacheFor(source);
  if (!cache.position || !cache.byPosition) {
    const n = source.size;
    const last = reader(source, schema, schema.defaultField);
    const negated = new Float64Array(n);
    for (let i = 0; i < n; i++) negated[i] = -toMs(last(i));
    const position = ascendingPositions(negated);
    const byPosition = new Uint32Array(n);
    for (let i = 0; i < n; i++) byPosition[position[i]!] = i;
    cache.position = position;
    cache.byPosition = byPosition;
  }
  return { position: cache.position, byPosition: cache.byPosition };
}

/** Whether computing (or reusing) the whole source's default order beats ordering k matches alone. */
function useGlobalOrder<T>(source: ListSource<T>, k: number): boolean {
  return Boolean(cacheFor(source).position) || k * 4 >= source.size;
}

/** A reader of one field by item index: the source's fast path, or the schema's reader on the item. */
function reader<T>(source: ListSource<T>, schema: Schema<T>, field: string): (index: number) => unknown {
  if (source.read) {
    const read = source.read.bind(source);
    return (i) => read(i, field);
  }
  const def = schema.fields[field]!.read;
  const get = source.get.bind(source);
  return (i) => def(get(i));
}

// ---------------------------------------------------------------------------------------------
// Ordering a subset without comparator calls

/**
 * The position of each value in ascending order (NaN last), ties broken by index: a native
 * Float64Array sort plus one binary search per value. O(k log k).
 */
function ascendingPositions(values: Float64Array): Uint32Array {
  const k = values.length;
  const sorted = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const v = values[j]!;
    sorted[j] = Number.isNaN(v) ? Infinity : v;
  }
  sorted.sort();
  const taken = new Uint32Array(k);
  const pos = new Uint32Array(k);
  for (let j = 0; j < k; j++) {
    const v = Number.isNaN(values[j]!) ? Infinity : values[j]!;
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    pos[j] = lo + taken[lo]!++;
  }
  return pos;
}

/** Dense ranks (equal values share one) of numeric values; NaN stays NaN. */
function denseRanksOf(values: Float64Array): { ranks: Float64Array; max: number } {
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  const uniq: number[] = [];
  for (let j = 0; j < present.length; j++) if (j === 0 || present[j] !== present[j - 1]) uniq.push(present[j]!);
  const ranks = new Float64Array(values.length);
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!;
    if (Number.isNaN(v)) {
      ranks[j] = NaN;
      continue;
    }
    let lo = 0;
    let hi = uniq.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (uniq[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    ranks[j] = lo;
  }
  return { ranks, max: Math.max(0, uniq.length - 1) };
}

/**
 * Dense ranks of text, case-insensitively in code-point order (the native string sort: ten
 * times faster than an `Intl.Collator` comparator, and the same order for the ASCII text of
 * alert titles, names and enums).
 */
function textRanksOf(values: ReadonlyArray<string | undefined>): { ranks: Float64Array; max: number } {
  // Work per distinct value: titles and enums repeat a lot, and often are the same string object.
  const distinct = new Map<string, number>();
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (v !== undefined && !distinct.has(v)) distinct.set(v, 0);
  }
  const originals = [...distinct.keys()];
  const lowerOf = originals.map((v) => v.toLowerCase());
  const order = [...new Set(lowerOf)].sort(); // native string sort: no comparator calls
  const rankOfLower = new Map(order.map((v, r) => [v, r] as const));
  for (let u = 0; u < originals.length; u++) distinct.set(originals[u]!, rankOfLower.get(lowerOf[u]!)!);
  const rank = order.length - 1;
  const ranks = new Float64Array(values.length);
  for (let j = 0; j < values.length; j++) ranks[j] = values[j] === undefined ? NaN : distinct.get(values[j]!)!;
  return { ranks, max: Math.max(0, rank) };
}

// ---------------------------------------------------------------------------------------------
// The engine

interface Criteria {
  /** Field → allowed values (null = unset). */
  filters: Array<[field: string, values: ReadonlySet<string | null>]>;
  search?: string;
  /** Interval fields that must overlap the range, or a single time field that must fall in it. */
  range?: { range: TimeRange; start: string; end: string };
  /** Extra predicate by item index (for what no column expresses). */
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

/** Whether a time value (canonical ISO string, other date text or ms) is ≥ / < a bound. */
function timeAtLeast(value: unknown, ms: number, iso: string): boolean {
  return isCanonicalIso(value) ? value >= iso : toMs(value) >= ms;
}
function timeBefore(value: unknown, ms: number, iso: string): boolean {
  return isCanonicalIso(value) ? value < iso : toMs(value) < ms;
}

/** Indices (ascending) of the items that pass every criterion. One pass, fields read on demand. */
function matchingIndices<T>(source: ListSource<T>, schema: Schema<T>, criteria: Criteria): Uint32Array {
  const n = source.size;
  const checks: Array<(i: number) => boolean> = [];
  if (criteria.range) {
    const from = criteria.range.range.from.getTime();
    const to = criteria.range.range.to.getTime();
    const fromIso = new Date(from).toISOString();
    const toIso = new Date(to).toISOString();
    const start = reader(source, schema, criteria.range.start);
    const end = reader(source, schema, criteria.range.end);
    checks.push((i) => timeAtLeast(end(i), from, fromIso) && timeBefore(start(i), to, toIso));
  }
  for (const [field, allowed] of criteria.filters) {
    const value = reader(source, schema, field);
    checks.push((i) => valueMatches(value(i), allowed));
  }
  if (criteria.search) {
    const re = new RegExp(escapeRegExp(criteria.search), 'iu');
    const values = schema.searchFields.map((f) => reader(source, schema, f));
    checks.push((i) => {
      for (let f = 0; f < values.length; f++) {
        const v = values[f]!(i);
        if (v == null) continue;
        if (typeof v === 'string' ? re.test(v) : re.test(textOf(v) ?? '')) return true;
      }
      return false;
    });
  }
  if (criteria.extra) checks.push(criteria.extra);
  const out = new Uint32Array(n);
  let count = 0;
  const c = checks.length;
  outer: for (let i = 0; i < n; i++) {
    for (let k = 0; k < c; k++) if (!checks[k]!(i)) continue outer;
    out[count++] = i;
  }
  return count === n ? out : out.slice(0, count);
}

/** The matched indices (ascending) in the default order: the default time field, newest first, then index. */
function inDefaultOrder<T>(source: ListSource<T>, schema: Schema<T>, indices: Uint32Array): Uint32Array {
  if (source.ordered) return indices;
  const k = indices.length;
  if (useGlobalOrder(source, k)) {
    const { byPosition } = globalOrder(source, schema);
    const n = source.size;
    if (k === n) return byPosition.slice();
    // Walk the default order and keep the matches: O(n), no sort.
    const member = new Uint8Array(n);
    for (let j = 0; j < k; j++) member[indices[j]!] = 1;
    const out = new Uint32Array(k);
    let c = 0;
    for (let p = 0; p < n && c < k; p++) if (member[byPosition[p]!]) out[c++] = byPosition[p]!;
    return out;
  }
  const value = reader(source, schema, schema.defaultField);
  const negated = new Float64Array(k);
  for (let j = 0; j < k; j++) negated[j] = -toMs(value(indices[j]!));
  const pos = ascendingPositions(negated);
  const out = new Uint32Array(k);
  for (let j = 0; j < k; j++) out[pos[j]!] = indices[j]!;
  return out;
}

/**
 * Order the matches (ascending index) by a field; equal values keep the default order (newest
 * first, then position). The default-order work is done only inside runs of equal values, so a
 * sort on a field with mostly distinct values never reads the default field at all.
 */
function sortBy<T>(source: ListSource<T>, schema: Schema<T>, matched: Uint32Array, sort: NonNullable<Criteria['sort']>): Uint32Array {
  const def = schema.fields[sort.field]!;
  const value = reader(source, schema, sort.field);
  const k = matched.length;
  const desc = sort.direction === 'desc';
  // 1. A number per match that orders like the field (text: a dense rank), NaN when unset.
  let keys: Float64Array;
  let distinct: number;
  if (def.type === 'text') {
    const texts = new Array<string | undefined>(k);
    for (let j = 0; j < k; j++) texts[j] = textOf(value(matched[j]!));
    const { ranks, max } = textRanksOf(texts);
    keys = ranks;
    distinct = max + 1;
  } else {
    keys = new Float64Array(k);
    const seen = new Set<number>();
    for (let j = 0; j < k; j++) {
      const v = value(matched[j]!);
      const key =
        def.type === 'rank'
          ? typeof v === 'string' && def.ranks && own(def.ranks, v) !== undefined
            ? own(def.ranks, v)!
            : v == null || v === ''
              ? NaN
              : -1
          : def.type === 'time'
            ? toMs(v)
            : typeof v === 'number'
              ? v
              : NaN;
      keys[j] = key;
      if (def.type === 'rank') seen.add(key);
    }
    distinct = def.type === 'rank' ? seen.size : k;
  }
  if (desc) for (let j = 0; j < k; j++) keys[j] = -keys[j]!; // NaN stays NaN: unset sorts last either way
  const out = new Uint32Array(k);
  const manyTies = distinct < k / 2;

  // 2a. Many equal values (severity, status, titles from a few templates): pack (dense rank,
  // default position) into one number and sort natively, so ties come out in the default order.
  if (manyTies && !source.ordered) {
    const ranked = denseRanksOf(keys);
    const missing = ranked.max + 1;
    const global = useGlobalOrder(source, k);
    const n = global ? source.size : k;
    let position: Uint32Array;
    let byPosition: Uint32Array | undefined;
    if (global) ({ position, byPosition } = globalOrder(source, schema));
    else {
      const last = reader(source, schema, schema.defaultField);
      const negated = new Float64Array(k);
      for (let j = 0; j < k; j++) negated[j] = -toMs(last(matched[j]!));
      position = ascendingPositions(negated);
    }
    const packed = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const r = ranked.ranks[j]!;
      packed[j] = (Number.isNaN(r) ? missing : r) * n + (global ? position[matched[j]!]! : position[j]!);
    }
    packed.sort();
    if (global) for (let j = 0; j < k; j++) out[j] = byPosition![packed[j]! % n]!;
    else {
      const atPos = new Uint32Array(k);
      for (let j = 0; j < k; j++) atPos[position[j]!] = j;
      for (let j = 0; j < k; j++) out[j] = matched[atPos[packed[j]! % n]!]!;
    }
    return out;
  }

  // 2b. Mostly distinct values (times, counts, ids): one native sort of the keys, ties by index;
  // then put the rare runs of equal values in the default order.
  const pos = ascendingPositions(keys);
  const sortedKeys = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    out[pos[j]!] = matched[j]!;
    sortedKeys[pos[j]!] = keys[j]!;
  }
  if (source.ordered) return out; // index order is the default order already
  const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
  let last: ((i: number) => unknown) | undefined;
  for (let a = 0; a < k; ) {
    let b = a + 1;
    while (b < k && same(sortedKeys[b]!, sortedKeys[a]!)) b++;
    if (b - a > 1) {
      last ??= reader(source, schema, schema.defaultField);
      const members = out.slice(a, b);
      const negated = new Float64Array(b - a);
      for (let j = 0; j < negated.length; j++) negated[j] = -toMs(last(members[j]!));
      const runPos = ascendingPositions(negated);
      for (let j = 0; j < negated.length; j++) out[a + runPos[j]!] = members[j]!;
    }
    a = b;
  }
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
  const cache = cacheFor(source).results;
  let result = cacheKey === undefined ? undefined : cache.get(cacheKey);
  if (result) {
    cache.delete(cacheKey!); // refresh its LRU position
  } else {
    const matched = matchingIndices(source, schema, criteria);
    const sort = criteria.sort;
    result = !sort || (sort.field === schema.defaultField && sort.direction === 'desc') ? inDefaultOrder(source, schema, matched) : sortBy(source, schema, matched, sort);
  }
  if (cacheKey !== undefined) {
    cache.set(cacheKey, result);
    if (cache.size > RESULT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  const start = Math.max(0, Math.min(Math.floor(offset) || 0, result.length));
  const end = Math.max(start, Math.min(start + Math.max(0, Math.floor(limit) || 0), result.length));
  const items: T[] = new Array(end - start);
  for (let j = start; j < end; j++) items[j - start] = source.get(result[j]!);
  return { items, total: result.length };
}

/** Milliseconds of one time field of every item (for predicates over small lists). */
function timeColumn<T>(source: ListSource<T>, schema: Schema<T>, field: string): Float64Array {
  const value = reader(source, schema, field);
  const out = new Float64Array(source.size);
  for (let i = 0; i < source.size; i++) out[i] = toMs(value(i));
  return out;
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
    const first = timeColumn(src, DEVICE_SCHEMA, 'firstSeen');
    const last = timeColumn(src, DEVICE_SCHEMA, 'lastSeen');
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
