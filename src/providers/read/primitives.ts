/**
 * The building blocks of the answer readers: each takes an untrusted value and a path, and
 * returns a value of the model's type or throws a `bad-response` {@link IpDataError} whose
 * `field` is the path (`loggedHosts[3].name`) and whose message says what was expected.
 *
 * Only own properties are read (an answer's prototype, `constructor` or `__proto__` never count
 * as data), sizes are bounded (see {@link LIMITS}) and dates must say their time zone.
 */
import { IpDataError } from '../../data/errors.js';

export type Json = Record<string, unknown>;

/**
 * The largest answers the page accepts. Text past its limit is cut, with a visible
 * "[N more characters]" note; a list past its limit is refused as `bad-response` (a list cut
 * silently would show wrong counts), except page items past the requested `limit`, which are
 * ignored.
 */
export const LIMITS = {
  /** Names, titles, labels. */
  text: 4_096,
  /** Descriptions, command lines, queries, comments. */
  longText: 32_768,
  /** Ids are used exactly (links, updates): longer ones are refused, never cut. */
  id: 1_024,
  /** Lists inside an item (impacted assets, comments, evidence, techniques, reverse DNS names). */
  itemList: 1_000,
  /** Log sources and logged hosts. */
  sources: 1_000,
  /** Items of one page of a list. */
  pageItems: 10_000,
  /** Events of the timeline or of one device, alert marks, insight rows. */
  events: 100_000,
  /** Prevalence buckets (the chart is benchmarked at a million points). */
  buckets: 1_000_000,
  /** Insights, columns of an insight. */
  insights: 200,
  /** Device groups. */
  groups: 10_000,
  /** Keys of an item's `extensions`, and values in one of its lists. */
  extensions: 64,
} as const;

function describe(got: unknown): string {
  if (got === null) return 'null';
  if (got === undefined) return 'missing';
  if (Array.isArray(got)) return `a list of ${got.length}`;
  if (typeof got === 'string') return got.length > 40 ? 'text' : `“${got}”`;
  if (typeof got === 'number') return Number.isNaN(got) ? 'NaN' : String(got);
  return typeof got === 'object' ? 'an object' : typeof got;
}

/** Throw the `bad-response` error for `path`. */
export function bad(path: string, expected: string, got: unknown): never {
  const where = path || 'the answer';
  throw new IpDataError('bad-response', `${where}: expected ${expected}, got ${describe(got)}`, { field: path || undefined });
}

export const at = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** An own property, or undefined (inherited ones, such as `constructor`, are not data). */
export function get(o: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

export function object(value: unknown, path: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) bad(path, 'an object', value);
  return value as Json;
}

export function array(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) bad(path, 'a list', value);
  const list = value as unknown[];
  if (list.length > max) bad(path, `at most ${max.toLocaleString('en-US')} items`, list);
  return list;
}

/** Text cut to `max` characters, with a note saying how much was cut. */
export function clip(value: string, max: number = LIMITS.text): string {
  return value.length > max ? `${value.slice(0, max)}… [${(value.length - max).toLocaleString('en-US')} more characters]` : value;
}

export function str(o: Json, key: string, path: string, max: number = LIMITS.text): string {
  const v = get(o, key);
  if (typeof v !== 'string') bad(at(path, key), 'text', v);
  return clip(v as string, max);
}

export function optStr(o: Json, key: string, path: string, max: number = LIMITS.text): string | undefined {
  const v = get(o, key);
  if (v == null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') bad(at(path, key), 'text', v);
  return clip(v as string, max);
}

export function nullableStr(o: Json, key: string, path: string): string | null | undefined {
  if (get(o, key) === null) return null;
  return optStr(o, key, path);
}

/** An id may be a number in some APIs (MDE `incidentId` is a long); ids are never cut. */
export function id(o: Json, key: string, path: string): string {
  const v = get(o, key);
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v !== 'string' || v === '' || (v as string).includes('\u0000')) bad(at(path, key), 'an id', v);
  if ((v as string).length > LIMITS.id) bad(at(path, key), `an id of at most ${LIMITS.id.toLocaleString('en-US')} characters`, v);
  return v as string;
}

export function optId(o: Json, key: string, path: string): string | undefined {
  const v = get(o, key);
  return v == null || v === '' ? undefined : id(o, key, path);
}

/** A finite number; numeric text (`"42"`) is read as the number, as some APIs send it. */
export function num(o: Json, key: string, path: string): number {
  const v = get(o, key);
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) bad(at(path, key), 'a number', v);
  return n as number;
}

export function optNum(o: Json, key: string, path: string): number | undefined {
  const v = get(o, key);
  return v == null || v === '' ? undefined : num(o, key, path);
}

/** A number within [min, max]. */
export function optNumIn(o: Json, key: string, path: string, min: number, max: number, what: string): number | undefined {
  const n = optNum(o, key, path);
  if (n !== undefined && (n < min || n > max)) bad(at(path, key), what, get(o, key));
  return n;
}

/** A whole number of zero or more (counts, totals). */
export function count(o: Json, key: string, path: string): number {
  const n = num(o, key, path);
  if (n < 0 || !Number.isSafeInteger(n)) bad(at(path, key), 'a whole number of zero or more', get(o, key));
  return n;
}

export function optCount(o: Json, key: string, path: string): number | undefined {
  const v = get(o, key);
  return v == null || v === '' ? undefined : count(o, key, path);
}

/** A TCP/UDP port, 0–65535. */
export function optPort(o: Json, key: string, path: string): number | undefined {
  const n = optNum(o, key, path);
  if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 65_535)) bad(at(path, key), 'a port from 0 to 65535', get(o, key));
  return n;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** ISO 8601 date and time with a zone: `Z` or an offset. Fractions of any length (MDE sends 7 digits). */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
/** The JavaScript date range, in milliseconds either side of 1970. */
const MAX_MS = 8.64e15;
/** Numbers below this are epoch seconds, at or above it epoch milliseconds (1e11 s is the year 5138; 1e11 ms is 1973). */
export const EPOCH_SECONDS_BELOW = 1e11;

/**
 * A date and time as canonical ISO UTC (`2026-11-20T14:05:09.000Z`), or `undefined` when the
 * value is not one. Text must be ISO 8601 with `Z` or an offset: a time without a zone means a
 * different instant on every machine. Numbers are epoch seconds below {@link EPOCH_SECONDS_BELOW}
 * and epoch milliseconds from it.
 */
export function toIsoTime(value: unknown): string | undefined {
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    ms = Math.abs(value) < EPOCH_SECONDS_BELOW ? value * 1000 : value;
  } else if (typeof value === 'string') {
    // Most answers already hold canonical ISO UTC (`2026-11-20T14:05:09.000Z`): one parse and a
    // comparison keep it, without the regular expression and the rebuilt text (a list reads
    // thousands). Feb 30 and the like come back different from toISOString and go the long way.
    if (value.length === 24 && value.charCodeAt(23) === 90 && value.charCodeAt(10) === 84) {
      const fast = Date.parse(value);
      if (Number.isFinite(fast) && new Date(fast).toISOString() === value) return value;
    }
    const m = ISO_DATE_TIME.exec(value.trim());
    if (!m) return undefined;
    const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(Number(y), month, 0)).getUTCDate()) return undefined;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
    const z = zone!.toUpperCase() === 'Z' ? 'Z' : zone!.length === 3 ? `${zone}:00` : zone!.includes(':') ? zone : `${zone!.slice(0, 3)}:${zone!.slice(3)}`;
    ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${frac.padEnd(3, '0').slice(0, 3)}${z}`);
    if (!Number.isFinite(ms)) return undefined;
  } else return undefined;
  if (Math.abs(ms) > MAX_MS) return undefined;
  const iso = new Date(ms).toISOString();
  // The text that came, when it is already canonical: a list of 100,000 rows keeps one copy of each time, not two.
  return iso === value ? value : iso;
}

export function time(o: Json, key: string, path: string): string {
  const v = get(o, key);
  const t = toIsoTime(v);
  if (t === undefined) bad(at(path, key), 'a date and time with a time zone (ISO 8601, e.g. 2026-11-20T14:05:09Z)', v);
  return t as string;
}

export function optTime(o: Json, key: string, path: string): string | undefined {
  const v = get(o, key);
  return v == null || v === '' ? undefined : time(o, key, path);
}

// ---------------------------------------------------------------------------------------------
// Lists

export function strings(o: Json, key: string, path: string, max: number = LIMITS.itemList): string[] {
  const v = get(o, key);
  if (v == null) return [];
  return array(v, at(path, key), max).map((item, i) => {
    if (typeof item !== 'string') bad(at(at(path, key), i), 'text', item);
    return clip(item as string);
  });
}

export function list<T>(o: Json, key: string, path: string, read: (v: unknown, p: string) => T, max: number, optional = false): T[] {
  const v = get(o, key);
  if (optional && v == null) return [];
  return array(v, at(path, key), max).map((item, i) => read(item, at(at(path, key), i)));
}

/** A list answer (not wrapped in an object). */
export function listOf<T>(value: unknown, read: (v: unknown, p: string) => T, max: number, path = ''): T[] {
  return array(value, path, max).map((item, i) => read(item, at(path, i)));
}
