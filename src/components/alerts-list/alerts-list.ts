import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ipProblemText } from '../shared/ip-problem.js';
import { property, query, state } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { alertsListStyles } from './alerts-list.styles.js';
import { navigate } from '../shared/ui.js';
import { slowNoticeSince } from '../shared/late-notice.js';
import { searchFieldStyles } from '../shared/search-field.styles.js';
import { QueryController } from './query-controller.js';
import { filterMenuStyles } from '../shared/filter-menu.styles.js';
import { AlertPagesController, type AlertsQuery } from './alert-pages.js';
import { SelectionController } from './selection-controller.js';
import type { AlertColumn, ColumnDef, ColumnState } from './columns.js';
import { statusBar } from './status.js';
import { columnChooser } from './toolbar.js';
import { exportMenu, exportStatus, ipExportName, ListExportController } from '../shared/list-export.js';
import { exportStyles } from '../shared/list-export.styles.js';
import { CHECK_COLUMN_PX, ColumnsController, DEFAULT_COLUMNS } from './columns-controller.js';
import { IncidentExpansions, type DisplayRow, type ExpansionSource } from './expansions.js';
import { bodyState, gridHeader, gridRow, loadingRows, type GridView } from './rows.js';
import { VirtualScrollController } from './virtual-scroll.js';
import { AlertSaveController } from './save-controller.js';
import { GridNavigationController } from './grid-navigation.js';
import { IpSectionElement } from '../base/section-element.js';
import type { IpAlertsFlyout } from './alerts-flyout.js';
import type { IpFlyoutSaveEvent } from '../../events/internal.js';
import './ip-alerts-flyout.js';
import type { AlertItem } from '../../data/model.js';
import { type AlertFilter, type AlertSortField, type Sort } from '../../data/provider.js';
import { checkFilter, filterCount, parseFilter, parseSort, serializeFilter, serializeSort, type DroppedFilterValue } from '../../data/alert-filter.js';
import { filterNotice } from './filter-notice.js';
import type { ExportFormat } from '../shared/export.js';
import { alertExportFields } from './export-fields.js';
import { safeHref } from '../../lib/safe-url.js';
import { describeRange } from '../shared/range-text.js';
import { IpAlertsUpdatedEvent } from '../../events/events.js';
import { msg } from '../shared/l10n.js';

/**
 * The incidents and alerts whose story includes the IP, in a grid built for big data: pages are
 * fetched as you scroll (the provider filters, sorts and pages), a million rows scroll to the
 * last one, and the DOM holds only the rows on screen. Filter on any column, search, sort,
 * choose and resize columns, select (click, Shift-click, Ctrl-click, Space, Shift+Arrow, or all
 * matching), manage the selection in the side panel, and export CSV or JSON.
 *
 * Keyboard (WAI-ARIA grid): one tab stop; arrows move between cells without wrapping; Page Up/Down;
 * Home/End within the row; Ctrl+Home/Ctrl+End to the first/last row of the data; Space selects,
 * Shift+Arrow extends; Enter opens the title (on the title cell) or the details panel; + and −
 * expand and collapse an incident; Shift+Left/Right on a header resizes its column; `/` searches.
 *
 * @tag ip-alerts-list
 * @fires ip-navigate - A title was activated (`target: 'alert' | 'incident'`, `id`, `href` when the provider links it). Cancelable.
 * @fires ip-alerts-updated - Incidents or alerts were changed through the panel; `detail: { items }`.
 * @fires ip-error - The list failed to load; `detail: { section: 'alerts', ip, error, message }`.
 * @fires ip-filter-change - The user changed filters, search or sort; `detail: { filter, search, sort }`.
 * @csspart base - The wrapper.
 * @csspart toolbar - Search, filters, columns and export.
 * @csspart status - The line with the count, the selection and export progress.
 * @csspart filter-notice - Says which values of a filter given from outside were not applied.
 * @csspart incomplete - Says what the data source left out of the list, and why (a throttled backend).
 * @csspart grid - The grid (scrolling area).
 * @csspart header - The header row.
 * @csspart row - Each row.
 * @csspart flyout - The details and management panel.
 * @cssprop --ip-alerts-list-height - Height of the element (default 640px).
 * @cssprop --ip-alerts-list-row-height - Row height (default: the `--ip-row-height` density token, 36px; 28px compact).
 * @cssprop --ip-color-selected - Background of selected rows.
 * @cssprop --ip-color-hover - Background of the row under the pointer.
 */
export class IpAlertsList extends IpSectionElement {
  static override styles = [tokens, sharedStyles, filterMenuStyles, searchFieldStyles, exportStyles, alertsListStyles];

  readonly #pages = new AlertPagesController(this);
  readonly #columnsCtl = new ColumnsController(this);

  readonly #expansions = new IncidentExpansions(() => this.requestUpdate());
  readonly #select = new SelectionController(this, {
    pages: this.#pages,
    expansions: this.#expansions,
    row: (d) => this.#displayRow(d),
    item: (r) => this.#itemAt(r),
    changed: () => this.#save.clearMessages(),
  });
  readonly #scroll = new VirtualScrollController(this, {
    count: () => this.#displayCount,
    parts: () => ({ scroller: this.scroller, spacer: this.spacerEl, window: this.windowEl, rows: this.rowsEl }),
    header: () => this.scroller?.querySelector<HTMLElement>('.header-row'),
    rowHeightProperty: '--_list-row-height',
  });
  readonly #query = new QueryController(this, { searchInput: () => this.searchInput, nearby: () => this.#nearbyItems() });
  readonly #export = new ListExportController<AlertItem>(this, {
    fields: () => alertExportFields(this.#columnsCtl.visible),
    batches: (signal) => this.#pages.all(signal),
    fileName: (format) => ipExportName('incidents-and-alerts', this.source.ip?.canonical, format),
    total: () => this.#pages.total,
  });
  readonly #save = new AlertSaveController(this, {
    provider: () => this.source.provider,
    pages: this.#pages,
    selection: this.#select.selection,
    total: () => this.#total ?? 0,
    locale: () => this.locale,
    currentUser: () => this.currentUser ?? 'you',
    loaded: (ids) => this.#select.loaded(ids),
    replace: (items) => this.#select.replace(items),
    panelOpen: () => this.#select.panelOpen,
    saved: (items) => {
      this.flyout?.saved(items);
      this.dispatchEvent(new IpAlertsUpdatedEvent({ items }));
    },
  });
  #lastError?: unknown;
  #reportedGeneration = -1;
  readonly #nav = new GridNavigationController(this, {
    scroller: () => this.scroller,
    rows: () => this.#displayCount,
    columns: () => this.#columnsCtl.visible.length,
    pageRows: () => this.#scroll.pageRows,
    reveal: (row) => this.#scroll.reveal(row),
    actions: {
      header: (col) => (col === 0 ? this.#select.toggleAll() : this.#sortByColumn(this.#columnsCtl.visible[col - 1])),
      toggle: (row) => this.#select.toggleRow(row),
      open: (row, col) => {
        const item = this.#itemAt(this.#displayRow(row));
        if (!item) return;
        if (col > 0 && this.#columnsCtl.visible[col - 1]!.id === 'title') return this.#openTitle(item);
        this.#select.openRow(row, item);
        void this.updateComplete.then(() => this.flyout?.focus());
      },
      expand: (row, open) => {
        const r = this.#displayRow(row);
        const item = r.kind === 'row' ? this.#itemAt(r) : undefined;
        if (r.kind === 'row' && item?.kind === 'incident' && open !== this.#expansions.has(item.id)) this.#toggleExpand(item, r.index);
      },
      selectAll: () => this.#select.selectAllMatching(),
      resize: (col, delta) => this.#columnsCtl.widen(this.#columnsCtl.visible[col - 1]!.id, delta),
      extend: (row, previous) => this.#select.extend(row, previous),
      search: () => this.searchInput?.focus(),
      escape: () => {
        if (this.#select.range.busy) this.#select.range.cancel();
        else if (this.#select.panelOpen) this.#closeFlyout();
        else if (this.#query.menu) this.#query.menu = undefined;
        else return false;
        return true;
      },
    },
  });

  @query('.scroller') private scroller?: HTMLElement;
  @query('.rows') private rowsEl?: HTMLElement;
  @query('.spacer') private spacerEl?: HTMLElement;
  @query('.window') private windowEl?: HTMLElement;
  @query('ip-alerts-flyout') private flyout?: IpAlertsFlyout;
  @query('#search') private searchInput?: HTMLInputElement;

  /** Filter values given from outside that the list does not apply (said above the grid). */
  @state() private droppedFilter: readonly DroppedFilterValue[] = [];

  /** Value-list filters. As an attribute: `severity:high,medium;status:new;assignedTo:` (empty value = not set). */
  @property({ attribute: 'filter', reflect: true, converter: { fromAttribute: (v) => parseFilter(v), toAttribute: (v: AlertFilter) => serializeFilter(v) || null } })
  filter: AlertFilter = {};
  /** Free text over title, description, id and impacted assets. */
  @property({ type: String }) search = '';
  /** Sort, e.g. `severity:desc`; default last activity, newest first. */
  @property({ attribute: 'sort', reflect: true, converter: { fromAttribute: (v) => parseSort(v), toAttribute: (v?: Sort<AlertSortField>) => (v ? serializeSort(v) : null) } })
  sort?: Sort<AlertSortField>;
  /** Column order, visibility and widths. Persisted under `storage-key` when set. */
  @property({ attribute: false }) columns: ColumnState[] = DEFAULT_COLUMNS;
  /**
   * Columns of the host's own, after the built-in ones: an id, a header and a renderer per column
   * (`AlertColumn`), their values usually from the items' `extensions`. Chosen, ordered, resized,
   * stored and exported like the built-in columns.
   */
  @property({ attribute: false }) extraColumns?: readonly AlertColumn[];
  /** Persist the column choice in localStorage under this key (one per host page). */
  @property({ type: String, attribute: 'storage-key' }) storageKey?: string;
  /** The signed-in user, for "Assign to me". */
  @property({ type: String, attribute: 'current-user' }) currentUser?: string;

  /** The panel's management needs to know whether the provider can update alerts. */
  protected override get needsCapabilities(): boolean {
    return true;
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page (or moved): fetch what was interrupted (AlertPagesController resumes itself).
    if (this.hasUpdated) {
      const source = this.#expansionSource();
      if (source) this.#expansions.resume(source);
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Incidents whose alerts are still loading stay expanded and ask again on return.
    this.#expansions.pause();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Only values the list can apply reach the data source; what a link gave beyond them is said.
    if (changed.has('filter')) {
      const { filter, dropped } = checkFilter(this.filter);
      if (dropped.length) this.filter = filter;
      this.droppedFilter = dropped;
    }
    const provider = this.source.provider;
    const ip = this.source.ip;
    const query: AlertsQuery | undefined =
      provider && ip ? { provider, ip: ip.canonical, range: this.source.timeRange, filter: this.filter ?? {}, search: this.search.trim(), sort: this.sort } : undefined;
    if (this.#pages.setQuery(query)) this.#onQueryChanged();
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#reportPageError();
  }

  // ---- data ---------------------------------------------------------------------------------

  #onQueryChanged() {
    this.#save.queryChanged();
    this.#expansions.clear();
    this.#select.reset();
    this.#scroll.reset();
    this.#nav.active = { row: 0, col: this.#nav.active.col };
    this.#export.cancel();
  }

  /** Report a page load that failed, once per failure. */
  #reportPageError() {
    const error = this.#pages.error;
    if (!error || error === this.#lastError) return;
    if (this.#reportedGeneration === this.#pages.generation) return;
    this.#lastError = error;
    this.#reportedGeneration = this.#pages.generation;
    this.reportError('alerts', error);
  }

  /** Reload the list from the provider (keeps filters, sort and columns). */
  refresh(): void {
    this.source.forget('listAlerts');
    this.#pages.reload();
    this.#onQueryChanged();
    this.requestUpdate();
  }

  get #total(): number | undefined {
    return this.#pages.total;
  }

  /** Rows shown: the data rows plus the alerts of expanded incidents. */
  get #displayCount(): number {
    return this.#expansions.count(this.#total ?? 0);
  }

  #displayRow(d: number): DisplayRow {
    return this.#expansions.row(d);
  }

  #itemAt(row: DisplayRow): AlertItem | undefined {
    return row.kind === 'row' ? this.#pages.get(row.index) : this.#expansions.child(row);
  }

  #expansionSource(): ExpansionSource | undefined {
    const provider = this.source.provider;
    const query = this.#pages.query;
    return provider && query ? { provider, ip: query.ip, range: query.range } : undefined;
  }

  #toggleExpand(incident: AlertItem, index: number) {
    const source = this.#expansionSource();
    if (!source) return;
    this.#expansions.toggle(incident, index, source);
    this.requestUpdate();
  }

  // ---- public methods -----------------------------------------------------------------------

  /** Select these incidents or alerts (by id) and open the side panel, as a click would. */
  selectIds(ids: readonly string[], options: { openPanel?: boolean } = {}): void {
    this.#select.only(ids, undefined, options.openPanel ?? true);
  }

  /** Scroll to a row (0-based, counting expanded incidents' alerts). */
  scrollToIndex(index: number): void {
    this.#scroll.scrollToRow(index);
  }

  /** Sort by a column: a second click reverses the direction. */
  sortBy(field: AlertSortField, direction?: 'asc' | 'desc'): void {
    this.#query.sortBy(field, direction);
  }

  /** A header's click or Enter: sort by what the column sorts by (a host's column may sort by nothing). */
  #sortByColumn(column: ColumnDef | undefined): void {
    if (column?.sort) this.sortBy(column.sort);
  }

  /** Loaded items around the view (200 rows either side): where open filter menus find their values. */
  *#nearbyItems(): Generator<AlertItem> {
    const w = this.#scroll.window;
    for (let d = Math.max(0, w.start - 200); d < Math.min(this.#displayCount, w.end + 200); d++) {
      const item = this.#itemAt(this.#displayRow(d));
      if (item) yield item;
    }
  }

  #onRowClick(e: MouseEvent, d: number, item: AlertItem | undefined) {
    const target = e.composedPath()[0] as HTMLElement;
    if (target.closest?.('a, button, input, .resize-handle') || !item) return;
    this.#nav.active = { row: d, col: this.#nav.active.row < 0 ? 1 : this.#nav.active.col };
    this.#select.click(e, d, item);
  }

  // ---- management ---------------------------------------------------------------------------

  /** The panel's Save: see AlertSaveController. */
  #onSave(e: IpFlyoutSaveEvent) {
    e.stopPropagation();
    void this.#save.save(e.detail.patch);
  }

  #closeFlyout() {
    this.#select.panelOpen = false;
    this.#nav.focusSoon();
  }

  // ---- export -------------------------------------------------------------------------------

  /**
   * Every matching row, fetched page by page, as CSV (visible columns in order, safe for
   * spreadsheets) or JSON. Resolves with the text; the Export menu downloads it. Without a
   * signal, it still stops when the element leaves the page.
   */
  exportData(format: ExportFormat, signal?: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<string> {
    return this.#export.text(format, signal, onProgress);
  }

  // ---- keyboard -----------------------------------------------------------------------------

  #openTitle(item: AlertItem) {
    const links = this.source.provider?.links;
    // Only http(s) and same-origin links are ever followed (the guard checks them too).
    const href = safeHref(item.kind === 'incident' ? links?.incident?.(item.id) : links?.alert?.(item.id));
    const notCanceled = navigate(this, { target: item.kind, id: item.id, ip: this.source.ip?.canonical, href });
    if (notCanceled && href) window.location.assign(href);
  }

  // ---- rendering ----------------------------------------------------------------------------

  #renderToolbar(): TemplateResult {
    const q = this.#query;
    return html`<div class="toolbar" part="toolbar" @keydown=${q.onToolbarKeydown}>
      ${q.renderSearchAndFilters()}
      <div class="tools" role="toolbar" aria-label=${msg('List tools')} @keydown=${q.toolsKeys.onKeydown} @focusin=${q.toolsKeys.onFocusin}>
        ${columnChooser({ columns: this.columns, open: q.menu === 'columns', onToggleOpen: () => q.toggleMenu('columns'), controller: this.#columnsCtl })}
        ${exportMenu({ open: q.menu === 'export', total: this.#total, noun: 'rows', busy: !!this.#export.progress, locale: this.locale, onToggleOpen: () => q.toggleMenu('export'), onExport: (f) => {
          q.menu = undefined;
          void this.#export.download(f);
        } })}
      </div>
    </div>`;
  }

  #renderStatus(): TemplateResult {
    return statusBar({
      total: this.#total,
      failed: Boolean(this.#pages.error),
      unlisted: this.#pages.unlisted,
      unreadable: this.#pages.unreadable,
      incomplete: this.#pages.incomplete,
      slow: this.#total === undefined && !this.#pages.error && this.source.provider && this.source.ip ? slowNoticeSince(this.#pages.startedAt, () => this.#pages.cancelFirst(), this) : undefined,
      selected: this.#select.selection.count(this.#total ?? 0),
      allMatching: this.#select.selection.allMatching,
      exportLine: exportStatus(this.#export, this.locale),
      rangeSelecting: this.#select.range.busy,
      rangeNotice: this.#select.range.notice,
      locale: this.locale,
      onSelectAllMatching: () => this.#select.selectAllMatching(),
      onClearSelection: () => this.#select.clear(),
      onCancelRange: () => this.#select.range.cancel(),
      onDismissRangeNotice: () => this.#select.range.dismiss(),
    });
  }

  /** A key pressed before the first paint fills every cell first: the cell it moves to shows its value. */
  readonly #onGridKeydown = (e: KeyboardEvent): void => {
    this.#scroll.fillNow();
    this.#nav.onKeydown(e);
  };

  #gridView(): GridView {
    return {
      host: this,
      ip: this.source.ip?.canonical,
      links: this.source.provider?.links,
      columns: this.#columnsCtl.visible,
      // The columns are normalized: each visible one is drawn, in this order.
      filled: this.#scroll.columnsToFill(this.columns, CHECK_COLUMN_PX),
      sort: this.sort ?? { field: 'lastActivity', direction: 'desc' },
      active: this.#nav.active,
      selection: this.#select.selection,
      expansions: this.#expansions,
      pages: this.#pages,
      row: (d) => this.#displayRow(d),
      item: (r) => this.#itemAt(r),
      onToggleAll: () => this.#select.toggleAll(),
      onHeaderClick: (col, c) => {
        this.#nav.active = { row: -1, col };
        this.#sortByColumn(c);
      },
      onResizeStart: (e, c) => this.#columnsCtl.startResize(e, c.id),
      onRowClick: (e, d, item) => this.#onRowClick(e, d, item),
      onCheckbox: (e, d, item) => this.#select.checkbox(e, d, item),
      onToggleExpand: (item, index) => this.#toggleExpand(item, index),
    };
  }

  override render() {
    const ctx = { locale: this.locale, now: Date.now() };
    const total = this.#total;
    const count = this.#displayCount;
    const w = this.#scroll.window;
    if (total !== undefined) {
      // Ask for the pages under the viewport (and a little around it).
      const first = w.start < count ? this.#displayRow(w.start) : undefined;
      const last = w.end > 0 ? this.#displayRow(Math.max(0, w.end - 1)) : undefined;
      const from = first ? (first.kind === 'row' ? first.index : first.parent) : 0;
      const to = last ? (last.kind === 'row' ? last.index : last.parent) + 1 : 0;
      this.#pages.ensure(from, to);
    }
    const loadingFirst = total === undefined && !this.#pages.error && Boolean(this.source.provider && this.source.ip);
    const rows: TemplateResult[] = [];
    const view = this.#gridView();
    if (total !== undefined) for (let d = w.start; d < w.end; d++) rows.push(gridRow(view, d, ctx));
    const activeRendered = this.#nav.rendered(w.start, w.end);
    const flyoutItems = this.#select.panelItems(w);
    const manageable = Boolean(this.capabilities?.updateAlerts && this.source.provider?.updateAlerts);
    return html`<div part="base" class="list ${this.#select.panelOpen ? 'with-flyout' : ''}">
      ${this.#renderToolbar()}
      ${this.#query.renderActive()}
      ${filterNotice(this.droppedFilter, () => (this.droppedFilter = []))}
      ${this.#renderStatus()}
      <div class="main">
        <div class="grid-wrap">
          <div class="scroller" part="grid" role="grid" aria-label=${msg('Incidents and alerts')} aria-multiselectable="true"
            aria-rowcount=${total === undefined ? '-1' : String(count + 1)} aria-colcount=${this.#columnsCtl.visible.length + 1}
            aria-busy=${loadingFirst ? 'true' : 'false'} tabindex=${activeRendered ? '-1' : '0'}
            @scroll=${this.#scroll.onScroll} @keydown=${this.#onGridKeydown} @focus=${this.#nav.onScrollerFocus}
            @focusin=${this.#nav.onFocusin} @focusout=${this.#nav.onFocusout}>
            ${gridHeader(view)}
            <div class="spacer"><div class="window"><div class="rows" role="rowgroup">
              ${loadingFirst ? loadingRows() : rows}
            </div></div></div>
          </div>
          ${bodyState({
            hasProvider: Boolean(this.source.provider),
            noIp: this.source.ip ? undefined : this.source.ownIp && !this.source.ownIp.ok ? ipProblemText(this.source.ownIp) : msg('No IP address.'),
            total,
            error: this.#pages.error,
            filtered: filterCount(this.filter) > 0 || this.search.trim() !== '',
            rangeText: describeRange(this.source.timeRange, this.source.range.key),
            onRetry: () => this.refresh(),
            onClearFilters: () => this.#query.clearAll(),
          })}
          ${this.#save.message ? html`<p class="error-text" role="alert">${this.#save.message}</p>` : nothing}
        </div>
        ${this.#select.panelOpen
          ? html`<ip-alerts-flyout part="flyout" .items=${flyoutItems} count=${this.#select.selection.count(total ?? 0)} selection-key=${this.#select.selection.version} ?manageable=${manageable}
              current-user=${this.currentUser ?? ''} ?saving=${this.#save.saving} .error=${this.#save.error} .locale=${this.locale}
              @ip-flyout-save=${this.#onSave} @ip-flyout-close=${() => this.#closeFlyout()}></ip-alerts-flyout>`
          : nothing}
      </div>
    </div>`;
  }
}

