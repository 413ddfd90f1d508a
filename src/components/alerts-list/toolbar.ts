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
import { labelFor, SEVERITY_LABELS } from '../shared/labels.js';
import { ALERT_STATUS_LABELS, CLASSIFICATION_LABELS, DETERMINATION_LABELS, INVESTIGATION_STATE_LABELS } from '../shared/queue-labels.js';
import { ASSET_KIND_LABELS } from '../shared/queue-labels.js';
import type { AlertFilter, AlertFilterField } from '../../data/provider.js';
import { categories, detectionSources, serviceSources, sourceLabel, words, type ColumnState } from './columns.js';
import type { ColumnsController } from './columns-controller.js';
import { intervalLabel } from './date-range-menu.js';
import { msg, str } from '../shared/l10n.js';
import { revealControls } from '../../lib/text.js';

export interface FilterMenu {
  field: AlertFilterField;
  label: string;
  /** Fixed options; others come from the values seen in loaded rows. */
  options?: ReadonlyArray<readonly [value: string | null, label: string]>;
  unset?: string;
  /** The values a row has for this filter (default: the field's own text). */
  values?: (item: AlertItem) => Iterable<string | null | undefined>;
  /** A value's label (default: its words split). */
  valueLabel?: (value: string) => string;
  /** Behind "More filters" until it has a value chosen. */
  more?: boolean;
  /** A time field: filtered by a From–To interval of days, not by values. */
  dates?: boolean;
}

const names = (list: readonly string[] | undefined) => list ?? [];

/** Every filter: the common ones in the toolbar, the rest behind "More filters" (every filterable column has one). */
export const FILTER_MENUS: readonly FilterMenu[] = [
  { field: 'severity', get label() { return msg('Severity'); }, get options() { return [...SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]] as const)]; } },
  { field: 'status', get label() { return msg('Status'); }, get options() { return ALERT_STATUSES.map((s) => [s, ALERT_STATUS_LABELS[s]] as const); } },
  { field: 'classification', get label() { return msg('Classification'); }, get options() { return [[null, CLASSIFICATION_LABELS.unset] as const, ...CLASSIFICATIONS.map((c) => [c, CLASSIFICATION_LABELS[c]] as const)]; } },
  { field: 'kind', get label() { return msg('Type'); }, get options() { return [['incident', msg('Incidents')] as const, ['alert', msg('Alerts')] as const]; } },
  { field: 'category', get label() { return msg('Category'); }, values: categories },
  { field: 'assignedTo', get label() { return msg('Assigned to'); }, get unset() { return msg('Unassigned'); }, valueLabel: (v) => v },
  { field: 'detectionSource', get label() { return msg('Detection source'); }, values: detectionSources, valueLabel: sourceLabel },
  { field: 'investigationState', get label() { return msg('Investigation state'); }, valueLabel: (v) => labelFor(INVESTIGATION_STATE_LABELS, v) },
  { field: 'determination', get label() { return msg('Determination'); }, get unset() { return CLASSIFICATION_LABELS.unset; }, valueLabel: (v) => labelFor(DETERMINATION_LABELS, v), more: true },
  { field: 'serviceSource', get label() { return msg('Service source'); }, values: serviceSources, valueLabel: sourceLabel, more: true },
  { field: 'productNames', get label() { return msg('Product name'); }, values: (a) => names(a.productNames), valueLabel: (v) => v, more: true },
  { field: 'tags', get label() { return msg('Tags'); }, values: (a) => names(a.tags), valueLabel: (v) => v, more: true },
  { field: 'incidentId', get label() { return msg('Incident ID'); }, values: (a) => [a.kind === 'incident' ? a.id : a.incidentId], valueLabel: (v) => v, more: true },
  { field: 'impactedAssets', get label() { return msg('Impacted asset'); }, values: (a) => a.impactedAssets.map((x) => x.name), valueLabel: (v) => v, more: true },
  { field: 'impactedAssetKind', get label() { return msg('Asset type'); }, values: (a) => a.impactedAssets.map((x) => x.kind), valueLabel: (v) => labelFor(ASSET_KIND_LABELS, v), more: true },
  { field: 'deviceGroups', get label() { return msg('Device group'); }, values: (a) => names(a.deviceGroups), valueLabel: (v) => v, more: true },
  { field: 'mitreTechniques', get label() { return msg('MITRE technique'); }, values: (a) => names(a.mitreTechniques), valueLabel: (v) => v, more: true },
  { field: 'firstActivity', get label() { return msg('First activity'); }, dates: true, valueLabel: intervalLabel, more: true },
  { field: 'lastActivity', get label() { return msg('Last activity'); }, dates: true, valueLabel: intervalLabel, more: true },
  { field: 'lastUpdated', get label() { return msg('Last update'); }, dates: true, valueLabel: intervalLabel, more: true },
  { field: 'alertCount', get label() { return msg('Alerts in incident'); }, values: (a) => [a.alertCount != null ? String(a.alertCount) : undefined], valueLabel: (v) => v, more: true },
];

export function optionLabel(menu: FilterMenu, value: string | null): string {
  if (value === null) return menu.unset ?? CLASSIFICATION_LABELS.unset;
  const fixed = menu.options?.find(([v]) => v === value);
  if (fixed) return fixed[1];
  // Values from data: their hidden characters show as marks.
  return revealControls(menu.valueLabel ? menu.valueLabel(value) : words(value));
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
    const read = menu.values ?? ((item: AlertItem) => [(item as unknown as Record<string, unknown>)[menu.field] as string | undefined]);
    for (const item of nearby) for (const v of read(item)) if (typeof v === 'string' && v) seen.add(v);
    const labelled = [...seen].map((v) => [v, optionLabel(menu, v)] as const);
    for (const [v, l] of labelled.sort((a, b) => a[1].localeCompare(b[1]))) values.set(v, l);
  }
  for (const v of selected) if (!values.has(v)) values.set(v, optionLabel(menu, v));
  return [...values];
}

/** Columns: show or hide each, move it up or down, or reset. */
export function columnChooser(o: { columns: readonly ColumnState[]; open: boolean; onToggleOpen: () => void; controller: ColumnsController }): TemplateResult {
  const { columns, open, controller } = o;
  return html`<div class="menu-wrap end">
    <button type="button" class="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="column-chooser" @click=${o.onToggleOpen}>${msg('Columns')}</button>
    ${open
      ? html`<div class="menu columns" id="column-chooser" role="group" aria-label=${msg('Choose and order columns')}>
          <ul>
            ${columns.map((c, i) => {
              const def = controller.def(c.id);
              if (!def) return nothing;
              return html`<li>
                <label class="option"><input type="checkbox" .checked=${c.visible} ?disabled=${c.id === 'title'} @change=${() => controller.toggle(c.id)} /> ${def.label}</label>
                <span class="move">
                  <button type="button" class="button subtle" aria-label=${msg(str`Move ${def.label} up`)} ?disabled=${i === 0} @click=${() => controller.move(c.id, -1)}>↑</button>
                  <button type="button" class="button subtle" aria-label=${msg(str`Move ${def.label} down`)} ?disabled=${i === columns.length - 1} @click=${() => controller.move(c.id, 1)}>↓</button>
                </span>
              </li>`;
            })}
          </ul>
          <button type="button" class="button subtle" @click=${() => controller.reset()}>${msg('Reset columns')}</button>
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
      const label = msg(str`${menu.label}: ${optionLabel(menu, value)}`);
      chips.push(html`<button type="button" class="chip removable" aria-label=${msg(str`Remove filter ${label}`)} @click=${() => o.onRemove(menu.field, value)}>${label} <span aria-hidden="true">✕</span></button>`);
    }
  }
  if (o.search) chips.push(html`<button type="button" class="chip removable" aria-label=${msg(str`Remove search ${o.search}`)} @click=${o.onClearSearch}>${msg(str`Text: “${o.search}”`)} <span aria-hidden="true">✕</span></button>`);
  if (!chips.length) return nothing;
  return html`<div class="active-filters" role="group" aria-label=${msg('Active filters')}>${chips}<button type="button" class="button subtle" @click=${o.onClearAll}>${msg('Clear all')}</button></div>`;
}
