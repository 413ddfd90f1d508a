import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/dom.js';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import { fullData, recording, staticProvider, withOverrides } from '../helpers/providers.js';

interface Held {
  method: string;
  signal: AbortSignal;
  /** The methods already asked when this one was. */
  askedBefore: string[];
  answer(value: unknown): void;
}

/** A provider that answers nothing until the test says so, recording what was asked before what. */
function heldProvider(methods: string[]): { provider: IpDataProvider; held: Held[] } {
  const held: Held[] = [];
  const provider: Record<string, unknown> = {};
  for (const method of methods) {
    provider[method] = (...args: unknown[]) =>
      new Promise((resolve) => {
        const signal = (args.at(-1) as { signal: AbortSignal }).signal;
        held.push({ method, signal, askedBefore: held.map((h) => h.method), answer: resolve });
      });
  }
  return { provider: provider as unknown as IpDataProvider, held };
}

const OVERVIEW = ['getCapabilities', 'getIpDetails', 'getSecuritySummary', 'getLogActivity', 'getPrevalence', 'getThreatIntel'];

describe('<ip-entity-page>: the first screen asks in one round trip', () => {
  it('asks for the prevalence and the reputation with the overview, before any answer or the chart’s code', async () => {
    const { provider, held } = heldProvider(OVERVIEW);
    await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page>`);
    await waitUntil(() => held.some((h) => h.method === 'getSecuritySummary'), 'the overview asks');
    const summary = held.find((h) => h.method === 'getSecuritySummary')!;
    // Nothing has answered: the chart's question left no later than the overview's own.
    expect(summary.askedBefore).to.include.members(['getPrevalence', 'getCapabilities']);
    // The capabilities are still out (a server's): the badge's question does not wait for them.
    await waitUntil(() => held.some((h) => h.method === 'getThreatIntel'), 'the reputation is asked');
    expect(held.every((h) => h.signal.aborted === false)).to.equal(true);
  });

  it('asks the data source once: the chart and the badge join the questions in flight', async () => {
    const data = { ...fullData(), threatIntel: { summary: { counts: {}, reputation: { classification: 'malicious', score: 83, rules: [] } } } };
    const { provider, calls } = recording(staticProvider({ '203.0.113.7': data }));
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('ip-overview')?.shadowRoot?.querySelector('ip-prevalence-chart')?.shadowRoot?.querySelector('.chart'), 'the chart draws', { timeout: 10000 });
    await waitUntil(() => el.shadowRoot!.querySelector('ip-reputation-badge')?.shadowRoot?.textContent?.includes('83'), 'the badge shows');
    expect(calls.filter((c) => c.method === 'getPrevalence')).to.have.length(1);
    expect(calls.filter((c) => c.method === 'getThreatIntel')).to.have.length(1);
  });

  it('calls off the reputation when the capabilities say there is no threat intelligence', async () => {
    const { provider, held } = heldProvider(OVERVIEW);
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page>`);
    await waitUntil(() => held.some((h) => h.method === 'getThreatIntel') && held.some((h) => h.method === 'getCapabilities'), 'asked');
    const intel = held.find((h) => h.method === 'getThreatIntel')!;
    expect(intel.signal.aborted).to.equal(false);
    held.find((h) => h.method === 'getCapabilities')!.answer({ threatIntel: false });
    await waitUntil(() => intel.signal.aborted, 'the reputation request is aborted');
    expect(el.shadowRoot!.querySelector('ip-reputation-badge')).to.equal(null);
  });

  it('asks nothing for the chart when another tab is open, and nothing for a provider without threat intelligence', async () => {
    const base = staticProvider();
    const { provider, calls } = recording(withOverrides(base, { getThreatIntel: undefined, listThreatIntel: undefined }));
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" tab="alerts" .provider=${provider}></ip-entity-page>`);
    await waitUntil(() => calls.some((c) => c.method === 'listAlerts'), 'the alerts tab asks', { timeout: 10000 });
    expect(calls.map((c) => c.method)).to.not.include.members(['getPrevalence']);
    expect(calls.map((c) => c.method)).to.not.include('getThreatIntel');
    // Back on the Overview, the chart asks once.
    el.tab = 'overview';
    await waitUntil(() => calls.some((c) => c.method === 'getPrevalence'), 'the overview asks for the prevalence');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.filter((c) => c.method === 'getPrevalence')).to.have.length(1);
  });

  it('calls off what it asked when the IP changes, and asks for the new one', async () => {
    const { provider, held } = heldProvider(OVERVIEW);
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page>`);
    await waitUntil(() => held.some((h) => h.method === 'getPrevalence') && held.some((h) => h.method === 'getThreatIntel'), 'asked');
    const first = held.filter((h) => h.method === 'getPrevalence' || h.method === 'getThreatIntel');
    el.ip = '198.51.100.23';
    await waitUntil(() => first.every((h) => h.signal.aborted), 'the old IP’s questions are aborted');
    await waitUntil(() => held.filter((h) => h.method === 'getThreatIntel').length === 2, 'the new IP’s reputation is asked');
  });
});
