/**
 * The engine behind data/query.ts: sources read by position, per-source caches of the default
 * order and of recent results, one pass of filtering that reads only the columns it needs, and
 * sorting by packed ranks (see the header of query.ts for why it is built this way).
 */
import { own } from './model.js';
import type { AlertFilter, Page, SortDirection } from './provider.js';
import type { TimeRange } from '../lib/time-range.js';
import { parseInterval } from '../lib/iso-time.js';

export { parseInterval } from '../lib/iso-time.js';
import { ascendingPositions, denseRanksOf, textRanksOf } from './query-ranks.js';

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

export type FieldType = 'text' | 'number' | 'time' | 'rank';

export interface FieldDef<T> {
  type: FieldType;
  read(item: T): unknown;
  /** For `rank` fields: value → order (higher = greater). */
  ranks?: Readonly<Record<string, number>>;
}

export interface Schema<T> {
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
// The engine

export interface Criteria {
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

/** A case-insensitive literal test of `text` in any of `fields` of item i (as `Criteria.search` does). */
export function textMatcher<T>(source: ListSource<T>, schema: Schema<T>, fields: readonly string[], text: string): (index: number) => boolean {
  const re = new RegExp(escapeRegExp(text), 'iu');
  const values = fields.map((f) => reader(source, schema, f));
  return (i) => {
    for (let f = 0; f < values.length; f++) {
      const v = values[f]!(i);
      if (v == null) continue;
      if (typeof v === 'string' ? re.test(v) : re.test(textOf(v) ?? '')) return true;
    }
    return false;
  };
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
    if (schema.fields[field]?.type === 'time') {
      // A time field filters by intervals (`2026-11-01..2026-11-15`), not by values.
      const intervals = [...allowed].map(parseInterval).filter((x): x is [number, number] => x !== undefined);
      checks.push((i) => {
        const t = toMs(value(i));
        return intervals.some(([from, to]) => t >= from && t < to);
      });
    } else checks.push((i) => valueMatches(value(i), allowed));
  }
  if (criteria.search) checks.push(textMatcher(source, schema, schema.searchFields, criteria.search));
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

export function runQuery<T>(
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
export function timeColumn<T>(source: ListSource<T>, schema: Schema<T>, field: string): Float64Array {
  const value = reader(source, schema, field);
  const out = new Float64Array(source.size);
  for (let i = 0; i < source.size; i++) out[i] = toMs(value(i));
  return out;
}

export function rangeKey(range: TimeRange | undefined): string {
  return range ? `${range.from.getTime()}-${range.to.getTime()}` : '';
}

export function filterEntries(filter: AlertFilter | undefined, allowedFields: Readonly<Record<string, unknown>>): Criteria['filters'] {
  const out: Criteria['filters'] = [];
  if (!filter) return out;
  for (const field of Object.keys(filter).sort()) {
    const values = filter[field as keyof AlertFilter];
    if (!values || values.length === 0 || !(field in allowedFields)) continue;
    out.push([field, new Set(values)]);
  }
  return out;
}

export function criteriaKey(c: Criteria): string {
  return JSON.stringify([
    c.range ? rangeKey(c.range.range) : '',
    c.filters.map(([f, v]) => [f, [...v].sort()]),
    c.search ?? '',
    c.sort ?? '',
  ]);
}

