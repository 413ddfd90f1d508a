/**
 * Containing a bad value at the smallest unit: a value of a row is left out (and the row says
 * which), a row keeps its place as unreadable (with why and what was sent), so one odd row never
 * hides the rows around it. Used by the list readers, which load with the tabs that show lists.
 */
import { IpDataError } from '../../data/errors.js';
import type { UnreadableRow } from '../../data/model.js';
import { at, bad, clip, get, type Json } from './primitives.js';

/** The most of a row's raw JSON an unreadable row keeps (for Copy). */
export const RAW_TEXT_LIMIT = 20_000;
/** The most items of a list inside a row's raw JSON (the rest is `…`). */
const RAW_LIST_LIMIT = 100;

/** A value as JSON text for people to copy, cut past {@link RAW_TEXT_LIMIT} with a note. */
export function rawText(value: unknown): string {
  let text: string;
  try {
    // Long lists are cut while serializing: a row holding a list of thousands (or many rows
    // sharing one) would otherwise be written whole, each time, before the cut below.
    text = JSON.stringify(value, (_key, v: unknown) => (Array.isArray(v) && v.length > RAW_LIST_LIMIT ? [...v.slice(0, RAW_LIST_LIMIT), '…'] : v)) ?? String(value);
  } catch {
    text = String(value);
  }
  return clip(text, RAW_TEXT_LIMIT);
}

/** Whether `error` is what a reader throws for a value it cannot read. */
export function isUnreadable(error: unknown): error is IpDataError {
  return error instanceof IpDataError && error.kind === 'bad-response';
}

/** A reader's message with the row's own path taken off: `impactedAssets[1].id: expected …`. */
export function relativeMessage(error: IpDataError, rowPath: string): string {
  const message = error.message;
  if (!rowPath) return message;
  if (message.startsWith(`${rowPath}.`)) return message.slice(rowPath.length + 1);
  if (message.startsWith(rowPath)) return message.slice(rowPath.length).replace(/^: /, '');
  return message;
}

/**
 * The values of one row that could not be read, each `field: why`. A reader of an optional value
 * runs through {@link Problems.soft}: when it fails, the value is left out and the row says so,
 * instead of the whole list failing.
 */
export class Problems {
  readonly list: string[] = [];
  constructor(readonly rowPath: string) {}

  /** `read()`, or undefined (and the problem noted) when it fails as unreadable. */
  soft<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      this.list.push(relativeMessage(error, this.rowPath));
      return undefined;
    }
  }

  /**
   * A list in the row, each item read on its own: an item that cannot be read is left out (and
   * noted), as are items past `max`; a value that is not a list at all is noted and read as empty.
   */
  items<T>(o: Json, key: string, path: string, read: (v: unknown, p: string) => T, max: number): T[] {
    const v = get(o, key);
    if (v == null) return [];
    const where = at(path, key);
    if (!Array.isArray(v)) {
      this.soft(() => bad(where, 'a list', v));
      return [];
    }
    const out: T[] = [];
    v.slice(0, max).forEach((item, i) => {
      const read1 = this.soft(() => read(item, at(where, i)));
      if (read1 !== undefined) out.push(read1);
    });
    if (v.length > max) this.list.push(`${relativePath(where, this.rowPath)}: ${v.length.toLocaleString('en-US')} items; the first ${max.toLocaleString('en-US')} are shown`);
    return out;
  }

  /**
   * Put what could not be read on the row (as `partial`), when anything was left out, after what
   * the provider itself says it left out of the row (`raw.partial`: up to 20 notes of text).
   */
  attach<T extends { partial?: readonly string[] }>(row: T, raw?: unknown): T {
    const said = raw && typeof raw === 'object' ? (raw as { partial?: unknown }).partial : undefined;
    const own = Array.isArray(said) ? said.filter((n): n is string => typeof n === 'string' && n !== '').slice(0, 20).map((n) => n.slice(0, 500)) : [];
    if (own.length || this.list.length) row.partial = [...own, ...this.list];
    return row;
  }
}

function relativePath(path: string, rowPath: string): string {
  return rowPath && path.startsWith(`${rowPath}.`) ? path.slice(rowPath.length + 1) : path;
}

/**
 * The rows of a list, each read on its own: a row that cannot be read keeps its place as the
 * `placeholder` (with the reason and its raw value), so one odd row never hides the others.
 */
export function readRows<T>(items: readonly unknown[], path: string, read: (v: unknown, p: string) => T, placeholder: (unreadable: UnreadableRow, rowPath: string) => T): T[] {
  return items.map((item, i) => {
    const rowPath = at(path, i);
    try {
      return read(item, rowPath);
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      return placeholder({ reason: relativeMessage(error, rowPath), raw: rawText(item) }, rowPath);
    }
  });
}

/**
 * An id for a row that could not be read: unique in its list (it names the row's place) and
 * never a real id (real ids cannot hold U+0000, see `id` in primitives.ts).
 */
export function placeholderId(rowPath: string): string {
  return `\u0000${rowPath}`;
}
