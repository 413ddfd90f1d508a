/**
 * The ECharts option of the prevalence chart and its tooltip text. Pure functions, loaded with
 * ECharts (the element imports this module dynamically), so the page paints without them.
 *
 * Safety: the tooltip uses `renderMode: 'richText'`, drawn on the canvas, so no data ever
 * becomes HTML. Rich text has its own markup (`{style|text}`), so braces in data are swapped for
 * look-alike characters: a hostile title cannot even restyle the tooltip.
 */
import { msg } from '../shared/l10n.js';
import { richTextSafe } from '../shared/echarts/rich-text.js';
import type { TimeRange } from '../../lib/time-range.js';
import type { ChartTheme } from '../shared/echarts/chart-theme.js';
import { toMs } from '../../data/time.js';
import { bucketIndexAt, LARGE, type PreparedSeries } from './prevalence-series.js';
import { describeBucket, moreDevices } from './bucket-text.js';
import { dateFormat, formatNumber } from '../../lib/format.js';

export * from './prevalence-series.js';
export * from './bucket-text.js';

export { richTextSafe };

/**
 * The whole tooltip. ECharts parses the string as rich text but ignores custom rich styles in
 * tooltips, so it is plain lines; braces in data are neutralized by {@link richTextSafe}.
 */
export function tooltipText(s: PreparedSeries, i: number, locale?: string, listable = false): string {
  const d = describeBucket(s, i, locale);
  const lines = [richTextSafe(d.heading), richTextSafe(d.devices)];
  if (d.names) {
    for (const name of d.names.list) lines.push(`· ${richTextSafe(name, 48)}`);
    if (d.names.more) lines.push(`  ${moreDevices(d.names.more, locale)}`);
  }
  if (d.alerts.length) lines.push(msg('Alerts started:'));
  for (const a of d.alerts) lines.push(a.severity ? `▲ ${richTextSafe(a.text)}` : richTextSafe(a.text));
  if (listable && s.values[i]! > 0) lines.push(msg('Click to list the devices'));
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

/**
 * A time axis tick in the locale's words, the way ECharts chooses its ticks: the year at a year's
 * start and the month at a month's (bold), the day at midnight, else the time. ECharts' own
 * labels would be English month names (its built-in locale); these follow the page's language.
 */
export function timeAxisLabel(locale?: string, utc = false): (value: number) => string {
  const timeZone = utc ? 'UTC' : undefined;
  const month = dateFormat(locale, { month: 'short', timeZone });
  const year = dateFormat(locale, { year: 'numeric', timeZone });
  const day = dateFormat(locale, { day: 'numeric', timeZone });
  const time = dateFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  return (value) => {
    const d = new Date(value);
    const [hours, minutes, date, monthIndex] = utc ? [d.getUTCHours(), d.getUTCMinutes(), d.getUTCDate(), d.getUTCMonth()] : [d.getHours(), d.getMinutes(), d.getDate(), d.getMonth()];
    const midnight = hours === 0 && minutes === 0;
    if (midnight && date === 1) return `{strong|${monthIndex === 0 ? year.format(d) : month.format(d)}}`;
    return midnight ? day.format(d) : time.format(d);
  };
}

/**
 * Where a range of more than 45 days is labelled: each month's first day and its 8th, 15th and
 * 22nd (past 150 days, the months alone), so labels stand a week apart. ECharts' own choice mixes
 * weekly days with the months' first and puts two days side by side (“Oct 6 8”). Shorter ranges
 * keep ECharts' choice (undefined).
 */
export function longRangeLabels(from: number, to: number, utc: boolean): number[] | undefined {
  const days = (to - from) / 86_400_000;
  if (!(days > 45)) return undefined;
  const dayParts = days > 150 ? [1] : [1, 8, 15, 22];
  const start = new Date(from);
  let year = utc ? start.getUTCFullYear() : start.getFullYear();
  let month = utc ? start.getUTCMonth() : start.getMonth();
  const out: number[] = [];
  for (let guard = 0; guard < 240; guard++) {
    for (const day of dayParts) {
      const t = utc ? Date.UTC(year, month, day) : new Date(year, month, day).getTime();
      if (t >= from && t <= to) out.push(t);
    }
    if ((utc ? Date.UTC(year, month, 1) : new Date(year, month, 1).getTime()) > to) break;
    month++;
    if (month === 12) {
      month = 0;
      year++;
    }
  }
  return out;
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
  /** A click on a point lists its devices: the tooltip says so. */
  listable?: boolean;
}

export function prevalenceOption({ series: s, range, theme, locale, description, compact, listable }: OptionInput): Record<string, unknown> {
  const large = s.times.length > LARGE;
  const axisLabel = { color: theme.muted, fontFamily: theme.fontFamily, fontSize: theme.fontSize, hideOverlap: true };
  // Day buckets are UTC days: the axis ticks and names them in UTC too, so a tick sits on a bucket.
  const utc = s.bucket === 'day';
  const timeLabel = { ...axisLabel, formatter: timeAxisLabel(locale, utc), rich: { strong: { fontWeight: 'bold' } } };
  const valueLabel = { ...axisLabel, formatter: (v: number) => formatNumber(v, locale) };
  const from = range.from.getTime();
  const to = range.to.getTime();
  const customValues = longRangeLabels(from, to, utc);
  const laneHeight = s.marks.length ? 22 : 0;
  const sliderHeight = compact ? 0 : 22;
  const bottomLabels = 22;
  const gridBottom = bottomLabels + sliderHeight + (compact ? 4 : 14);
  const markerData = s.marks.map((m) => ({
    value: [toMs(m.time), 0],
    itemStyle: { color: severityColor(theme, m.severity) },
  }));
  return {
    useUTC: utc,
    // No entry animation: it repainted the chart every frame for a second after each draw, and
    // each frame's text forced a style recalculation of whatever the page had just changed (a tab
    // opening right after the overview paid 30 ms for it). Motion adds nothing to a count.
    animation: false,
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    grid: [
      { left: 44, right: 16, top: 12, bottom: gridBottom + laneHeight + 6 },
      { left: 44, right: 16, height: laneHeight, bottom: gridBottom },
    ],
    xAxis: [
      {
        type: 'time', gridIndex: 0, min: from, max: to,
        axisLabel: { show: !laneHeight, ...timeLabel, customValues }, axisTick: { show: false },
        axisLine: { lineStyle: { color: theme.border } }, splitLine: { show: false },
      },
      {
        type: 'time', gridIndex: 1, min: from, max: to, show: laneHeight > 0,
        axisLabel: { ...timeLabel, customValues }, axisTick: { show: false }, axisLine: { lineStyle: { color: theme.border } },
      },
    ],
    yAxis: [
      {
        type: 'value', gridIndex: 0, minInterval: 1, min: 0, max: s.max === 0 ? 1 : undefined,
        axisLabel: valueLabel, splitLine: { lineStyle: { color: theme.border, opacity: 0.7 } },
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
        return i < 0 ? '' : tooltipText(s, i, locale, listable);
      },
    },
    series: [
      {
        id: 'devices',
        name: msg('Devices'),
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
        name: msg('Alerts started'),
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
