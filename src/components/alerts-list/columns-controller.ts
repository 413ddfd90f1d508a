/**
 * The alerts list's columns: which are shown, in what order and how wide; stored per
 * `storage-key` in localStorage (unless the host sets `columns` itself); the widths applied
 * through a constructed style sheet (no style attributes, so strict CSP holds); resized by
 * pointer or keyboard. The host owns the `columns` property; this controller reads and sets it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { COLUMN_BY_ID, defaultColumns, normalizeColumns, type ColumnDef, type ColumnId, type ColumnState } from './columns.js';

/** The default column state, one shared instance: while `columns` is still it, the host has not set any. */
export const DEFAULT_COLUMNS: ColumnState[] = defaultColumns();

const MAX_WIDTH = 1200;

export interface ColumnsHost extends ReactiveControllerHost, HTMLElement {
  columns: ColumnState[];
  storageKey?: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class ColumnsController implements ReactiveController {
  readonly #host: ColumnsHost;
  readonly #sheet = new CSSStyleSheet();
  #visible?: { columns: ColumnState[]; defs: ColumnDef[] };

  constructor(host: ColumnsHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.renderRoot as ShadowRoot;
    if (root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(this.#sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
  }

  /**
   * From the host's `willUpdate`: stored choices apply when a storage key arrives (unless the host
   * set columns itself); columns set are normalized, and stored when they change.
   */
  willUpdate(changed: Map<PropertyKey, unknown>): void {
    const host = this.#host;
    if (changed.has('storageKey') && host.storageKey && host.columns === DEFAULT_COLUMNS) this.#load();
    if (changed.has('columns')) {
      host.columns = normalizeColumns(host.columns);
      if (changed.get('columns') !== undefined) this.#save();
    }
  }

  /** From the host's `updated`: the widths of the visible columns, as one grid template. */
  updated(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('columns')) return;
    const widths = this.#host.columns.filter((c) => c.visible).map((c) => `${c.width}px`);
    this.#sheet.replaceSync(`.row, .header-row { grid-template-columns: 40px ${widths.join(' ')} minmax(0, 1fr); }`);
  }

  /** The visible column definitions, in order (memoized: every row asks on every render). */
  get visible(): ColumnDef[] {
    const columns = this.#host.columns;
    if (this.#visible?.columns !== columns) this.#visible = { columns, defs: columns.filter((c) => c.visible).map((c) => COLUMN_BY_ID.get(c.id)!) };
    return this.#visible.defs;
  }

  /** Show or hide a column (the title always shows). */
  toggle(id: ColumnId): void {
    if (id === 'title') return;
    this.#set(this.#host.columns.map((c) => (c.id === id ? { ...c, visible: !c.visible } : c)));
  }

  /** Move a column `delta` places (−1 earlier, +1 later). */
  move(id: ColumnId, delta: number): void {
    const columns = this.#host.columns;
    const i = columns.findIndex((c) => c.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= columns.length) return;
    const next = [...columns];
    [next[i], next[j]] = [next[j]!, next[i]!];
    this.#set(next);
  }

  /** Set a column's width, kept between its minimum and 1,200 px. */
  resize(id: ColumnId, width: number): void {
    const def = COLUMN_BY_ID.get(id)!;
    this.#set(this.#host.columns.map((c) => (c.id === id ? { ...c, width: Math.min(MAX_WIDTH, Math.max(def.minWidth, Math.round(width))) } : c)));
  }

  /** Widen (or narrow, with a negative delta) a column: the keyboard's Shift+Arrow on a header. */
  widen(id: ColumnId, delta: number): void {
    this.resize(id, (this.#host.columns.find((c) => c.id === id)?.width ?? 100) + delta);
  }

  /** Back to the default columns. */
  reset(): void {
    this.#set(defaultColumns());
  }

  /** Start a pointer drag on a header's resize handle (right to left in RTL). */
  startResize(e: PointerEvent, id: ColumnId): void {
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
      if (raw) this.#host.columns = normalizeColumns(JSON.parse(raw));
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
