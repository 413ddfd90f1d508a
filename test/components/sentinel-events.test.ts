import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/sentinel-events/ip-sentinel-events.js';
import type { IpSentinelEvents } from '../../src/components/sentinel-events/sentinel-events.js';
import type { IpInsightChart } from '../../src/components/sentinel-events/ip-insight-chart.js';
import type { Insight, TimelineEvent } from '../../src/data/model.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import { IpDataError } from '../../src/data/errors.js';
import type { IpErrorEvent, IpNavigateEvent } from '../../src/events/events.js';
import { StaticIpDataProvider, type StaticIpData } from '../../src/providers/static/static-provider.js';
import { groupByDay, insightSeries } from '../../src/components/sentinel-events/insight-data.js';
import { allByPart, allByRole, byPart, byRole, cells, queryByRole } from '../helpers/roles.js';
import { deepText, waitUntil } from '../helpers/dom.js';
import { withOverrides } from '../helpers/providers.js';

const IP = '203.0.113.7';
const NOW = Date.now();
const ago = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

function timeline(): TimelineEvent[] {
  return [
    { id: 't1', kind: 'activity', time: ago(30), title: 'Firewall allowed TCP/443 to the IP', source: 'CommonSecurityLog' },
    { id: 't2', kind: 'alert', time: ago(2), title: 'Communication with a C2 server', source: 'Microsoft Defender XDR', severity: 'high', alertId: 'da-1', description: 'Beaconing every 60 s.' },
    { id: 't3', kind: 'bookmark', time: ago(5), title: 'Beaconing to the IP', source: 'Hunting bookmark', bookmarkedBy: 'alex.kim@contoso.com', query: 'DeviceNetworkEvents | where RemoteIP == "203.0.113.7"' },
    { id: 't4', kind: 'anomaly', time: ago(50), title: 'Unusual outbound volume', source: 'Anomaly rules (UEBA)', severity: 'medium' },
  ];
}

function insights(): Insight[] {
  return [
    {
      id: 'rep',
      title: 'Reputation',
      description: 'Verdict and sources.',
      query: 'ThreatIntelligenceIndicator | where NetworkIP == "203.0.113.7"',
      language: 'kql-sentinel',
      columns: [
        { name: 'Verdict', type: 'string' },
        { name: 'Score', type: 'number' },
        { name: 'Source', type: 'string' },
        { name: 'Severity', type: 'string' },
      ],
      rows: [
        ['Malicious', 1234, 'https://ti.example/ip/203.0.113.7', 'high'],
        ['Suspicious', 40, 'javascript:alert(1)', 'medium'],
      ],
      dataSources: ['ThreatIntelligenceIndicator'],
    },
    {
      id: 'anomalies',
      title: 'Anomalies by day',
      query: 'Anomalies | summarize count() by bin(TimeGenerated, 1d)',
      language: 'kql-sentinel',
      columns: [
        { name: 'Day', type: 'datetime' },
        { name: 'Anomalies', type: 'number' },
      ],
      rows: [
        [ago(72), 2],
        [ago(48), 7],
        [ago(24), 3],
      ],
      chart: { type: 'bar', x: 'Day', y: 'Anomalies' },
      dataSources: ['Anomalies', 'BehaviorAnalytics'],
    },
    { id: 'watch', title: 'Watchlist hits', query: 'Watchlist', language: 'kql-sentinel', columns: [{ name: 'Watchlist', type: 'string' }], rows: [], dataSources: ['Watchlist'] },
    { id: 'broken', title: 'Sign-ins', query: 'SigninLogs', language: 'kql-sentinel', columns: [], rows: [], error: 'The SigninLogs table is not connected.', dataSources: ['SigninLogs'] },
  ];
}

function provider(data: Partial<StaticIpData> = {}, extra: Partial<ConstructorParameters<typeof StaticIpDataProvider>[0]> = {}) {
  return new StaticIpDataProvider({ data: { [IP]: { timeline: timeline(), insights: insights(), ...data } }, sentinel: true, ...extra });
}

const root = (el: IpSentinelEvents) => el.shadowRoot!;
const events = (el: IpSentinelEvents) => allByPart(root(el), 'event');
const titleOf = (event: Element) => byPart(event, 'event-title');
const titles = (el: IpSentinelEvents) => events(el).map((e) => titleOf(e).textContent!.trim());
/** An insight card: a region named by its title. */
const card = (el: IpSentinelEvents, title: string) => queryByRole(root(el), 'region', title)!;
/** A kind filter: a toggle button in the Kinds group. */
const chip = (el: IpSentinelEvents, label: string) => byRole<HTMLButtonElement>(byRole(root(el), 'group', 'Kinds'), 'button', new RegExp(`^${label}`));
const timelinePart = (el: IpSentinelEvents) => byPart(root(el), 'timeline');
const timelineList = (el: IpSentinelEvents) => byRole(root(el), 'list', 'Timeline');

async function mount(p: IpDataProvider = provider(), attrs = '') {
  const el = await fixture<IpSentinelEvents>(
    attrs === 'timeline' ? html`<ip-sentinel-events ip=${IP} sections="timeline" .provider=${p}></ip-sentinel-events>` : html`<ip-sentinel-events ip=${IP} .provider=${p}></ip-sentinel-events>`,
  );
  await waitUntil(() => events(el).length > 0 || (allByPart(root(el), 'timeline')[0] && !deepText(timelinePart(el)).includes('Loading')), `timeline did not load: ${deepText(el).slice(0, 200)}`);
  return el;
}

describe('<ip-sentinel-events>', () => {

  describe('timeline', () => {
    it('lists events newest first by when they happened, grouped by day, and is accessible', async () => {
      const el = await mount();
      expect(titles(el)).to.deep.equal(['Communication with a C2 server', 'Beaconing to the IP', 'Firewall allowed TCP/443 to the IP', 'Unusual outbound volume']);
      const days = allByRole(timelineList(el), 'heading').map((d) => d.textContent);
      const expectedDays = [...new Set([2, 5, 30, 50].map((h) => new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(NOW - h * 3_600_000))))];
      expect(days).to.deep.equal(expectedDays);
      const alert = events(el)[0]!;
      expect(deepText(alert)).to.contain('Alert').and.to.contain('High').and.to.contain('Microsoft Defender XDR').and.to.contain('Beaconing every 60 s.');
      expect(deepText(events(el)[1]!)).to.contain('bookmarked by alex.kim@contoso.com');
      expect(chip(el, 'Alerts').textContent).to.contain('1');
      await expect(el).to.be.accessible();
    });

    it('filters by kind and searches', async () => {
      const el = await mount();
      chip(el, 'Bookmarks').click();
      chip(el, 'Anomalies').click();
      await el.updateComplete;
      expect(chip(el, 'Bookmarks').getAttribute('aria-pressed')).to.equal('true');
      await waitUntil(() => titles(el).length === 2);
      expect(titles(el)).to.deep.equal(['Beaconing to the IP', 'Unusual outbound volume']);
      expect(deepText(byRole(timelinePart(el), 'status'))).to.contain('2 of 4 events');
      chip(el, 'Bookmarks').click();
      chip(el, 'Anomalies').click();
      const search = root(el).querySelector<HTMLInputElement>('#timeline-search')!;
      search.focus();
      await sendKeys({ type: 'alex.kim' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => titles(el).length === 1);
      expect(titles(el)).to.deep.equal(['Beaconing to the IP']);
      el.search = 'no such thing';
      await waitUntil(() => deepText(el).includes('No event matches.'));
      byRole(timelinePart(el), 'button', 'Clear filters').click();
      await waitUntil(() => titles(el).length === 4);
    });

    it('exports the timeline as filtered, and each insight table with its columns, spreadsheet-safe', async () => {
      const el = await mount(provider({ insights: [{ ...insights()[0]!, rows: [['=HYPERLINK("http://evil.example")', 1, '@SUM(1)', 'high'], ...insights()[0]!.rows] }] }));
      chip(el, 'Bookmarks').click();
      chip(el, 'Anomalies').click();
      await waitUntil(() => titles(el).length === 2);
      const csv = (await el.exportData('csv')).trim().split(/\r?\n/);
      expect(csv[0]).to.equal('Time,Kind,Title,Severity,Source,Description,Alert ID,Bookmarked by,Query');
      expect(csv.slice(1).map((l) => l.split(',')[1])).to.deep.equal(['bookmark', 'anomaly']);
      const json = JSON.parse(await el.exportData('json')) as Array<Record<string, unknown>>;
      expect(json.map((e) => e['title'])).to.deep.equal(['Beaconing to the IP', 'Unusual outbound volume']);
      expect(byRole(timelinePart(el), 'button', 'Export the timeline')).to.exist;
      await waitUntil(() => card(el, 'Reputation'), 'insights');
      const table = (await el.exportData('csv', { insight: 'rep' })).trim().split(/\r?\n/);
      expect(table[0]).to.equal('Verdict,Score,Source,Severity');
      expect(table[1]).to.equal(`"'=HYPERLINK(""http://evil.example"")",1,'@SUM(1),high`);
      expect(table.length).to.equal(4);
      const reputation = card(el, 'Reputation');
      byRole(reputation, 'button', 'Export Reputation').click();
      await el.updateComplete;
      const json3 = byRole(reputation, 'button', 'JSON (3 rows)');
      expect(json3).to.exist;
      // The menu reaches past its card (which skips drawing while off screen) and still shows whole: what is under its last item is that item.
      const r = json3.getBoundingClientRect();
      expect(r.bottom, 'the menu reaches below its card').to.be.greaterThan(reputation.getBoundingClientRect().bottom);
      json3.scrollIntoView({ block: 'center' });
      const at = json3.getBoundingClientRect();
      const hit = root(el).elementFromPoint(at.left + at.width / 2, at.bottom - 2);
      expect(hit === json3, `under the menu's last item: ${hit?.outerHTML.slice(0, 80)}`).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('links alerts with a cancelable ip-navigate and shows a bookmark’s query', async () => {
      const el = await mount();
      const link = titleOf(events(el)[0]!);
      setTimeout(() => link.click());
      const e = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
      expect(e.detail).to.include({ target: 'alert', id: 'da-1', ip: IP });
      const details = events(el)[1]!.querySelector('details')!;
      details.querySelector('summary')!.click();
      await aTimeout(0);
      expect(details.open).to.equal(true);
      expect(details.querySelector('pre')!.textContent).to.contain('DeviceNetworkEvents');
    });

    it('moves through the list with the keyboard; only the focused row is in the tab order', async () => {
      const el = await mount();
      const list = () => allByRole(timelineList(el), 'listitem');
      expect(list().filter((r) => r.tabIndex === 0)).to.have.length(1);
      list()[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(list()[1]);
      // The first row is a day's heading, the second that day's newest event (which rows follow
      // depends on the hour the test runs: the events are hours old, so a day may start between them).
      expect(titleOf(list()[1]!).tabIndex).to.equal(0);
      expect(events(el).filter((e) => e !== list()[1] && titleOf(e).tabIndex === 0)).to.have.length(0);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(list().at(-1));
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(list()[0]);
      await sendKeys({ press: '/' });
      expect(root(el).activeElement).to.equal(root(el).querySelector('#timeline-search'));
    });

    it('virtualizes 10,000 events', async () => {
      const many: TimelineEvent[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `m${i}`, kind: i % 3 ? 'activity' : 'alert', time: new Date(NOW - i * 120_000).toISOString(), title: `Event ${i}` }));
      const el = await mount(provider({ timeline: many }), 'timeline');
      expect(titles(el)[0]).to.equal('Event 0');
      expect(events(el).length).to.be.lessThan(200);
      expect(deepText(byRole(timelinePart(el), 'status'))).to.contain('10,000 events');
    });

    it('says when nothing involved the IP, and shows an error with Retry', async () => {
      const empty = await mount(provider({ timeline: [] }), 'timeline');
      expect(deepText(empty)).to.contain('Nothing involved this IP');
      let fail = true;
      const base = provider();
      const p = withOverrides(base, { getTimeline: (...a: unknown[]) => (fail ? Promise.reject(new IpDataError('unavailable', 'Sentinel is unavailable.')) : (base.getTimeline as (...x: unknown[]) => unknown)(...a)) });
      const errored = new Promise<IpErrorEvent>((r) => document.addEventListener('ip-error', (e) => r(e as IpErrorEvent), { once: true }));
      const el = await fixture<IpSentinelEvents>(html`<ip-sentinel-events ip=${IP} .provider=${p}></ip-sentinel-events>`);
      expect((await errored).detail.section).to.equal('timeline');
      await waitUntil(() => queryByRole(timelinePart(el), 'alert'));
      expect(deepText(timelinePart(el))).to.contain('Sentinel is unavailable.');
      // The insights still render.
      await waitUntil(() => card(el, 'Reputation'));
      await expect(el).to.be.accessible();
      fail = false;
      byRole(byRole(timelinePart(el), 'alert'), 'button').click();
      await waitUntil(() => events(el).length === 4);
    });
  });

  describe('insights', () => {
    it('renders tables with typed cells, safe links and severity badges', async () => {
      const el = await mount();
      await waitUntil(() => card(el, 'Reputation'));
      const rep = card(el, 'Reputation');
      const headers = [...rep.querySelectorAll('th')].map((t) => t.textContent);
      expect(headers).to.deep.equal(['Verdict', 'Score', 'Source', 'Severity']);
      expect(deepText(rep)).to.contain('1,234');
      // An address in a cell is defanged text with Copy and an explicit Open… (no live link).
      expect(rep.querySelectorAll('a[href]')).to.have.length(0);
      const address = rep.querySelector('ip-external-url')!;
      expect(address.url).to.equal('https://ti.example/ip/203.0.113.7');
      expect(address.shadowRoot!.querySelector('[part="url"]')!.textContent).to.equal('hxxps://ti[.]example/ip/203.0.113.7');
      expect(address.shadowRoot!.querySelector('[part="confirm"]')!.matches(':popover-open')).to.equal(false);
      expect(deepText(rep)).to.contain('javascript:alert(1)');
      expect(cells([...byRole(rep, 'table').querySelectorAll('tbody tr')][0]!).at(-1)!.textContent).to.contain('High');
      expect(deepText(byPart(root(el), 'insights'))).to.contain('ThreatIntelligenceIndicator, Anomalies, BehaviorAnalytics, Watchlist, SigninLogs');
    });

    it('draws a chart from the data, with a table of every value on demand', async () => {
      const el = await mount();
      await waitUntil(() => card(el, 'Anomalies by day'));
      const c = card(el, 'Anomalies by day');
      const chart = c.querySelector<IpInsightChart>('ip-insight-chart')!;
      expect(chart).to.exist;
      chart.scrollIntoView(); // ECharts loads when the chart first becomes visible
      await waitUntil(() => chart.chart, 'the chart did not draw', { timeout: 8000 });
      const option = chart.chart!.getOption() as { series: Array<{ type: string; data: number[] }> };
      expect(option.series[0]!.type).to.equal('bar');
      expect(option.series[0]!.data).to.deep.equal([2, 7, 3]);
      expect(chart.shadowRoot!.querySelector('[role="img"]')!.getAttribute('aria-label')).to.contain('highest 7');
      const toggle = [...c.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Show as table'))!;
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect([...byRole(c, 'table').querySelectorAll('tbody tr')].map((r) => cells(r).at(-1)!.textContent)).to.deep.equal(['2', '7', '3']);
    });

    it('says "no results" for an empty insight, and isolates a failing one with Retry', async () => {
      const base = provider();
      let calls = 0;
      const p = withOverrides(base, {
        getInsight: async (_ip: string, id: string) => {
          calls++;
          return { ...insights().find((i) => i.id === id)!, error: undefined, columns: [{ name: 'User', type: 'string' }], rows: [['kim@contoso.com']] };
        },
      });
      const el = await mount(p);
      await waitUntil(() => card(el, 'Sign-ins'));
      expect(deepText(card(el, 'Watchlist hits'))).to.contain('No results');
      const broken = card(el, 'Sign-ins');
      expect(deepText(broken.querySelector('[role="alert"]')!)).to.contain('The SigninLogs table is not connected.');
      expect(deepText(card(el, 'Reputation'))).to.contain('Malicious');
      await expect(el).to.be.accessible();
      broken.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
      await waitUntil(() => deepText(card(el, 'Sign-ins')).includes('kim@contoso.com'));
      expect(calls).to.equal(1);
    });

    it('says what the data source left out of an insight it answered in part, and still shows the rows', async () => {
      const base = provider();
      const p = withOverrides(base, {
        getInsights: async (...args: Parameters<NonNullable<IpDataProvider['getInsights']>>) =>
          (await base.getInsights!(...args)).map((i) => (i.id === 'rep' ? { ...i, incomplete: 'Log Analytics answered the insight only in part: the result set is too large.' } : i)),
      });
      const el = await mount(p);
      await waitUntil(() => card(el, 'Reputation'));
      const note = card(el, 'Reputation').querySelector('[part="incomplete"]');
      expect(note?.textContent).to.contain('answered the insight only in part');
      expect(note?.getAttribute('role')).to.equal('status');
      expect(deepText(card(el, 'Reputation')), 'the rows given still show').to.contain('Malicious');
      expect(card(el, 'Anomalies by day')?.querySelector('[part="incomplete"]') ?? null, 'only that insight says so').to.equal(null);
    });

    it('shows the query on demand and explores it in hunting', async () => {
      const el = await mount();
      await waitUntil(() => card(el, 'Reputation'));
      const c = card(el, 'Reputation');
      const show = [...c.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Show query'))!;
      expect(show.getAttribute('aria-expanded')).to.equal('false');
      show.click();
      await el.updateComplete;
      expect(show.getAttribute('aria-expanded')).to.equal('true');
      expect(card(el, 'Reputation').querySelector('pre')!.textContent).to.contain('ThreatIntelligenceIndicator');
      const explore = byRole(card(el, 'Reputation'), 'button', /Explore in hunting/);
      setTimeout(() => explore.click());
      const e = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
      expect(e.detail).to.include({ target: 'hunting', language: 'kql-sentinel', ip: IP });
      expect(e.detail.query).to.contain('ThreatIntelligenceIndicator');
    });

    it('renders hostile strings as text', async () => {
      const hostile = '<img src=x onerror="window.__sePwned=1">';
      const p = provider(
        {
          timeline: [{ id: 'h', kind: 'alert', time: ago(1), title: hostile, description: '<script>window.__sePwned=2</script>', alertId: 'x', source: hostile }],
          insights: [{ id: 'h', title: hostile, description: hostile, query: hostile, language: 'kql-sentinel', columns: [{ name: hostile, type: 'string' }], rows: [[hostile]], chart: { type: 'pie', x: hostile, y: hostile } }],
        },
        { links: { alert: () => 'javascript:window.__sePwned=3', hunting: () => 'javascript:window.__sePwned=4' } },
      );
      const el = await mount(p);
      await waitUntil(() => allByPart(root(el), 'insight')[0]);
      expect(titles(el)).to.deep.equal([hostile]);
      expect(root(el).querySelectorAll('img, script').length).to.equal(0);
      expect([...root(el).querySelectorAll('a')].filter((a) => a.getAttribute('href')?.startsWith('javascript')).length).to.equal(0);
      titleOf(events(el)[0]!).click();
      await aTimeout(20);
      expect((window as unknown as { __sePwned?: number }).__sePwned).to.equal(undefined);
    });

    it('shows only the timeline when the provider has no insights', async () => {
      const base = provider();
      const p = withOverrides(base, { getInsights: undefined, getInsight: undefined });
      const el = await mount(p);
      expect(root(el).querySelector('[part="insights"]')).to.equal(null);
      expect(root(el).querySelector('[part="timeline"]')).to.not.equal(null);
    });

    it('shows no timeline when the backend says it has none, though the method exists', async () => {
      const base = provider();
      const p = withOverrides(base, { getCapabilities: async (o: { signal: AbortSignal }) => ({ ...(await base.getCapabilities(o)), timeline: false }) });
      const el = await fixture<IpSentinelEvents>(html`<ip-sentinel-events ip=${IP} .provider=${p}></ip-sentinel-events>`);
      await waitUntil(() => allByPart(root(el), 'insight').length > 0 && !allByPart(root(el), 'timeline').length, 'insights only');
      await expect(el).to.be.accessible();
    });
  });

  describe('helpers', () => {
    it('groups by local day and keeps unreadable times last', () => {
      const out = groupByDay([
        { id: 'a', kind: 'activity', time: 'not a time', title: 'A' },
        { id: 'b', kind: 'activity', time: ago(1), title: 'B' },
      ]);
      expect(out.map((e) => (e.type === 'day' ? `day:${e.count}` : e.event.id))).to.deep.equal(['day:1', 'b', 'day:1', 'a']);
      expect(out[2]).to.include({ label: 'Unknown date' });
    });

    it('builds chart series from the named columns, tolerating bad values', () => {
      const s = insightSeries({ id: 'x', title: 'T', query: '', language: 'kql-sentinel', columns: [{ name: 'k', type: 'string' }, { name: 'v', type: 'number' }], rows: [['a', 3], ['b', 'oops'], 'not a row' as never, ['c', 1]], chart: { type: 'pie', x: 'k', y: 'v' } })!;
      expect(s.labels).to.deep.equal(['a', 'b', 'c']);
      expect(s.values).to.deep.equal([3, 0, 1]);
      expect(s.percent).to.deep.equal(['75%', '0%', '25%']);
      expect(insightSeries({ id: 'x', title: 'T', query: '', language: 'kql-sentinel', columns: [], rows: [], chart: { type: 'bar', x: 'nope', y: 'nope' } })).to.equal(undefined);
    });
  });
});
