import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/entity-page/ip-entity-page.js';
import '../../src/components/shortcuts-dialog/ip-shortcuts-dialog.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpShortcutsDialog } from '../../src/components/shortcuts-dialog/shortcuts-dialog.js';
import type { IpTabChangeEvent } from '../../src/events/events.js';
import { deepActive, deepQuery, deepText, waitUntil } from '../helpers/dom.js';
import { staticProvider } from '../helpers/providers.js';

const shadow = (el: HTMLElement) => el.shadowRoot!;
const selectedTab = (el: IpEntityPage) => shadow(el).querySelector('[role="tab"][aria-selected="true"]')!.id;

/** Press a key with nothing focused (the analyst reading the page). */
async function pressOnPage(key: string) {
  (document.activeElement as HTMLElement | null)?.blur();
  await sendKeys({ press: key });
}

async function page(attrs = ''): Promise<IpEntityPage> {
  const wrapper = await fixture<HTMLDivElement>(`<div><ip-entity-page ip="203.0.113.7" ${attrs}></ip-entity-page></div>`);
  const el = wrapper.querySelector('ip-entity-page')!;
  el.provider = staticProvider();
  await waitUntil(() => shadow(el).querySelector('ip-response-actions')?.shadowRoot?.querySelector('[data-action="add-indicator"]'), 'the response actions did not render');
  return el;
}

describe('keyboard shortcuts of <ip-entity-page>', () => {
  // First in the file: the bar's module is not loaded yet (each later test's page loads it).
  it('i pressed before the response actions have loaded (they load after the first paint) loads them and opens Add indicator', async () => {
    const wrapper = await fixture<HTMLDivElement>(`<div><ip-entity-page ip="203.0.113.7"></ip-entity-page></div>`);
    const el = wrapper.querySelector('ip-entity-page')!;
    el.provider = staticProvider();
    await el.updateComplete;
    const bar = shadow(el).querySelector('ip-response-actions')!;
    expect(bar.shadowRoot, 'the bar has not loaded yet').to.equal(null);
    await pressOnPage('i');
    await waitUntil(() => deepQuery<HTMLElement & { open: boolean }>(bar, 'ip-indicator-wizard')?.open, 'the wizard did not open');
    const wizard = deepQuery<HTMLElement & { open: boolean }>(bar, 'ip-indicator-wizard')!;
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !wizard.open, 'the wizard did not close');
  });

  it('/ from anywhere on the page puts the cursor in the IP search, and what follows is typed there', async () => {
    const el = await page();
    await pressOnPage('/');
    expect(shadow(el).activeElement?.id).to.equal('search');
    // Typing a digit now searches: it does not switch tabs.
    await sendKeys({ type: '2' });
    expect((shadow(el).querySelector('#search') as HTMLInputElement).value).to.equal('2');
    expect(selectedTab(el)).to.equal('tab-overview');
  });

  it('digits select the tabs in order and focus the selected tab; a digit without a tab does nothing', async () => {
    const el = await page();
    const change = oneEvent(el, 'ip-tab-change') as Promise<IpTabChangeEvent>;
    await pressOnPage('2');
    expect((await change).detail).to.deep.equal({ tab: 'alerts', previous: 'overview' });
    await waitUntil(() => shadow(el).activeElement?.id === 'tab-alerts', 'focus did not move to the tab');
    // From the tab itself (focus inside the page) the next digit works too.
    await sendKeys({ press: '3' });
    await waitUntil(() => selectedTab(el) === 'tab-devices');
    const tabCount = shadow(el).querySelectorAll('[role="tab"]').length;
    const unanswered = new KeyboardEvent('keydown', { key: String(tabCount + 1), bubbles: true, cancelable: true, composed: true });
    document.body.dispatchEvent(unanswered);
    expect(unanswered.defaultPrevented, 'a key the page does not use stays the host’s').to.equal(false);
    expect(selectedTab(el)).to.equal('tab-devices');
  });

  it('i opens Add indicator and h Go hunt, and keys typed in their fields stay there', async () => {
    const el = await page();
    const actions = shadow(el).querySelector('ip-response-actions')!;
    await pressOnPage('i');
    // Its code loads on first use when the page has not been idle yet.
    await waitUntil(() => deepQuery<HTMLElement & { open: boolean }>(actions, 'ip-indicator-wizard')?.open, 'the wizard did not open');
    const wizard = deepQuery<HTMLElement & { open: boolean; hide(): void }>(actions, 'ip-indicator-wizard')!;
    await sendKeys({ press: '2' });
    await sendKeys({ press: 'h' });
    expect(selectedTab(el), 'keys inside the dialog are the dialog’s').to.equal('tab-overview');
    expect(deepQuery<HTMLElement & { open: boolean }>(actions, 'ip-hunt-dialog')?.open ?? false).to.equal(false);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !wizard.open);
    await pressOnPage('h');
    await waitUntil(() => deepQuery<HTMLElement & { open: boolean }>(actions, 'ip-hunt-dialog')?.open, 'Go hunt did not open');
  });

  it('? lists the shortcuts the page offers now; Escape closes it and gives focus back', async () => {
    const el = await page();
    const search = shadow(el).querySelector<HTMLInputElement>('#search')!;
    search.focus();
    await sendKeys({ press: 'Escape' });
    // Focus on a tab (not a field), then ask for help.
    shadow(el).querySelector<HTMLElement>('#tab-overview')!.focus();
    await sendKeys({ press: 'Shift+Slash' });
    const dialog = await waitUntil(() => shadow(el).querySelector('ip-shortcuts-dialog')?.open, 'the help did not open').then(() => shadow(el).querySelector('ip-shortcuts-dialog')!);
    const text = deepText(dialog);
    expect(text).to.contain('Search an IP address');
    expect(text).to.contain('Incidents and alerts');
    expect(text).to.contain('Add indicator');
    expect(text).to.contain('Go hunt');
    // The static provider has no Sentinel data: no tab for it, so no key for it.
    expect(text).not.to.contain('Sentinel events');
    expect(deepActive()?.getAttribute('aria-label')).to.equal('Close');
    await expect(dialog).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    await waitUntil(() => shadow(el).activeElement?.id === 'tab-overview', 'focus did not return to the tab');
  });

  it('never acts with a modifier, on a key the host already handled, or while typing in the host’s own fields', async () => {
    const el = await page();
    const input = document.createElement('input');
    el.parentElement!.append(input);
    input.focus();
    await sendKeys({ type: '2/i' });
    expect(input.value).to.equal('2/i');
    expect(selectedTab(el)).to.equal('tab-overview');
    input.blur();
    const handled = (e: KeyboardEvent) => e.key === '2' && e.preventDefault();
    window.addEventListener('keydown', handled, { capture: true });
    await pressOnPage('2');
    window.removeEventListener('keydown', handled, { capture: true });
    await pressOnPage('Control+2');
    expect(selectedTab(el)).to.equal('tab-overview');
  });

  it('shortcuts="off" answers no key; "within" only keys pressed inside the page', async () => {
    const off = await page('shortcuts="off"');
    await pressOnPage('2');
    expect(selectedTab(off)).to.equal('tab-overview');

    const within = await page('shortcuts="within"');
    await pressOnPage('2');
    expect(selectedTab(within)).to.equal('tab-overview');
    shadow(within).querySelector<HTMLElement>('#tab-overview')!.focus();
    await sendKeys({ press: '2' });
    await waitUntil(() => selectedTab(within) === 'tab-alerts', 'a key inside the page did not act');
  });

  it('with two pages on one document, a key acts on one of them only', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>
      <ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll('ip-entity-page')];
    await pressOnPage('2');
    await Promise.all([a!.updateComplete, b!.updateComplete]);
    expect([selectedTab(a!), selectedTab(b!)].filter((t) => t === 'tab-alerts')).to.have.length(1);
    // A key pressed inside the second page is the second page's.
    shadow(b!).querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')!.focus();
    await sendKeys({ press: '3' });
    await waitUntil(() => selectedTab(b!) === 'tab-devices');
    expect(selectedTab(a!)).not.to.equal('tab-devices');
  });
});

describe('<ip-shortcuts-dialog>', () => {
  const sections = [
    { title: 'Anywhere', items: [{ keys: ['/'], label: 'Search' }, { keys: ['Shift+↑', 'Shift+↓'], label: 'Extend the selection' }] },
    { title: 'Hostile <img src=x onerror=alert(1)>', items: [{ keys: ['<script>'], label: '<b>bold</b>' }] },
  ];

  it('lists each group with its keys as key caps, text only, and closes with its button', async () => {
    const el = await fixture<IpShortcutsDialog>(html`<ip-shortcuts-dialog .sections=${sections}></ip-shortcuts-dialog>`);
    el.show();
    await el.updateComplete;
    const keys = [...shadow(el).querySelectorAll('kbd')].map((k) => k.textContent);
    expect(keys).to.deep.equal(['/', 'Shift+↑', 'Shift+↓', '<script>']);
    expect(shadow(el).querySelector('img, script, b')).to.equal(null);
    expect(deepText(el)).to.contain('Hostile <img src=x onerror=alert(1)>');
    const lists = [...shadow(el).querySelectorAll('dl')];
    expect(lists.map((l) => shadow(el).getElementById(l.getAttribute('aria-labelledby')!)!.textContent)).to.deep.equal(['Anywhere', 'Hostile <img src=x onerror=alert(1)>']);
    await expect(el).to.be.accessible();
    const closed = oneEvent(el, 'ip-shortcuts-close');
    shadow(el).querySelector<HTMLButtonElement>('.close')!.click();
    await closed;
    expect(el.open).to.equal(false);
    expect(shadow(el).querySelector('dialog')!.open).to.equal(false);
  });
});
