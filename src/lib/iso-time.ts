/**
 * Instants as links, attributes and filters write them: ISO 8601 only. No imports, so the query
 * engine and the providers can read them without the page's words.
 */

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An instant written in ISO 8601 as links and attributes carry it, in milliseconds; undefined
 * for anything else (`Nov 1 2026`, `2026-02-30`, a year past 9999). A date alone is the start of
 * that UTC day, and so is a time without a zone: a shared link means the same window for every
 * analyst, whatever their zone.
 */
export function parseIsoInstant(text: string | null | undefined): number | undefined {
  const m = typeof text === 'string' ? ISO_INSTANT.exec(text.trim()) : null;
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return undefined;
  let offset = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5) || '0');
    if (hours > 23 || minutes > 59) return undefined;
    offset = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
  }
  const ms = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(sec), Number(frac.padEnd(3, '0').slice(0, 3))) - offset;
  return Number.isFinite(ms) ? ms : undefined;
}

const DAY = 86_400_000;

/**
 * An interval filter value, `from..to`, either side optional: a `YYYY-MM-DD` day (UTC; the `to`
 * day included) or an ISO 8601 time (without a zone: UTC, so a shared link filters the same
 * window for everyone). Undefined when unreadable (it then matches nothing).
 */
export function parseInterval(value: string | null): [from: number, to: number] | undefined {
  if (!value) return undefined;
  const dots = value.indexOf('..');
  if (dots < 0) return undefined;
  const bound = (text: string, end: boolean) => {
    if (!text) return end ? Infinity : -Infinity;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
    const ms = parseIsoInstant(text);
    return ms === undefined ? NaN : day && end ? ms + DAY : ms;
  };
  const from = bound(value.slice(0, dots).trim(), false);
  const to = bound(value.slice(dots + 2).trim(), true);
  return Number.isNaN(from) || Number.isNaN(to) || from >= to ? undefined : [from, to];
}
