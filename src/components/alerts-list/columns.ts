/**
 * The columns of the incidents and alerts grid: label, default width, what sorts and filters
 * them, how a cell renders and what goes into an export. The user's choice (visible, order,
 * width) is a `ColumnState[]`, kept apart from these definitions so it can be stored.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  type AlertItem,
} from '../../data/model.js';
import { ALERT_STATUS_LABELS, CLASSIFICATION_LABELS, DETERMINATION_LABELS, INVESTIGATION_STATE_LABELS, labelFor, SEVERITY_LABELS } from '../../lib/labels.js';
import type { AlertFilterField, AlertSortField } from '../../data/provider.js';
import { formatIso } from '../../lib/format.js';
import { missing, severityBadge, shown, timeAgo, truncated } from '../shared/ui.js';
import { revealControls } from '../../lib/text.js';

export const COLUMN_IDS = [
  'title',
  'severity',
  'status',
  'classification',
  'investigationState',
  'category',
  'assignedTo',
  'impactedAssets',
  'firstActivity',
  'lastActivity',
  'detectionSource',
  'incidentId',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface ColumnState {
  id: ColumnId;
  visible: boolean;
  /** Width in px. */
  width: number;
}

export interface CellContext {
  locale?: string;
  now: number;
}

export interface ColumnDef {
  id: ColumnId;
  label: string;
  width: number;
  minWidth: number;
  visible: boolean;
  sort: AlertSortField;
  filter?: AlertFilterField;
  /** Cell content (the title column is rendered by the list itself: it holds links and controls). */
  render: (item: AlertItem, ctx: CellContext) => TemplateResult | string;
  /** Value in exports. */
  value: (item: AlertItem) => string | number | undefined | null;
}

/** `CommandAndControl` → `Command and control`; `microsoftDefenderForEndpoint` → `Microsoft defender for endpoint`. */
export function words(value: string | null | undefined): string {
  if (!value) return '';
  const spaced = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function assetsText(item: AlertItem): string {
  return item.impactedAssets.map((a) => a.name).join(', ');
}

function assets(item: AlertItem): TemplateResult {
  const list = item.impactedAssets;
  if (!list.length) return missing();
  const first = list.slice(0, 2).map((a) => a.name).join(', ');
  const more = list.length - 2;
  return html`<span class="truncate" title=${revealControls(assetsText(item))}>${shown(first)}${more > 0 ? html` <span class="muted">+${more} more</span>` : nothing}</span>`;
}

function classification(item: AlertItem): TemplateResult {
  if (!item.classification) return html`<span class="muted">${CLASSIFICATION_LABELS.unset}</span>`;
  const label = labelFor(CLASSIFICATION_LABELS, item.classification);
  const determination = item.determination ? labelFor(DETERMINATION_LABELS, item.determination) : '';
  return html`<span class="truncate" title=${revealControls(determination ? `${label}: ${determination}` : label)}>${shown(label)}${determination ? html`<span class="muted"> · ${shown(determination)}</span>` : nothing}</span>`;
}

export const COLUMNS: readonly ColumnDef[] = [
  {
    id: 'title', label: 'Incident or alert', width: 360, minWidth: 200, visible: true, sort: 'title',
    render: (a) => a.title, value: (a) => a.title,
  },
  {
    id: 'severity', label: 'Severity', width: 140, minWidth: 110, visible: true, sort: 'severity', filter: 'severity',
    render: (a) => severityBadge(a.severity), value: (a) => labelFor(SEVERITY_LABELS, a.severity, 'Unknown'),
  },
  {
    id: 'status', label: 'Status', width: 112, minWidth: 80, visible: true, sort: 'status', filter: 'status',
    render: (a) => labelFor(ALERT_STATUS_LABELS, a.status, 'Unknown'), value: (a) => labelFor(ALERT_STATUS_LABELS, a.status, 'Unknown'),
  },
  {
    id: 'classification', label: 'Classification', width: 200, minWidth: 110, visible: true, sort: 'classification', filter: 'classification',
    render: (a) => classification(a),
    value: (a) => (a.classification ? `${labelFor(CLASSIFICATION_LABELS, a.classification)}${a.determination ? `: ${labelFor(DETERMINATION_LABELS, a.determination)}` : ''}` : CLASSIFICATION_LABELS.unset),
  },
  {
    id: 'investigationState', label: 'Investigation state', width: 160, minWidth: 100, visible: true, sort: 'investigationState', filter: 'investigationState',
    render: (a) => (a.investigationState ? labelFor(INVESTIGATION_STATE_LABELS, a.investigationState) : missing()),
    value: (a) => (a.investigationState ? labelFor(INVESTIGATION_STATE_LABELS, a.investigationState) : ''),
  },
  {
    id: 'category', label: 'Category', width: 170, minWidth: 90, visible: true, sort: 'category', filter: 'category',
    render: (a) => (a.category ? words(a.category) : missing()), value: (a) => words(a.category),
  },
  {
    id: 'assignedTo', label: 'Assigned to', width: 190, minWidth: 100, visible: true, sort: 'assignedTo', filter: 'assignedTo',
    render: (a) => (a.assignedTo ? truncated(a.assignedTo) : html`<span class="muted">Unassigned</span>`),
    value: (a) => a.assignedTo ?? '',
  },
  {
    id: 'impactedAssets', label: 'Impacted assets', width: 220, minWidth: 120, visible: true, sort: 'impactedAssets',
    render: (a) => assets(a), value: (a) => assetsText(a),
  },
  {
    id: 'firstActivity', label: 'First activity', width: 130, minWidth: 100, visible: false, sort: 'firstActivity',
    render: (a, c) => timeAgo(a.firstActivity, c.locale, c.now), value: (a) => formatIso(a.firstActivity),
  },
  {
    id: 'lastActivity', label: 'Last activity', width: 130, minWidth: 100, visible: true, sort: 'lastActivity',
    render: (a, c) => timeAgo(a.lastActivity, c.locale, c.now), value: (a) => formatIso(a.lastActivity),
  },
  {
    id: 'detectionSource', label: 'Detection source', width: 190, minWidth: 110, visible: false, sort: 'detectionSource', filter: 'detectionSource',
    render: (a) => (a.detectionSource ? truncated(words(a.detectionSource)) : missing()),
    value: (a) => words(a.detectionSource),
  },
  {
    id: 'incidentId', label: 'Incident', width: 100, minWidth: 80, visible: false, sort: 'incidentId', filter: 'incidentId',
    render: (a) => (a.kind === 'incident' ? html`<span class="muted">—</span>` : a.incidentId ? html`<span class="mono">${shown(a.incidentId)}</span>` : missing()),
    value: (a) => (a.kind === 'incident' ? a.id : a.incidentId ?? ''),
  },
];

export const COLUMN_BY_ID: ReadonlyMap<ColumnId, ColumnDef> = new Map(COLUMNS.map((c) => [c.id, c]));

export function defaultColumns(): ColumnState[] {
  return COLUMNS.map((c) => ({ id: c.id, visible: c.visible, width: c.width }));
}

/**
 * A clean column state from anything (stored JSON, a host's property): unknown ids dropped,
 * missing columns added at the end (hidden), widths clamped, the title always visible.
 */
export function normalizeColumns(input: unknown): ColumnState[] {
  if (!Array.isArray(input) || input.length === 0) return defaultColumns();
  const seen = new Set<ColumnId>();
  const out: ColumnState[] = [];
  {
    for (const raw of input) {
      const id = (raw as { id?: unknown })?.id;
      const def = typeof id === 'string' ? COLUMN_BY_ID.get(id as ColumnId) : undefined;
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
  for (const def of COLUMNS) if (!seen.has(def.id)) out.push({ id: def.id, visible: def.id === 'title', width: def.width });
  return out;
}
