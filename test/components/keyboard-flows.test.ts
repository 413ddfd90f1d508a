/**
 * An analyst's two most common jobs, done with the keyboard alone from page load: add the IP as an
 * indicator, and resolve selected alerts. Each key goes through the browser (sendKeys); after
 * every key focus must be somewhere a screen reader can name (never dropped to the document);
 * the tests fail when a flow needs more keys than it does today, so a change that adds Tab stops
 * is noticed. `docs/keyboard.md` reports the same flows, from `node scripts/keyboard-run.mjs`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { AlertPatch, IndicatorInput } from '../../src/data/model.js';
import { deepActive, deepText, waitUntil } from '../helpers/dom.js';
import { recording, staticProvider } from '../helpers/providers.js';

/** Presses keys and types text, counting keys pressed and characters typed, checking focus after each. */
class Keyboard {
  keys = 0;
  chars = 0;
  readonly #trail: string[] = [];

  async press(...keys: string[]) {
    for (const key of keys) {
      await sendKeys({ press: key });
      this.keys++;
      await this.#settle(key);
    }
  }

  async type(text: string) {
    await sendKeys({ type: text });
    this.chars += text.length;
    await this.#settle(`"${text}"`);
  }

  async #settle(what: string) {
    await new Promise((r) => setTimeout(r, 60));
    const focused = deepActive();
    this.#trail.push(`${what} → ${focused?.localName ?? 'nothing'}`);
    expect(focused && focused !== document.body, `focus was lost after ${this.#trail.join(', ')}`).to.be.ok;
  }

  async until(predicate: () => unknown, what: string) {
    await waitUntil(predicate, `${what}; keys so far: ${this.#trail.join(', ')}`);
  }
}

async function openPage() {
  const { provider, calls } = recording(staticProvider());
  const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider} current-user="analyst@contoso.example"></ip-entity-page>`);
  await waitUntil(() => el.shadowRoot!.querySelector('ip-response-actions')?.shadowRoot?.querySelector('[data-action="add-indicator"]'), 'page ready');
  // The dialogs' code loads once the page is idle after its first screen, before anyone presses a key.
  await waitUntil(() => customElements.get('ip-indicator-wizard') && customElements.get('ip-hunt-dialog'), 'the dialogs loaded while idle', { timeout: 8000 });
  (document.activeElement as HTMLElement | null)?.blur();
  return { el, calls };
}

describe('keyboard-only flows from page load', function () {
  // Each flow loads the whole page and then presses every key for real, tens of round trips to
  // the browser that wait for it to handle each key: on a busy machine (three files at once on two
  // cores) one flow took 9 s of mocha's default 10.
  this.timeout(20_000);

  it('adds the IP as an indicator in 8 keys and the text typed', async () => {
    const { el, calls } = await openPage();
    const kb = new Keyboard();
    await kb.press('i');
    const wizard = () => el.shadowRoot!.querySelector('ip-response-actions')!.shadowRoot!.querySelector('ip-indicator-wizard')!;
    await kb.until(() => wizard().open, 'the wizard did not open');
    await kb.press('Control+Enter'); // Indicator → Action (the IP and "never expires" are filled in)
    await kb.until(() => deepText(wizard()).includes('step 2 of 4'), 'step 2 did not show');
    await kb.press('Tab', 'Tab'); // past the action (Block is chosen) to Title
    await kb.type('Block C2 server');
    await kb.press('Tab');
    await kb.type('Beaconing from 40 devices');
    await kb.press('Control+Enter', 'Control+Enter', 'Control+Enter'); // → Scope → Summary → Submit
    await kb.until(() => calls.some((c) => c.method === 'addIndicator'), 'the indicator was not submitted');
    const input = calls.find((c) => c.method === 'addIndicator')!.args[0] as IndicatorInput;
    expect(input).to.include({ indicatorValue: '203.0.113.7', title: 'Block C2 server', description: 'Beaconing from 40 devices', action: 'Block' });
    await kb.until(() => /added/i.test(deepText(wizard())), 'no confirmation shown');
    expect(kb.keys).to.be.at.most(8);
    expect(kb.chars).to.equal(40);
  });

  it('resolves three selected alerts in 17 keys, and says so', async () => {
    const { el, calls } = await openPage();
    const kb = new Keyboard();
    await kb.press('2'); // the Incidents and alerts tab
    const list = () => el.shadowRoot!.querySelector('ip-alerts-list')!;
    await kb.until(() => list()?.shadowRoot?.querySelector('[role="row"][aria-selected]'), 'the list did not load');
    // Tab stops: the panel, the list's search, the filters toolbar, the tools toolbar, the grid.
    await kb.press('Tab', 'Tab', 'Tab', 'Tab', 'Tab');
    expect(deepActive()?.getAttribute('role')).to.equal('gridcell');
    await kb.press('Space', 'Shift+ArrowDown', 'Shift+ArrowDown'); // three rows selected, the panel opens beside them
    const flyout = () => list().shadowRoot!.querySelector('ip-alerts-flyout')!;
    await kb.until(() => deepText(flyout()).includes('Manage 3 selected'), 'the panel did not open for three');
    await kb.press('Tab', 'Tab'); // Close, then Status
    expect(deepActive()?.getAttribute('name')).to.equal('status');
    await kb.press('End'); // Resolved
    await kb.press('Tab', 'Tab', 'Tab', 'Tab', 'Enter'); // Classification, Assign to, Comment, Save
    await kb.until(() => calls.some((c) => c.method === 'updateAlerts'), 'nothing was saved');
    const [ids, patch] = calls.find((c) => c.method === 'updateAlerts')!.args as [string[], AlertPatch];
    expect(ids).to.have.length(3);
    expect(patch).to.deep.equal({ status: 'resolved' });
    await kb.until(() => deepText(flyout()).includes('Saved: 3 incidents and alerts changed.'), 'the save was not announced');
    expect(flyout().shadowRoot!.querySelector('.saved')!.getAttribute('role')).to.equal('status');
    expect(deepActive()?.textContent?.trim(), 'focus stays on Save').to.equal('Save');
    expect(kb.keys).to.be.at.most(17);
  });
});
