import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/observed-devices/ip-observed-devices.js';
import type { IpObservedDevices } from '../../src/components/observed-devices/observed-devices.js';
import type { DeviceEvent, ObservedDevice } from '../../src/data/model.js';
import type { AlertQuery, DeviceQuery, IpDataProvider, Page } from '../../src/data/provider.js';
import { IpDataError } from '../../src/data/errors.js';
import type { IpCopyEvent, IpErrorEvent, IpNavigateEvent } from '../../src/events/events.js';
import { StaticIpDataProvider, type StaticIpData } from '../../src/providers/static/static-provider.js';
import { accessibleName, allByRole, byRole, cells } from '../helpers/roles.js';
import { deepText, waitUntil } from '../helpers/dom.js';
import { withClipboard } from '../helpers/clipboard.js';
import { makeAlert, makeDevice, makeEvent } from '../helpers/fixtures.js';
import { manualProvider, recording, withOverrides } from '../helpers/providers.js';

const IP = '203.0.113.7';
const NOW = Date.now();
const ago = (h: number) => new Date(NOW - h * 3_600_000).toISOString();
const day = (iso: string) => iso.slice(0, 10);

function sampleDevices(): ObservedDevice[] {
  return [
    makeDevice({
      id: 'd-fin',
      name: 'WS-FIN-0231',
      osPlatform: 'Windows11',
      osVersion: '23H2',
      riskScore: 'high',
      exposureLevel: 'medium',
      firstSeen: ago(200),
      lastSeen: ago(1),
      connectionCount: 1414,
      lastEvent: makeEvent({
        timestamp: ago(1),
        actionType: 'HttpConnectionInspected',
        direction: 'outbound',
        localPort: 56243,
        remotePort: 443,
        remoteUrl: 'http://203.0.113.7/payload.txt',
        initiatingProcess: { fileName: 'wscript.exe', commandLine: 'wscript.exe //B //E:jscript C:\\Users\\jsmith\\invoice.js', sha256: 'a'.repeat(64), accountName: 'jsmith', accountDomain: 'CONTOSO' },
        file: { name: 'payload.txt', path: 'C:\\Users\\jsmith\\AppData\\Local\\Temp\\payload.txt', sha256: 'b'.repeat(64) },
      }),
    }),
    makeDevice({
      id: 'd-sql',
      name: 'SRV-SQL-02',
      osPlatform: 'WindowsServer2022',
      firstSeen: ago(100),
      lastSeen: ago(5),
      connectionCount: 12,
      lastEvent: makeEvent({ timestamp: ago(5), actionType: 'InboundConnectionAccepted', direction: 'inbound', localPort: 3389, remotePort: 51000, initiatingProcess: { fileName: 'svchost.exe' } }),
    }),
    makeDevice({
      id: 'd-lin',
      name: 'build-agent-027',
      osPlatform: 'Linux',
      firstSeen: ago(400),
      lastSeen: ago(300),
      connectionCount: 3,
      lastEvent: makeEvent({ timestamp: ago(300), actionType: 'ConnectionFailed', direction: 'outbound', remotePort: 4444, initiatingProcess: { fileName: 'python3', commandLine: '/usr/bin/python3 /tmp/.cache/agent.py', accountName: 'olivia' } }),
    }),
  ];
}

function sampleEvents(): Record<string, DeviceEvent[]> {
  return {
    'd-fin': [
      makeEvent({ id: 'e2', timestamp: ago(1), actionType: 'HttpConnectionInspected', initiatingProcess: { fileName: 'wscript.exe' } }),
      makeEvent({ id: 'e1', timestamp: ago(150), actionType: 'ConnectionSuccess', initiatingProcess: { fileName: 'powershell.exe' } }),
      makeEvent({ id: 'e3', timestamp: ago(3), actionType: 'DnsQueryResponse', initiatingProcess: { fileName: 'chrome.exe' } }),
    ],
  };
}

function staticWith(devices: ObservedDevice[] = sampleDevices(), data: Partial<StaticIpData> = {}, extra: Partial<ConstructorParameters<typeof StaticIpDataProvider>[0]> = {}) {
  return new StaticIpDataProvider({ data: { [IP]: { devices, deviceEvents: sampleEvents(), ...data } }, ...extra });
}

const root = (el: IpObservedDevices) => el.shadowRoot!;
/** Treegrid rows: devices are level 1; a device's events (with their place in its timeline) and its loading/error/empty line are level 2. */
const deviceRows = (el: IpObservedDevices) => allByRole(root(el), 'row').filter((r) => r.getAttribute('aria-level') === '1');
const eventRows = (el: IpObservedDevices) => allByRole(root(el), 'row').filter((r) => r.getAttribute('aria-level') === '2' && r.hasAttribute('aria-posinset'));
const statusRows = (el: IpObservedDevices) => allByRole(root(el), 'row').filter((r) => r.getAttribute('aria-level') === '2' && !r.hasAttribute('aria-posinset'));
/** A device row's link (or button) to the device: in its first cell, the one not named "Copy …". */
const deviceLink = (r: Element) => [...allByRole(cells(r)[0]!, 'link'), ...allByRole(cells(r)[0]!, 'button')].find((b) => !accessibleName(b).startsWith('Copy '))!;
const names = (el: IpObservedDevices) => deviceRows(el).map((r) => accessibleName(deviceLink(r)));
const row = (el: IpObservedDevices, name: string) => deviceRows(el).find((r) => accessibleName(deviceLink(r)) === name)!;
const button = (el: IpObservedDevices, text: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(text))!;
const searchBox = (el: IpObservedDevices) => root(el).querySelector<HTMLInputElement>('#search')!;

async function loaded(el: IpObservedDevices, rows?: number) {
  await waitUntil(() => deviceRows(el).length > 0 && (rows === undefined || deviceRows(el).length === rows), `devices did not load: ${deepText(el).slice(0, 300)}`, { timeout: 6000 });
  await el.updateComplete;
}

async function mount(provider: IpDataProvider, rows?: number) {
  const el = await fixture<IpObservedDevices>(html`<ip-observed-devices ip=${IP} .provider=${provider}></ip-observed-devices>`);
  if (rows !== 0) await loaded(el, rows);
  return el;
}

async function check(el: IpObservedDevices, menu: string, option: string) {
  const toggle = button(el, menu);
  if (toggle.getAttribute('aria-expanded') !== 'true') {
    toggle.click();
    await el.updateComplete;
  }
  byRole(root(el), 'checkbox', option).click();
  await el.updateComplete;
}

describe('<ip-observed-devices>', () => {
  describe('list', () => {
    it('lists the devices most recent first with what a responder needs from the last event', async () => {
      const el = await mount(staticWith(), 3);
      expect(names(el)).to.deep.equal(['WS-FIN-0231', 'SRV-SQL-02', 'build-agent-027']);
      const text = deepText(row(el, 'WS-FIN-0231'));
      for (const expected of ['Windows11 23H2', 'Risk: High', 'Exposure: Medium', 'Connections 1,414', 'Http Connection Inspected', 'Direction Outbound', '56243 → 443', 'wscript.exe', 'wscript.exe //B //E:jscript', 'a'.repeat(64), 'CONTOSO\\jsmith', 'payload.txt']) {
        expect(text, expected).to.contain(expected);
      }
      // The remote address is defanged text, not a link: one click must not contact it (the link is
      // only in the confirmation Open… shows).
      const remote = row(el, 'WS-FIN-0231').querySelector('ip-external-url')!;
      expect(remote.shadowRoot!.querySelector('[part="url"]')!.textContent).to.equal('hxxp://203[.]0[.]113[.]7/payload.txt');
      expect(remote.shadowRoot!.querySelector('[part="confirm"]')!.matches(':popover-open')).to.equal(false);
      expect(row(el, 'WS-FIN-0231').querySelectorAll('a[href^="http://203.0.113.7"]')).to.have.length(0);
      expect(deepText(row(el, 'SRV-SQL-02'))).to.contain('3389 ← 51000');
      expect(deepText(root(el).querySelector('[part="cap"]')!)).to.contain('3 devices, most recent first');
      const grid = root(el).querySelector('[role="treegrid"]')!;
      expect(grid.getAttribute('aria-rowcount')).to.equal('4');
      expect(row(el, 'WS-FIN-0231').getAttribute('aria-expanded')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('caps the list at 100 devices like Defender, says how many there are and links to hunting for all', async () => {
      const many = Array.from({ length: 4000 }, (_, i) => makeDevice({ id: `m${i}`, name: `HOST-${String(i).padStart(4, '0')}`, firstSeen: ago(500), lastSeen: ago(1 + i / 100), lastEvent: makeEvent({ timestamp: ago(1 + i / 100) }) }));
      const { provider, calls } = recording(staticWith(many));
      const el = await mount(provider);
      const query = calls.find((c) => c.method === 'listObservedDevices')!.args[1] as DeviceQuery;
      expect(query.limit).to.equal(100);
      expect(root(el).querySelector('[role="treegrid"]')!.getAttribute('aria-rowcount')).to.equal('101');
      const cap = root(el).querySelector('[part="cap"]')!;
      expect(deepText(cap)).to.contain('Showing the 100 most recent of 4,000 devices');
      expect(names(el)[0]).to.equal('HOST-0000');
      // The virtualized list renders a window, not all 100 rows.
      expect(deviceRows(el).length).to.be.lessThan(100);
      setTimeout(() => [...allByRole(cap, 'link'), ...allByRole(cap, 'button')][0]!.click());
      const nav = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
      expect(nav.detail.target).to.equal('hunting');
      expect(nav.detail.language).to.equal('kql-defender');
      expect(nav.detail.query).to.contain('DeviceNetworkEvents').and.to.contain(`"${IP}"`);
    });

    it('builds only the devices that show before its first paint, then the rows past the view for scrolling', async () => {
      const many = Array.from({ length: 60 }, (_, i) => makeDevice({ id: `m${i}`, name: `HOST-${i}`, firstSeen: ago(500), lastSeen: ago(1 + i / 100), lastEvent: makeEvent({ timestamp: ago(1 + i / 100) }) }));
      const el = document.createElement('ip-observed-devices') as IpObservedDevices;
      el.ip = IP;
      el.provider = staticWith(many);
      const firstRows: number[] = [];
      // Mutation records are delivered before the frame that paints them: the rows of the first paint.
      const watch = new MutationObserver(() => {
        if (!firstRows.length && deviceRows(el).length) firstRows.push(deviceRows(el).length);
      });
      const host = await fixture<HTMLDivElement>(html`<div style="height: 600px; display: flex; flex-direction: column"></div>`);
      host.append(el);
      await el.updateComplete;
      watch.observe(root(el), { childList: true, subtree: true });
      await waitUntil(() => firstRows.length > 0, 'device rows');
      watch.disconnect();
      const list = root(el).querySelector('[role="treegrid"]')!.getBoundingClientRect();
      const onScreen = deviceRows(el).filter((r) => r.getBoundingClientRect().top < Math.min(list.bottom, innerHeight)).length;
      expect(firstRows[0], 'no more than fit in the view').to.be.at.most(onScreen + 1);
      await waitUntil(() => deviceRows(el).length > onScreen + 1, 'the rows past the view, once painted');
    });

    it('says what the data source left out of a list it answered in part', async () => {
      const base = staticWith();
      const p = withOverrides(base, {
        listObservedDevices: async (...args: Parameters<IpDataProvider['listObservedDevices']>) => ({ ...(await base.listObservedDevices(...args)), incomplete: 'Log Analytics answered the devices only in part.' }),
      });
      const el = await mount(p);
      const note = root(el).querySelector('[part="incomplete"]');
      expect(note?.textContent).to.contain('answered the devices only in part');
      expect(note?.getAttribute('role')).to.equal('status');
      expect(names(el).length, 'the devices given still show').to.be.greaterThan(0);
    });

    it('exports every matching device, not only the 100 shown, as spreadsheet-safe CSV and as JSON', async () => {
      const many = Array.from({ length: 250 }, (_, i) => makeDevice({ id: `m${i}`, name: i === 7 ? '=cmd|"/c calc"!A1' : `HOST-${String(i).padStart(4, '0')}`, firstSeen: ago(500), lastSeen: ago(1 + i / 100), lastEvent: makeEvent({ timestamp: ago(1 + i / 100), actionType: i % 2 ? 'ConnectionFailed' : 'ConnectionSuccess' }) }));
      // A backend that lists past Defender's 100 (Defender itself stops there: so does its export).
      const { provider, calls } = recording(staticWith(many, {}, { deviceLimit: 1000 }));
      const el = await mount(provider);
      await check(el, 'Action type', 'Connection Failed');
      await waitUntil(() => deepText(root(el).querySelector('[part="cap"]')!).includes('125'), 'the filter applied');
      const before = calls.length;
      const csv = await el.exportData('csv');
      const lines = csv.trim().split(/\r?\n/);
      expect(lines.length).to.equal(126);
      expect(lines[0]).to.match(/^Device,Device ID,OS platform/);
      expect(csv).to.contain(`'=cmd|""/c calc""!A1`);
      const pages = calls.slice(before).filter((c) => c.method === 'listObservedDevices').map((c) => c.args[1] as DeviceQuery);
      expect(pages.map((q) => q.offset)).to.deep.equal([0, 100]);
      expect(pages.every((q) => q.actionType?.join() === 'ConnectionFailed')).to.equal(true);
      const json = JSON.parse(await el.exportData('json')) as Array<Record<string, unknown>>;
      expect(json.length).to.equal(125);
      expect(json[0]!['actionType']).to.equal('ConnectionFailed');
      // The menu says how many and what.
      button(el, 'Export').click();
      await el.updateComplete;
      expect(byRole(root(el), 'button', 'CSV (125 devices)')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('exports what a capped backend lists, and stops there', async () => {
      const many = Array.from({ length: 250 }, (_, i) => makeDevice({ id: `m${i}`, name: `HOST-${i}`, firstSeen: ago(500), lastSeen: ago(1 + i / 100), lastEvent: makeEvent({ timestamp: ago(1 + i / 100) }) }));
      const el = await mount(staticWith(many));
      expect((await el.exportData('csv')).trim().split(/\r?\n/).length).to.equal(101);
    });

    it('says no device communicated with the IP', async () => {
      const el = await mount(staticWith([]), 0);
      await waitUntil(() => deepText(el).includes('No device in your organization communicated with this IP'));
      await expect(el).to.be.accessible();
    });

    it('renders hostile strings as inert text and never links javascript: URLs', async () => {
      const hostile = '<img src=x onerror="window.__devPwned=1">';
      const devices = [
        makeDevice({
          id: 'h1',
          name: hostile,
          lastSeen: ago(1),
          firstSeen: ago(2),
          lastEvent: makeEvent({ timestamp: ago(1), remoteUrl: 'javascript:window.__devPwned=2', initiatingProcess: { fileName: '<script>window.__devPwned=3</script>', commandLine: '=cmd|" /C calc"!A0', accountName: hostile } }),
        }),
      ];
      const el = await mount(staticWith(devices, {}, { links: { device: () => 'javascript:window.__devPwned=4' } }), 1);
      expect(names(el)).to.deep.equal([hostile]);
      expect(root(el).querySelector('img')).to.equal(null);
      expect(root(el).querySelector('script')).to.equal(null);
      const hrefs = [...root(el).querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs.filter((h) => h?.toLowerCase().startsWith('javascript'))).to.deep.equal([]);
      expect(deepText(el)).to.contain('javascript:window.__devPwned=2');
      expect(deepText(el)).to.contain('=cmd|" /C calc"!A0');
      deviceLink(deviceRows(el)[0]!).click();
      await aTimeout(20);
      expect((window as unknown as { __devPwned?: number }).__devPwned).to.equal(undefined);
    });
  });

  describe('search and filters', () => {
    it('searches by device, file, process and user through the provider', async () => {
      const { provider, calls } = recording(staticWith());
      const el = await mount(provider, 3);
      for (const [term, expected] of [
        ['sql', ['SRV-SQL-02']],
        ['payload.txt', ['WS-FIN-0231']],
        ['python3', ['build-agent-027']],
        ['jsmith', ['WS-FIN-0231']],
      ] as const) {
        const input = searchBox(el);
        input.focus();
        input.value = term;
        input.dispatchEvent(new Event('input'));
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => JSON.stringify(names(el)) === JSON.stringify(expected), `search ${term}: ${names(el)}`);
        expect((calls.at(-1)!.args[1] as DeviceQuery).search).to.equal(term);
      }
    });

    it('finds the devices last observed on a date, with text too, and by any event of their timeline', async () => {
      const el = await mount(staticWith(), 3);
      el.search = day(ago(300));
      await waitUntil(() => names(el).length === 1, `date search: ${names(el)}`);
      expect(names(el)).to.deep.equal(['build-agent-027']);
      el.search = `${day(ago(1))} wscript`;
      await waitUntil(() => names(el).join() === 'WS-FIN-0231', `date and text: ${names(el)}`);
      // chrome.exe is in WS-FIN-0231's timeline, not in its last event.
      el.search = 'chrome.exe';
      await waitUntil(() => names(el).join() === 'WS-FIN-0231', `an earlier event: ${names(el)}`);
    });

    it('debounces typing into one request', async () => {
      const { provider, calls } = recording(staticWith());
      const el = await mount(provider, 3);
      const before = calls.filter((c) => c.method === 'listObservedDevices').length;
      // Keystrokes faster than the pause the search waits for (on a loaded machine real key
      // events can arrive further apart than that, which is a pause).
      const box = searchBox(el);
      for (let i = 1; i <= 'wscript'.length; i++) {
        box.value = 'wscript'.slice(0, i);
        box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await waitUntil(() => names(el).length === 1);
      const after = calls.filter((c) => c.method === 'listObservedDevices');
      expect(after.length - before).to.equal(1);
      expect((after.at(-1)!.args[1] as DeviceQuery).search).to.equal('wscript');
    });

    it('filters by action type and direction, and clears the filters', async () => {
      const { provider, calls } = recording(staticWith());
      const el = await mount(provider, 3);
      await check(el, 'Action type', 'Connection Failed');
      await waitUntil(() => names(el).length === 1);
      expect(names(el)).to.deep.equal(['build-agent-027']);
      expect((calls.at(-1)!.args[1] as DeviceQuery).actionType).to.deep.equal(['ConnectionFailed']);
      await check(el, 'Action type', 'Inbound Connection Accepted');
      await waitUntil(() => names(el).length === 2);
      await check(el, 'Direction', 'Inbound');
      await waitUntil(() => names(el).length === 1);
      expect(names(el)).to.deep.equal(['SRV-SQL-02']);
      expect((calls.at(-1)!.args[1] as DeviceQuery).direction).to.deep.equal(['inbound']);
      await check(el, 'Direction', 'Outbound');
      await check(el, 'Direction', 'Inbound');
      await waitUntil(() => names(el).length === 1 && names(el)[0] === 'build-agent-027');
      button(el, 'Clear filters').click();
      await loaded(el, 3);
    });

    it('says when nothing matches and offers to clear the filters', async () => {
      const el = await mount(staticWith(), 3);
      el.search = 'no-such-device';
      await waitUntil(() => deepText(el).includes('No device matches these filters'));
      await expect(el).to.be.accessible();
      byRole(root(el), 'button', /Clear filters/).click();
      await loaded(el, 3);
      expect(searchBox(el).value).to.equal('');
    });

    it('shows only the latest query when answers arrive out of order, and aborts the stale request', async () => {
      const { provider, pending } = manualProvider();
      const el = await fixture<IpObservedDevices>(html`<ip-observed-devices ip=${IP} .provider=${provider}></ip-observed-devices>`);
      await waitUntil(() => pending.length === 1);
      const first = pending[0]!;
      first.resolve({ items: sampleDevices(), total: 3 } satisfies Page<ObservedDevice>);
      await loaded(el, 3);
      el.search = 'sql';
      await waitUntil(() => pending.length === 1);
      const sql = pending[0]!;
      // While the new answer is on its way the old list stays, dimmed, instead of a skeleton.
      await el.updateComplete;
      expect(allByRole(root(el), 'status').map((s) => s.textContent)).to.include('Updating the devices…');
      expect(names(el)).to.have.length(3);
      el.search = 'build';
      await waitUntil(() => pending.length === 2);
      const build = pending[1]!;
      expect(sql.signal.aborted).to.equal(true);
      build.resolve({ items: [sampleDevices()[2]!], total: 1 });
      await waitUntil(() => names(el).length === 1);
      sql.resolve({ items: [sampleDevices()[1]!], total: 1 });
      await aTimeout(30);
      expect(names(el)).to.deep.equal(['build-agent-027']);
    });
  });

  describe('errors', () => {
    it('shows the error with Retry, fires ip-error, and recovers', async () => {
      let fail = true;
      const base = staticWith();
      const provider = withOverrides(base, {
        listObservedDevices: (ip: string, q: DeviceQuery, o: { signal: AbortSignal }) => (fail ? Promise.reject(new IpDataError('unavailable', 'The device service is unavailable.')) : base.listObservedDevices(ip, q, o)),
      });
      const errorEvent = new Promise<IpErrorEvent>((resolve) => document.addEventListener('ip-error', (e) => resolve(e as IpErrorEvent), { once: true }));
      const el = await fixture<IpObservedDevices>(html`<ip-observed-devices ip=${IP} .provider=${provider}></ip-observed-devices>`);
      const event = await errorEvent;
      expect(event.detail.section).to.equal('devices');
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(deepText(root(el).querySelector('[role="alert"]')!)).to.contain('The device service is unavailable.');
      await expect(el).to.be.accessible();
      fail = false;
      button(el, 'Retry').click();
      await loaded(el, 3);
    });

    it('keeps what was typed when the search request fails', async () => {
      let fail = false;
      const base = staticWith();
      const provider = withOverrides(base, {
        listObservedDevices: (ip: string, q: DeviceQuery, o: { signal: AbortSignal }) => (fail ? Promise.reject(new IpDataError('timeout', 'Timed out.')) : base.listObservedDevices(ip, q, o)),
      });
      const el = await mount(provider, 3);
      fail = true;
      searchBox(el).focus();
      await sendKeys({ type: 'sql' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(searchBox(el).value).to.equal('sql');
      fail = false;
      button(el, 'Retry').click();
      await waitUntil(() => names(el).length === 1);
      expect(names(el)).to.deep.equal(['SRV-SQL-02']);
    });

    it('says there is no provider or an invalid IP', async () => {
      const none = await fixture<IpObservedDevices>(html`<ip-observed-devices ip=${IP}></ip-observed-devices>`);
      expect(deepText(none)).to.contain('No data provider configured.');
      const { provider, calls } = recording(staticWith());
      const bad = await fixture<IpObservedDevices>(html`<ip-observed-devices ip="203.0.113.999" .provider=${provider}></ip-observed-devices>`);
      expect(deepText(bad)).to.contain('has a part above 255');
      expect(calls).to.deep.equal([]);
    });
  });

  describe('expanded timeline', () => {
    it('expands a device into its events, oldest first, and collapses', async () => {
      const el = await mount(staticWith(), 3);
      row(el, 'WS-FIN-0231').click();
      await waitUntil(() => eventRows(el).length === 3);
      expect(row(el, 'WS-FIN-0231').getAttribute('aria-expanded')).to.equal('true');
      const actions = eventRows(el).map((r) => r.querySelector('strong')!.textContent);
      expect(actions).to.deep.equal(['Connection Success', 'Dns Query Response', 'Http Connection Inspected']);
      expect(eventRows(el).map((r) => r.getAttribute('aria-level'))).to.deep.equal(['2', '2', '2']);
      expect(eventRows(el).map((r) => r.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3']);
      expect(root(el).querySelector('[role="treegrid"]')!.getAttribute('aria-rowcount')).to.equal('7');
      await expect(el).to.be.accessible();
      row(el, 'WS-FIN-0231').click();
      await waitUntil(() => eventRows(el).length === 0);
      expect(row(el, 'WS-FIN-0231').getAttribute('aria-expanded')).to.equal('false');
    });

    it('interleaves the alerts raised on the device with its events, each linking to the alert', async () => {
      const alerts = [
        makeAlert({ id: 'a-on-fin', title: 'Suspicious PowerShell download cradle', severity: 'high', firstActivity: ago(2), lastActivity: ago(2), impactedAssets: [{ kind: 'device', name: 'WS-FIN-0231' }] }),
        makeAlert({ id: 'a-elsewhere', title: 'Port scan', firstActivity: ago(4), lastActivity: ago(4), impactedAssets: [{ kind: 'device', name: 'SRV-SQL-02' }] }),
      ];
      const { provider, calls } = recording(staticWith(sampleDevices(), { alerts }));
      const el = await mount(provider, 3);
      row(el, 'WS-FIN-0231').click();
      await waitUntil(() => eventRows(el).length === 4, 'events and the alert');
      const timeline = eventRows(el);
      expect(timeline.map((r) => r.getAttribute('part'))).to.deep.equal(['event', 'event', 'timeline-alert', 'event']);
      expect(timeline.map((r) => r.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4']);
      expect(timeline.every((r) => r.getAttribute('aria-setsize') === '4')).to.equal(true);
      expect(deepText(timeline[2]!)).to.contain('Alert').and.to.contain('High').and.to.contain('Suspicious PowerShell download cradle');
      const asked = calls.find((c) => c.method === 'listAlerts')!.args[1] as AlertQuery;
      expect(asked.filter).to.deep.equal({ kind: ['alert'], impactedAssets: ['WS-FIN-0231'] });
      setTimeout(() => [...allByRole(timeline[2]!, 'link'), ...allByRole(timeline[2]!, 'button')][0]!.click());
      const nav = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
      expect(nav.detail).to.include({ target: 'alert', id: 'a-on-fin' });
      await expect(el).to.be.accessible();
    });

    it('still shows the events when the device\'s alerts fail, saying so with Retry', async () => {
      let fail = true;
      const provider = withOverrides(staticWith(), {
        listAlerts: async () => {
          if (fail) throw new IpDataError('unavailable', 'The alerts service timed out.');
          return { items: [], total: 0 };
        },
      });
      const el = await mount(provider, 3);
      row(el, 'WS-FIN-0231').click();
      await waitUntil(() => eventRows(el).length === 3, 'events despite the failure');
      const status = statusRows(el).find((r) => deepText(r).includes('The alerts of this device could not be loaded'))!;
      expect(deepText(status)).to.contain('timed out');
      fail = false;
      byRole(status, 'button', 'Retry').click();
      // Retrying the alerts keeps the events on screen: never a moment without them.
      await el.updateComplete;
      expect(eventRows(el), 'the events stay while the alerts are asked again').to.have.length(3);
      await waitUntil(() => !statusRows(el).some((r) => deepText(r).includes('could not be loaded')), 'retried');
      expect(eventRows(el)).to.have.length(3);
    });

    it('aborts the timeline request when collapsed before it answers', async () => {
      const signals: AbortSignal[] = [];
      const provider = withOverrides(staticWith(), {
        listDeviceEvents: (_ip: string, _id: string, _r: unknown, o: { signal: AbortSignal }) => {
          signals.push(o.signal);
          return new Promise(() => {});
        },
      });
      const el = await mount(provider, 3);
      row(el, 'SRV-SQL-02').click();
      await waitUntil(() => statusRows(el).some((r) => r.getAttribute('aria-busy') === 'true'));
      expect(deepText(statusRows(el)[0]!)).to.contain('Loading the timeline of SRV-SQL-02');
      row(el, 'SRV-SQL-02').click();
      await waitUntil(() => statusRows(el).length === 0, 'the loading row stays');
      expect(signals.length).to.equal(1);
      expect(signals[0]!.aborted).to.equal(true);
      expect(row(el, 'SRV-SQL-02').getAttribute('aria-expanded')).to.equal('false');
    });

    it('shows a timeline error in place with Retry; the list stays', async () => {
      let fail = true;
      const base = staticWith();
      const provider = withOverrides(base, {
        listDeviceEvents: (ip: string, id: string, r: never, o: { signal: AbortSignal }) => (fail ? Promise.reject(new IpDataError('unavailable', 'Timeline unavailable.')) : base.listDeviceEvents(ip, id, r, o)),
      });
      const el = await mount(provider, 3);
      row(el, 'WS-FIN-0231').click();
      await waitUntil(() => deepText(el).includes('Timeline unavailable.'));
      expect(names(el)).to.deep.equal(['WS-FIN-0231', 'SRV-SQL-02', 'build-agent-027']);
      fail = false;
      byRole(statusRows(el)[0]!, 'button').click();
      await waitUntil(() => eventRows(el).length === 3);
    });

    it('says when a device has no events in the range', async () => {
      const el = await mount(staticWith(), 3);
      row(el, 'SRV-SQL-02').click();
      await waitUntil(() => deepText(el).includes('No events of SRV-SQL-02 with this IP'));
    });

    it('collapses when the query changes', async () => {
      const el = await mount(staticWith(), 3);
      row(el, 'WS-FIN-0231').click();
      await waitUntil(() => eventRows(el).length === 3);
      el.search = 'WS-FIN';
      await waitUntil(() => names(el).length === 1);
      expect(eventRows(el)).to.have.length(0);
      expect(row(el, 'WS-FIN-0231').getAttribute('aria-expanded')).to.equal('false');
    });

    it('offers no expansion when the provider has no timelines', async () => {
      const base = staticWith();
      const provider = withOverrides(base, { listDeviceEvents: undefined });
      const el = await mount(provider, 3);
      expect(row(el, 'WS-FIN-0231').hasAttribute('aria-expanded')).to.equal(false);
      row(el, 'WS-FIN-0231').click();
      await aTimeout(20);
      expect(allByRole(root(el), 'row').filter((r) => r.getAttribute('aria-level') === '2')).to.have.length(0);
    });
  });

  describe('keyboard', () => {
    it('moves through the tree grid with arrows, expands with Right and Enter, goes back with Left', async () => {
      const el = await mount(staticWith(), 3);
      const first = deviceRows(el)[0]!;
      expect(first.tabIndex).to.equal(0);
      expect(deviceRows(el)[1]!.tabIndex).to.equal(-1);
      first.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(row(el, 'SRV-SQL-02'));
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(row(el, 'WS-FIN-0231'));
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => eventRows(el).length === 3);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(eventRows(el)[0]);
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(row(el, 'WS-FIN-0231'));
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => eventRows(el).length === 0);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(row(el, 'build-agent-027'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepText(el).includes('No events of build-agent-027'));
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(row(el, 'WS-FIN-0231'));
      await sendKeys({ press: '/' });
      expect(root(el).activeElement).to.equal(searchBox(el));
    });

    it('puts only the focused row’s links and copy buttons in the tab order', async () => {
      const el = await mount(staticWith(), 3);
      const tabbable = (r: HTMLElement) => [...r.querySelectorAll<HTMLElement>('a, button')].filter((x) => x.tabIndex >= 0);
      expect(tabbable(deviceRows(el)[0]!).length).to.be.greaterThan(2);
      expect(tabbable(deviceRows(el)[1]!)).to.deep.equal([]);
      deviceRows(el)[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(tabbable(deviceRows(el)[0]!)).to.deep.equal([]);
      expect(tabbable(deviceRows(el)[1]!).length).to.be.greaterThan(0);
    });
  });

  describe('actions', () => {
    it('fires a cancelable ip-navigate for a device; a host can keep the user on the page', async () => {
      const el = await mount(staticWith(sampleDevices(), {}, { links: { device: (id) => `#/devices/${encodeURIComponent(id)}` } }), 3);
      const link = byRole<HTMLAnchorElement>(row(el, 'SRV-SQL-02'), 'link', 'SRV-SQL-02');
      expect(link.getAttribute('href')).to.match(/#\/devices\/d-sql$/);
      const before = location.hash;
      el.addEventListener('ip-navigate', (e) => e.preventDefault(), { once: true });
      setTimeout(() => link.click());
      const nav = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
      expect(nav.detail).to.include({ target: 'device', id: 'd-sql', ip: IP });
      await aTimeout(10);
      expect(location.hash).to.equal(before);
      expect(eventRows(el)).to.have.length(0); // following the link does not toggle the row
    });

    it('copies the SHA-256 and the command line', () =>
      withClipboard(async (copied) => {
        const el = await mount(staticWith(), 3);
        const fin = row(el, 'WS-FIN-0231');
        const sha = byRole<HTMLButtonElement>(fin, 'button', 'Copy SHA-256');
        const cmd = byRole<HTMLButtonElement>(fin, 'button', 'Copy command line');
        setTimeout(() => sha.click());
        const event = (await oneEvent(el, 'ip-copy')) as IpCopyEvent;
        expect(event.detail).to.deep.equal({ value: 'a'.repeat(64), ok: true });
        await el.updateComplete;
        expect(sha.getAttribute('aria-label')).to.equal('Copy SHA-256: copied');
        expect(root(el).querySelector('[role="status"]:not([part="cap"])')!.textContent).to.contain('Copied to the clipboard');
        cmd.click();
        await waitUntil(() => copied.length === 2);
        expect(copied).to.deep.equal(['a'.repeat(64), 'wscript.exe //B //E:jscript C:\\Users\\jsmith\\invoice.js']);
        await el.updateComplete;
        expect(sha.getAttribute('aria-label'), 'one copied at a time').to.equal('Copy SHA-256');
        expect(eventRows(el)).to.have.length(0); // copying does not toggle the row
      }));

    it('with the clipboard denied, opens the value selected in a field in its row; Escape closes it and returns to the button', () =>
      withClipboard(
        async () => {
          const el = await mount(staticWith(), 3);
          const fin = row(el, 'WS-FIN-0231');
          const sha = byRole<HTMLButtonElement>(fin, 'button', 'Copy SHA-256');
          setTimeout(() => sha.click());
          const event = (await oneEvent(el, 'ip-copy')) as IpCopyEvent;
          expect(event.detail).to.deep.equal({ value: 'a'.repeat(64), ok: false });
          const input = await waitUntil(() => root(el).activeElement?.matches('.fallback input') && root(el).activeElement, 'the field took focus').then(() => root(el).activeElement as HTMLInputElement);
          expect(fin.contains(input), 'in the row of the button').to.equal(true);
          expect(input.value).to.equal('a'.repeat(64));
          expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, 64]);
          expect(deepText(fin)).to.contain('Press Ctrl+C');
          await sendKeys({ press: 'ArrowDown' });
          await el.updateComplete;
          expect(root(el).activeElement, 'keys in the field stay in it').to.equal(input);
          await sendKeys({ press: 'Escape' });
          await el.updateComplete;
          expect(root(el).querySelector('.fallback')).to.equal(null);
          expect(root(el).activeElement).to.equal(sha);
          expect(eventRows(el)).to.have.length(0); // neither the field nor the key toggled the row
        },
        { denied: true },
      ));

    it('reloads for a new time range', async () => {
      const { provider, calls } = recording(staticWith());
      const el = await mount(provider, 3);
      el.range = '24h';
      await waitUntil(() => names(el).length === 2);
      const q = calls.at(-1)!.args[1] as DeviceQuery;
      expect(Date.now() - q.range!.from.getTime()).to.be.closeTo(24 * 3_600_000, 60_000);
      expect(names(el)).to.deep.equal(['WS-FIN-0231', 'SRV-SQL-02']);
    });
  });
});
