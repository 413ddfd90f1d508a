/**
 * The whole page in the pseudo-locale, every tab with data, the side panel and the dialogs open:
 * no English message may be left in its text or in a label, title or placeholder. The English
 * messages are read from the extracted catalogue (xliff), so a word added without msg() — or a
 * message that is built but not shown in the language in force — fails here by name.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpResponseActions } from '../../src/components/response-actions/response-actions.js';
import type { IpTab } from '../../src/events/events.js';
import { applyLocale } from '../../src/components/shared/localization.js';
import { deepQuery, deepQueryAll, waitUntil } from '../helpers/dom.js';
import { useMockApi, worker } from '../helpers/msw.js';

/** Every literal run of two or more words in the English messages (between their placeholders). */
async function englishPhrases(): Promise<string[]> {
  const xlf = new DOMParser().parseFromString(await (await fetch('/xliff/en-XA.xlf')).text(), 'application/xml');
  const phrases = new Set<string>();
  for (const source of xlf.querySelectorAll('source')) {
    for (const node of source.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      // Markdown markers and punctuation apart, a phrase is at least two words of letters.
      const text = node.textContent!.replace(/[*#_]+/g, ' ').replace(/\s+/g, ' ').trim();
      if (/[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/.test(text)) phrases.add(text);
    }
  }
  return [...phrases];
}

/** What a user reads or hears: text outside pseudo brackets, and labels, titles and placeholders. */
function shownText(root: Node): string[] {
  const out: string[] = [];
  for (const el of [root, ...deepQueryAll(root, '*')]) {
    if (!(el instanceof Element)) continue;
    if (el.closest('style, script, [hidden]')) continue;
    for (const attr of ['aria-label', 'title', 'placeholder', 'aria-roledescription']) {
      const v = el.getAttribute(attr);
      if (v) out.push(v);
    }
    for (const child of el.shadowRoot ? [...el.childNodes, ...el.shadowRoot.childNodes] : el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && child.textContent!.trim()) out.push(child.textContent!);
    }
  }
  // A pseudo message is bracketed; what is inside is not English whatever words it holds.
  return out.map((t) => t.replace(/⟦[^⟧]*⟧/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Wait until nothing on the page is busy and it stops changing (data arrived), at most `cap` ms. */
async function settled(el: Element, cap = 10_000) {
  const start = performance.now();
  let last = '';
  let stable = 0;
  while (performance.now() - start < cap && (stable < 3 || deepQuery(el, '[aria-busy="true"]'))) {
    await new Promise((r) => setTimeout(r, 150));
    const now = shownText(el).join('|');
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

/** Every text value in the mock API's answers: data, which shows as sent in any language. */
function recordData(): Set<string> {
  const data = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') data.add(v.trim());
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  worker.events.on('response:mocked', ({ response }) => {
    if (response.headers.get('content-type')?.includes('json')) void response.clone().json().then(collect, () => undefined);
  });
  return data;
}

/** The English phrases in `texts`, after the data values in them are taken out. */
function leftovers(texts: readonly string[], phrases: readonly string[], data: ReadonlySet<string>): string[] {
  const risky = [...data].filter((d) => phrases.some((p) => d.includes(p))).sort((a, b) => b.length - a.length);
  const found = new Set<string>();
  for (const text of texts) {
    let t = text;
    for (const d of risky) if (t.includes(d)) t = t.split(d).join(' ');
    for (const p of phrases) if (t.includes(p)) found.add(`“${p}” in “${text.slice(0, 120)}”`);
  }
  return [...found];
}

describe('the page in the pseudo-locale', () => {
  useMockApi();
  after(() => applyLocale('en'));

  it('shows no English message on any tab, in the side panel, or in its dialogs', async function () {
    this.timeout(60_000);
    const phrases = await englishPhrases();
    const data = recordData();
    expect(phrases.length, 'phrases read from the catalogue').to.be.greaterThan(300);
    const el = await fixture<IpEntityPage>(html`<ip-entity-page api-base="/api" ip="203.0.113.7" locale="en-XA"
      hunting-href="https://portal.example/hunting?query={query}" activity-log-href="https://portal.example/activity?ip={ip}"
      cloud-app-settings-href="https://portal.example/settings?ip={ip}" share-href="https://portal.example/ip/{ip}"></ip-entity-page>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="tab"]')?.textContent?.includes('⟦'), 'the page did not switch to the pseudo-locale', { timeout: 8000 });

    const problems: string[] = [];
    const sections: Record<IpTab, string> = { overview: 'ip-overview', alerts: 'ip-alerts-list', devices: 'ip-observed-devices', accounts: 'ip-accounts', intel: 'ip-threat-intel', sentinel: 'ip-sentinel-events' };
    for (const [tab, tag] of Object.entries(sections) as Array<[IpTab, string]>) {
      el.selectTab(tab);
      // The tab's code loads on first visit: wait for its element, then for its data.
      await waitUntil(() => deepQuery(el, tag)?.shadowRoot?.childElementCount, `${tag} did not render`, { timeout: 15_000 });
      await settled(el);
      problems.push(...leftovers(shownText(el), phrases, data).map((p) => `${tab}: ${p}`));
      if (tab === 'alerts') {
        // The side panel of one incident, with its form.
        await waitUntil(() => deepQuery(el, '.row:not(.placeholder) .cell.col-severity'), 'no rows', { timeout: 15_000 });
        deepQuery<HTMLElement>(el, '.row:not(.placeholder) .cell.col-severity')!.click();
        await waitUntil(() => deepQuery(el, 'ip-alerts-flyout'), 'the side panel did not open');
        await settled(el);
        problems.push(...leftovers(shownText(el), phrases, data).map((p) => `side panel: ${p}`));
      }
    }

    const actions = deepQuery<IpResponseActions>(el, 'ip-response-actions')!;
    for (const action of ['add-indicator', 'hunting-queries'] as const) {
      actions.runAction(action);
      await settled(el, 3000);
      problems.push(...leftovers(shownText(el), phrases, data).map((p) => `${action}: ${p}`));
      (deepQuery<HTMLElement>(el, 'dialog[open] .close') ?? deepQuery<HTMLElement>(el, 'dialog[open] button'))?.click();
      await settled(el, 2000);
    }
    await el.showShortcuts();
    await settled(el, 3000);
    problems.push(...leftovers(shownText(el), phrases, data).map((p) => `shortcuts: ${p}`));

    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
