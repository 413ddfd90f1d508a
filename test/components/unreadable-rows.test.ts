/**
 * One odd row must not hide every row: a host's provider that returns 400 alerts and 100 devices,
 * one of each with a 100,000-character id (and a few other odd values), still shows the 399 and
 * the 99 that can be read; the odd row keeps its place, says why, and its raw value can be copied;
 * the status says how many rows could not be read; export still works.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import '../../src/components/sentinel-events/ip-sentinel-events.js';
import '../../src/components/threat-intel/ip-threat-intel.js';
import '../../src/components/observed-devices/ip-observed-devices.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpCopyButton } from '../../src/components/copy-button/copy-button.js';
import type { AlertQuery, DeviceQuery, IpDataProvider } from '../../src/data/provider.js';
import { exportText } from '../../src/components/shared/export.js';
import { deepQuery, deepText, waitUntil } from '../helpers/dom.js';
import { staticProvider, withOverrides } from '../helpers/providers.js';

const IP = '203.0.113.7';
const HOUR = 3_600_000;
const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
const LONG = 'x'.repeat(100_000);

function rawAlerts(): unknown[] {
  const alerts: Array<Record<string, unknown>> = Array.from({ length: 400 }, (_, i) => ({ id: `al-${i}`, kind: 'alert', title: `Alert number ${i}`, severity: 'medium', status: 'new', lastActivity: ago(1 + i / 10), firstActivity: ago(2 + i / 10), impactedAssets: [{ kind: 'device', name: `WS-${i}`, id: `d-${i}` }] }));
  // The odd row: an impacted asset with a 100,000-character id (not essential: left out, marked).
  alerts[17]!['impactedAssets'] = [{ kind: 'device', name: 'WS-17', id: 'd-17' }, { kind: 'device', name: 'WS-ODD', id: LONG }];
  // An alert whose own id is unusable: unreadable, in its place.
  alerts[3]!['id'] = LONG;
  return alerts;
}

function rawDevices(): unknown[] {
  const devices: Array<Record<string, unknown>> = Array.from({ length: 100 }, (_, i) => ({ id: `dev-${i}`, name: `DEVICE-${String(i).padStart(3, '0')}`, firstSeen: ago(500), lastSeen: ago(1 + i), lastEvent: { timestamp: ago(1 + i), actionType: 'ConnectionSuccess', remotePort: 443 } }));
  devices[1]!['id'] = LONG;
  devices[2]!['lastEvent'] = { actionType: 'ConnectionSuccess', remotePort: 99_999 };
  return devices;
}

/** A host's own provider (not one of ours): its answers are read by the page's guard. */
function hostProvider(): IpDataProvider {
  const alerts = rawAlerts();
  const devices = rawDevices();
  return withOverrides(staticProvider(), {
    listAlerts: async (_ip: string, q: AlertQuery) => ({ items: alerts.slice(q.offset, q.offset + q.limit), total: alerts.length }),
    listObservedDevices: async (_ip: string, q: DeviceQuery) => ({ items: devices.slice(q.offset, q.offset + q.limit), total: devices.length }),
  });
}

describe('rows that cannot be read', () => {
  it('show in place, saying why, while every readable row shows', async function () {
    this.timeout(30_000);
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} tab="alerts" .provider=${hostProvider()}></ip-entity-page>`);
    const list = await waitUntil(() => deepQuery(el, 'ip-alerts-list')?.shadowRoot?.querySelector('.row[aria-selected]'), 'alert rows', { timeout: 10_000 }).then(() => deepQuery(el, 'ip-alerts-list')!);
    const root = list.shadowRoot!;
    expect(deepText(root.querySelector('[part="status"]')!)).to.contain('400 incidents and alerts').and.contain('1 row could not be read');
    const odd = await waitUntil(() => root.querySelector('.row.unreadable-row'), 'the unreadable row').then(() => root.querySelector<HTMLElement>('.row.unreadable-row')!);
    expect(odd.getAttribute('aria-rowindex'), 'in its place: the fourth row').to.equal('5');
    expect(odd.hasAttribute('aria-selected'), 'not selectable').to.equal(false);
    expect(deepText(odd)).to.contain('This row could not be read: id: expected an id of at most 1,024 characters');
    const copy = odd.querySelector<IpCopyButton>('ip-copy-button')!;
    expect(copy.value.startsWith('{"id":"xxxx')).to.equal(true);
    expect(copy.value).to.match(/more characters\]$/);
    // The neighbours show, and the row whose asset id was too long shows with a mark.
    expect(deepText(root)).to.contain('Alert number 2').and.contain('Alert number 4');
    // Row 17 is past the first screen: it is built once the first rows have painted (the overscan).
    const row17 = () => [...root.querySelectorAll('.row')].find((r) => deepText(r).includes('Alert number 17'));
    await waitUntil(row17, 'the row past the first screen');
    const marked = row17()!;
    expect(marked.querySelector('[part="partial-mark"]')!.getAttribute('title')).to.contain('impactedAssets[1].id: expected an id of at most 1,024 characters');
    await expect(list).to.be.accessible();

    el.selectTab('devices');
    const devices = await waitUntil(() => deepQuery(el, 'ip-observed-devices')?.shadowRoot?.querySelector('[part="device"]'), 'device rows', { timeout: 10_000 }).then(() => deepQuery(el, 'ip-observed-devices')!);
    const rows = [...devices.shadowRoot!.querySelectorAll('[part="device"]')];
    expect(devices.shadowRoot!.querySelector('[role="treegrid"]')!.getAttribute('aria-rowcount'), 'all 100 listed').to.equal('101');
    expect(deepText(rows[1]!)).to.contain('This row could not be read: id: expected an id');
    expect(deepText(rows[2]!)).to.contain('DEVICE-002').and.contain('This row could not be read: lastEvent.timestamp');
    expect(deepText(rows[0]!)).to.contain('DEVICE-000');
    await expect(devices).to.be.accessible();
  });

  it('in the Sentinel timeline, an insight’s table, a threat intelligence list and a device’s timeline', async function () {
    this.timeout(30_000);
    const provider = withOverrides(staticProvider(), {
      getCapabilities: async () => ({ timeline: true, insights: true, threatIntel: true, deviceEvents: true }),
      getTimeline: async () => [
        { id: 'e1', kind: 'alert', time: ago(1), title: 'Readable event' },
        { id: 'e2', kind: 'alert', time: 'last Tuesday', title: 'Odd event' },
      ],
      getInsights: async () => [
        { id: 'i1', title: 'Connections', columns: [{ name: 'Computer' }, { name: 'Count', type: 'number' }], rows: [['WS-1', 3], 'not a row', ['WS-2', { n: 4 }]] },
        { id: 'i2', title: 'Broken insight', columns: 'nope' },
      ],
      getThreatIntel: async () => ({ counts: { passiveDns: 2 } }),
      listThreatIntel: async () => ({ items: [{ hostname: 'a.example', lastSeen: ago(2) }, { lastSeen: ago(3) }], total: 2 }),
      listDeviceEvents: async () => [{ timestamp: ago(2), actionType: 'DnsQuery' }, { actionType: 'ConnectionSuccess' }],
    });
    const sentinel = await fixture<HTMLElement>(html`<ip-sentinel-events ip=${IP} .provider=${provider}></ip-sentinel-events>`);
    await waitUntil(() => deepText(sentinel).includes('Readable event') && deepText(sentinel).includes('WS-2'), `timeline and insights: ${deepText(sentinel).slice(0, 300)}`, { timeout: 10_000 });
    const text = deepText(sentinel);
    expect(text).to.contain('Could not be read').and.contain('This row could not be read: time: expected a date and time');
    expect(text).to.contain('This row could not be read: expected a list, got “not a row”');
    expect(text, 'a dynamic value shows as its JSON').to.contain('{"n":4}');
    expect(text, 'the broken insight fails alone').to.contain('Broken insight').and.contain('columns: expected a list');
    await expect(sentinel).to.be.accessible();

    fixtureCleanup();
    const intel = await fixture<HTMLElement>(html`<ip-threat-intel ip=${IP} .provider=${provider}></ip-threat-intel>`);
    await waitUntil(() => deepText(intel).includes('a.example') && deepText(intel).includes('could not be read'), `intel: ${deepText(intel).slice(0, 300)}`, { timeout: 10_000 });
    expect(deepText(intel)).to.contain('This row could not be read: hostname: expected text, got missing');

    fixtureCleanup();
    const withEvents = withOverrides(staticProvider(), { listDeviceEvents: provider.listDeviceEvents });
    const devices = await fixture<HTMLElement>(html`<ip-observed-devices ip=${IP} .provider=${withEvents}></ip-observed-devices>`);
    const first = await waitUntil(() => devices.shadowRoot!.querySelector('[part="device"]'), `devices: ${deepText(devices).slice(0, 300)}`, { timeout: 10_000 }).then(() => devices.shadowRoot!.querySelector<HTMLElement>('[part="device"]')!);
    first.click();
    await waitUntil(() => devices.shadowRoot!.querySelectorAll('[part="event"]').length === 2, 'the timeline', { timeout: 10_000 });
    const events = [...devices.shadowRoot!.querySelectorAll('[part="event"]')].map((e) => deepText(e));
    expect(events.some((t) => t.includes('This row could not be read: timestamp: expected a date and time'))).to.equal(true);
    expect(events.some((t) => t.includes('Dns Query'))).to.equal(true);
  });

  it('export writes the readable rows as they are and the unreadable one as such', async () => {
    const fields = [{ key: "id", label: "Id", text: (a: { id: string; title: string }) => a.id }, { key: "title", label: "Title", text: (a: { id: string; title: string }) => a.title }];
    const items = [{ id: 'a1', title: 'One' }, { id: '\u0000[1]', title: '', unreadable: { reason: 'id: too long', raw: '{"id":"x"}' } }];
    const csv = await exportText('csv', fields, (async function* () {
      yield { items, done: 2, total: 2 };
    })());
    expect(csv.split('\r\n').slice(1, 3)).to.deep.equal(['a1,One', 'Row could not be read: id: too long,']);
    const json = JSON.parse(await exportText('json', fields, (async function* () {
      yield { items, done: 2, total: 2 };
    })())) as unknown[];
    expect(json).to.deep.equal([{ id: 'a1', title: 'One' }, { unreadable: { reason: 'id: too long', raw: '{"id":"x"}' } }]);
  });
});
