/**
 * Alert pages past Elasticsearch's result window (`index.max_result_window`, 10,000 by default):
 * walked with `search_after` inside a point in time (PIT), so a page far down shows the list as it
 * was when the walk began — no alert skipped or shown twice while new ones arrive, as a walk over
 * the live index could. One PIT per list (IP, range, filter, sort, search), kept alive two minutes
 * between pages, and closed when the list is dropped: a walk of another list finds it unused for
 * 30 s (the analyst moved to another filter, sort or IP), more than {@link MAX_LISTS} are open,
 * alerts change, or it goes unused past its keep-alive (the cluster frees it; an expired one is
 * opened again). The walk fetches sort values only, and remembers where pages
 * end, so a later page starts from the nearest end it knows.
 */
import type { estypes } from '@elastic/elasticsearch';
import { IpDataError } from '../../data/errors.js';

/** The requests the pages need: a POST (JSON in and out), and a DELETE that may fail unheard. */
export interface DeepPagesIo {
  post(path: string, body: unknown, what: string, signal: AbortSignal): Promise<unknown>;
  close(body: unknown): Promise<void>;
}

/** A page's position: how many, and after which sort values (none: from the start). */
export type PagePosition = { size: number; from?: number; searchAfter?: unknown[] };

const KEEP_ALIVE = '2m';
/** How long a PIT is trusted after its last use (a little under its keep-alive). */
const TRUST_MS = 100_000;
const MAX_LISTS = 8;
/** How long another list's point in time may sit unused before a new walk closes it. */
const IDLE_MS = 30_000;

interface List {
  pit?: string;
  used: number;
  cursors: Map<number, unknown[]>;
}

export class DeepPages {
  readonly #io: DeepPagesIo;
  readonly #index: string;
  readonly #lists = new Map<string, List>();
  readonly #window: number;
  readonly #now: () => number;

  constructor(io: DeepPagesIo, indexPath: string, window = 10_000, now = () => Date.now()) {
    this.#io = io;
    this.#index = indexPath;
    this.#window = window;
    this.#now = now;
  }

  /** The page at `offset` of the list `key`, whose search body for a position `body` makes. */
  async page(key: string, body: (p: PagePosition) => estypes.SearchRequest, offset: number, limit: number, what: string, signal: AbortSignal): Promise<unknown> {
    try {
      return await this.#walk(key, body, offset, limit, what, signal);
    } catch (error) {
      // The PIT expired between pages (the cluster freed it): once more, in a new one.
      if (!(error instanceof IpDataError && error.status === 404)) throw error;
      this.#lists.delete(key);
      return this.#walk(key, body, offset, limit, what, signal);
    }
  }

  async #walk(key: string, body: (p: PagePosition) => estypes.SearchRequest, offset: number, limit: number, what: string, signal: AbortSignal): Promise<unknown> {
    const list = await this.#list(key, what, signal);
    // The `size` rows from position `at` (the start, or after the sort values an earlier page ended on).
    const search = async (at: number, size: number, fields: boolean) => {
      const b = body(at === 0 ? { size, from: 0 } : { size, searchAfter: list.cursors.get(at) });
      if (!fields) b._source = false;
      // A PIT search names no index: the PIT holds it.
      b.pit = { id: list.pit!, keep_alive: KEEP_ALIVE };
      const answer = await this.#io.post('/_search', b, what, signal);
      const next: unknown = (answer as Partial<estypes.SearchResponse> | null)?.pit_id;
      if (typeof next === 'string' && next) list.pit = next;
      list.used = this.#now();
      this.#remember(list, at, answer);
      return answer;
    };
    let at = Math.max(0, ...[...list.cursors.keys()].filter((k) => k <= offset));
    while (at < offset) {
      const walked = await search(at, Math.min(this.#window, offset - at), false);
      const n = hits(walked).length;
      if (!n) return { hits: { total: (walked as { hits?: { total?: unknown } }).hits?.total, hits: [] } };
      at += n;
    }
    return search(offset, limit, true);
  }

  async #list(key: string, what: string, signal: AbortSignal): Promise<List> {
    // Another list's point in time unused for a while belongs to a list the analyst left (another
    // filter, sort or IP): closed now rather than at its keep-alive.
    for (const [other, l] of this.#lists) {
      if (other === key || this.#now() - l.used <= IDLE_MS) continue;
      this.#lists.delete(other);
      if (l.pit) void this.#io.close({ id: l.pit });
    }
    let list = this.#lists.get(key);
    if (list && list.pit && this.#now() - list.used > TRUST_MS) {
      void this.#io.close({ id: list.pit });
      list = undefined;
    }
    if (!list) {
      list = { used: this.#now(), cursors: new Map() };
      this.#lists.set(key, list);
      while (this.#lists.size > MAX_LISTS) {
        const [oldKey, old] = this.#lists.entries().next().value!;
        this.#lists.delete(oldKey);
        if (old.pit) void this.#io.close({ id: old.pit });
      }
    }
    if (!list.pit) {
      const opened = await this.#io.post(`${this.#index}/_pit?keep_alive=${KEEP_ALIVE}`, undefined, what, signal);
      const id: unknown = (opened as Partial<estypes.OpenPointInTimeResponse> | null)?.id;
      if (typeof id !== 'string' || !id) throw new IpDataError('bad-response', `Elasticsearch opened no point in time for ${what}.`, { reason: { id: 'unreadable', service: 'Elasticsearch', detail: 'no point in time id' } });
      list.pit = id;
      list.cursors.clear();
    }
    return list;
  }

  /** Keep where a page ended (the sort values of its last hit), for `search_after` further on. */
  #remember(list: List, offset: number, answer: unknown): void {
    const h = hits(answer);
    const sort = (h.at(-1) as { sort?: unknown } | undefined)?.sort;
    if (Array.isArray(sort)) list.cursors.set(offset + h.length, sort);
  }

  /** Close every PIT (alerts changed: the snapshots are stale). */
  closeAll(): void {
    for (const list of this.#lists.values()) if (list.pit) void this.#io.close({ id: list.pit });
    this.#lists.clear();
  }
}

function hits(answer: unknown): unknown[] {
  const h = (answer as { hits?: { hits?: unknown } } | null)?.hits?.hits;
  return Array.isArray(h) ? h : [];
}
