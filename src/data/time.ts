/**
 * Time values of provider data, kept apart from the query engine so that code needing only this
 * (the chart, derived summaries) does not pull the engine into the first paint.
 */

/** Milliseconds since the epoch for an ISO string or number; NaN when missing or invalid. */
export function toMs(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.length === 0) return NaN;
  // Fast path for the canonical form every provider emits, 2026-11-20T14:05:09.123Z: plain
  // arithmetic (days-from-civil), no Date object, no closure. Sorting a million dates parses a lot.
  if (value.length === 24 && value.charCodeAt(23) === 90 && value.charCodeAt(10) === 84) {
    const d = (i: number) => value.charCodeAt(i) - 48;
    const y0 = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
    const m = d(5) * 10 + d(6);
    const day = d(8) * 10 + d(9);
    const ms = ((d(11) * 10 + d(12)) * 60 + d(14) * 10 + d(15)) * 60_000 + (d(17) * 10 + d(18)) * 1000 + d(20) * 100 + d(21) * 10 + d(22);
    if (m >= 1 && m <= 12 && day >= 1 && day <= 31 && ms >= 0 && ms < 86_400_000 && Number.isInteger(ms)) {
      const y = m <= 2 ? y0 - 1 : y0;
      const era = Math.floor(y / 400);
      const yoe = y - era * 400;
      const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
      const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
      return (era * 146_097 + doe - 719_468) * 86_400_000 + ms;
    }
  }
  return Date.parse(value);
}
