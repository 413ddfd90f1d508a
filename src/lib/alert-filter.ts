/**
 * The alerts list's filter and sort as attribute-friendly strings, so a page or a host can
 * deep-link them: `severity:high,medium;status:new;assignedTo:` and `lastActivity:desc`.
 * Values are percent-encoded; an empty value means "not set" (unassigned, no classification).
 */
import { ALERT_FILTER_FIELDS, ALERT_SORT_FIELDS, type AlertFilter, type AlertFilterField, type AlertSortField, type Sort } from '../data/provider.js';

const FIELDS = new Set<string>(ALERT_FILTER_FIELDS);
const SORTS = new Set<string>(ALERT_SORT_FIELDS);

export function serializeFilter(filter: AlertFilter | undefined): string {
  if (!filter) return '';
  return ALERT_FILTER_FIELDS.filter((f) => filter[f]?.length)
    .map((f) => `${f}:${filter[f]!.map((v) => (v == null ? '' : encodeURIComponent(v))).join(',')}`)
    .join(';');
}

/** Parse a filter string; unknown fields and malformed parts are ignored, never thrown on. */
export function parseFilter(text: string | null | undefined): AlertFilter {
  const out: AlertFilter = {};
  if (!text) return out;
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const field = part.slice(0, colon).trim();
    if (!FIELDS.has(field)) continue;
    const values = part
      .slice(colon + 1)
      .split(',')
      .map((v) => {
        if (v === '') return null;
        try {
          return decodeURIComponent(v);
        } catch {
          return v;
        }
      });
    const unique = [...new Set(values)];
    if (unique.length) out[field as AlertFilterField] = unique;
  }
  return out;
}

export function serializeSort(sort: Sort<AlertSortField> | undefined): string {
  return sort ? `${sort.field}:${sort.direction}` : '';
}

export function parseSort(text: string | null | undefined): Sort<AlertSortField> | undefined {
  if (!text) return undefined;
  const [field, direction] = text.split(':');
  if (!field || !SORTS.has(field)) return undefined;
  return { field: field as AlertSortField, direction: direction === 'asc' ? 'asc' : 'desc' };
}

/** How many values are filtered on, over all fields. */
export function filterCount(filter: AlertFilter | undefined): number {
  return filter ? ALERT_FILTER_FIELDS.reduce((n, f) => n + (filter[f]?.length ?? 0), 0) : 0;
}

/** Equality by value (order of values ignored). */
export function sameFilter(a: AlertFilter | undefined, b: AlertFilter | undefined): boolean {
  const norm = (f: AlertFilter | undefined) =>
    serializeFilter(
      Object.fromEntries(
        Object.entries(f ?? {}).map(([k, v]) => [k, [...(v ?? [])].sort((x, y) => String(x).localeCompare(String(y)))]),
      ) as AlertFilter,
    );
  return norm(a) === norm(b);
}
