import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/response-actions/ip-response-actions.js';
import type { IpResponseActions } from '../../src/components/response-actions/response-actions.js';
import type { Indicator } from '../../src/data/model.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import { IpDataError } from '../../src/data/errors.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { formatDate } from '../../src/lib/format.js';
import { deepActive, deepText, waitUntil } from '../helpers/dom.js';
import { sendKeys } from '@web/test-runner-commands';
import type { IpActionRequestEvent } from '../../src/events/events.js';
import { accessibleName, byRole, queryByRole } from '../helpers/roles.js';
import { fullData, withOverrides } from '../helpers/providers.js';

const IP = '203.0.113.7';
const DAY = 86_400_000;
const day = (d: number) => new Date(Date.now() + d * DAY).toISOString();

function indicator(over: Partial<Indicator>): Indicator {
  return { id: 'i1', indicatorValue: IP, indicatorType: 'IpAddress', action: 'Block', title: 'C2 server', description: '', generateAlert: true, creationTimeDateTimeUtc: day(-3), ...over };
}

const BLOCK = indicator({ id: 'b', action: 'Block', title: 'C2 server: block', rbacGroupNames: [], expirationTime: day(30), createdBySource: 'soc-lead@contoso.com' });
const ALLOW = indicator({ id: 'a', action: 'Allowed', title: 'Partner VPN', rbacGroupNames: ['Servers – Production'], creationTimeDateTimeUtc: day(-1), createdBy: 'app-7' });
const EXPIRED = indicator({ id: 'e', action: 'Audit', title: 'Old audit', rbacGroupNames: ['Workstations – Finance'], creationTimeDateTimeUtc: day(-60), expirationTime: day(-20) });

function provider(indicators: Indicator[]) {
  return new StaticIpDataProvider({ data: { [IP]: { ...fullData(), indicators } }, deviceGroups: ['Servers – Production'] });
}

async function mount(p: IpDataProvider) {
  const wrap = await fixture(html`<div style="width:1200px"><ip-response-actions ip=${IP} .provider=${p}></ip-response-actions></div>`);
  const el = wrap.querySelector<IpResponseActions>('ip-response-actions')!;
  await el.updateComplete;
  return el;
}

const status = (el: IpResponseActions) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="indicator-status"]');
/** Each indicator's line as read (its Remove buttons left out). */
const rows = (el: IpResponseActions) =>
  [...el.shadowRoot!.querySelectorAll('[part="indicator-list"] li')].map((li) => [...li.children].filter((c) => !c.classList.contains('row-actions')).map((c) => deepText(c)).join(' ').replace(/\s+/g, ' ').trim());
const wizardNote = (el: IpResponseActions) => el.shadowRoot!.querySelector('ip-indicator-wizard')!.shadowRoot!.querySelector('.existing-note');

describe('<ip-response-actions>: indicators already set for the IP', () => {
  it('says what the strongest indicator in force does, lists each (scope, expiry, who), and Add indicator says it replaces one', async () => {
    const el = await mount(provider([EXPIRED, ALLOW, BLOCK]));
    await waitUntil(() => status(el), 'the status button');
    const button = status(el)!;
    expect(accessibleName(button)).to.equal('Blocked · 2: indicators set for this IP');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[part="indicator-list"]')).to.equal(null);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(byRole(el.shadowRoot!, 'region', 'Indicators set for this IP').id).to.equal(button.getAttribute('aria-controls'));
    const date = (iso: string) => formatDate(iso, 'en-US');
    expect(rows(el)).to.deep.equal([
      `Block C2 server: block all devices · until ${date(BLOCK.expirationTime!)} · set by soc-lead@contoso.com, ${date(BLOCK.creationTimeDateTimeUtc)}`,
      `Allow Partner VPN Servers – Production · no expiry · set by app-7, ${date(ALLOW.creationTimeDateTimeUtc)}`,
      `Audit Old audit Workstations – Finance · expired ${date(EXPIRED.expirationTime!)} · set ${date(EXPIRED.creationTimeDateTimeUtc)}`,
    ]);
    await expect(el).to.be.accessible();

    byRole(el.shadowRoot!, 'button', 'Add indicator').click();
    await waitUntil(() => wizardNote(el), 'the wizard says what it replaces');
    expect(wizardNote(el)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`This IP already has 2 indicators in force, the strongest: Block on all devices, until ${date(BLOCK.expirationTime!)}. Submitting a new one replaces the one of the same value.`);
  });

  it('shows an added indicator in place of the one it replaced', async () => {
    const p = provider([BLOCK]);
    const el = await mount(p);
    await waitUntil(() => status(el), 'the status button');
    await p.addIndicator({ indicatorValue: IP, indicatorType: 'IpAddress', action: 'Allowed', title: 'Now a partner', description: 'Partner since today.', generateAlert: false }, { signal: new AbortController().signal });
    // The bar asks again when the wizard says an indicator was added.
    el.shadowRoot!.querySelector('ip-indicator-wizard')!.dispatchEvent(new CustomEvent('ip-indicator-added', { bubbles: true, composed: true, detail: {} }));
    await waitUntil(() => status(el)?.textContent?.includes('Allowed'), 'the new indicator');
    status(el)!.click();
    await el.updateComplete;
    expect(rows(el)).to.have.length(1);
    expect(rows(el)[0]).to.match(/^Allow Now a partner all devices · no expiry · set by you, /);
  });

  it('says when every indicator has expired, and shows hostile text as text', async () => {
    const hostile = indicator({ id: 'h', action: 'Block', title: '<img src=x onerror="window.__hit=1">', rbacGroupNames: ['Ops\u202Etxt.exe'], createdBySource: '=HYPERLINK("http://x")', expirationTime: day(-1) });
    const odd = indicator({ id: 'o', action: 'constructor', title: 'Odd action', creationTimeDateTimeUtc: day(-9), expirationTime: day(-2) });
    const el = await mount(provider([hostile, odd]));
    await waitUntil(() => status(el), 'the status button');
    expect(accessibleName(status(el)!)).to.equal('Indicator expired: indicators set for this IP');
    status(el)!.click();
    await el.updateComplete;
    expect(rows(el)[1], 'an action the page does not know, as its text').to.match(/^constructor Odd action /);
    expect(rows(el)[0]).to.contain('<img src=x onerror="window.__hit=1">').and.contain('Ops⟦RLO⟧txt.exe').and.contain('set by =HYPERLINK("http://x")');
    expect(el.shadowRoot!.querySelector('[part="indicator-list"] img')).to.equal(null);
    expect((window as { __hit?: number }).__hit).to.equal(undefined);
  });

  it('says an IP only in threat intelligence is so, and Add indicator does not claim to replace it', async () => {
    const intel = indicator({ id: 't', action: 'ThreatIntel', title: 'C2: Known C2 infrastructure', createdBySource: 'Microsoft Defender Threat Intelligence', expirationTime: day(20) });
    const feed = indicator({ id: 'f', action: 'ThreatIntel', title: 'Mass scanner', createdBySource: 'MISP', creationTimeDateTimeUtc: day(-20), lastUpdateTime: day(-1) });
    const el = await mount(provider([intel, feed]));
    await waitUntil(() => status(el), 'the status button');
    expect(accessibleName(status(el)!)).to.equal('In threat intel · 2: indicators set for this IP');
    status(el)!.click();
    await el.updateComplete;
    expect(rows(el)[0]).to.match(/^Threat intel C2: Known C2 infrastructure threat intelligence · until .+ · set by Microsoft Defender Threat Intelligence, /);
    expect(rows(el)[1], 'a feed indicator without expiry: when the feed last saw it').to.equal(`Threat intel Mass scanner threat intelligence · last seen ${formatDate(feed.lastUpdateTime!, 'en-US')} · set by MISP, ${formatDate(feed.creationTimeDateTimeUtc, 'en-US')}`);
    byRole(el.shadowRoot!, 'button', 'Add indicator').click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(wizardNote(el)).to.equal(null);
  });

  it('removes an indicator after asking (Keep first, Escape keeps it), says so, and leaves a refused or failed one with the reason', async () => {
    const p = provider([BLOCK, ALLOW]);
    let veto: string | undefined;
    const asked: Array<{ action: string; id?: string }> = [];
    let failNext = false;
    const el = await mount(withOverrides(p, {
      removeIndicator: async (id: string, o: { signal: AbortSignal }) => {
        if (failNext) throw new IpDataError('unavailable', 'Indicator service down.');
        return p.removeIndicator(id, o);
      },
    }));
    el.addEventListener('ip-action-request', (e) => {
      const ev = e as IpActionRequestEvent;
      asked.push({ action: ev.detail.action, id: (ev.detail.indicator as Indicator | undefined)?.id });
      if (veto) ev.veto(veto);
    });
    await waitUntil(() => status(el), 'the status button');
    status(el)!.click();
    await el.updateComplete;
    const row = (id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="indicator-list"] li[data-id="${id}"]`)!;
    const removeButton = byRole(row('b'), 'button', 'Remove the indicator “C2 server: block”');
    removeButton.click();
    await waitUntil(() => deepActive()?.classList.contains('remove-cancel'), 'Keep takes focus');
    expect(accessibleName(byRole(row('b'), 'group'))).to.equal('Remove the indicator “C2 server: block”?');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActive()?.classList.contains('remove'), 'back on Remove');
    expect(el.shadowRoot!.querySelector('[part="indicator-list"]'), 'Escape left the list open').not.to.equal(null);

    // The host refuses: nothing is removed, the row says why.
    veto = 'a second analyst must approve';
    byRole(row('b'), 'button', /^Remove the indicator/).click();
    await el.updateComplete;
    row('b').querySelector<HTMLButtonElement>('.remove-confirm')!.click();
    await waitUntil(() => row('b').querySelector('[role="alert"]'), 'the refusal');
    expect(row('b').querySelector('[role="alert"]')!.textContent).to.equal('Not done: a second analyst must approve');
    expect(asked).to.deep.equal([{ action: 'remove-indicator', id: 'b' }]);
    // The backend fails: the row stays, with the error.
    veto = undefined;
    failNext = true;
    byRole(row('b'), 'button', /^Remove the indicator/).click();
    await el.updateComplete;
    row('b').querySelector<HTMLButtonElement>('.remove-confirm')!.click();
    await waitUntil(() => row('b').querySelector('[role="alert"]')?.textContent?.includes('Indicator service down.'), 'the failure');
    await expect(el).to.be.accessible();
    // It works: the list and the status follow, the bar says so, focus stays on the status.
    failNext = false;
    byRole(row('b'), 'button', /^Remove the indicator/).click();
    await el.updateComplete;
    row('b').querySelector<HTMLButtonElement>('.remove-confirm')!.click();
    await waitUntil(() => status(el)?.textContent?.includes('Allowed'), 'the status without the block');
    expect(rows(el)).to.have.length(1);
    expect(byRole(el.shadowRoot!, 'status').textContent).to.contain('Indicator removed: C2 server: block');
    await waitUntil(() => deepActive() === status(el), 'focus on the status button');
  });

  it('offers no Remove for a read-only provider or a threat intelligence indicator', async () => {
    const intel = indicator({ id: 't', action: 'ThreatIntel', title: 'TI', expirationTime: day(5) });
    for (const [p, expected] of [[new StaticIpDataProvider({ data: { [IP]: { ...fullData(), indicators: [BLOCK] } }, readOnly: true }), 0], [provider([BLOCK, intel]), 1]] as const) {
      const el = await mount(p);
      await waitUntil(() => status(el), 'the status button');
      status(el)!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part="indicator-list"] .remove')).to.have.length(expected);
    }
  });

  it('shows nothing when the IP has no indicator, the provider cannot list them, or listing fails, and the bar still works', async () => {
    for (const p of [
      provider([]),
      withOverrides(provider([BLOCK]), { listIndicators: undefined }),
      withOverrides(provider([BLOCK]), { listIndicators: async () => Promise.reject(new IpDataError('unavailable', 'Indicators down.')) }),
    ]) {
      const el = await mount(p);
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      expect(status(el)).to.equal(null);
      expect(queryByRole(el.shadowRoot!, 'button', 'Add indicator')).not.to.equal(null);
    }
  });
});
