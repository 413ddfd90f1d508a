import { LitElement, html, type PropertyValues } from 'lit';
import { insightChartStyles } from './ip-insight-chart.styles.js';
import { chartPrintStyles } from '../shared/echarts/chart-print.styles.js';
import { property } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { ChartController } from '../shared/echarts/chart-controller.js';
import { loadInsightCharts } from '../shared/echarts/load.js';
import { richTextSafe } from '../shared/echarts/rich-text.js';
import type { ChartTheme } from '../shared/echarts/chart-theme.js';
import type { EChartsCoreOption } from '../shared/echarts/setup.js';
import type { Insight } from '../../data/model.js';
import { insightSeries, type InsightSeries } from './insight-data.js';
import { msg } from '../shared/l10n.js';
import { formatNumber } from '../../lib/format.js';

/**
 * The small chart of one Sentinel insight (bar, line or pie), drawn with ECharts loaded on first
 * view as its own chunk. The chart is a picture for sighted users (`role="img"` with a summary);
 * the card's "Show as table" gives every value. Used by `<ip-sentinel-events>`.
 *
 * @internal
 * @tag ip-insight-chart
 * @cssprop --ip-insight-chart-height - Height of the chart (default 180px).
 */
export class IpInsightChart extends LitElement {
  static override styles = [
    tokens,
    chartPrintStyles,
    insightChartStyles,
  ];

  /** The insight to draw; it needs `chart` and rows. */
  @property({ attribute: false }) insight?: Insight;
  /** Locale for numbers and dates (default: the page's `lang`). */
  @property({ type: String }) locale?: string;
  /** `light` or `dark`; default follows the page or the OS. */
  @property({ type: String, reflect: true }) theme?: 'light' | 'dark';

  #series?: InsightSeries;

  readonly #chart = new ChartController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.chart'),
    option: (theme) => this.#option(theme),
    deps: () => [this.#series],
    load: loadInsightCharts,
    afterPaint: true,
    onLanguage: () => (this.#series = this.insight ? insightSeries(this.insight, this.locale) : undefined),
  });

  /** Resolves after the chart next draws (for tests and benchmarks). */
  rendered(): Promise<void> {
    return this.#chart.rendered();
  }

  /** The ECharts instance, once drawn. */
  get chart() {
    return this.#chart.chart;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('insight') || changed.has('locale')) this.#series = this.insight ? insightSeries(this.insight, this.locale) : undefined;
  }

  #option(theme: ChartTheme): EChartsCoreOption | undefined {
    const s = this.#series;
    if (!s || !s.values.length) return undefined;
    const text = { color: theme.muted, fontFamily: theme.fontFamily, fontSize: theme.fontSize };
    const tooltip = {
      renderMode: 'richText',
      backgroundColor: theme.surface,
      borderColor: theme.border,
      textStyle: { color: theme.text, fontFamily: theme.fontFamily, fontSize: theme.fontSize },
    };
    const palette = [theme.accent, theme.severity.high, theme.severity.medium, theme.severity.low, theme.severity.informational, theme.muted];
    if (s.type === 'pie') {
      return {
        animation: false,
        aria: { enabled: false },
        color: palette,
        tooltip: { ...tooltip, trigger: 'item', formatter: (p: { dataIndex: number }) => `${richTextSafe(s.labels[p.dataIndex] ?? '')}\n${s.valueText[p.dataIndex]} (${s.percent[p.dataIndex]})` },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            label: { ...text, color: theme.text, formatter: (p: { dataIndex: number }) => richTextSafe(s.labels[p.dataIndex] ?? '', 24) },
            data: s.values.map((value, i) => ({ value, name: String(i) })),
          },
        ],
      };
    }
    return {
      animation: false,
      aria: { enabled: false },
      grid: { left: 8, right: 8, top: 12, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: { ...tooltip, trigger: 'axis', formatter: (p: Array<{ dataIndex: number }>) => `${richTextSafe(s.labels[p[0]?.dataIndex ?? 0] ?? '')}\n${richTextSafe(s.yName)}: ${s.valueText[p[0]?.dataIndex ?? 0]}` },
      xAxis: {
        type: 'category',
        data: s.labels.map((l) => richTextSafe(l, 30)),
        axisLabel: { ...text, hideOverlap: true },
        axisLine: { lineStyle: { color: theme.border } },
        axisTick: { show: false },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { ...text, formatter: (v: number) => formatNumber(v, this.locale) }, splitLine: { lineStyle: { color: theme.border } } },
      series: [
        {
          type: s.type === 'line' ? 'line' : 'bar',
          data: s.values,
          itemStyle: { color: theme.accent },
          lineStyle: { color: theme.accent },
          barMaxWidth: 28,
        },
      ],
    };
  }

  override render() {
    const s = this.#series;
    return html`<div class="chart" role="img" aria-label=${s?.summary ?? msg('No data')}></div>`;
  }
}

if (!customElements.get('ip-insight-chart')) customElements.define('ip-insight-chart', IpInsightChart);

declare global {
  interface HTMLElementTagNameMap {
    'ip-insight-chart': IpInsightChart;
  }
}
