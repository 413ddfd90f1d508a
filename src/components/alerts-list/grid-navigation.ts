/**
 * The alerts grid's keyboard and focus, as the WAI-ARIA grid pattern asks: one tab stop (the
 * active cell), arrows and Page/Home/End move it (`gridMove`), Shift+Up/Down extends the
 * selection, and the keys that act on a cell are handed to the list (`GridActions`). Focus care
 * for a virtual grid: rows are recycled as it scrolls, so after each render the focus is put back
 * on the active cell (never left on a row now showing another item, never dropped to the page).
 */
import type { LitElement, ReactiveController } from 'lit';
import { gridMove, type GridPosition } from '../shared/grid-keys.js';

/** What keys do to the cell they are pressed on; the list decides. */
export interface GridActions {
  /** Space / Enter on a header cell (column 0: select all; else sort). */
  header(col: number): void;
  /** Space on a row: toggle its selection. */
  toggle(row: number): void;
  /** Enter on a row: open the title (title column) or the details panel. */
  open(row: number, col: number): void;
  /** + / − on an incident row. */
  expand(row: number, open: boolean): void;
  /** Ctrl+A. */
  selectAll(): void;
  /** Shift+Left/Right on a column header: resize column `col` (1-based) by `delta` px. */
  resize(col: number, delta: number): void;
  /** Shift+arrows: select rows from `anchor` to `row`. */
  extend(row: number, previous: number): void;
  /** `/`. */
  search(): void;
  /** Escape: close what is open; false when nothing was. */
  escape(): boolean;
}

export interface GridNavigationDeps {
  scroller: () => HTMLElement | undefined;
  /** Display rows. */
  rows: () => number;
  /** Visible data columns (the checkbox column is 0, so columns run 0..count). */
  columns: () => number;
  pageRows: () => number;
  reveal: (row: number) => void;
  actions: GridActions;
}

export class GridNavigationController implements ReactiveController {
  readonly #host: LitElement;
  readonly #deps: GridNavigationDeps;
  /** Active cell: row −1 is the header; column 0 is the selection checkbox. */
  #active: GridPosition = { row: 0, col: 1 };
  #focusAfterRender = false;
  /** Focus is in the grid (kept through re-renders that replace the focused row). */
  #focused = false;

  constructor(host: LitElement, deps: GridNavigationDeps) {
    this.#host = host;
    this.#deps = deps;
    host.addController(this);
  }

  get active(): GridPosition {
    return this.#active;
  }

  set active(position: GridPosition) {
    if (position.row === this.#active.row && position.col === this.#active.col) return;
    this.#active = position;
    this.#host.requestUpdate();
  }

  /** Whether the active cell is among rows [start, end) (or in the header). */
  rendered(start: number, end: number): boolean {
    return this.#active.row < 0 || (this.#active.row >= start && this.#active.row < end);
  }

  /** Put focus on the active cell after the next render (e.g. when a panel closes). */
  focusSoon(): void {
    this.#focusAfterRender = true;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const root = this.#host.renderRoot as ShadowRoot;
    if (this.#focusAfterRender || (this.#focused && !root.activeElement)) {
      // Also when the focused row was re-rendered (a placeholder became a loaded row): focus
      // must not fall back to the document.
      this.#focusAfterRender = false;
      const cell = this.#cell();
      if (cell) cell.focus({ preventScroll: true });
      else this.#deps.scroller()?.focus({ preventScroll: true });
    } else this.#keepFocusHonest();
  }

  #cell(): HTMLElement | null {
    const { row, col } = this.#active;
    return this.#host.renderRoot.querySelector<HTMLElement>(row < 0 ? `.header-row [data-col="${col}"]` : `.row[data-d="${row}"] [data-col="${col}"]`);
  }

  /** A recycled row may now show another item: never leave focus on the wrong row. */
  #keepFocusHonest() {
    const focused = (this.#host.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    if (!focused?.dataset['col']) return;
    const rowEl = focused.closest<HTMLElement>('.row');
    const d = rowEl ? Number(rowEl.dataset['d']) : -1;
    if (d !== this.#active.row || Number(focused.dataset['col']) !== this.#active.col) this.#deps.scroller()?.focus({ preventScroll: true });
  }

  moveTo(row: number, col: number, extend = false): void {
    const r = Math.max(-1, Math.min(this.#deps.rows() - 1, row));
    const c = Math.max(0, Math.min(this.#deps.columns(), col));
    const previous = this.#active.row;
    this.active = { row: r, col: c };
    if (r >= 0) this.#deps.reveal(r);
    if (extend && r >= 0 && previous >= 0) this.#deps.actions.extend(r, previous);
    this.focusSoon();
  }

  readonly onKeydown = (e: KeyboardEvent): void => {
    if ((e.composedPath()[0] as HTMLElement).closest?.('input, select, textarea') && e.key !== 'Escape') return;
    const { row, col } = this.#active;
    const act = this.#deps.actions;
    const ctrl = e.ctrlKey || e.metaKey;
    let handled = true;
    const move = gridMove(e.key, ctrl, this.#active, { lastRow: this.#deps.rows() - 1, lastCol: this.#deps.columns(), pageRows: this.#deps.pageRows() });
    if (e.shiftKey && row < 0 && col > 0 && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) act.resize(col, e.key === 'ArrowRight' ? 16 : -16);
    // Shift+Up/Down extends the selection, as in a spreadsheet.
    else if (move) this.moveTo(move.row, move.col, e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp'));
    else if (e.key === ' ' || e.key === 'Spacebar' || e.key === 'Enter') {
      if (row < 0) act.header(col);
      else if (e.key === 'Enter') act.open(row, col);
      else act.toggle(row);
    } else if ((e.key === '+' || e.key === '-') && row >= 0) act.expand(row, e.key === '+');
    else if ((e.key === 'a' || e.key === 'A') && ctrl) act.selectAll();
    else if (e.key === '/') act.search();
    else if (e.key === 'Escape') handled = act.escape();
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  /** Tab lands on the grid itself only when the active cell is scrolled away: bring it back. */
  readonly onScrollerFocus = (e: FocusEvent): void => {
    if (e.target !== this.#deps.scroller()) return;
    if (this.#active.row >= 0) this.#deps.reveal(this.#active.row);
    this.focusSoon();
  };

  /** A cell focused by a click or by a host becomes the active cell. */
  readonly onFocusin = (e: FocusEvent): void => {
    this.#focused = true;
    const cell = e.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset['col'] !== undefined);
    if (!cell) return;
    const rowEl = cell.closest<HTMLElement>('.row, .header-row');
    const row = rowEl?.classList.contains('header-row') ? -1 : Number(rowEl?.dataset['d']);
    if (Number.isFinite(row)) this.active = { row, col: Number(cell.dataset['col']) };
  };

  readonly onFocusout = (e: FocusEvent): void => {
    const next = e.relatedTarget as Node | null;
    if (!next || !this.#deps.scroller()?.contains(next)) this.#focused = false;
  };
}
