/**
 * Turn a URL that came from data (a provider, a threat-intelligence feed, a user) into something
 * safe to put in `href`, or nothing.
 *
 * Lit escapes text but does not check URLs: `href=${url}` with `javascript:alert(1)` runs script.
 * Only two kinds of URL become links:
 * - absolute `http:` / `https:` URLs;
 * - relative references that stay on the page's own origin (`/devices/42`, `details?id=1`).
 * Everything else — `javascript:`, `data:`, `vbscript:`, `file:`, scheme-relative `//host`,
 * credentials in the URL, control characters — stays text.
 */

import { hasHiddenCharacters } from './text.js';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);
// The WHATWG URL parser silently drops tab/CR/LF and trims C0 controls and spaces, which is how
// `java\tscript:` becomes `javascript:`. Refuse such input outright instead of relying on that.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;
const HAS_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
// HTML character references (`&#106;`, `&colon;`) have no business in a URL value: a URL that
// carries them was escaped for HTML somewhere, or is an attempt to hide a scheme.
const CHARACTER_REFERENCE = /&(#x?[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** The page's URL: read only for a relative reference (reading `location.href` serializes it, and most values are not links). */
function defaultBase(): string | undefined {
  return typeof location !== 'undefined' ? location.href : undefined;
}

/**
 * The normalized URL if it may be used as a link, else `undefined`.
 *
 * @param url - the untrusted value (anything; non-strings are refused)
 * @param base - the page URL relative references resolve against (default: `location.href`;
 *   `null`: no base, so relative references are refused)
 */
export function safeHref(url: unknown, base?: string | null): string | undefined {
  if (typeof url !== 'string') return undefined;
  if (url.length === 0 || url.length > 4096 || CONTROL_OR_SPACE.test(url) || CHARACTER_REFERENCE.test(url)) return undefined;
  // Invisible characters have no place in a link: `h\u2066ttps://…` would pass as a relative path.
  if (hasHiddenCharacters(url)) return undefined;
  if (url.startsWith('//') || url.startsWith('\\') || url.includes('\\')) return undefined;

  if (HAS_SCHEME.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return undefined;
    if (parsed.username || parsed.password) return undefined;
    if (!parsed.hostname) return undefined;
    return parsed.href;
  }

  // A relative reference: allowed only if it resolves to the page's own origin.
  if (base === undefined) base = defaultBase();
  if (!base) return undefined;
  let baseUrl: URL;
  let resolved: URL;
  try {
    baseUrl = new URL(base);
    resolved = new URL(url, baseUrl);
  } catch {
    return undefined;
  }
  if (!ALLOWED_PROTOCOLS.has(resolved.protocol) || resolved.origin !== baseUrl.origin) return undefined;
  return resolved.href;
}

/** True when {@link safeHref} would turn `url` into a link. */
export function isSafeHref(url: unknown, base?: string | null): boolean {
  return safeHref(url, base) !== undefined;
}

/**
 * A value from data as one URL path segment, or `undefined` when it cannot be one. Encoding keeps
 * `/`, `?` and `#` in their place, but `.` and `..` stay as they are, and a URL parser reads them
 * (and their encoded forms `%2e`, `.%2E` …) as "this folder" and "one folder up": a device id of
 * `..` in `…/devices/{id}/timeline` would open `…/timeline` one level up. Ids come from telemetry
 * an attacker's endpoint can write, so such values make no link at all.
 */
export function pathSegment(value: string): string | undefined {
  const encoded = encodeURIComponent(value);
  return /^(?:\.|%2e){1,2}$/i.test(encoded) ? undefined : encoded;
}
