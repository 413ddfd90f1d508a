/**
 * What the list says when a filter it was given (a deep link's `alerts-filter`, the host's
 * `filter`) had values it does not apply: a value a closed field does not have
 * (`severity:constructor`), a time interval it cannot read, text too long, too many values.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../shared/l10n.js';
import type { DroppedFilterValue } from '../../data/alert-filter.js';
import { MAX_FILTER_VALUES } from '../../data/alert-filter.js';
import { revealControls } from '../../lib/text.js';
import { FILTER_MENUS } from './toolbar.js';

function reason(d: DroppedFilterValue): string {
  if (d.reason === 'interval') return msg('not a time interval such as 2026-11-01..2026-11-15');
  if (d.reason === 'long') return msg('too long');
  if (d.reason === 'many') return msg(str`more than ${MAX_FILTER_VALUES} values`);
  return msg('not one of its values');
}

function one(d: DroppedFilterValue): string {
  const field = FILTER_MENUS.find((m) => m.field === d.field)?.label ?? d.field;
  const value = d.value === null ? msg('Not set') : revealControls(d.value.length > 40 ? `${d.value.slice(0, 40)}…` : d.value);
  return `${field} “${value}” (${reason(d)})`;
}

/** The notice, with a Dismiss button; nothing when every value applied. */
export function filterNotice(dropped: readonly DroppedFilterValue[], onDismiss: () => void): TemplateResult | typeof nothing {
  if (!dropped.length) return nothing;
  const shown = dropped.slice(0, 5).map(one);
  const more = dropped.length - shown.length;
  const list = more > 0 ? msg(str`${shown.join('; ')}; and ${more} more`) : shown.join('; ');
  return html`<div part="filter-notice" class="filter-notice" role="status">
    <span>${msg(str`Not applied from the filter given: ${list}.`)}</span>
    <button type="button" class="button subtle" @click=${onDismiss}>${msg('Dismiss')}</button>
  </div>`;
}
