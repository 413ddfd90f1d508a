/**
 * A chart on paper: a picture of it in the light palette, on white, at twice the pixels. A canvas,
 * not a data: URL, so a strict img-src policy does not block it. Loaded once a chart exists, so
 * the page's first paint does not carry it.
 */
import type { ECharts, EChartsCoreOption } from './setup.js';
import type { ChartTheme } from './chart-theme.js';

/** The light palette (the tokens' defaults): what a chart prints in, whatever the screen shows. */
export const PRINT_THEME: ChartTheme = {
  text: '#1c1f24',
  muted: '#555d6b',
  border: '#d6d9df',
  surface: '#ffffff',
  accent: '#0f6cbd',
  severity: { high: '#b10e1c', medium: '#974300', low: '#665300', informational: '#4a5568', unknown: '#565e6c' },
  fontFamily: 'system-ui, sans-serif',
  fontSize: 12,
  dark: false,
};

/**
 * The picture, drawn with `option(PRINT_THEME)` when the screen is dark (the caller redraws the
 * screen's option afterwards), else as the chart is.
 */
export function chartPicture(chart: ECharts, option: (theme: ChartTheme) => EChartsCoreOption | undefined, dark: boolean): HTMLCanvasElement {
  const print = dark ? option(PRINT_THEME) : undefined;
  if (print) chart.setOption({ ...print, animation: false }, { notMerge: true, lazyUpdate: false });
  const picture = chart.renderToCanvas({ pixelRatio: 2, backgroundColor: PRINT_THEME.surface });
  picture.className = 'chart-image';
  picture.setAttribute('aria-hidden', 'true');
  return picture;
}
