import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/prevalence-chart/ip-prevalence-chart.js';
import type { IpPrevalenceChart } from '../../src/components/prevalence-chart/prevalence-chart.js';
import { bucketIndexAt, describeBucket, longRangeLabels, marksIn, prepare, richTextSafe, timeAxisLabel, tooltipText, withAlpha } from '../../src/components/prevalence-chart/prevalence-option.js';
import type { Prevalence } from '../../src/data/model.js';
import { IpDataError } from '../../src/data/errors.js';
import type { IpRangeSelectEvent } from '../../src/events/events.js';
import { byRole } from '../helpers/roles.js';
import { deepText, painted, waitUntil } from '../helpers/dom.js';
import { recording, staticProvider, withOverrides } from '../helpers/providers.js';

const DAY = 86_400_000;
const START = Date.parse('2026-10-24T00:00:00.000Z');

function prevalence(days = 30, marks = 4): Prevalence {
  return {
    bucket: 'day',
    buckets: Array.from({ length: days }, (_, i) => ({ start: new Date(START + i * DAY).toISOString(), devices: (i * 5) % 9 })),
    totalDevices: 12,
    firstSeen: new Date(START).toISOString(),
    lastSeen: new Date(START + (days - 1) * DAY).toISOString(),
    alertMarks: Array.from({ length: marks }, (_, i) => ({
      id: `m${i}`,
      title: `Alert number ${i}`,
      severity: ['high', 'medium', 'low', 'informational'][i % 4]!,
      time: new Date(START + (i * 3 + 1) * DAY + 3_600_000).toISOString(),
    })),
  };
}

type Opt = { series: Array<Record<string, unknown>>; dataZoom: Array<Record<string, unknown>> };
const optionOf = (el: IpPrevalenceChart) => el.echarts!.getOption() as unknown as Opt;

async function showTable(el: IpPrevalenceChart) {
  const toggle = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Show as table'))!;
  expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  toggle.click();
  await el.updateComplete;
  expect(toggle.getAttribute('aria-expanded')).to.equal('true');
}

async function drawn(el: IpPrevalenceChart) {
  await waitUntil(() => el.echarts, 'ECharts did not initialize', { timeout: 10000 });
  await waitUntil(() => optionOf(el).series?.length === 2, 'option not applied');
}

describe('<ip-prevalence-chart>', () => {
  it('draws the series the provider returned, with a data table of the same numbers', async () => {
    const data = prevalence();
    const provider = withOverrides(staticProvider(), { getPrevalence: async () => data });
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart lang="en-US" ip="203.0.113.7" .provider=${provider} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    const line = optionOf(el).series[0]!;
    const flat = Array.from(line['data'] as ArrayLike<number>);
    expect(flat.length).to.equal(60);
    expect(flat.filter((_, i) => i % 2 === 1)).to.deep.equal(data.buckets.map((b) => b.devices));
    expect(flat[0]).to.equal(START);
    expect(el.shadowRoot!.querySelector('[part="table"]')).to.equal(null); // rendered on request only
    await showTable(el);
    const rows = [...el.shadowRoot!.querySelectorAll('[part="table"] tbody tr')];
    expect(rows.length).to.equal(30);
    expect(rows[1]!.textContent).to.contain('Oct 25, 2026');
    expect(rows[1]!.querySelector('td')!.textContent).to.equal('5');
    expect(rows[1]!.textContent, 'the severity by its label, as in the tooltip').to.contain('High: Alert number 0');
    expect(deepText(el)).to.contain('12 devices communicated with this IP in the last 30 days');
    await expect(el).to.be.accessible();
  });

  it('marks where alerts started, coloured by severity, on their own lane', async () => {
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart theme="light" .data=${prevalence(30, 8)} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    const markers = optionOf(el).series[1]!;
    const points = markers['data'] as Array<{ value: [number, number]; itemStyle: { color: string } }>;
    expect(points.length).to.equal(8);
    expect(points[0]!.value[0]).to.equal(START + DAY + 3_600_000);
    expect(points.map((p) => p.itemStyle.color).slice(0, 4)).to.deep.equal(['#b10e1c', '#974300', '#665300', '#4a5568']);
    expect(markers['xAxisIndex']).to.equal(1);
  });

  it('follows the theme: dark colours when the theme switches, no reload', async () => {
    const { provider, calls } = recording(staticProvider({ '203.0.113.7': { devices: [] } }));
    const p = withOverrides(provider, { getPrevalence: async () => prevalence() });
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart theme="light" ip="203.0.113.7" .provider=${p} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    const color = () => (optionOf(el).series[0]!['lineStyle'] as { color: string }).color;
    expect(color()).to.equal('#0f6cbd');
    el.theme = 'dark';
    await waitUntil(() => color() === '#6cb1f5', `series colour did not follow the theme: ${color()}`);
    expect(calls.filter((c) => c.method === 'getPrevalence').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('resizes with its container', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 700px"><ip-prevalence-chart .data=${prevalence()}></ip-prevalence-chart></div>`);
    const el = wrapper.querySelector('ip-prevalence-chart')!;
    await drawn(el);
    const before = el.echarts!.getWidth();
    wrapper.style.width = '520px';
    await waitUntil(() => el.echarts!.getWidth() < before - 100, 'chart did not shrink');
    expect(el.echarts!.getWidth()).to.be.closeTo(520 - 30, 40);
  });

  it('loads ECharts only once visible, e.g. when its tab is shown', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div hidden><ip-prevalence-chart .data=${prevalence()}></ip-prevalence-chart></div>`);
    const el = wrapper.querySelector('ip-prevalence-chart')!;
    await aTimeout(300);
    expect(el.echarts).to.equal(undefined);
    wrapper.hidden = false;
    await drawn(el);
    expect(el.echarts!.getWidth()).to.be.above(100);
  });

  it('moves between buckets with the keyboard and announces each value', async () => {
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart lang="en-US" .data=${prevalence()} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    const chart = el.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!;
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(chart.tabIndex).to.equal(0);
    expect(chart.getAttribute('aria-describedby')).to.equal('chart-help');
    chart.focus();
    await waitUntil(() => status.textContent!.includes('Nov 22, 2026'), `focus announces the last bucket: ${status.textContent}`);
    expect(status.textContent).to.equal('Nov 22, 2026: 1 device.');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(status.textContent).to.equal('Nov 21, 2026: 5 devices.');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(status.textContent).to.equal('Oct 24, 2026: 0 devices.');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(status.textContent).to.equal('Oct 25, 2026: 5 devices. Alerts started: High: Alert number 0.');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' }); // stays at the first bucket: no wrap
    await el.updateComplete;
    expect(status.textContent).to.contain('Oct 24, 2026');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(status.textContent).to.contain('Nov 22, 2026');
  });

  it('fires ip-range-select when zoomed, offers Reset zoom, and fires again on reset', async () => {
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart .data=${prevalence()} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    setTimeout(() => el.echarts!.dispatchAction({ type: 'dataZoom', startValue: START + 10 * DAY, endValue: START + 20 * DAY }));
    const zoom = (await oneEvent(el, 'ip-range-select')) as IpRangeSelectEvent;
    expect(zoom.detail.from.getTime()).to.equal(START + 10 * DAY);
    expect(zoom.detail.to.getTime()).to.equal(START + 20 * DAY);
    expect(zoom.detail.reset).to.equal(false);
    await el.updateComplete;
    const reset = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Reset zoom'))!;
    expect(reset).to.exist;
    setTimeout(() => reset.click());
    const back = (await oneEvent(el, 'ip-range-select')) as IpRangeSelectEvent;
    expect(back.detail.reset).to.equal(true);
    expect(back.detail.from.getTime()).to.equal(START);
  });

  it('says when no device communicated, without drawing a chart', async () => {
    const empty: Prevalence = { ...prevalence(30, 2), totalDevices: 0, buckets: prevalence().buckets.map((b) => ({ ...b, devices: 0 })) };
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart .data=${empty}></ip-prevalence-chart>`);
    await waitUntil(() => deepText(el).includes('No devices communicated with this IP in this period'));
    expect(deepText(el)).to.contain('(2 alerts started in it)');
    expect(el.shadowRoot!.querySelector('[part="chart"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the error with a Retry, and recovers', async () => {
    let fail = true;
    const provider = withOverrides(staticProvider(), {
      getPrevalence: async () => {
        if (fail) throw new IpDataError('unavailable', 'Prevalence service down.');
        return prevalence();
      },
    });
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart ip="203.0.113.7" .provider=${provider} style="width: 800px"></ip-prevalence-chart>`);
    await waitUntil(() => deepText(el).includes('Prevalence service down.'));
    await expect(el).to.be.accessible();
    fail = false;
    byRole(el.shadowRoot!, 'button', 'Retry').click();
    await drawn(el);
  });

  it('shows a skeleton the size of the chart while loading', async () => {
    const provider = withOverrides(staticProvider(), { getPrevalence: () => new Promise(() => {}) });
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart ip="203.0.113.7" .provider=${provider} style="width: 800px"></ip-prevalence-chart>`);
    await painted(el);
    const skeleton = el.shadowRoot!.querySelector('.chart-skeleton')!;
    expect(skeleton.getBoundingClientRect().height).to.equal(240);
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('draws data the host gives in the same update, without asking the provider or showing a skeleton', async () => {
    const { provider, calls } = recording(staticProvider());
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart ip="203.0.113.7" .provider=${provider} .data=${prevalence()} style="width: 800px"></ip-prevalence-chart>`);
    expect(calls.filter((c) => c.method === 'getPrevalence')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('.skeleton')).to.equal(null);
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
    expect(deepText(el)).to.include('12 devices communicated');
    // Data given while a request is still out replaces its skeleton in that same update.
    const slow = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart ip="203.0.113.7" .provider=${withOverrides(staticProvider(), { getPrevalence: () => new Promise(() => {}) })} style="width: 800px"></ip-prevalence-chart>`);
    await painted(slow);
    expect(slow.shadowRoot!.querySelector('.skeleton')).not.to.equal(null);
    slow.data = prevalence();
    await slow.updateComplete;
    expect(slow.shadowRoot!.querySelector('.skeleton')).to.equal(null);
    expect(slow.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
    // Taking the data away hands the section back to the provider.
    el.data = undefined;
    await waitUntil(() => calls.some((c) => c.method === 'getPrevalence'), 'the provider is asked once the data is gone');
  });

  it('redraws new data in the same instance once, with no empty chart drawn in between', async () => {
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart .data=${prevalence()} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    const instance = el.echarts!;
    const draws: number[] = [];
    instance.on('rendered', () => {
      draws.push((instance.getOption() as unknown as Opt).series.length);
    });
    const next = el.rendered();
    el.data = prevalence(20, 2);
    await next;
    await aTimeout(50);
    expect(el.echarts, 'the same instance').to.equal(instance);
    expect(draws, 'one drawing, of the new series').to.deep.equal([2]);
    expect(Array.from(optionOf(el).series[0]!['data'] as ArrayLike<number>)).to.have.length(40);
  });

  it('disposes of the ECharts instance when removed', async () => {
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart .data=${prevalence()} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    const instance = el.echarts!;
    el.remove();
    expect(instance.isDisposed()).to.equal(true);
    expect(el.echarts).to.equal(undefined);
  });

  it('draws large series downsampled (LTTB), without symbols or animation', async () => {
    const n = 8760;
    const big: Prevalence = {
      bucket: 'hour',
      buckets: Array.from({ length: n }, (_, i) => ({ start: new Date(START + i * 3_600_000).toISOString(), devices: i % 17 })),
      totalDevices: 17,
      alertMarks: [],
    };
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart .data=${big} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    const line = optionOf(el).series[0]!;
    expect(line['sampling']).to.equal('lttb');
    expect(line['showSymbol']).to.equal(false);
    expect((el.echarts!.getOption() as { animation: boolean }).animation).to.equal(false);
    await showTable(el);
    expect(el.shadowRoot!.querySelectorAll('[part="table"] tbody tr').length).to.equal(2000);
    expect(el.shadowRoot!.querySelector('[part="table"] caption')!.textContent).to.contain('first 2,000 of 8,760');
  });

  it('keeps hostile alert titles inert in the table', async () => {
    const data = prevalence(30, 1);
    data.alertMarks[0]!.title = '<img src=x onerror="window.__chartPwned=1">';
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart .data=${data} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    await showTable(el);
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect(deepText(el)).to.contain('<img src=x onerror=');
    expect((window as unknown as { __chartPwned?: number }).__chartPwned).to.equal(undefined);
  });
});

describe('prevalence-option', () => {
  const s = prepare(prevalence(30, 8));

  it("labels the time axis in the page's language: the month at its start (bold), the day at midnight, else the time", () => {
    const local = (y: number, m: number, d: number, h = 0) => new Date(y, m, d, h).getTime();
    expect(timeAxisLabel('de')(local(2026, 11, 1))).to.equal('{strong|Dez}');
    expect(timeAxisLabel('en')(local(2026, 11, 1))).to.equal('{strong|Dec}');
    expect(timeAxisLabel('de')(local(2027, 0, 1))).to.equal('{strong|2027}');
    expect(timeAxisLabel('de')(local(2026, 10, 5))).to.equal('5');
    expect(timeAxisLabel('en')(local(2026, 10, 5))).to.equal('5');
    expect(timeAxisLabel('de')(local(2026, 10, 5, 14))).to.equal('14:00');
  });

  it('labels a range of more than 45 days a week apart: the months and their 8th, 15th and 22nd', () => {
    const utc = (m: number, d: number) => Date.UTC(2026, m, d);
    const days = (ts: readonly number[]) => ts.map((t) => new Date(t).toISOString().slice(5, 10));
    const ninety = longRangeLabels(utc(8, 6), utc(11, 5) + 3_600_000, true)!;
    expect(days(ninety)).to.deep.equal(['09-08', '09-15', '09-22', '10-01', '10-08', '10-15', '10-22', '11-01', '11-08', '11-15', '11-22', '12-01']);
    const gaps = ninety.slice(1).map((t, i) => (t - ninety[i]!) / DAY);
    expect(Math.min(...gaps)).to.be.at.least(7);
    // Half a year: the months only; up to 45 days: ECharts' own choice.
    expect(days(longRangeLabels(utc(0, 10), utc(7, 1), true)!)).to.deep.equal(['02-01', '03-01', '04-01', '05-01', '06-01', '07-01', '08-01']);
    expect(longRangeLabels(utc(10, 1), utc(11, 1), true)).to.equal(undefined);
    // In the page's time zone for hour buckets: local midnights.
    expect(longRangeLabels(new Date(2026, 8, 6).getTime(), new Date(2026, 11, 5).getTime(), false)!.every((t) => new Date(t).getHours() === 0)).to.equal(true);
  });

  it('finds the bucket of a time and the alerts that started in it', () => {
    expect(bucketIndexAt(s, START - 1)).to.equal(-1);
    expect(bucketIndexAt(s, START)).to.equal(0);
    expect(bucketIndexAt(s, START + DAY * 5 + 10)).to.equal(5);
    expect(bucketIndexAt(s, START + DAY * 99)).to.equal(29);
    expect(marksIn(s, 1).map((m) => m.id)).to.deep.equal(['m0']);
    expect(marksIn(s, 2)).to.deep.equal([]);
  });

  it('describes a bucket, most severe alerts first, and cuts long lists', () => {
    const many = prepare({ ...prevalence(3, 0), alertMarks: ['low', 'high', 'informational', 'medium', 'high'].map((severity, i) => ({ id: `x${i}`, title: `T${i}`, severity, time: new Date(START + 3_600_000 * (i + 1)).toISOString() })) });
    const d = describeBucket(many, 0, 'en-US');
    expect(d.heading).to.equal('Oct 24, 2026');
    expect(d.alerts.map((a) => a.text)).to.deep.equal(['High: T1', 'High: T4', 'Medium: T3', '+2 more alerts']);
    expect(tooltipText(many, 0, 'en-US').split('\n')).to.deep.equal(['Oct 24, 2026', '0 devices', 'Alerts started:', '▲ High: T1', '▲ High: T4', '▲ Medium: T3', '+2 more alerts']);
  });

  it('neutralizes rich-text markup and long lines in data', () => {
    expect(richTextSafe('{high|x} a|b')).to.equal('｛high|x｝ a|b');
    expect(richTextSafe('a\nb\tc')).to.equal('a b c');
    // The canvas draws what it is given: hidden characters go in as marks, as everywhere else.
    expect(richTextSafe('invoice\u202Egpj.exe\u{E0041}')).to.equal('invoice⟦RLO⟧gpj.exe⟦U+E0041⟧');
    const hostile = prepare({ ...prevalence(3, 0), alertMarks: [{ id: 'h', title: 'evil\u202Egpj.exe', severity: 'high\u200B', time: new Date(START + 3_600_000).toISOString() }] });
    expect(tooltipText(hostile, 0, 'en-US')).to.contain('▲ High⟦ZWSP⟧: evil⟦RLO⟧gpj.exe');
    expect(richTextSafe('x'.repeat(200)).length).to.equal(90);
  });

  it('adds alpha to any colour notation', () => {
    expect(withAlpha('#0f6cbd', 0.5)).to.equal('rgba(15, 108, 189, 0.5)');
    expect(withAlpha('#fff', 0.1)).to.equal('rgba(255, 255, 255, 0.1)');
    expect(withAlpha('rgb(1, 2, 3)', 0.2)).to.equal('rgba(1, 2, 3, 0.2)');
  });
});
