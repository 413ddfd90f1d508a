/**
 * Keeping what a host gave when reading it changed nothing. A provider over data its host holds
 * (the static provider) would otherwise keep a second copy of every row it read: 100,000 alerts
 * cost 59 MB more than the host's own (bench/heap.mjs). Like a grid's `items`, the rows are then
 * the host's objects; the library never changes them (a management change makes a new row).
 */

/**
 * `raw` when `read` (what a reader made of it) holds the same values: the same keys (a key whose
 * value is `undefined` counts as absent), equal texts, numbers and flags, and the same shape all
 * the way down, in plain objects and arrays only. Otherwise `read`: anything a reader normalized,
 * clipped, dropped or noted as partial keeps the reader's copy.
 */
export function unchangedOr<T>(read: T, raw: unknown): T {
  return same(read, raw) ? (raw as T) : read;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  // A reader's null-prototype object (a source's own values) stays the reader's.
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key of Object.keys(x)) {
    if (x[key] === undefined) continue;
    keys++;
    if (!Object.hasOwn(y, key) || !same(x[key], y[key])) return false;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) keys--;
  return keys === 0;
}
