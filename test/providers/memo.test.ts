import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpOverview } from '../../src/components/overview/overview.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import { guardProvider } from '../../src/providers/guard.js';
import { forgetAnswers, memoizeProvider } from '../../src/providers/memo.js';
import { deepText, waitUntil } from '../helpers/dom.js';
import { manualProvider, recording, staticProvider } from '../helpers/providers.js';

const DAY = 86_400_000;
/** The last 30 days, as the fixtures (built relative to the page's clock) have them. */
const RANGE = { from: new Date(Date.now() - 30 * DAY), to: new Date(Date.now() + DAY) };
const options = (controller = new AbortController()) => ({ signal: controller.signal });
const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError';

describe('providers/memo', () => {
  it('asks the data source once for the same question, in flight or answered', async () => {
    const { provider, calls } = recording(staticProvider());
    const memo = memoizeProvider(provider);
    const [a, b] = await Promise.all([memo.getSecuritySummary('203.0.113.7', RANGE, options()), memo.getSecuritySummary('203.0.113.7', RANGE, options())]);
    expect(a).to.deep.equal(b);
    await memo.getSecuritySummary('203.0.113.7', { from: new Date(RANGE.from), to: new Date(RANGE.to) }, options());
    expect(calls.filter((c) => c.method === 'getSecuritySummary')).to.have.length(1);
    // Another range is another question; so is another query, whatever the order of its keys.
    await memo.getSecuritySummary('203.0.113.7', { from: new Date(RANGE.from.getTime() + 19 * DAY), to: RANGE.to }, options());
    await memo.listAlerts('203.0.113.7', { range: RANGE, offset: 0, limit: 10 }, options());
    await memo.listAlerts('203.0.113.7', { limit: 10, offset: 0, range: RANGE }, options());
    await memo.listAlerts('203.0.113.7', { range: RANGE, offset: 10, limit: 10 }, options());
    expect(calls.map((c) => c.method)).to.deep.equal(['getSecuritySummary', 'getSecuritySummary', 'listAlerts', 'listAlerts']);
  });

  it('lets one caller leave without cancelling the request the others wait on', async () => {
    const { provider, pending } = manualProvider();
    const memo = memoizeProvider(provider);
    const leaving = new AbortController();
    const first = memo.getIpDetails('203.0.113.7', options(leaving));
    const second = memo.getIpDetails('203.0.113.7', options());
    expect(pending).to.have.length(1);
    leaving.abort();
    expect(await first.then(() => 'answered', (e: unknown) => (isAbort(e) ? 'aborted' : 'failed'))).to.equal('aborted');
    expect(pending[0]!.signal.aborted).to.equal(false);
    pending[0]!.resolve({ ip: '203.0.113.7' });
    expect(await second).to.deep.equal({ ip: '203.0.113.7' });
  });

  it('aborts the request when every caller has left, and asks again for the next', async () => {
    const { provider, pending, all } = manualProvider();
    const memo = memoizeProvider(provider);
    const a = new AbortController();
    const b = new AbortController();
    const asks = [memo.getPrevalence('203.0.113.7', RANGE, options(a)), memo.getPrevalence('203.0.113.7', RANGE, options(b))].map((p) => p.catch((e: unknown) => e));
    a.abort();
    b.abort();
    expect(all[0]!.signal.aborted).to.equal(true);
    for (const e of await Promise.all(asks)) expect(isAbort(e)).to.equal(true);
    void memo.getPrevalence('203.0.113.7', RANGE, options());
    expect(all).to.have.length(2);
    pending.forEach((p) => p.reject(new Error('done')));
  });

  it('never keeps a failure: the next ask tries again', async () => {
    const { provider, pending, all } = manualProvider();
    const memo = memoizeProvider(provider);
    const failed = memo.getLogActivity('203.0.113.7', RANGE, options());
    pending[0]!.reject(new Error('502 from the gateway'));
    await failed.catch(() => undefined);
    const again = memo.getLogActivity('203.0.113.7', RANGE, options());
    expect(all).to.have.length(2);
    pending[0]!.resolve({ sources: [] });
    expect(await again).to.deep.equal({ sources: [] });
  });

  it('forgets what a change makes stale, and what a section asks it to forget', async () => {
    const { provider, calls } = recording(staticProvider());
    const memo = memoizeProvider(provider);
    const count = (m: string) => calls.filter((c) => c.method === m).length;
    const page = await memo.listAlerts('203.0.113.7', { range: RANGE, offset: 0, limit: 5 }, options());
    await memo.getSecuritySummary('203.0.113.7', RANGE, options());
    await memo.updateAlerts!([page.items[0]!.id], { status: 'resolved' }, options());
    await memo.getSecuritySummary('203.0.113.7', RANGE, options());
    await memo.listAlerts('203.0.113.7', { range: RANGE, offset: 0, limit: 5 }, options());
    expect([count('getSecuritySummary'), count('listAlerts')]).to.deep.equal([2, 2]);
    forgetAnswers(memo, ['listAlerts']);
    await memo.getSecuritySummary('203.0.113.7', RANGE, options());
    await memo.listAlerts('203.0.113.7', { range: RANGE, offset: 0, limit: 5 }, options());
    expect([count('getSecuritySummary'), count('listAlerts')]).to.deep.equal([2, 3]);
  });

  it('keeps a page’s worth of answers, not a data set', async () => {
    const { provider, calls } = recording(staticProvider());
    const memo = memoizeProvider(provider);
    for (let i = 0; i < 100; i++) await memo.listAlerts('203.0.113.7', { range: RANGE, offset: i, limit: 1 }, options());
    await memo.listAlerts('203.0.113.7', { range: RANGE, offset: 99, limit: 1 }, options());
    expect(calls).to.have.length(100);
    await memo.listAlerts('203.0.113.7', { range: RANGE, offset: 0, limit: 1 }, options());
    expect(calls).to.have.length(101);
  });

  it('passes through what it does not keep, and stays the guarded provider', () => {
    const guarded = guardProvider(staticProvider());
    const memo = memoizeProvider(guarded);
    expect(guardProvider(memo)).to.equal(memo);
    expect(memoizeProvider(memo)).to.equal(memo);
    expect(memo.huntingQuery).to.equal(guarded.huntingQuery);
  });

  describe('in <ip-entity-page>', () => {
    const count = (calls: Array<{ method: string }>, m: string) => calls.filter((c) => c.method === m).length;

    it('asks for the capabilities once per page open, and the summary once whatever reads it', async () => {
      const { provider, calls } = recording(staticProvider());
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page>`);
      await waitUntil(() => deepText(el).includes('Incidents and alerts by severity') && count(calls, 'getSecuritySummary') > 0, 'overview loaded');
      el.tab = 'alerts';
      await waitUntil(() => count(calls, 'listAlerts') > 0, 'alerts listed');
      await aTimeout(100);
      expect(count(calls, 'getCapabilities')).to.equal(1);
      expect(count(calls, 'getSecuritySummary')).to.equal(1);
    });

    it('asks again after Refresh and for another IP', async () => {
      const { provider, calls } = recording(staticProvider({ '203.0.113.7': (await import('../helpers/providers.js')).fullData(), '198.51.100.7': {} }));
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page>`);
      await waitUntil(() => count(calls, 'getSecuritySummary') === 1, 'overview loaded');
      const overview = el.shadowRoot!.querySelector('ip-overview') as IpOverview;
      overview.refresh();
      await waitUntil(() => count(calls, 'getSecuritySummary') === 2, 'refreshed from the data source');
      el.ip = '198.51.100.7';
      await waitUntil(() => count(calls, 'getSecuritySummary') === 3, 'the new IP asked for');
      el.ip = '203.0.113.7';
      await waitUntil(() => count(calls, 'getSecuritySummary') === 4, 'answers for the first IP were dropped with it');
    });

    it('gives each page its own answers', async () => {
      const { provider, calls } = recording(staticProvider() as IpDataProvider);
      await fixture(html`<div><ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page><ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page></div>`);
      await waitUntil(() => count(calls, 'getSecuritySummary') === 2, 'each page asked once');
    });
  });
});
