/**
 * The alerts list's filter and sort as attribute-friendly strings, so a page or a host can
 * deep-link them: `severity:high,medium;status:new;assignedTo:` and `lastActivity:desc`.
 * Values are percent-encoded; an empty value means "not set" (unassigned, no classification).
 */
import { ALERT_FILTER_FIELDS, ALERT_SORT_FIELDS, type AlertFilter, type AlertFilterField, type AlertSortField, type Sort } from './provider.js';
import { ALERT_STATUSES, CLASSIFICATIONS, DETERMINATIONS_BY_CLASSIFICATION, SEVERITIES } from './model.js';
import { parseInterval } from '../lib/iso-time.js';

/** The most values one field of a filter may list; a link with more keeps the first ones. */
export const MAX_FILTER_VALUES = 50;
/** The longest value a filter may hold. */
const MAX_FILTER_VALUE_LENGTH = 256;

/** The values a closed field may take (`null`: not set); the other fields take any text. */
const KNOWN_VALUES: Partial<Record<AlertFilterField, ReadonlySet<string | null>>> = {
  kind: new Set(['incident', 'alert']),
  severity: new Set([...SEVERITIES, 'unknown']),
  status: new Set([...ALERT_STATUSES, 'unknown']),
  classification: new Set([...CLASSIFICATIONS, null]),
  determination: new Set([...Object.values(DETERMINATIONS_BY_CLASSIFICATION).flat(), 'apt', 'securityPersonnel', null]),
  impactedAssetKind: new Set(['device', 'user', 'mailbox', 'app', 'ip', 'cloudResource']),
};
const TIME_FIELDS: ReadonlySet<AlertFilterField> = new Set(['firstActivity', 'lastActivity', 'lastUpdated']);

/** A filter value a link gave that the list does not apply, and why. */
export interface DroppedFilterValue {
  field: AlertFilterField;
  value: string | null;
  reason: 'unknown' | 'interval' | 'long' | 'many';
}

/**
 * The filter with only values the list can apply: a closed field's known values, readable time
 * intervals, counts, text up to 256 characters, at most {@link MAX_FILTER_VALUES} per field. What
 * was left out is returned, for the list to say (a link that asks for `severity:constructor`
 * filters nothing by it, and says so, rather than sending a value no backend has).
 */
export function checkFilter(filter: AlertFilter | undefined): { filter: AlertFilter; dropped: DroppedFilterValue[] } {
  const out: AlertFilter = {};
  const dropped: DroppedFilterValue[] = [];
  if (!filter) return { filter: out, dropped };
  for (const field of ALERT_FILTER_FIELDS) {
    if (!Object.prototype.hasOwnProperty.call(filter, field)) continue;
    const values = filter[field];
    if (!Array.isArray(values)) continue;
    const kept: Array<string | null> = [];
    for (const value of values as ReadonlyArray<unknown>) {
      const v = typeof value === 'string' ? value : value === null ? null : undefined;
      if (v === undefined) continue;
      const known = KNOWN_VALUES[field];
      let reason: DroppedFilterValue['reason'] | undefined;
      if (kept.length >= MAX_FILTER_VALUES) reason = 'many';
      else if (v !== null && v.length > MAX_FILTER_VALUE_LENGTH) reason = 'long';
      else if (known) reason = known.has(v) ? undefined : 'unknown';
      else if (TIME_FIELDS.has(field)) reason = v !== null && parseInterval(v) ? undefined : 'interval';
      else if (field === 'alertCount') reason = v !== null && /^\d{1,9}$/.test(v) ? undefined : 'unknown';
      if (reason) dropped.push({ field, value: v, reason });
      else if (!kept.includes(v)) kept.push(v);
    }
    if (kept.length) out[field] = kept;
  }
  return { filter: out, dropped };
}

const FIELDS = new Set<string>(ALERT_FILTER_FIELDS);
const SORTS = new Set<string>(ALERT_SORT_FIELDS);

export function serializeFilter(filter: AlertFilter | undefined): string {
  if (!filter) return '';
  return ALERT_FILTER_FIELDS.filter((f) => filter[f]?.length)
    .map((f) => `${f}:${filter[f]!.map((v) => (v == null ? '' : encodeURIComponent(v))).join(',')}`)
    .join(';');
}

/** Parse a filter string; unknown fields and malformed parts are ignored, never thrown on (values are checked by {@link checkFilter}). */
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
