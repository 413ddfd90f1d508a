/**
 * What the alerts grid draws: the header row (select all, sortable and resizable column headers),
 * each display row (a data row or an expanded incident's alert, loaded or not yet), its title cell
 * (expander, kind icon, link), and the states that replace the rows (no provider, no IP, failed,
 * nothing matches). Templates only: `<ip-alerts-list>` owns the state and passes what they show.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { contained, entityLink, marked, partialMark, skeletonLines, unreadableRow } from '../shared/ui.js';
import { alertIcon, incidentIcon } from '../shared/list-icons.js';
import { describeError } from '../shared/error-text.js';
import type { AlertItem } from '../../data/model.js';
import type { AlertSortField, LinkResolver, Sort } from '../../data/provider.js';
import type { CellContext, ColumnDef } from './columns.js';
import type { DisplayRow, IncidentExpansions } from './expansions.js';
import type { AlertPagesController } from './alert-pages.js';
import type { AlertSelection } from './selection.js';
import { msg, str } from '../shared/l10n.js';
import { revealControls } from '../../lib/text.js';

/** What a row and the header need to know, and whom they tell. */
export interface GridView {
  /** The element: navigation events are fired from it. */
  host: EventTarget;
  ip?: string;
  links?: LinkResolver;
  columns: readonly ColumnDef[];
  /** How many of `columns` (from the first; Infinity: all) have their cells filled; the rest wait, empty (off screen before the first paint). */
  filled: number;
  sort: Sort<AlertSortField>;
  /** Active cell: row −1 is the header; column 0 is the selection checkbox. */
  active: { row: number; col: number };
  selection: AlertSelection;
  expansions: IncidentExpansions;
  pages: AlertPagesController;
  row: (d: number) => DisplayRow;
  item: (row: DisplayRow) => AlertItem | undefined;
  onToggleAll: () => void;
  onHeaderClick: (col: number, column: ColumnDef) => void;
  onResizeStart: (e: PointerEvent, column: ColumnDef) => void;
  onRowClick: (e: MouseEvent, d: number, item: AlertItem | undefined) => void;
  onCheckbox: (e: MouseEvent, d: number, item: AlertItem) => void;
  onToggleExpand: (incident: AlertItem, index: number) => void;
}

export function gridHeader(v: GridView): TemplateResult {
  const all = v.selection.allMatching;
  const some = !v.selection.empty;
  const activeHeader = v.active.row < 0;
  return html`<div class="header-row" role="row" aria-rowindex="1" part="header">
    <div class="cell check" role="columnheader" data-col="0" tabindex=${activeHeader && v.active.col === 0 ? '0' : '-1'}>
      <input type="checkbox" tabindex="-1" aria-label=${msg('Select all matching')} .checked=${all} .indeterminate=${some && !all} @click=${(e: Event) => {
        e.stopPropagation();
        v.onToggleAll();
      }} />
    </div>
    ${v.columns.map((c, i) => {
      const sorted = c.sort !== undefined && v.sort.field === c.sort;
      return html`<div class="cell header ${c.sort ? '' : 'unsortable'}" role="columnheader" data-col=${i + 1} aria-sort=${c.sort ? (sorted ? (v.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none') : nothing}
        tabindex=${activeHeader && v.active.col === i + 1 ? '0' : '-1'} @click=${(e: MouseEvent) => {
          if ((e.composedPath()[0] as HTMLElement).closest?.('.resize-handle')) return;
          v.onHeaderClick(i + 1, c);
        }}>
        <span class="header-label">${c.label}</span>
        <span class="sort-mark" aria-hidden="true">${sorted ? (v.sort.direction === 'asc' ? '▲' : '▼') : ''}</span>
        <span class="resize-handle" aria-hidden="true" @pointerdown=${(e: PointerEvent) => v.onResizeStart(e, c)}></span>
      </div>`;
    })}
  </div>`;
}

function titleCell(v: GridView, item: AlertItem, row: DisplayRow): TemplateResult {
  const href = item.kind === 'incident' ? v.links?.incident?.(item.id) : v.links?.alert?.(item.id);
  const expanded = v.expansions.has(item.id);
  const kind = item.kind === 'incident' ? msg('Incident') : msg('Alert');
  // The expander comes after the title in the document (drawn before it, CSS order), so the cell
  // reads "Incident: <title>" first, then "Expand the alerts of …" with its state; + and − are
  // the keys, the button is for the pointer (not a Tab stop, as the grid pattern wants).
  return html`<span class="title-cell">
    ${row.kind === 'child' ? html`<span class="child-indent" aria-hidden="true"></span>` : nothing}
    <span class="kind-icon ${item.kind}" title=${kind}>${item.kind === 'incident' ? incidentIcon : alertIcon}<span class="visually-hidden">${msg(str`${kind}:`)}</span></span>
    ${partialMark(item.partial)}${entityLink(v.host, html`<span class="truncate">${marked(item.title)}</span>`, { target: item.kind, id: item.id, ip: v.ip }, href, { className: 'title-link', title: item.title, tabIndex: -1 })}
    ${item.kind === 'incident' && row.kind === 'row'
      ? html`<button type="button" class="expand" tabindex="-1" aria-expanded=${expanded ? 'true' : 'false'} aria-label=${expanded ? msg(str`Collapse the alerts of ${revealControls(item.title)}`) : msg(str`Expand the alerts of ${revealControls(item.title)}`)}
          @click=${(e: Event) => {
            e.stopPropagation();
            v.onToggleExpand(item, row.index);
          }}>${expanded ? '▾' : '▸'}</button>`
      : html`<span class="expand-space" aria-hidden="true"></span>`}
  </span>`;
}

/**
 * Display row `d`. Loaded and not-yet-loaded rows share one template, so when a page arrives Lit
 * only fills the cells: the row and cell elements (and the keyboard focus on them) stay.
 */
export function gridRow(v: GridView, d: number, ctx: CellContext): TemplateResult {
  const row = v.row(d);
  const loaded = v.item(row);
  // A row that could not be read keeps its place: its reason shows where its cells would, and it
  // cannot be selected, opened or changed.
  const unreadable = loaded?.unreadable;
  const item = unreadable ? undefined : loaded;
  const activeRow = v.active.row === d;
  const cellTab = (col: number) => (activeRow && v.active.col === col ? '0' : '-1');
  const selected = item ? v.selection.has(item.id) : false;
  const failed = !item && (row.kind === 'row' ? v.pages.failed(row.index) : Boolean(v.expansions.get(row.parentId)?.error));
  const emptyIncident = !item && row.kind === 'child' && v.expansions.get(row.parentId)?.items?.length === 0;
  let pending: TemplateResult | undefined;
  if (unreadable) pending = unreadableRow(unreadable, activeRow);
  else if (!item) {
    pending = failed
      ? html`<span class="error-text">${msg('These rows could not be loaded.')}</span> <button type="button" class="link" @click=${() => v.pages.retryFailed()}>${msg('Retry')}</button>`
      : emptyIncident
        ? html`<span class="muted">${msg('No alerts in this incident match the time range.')}</span>`
        : html`<span class="visually-hidden">${msg('Loading…')}</span>${skeletonLines([60])}`;
  }
  return html`<div class="row ${item ? '' : 'placeholder'} ${unreadable ? 'unreadable-row' : ''} ${selected ? 'selected' : ''} ${row.kind === 'child' ? 'child' : ''} ${activeRow ? 'active' : ''}"
    role="row" aria-rowindex=${d + 2} aria-selected=${item ? (selected ? 'true' : 'false') : nothing} aria-busy=${item || unreadable || failed || emptyIncident ? 'false' : 'true'}
    data-d=${d} part="row" @click=${(e: MouseEvent) => v.onRowClick(e, d, item)}>
    <div class="cell check" role="gridcell" data-col="0" tabindex=${cellTab(0)}>
      ${item ? html`<input type="checkbox" tabindex="-1" aria-label=${msg(str`Select ${revealControls(item.title)}`)} .checked=${selected} @click=${(e: MouseEvent) => v.onCheckbox(e, d, item)} />` : nothing}
    </div>
    ${v.columns.map(
      (c, i) => html`<div class="cell col-${c.id}" role="gridcell" data-col=${i + 1} data-label=${c.label} tabindex=${cellTab(i + 1)}>${
        !item
          ? i === 0
            ? pending
            : nothing
          : i >= v.filled
            ? nothing
            : contained(
                () => {
                  if (c.id === 'title') return titleCell(v, item, row);
                  const cell = c.render(item, ctx);
                  return typeof cell === 'string' ? marked(cell) : cell;
                },
                (error) => html`<span class="error-text" title=${describeError(error)}>${msg('Cannot show this value')}</span>`,
              )
      }</div>`,
    )}
  </div>`;
}

/** Placeholder rows while the first page loads. */
export function loadingRows(): TemplateResult[] {
  return Array.from({ length: 8 }, () => html`<div class="row placeholder" role="row"><div class="cell check" role="gridcell"></div><div class="cell wide" role="gridcell">${skeletonLines([55])}</div></div>`);
}

export interface BodyState {
  hasProvider: boolean;
  /** Why there is no IP to list for (an invalid one's message), when there is none. */
  noIp?: string;
  total?: number;
  error?: unknown;
  filtered: boolean;
  rangeText: string;
  onRetry: () => void;
  onClearFilters: () => void;
}

/** What shows instead of rows, when something does. */
export function bodyState(b: BodyState): TemplateResult | typeof nothing {
  if (!b.hasProvider) return html`<div class="state">${msg('No data provider configured.')}</div>`;
  if (b.noIp !== undefined) return html`<div class="state">${b.noIp}</div>`;
  if (b.error && b.total === undefined) {
    return html`<div class="state error" role="alert"><span class="state-message">${describeError(b.error)}</span>
      <button type="button" class="button" @click=${b.onRetry}>${msg('Retry')}</button></div>`;
  }
  if (b.total !== 0) return nothing;
  return b.filtered
    ? html`<div class="state">${msg('No incidents or alerts match these filters.')} <button type="button" class="button" @click=${b.onClearFilters}>${msg('Clear filters')}</button></div>`
    : html`<div class="state">${msg(str`No incidents or alerts involve this IP ${b.rangeText}.`)}</div>`;
}
