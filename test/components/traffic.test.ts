import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/traffic/ip-traffic.js';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpTraffic } from '../../src/components/traffic/traffic.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { DeviceEvent } from '../../src/data/model.js';
import { IpDataError } from '../../src/data/errors.js';
import { RestIpDataProvider } from '../../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import type { IpErrorEvent, IpNavigateEvent } from '../../src/events/events.js';
import { allByPart, allByRole, byPart, byRole, queryByRole } from '../helpers/roles.js';
import { deepQuery, deepText, waitUntil } from '../helpers/dom.js';
import { recording, withOverrides } from '../helpers/providers.js';
import { useMockApi } from '../helpers/msw.js';

const IP = '203.0.113.7';
const root = (el: Element) => el.shadowRoot!;
const rows = (el: IpTraffic) => allByPart<HTMLTableRowElement>(root(el), 'device');
const names = (el: IpTraffic) => rows(el).map((r) => r.querySelector('th .truncate')?.textContent?.trim() ?? '');
const text = (el: Element) => deepText(el).replace(/\s+/g, ' ').trim();

/** Connections every `sleep` s (± `jitter` s, from a fixed sequence) ending a minute ago. */
function every(sleep: number, count: number, jitter = 0, over: Partial<DeviceEvent> = {}): DeviceEvent[] {
  const end = Date.now() - 60_000;
  let k = 1;
  return Array.from({ length: count }, (_, i) => {
    k = (k * 7919) % 1009;
    const t = end - i * sleep * 1000 + Math.round(((k / 1009) * 2 - 1) * jitter * 1000);
    return { timestamp: new Date(t).toISOString(), actionType: 'ConnectionSuccess', direction: 'outbound', remoteIp: IP, remotePort: 443, protocol: 'Tcp', ...over } as DeviceEvent;
  });
}

function staticWith(deviceEvents: Record<string, DeviceEvent[]>, extra: Record<string, unknown> = {}) {
  return new StaticIpDataProvider({ data: { [IP]: { devices: [], deviceEvents } }, ...extra });
}

async function mount(provider: unknown, ip = IP) {
  const el = await fixture<IpTraffic>(html`<ip-traffic ip=${ip} .provider=${provider}></ip-traffic>`);
  const settled = () => root(el).querySelector('[part="cap"]') || [...root(el).querySelectorAll('.state')].some((s) => !/Loading/.test(s.textContent!));
  await waitUntil(() => settled() && !root(el).querySelector('[aria-busy="true"]'), 'the table or its state', { timeout: 8000 });
  return el;
}

describe('<ip-traffic>', () => {
  useMockApi();

  it('puts the devices beaconing to a C2 server first, with what the score rests on', async () => {
    const el = await mount(new RestIpDataProvider({ baseUrl: '/api' }));
    const table = byRole(root(el), 'table');
    const headers = allByRole(table, 'columnheader').map((h) => text(h));
    expect(headers).to.deep.equal(['Device', 'Beacon score', 'Median interval', 'Jitter', 'On time (±10 %)', 'Connections', 'Ports', 'Connections over time']);
    expect(text(byPart(root(el), 'method'))).to.equal('Beacon statistics computed by the data source over every connection in the range.');
    const likely = rows(el).filter((r) => text(r).includes('Likely beacon'));
    expect(likely.length, 'the demo C2 server has beaconing devices').to.be.greaterThan(1);
    // They come first, and in score order.
    expect(rows(el).slice(0, likely.length)).to.deep.equal(likely);
    const scores = rows(el).map((r) => Number(/(\d+) %/.exec(text(r.cells[1]!))?.[1] ?? -1));
    expect(scores).to.deep.equal([...scores].sort((a, b) => b - a));
    // Each strip is an image named by what it shows.
    const strip = byRole(likely[0]!, 'img');
    expect(strip.getAttribute('aria-label')).to.match(/^Connections per 6 hr: active in \d+ of \d+, at most [\d,]+ \(.+\)\.$/);
    await expect(el).to.be.accessible();
  });

  it('computes the statistics in the browser from the events a static provider holds, and says so', async () => {
    const el = await mount(staticWith({ 'ws-beacon': every(60, 300, 2), 'ws-human': [...every(3600, 4, 1500), ...every(500, 3, 200)], 'ws-two': every(60, 2) }));
    expect(text(byPart(root(el), 'method'))).to.equal('Beacon statistics computed in this browser from the connections the data source returned.');
    expect(names(el)).to.deep.equal(['ws-beacon', 'ws-human', 'ws-two']);
    const [beacon, , two] = rows(el);
    expect(text(beacon!)).to.contain('Likely beacon');
    expect(text(beacon!.cells[2]!)).to.equal('60 sec');
    expect(text(beacon!.cells[3]!)).to.match(/^± [12] sec$/);
    expect(text(beacon!.cells[4]!)).to.equal('100 %');
    expect(text(beacon!.cells[5]!)).to.equal('300');
    expect(text(beacon!.cells[6]!)).to.equal('443/Tcp');
    expect(text(two!.cells[1]!), 'one interval proves nothing').to.equal('Too few');
    expect(text(byPart(root(el), 'cap'))).to.equal('3 devices connected with this IP, the most like a beacon first.');
  });

  it('asks only when it comes into view', async () => {
    const { provider, calls } = recording(staticWith({ a: every(60, 10) }));
    const wrap = await fixture<HTMLDivElement>(html`<div style="height: 300px; overflow: auto"><div style="height: 2000px"></div><ip-traffic ip=${IP} .provider=${provider}></ip-traffic></div>`);
    const el = wrap.querySelector('ip-traffic')!;
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.filter((c) => c.method === 'getTraffic')).to.have.length(0);
    el.scrollIntoView();
    await waitUntil(() => rows(el).length === 1, 'the table once on screen');
    expect(calls.filter((c) => c.method === 'getTraffic')).to.have.length(1);
  });

  it('says when the data source does not report traffic, when nothing connected, and when it fails, with Retry', async () => {
    const none = await mount(new StaticIpDataProvider({ data: {} }));
    expect(text(root(none).querySelector('.state')!)).to.equal('This data source does not report the traffic per device.');
    const empty = await mount(staticWith({ a: every(60, 5).map((e) => ({ ...e, timestamp: '2020-01-01T00:00:00Z' })) }));
    expect(text(root(empty).querySelector('.state')!)).to.equal('No device connected with this IP in the last 30 days.');
    let fail = true;
    const base = staticWith({ a: every(60, 10) });
    const flaky = withOverrides(base, { getTraffic: (...args: Parameters<StaticIpDataProvider['getTraffic']>) => (fail ? Promise.reject(new IpDataError('unavailable', 'The hunting service is down.')) : base.getTraffic(...args)) });
    const errors: IpErrorEvent[] = [];
    document.addEventListener('ip-error', (e) => errors.push(e as IpErrorEvent), { once: true });
    const failed = await mount(flaky);
    expect(text(byRole(root(failed), 'alert'))).to.match(/^The hunting service is down\..*Retry$/);
    expect(errors[0]!.detail.section).to.equal('traffic');
    fail = false;
    byRole(root(failed), 'button', 'Retry').click();
    await waitUntil(() => rows(failed).length === 1, 'the table after Retry');
  });

  it('keeps hostile strings inert and a javascript: device link not a link', async () => {
    const navigations: IpNavigateEvent[] = [];
    const el = await mount(staticWith({ '<img src=x onerror=alert(1)>': every(300, 20, 0, { protocol: '<script>alert(1)</script>' }) }, { links: { device: () => 'javascript:alert(1)' } }));
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect(text(rows(el)[0]!)).to.contain('<img src=x onerror=alert(1)>');
    expect(deepQuery(root(el), 'a[href^="javascript"]')).to.equal(null);
    el.addEventListener('ip-navigate', (e) => navigations.push(e as IpNavigateEvent));
    byRole(rows(el)[0]!, 'button', /img/).click();
    expect(navigations[0]!.detail).to.include({ target: 'device', id: '<img src=x onerror=alert(1)>', ip: IP });
  });

  it('exports the devices listed with their statistics, spreadsheet-safe', async () => {
    const el = await mount(staticWith({ '=cmd|"/c calc"!A1': every(300, 30), 'ws-2': every(3600, 5, 900) }));
    const csv = await el.exportData('csv');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).to.equal('Device,Device ID,Beacon score,Median interval (s),Jitter (s),On time (±10 %),Intervals,Connections,Ports,Bytes sent,Bytes received,First seen,Last seen');
    expect(lines.length).to.equal(3);
    // A formula is text (a leading apostrophe), as in every export.
    expect(lines[1]).to.match(/^"'=cmd\|""\/c calc""!A1","'=cmd/);
    expect(lines[1]).to.contain(',1,300,0,1,29,30,443/Tcp (30),,,');
    const json = JSON.parse(await el.exportData('json')) as Array<Record<string, unknown>>;
    expect(json[0]).to.include({ deviceName: '=cmd|"/c calc"!A1', medianSeconds: 300, connections: 30 });
    byRole(root(el), 'button', 'Export').click();
    await el.updateComplete;
    expect(byRole(root(el), 'button', 'CSV (2 devices)')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows bytes where the log records them', async () => {
    const provider = withOverrides(staticWith({ x: [] }), {
      getTraffic: async () => ({ computedBy: 'backend', total: 1, devices: [{ deviceId: 'fw-1', deviceName: '10.1.2.3', connections: 9, firstSeen: '2026-11-20T00:00:00Z', lastSeen: '2026-11-21T00:00:00Z', bytesSent: 1_500_000, bytesReceived: 42_000 }] }),
    });
    const el = await mount(provider);
    expect(allByRole(byRole(root(el), 'table'), 'columnheader').map((h) => text(h))).to.include('Sent / received');
    expect(text(rows(el)[0]!)).to.contain('↑ 1.5 MB').and.contain('↓ 42 kB');
    expect(queryByRole(rows(el)[0]!, 'img'), 'no series, no strip').to.equal(null);
  });

  it('shows a host only the firewall saw by its address, marked, with no device page to open', async () => {
    const provider = withOverrides(staticWith({ x: [] }), {
      getTraffic: async () => ({ computedBy: 'backend', total: 1, devices: [{ deviceId: 'ip:10.250.7.21', deviceName: '10.250.7.21', unmanaged: true, connections: 9, firstSeen: '2026-11-20T00:00:00Z', lastSeen: '2026-11-21T00:00:00Z' }] }),
    });
    const el = await mount(provider);
    const row = rows(el)[0]!;
    expect(text(row)).to.contain('10.250.7.21').and.contain('Not onboarded · firewall only');
    expect(queryByRole(row, 'button', /10\.250/), 'not a device').to.equal(null);
    expect(queryByRole(row, 'link', /10\.250/)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sits below the devices list on the page’s Observed tab', async () => {
    const page = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} tab="devices" api-base="/api"></ip-entity-page>`);
    await waitUntil(() => deepQuery(page, 'ip-traffic'), 'the traffic view', { timeout: 8000 });
    const traffic = deepQuery<IpTraffic>(page, 'ip-traffic')!;
    traffic.scrollIntoView();
    await waitUntil(() => rows(traffic).length > 0, 'its rows', { timeout: 8000 });
    expect(text(byRole(root(traffic), 'heading'))).to.equal('Traffic and beaconing');
  });
});
