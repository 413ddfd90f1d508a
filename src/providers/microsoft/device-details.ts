/**
 * The last event of the devices a list page shows, asked for separately from the list. The list
 * query returns up to 10,000 devices with the short columns that filter and sort them; the last
 * event's command line, paths and URL for all of them could pass the largest answer this page
 * reads (20 MB), so they come from a second query, for a page of at most 100 devices: the devices
 * seen last (asked for beside the list, as the first page needs them) and, for a page of others
 * (filtered, searched), those ids. A device whose details fail is shown without them, marked.
 */
import { errorText, isAbortError } from '../../data/errors.js';
import type { ObservedDevice } from '../../data/model.js';
import type { TimeRange } from '../../lib/time-range.js';
import { withLastEvent } from './device-rows.js';
import { SharedCache } from '../kit/shared-cache.js';
import { text, type Row } from './tables.js';

/** Runs a details query: the devices seen last (no ids), or the given ones. */
export type DetailsQuery = (ip: string, range: TimeRange, ids: readonly string[] | undefined, signal: AbortSignal) => Promise<Row[]>;

const key = (ip: string, range: TimeRange) => `${ip}|${range.from.getTime()}|${range.to.getTime()}`;

export class DeviceDetails {
  readonly #run: DetailsQuery;
  readonly #answers = new SharedCache<Map<string, Row>>({ max: 48 });

  constructor(run: DetailsQuery) {
    this.#run = run;
  }

  #ask(ip: string, range: TimeRange, ids: readonly string[] | undefined, signal: AbortSignal): Promise<Map<string, Row>> {
    return this.#answers.get(`${key(ip, range)}|${ids ? ids.join(',') : 'last'}`, signal, async (s) => {
      const rows = await this.#run(ip, range, ids, s);
      return new Map(rows.map((r) => [text(r, 'DeviceId') ?? '', r]));
    });
  }

  /** The devices seen last (what the first page shows): ask beside the list query. */
  last(ip: string, range: TimeRange, signal: AbortSignal): Promise<unknown> {
    return this.#ask(ip, range, undefined, signal).catch((error: unknown) => {
      if (isAbortError(error)) throw error;
    });
  }

  /** The page's devices with their last event; without it (the query failed), marked as partial. */
  async fill(ip: string, range: TimeRange, page: readonly ObservedDevice[], signal: AbortSignal): Promise<ObservedDevice[]> {
    if (!page.length) return [];
    try {
      const known = await this.#ask(ip, range, undefined, signal);
      const missing = [...new Set(page.filter((d) => !known.has(d.id)).map((d) => d.id))].sort();
      const more = missing.length ? await this.#ask(ip, range, missing, signal) : undefined;
      return page.map((d) => {
        const row = known.get(d.id) ?? more?.get(d.id);
        return row ? withLastEvent(d, row, ip) : d;
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      const why = `last event's details: ${errorText(error)}`;
      return page.map((d) => ({ ...d, partial: [...(d.partial ?? []), why] }));
    }
  }
}
