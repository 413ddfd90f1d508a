import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/alerts-list/ip-alerts-list.js';
import type { IpAlertsList } from '../../src/components/alerts-list/alerts-list.js';
import type { AlertItem } from '../../src/data/model.js';
import type { AlertQuery, IpDataProvider, Page, RequestOptions } from '../../src/data/provider.js';
import { IpDataError, PartlyAppliedError } from '../../src/data/errors.js';
import type { IpAlertsUpdatedEvent, IpNavigateEvent } from '../../src/events/events.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { afterFirstPaint, deepText, waitUntil } from '../helpers/dom.js';
import { accessibleName, allByRole, byPart, byRole, cells, queryByRole, rowAt } from '../helpers/roles.js';
import { at, makeAlert } from '../helpers/fixtures.js';
import { recording, withOverrides } from '../helpers/providers.js';

const IP = '203.0.113.7';
const NOW = Date.now();
const ago = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

function sampleAlerts(): AlertItem[] {
  return [
    makeAlert({ id: 'inc-1', kind: 'incident', title: 'Multi-stage incident', severity: 'high', status: 'inProgress', assignedTo: 'kim@contoso.com', category: 'Multiple', lastActivity: ago(1), firstActivity: ago(30), alertCount: 2 }),
    makeAlert({ id: 'a-1', title: 'Communication with C2', severity: 'high', status: 'new', incidentId: 'inc-1', category: 'CommandAndControl', lastActivity: ago(2), firstActivity: ago(3), impactedAssets: [{ kind: 'device', name: 'WS-FIN-0231' }, { kind: 'user', name: 'jsmith@contoso.com' }, { kind: 'device', name: 'SRV-SQL-02' }] }),
    makeAlert({ id: 'a-2', title: 'Password spray', severity: 'medium', status: 'new', incidentId: 'inc-1', category: 'CredentialAccess', lastActivity: ago(5), firstActivity: ago(6) }),
    makeAlert({ id: 'a-3', title: 'Anomalous DNS', severity: 'low', status: 'resolved', classification: 'falsePositive', determination: 'clean', category: 'CommandAndControl', lastActivity: ago(8), firstActivity: ago(9) }),
    makeAlert({ id: 'a-4', title: 'Newly registered domain', severity: 'informational', status: 'new', category: 'SuspiciousActivity', detectionSource: 'customDetection', investigationState: 'running', lastActivity: ago(10), firstActivity: ago(11) }),
  ];
}

function staticWith(alerts: AlertItem[] = sampleAlerts(), extra: Partial<ConstructorParameters<typeof StaticIpDataProvider>[0]> = {}) {
  return new StaticIpDataProvider({ data: { [IP]: { alerts } }, currentUser: 'me@contoso.com', ...extra });
}

/** A provider with `total` synthetic rows, answering any page instantly (row i: id `r{i}`). */
function countingProvider(total: number): { provider: IpDataProvider; queries: AlertQuery[] } {
  const queries: AlertQuery[] = [];
  const provider = withOverrides(staticWith([]), {
    listAlerts: async (_ip: string, q: AlertQuery): Promise<Page<AlertItem>> => {
      queries.push(q);
      const items: AlertItem[] = [];
      for (let i = q.offset; i < Math.min(total, q.offset + q.limit); i++) {
        items.push({ id: `r${i}`, kind: 'alert', title: `Row ${i}`, severity: 'medium', status: 'new', classification: null, impactedAssets: [], firstActivity: at(0), lastActivity: at(0) });
      }
      return { items, total };
    },
  });
  return { provider, queries };
}

const root = (el: IpAlertsList) => el.shadowRoot!;
/** Loaded rows: the selectable ones (a row still loading or failed has no aria-selected). */
const dataRows = (el: IpAlertsList) => allByRole(root(el), 'row').filter((r) => r.hasAttribute('aria-selected'));
/** A row's title: the link (or, without a link, the button) that is not the expander. */
const titleLink = (row: Element) => [...allByRole(row, 'link'), ...allByRole(row, 'button')].find((b) => !b.hasAttribute('aria-label'))!;
const titles = (el: IpAlertsList) => dataRows(el).map((r) => titleLink(r).textContent!.trim());
/** The 0-based display row of a grid row (aria-rowindex counts the header as 1). */
const indexOf = (row: Element | null | undefined) => Number(row?.getAttribute('aria-rowindex') ?? 0) - 2;
const status = (el: IpAlertsList) => byPart(root(el), 'status');
/** The cell of `row` under the column header named `name`. */
const cellUnder = (el: IpAlertsList, row: Element, name: string) => cells(row)[cells(rowAt(root(el), 1)!).findIndex((h) => accessibleName(h).startsWith(name))]!;
const grid = (el: IpAlertsList) => root(el).querySelector<HTMLElement>('[role="grid"]')!;
const button = (el: IpAlertsList, text: string) => [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(text))!;

async function loaded(el: IpAlertsList, rows?: number) {
  await waitUntil(() => dataRows(el).length > 0 && (rows === undefined || dataRows(el).length === rows), `rows did not load: ${deepText(el).slice(0, 200)}`, { timeout: 6000 });
  // The cells past the view are filled once the first rows have painted.
  await afterFirstPaint(el);
}

function cell(el: IpAlertsList, rowIndex: number, col: number): HTMLElement {
  return cells(rowAt(root(el), rowIndex + 2)!)[col]!;
}

async function openMenu(el: IpAlertsList, label: string) {
  button(el, label).click();
  await el.updateComplete;
}

async function check(el: IpAlertsList, label: string) {
  byRole(root(el), 'checkbox', label).click();
  await el.updateComplete;
}

describe('<ip-alerts-list>', () => {
  afterEach(() => localStorage.clear());

  describe('rendering', () => {
    it('shows incidents and alerts with every default column, told apart by icon', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list lang="en-US" ip=${IP} .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(el, 5);
      expect(titles(el)).to.deep.equal(['Multi-stage incident', 'Communication with C2', 'Password spray', 'Anomalous DNS', 'Newly registered domain']);
      const headers = [...root(el).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.replace(/[▲▼]/g, '').trim());
      // Defender's queue defaults, in its order.
      expect(headers).to.deep.equal(['', 'Incident or alert', 'Incident ID', 'Tags', 'Severity', 'Investigation state', 'Categories', 'Impacted assets', 'Alerts', 'Service sources', 'Detection sources', 'First activity', 'Last activity', 'Status', 'Assigned to', 'Classification', 'Determination']);
      const first = dataRows(el)[0]!;
      // The icon says it to a screen reader too.
      expect(deepText(cellUnder(el, first, 'Incident or alert'))).to.match(/^\W*Incident: Multi-stage incident/);
      // The cell reads the kind and title first, then the expander with its state.
      expect(byRole(first, 'button', /^(Expand|Collapse) the alerts of/).getAttribute('aria-expanded')).to.equal('false');
      expect(accessibleName(cellUnder(el, first, 'Incident or alert')).replace(/\s+/g, ' ').trim()).to.match(/^Incident: Multi-stage incident/);
      expect(deepText(cellUnder(el, dataRows(el)[1]!, 'Incident or alert'))).to.match(/^\W*Alert: Communication with C2/);
      expect(dataRows(el)[1]!.textContent).to.contain('WS-FIN-0231, jsmith@contoso.com');
      expect(dataRows(el)[1]!.textContent).to.contain('+1 more');
      expect(dataRows(el)[3]!.textContent).to.contain('False positive');
      expect(dataRows(el)[3]!.textContent).to.contain('Not malicious');
      expect(dataRows(el)[1]!.textContent).to.contain('Command and control');
      expect(deepText(status(el))).to.contain('5 incidents and alerts');
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('6');
      expect(dataRows(el).map((r) => r.getAttribute('aria-rowindex'))).to.deep.equal(['2', '3', '4', '5', '6']);
      await expect(el).to.be.accessible();
    });

    /**
     * A 1,000 px list's fourth row as it first reaches the DOM (a mutation record comes before any
     * frame), then after `act` (called there, before any frame too), then once the list is loaded.
     */
    async function firstRows(act?: (el: IpAlertsList) => void) {
      const el = document.createElement('ip-alerts-list') as IpAlertsList;
      Object.assign(el, { ip: IP, provider: staticWith() });
      el.style.width = '1000px';
      const read = (column: string) => cellUnder(el, dataRows(el)[3]!, column).textContent!.trim();
      const seen: { first?: Record<string, string>; acted?: Promise<string> } = {};
      const watch = new MutationObserver(() => {
        if (!dataRows(el)[3] || seen.first) return;
        seen.first = { title: read('Incident or alert'), severity: read('Severity'), determination: read('Determination') };
        if (act) {
          act(el);
          seen.acted = el.updateComplete.then(() => read('Determination'));
        }
      });
      document.body.append(el);
      try {
        watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
        await loaded(el, 5);
        return { el, first: seen.first!, acted: await seen.acted, last: read('Determination') };
      } finally {
        watch.disconnect();
        el.remove();
      }
    }

    it('builds the cells in view with their rows and fills the ones past the view once the rows have painted', async () => {
      const { first, last } = await firstRows();
      // Title and Severity begin inside the view (at 40 and 690 px); Determination 2,622 px in.
      expect(first.title).to.contain('Anomalous DNS');
      expect(first.severity).to.not.equal('');
      expect(first.determination).to.equal('');
      expect(last).to.equal('Not malicious');
    });

    it('fills every cell at once for a key pressed in the grid or a print before the rows have painted', async () => {
      const key = await firstRows((el) => root(el).querySelector('[role="grid"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true })));
      expect(key.first.determination).to.equal('');
      expect(key.acted, 'after End').to.equal('Not malicious');
      const print = await firstRows(() => dispatchEvent(new Event('beforeprint')));
      expect(print.first.determination).to.equal('');
      expect(print.acted, 'after beforeprint').to.equal('Not malicious');
    });

    it('expands an incident to show its alerts', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(el, 5);
      byRole(dataRows(el)[0]!, 'button', /^(Expand|Collapse) the alerts of/).click();
      await loaded(el, 7);
      expect(titles(el).slice(0, 3)).to.deep.equal(['Multi-stage incident', 'Communication with C2', 'Password spray']);
      expect(dataRows(el)[1]!.classList.contains('child')).to.equal(true);
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('8');
      byRole(dataRows(el)[0]!, 'button', /^(Expand|Collapse) the alerts of/).click();
      await loaded(el, 5);
    });

    it('says when nothing involves the IP, and when nothing matches the filters', async () => {
      const empty = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith([])}></ip-alerts-list>`);
      await waitUntil(() => deepText(empty).includes('No incidents or alerts involve this IP in the last 30 days'));
      await expect(empty).to.be.accessible();
      const filtered = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} filter="severity:high;status:resolved" .provider=${staticWith()}></ip-alerts-list>`);
      await waitUntil(() => deepText(filtered).includes('No incidents or alerts match these filters'));
      button(filtered, 'Clear filters').click();
      await loaded(filtered, 5);
    });

    it('shows a failed load with Retry, and recovers', async () => {
      let fail = true;
      const base = staticWith();
      const provider = withOverrides(base, {
        listAlerts: (ip: string, q: AlertQuery, o: { signal: AbortSignal }) => (fail ? Promise.reject(new IpDataError('unavailable', 'Alerts service is down.')) : base.listAlerts(ip, q, o)),
      });
      const errors: string[] = [];
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider} @ip-error=${(e: CustomEvent) => errors.push(e.detail.message)}></ip-alerts-list>`);
      await waitUntil(() => deepText(el).includes('Alerts service is down.'));
      expect(errors).to.deep.equal(['Alerts service is down.']);
      await expect(el).to.be.accessible();
      fail = false;
      button(el, 'Retry').click();
      await loaded(el, 5);
    });

    it('renders hostile strings as inert text', async () => {
      const hostile = '<img src=x onerror="window.__listPwned=1">';
      const alerts = [makeAlert({ id: 'h1', title: hostile, description: '<script>window.__listPwned=2</script>', assignedTo: hostile, impactedAssets: [{ kind: 'device', name: hostile }], lastActivity: ago(1), firstActivity: ago(2) })];
      const provider = staticWith(alerts, { links: { alert: () => 'javascript:window.__listPwned=3' } });
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await loaded(el, 1);
      expect(titles(el)).to.deep.equal([hostile]);
      expect(root(el).querySelectorAll('img, script').length).to.equal(0);
      expect(root(el).querySelector('a[href^="javascript"]')).to.equal(null);
      titleLink(dataRows(el)[0]!).click();
      expect((window as unknown as { __listPwned?: number }).__listPwned).to.equal(undefined);
    });
    it('takes its row height from its own knob, else the density token, and scrolls by it', async () => {
      const { provider } = countingProvider(1000);
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider} style="--ip-alerts-list-row-height: 48px"></ip-alerts-list>`);
      await loaded(el);
      expect(dataRows(el)[0]!.getBoundingClientRect().height).to.be.closeTo(48, 0.5);
      el.scrollToIndex(100);
      await waitUntil(() => dataRows(el).some((r) => r.textContent!.includes('Row 100')), 'row 100 shown');
      const scroller = grid(el);
      const row100 = dataRows(el).find((r) => r.textContent!.includes('Row 100'))!;
      const header = rowAt(root(el), 1)!;
      expect(row100.getBoundingClientRect().top - header.getBoundingClientRect().bottom).to.be.closeTo(0, 1);
      expect(scroller.scrollTop).to.be.closeTo(100 * 48, 1);
      const compact = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} density="compact" .provider=${provider}></ip-alerts-list>`);
      await loaded(compact);
      expect(dataRows(compact)[0]!.getBoundingClientRect().height).to.be.closeTo(28, 0.5);
    });
  });

  describe('first paint', () => {
    it('builds only the rows that show before its first paint, then the rows past the view for scrolling', async () => {
      const { provider } = countingProvider(1000);
      const firstRows: number[] = [];
      const el = document.createElement('ip-alerts-list') as IpAlertsList;
      el.ip = IP;
      el.provider = provider;
      // Mutation records are delivered before the frame that paints them: the rows of the first paint.
      const watch = new MutationObserver(() => {
        if (!firstRows.length && dataRows(el).length) firstRows.push(dataRows(el).length);
      });
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.append(el);
      await el.updateComplete;
      watch.observe(root(el), { childList: true, subtree: true });
      await waitUntil(() => firstRows.length > 0, 'rows');
      watch.disconnect();
      const rowHeight = dataRows(el)[0]!.getBoundingClientRect().height;
      const header = rowAt(root(el), 1)!.getBoundingClientRect().height;
      const fit = Math.ceil((grid(el).clientHeight - header) / rowHeight) + 1;
      expect(firstRows[0], 'no more than fit in the view').to.be.at.most(fit);
      await waitUntil(() => dataRows(el).length > firstRows[0]!, 'the rows past the view, once painted');
      expect(dataRows(el).length - firstRows[0]!).to.be.at.least(4);
    });
  });

  describe('filters, search and sort', () => {
    it('filters by any column through the provider, shows removable chips, and clears all', async () => {
      const { provider, calls } = recording(staticWith());
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await loaded(el, 5);
      const changes: unknown[] = [];
      el.addEventListener('ip-filter-change', (e) => changes.push((e as CustomEvent).detail.filter));
      await openMenu(el, 'Severity');
      await check(el, 'High');
      await loaded(el, 2);
      expect(titles(el)).to.deep.equal(['Multi-stage incident', 'Communication with C2']);
      const last = calls.filter((c) => c.method === 'listAlerts').at(-1)!.args[1] as AlertQuery;
      expect(last.filter).to.deep.equal({ severity: ['high'] });
      await openMenu(el, 'Type');
      await check(el, 'Alerts');
      await loaded(el, 1);
      expect(el.getAttribute('filter')).to.equal('kind:alert;severity:high');
      expect(changes.length).to.equal(2);
      const chips = allByRole(byRole(root(el), 'group', 'Active filters'), 'button', /^Remove /).map((c) => c.textContent!.replace('✕', '').trim());
      expect(chips).to.deep.equal(['Severity: High', 'Type: Alerts']);
      byRole(root(el), 'button', /^Remove /).click();
      await loaded(el, 4);
      button(el, 'Clear all').click();
      await loaded(el, 5);
      expect(el.filter).to.deep.equal({});
    });

    it('filters on "not set" values and on values seen in the rows', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(el, 5);
      await openMenu(el, 'Assigned to');
      await check(el, 'Unassigned');
      await loaded(el, 4);
      await openMenu(el, 'Assigned to');
      await openMenu(el, 'Category');
      await check(el, 'Command and control');
      await loaded(el, 2);
      expect(titles(el)).to.deep.equal(['Communication with C2', 'Anomalous DNS']);
      await openMenu(el, 'Category');
      await openMenu(el, 'Classification');
      await check(el, 'False positive');
      await loaded(el, 1);
      await openMenu(el, 'Classification');
      for (const [menu, option] of [['Status', 'Resolved'], ['Detection source', 'Custom detection'], ['Investigation state', 'Running']] as const) {
        el.filter = {};
        await loaded(el, 5);
        await openMenu(el, menu);
        await check(el, option);
        await waitUntil(() => dataRows(el).length <= 1 || deepText(el).includes('match these filters'), `${menu} filter`);
        await openMenu(el, menu);
      }
    });

    it("shows Defender's queue columns and filters every filterable one, the rarer behind More filters", async () => {
      const alerts = sampleAlerts();
      Object.assign(alerts[0]!, { tags: ['Ransomware', 'VIP', 'BEC'], categories: ['CommandAndControl', 'CredentialAccess'], serviceSources: ['microsoftDefenderForEndpoint', 'azureAdIdentityProtection'] });
      Object.assign(alerts[1]!, { serviceSource: 'microsoftDefenderForEndpoint', productNames: ['Microsoft Defender for Endpoint'], deviceGroups: ['Workstations – Finance'] });
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith(alerts)}></ip-alerts-list>`);
      await loaded(el, 5);
      const [incident, alert, , resolved] = dataRows(el);
      const text = (row: Element, column: string) => deepText(cellUnder(el, row!, column)).replace(/\s+/g, ' ').trim();
      expect(text(incident!, 'Tags')).to.equal('Ransomware VIP +1 more');
      expect(text(incident!, 'Categories')).to.equal('Command and control, Credential access');
      expect(text(incident!, 'Service sources')).to.equal('Defender for Endpoint, Entra ID Protection');
      expect(text(incident!, 'Alerts')).to.equal('2');
      expect(text(alert!, 'Alerts')).to.equal('—');
      expect(text(incident!, 'Incident ID')).to.equal('inc-1');
      expect(text(alert!, 'Incident ID')).to.equal('inc-1');
      expect(text(resolved!, 'Classification')).to.equal('False positive');
      expect(text(resolved!, 'Determination')).to.equal('Not malicious');

      const more = button(el, 'More filters');
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(queryByRole(root(el), 'button', /^Tags/)).to.equal(null);
      more.click();
      await el.updateComplete;
      await openMenu(el, 'Tags');
      await check(el, 'Ransomware');
      await loaded(el, 1);
      expect(titles(el)).to.deep.equal(['Multi-stage incident']);
      expect(el.getAttribute('filter')).to.equal('tags:Ransomware');
      // Fewer filters: a rare filter in use stays in view; the others go.
      button(el, 'Fewer filters').click();
      await el.updateComplete;
      expect(button(el, 'Tags')).to.exist;
      expect(button(el, 'Device group')).to.equal(undefined);
      expect(button(el, 'More filters').textContent).to.contain('(12)');
      el.filter = {};
      await loaded(el, 5);
      button(el, 'More filters').click();
      await el.updateComplete;
      for (const [menu, option, title] of [['Device group', 'Workstations – Finance', 'Communication with C2'], ['Service source', 'Entra ID Protection', 'Multi-stage incident'], ['Asset type', 'User', 'Communication with C2']] as const) {
        el.filter = {};
        await loaded(el, 5);
        await openMenu(el, menu);
        await check(el, option);
        await loaded(el, 1);
        expect(titles(el), menu).to.deep.equal([title]);
        await openMenu(el, menu);
      }
      await expect(el).to.be.accessible();
    });

    it('filters first and last activity by a From–To interval of days, refusing From after To', async () => {
      const { provider, calls } = recording(staticWith());
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await loaded(el, 5);
      button(el, 'More filters').click();
      await el.updateComplete;
      await openMenu(el, 'Last activity');
      const form = byRole(root(el), 'form', 'Filter by Last activity');
      const from = form.querySelector<HTMLInputElement>('input[name="from"]')!;
      const to = form.querySelector<HTMLInputElement>('input[name="to"]')!;
      const day = (h: number) => ago(h).slice(0, 10);
      from.value = day(0);
      to.value = day(24 * 3);
      byRole(form, 'button', 'Apply').click();
      expect(byRole(form, 'alert').textContent).to.equal('From must be on or before To.');
      expect(from.value, 'what was typed stays').to.equal(day(0));
      // Every sample alert's last activity is within the last 11 hours: a window of days around now keeps them all, one before drops them.
      from.value = day(24 * 3);
      to.value = day(0);
      byRole(form, 'button', 'Apply').click();
      await loaded(el, 5);
      const last = calls.filter((c) => c.method === 'listAlerts').at(-1)!.args[1] as AlertQuery;
      expect(last.filter).to.deep.equal({ lastActivity: [`${day(24 * 3)}..${day(0)}`] });
      expect(el.getAttribute('filter')).to.equal(`lastActivity:${encodeURIComponent(`${day(24 * 3)}..${day(0)}`)}`);
      const chips = allByRole(byRole(root(el), 'group', 'Active filters'), 'button', /^Remove /).map((c) => c.textContent!.replace('✕', '').trim());
      expect(chips).to.deep.equal([`Last activity: ${day(24 * 3)} – ${day(0)}`]);
      el.filter = { lastActivity: [`..${day(24 * 10)}`] };
      await waitUntil(() => deepText(el).includes('No incidents or alerts match these filters'), 'nothing that old');
    });

    it('deep-links a filter through the attribute', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} filter="severity:medium,low" .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(el, 2);
      expect(titles(el)).to.deep.equal(['Password spray', 'Anomalous DNS']);
      expect(root(el).querySelector('[part="filter-notice"]')).to.equal(null);
    });

    it('applies only the values of a linked filter it knows, says which it left out, and lets the analyst dismiss that', async () => {
      const asked: AlertQuery[] = [];
      const base = staticWith();
      const provider = withOverrides(base, { listAlerts: (ip: string, q: AlertQuery, o: RequestOptions) => (asked.push(q), base.listAlerts(ip, q, o)) });
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} filter="severity:constructor,medium,low;status:__proto__;lastActivity:Nov 1..Nov 5" .provider=${provider}></ip-alerts-list>`);
      await loaded(el, 2);
      expect(asked.at(-1)!.filter).to.deep.equal({ severity: ['medium', 'low'] });
      const notice = root(el).querySelector<HTMLElement>('[part="filter-notice"]')!;
      expect(notice.getAttribute('role')).to.equal('status');
      expect(deepText(notice)).to.contain('Not applied from the filter given: Severity “constructor” (not one of its values); Status “__proto__” (not one of its values); Last activity “Nov 1..Nov 5” (not a time interval');
      await expect(el).to.be.accessible();
      byRole(notice, 'button', 'Dismiss').click();
      await el.updateComplete;
      expect(root(el).querySelector('[part="filter-notice"]')).to.equal(null);
      expect(titles(el)).to.deep.equal(['Password spray', 'Anomalous DNS']);
    });

    it('searches as you type (debounced), and "/" focuses the search', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(el, 5);
      cell(el, 0, 2).focus();
      await sendKeys({ press: '/' });
      expect(root(el).activeElement?.id).to.equal('search');
      await sendKeys({ type: 'sql-02' });
      // On a slow machine a pause between keystrokes applies a prefix first ("sql-"); the whole text follows.
      await waitUntil(() => queryByRole(root(el), 'group', 'Active filters')?.textContent?.includes('“sql-02”'), 'the search applied');
      await loaded(el, 1);
      expect(titles(el)).to.deep.equal(['Communication with C2']);
      await sendKeys({ press: 'Escape' });
      await loaded(el, 5);
    });

    it('sorts by a header, flips on the second click, keeps ties in last-activity order', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(el, 5);
      const header = (label: string) => [...root(el).querySelectorAll<HTMLElement>('[role="columnheader"]')].find((h) => h.textContent!.includes(label))!;
      expect(header('Last activity').getAttribute('aria-sort')).to.equal('descending');
      header('Severity').click();
      await waitUntil(() => titles(el)[4] === 'Newly registered domain' && header('Severity').getAttribute('aria-sort') === 'descending');
      expect(titles(el)).to.deep.equal(['Multi-stage incident', 'Communication with C2', 'Password spray', 'Anomalous DNS', 'Newly registered domain']);
      expect(el.getAttribute('sort')).to.equal('severity:desc');
      header('Severity').click();
      await waitUntil(() => titles(el)[0] === 'Newly registered domain');
      expect(header('Severity').getAttribute('aria-sort')).to.equal('ascending');
      expect(titles(el)).to.deep.equal(['Newly registered domain', 'Anomalous DNS', 'Password spray', 'Multi-stage incident', 'Communication with C2']);
      header('Incident or alert').click();
      await waitUntil(() => titles(el)[0] === 'Anomalous DNS');
      expect(titles(el)).to.deep.equal(['Anomalous DNS', 'Communication with C2', 'Multi-stage incident', 'Newly registered domain', 'Password spray']);
      expect(header('Last activity').getAttribute('aria-sort')).to.equal('none');
    });
  });

  describe('columns', () => {
    it('shows, hides and reorders columns, and persists the choice under storage-key', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} storage-key="test-host" .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(el, 5);
      await openMenu(el, 'Columns');
      const option = (label: string) => [...root(el).querySelectorAll<HTMLLIElement>('#column-chooser li')].find((li) => li.textContent!.includes(label))!;
      option('Investigation state').querySelector('input')!.click();
      option('Alert ID').querySelector('input')!.click();
      option('Severity').querySelector<HTMLButtonElement>('button[aria-label="Move Severity up"]')!.click();
      await el.updateComplete;
      expect(option('Incident or alert').querySelector('input')!.disabled).to.equal(true);
      const headers = () => [...root(el).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.replace(/[▲▼]/g, '').trim()).slice(1);
      expect(headers(), JSON.stringify(headers())).to.deep.equal([
        'Incident or alert', 'Incident ID', 'Severity', 'Tags', 'Categories', 'Impacted assets', 'Alerts', 'Service sources', 'Detection sources',
        'First activity', 'Last activity', 'Status', 'Assigned to', 'Classification', 'Determination', 'Alert ID',
      ]);
      const stored = JSON.parse(localStorage.getItem('ip-alerts-list:test-host:columns')!);
      expect(stored.find((c: { id: string }) => c.id === 'investigationState').visible).to.equal(false);
      const again = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} storage-key="test-host" .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(again, 5);
      expect([...root(again).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.replace(/[▲▼]/g, '').trim()).slice(1)).to.deep.equal(headers());
      await expect(el).to.be.accessible();
    });

    it('resizes a column with the pointer and from the keyboard', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(el, 5);
      const width = () => el.columns.find((c) => c.id === 'incidentId')!.width;
      const start = width();
      const handle = [...root(el).querySelectorAll<HTMLElement>('[role="columnheader"]')].find((h) => h.textContent!.includes('Incident ID'))!.querySelector<HTMLElement>('.resize-handle')!;
      const box = handle.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + 3), Math.round(box.y + box.height / 2)] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [Math.round(box.x + 83), Math.round(box.y + box.height / 2)] });
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(width()).to.be.closeTo(start + 80, 2);
      const idHeader = [...root(el).querySelectorAll<HTMLElement>('[role="columnheader"]')].findIndex((h) => h.textContent!.includes('Incident ID'));
      cell(el, 0, idHeader).focus();
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ up: 'Shift' });
      await el.updateComplete;
      expect(width()).to.be.closeTo(start + 64, 2);
      expect(allByRole(root(el), 'row')[1]!.getBoundingClientRect().width).to.be.above(800);
    });

    it('accepts columns as a property and ignores garbage', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith()} .columns=${[{ id: 'severity', visible: true, width: 5 }, { id: 'bogus' }, { id: 'title', visible: false }]}></ip-alerts-list>`);
      await loaded(el, 5);
      expect(el.columns[0]).to.deep.equal({ id: 'severity', visible: true, width: 110 });
      expect(el.columns[1]!.id).to.equal('title');
      expect(el.columns[1]!.visible).to.equal(true);
      expect(el.columns.filter((c) => c.visible).length).to.equal(2);
    });
  });

  describe('selection and the side panel', () => {
    it('selects with checkbox, Ctrl-click and Shift-click ranges, and always shows the count', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(el, 5);
      const statusText = () => status(el).textContent!.replace(/\s+/g, ' ');
      dataRows(el)[1]!.querySelector('input')!.click();
      await el.updateComplete;
      expect(statusText()).to.contain('1 selected');
      const box = dataRows(el)[3]!.querySelector('input')!.getBoundingClientRect();
      await sendKeys({ down: 'Shift' });
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await sendKeys({ up: 'Shift' });
      await waitUntil(() => statusText().includes('3 selected'), statusText());
      expect(dataRows(el).map((r) => r.getAttribute('aria-selected'))).to.deep.equal(['false', 'true', 'true', 'true', 'false']);
      const title = cellUnder(el, dataRows(el)[4]!, 'Incident ID').getBoundingClientRect();
      await sendKeys({ down: 'Control' });
      await sendMouse({ type: 'click', position: [Math.round(title.x + 4), Math.round(title.y + title.height / 2)] });
      await sendKeys({ up: 'Control' });
      await waitUntil(() => statusText().includes('4 selected'), statusText());
      expect(root(el).querySelector('ip-alerts-flyout')).to.exist;
      button(el, 'Select all 5 matching').click();
      await el.updateComplete;
      expect(statusText()).to.contain('5 selected');
      dataRows(el)[0]!.querySelector('input')!.click();
      await el.updateComplete;
      expect(statusText()).to.contain('4 selected');
      button(el, 'Clear selection').click();
      await el.updateComplete;
      expect(statusText()).to.not.contain('selected');
      expect(root(el).querySelector('ip-alerts-flyout')).to.equal(null);
    });

    it('selects all matching across unloaded pages with the header checkbox', async () => {
      const { provider } = countingProvider(1234);
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await loaded(el);
      byRole<HTMLInputElement>(root(el), 'checkbox', 'Select all matching').click();
      await el.updateComplete;
      expect(status(el).textContent).to.contain('1,234 selected');
      expect(byRole<HTMLInputElement>(root(el), 'checkbox', 'Select all matching').checked).to.equal(true);
    });

    it('opens the panel with details, manages the selection, and updates rows in place', async () => {
      const { provider, calls } = recording(staticWith());
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} current-user="me@contoso.com" .provider=${provider}></ip-alerts-list>`);
      await loaded(el, 5);
      cellUnder(el, dataRows(el)[1]!, 'Status').click();
      await el.updateComplete;
      const flyout = root(el).querySelector('ip-alerts-flyout')!;
      await flyout.updateComplete;
      const fr = flyout.shadowRoot!;
      expect(fr.querySelector('h2')!.textContent).to.equal('Communication with C2');
      expect(deepText(fr)).to.contain('WS-FIN-0231');
      expect(deepText(fr)).to.contain('Related devices');
      const select = (name: string, value: string) => {
        const s = fr.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
        s.value = value;
        s.dispatchEvent(new Event('change'));
      };
      select('status', 'resolved');
      await flyout.updateComplete;
      select('classification', 'truePositive');
      await flyout.updateComplete;
      expect([...fr.querySelectorAll<HTMLOptionElement>('select[name="determination"] option')].map((o) => o.value).slice(1)).to.deep.equal(['multiStagedAttack', 'maliciousUserActivity', 'compromisedUser', 'malware', 'phishing', 'unwantedSoftware', 'other']);
      select('determination', 'malware');
      select('assign', '__me__');
      const comment = fr.querySelector<HTMLTextAreaElement>('textarea')!;
      comment.value = 'Contained by isolating the device.';
      comment.dispatchEvent(new Event('input'));
      await flyout.updateComplete;
      await expect(el).to.be.accessible();
      setTimeout(() => fr.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
      const updated = (await oneEvent(el, 'ip-alerts-updated')) as IpAlertsUpdatedEvent;
      expect(updated.detail.items.map((a) => a.id)).to.deep.equal(['a-1']);
      const call = calls.find((c) => c.method === 'updateAlerts')!;
      expect(call.args[0]).to.deep.equal(['a-1']);
      expect(call.args[1]).to.deep.equal({ status: 'resolved', classification: 'truePositive', determination: 'malware', assignedTo: 'me@contoso.com', comment: 'Contained by isolating the device.' });
      await el.updateComplete;
      expect(dataRows(el)[1]!.textContent).to.contain('Resolved');
      expect(dataRows(el)[1]!.textContent).to.contain('True positive');
      expect(dataRows(el)[1]!.textContent).to.contain('me@contoso.com');
      await flyout.updateComplete;
      expect(fr.querySelector<HTMLTextAreaElement>('textarea')!.value).to.equal('');
    });

    it('keeps what was typed, rolls the rows back and shows the error when saving fails', async () => {
      let attempts = 0;
      const base = staticWith();
      const provider = withOverrides(base, {
        updateAlerts: async (ids: string[], patch: object, o: { signal: AbortSignal }) => {
          attempts++;
          if (attempts === 1) {
            await new Promise((r) => setTimeout(r, 50));
            throw new IpDataError('forbidden', 'You may not resolve alerts in this tenant.');
          }
          return base.updateAlerts(ids, patch, o);
        },
      });
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await loaded(el, 5);
      cellUnder(el, dataRows(el)[2]!, 'Status').click();
      await el.updateComplete;
      const flyout = root(el).querySelector('ip-alerts-flyout')!;
      await flyout.updateComplete;
      const fr = flyout.shadowRoot!;
      const status = fr.querySelector<HTMLSelectElement>('select[name="status"]')!;
      status.value = 'resolved';
      status.dispatchEvent(new Event('change'));
      const comment = fr.querySelector<HTMLTextAreaElement>('textarea')!;
      comment.value = 'Benign scanner';
      comment.dispatchEvent(new Event('input'));
      await flyout.updateComplete;
      fr.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await el.updateComplete;
      expect(dataRows(el)[2]!.textContent, 'optimistic').to.contain('Resolved');
      await waitUntil(() => fr.textContent!.includes('You may not resolve alerts in this tenant.'), 'error shown');
      await el.updateComplete;
      expect(dataRows(el)[2]!.textContent, 'rolled back').to.contain('New');
      expect(dataRows(el)[2]!.textContent).to.not.contain('Resolved');
      expect(fr.querySelector<HTMLSelectElement>('select[name="status"]')!.value).to.equal('resolved');
      expect(fr.querySelector<HTMLTextAreaElement>('textarea')!.value).to.equal('Benign scanner');
      await expect(el).to.be.accessible();
      fr.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => dataRows(el)[2]!.textContent!.includes('Resolved') && !fr.textContent!.includes('may not'), 'retry worked');
    });

    it('says exactly what was saved when a change is applied only in part, and shows the rows as they now are', async () => {
      const base = staticWith();
      const provider = withOverrides(base, {
        updateAlerts: async (ids: string[], patch: { comment?: string }, o: { signal: AbortSignal }) => {
          // The status is saved; the comment is refused afterwards.
          const applied = await base.updateAlerts(ids, { ...patch, comment: undefined }, o);
          throw new PartlyAppliedError('The change was saved, but the comment could not be added to 1 of 1: Insufficient privileges.', applied);
        },
      });
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await loaded(el, 5);
      cellUnder(el, dataRows(el)[2]!, 'Status').click();
      await el.updateComplete;
      const flyout = root(el).querySelector('ip-alerts-flyout')!;
      await flyout.updateComplete;
      const fr = flyout.shadowRoot!;
      const status = fr.querySelector<HTMLSelectElement>('select[name="status"]')!;
      status.value = 'resolved';
      status.dispatchEvent(new Event('change'));
      const comment = fr.querySelector<HTMLTextAreaElement>('textarea')!;
      comment.value = 'Benign scanner';
      comment.dispatchEvent(new Event('input'));
      await flyout.updateComplete;
      fr.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => fr.textContent!.includes('the comment could not be added'), 'the partial save is said');
      await el.updateComplete;
      expect(dataRows(el)[2]!.textContent, 'the saved status stays').to.contain('Resolved');
      expect(fr.querySelector<HTMLTextAreaElement>('textarea')!.value, 'the comment typed stays').to.equal('Benign scanner');
    });

    it('is read-only without updateAlerts', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith(sampleAlerts(), { readOnly: true })}></ip-alerts-list>`);
      await loaded(el, 5);
      dataRows(el)[0]!.querySelector('input')!.click();
      await el.updateComplete;
      const flyout = root(el).querySelector('ip-alerts-flyout')!;
      await flyout.updateComplete;
      expect(flyout.shadowRoot!.querySelector('form')).to.equal(null);
      expect(flyout.shadowRoot!.textContent).to.contain('Read-only');
    });

    it('closes the panel with Escape and returns focus to the row', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(el, 5);
      cell(el, 0, 2).focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const flyout = root(el).querySelector('ip-alerts-flyout')!;
      await waitUntil(() => flyout.shadowRoot!.activeElement?.tagName === 'H2', 'focus moved into the panel');
      // The panel talks to its list only: its events never reach the host.
      const leaked: string[] = [];
      const listen = (e: Event) => leaked.push(e.type);
      el.addEventListener('ip-flyout-close', listen);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      el.removeEventListener('ip-flyout-close', listen);
      expect(root(el).querySelector('ip-alerts-flyout')).to.equal(null);
      expect(leaked).to.deep.equal([]);
      await waitUntil(() => root(el).activeElement === cell(el, 1, 2), 'focus back on the row');
    });
  });

  describe('navigation', () => {
    it('fires a cancelable ip-navigate for the title, with the provider link', async () => {
      const provider = staticWith(sampleAlerts(), { links: { incident: (id: string) => `/incidents/${id}`, alert: (id: string) => `/alerts/${id}` } });
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await loaded(el, 5);
      el.addEventListener('ip-navigate', (e) => e.preventDefault());
      setTimeout(() => titleLink(dataRows(el)[0]!).click());
      const e = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
      expect(e.detail).to.include({ target: 'incident', id: 'inc-1', ip: IP, href: new URL('/incidents/inc-1', location.href).href });
      expect(location.pathname).to.not.contain('/incidents/');
      cell(el, 1, 0).focus();
      await sendKeys({ press: 'ArrowRight' });
      setTimeout(() => sendKeys({ press: 'Enter' }));
      const viaKey = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
      expect(viaKey.detail).to.include({ target: 'alert', id: 'a-1' });
    });
  });

  describe('unsafe links', () => {
    it('never follows a javascript: link from the provider, by click or by Enter', async () => {
      const provider = staticWith(sampleAlerts(), { links: { incident: () => 'javascript:window.__pwned=1', alert: () => 'java\tscript:window.__pwned=1' } });
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await loaded(el, 5);
      expect(root(el).querySelector('a[href^="javascript" i]')).to.equal(null);
      cell(el, 1, 0).focus();
      await sendKeys({ press: 'ArrowRight' });
      setTimeout(() => sendKeys({ press: 'Enter' }));
      const e = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
      expect(e.detail.href).to.equal(undefined);
      await aTimeout(50);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('export', () => {
    it('exports every matching row as CSV, visible columns in order, safe for spreadsheets', async () => {
      const alerts = [
        makeAlert({ id: 'x1', title: '=HYPERLINK("http://evil.example","click")', severity: 'high', assignedTo: '+cmd', category: '@SUM', lastActivity: ago(1), firstActivity: ago(2), impactedAssets: [{ kind: 'device', name: 'PC, "one"' }] }),
        makeAlert({ id: 'x2', title: 'Line\nbreak', severity: 'low', lastActivity: ago(3), firstActivity: ago(4) }),
        ...Array.from({ length: 250 }, (_, i) => makeAlert({ id: `bulk${i}`, title: `Bulk ${i}`, lastActivity: ago(10 + i), firstActivity: ago(11 + i) })),
      ];
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith(alerts)} .columns=${[{ id: 'title', visible: true, width: 300 }, { id: 'severity', visible: true, width: 120 }, { id: 'assignedTo', visible: true, width: 120 }, { id: 'impactedAssets', visible: true, width: 200 }, { id: 'category', visible: false, width: 100 }]}></ip-alerts-list>`);
      await loaded(el);
      const progress: number[] = [];
      const csv = await el.exportData('csv', undefined, (done) => progress.push(done));
      const lines = csv.split('\r\n');
      expect(lines[0]).to.equal('Type,Id,Incident or alert,Severity,Assigned to,Impacted assets');
      expect(lines[1]).to.equal(`alert,x1,"'=HYPERLINK(""http://evil.example"",""click"")",High,'+cmd,"PC, ""one"""`);
      expect(lines[2]).to.match(/^alert,x2,"Line\nbreak",Low,,device-\d+$/);
      expect(lines.filter((l) => l.startsWith('alert,bulk')).length).to.equal(250);
      expect(progress.at(-1)).to.equal(252);
      const json = JSON.parse(await el.exportData('json'));
      expect(json.length).to.equal(252);
      expect(Object.keys(json[0])).to.deep.equal(['kind', 'id', 'title', 'severity', 'assignedTo', 'impactedAssets']);
      expect(json[0].title).to.equal('=HYPERLINK("http://evil.example","click")');
    });

    it('exports from the menu with a progress line and a download', async () => {
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${staticWith()}></ip-alerts-list>`);
      await loaded(el, 5);
      const clicks: string[] = [];
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicks.push(this.download);
      };
      try {
        await openMenu(el, 'Export');
        button(el, 'CSV').click();
        await waitUntil(() => clicks.length === 1, 'download started');
        expect(clicks[0]).to.match(/^incidents-and-alerts-203-0-113-7-\d{4}-\d{2}-\d{2}\.csv$/);
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
    });
  });

  describe('keyboard (WAI-ARIA grid)', () => {
    it('is four Tab stops: search, the filters toolbar, the tools toolbar, the grid; links in cells are not stops', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><ip-alerts-list ip=${IP} .provider=${staticWith()}></ip-alerts-list><button>after</button></div>`);
      const el = wrapper.querySelector('ip-alerts-list')!;
      await loaded(el);
      const active = () => root(el).activeElement as HTMLElement | null;
      const label = () => active()?.textContent!.replace(/[\s▾]+/g, ' ').trim();
      root(el).querySelector<HTMLInputElement>('#search')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(active()!.closest('[role="toolbar"]')!.getAttribute('aria-label')).to.equal('Filters');
      expect(label()).to.equal('Severity');
      await sendKeys({ press: 'ArrowRight' });
      expect(label()).to.equal('Status');
      await sendKeys({ press: 'End' });
      expect(label()).to.match(/^More filters/);
      await sendKeys({ press: 'ArrowRight' });
      expect(label(), 'wraps to the first').to.equal('Severity');
      await sendKeys({ press: 'ArrowLeft' });
      expect(label()).to.match(/^More filters/);
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Tab' });
      expect(label()).to.equal('Columns');
      await sendKeys({ press: 'ArrowRight' });
      expect(label()).to.equal('Export');
      // Back to the filters: Tab returns to the one last used.
      await sendKeys({ press: 'Shift+Tab' });
      expect(label()).to.equal('Status');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(active()!.getAttribute('role')).to.equal('gridcell');
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement, 'the next Tab leaves the list').to.equal(wrapper.querySelector('button'));
    });

    it('mirrors the toolbars\u2019 arrows right to left', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><ip-alerts-list ip=${IP} .provider=${staticWith()}></ip-alerts-list></div>`);
      const el = wrapper.querySelector('ip-alerts-list')!;
      await loaded(el);
      button(el, 'Severity').focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect((root(el).activeElement as HTMLElement).textContent!.trim()).to.match(/^Status/);
    });

    it('has one tab stop and moves with arrows (no wrap), Home/End, Page keys; Space selects, Shift+Arrow extends', async () => {
      const { provider } = countingProvider(300);
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await loaded(el);
      const tabbable = () => [...root(el).querySelectorAll<HTMLElement>('[tabindex="0"]')].filter((x) => x.closest('[role="grid"]'));
      expect(tabbable().length).to.equal(1);
      cell(el, 0, 1).focus();
      const focused = () => {
        const a = root(el).activeElement as HTMLElement;
        const row = a.closest('[role="row"]')!;
        return [indexOf(row), cells(row).indexOf(a)];
      };
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused()).to.deep.equal([0, 0]);
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused()).to.deep.equal([0, 0]);
      const last = el.columns.filter((c) => c.visible).length;
      await sendKeys({ press: 'End' });
      expect(focused()).to.deep.equal([0, last]);
      await sendKeys({ press: 'ArrowRight' });
      expect(focused()).to.deep.equal([0, last]);
      await sendKeys({ press: 'Home' });
      expect(focused()).to.deep.equal([0, 0]);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'PageDown' });
      await el.updateComplete;
      const [rowAfterPage] = focused();
      expect(rowAfterPage).to.be.above(5);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(status(el).textContent).to.contain('1 selected');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ up: 'Shift' });
      await waitUntil(() => status(el).textContent!.includes('3 selected'));
      await sendKeys({ press: 'Control+Home' });
      expect(focused()).to.deep.equal([0, 0]);
      await sendKeys({ press: 'ArrowUp' });
      expect((root(el).activeElement as HTMLElement).getAttribute('role')).to.equal('columnheader');
      expect(tabbable().length).to.equal(1);
    });

    it('Ctrl+End reaches the last of 1,000,000 rows, showing it, with the right aria-rowindex', async () => {
      const { provider, queries } = countingProvider(1_000_000);
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await loaded(el);
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('1000001');
      cell(el, 0, 1).focus();
      await sendKeys({ press: 'Control+End' });
      await waitUntil(() => titles(el).includes('Row 999999'), 'last row rendered');
      const last = rowAt(root(el), 1_000_001)!;
      expect(last.getAttribute('aria-rowindex')).to.equal('1000001');
      expect(titleLink(last).textContent!.trim()).to.equal('Row 999999');
      expect(root(el).activeElement).to.equal(cells(last)[1]);
      // It is on screen: inside the scroller's box, below the header.
      const box = last.getBoundingClientRect();
      const scroller = grid(el).getBoundingClientRect();
      expect(box.bottom).to.be.at.most(scroller.bottom + 0.5);
      expect(box.top).to.be.at.least(scroller.top + 30);
      // Every row drawn is the row of its index.
      for (const row of dataRows(el)) expect(titleLink(row).textContent!.trim()).to.equal(`Row ${indexOf(row)}`);
      // The DOM stays small.
      expect(allByRole(root(el), 'row').length).to.be.below(40);
      // Only pages near the viewport were asked for.
      expect(queries.length).to.be.below(8);
      expect(queries.at(-1)!.offset).to.be.at.least(999_800);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(root(el).activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex')).to.equal('1000000');
    });

    it('scrolling with the scrollbar to the end shows the last row', async () => {
      const { provider } = countingProvider(1_000_000);
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await loaded(el);
      // Scroll events come with rendering, which a background test page may skip: send them too.
      grid(el).scrollTop = grid(el).scrollHeight;
      grid(el).dispatchEvent(new Event('scroll'));
      await waitUntil(() => titles(el).includes('Row 999999'), 'last row after scrolling');
      grid(el).scrollTop = grid(el).scrollHeight / 2;
      grid(el).dispatchEvent(new Event('scroll'));
      await waitUntil(() => titles(el).some((t) => /^Row (49\d{4}|50\d{4})$/.test(t)), `middle rows: ${titles(el).slice(0, 3)}`);
      for (const row of dataRows(el)) expect(titleLink(row).textContent!.trim()).to.equal(`Row ${indexOf(row)}`);
    });
  });

  describe('races', () => {
    it('never shows rows of an old query when its pages answer late', async () => {
      const pending: Array<{ q: AlertQuery; resolve: (p: Page<AlertItem>) => void; signal: AbortSignal }> = [];
      const provider = withOverrides(staticWith([]), {
        listAlerts: (_ip: string, q: AlertQuery, o: { signal: AbortSignal }) => new Promise<Page<AlertItem>>((resolve) => pending.push({ q, resolve, signal: o.signal })),
      });
      const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} .provider=${provider}></ip-alerts-list>`);
      await waitUntil(() => pending.length === 1);
      el.filter = { severity: ['high'] };
      await waitUntil(() => pending.length === 2);
      expect(pending[0]!.signal.aborted).to.equal(true);
      const page = (prefix: string, n: number): Page<AlertItem> => ({ items: Array.from({ length: n }, (_, i) => makeAlert({ id: `${prefix}${i}`, title: `${prefix} ${i}`, lastActivity: ago(i + 1), firstActivity: ago(i + 2) })), total: n });
      pending[1]!.resolve(page('New', 3));
      await loaded(el, 3);
      pending[0]!.resolve(page('Old', 5));
      await aTimeout(50);
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['New 0', 'New 1', 'New 2']);
    });
  });
});
