/**
 * Columns of the host's own in the alerts list (`extraColumns`, a renderer per column): their
 * values from the items' `extensions`, shown as text whatever they hold, chosen, ordered, stored,
 * sorted and exported like the built-in columns; one bad column or cell never takes the grid.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { html as lit } from 'lit';
import '../../src/components/alerts-list/ip-alerts-list.js';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpAlertsList } from '../../src/components/alerts-list/alerts-list.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { AlertColumn } from '../../src/components/alerts-list/columns.js';
import type { AlertItem } from '../../src/data/model.js';
import type { AlertQuery } from '../../src/data/provider.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { allByRole, cells, rowAt } from '../helpers/roles.js';
import { makeAlert } from '../helpers/fixtures.js';
import { recording } from '../helpers/providers.js';
import { afterFirstPaint, deepQuery, waitUntil } from '../helpers/dom.js';

const IP = '203.0.113.7';
const NOW = Date.now();
const ago = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

function alerts(): AlertItem[] {
  return [
    makeAlert({ id: 'r1', title: 'Beacon', lastActivity: ago(1), firstActivity: ago(2), extensions: { risk: 91, ticket: 'SOC-12', owners: ['kim', 'lee'] } }),
    makeAlert({ id: 'r2', title: 'Scan', lastActivity: ago(3), firstActivity: ago(4), extensions: { risk: 12, ticket: '<img src=x onerror="window.__hit=1">' } }),
    // What a data source sent that is not a value of the documented shapes is left out, and the row says it is partial.
    makeAlert({ id: 'r3', title: 'Odd', lastActivity: ago(5), firstActivity: ago(6), extensions: { risk: { nested: true }, ticket: '=HYPERLINK("http://evil.example")' } as never }),
  ];
}

const risk: AlertColumn = { id: 'risk', header: 'Risk score', render: (a) => a.extensions?.['risk'] ?? '—', value: (a) => a.extensions?.['risk'] as number | undefined, width: 110 };
const ticket: AlertColumn = { id: 'ticket', header: 'Ticket', render: (a) => lit`<span class="ticket">${a.extensions?.['ticket'] ?? ''}</span>`, value: (a) => String(a.extensions?.['ticket'] ?? '') };

const root = (el: IpAlertsList) => el.shadowRoot!;
const headers = (el: IpAlertsList) => allByRole(root(el), 'columnheader').map((h) => h.textContent!.replace(/[▲▼]/g, '').trim());
const dataRows = (el: IpAlertsList) => allByRole(root(el), 'row').filter((r) => r.hasAttribute('aria-selected'));
const column = (el: IpAlertsList, header: string) => dataRows(el).map((r) => cells(r)[headers(el).indexOf(header)]!.textContent!.trim());

async function list(extraColumns: readonly AlertColumn[], more: { storageKey?: string; provider?: StaticIpDataProvider } = {}) {
  const el = await fixture<IpAlertsList>(html`<ip-alerts-list ip=${IP} storage-key=${more.storageKey ?? ''} .provider=${more.provider ?? new StaticIpDataProvider({ data: { [IP]: { alerts: alerts() } } })} .extraColumns=${extraColumns}></ip-alerts-list>`);
  await waitUntil(() => dataRows(el).length === 3, 'rows', { timeout: 6000 });
  // The cells past the view are filled once the first rows have painted.
  await afterFirstPaint(el);
  return el;
}

describe('<ip-alerts-list> extraColumns', () => {
  afterEach(() => localStorage.clear());

  it('shows the host’s columns after the built-in ones, each cell from its renderer, text as text', async () => {
    const el = await list([risk, ticket]);
    expect(headers(el).slice(-2)).to.deep.equal(['Risk score', 'Ticket']);
    expect(column(el, 'Risk score')).to.deep.equal(['91', '12', '—']);
    expect(column(el, 'Ticket')).to.deep.equal(['SOC-12', '<img src=x onerror="window.__hit=1">', '=HYPERLINK("http://evil.example")']);
    expect(root(el).querySelector('img'), 'a value is never parsed as HTML').to.equal(null);
    expect((window as { __hit?: number }).__hit).to.equal(undefined);
    // The value that was not of a documented shape is gone and the row says it is partial.
    expect(rowAt(root(el), 4)!.textContent).to.match(/partial|incomplete|could not be read/i);
    await expect(el).to.be.accessible();
  });

  it('a renderer that throws marks its own cells; a column without an id, header or renderer is left out with a warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(String(m));
    try {
      const broken: AlertColumn = { id: 'broken', header: 'Broken', render: (a) => (a.id === 'r2' ? (null as unknown as { x: number }).x : 'fine') };
      const el = await list([broken, { id: 'severity', header: 'Clash', render: () => 'x' }, { id: 'no render', header: 'No', render: undefined as never }, risk, { ...risk, header: 'Again' }]);
      expect(headers(el).slice(-2)).to.deep.equal(['Broken', 'Risk score']);
      expect(column(el, 'Broken')).to.deep.equal(['fine', 'Cannot show this value', 'fine']);
      expect(column(el, 'Risk score')).to.deep.equal(['91', '12', '—']);
      expect(warnings.length).to.equal(3);
      expect(warnings.join('\n')).to.contain('"severity"').and.to.contain('"no render"').and.to.contain('"risk"');
    } finally {
      console.warn = warn;
    }
  });

  it('is chosen, ordered and stored like the built-in columns; a header with a sort field sorts, one without does not', async () => {
    const provider = recording(new StaticIpDataProvider({ data: { [IP]: { alerts: alerts() } } }));
    const el = await list([risk, { ...ticket, sort: 'title' }], { storageKey: 'host-cols', provider: provider.provider });
    const option = (label: string) => [...root(el).querySelectorAll<HTMLLIElement>('#column-chooser li')].find((li) => li.textContent!.includes(label))!;
    [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim().startsWith('Columns'))!.click();
    await el.updateComplete;
    option('Risk score').querySelector('input')!.click();
    option('Ticket').querySelector<HTMLButtonElement>('button[aria-label="Move Ticket up"]')!.click();
    await el.updateComplete;
    expect(headers(el)).to.not.include('Risk score');
    const stored = JSON.parse(localStorage.getItem('ip-alerts-list:host-cols:columns')!) as Array<{ id: string; visible: boolean }>;
    expect(stored.slice(-2)).to.deep.equal([
      { id: 'ticket', visible: true, width: 160 },
      { id: 'risk', visible: false, width: 110 },
    ]);
    const again = await list([risk, ticket], { storageKey: 'host-cols' });
    expect(headers(again)).to.deep.equal(headers(el));

    // Ticket sorts by the title (its sort field); Risk score, shown again, has none: its header is not a sort button.
    option('Risk score').querySelector('input')!.click();
    await el.updateComplete;
    const header = (name: string) => allByRole(root(el), 'columnheader').find((h) => h.textContent!.includes(name))!;
    header('Ticket').click();
    await waitUntil(() => (provider.calls.filter((c) => c.method === 'listAlerts').at(-1)?.args[1] as AlertQuery | undefined)?.sort?.field === 'title', 'sorted by the column’s field');
    expect(header('Ticket').getAttribute('aria-sort')).to.equal('ascending');
    const asked = provider.calls.length;
    header('Risk score').click();
    await el.updateComplete;
    expect(header('Risk score').hasAttribute('aria-sort')).to.equal(false);
    expect(provider.calls.length).to.equal(asked);
  });

  it('exports the host’s columns: their value, else what the renderer returned when it is text; CSV stays safe', async () => {
    const el = await list([risk, ticket, { id: 'plain', header: 'Plain', render: (a) => `#${a.id}` }]);
    el.columns = [{ id: 'title', visible: true, width: 300 }, ...['risk', 'ticket', 'plain'].map((id) => ({ id, visible: true, width: 120 }))];
    await el.updateComplete;
    const lines = (await el.exportData('csv')).split('\r\n');
    expect(lines[0]).to.equal('Type,Id,Incident or alert,Risk score,Ticket,Plain');
    expect(lines[1]).to.equal('alert,r1,Beacon,91,SOC-12,#r1');
    expect(lines[3]).to.equal(`alert,r3,Odd,,"'=HYPERLINK(""http://evil.example"")",#r3`);
    const json = JSON.parse(await el.exportData('json')) as Array<Record<string, unknown>>;
    expect(json.map((r) => [r['risk'], r['plain']])).to.deep.equal([
      [91, '#r1'],
      [12, '#r2'],
      [null, '#r3'],
    ]);
  });

  it('<ip-entity-page alertColumns> gives them to its alerts list', async () => {
    const page = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} .provider=${new StaticIpDataProvider({ data: { [IP]: { alerts: alerts() } } })} .alertColumns=${[risk]}></ip-entity-page>`);
    page.selectTab('alerts');
    await waitUntil(() => deepQuery<IpAlertsList>(page, 'ip-alerts-list')?.shadowRoot?.querySelector('[role="columnheader"]'), 'the list', { timeout: 6000 });
    const el = deepQuery<IpAlertsList>(page, 'ip-alerts-list')!;
    await waitUntil(() => dataRows(el).length === 3, 'rows', { timeout: 6000 });
    await afterFirstPaint(el);
    expect(column(el, 'Risk score')).to.deep.equal(['91', '12', '—']);
  });
});
