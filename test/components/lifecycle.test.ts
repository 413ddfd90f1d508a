/**
 * Elements follow the DOM: moved elsewhere they keep working (observers, listeners and charts are
 * re-created on connect and released on disconnect), removed they hold no request open, and many
 * mount/unmount cycles of the whole page leave no growing heap and no live chart.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import '../../src/components/overview/ip-overview.js';
import '../../src/components/prevalence-chart/ip-prevalence-chart.js';
import '../../src/components/alerts-list/ip-alerts-list.js';
import '../../src/components/observed-devices/ip-observed-devices.js';
import '../../src/components/sentinel-events/ip-sentinel-events.js';
import '../../src/components/response-actions/ip-response-actions.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpAlertsList } from '../../src/components/alerts-list/alerts-list.js';
import type { IpPrevalenceChart } from '../../src/components/prevalence-chart/prevalence-chart.js';
import { liveChartCount } from '../../src/components/shared/echarts/chart-controller.js';
import { deepQuery, deepText, waitUntil } from '../helpers/dom.js';
import { fullData, manualProvider, staticProvider } from '../helpers/providers.js';
import { makeAlert } from '../helpers/fixtures.js';

const IP = '203.0.113.7';

/** Move `el` between two containers `times` times, as a host re-parenting it would. */
async function move(el: HTMLElement, times = 10): Promise<void> {
  const a = el.parentElement!;
  const b = document.createElement('div');
  a.after(b);
  for (let i = 0; i < times; i++) {
    (i % 2 === 0 ? b : a).append(el);
    await new Promise((r) => requestAnimationFrame(r));
  }
  if (el.parentElement !== a) a.append(el);
  b.remove();
}

function gc(): void {
  (window as unknown as { gc?: () => void }).gc?.();
}

function heap(): number {
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

describe('lifecycle: moved and removed elements', () => {
  it('the prevalence chart draws again after moves, with one live chart, and none after removal', async () => {
    const before = liveChartCount();
    const el = await fixture<IpPrevalenceChart>(html`<div><ip-prevalence-chart ip=${IP} .provider=${staticProvider()}></ip-prevalence-chart></div>`);
    const chart = el.querySelector('ip-prevalence-chart')!;
    await waitUntil(() => chart.shadowRoot!.querySelector('canvas'), 'first draw', { timeout: 10_000 });
    await move(chart);
    await waitUntil(() => chart.shadowRoot!.querySelector('canvas') && liveChartCount() === before + 1, `drawn again (${liveChartCount() - before} live)`);
    chart.remove();
    expect(liveChartCount()).to.equal(before);
  });

  it('the alerts list keeps its rows and follows its size after moves', async () => {
    const alerts = Array.from({ length: 300 }, (_, i) => makeAlert({ id: `m-${i}`, title: `Moved ${i}` }));
    const wrap = await fixture<HTMLElement>(html`<div><ip-alerts-list ip=${IP} .provider=${staticProvider({ [IP]: { alerts } })}></ip-alerts-list></div>`);
    const list = wrap.querySelector<IpAlertsList>('ip-alerts-list')!;
    await waitUntil(() => list.shadowRoot!.querySelector('[role="row"][aria-selected]'), 'rows');
    await move(list);
    await list.updateComplete;
    expect(list.shadowRoot!.querySelectorAll('[role="row"][aria-selected]').length).to.be.greaterThan(5);
    // The size observer works again: a taller list shows more rows.
    const rowsBefore = list.shadowRoot!.querySelectorAll('[role="row"]').length;
    list.style.setProperty('--ip-alerts-list-height', '1200px');
    await waitUntil(() => list.shadowRoot!.querySelectorAll('[role="row"]').length > rowsBefore + 5, 'more rows after the resize');
  });

  it('aborts requests in flight when an element leaves, and asks again when it returns', async () => {
    const { provider, pending, all } = manualProvider();
    const wrap = await fixture<HTMLElement>(html`<div><ip-overview ip=${IP} .provider=${provider}></ip-overview></div>`);
    const overview = wrap.querySelector('ip-overview')!;
    await waitUntil(() => pending.some((c) => c.method === 'getIpDetails'), 'requests sent');
    const first = [...pending];
    overview.remove();
    await overview.updateComplete;
    expect(first.every((c) => c.signal.aborted), 'every request aborted').to.equal(true);
    const sent = all.length;
    wrap.append(overview);
    await waitUntil(() => all.length > sent && pending.some((c) => c.method === 'getIpDetails' && !c.signal.aborted), 'asked again');
    for (const c of [...pending]) {
      if (c.method === 'getIpDetails') c.resolve(fullData().details ? { ip: IP, reverseDns: [], organization: 'Back again Ltd' } : {});
    }
    await waitUntil(() => deepText(overview).includes('Back again Ltd'), 'the details show');
  });

  it('every element keeps working after being moved ten times', async () => {
    const provider = staticProvider(undefined, { sentinel: true });
    const wrap = await fixture<HTMLElement>(html`<div>
      <ip-overview ip=${IP} .provider=${provider}></ip-overview>
      <ip-observed-devices ip=${IP} .provider=${provider}></ip-observed-devices>
      <ip-sentinel-events ip=${IP} .provider=${provider}></ip-sentinel-events>
      <ip-response-actions ip=${IP} .provider=${provider}></ip-response-actions>
    </div>`);
    const [overview, devices, sentinel, actions] = [...wrap.children] as HTMLElement[];
    await waitUntil(() => deepText(overview!).includes('Northwind Cloud Hosting B.V.'), 'overview');
    // (Below the fold the virtualized rows are not drawn; the count says the list loaded.)
    await waitUntil(() => deepText(devices!).includes('2 devices'), `devices: ${deepText(devices!).slice(0, 300)}`);
    for (const el of [overview!, devices!, sentinel!, actions!]) await move(el);
    await waitUntil(() => deepText(overview!).includes('Northwind Cloud Hosting B.V.'), 'overview after moves');
    await waitUntil(() => deepText(devices!).includes('2 devices'), 'devices after moves');
    expect(deepText(sentinel!)).to.not.contain('aborted');
    const copy = actions!.shadowRoot!.querySelector<HTMLElement>('[data-action="copy-ip"]');
    expect(copy, 'the actions still render').to.exist;
  });

  it('50 mount/unmount cycles of the whole page leave no growing heap and no live chart', async function () {
    this.timeout(60_000);
    const provider = staticProvider();
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const charts = liveChartCount();
    const cycle = async () => {
      const page = document.createElement('ip-entity-page') as IpEntityPage;
      page.provider = provider;
      page.ip = IP;
      host.append(page);
      await waitUntil(() => deepQuery(page, 'ip-prevalence-chart')?.shadowRoot?.querySelector('canvas'), 'chart drawn', { timeout: 10_000 });
      page.remove();
    };
    for (let i = 0; i < 10; i++) await cycle(); // warm: code, caches, ECharts' own one-time state
    gc();
    await new Promise((r) => setTimeout(r, 50));
    gc();
    const start = heap();
    for (let i = 0; i < 50; i++) await cycle();
    gc();
    await new Promise((r) => setTimeout(r, 50));
    gc();
    const growth = heap() - start;
    expect(liveChartCount()).to.equal(charts);
    // One page with its chart holds several megabytes; a leak of one page per cycle would be ~100 MB.
    expect(growth, `heap grew by ${(growth / 1e6).toFixed(1)} MB over 50 cycles`).to.be.lessThan(8e6);
  });
});
