/**
 * The alerts list's status bar, as a template in the list's own shadow root: how many match (and
 * how many older ones the data source does not list), the selection with Select all matching and
 * Clear, export progress with Cancel, and the Shift-range notices. The list owns the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, isOne } from '../../lib/format.js';
import { msg, str } from '../shared/l10n.js';

/** Shift ranges beyond this many rows offer "Select all matching" instead of fetching every row. */
export const MAX_RANGE = 5_000;

export interface StatusInput {
  total?: number;
  /** The list failed before it knew a total (no "Loading…" then). */
  failed: boolean;
  unlisted?: number;
  /** Rows of the loaded pages that could not be read. */
  unreadable?: number;
  /** What the data source said is missing, and why (a throttled backend). */
  incomplete?: string;
  /** While a slow first page loads: how long so far, and Cancel. */
  slow?: TemplateResult | typeof nothing;
  selected: number;
  allMatching: boolean;
  /** The export's progress or error (shared/list-export's `exportStatus`). */
  exportLine: TemplateResult | typeof nothing;
  rangeSelecting?: { rows: number };
  rangeNotice?: { rows?: number; message?: string };
  locale?: string;
  onSelectAllMatching: () => void;
  onClearSelection: () => void;
  onCancelRange: () => void;
  onDismissRangeNotice: () => void;
}

export function statusBar(s: StatusInput): TemplateResult {
  const { total, locale, selected } = s;
  const n = (v: number) => formatNumber(v, locale);
  return html`<div class="status-bar" part="status">
    <span role="status" aria-live="polite">${total === undefined ? (s.failed ? '' : msg('Loading…')) : isOne(total, locale) ? msg(str`${n(total)} incident or alert`) : msg(str`${n(total)} incidents and alerts`)}${total !== undefined && s.unlisted
      ? html`<span class="unlisted"> · ${isOne(s.unlisted, locale) ? msg(str`the data source lists the most recent; ${n(s.unlisted)} older alert is not listed`) : msg(str`the data source lists the most recent; ${n(s.unlisted)} older alerts are not listed`)}</span>`
      : nothing}</span>
    ${s.slow ?? nothing}
    ${s.incomplete ? html`<span class="incomplete" part="incomplete" role="status">⚠ ${s.incomplete}</span>` : nothing}
    ${s.unreadable ? html`<span class="unreadable-count">${isOne(s.unreadable, locale) ? msg(str`${n(s.unreadable)} row could not be read`) : msg(str`${n(s.unreadable)} rows could not be read`)}</span>` : nothing}
    ${selected ? html`<span class="selected-count">${msg(html`<strong>${n(selected)}</strong> selected`)}</span>` : nothing}
    ${selected && !s.allMatching && total && selected < total
      ? html`<button type="button" class="link" @click=${s.onSelectAllMatching}>${msg(str`Select all ${n(total)} matching`)}</button>`
      : nothing}
    ${selected ? html`<button type="button" class="link" @click=${s.onClearSelection}>${msg('Clear selection')}</button>` : nothing}
    ${s.exportLine}
    ${total ? html`<span class="print-only">${msg('On paper: the rows on screen. Export writes every matching row.')}</span>` : nothing}
    ${rangeStatus(s)}
  </div>`;
}

function rangeStatus(s: StatusInput): TemplateResult | typeof nothing {
  const n = (v: number) => formatNumber(v, s.locale);
  if (s.rangeSelecting) {
    return html`<span class="range-status" role="status">${msg(str`Selecting ${n(s.rangeSelecting.rows)} rows…`)}
      <button type="button" class="button subtle" @click=${s.onCancelRange}>${msg('Cancel')}</button></span>`;
  }
  const notice = s.rangeNotice;
  if (!notice) return nothing;
  return html`<span class="range-status" role="alert">
    ${notice.rows
      ? html`${msg(str`That range has ${n(notice.rows)} rows; ranges of up to ${n(MAX_RANGE)} are selected row by row.`)}
          <button type="button" class="link" @click=${() => {
            s.onDismissRangeNotice();
            s.onSelectAllMatching();
          }}>${msg(str`Select all ${n(s.total ?? 0)} matching`)}</button>`
      : notice.message}
    <button type="button" class="link" @click=${s.onDismissRangeNotice}>${msg('Dismiss')}</button>
  </span>`;
}
