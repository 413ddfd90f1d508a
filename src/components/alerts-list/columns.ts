/**
 * The columns of the incidents and alerts grid: label, default width, what sorts and filters
 * them, how a cell renders and what goes into an export. The user's choice (visible, order,
 * width) is a `ColumnState[]`, kept apart from these definitions so it can be stored.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  type AlertItem,
} from '../../data/model.js';
import { labelFor, SEVERITY_LABELS } from '../shared/labels.js';
import { ALERT_STATUS_LABELS, CLASSIFICATION_LABELS, DETERMINATION_LABELS, INVESTIGATION_STATE_LABELS } from '../shared/queue-labels.js';
import { SOURCE_LABELS } from '../shared/queue-labels.js';
import type { AlertFilterField, AlertSortField } from '../../data/provider.js';
import { formatIso } from '../../lib/format.js';
import { marked, missing, severityBadge, timeAgo, truncated } from '../shared/ui.js';
import { revealControls } from '../../lib/text.js';
import { msg, str } from '../shared/l10n.js';

/** Every column, in Defender's default order (the queue's defaults first, then the optional ones). */
export const COLUMN_IDS = [
  'title',
  'incidentId',
  'tags',
  'severity',
  'investigationState',
  'category',
  'impactedAssets',
  'alertCount',
  'serviceSource',
  'detectionSource',
  'firstActivity',
  'lastActivity',
  'status',
  'assignedTo',
  'classification',
  'determination',
  'alertId',
  'lastUpdated',
  'mitreTechniques',
  'deviceGroups',
  'productNames',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface ColumnState {
  /** A built-in column's id, or the id of one of the host's `extraColumns`. */
  id: ColumnId | (string & {});
  visible: boolean;
  /** Width in px. */
  width: number;
}

export interface CellContext {
  locale?: string;
  now: number;
}

export interface ColumnDef {
  id: ColumnId | (string & {});
  label: string;
  width: number;
  minWidth: number;
  visible: boolean;
  /** What the header sorts by; none: the header does not sort (a host's column without `sort`). */
  sort?: AlertSortField;
  filter?: AlertFilterField;
  /** Cell content (the title column is rendered by the list itself: it holds links and controls); text is shown as text. */
  render: (item: AlertItem, ctx: CellContext) => unknown;
  /** Value in exports. */
  value: (item: AlertItem) => string | number | undefined | null;
  /** Value in JSON exports (default: the item's field of the column's id). */
  json?: (item: AlertItem) => unknown;
}

/** `CommandAndControl` → `Command and control`; `microsoftDefenderForEndpoint` → `Microsoft defender for endpoint`. */
export function words(value: string | null | undefined): string {
  if (!value) return '';
  const spaced = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return revealControls(spaced.charAt(0).toUpperCase() + spaced.slice(1));
}

export function assetsText(item: AlertItem): string {
  return item.impactedAssets.map((a) => a.name).join(', ');
}

function assets(item: AlertItem): TemplateResult {
  const list = item.impactedAssets;
  if (!list.length) return missing();
  const first = list.slice(0, 2).map((a) => a.name).join(', ');
  const more = list.length - 2;
  return html`<span class="truncate" title=${revealControls(assetsText(item))}>${marked(first)}${more > 0 ? html` <span class="muted">${msg(str`+${more} more`)}</span>` : nothing}</span>`;
}

/** Service or detection source as the portal names it. */
export function sourceLabel(value: string): string {
  return labelFor(SOURCE_LABELS, value);
}

/** The values of a field that may be a list on incidents: `categories`, else `[category]`. */
export function listOf(list: readonly string[] | undefined, single: string | undefined): readonly string[] {
  return list ?? (single ? [single] : []);
}

/** A list in a cell: the first two, then "+N more"; the whole list in the tooltip. */
function listCell(values: readonly string[], label: (v: string) => string = (v) => v, options: { mono?: boolean; chips?: boolean } = {}): TemplateResult {
  if (!values.length) return missing();
  const labels = values.map(label);
  const more = labels.length - 2;
  const shownLabels = labels.slice(0, 2);
  const body = options.chips
    ? shownLabels.map((l) => html`<span class="badge tag">${marked(l)}</span>`)
    : html`<span class=${options.mono ? 'mono' : ''}>${marked(shownLabels.join(', '))}</span>`;
  return html`<span class="truncate" title=${revealControls(labels.join(', '))}>${body}${more > 0 ? html` <span class="muted">${msg(str`+${more} more`)}</span>` : nothing}</span>`;
}

export const categories = (a: AlertItem): readonly string[] => listOf(a.categories, a.category);
export const serviceSources = (a: AlertItem): readonly string[] => listOf(a.serviceSources, a.serviceSource);
export const detectionSources = (a: AlertItem): readonly string[] => listOf(a.detectionSources, a.detectionSource);
const classificationLabel = (a: AlertItem) => (a.classification ? labelFor(CLASSIFICATION_LABELS, a.classification) : CLASSIFICATION_LABELS.unset);
const determinationLabel = (a: AlertItem) => (a.determination ? labelFor(DETERMINATION_LABELS, a.determination) : '');
const dash = () => html`<span class="muted" aria-label=${msg('Not applicable')}>—</span>`;

/**
 * The built-in definitions, checked against {@link COLUMN_IDS}: an id listed there without a
 * definition here does not compile (`missing` names it).
 */
function builtIn<const T extends readonly (ColumnDef & { id: ColumnId })[]>(defs: T & ([Exclude<ColumnId, T[number]['id']>] extends [never] ? unknown : { missing: Exclude<ColumnId, T[number]['id']> })): readonly ColumnDef[] {
  return defs;
}

export const COLUMNS: readonly ColumnDef[] = builtIn([
  {
    id: 'title', get label() { return msg('Incident or alert'); }, width: 360, minWidth: 200, visible: true, sort: 'title',
    render: (a) => a.title, value: (a) => a.title,
  },
  {
    // An incident's own ID; for an alert, the incident that groups it.
    id: 'incidentId', get label() { return msg('Incident ID'); }, width: 110, minWidth: 80, visible: true, sort: 'incidentId', filter: 'incidentId',
    render: (a) => {
      const id = a.kind === 'incident' ? a.id : a.incidentId;
      return id ? html`<span class="mono">${marked(id)}</span>` : missing();
    },
    value: (a) => (a.kind === 'incident' ? a.id : a.incidentId ?? ''),
    json: (a) => (a.kind === 'incident' ? a.id : a.incidentId),
  },
  {
    id: 'tags', get label() { return msg('Tags'); }, width: 180, minWidth: 90, visible: true, sort: 'tags', filter: 'tags',
    render: (a) => listCell(a.tags ?? [], undefined, { chips: true }), value: (a) => (a.tags ?? []).join(', '),
  },
  {
    id: 'severity', get label() { return msg('Severity'); }, width: 140, minWidth: 110, visible: true, sort: 'severity', filter: 'severity',
    render: (a) => severityBadge(a.severity), value: (a) => labelFor(SEVERITY_LABELS, a.severity, SEVERITY_LABELS.unknown),
  },
  {
    id: 'investigationState', get label() { return msg('Investigation state'); }, width: 160, minWidth: 100, visible: true, sort: 'investigationState', filter: 'investigationState',
    render: (a) => (a.investigationState ? truncated(labelFor(INVESTIGATION_STATE_LABELS, a.investigationState)) : missing()),
    value: (a) => (a.investigationState ? labelFor(INVESTIGATION_STATE_LABELS, a.investigationState) : ''),
  },
  {
    id: 'category', get label() { return msg('Categories'); }, width: 190, minWidth: 90, visible: true, sort: 'category', filter: 'category',
    render: (a) => listCell(categories(a), words), value: (a) => categories(a).map(words).join(', '), json: categories,
  },
  {
    id: 'impactedAssets', get label() { return msg('Impacted assets'); }, width: 220, minWidth: 120, visible: true, sort: 'impactedAssets', filter: 'impactedAssets',
    render: (a) => assets(a), value: (a) => assetsText(a),
  },
  {
    id: 'alertCount', get label() { return msg('Alerts'); }, width: 90, minWidth: 70, visible: true, sort: 'alertCount', filter: 'alertCount',
    render: (a) => (a.kind === 'incident' ? (a.alertCount != null ? String(a.alertCount) : missing()) : dash()),
    value: (a) => (a.kind === 'incident' ? a.alertCount : undefined),
  },
  {
    id: 'serviceSource', get label() { return msg('Service sources'); }, width: 200, minWidth: 110, visible: true, sort: 'serviceSource', filter: 'serviceSource',
    render: (a) => listCell(serviceSources(a), sourceLabel), value: (a) => serviceSources(a).map(sourceLabel).join(', '), json: serviceSources,
  },
  {
    id: 'detectionSource', get label() { return msg('Detection sources'); }, width: 200, minWidth: 110, visible: true, sort: 'detectionSource', filter: 'detectionSource',
    render: (a) => listCell(detectionSources(a), sourceLabel), value: (a) => detectionSources(a).map(sourceLabel).join(', '), json: detectionSources,
  },
  {
    id: 'firstActivity', get label() { return msg('First activity'); }, width: 130, minWidth: 100, visible: true, sort: 'firstActivity', filter: 'firstActivity',
    render: (a, c) => timeAgo(a.firstActivity, c.locale, c.now), value: (a) => formatIso(a.firstActivity),
  },
  {
    id: 'lastActivity', get label() { return msg('Last activity'); }, width: 130, minWidth: 100, visible: true, sort: 'lastActivity', filter: 'lastActivity',
    render: (a, c) => timeAgo(a.lastActivity, c.locale, c.now), value: (a) => formatIso(a.lastActivity),
  },
  {
    id: 'status', get label() { return msg('Status'); }, width: 112, minWidth: 80, visible: true, sort: 'status', filter: 'status',
    render: (a) => labelFor(ALERT_STATUS_LABELS, a.status, ALERT_STATUS_LABELS.unknown), value: (a) => labelFor(ALERT_STATUS_LABELS, a.status, ALERT_STATUS_LABELS.unknown),
  },
  {
    id: 'assignedTo', get label() { return msg('Assigned to'); }, width: 190, minWidth: 100, visible: true, sort: 'assignedTo', filter: 'assignedTo',
    render: (a) => (a.assignedTo ? truncated(a.assignedTo) : html`<span class="muted">${msg('Unassigned')}</span>`),
    value: (a) => a.assignedTo ?? '',
  },
  {
    id: 'classification', get label() { return msg('Classification'); }, width: 170, minWidth: 110, visible: true, sort: 'classification', filter: 'classification',
    render: (a) => (a.classification ? truncated(classificationLabel(a)) : html`<span class="muted">${CLASSIFICATION_LABELS.unset}</span>`),
    value: classificationLabel,
  },
  {
    id: 'determination', get label() { return msg('Determination'); }, width: 190, minWidth: 110, visible: true, sort: 'determination', filter: 'determination',
    render: (a) => (a.determination ? truncated(determinationLabel(a)) : html`<span class="muted">${CLASSIFICATION_LABELS.unset}</span>`),
    value: determinationLabel,
  },
  {
    id: 'alertId', get label() { return msg('Alert ID'); }, width: 180, minWidth: 90, visible: false, sort: 'id',
    render: (a) => (a.kind === 'alert' ? truncated(a.id, { mono: true }) : dash()),
    value: (a) => (a.kind === 'alert' ? a.id : ''),
    json: (a) => (a.kind === 'alert' ? a.id : undefined),
  },
  {
    id: 'lastUpdated', get label() { return msg('Last update time'); }, width: 140, minWidth: 100, visible: false, sort: 'lastUpdated', filter: 'lastUpdated',
    render: (a, c) => (a.lastUpdated ? timeAgo(a.lastUpdated, c.locale, c.now) : missing()), value: (a) => (a.lastUpdated ? formatIso(a.lastUpdated) : ''),
  },
  {
    id: 'mitreTechniques', get label() { return msg('MITRE ATT&CK techniques'); }, width: 190, minWidth: 110, visible: false, sort: 'mitreTechniques', filter: 'mitreTechniques',
    render: (a) => listCell(a.mitreTechniques ?? [], undefined, { mono: true }), value: (a) => (a.mitreTechniques ?? []).join(', '),
  },
  {
    id: 'deviceGroups', get label() { return msg('Device groups'); }, width: 190, minWidth: 110, visible: false, sort: 'deviceGroups', filter: 'deviceGroups',
    render: (a) => listCell(a.deviceGroups ?? []), value: (a) => (a.deviceGroups ?? []).join(', '),
  },
  {
    id: 'productNames', get label() { return msg('Product names'); }, width: 220, minWidth: 110, visible: false, sort: 'productNames', filter: 'productNames',
    render: (a) => listCell(a.productNames ?? []), value: (a) => (a.productNames ?? []).join(', '),
  },
]);

/**
 * A column of the host's own in `<ip-alerts-list>` (its `extraColumns`): after the built-in ones,
 * chosen, ordered, resized, kept under `storage-key` and exported like them. Its values usually
 * come from {@link AlertItem.extensions}, where a provider puts what the model has no field for.
 */
export interface AlertColumn {
  /** Letters, digits, `-` and `_`, starting with a letter; unique among the list's columns (a built-in id is refused). */
  id: string;
  /** The header's text, also the column chooser's and the export's label. */
  header: string;
  /**
   * The cell's content: text (shown as text, never parsed as HTML), a number, a Lit template or a
   * DOM node (a new one per call). A renderer that throws shows "Cannot show this value" in that
   * cell only.
   */
  render: (item: AlertItem) => unknown;
  /** The value in CSV and JSON exports; default: what `render` returns when it is text or a number. */
  value?: (item: AlertItem) => string | number | boolean | null | undefined;
  /** The field the provider sorts by when the header is clicked; without one the header does not sort. */
  sort?: AlertSortField;
  /** Width in px (default 160). */
  width?: number;
  /** The least width in px it can be resized to (default 80). */
  minWidth?: number;
  /** Whether it shows before the user chooses (default true). */
  visible?: boolean;
}

/** The built-in columns by id. */
export const COLUMN_BY_ID: ReadonlyMap<ColumnId, ColumnDef> = new Map(COLUMNS.map((c) => [c.id as ColumnId, c]));

const HOST_ID = /^[A-Za-z][\w-]{0,63}$/;

/**
 * The host's columns as column definitions. One that cannot be used (a missing renderer or
 * header, an id that is malformed, taken or repeated) is left out with a warning in the console:
 * the rest of the grid stays.
 */
export function hostColumns(extra: readonly AlertColumn[] | null | undefined): ColumnDef[] {
  if (!Array.isArray(extra)) return [];
  const taken = new Set<string>(COLUMN_IDS);
  const out: ColumnDef[] = [];
  for (const c of extra as unknown[]) {
    const col = c as Partial<AlertColumn> | null;
    const id = col?.id;
    if (typeof id !== 'string' || !HOST_ID.test(id) || taken.has(id) || typeof col?.render !== 'function' || typeof col.header !== 'string') {
      console.warn(`<ip-alerts-list>: extra column ${JSON.stringify(typeof id === 'string' ? id.slice(0, 64) : id)} left out: it needs a unique id of letters, digits, - and _ (not a built-in column's), a header and a render function.`);
      continue;
    }
    taken.add(id);
    const { render, value } = col as AlertColumn;
    const shown = (a: AlertItem) => {
      const v = render(a);
      return typeof v === 'string' || typeof v === 'number' ? v : '';
    };
    const minWidth = Math.max(40, Math.round(Number(col.minWidth) || 80));
    out.push({
      id,
      label: col.header,
      minWidth,
      width: Math.max(minWidth, Math.round(Number(col.width) || 160)),
      visible: col.visible !== false,
      sort: col.sort,
      render: (a) => {
        const v = render(a);
        return typeof v === 'number' ? String(v) : v;
      },
      value: (a) => {
        const v = value ? value(a) : shown(a);
        return typeof v === 'boolean' ? String(v) : v;
      },
      json: value ?? shown,
    });
  }
  return out;
}

export function defaultColumns(defs: readonly ColumnDef[] = COLUMNS): ColumnState[] {
  return defs.map((c) => ({ id: c.id, visible: c.visible, width: c.width }));
}

/**
 * A clean column state from anything (stored JSON, a host's property): unknown ids dropped,
 * missing columns added at the end (a built-in one hidden, a host's as it asks), widths clamped,
 * the title always visible.
 */
export function normalizeColumns(input: unknown, defs: readonly ColumnDef[] = COLUMNS): ColumnState[] {
  if (!Array.isArray(input) || input.length === 0) return defaultColumns(defs);
  const byId = new Map(defs.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const out: ColumnState[] = [];
  {
    for (const raw of input) {
      const id = (raw as { id?: unknown })?.id;
      const def = typeof id === 'string' ? byId.get(id) : undefined;
      if (!def || seen.has(def.id)) continue;
      seen.add(def.id);
      const width = Number((raw as { width?: unknown }).width);
      out.push({
        id: def.id,
        visible: def.id === 'title' ? true : (raw as { visible?: unknown }).visible !== false,
        width: Number.isFinite(width) ? Math.min(1200, Math.max(def.minWidth, Math.round(width))) : def.width,
      });
    }
  }
  const builtIn = new Set<string>(COLUMN_IDS);
  for (const def of defs) if (!seen.has(def.id)) out.push({ id: def.id, visible: def.id === 'title' || (!builtIn.has(def.id) && def.visible), width: def.width });
  return out;
}
