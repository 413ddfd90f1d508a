import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/dom.js';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { IpPrevalenceChart } from '../../src/components/prevalence-chart/prevalence-chart.js';

interface CspWindow extends Window {
  __violations: string[];
  __errors: string[];
  __chart: IpPrevalenceChart;
  __pwned?: number;
}

/** Texts the chart's canvas draws (tooltip included), read from ECharts' scene graph. */
function drawnTexts(chart: IpPrevalenceChart): string[] {
  const zr = chart.echarts!.getZr() as unknown as { storage: { getDisplayList(update: boolean): Array<{ style?: { text?: string } }> } };
  return zr.storage.getDisplayList(true).map((el) => el.style?.text).filter((t): t is string => typeof t === 'string');
}

describe('<ip-prevalence-chart> under a strict CSP with Trusted Types', () => {
  it('renders, shows its tooltip on hover and on keyboard, with zero violations', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 900px; height: 700px; border: 0; position: absolute; left: 0; top: 0;';
    frame.src = '/test/csp/chart.html';
    document.body.append(frame);
    try {
      await waitUntil(() => (frame.contentWindow as CspWindow | null)?.__chart?.echarts, 'chart did not initialize', { timeout: 15000 });
      const win = frame.contentWindow as CspWindow;
      const chart = win.__chart;
      await waitUntil(() => drawnTexts(chart).length > 5, 'axis labels not drawn');

      // Real mouse: hover the middle of the plot.
      const box = chart.shadowRoot!.querySelector('[part="chart"]')!.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + box.width * 0.5), Math.round(box.top + box.height * 0.4)] });
      await waitUntil(() => drawnTexts(chart).some((t) => /^\d+ devices?$/.test(t)), 'tooltip not shown on hover');

      // Keyboard: focus the chart, step left.
      (chart.shadowRoot!.querySelector('[part="chart"]') as HTMLElement).focus();
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => /devices?/.test(chart.shadowRoot!.querySelector('[role="status"]')!.textContent ?? ''), 'no announcement');

      // ZRText draws each tooltip line as its own text element.
      const tooltip = drawnTexts(chart).join('\n');
      expect(tooltip).to.contain('Alerts started:');
      expect(tooltip).to.contain('<img src=x onerror=');
      expect(tooltip).to.not.contain('{high|'); // rich-text markup in data is neutralized
      expect(win.__pwned).to.equal(undefined);
      expect(frame.contentDocument!.querySelectorAll('img').length).to.equal(0);
      expect(win.__violations, 'CSP / Trusted Types violations').to.deep.equal([]);
      expect(win.__errors, 'page errors').to.deep.equal([]);

      // Removing the chart disposes ECharts: still no violations (dispose clears the container too).
      chart.remove();
      await new Promise((r) => setTimeout(r, 50));
      expect(win.__violations).to.deep.equal([]);
      expect(win.__errors).to.deep.equal([]);
    } finally {
      await sendMouse({ type: 'move', position: [0, 0] });
      frame.remove();
    }
  });
});
