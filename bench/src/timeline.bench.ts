/**
 * <ip-sentinel-events>: time from setting the IP to the first timeline rows painted, with 10,000
 * events answered from memory without latency (sorting, grouping by day and the virtualized
 * render are the element's). Baseline in the same page: a bare Lit element rendering the same
 * 10,000 events as plain rows, without grouping or virtualization.
 */
import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '../../src/components/sentinel-events/ip-sentinel-events.js';
import type { IpSentinelEvents } from '../../src/components/sentinel-events/sentinel-events.js';
import type { TimelineEvent } from '../../src/data/model.js';
import { frame, publish, stubProvider, until, type BenchCase } from './harness.js';

const NOW = Date.now();
const RUNS = 15;
const IPS = ['198.51.100.23', '198.51.100.24'];
const KINDS = ['alert', 'activity', 'activity', 'bookmark', 'anomaly'];

function events(seed: number): TimelineEvent[] {
  return Array.from({ length: 10_000 }, (_, i) => ({
    id: `e${seed}-${i}`,
    kind: KINDS[(i * 7 + seed) % KINDS.length]!,
    // Shuffled times: the element sorts them.
    time: new Date(NOW - (((i * 7919) % 10_000) + 1) * 90_000).toISOString(),
    title: `IP address remote connections: ${(i * 31) % 300} connections from ${(i % 12) + 1} hosts (${seed})`,
    source: i % 2 ? 'DeviceNetworkEvents' : 'CommonSecurityLog',
    severity: i % 5 === 0 ? 'high' : undefined,
    description: i % 3 === 0 ? 'Score 0.82 against a 30-day baseline.' : undefined,
  }));
}
const data = new Map(IPS.map((ip, k) => [ip, events(k)]));

const provider = stubProvider({
  getTimeline: async (ip: string) => data.get(ip)!,
});

class BareTimeline extends LitElement {
  events: TimelineEvent[] = [];
  override render() {
    return html`${repeat(this.events, (e) => e.id, (e) => html`<div>${e.time} ${e.kind} ${e.title} ${e.source ?? ''} ${e.description ?? ''}</div>`)}`;
  }
}
customElements.define('bare-timeline', BareTimeline);


async function main() {
  const el = document.createElement('ip-sentinel-events') as IpSentinelEvents;
  el.provider = provider;
  el.range = '30d';
  el.sections = 'timeline';
  document.body.append(el);
  let bare = document.createElement('bare-timeline') as BareTimeline;
  document.body.append(bare);
  const c: BenchCase = { name: '10,000 timeline events: set ip → first rows painted', samples: [], baseline: [], baselineName: 'bare Lit, 10,000 plain rows', targetMs: 60 };
  for (let r = 0; r < RUNS + 2; r++) {
    const ip = IPS[r % IPS.length]!;
    const marker = `(${r % IPS.length})`;
    await frame();
    let t0 = performance.now();
    el.ip = ip;
    await until(() => {
      const first = el.shadowRoot!.querySelector('.event .title');
      return Boolean(first?.textContent?.endsWith(marker)) && el.shadowRoot!.querySelectorAll('.event').length > 5;
    });
    await frame();
    const ms = performance.now() - t0;
    // The baseline renders into a new, empty element each run. Emptying the last one first (its
    // 10,000 keyed rows taken out one by one, outside the timed part) took minutes while the
    // element's styles had a :has() rule, which made every removal in the page costlier (51ff91f).
    bare.remove();
    bare = document.createElement('bare-timeline') as BareTimeline;
    document.body.append(bare);
    await frame();
    t0 = performance.now();
    bare.events = data.get(ip)!;
    bare.requestUpdate();
    await bare.updateComplete;
    await frame();
    const bareMs = performance.now() - t0;
    if (r >= 2) {
      c.samples.push(ms);
      c.baseline!.push(bareMs);
    }
  }
  publish({
    description: '<ip-sentinel-events> timeline, in-memory provider with no latency; baseline: bare Lit rendering every event as a row',
    cases: [c],
    notes: [`DOM rows: ${el.shadowRoot!.querySelectorAll('.event, .day').length} of ${data.get(IPS[0]!)!.length} events plus day headings`],
  });
}

void main();
