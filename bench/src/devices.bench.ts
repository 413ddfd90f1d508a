/**
 * <ip-observed-devices>: (1) time from the provider's answer of 100 devices to the rows painted;
 * (2) time from expanding a device with 1,000 timeline events to its event rows painted. The
 * provider answers from memory with no latency, so the time is the element's. Baselines in the
 * same page: a bare Lit element rendering the same rows as plain text without virtualization
 * (what rendering the data at all costs).
 */
import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '../../src/components/observed-devices/ip-observed-devices.js';
import type { IpObservedDevices } from '../../src/components/observed-devices/observed-devices.js';
import type { DeviceEvent, ObservedDevice } from '../../src/data/model.js';
import type { DeviceQuery, Page, RequestOptions } from '../../src/data/provider.js';
import type { TimeRange } from '../../src/lib/time-range.js';
import { IpDataset } from '../../mocks/generator/dataset.js';
import { frame, publish, stubProvider, until, type BenchCase } from './harness.js';

const NOW = Date.now();
const RUNS = 15;
const IPS = ['198.51.100.23', '198.51.100.99'];
const datasets = new Map(IPS.map((ip) => [ip, new IpDataset(ip, { now: NOW })]));
const pages = new Map<string, Page<ObservedDevice>>();
for (const [ip, ds] of datasets) {
  const all = ds.devices();
  pages.set(ip, { items: all.slice(0, 100), total: all.length });
}
// 1,000 events for the first device of each IP (the generator's busy device has about that many).
const events = new Map<string, DeviceEvent[]>();
for (const [ip, ds] of datasets) {
  const device = pages.get(ip)!.items[0]!;
  const own = ds.deviceEvents(device.id) ?? [];
  const list: DeviceEvent[] = [];
  for (let i = 0; i < 1000; i++) {
    const e = own[i % Math.max(1, own.length)] ?? device.lastEvent;
    list.push({ ...e, id: `b${i}`, timestamp: new Date(NOW - (1000 - i) * 60_000).toISOString() });
  }
  events.set(device.id, list);
}

const provider = stubProvider({
  listObservedDevices: async (ip: string, _q: DeviceQuery, _o: RequestOptions) => pages.get(ip)!,
  listDeviceEvents: async (_ip: string, id: string, _r: TimeRange, _o: RequestOptions) => events.get(id) ?? [],
});

class BareDevices extends LitElement {
  devices: ObservedDevice[] = [];
  expanded?: DeviceEvent[];
  override render() {
    const row = (d: ObservedDevice) => html`<div>${d.name} ${d.osPlatform} ${d.firstSeen} ${d.lastSeen} ${d.connectionCount} ${d.lastEvent.timestamp} ${d.lastEvent.actionType}
      ${d.lastEvent.direction} ${d.lastEvent.remotePort} ${d.lastEvent.initiatingProcess?.fileName} ${d.lastEvent.initiatingProcess?.commandLine}</div>`;
    return html`${repeat(this.devices.slice(0, 1), (d) => d.id, row)}
      ${this.expanded ? repeat(this.expanded, (e) => e.id, (e) => html`<div>${e.timestamp} ${e.actionType} ${e.direction} ${e.remotePort} ${e.initiatingProcess?.fileName}</div>`) : ''}
      ${repeat(this.devices.slice(1), (d) => d.id, row)}`;
  }
}
customElements.define('bare-devices', BareDevices);



const firstName = (el: IpObservedDevices) => el.shadowRoot!.querySelector('.row.device .name .truncate')?.textContent;

async function main() {
  const el = document.createElement('ip-observed-devices') as IpObservedDevices;
  const style = document.createElement('style');
  style.textContent = 'ip-observed-devices { display: block; height: 760px; }';
  document.head.append(style);
  el.provider = provider;
  el.range = '180d';
  document.body.append(el);
  const bare = document.createElement('bare-devices') as BareDevices;
  document.body.append(bare);

  const list: BenchCase = { name: '100 devices: answer → rows painted', samples: [], baseline: [], baselineName: 'bare Lit, 100 rows', targetMs: 30 };
  const expand: BenchCase = { name: 'expand a device with 1,000 events → rows painted', samples: [], baseline: [], baselineName: 'bare Lit, 1,000 rows', targetMs: 50 };

  for (let r = 0; r < RUNS + 2; r++) {
    const ip = IPS[r % IPS.length]!;
    const page = pages.get(ip)!;
    const expected = page.items[0]!.name;
    // List: the provider answers synchronously-resolved; time from setting the IP.
    await frame();
    let t0 = performance.now();
    el.ip = ip;
    await until(() => firstName(el) === expected && el.shadowRoot!.querySelectorAll('.row.device').length > 5);
    await frame();
    const listMs = performance.now() - t0;

    await frame();
    t0 = performance.now();
    bare.expanded = undefined;
    bare.devices = page.items;
    bare.requestUpdate();
    await bare.updateComplete;
    await frame();
    const bareListMs = performance.now() - t0;

    // Expand the first device.
    await frame();
    t0 = performance.now();
    el.toggleDevice(page.items[0]!.id, true);
    await until(() => el.shadowRoot!.querySelectorAll('.row.event').length > 5);
    await frame();
    const expandMs = performance.now() - t0;

    await frame();
    t0 = performance.now();
    bare.expanded = events.get(page.items[0]!.id)!;
    bare.requestUpdate();
    await bare.updateComplete;
    await frame();
    const bareExpandMs = performance.now() - t0;

    el.toggleDevice(page.items[0]!.id, false);
    if (r >= 2) {
      // The first two runs warm up (JIT, first render of each row template).
      list.samples.push(listMs);
      list.baseline!.push(bareListMs);
      expand.samples.push(expandMs);
      expand.baseline!.push(bareExpandMs);
    }
  }
  publish({
    description: '<ip-observed-devices>, in-memory provider with no latency; baselines: a bare Lit element rendering the same rows as text, without virtualization',
    cases: [list, expand],
    notes: [`DOM rows after load: ${el.shadowRoot!.querySelectorAll('.row').length} of 100 (virtualized)`],
  });
}

void main();
