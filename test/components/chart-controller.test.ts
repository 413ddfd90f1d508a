import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/dom.js';
import { LitElement, html as litHtml } from 'lit';
import { ChartController } from '../../src/components/shared/echarts/chart-controller.js';
import { loadECharts } from '../../src/components/shared/echarts/load.js';

/** A host whose chart box is replaced when `generation` changes (a section re-rendered through its loading state). */
class ChartHost extends LitElement {
  static override properties = { generation: { type: Number } };
  generation = 0;
  release!: () => void;
  readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  readonly chart = new ChartController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.chart'),
    // ECharts arrives only when the test says so: the box can change while it loads.
    load: () => this.gate.then(() => loadECharts()),
    option: () => ({ xAxis: { type: 'category', data: ['a', 'b'] }, yAxis: { type: 'value' }, series: [{ type: 'line', data: [1, 2] }] }),
    deps: () => [this.generation],
  });
  override render() {
    // A keyed box per generation: Lit makes a new element each time.
    return this.generation % 2 ? litHtml`<div class="chart" style="width:300px;height:150px"></div>` : litHtml`<section><div class="chart" style="width:300px;height:150px"></div></section>`;
  }
}
customElements.define('test-chart-host', ChartHost);

describe('ChartController', () => {
  it('draws into the box that is there when ECharts arrives, though the box changed while it loaded', async () => {
    const el = await fixture<ChartHost>(html`<test-chart-host></test-chart-host>`);
    const first = el.renderRoot.querySelector('.chart');
    el.generation = 1;
    await el.updateComplete;
    expect(el.renderRoot.querySelector('.chart')).not.to.equal(first);
    el.release();
    await waitUntil(() => el.chart.chart, 'the chart is drawn', { timeout: 10_000 });
    expect(Boolean(el.renderRoot.querySelector('.chart canvas')), 'drawn in the current box').to.equal(true);
  });

  it('waits, without a word in the console, when its box is hidden while ECharts loads, and draws once it shows', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await fixture<ChartHost>(html`<test-chart-host></test-chart-host>`);
      el.hidden = true;
      el.release();
      await loadECharts();
      await new Promise((r) => setTimeout(r, 100));
      expect(el.chart.chart === undefined, 'no chart drawn in a box of no size').to.equal(true);
      el.hidden = false;
      await waitUntil(() => el.chart.chart, 'the chart is drawn once its box shows', { timeout: 10_000 });
      expect(el.chart.chart!.getWidth()).to.equal(300);
      expect(warnings.map((w) => String(w[0])), 'nothing said in the console').to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });
});
