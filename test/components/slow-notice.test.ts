import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/slow-notice/ip-slow-notice.js';
import '../../src/components/overview/ip-overview.js';
import '../../src/components/observed-devices/ip-observed-devices.js';
import type { IpObservedDevices } from '../../src/components/observed-devices/observed-devices.js';
import { IpSlowNotice } from '../../src/components/slow-notice/slow-notice.js';
import type { IpOverview } from '../../src/components/overview/overview.js';
import { deepQuery, deepText, waitUntil } from '../helpers/dom.js';
import { manualProvider, staticProvider, withOverrides } from '../helpers/providers.js';

describe('<ip-slow-notice>', () => {
  it('says nothing at first, then that the source is still loading, how long so far, and offers Cancel', async () => {
    const el = await fixture<IpSlowNotice>(html`<ip-slow-notice .since=${Date.now() - 61_000} delay="120000"></ip-slow-notice>`);
    expect(el.shadowRoot!.textContent!.trim(), 'before its delay').to.equal('');
    el.delay = 60_000;
    await el.updateComplete;
    const notice = el.shadowRoot!.querySelector('[part="notice"]')!;
    expect(notice.textContent).to.contain('Still loading');
    expect(notice.querySelector('.elapsed')!.textContent, 'minutes and seconds').to.match(/^1:0[1-2]$/);
    expect(notice.querySelector('[role="status"]')!.textContent, 'the running time is not announced').to.not.match(/\d:\d\d/);
    await expect(el).to.be.accessible();
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel"]')!.click());
    const event = await oneEvent(el, 'ip-cancel-load');
    expect(event.bubbles).to.equal(true);
  });

  describe('in a section', () => {
    const before = IpSlowNotice.defaultDelay;
    beforeEach(() => (IpSlowNotice.defaultDelay = 50));
    afterEach(() => (IpSlowNotice.defaultDelay = before));

    it('lets the analyst stop waiting for a slow section, keeps the others, and Retry asks again', async () => {
      const base = staticProvider();
      let calls = 0;
      const provider = withOverrides(base, {
        getSecuritySummary: (...args: Parameters<typeof base.getSecuritySummary>) => {
          calls++;
          // The first ask never answers (a query the service is still running); it ends only when aborted.
          if (calls === 1) return new Promise((_, reject) => args[2].signal.addEventListener('abort', () => reject(args[2].signal.reason)));
          return base.getSecuritySummary(...args);
        },
      });
      const el = await fixture<IpOverview>(html`<ip-overview lang="en-US" ip="203.0.113.7" .provider=${provider}></ip-overview>`);
      const section = () => deepQuery(el, '[part="security-info"]')!;
      await waitUntil(() => section().querySelector('ip-slow-notice')?.shadowRoot?.querySelector('[part="cancel"]'), 'the slow notice shows');
      await waitUntil(() => deepText(el).includes('Northwind Cloud Hosting B.V.'), 'the other sections load');
      section().querySelector('ip-slow-notice')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel"]')!.click();
      await waitUntil(() => deepText(section()).includes('You stopped waiting'), 'the section says it stopped waiting');
      const retry = [...section().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Retry')!;
      retry.click();
      await waitUntil(() => deepText(section()).includes('Open incidents'), 'Retry asks again and shows the answer');
      expect(calls).to.equal(2);
      await expect(el).to.be.accessible();
    });

    it('is created only a second before it speaks, so a quick load never builds one', async () => {
      IpSlowNotice.defaultDelay = 3_000;
      const { provider, pending } = manualProvider();
      const el = await fixture<IpObservedDevices>(html`<ip-observed-devices lang="en-US" ip="203.0.113.7" .provider=${provider}></ip-observed-devices>`);
      await waitUntil(() => pending.some((c) => c.method === 'listObservedDevices'), 'the load asks');
      const started = performance.now();
      const element = () => el.shadowRoot!.querySelector('ip-slow-notice');
      expect(element(), 'no notice element while the load is young').to.equal(null);
      expect(el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the list says it is loading').to.not.equal(null);
      await waitUntil(element, 'the notice is created as its time comes');
      expect(performance.now() - started, 'not long before its delay').to.be.greaterThan(1_000);
      expect(element()!.shadowRoot?.querySelector('[part="notice"]') ?? null, 'created a second early, it says nothing yet').to.equal(null);
      await waitUntil(() => element()!.shadowRoot?.querySelector('[part="notice"]'), 'then it speaks');
      expect(performance.now() - started, 'at its delay').to.be.greaterThan(2_000);
    });

    it('counts each load from its own start, not from an earlier one', async () => {
      IpSlowNotice.defaultDelay = 300;
      const { provider, pending } = manualProvider();
      const el = await fixture<IpObservedDevices>(html`<ip-observed-devices lang="en-US" ip="203.0.113.7" .provider=${provider}></ip-observed-devices>`);
      const notice = () => el.shadowRoot!.querySelector('ip-slow-notice')?.shadowRoot?.querySelector('[part="notice"]');
      await waitUntil(() => pending.some((c) => c.method === 'listObservedDevices'), 'the first load asks');
      await waitUntil(notice, 'the first, slow load says so');
      pending.find((c) => c.method === 'listObservedDevices')!.resolve({ items: [], total: 0 });
      await waitUntil(() => !el.shadowRoot!.querySelector('ip-slow-notice'), 'the first load ends');
      el.ip = '198.51.100.1';
      await waitUntil(() => pending.some((c) => c.method === 'listObservedDevices'), 'the second load asks');
      await el.updateComplete;
      await aTimeout(50);
      expect(Boolean(notice()), 'a load just begun says nothing yet').to.equal(false);
      await waitUntil(notice, 'until it too takes a while');
    });
  });
});
