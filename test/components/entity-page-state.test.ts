/**
 * What the analyst set stays set: filters, search, sort, expanded rows, columns and the scroll
 * position of each tab survive switching tabs and changing the time range; the page learns of
 * the analyst's changes through ip-filter-change and never re-sets them on a re-render.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpAlertsList } from '../../src/components/alerts-list/alerts-list.js';
import type { IpFilterChangeEvent } from '../../src/events/events.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { allByRole, byPart, byRole, rowAt, severityCard } from '../helpers/roles.js';
import { deepText, waitUntil } from '../helpers/dom.js';
import { makeAlert, makeDevice } from '../helpers/fixtures.js';

const IP = '203.0.113.7';
const NOW = Date.now();
const ago = (h: number) => new Date(NOW - h * 3_600_000).toISOString();
const SEVERITIES = ['high', 'medium', 'low', 'informational'] as const;
const STATUSES = ['new', 'inProgress', 'resolved'] as const;

function provider() {
  const alerts = Array.from({ length: 400 }, (_, i) =>
    makeAlert({ id: `al-${i}`, title: `Alert number ${i}`, severity: SEVERITIES[i % 4], status: STATUSES[i % 3], lastActivity: ago(1 + i / 10), firstActivity: ago(2 + i / 10) }),
  );
  alerts.push(makeAlert({ id: 'inc-1', kind: 'incident', title: 'The incident', severity: 'high', status: 'new', lastActivity: ago(0.5), firstActivity: ago(3) }));
  alerts.push(makeAlert({ id: 'al-child', incidentId: 'inc-1', title: 'Child alert', severity: 'high', lastActivity: ago(0.6), firstActivity: ago(3) }));
  const devices = Array.from({ length: 100 }, (_, i) => makeDevice({ id: `dev-${i}`, name: `DEVICE-${String(i).padStart(3, '0')}`, lastSeen: ago(1 + i), firstSeen: ago(500) }));
  return new StaticIpDataProvider({ data: { [IP]: { alerts, devices } } });
}

const shadow = (el: IpEntityPage) => el.shadowRoot!;
const list = (el: IpEntityPage) => shadow(el).querySelector<IpAlertsList>('ip-alerts-list')!;
const tab = (el: IpEntityPage, id: string) => shadow(el).getElementById(`tab-${id}`) as HTMLButtonElement;
const listRoot = (el: IpEntityPage) => list(el).shadowRoot!;
const status = (el: IpEntityPage) => byRole(byPart(listRoot(el), 'status'), 'status').textContent!.trim();

async function page(attrs = ''): Promise<IpEntityPage> {
  const el = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} .provider=${provider()}></ip-entity-page>`);
  if (attrs) el.setAttribute('tab', attrs);
  await el.updateComplete;
  return el;
}

async function selectTab(el: IpEntityPage, id: string) {
  tab(el, id).click();
  await el.updateComplete;
}

async function checkFilter(el: IpEntityPage, menu: string, option: string) {
  const root = listRoot(el);
  byRole(byRole(root, 'toolbar', 'Filters'), 'button', new RegExp(`^${menu}`)).click();
  await list(el).updateComplete;
  byRole(root, 'checkbox', option).click();
  await list(el).updateComplete;
}

async function alertsLoaded(el: IpEntityPage, text: RegExp) {
  await waitUntil(() => list(el)?.shadowRoot && text.test(status(el)), `alerts status did not match ${text}: ${list(el)?.shadowRoot ? status(el) : 'no list'}`, { timeout: 6000 });
}

describe('<ip-entity-page> keeps what the analyst set', () => {
  it('keeps a filter added in the list when switching tabs and changing the range, and tells the page', async () => {
    const el = await page();
    await waitUntil(() => severityCard(el, 'High')!, 'severity cards');
    severityCard(el, 'High')!.click();
    await el.updateComplete;
    await alertsLoaded(el, /^102 incidents/);
    setTimeout(() => void checkFilter(el, 'Status', 'New'));
    const change = (await oneEvent(el, 'ip-filter-change')) as IpFilterChangeEvent;
    expect(change.detail.filter).to.deep.equal({ severity: ['high'], status: ['new'] });
    await alertsLoaded(el, /^36 incidents/);

    await selectTab(el, 'devices');
    await selectTab(el, 'alerts');
    await alertsLoaded(el, /^36 incidents/);
    expect(list(el).filter).to.deep.equal({ severity: ['high'], status: ['new'] });

    // A new range reloads the rows but keeps the filter.
    const picker = shadow(el).querySelector('ip-time-range-picker')!;
    const select = picker.shadowRoot!.querySelector('select')!;
    select.value = '7d';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await list(el).updateComplete;
    expect(list(el).filter).to.deep.equal({ severity: ['high'], status: ['new'] });
    expect(deepText(byRole(listRoot(el), 'group', 'Active filters'))).to.contain('Status: New');

    // The page's own value applies when it changes: another card click sets the filter again.
    await selectTab(el, 'overview');
    await waitUntil(() => severityCard(el, 'Low')!, 'severity cards for the new range');
    severityCard(el, 'Low')!.click();
    await el.updateComplete;
    await list(el).updateComplete;
    expect(list(el).filter).to.deep.equal({ severity: ['low'] });
  });

  it('keeps search, sort, columns, expanded rows and the scroll position of each tab', async () => {
    const el = await page();
    await selectTab(el, 'alerts');
    await alertsLoaded(el, /^402 incidents/);
    const l = list(el);
    l.sortBy('title', 'asc');
    l.columns = l.columns.map((c) => (c.id === 'category' ? { ...c, visible: false } : c));
    await l.updateComplete;
    // Expand the incident (sorted by title, it is not first: find it).
    await waitUntil(() => allByRole(listRoot(el), 'row').find((r) => r.hasAttribute('aria-selected')), 'rows');
    const scroller = listRoot(el).querySelector<HTMLElement>('[role="grid"]')!;
    scroller.scrollTop = 3000;
    await waitUntil(() => rowAt(listRoot(el), 92)?.hasAttribute('aria-selected'), 'scrolled rows load');
    const topBefore = scroller.scrollTop;
    expect(topBefore).to.be.greaterThan(2500);

    await selectTab(el, 'devices');
    const devices = shadow(el).querySelector('ip-observed-devices')!;
    await waitUntil(() => deepText(devices).includes('DEVICE-000'), 'devices');
    const deviceScroller = await waitUntil(() => devices.shadowRoot!.querySelector<HTMLElement>('[role="treegrid"]'), 'device list');
    void deviceScroller;
    // Search and an expanded device in the devices tab too.
    const devicesEl = devices as HTMLElement & { search: string; toggleDevice(id: string, open?: boolean): void };
    const search = devices.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'DEVICE';
    search.dispatchEvent(new Event('input'));
    // Enter applies it at once, as an analyst does (no waiting out the typing pause on a busy machine).
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await waitUntil(() => devicesEl.search === 'DEVICE', 'the search applies');
    // The searched list has landed (not the previous one, shown dimmed while the search runs).
    await waitUntil(() => devices.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy') === 'false' && deepText(devices).includes('DEVICE-000'), 'searched devices');
    devicesEl.toggleDevice('dev-0', true);
    const dScroller = devices.shadowRoot!.querySelector<HTMLElement>('[role="treegrid"]')!;
    dScroller.scrollTop = 1200;
    await waitUntil(() => dScroller.scrollTop >= 1100, 'devices scrolled');
    const devicesTop = dScroller.scrollTop;

    await selectTab(el, 'alerts');
    await l.updateComplete;
    expect(l.sort).to.deep.equal({ field: 'title', direction: 'asc' });
    expect(l.columns.find((c) => c.id === 'category')!.visible).to.equal(false);
    expect(Math.abs(scroller.scrollTop - topBefore)).to.be.lessThan(2);

    await selectTab(el, 'devices');
    expect(Math.abs(dScroller.scrollTop - devicesTop)).to.be.lessThan(2);
    expect(devices.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!.value).to.equal('DEVICE');
    await selectTab(el, 'overview');
    await selectTab(el, 'devices');
    expect(Math.abs(dScroller.scrollTop - devicesTop)).to.be.lessThan(2);
    // Back to the top, where the expanded device is. Shown again, the list restores its own place
    // when its observers next report (a frame or two later, by the machine's pace), which can undo
    // a scroll made before then: scroll until the top stays, as an analyst would.
    await waitUntil(() => {
      dScroller.scrollTop = 0;
      return devices.shadowRoot!.querySelector('[aria-expanded="true"]');
    }, 'the expanded device stays expanded');
  });

  it('hides inactive panels from everyone: not shown, not focusable, not in the accessibility tree', async () => {
    const el = await page();
    await selectTab(el, 'alerts');
    await alertsLoaded(el, /incidents/);
    await selectTab(el, 'overview');
    const alertsPanel = shadow(el).getElementById('panel-alerts')!;
    expect(alertsPanel.inert).to.equal(true);
    expect(alertsPanel.getBoundingClientRect().height).to.equal(0);
    expect(shadow(el).getElementById('panel-overview')!.inert).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
