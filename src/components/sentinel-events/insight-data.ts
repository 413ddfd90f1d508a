/**
 * Pure helpers of the Sentinel tab: insight cells and chart series, timeline day groups.
 * Provider data is untrusted: values of the wrong type show as text, never break a card.
 */
import type { Insight, InsightColumn, TimelineEvent } from '../../data/model.js';
import { dateFormat, formatDateTime, formatNumber } from '../../lib/format.js';
import { msg, str } from '../shared/l10n.js';

export interface InsightSeries {
  type: 'bar' | 'line' | 'pie';
  labels: string[];
  values: number[];
  valueText: string[];
  percent: string[];
  yName: string;
  /** One sentence for screen readers. */
  summary: string;
}

function toNumber(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
}

/** The text of one cell, by its column type. */
export function cellText(value: unknown, column: InsightColumn | undefined, locale?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (column?.type === 'datetime' && typeof value === 'string' && Number.isFinite(Date.parse(value))) return formatDateTime(value, locale);
  if (column?.type === 'number' && typeof value === 'number') return formatNumber(value, locale);
  if (column?.type === 'bool' && typeof value === 'boolean') return value ? msg('Yes') : msg('No');
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

function shortDate(value: unknown, locale?: string): string {
  if (typeof value !== 'string' || !Number.isFinite(Date.parse(value))) return String(value ?? '');
  return dateFormat(locale, { month: 'short', day: 'numeric' }).format(new Date(value));
}

/** The chart of an insight: categories or days on x, values on y (pie: one slice per row). */
export function insightSeries(insight: Insight, locale?: string): InsightSeries | undefined {
  const chart = insight.chart;
  if (!chart) return undefined;
  const xi = insight.columns.findIndex((c) => c.name === chart.x);
  const yi = insight.columns.findIndex((c) => c.name === chart.y);
  if (xi < 0 || yi < 0) return undefined;
  const xCol = insight.columns[xi]!;
  const rows = Array.isArray(insight.rows) ? insight.rows.filter((r, i) => Array.isArray(r) && !insight.unreadableRows?.[i]) : [];
  const labels = rows.map((r) => (xCol.type === 'datetime' ? shortDate(r[xi], locale) : String(r[xi] ?? '—')));
  const values = rows.map((r) => toNumber(r[yi]));
  const total = values.reduce((a, b) => a + b, 0);
  const type: InsightSeries['type'] = chart.type === 'pie' ? 'pie' : chart.type === 'line' ? 'line' : 'bar';
  const valueText = values.map((v) => formatNumber(v, locale));
  const percent = values.map((v) => (total ? `${Math.round((v / total) * 100)}%` : '0%'));
  let summary: string;
  if (!values.length) summary = msg(str`${insight.title}: no data.`);
  else if (type === 'pie') {
    const top = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]).slice(0, 3);
    const parts = top.map(([, i]) => `${labels[i]} ${percent[i]}`).join(', ');
    summary = values.length > 3 ? msg(str`${insight.title}: ${parts} and ${values.length - 3} more.`) : msg(str`${insight.title}: ${parts}.`);
  } else {
    const max = Math.max(...values);
    const at = values.indexOf(max);
    summary = msg(str`${insight.title}: ${values.length} values from ${labels[0]} to ${labels.at(-1)}, total ${formatNumber(total, locale)}, highest ${formatNumber(max, locale)} on ${labels[at]}.`);
  }
  return { type, labels, values, valueText, percent, yName: insight.columns[yi]!.name, summary };
}

export type TimelineEntry = { type: 'day'; key: string; label: string; count: number } | { type: 'event'; key: string; event: TimelineEvent };

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/**
 * Events newest first (by when they happened), with a heading row before each local day.
 * Events whose time cannot be read go last under "Unknown date".
 */
export function groupByDay(events: readonly TimelineEvent[], locale?: string): TimelineEntry[] {
  // Events that could not be read have no time to sort by: they go last, under their own heading.
  const dated = events.map((event, i) => ({ event, i, t: event.unreadable ? NaN : Date.parse(event.time) }));
  const rank = (x: { event: TimelineEvent; t: number }) => (Number.isFinite(x.t) ? x.t : x.event.unreadable ? -Infinity : Number.MIN_SAFE_INTEGER);
  dated.sort((a, b) => rank(b) - rank(a) || a.i - b.i);
  const fmt = dateFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  const out: TimelineEntry[] = [];
  let current: { type: 'day'; key: string; label: string; count: number } | undefined;
  for (const { event, i, t } of dated) {
    const d = Number.isFinite(t) ? new Date(t) : undefined;
    const key = d ? dayKey(d) : event.unreadable ? 'unreadable' : 'unknown';
    if (!current || current.key !== `day:${key}`) {
      current = { type: 'day', key: `day:${key}`, label: d ? fmt.format(d) : event.unreadable ? msg('Could not be read') : msg('Unknown date'), count: 0 };
      out.push(current);
    }
    current.count++;
    out.push({ type: 'event', key: `ev:${i}:${event.id}`, event });
  }
  return out;
}
