/**
 * The fault suite: every provider method the page reads, driven through the ways a backend fails
 * — it throws, never answers (and the IP changes), answers out of order (the older answer last),
 * answers garbage, answers hostile strings. For each: only that block shows its error, Retry
 * works, nothing stale is shown, nothing typed is lost, nothing hostile runs.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import { IpDataError } from '../../src/data/errors.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import type { StaticIpData } from '../../src/providers/static/static-provider.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { deepQuery, deepQueryAll, deepText, waitUntil } from '../helpers/dom.js';
import { fullData, withOverrides } from '../helpers/providers.js';
import { makeAlert, makeDevice } from '../helpers/fixtures.js';

const A = '203.0.113.7';
const B = '198.51.100.23';
const NOW = Date.now();
const ago = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

function dataFor(tag: 'A' | 'B', org: string, opens: number, total: number): StaticIpData {
  const base = fullData(NOW);
  return {
    ...base,
    details: { ...base.details, organization: org, isp: org, whois: { ...base.details!.whois, organization: org } },
    summary: {
      openIncidents: opens,
      activeAlerts: opens + 1,
      incidentsBySeverity: { high: 1, medium: 0, low: 0, informational: 0 },
      alertsBySeverity: { high: 1, medium: 1, low: 0, informational: 0 },
      organizationPrevalence: total,
      firstSeen: ago(400),
      lastSeen: ago(1),
    },
    prevalence: { bucket: 'day', buckets: [{ start: ago(48), devices: total }, { start: ago(24), devices: total }], totalDevices: total, alertMarks: [], firstSeen: ago(400), lastSeen: ago(1) },
    logActivity: { ...base.logActivity!, sources: [{ source: `${tag}-Firewall-Log`, firstSeen: ago(300), lastSeen: ago(2), count: 12 }] },
    alerts: [makeAlert({ id: `${tag}-1`, title: `${tag}-only alert`, lastActivity: ago(2), firstActivity: ago(3) })],
    devices: [makeDevice({ id: `${tag}-dev`, name: `${tag}-DEVICE`, lastSeen: ago(2), firstSeen: ago(40) })],
    timeline: [{ id: `${tag}-t1`, kind: 'activity', time: ago(3), title: `${tag} timeline event`, source: 'CommonSecurityLog' }],
    insights: [{ id: `${tag}-i1`, title: `${tag} insight`, query: 'x', language: 'kql-sentinel', columns: [{ name: 'Host', type: 'string' }], rows: [[`${tag}-host`]] }],
  };
}

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> \u202Egpj.exe =cmd|\' /C calc\'!A0';
const KEEP = new Set(['id', 'ip', 'kind', 'time', 'timestamp', 'firstSeen', 'lastSeen', 'firstActivity', 'lastActivity', 'start', 'createdAt', 'bucket', 'severity', 'status', 'classification', 'language', 'type', 'actionType', 'direction', 'incidentId', 'alertId', 'lastHeartbeat', 'created', 'updated']);

/** The answer with every text a person reads replaced by hostile strings, and links by `javascript:`. */
function hostilize(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return KEEP.has(key) ? value : /url|href/i.test(key) ? 'javascript:window.__pwned=1' : HOSTILE;
  if (Array.isArray(value)) return value.map((v) => hostilize(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostilize(v, k)]));
  return value;
}

type Fault = 'throw' | 'hang' | 'late' | 'malformed' | 'hostile';

interface Held {
  ip: string;
  signal: AbortSignal;
  release: () => void;
}

/** The static provider, with one method misbehaving for IP A as `fault` says. */
function faulty(method: string, fault: Fault) {
  const base = new StaticIpDataProvider({ data: { [A]: dataFor('A', 'Northwind Cloud Hosting B.V.', 31, 123), [B]: dataFor('B', 'Contoso Relay Ltd', 77, 456) }, sentinel: true });
  const state = { fault: fault as Fault | undefined, held: [] as Held[] };
  const real = (base as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!.bind(base);
  const provider = withOverrides(base, {
    [method]: async (...args: unknown[]) => {
      const ip = args[0] as string;
      const o = args.at(-1) as { signal: AbortSignal };
      if (ip !== A || !state.fault) return real(...args);
      switch (state.fault) {
        case 'throw':
          throw new IpDataError('unavailable', `Injected failure in ${method}.`);
        case 'hang':
          return new Promise(() => state.held.push({ ip, signal: o.signal, release: () => undefined }));
        case 'late': {
          // Answers, but only after the test releases it (after the newer request answered).
          await new Promise<void>((resolve) => state.held.push({ ip, signal: o.signal, release: resolve }));
          return real(...args.slice(0, -1), { signal: new AbortController().signal });
        }
        case 'malformed':
          return /^(list|get(Timeline|Insights))/.test(method) && method !== 'listAlerts' && method !== 'listObservedDevices' ? 'not a list' : { nonsense: [1, 2, 3], sources: 'not a list' };
        case 'hostile':
          return hostilize(await real(...args));
      }
    },
  } as Partial<Record<keyof IpDataProvider, unknown>>);
  return { provider, state };
}

interface Scenario {
  method: string;
  tab: 'overview' | 'alerts' | 'devices' | 'sentinel';
  /** The block that shows this method's answer. */
  block: (page: IpEntityPage) => Element | null;
  /** What the block shows for IP A and for IP B. */
  a: string;
  b: string;
}

const inOverview = (part: string) => (page: IpEntityPage) => deepQuery(page, `ip-overview`)?.shadowRoot?.querySelector(`[part="${part}"]`) ?? null;
const inSentinel = (part: string) => (page: IpEntityPage) => deepQuery(page, 'ip-sentinel-events')?.shadowRoot?.querySelector(`[part="${part}"]`) ?? null;

const SCENARIOS: Scenario[] = [
  { method: 'getIpDetails', tab: 'overview', block: inOverview('details'), a: 'Northwind Cloud Hosting B.V.', b: 'Contoso Relay Ltd' },
  { method: 'getSecuritySummary', tab: 'overview', block: inOverview('security-info'), a: '31', b: '77' },
  { method: 'getLogActivity', tab: 'overview', block: inOverview('log-activity'), a: 'A-Firewall-Log', b: 'B-Firewall-Log' },
  { method: 'getPrevalence', tab: 'overview', block: (p) => deepQuery(p, 'ip-prevalence-chart'), a: '123', b: '456' },
  { method: 'listAlerts', tab: 'alerts', block: (p) => deepQuery(p, 'ip-alerts-list'), a: 'A-only alert', b: 'B-only alert' },
  { method: 'listObservedDevices', tab: 'devices', block: (p) => deepQuery(p, 'ip-observed-devices'), a: 'A-DEVICE', b: 'B-DEVICE' },
  { method: 'getTimeline', tab: 'sentinel', block: inSentinel('timeline'), a: 'A timeline event', b: 'B timeline event' },
  { method: 'getInsights', tab: 'sentinel', block: inSentinel('insights'), a: 'A insight', b: 'B insight' },
];

/** The other blocks of the same tab, which must keep working. */
const neighbours = (s: Scenario) => SCENARIOS.filter((o) => o.tab === s.tab && o !== s);

async function mount(s: Scenario, provider: IpDataProvider): Promise<{ page: IpEntityPage; search: HTMLInputElement }> {
  const page = await fixture<IpEntityPage>(html`<ip-entity-page ip=${A} tab=${s.tab} actions="none" .provider=${provider}></ip-entity-page>`);
  // Something the analyst is typing (not submitted): no fault may wipe it.
  const search = page.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
  search.value = '192.0.2.';
  search.dispatchEvent(new Event('input'));
  return { page, search };
}

const text = (el: Element | null) => (el ? deepText(el) : '');

async function blockShows(s: Scenario, page: IpEntityPage, wanted: string | RegExp, what: string) {
  await waitUntil(() => {
    const t = text(s.block(page));
    return typeof wanted === 'string' ? t.includes(wanted) : wanted.test(t);
  }, `${s.method} (${what}): the block did not show “${String(wanted)}”`);
}

async function neighboursWork(s: Scenario, page: IpEntityPage) {
  for (const n of neighbours(s)) await blockShows(n, page, n.a, `neighbour of ${s.method}`);
}

async function retry(s: Scenario, page: IpEntityPage) {
  const button = deepQueryAll<HTMLButtonElement>(s.block(page)!, 'button').find((b) => b.textContent!.trim() === 'Retry');
  expect(button, `${s.method}: a Retry button`).to.exist;
  button!.click();
}

describe('fault suite: every section alone, whatever its provider method does', () => {
  afterEach(() => {
    delete (window as unknown as { __pwned?: number }).__pwned;
  });

  for (const s of SCENARIOS) {
    describe(s.method, () => {
      it('throws: only its block shows the error; Retry works', async () => {
        const { provider, state } = faulty(s.method, 'throw');
        const { page, search } = await mount(s, provider);
        await blockShows(s, page, `Injected failure in ${s.method}.`, 'error');
        await neighboursWork(s, page);
        state.fault = undefined;
        await retry(s, page);
        await blockShows(s, page, s.a, 'after Retry');
        expect(search.value).to.equal('192.0.2.');
      });

      it('never answers, then the IP changes: the new IP shows, the old request is aborted', async () => {
        const { provider, state } = faulty(s.method, 'hang');
        const { page, search } = await mount(s, provider);
        await waitUntil(() => state.held.length > 0, `${s.method}: asked`);
        page.ip = B;
        await blockShows(s, page, s.b, 'new IP');
        expect(state.held.every((h) => h.signal.aborted), 'the old request was aborted').to.equal(true);
        expect(text(s.block(page))).to.not.contain(s.a);
        expect(search.value).to.equal('192.0.2.');
      });

      it('answers out of order: the older answer arriving last is never shown', async () => {
        const { provider, state } = faulty(s.method, 'late');
        const { page } = await mount(s, provider);
        await waitUntil(() => state.held.length > 0, `${s.method}: asked`);
        page.ip = B;
        await blockShows(s, page, s.b, 'new IP');
        for (const h of state.held) h.release();
        await new Promise((r) => setTimeout(r, 100));
        await page.updateComplete;
        expect(text(s.block(page))).to.contain(s.b);
        expect(text(s.block(page))).to.not.contain(s.a);
      });

      it('answers garbage: its block names the method; the others work; Retry works', async () => {
        const { provider, state } = faulty(s.method, 'malformed');
        const { page, search } = await mount(s, provider);
        await blockShows(s, page, new RegExp(`cannot read: ${s.method}`), 'bad-response');
        await neighboursWork(s, page);
        state.fault = undefined;
        await retry(s, page);
        await blockShows(s, page, s.a, 'after Retry');
        expect(search.value).to.equal('192.0.2.');
      });

      it('answers hostile strings: shown as text, nothing runs, no unsafe link', async () => {
        const { provider } = faulty(s.method, 'hostile');
        const { page } = await mount(s, provider);
        await waitUntil(() => deepQueryAll(page, '[aria-busy="true"]').length === 0, `${s.method}: settled`);
        await new Promise((r) => setTimeout(r, 50));
        expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
        expect(deepQueryAll(page, 'script').length, 'no script element from data').to.equal(0);
        expect(deepQueryAll(page, 'img[src="x"]').length, 'no image element from data').to.equal(0);
        expect(deepQueryAll(page, 'a[href^="javascript:" i]').length, 'no javascript: link').to.equal(0);
        // The right-to-left override shows as a mark, never as the invisible character.
        expect(text(s.block(page)), 'bidi override shown as a mark').to.not.contain('\u202E');
        await neighboursWork(s, page);
      });
    });
  }
});
