import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/lookup-links/ip-lookup-links.js';
// The bar's dialogs load on first use or when the page is idle; these tests open them at once.
import '../../src/components/indicator-wizard/ip-indicator-wizard.js';
import '../../src/components/hunt-dialog/ip-hunt-dialog.js';
import '../../src/components/response-actions/ip-response-actions.js';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpLookupLinks } from '../../src/components/lookup-links/lookup-links.js';
import type { IpResponseActions } from '../../src/components/response-actions/response-actions.js';
import type { IpActionRequestEvent } from '../../src/events/events.js';
import { allByRole, byRole, queryByRole } from '../helpers/roles.js';
import { deepActive, deepText, waitUntil } from '../helpers/dom.js';
import { fullData, staticProvider, withOverrides } from '../helpers/providers.js';

const root = (el: Element) => el.shadowRoot!;
const items = (el: IpLookupLinks) => allByRole(root(el), 'menuitem') as HTMLAnchorElement[];

/** The menu's links, opening it first as a user does (a closed menu has none: they are built on opening). */
async function links(el: IpLookupLinks): Promise<HTMLAnchorElement[]> {
  const button = root(el).querySelector<HTMLElement>('[part="button"]');
  if (button?.getAttribute('aria-expanded') === 'false') {
    button.click();
    await el.updateComplete;
  }
  return items(el);
}

/** Clicks `link` and says whether the browser would have followed it (the test stops it either way). */
async function follows(link: HTMLElement): Promise<boolean> {
  let followed = false;
  const stop = (e: Event) => {
    followed = !e.defaultPrevented;
    e.preventDefault();
  };
  window.addEventListener('click', stop, { once: true });
  link.click();
  window.removeEventListener('click', stop);
  return followed;
}

describe('<ip-lookup-links>', () => {
  it('offers six outside services for a public IP, each in a new tab without a referrer, and is accessible', async () => {
    const el = await fixture<IpLookupLinks>(html`<ip-lookup-links ip="203.0.113.7"></ip-lookup-links>`);
    const button = byRole(root(el), 'button', /Look up elsewhere/);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(items(el), 'a closed menu builds no items').to.have.length(0);
    const shown = await links(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(shown.map((a) => a.textContent!.replace(' (opens in a new tab)', '').trim())).to.deep.equal(['VirusTotal', 'AbuseIPDB', 'Shodan', 'GreyNoise', 'Cisco Talos', 'URLhaus']);
    for (const a of shown) {
      expect(a.href).to.match(/^https:\/\/[^/]+\/.*203\.0\.113\.7/);
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.contain('noopener').and.to.contain('noreferrer');
      expect(a.referrerPolicy).to.equal('no-referrer');
    }
    expect(shown[0].href).to.equal('https://www.virustotal.com/gui/ip-address/203.0.113.7');
    await expect(el).to.be.accessible();
  });

  it('opens and moves as a WAI-ARIA menu button, and Escape returns to the button', async () => {
    const el = await fixture<IpLookupLinks>(html`<ip-lookup-links ip="203.0.113.7"></ip-lookup-links>`);
    const button = byRole(root(el), 'button', /Look up elsewhere/);
    button.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => deepActive() === items(el)[0], 'the first service has focus');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' });
    expect(deepActive(), 'up from the first wraps to the last').to.equal(items(el).at(-1));
    await sendKeys({ press: 'Home' });
    expect(deepActive()).to.equal(items(el)[0]);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(deepActive()).to.equal(button);
    expect(byRole(root(el), 'menu', /Look up elsewhere/).hidden).to.equal(true);
  });

  it('offers nothing for an address that must stay in the organization', async () => {
    for (const ip of ['10.1.2.3', '192.168.0.10', '127.0.0.1', '100.64.0.1', 'fe80::1', 'fd00::1', '64:ff9b::a00:1', '224.0.0.1', '0.0.0.0']) {
      const el = await fixture<IpLookupLinks>(html`<ip-lookup-links ip=${ip}></ip-lookup-links>`);
      expect(root(el).querySelector('a, button'), ip).to.equal(null);
    }
    const invalid = await fixture<IpLookupLinks>(html`<ip-lookup-links ip="not an ip"></ip-lookup-links>`);
    expect(root(invalid).querySelector('a, button')).to.equal(null);
  });

  it('takes the host’s own list: names stay text, an IPv6 address is encoded, a link that is not http(s) is left out', async () => {
    const services = [
      { name: '<img src=x onerror="window.__lookupPwned=1">', href: 'https://ti.example/ip/{ip}' },
      { name: 'Script', href: 'javascript:alert({ip})' },
      { name: '', href: 'https://nameless.example/{ip}' },
      { name: 'Own portal', href: '/ti/lookup?ip={ip}' },
    ];
    const el = await fixture<IpLookupLinks>(html`<ip-lookup-links ip="2001:db8::5" .services=${services}></ip-lookup-links>`);
    const shown = await links(el);
    expect(shown).to.have.length(2);
    expect(shown[0].textContent).to.contain('<img src=x');
    expect(root(el).querySelector('img')).to.equal(null);
    expect(shown[0].href).to.equal('https://ti.example/ip/2001%3Adb8%3A%3A5');
    expect(shown[1].href).to.equal(`${location.origin}/ti/lookup?ip=2001%3Adb8%3A%3A5`);
    expect((window as unknown as { __lookupPwned?: number }).__lookupPwned).to.equal(undefined);
  });

  it('asks the host first: a veto keeps the tab closed and says why; a hold opens it once allowed', async () => {
    const el = await fixture<IpLookupLinks>(html`<ip-lookup-links ip="203.0.113.7"></ip-lookup-links>`);
    const requests: IpActionRequestEvent[] = [];
    let answer: (e: IpActionRequestEvent) => void = () => undefined;
    el.addEventListener('ip-action-request', (e) => {
      requests.push(e as IpActionRequestEvent);
      answer(e as IpActionRequestEvent);
    });
    expect(await follows((await links(el))[1]), 'unheld, the link opens its own tab').to.equal(true);
    expect(requests[0].detail).to.deep.include({ action: 'look-up', ip: '203.0.113.7', href: 'https://www.abuseipdb.com/check/203.0.113.7' });

    answer = (e) => e.veto('Outside lookups need a ticket number.');
    expect(await follows((await links(el))[0])).to.equal(false);
    await waitUntil(() => deepText(root(el)).includes('Outside lookups need a ticket number.'), 'the refusal is said');

    const opened: unknown[][] = [];
    const realOpen = window.open;
    window.open = (...args: unknown[]) => {
      opened.push(args);
      return null;
    };
    try {
      answer = (e) => e.waitUntil(Promise.resolve(true));
      expect(await follows((await links(el))[2]), 'held, the click waits').to.equal(false);
      await waitUntil(() => opened.length === 1, 'the tab opens once allowed');
      expect(opened[0]).to.deep.equal(['https://www.shodan.io/host/203.0.113.7', '_blank', 'noopener,noreferrer']);
    } finally {
      window.open = realOpen;
    }
  });

  it('in the response bar and in Go hunt; an empty list takes both away', async () => {
    const el = await fixture<IpResponseActions>(html`<ip-response-actions ip="203.0.113.7" .provider=${staticProvider()}></ip-response-actions>`);
    await el.updateComplete;
    const lookup = root(el).querySelector<IpLookupLinks>('ip-lookup-links')!;
    await waitUntil(() => queryByRole(root(lookup), 'button', /Look up elsewhere/), 'the bar offers it');
    byRole<HTMLButtonElement>(root(el), 'button', 'Go hunt').click();
    const hunt = root(el).querySelector('ip-hunt-dialog')!;
    await waitUntil(() => queryByRole(root(hunt), 'region', 'Look up elsewhere'), 'Go hunt lists the services');
    const listed = allByRole(byRole(root(hunt), 'region', 'Look up elsewhere'), 'link');
    expect(listed.map((a) => a.textContent!.replace(' (opens in a new tab)', '').trim())).to.include.members(['VirusTotal', 'URLhaus']);
    await expect(hunt).to.be.accessible();

    el.lookups = [];
    await el.updateComplete;
    await lookup.updateComplete;
    await (hunt as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(root(lookup).querySelector('button'), 'no menu without services').to.equal(null);
    expect(queryByRole(root(hunt), 'region', 'Look up elsewhere'), 'nor a list in Go hunt').to.equal(null);
  });

  it('in the page, sits in the header beside the reputation, not in the bar, and not for an internal address', async () => {
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
    const header = () => root(el).querySelector('[part="header"] .identity ip-lookup-links') as IpLookupLinks | null;
    await waitUntil(() => header() && queryByRole(root(header()!), 'button', /Look up elsewhere/), 'the header offers it once the actions load');
    const bar = root(el).querySelector('ip-response-actions')!;
    await waitUntil(() => queryByRole(root(bar), 'button', 'Go hunt'), 'the bar');
    expect(root(bar).querySelector('ip-lookup-links'), 'not twice').to.equal(null);
    el.ip = '10.1.2.3';
    await waitUntil(() => header() && !root(header()!).querySelector('button'), 'nothing for a private address');
    el.ip = '198.51.100.23';
    el.lookups = [{ name: 'Contoso TI', href: 'https://ti.contoso.example/ip/{ip}' }];
    await waitUntil(() => header() && queryByRole(root(header()!), 'button', /Look up elsewhere/), 'the menu is back');
    await waitUntil(async () => (await links(header()!)).length === 1, 'the host’s list');
    expect((await links(header()!))[0].href).to.equal('https://ti.contoso.example/ip/198.51.100.23');
  });

  it('in the page, arrives beside the reputation without pushing the search and range to a row of their own', async () => {
    await setViewport({ width: 1150, height: 800 });
    try {
      const base = staticProvider({ '198.51.100.23': { ...fullData(), threatIntel: { summary: { counts: {}, reputation: { classification: 'malicious', score: 86, rules: [] } } } } });
      let answer: () => void = () => undefined;
      const held = new Promise<void>((r) => (answer = r));
      const provider = withOverrides(base, {
        getThreatIntel: async (...args: Parameters<NonNullable<typeof base.getThreatIntel>>) => {
          await held;
          return base.getThreatIntel!(...args);
        },
      });
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="198.51.100.23" .provider=${provider}></ip-entity-page>`);
      const search = () => root(el).querySelector('input[type="search"]')!.getBoundingClientRect().top;
      await waitUntil(() => root(el).querySelector('ip-time-range-picker'), 'the header');
      const before = search();
      answer();
      const header = () => root(el).querySelector('[part="header"] .identity ip-lookup-links') as IpLookupLinks | null;
      await waitUntil(() => root(el).querySelector('ip-reputation-badge')?.shadowRoot?.textContent?.includes('86'), 'the badge arrives');
      await waitUntil(() => header() && queryByRole(root(header()!), 'button', /Look up elsewhere/), 'the lookup arrives');
      expect(search(), 'the search stays on the IP’s row').to.equal(before);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
