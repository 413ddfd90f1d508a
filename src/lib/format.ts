/**
 * Dates, relative times and numbers in the host's locale, through `Intl`.
 * Formatters are cached per locale because constructing them costs far more than using them,
 * and a grid formats thousands of cells.
 */

type Locale = string | undefined;

type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.PluralRules;
const cache = new Map<string, Formatter>();

function cached<T extends Formatter>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** Tags already canonicalized: every element asks on each update, with the same few tags. */
const canonical = new Map<string, Locale>();

/** A locale the runtime supports, or undefined (the runtime default) for bad or empty input. */
export function normalizeLocale(locale: string | null | undefined): Locale {
  if (!locale) return undefined;
  if (canonical.has(locale)) return canonical.get(locale);
  let tag: Locale;
  try {
    tag = Intl.getCanonicalLocales(locale)[0];
  } catch {
    tag = undefined;
  }
  // A page sets a handful of `lang` values; a host that cycles through unbounded ones stays bounded.
  if (canonical.size > 100) canonical.clear();
  canonical.set(locale, tag);
  return tag;
}

/** The locale of an element: the nearest `lang` attribute, crossing shadow roots, then the document's. */
export function localeOf(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return normalizeLocale(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return normalizeLocale(document.documentElement.lang) ?? normalizeLocale(navigator.language);
}

function toTime(value: string | number | Date | null | undefined): number | undefined {
  if (value == null || value === '') return undefined;
  const t = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}

/** "Nov 20, 2026, 14:05" style date and time; '' for missing or invalid input. */
export function formatDateTime(value: string | number | Date | null | undefined, locale?: Locale): string {
  const t = toTime(value);
  if (t === undefined) return '';
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(t);
}

/**
 * "Nov 20, 2026" style date; '' for missing or invalid input. `timeZone: 'UTC'` names the UTC day
 * (a day bucket of the chart is a UTC day: in St. John's its start is the evening before).
 */
export function formatDate(value: string | number | Date | null | undefined, locale?: Locale, timeZone?: 'UTC'): string {
  const t = toTime(value);
  if (t === undefined) return '';
  return dateFormat(locale, { dateStyle: 'medium', timeZone }).format(t);
}

/** Full ISO-like timestamp for tooltips and exports: "2026-11-20T14:05:09Z" is unambiguous. */
export function formatIso(value: string | number | Date | null | undefined): string {
  const t = toTime(value);
  return t === undefined ? '' : new Date(t).toISOString().replace('.000Z', 'Z');
}

const RELATIVE_STEPS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** "3 hours ago", "in 2 days", "now"; '' for missing or invalid input. */
export function formatRelative(
  value: string | number | Date | null | undefined,
  now: number | Date = Date.now(),
  locale?: Locale,
): string {
  const t = toTime(value);
  if (t === undefined) return '';
  const diff = t - (now instanceof Date ? now.getTime() : now);
  const rtf = cached(`rt|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, ms] of RELATIVE_STEPS) {
    if (Math.abs(diff) >= ms || unit === 'second') return rtf.format(Math.round(diff / ms), unit);
  }
  return '';
}

/** Grouped integer or decimal ("1,234,567"); '' for non-finite input. */
/** Whether `n` takes the singular in the locale (`Intl.PluralRules`): pick between a message's forms. */
export function isOne(n: number, locale?: Locale): boolean {
  return cached(`p|${locale}`, () => new Intl.PluralRules(locale)).select(n) === 'one';
}

/**
 * A date formatter for the locale and options, made once (a list of thousands of events formats
 * each with the same one; making one per value cost the Sentinel tab 30 ms a visit).
 */
export function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`df|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function formatNumber(value: number | null | undefined, locale?: Locale, maximumFractionDigits = 0): string {
  if (value == null || !Number.isFinite(value)) return '';
  return cached(`n|${locale}|${maximumFractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits })).format(value);
}

/** Short form for cards and axes ("1.2M", "45K"). */
export function formatCompact(value: number | null | undefined, locale?: Locale): string {
  if (value == null || !Number.isFinite(value)) return '';
  return cached(`c|${locale}`, () => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 })).format(value);
}

/** "42.3601° N, 71.0589° W"-free plain form: "42.3601, -71.0589" with locale digits. */
export function formatCoordinates(lat: number | null | undefined, lon: number | null | undefined, locale?: Locale): string {
  if (lat == null || lon == null || !Number.isFinite(lat) || !Number.isFinite(lon)) return '';
  return `${formatNumber(lat, locale, 4)}, ${formatNumber(lon, locale, 4)}`;
}

/** Regional-indicator flag emoji for an ISO 3166-1 alpha-2 code ("DE" → 🇩🇪); '' when not a code. */
export function flagEmoji(countryCode: string | null | undefined): string {
  if (!countryCode || !/^[A-Za-z]{2}$/.test(countryCode)) return '';
  const base = 0x1f1e6;
  const upper = countryCode.toUpperCase();
  return String.fromCodePoint(base + upper.charCodeAt(0) - 65, base + upper.charCodeAt(1) - 65);
}

/** `CommandAndControl` → `Command And Control`: the words of a PascalCase or camelCase enum value. */
export function splitWords(value: string | null | undefined): string {
  return value ? value.replace(/([a-z])([A-Z])/g, '$1 $2') : '';
}
