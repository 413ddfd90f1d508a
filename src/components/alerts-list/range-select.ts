/**
 * Shift-selecting a range of rows in the alerts list, whatever is loaded: the rows already in
 * memory are taken as they are, the missing ones are fetched (cancellable with Cancel or Escape,
 * and then nothing is added, and the analyst is told so). Ranges past {@link MAX_RANGE} rows are
 * not fetched row by row: a notice offers "Select all matching" instead.
 */
import type { ReactiveControllerHost } from 'lit';
import type { AlertItem } from '../../data/model.js';
import { isAbortError } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import type { AlertPagesController } from './alert-pages.js';
import type { DisplayRow } from './expansions.js';
import { MAX_RANGE } from './status.js';
import { msg, str } from '../shared/l10n.js';

export interface RangeSource {
  row: (d: number) => DisplayRow;
  item: (row: DisplayRow) => AlertItem | undefined;
  pages: AlertPagesController;
}

export class RangeSelect {
  readonly #host: ReactiveControllerHost;
  /** Rows being fetched for a range, with the request's abort. */
  #busy?: { controller: AbortController; rows: number };
  /** What the status bar says about the last range (too large, cancelled, failed). */
  #notice?: { rows?: number; message?: string };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  get busy(): { rows: number } | undefined {
    return this.#busy;
  }

  get notice(): { rows?: number; message?: string } | undefined {
    return this.#notice;
  }

  dismiss(): void {
    this.#set(this.#busy, undefined);
  }

  /** Stop fetching a range (nothing is added). */
  cancel(): void {
    this.#busy?.controller.abort();
  }

  /** A new query: stop (the range then says it was cancelled), and forget the last notice. */
  reset(): void {
    this.#busy?.controller.abort();
    this.#set(this.#busy, undefined);
  }

  /** The ids in display rows [a, b] (either order), or undefined when nothing is to be added. */
  async ids(a: number, b: number, source: RangeSource): Promise<string[] | undefined> {
    const [from, to] = a <= b ? [a, b] : [b, a];
    if (to - from + 1 > MAX_RANGE) {
      this.#set(this.#busy, { rows: to - from + 1 });
      return undefined;
    }
    this.#set(this.#busy, undefined);
    const ids: string[] = [];
    let first = Infinity;
    let last = -1;
    for (let d = from; d <= to; d++) {
      const row = source.row(d);
      const item = source.item(row);
      if (item) ids.push(item.id);
      else if (row.kind === 'row') {
        first = Math.min(first, row.index);
        last = Math.max(last, row.index);
      }
    }
    if (last < 0) return ids;
    this.#busy?.controller.abort();
    const busy = { controller: new AbortController(), rows: to - from + 1 };
    this.#set(busy, undefined);
    try {
      const items = await source.pages.itemsIn(first, last + 1, busy.controller.signal);
      return [...ids, ...items.map((i) => i.id)];
    } catch (error) {
      if (this.#busy === busy) {
        this.#set(busy, { message: isAbortError(error) ? msg('Selection cancelled: nothing was added.') : msg(str`The rows could not be loaded (${describeError(error)}): nothing was added.`) });
      }
      return undefined;
    } finally {
      if (this.#busy === busy) this.#set(undefined, this.#notice);
    }
  }

  #set(busy: { controller: AbortController; rows: number } | undefined, notice: { rows?: number; message?: string } | undefined) {
    this.#busy = busy;
    this.#notice = notice;
    this.#host.requestUpdate();
  }
}
