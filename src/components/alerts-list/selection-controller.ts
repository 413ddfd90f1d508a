/**
 * Selecting in the alerts list, as a spreadsheet does: click selects one row, Ctrl/⌘-click
 * toggles, Shift-click and Shift+arrows select a range from the anchor (rows not loaded are
 * fetched, see `RangeSelect`), the header checkbox toggles "all matching". The side panel opens on
 * a selection and closes when it empties. The explicitly selected items are pinned, so the panel
 * shows them (and its form stays) after their pages are dropped while the grid scrolls.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AlertItem } from '../../data/model.js';
import type { AlertPagesController } from './alert-pages.js';
import type { DisplayRow, IncidentExpansions } from './expansions.js';
import { RangeSelect } from './range-select.js';
import { AlertSelection } from './selection.js';

export interface SelectionDeps {
  pages: AlertPagesController;
  expansions: IncidentExpansions;
  row: (d: number) => DisplayRow;
  item: (row: DisplayRow) => AlertItem | undefined;
  /** The selection changed: messages of the last save no longer apply. */
  changed: () => void;
}

export class SelectionController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #deps: SelectionDeps;
  readonly selection = new AlertSelection();
  readonly range: RangeSelect;
  #pinned = new Map<string, AlertItem>();
  #panelOpen = false;

  constructor(host: ReactiveControllerHost, deps: SelectionDeps) {
    this.#host = host;
    this.#deps = deps;
    this.range = new RangeSelect(host);
    host.addController(this);
  }

  /** Leaving the page stops fetching rows for a Shift-selection (it is not resumed: select again). */
  hostDisconnected(): void {
    this.range.cancel();
  }

  /** Whether the side panel is open. */
  get panelOpen(): boolean {
    return this.#panelOpen;
  }

  set panelOpen(open: boolean) {
    this.#panelOpen = open;
    this.#host.requestUpdate();
  }

  /** A new query: nothing selected, the panel closed. */
  reset(): void {
    this.range.reset();
    this.selection.clear();
    this.#pinned = new Map();
    this.panelOpen = false;
  }

  #changed(openPanel = true) {
    this.#deps.changed();
    this.#pin();
    if (this.selection.empty) this.panelOpen = false;
    else if (openPanel) this.panelOpen = true;
    this.#host.requestUpdate();
  }

  #pin() {
    const next = new Map<string, AlertItem>();
    const missing = new Set<string>();
    for (const id of this.selection.ids) {
      const pinned = this.#pinned.get(id);
      if (pinned) next.set(id, pinned);
      else missing.add(id);
    }
    if (missing.size) for (const a of this.loaded(missing)) next.set(a.id, a);
    this.#pinned = next;
  }

  only(ids: readonly string[], anchor?: number, openPanel = true): void {
    this.selection.only(ids);
    if (anchor !== undefined) this.selection.anchor = anchor;
    this.#changed(openPanel);
  }

  /** Toggle the item of display row `d`. */
  toggleRow(d: number): void {
    const item = this.#deps.item(this.#deps.row(d));
    if (!item) return;
    this.selection.toggle(item.id);
    this.selection.anchor = d;
    this.#changed();
  }

  /** Enter on row `d`: select it unless it is already among the selected, and open the panel. */
  openRow(d: number, item: AlertItem): void {
    if (!this.selection.has(item.id)) {
      this.selection.only([item.id]);
      this.selection.anchor = d;
    }
    this.#changed();
  }

  selectAllMatching(): void {
    this.selection.selectAllMatching();
    this.#changed();
  }

  clear(): void {
    this.selection.clear();
    this.#changed();
  }

  /** The header checkbox: clear when anything is selected, else all matching. */
  toggleAll(): void {
    if (this.selection.empty) this.selectAllMatching();
    else this.clear();
  }

  /** Select display rows [a, b], loading what is missing (see RangeSelect). */
  async selectRange(a: number, b: number): Promise<void> {
    const ids = await this.range.ids(a, b, { row: this.#deps.row, item: this.#deps.item, pages: this.#deps.pages });
    if (!ids) return;
    this.selection.add(ids);
    this.#changed();
  }

  /** Shift+Up/Down from `previous` to `row`. */
  extend(row: number, previous: number): void {
    if (this.selection.anchor === undefined) this.selection.anchor = previous;
    void this.selectRange(this.selection.anchor, row);
  }

  click(e: MouseEvent, d: number, item: AlertItem): void {
    if (e.shiftKey && this.selection.anchor !== undefined) {
      void this.selectRange(this.selection.anchor, d);
      return;
    }
    if (e.ctrlKey || e.metaKey) this.selection.toggle(item.id);
    else this.selection.only([item.id]);
    this.selection.anchor = d;
    this.#changed();
  }

  checkbox(e: MouseEvent, d: number, item: AlertItem): void {
    e.stopPropagation();
    if (e.shiftKey && this.selection.anchor !== undefined) {
      e.preventDefault();
      void this.selectRange(this.selection.anchor, d);
      return;
    }
    this.selection.toggle(item.id);
    this.selection.anchor = d;
    this.#changed();
  }

  /** Loaded items with these ids, in pages and expanded incidents. */
  loaded(ids: ReadonlySet<string>): AlertItem[] {
    const out = this.#deps.pages.findLoaded(ids);
    for (const a of this.#deps.expansions.loaded(ids)) if (!out.some((x) => x.id === a.id)) out.push(a);
    return out;
  }

  /** Put new versions of items in place everywhere (pages, expansions, pinned); returns the versions replaced. */
  replace(items: readonly AlertItem[]): Map<string, AlertItem> {
    const previous = this.#deps.pages.replace(items);
    const byId = new Map(items.map((a) => [a.id, a]));
    this.#deps.expansions.replace(byId, previous);
    for (const [id, a] of this.#pinned) {
      const next = byId.get(id);
      if (!next) continue;
      if (!previous.has(id)) previous.set(id, a);
      this.#pinned.set(id, next);
    }
    this.#host.requestUpdate();
    return previous;
  }

  /** What the panel lists: the pinned items; in "all matching" mode, up to 20 selected rows in view. */
  panelItems(window: { start: number; end: number }): AlertItem[] {
    if (!this.#panelOpen) return [];
    if (!this.selection.allMatching) return [...this.#pinned.values()];
    const out: AlertItem[] = [];
    for (let d = window.start; d < window.end && out.length < 20; d++) {
      const item = this.#deps.item(this.#deps.row(d));
      if (item && this.selection.has(item.id)) out.push(item);
    }
    return out;
  }
}
