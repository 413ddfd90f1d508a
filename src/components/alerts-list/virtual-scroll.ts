/**
 * Virtual scrolling for a list of fixed-height rows, however many (a million alerts and more):
 * only the rows in view (plus overscan) are rendered; a spacer gives the scrollbar its length,
 * scaled when the real height would pass what browsers can scroll (see virtual-window.ts). The
 * controller measures the row and viewport heights, follows the scrollbar, scrolls to a row or an
 * exact content position, and keeps the scrollbar where the content is when the row count
 * changes. The host renders `.spacer`, `.window` and `.rows` inside its scroller and passes them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterPaint } from '../../lib/after-paint.js';
import { contentTopFor, revealRow, rowWindowAt, scrollTopFor, type RowWindow } from './virtual-window.js';

export interface VirtualScrollParts {
  scroller?: HTMLElement | null;
  spacer?: HTMLElement | null;
  window?: HTMLElement | null;
  rows?: HTMLElement | null;
}

export interface VirtualScrollOptions {
  /** Rows to scroll through. */
  count: () => number;
  parts: () => VirtualScrollParts;
  /** A sticky header row inside the scroller, subtracted from its height (looked up only when measuring). */
  header?: () => HTMLElement | null | undefined;
  /** The custom property holding the row height (default 36px). */
  rowHeightProperty: string;
  overscan?: number;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly hasUpdated?: boolean };

export class VirtualScrollController implements ReactiveController {
  readonly #host: Host;
  readonly #o: VirtualScrollOptions;
  #contentTop = 0;
  #viewportHeight = 400;
  /**
   * The scroller's inner width. Until it is measured (rows that arrive at once render before the
   * first measure), the window's: a column that begins past it is off the screen either way.
   */
  #viewportWidth = globalThis.innerWidth || Infinity;
  /** How far the scroller is scrolled from its start edge (either direction), as last seen. */
  #scrollStart = 0;
  /** The most columns a render before the first paint has filled: a narrower measure keeps them. */
  #filled = 0;
  #rowHeight = 36;
  /** A scroll we made, so its scroll event is not read back as the analyst's. */
  #programmatic?: { scrollTop: number; contentTop: number };
  #layoutKey = '';
  /**
   * The scroller's scrollTop as last seen (its scroll events, our own writes): reading it after an
   * update would force a layout of the rows just rendered (33 ms of a first visit).
   */
  #scrollTop = 0;
  #resize?: ResizeObserver;
  #observed?: HTMLElement;
  /** The first rows have painted: the overscan (and every column) is rendered from then on. */
  #painted = false;
  #widening = false;

  constructor(host: Host, options: VirtualScrollOptions) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
  }

  /** The content pixel at the top of the view. */
  get contentTop(): number {
    return this.#contentTop;
  }

  get rowHeight(): number {
    return this.#rowHeight;
  }

  get viewportHeight(): number {
    return this.#viewportHeight;
  }

  /**
   * How many of the visible `columns` (in order, after `lead` px of fixed ones) to fill now. Until
   * the first rows have painted, only the columns that begin inside the view: the cells past its
   * end are built empty and filled with the overscan, so a first visit lays out what shows. From
   * then on every one (Infinity), at no cost to the renders that scrolling makes.
   */
  columnsToFill(columns: readonly { visible: boolean; width: number }[], lead: number): number {
    if (this.#painted) return Infinity;
    const end = this.#scrollStart + this.#viewportWidth;
    let n = 0;
    let left = lead;
    for (const c of columns) {
      if (!c.visible) continue;
      if (left >= end) break;
      left += c.width;
      n++;
    }
    // The window's width, then the scroller's, narrower: the cells already built stay filled.
    return (this.#filled = Math.max(this.#filled, n));
  }

  /**
   * Everything now, not after the paint: every column filled and the overscan built. For a key
   * pressed in the grid (the cell it moves to shows its value) and for printing.
   */
  fillNow = (): void => {
    if (this.#painted) return;
    this.#painted = true;
    this.#host.requestUpdate();
  };

  /** Rows in one screen, less one for context (Page Up/Down). */
  get pageRows(): number {
    return Math.max(1, Math.floor(this.#viewportHeight / this.#rowHeight) - 1);
  }

  /**
   * The rows to render now. The overscan (rows past the view, so scrolling finds them built) waits
   * until the first rows have painted: the first paint builds only what shows.
   */
  get window(): RowWindow {
    return rowWindowAt({ count: this.#o.count(), rowHeight: this.#rowHeight, viewportHeight: this.#viewportHeight, contentTop: this.#contentTop, overscan: this.#painted ? (this.#o.overscan ?? 6) : 0 });
  }

  hostConnected(): void {
    addEventListener('beforeprint', this.fillNow);
  }

  hostDisconnected(): void {
    removeEventListener('beforeprint', this.fillNow);
    this.#resize?.disconnect();
    this.#resize = undefined;
    this.#observed = undefined;
  }

  hostUpdated(): void {
    // Observe the scroller once rendered (again after the host returns to the page, or when it is a new element).
    const scroller = this.#o.parts().scroller ?? undefined;
    if (scroller !== this.#observed) this.#observe(scroller);
    this.#applyLayout();
    if (!this.#painted && !this.#widening && this.#o.count() > 0) {
      this.#widening = true;
      afterPaint(this.fillNow);
    }
  }

  /** Back to the top (a new query). */
  reset(): void {
    this.#programmatic = undefined;
    this.#setContentTop(0);
    const scroller = this.#o.parts().scroller;
    if (scroller) scroller.scrollTop = 0;
    this.#scrollTop = 0;
  }

  /** The scroller's scroll listener. Browsers send scroll events once per frame; Lit batches the update. */
  readonly onScroll = (): void => {
    const scroller = this.#o.parts().scroller;
    if (!scroller) return;
    this.#scrollTop = scroller.scrollTop;
    if (!this.#painted) this.#scrollStart = Math.abs(scroller.scrollLeft);
    const p = this.#programmatic;
    if (p && Math.abs(scroller.scrollTop - p.scrollTop) < 1) {
      this.#setContentTop(p.contentTop);
      return;
    }
    this.#programmatic = undefined;
    this.#setContentTop(contentTopFor({ count: this.#o.count(), rowHeight: this.#rowHeight, viewportHeight: this.#viewportHeight, scrollTop: scroller.scrollTop }));
  };

  /** Scroll so that content pixel `contentTop` is at the top, exactly (the scrollbar follows). */
  scrollToContent(contentTop: number): void {
    const count = this.#o.count();
    const max = Math.max(0, count * this.#rowHeight - this.#viewportHeight);
    const exact = Math.max(0, Math.min(max, contentTop));
    this.#setContentTop(exact);
    const scroller = this.#o.parts().scroller;
    if (scroller) {
      scroller.scrollTop = scrollTopFor(exact, count, this.#rowHeight, this.#viewportHeight);
      this.#scrollTop = scroller.scrollTop;
      this.#programmatic = { scrollTop: this.#scrollTop, contentTop: exact };
    }
  }

  /** Scroll to row `index` (at the top). */
  scrollToRow(index: number): void {
    this.scrollToContent(Math.max(0, index) * this.#rowHeight);
  }

  /** Bring row `d` into view, scrolling as little as possible. */
  reveal(d: number): void {
    if (d < 0) return;
    const next = revealRow(d, this.#contentTop, this.#rowHeight, this.#viewportHeight);
    if (next !== this.#contentTop) this.scrollToContent(next);
  }

  #setContentTop(value: number) {
    if (value === this.#contentTop) return;
    this.#contentTop = value;
    this.#host.requestUpdate();
  }

  #observe(scroller: HTMLElement | undefined) {
    this.#resize?.disconnect();
    this.#observed = scroller;
    // A scroller new to the page starts at its top.
    this.#scrollTop = 0;
    if (!scroller) return;
    // The observer reports the first size too, asynchronously: no update requested inside this one.
    this.#resize = new ResizeObserver(() => this.#measure());
    this.#resize.observe(scroller);
  }

  #measure() {
    const scroller = this.#o.parts().scroller;
    if (!scroller) return;
    const header = this.#o.header?.();
    const rowHeight = parseFloat(getComputedStyle(this.#host).getPropertyValue(this.#o.rowHeightProperty)) || 36;
    const viewport = Math.max(rowHeight, scroller.clientHeight - (header?.offsetHeight ?? rowHeight));
    // The width matters only until the first paint: a resize after it redraws nothing.
    const width = this.#painted ? this.#viewportWidth : scroller.clientWidth || Infinity;
    if (rowHeight === this.#rowHeight && viewport === this.#viewportHeight && width === this.#viewportWidth) return;
    this.#rowHeight = rowHeight;
    this.#viewportHeight = viewport;
    this.#viewportWidth = width;
    this.#host.requestUpdate();
  }

  #applyLayout() {
    const { scroller, spacer, window: win, rows } = this.#o.parts();
    const w = this.window;
    if (spacer) spacer.style.height = `${w.scrollHeight}px`;
    if (win) win.style.height = `${Math.min(this.#viewportHeight, w.scrollHeight)}px`;
    if (rows) rows.style.transform = `translateY(${w.offset}px)`;
    const key = `${this.#o.count()}|${this.#rowHeight}|${this.#viewportHeight}`;
    if (scroller && key !== this.#layoutKey) {
      // The content size changed (rows loaded, an incident expanded, a resize): put the scrollbar
      // where the content is. Never otherwise: it would undo a scroll the browser has not reported yet.
      this.#layoutKey = key;
      const expected = scrollTopFor(this.#contentTop, this.#o.count(), this.#rowHeight, this.#viewportHeight);
      if (Math.abs(this.#scrollTop - expected) > 1) {
        scroller.scrollTop = expected;
        this.#scrollTop = scroller.scrollTop;
        this.#programmatic = { scrollTop: this.#scrollTop, contentTop: this.#contentTop };
      }
    }
  }
}
