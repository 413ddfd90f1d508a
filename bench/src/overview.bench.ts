/**
 * <ip-entity-page>: time from setting `ip` to every overview section complete and painted, with
 * the in-memory provider and no latency. Baseline in the same page: a bare Lit element that
 * makes the same four provider calls and renders the same fields as plain text (no context,
 * tasks, sections or skeletons): what the architecture costs over the minimum.
 */
import { LitElement, html } from 'lit';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpDetails, LogActivity, Prevalence, SecuritySummary } from '../../src/data/model.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import { StaticIpDataProvider, type StaticIpData } from '../../src/providers/static/static-provider.js';
import { resolveRange } from '../../src/lib/time-range.js';
import { IpDataset } from '../../mocks/generator/dataset.js';
import { publish, type BenchCase } from './harness.js';

const NOW = Date.now();
const IPS = ['203.0.113.7', '198.51.100.7', '203.0.113.8', '198.51.100.8'];

function dataFor(ip: string): StaticIpData {
  const ds = new IpDataset(ip, { now: NOW });
  const range = resolveRange('180d');
  return {
    details: ds.details(),
    logActivity: ds.logActivity(range),
    alerts: Array.from({ length: ds.alertCount }, (_, i) => ds.alert(i)),
    devices: ds.devices(),
  };
}

const provider = new StaticIpDataProvider({ data: Object.fromEntries(IPS.map((ip) => [ip, dataFor(ip)])) });

class BareOverview extends LitElement {
  provider?: IpDataProvider;
  data?: [IpDetails, SecuritySummary, LogActivity, Prevalence];
  async show(ip: string): Promise<void> {
    const o = { signal: new AbortController().signal };
    const range = resolveRange('30d');
    this.data = await Promise.all([
      this.provider!.getIpDetails(ip, o),
      this.provider!.getSecuritySummary(ip, range, o),
      this.provider!.getLogActivity(ip, range, o),
      this.provider!.getPrevalence(ip, range, o),
    ]);
    this.requestUpdate();
    await this.updateComplete;
  }
  override render() {
    if (!this.data) return html``;
    const [d, s, l, p] = this.data;
    return html`<div>${s.openIncidents} ${s.activeAlerts} ${Object.values(s.alertsBySeverity).join(' ')}</div>
      <dl><dt>Org</dt><dd>${d.organization}</dd><dt>ASN</dt><dd>${d.asn}</dd><dt>City</dt><dd>${d.city}</dd></dl>
      <ul>${d.reverseDns.map((n) => html`<li>${n}</li>`)}</ul>
      <table>${l.sources.map((x) => html`<tr><td>${x.source}</td><td>${x.firstSeen}</td><td>${x.lastSeen}</td></tr>`)}</table>
      <p>${p.totalDevices}</p>`;
  }
}
customElements.define('bare-overview', BareOverview);

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Resolves when every overview section shows content (nothing busy, nothing initial). */
function overviewComplete(page: IpEntityPage, ip: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const overview = page.shadowRoot?.querySelector('ip-overview');
      const root = overview?.shadowRoot;
      if (!root) return false;
      const sections = root.querySelectorAll('section');
      if (sections.length !== 6) return false;
      for (const s of sections) if (s.getAttribute('aria-busy') !== 'false' || s.querySelector('.skeleton')) return false;
      return page.shadowRoot!.querySelector('h1')?.textContent === ip && (root.textContent ?? '').includes('communicated');
    };
    if (check()) return resolve();
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(page, { subtree: true, childList: true, attributes: true, characterData: true });
    // Shadow roots are not observed through the host: poll each microtask burst too.
    const poll = () => (check() ? (observer.disconnect(), resolve()) : setTimeout(poll, 0));
    setTimeout(poll, 0);
  });
}

async function main() {
  const RUNS = 30;
  const page = document.createElement('ip-entity-page') as IpEntityPage;
  page.provider = provider;
  document.body.append(page);
  const bare = document.createElement('bare-overview') as BareOverview;
  bare.provider = provider;
  document.body.append(bare);
  // Warm up: first render of each element, JIT.
  for (const ip of IPS) {
    page.ip = ip;
    await overviewComplete(page, ip);
    await bare.show(ip);
  }
  const c: BenchCase = { name: 'set ip → all overview sections complete + frame', samples: [], baseline: [], targetMs: 50 };
  for (let r = 0; r < RUNS; r++) {
    const ip = IPS[r % IPS.length]!;
    await frame();
    let t0 = performance.now();
    page.ip = ip;
    await overviewComplete(page, ip);
    await frame();
    c.samples.push(performance.now() - t0);
    await frame();
    t0 = performance.now();
    await bare.show(ip);
    await frame();
    c.baseline!.push(performance.now() - t0);
  }
  publish({ description: '<ip-entity-page> overview, in-memory provider, no latency; baseline: bare Lit element with the same four calls', cases: [c] });
}

void main();
