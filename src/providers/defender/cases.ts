/**
 * What the Defender provider knows about an IP in a time range, built once per key and shared by
 * the sections (summary, prevalence, alerts list): the alerts whose evidence names the IP (from
 * advanced hunting: the most recent 5,000, and every one counted per severity), the most recent `maxAlerts` of them with their full
 * Graph details, and the incidents those belong to.
 */
import type { AlertItem } from '../../data/model.js';
import { listSource, type ListSource } from '../../data/query.js';
import type { TimeRange } from '../../lib/time-range.js';
import { alertFromGraph, alertFromHunting, incidentFromGraph } from './map.js';
import { alertsQuery } from './queries.js';
import { number, text, type Row } from '../microsoft/tables.js';
import { severity } from '../read/overview.js';
import type { DefenderGraph } from './graph.js';
import { pathSegment } from '../../lib/safe-url.js';

export interface AlertCase {
  /** Every alert whose evidence names the IP, as advanced hunting knows it (no status). */
  index: AlertItem[];
  /** The incidents and the most recent alerts, with their full details: what the list shows. */
  items: AlertItem[];
  source: ListSource<AlertItem>;
  /** How many alerts have full details (the rest are counted, not listed). */
  detailed: number;
  /** Every matching alert per severity (in the model's terms), past the hunting row cap too. */
  matched: Record<string, number>;
  /** Every matching alert: at least `index.length`. */
  matchedTotal: number;
  /** Alerts listed without their details, and incidents missing, because Graph would not give them now (throttled, 5xx). */
  unavailable: number;
}

/**
 * Filters that run inside the hunting query: AlertInfo's own columns that Graph spells the same
 * way (`in~` ignores case). Service and detection sources are spelled differently there (display
 * names), so they are filtered in the provider with the rest.
 */
export interface HuntingAlertFilter {
  severity?: readonly string[];
  category?: readonly string[];
}

export async function buildAlertCase(graph: DefenderGraph, ip: string, range: TimeRange, filter: HuntingAlertFilter, maxAlerts: number, signal: AbortSignal): Promise<AlertCase> {
  const rows = await graph.hunt(alertsQuery(ip, range, filter), `the alerts whose evidence names ${ip}`, signal);
  const isCount = (r: Row) => text(r, 'Kind') === 'count';
  // Most recent first: KQL gives a union's rows no order (only the \`top\` leg is sorted), so the
  // most recent \`maxAlerts\` are chosen here, not by the order the rows came in.
  const index = rows
    .filter((r) => !isCount(r))
    .map(alertFromHunting)
    .filter((a) => a.id)
    .sort((a, b) => (Date.parse(b.lastActivity) || 0) - (Date.parse(a.lastActivity) || 0));
  // The counts row per severity covers every match; without it (an older query), the rows do.
  const matched: Record<string, number> = Object.create(null) as Record<string, number>;
  const add = (value: string | undefined, n: number) => {
    const key = severity(value);
    matched[key] = (matched[key] ?? 0) + n;
  };
  const counts = rows.filter(isCount);
  if (counts.length) for (const r of counts) add(text(r, 'Severity'), number(r, 'Matched') ?? 0);
  else for (const a of index) add(a.severity, 1);
  const matchedTotal = Math.max(index.length, Object.values(matched).reduce((a, b) => a + b, 0));
  const recent = index.slice(0, maxAlerts);
  // An id that cannot be a path segment (`..`) is never sent; such an alert is listed as hunting knows it.
  const askable = recent.filter((a) => pathSegment(a.id) !== undefined);
  const details = await graph.getMany(
    askable.map((a) => `security/alerts_v2/${pathSegment(a.id)!}`),
    `the details of ${askable.length} alerts`,
    'SecurityAlert.Read.All',
    signal,
  );
  const detailOf = new Map(askable.map((a, i) => [a.id, details.bodies[i]]));
  // An alert Graph could not give (deleted, out of the analyst's scope) is listed as hunting knows it.
  const alerts = recent.map((a) => {
    const detail = detailOf.get(a.id);
    return detail ? alertFromGraph(detail) : a;
  });
  const incidentIds = [...new Set(alerts.map((a) => a.incidentId).filter((id): id is string => Boolean(id) && pathSegment(id!) !== undefined))];
  const rawIncidents = incidentIds.length
    ? await graph.getMany(
        incidentIds.map((id) => `security/incidents/${pathSegment(id)!}`),
        `the details of ${incidentIds.length} incidents`,
        'SecurityIncident.Read.All',
        signal,
      )
    : { bodies: [], unavailable: 0 };
  const incidents = rawIncidents.bodies.flatMap((raw) => (raw ? [incidentFromGraph(raw, alerts)] : []));
  const items = [...incidents, ...alerts];
  return { index, items, source: listSource(items), detailed: alerts.length, matched, matchedTotal, unavailable: details.unavailable + rawIncidents.unavailable };
}

/** The case with some items replaced (after an update). */
export function withUpdates(c: AlertCase, updated: readonly AlertItem[]): AlertCase {
  const byId = new Map(updated.map((a) => [a.id, a]));
  const items = c.items.map((a) => byId.get(a.id) ?? a);
  return { ...c, items, source: listSource(items) };
}
