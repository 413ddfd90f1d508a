/**
 * The alerts list's data: pages fetched on demand from `provider.listAlerts`, cached, and
 * thrown away when the query changes.
 *
 * - A query (provider, IP, range, filter, search, sort) has a generation. Changing it aborts every
 *   request of the old one (`KeyedRequestsController`: an aborted request's late answer never lands), so rows
 *   of an old query can never show under a new one.
 * - Pages the user scrolled away from are aborted when other pages are needed, and the cache keeps
 *   the most recently used pages only: the list never holds the whole data set.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AlertItem } from '../../data/model.js';
import type { AlertFilter, AlertSortField, IpDataProvider, Sort } from '../../data/provider.js';
import { IpDataError } from '../../data/errors.js';
import { cancelled } from '../shared/error-text.js';
import type { TimeRange } from '../../lib/time-range.js';
import { KeyedRequestsController } from '../shared/keyed-requests.js';
import { msg, str } from '../shared/l10n.js';

export interface AlertsQuery {
  provider: IpDataProvider;
  ip: string;
  range: TimeRange;
  filter: AlertFilter;
  search: string;
  sort?: Sort<AlertSortField>;
}

export const PAGE_SIZE = 100;
const MAX_PAGES = 80;
/** Pages kept in flight beyond the visible ones. */
const KEEP_AROUND = 3;
/** Pages fetched ahead of and behind the visible ones, so scrolling finds rows ready. */
const PREFETCH_AHEAD = 2;
const PREFETCH_BEHIND = 1;

function signature(q: AlertsQuery): unknown[] {
  return [q.provider, q.ip, q.range.from.getTime(), q.range.to.getTime(), JSON.stringify(q.filter), q.search, q.sort?.field, q.sort?.direction];
}

interface PageState {
  items?: AlertItem[];
  error?: unknown;
}

/**
 * A reactive controller: the host re-renders when pages arrive; leaving the page aborts what is
 * in flight and coming back asks again.
 */
export class AlertPagesController implements ReactiveController {
  #query?: AlertsQuery;
  #signature: unknown[] = [];
  #generation = 0;
  #pages = new Map<number, PageState>();
  /** Page loads, by page number. */
  readonly #requests = new KeyedRequestsController<number>();
  /** Aborts the multi-page reads (`itemsIn`) of the current query. */
  #controller = new AbortController();
  #total?: number;
  #unlisted = 0;
  #incomplete?: string;
  #error?: unknown;
  /** When the current query's first page was asked for. */
  #startedAt = Date.now();
  readonly #onChange: () => void;
  readonly #pageSize: number;

  constructor(host: ReactiveControllerHost, pageSize = PAGE_SIZE) {
    this.#onChange = () => host.requestUpdate();
    this.#pageSize = pageSize;
    host.addController(this);
  }

  hostConnected(): void {
    this.resume();
  }

  hostDisconnected(): void {
    this.pause();
  }

  /** Rows matching the query, once the first page answered. */
  get total(): number | undefined {
    return this.#total;
  }

  /** Matching items the provider does not list (past its cap), as its latest page said. */
  get unlisted(): number {
    return this.#unlisted;
  }

  /** What the provider's latest page said is missing from it, and why (a throttled backend). */
  get incomplete(): string | undefined {
    return this.#incomplete;
  }

  /** Rows of the loaded pages that could not be read (each shows in its place as such). */
  get unreadable(): number {
    let n = 0;
    for (const page of this.#pages.values()) for (const item of page.items ?? []) if (item.unreadable) n++;
    return n;
  }

  /** The error of the first page (the whole list failed), if any. */
  get error(): unknown {
    return this.#error;
  }

  get query(): AlertsQuery | undefined {
    return this.#query;
  }

  get generation(): number {
    return this.#generation;
  }

  /** Set the query; a different one starts over (aborting the old one's requests). */
  setQuery(query: AlertsQuery | undefined): boolean {
    const sig = query ? signature(query) : [];
    if (query && this.#query && sig.length === this.#signature.length && sig.every((v, i) => v === this.#signature[i])) return false;
    this.#requests.abortAll();
    this.#controller.abort();
    this.#controller = new AbortController();
    this.#generation++;
    this.#query = query;
    this.#signature = sig;
    this.#pages = new Map();
    this.#total = undefined;
    this.#unlisted = 0;
    this.#incomplete = undefined;
    this.#error = undefined;
    this.#startedAt = Date.now();
    if (query) this.#load(0);
    return true;
  }

  /** When the current query's first page was asked for (what a slow first answer counts from). */
  get startedAt(): number {
    return this.#startedAt;
  }

  /** Stop waiting for a first page that is taking long: the list says so, and Retry asks again. */
  cancelFirst(): void {
    if (this.#total !== undefined || this.#error !== undefined) return;
    this.#requests.abort(0);
    this.#pages.delete(0);
    this.#error = cancelled();
    this.#onChange();
  }

  /**
   * The list left the page: abort the requests in flight (their pages are fetched again when
   * needed). Loaded pages and the query stay, so a moved list shows the same rows at once.
   */
  pause(): void {
    for (const p of this.#requests.keys()) this.#pages.delete(p);
    this.#requests.abortAll();
  }

  /** The list is back: fetch the first page again if it was interrupted (later pages come with `ensure`). */
  resume(): void {
    if (this.#query && this.#total === undefined && this.#error === undefined && !this.#pages.has(0)) this.#load(0);
  }

  /** Run the query again from scratch (Retry; or after data changed elsewhere). */
  reload(): void {
    const q = this.#query;
    this.#query = undefined;
    this.setQuery(q);
  }

  /** The item at `index`, if its page is loaded. */
  get(index: number): AlertItem | undefined {
    const page = this.#pages.get(Math.floor(index / this.#pageSize));
    return page?.items?.[index % this.#pageSize];
  }

  /** Whether the page holding `index` failed. */
  failed(index: number): boolean {
    return this.#pages.get(Math.floor(index / this.#pageSize))?.error !== undefined;
  }

  /** Make sure rows [start, end) are loaded or loading; abort pages far from them. */
  ensure(start: number, end: number): void {
    if (!this.#query || this.#total === undefined) return;
    const first = Math.floor(start / this.#pageSize);
    const last = Math.floor(Math.max(start, end - 1) / this.#pageSize);
    for (const p of this.#requests.keys()) {
      if (p < first - KEEP_AROUND || p > last + KEEP_AROUND) {
        this.#requests.abort(p);
        this.#pages.delete(p);
      }
    }
    for (let p = first; p <= last; p++) {
      if (p * this.#pageSize >= this.#total) break;
      // A page that failed stays failed until Retry: reloading it on every render would send a
      // request per frame to a service that is failing (or loop on one that answers short).
      if (!this.#pages.has(p)) this.#load(p);
      else this.#touch(p);
    }
    // Visible pages first, then the ones around them (failed ones are not retried here).
    for (let p = Math.max(0, first - PREFETCH_BEHIND); p <= last + PREFETCH_AHEAD; p++) {
      if (p * this.#pageSize >= this.#total) break;
      if (!this.#pages.has(p)) this.#load(p);
    }
  }

  /** Retry the pages that failed. */
  retryFailed(): void {
    for (const [p, state] of this.#pages) if (state.error !== undefined) this.#load(p);
  }

  /** Items of rows [start, end), loading missing pages first. */
  async itemsIn(start: number, end: number, signal?: AbortSignal): Promise<AlertItem[]> {
    const generation = this.#generation;
    const out: AlertItem[] = [];
    for (let p = Math.floor(start / this.#pageSize); p * this.#pageSize < end; p++) {
      let items = this.#pages.get(p)?.items;
      if (!items) items = await this.#fetch(p, signal);
      if (generation !== this.#generation) throw new DOMException('The query changed.', 'AbortError');
      const from = Math.max(start, p * this.#pageSize) - p * this.#pageSize;
      const to = Math.min(end, (p + 1) * this.#pageSize) - p * this.#pageSize;
      out.push(...items.slice(from, to));
    }
    return out;
  }

  /**
   * Every matching item, in pages of `pageSize`, reporting progress: for export and bulk actions.
   * Bypasses the cache (it would evict the pages the user is looking at).
   */
  async *all(signal: AbortSignal, pageSize = 1000): AsyncGenerator<{ items: AlertItem[]; done: number; total: number }> {
    const query = this.#query;
    if (!query) return;
    let offset = 0;
    let total = Infinity;
    while (offset < total) {
      const page = await query.provider.listAlerts(query.ip, { range: query.range, filter: query.filter, search: query.search || undefined, sort: query.sort, offset, limit: pageSize }, { signal });
      total = page.total;
      const items = page.items.slice(0, pageSize);
      if (items.length === 0 && offset < total) {
        throw new IpDataError('bad-response', msg(str`The data source said ${total} match but stopped sending rows after ${offset}.`));
      }
      offset += items.length;
      yield { items, done: Math.min(offset, total), total };
    }
  }

  /** Replace cached items by id (after an update); returns what they were, for rollback. */
  replace(updated: readonly AlertItem[]): Map<string, AlertItem> {
    const byId = new Map(updated.map((a) => [a.id, a]));
    const previous = new Map<string, AlertItem>();
    for (const state of this.#pages.values()) {
      const items = state.items;
      if (!items) continue;
      for (let i = 0; i < items.length; i++) {
        const next = byId.get(items[i]!.id);
        if (next) {
          if (!previous.has(next.id)) previous.set(next.id, items[i]!);
          items[i] = next;
        }
      }
    }
    if (previous.size) this.#onChange();
    return previous;
  }

  /** The loaded items with these ids (for the fly-out). */
  findLoaded(ids: ReadonlySet<string>): AlertItem[] {
    const out: AlertItem[] = [];
    for (const state of this.#pages.values()) for (const a of state.items ?? []) if (ids.has(a.id)) out.push(a);
    return out;
  }

  #touch(p: number) {
    const state = this.#pages.get(p);
    if (!state) return;
    this.#pages.delete(p);
    this.#pages.set(p, state);
  }

  async #fetch(p: number, signal?: AbortSignal): Promise<AlertItem[]> {
    const { items, short } = await this.#complete(this.#query!, p, signal ?? this.#controller.signal);
    if (short) throw short;
    return items;
  }

  #load(p: number) {
    const state: PageState = {};
    this.#pages.set(p, state);
    this.#evict();
    const query = this.#query!;
    this.#requests.run(p, (signal) => this.#complete(query, p, signal), {
      ok: ({ items, total, unlisted, incomplete, short }) => {
        state.items = items;
        // Rows the provider said exist but did not send show as failed, with Retry.
        if (short) state.error = short;
        this.#total = total;
        this.#unlisted = unlisted;
        this.#incomplete = incomplete;
        this.#error = undefined;
      },
      error: (error) => {
        state.error = error;
        if (this.#total === undefined) this.#error = error;
      },
      done: this.#onChange,
    });
  }

  /**
   * Page `p`, complete: a provider that sends fewer rows than its total says exist is asked once
   * for the rest; rows still missing are reported (`short`), never left as placeholders forever.
   * Rows past the page are ignored.
   */
  async #complete(q: AlertsQuery, p: number, signal: AbortSignal): Promise<{ items: AlertItem[]; total: number; unlisted: number; incomplete?: string; short?: IpDataError }> {
    const offset = p * this.#pageSize;
    const ask = (from: number, limit: number) =>
      q.provider.listAlerts(q.ip, { range: q.range, filter: q.filter, search: q.search || undefined, sort: q.sort, offset: from, limit }, { signal });
    const first = await ask(offset, this.#pageSize);
    let items = first.items.slice(0, this.#pageSize);
    const expected = Math.min(this.#pageSize, Math.max(0, first.total - offset));
    if (items.length > 0 && items.length < expected) {
      const rest = await ask(offset + items.length, expected - items.length);
      items = items.concat(rest.items.slice(0, expected - items.length));
    }
    const short =
      items.length < expected
        ? new IpDataError('bad-response', msg(str`The data source said ${first.total} match but sent ${items.length} of the ${expected} rows from row ${offset + 1}.`))
        : undefined;
    return { items, total: first.total, unlisted: first.unlisted ?? 0, incomplete: first.incomplete, short };
  }

  #evict() {
    while (this.#pages.size > MAX_PAGES) {
      const oldest = this.#pages.keys().next().value!;
      this.#requests.abort(oldest);
      this.#pages.delete(oldest);
    }
  }
}
