/**
 * The alerts list never loses what the analyst typed or selected: the side panel's form through
 * scrolling, dropped pages and a moving total; saves fixed to what was selected at Save; Shift
 * ranges bounded and cancellable.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/alerts-list/ip-alerts-list.js';
import type { IpAlertsList } from '../../src/components/alerts-list/alerts-list.js';
import type { IpAlertsFlyout } from '../../src/components/alerts-list/alerts-flyout.js';
import type { AlertItem, AlertPatch } from '../../src/data/model.js';
import type { AlertQuery, IpDataProvider, Page, RequestOptions } from '../../src/data/provider.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { IpSlowNotice } from '../../src/components/slow-notice/slow-notice.js';
import { at } from '../helpers/fixtures.js';
import { withOverrides } from '../helpers/providers.js';
import { allByRole, byPart, byRole, cells, rowAt } from '../helpers/roles.js';
import { deepText, waitUntil } from '../helpers/dom.js';

const IP = '203.0.113.7';

interface Rows {
  provider: IpDataProvider;
  /** Change how many rows match (another analyst added some). */
  setTotal(n: number): void;
  updates: Array<{ ids: string[]; patch: AlertPatch; key?: string }>;
  /** Pending `listAlerts` calls when `hold` is on. */
  held: Array<() => void>;
  hold: boolean;
  /** How many ids `updateAlerts` confirms (default all). */
  confirm?: number;
  /** Resolves when the test releases a pending update. */
  updateGate?: Promise<void>;
}

function rows(initial: number): Rows {
  let total = initial;
  const state: Rows = {
    provider: undefined as unknown as IpDataProvider,
    setTotal: (n) => (total = n),
    updates: [],
    held: [],
    hold: false,
  };
  const item = (i: number): AlertItem => ({ id: `r${i}`, kind: 'alert', title: `Row ${i}`, severity: 'medium', status: 'new', classification: null, impactedAssets: [], firstActivity: at(0), lastActivity: at(0) });
  state.provider = withOverrides(new StaticIpDataProvider({ data: {} }), {
    listAlerts: async (_ip: string, q: AlertQuery, o: RequestOptions): Promise<Page<AlertItem>> => {
      if (state.hold) await new Promise<void>((resolve) => state.held.push(resolve));
      o.signal.throwIfAborted();
      const items: AlertItem[] = [];
      for (let i = q.offset; i < Math.min(total, q.offset + q.limit); i++) items.push(item(i));
      return { items, total };
    },
    updateAlerts: async (ids: string[], patch: AlertPatch, o: RequestOptions): Promise<AlertItem[]> => {
      state.updates.push({ ids, patch, key: o.idempotencyKey });
      if (state.updateGate) await state.updateGate;
      return ids.slice(0, state.confirm ?? ids.length).map((id) => ({ ...item(Number(id.slice(1))), status: patch.status ?? 'new' }));
    },
  });
  return state;
}

const root = (el: IpAlertsList) => el.shadowRoot!;
const flyout = (el: IpAlertsList) => root(el).querySelector<IpAlertsFlyout>('ip-alerts-flyout');
/** The severity cell of display row `d` (a click there selects the row). */
const severityCell = (el: IpAlertsList, d: number) => cells(rowAt(root(el), d + 2)!)[2]!;
const statusBar = (el: IpAlertsList) => byPart(root(el), 'status').textContent!.replace(/\s+/g, ' ');
const scroller = (el: IpAlertsList) => root(el).querySelector<HTMLElement>('[role="grid"]')!;

async function list(provider: IpDataProvider): Promise<IpAlertsList> {
  const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
  await waitUntil(() => allByRole(root(el), 'row').find((r) => r.hasAttribute('aria-selected')), 'rows');
  return el;
}

async function type(el: IpAlertsList, text: string) {
  const f = flyout(el)!;
  await f.updateComplete;
  const area = f.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await f.updateComplete;
  return area;
}

function selectAllMatching(el: IpAlertsList) {
  byRole<HTMLInputElement>(root(el), 'checkbox', 'Select all matching').click();
}

/** Select all matching, type a comment and press Save, with the list's pages held: the save waits while gathering its ids. */
async function startBulkSaveHeld(el: IpAlertsList, data: Rows) {
  selectAllMatching(el);
  await el.updateComplete;
  await type(el, 'Bulk');
  data.hold = true;
  flyout(el)!.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await waitUntil(() => data.held.length > 0, 'gathering started');
}

describe('<ip-alerts-list> keeps the analyst\u2019s work', () => {
  it('keeps what was typed in the panel while the grid scrolls far, pages go and the total moves', async () => {
    const data = rows(50_000);
    const el = await list(data.provider);
    byRole<HTMLInputElement>(rowAt(root(el), 2)!, 'checkbox').click();
    await el.updateComplete;
    let area = await type(el, 'Looked at it with the network team');
    // Scroll through enough pages that the first ones are dropped from memory.
    for (const row of [9_000, 18_000, 27_000, 36_000, 45_000, 49_990]) {
      el.scrollToIndex(row);
      await waitUntil(() => rowAt(root(el), row + 2)?.hasAttribute('aria-selected'), `row ${row}`);
    }
    await el.updateComplete;
    area = flyout(el)!.shadowRoot!.querySelector('textarea')!;
    expect(area.value).to.equal('Looked at it with the network team');
    expect(flyout(el)!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Row 0');

    // "All matching": the panel's examples change as the grid scrolls, and the total moves.
    byRole(byPart(root(el), 'status'), 'button', /^Select all/).click();
    await el.updateComplete;
    area = await type(el, 'Bulk note');
    el.scrollToIndex(100);
    await waitUntil(() => rowAt(root(el), 102)?.hasAttribute('aria-selected'), 'row 100');
    data.setTotal(50_010);
    el.scrollToIndex(30_000);
    await waitUntil(() => statusBar(el).includes('50,010'), 'the new total shows');
    await flyout(el)!.updateComplete;
    expect(flyout(el)!.shadowRoot!.querySelector('textarea')!.value).to.equal('Bulk note');
  });

  it('says a save succeeded, and focus stays on Save as the form starts over', async () => {
    const data = rows(20);
    const el = await list(data.provider);
    byRole<HTMLInputElement>(rowAt(root(el), 3)!, 'checkbox').click();
    await el.updateComplete;
    await type(el, 'Checked with the owner');
    const f = flyout(el)!;
    const save = f.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    const said = () => f.shadowRoot!.querySelector('[role="status"].saved')!.textContent!.trim();
    expect(said()).to.equal('');
    save.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => said() === 'Saved: the alert changed.', `not announced: "${said()}"`);
    expect(data.updates[0]!.patch).to.deep.equal({ comment: 'Checked with the owner' });
    expect(f.shadowRoot!.activeElement, 'focus stays on Save').to.equal(save);
    expect(save.getAttribute('aria-disabled'), 'nothing left to save').to.equal('true');
    // Pressing it again sends nothing; typing again clears the message.
    await sendKeys({ press: 'Enter' });
    await type(el, 'More');
    expect(data.updates).to.have.length(1);
    expect(said()).to.equal('');
  });

  it('is read-only while saving, and a success keeps what was changed after Save', async () => {
    const data = rows(10);
    let release!: () => void;
    data.updateGate = new Promise((r) => (release = r));
    const el = await list(data.provider);
    byRole<HTMLInputElement>(rowAt(root(el), 4)!, 'checkbox').click();
    await el.updateComplete;
    const area = await type(el, 'First note');
    const f = flyout(el)!;
    const save = f.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    save.focus();
    save.click();
    await waitUntil(() => data.updates.length === 1, 'update sent');
    await el.updateComplete;
    await f.updateComplete;
    expect(area.readOnly, 'comment read-only while saving').to.equal(true);
    expect(f.shadowRoot!.querySelector<HTMLSelectElement>('select[name="status"]')!.disabled).to.equal(true);
    expect(f.shadowRoot!.activeElement, 'focus stays on Save').to.equal(save);
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    // A second press while saving sends nothing.
    save.click();
    // Something changes the comment during the save (a paste handler, an extension): it is kept.
    area.value = 'Second note, typed during the save';
    area.dispatchEvent(new Event('input'));
    release();
    await waitUntil(() => !f.saving, 'saved');
    await f.updateComplete;
    expect(data.updates.length).to.equal(1);
    expect(data.updates[0]!.patch.comment).to.equal('First note');
    expect(f.shadowRoot!.querySelector('textarea')!.value).to.equal('Second note, typed during the save');
    expect(f.shadowRoot!.querySelector('textarea')!.readOnly).to.equal(false);
  });

  it('applies a bulk save to what was selected at Save: a changed list stops it, with a message', async () => {
    const data = rows(2_500);
    const el = await list(data.provider);
    await startBulkSaveHeld(el, data);
    // The analyst changes the search while the ids are being gathered.
    el.search = 'Row 1';
    await el.updateComplete;
    data.hold = false;
    data.held.splice(0).forEach((go) => go());
    await waitUntil(() => root(el).textContent!.includes('Nothing was saved'), `message: ${root(el).textContent!.slice(0, 300)}`);
    expect(data.updates).to.deep.equal([]);
  });

  it('a list that leaves the page while a bulk save gathers its ids sends nothing and says so when back; a change already sent finishes', async () => {
    const data = rows(2_500);
    const el = await list(data.provider);
    const parent = el.parentElement!;
    await startBulkSaveHeld(el, data);
    el.remove();
    data.hold = false;
    data.held.splice(0).forEach((go) => go());
    await aTimeout(50);
    parent.append(el);
    // The panel is still open with what was typed: it says so there.
    await waitUntil(() => deepText(el).includes('the list left the page'), `message: ${deepText(el).slice(0, 300)}`);
    expect(data.updates).to.deep.equal([]);
    expect(flyout(el)!.shadowRoot!.querySelector('textarea')!.value).to.equal('Bulk');

    // Sent, then the list leaves: the change is not aborted, and the rows show it when back.
    let release!: () => void;
    data.updateGate = new Promise<void>((r) => (release = r));
    selectAllMatching(el); // off again
    await el.updateComplete;
    byRole<HTMLInputElement>(rowAt(root(el), 2)!, 'checkbox').click();
    await el.updateComplete;
    await type(el, 'One');
    flyout(el)!.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => data.updates.length === 1, 'sent');
    el.remove();
    release();
    await aTimeout(50);
    parent.append(el);
    await waitUntil(() => flyout(el) && !flyout(el)!.saving, 'saved');
    expect(data.updates[0]!.ids).to.deep.equal(['r0']);
    expect(deepText(el)).to.not.include('Nothing was saved');
  });

  it('stops a bulk save whose list grows while the ids are gathered, and never reports part as success', async () => {
    const data = rows(2_500);
    const el = await list(data.provider);
    await startBulkSaveHeld(el, data);
    data.held.shift()!();
    await waitUntil(() => data.held.length > 0, 'second page asked');
    data.setTotal(2_600);
    data.hold = false;
    data.held.splice(0).forEach((go) => go());
    await waitUntil(() => flyout(el)!.shadowRoot!.textContent!.includes('added or removed'), 'says the list changed');
    expect(data.updates).to.deep.equal([]);
    expect(flyout(el)!.shadowRoot!.querySelector('textarea')!.value, 'the note is kept').to.equal('Bulk');

    // Now the provider confirms only some of them: the list says so and keeps the form.
    data.setTotal(20);
    el.refresh();
    await waitUntil(() => statusBar(el).includes('20 incidents'), 'reloaded');
    selectAllMatching(el);
    await el.updateComplete;
    await type(el, 'Partial');
    data.confirm = 15;
    flyout(el)!.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => flyout(el)!.shadowRoot!.textContent!.includes('Only 15 of 20 were changed'), 'partial reported');
    expect(flyout(el)!.shadowRoot!.querySelector('textarea')!.value).to.equal('Partial');
    // The five unconfirmed stay selected; saving again sends only them, under a new idempotency key
    // (the same key would have the data source replay its partial answer).
    await waitUntil(() => statusBar(el).includes('5 selected'), `the unconfirmed stay selected: ${statusBar(el)}`);
    data.confirm = undefined;
    flyout(el)!.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => data.updates.length === 2, 'retried');
    expect(data.updates[1]!.ids).to.deep.equal(data.updates[0]!.ids.slice(15));
    expect(data.updates[1]!.key).to.be.a('string').and.not.equal(data.updates[0]!.key);
  });

  it('bounds Shift ranges: past the limit it offers "select all matching"; loading can be cancelled', async () => {
    const data = rows(100_000);
    const el = await list(data.provider);
    severityCell(el, 0).click();
    await el.updateComplete;
    el.scrollToIndex(60_000);
    await waitUntil(() => rowAt(root(el), 60002)?.hasAttribute('aria-selected'), 'row 60,000');
    severityCell(el, 60000).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, shiftKey: true }));
    await el.updateComplete;
    expect(statusBar(el)).to.contain('That range has 60,001 rows');
    expect(statusBar(el)).to.contain('1 selected');
    byRole(byPart(root(el), 'status'), 'button', /^Select all/).click();
    await el.updateComplete;
    expect(statusBar(el)).to.contain('100,000 selected');

    // Within the limit, rows not loaded yet are fetched; Escape cancels and nothing is added.
    severityCell(el, 60000).click();
    await el.updateComplete;
    data.hold = true;
    el.scrollToIndex(64_000);
    await waitUntil(() => rowAt(root(el), 64002), 'row 64,000 rendered');
    data.hold = false;
    data.held.splice(0).forEach((go) => go());
    await waitUntil(() => rowAt(root(el), 64002)?.hasAttribute('aria-selected'), 'row 64,000 loaded');
    data.hold = true;
    severityCell(el, 64000).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, shiftKey: true }));
    await waitUntil(() => statusBar(el).includes('Selecting 4,001 rows'), statusBar(el));
    scroller(el).focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => statusBar(el).includes('Selection cancelled: nothing was added.'), statusBar(el));
    expect(statusBar(el)).to.contain('1 selected');
    data.hold = false;
    data.held.splice(0).forEach((go) => go());
  });

  it('completes a page that came back short, shows rows still missing as failed with Retry, ignores extras', async () => {
    const item = (i: number): AlertItem => ({ id: `s${i}`, kind: 'alert', title: `Short ${i}`, severity: 'low', status: 'new', classification: null, impactedAssets: [], firstActivity: at(0), lastActivity: at(0) });
    let withhold = true;
    const asked: Array<[number, number]> = [];
    const provider = withOverrides(new StaticIpDataProvider({ data: {} }), {
      listAlerts: async (_ip: string, q: AlertQuery): Promise<Page<AlertItem>> => {
        asked.push([q.offset, q.limit]);
        const items: AlertItem[] = [];
        // Sends 40 extra rows past the limit; while `withhold` is on, stops before row 60.
        for (let i = q.offset; i < Math.min(250, q.offset + q.limit + 40); i++) {
          if (withhold && i >= 60 && i < 100) break;
          items.push(item(i));
        }
        return { items, total: 250 };
      },
    });
    const el = await list(provider);
    el.scrollToIndex(55);
    await waitUntil(() => root(el).textContent!.includes('These rows could not be loaded'), 'missing rows say so');
    expect(rowAt(root(el), 61)!.textContent).to.contain('Short 59');
    expect(asked.some(([offset]) => offset === 60), 'asked once more for the rest').to.equal(true);
    withhold = false;
    byRole(root(el), 'button', 'Retry').click();
    await waitUntil(() => rowAt(root(el), 72)?.textContent!.includes('Short 70'), 'retried rows load');
    el.scrollToIndex(100);
    await waitUntil(() => rowAt(root(el), 102)?.hasAttribute('aria-selected'), 'row 100');
    expect(rowAt(root(el), 102)!.textContent).to.contain('Short 100');
    expect(statusBar(el)).to.contain('250 incidents');
  });

  it('says how many older alerts the data source does not list, so the count is not taken for everything', async () => {
    const item = (i: number): AlertItem => ({ id: `u${i}`, kind: 'alert', title: `Recent ${i}`, severity: 'low', status: 'new', classification: null, impactedAssets: [], firstActivity: at(0), lastActivity: at(0) });
    let unlisted: number | undefined = 99_900;
    const provider = withOverrides(new StaticIpDataProvider({ data: {} }), {
      listAlerts: async (_ip: string, q: AlertQuery): Promise<Page<AlertItem>> => ({
        items: Array.from({ length: Math.max(0, Math.min(q.limit, 100 - q.offset)) }, (_, i) => item(q.offset + i)),
        total: 100,
        ...(unlisted ? { unlisted } : {}),
      }),
    });
    const el = await list(provider);
    await waitUntil(() => statusBar(el).includes('100 incidents'), 'count');
    expect(statusBar(el)).to.contain('99,900 older alerts are not listed');
    unlisted = undefined;
    el.search = 'Recent';
    await waitUntil(() => !statusBar(el).includes('not listed'), 'a new answer without unlisted clears it');
  });

  it('says a slow first page is still loading, lets the analyst stop waiting, and Retry asks again', async () => {
    const before = IpSlowNotice.defaultDelay;
    IpSlowNotice.defaultDelay = 50;
    try {
      let calls = 0;
      const item = (i: number): AlertItem => ({ id: `s${i}`, kind: 'alert', title: `Slow ${i}`, severity: 'low', status: 'new', classification: null, impactedAssets: [], firstActivity: at(0), lastActivity: at(0) });
      const provider = withOverrides(new StaticIpDataProvider({ data: {} }), {
        listAlerts: (_ip: string, q: AlertQuery, o: RequestOptions): Promise<Page<AlertItem>> => {
          calls++;
          // The first ask never answers until aborted (a query the service is still running).
          if (calls === 1) return new Promise((_, reject) => o.signal.addEventListener('abort', () => reject(o.signal.reason)));
          return Promise.resolve({ items: Array.from({ length: Math.max(0, Math.min(q.limit, 3 - q.offset)) }, (_, i) => item(q.offset + i)), total: 3 });
        },
      });
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      const notice = () => root(el).querySelector('ip-slow-notice')?.shadowRoot?.querySelector<HTMLButtonElement>('[part="cancel"]');
      await waitUntil(notice, 'the slow notice shows');
      notice()!.click();
      await waitUntil(() => root(el).textContent!.includes('You stopped waiting'), 'the list says it stopped waiting');
      byRole<HTMLButtonElement>(root(el), 'button', 'Retry').click();
      await waitUntil(() => root(el).textContent!.includes('Slow 2'), 'Retry loads the rows');
      expect(root(el).querySelector('ip-slow-notice'), 'the notice is gone').to.equal(null);
    } finally {
      IpSlowNotice.defaultDelay = before;
    }
  });

  it('says what the data source left out of a list it built while throttled, until an answer is whole again', async () => {
    const item = (i: number): AlertItem => ({ id: `t${i}`, kind: 'alert', title: `Throttled ${i}`, severity: 'low', status: 'unknown', classification: null, impactedAssets: [], firstActivity: at(0), lastActivity: at(0) });
    let incomplete: string | undefined = 'Microsoft Graph did not give the details of 30 incidents and alerts just now.';
    const provider = withOverrides(new StaticIpDataProvider({ data: {} }), {
      listAlerts: async (_ip: string, q: AlertQuery): Promise<Page<AlertItem>> => ({
        items: Array.from({ length: Math.max(0, Math.min(q.limit, 40 - q.offset)) }, (_, i) => item(q.offset + i)),
        total: 40,
        ...(incomplete ? { incomplete } : {}),
      }),
    });
    const el = await list(provider);
    await waitUntil(() => statusBar(el).includes('did not give the details of 30'), 'the gap is said');
    expect(root(el).querySelector('[part="incomplete"]')!.getAttribute('role')).to.equal('status');
    incomplete = undefined;
    el.search = 'Throttled';
    await waitUntil(() => !statusBar(el).includes('did not give'), 'a whole answer clears it');
  });
});
