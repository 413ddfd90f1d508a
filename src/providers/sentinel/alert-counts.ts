/**
 * The overview's figures on a busy IP: the alerts list holds the most recent `ALERT_ROWS` (queries.ts),
 * so past them every alert and incident with the IP in the range is counted in the workspace.
 */
import type { SecuritySummary } from '../../data/model.js';
import { emptyCounts, isOpen } from '../../data/derive.js';
import type { TimeRange } from '../../lib/time-range.js';
import { number, text, type Row } from '../microsoft/tables.js';
import { severity } from '../read/overview.js';
import { ALERTS_WITH_IP, head, INCIDENTS_OF_ALERTS } from './queries.js';

/**
 * Every alert and incident with the IP in the range, counted by kind, severity and status (the
 * same rows as {@link alertsQuery}, which lists only the most recent): the overview's figures on a
 * busy IP, where the list stops at `ALERT_ROWS` (queries.ts).
 */
export function alertCountsQuery(ip: string, range: TimeRange): string {
  return `${head('alert-counts', ip, range)}
${ALERTS_WITH_IP}
union
  (alerts | project Kind = "alert", Severity = AlertSeverity, Status),
  (${INCIDENTS_OF_ALERTS}
    | project Kind = "incident", Severity, Status)
| summarize Count = count() by Kind, Severity, Status
| take 1000`;
}

/** Sentinel's spellings in the model's terms (`Active` incidents are being worked on, `Closed` are resolved). */
export function status(value: string | undefined): string {
  switch ((value ?? '').toLowerCase()) {
    case 'active':
    case 'inprogress':
      return 'inProgress';
    case 'closed':
    case 'resolved':
      return 'resolved';
    case 'new':
      return 'new';
    default:
      return value ?? 'unknown';
  }
}

/** The counts' rows as the summary's figures (severity and status read as the list reads them). */
export function countsFromRows(rows: readonly Row[]): Pick<SecuritySummary, 'openIncidents' | 'activeAlerts' | 'incidentsBySeverity' | 'alertsBySeverity'> {
  const incidentsBySeverity = emptyCounts();
  const alertsBySeverity = emptyCounts();
  let openIncidents = 0;
  let activeAlerts = 0;
  for (const r of rows) {
    const n = Math.max(0, Math.floor(number(r, 'Count') ?? 0));
    const incident = text(r, 'Kind') === 'incident';
    const counts = incident ? incidentsBySeverity : alertsBySeverity;
    const sev = severity(text(r, 'Severity'));
    if (Object.hasOwn(counts, sev)) counts[sev as keyof typeof counts] += n;
    if (isOpen(status(text(r, 'Status')))) {
      if (incident) openIncidents += n;
      else activeAlerts += n;
    }
  }
  return { openIncidents, activeAlerts, incidentsBySeverity, alertsBySeverity };
}
