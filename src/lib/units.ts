/**
 * Durations and byte counts in the reader's language (`Intl.NumberFormat` units): "5 min",
 * "1.5 h", "12 s"; "3.4 MB". Apart from format.ts so the first paint does not carry them.
 */
type Locale = string | undefined;

const formats = new Map<string, Intl.NumberFormat>();
function unitFormat(locale: Locale, unit: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${unit}|${digits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits })));
  return f;
}

/** Seconds as the largest whole-ish unit: `45 sec`, `5 min`, `1.5 hr`, `2 days` (as the locale says them). */
export function formatDuration(seconds: number, locale?: Locale): string {
  if (!Number.isFinite(seconds)) return '';
  const s = Math.abs(seconds);
  if (s < 90) return unitFormat(locale, 'second', 0).format(seconds);
  if (s < 90 * 60) return unitFormat(locale, 'minute', s < 600 ? 1 : 0).format(seconds / 60);
  if (s < 36 * 3600) return unitFormat(locale, 'hour', 1).format(seconds / 3600);
  return unitFormat(locale, 'day', 1).format(seconds / 86_400);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

/** Bytes in decimal units: `512 byte`, `3.4 MB`, `1.2 GB`. */
export function formatBytes(bytes: number, locale?: Locale): string {
  if (!Number.isFinite(bytes)) return '';
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= 1000 && i < BYTE_UNITS.length - 1) {
    value /= 1000;
    i++;
  }
  return unitFormat(locale, BYTE_UNITS[i]!, i ? 1 : 0).format(value);
}
