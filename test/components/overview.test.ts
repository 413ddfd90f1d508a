import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/overview/ip-overview.js';
import type { IpOverview } from '../../src/components/overview/overview.js';
import { IpDataError } from '../../src/data/errors.js';
import type { IpNavigateEvent } from '../../src/events/events.js';
import { byRole, severityCard } from '../helpers/roles.js';
import { deepQuery, deepQueryAll, deepText, waitForText, waitUntil } from '../helpers/dom.js';
import { fullData, manualProvider, recording, staticProvider, withOverrides } from '../helpers/providers.js';

async function loaded(el: IpOverview) {
  await waitForText(el, 'Northwind Cloud Hosting B.V.');
  await waitForText(el, 'DeviceNetworkEvents');
  await waitForText(el, 'devices communicated');
}

describe('<ip-overview>', () => {
  it('marks the open counts as lower bounds when the source counted only its most recent alerts, and says why', async () => {
    const base = staticProvider();
    const provider = withOverrides(base, {
      getSecuritySummary: async (...args: Parameters<typeof base.getSecuritySummary>) => ({ ...(await base.getSecuritySummary(...args)), countedOver: { counted: 100, matched: 2345 } }),
    });
    const el = await fixture<IpOverview>(html`<ip-overview lang="en-US" ip="203.0.113.7" .provider=${provider}></ip-overview>`);
    await loaded(el);
    const info = deepText(deepQuery(el, '[part="security-info"]')!);
    expect(info).to.contain('1+ Open incidents 3+ Active alerts');
    expect(info).to.contain('At least: only the 100 most recent of 2,345 alerts have a status.');
    const high = severityCard(el, 'High')!;
    expect(high.textContent!.replace(/\s+/g, ' ')).to.contain('High 2+ in total: 1 incident · 1 alert');
    await expect(el).to.be.accessible();
    const exact = await fixture<IpOverview>(html`<ip-overview lang="en-US" ip="203.0.113.7" .provider=${staticProvider()}></ip-overview>`);
    await loaded(exact);
    expect(deepText(exact)).to.not.contain('+ Open incidents').and.to.not.contain('At least');
  });

  it('names the country in the page’s language with its code, from a code, an English name or the WHOIS record', async () => {
    const data = fullData();
    // Sentinel's geodata gives an English name only; the WHOIS record a code only.
    const provider = staticProvider({ '203.0.113.7': { ...data, details: { ...data.details!, country: 'Singapore', countryCode: undefined, whois: { ...data.details!.whois, country: 'NL' } } } });
    const el = await fixture<IpOverview>(html`<ip-overview lang="de-DE" ip="203.0.113.7" .provider=${provider}></ip-overview>`);
    await waitForText(el, 'Singapur (SG)', 'the country in German, with its code');
    const details = deepText(deepQuery(el, '[part="details"]')!);
    expect(details, 'the WHOIS country').to.contain('Niederlande (NL)');
    expect(details).to.not.contain('Singapore');
    const english = await fixture<IpOverview>(html`<ip-overview lang="en-US" ip="203.0.113.7" .provider=${staticProvider()}></ip-overview>`);
    await waitForText(english, 'Netherlands (NL)', 'a name and code from the source, in English');
  });

  it('renders every overview field from the provider', async () => {
    const el = await fixture<IpOverview>(html`<ip-overview lang="en-US" ip="203.0.113.7" .provider=${staticProvider()}></ip-overview>`);
    await loaded(el);
    const text = deepText(el);
    for (const expected of [
      'Open incidents', 'Active alerts',
      'Northwind Cloud Hosting B.V.', 'Northwind Cloud', 'AS64496 · NWCLOUD-AS', 'Netherlands (NL)', 'North Holland', 'Amsterdam',
      'Northwind Mobile', '52.3545, 4.9523', '1098 XG',
      'vps-203-0-113-7.nwcloud.example', 'mail.nwcloud.example',
      'RIPE NCC', '203.0.113.0 - 203.0.113.255', 'NWCLOUD-NET', 'abuse@nwcloud.example',
      'DeviceNetworkEvents', 'CommonSecurityLog', '1,234',
      'SRV-APP-07',
      '2 devices communicated with this IP in the last 30 days',
    ]) {
      expect(text, expected).to.contain(expected);
    }
    // security info: 1 open incident, 3 active alerts (al-1, al-2, al-4)
    expect(deepText(deepQuery(el, '[part="security-info"]')!)).to.contain('1 Open incidents 3 Active alerts');
    // severity cards: high = 1 incident + 1 alert
    const high = severityCard(el, 'High')!;
    expect(high.textContent).to.contain('1 incident · 1 alert');
    expect(high.textContent!.replace(/\s+/g, ' ')).to.contain('High 2 in total: 1 incident · 1 alert');
    await expect(el).to.be.accessible();
  });

  it('says when the counts were made without part of the data (a throttled backend)', async () => {
    const base = staticProvider();
    const provider = withOverrides(base, {
      getSecuritySummary: async (...args: Parameters<typeof base.getSecuritySummary>) => ({ ...(await base.getSecuritySummary(...args)), incomplete: 'Microsoft Graph did not give the details of 12 incidents and alerts just now.' }),
    });
    const el = await fixture<IpOverview>(html`<ip-overview lang="en-US" ip="203.0.113.7" .provider=${provider}></ip-overview>`);
    await loaded(el);
    const note = deepQuery(el, '[part="incomplete"]');
    expect(note?.textContent).to.contain('did not give the details of 12 incidents and alerts');
    expect(note?.getAttribute('role')).to.equal('status');
    expect(deepText(deepQuery(el, '[part="security-info"]')!), 'the counts still show').to.contain('Open incidents');
  });

  it('shows an em dash that says "Not available" for missing fields, never "undefined"', async () => {
    const el = await fixture<IpOverview>(html`<ip-overview ip="192.0.2.9" .provider=${staticProvider({ '192.0.2.9': { details: { organization: 'Only org' } } })}></ip-overview>`);
    await waitForText(el, 'Only org');
    const text = deepText(el);
    expect(text).to.not.contain('undefined');
    expect(text).to.not.contain('null');
    expect(text).to.contain('Not available');
    // Each missing value is announced as "Not available" (and shows a dash).
    expect(text.match(/Not available/g)!.length).to.be.at.least(6);
  });

  it('says when the IP was never observed, and still shows enrichment', async () => {
    const el = await fixture<IpOverview>(html`<ip-overview ip="192.0.2.200" .provider=${staticProvider({ '192.0.2.200': { details: { organization: 'Enriched Org' } } })}></ip-overview>`);
    await waitForText(el, 'was not observed in your organization in the last 30 days');
    await waitForText(el, 'Enriched Org');
    await waitForText(el, 'No log source recorded');
    await expect(el).to.be.accessible();
  });

  it('follows its own range over the default', async () => {
    const { provider, calls } = recording(staticProvider());
    const el = await fixture<IpOverview>(html`<ip-overview ip="203.0.113.7" range="7d" .provider=${provider}></ip-overview>`);
    await loaded(el);
    const summary = calls.find((c) => c.method === 'getSecuritySummary')!;
    const range = summary.args[1] as { from: Date; to: Date };
    expect(range.to.getTime() - range.from.getTime()).to.equal(7 * 86_400_000);
    expect(deepText(el)).to.contain('in the last 7 days');
  });

  it('shows each section’s error with a Retry, and the other sections still work', async () => {
    const base = staticProvider();
    let failDetails = true;
    const provider = withOverrides(base, {
      getIpDetails: (ip: string, o: { signal: AbortSignal }) =>
        failDetails ? Promise.reject(new IpDataError('unavailable', 'Enrichment service is down (HTTP 503).')) : base.getIpDetails(ip, o),
      getLogActivity: () => Promise.reject(new IpDataError('forbidden', 'You cannot read log activity.')),
    });
    const errors: string[] = [];
    const el = await fixture<IpOverview>(html`<ip-overview ip="203.0.113.7" .provider=${provider} @ip-error=${(e: CustomEvent) => errors.push(e.detail.section)}></ip-overview>`);
    await waitForText(el, 'Enrichment service is down (HTTP 503).');
    await waitForText(el, 'You cannot read log activity.');
    await waitForText(el, 'devices communicated');
    expect(deepText(el)).to.contain('Open incidents');
    expect(errors).to.include.members(['details', 'log-activity']);
    // forbidden is not worth retrying; unavailable is
    const detailsSection = deepQuery(el, '[part="details"]')!;
    const logSection = deepQuery(el, '[part="log-activity"]')!;
    expect(logSection.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
    failDetails = false;
    (detailsSection.querySelector('button') as HTMLButtonElement).click();
    await waitForText(el, 'Northwind Cloud Hosting B.V.');
  });

  it('a provider that throws a non-Error still gets a readable message', async () => {
    const provider = withOverrides(staticProvider(), { getIpDetails: () => Promise.reject({ weird: true }) });
    const el = await fixture<IpOverview>(html`<ip-overview ip="203.0.113.7" .provider=${provider}></ip-overview>`);
    await waitForText(el, 'Something went wrong while loading this section.');
    expect(deepText(el)).to.not.contain('[object Object]');
  });

  it('shows skeletons while loading, marked busy, and is accessible', async () => {
    const { provider } = manualProvider();
    const el = await fixture<IpOverview>(html`<ip-overview ip="203.0.113.7" .provider=${provider}></ip-overview>`);
    await waitUntil(() => deepQueryAll(el, 'section[aria-busy="true"]').length === 6, 'every block says it is busy');
    await expect(el).to.be.accessible();
  });

  it('updates in place when a new range is answered at once, and shows the loading state from the next frame when it is not', async () => {
    let hold = false;
    const base = staticProvider();
    const provider = withOverrides(base, {
      getSecuritySummary: (...args: Parameters<typeof base.getSecuritySummary>) => (hold ? new Promise(() => undefined) : base.getSecuritySummary(...args)),
      getPrevalence: (...args: Parameters<typeof base.getPrevalence>) => (hold ? new Promise(() => undefined) : base.getPrevalence(...args)),
    });
    const el = await fixture<IpOverview>(html`<ip-overview lang="en-US" ip="203.0.113.7" range="7d" .provider=${provider}></ip-overview>`);
    await loaded(el);
    const chart = el.shadowRoot!.querySelector('ip-prevalence-chart')!;
    const skeletons: Node[] = [];
    const watch = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && (n.matches('.skeleton') || n.querySelector('.skeleton'))) skeletons.push(n);
    });
    for (const root of [el.shadowRoot!, chart.shadowRoot!]) watch.observe(root, { childList: true, subtree: true });
    const details = deepQuery(el, '[part="security-info"] .kpis')!;
    const frame = () => new Promise((r) => requestAnimationFrame(r));

    el.range = '30d';
    await waitForText(el, 'in the last 30 days');
    await frame();
    watch.takeRecords();
    expect(skeletons, 'no loading state built for answers that came at once').to.have.length(0);
    expect(details.isConnected, 'the details were updated, not built again').to.equal(true);
    expect(deepQueryAll(el, 'section[aria-busy="true"]')).to.have.length(0);

    hold = true;
    el.range = '90d';
    await el.updateComplete;
    await frame();
    await frame();
    await waitUntil(() => deepQuery(el, '[part="security-info"] .skeleton') !== null, 'the late section shows its loading state');
    expect(deepQuery(el, '[part="security-info"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(deepQuery(chart, '.skeleton'), 'the chart too').to.not.equal(null);
    expect(deepQuery(el, '[part="log-activity"]')!.getAttribute('aria-busy'), 'an answered section is not held back').to.equal('false');
    watch.disconnect();
  });

  it('severity card fires ip-navigate to the alerts with that severity', async () => {
    const el = await fixture<IpOverview>(html`<ip-overview ip="203.0.113.7" .provider=${staticProvider()}></ip-overview>`);
    await loaded(el);
    const card = severityCard(el, 'Medium')!;
    setTimeout(() => card.click());
    const e = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
    expect(e.detail).to.deep.equal({ target: 'alerts', ip: '203.0.113.7', filter: { severity: ['medium'] } });
    expect(e.cancelable).to.equal(true);
    expect(e.composed).to.equal(true);
  });

  it('logged host links fire a cancelable ip-navigate, with the provider’s href when it has one', async () => {
    const provider = staticProvider({ '203.0.113.7': fullData() }, { links: { device: (id: string) => `/devices/${id}` } });
    const el = await fixture<IpOverview>(html`<ip-overview ip="203.0.113.7" .provider=${provider}></ip-overview>`);
    await waitForText(el, 'SRV-APP-07');
    const link = deepQuery<HTMLAnchorElement>(el, '[part="logged-hosts"] a')!;
    expect(link.getAttribute('href')).to.equal(new URL('/devices/host-1', location.href).href);
    el.addEventListener('ip-navigate', (e) => e.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const e = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
    expect(e.detail).to.include({ target: 'device', id: 'host-1', ip: '203.0.113.7' });
    expect(e.defaultPrevented).to.equal(true);
    expect(location.pathname).to.not.contain('/devices/');
  });

  it('renders hostile strings as inert text and refuses javascript: links', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const data = fullData();
    data.details!.organization = hostile;
    data.details!.reverseDns = ['<script>window.__pwned=2</script>'];
    data.logActivity!.loggedHosts = [{ id: 'h"><img src=x onerror=window.__pwned=3>', name: hostile }];
    const provider = staticProvider({ '203.0.113.7': data }, { links: { device: () => 'javascript:window.__pwned=4' } });
    const el = await fixture<IpOverview>(html`<ip-overview ip="203.0.113.7" .provider=${provider}></ip-overview>`);
    await waitForText(el, hostile);
    expect(deepQueryAll(el, 'img').length).to.equal(0);
    expect(deepQueryAll(el, 'script').length).to.equal(0);
    const hostLink = byRole(deepQuery(el, '[part="logged-hosts"]')!, 'button', hostile);
    expect(hostLink.tagName).to.equal('BUTTON');
    expect(deepQueryAll(el, 'a[href^="javascript"]').length).to.equal(0);
    (hostLink as HTMLButtonElement).click();
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('names an invalid ip and calls no provider', async () => {
    const { provider, calls } = recording(staticProvider());
    const el = await fixture<IpOverview>(html`<ip-overview ip="0x7f.1" .provider=${provider}></ip-overview>`);
    await waitForText(el, '“0x7f.1”');
    expect(calls).to.deep.equal([]);
  });

  it('says when no provider is configured', async () => {
    const el = await fixture<IpOverview>(html`<ip-overview ip="203.0.113.7"></ip-overview>`);
    await waitForText(el, 'No data provider configured');
  });
});
