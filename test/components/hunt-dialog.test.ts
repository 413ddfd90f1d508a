import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/hunt-dialog/ip-hunt-dialog.js';
import type { IpHuntDialog } from '../../src/components/hunt-dialog/hunt-dialog.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import type { IpActionRequestEvent, IpNavigateEvent } from '../../src/events/events.js';
import { deepText, waitUntil } from '../helpers/dom.js';
import { recording, staticProvider, withOverrides } from '../helpers/providers.js';

const IP = '203.0.113.7';

async function mount(attrs: { ip?: string; language?: string; range?: string } = {}, provider: IpDataProvider = staticProvider()) {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <button type="button" id="opener">Go hunt</button>
    <ip-hunt-dialog .provider=${provider} ip=${attrs.ip ?? IP} language=${attrs.language ?? 'kql-defender'} range=${attrs.range ?? '30d'}></ip-hunt-dialog>
  </div>`);
  const el = wrap.querySelector('ip-hunt-dialog')!;
  const opener = wrap.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  el.show();
  await el.updateComplete;
  return { el, opener };
}

const dialog = (el: IpHuntDialog) => el.shadowRoot!.querySelector('dialog')!;
const query = (el: IpHuntDialog) => el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!.value;
const button = (el: IpHuntDialog, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, a')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()).includes(name))!;

describe('<ip-hunt-dialog> alone', () => {
  it('opens modal on the chosen language for the chosen range, and Escape returns focus to the opener', async () => {
    const { el, opener } = await mount({ language: 'kql-sentinel', range: '7d' });
    expect(dialog(el).open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    const tab = el.shadowRoot!.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')!;
    expect(tab.textContent!.trim()).to.equal('Sentinel (KQL)');
    expect(el.shadowRoot!.activeElement).to.equal(tab);
    expect(query(el)).to.contain('SigninLogs').and.to.contain(`"${IP}"`);
    expect(deepText(dialog(el))).to.contain('in the last 7 days');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('says so when there is no valid IP, instead of a query', async () => {
    const { el } = await mount({ ip: '999.1.1.1' });
    expect(dialog(el).open).to.equal(true);
    expect(deepText(dialog(el))).to.contain('No valid IP address to hunt for.');
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
  });

  it('asks the host before opening hunting, and shows its veto in the dialog', async () => {
    const { provider, calls } = recording(staticProvider());
    const { el } = await mount({}, provider);
    el.addEventListener('ip-action-request', (e: IpActionRequestEvent) => e.veto('Hunting is read-only for your role.'), { once: true });
    let navigated = false;
    el.addEventListener('ip-navigate', () => (navigated = true));
    button(el, 'Open in hunting').click();
    await waitUntil(() => deepText(el.shadowRoot!.querySelector('[role="status"]')!).includes('Not done: Hunting is read-only for your role.'));
    expect(navigated).to.equal(false);
    setTimeout(() => button(el, 'Open in hunting').click());
    const nav = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
    expect(nav.detail).to.include({ target: 'hunting', ip: IP, language: 'kql-defender' });
    expect(nav.detail.query).to.equal(query(el));
    // Queries are built here; the dialog alone needs nothing from the provider (no capabilities call).
    expect(calls.map((c) => c.method)).to.deep.equal([]);
  });

  it('opens the provider’s hunting link as a real link, with its own query', async () => {
    const p = withOverrides(staticProvider(), {
      huntingQuery: (ip: string) => `custom ${ip}`,
      links: { hunting: (q: string) => `https://security.example/hunting?q=${encodeURIComponent(q)}` },
    });
    const { el } = await mount({}, p);
    expect(query(el)).to.equal(`custom ${IP}`);
    const link = button(el, 'Open in hunting') as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    expect(link.href).to.equal(`https://security.example/hunting?q=${encodeURIComponent(`custom ${IP}`)}`);
  });
});
