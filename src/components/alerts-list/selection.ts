import { msg, str } from '../shared/l10n.js';

/**
 * Which incidents and alerts are selected: explicit ids, or "all matching the filter" minus the
 * ones the user then unticked. Pure; the list owns one and re-renders when it changes.
 */
export class AlertSelection {
  #ids = new Set<string>();
  #all = false;
  #excluded = new Set<string>();
  #version = 0;
  /** Row index of the last plain or Ctrl click, where a Shift range starts. */
  anchor?: number;

  /** Grows with every change: what the side panel's form belongs to. */
  get version(): number {
    return this.#version;
  }

  /** What is selected now, fixed (what a Save applies to), for a list of `total` rows of query `generation`. */
  snapshot(total: number, generation: number): SelectionSnapshot {
    return { all: this.#all, ids: [...this.#ids], excluded: new Set(this.#excluded), count: this.count(total), generation };
  }

  get allMatching(): boolean {
    return this.#all;
  }

  /** The explicitly selected ids (empty in "all matching" mode). */
  get ids(): ReadonlySet<string> {
    return this.#ids;
  }

  get excluded(): ReadonlySet<string> {
    return this.#excluded;
  }

  has(id: string): boolean {
    return this.#all ? !this.#excluded.has(id) : this.#ids.has(id);
  }

  count(total: number): number {
    return this.#all ? Math.max(0, total - this.#excluded.size) : this.#ids.size;
  }

  get empty(): boolean {
    return !this.#all && this.#ids.size === 0;
  }

  toggle(id: string, on = !this.has(id)): void {
    this.#version++;
    if (this.#all) {
      if (on) this.#excluded.delete(id);
      else this.#excluded.add(id);
    } else if (on) this.#ids.add(id);
    else this.#ids.delete(id);
  }

  /** Select exactly these (a plain click). */
  only(ids: Iterable<string>): void {
    this.#version++;
    this.#all = false;
    this.#excluded.clear();
    this.#ids = new Set(ids);
  }

  /**
   * Keep only these, as the same selection (its version stays, so the panel keeps its draft):
   * what a partial save left unconfirmed.
   */
  narrow(ids: Iterable<string>): void {
    this.#all = false;
    this.#excluded.clear();
    this.#ids = new Set(ids);
  }

  /** Add these (a Shift range, Shift+Arrow). */
  add(ids: Iterable<string>): void {
    for (const id of ids) this.toggle(id, true);
  }

  selectAllMatching(): void {
    this.#version++;
    this.#all = true;
    this.#ids.clear();
    this.#excluded.clear();
  }

  clear(): void {
    this.#version++;
    this.#all = false;
    this.#ids.clear();
    this.#excluded.clear();
    this.anchor = undefined;
  }
}

/** A selection fixed at one moment (see {@link AlertSelection.snapshot}). */
export interface SelectionSnapshot {
  /** "All matching" (minus `excluded`) rather than `ids`. */
  all: boolean;
  ids: string[];
  excluded: ReadonlySet<string>;
  /** How many were selected. */
  count: number;
  /** The query generation it was taken in. */
  generation: number;
}

/** The list the selection was made in changed before its ids were gathered; nothing was applied. */
export class SelectionChangedError extends Error {
  override readonly name = 'SelectionChangedError';
}

/** The list's pages, as far as gathering ids needs them. */
export interface PageSource {
  readonly generation: number;
  all(signal: AbortSignal): AsyncIterable<{ items: ReadonlyArray<{ id: string; unreadable?: unknown }>; total: number }>;
}

/**
 * The ids a snapshot selects. For "all matching" they are fetched page by page from the query the
 * snapshot was taken in; if that query changes, the total moves or the pages overlap while they
 * are fetched, this fails with {@link SelectionChangedError}: a change applies to exactly what was
 * selected, never to a mix of two lists, never to part of it.
 */
export async function gatherIds(snapshot: SelectionSnapshot, pages: PageSource, signal: AbortSignal): Promise<{ ids: string[]; unreadable: number }> {
  if (!snapshot.all) return { ids: [...snapshot.ids], unreadable: 0 };
  // Whole sentences, one per cause, so each translates as a sentence.
  const changed = (why: 'query' | 'total' | 'order' | 'count', found = 0) =>
    new SelectionChangedError(
      why === 'query'
        ? msg('Nothing was saved: the filters, search or time range changed while the selection was being gathered. Check the list and save again.')
        : why === 'total'
          ? msg('Nothing was saved: incidents or alerts were added or removed while the selection was being gathered. Check the list and save again.')
          : why === 'order'
            ? msg('Nothing was saved: the order of the list changed while the selection was being gathered. Check the list and save again.')
            : msg(str`Nothing was saved: the list now holds ${found} instead of ${snapshot.count} selected. Check the list and save again.`),
    );
  if (pages.generation !== snapshot.generation) throw changed('query');
  const ids: string[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  let total: number | undefined;
  for await (const page of pages.all(signal)) {
    if (pages.generation !== snapshot.generation) throw changed('query');
    if (total === undefined) total = page.total;
    else if (page.total !== total) throw changed('total');
    for (const item of page.items) {
      if (seen.has(item.id)) throw changed('order');
      seen.add(item.id);
      // A row that could not be read has no id to change; it is counted, and said after the save.
      if (item.unreadable) unreadable++;
      else if (!snapshot.excluded.has(item.id)) ids.push(item.id);
    }
  }
  if (pages.generation !== snapshot.generation) throw changed('query');
  if (ids.length + unreadable !== snapshot.count) throw changed('count', ids.length + unreadable);
  return { ids, unreadable };
}
