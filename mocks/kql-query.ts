/**
 * What the mocks read out of a query the Microsoft providers built: its marker, the `let`
 * values of its head (`ip`, `from`, `to` …) and `in~` filter lists. A query without its marker
 * and head is not one the mocks know, and they say so.
 */
import { canonicalIp } from '../src/lib/ip.js';
import type { TimeRange } from '../src/lib/time-range.js';
import { markerOf } from '../src/providers/microsoft/kql.js';

/** `let name = "value";`, unescaped as KQL reads it. */
export function letString(query: string, name: string): string | undefined {
  const m = new RegExp(`let ${name} = "((?:[^"\\\\]|\\\\.)*)";`).exec(query);
  return m ? m[1]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c)) : undefined;
}

/** `let name = datetime(…);` as epoch milliseconds. */
export function letDate(query: string, name: string): number | undefined {
  const m = new RegExp(`let ${name} = datetime\\(([^)]+)\\);`).exec(query);
  return m ? Date.parse(m[1]!) : undefined;
}

/** The values of `where Column in~ ("a", "b")` (or `and Column in (…)` with `op` `in`), lower case. */
export function inList(query: string, column: string, op: 'in~' | 'in' = 'in~'): string[] | undefined {
  const m = new RegExp(`(?:where|and) ${column} ${op} \\(([^)]*)\\)`).exec(query);
  return m ? [...m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => x[1]!.toLowerCase()) : undefined;
}

/** The marker, canonical IP and range of a provider's query; undefined for a query the mocks do not know. */
export function queryHead(query: string): { name: string; ip: string; range: TimeRange } | undefined {
  const name = markerOf(query);
  const ip = canonicalIp(letString(query, 'ip') ?? '');
  const from = letDate(query, 'start');
  const to = letDate(query, 'end');
  if (!name || !ip || from === undefined || to === undefined) return undefined;
  return { name, ip, range: { from: new Date(from), to: new Date(to) } };
}

/** `inProgress` → `InProgress`: the PascalCase the hunting and Log Analytics tables use. */
export const pascal = (s: string | null | undefined): string => (s ? s[0]!.toUpperCase() + s.slice(1) : (s ?? ''));
