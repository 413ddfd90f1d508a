/**
 * Everything about an ECharts instance's life in a Lit element: load ECharts when the chart
 * first becomes visible, init it on a container made safe for Trusted Types, keep it sized to
 * its box (ResizeObserver, including a start inside a hidden tab), re-apply the option when the
 * theme tokens change, and dispose of it when the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ECharts, EChartsCoreOption } from './setup.js';
import { loadECharts } from './load.js';
import { afterPaint } from '../../../lib/after-paint.js';
import { clearWithoutMarkup } from './trusted-types.js';
import { readChartTheme, sameTheme, type ChartTheme } from './chart-theme.js';

export interface ChartControllerOptions {
  /** The element to draw into (inside the host's shadow root), once rendered. */
  container: () => HTMLElement | null | undefined;
  /** The option for the current data and theme; undefined when there is nothing to draw. */
  option: (theme: ChartTheme) => EChartsCoreOption | undefined;
  /**
   * What the option depends on besides theme and size (compared item by item after each host
   * update): the option is rebuilt only when one changes, so re-renders for other reasons (focus,
   * announcements) do not reset the chart's tooltip or zoom.
   */
  deps: () => readonly unknown[];
  /** A name for the container's size class; when it changes the option is rebuilt (e.g. no slider when narrow). */
  sizeKey?: (width: number) => string;
  /** Called with the instance after each init (to attach event handlers). */
  onInit?: (chart: ECharts) => void;
  /**
   * Whether there is something to draw, for a host whose `option` can only be built once `load`
   * has run (its option builder loads with ECharts). Without it, an option must be buildable first.
   */
  hasContent?: () => boolean;
  /** How to load ECharts (default: the line/scatter build); a chart with other series types passes its own build. */
  load?: () => Promise<{ echarts: typeof import('./setup.js').echarts }>;
  /** Called when ECharts cannot be loaded. */
  onLoadError?: (error: unknown) => void;
  /** Called when another language's words have loaded, before the option is rebuilt in it. */
  onLanguage?: () => void;
  /**
   * Draw only once the intersection observer reports the box on screen, after the frame that
   * shows it, never reading the layout to find out sooner. For hosts that come many to a view
   * (the Sentinel tab's insight cards): each such read forced a layout of its own, about 16 ms
   * of a first visit, before anything could paint.
   */
  afterPaint?: boolean;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly hasUpdated?: boolean };

let liveCharts = 0;

/** How a chart is pictured for print: loaded once, after the first chart is drawn. */
let printing: typeof import('./print.js') | undefined;
let printLoading: Promise<void> | undefined;
function loadPrint(): void {
  printLoading ??= import('./print.js').then(
    (m) => void (printing = m),
    () => void (printLoading = undefined),
  );
}

/** How many ECharts instances the controllers hold (tests check that none outlive their element). @internal */
export function liveChartCount(): number {
  return liveCharts;
}

function isOnScreen(element: HTMLElement): boolean {
  if (element.clientWidth === 0 || element.clientHeight === 0) return false;
  const r = element.getBoundingClientRect();
  return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
}

export class ChartController implements ReactiveController {
  readonly #host: Host;
  readonly #options: ChartControllerOptions;
  #chart?: ECharts;
  #container?: HTMLElement;
  #visible = false;
  #loading = false;
  #theme?: ChartTheme;
  #intersection?: IntersectionObserver;
  #resize?: ResizeObserver;
  #media?: MediaQueryList;
  #sizeKey?: string;
  #deps?: readonly unknown[];
  /** Host updates seen, to tell whether an option built before an await is still current. */
  #updates = 0;
  #ready: Promise<ECharts>;
  #resolveReady!: (chart: ECharts) => void;
  /** Bumped on every applied option; tests and benchmarks wait on `rendered()`. */
  #renderedListeners: Array<() => void> = [];
  /** The picture printed in the chart's place, between beforeprint and afterprint. */
  #picture?: HTMLCanvasElement;

  constructor(host: Host, options: ChartControllerOptions) {
    this.#host = host;
    this.#options = options;
    this.#ready = new Promise((r) => (this.#resolveReady = r));
    host.addController(this);
  }

  /** The ECharts instance, once loaded and initialized. */
  get chart(): ECharts | undefined {
    return this.#chart;
  }

  /** Resolves with the instance once it exists. */
  whenReady(): Promise<ECharts> {
    return this.#ready;
  }

  /** Resolves after the next option has been drawn (its first frame: ECharts `rendered`). */
  rendered(): Promise<void> {
    return new Promise((resolve) => this.#renderedListeners.push(resolve));
  }

  /** The option's words (series names, tooltips, axis names) are messages: rebuild it in the new language. */
  readonly #onLanguage = (e: Event): void => {
    if ((e as CustomEvent<{ status: string }>).detail?.status !== 'ready') return;
    this.#options.onLanguage?.();
    this.#deps = undefined;
    this.#host.requestUpdate();
  };

  hostConnected(): void {
    this.#media = matchMedia('(prefers-color-scheme: dark)');
    this.#media.addEventListener('change', this.#onThemeMaybeChanged);
    addEventListener('beforeprint', this.#onBeforePrint);
    addEventListener('afterprint', this.#onAfterPrint);
    addEventListener('lit-localize-status', this.#onLanguage);
    // Back in the page (or moved): attach and draw again after the next update.
    if (this.#host.hasUpdated) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#media?.removeEventListener('change', this.#onThemeMaybeChanged);
    removeEventListener('beforeprint', this.#onBeforePrint);
    removeEventListener('afterprint', this.#onAfterPrint);
    removeEventListener('lit-localize-status', this.#onLanguage);
    this.#onAfterPrint();
    this.#intersection?.disconnect();
    this.#resize?.disconnect();
    this.#intersection = undefined;
    this.#resize = undefined;
    this.#container?.removeEventListener('transitionrun', this.#onThemeMaybeChanged);
    this.#dispose();
    this.#container = undefined;
    this.#visible = false;
    this.#deps = undefined;
    this.#ready = new Promise((r) => (this.#resolveReady = r));
  }

  hostUpdated(): void {
    this.#updates++;
    const container = this.#options.container();
    if (container !== this.#container) this.#attach(container ?? undefined);
    const deps = this.#options.deps();
    const changed = !this.#deps || deps.length !== this.#deps.length || deps.some((d, i) => d !== this.#deps![i]);
    if (!changed && this.#chart) return;
    this.#deps = deps;
    // New data in a live chart: the theme it was drawn in stands (its own observers report a
    // change), so nothing forces a style recalculation in the middle of the host's update; and
    // the old drawing goes at once (see `#apply`).
    if (this.#chart && this.#theme) this.#apply(this.#theme, this.#options.option(this.#theme));
    else this.update();
  }

  /** Re-read the theme and apply the current option (after data or theme changes). */
  update(): void {
    if (!this.#chart) {
      // A kept box the host has just put on screen (it was out while there was nothing to draw).
      if (!this.#visible && !this.#options.afterPaint && this.#container?.isConnected && isOnScreen(this.#container)) this.#visible = true;
      void this.#maybeInit();
      return;
    }
    const theme = readChartTheme(this.#host);
    this.#apply(theme, this.#options.option(theme));
  }

  #apply(theme: ChartTheme, option: EChartsCoreOption | undefined) {
    this.#theme = theme;
    if (!option) return;
    // The charts draw without animation (their options say `animation: false`), so a whole new
    // option replaces the old drawing at once. Clearing first would be a drawing of its own, an
    // empty chart, which the prevalence chart paid on every new IP.
    this.#chart?.setOption(option, { notMerge: true, lazyUpdate: false });
  }

  /** Before printing: a picture of the chart after its box (which print hides), scaling to the page like an image. */
  readonly #onBeforePrint = () => {
    const chart = this.#chart;
    const container = this.#container;
    if (!chart || !container || !printing) return;
    this.#onAfterPrint();
    const dark = Boolean(this.#theme?.dark);
    const picture = printing.chartPicture(chart, this.#options.option, dark);
    container.after(picture);
    container.dataset['printing'] = '';
    this.#picture = picture;
    if (dark) this.update();
  };

  readonly #onAfterPrint = () => {
    this.#picture?.remove();
    this.#picture = undefined;
    if (this.#container) delete this.#container.dataset['printing'];
  };

  /** Tell the controller the theme may have changed (e.g. a `theme` attribute on an ancestor). */
  readonly #onThemeMaybeChanged = () => {
    if (!this.#chart) return;
    const theme = readChartTheme(this.#host);
    if (sameTheme(this.#theme, theme)) return;
    this.update();
  };

  #attach(container: HTMLElement | undefined) {
    this.#intersection?.disconnect();
    this.#resize?.disconnect();
    if (this.#chart && this.#container !== container) this.#dispose();
    this.#container = container;
    // A new box: whether it is on screen is for its observers to say.
    this.#visible = false;
    if (!container) return;
    this.#intersection = new IntersectionObserver((entries) => {
      this.#visible = entries.some((e) => e.isIntersecting);
      if (this.#visible) void this.#maybeInit();
    });
    this.#intersection.observe(container);
    // Already on screen: draw now rather than a frame later, when the observer reports. This reads
    // the layout; a host that keeps its box (the prevalence chart) pays it once, not per answer.
    if (!this.#options.afterPaint && isOnScreen(container)) {
      this.#visible = true;
      void this.#maybeInit();
    }
    this.#resize = new ResizeObserver(() => {
      if (this.#chart) {
        const w = container.clientWidth;
        const h = container.clientHeight;
        // The observer also reports the size it starts with; a redraw of a large series is not free.
        if (w > 0 && h > 0 && (w !== this.#chart.getWidth() || h !== this.#chart.getHeight())) {
          this.#chart.resize();
          const key = this.#options.sizeKey?.(container.clientWidth);
          if (key !== this.#sizeKey) {
            this.#sizeKey = key;
            this.update();
          }
        }
      } else void this.#maybeInit();
      // Theme tokens can change with the layout (a container query, a class on an ancestor).
      this.#onThemeMaybeChanged();
    });
    this.#resize.observe(container);
    // Theme attributes flip custom properties, which a transition on the container reports.
    container.addEventListener('transitionrun', this.#onThemeMaybeChanged);
  }

  #dispose() {
    if (!this.#chart) return;
    this.#chart.dispose();
    this.#chart = undefined;
    liveCharts--;
  }

  async #maybeInit() {
    const container = this.#container;
    if (this.#chart || this.#loading || !container || !this.#visible) return;
    if (container.clientWidth === 0 || container.clientHeight === 0) return;
    const theme = readChartTheme(this.#host);
    const hasContent = this.#options.hasContent;
    const option = hasContent ? undefined : this.#options.option(theme);
    if (hasContent ? !hasContent() : !option) return;
    const updates = this.#updates;
    this.#loading = true;
    // The box was replaced while ECharts loaded (the host re-rendered through a loading state):
    // draw into the new one once this load is over, or nothing would ever ask again.
    let moved = false;
    try {
      const { echarts } = await (this.#options.load ?? loadECharts)();
      moved = this.#container !== container;
      if (moved || this.#chart || !this.#host.isConnected) return;
      // Hidden while ECharts loaded (another tab, a collapsed section): a chart of no size would
      // warn in the host's console and draw nothing. The box's observers ask again once it has a size.
      if (container.clientWidth === 0 || container.clientHeight === 0) return;
      clearWithoutMarkup(container);
      const chart = echarts.init(container, undefined, { renderer: 'canvas' });
      this.#chart = chart;
      liveCharts++;
      this.#sizeKey = this.#options.sizeKey?.(container.clientWidth);
      chart.on('rendered', () => {
        const listeners = this.#renderedListeners;
        this.#renderedListeners = [];
        for (const l of listeners) l();
      });
      this.#options.onInit?.(chart);
      this.#resolveReady(chart);
      // What printing needs loads once the first chart has painted and the page is idle: asked for
      // here, its request and its evaluation fell inside the first drawing.
      afterPaint(loadPrint);
      // The option built above is still current unless the host updated while ECharts loaded.
      // An option that needed the loaded code is built now, with the theme read before (no second style read).
      if (this.#updates !== updates) this.update();
      else this.#apply(theme, option ?? this.#options.option(theme));
    } catch (error) {
      this.#options.onLoadError?.(error);
    } finally {
      this.#loading = false;
      if (moved) void this.#maybeInit();
    }
  }
}
