import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import '../../src/components/observed-devices/ip-observed-devices.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpErrorEvent } from '../../src/events/events.js';
import { IpDataError } from '../../src/data/errors.js';
import { deepQuery, deepQueryAll, waitForText, waitUntil } from '../helpers/dom.js';
import { recording, staticProvider, withOverrides } from '../helpers/providers.js';

/** A static provider whose capabilities say `deviceEvents`, counting how often they are asked. */
function declaring(deviceEvents: boolean) {
  const base = staticProvider();
  const { provider, calls } = recording(
    withOverrides(base, { getCapabilities: async (o: { signal: AbortSignal }) => ({ ...(await base.getCapabilities(o)), deviceEvents }) }),
  );
  return { provider, asked: () => calls.filter((c) => c.method === 'getCapabilities').length };
}

const deviceRows = (root: Element) => deepQueryAll<HTMLElement>(root, '[role="row"][part="device"]');

describe('section base', () => {
  it('the page asks what its provider can do once, and every section follows the answer', async () => {
    const { provider, asked } = declaring(false);
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" tab="devices" .provider=${provider}></ip-entity-page>`);
    await waitForText(el, 'WS-FIN-0231', undefined, 5000);
    // The backend said no per-device timelines, though the method exists: rows do not expand.
    await waitUntil(() => deviceRows(el).length > 0 && deviceRows(el).every((r) => !r.hasAttribute('aria-expanded')), 'rows still offer to expand');
    el.tab = 'alerts';
    await waitUntil(() => deepQuery(el, 'ip-alerts-list')?.shadowRoot?.querySelector('[role="row"][aria-rowindex="2"]'), 'alerts did not render');
    el.tab = 'overview';
    await waitForText(el, 'Northwind Cloud Hosting B.V.');
    expect(asked()).to.equal(1);
  });

  it('a section alone asks its own provider what it can do, once', async () => {
    const own = declaring(true);
    const el = await fixture<HTMLElement>(html`<ip-observed-devices ip="203.0.113.7" .provider=${own.provider}></ip-observed-devices>`);
    await waitUntil(() => deviceRows(el).length > 0 && deviceRows(el).every((r) => r.getAttribute('aria-expanded') === 'false'), 'its provider allows timelines');
    el.setAttribute('ip', '198.51.100.23');
    await waitUntil(() => deviceRows(el).length === 0);
    expect(own.asked()).to.equal(1);
  });

  it('reports a failure as ip-error with the section, the IP and the message, and not an abort', async () => {
    const failing = withOverrides(staticProvider(), { getIpDetails: async () => Promise.reject(new IpDataError('unavailable', 'WHOIS is down.')) });
    const errors: IpErrorEvent[] = [];
    const el = await fixture<HTMLElement>(html`<div @ip-error=${(e: IpErrorEvent) => errors.push(e)}><ip-overview ip="203.0.113.7" .provider=${failing}></ip-overview></div>`);
    await waitUntil(() => errors.length > 0, 'no ip-error');
    expect(errors.map((e) => [e.detail.section, e.detail.ip, e.detail.message])).to.deep.equal([['details', '203.0.113.7', 'WHOIS is down.']]);
    el.remove(); // leaving the page aborts what is still running: no error for that
    expect(errors).to.have.length(1);
  });
});
