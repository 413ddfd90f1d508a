/**
 * Text from data never reaches the screen with a hidden character in it: over a data set in which
 * every text value carries one (bidirectional overrides, zero-width and invisible characters, tag
 * characters, controls), the whole page — every tab, the side panel, the filter menus, a device's
 * timeline, the chart's table, the dialogs — shows each as a visible mark, in its text and in its
 * labels, titles and tooltips. Copy buttons keep the exact value.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpResponseActions } from '../../src/components/response-actions/response-actions.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import type { IpTab } from '../../src/events/events.js';
import { hasHiddenCharacters, revealControls } from '../../src/lib/text.js';
import { RestIpDataProvider } from '../../src/providers/rest/rest-provider.js';
import { deepQuery, deepQueryAll, waitUntil } from '../helpers/dom.js';
import { useMockApi } from '../helpers/msw.js';

const HIDDEN = ['\u202E', '\u200B', '\u00AD', '\u{E0041}', '\u2066', '\u200D', '\u0007', '\uFEFF', '\u2063', '\u180E', '\u061C', '\u2028'];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;
/** Keys whose values the readers check against a closed list: a hidden character there fails the answer, not the screen. */
const STRUCTURAL = new Set(['kind', 'language', 'type', 'x', 'y', 'computedBy']);

/** Every text value of an answer with a hidden character put in (dates and structural keys aside). */
function poison(value: unknown, key = '', counter = { n: 0 }): unknown {
  if (typeof value === 'string') {
    if (!value || ISO_TIME.test(value) || STRUCTURAL.has(key)) return value;
    const c = HIDDEN[counter.n++ % HIDDEN.length]!;
    return `${value.slice(0, 1)}${c}${value.slice(1)}`;
  }
  if (Array.isArray(value)) return value.map((v) => poison(v, key, counter));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k, counter)]));
  return value;
}

/** The mock API's provider, each answer poisoned (the page reads it through its guard as any other). */
function poisoned(base: IpDataProvider): IpDataProvider {
  return new Proxy(base, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const answer = (value as (...a: unknown[]) => unknown).apply(target, args);
        return answer instanceof Promise ? answer.then((v) => poison(v)) : answer;
      };
    },
  });
}

/** Line breaks are layout (templates are indented; descriptions keep theirs): everything else counts. */
const shows = (text: string) => hasHiddenCharacters(text.replace(/[\n\r]/g, ' '));

const ATTRIBUTES = ['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'alt'];

/** Each place a raw hidden character is shown: text (shadow roots included), labels and titles, and links. */
function rawHidden(root: Node): string[] {
  const out: string[] = [];
  for (const el of [root, ...deepQueryAll(root, '*')]) {
    if (!(el instanceof Element) || el.closest('style, script')) continue;
    for (const attr of ATTRIBUTES) {
      const v = el.getAttribute(attr);
      if (v && shows(v)) out.push(`${el.localName}[${attr}]: ${revealControls(v).slice(0, 100)}`);
    }
    const href = el.getAttribute('href');
    if (href && shows(decodeURIComponent(href))) out.push(`${el.localName}[href]: ${revealControls(href).slice(0, 100)}`);
    for (const child of el.shadowRoot ? [...el.childNodes, ...el.shadowRoot.childNodes] : el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && shows(child.textContent!)) out.push(`${el.localName}.${[...el.classList].join('.')}: ${revealControls(child.textContent!).slice(0, 100)}`);
    }
  }
  return out;
}

async function settled(el: Element, cap = 8000) {
  const start = performance.now();
  let last = '';
  let stable = 0;
  while (performance.now() - start < cap && (stable < 3 || deepQuery(el, '[aria-busy="true"]'))) {
    await new Promise((r) => setTimeout(r, 150));
    const now = String(deepQueryAll(el, '*').length) + (el.shadowRoot?.textContent ?? '');
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

/** Click the first `selector` inside the shadow root of the element `host` (found anywhere on the page). */
async function click(el: Element, host: string, selector: string, what: string) {
  const find = () => deepQuery(el, host)?.shadowRoot?.querySelector<HTMLElement>(selector);
  await waitUntil(find, `${what} did not show`, { timeout: 10_000 });
  find()!.click();
  await settled(el, 3000);
}

describe('hidden characters in data', () => {
  useMockApi();

  it('show as marks everywhere on the page, never raw', async function () {
    this.timeout(90_000);
    const provider = poisoned(new RestIpDataProvider({ baseUrl: '/api' }));
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page>`);
    const problems: string[] = [];
    const check = (where: string) => problems.push(...[...new Set(rawHidden(el))].map((p) => `${where}: ${p}`));

    const sections: Record<IpTab, string> = { overview: 'ip-overview', alerts: 'ip-alerts-list', devices: 'ip-observed-devices', accounts: 'ip-accounts', intel: 'ip-threat-intel', sentinel: 'ip-sentinel-events' };
    for (const [tab, tag] of Object.entries(sections) as Array<[IpTab, string]>) {
      el.selectTab(tab);
      await waitUntil(() => deepQuery(el, tag)?.shadowRoot?.childElementCount, `${tag} did not render`, { timeout: 15_000 });
      await settled(el);
      check(tab);
      // The data reached the tab: its hidden characters show as marks there.
      const section = deepQuery(el, tag)!;
      expect(deepQueryAll(section, 'abbr.control-mark').length + (section.shadowRoot!.textContent!.match(/⟦/g)?.length ?? 0), `${tab} shows no marks`).to.be.greaterThan(0);
      if (tab === 'overview') {
        // Copy keeps the exact value, hidden characters and all.
        const copies = deepQueryAll<HTMLElement & { value: string }>(el, 'ip-copy-button').map((b) => b.value);
        expect(copies.some((v) => hasHiddenCharacters(v)), 'a copy button holds the exact value').to.equal(true);
        await click(el, 'ip-prevalence-chart', 'button[aria-expanded="false"]', 'Show as table');
        check('chart table');
      }
      if (tab === 'alerts') {
        await click(el, 'ip-alerts-list', '.row:not(.placeholder) .cell.col-severity', 'a row');
        await waitUntil(() => deepQuery(el, 'ip-alerts-flyout'), 'the side panel did not open');
        await settled(el);
        check('side panel');
        const list = deepQuery(el, 'ip-alerts-list')!;
        for (const button of list.shadowRoot!.querySelectorAll<HTMLButtonElement>('.filters > .menu-wrap > button[aria-expanded]')) {
          button.click();
          await settled(el, 1500);
          check(`filter menu ${button.textContent!.trim()}`);
          button.click();
        }
      }
      if (tab === 'devices') {
        await click(el, 'ip-observed-devices', '[role="row"][aria-expanded="false"]', 'a device row');
        await settled(el);
        check('device timeline');
        expect(deepQuery(el, 'ip-observed-devices')!.shadowRoot!.querySelector('[role="row"][aria-expanded="true"]'), 'a timeline opened').to.exist;
      }
    }
    const actions = deepQuery<IpResponseActions>(el, 'ip-response-actions')!;
    for (const action of ['add-indicator', 'hunting-queries'] as const) {
      actions.runAction(action);
      await settled(el, 3000);
      check(action);
      (deepQuery<HTMLElement>(el, 'dialog[open] .close') ?? deepQuery<HTMLElement>(el, 'dialog[open] button'))?.click();
      await settled(el, 2000);
    }
    // One line per place (the same cell of every row says the same).
    const places = [...new Set(problems.map((p) => p.replace(/^[^:]+: /, '').replace(/: .*$/, (m) => m.slice(0, 60))))];
    expect(places, places.join('\n')).to.deep.equal([]);
  });
});
