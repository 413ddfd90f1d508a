/**
 * Countries and regions by name in the page's language, with their ISO 3166-1 alpha-2 code:
 * `Singapore (SG)`, `Singapur (SG)`. Data sources give a code (Defender, Graph's threat
 * intelligence), an English name (Sentinel's geodata) or both (Elastic's GeoIP); the browser's
 * `Intl.DisplayNames` knows every region's name in every language it speaks, so no table ships.
 */

/** A place as the page shows it: the name in the page's language and the code, where known. */
export interface Region {
  /** The name in the requested language (or the source's own text when the code is unknown). */
  name?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  code?: string;
}

const names = new Map<string, Intl.DisplayNames>();
const OPTIONS = { type: 'region', fallback: 'none' } as const;

function displayNames(locale: string | undefined): Intl.DisplayNames {
  const key = locale ?? '';
  let d = names.get(key);
  if (!d) {
    try {
      d = new Intl.DisplayNames(locale ? [locale, 'en'] : undefined, OPTIONS);
    } catch {
      // A tag the runtime rejects (a private-use one, say): English names.
      d = new Intl.DisplayNames(['en'], OPTIONS);
    }
    names.set(key, d);
  }
  return d;
}

const ALPHA2 = /^[A-Za-z]{2}$/;

/** The current code for an alpha-2 code (DD, East Germany's, is DE now), or undefined for none. */
function canonical(code: string): string | undefined {
  try {
    return new Intl.Locale(`und-${code}`).region;
  } catch {
    return undefined;
  }
}

/** The region's name for an alpha-2 code in `locale`, or undefined for a code no region has. */
function nameOf(code: string, locale: string | undefined): string | undefined {
  try {
    return displayNames(locale).of(code.toUpperCase());
  } catch {
    return undefined;
  }
}

let byEnglishName: Map<string, string> | undefined;

/** The code of a region by its English name ("Singapore" → SG), built once from the browser's own names. */
function codeOfEnglishName(name: string): string | undefined {
  if (!byEnglishName) {
    byEnglishName = new Map();
    const en = displayNames('en');
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        // Only current codes: "Germany" is DE, not DD.
        if (canonical(code) !== code) continue;
        const english = en.of(code);
        if (english && !byEnglishName.has(english.toLowerCase())) byEnglishName.set(english.toLowerCase(), code);
      }
    }
  }
  return byEnglishName.get(name.trim().toLowerCase());
}

/**
 * A place from what a source gave: a code, a name, or both. A two-letter value is taken as a code
 * when it is one ("SG"); an English name the browser knows gets its code ("Singapore" → SG).
 * What is neither stays as the source wrote it, with no code.
 */
export function region(value: { name?: string; code?: string }, locale: string | undefined): Region {
  const given = value.name?.trim() || undefined;
  let code = value.code?.trim() || undefined;
  if (code && !(ALPHA2.test(code) && nameOf(code, 'en'))) code = undefined;
  if (!code && given && ALPHA2.test(given) && nameOf(given, 'en')) code = given;
  if (!code && given) code = codeOfEnglishName(given);
  if (!code) return { name: given ?? value.code?.trim() ?? undefined };
  const current = canonical(code.toUpperCase()) ?? code.toUpperCase();
  return { name: nameOf(current, locale) ?? given, code: current };
}
