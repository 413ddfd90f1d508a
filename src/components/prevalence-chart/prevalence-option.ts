/**
 * The ECharts option of the prevalence chart, and the text a bucket is described with (the
 * tooltip, the keyboard announcement and the data table say the same thing). Pure functions.
 *
 * Safety: the tooltip uses `renderMode: 'richText'`, drawn on the canvas, so no data ever
 * becomes HTML. Rich text has its own markup (`{style|text}`), so braces in data are swapped for
 * look-alike characters: a hostile title cannot even restyle the tooltip.
 */
import { richTextSafe } from '../shared/echarts/rich-text.js';
import type { AlertMark, Prevalence } from '../../data/model.js';
import { toMs } from '../../data/time.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { labelFor, SEVERITY_LABELS } from '../../lib/labels.js';
import type { TimeRange } from '../../lib/time-range.js';
import type { ChartTheme } from '../shared/echarts/chart-theme.js';

/** Above this many points: LTTB sampling, no symbols, no animation. */
export const LARGE = 2000;
const MAX_TITLES = 3;
const SEVERITY_ORDER = ['high', 'medium', 'low', 'informational'] as const;


/** The prevalence data in the shape the chart needs: typed arrays and sorted marks. */
export interface PreparedSeries {
  times: Float64Array;
  values: Float64Array;
  /** Flat [t0, v0, t1, v1, …] for ECharts' typed-array source. */
  flat: Float64Array;
  stepMs: number;
  bucket: 'hour' | 'day';
  marks: AlertMark[];
  markTimes: Float64Array;
  max: number;
}

export function prepare(p: Prevalence): PreparedSeries {
  const n = p.buckets.length;
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  const flat = new Float64Array(n * 2);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const b = p.buckets[i]!;
    const t = toMs(b.start);
    times[i] = t;
    values[i] = b.devices;
    flat[2 * i] = t;
    flat[2 * i + 1] = b.devices;
    if (b.devices > max) max = b.devices;
  }
  const marks = [...p.alertMarks].sort((a, b) => toMs(a.time) - toMs(b.time));
  const stepMs = p.bucket === 'hour' ? 3_600_000 : 86_400_000;
  return { times, values, flat, stepMs, bucket: p.bucket, marks, markTimes: Float64Array.from(marks, (m) => toMs(m.time)), max };
}

/** Index of the bucket containing `time` (the last bucket starting at or before it), or -1. */
export function bucketIndexAt(s: PreparedSeries, time: number): number {
  let lo = 0;
  let hi = s.times.length - 1;
  if (hi < 0 || time < s.times[0]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (s.times[mid]! <= time) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Alerts that started in bucket `i`. */
export function marksIn(s: PreparedSeries, i: number): AlertMark[] {
  const start = s.times[i]!;
  const end = start + s.stepMs;
  let lo = 0;
  let hi = s.markTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s.markTimes[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  const out: AlertMark[] = [];
  for (let j = lo; j < s.markTimes.length && s.markTimes[j]! < end; j++) out.push(s.marks[j]!);
  return out;
}

export function bucketLabel(s: PreparedSeries, i: number, locale?: string): string {
  const t = s.times[i]!;
  return s.bucket === 'day' ? formatDate(t, locale) : formatDateTime(t, locale);
}

/** Plain sentences for bucket `i`: the heading, the device count, and the alerts that started. */
export interface BucketDescription {
  heading: string;
  devices: string;
  /** One line per alert shown (most severe first), then "+N more alerts" when cut. */
  alerts: Array<{ text: string; severity?: string }>;
}

export function describeBucket(s: PreparedSeries, i: number, locale?: string): BucketDescription {
  const n = s.values[i]!;
  const rank = (sev: string) => {
    const k = (SEVERITY_ORDER as readonly string[]).indexOf(sev);
    return k < 0 ? SEVERITY_ORDER.length : k;
  };
  const marks = marksIn(s, i).sort((a, b) => rank(a.severity) - rank(b.severity));
  const alerts: BucketDescription['alerts'] = marks
    .slice(0, MAX_TITLES)
    .map((m) => ({ text: `${labelFor(SEVERITY_LABELS, m.severity, 'Unknown')}: ${m.title}`, severity: m.severity }));
  const more = marks.length - MAX_TITLES;
  if (more > 0) alerts.push({ text: `+${more} more ${more === 1 ? 'alert' : 'alerts'}` });
  return { heading: bucketLabel(s, i, locale), devices: `${formatNumber(n, locale)} ${n === 1 ? 'device' : 'devices'}`, alerts };
}

/** The same as one plain sentence, for the live region. */
export function announceBucket(s: PreparedSeries, i: number, locale?: string): string {
  const d = describeBucket(s, i, locale);
  const alerts = d.alerts.length ? ` Alerts started: ${d.alerts.map((a) => a.text).join('; ')}.` : '';
  return `${d.heading}: ${d.devices}.${alerts}`;
}

export { richTextSafe };

/**
 * The whole tooltip. ECharts parses the string as rich text but ignores custom rich styles in
 * tooltips, so it is plain lines; braces in data are neutralized by {@link richTextSafe}.
 */
export function tooltipText(s: PreparedSeries, i: number, locale?: string): string {
  const d = describeBucket(s, i, locale);
  const lines = [richTextSafe(d.heading), richTextSafe(d.devices)];
  if (d.alerts.length) lines.push('Alerts started:');
  for (const a of d.alerts) lines.push(a.severity ? `▲ ${richTextSafe(a.text)}` : richTextSafe(a.text));
  return lines.join('\n');
}

/** A colour token with an alpha channel, whatever notation the token uses. */
export function withAlpha(color: string, alpha: number): string {
  const hex = color.trim().match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
  if (hex) {
    const h = hex[1]!.length === 3 ? hex[1]!.replace(/./g, (c) => c + c) : hex[1]!;
    const [r, g, b] = [0, 2, 4].map((k) => parseInt(h.slice(k, k + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  const rgb = color.match(/^rgba?\(([^)]+)\)$/i);
  if (rgb) {
    const [r, g, b] = rgb[1]!.split(/[\s,/]+/).filter(Boolean);
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  return color;
}

export function severityColor(theme: ChartTheme, severity: string): string {
  return (theme.severity as Record<string, string>)[severity] ?? theme.severity.unknown;
}

export interface OptionInput {
  series: PreparedSeries;
  range: TimeRange;
  theme: ChartTheme;
  locale?: string;
  /** A short description for the chart's accessible name. */
  description: string;
  /** Hide the dataZoom slider (narrow containers). */
  compact?: boolean;
}

export function prevalenceOption({ series: s, range, theme, locale, description, compact }: OptionInput): Record<string, unknown> {
  const large = s.times.length > LARGE;
  const axisLabel = { color: theme.muted, fontFamily: theme.fontFamily, fontSize: theme.fontSize, hideOverlap: true };
  const from = range.from.getTime();
  const to = range.to.getTime();
  const laneHeight = s.marks.length ? 22 : 0;
  const sliderHeight = compact ? 0 : 22;
  const bottomLabels = 22;
  const gridBottom = bottomLabels + sliderHeight + (compact ? 4 : 14);
  const markerData = s.marks.map((m) => ({
    value: [toMs(m.time), 0],
    itemStyle: { color: severityColor(theme, m.severity) },
  }));
  return {
    animation: !large,
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    grid: [
      { left: 44, right: 16, top: 12, bottom: gridBottom + laneHeight + 6 },
      { left: 44, right: 16, height: laneHeight, bottom: gridBottom },
    ],
    xAxis: [
      {
        type: 'time', gridIndex: 0, min: from, max: to,
        axisLabel: { show: !laneHeight, ...axisLabel }, axisTick: { show: false },
        axisLine: { lineStyle: { color: theme.border } }, splitLine: { show: false },
      },
      {
        type: 'time', gridIndex: 1, min: from, max: to, show: laneHeight > 0,
        axisLabel, axisTick: { show: false }, axisLine: { lineStyle: { color: theme.border } },
      },
    ],
    yAxis: [
      {
        type: 'value', gridIndex: 0, minInterval: 1, min: 0, max: s.max === 0 ? 1 : undefined,
        axisLabel, splitLine: { lineStyle: { color: theme.border, opacity: 0.7 } },
      },
      { type: 'value', gridIndex: 1, min: -1, max: 1, show: false },
    ],
    axisPointer: { link: [{ xAxisIndex: 'all' }], lineStyle: { color: theme.muted } },
    dataZoom: [
      { type: 'inside', xAxisIndex: [0, 1], filterMode: 'none', zoomOnMouseWheel: 'shift', moveOnMouseWheel: false },
      ...(compact
        ? []
        : [{
            type: 'slider', xAxisIndex: [0, 1], filterMode: 'none', height: sliderHeight - 6, bottom: 4,
            showDetail: false, brushSelect: true,
            borderColor: theme.border, textStyle: { color: theme.muted },
            fillerColor: withAlpha(theme.accent, 0.13), handleStyle: { color: theme.surface, borderColor: theme.accent },
            moveHandleStyle: { color: theme.accent, opacity: 0.6 },
            dataBackground: { lineStyle: { color: theme.muted, opacity: 0.5 }, areaStyle: { color: theme.muted, opacity: 0.15 } },
            selectedDataBackground: { lineStyle: { color: theme.accent }, areaStyle: { color: theme.accent, opacity: 0.2 } },
          }]),
    ],
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      confine: true,
      backgroundColor: theme.surface,
      borderColor: theme.border,
      padding: [6, 10],
      textStyle: { color: theme.text, fontFamily: theme.fontFamily, fontSize: theme.fontSize },
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const first = list[0] as { axisValue?: number; value?: [number, number] } | undefined;
        const t = typeof first?.axisValue === 'number' ? first.axisValue : first?.value?.[0];
        if (t === undefined) return '';
        const i = bucketIndexAt(s, t);
        return i < 0 ? '' : tooltipText(s, i, locale);
      },
    },
    series: [
      {
        id: 'devices',
        name: 'Devices',
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        step: s.bucket === 'day' ? false : undefined,
        dimensions: ['time', 'devices'],
        data: s.flat,
        showSymbol: !large && s.times.length <= 60,
        symbolSize: 5,
        sampling: large ? 'lttb' : undefined,
        lineStyle: { width: 1.6, color: theme.accent },
        itemStyle: { color: theme.accent },
        areaStyle: { color: theme.accent, opacity: theme.dark ? 0.22 : 0.14 },
        emphasis: { disabled: large },
        progressive: 0,
      },
      {
        id: 'alerts',
        name: 'Alerts started',
        type: 'scatter',
        xAxisIndex: 1,
        yAxisIndex: 1,
        symbol: 'triangle',
        symbolSize: 9,
        data: markerData,
        animation: false,
        tooltip: { show: false },
        emphasis: { scale: 1.5 },
      },
    ],
  };
}
