import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/response-actions/ip-response-actions.js';
// The bar's dialogs load on first use or when the page is idle; these tests open them at once.
import '../../src/components/indicator-wizard/ip-indicator-wizard.js';
import '../../src/components/hunt-dialog/ip-hunt-dialog.js';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
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

  it('changes an indicator’s expiry in place: a day after today, or none; refusals and failures keep what was typed', async () => {
    const p = provider([BLOCK]);
    let failNext = false;
    let veto: string | undefined;
    const asked: Array<{ action: string; expirationTime?: string }> = [];
    const el = await mount(withOverrides(p, {
      addIndicator: async (input: Parameters<StaticIpDataProvider['addIndicator']>[0], o: Parameters<StaticIpDataProvider['addIndicator']>[1]) => {
        if (failNext) throw new IpDataError('unavailable', 'Indicator service down.');
        return p.addIndicator(input, o);
      },
    }));
    el.addEventListener('ip-action-request', (e) => {
      const ev = e as IpActionRequestEvent;
      asked.push({ action: ev.detail.action, expirationTime: ev.detail.indicator?.expirationTime });
      if (veto) ev.veto(veto);
    });
    await waitUntil(() => status(el), 'the status button');
    status(el)!.click();
    await el.updateComplete;
    const row = (id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="indicator-list"] li[data-id="${id}"]`)!;
    const field = () => row('b').querySelector<HTMLInputElement>('input[name="expiry"]')!;
    const save = () => byRole(row('b'), 'button', 'Save').click();
    byRole(row('b'), 'button', 'Change expiry of “C2 server: block”').click();
    await waitUntil(() => deepActive() === field(), 'the date field takes focus');
    // The form shows the day it expires now, and Escape leaves it unchanged.
    expect(field().value).to.equal(BLOCK.expirationTime!.slice(0, 10));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActive()?.classList.contains('edit-expiry'), 'back on Change expiry');
    byRole(row('b'), 'button', /^Change expiry of/).click();
    await waitUntil(() => deepActive() === field(), 'the form again');
    // A day that has passed is refused before anything is sent.
    field().value = day(-2).slice(0, 10);
    save();
    await waitUntil(() => row('b').querySelector('[role="alert"]'), 'the refusal');
    expect(row('b').querySelector('[role="alert"]')!.textContent).to.equal('Choose a day after today, or leave it empty for no expiry.');
    expect(asked).to.deep.equal([]);
    // The host refuses, then the backend fails: the form keeps the day typed.
    const later = day(90).slice(0, 10);
    field().value = later;
    veto = 'change control is closed';
    save();
    await waitUntil(() => row('b').querySelector('[role="alert"]')?.textContent === 'Not done: change control is closed', 'the veto');
    expect(field().value).to.equal(later);
    veto = undefined;
    failNext = true;
    save();
    await waitUntil(() => row('b').querySelector('[role="alert"]')?.textContent?.includes('Indicator service down.'), 'the failure');
    expect(field().value).to.equal(later);
    await expect(el).to.be.accessible();
    // It works: the indicator is submitted again with the end of that day (UTC), and the list says so.
    failNext = false;
    save();
    await waitUntil(() => byRole(el.shadowRoot!, 'status').textContent?.includes('now expires'), 'the bar says so');
    expect(asked.at(-1)).to.deep.equal({ action: 'change-indicator-expiry', expirationTime: `${later}T23:59:59.000Z` });
    expect(byRole(el.shadowRoot!, 'status').textContent).to.contain(`Indicator “C2 server: block” now expires ${formatDate(`${later}T23:59:59Z`, 'en-US')}.`);
    const listed = await p.listIndicators(IP, { signal: new AbortController().signal });
    expect(listed.filter((i) => i.action === 'Block').map((i) => i.expirationTime)).to.deep.equal([`${later}T23:59:59.000Z`]);
    expect(listed.map((i) => i.title)).to.deep.equal(['C2 server: block']);
    // Empty: it no longer expires.
    status(el)!.click();
    await el.updateComplete;
    if (!el.shadowRoot!.querySelector('[part="indicator-list"]')) status(el)!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="indicator-list"] .edit-expiry'), 'the list');
    const blockRow = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="indicator-list"] li')].find((li) => li.textContent!.includes('C2 server: block'))!;
    byRole(blockRow, 'button', /^Change expiry of/).click();
    await el.updateComplete;
    const f = blockRow.querySelector<HTMLInputElement>('input[name="expiry"]')!;
    f.value = '';
    byRole(blockRow, 'button', 'Save').click();
    await waitUntil(() => byRole(el.shadowRoot!, 'status').textContent?.includes('no longer expires'), 'no expiry');
  });

  it('offers no Remove or Change expiry for a read-only provider; a threat intelligence indicator only Remove, saying a feed may bring it back', async () => {
    const intel = indicator({ id: 't', action: 'ThreatIntel', title: 'TI', expirationTime: day(5) });
    for (const [p, expected] of [[new StaticIpDataProvider({ data: { [IP]: { ...fullData(), indicators: [BLOCK] } }, readOnly: true }), 0], [provider([BLOCK, intel]), 1]] as const) {
      const el = await mount(p);
      await waitUntil(() => status(el), 'the status button');
      status(el)!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part="indicator-list"] .remove')).to.have.length(expected && 2);
      if (expected) {
        const tiRow = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="indicator-list"] li')].find((li) => li.textContent!.includes('TI'))!;
        byRole(tiRow, 'button', /^Remove the indicator/).click();
        await el.updateComplete;
        expect(deepText(tiRow)).to.contain('A feed may bring it back');
      }
      // A threat intelligence indicator's expiry is the feed's; a read-only portal changes none.
      expect(el.shadowRoot!.querySelectorAll('[part="indicator-list"] .edit-expiry')).to.have.length(expected);
    }
    // Two indicators of the value: submitting one again would replace both, so neither offers it.
    {
      const el = await mount(provider([BLOCK, ALLOW]));
      await waitUntil(() => status(el), 'the status button');
      status(el)!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part="indicator-list"] .remove')).to.have.length(2);
      expect(el.shadowRoot!.querySelectorAll('[part="indicator-list"] .edit-expiry')).to.have.length(0);
    }
  });

  it('says when listing failed, with Retry, rather than looking unblocked', async () => {
    let fail = true;
    const el = await mount(withOverrides(provider([BLOCK]), { listIndicators: async () => (fail ? Promise.reject(new IpDataError('unavailable', 'Indicators down.')) : [BLOCK]) }));
    await waitUntil(() => queryByRole(el.shadowRoot!, 'button', /Indicators not checked/), 'the failed check');
    const retry = byRole(el.shadowRoot!, 'button', /Indicators not checked/);
    expect(retry.getAttribute('title')).to.contain('Indicators down');
    expect(queryByRole(el.shadowRoot!, 'button', 'Add indicator')).not.to.equal(null);
    fail = false;
    retry.click();
    await waitUntil(() => status(el) && !/not checked/.test(status(el)!.textContent ?? ''), 'the status after Retry');
    await expect(el).to.be.accessible();
  });

  it('shows nothing when the IP has no indicator or the provider cannot list them, and the bar still works', async () => {
    for (const p of [
      provider([]),
      withOverrides(provider([BLOCK]), { listIndicators: undefined }),
    ]) {
      const el = await mount(p);
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      expect(status(el)).to.equal(null);
      expect(queryByRole(el.shadowRoot!, 'button', 'Add indicator')).not.to.equal(null);
    }
  });
});

describe('<ip-entity-page>: the header says whether the IP is already blocked', () => {
  const header = (page: IpEntityPage) => page.shadowRoot!.querySelector('ip-indicator-badge');
  const badgeButton = (page: IpEntityPage) => header(page)?.shadowRoot?.querySelector('button') ?? null;
  const bar = (page: IpEntityPage) => page.shadowRoot!.querySelector<IpResponseActions>('ip-response-actions')!;

  it('shows the strongest indicator in force beside the reputation, opens the bar’s list, and follows a removal', async () => {
    const page = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} .provider=${provider([BLOCK, ALLOW])}></ip-entity-page>`);
    await waitUntil(() => badgeButton(page), 'the header badge', { timeout: 8000 });
    expect(accessibleName(badgeButton(page)!)).to.equal('Blocked · 2: indicators set for this IP. Show them');
    badgeButton(page)!.click();
    await waitUntil(() => bar(page).shadowRoot!.querySelector('[part="indicator-list"]'), 'the bar’s list opens');
    await waitUntil(() => deepActive() === status(bar(page)), 'focus on the bar’s status button');
    await expect(page).to.be.accessible();
    // Removed in the bar: the header asks again and says what is left.
    const row = (id: string) => bar(page).shadowRoot!.querySelector<HTMLElement>(`[part="indicator-list"] li[data-id="${id}"]`)!;
    byRole(row('b'), 'button', /^Remove the indicator/).click();
    await bar(page).updateComplete;
    row('b').querySelector<HTMLButtonElement>('.remove-confirm')!.click();
    await waitUntil(() => badgeButton(page)?.textContent?.includes('Allowed'), 'the header follows');
    expect(badgeButton(page)!.textContent).not.to.contain('·');
  });

  it('shows nothing for an IP without indicators or a provider that cannot list them', async () => {
    for (const p of [provider([]), withOverrides(provider([BLOCK]), { listIndicators: undefined })]) {
      const page = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} .provider=${p}></ip-entity-page>`);
      await waitUntil(() => page.shadowRoot!.querySelector('ip-response-actions')?.shadowRoot?.querySelector('[data-action="add-indicator"]'), 'the bar');
      await new Promise((r) => setTimeout(r, 100));
      expect(badgeButton(page)).to.equal(null);
    }
  });
});
