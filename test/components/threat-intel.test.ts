import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import '../../src/components/threat-intel/ip-threat-intel.js';
import '../../src/components/threat-intel/ip-reputation-badge.js';
import type { IpThreatIntel } from '../../src/components/threat-intel/threat-intel.js';
import type { IpReputationBadge } from '../../src/components/threat-intel/reputation-badge.js';
import { RestIpDataProvider } from '../../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { IpDataError } from '../../src/data/errors.js';
import type { IpErrorEvent } from '../../src/events/events.js';
import { allByPart, allByRole, byPart, byRole, queryByRole } from '../helpers/roles.js';
import { deepText, waitUntil } from '../helpers/dom.js';
import { recording, withOverrides } from '../helpers/providers.js';
import { useMockApi } from '../helpers/msw.js';

const IP = '203.0.113.7';
const root = (el: Element) => el.shadowRoot!;
const region = (el: IpThreatIntel, title: RegExp | string) => byRole(root(el), 'region', title);
const rows = (section: Element | null | undefined) => (section ? allByRole(section, 'row').slice(1) : []);
/** Rows of a list section, or none while the section is not there yet. */
const listRows = (el: IpThreatIntel, title: RegExp) => rows(queryByRole(root(el), 'region', title));

describe('<ip-threat-intel>', () => {
  useMockApi();
  const rest = () => new RestIpDataProvider({ baseUrl: '/api' });

  async function mount(provider: unknown, ip = IP) {
    const el = await fixture<IpThreatIntel>(html`<ip-threat-intel ip=${ip} .provider=${provider}></ip-threat-intel>`);
    await waitUntil(() => deepText(byPart(root(el), 'reputation')).match(/Malicious|Suspicious|Neutral|No reputation|cannot|failed|unavailable/i), 'the reputation', { timeout: 6000 });
    return el;
  }

  it('shows the reputation with its score and rules, the host, and every list with its count', async () => {
    const el = await mount(rest());
    const reputation = byPart(root(el), 'reputation');
    expect(deepText(reputation)).to.contain('Malicious');
    const meter = reputation.querySelector('meter')!;
    expect(meter.value).to.be.within(80, 99);
    expect(accessibleRules(reputation)).to.include('Cobalt Strike C2');
    // The rule's details open in a new tab; rules without a link have none.
    const link = byRole(reputation, 'link', /Details of Cobalt Strike C2/);
    expect(link.getAttribute('href')).to.match(/^https:\/\//);
    expect(link.getAttribute('rel')).to.contain('noopener');
    expect(deepText(byPart(root(el), 'host'))).to.contain('AS64').and.to.contain('Hosting provider');
    await waitUntil(() => listRows(el, /^Passive DNS/).length > 0, 'passive DNS');
    const titles = allByPart(root(el), 'list').map((s) => deepText(s.querySelector('h2')!).replace(/\s+/g, ' ').trim());
    expect(titles.map((t) => t.replace(/ \(\d+\)$/, ''))).to.deep.equal(['Actors, campaigns and malware', 'Articles that name this IP', 'Passive DNS', 'Certificates', 'Host pairs', 'Trackers', 'Components', 'Ports and services', 'Cookies', 'WHOIS history']);
    // Who is behind the IP first: the actor and the tool, each linked to its profile.
    await waitUntil(() => listRows(el, /^Actors, campaigns and malware/).length === 2, 'the actors');
    const actors = listRows(el, /^Actors, campaigns and malware/).map((r) => deepText(r).replace(/\s+/g, ' '));
    expect(actors.find((r) => r.includes('Storm-0000'))).to.contain('Actor').and.contain('DEV-0000');
    expect(actors.find((r) => r.trim().startsWith('Cobalt Strike'))).to.contain('Tool');
    expect(byRole(region(el, /^Actors, campaigns and malware/), 'link', /Storm-0000/).getAttribute('href')).to.match(/^https:\/\/ti\.defender\.microsoft\.com\/intel-profiles\//);
    // Then the articles, each a link to read it (a new tab).
    await waitUntil(() => listRows(el, /^Articles that name this IP/).length === 2, 'the articles');
    const article = byRole(region(el, /^Articles that name this IP/), 'link', /Cobalt Strike team servers behind invoice-themed phishing/);
    expect(article.getAttribute('target')).to.equal('_blank');
    expect(article.getAttribute('href')).to.match(/^https:\/\/ti\.defender\.microsoft\.com\/article\//);
    // What answers on the C2 server: its listener, the web server (a banner's line breaks as ↵), SSH.
    await waitUntil(() => listRows(el, /^Ports and services/).length === 3, 'the ports');
    const ports = listRows(el, /^Ports and services/).map((r) => deepText(r).replace(/\s+/g, ' '));
    expect(ports.find((p) => p.includes('443/tcp'))).to.contain('nginx 1.18.0').and.contain('HTTP/1.1 404 Not Found ↵ Server: nginx/1.18.0');
    expect(ports.find((p) => p.includes('50050/tcp'))).to.contain('Cobalt Strike 4.9');
    expect(deepText(region(el, /^Passive DNS/))).to.contain('Current').and.to.contain('Historical');
    await expect(el).to.be.accessible();
  });

  it('keeps dates and short values on one line in the lists, and wraps the long texts', async () => {
    const el = await mount(rest());
    await waitUntil(() => listRows(el, /^Actors, campaigns and malware/).length === 2, 'the actors');
    const cells = listRows(el, /^Actors, campaigns and malware/).flatMap((r) => [...r.querySelectorAll('td')]);
    const long = cells.flatMap((c) => [...c.querySelectorAll<HTMLElement>('.truncate')]);
    const short = cells.filter((c) => !c.querySelector('.truncate'));
    expect(long.length, 'cells with long text').to.be.greaterThan(0);
    expect(short.length, 'cells with short values').to.be.greaterThan(0);
    for (const c of short) expect(getComputedStyle(c).whiteSpace, c.textContent!).to.equal('nowrap');
    for (const t of long) expect(getComputedStyle(t).whiteSpace, t.textContent!).to.equal('normal');
  });

  it('with a workspace’s own intelligence (only its lists, no host view), shows just those lists', async () => {
    const base = new StaticIpDataProvider({ data: {} });
    const provider = withOverrides(base, {
      getCapabilities: async () => ({ ...(await base.getCapabilities!({ signal: new AbortController().signal })), threatIntel: true }),
      getThreatIntel: async () => ({ counts: {}, lists: ['profiles'] }),
      listThreatIntel: async (_ip: string, relation: string) => (relation === 'profiles' ? { items: [{ id: 'x', name: 'Storm-0000', kind: 'intrusion set' }], total: 1 } : { items: [], total: 0 }),
    });
    const el = await fixture<IpThreatIntel>(html`<ip-threat-intel ip=${IP} .provider=${provider}></ip-threat-intel>`);
    await waitUntil(() => listRows(el, /^Actors, campaigns and malware/).length === 1, 'the actors');
    expect(allByPart(root(el), 'list')).to.have.length(1);
    expect(queryByRole(root(el), 'region', /^Reputation/), 'no reputation section').to.equal(null);
    expect(queryByRole(root(el), 'region', /^On the internet/)).to.equal(null);
    // A kind the page has no word for is shown as the source wrote it.
    expect(deepText(listRows(el, /^Actors/)[0]!)).to.contain('intrusion set');
    await expect(el).to.be.accessible();
  });

  it('names the host’s country in the page’s language, with the code Graph gives', async () => {
    const provider = new StaticIpDataProvider({ data: { [IP]: { threatIntel: { summary: { counts: {}, countryOrRegion: 'SG', hostingProvider: 'Example Hosting' } } } } });
    const el = await fixture<IpThreatIntel>(html`<ip-threat-intel lang="de-DE" ip=${IP} .provider=${provider}></ip-threat-intel>`);
    await waitUntil(() => deepText(byPart(root(el), 'host')).includes('Example Hosting'), 'the host');
    expect(deepText(byPart(root(el), 'host'))).to.contain('Singapur (SG)');
  });

  it('pages a long list ten at a time, asking the provider for each page', async () => {
    const { provider, calls } = recording(rest());
    const el = await mount(provider, '198.51.100.23');
    const dns = () => region(el, /^Passive DNS/);
    await waitUntil(() => listRows(el, /^Passive DNS/).length === 10, 'the first page');
    expect(deepText(dns().querySelector('h2')!)).to.contain('(420)');
    byRole(dns(), 'button', /^Show 10 more of 410/).click();
    await waitUntil(() => rows(dns()).length === 20, 'the second page');
    const pages = calls.filter((c) => c.method === 'listThreatIntel' && c.args[1] === 'passiveDns').map((c) => c.args[2]);
    expect(pages).to.deep.equal([{ offset: 0, limit: 10 }, { offset: 10, limit: 10 }]);
  });

  it('keeps the reputation and the other lists when one list fails, with Retry; fires ip-error', async () => {
    let fail = true;
    const base = rest();
    const provider = withOverrides(base, {
      listThreatIntel: (ip: string, relation: never, page: { offset: number; limit: number }, o: { signal: AbortSignal }) =>
        relation === 'certificates' && fail ? Promise.reject(new IpDataError('unavailable', 'The certificates service is unavailable.')) : base.listThreatIntel(ip, relation, page, o),
    });
    const errors: string[] = [];
    const el = await fixture<IpThreatIntel>(html`<ip-threat-intel ip=${IP} .provider=${provider} @ip-error=${(e: IpErrorEvent) => errors.push(e.detail.section)}></ip-threat-intel>`);
    await waitUntil(() => { const c = queryByRole(root(el), 'region', /^Certificates/); return c && queryByRole(c, 'alert'); }, 'the failure', { timeout: 6000 });
    expect(deepText(region(el, /^Certificates/))).to.contain('certificates service is unavailable');
    await waitUntil(() => listRows(el, /^Passive DNS/).length > 0);
    expect(deepText(byPart(root(el), 'reputation'))).to.contain('Malicious');
    expect(errors).to.include('threat-intel:certificates');
    fail = false;
    byRole(region(el, /^Certificates/), 'button', 'Retry').click();
    await waitUntil(() => rows(region(el, /^Certificates/)).length > 0, 'retried');
  });

  it('shows hostile strings as text and never links javascript:', async () => {
    const provider = new StaticIpDataProvider({
      data: {
        [IP]: {
          threatIntel: {
            summary: {
              counts: { passiveDns: 1 },
              hostingProvider: '<img src=x onerror="window.__tiPwned=1">',
              reputation: { classification: 'malicious"><script>window.__tiPwned=2</script>', score: 99, rules: [{ name: '=HYPERLINK("http://evil.example")', severity: 'high', relatedDetailsUrl: 'javascript:window.__tiPwned=3' }] },
            },
            lists: { passiveDns: [{ hostname: '<b>evil</b>.example', lastSeen: '2026-11-20T10:00:00Z' }] },
          },
        },
      },
    });
    const el = await fixture<IpThreatIntel>(html`<ip-threat-intel ip=${IP} .provider=${provider}></ip-threat-intel>`);
    await waitUntil(() => listRows(el, /^Passive DNS/).length === 1, 'the list');
    expect(root(el).querySelector('img, script, b')).to.equal(null);
    expect(deepText(el)).to.contain('<img src=x').and.to.contain('<b>evil</b>.example');
    expect(queryByRole(byPart(root(el), 'reputation'), 'link', /Details/)).to.equal(null);
    // An unknown classification is shown as it came, in the neutral colour.
    expect(byPart(root(el), 'badge').className).to.contain('rep-other');
    await aTimeout(20);
    expect((window as unknown as { __tiPwned?: number }).__tiPwned).to.equal(undefined);
  });

  it('says why there is nothing to show: no provider, no threat intelligence, an invalid IP', async () => {
    const none = await fixture<IpThreatIntel>(html`<ip-threat-intel ip=${IP}></ip-threat-intel>`);
    expect(deepText(none)).to.contain('No data provider configured');
    // A backend that says it has none (the static provider without threat intelligence data).
    const noTi = await fixture<IpThreatIntel>(html`<ip-threat-intel ip=${IP} .provider=${new StaticIpDataProvider({ data: {} })}></ip-threat-intel>`);
    await waitUntil(() => deepText(noTi).includes('This portal has no threat intelligence for IP addresses.'), deepText(noTi));
    const bad = await fixture<IpThreatIntel>(html`<ip-threat-intel ip="999.1.1.1" .provider=${rest()}></ip-threat-intel>`);
    expect(deepText(bad)).to.contain("has a part above 255");
  });

  it('the badge shows classification and score, and nothing when the provider fails', async () => {
    const badge = await fixture<IpReputationBadge>(html`<ip-reputation-badge ip=${IP} interactive .provider=${rest()}></ip-reputation-badge>`);
    await waitUntil(() => root(badge).querySelector('button'), 'the badge');
    const button = byRole(root(badge), 'button', /^Malicious · \d+: threat intelligence reputation, score out of 100\. Open Threat intelligence$/);
    expect(deepText(button)).to.match(/Malicious · \d+/);
    const failing = await fixture<IpReputationBadge>(html`<ip-reputation-badge ip="192.0.2.66" .provider=${rest()}></ip-reputation-badge>`);
    await aTimeout(300);
    expect(deepText(failing).trim()).to.equal('');
  });
});

function accessibleRules(section: Element): string[] {
  return rows(section).map((r) => deepText(r.children[1]!).trim());
}
