/**
 * Query results as rows the providers can read: Graph's `runHuntingQuery` answers
 * `{ schema, results: [{Column: value}] }` (the docs spell the schema keys both `name` and `Name`),
 * Log Analytics answers `{ tables: [{ columns, rows: [[…]] }] }`. Both become plain objects keyed
 * by the column name in lower case, so a provider reads `row['devicename']` whatever the casing.
 */
import { IpDataError } from '../../data/errors.js';
import { clipped, type Clips } from './kql.js';

export type Row = Readonly<Record<string, unknown>>;

/** The largest result a provider reads (Defender's own limit is 100,000 rows). */
export const MAX_ROWS = 100_000;

function lowerKeys(value: unknown): Row {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k.toLowerCase()] = v;
  return out;
}

function refuse(source: string, what: string): never {
  throw new IpDataError('bad-response', `${source} sent a query result this page cannot read: ${what}.`, { reason: { id: 'unreadable', service: source, detail: what } });
}

/** Rows of a Graph `runHuntingQuery` answer. */
export function huntingRows(answer: unknown): Row[] {
  const o = lowerKeys(answer);
  const results = o['results'];
  if (!Array.isArray(results)) refuse('Microsoft Graph', '“results” should be a list');
  if (results.length > MAX_ROWS) refuse('Microsoft Graph', `more than ${MAX_ROWS} rows`);
  return results.map(lowerKeys);
}

/** Rows of the first table of a Log Analytics query answer. */
export function logAnalyticsRows(answer: unknown): Row[] {
  const o = lowerKeys(answer);
  const tables = o['tables'];
  if (!Array.isArray(tables) || !tables.length) refuse('Log Analytics', '“tables” should be a list of at least one table');
  const table = lowerKeys(tables[0]);
  const columns = table['columns'];
  const rows = table['rows'];
  if (!Array.isArray(columns) || !Array.isArray(rows)) refuse('Log Analytics', 'a table should have “columns” and “rows”');
  if (rows.length > MAX_ROWS) refuse('Log Analytics', `more than ${MAX_ROWS} rows`);
  const names = columns.map((c, i) => {
    const name = lowerKeys(c)['name'];
    return typeof name === 'string' ? name.toLowerCase() : `column${i}`;
  });
  return rows.map((r) => {
    if (!Array.isArray(r)) refuse('Log Analytics', 'each row should be a list');
    const out: Record<string, unknown> = {};
    names.forEach((n, i) => (out[n] = r[i]));
    return out;
  });
}

/** A text value, or undefined (empty text counts as absent). */
export function text(row: Row, column: string): string | undefined {
  const v = row[column.toLowerCase()];
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A text column a query cut (`kqlClipStage`), ending in "…" when it reached its cut. */
export function cutText(row: Row, column: string, clips: Clips): string | undefined {
  return clipped(text(row, column), clips[column] ?? Infinity);
}

/** A number (numbers sent as text are read), or undefined. */
export function number(row: Row, column: string): number | undefined {
  const v = row[column.toLowerCase()];
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A list value: KQL `make_set` arrives as an array, or as JSON text in some tables. */
export function list(row: Row, column: string): string[] {
  let v = row[column.toLowerCase()];
  if (typeof v === 'string' && v.trim().startsWith('[')) {
    try {
      v = JSON.parse(v);
    } catch {
      return [v as string];
    }
  }
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v ? [v] : [];
}
