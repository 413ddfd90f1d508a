import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/prevalence-chart/ip-prevalence-chart.js';
import type { IpPrevalenceChart } from '../../src/components/prevalence-chart/prevalence-chart.js';
import type { ObservedDevice, Prevalence } from '../../src/data/model.js';
import type { DeviceQuery, Page } from '../../src/data/provider.js';
import { IpDataError } from '../../src/data/errors.js';
import { byRole } from '../helpers/roles.js';
import { deepActive, deepText, waitUntil } from '../helpers/dom.js';
import { makeDevice } from '../helpers/fixtures.js';
import { fullData, recording, staticProvider, withOverrides } from '../helpers/providers.js';
import { announceBucket, prepare, tooltipText } from '../../src/components/prevalence-chart/prevalence-option.js';

const DAY = 86_400_000;
const START = Date.parse('2026-10-24T00:00:00.000Z');
const RANGE = `${new Date(START).toISOString()}/${new Date(START + 30 * DAY).toISOString()}`;

function prevalence(): Prevalence {
  return {
    bucket: 'day',
    buckets: Array.from({ length: 30 }, (_, i) => ({ start: new Date(START + i * DAY).toISOString(), devices: i === 3 ? 0 : 45 })),
    totalDevices: 45,
    alertMarks: [],
  };
}

async function drawn(el: IpPrevalenceChart) {
  await waitUntil(() => el.echarts, 'ECharts did not initialize', { timeout: 10000 });
  await waitUntil(() => (el.echarts!.getOption() as { series?: unknown[] }).series?.length === 2, 'option not applied');
}

const panel = (el: IpPrevalenceChart) => el.shadowRoot!.querySelector<HTMLElement>('[part="bucket-devices"]');
const names = (el: IpPrevalenceChart) => [...panel(el)!.querySelectorAll('li .bucket-device')].map((a) => a.textContent!.trim());

/** Click the chart where point `time` is drawn. */
async function clickPoint(el: IpPrevalenceChart, time: number) {
  const chart = el.echarts!;
  const box = el.shadowRoot!.querySelector('[part="chart"]')!.getBoundingClientRect();
  const x = chart.convertToPixel({ xAxisIndex: 0 }, time) as number;
  const y = chart.convertToPixel({ yAxisIndex: 0 }, 10) as number;
  await sendMouse({ type: 'click', position: [Math.round(box.x + x), Math.round(box.y + y)] });
}

describe('<ip-prevalence-chart>: the devices behind a point', () => {
  it('lists the devices of the focused day on Enter, as the chart counted them, and Escape goes back to the chart', async () => {
    const data = fullData();
    const { provider, calls } = recording(staticProvider({ '203.0.113.7': data }));
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart lang="en-US" ip="203.0.113.7" .provider=${provider} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    const chart = el.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!;
    expect(el.shadowRoot!.getElementById('chart-help')!.textContent).to.contain('Enter lists the devices of the point.');
    const prevalence = await provider.getPrevalence('203.0.113.7', (calls.find((c) => c.method === 'getPrevalence')!.args[1]) as never, { signal: new AbortController().signal });
    // The last day with a device in it, and the devices whose time with the IP overlaps it.
    const last = prevalence.buckets.findLastIndex((b) => b.devices > 0);
    const from = Date.parse(prevalence.buckets[last]!.start);
    const expected = data.devices!.filter((d) => Date.parse(d.firstSeen) < from + DAY && Date.parse(d.lastSeen) >= from).map((d) => d.name);
    expect(expected.length).to.equal(prevalence.buckets[last]!.devices);

    chart.focus();
    await sendKeys({ press: 'End' });
    for (let i = prevalence.buckets.length - 1; i > last; i--) await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => panel(el)?.querySelector('li'), 'the list of the day');
    const asked = calls.filter((c) => c.method === 'listObservedDevices');
    expect(asked).to.have.length(1);
    const query = asked[0]!.args[1] as DeviceQuery;
    expect(query.range!.from.getTime()).to.be.at.least(from).and.below(from + DAY);
    expect(query.range!.to.getTime()).to.be.at.most(from + DAY).and.above(from);
    expect(query.sort).to.deep.equal({ field: 'connectionCount', direction: 'desc' });
    expect(names(el).sort()).to.deep.equal(expected.sort());
    expect(panel(el)!.querySelector('h3')!.textContent).to.match(/^Devices on .+ \(UTC\)$/);
    expect(deepActive(), 'focus moves to the list').to.equal(panel(el));
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(panel(el)).to.equal(null);
    expect(deepActive(), 'and back to the chart').to.equal(chart);
  });

  it('lists a clicked point 20 at a time, keeps what it listed when a page fails, and shows hostile names as text', async () => {
    const devices: ObservedDevice[] = Array.from({ length: 45 }, (_, i) =>
      makeDevice({ id: `b${i}`, name: i === 0 ? '<img src=x onerror="window.__hit=1">' : `HOST-${String(i).padStart(2, '0')}`, connectionCount: 100 - i }),
    );
    let failNext = false;
    const queries: DeviceQuery[] = [];
    const provider = withOverrides(staticProvider(), {
      getPrevalence: async () => prevalence(),
      listObservedDevices: async (_ip: string, q: DeviceQuery): Promise<Page<ObservedDevice>> => {
        queries.push(q);
        if (failNext) {
          failNext = false;
          throw new IpDataError('unavailable', 'Device service down.');
        }
        return { items: devices.slice(q.offset, q.offset + q.limit), total: devices.length };
      },
    });
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart lang="en-US" ip="203.0.113.7" range=${RANGE} .provider=${provider} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    await clickPoint(el, START + 10 * DAY);
    await waitUntil(() => panel(el)?.querySelectorAll('li').length === 20, 'the first page');
    expect(queries[0]!.range).to.deep.equal({ from: new Date(START + 10 * DAY), to: new Date(START + 11 * DAY) });
    expect(deepText(panel(el)!)).to.contain('45 devices');
    expect(names(el)[0]).to.equal('<img src=x onerror="window.__hit=1">');
    expect(panel(el)!.querySelector('img')).to.equal(null);
    expect((window as { __hit?: number }).__hit).to.equal(undefined);

    failNext = true;
    byRole(panel(el)!, 'button', 'Show 20 more').click();
    await waitUntil(() => deepText(panel(el)!).includes('Device service down.'), 'the failed page says so');
    expect(panel(el)!.querySelectorAll('li')).to.have.length(20);
    await expect(el).to.be.accessible();
    byRole(panel(el)!, 'button', 'Retry').click();
    await waitUntil(() => panel(el)!.querySelectorAll('li').length === 40, 'the retried page');
    expect(queries.at(-1)!.offset).to.equal(20);
    byRole(panel(el)!, 'button', 'Show 5 more').click();
    await waitUntil(() => panel(el)!.querySelectorAll('li').length === 45, 'the last page');
    expect([...panel(el)!.querySelectorAll('button:not(.bucket-device)')].map((b) => b.textContent!.trim())).to.deep.equal(['Close']);

    // Another point replaces the list; a point with no device asks nothing.
    const asked = queries.length;
    await clickPoint(el, START + 3 * DAY);
    await waitUntil(() => deepText(panel(el)!).includes('No device communicated with this IP then.'), 'the empty day');
    expect(queries).to.have.length(asked);
    byRole(panel(el)!, 'button', 'Close').click();
    await el.updateComplete;
    expect(panel(el)).to.equal(null);
  });

  it('offers no list for data the host gives (there is no one to ask)', async () => {
    const el = await fixture<IpPrevalenceChart>(html`<ip-prevalence-chart lang="en-US" .data=${prevalence()} style="width: 800px"></ip-prevalence-chart>`);
    await drawn(el);
    expect(el.shadowRoot!.getElementById('chart-help')!.textContent).not.to.contain('Enter');
    el.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await clickPoint(el, START + 10 * DAY);
    await el.updateComplete;
    expect(panel(el)).to.equal(null);
  });

  it('names some devices of a point in its tooltip and announcement, from the same answer, as inert text', () => {
    const data = prevalence();
    data.buckets[0] = { ...data.buckets[0]!, devices: 45, deviceNames: ['WS-FIN-0231', '{b|SRV}', 'evil\u202Egpj.exe'] };
    data.buckets[1] = { ...data.buckets[1]!, devices: 1, deviceNames: ['SRV-SQL-02'] };
    const s = prepare(data);
    expect(tooltipText(s, 0, 'en-US', true).split('\n')).to.deep.equal(['Oct 24, 2026', '45 devices', '· WS-FIN-0231', '· ｛b|SRV｝', '· evil⟦RLO⟧gpj.exe', '  +42 more devices', 'Click to list the devices']);
    expect(tooltipText(s, 1, 'en-US').split('\n')).to.deep.equal(['Oct 25, 2026', '1 device', '· SRV-SQL-02']);
    expect(announceBucket(s, 0, 'en-US')).to.equal('Oct 24, 2026: 45 devices (WS-FIN-0231, {b|SRV}, evil⟦RLO⟧gpj.exe +42 more devices).');
    expect(announceBucket(s, 2, 'en-US'), 'a point the answer names no device of').to.equal('Oct 26, 2026: 45 devices.');
  });
});
