/**
 * The alerts list's columns: the built-in ones and the host's (`extraColumns`), which are shown,
 * in what order and how wide; stored per `storage-key` in localStorage (unless the host sets
 * `columns` itself); the widths applied through a constructed style sheet (no style attributes,
 * so strict CSP holds); resized by pointer or keyboard. The host owns `columns`; this controller
 * reads and sets it, before each render (`hostUpdate`) and after it (`hostUpdated`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { COLUMNS, defaultColumns, hostColumns, normalizeColumns, type AlertColumn, type ColumnDef, type ColumnState } from './columns.js';

/** The selection checkbox's column, before the data columns. */
export const CHECK_COLUMN_PX = 40;

/** The default column state, one shared instance: while `columns` is still it, the host has not set any. */
export const DEFAULT_COLUMNS: ColumnState[] = defaultColumns();

const MAX_WIDTH = 1200;

export interface ColumnsHost extends ReactiveControllerHost, HTMLElement {
  columns: ColumnState[];
  extraColumns?: readonly AlertColumn[];
  storageKey?: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class ColumnsController implements ReactiveController {
  readonly #host: ColumnsHost;
  readonly #sheet = new CSSStyleSheet();
  #defs: readonly ColumnDef[] = COLUMNS;
  #byId: ReadonlyMap<string, ColumnDef> = new Map(COLUMNS.map((c) => [c.id, c]));
  #visible?: { columns: ColumnState[]; defs: ColumnDef[] };
  /** What the last update saw: a change since is acted on in the next. */
  #seen?: { extra?: readonly AlertColumn[]; storageKey?: string; columns: ColumnState[] };
  #drawn?: ColumnState[];

  constructor(host: ColumnsHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.renderRoot as ShadowRoot;
    if (root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(this.#sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
  }

  /**
   * Before each render: the host's columns as definitions when they changed; stored choices when
   * a storage key arrives (unless the host set columns itself); columns normalized, and stored
   * when the user changed them.
   */
  hostUpdate(): void {
    const host = this.#host;
    const seen = this.#seen;
    const extraChanged = !seen || seen.extra !== host.extraColumns;
    if (extraChanged) {
      this.#defs = host.extraColumns?.length ? [...COLUMNS, ...hostColumns(host.extraColumns)] : COLUMNS;
      this.#byId = new Map(this.#defs.map((c) => [c.id, c]));
    }
    if (host.storageKey !== seen?.storageKey && host.storageKey && host.columns === DEFAULT_COLUMNS) this.#load();
    if (extraChanged || host.columns !== seen?.columns) {
      const given = host.columns;
      host.columns = normalizeColumns(given, this.#defs);
      // A change after the first render is the user's (or the host's) choice: kept for next time.
      if (seen && given !== seen.columns) this.#save();
    }
    this.#seen = { extra: host.extraColumns, storageKey: host.storageKey, columns: host.columns };
  }

  /** After each render: the widths of the visible columns, as one grid template. */
  hostUpdated(): void {
    const columns = this.#host.columns;
    if (this.#drawn === columns) return;
    this.#drawn = columns;
    const widths = columns.filter((c) => c.visible).map((c) => `${c.width}px`);
    this.#sheet.replaceSync(`.row, .header-row { grid-template-columns: ${CHECK_COLUMN_PX}px ${widths.join(' ')} minmax(0, 1fr); }`);
  }

  /** The definition of a column, built-in or the host's. */
  def(id: string): ColumnDef | undefined {
    return this.#byId.get(id);
  }

  /** The visible column definitions, in order (memoized: every row asks on every render). */
  get visible(): ColumnDef[] {
    const columns = this.#host.columns;
    if (this.#visible?.columns !== columns) this.#visible = { columns, defs: columns.filter((c) => c.visible).map((c) => this.#byId.get(c.id)).filter((d): d is ColumnDef => Boolean(d)) };
    return this.#visible.defs;
  }

  /** Show or hide a column (the title always shows). */
  toggle(id: string): void {
    if (id === 'title') return;
    this.#set(this.#host.columns.map((c) => (c.id === id ? { ...c, visible: !c.visible } : c)));
  }

  /** Move a column `delta` places (−1 earlier, +1 later). */
  move(id: string, delta: number): void {
    const columns = this.#host.columns;
    const i = columns.findIndex((c) => c.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= columns.length) return;
    const next = [...columns];
    [next[i], next[j]] = [next[j]!, next[i]!];
    this.#set(next);
  }

  /** Set a column's width, kept between its minimum and 1,200 px. */
  resize(id: string, width: number): void {
    const def = this.#byId.get(id);
    if (!def) return;
    this.#set(this.#host.columns.map((c) => (c.id === id ? { ...c, width: Math.min(MAX_WIDTH, Math.max(def.minWidth, Math.round(width))) } : c)));
  }

  /** Widen (or narrow, with a negative delta) a column: the keyboard's Shift+Arrow on a header. */
  widen(id: string, delta: number): void {
    this.resize(id, (this.#host.columns.find((c) => c.id === id)?.width ?? 100) + delta);
  }

  /** Back to the default columns. */
  reset(): void {
    this.#set(defaultColumns(this.#defs));
  }

  /** Start a pointer drag on a header's resize handle (right to left in RTL). */
  startResize(e: PointerEvent, id: string): void {
    e.preventDefault();
    e.stopPropagation();
    const handle = e.currentTarget as HTMLElement;
    const startX = e.clientX;
    const startWidth = this.#host.columns.find((c) => c.id === id)!.width;
    const sign = getComputedStyle(this.#host).direction === 'rtl' ? -1 : 1;
    handle.setPointerCapture(e.pointerId);
    const move = (m: PointerEvent) => this.resize(id, startWidth + (m.clientX - startX) * sign);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  }

  #set(next: ColumnState[]): void {
    this.#host.columns = next;
  }

  #storageName(): string | undefined {
    return this.#host.storageKey ? `ip-alerts-list:${this.#host.storageKey}:columns` : undefined;
  }

  #load(): void {
    const name = this.#storageName();
    if (!name) return;
    try {
      const raw = localStorage.getItem(name);
      if (raw) this.#host.columns = normalizeColumns(JSON.parse(raw), this.#defs);
    } catch {
      // storage unavailable or corrupt: keep the defaults
    }
  }

  #save(): void {
    const name = this.#storageName();
    if (!name) return;
    try {
      localStorage.setItem(name, JSON.stringify(this.#host.columns));
    } catch {
      // storage full or denied: the choice still applies to this page
    }
  }
}
