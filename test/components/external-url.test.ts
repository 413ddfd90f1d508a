import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/external-url/ip-external-url.js';
import type { IpExternalUrl } from '../../src/components/external-url/external-url.js';
import type { IpCopyButton } from '../../src/components/copy-button/copy-button.js';
import type { IpNavigateEvent } from '../../src/events/events.js';
import { deepText, waitUntil } from '../helpers/dom.js';

const root = (el: IpExternalUrl) => el.shadowRoot!;
const toggle = (el: IpExternalUrl) => root(el).querySelector<HTMLButtonElement>('[part="open-button"]')!;

describe('<ip-external-url>', () => {
  it('shows the address defanged, with no link, and copies it exactly', async () => {
    const url = 'http://cdn-update.evil.example/pay\u202Eload.txt';
    const el = await fixture<IpExternalUrl>(html`<ip-external-url .url=${url}></ip-external-url>`);
    expect(root(el).querySelector('[part="url"]')!.textContent).to.equal('hxxp://cdn-update[.]evil[.]example/payRLOload.txt');
    expect(root(el).querySelector('[part="confirm"]')!.matches(':popover-open'), 'nothing open').to.equal(false);
    expect(root(el).querySelector<IpCopyButton>('ip-copy-button')!.value).to.equal(url);
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('opens only after the whole address is shown; Escape closes and returns focus', async () => {
    const el = await fixture<IpExternalUrl>(html`<ip-external-url url="https://c2.evil.example/gate.php?id=7"></ip-external-url>`);
    toggle(el).focus();
    await sendKeys({ press: 'Enter' });
    const confirm = root(el).querySelector('[part="confirm"]')!;
    await waitUntil(() => confirm.matches(':popover-open') && root(el).activeElement?.textContent === 'Cancel', 'the confirmation shows, Cancel focused');
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('true');
    expect(deepText(confirm)).to.contain('https://c2.evil.example/gate.php?id=7');
    const link = confirm.querySelector('a')!;
    expect([link.getAttribute('href'), link.target, link.rel]).to.deep.equal(['https://c2.evil.example/gate.php?id=7', '_blank', 'noopener noreferrer']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !confirm.matches(':popover-open') && toggle(el).getAttribute('aria-expanded') === 'false', 'closed');
    await waitUntil(() => root(el).activeElement === toggle(el), 'focus back on Open…');
  });

  it('asks the host first: a canceled ip-navigate opens nothing', async () => {
    const el = await fixture<IpExternalUrl>(html`<ip-external-url url="https://c2.evil.example/"></ip-external-url>`);
    toggle(el).click();
    await waitUntil(() => root(el).querySelector('[part="confirm"]')!.matches(':popover-open'), 'open');
    el.addEventListener('ip-navigate', (e) => e.preventDefault());
    const link = root(el).querySelector<HTMLAnchorElement>('[part="confirm"] a')!;
    setTimeout(() => link.click());
    const e = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
    expect(e.detail).to.deep.equal({ target: 'external-url', href: 'https://c2.evil.example/' });
    expect(e.composed && e.bubbles && e.cancelable).to.equal(true);
    expect(e.defaultPrevented).to.equal(true);
    await waitUntil(() => !root(el).querySelector('[part="confirm"]')!.matches(':popover-open'), 'closed after the choice');
  });

  it('offers no way to open an address that is not http or https', async () => {
    const el = await fixture<IpExternalUrl>(html`<ip-external-url url="javascript:alert(1)"></ip-external-url>`);
    toggle(el).click();
    await waitUntil(() => root(el).querySelector('[part="confirm"]')!.matches(':popover-open'), 'open');
    expect(root(el).querySelector('[part="confirm"] a')).to.equal(null);
    expect(deepText(root(el).querySelector('[part="confirm"]')!)).to.contain('Only http and https addresses can be opened from here');
  });
});
