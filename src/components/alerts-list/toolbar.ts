/**
 * The alerts list's toolbar parts, as templates rendered into the list's own shadow root: the
 * filter menus' definitions and option labels, the column chooser, the Export menu and the chips
 * of active filters. State stays with the list; these only draw it and call back.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  ALERT_STATUSES,
  CLASSIFICATIONS,
  SEVERITIES,
  type AlertItem,
} from '../../data/model.js';
import { ALERT_STATUS_LABELS, CLASSIFICATION_LABELS, INVESTIGATION_STATE_LABELS, labelFor, SEVERITY_LABELS } from '../../lib/labels.js';
import type { AlertFilter, AlertFilterField } from '../../data/provider.js';
import { formatNumber } from '../../lib/format.js';
import type { ExportFormat } from '../../lib/export.js';
import { COLUMN_BY_ID, words, type ColumnState } from './columns.js';
import type { ColumnsController } from './columns-controller.js';

export interface FilterMenu {
  field: AlertFilterField;
  label: string;
  /** Fixed options; others come from the values seen in loaded rows. */
  options?: ReadonlyArray<readonly [value: string | null, label: string]>;
  unset?: string;
}

export const FILTER_MENUS: readonly FilterMenu[] = [
  { field: 'severity', label: 'Severity', options: [...SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]] as const)] },
  { field: 'status', label: 'Status', options: ALERT_STATUSES.map((s) => [s, ALERT_STATUS_LABELS[s]] as const) },
  { field: 'classification', label: 'Classification', options: [[null, CLASSIFICATION_LABELS.unset], ...CLASSIFICATIONS.map((c) => [c, CLASSIFICATION_LABELS[c]] as const)] },
  { field: 'kind', label: 'Type', options: [['incident', 'Incidents'], ['alert', 'Alerts']] },
  { field: 'category', label: 'Category' },
  { field: 'assignedTo', label: 'Assigned to', unset: 'Unassigned' },
  { field: 'detectionSource', label: 'Detection source' },
  { field: 'investigationState', label: 'Investigation state' },
];

export function optionLabel(field: AlertFilterField, value: string | null, menu: FilterMenu): string {
  if (value === null) return menu.unset ?? CLASSIFICATION_LABELS.unset;
  const fixed = menu.options?.find(([v]) => v === value);
  if (fixed) return fixed[1];
  if (field === 'investigationState') return labelFor(INVESTIGATION_STATE_LABELS, value);
  return field === 'assignedTo' ? value : words(value);
}

/**
 * A menu's options: its fixed ones, else "not set" and the values seen in `nearby` rows (what is
 * loaded around the view), plus whatever is selected, so a chosen value never vanishes.
 */
export function menuOptions(menu: FilterMenu, selected: readonly (string | null)[], nearby: Iterable<AlertItem>): Array<[string | null, string]> {
  const values = new Map<string | null, string>();
  for (const [v, l] of menu.options ?? []) values.set(v, l);
  if (!menu.options) {
    if (menu.unset) values.set(null, menu.unset);
    const seen = new Set<string>();
    for (const item of nearby) {
      const v = (item as unknown as Record<string, unknown>)[menu.field];
      if (typeof v === 'string' && v) seen.add(v);
    }
    for (const v of [...seen].sort()) values.set(v, optionLabel(menu.field, v, menu));
  }
  for (const v of selected) if (!values.has(v)) values.set(v, optionLabel(menu.field, v, menu));
  return [...values];
}

/** Columns: show or hide each, move it up or down, or reset. */
export function columnChooser(o: { columns: readonly ColumnState[]; open: boolean; onToggleOpen: () => void; controller: ColumnsController }): TemplateResult {
  const { columns, open, controller } = o;
  return html`<div class="menu-wrap end">
    <button type="button" class="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="column-chooser" @click=${o.onToggleOpen}>Columns</button>
    ${open
      ? html`<div class="menu columns" id="column-chooser" role="group" aria-label="Choose and order columns">
          <ul>
            ${columns.map((c, i) => {
              const def = COLUMN_BY_ID.get(c.id)!;
              return html`<li>
                <label class="option"><input type="checkbox" .checked=${c.visible} ?disabled=${c.id === 'title'} @change=${() => controller.toggle(c.id)} /> ${def.label}</label>
                <span class="move">
                  <button type="button" class="button subtle" aria-label=${`Move ${def.label} up`} ?disabled=${i === 0} @click=${() => controller.move(c.id, -1)}>↑</button>
                  <button type="button" class="button subtle" aria-label=${`Move ${def.label} down`} ?disabled=${i === columns.length - 1} @click=${() => controller.move(c.id, 1)}>↓</button>
                </span>
              </li>`;
            })}
          </ul>
          <button type="button" class="button subtle" @click=${() => controller.reset()}>Reset columns</button>
        </div>`
      : nothing}
  </div>`;
}

/** Export: CSV or JSON of every matching row. */
export function exportMenu(o: { open: boolean; total?: number; busy: boolean; locale?: string; onToggleOpen: () => void; onExport: (format: ExportFormat) => void }): TemplateResult {
  const rows = formatNumber(o.total ?? 0, o.locale);
  return html`<div class="menu-wrap end">
    <button type="button" class="button" aria-expanded=${o.open ? 'true' : 'false'} aria-controls="export-menu" ?disabled=${!o.total || o.busy} @click=${o.onToggleOpen}>Export</button>
    ${o.open
      ? html`<div class="menu" id="export-menu" role="group" aria-label="Export">
          <button type="button" class="button subtle" @click=${() => o.onExport('csv')}>CSV (${rows} rows)</button>
          <button type="button" class="button subtle" @click=${() => o.onExport('json')}>JSON (${rows} rows)</button>
        </div>`
      : nothing}
  </div>`;
}

/** A removable chip per filter value and for the search text, and Clear all. */
export function activeFilters(o: {
  filter: AlertFilter;
  search: string;
  onRemove: (field: AlertFilterField, value: string | null) => void;
  onClearSearch: () => void;
  onClearAll: () => void;
}): TemplateResult | typeof nothing {
  const chips: TemplateResult[] = [];
  for (const menu of FILTER_MENUS) {
    for (const value of o.filter[menu.field] ?? []) {
      const label = `${menu.label}: ${optionLabel(menu.field, value, menu)}`;
      chips.push(html`<button type="button" class="chip removable" aria-label=${`Remove filter ${label}`} @click=${() => o.onRemove(menu.field, value)}>${label} <span aria-hidden="true">✕</span></button>`);
    }
  }
  if (o.search) chips.push(html`<button type="button" class="chip removable" aria-label=${`Remove search ${o.search}`} @click=${o.onClearSearch}>Text: “${o.search}” <span aria-hidden="true">✕</span></button>`);
  if (!chips.length) return nothing;
  return html`<div class="active-filters" role="group" aria-label="Active filters">${chips}<button type="button" class="button subtle" @click=${o.onClearAll}>Clear all</button></div>`;
}
