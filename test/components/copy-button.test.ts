import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/copy-button/ip-copy-button.js';
import type { IpCopyButton } from '../../src/components/copy-button/copy-button.js';
import type { IpCopyEvent } from '../../src/events/events.js';
import { withClipboard } from '../helpers/clipboard.js';

describe('<ip-copy-button>', () => {
  it('is one Tab stop, even with a tabindex from a host (the button, not the element then the button)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><button>before</button><ip-copy-button value="x" tabindex="0"></ip-copy-button><button>after</button></div>`);
    const [before, after] = wrapper.querySelectorAll(':scope > button');
    const copy = wrapper.querySelector('ip-copy-button')!;
    (before as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(copy.shadowRoot!.activeElement?.localName).to.equal('button');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(after);
  });

  it('copies the value and confirms visibly and to screen readers', () =>
    withClipboard(async (written) => {
      const el = await fixture<IpCopyButton>(html`<ip-copy-button value="203.0.113.7" label="Copy IP address"></ip-copy-button>`);
      const button = el.shadowRoot!.querySelector('button')!;
      expect(button.getAttribute('aria-label')).to.equal('Copy IP address');
      setTimeout(() => button.click());
      const e = (await oneEvent(el, 'ip-copy')) as IpCopyEvent;
      expect(e.detail).to.deep.equal({ value: '203.0.113.7', ok: true });
      expect(written).to.deep.equal(['203.0.113.7']);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Copied');
      expect(button.getAttribute('aria-label')).to.equal('Copy IP address: copied');
      await expect(el).to.be.accessible();
    }));

  it('taken out of the page within the two seconds and put back, says "Copy" again, not "copied"', () =>
    withClipboard(async () => {
      const el = await fixture<IpCopyButton>(html`<ip-copy-button value="x" label="Copy x"></ip-copy-button>`);
      await el.copy();
      await el.updateComplete;
      const button = el.shadowRoot!.querySelector('button')!;
      expect(button.getAttribute('aria-label')).to.equal('Copy x: copied');
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      expect(button.getAttribute('aria-label')).to.equal('Copy x');
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('');
    }));

  it('when the clipboard is denied, shows the value selected so it can be copied by hand', () =>
    withClipboard(async () => {
      const el = await fixture<IpCopyButton>(html`<ip-copy-button value="2001:db8::1"></ip-copy-button>`);
      const ok = await el.copy();
      expect(ok).to.equal(false);
      await el.updateComplete;
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="fallback"] input')!;
      expect(input.value).to.equal('2001:db8::1');
      expect(el.shadowRoot!.activeElement).to.equal(input);
      expect(input.selectionStart).to.equal(0);
      expect(input.selectionEnd).to.equal('2001:db8::1'.length);
      expect(el.shadowRoot!.textContent).to.contain('Press Ctrl+C');
      await expect(el).to.be.accessible();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="fallback"]')).to.equal(null);
    }, { denied: true }));
});
