import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import { IpRangeChangeEvent, type IpChangeEvent, type IpTabChangeEvent } from '../../src/events/events.js';
import { IpDataError } from '../../src/data/errors.js';
import { accessibleName, byRole, queryByRole, severityCard } from '../helpers/roles.js';
import { deepQuery, deepQueryAll, deepText, waitForText, waitUntil } from '../helpers/dom.js';
import { fullData, manualProvider, recording, staticProvider, withOverrides } from '../helpers/providers.js';
import { useMockApi } from '../helpers/msw.js';
import { withClipboard } from '../helpers/clipboard.js';

const shadow = (el: IpEntityPage) => el.shadowRoot!;
const tabs = (el: IpEntityPage) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const selectedTab = (el: IpEntityPage) => tabs(el).find((t) => t.getAttribute('aria-selected') === 'true')!;

describe('<ip-entity-page>', () => {
  describe('header', () => {
    it('shows the IP canonical, with a copy button and its kind', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="2001:0DB8:0000::0001" .provider=${staticProvider()}></ip-entity-page>`);
      const h1 = shadow(el).querySelector('h1')!;
      expect(h1.textContent).to.equal('2001:db8::1');
      expect(deepText(shadow(el).querySelector('[part="header"]')!)).to.contain('Documentation');
      expect(deepText(shadow(el).querySelector('[part="header"]')!)).to.contain('IPv6');
      const copy = shadow(el).querySelector('ip-copy-button')!;
      expect(copy.value).to.equal('2001:db8::1');
    });

    it('names the IPv4 address inside a NAT64 address, and takes its scope', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="64:ff9b::a00:1" .provider=${staticProvider()}></ip-entity-page>`);
      const header = deepText(shadow(el).querySelector('[part="header"]')!);
      expect(header).to.contain('NAT64 address of 10.0.0.1');
      expect(header).to.contain('Private');
    });

    it('shows both forms of an IPv4-mapped IPv6 address', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="::ffff:203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      expect(shadow(el).querySelector('h1')!.textContent).to.equal('203.0.113.7');
      expect(deepText(shadow(el).querySelector('[part="header"]')!)).to.contain('::ffff:203.0.113.7');
    });

    it('renders the overview from the provider', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      await waitForText(el, 'Northwind Cloud Hosting B.V.');
      await waitForText(el, 'SRV-APP-07');
      await expect(el).to.be.accessible();
    });

    it('has the response actions, and Copy summary uses what the page loaded without new requests', async () => {
      const { provider, calls } = recording(staticProvider());
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page>`);
      await waitForText(el, 'Northwind Cloud Hosting B.V.');
      await waitUntil(() => deepQuery(el, 'ip-prevalence-chart')?.shadowRoot?.querySelector('canvas'), 'chart', { timeout: 10_000 });
      const actions = shadow(el).querySelector('ip-response-actions')!;
      await waitUntil(() => actions.shadowRoot?.querySelector('[data-action="copy-summary"]'), 'the actions load after the first paint');
      // The header's note loads after the first paint too, and asks for the note then: not Copy summary's request.
      await waitUntil(() => calls.some((c) => c.method === 'getNote'), 'the header’s note asked');
      await withClipboard(async (copied) => {
        const before = calls.length;
        actions.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="copy-summary"]')!.click();
        await waitUntil(() => copied.length === 1);
        expect(calls.slice(before).map((c) => c.method), 'no new requests').to.deep.equal([]);
        expect(copied[0]).to.contain('**Organization:** Northwind Cloud Hosting B.V.');
        expect(copied[0]).to.contain('**Open incidents:**');
        expect(copied[0]).to.contain('### Top alerts');
        // Another IP: nothing of the old one is reused.
        el.ip = '192.0.2.200';
        await el.updateComplete;
        actions.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="copy-summary"]')!.click();
        await waitUntil(() => copied.length === 2);
        expect(copied[1]).to.contain('## IP address 192\\[.\\]0\\[.\\]2\\[.\\]200');
        expect(copied[1]).to.not.contain('Northwind');
      });
    });

    it('makes the same summary whichever tabs were visited: opened on the alerts tab, it asks for the overview once', async () => {
      const { provider, calls } = recording(staticProvider());
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" tab="alerts" .provider=${provider}></ip-entity-page>`);
      const actions = shadow(el).querySelector('ip-response-actions')!;
      await waitUntil(() => actions.shadowRoot?.querySelector('[data-action="copy-summary"]'), 'the actions load after the first paint');
      // The header's note loads after the first paint too, and asks for the note then: not Copy summary's request.
      await waitUntil(() => calls.some((c) => c.method === 'getNote'), 'the header’s note asked');
      await withClipboard(async (copied) => {
        for (let i = 1; i <= 2; i++) {
          actions.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="copy-summary"]')!.click();
          await waitUntil(() => copied.length === i);
        }
        expect(copied[0]).to.contain('**Organization:** Northwind Cloud Hosting B.V.');
        expect(copied[0]).to.contain('**Open incidents:**');
        // The same, but for when each was made (a minute may turn between the two copies).
        const made = (md: string) => md.replace(/_Summary made [^_]*_/, '_Summary made …_');
        expect(made(copied[1])).to.equal(made(copied[0]));
        expect(calls.filter((c) => c.method === 'getIpDetails')).to.have.length(1);
      });
    });

    it('hides the response actions with actions="none"', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" actions="none" .provider=${staticProvider()}></ip-entity-page>`);
      expect(shadow(el).querySelector('ip-response-actions')).to.equal(null);
    });
  });

  describe('bad input', () => {
    it('names an invalid ip and calls no provider', async () => {
      const { provider, calls } = recording(staticProvider());
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="127.1" .provider=${provider}></ip-entity-page>`);
      await waitForText(el, 'This page cannot show “127.1”');
      // Why, in a sentence loaded when there is a problem to say.
      await waitForText(el, 'is a shorthand form with 2 parts');
      await aTimeout(50);
      expect(calls.filter((c) => c.method !== 'getCapabilities')).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('asks for an IP when there is none, and calls no provider', async () => {
      const { provider, calls } = recording(staticProvider());
      const el = await fixture<IpEntityPage>(html`<ip-entity-page .provider=${provider}></ip-entity-page>`);
      await waitForText(el, 'Enter an IP address');
      await aTimeout(50);
      expect(calls.filter((c) => c.method !== 'getCapabilities')).to.deep.equal([]);
    });

    it('says when no provider is configured, pointing to the README', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7"></ip-entity-page>`);
      await waitForText(el, 'No data provider configured');
      expect(deepText(el)).to.contain('api-base');
      expect(deepText(el)).to.contain('README');
    });
  });

  describe('switching IP', () => {
    it('aborts the old requests and shows only the new IP, even when old answers arrive last', async () => {
      const { provider, pending, all } = manualProvider();
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="198.51.100.1" .provider=${provider}></ip-entity-page>`);
      await waitUntil(() => pending.filter((c) => c.args[0] === '198.51.100.1').length === 4, 'first IP requests');
      el.ip = '198.51.100.2';
      await waitUntil(() => pending.filter((c) => c.args[0] === '198.51.100.2').length === 4, 'second IP requests');
      const first = all.filter((c) => c.args[0] === '198.51.100.1');
      expect(first.every((c) => c.signal.aborted), 'old requests aborted').to.equal(true);
      const data = (ip: string) => ({
        getIpDetails: { ip, organization: `Org of ${ip}`, reverseDns: [] },
        getSecuritySummary: { openIncidents: ip.endsWith('1') ? 11 : 22, activeAlerts: 0, incidentsBySeverity: { high: 0, medium: 0, low: 0, informational: 0 }, alertsBySeverity: { high: 0, medium: 0, low: 0, informational: 0 }, organizationPrevalence: 1, lastSeen: new Date().toISOString() },
        getLogActivity: { sources: [], loggedHosts: [] },
        getPrevalence: { bucket: 'day', buckets: [], totalDevices: ip.endsWith('1') ? 111 : 222, alertMarks: [] },
      });
      for (const c of pending.filter((p) => p.args[0] === '198.51.100.2')) c.resolve(data('198.51.100.2')[c.method as keyof ReturnType<typeof data>]);
      await waitForText(el, 'Org of 198.51.100.2');
      for (const c of first) c.resolve(data('198.51.100.1')[c.method as keyof ReturnType<typeof data>]);
      await aTimeout(50);
      const text = deepText(el);
      expect(text).to.not.contain('Org of 198.51.100.1');
      expect(text).to.contain('222');
      expect(text).to.not.contain('111');
      expect(shadow(el).querySelector('h1')!.textContent).to.equal('198.51.100.2');
    });
  });

  describe('search box', () => {
    it('switches to a valid IP, updates the attribute and fires ip-change', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      const input = shadow(el).querySelector<HTMLInputElement>('#search')!;
      input.focus();
      await sendKeys({ type: '  2001:DB8::5 ' });
      setTimeout(() => sendKeys({ press: 'Enter' }));
      const e = (await oneEvent(el, 'ip-change')) as IpChangeEvent;
      expect(e.detail).to.deep.equal({ ip: '2001:db8::5', previous: '203.0.113.7' });
      await el.updateComplete;
      expect(el.getAttribute('ip')).to.equal('2001:db8::5');
      expect(shadow(el).querySelector('h1')!.textContent).to.equal('2001:db8::5');
    });

    it('shows an inline error for an invalid entry, keeps what was typed, changes nothing', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      let changed = false;
      el.addEventListener('ip-change', () => (changed = true));
      const input = shadow(el).querySelector<HTMLInputElement>('#search')!;
      input.focus();
      await sendKeys({ type: '10.0.0.0/8' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const error = shadow(el).querySelector('#search-error')!;
      await waitUntil(() => error.textContent!.includes('network range (CIDR)'), 'the search says why');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.value).to.equal('10.0.0.0/8');
      expect(el.ip).to.equal('203.0.113.7');
      expect(changed).to.equal(false);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      expect(error.textContent).to.equal('');
    });
  });

  describe('time range', () => {
    it('passes the picked range to every section and fires ip-range-change', async () => {
      const { provider, calls } = recording(staticProvider());
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page>`);
      await waitForText(el, 'in the last 30 days');
      const select = deepQuery(el, 'ip-time-range-picker')!.shadowRoot!.querySelector('select')!;
      select.value = '7d';
      setTimeout(() => select.dispatchEvent(new Event('change', { bubbles: true })));
      const e = (await oneEvent(el, 'ip-range-change')) as IpRangeChangeEvent;
      expect(e.detail.range).to.equal('7d');
      expect(e.target).to.equal(el);
      await waitForText(el, 'in the last 7 days');
      expect(el.getAttribute('range')).to.equal('7d');
      const weekCalls = calls.filter((c) => ['getSecuritySummary', 'getLogActivity', 'getPrevalence'].includes(c.method) && (c.args[1] as { from: Date; to: Date }).to.getTime() - (c.args[1] as { from: Date }).from.getTime() === 7 * 86_400_000);
      expect(weekCalls.map((c) => c.method).sort()).to.deep.equal(['getLogActivity', 'getPrevalence', 'getSecuritySummary']);
    });
  });

  describe('tabs', () => {
    it('takes a custom window from the range attribute (as a shared link carries it) and from the picker', async () => {
      const { provider, calls } = recording(staticProvider());
      const from = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3 * 86_400_000);
      const to = new Date(from.getTime() + 2 * 86_400_000);
      const spec = `${from.toISOString()}/${to.toISOString()}`;
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" range=${spec} .provider=${provider}></ip-entity-page>`);
      await waitUntil(() => calls.some((c) => c.method === 'getSecuritySummary' && (c.args[1] as { from: Date }).from.getTime() === from.getTime() && (c.args[1] as { to: Date }).to.getTime() === to.getTime()), 'sections ask for the window');
      const picker = shadow(el).querySelector('ip-time-range-picker')!;
      expect(picker.shadowRoot!.querySelector('select')!.value).to.equal('custom');
      // A new window from the picker's form reaches the page, its attribute and the host.
      const later = new Date(from.getTime() + 86_400_000);
      const next = `${later.toISOString()}/${to.toISOString()}` as const;
      setTimeout(() => picker.dispatchEvent(new IpRangeChangeEvent({ range: next })));
      const e = (await oneEvent(el, 'ip-range-change')) as IpRangeChangeEvent;
      expect(e.detail.range).to.equal(next);
      expect(el.getAttribute('range')).to.equal(next);
      await waitUntil(() => calls.some((c) => c.method === 'getPrevalence' && (c.args[1] as { from: Date }).from.getTime() === later.getTime()), 'sections follow');
      // Nonsense falls back to the default 30 days.
      el.range = 'tomorrow/yesterday' as typeof el.range;
      await waitUntil(() => picker.value === '30d');
    });

    it('falls back to the longest range the data source keeps, and shows the longer ones disabled', async () => {
      const base = staticProvider();
      const provider = withOverrides(base, { getCapabilities: async () => ({ ...(await base.getCapabilities({ signal: new AbortController().signal })), maxLookbackDays: 30 }) });
      const { provider: recorded, calls } = recording(provider);
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" range="180d" .provider=${recorded}></ip-entity-page>`);
      const picker = shadow(el).querySelector('ip-time-range-picker')!;
      await waitUntil(() => picker.value === '30d', 'the range falls back to 30 days');
      await waitUntil(() => calls.some((c) => c.method === 'getSecuritySummary' && (c.args[1] as { from: Date; to: Date }).to.getTime() - (c.args[1] as { from: Date; to: Date }).from.getTime() === 30 * 86_400_000), 'sections load 30 days');
      expect(picker.shadowRoot!.querySelector<HTMLOptionElement>('option[value="180d"]')!.disabled).to.equal(true);
    });

    it('follows the WAI-ARIA tabs pattern: one tab stop, arrows wrap, Home/End, Enter selects', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      const list = shadow(el).querySelector('[role="tablist"]')!;
      expect(list.getAttribute('aria-label')).to.be.a('string');
      expect(tabs(el).map((t) => t.textContent!.trim())).to.deep.equal(['Overview', 'Incidents and alerts', 'Observed in organization']);
      expect(tabs(el).filter((t) => t.tabIndex === 0).length).to.equal(1);
      for (const t of tabs(el)) {
        const panel = shadow(el).getElementById(t.getAttribute('aria-controls')!)!;
        expect(panel.getAttribute('role')).to.equal('tabpanel');
        expect(panel.getAttribute('aria-labelledby')).to.equal(t.id);
      }
      tabs(el)[0]!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(shadow(el).activeElement).to.equal(tabs(el)[2]);
      await sendKeys({ press: 'ArrowRight' });
      expect(shadow(el).activeElement).to.equal(tabs(el)[0]);
      await sendKeys({ press: 'End' });
      expect(shadow(el).activeElement).to.equal(tabs(el)[2]);
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowRight' });
      expect(shadow(el).activeElement).to.equal(tabs(el)[1]);
      expect(selectedTab(el).id).to.equal('tab-overview'); // manual activation: focus alone does not select
      setTimeout(() => sendKeys({ press: 'Enter' }));
      const e = (await oneEvent(el, 'ip-tab-change')) as IpTabChangeEvent;
      expect(e.detail).to.deep.equal({ tab: 'alerts', previous: 'overview' });
      await el.updateComplete;
      expect(selectedTab(el).id).to.equal('tab-alerts');
      expect(el.getAttribute('tab')).to.equal('alerts');
      expect(tabs(el).filter((t) => t.tabIndex === 0)).to.deep.equal([tabs(el)[1]]);
      expect(shadow(el).getElementById('panel-overview')!.inert).to.equal(true);
      expect(shadow(el).getElementById('panel-alerts')!.inert).to.equal(false);
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(selectedTab(el).id).to.equal('tab-devices');
    });

    it('deep-links with the tab attribute and does not fetch for tabs not yet visited', async () => {
      const { provider, calls } = recording(staticProvider());
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" tab="devices" .provider=${provider}></ip-entity-page>`);
      expect(selectedTab(el).id).to.equal('tab-devices');
      await waitForText(el, 'WS-FIN-0231', undefined, 5000);
      // The header asks whether the IP is blocked (listIndicators) and for the colleagues' note (getNote); no other tab's data is asked.
      expect(calls.map((c) => c.method).filter((m) => !['getCapabilities', 'listIndicators', 'getNote'].includes(m))).to.deep.equal(['listObservedDevices']);
      el.tab = 'overview';
      await waitForText(el, 'Northwind Cloud Hosting B.V.');
      expect(calls.some((c) => c.method === 'getIpDetails')).to.equal(true);
    });

    it('shows the Sentinel tab only when the provider supports it', async () => {
      const without = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      await aTimeout(50);
      expect(tabs(without).map((t) => t.id)).to.not.include('tab-sentinel');
      const withSentinel = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" tab="sentinel" .provider=${staticProvider(undefined, { sentinel: true })}></ip-entity-page>`);
      await waitUntil(() => tabs(withSentinel).some((t) => t.id === 'tab-sentinel'));
      await withSentinel.updateComplete;
      expect(selectedTab(withSentinel).id).to.equal('tab-sentinel');
    });

    it('a severity card switches to Incidents and alerts filtered to that severity', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      let leaked = false;
      el.addEventListener('ip-navigate', () => (leaked = true));
      await waitForText(el, 'Incidents and alerts by severity');
      await waitUntil(() => severityCard(el, 'High')!);
      setTimeout(() => severityCard(el, 'High')!.click());
      const e = (await oneEvent(el, 'ip-tab-change')) as IpTabChangeEvent;
      expect(e.detail.tab).to.equal('alerts');
      await el.updateComplete;
      const list = shadow(el).querySelector('ip-alerts-list')!;
      expect(list.filter).to.deep.equal({ severity: ['high'] });
      await waitUntil(() => deepText(list).includes('Severity: High'), 'the list shows the severity filter');
      expect(leaked).to.equal(false);
    });
  });

  describe('link templates', () => {
    it('opens devices, alerts and the Activity log at the host’s URLs, values encoded, javascript: refused', async () => {
      // Every question the page asks the provider, by method.
      const asked: string[] = [];
      const provider = new Proxy(staticProvider(), {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (typeof value !== 'function' || prop === 'getCapabilities') return value;
          return (...args: unknown[]) => (asked.push(String(prop)), (value as (...a: unknown[]) => unknown).apply(target, args));
        },
      });
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" tab="devices" .provider=${provider}
        device-href="https://portal.example/devices/{id}?from={ip}" alert-href="javascript:alert('{id}')" activity-log-href="https://portal.example/activity?ip={ip}"></ip-entity-page>`);
      await waitForText(el, 'WS-FIN-0231', undefined, 5000);
      const devices = deepQuery(el, 'ip-observed-devices')!.shadowRoot!;
      // The templates' code loads when a host first sets one; the links follow it.
      await waitUntil(() => queryByRole(devices, 'link', 'WS-FIN-0231'), 'the device is a link');
      const link = byRole<HTMLAnchorElement>(devices, 'link', 'WS-FIN-0231');
      expect(link.getAttribute('href')).to.match(/^https:\/\/portal\.example\/devices\/[^/?]+\?from=203\.0\.113\.7$/);
      const actions = deepQuery(el, 'ip-response-actions')!;
      await waitUntil(() => queryByRole(actions.shadowRoot!, 'link', 'Investigate in Activity log'), 'the Activity log is a link');
      expect(byRole<HTMLAnchorElement>(actions.shadowRoot!, 'link', 'Investigate in Activity log').getAttribute('href')).to.equal('https://portal.example/activity?ip=203.0.113.7');
      // A template the page changes at run time takes effect; a javascript: one never becomes a link.
      await waitUntil(() => asked.includes('listObservedDevices'), 'the devices asked for');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const before = asked.length;
      el.setAttribute('device-href', 'https://other.example/d/{id}');
      await waitUntil(() => byRole<HTMLAnchorElement>(deepQuery(el, 'ip-observed-devices')!.shadowRoot!, 'link', 'WS-FIN-0231').href.startsWith('https://other.example/d/'), 'the new template');
      // New links ask nothing again: the sections keep what they show.
      expect(asked.slice(before)).to.deep.equal([]);
      el.tab = 'alerts';
      await waitUntil(() => deepQuery(el, 'ip-alerts-list')?.shadowRoot?.querySelector('[role="row"][aria-selected]'), 'alerts');
      expect(deepQueryAll<HTMLAnchorElement>(el, 'a[href]').filter((a) => a.getAttribute('href')!.toLowerCase().startsWith('javascript'))).to.deep.equal([]);
    });
  });

  describe('share link', () => {
    const SHARE = 'https://portal.example/ip?ip={ip}&tab={tab}&range={range}&filter={filter}';
    it('Copy link gives the host’s URL for this IP, tab, range and the alerts filter; alerts-filter deep-links it back', async () => {
      await withClipboard(async (copied) => {
        const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" tab="alerts" range="7d" alerts-filter="severity:high"
          share-href=${SHARE} .provider=${staticProvider()}></ip-entity-page>`);
        const list = () => deepQuery(el, 'ip-alerts-list')!;
        await waitUntil(() => list()?.shadowRoot?.querySelector('[role="row"][aria-selected]'), 'alerts');
        await waitUntil(() => JSON.stringify((list() as unknown as { filter: unknown }).filter) === '{"severity":["high"]}', 'alerts-filter applied to the list');
        const actions = deepQuery(el, 'ip-response-actions')!;
        await waitUntil(() => actions.shadowRoot && queryByRole(actions.shadowRoot, 'button', 'Copy link'), 'Copy link offered');
        byRole(actions.shadowRoot!, 'button', 'Copy link').click();
        await waitUntil(() => copied.length === 1);
        expect(copied[0]).to.equal('https://portal.example/ip?ip=203.0.113.7&tab=alerts&range=7d&filter=severity%3Ahigh');
        el.tab = 'devices';
        await el.updateComplete;
        byRole(actions.shadowRoot!, 'button', 'Copy link').click();
        await waitUntil(() => copied.length === 2);
        expect(copied[1]).to.contain('tab=devices');
      });
      const without = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      const bar = () => deepQuery(without, 'ip-response-actions')?.shadowRoot;
      await waitUntil(() => bar() && queryByRole(bar()!, 'button', 'Copy IP'), 'the bar');
      expect(queryByRole(bar()!, 'button', 'Copy link')).to.equal(null);
    });
  });

  describe('states', () => {
    it('is accessible while loading', async () => {
      const { provider } = manualProvider();
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page>`);
      await waitUntil(() => deepQueryAll(el, '[aria-busy="true"]').length > 5, 'blocks say they are busy');
      await expect(el).to.be.accessible();
    });

    it('keeps the other sections when one fails, and is accessible with the error shown', async () => {
      const provider = withOverrides(staticProvider(), { getSecuritySummary: () => Promise.reject(new IpDataError('unavailable', 'Summary service timed out.')) });
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${provider}></ip-entity-page>`);
      await waitForText(el, 'Summary service timed out.');
      await waitForText(el, 'Northwind Cloud Hosting B.V.');
      await expect(el).to.be.accessible();
    });

    it('says an IP was not observed and still shows enrichment, accessibly', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="192.0.2.200" .provider=${staticProvider({ '192.0.2.200': { details: { organization: 'Only enrichment' } } })}></ip-entity-page>`);
      await waitForText(el, 'not observed in your organization in the last 30 days');
      await waitForText(el, 'Only enrichment');
      await expect(el).to.be.accessible();
    });

    it('renders hostile provider strings as text', async () => {
      const data = fullData();
      data.details!.organization = '<img src=x onerror="window.__pagePwned=1">';
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${staticProvider({ '203.0.113.7': data })}></ip-entity-page>`);
      await waitForText(el, '<img src=x onerror="window.__pagePwned=1">');
      expect(deepQueryAll(el, 'img').length).to.equal(0);
      expect((window as unknown as { __pagePwned?: number }).__pagePwned).to.equal(undefined);
    });
  });

  describe('theme', () => {
    it('renders dark when theme="dark", and every section follows', async () => {
      const light = await fixture<IpEntityPage>(html`<ip-entity-page theme="light" ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      const dark = await fixture<IpEntityPage>(html`<ip-entity-page theme="dark" ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      await waitForText(dark, 'Northwind Cloud Hosting B.V.');
      await waitForText(light, 'Northwind Cloud Hosting B.V.');
      const bg = (el: Element) => getComputedStyle(el).backgroundColor;
      expect(bg(dark)).to.equal('rgb(23, 24, 28)');
      expect(bg(light)).to.equal('rgb(243, 244, 246)');
      const darkSection = deepQuery(dark, '[part="details"]')!;
      expect(getComputedStyle(darkSection).backgroundColor).to.equal('rgb(34, 35, 40)');
      expect(getComputedStyle(darkSection).color).to.equal('rgb(231, 232, 235)');
      try {
        await expect(dark).to.be.accessible();
      } catch (e) {
        throw new Error((e as Error).message.slice(0, 3000));
      }
    });

    it('lets a host override a token from outside', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page style="--ip-color-bg: rgb(1, 2, 3)" theme="dark" ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(1, 2, 3)');
    });

    it('tightens spacing with density="compact"', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page density="compact" ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      expect(getComputedStyle(el).fontSize).to.equal('13px');
    });
  });

  describe('with api-base (REST provider over the mock API)', () => {
    useMockApi();

    it('loads the demo IP through the REST contract', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" api-base="/api"></ip-entity-page>`);
      await waitForText(el, 'AS6450', undefined, 8000);
      await waitForText(el, 'DeviceNetworkEvents', undefined, 8000);
      expect(tabs(el).map((t) => t.id)).to.include('tab-sentinel');
    });

    it('offers threat intelligence: the reputation badge in the header opens its tab', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" api-base="/api"></ip-entity-page>`);
      await waitUntil(() => tabs(el).some((t) => t.id === 'tab-intel'), 'the Threat intelligence tab', { timeout: 8000 });
      expect(tabs(el).map((t) => t.textContent!.trim())).to.deep.equal(['Overview', 'Incidents and alerts', 'Observed in organization', 'Accounts', 'Threat intelligence', 'Sentinel events']);
      const badge = () => deepQuery(el, 'ip-reputation-badge')?.shadowRoot?.querySelector('button');
      await waitUntil(() => badge(), 'the badge', { timeout: 8000 });
      expect(accessibleName(badge()!)).to.match(/^Malicious · \d+: threat intelligence reputation/);
      setTimeout(() => badge()!.click());
      const e = (await oneEvent(el, 'ip-tab-change')) as IpTabChangeEvent;
      expect(e.detail.tab).to.equal('intel');
      await waitForText(el, 'Passive DNS', undefined, 8000);
      // A provider without threat intelligence: no tab, no badge.
      const plain = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      await waitUntil(() => tabs(plain).length === 3);
      expect(deepQuery(plain, 'ip-reputation-badge')).to.equal(null);
    });

    it('shows the service error for the failing demo IP, with Retry', async () => {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="192.0.2.66" api-base="/api"></ip-entity-page>`);
      await waitForText(el, 'The data service failed while answering this request.', undefined, 8000);
      // Each block fails on its own, with its own Retry (they settle one by one).
      await waitUntil(() => deepQueryAll(el, 'button').filter((b) => b.textContent!.trim() === 'Retry').length >= 4, 'every block shows its error', { timeout: 8000 });
    });
  });
});
