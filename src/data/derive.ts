/**
 * Summaries computed from lists: what a provider without its own aggregation (the static
 * provider, a prototype) returns for the security summary and the prevalence chart.
 */
import type { AlertItem, AlertMark, ObservedDevice, Prevalence, SecuritySummary, SeverityCounts } from './model.js';
import { BUCKET_DEVICE_NAMES, own } from './model.js';
import { toMs } from './time.js';
import type { ListSource } from './query.js';
import { bucketMs, bucketSizeFor, bucketStarts, type TimeRange } from '../lib/time-range.js';

/**
 * Whether an incident or alert is open: the one definition behind "Open incidents" and "Active
 * alerts", whichever backend counts them. Open is new or in progress; resolved, redirected (an
 * incident merged into another) and a status the backend did not give (`unknown`) are not.
 */
export function isOpen(status: string | undefined): boolean {
  switch ((status ?? '').toLowerCase()) {
    case 'resolved':
    case 'redirected':
    case 'unknown':
    case 'unknownfuturevalue':
    case '':
      return false;
    default:
      return true;
  }
}

export function emptyCounts(): SeverityCounts {
  return { high: 0, medium: 0, low: 0, informational: 0 };
}

/** Alert marks are drawn on a chart: beyond a few hundred they are noise, so keep the most severe, newest first. */
export const MAX_ALERT_MARKS = 500;

function forEach<T>(items: readonly T[] | ListSource<T>, fn: (item: T) => void): void {
  if (Array.isArray(items)) for (const item of items as readonly T[]) fn(item);
  else {
    const src = items as ListSource<T>;
    for (let i = 0; i < src.size; i++) fn(src.get(i));
  }
}

/** Security summary over alerts and devices in the range. */
export function summarize(alerts: readonly AlertItem[] | ListSource<AlertItem>, devices: readonly ObservedDevice[], range: TimeRange): SecuritySummary {
  const from = range.from.getTime();
  const to = range.to.getTime();
  const incidentsBySeverity = emptyCounts();
  const alertsBySeverity = emptyCounts();
  let openIncidents = 0;
  let activeAlerts = 0;
  forEach(alerts, (a) => {
    if (toMs(a.lastActivity) < from || toMs(a.firstActivity) >= to) return;
    const counts = a.kind === 'incident' ? incidentsBySeverity : alertsBySeverity;
    if (Object.hasOwn(counts, a.severity)) counts[a.severity as keyof SeverityCounts]++;
    if (isOpen(a.status)) {
      if (a.kind === 'incident') openIncidents++;
      else activeAlerts++;
    }
  });
  let first = Infinity;
  let last = -Infinity;
  let prevalence = 0;
  for (const d of devices) {
    const f = toMs(d.firstSeen);
    const l = toMs(d.lastSeen);
    first = Math.min(first, f);
    last = Math.max(last, l);
    if (l >= from && f < to) prevalence++;
  }
  return {
    openIncidents,
    activeAlerts,
    incidentsBySeverity,
    alertsBySeverity,
    organizationPrevalence: prevalence,
    firstSeen: Number.isFinite(first) ? new Date(first).toISOString() : undefined,
    lastSeen: Number.isFinite(last) ? new Date(last).toISOString() : undefined,
  };
}

const SEVERITY_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2, informational: 3 };

/** Prevalence buckets from devices' first/last seen, and alert marks from alert start times. */
export function prevalenceFrom(devices: readonly ObservedDevice[], alerts: readonly AlertItem[], range: TimeRange): Prevalence {
  const size = bucketSizeFor(range);
  const step = bucketMs(size);
  const starts = bucketStarts(range, size);
  const counts = new Array<number>(starts.length).fill(0);
  const names = starts.map((): string[] => []);
  const from = range.from.getTime();
  const to = range.to.getTime();
  let total = 0;
  let first = Infinity;
  let last = -Infinity;
  const origin = starts[0] ?? from;
  for (const d of devices) {
    const f = toMs(d.firstSeen);
    const l = toMs(d.lastSeen);
    if (l < from || f >= to) continue;
    total++;
    first = Math.min(first, f);
    last = Math.max(last, l);
    const a = Math.max(0, Math.floor((Math.max(f, from) - origin) / step));
    const b = Math.min(starts.length - 1, Math.floor((Math.min(l, to - 1) - origin) / step));
    for (let i = a; i <= b; i++) {
      counts[i]!++;
      if (names[i]!.length < BUCKET_DEVICE_NAMES) names[i]!.push(d.name);
    }
  }
  const marks: AlertMark[] = [];
  for (const a of alerts) {
    const t = toMs(a.firstActivity);
    if (t >= from && t < to) marks.push({ id: a.id, title: a.title, severity: a.severity, time: a.firstActivity, kind: a.kind });
  }
  marks.sort((x, y) => (own(SEVERITY_ORDER, x.severity) ?? 4) - (own(SEVERITY_ORDER, y.severity) ?? 4) || (x.time < y.time ? 1 : -1));
  const kept = marks.slice(0, MAX_ALERT_MARKS).sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
  return {
    bucket: size,
    buckets: starts.map((s, i) => (names[i]!.length ? { start: new Date(s).toISOString(), devices: counts[i]!, deviceNames: names[i]! } : { start: new Date(s).toISOString(), devices: counts[i]! })),
    totalDevices: total,
    firstSeen: Number.isFinite(first) ? new Date(first).toISOString() : undefined,
    lastSeen: Number.isFinite(last) ? new Date(last).toISOString() : undefined,
    alertMarks: kept,
    alertMarksTotal: marks.length,
  };
}
