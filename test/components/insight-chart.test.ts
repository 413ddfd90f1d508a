import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/dom.js';
import '../../src/components/sentinel-events/ip-insight-chart.js';
import type { IpInsightChart } from '../../src/components/sentinel-events/ip-insight-chart.js';
import type { Insight } from '../../src/data/model.js';

const pie: Insight = {
  id: 'p',
  title: 'By protocol',
  query: '',
  language: 'kql-sentinel',
  columns: [
    { name: 'Protocol', type: 'string' },
    { name: 'Connections', type: 'number' },
  ],
  rows: [
    ['TCP/443', 300],
    ['{evil|x}', 100],
  ],
  chart: { type: 'pie', x: 'Protocol', y: 'Connections' },
};

async function drawn(el: IpInsightChart) {
  await waitUntil(() => el.chart, 'the chart did not draw', { timeout: 8000 });
  return el.chart!;
}

describe('<ip-insight-chart>', () => {
  it('draws a pie with one slice per row and a summary for screen readers', async () => {
    const el = await fixture<IpInsightChart>(html`<ip-insight-chart .insight=${pie}></ip-insight-chart>`);
    const chart = await drawn(el);
    const option = chart.getOption() as { series: Array<{ type: string; data: Array<{ value: number }> }> };
    expect(option.series[0]!.type).to.equal('pie');
    expect(option.series[0]!.data.map((d) => d.value)).to.deep.equal([300, 100]);
    expect(el.shadowRoot!.querySelector('[role="img"]')!.getAttribute('aria-label')).to.equal('By protocol: TCP/443 75%, {evil|x} 25%.');
    await expect(el).to.be.accessible();
  });

  it('draws a line, follows the theme, and lets go of ECharts when removed', async () => {
    const line: Insight = { ...pie, columns: [{ name: 'Day', type: 'datetime' }, { name: 'N', type: 'number' }], rows: [['2026-11-20T00:00:00.000Z', 1], ['2026-11-21T00:00:00.000Z', 4]], chart: { type: 'line', x: 'Day', y: 'N' } };
    const el = await fixture<IpInsightChart>(html`<ip-insight-chart theme="light" .insight=${line}></ip-insight-chart>`);
    const chart = await drawn(el);
    const color = () => ((chart.getOption() as { yAxis: Array<{ axisLabel: { color: string } }> }).yAxis[0]!.axisLabel.color);
    const light = color();
    el.theme = 'dark';
    await waitUntil(() => color() !== light, 'the theme did not change the chart');
    el.remove();
    await waitUntil(() => chart.isDisposed(), 'the instance was not disposed');
  });
});
