import { msg, str } from '../shared/l10n.js';
import { labelFor, SEVERITY_LABELS } from '../shared/labels.js';
import { revealControls } from '../../lib/text.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { prevalenceChartStyles } from './prevalence-chart.styles.js';
import { chartPrintStyles } from '../shared/echarts/chart-print.styles.js';
import { ChartController } from '../shared/echarts/chart-controller.js';
import type { ECharts } from '../shared/echarts/setup.js';
import { dateTime, showsLoading, skeletonLines, slowNotice } from '../shared/ui.js';
import { IpSectionElement } from '../base/section-element.js';
import { isRetryable } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import type { Prevalence } from '../../data/model.js';
import { formatNumber, isOne } from '../../lib/format.js';
import { type TimeRange } from '../../lib/time-range.js';
import { describeRange } from '../shared/range-text.js';
import { IpRangeSelectEvent } from '../../events/events.js';
import { bucketIndexAt, bucketLabel, LARGE, marksIn, prepare, type PreparedSeries } from './prevalence-series.js';
import { loadECharts } from '../shared/echarts/load.js';
import { lazyModule } from '../../lib/lazy.js';
import { BucketDevices } from './bucket-devices.js';

/** The option builder: loaded with ECharts (once for every chart), so the first paint carries neither. */
const optionBuilder = lazyModule(() => import('./prevalence-option.js'));

/** Rows beyond this are not put in the table (its caption says so). */
const TABLE_LIMIT = 2000;
const NARROW = 480;

/**
 * How many devices in the organization communicated with the IP over time (ECharts area chart,
 * hourly up to 7 days, daily beyond), with the alerts that started in the range drawn as markers
 * on a lane under it, coloured by severity. Focus the chart and use Left/Right (Home/End) to step
 * through the buckets: the tooltip follows and the value is announced. Click a point, or press
 * Enter on it, to list its devices under the chart (one paged call to the provider's
 * `listObservedDevices` over that hour or day; Escape closes the list). Drag the slider (or
 * Shift+wheel) to zoom; zooming fires `ip-range-select`.
 *
 * ECharts is loaded with a dynamic import when the chart first becomes visible.
 *
 * @tag ip-prevalence-chart
 * @fires ip-range-select - The user zoomed to part of the range, or reset the zoom; `detail: { from, to, reset }`.
 * @fires ip-error - Loading the data failed; `detail: { section: 'prevalence', ip, error, message }`.
 * @csspart base - The section.
 * @csspart summary - The devices / first seen / last seen line.
 * @csspart chart - The chart area (focusable).
 * @csspart table - The data table ("Show as table").
 * @csspart bucket-devices - The list of a point's devices (after a click or Enter on the point).
 * @cssprop --ip-prevalence-chart-height - Height of the chart area (default 240px).
 * @cssprop --ip-color-accent - The series colour.
 * @cssprop --ip-severity-high - Marker colour of high-severity alerts (also medium, low, informational).
 * @cssprop --ip-color-text-muted - Axis labels.
 * @cssprop --ip-color-border - Axis and grid lines.
 */
export class IpPrevalenceChart extends IpSectionElement {
  static override styles = [tokens, sharedStyles, chartPrintStyles, prevalenceChartStyles];


  readonly #task = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, range], { signal }) => {
      if (!provider || !ip) return initialState;
      return provider.getPrevalence(ip.canonical, range.range, { signal });
    },
    // Given data is drawn as it is, in the same update: no request, no loading state, no second render.
    args: () => (this.data ? [undefined, undefined, this.source.range] as const : [this.source.provider, this.source.ip, this.source.range] as const),
    onError: (error) => this.reportError('prevalence', error),
  }));


  /**
   * The chart's box: one for the element's life, rendered while there is a chart to show and kept
   * (with its ECharts instance) while a new IP or range loads, so the next answer redraws the same
   * instance instead of starting another: an instance's start (its canvas, its size read) is much
   * of a draw. Its attributes are set here, the ones that change in `willUpdate`.
   */
  readonly #box = this.#makeBox();

  readonly #chart: ChartController = new ChartController(this, {
    container: () => this.#box,
    // Once the builder is here, charts load ECharts alone (no extra wait on the drawing path).
    load: () => (optionBuilder.value ? loadECharts() : Promise.all([loadECharts(), optionBuilder.load()]).then(([setup]) => setup)),
    hasContent: () => Boolean(this.#series) && !this.#isEmpty(),
    option: (theme) => {
      const series = this.#series;
      const builder = optionBuilder.value;
      if (!series || this.#isEmpty() || !builder) return undefined;
      const container = this.#box;
      return builder.prevalenceOption({
        series,
        range: this.#range(),
        theme,
        locale: this.locale,
        description: this.#describeChart(series),
        // The live chart knows its width; reading the box's would force a layout mid-update.
        compact: (this.#chart.chart?.getWidth() || container.clientWidth || NARROW) < NARROW,
        listable: this.#listable(),
      });
    },
    deps: () => [this.#series, this.locale, this.#range().from.getTime(), this.#range().to.getTime(), this.heading, this.#listable()],
    sizeKey: (width) => (width < NARROW ? 'narrow' : 'wide'),
    onInit: (chart) => this.#wire(chart),
    onLoadError: (error) => {
      console.error('ip-prevalence-chart: the chart could not be drawn', error);
      this.chartUnavailable = true;
    },
  });

  #series?: PreparedSeries;
  #seriesOf?: Prevalence;
  #devices?: BucketDevices;
  #zoomTimer?: ReturnType<typeof setTimeout>;

  @state() private focusIndex = -1;
  @state() private announcement = '';
  @state() private zoomed = false;
  @state() private showTable = false;
  @state() private chartUnavailable = false;

  /** Data to draw instead of asking the provider (for hosts that already have it). */
  @property({ attribute: false }) data?: Prevalence;
  /** The section heading (default: “Prevalence in the organization”, in the page's language). */
  @property({ type: String }) heading?: string;

  /** The ECharts instance once the chart is drawn (for advanced customization). */
  get echarts(): ECharts | undefined {
    return this.#chart.chart;
  }

  /** Resolves after the chart next finishes drawing. */
  rendered(): Promise<void> {
    return this.#chart.rendered();
  }

  /** Reload the data. */
  refresh(): void {
    this.source.forget('getPrevalence');
    void this.#task.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#zoomTimer);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const prevalence = this.#shown();
    if (prevalence !== this.#seriesOf) {
      this.#seriesOf = prevalence;
      this.#series = prevalence ? prepare(prevalence) : undefined;
      this.focusIndex = -1;
      this.announcement = '';
      this.zoomed = false;
      if (this.#devices?.isOpen) this.#devices.close();
    }
    const series = this.#series;
    if (series) this.#box.setAttribute('aria-label', `${this.#heading}. ${this.#describeChart(series)}`);
    this.#box.classList.toggle('unavailable', this.chartUnavailable);
  }

  #makeBox(): HTMLDivElement {
    const box = document.createElement('div');
    box.className = 'chart';
    box.tabIndex = 0;
    for (const [name, value] of [['part', 'chart'], ['role', 'application'], ['aria-roledescription', 'chart'], ['aria-describedby', 'chart-help']]) box.setAttribute(name!, value!);
    box.addEventListener('keydown', (e) => this.#onKeydown(e));
    box.addEventListener('focus', () => this.#onFocus());
    box.addEventListener('blur', () => this.#onBlur());
    return box;
  }

  /**
   * What is drawn: the given data, or the provider's answer once complete; while a new answer is
   * due within the frame, the last one (ui.ts `showsLoading`: no loading state between two answers
   * that come in the same task).
   */
  #shown(): Prevalence | undefined {
    if (this.data) return this.data;
    const status = this.#task.status;
    return status === TaskStatus.COMPLETE || (status === TaskStatus.PENDING && !showsLoading(this.#task as never, this)) ? this.#task.value : undefined;
  }

  #range(): TimeRange {
    const p = this.#seriesOf;
    if (this.data && p?.buckets.length) {
      // Given data without a page: its own span.
      const first = Date.parse(p.buckets[0]!.start);
      const step = p.bucket === 'hour' ? 3_600_000 : 86_400_000;
      return { from: new Date(first), to: new Date(Date.parse(p.buckets.at(-1)!.start) + step) };
    }
    return this.source.timeRange;
  }

  get #heading(): string {
    return this.heading ?? msg('Prevalence in the organization');
  }

  #isEmpty(): boolean {
    const p = this.#seriesOf;
    return !p || (p.totalDevices === 0 && (this.#series?.max ?? 0) === 0);
  }

  #describeChart(s: PreparedSeries): string {
    const [count, most, marks] = [formatNumber(s.times.length, this.locale), formatNumber(s.max, this.locale), formatNumber(s.marks.length, this.locale)];
    return s.bucket === 'hour'
      ? msg(str`Devices that communicated with the IP per hour, ${count} hours; the most in one hour: ${most}. ${marks} alert starts marked.`)
      : msg(str`Devices that communicated with the IP per day, ${count} days; the most in one day: ${most}. ${marks} alert starts marked.`);
  }

  #wire(chart: ECharts) {
    // A click anywhere over the plot lists the devices of the nearest point (a point is too small a target).
    chart.getZr().on('click', (e: { offsetX: number; offsetY: number }) => {
      const s = this.#series;
      if (!s || !this.#listable() || !chart.containPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY])) return;
      const t = chart.convertFromPixel({ xAxisIndex: 0 }, e.offsetX) as number;
      const i = bucketIndexAt(s, t + s.stepMs / 2);
      if (i >= 0) void this.#openBucket(Math.min(i, s.times.length - 1), false);
    });
    chart.on('datazoom', () => {
      const option = chart.getOption() as { dataZoom?: Array<{ startValue?: number; endValue?: number }> };
      const zoom = option.dataZoom?.[0];
      const range = this.#range();
      const from = Math.max(range.from.getTime(), Number(zoom?.startValue ?? range.from.getTime()));
      const to = Math.min(range.to.getTime(), Number(zoom?.endValue ?? range.to.getTime()));
      const reset = from <= range.from.getTime() + 1000 && to >= range.to.getTime() - 1000;
      this.zoomed = !reset;
      clearTimeout(this.#zoomTimer);
      this.#zoomTimer = setTimeout(() => {
        this.dispatchEvent(new IpRangeSelectEvent({ from: new Date(from), to: new Date(to), reset }));
      }, 250);
    });
  }

  /** Zoom back out to the whole range. */
  resetZoom(): void {
    this.#chart.chart?.dispatchAction({ type: 'dataZoom', start: 0, end: 100 });
  }

  #showBucket(i: number) {
    const s = this.#series;
    const chart = this.#chart.chart;
    if (!s || i < 0 || i >= s.times.length) return;
    this.focusIndex = i;
    // The words load with the option builder, which the chart loads before it draws.
    const builder = optionBuilder.value;
    if (builder) this.announcement = builder.announceBucket(s, i, this.locale);
    else void optionBuilder.load().then((b) => this.focusIndex === i && this.#series === s && (this.announcement = b.announceBucket(s, i, this.locale)));
    if (chart) {
      const t = s.times[i]! + (s.bucket === 'day' ? s.stepMs / 2 : 0);
      const x = chart.convertToPixel({ xAxisIndex: 0 }, t) as number;
      const y = chart.convertToPixel({ yAxisIndex: 0 }, s.values[i]!) as number;
      chart.dispatchAction({ type: 'showTip', x, y });
    }
  }

  #onKeydown(e: KeyboardEvent) {
    const s = this.#series;
    if (!s) return;
    const last = s.times.length - 1;
    const current = this.focusIndex < 0 ? last : this.focusIndex;
    const page = s.bucket === 'hour' ? 24 : 7;
    const next: Record<string, number> = {
      ArrowRight: Math.min(last, current + 1),
      ArrowLeft: Math.max(0, current - 1),
      Home: 0,
      End: last,
      PageUp: Math.max(0, current - page),
      PageDown: Math.min(last, current + page),
    };
    if (e.key in next) {
      e.preventDefault();
      this.#showBucket(next[e.key]!);
    } else if ((e.key === 'Enter' || e.key === ' ') && this.#listable()) {
      e.preventDefault();
      this.#showBucket(current);
      void this.#openBucket(current, true);
    } else if (e.key === 'Escape') {
      this.#chart.chart?.dispatchAction({ type: 'hideTip' });
      this.announcement = '';
      if (this.#devices?.isOpen) this.#devices.close();
    }
  }

  /** Whether a point's devices can be listed: there is a provider to ask (given data has none). */
  #listable(): boolean {
    return !this.data && Boolean(this.source.provider && this.source.ip);
  }

  /** List the devices of point `i` under the chart; from the keyboard, focus moves to the list. */
  async #openBucket(i: number, moveFocus: boolean): Promise<void> {
    const s = this.#series;
    const provider = this.source.provider;
    const ip = this.source.ip;
    if (!s || !provider || !ip) return;
    this.#devices ??= new BucketDevices(this, { locale: () => this.locale, onClose: () => this.#box.focus() });
    // The point's span, clipped to the range the chart counted.
    const range = this.#range();
    const from = Math.max(s.times[i]!, range.from.getTime());
    const to = Math.min(s.times[i]! + s.stepMs, range.to.getTime());
    this.focusIndex = i;
    this.#devices.open({ provider, ip: ip.canonical, range: { from: new Date(from), to: new Date(to) }, label: bucketLabel(s, i, this.locale), hourly: s.bucket === 'hour', counted: s.values[i]! });
    if (!moveFocus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#bucket-devices')?.focus();
  }

  #onFocus() {
    const s = this.#series;
    if (s) this.#showBucket(this.focusIndex < 0 ? s.times.length - 1 : this.focusIndex);
  }

  #onBlur() {
    this.#chart.chart?.dispatchAction({ type: 'hideTip' });
  }

  // ---- rendering ----------------------------------------------------------------------------

  #renderSummary(p: Prevalence): TemplateResult {
    const phrase = describeRange(this.source.timeRange, this.data ? undefined : this.source.range.key);
    return html`<div class="summary" part="summary">
      <p class="headline"><span class="total">${formatNumber(p.totalDevices, this.locale)}</span>
        <span>${p.totalDevices === 1 ? msg(str`device communicated with this IP ${phrase}`) : msg(str`devices communicated with this IP ${phrase}`)}</span></p>
      <p class="seen muted">${msg(html`First seen ${dateTime(p.firstSeen, this.locale)} · last seen ${dateTime(p.lastSeen, this.locale)}`)}${p.alertMarks.length ? html` · <span class="legend"><span class="legend-marker" aria-hidden="true">▲</span> ${alertsStarted(p.alertMarksTotal ?? p.alertMarks.length, this.locale)}</span>` : nothing}</p>
    </div>`;
  }

  /** The numbers as a table, rendered only on request ("Show as table"): thousands of rows cost more than the chart. */
  #renderTable(s: PreparedSeries): TemplateResult | typeof nothing {
    if (!this.showTable) return nothing;
    const rows = s.times.length;
    const hourly = s.bucket === 'hour';
    const shownRows = rows > TABLE_LIMIT ? ` ${msg(str`(first ${formatNumber(TABLE_LIMIT, this.locale)} of ${formatNumber(rows, this.locale)})`)}` : '';
    // A scrolling box must be reachable by keyboard: the region takes focus and scrolls with the arrows.
    return html`<div class="table-scroll" id="data-table" tabindex="0" role="region" aria-labelledby="table-caption"><table class="simple data-table" part="table">
      <caption id="table-caption">${hourly ? msg('Devices per hour') : msg('Devices per day')}${shownRows}</caption>
      <thead><tr><th scope="col">${hourly ? msg('Hour') : msg('Day (UTC)')}</th><th scope="col">${msg('Devices')}</th><th scope="col">${msg('Alerts started')}</th></tr></thead>
      <tbody>
        ${Array.from({ length: Math.min(rows, TABLE_LIMIT) }, (_, i) => {
          const marks = marksIn(s, i);
          return html`<tr><th scope="row">${bucketLabel(s, i, this.locale)}</th><td>${formatNumber(s.values[i]!, this.locale)}</td><td>${marks.length ? marks.map((m) => `${labelFor(SEVERITY_LABELS, m.severity)}: ${revealControls(m.title)}`).join('; ') : ''}</td></tr>`;
        })}
      </tbody>
    </table></div>`;
  }

  #renderChart(p: Prevalence): TemplateResult {
    const s = this.#series!;
    if (this.#isEmpty()) {
      const alerts = p.alertMarksTotal ?? p.alertMarks.length;
      return html`${this.#renderSummary(p)}
        <div class="state empty">${alerts ? msg(str`No devices communicated with this IP in this period (${alertsStarted(alerts, this.locale)} in it).`) : msg('No devices communicated with this IP in this period.')}</div>`;
    }
    return html`
      ${this.#renderSummary(p)}
      ${this.chartUnavailable ? html`<div class="state error" role="alert"><span class="state-message">${msg('The chart could not be loaded; “Show as table” lists the numbers.')}</span></div>` : nothing}
      ${this.#box}
      <p id="chart-help" class="visually-hidden">${msg(str`Left and Right arrow keys move between ${s.bucket === 'hour' ? msg('hours') : msg('days')}, Home and End go to the first and last, Page Up and Page Down jump further; Escape hides the tooltip. “Show as table” lists every value.`)}${this.#listable() ? ` ${msg('Enter lists the devices of the point.')}` : ''}</p>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.#devices?.render() ?? nothing}
      ${s.times.length > LARGE ? html`<p class="muted small">${msg(str`${formatNumber(s.times.length, this.locale)} points, drawn downsampled (LTTB).`)}</p>` : nothing}
      ${this.#renderTable(s)}
    `;
  }

  override render() {
    const tools = this.#series && !this.#isEmpty()
      ? html`<div class="tools">
          ${this.zoomed ? html`<button type="button" class="button subtle" @click=${() => this.resetZoom()}>${msg('Reset zoom')}</button>` : nothing}
          <button type="button" class="button subtle" aria-expanded=${this.showTable ? 'true' : 'false'} aria-controls=${this.showTable ? 'data-table' : nothing} @click=${() => (this.showTable = !this.showTable)}>
            ${this.showTable ? msg('Hide table') : msg('Show as table')}
          </button>
        </div>`
      : nothing;
    const given = this.data;
    // While an answer is due within the frame, the last one stays, or nothing before the first (see #shown).
    const held = this.#task.status === TaskStatus.PENDING && !showsLoading(this.#task as never, this);
    const body = given ? this.#renderChart(given) : held ? (this.#seriesOf ? this.#renderChart(this.#seriesOf) : nothing) : this.#task.render({
      initial: () => html`<div class="state">${this.source.provider ? msg('No IP address.') : msg('No data provider configured.')}</div>`,
      pending: () => html`<div aria-busy="true"><span class="visually-hidden">${msg(str`Loading ${this.#heading}…`)}</span>${skeletonLines([35, 55])}<div class="skeleton chart-skeleton"></div>${slowNotice(this.#task as never, this)}</div>`,
      error: (error: unknown) => html`<div class="state error" role="alert">
        <span class="state-message">${describeError(error)}</span>
        ${isRetryable(error) ? html`<button type="button" class="button" @click=${() => this.#task.run()}>${msg('Retry')}</button>` : nothing}
      </div>`,
      complete: (p: Prevalence) => this.#renderChart(p),
    });
    return html`<section class="section" part="base" aria-labelledby="heading" aria-busy=${!given && this.#task.status === TaskStatus.PENDING ? 'true' : 'false'}>
      <div class="section-header"><h2 class="section-title" id="heading">${this.#heading}</h2>${tools}</div>
      <div class="section-body">${body}</div>
    </section>`;
  }
}

/** "27 alerts started", the noun by the language's plural rule. */
function alertsStarted(n: number, locale: string | undefined): string {
  const count = formatNumber(n, locale);
  return isOne(n, locale) ? msg(str`${count} alert started`) : msg(str`${count} alerts started`);
}
