import { revealControls } from '../../../lib/text.js';

/**
 * Text safe to draw on the chart's canvas (labels, tooltips, ECharts rich text): no braces
 * (rich-text markup), no overlong lines, and every hidden character as a visible mark, as
 * everywhere else on the page (a canvas would draw a right-to-left override as what it does).
 */
export function richTextSafe(text: string, max = 90): string {
  const clean = revealControls(text.replace(/[\r\n\t]+/g, ' ')).replace(/\{/g, '\uFF5B').replace(/\}/g, '\uFF5D');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
