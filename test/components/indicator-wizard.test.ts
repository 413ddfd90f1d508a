import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/indicator-wizard/ip-indicator-wizard.js';
import type { IpIndicatorWizard } from '../../src/components/indicator-wizard/indicator-wizard.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import type { IpIndicatorAddedEvent } from '../../src/events/events.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { deepText, typeText, waitUntil } from '../helpers/dom.js';
import { recording, withOverrides } from '../helpers/providers.js';

const IP = '203.0.113.7';

async function mount(provider: IpDataProvider, ip = IP) {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <button type="button" id="opener">Add</button>
    <ip-indicator-wizard .provider=${provider} ip=${ip}></ip-indicator-wizard>
  </div>`);
  const el = wrap.querySelector('ip-indicator-wizard')!;
  const opener = wrap.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  el.show();
  await el.updateComplete;
  return { el, opener };
}

const root = (el: IpIndicatorWizard) => el.shadowRoot!;
const button = (el: IpIndicatorWizard, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name)!;
async function press(el: IpIndicatorWizard, name: string) {
  button(el, name).click();
  await el.updateComplete;
}
async function type(el: IpIndicatorWizard, label: RegExp, text: string) {
  const id = [...root(el).querySelectorAll('label')].find((l) => label.test(l.textContent!))!.htmlFor;
  root(el).querySelector<HTMLInputElement>(`#${id}`)!.focus();
  await typeText(text);
  await el.updateComplete;
}

describe('<ip-indicator-wizard> alone', () => {
  it('asks for capabilities once, offers only the actions the provider takes, adds the indicator and returns focus', async () => {
    const base = new StaticIpDataProvider({ data: {} });
    const { provider, calls } = recording(
      withOverrides(base, {
        getCapabilities: async (o: { signal: AbortSignal }) => ({ ...(await base.getCapabilities(o)), indicatorActions: ['Audit', 'Block'] }),
        addIndicator: base.addIndicator.bind(base),
      }),
    );
    const { el, opener } = await mount(provider);
    expect(root(el).querySelector('dialog')!.open).to.equal(true);
    expect(deepText(root(el).querySelector('h2')!)).to.contain(IP);
    await press(el, 'Next');
    const offered = () => [...root(el).querySelectorAll<HTMLInputElement>('input[name="action"]')].map((i) => i.value);
    await waitUntil(() => offered().length === 2, `offered ${offered().join()}`);
    expect(offered()).to.deep.equal(['Audit', 'Block']);
    await type(el, /^Title/, 'C2 server');
    await type(el, /^Description/, 'Seen in incident 7');
    await press(el, 'Next');
    await press(el, 'Next');
    expect(deepText(root(el).querySelector('form')!)).to.contain('Summary');
    const added = oneEvent(el, 'ip-indicator-added') as Promise<IpIndicatorAddedEvent>;
    await press(el, 'Submit');
    const event = await added;
    expect(event.detail.indicator.indicatorValue).to.equal(IP);
    expect(calls.filter((c) => c.method === 'getCapabilities')).to.have.length(1);
    await expect(el).to.be.accessible();
    await waitUntil(() => button(el, 'Close') && root(el).activeElement?.textContent?.trim() === 'Close', 'focus on Close after adding');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('says why a private address cannot be an indicator instead of showing the form', async () => {
    const { el } = await mount(new StaticIpDataProvider({ data: {} }), '10.20.30.40');
    expect(deepText(root(el).querySelector('[role="alert"]')!)).to.contain('Only external (public) IP addresses can be indicators.');
    expect(root(el).querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
    await press(el, 'Close');
    expect(el.open).to.equal(false);
  });

  it('says a read-only portal cannot add indicators', async () => {
    const { el } = await mount(new StaticIpDataProvider({ data: {}, readOnly: true }));
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'the capabilities answer');
    expect(deepText(root(el).querySelector('[role="alert"]')!)).to.contain('This portal cannot add indicators.');
  });

  it('opens from the open attribute too, on the first step', async () => {
    const el = await fixture<IpIndicatorWizard>(html`<ip-indicator-wizard .provider=${new StaticIpDataProvider({ data: {} })} ip=${IP} open></ip-indicator-wizard>`);
    await el.updateComplete;
    expect(root(el).querySelector('dialog')!.open).to.equal(true);
    expect(deepText(root(el).querySelector('#step-title')!)).to.contain('step 1 of 4');
  });
});
