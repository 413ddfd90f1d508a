import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/dom.js';
import { http, HttpResponse } from 'msw';
import { PartlyAppliedError } from '../../src/data/errors.js';
import type { AlertItem, ObservedDevice } from '../../src/data/model.js';
import { DefenderXdrProvider } from '../../src/providers/defender/defender-provider.js';
import { guardProvider } from '../../src/providers/guard.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { NOW, useMockApi, worker } from '../helpers/msw.js';
import { createMicrosoftHandlers } from '../../mocks/microsoft.js';
import { datasetFor } from '../../mocks/generator/dataset.js';
import { huntingAnswerBody, kqlAnalyzerAt } from '../../mocks/kql/answers.js';
import { applyTail } from '../../mocks/kql/clips.js';
import { analyzeKql } from '../helpers/kql.js';
import { dataError } from '../helpers/providers.js';

const IP = '203.0.113.7';
const range = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };
const o = () => ({ signal: new AbortController().signal });

interface Seen {
  method: string;
  url: URL;
  auth: string | null;
  body?: string;
}

/** Every request the provider sends, with what it carried. */
function watch(): Seen[] {
  const seen: Seen[] = [];
  worker.events.on('request:start', ({ request }) => {
    // The mocks' own calls to the test server's KQL analyser are not the provider's.
    if (new URL(request.url).pathname.startsWith('/__kql/')) return;
    const entry: Seen = { method: request.method, url: new URL(request.url), auth: request.headers.get('Authorization') };
    seen.push(entry);
    if (request.method !== 'GET') void request.clone().text().then((t) => (entry.body = t));
  });
  return seen;
}

function provider(extra: Partial<ConstructorParameters<typeof DefenderXdrProvider>[0]> = {}) {
  const scopes: string[] = [];
  const p = new DefenderXdrProvider({
    getToken: async (scope) => {
      scopes.push(scope);
      return 'token-for-tests';
    },
    tenantId: 'contoso-tenant',
    // The mocks answer the Defender for Endpoint API at its own address, as a host's proxy would relay it.
    defenderUrl: 'https://api.security.microsoft.com',
    ...extra,
  });
  // Components see it through the guard: read every answer as the page does.
  return { p: guardProvider(p), raw: p, scopes };
}


describe('DefenderXdrProvider over the Graph and Defender for Endpoint mocks', () => {
  useMockApi();
  afterEach(() => worker.events.removeAllListeners());

  it('never puts an id that would climb the path in a request or a portal link', async () => {
    const seen = watch();
    const { raw } = provider();
    for (const id of ['.', '..']) {
      expect(raw.links.device!(id), id).to.equal(undefined);
      expect(raw.links.alert!(id), id).to.equal(undefined);
      const error = await dataError(raw.updateAlerts!([id], { status: 'resolved' }, o()));
      expect(error.kind).to.equal('invalid-input');
    }
    expect(raw.links.device!('d-1')).to.contain('/machines/v2/d-1/overview');
    expect(seen.filter((s) => s.url.pathname.includes('/security/')), 'nothing was sent').to.deep.equal([]);
  });

  it('lists the accounts signing in from the IP from one hunting query, every page and order cut from it', async () => {
    const seen = watch();
    const { p } = provider();
    const spray = '2001:db8:85a3::8a2e:370:7334';
    const first = await p.listAccounts!(spray, { range, offset: 0, limit: 10 }, o());
    const byFailures = await p.listAccounts!(spray, { range, sort: { field: 'failures', direction: 'desc' }, offset: 10, limit: 10 }, o());
    expect(seen.filter((s) => s.url.pathname.endsWith('/runHuntingQuery')).length, 'one query').to.equal(1);
    expect(first.total).to.be.greaterThan(20);
    expect(byFailures.items.length).to.equal(10);
    const all = await p.listAccounts!(spray, { range, offset: 0, limit: 1000 }, o());
    // Entra ID's words for the spray's failures, and whether those who got in passed MFA.
    const gotIn = all.items.filter((a) => a.successes > 0 && a.failures > 0);
    expect(gotIn.length, 'accounts that got in after failing').to.be.greaterThan(0);
    for (const a of gotIn) {
      expect(a.source).to.equal('Entra ID');
      expect(a.account).to.match(/@contoso\.com$/);
      expect(a.userId, 'the Entra object id').to.match(/^[0-9a-f-]{36}$/);
      expect(a.multiFactor).to.be.within(0, a.successes);
      expect(a.applications).to.include('OfficeHome');
    }
    expect(all.items.map((a) => a.failureReason)).to.include('Invalid username or password (50126)');
  });

  it('says when older accounts are left out past the query’s 5,000 rows', async function () {
    this.timeout(30_000);
    const { p } = provider();
    const half = { from: new Date(NOW - 180 * DAY_MS), to: range.to };
    const page = await p.listAccounts!('198.51.100.99', { range: half, offset: 0, limit: 100 }, o());
    expect(page.total).to.equal(5_000);
    expect(page.incomplete).to.contain('5,000 accounts seen most recently');
  });

  it('asks the host for a token per API scope and sends it only to the APIs', async () => {
    const seen = watch();
    const { p, scopes } = provider();
    await p.getSecuritySummary(IP, range, o());
    expect(new Set(scopes)).to.deep.equal(new Set(['https://graph.microsoft.com/.default', 'https://api.securitycenter.microsoft.com/.default']));
    expect(seen.length).to.be.greaterThan(0);
    for (const s of seen) {
      expect(['graph.microsoft.com', 'api.security.microsoft.com'], s.url.href).to.include(s.url.hostname);
      expect(s.auth).to.equal('Bearer token-for-tests');
    }
  });

  it('says which API refused the sign-in when getToken fails, without the token in the message', async () => {
    const { p } = provider({ getToken: () => Promise.reject(new Error('interaction_required: Bearer abc.def.ghi')) });
    const err = await dataError(p.getIpDetails(IP, o()));
    expect(err.kind).to.equal('unauthorized');
    expect(err.message).to.contain('Microsoft Graph');
    expect(err.message).to.not.contain('abc.def.ghi');
  });

  it('reads the IP details from threat intelligence (AS, WHOIS, reverse DNS); internal IPs cost no call', async () => {
    const seen = watch();
    const { p } = provider();
    const d = await p.getIpDetails(IP, o());
    expect(d.ip).to.equal(IP);
    expect(d.asn).to.be.a('number');
    expect(d.organization).to.be.a('string').and.not.empty;
    expect(d.reverseDns.length).to.be.at.least(1);
    expect(d.whois?.registrar).to.be.a('string');
    const before = seen.length;
    const internal = await p.getIpDetails('10.20.30.40', o());
    expect(internal).to.deep.include({ ip: '10.20.30.40', reverseDns: [] });
    expect(seen.length).to.equal(before);
  });

  it('lists the IP’s open incidents for Add to incident from the alerts answer the page already has', async () => {
    const { p } = provider();
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 100 }, o());
    const seen = watch();
    const cases = await p.listCases!(IP, { range }, o());
    expect(seen, 'no new query for the same range').to.have.length(0);
    const open = page.items.filter((a) => a.kind === 'incident' && a.status !== 'resolved').map((a) => a.id);
    expect(cases.map((c) => c.id).sort()).to.deep.equal(open.sort());
    expect(cases.every((c) => c.related && c.kind === 'incident')).to.equal(true);
  });

  it('finds the intel profiles whose indicators name the IP from one index of every profile, paged as Graph pages them', async () => {
    const seen = watch();
    const { p } = provider();
    const profiles = await p.listThreatIntel!(IP, 'profiles', { offset: 0, limit: 10 }, o());
    expect(profiles.items.map((x) => [x.name, x.kind]).sort()).to.deep.equal([['Cobalt Strike', 'tool'], ['Storm-0000', 'actor']]);
    const actor = profiles.items.find((x) => x.kind === 'actor')!;
    expect(actor.aliases).to.include('DEV-0000');
    expect(actor.link).to.match(/^https:\/\/ti\.defender\.microsoft\.com\/intel-profiles\/[0-9a-f]{64}$/);
    expect(actor.summary).to.match(/^A financially motivated group/);
    const listCalls = () => seen.filter((s) => /\/threatIntelligence\/intelProfiles$/.test(s.url.pathname));
    const indicatorCalls = () => seen.filter((s) => /\/intelProfiles\/[^/]+\/indicators$/.test(s.url.pathname));
    // Four profiles, three per page: the service's next link is followed; every profile's indicators read once.
    expect(listCalls()).to.have.length(2);
    expect(new Set(indicatorCalls().map((s) => s.url.pathname)).size).to.equal(4);
    const before = seen.length;
    // Another IP is answered from the same index: no call.
    expect((await p.listThreatIntel!('198.51.100.23', 'profiles', { offset: 0, limit: 10 }, o())).total).to.equal(2);
    expect((await p.listThreatIntel!('2001:db8:85a3::8a2e:370:7334', 'profiles', { offset: 0, limit: 10 }, o())).items).to.deep.equal([]);
    expect(seen.length).to.equal(before);
  });

  it('reads threat intelligence: the host and its reputation, and each list paged with $top/$skip', async () => {
    const seen = watch();
    const { p } = provider();
    const ti = await p.getThreatIntel!(IP, o());
    expect(ti.reputation?.classification).to.equal('malicious');
    expect(ti.reputation?.rules.map((r) => r.name)).to.include('Cobalt Strike C2');
    expect(ti.asn).to.be.a('number');
    // The articles the reputation's article rules link (Graph has no articles-per-host call): counted
    // with the summary, each read whole only when the list asks.
    expect(ti.counts.articles).to.equal(2);
    expect(seen.filter((s) => /\/threatIntelligence\/articles\//.test(s.url.pathname))).to.have.length(0);
    const articles = await p.listThreatIntel!(IP, 'articles', { offset: 0, limit: 10 }, o());
    expect(articles.total).to.equal(2);
    expect(articles.items.map((a) => a.title)).to.have.members(['Cobalt Strike team servers behind invoice-themed phishing', 'Storm-0000 rotates C2 infrastructure across bulletproof hosting']);
    const cs = articles.items.find((a) => a.title.startsWith('Cobalt'))!;
    expect(cs.link).to.match(/^https:\/\/ti\.defender\.microsoft\.com\/article\/[0-9a-f]{8}$/);
    expect(cs.summary, 'the HTML summary as text').to.match(/^Operators stage Cobalt Strike beacons on rented VPS hosts, including 203\.0\.113\.7/);
    expect(seen.filter((s) => /\/threatIntelligence\/articles\//.test(s.url.pathname))).to.have.length(2);
    const first = await p.listThreatIntel!('198.51.100.23', 'passiveDns', { offset: 0, limit: 10 }, o());
    const second = await p.listThreatIntel!('198.51.100.23', 'passiveDns', { offset: 10, limit: 10 }, o());
    expect(first.total).to.equal(420);
    expect(first.items).to.have.length(10);
    expect(second.items[0]!.hostname).to.not.equal(first.items[0]!.hostname);
    expect(first.items.filter((r) => r.current).length).to.be.greaterThan(0);
    const certs = await p.listThreatIntel!(IP, 'certificates', { offset: 0, limit: 10 }, o());
    expect(certs.items[0]!.sha1).to.match(/^[0-9a-f]{40}$/);
    // hostPort: the port, what answered (its component's name and version) and the newest banner.
    const ports = await p.listThreatIntel!(IP, 'ports', { offset: 0, limit: 10 }, o());
    const https = ports.items.find((r) => r.port === 443)!;
    expect(https).to.include({ protocol: 'tcp', status: 'open' });
    expect(https.services).to.deep.equal(['nginx 1.18.0']);
    expect(https.banner).to.match(/^HTTP\/1\.1 404 Not Found\r\nServer: nginx/);
    expect(ports.items.find((r) => r.port === 50050)!.banner, 'a port that sent no banner').to.equal(undefined);
    const cookies = await p.listThreatIntel!(IP, 'cookies', { offset: 0, limit: 10 }, o());
    expect(cookies.items.map((c) => c.name)).to.include('PHPSESSID');
    expect(cookies.items.every((c) => c.domain && c.firstSeen && c.lastSeen)).to.equal(true);
    const paths = seen.filter((s) => s.url.pathname.includes('/threatIntelligence/hosts/')).map((s) => `${s.url.pathname.split('/hosts/')[1]}${s.url.search}`);
    expect(paths).to.include(`198.51.100.23/passiveDnsReverse?$count=true&$top=10&$skip=10`);
    // An internal address: no call at all.
    const before = seen.length;
    expect(await p.getThreatIntel!('10.20.30.40', o())).to.deep.equal({ counts: {} });
    expect(seen.length).to.equal(before);
  });

  it('names the missing license or permission when threat intelligence refuses, for the details only', async () => {
    worker.use(http.get('https://graph.microsoft.com/v1.0/security/threatIntelligence/hosts/:ip', () => HttpResponse.json({ error: { code: 'Forbidden', message: 'Missing role' } }, { status: 403 })));
    const { p } = provider();
    const err = await dataError(p.getIpDetails(IP, o()));
    expect(err.kind).to.equal('forbidden');
    expect(err.message).to.contain('it needs the ThreatIntelligence.Read.All permission and a license for Defender Threat Intelligence (the Portal license and the API add-on, for the tenant)');
    expect(err.message).to.contain('It said: “Missing role”');
    expect((await p.getSecuritySummary(IP, range, o())).openIncidents).to.be.a('number');
  });

  it('builds the summary from IP statistics (either field name) and the alerts whose evidence names the IP', async () => {
    const { p } = provider();
    const s = await p.getSecuritySummary(IP, range, o());
    expect(s.organizationPrevalence).to.be.greaterThan(0);
    expect(s.firstSeen).to.match(/Z$/);
    const total = Object.values(s.alertsBySeverity).reduce((a, b) => a + b, 0);
    expect(total).to.be.greaterThan(0);
    expect(s.openIncidents).to.be.at.least(0);
  });

  it('lists devices from one hunting query shared by pages, searches and the prevalence, at most 100 like Defender', async () => {
    const seen = watch();
    const { p } = provider();
    const page = await p.listObservedDevices('198.51.100.23', { range, offset: 0, limit: 50 }, o());
    expect(page.items).to.have.length(50);
    expect(page.total).to.be.greaterThan(100);
    const next = await p.listObservedDevices('198.51.100.23', { range, offset: 50, limit: 100 }, o());
    expect(next.items).to.have.length(50);
    const searched = await p.listObservedDevices('198.51.100.23', { range, offset: 0, limit: 100, search: page.items[0]!.name }, o());
    expect(searched.items.map((d) => d.id)).to.include(page.items[0]!.id);
    const prevalence = await p.getPrevalence('198.51.100.23', range, o());
    expect(prevalence.totalDevices).to.equal(page.total);
    const hunts = seen.filter((s) => s.url.pathname.endsWith('/runHuntingQuery'));
    const markers = hunts.map((h) => /ip-entity-page:([a-z-]+)/.exec(h.body ?? '')?.[1]);
    expect(markers.filter((m) => m === 'devices'), 'one devices query for all of it').to.have.length(1);
  });

  it('lists the devices with short columns and asks for the last events of only the devices shown, once per page', async () => {
    const seen = watch();
    const { p } = provider();
    const busy = '198.51.100.23';
    const expected = new Map(datasetFor(busy, NOW).devices().map((d) => [d.id, d.lastEvent]));
    const markers = () => seen.filter((s) => s.url.pathname.endsWith('/runHuntingQuery')).map((h) => JSON.parse(h.body ?? '{}') as { Query: string }).map((b) => b.Query);
    const first = await p.listObservedDevices(busy, { range, offset: 0, limit: 50 }, o());
    const details = (items: readonly ObservedDevice[]) => items.map((d) => [d.id, d.lastEvent.initiatingProcess?.commandLine, d.lastEvent.remotePort]);
    const want = (items: readonly ObservedDevice[]) => items.map((d) => [d.id, expected.get(d.id)?.initiatingProcess?.commandLine, expected.get(d.id)?.remotePort]);
    expect(details(first.items)).to.deep.equal(want(first.items));
    // The list query carries no command line, path or URL; the details query names no other device.
    const list = markers().find((q) => q.includes('ip-entity-page:devices'))!;
    expect(list).not.to.contain('CommandLine');
    expect(markers().filter((q) => q.includes('ip-entity-page:device-details'))).to.have.length(1);
    // The devices seen longest ago are past the 100 seen last: their details are asked for by id, once.
    expect(first.total).to.be.greaterThan(100);
    const oldest = { range, offset: 0, limit: 100, sort: { field: 'lastSeen', direction: 'asc' } } as const;
    const earliest = await p.listObservedDevices(busy, oldest, o());
    expect(details(earliest.items)).to.deep.equal(want(earliest.items));
    await p.listObservedDevices(busy, oldest, o());
    const byId = markers().filter((q) => q.includes('ip-entity-page:device-details') && q.includes('DeviceId in ('));
    expect(byId).to.have.length(1);
    expect(markers().filter((q) => q.includes('ip-entity-page:devices'))).to.have.length(1);
  });

  it('shows a command line past what a query keeps cut, ending in “…”, and the devices without details when those fail', async () => {
    const long = `powershell.exe -EncodedCommand ${'A'.repeat(20_000)}`;
    // The service as the mocks are built: the analyser's columns, the query's own cut, Graph's answer shape.
    worker.use(
      http.post('https://graph.microsoft.com/v1.0/security/runHuntingQuery', async ({ request }) => {
        const { Query } = (await request.clone().json()) as { Query: string };
        if (!Query.includes('ip-entity-page:device-details')) return undefined;
        const verdict = await analyzeKql(Query, 'defender');
        const rows = datasetFor(IP, NOW).devices().map((d) => ({ DeviceId: d.id, Timestamp: d.lastSeen, ActionType: 'ConnectionSuccess', RemoteIP: IP, InitiatingProcessFileName: 'powershell.exe', InitiatingProcessCommandLine: long }));
        return HttpResponse.json(huntingAnswerBody(applyTail(Query, rows), verdict));
      }),
    );
    const { p } = provider();
    const page = await p.listObservedDevices(IP, { range, offset: 0, limit: 10 }, o());
    const shown = page.items[0]!.lastEvent.initiatingProcess!.commandLine!;
    expect(shown.endsWith('…')).to.equal(true);
    expect(long.startsWith(shown.slice(0, -1))).to.equal(true);
    expect(shown.length).to.be.lessThan(long.length);

    worker.use(...createMicrosoftHandlers({ now: NOW, analyzeKql: kqlAnalyzerAt(), fail: { 'hunting:device-details': 500 } }));
    const { p: failing } = provider();
    const without = await failing.listObservedDevices(IP, { range, offset: 0, limit: 10 }, o());
    expect(without.items).to.have.length(10);
    expect(without.items[0]!.partial?.join(' ')).to.match(/last event/);
  });

  it('searches every event of each device with one cached hunting query per text, the text only ever a string literal', async () => {
    const seen = watch();
    const { p } = provider();
    const all = await p.listObservedDevices(IP, { range, offset: 0, limit: 100 }, o());
    // Windows devices resolve the IP in the DNS Client service: svchost.exe is in their timelines, rarely in a last event.
    const byLast = all.items.filter((d) => /svchost/i.test(d.lastEvent.initiatingProcess?.commandLine ?? '') || /svchost/i.test(d.lastEvent.initiatingProcess?.fileName ?? ''));
    const found = await p.listObservedDevices(IP, { range, offset: 0, limit: 100, search: 'svchost' }, o());
    expect(found.total).to.be.greaterThan(byLast.length);
    await p.listObservedDevices(IP, { range, offset: 0, limit: 10, search: 'svchost' }, o());
    const hostile = '" or 1==1 | take 1 //';
    await p.listObservedDevices(IP, { range, offset: 0, limit: 10, search: hostile }, o());
    const searches = seen.filter((s) => s.url.pathname.endsWith('/runHuntingQuery') && (s.body ?? '').includes('ip-entity-page:device-search'));
    expect(searches, 'one query per text').to.have.length(2);
    const body = JSON.parse(searches[1]!.body!) as { Query: string };
    expect(body.Query).to.contain('let term = "\\" or 1==1 | take 1 //";');
  });

  it('lists incidents and alerts with their Graph details; severity filters run in the query, status in the provider', async () => {
    const seen = watch();
    const { p } = provider();
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 100 }, o());
    expect(page.items.some((a) => a.kind === 'incident')).to.equal(true);
    expect(page.items.some((a) => a.kind === 'alert')).to.equal(true);
    expect(page.items.every((a) => a.status !== 'unknown'), 'every listed item has its status').to.equal(true);
    const high = await p.listAlerts(IP, { range, offset: 0, limit: 100, filter: { severity: ['high'] } }, o());
    expect(high.items.every((a) => a.severity === 'high')).to.equal(true);
    const query = seen.filter((s) => s.url.pathname.endsWith('/runHuntingQuery')).map((s) => s.body ?? '').find((b) => b.includes('in~'));
    expect(query, 'the severity filter went into the query').to.contain('Severity in~ (\\"high\\")');
    const fresh = await p.listAlerts(IP, { range, offset: 0, limit: 100, filter: { status: ['new'] } }, o());
    expect(fresh.items.every((a) => a.status === 'new')).to.equal(true);
    const batches = seen.filter((s) => s.url.pathname.endsWith('/$batch'));
    expect(batches.length).to.be.greaterThan(0);
    for (const b of batches) expect((JSON.parse(b.body ?? '{}') as { requests: unknown[] }).requests.length).to.be.at.most(20);
  });

  it("fills the queue's columns from Graph: tags, product, device groups, last update, and what an incident gathers", async () => {
    const { p } = provider();
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 100 }, o());
    const incidents = page.items.filter((a) => a.kind === 'incident');
    const alerts = page.items.filter((a) => a.kind === 'alert');
    expect(alerts.every((a) => a.productNames?.length === 1 && a.lastUpdated), 'each alert has its product and last update').to.equal(true);
    expect(alerts.some((a) => a.deviceGroups?.length), 'device groups from the device evidence').to.equal(true);
    const tagged = incidents.find((a) => a.tags?.length);
    expect(tagged, 'an incident with its custom and system tags').to.exist;
    for (const incident of incidents) {
      const mine = alerts.filter((a) => a.incidentId === incident.id);
      for (const a of mine) expect(incident.categories ?? [], incident.id).to.include(a.category);
      if (mine.length) expect(incident.lastActivity).to.equal(mine.map((a) => a.lastActivity).sort().at(-1));
    }
    const byTag = await p.listAlerts(IP, { range, offset: 0, limit: 100, filter: { tags: [tagged!.tags![0]!] } }, o());
    expect(byTag.total).to.be.greaterThan(0);
    expect(byTag.items.every((a) => a.tags?.includes(tagged!.tags![0]!))).to.equal(true);
  });

  it('says how many older alerts it does not list past maxAlerts, and the summary still counts them', async () => {
    const { p } = provider({ maxAlerts: 5 });
    const g = guardProvider(p);
    const page = await g.listAlerts(IP, { range, offset: 0, limit: 100 }, o());
    const alerts = page.items.filter((a) => a.kind === 'alert');
    expect(alerts.length).to.equal(5);
    const summary = await g.getSecuritySummary(IP, range, o());
    const counted = Object.values(summary.alertsBySeverity).reduce((a, b) => a + b, 0);
    expect(counted).to.be.greaterThan(5);
    expect(page.unlisted).to.equal(counted - 5);
    const all = await guardProvider(provider({ maxAlerts: 1_000 }).p).listAlerts(IP, { range, offset: 0, limit: 100 }, o());
    expect(all.unlisted).to.equal(undefined);
    // The five listed are the five most recent (the union's rows come in no order).
    const recent = all.items.filter((a) => a.kind === 'alert').sort((a, b) => Date.parse(b.lastActivity) - Date.parse(a.lastActivity)).slice(0, 5);
    expect(alerts.map((a) => a.id).sort()).to.deep.equal(recent.map((a) => a.id).sort());
  });

  it('counts every alert past the 10,000 rows hunting lists, for the summary and what the list leaves out', async () => {
    const busy = '198.51.100.23';
    const p = guardProvider(provider().p);
    const summary = await p.getSecuritySummary(busy, range, o());
    const counted = Object.values(summary.alertsBySeverity).reduce((a, b) => a + b, 0);
    expect(counted).to.be.greaterThan(10_000);
    const page = await p.listAlerts(busy, { range, offset: 0, limit: 50 }, o());
    expect(page.unlisted).to.equal(counted - 100);
    const high = await p.listAlerts(busy, { range, offset: 0, limit: 50, filter: { severity: ['high'] } }, o());
    expect(high.unlisted).to.equal(summary.alertsBySeverity.high - 100);
    // Status comes with the 100 alerts listed with their details: the open figures say they are lower bounds.
    expect(summary.countedOver).to.deep.equal({ counted: 100, matched: counted });
    const quiet = await p.getSecuritySummary(IP, range, o());
    expect(quiet.countedOver, 'every alert of a quiet IP is counted').to.equal(undefined);
  });

  it('gives a device’s events with the IP, oldest first', async () => {
    const { p } = provider();
    const devices = await p.listObservedDevices(IP, { range, offset: 0, limit: 5 }, o());
    const events = await p.listDeviceEvents!(IP, devices.items[0]!.id, range, o());
    expect(events.length).to.be.greaterThan(0);
    const times = events.map((e) => e.timestamp);
    expect([...times].sort()).to.deep.equal(times);
  });

  it('reads the log activity per table, and the logged hosts of an internal IP', async () => {
    const { p } = provider();
    const l = await p.getLogActivity(IP, range, o());
    expect(l.sources.length).to.be.greaterThan(0);
    expect(l.sources.every((s) => /^(Device|Identity|CloudApp|Email)/.test(s.source))).to.equal(true);
    const internal = await p.getLogActivity('10.20.30.40', range, o());
    expect(internal.loggedHosts.length).to.be.greaterThan(0);
  });

  it('without the Defender for Endpoint API’s address (no proxy), calls nothing there: statistics and logged hosts come from hunting, indicators are not offered', async () => {
    const seen = watch();
    const { p } = provider({ defenderUrl: undefined });
    const caps = await p.getCapabilities!(o());
    expect(caps).to.include({ addIndicator: false, deviceGroups: true });
    const summary = await p.getSecuritySummary(IP, range, o());
    const devices = await p.listObservedDevices(IP, { range, offset: 0, limit: 100 }, o());
    expect(summary.organizationPrevalence, 'the devices that talked to the IP').to.equal(devices.total);
    expect(summary.firstSeen).to.be.a('string');
    const internal = await p.getLogActivity('10.20.30.40', range, o());
    const withApi = await provider().p.getLogActivity('10.20.30.40', range, o());
    expect(internal.loggedHosts.map((h) => h.name), 'the same devices as findbyip names').to.have.members(withApi.loggedHosts.map((h) => h.name));
    expect(await p.listDeviceGroups!(o())).to.include('Servers – Production');
    const err = await dataError(p.addIndicator!({ indicatorValue: IP, indicatorType: 'IpAddress', action: 'Block', title: 'C2', description: 'x', generateAlert: true }, o()));
    expect(err.message).to.contain('defenderUrl');
    const mine = seen.filter((s) => s.url.hostname === 'api.security.microsoft.com');
    // Only the second provider (with the address) asked it.
    expect(mine.every((s) => s.url.pathname.includes('findbyip')), 'nothing else reached the Defender for Endpoint API').to.equal(true);
  });

  it('updates an alert and an incident through Graph, with the comment, and the list shows it', async () => {
    const seen = watch();
    const { p } = provider();
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 100 }, o());
    const alert = page.items.find((a) => a.kind === 'alert')!;
    const incident = page.items.find((a) => a.kind === 'incident')!;
    const updated = await p.updateAlerts!([alert.id, incident.id], { status: 'inProgress', comment: 'Looking into it', assignedTo: 'kim@contoso.com' }, { ...o(), idempotencyKey: 'draft-7' });
    expect(updated.map((a) => a.id)).to.deep.equal([alert.id, incident.id]);
    expect(updated.every((a) => a.status === 'inProgress' && a.assignedTo === 'kim@contoso.com')).to.equal(true);
    expect(updated[0]!.comments!.at(-1)!.comment).to.equal('Looking into it');
    const patches = seen.filter((s) => s.method === 'PATCH');
    expect(patches.map((s) => s.url.pathname)).to.deep.equal([`/v1.0/security/alerts_v2/${alert.id}`, `/v1.0/security/incidents/${incident.id}`]);
    const again = await p.listAlerts(IP, { range, offset: 0, limit: 100 }, o());
    expect(again.items.find((a) => a.id === alert.id)!.status).to.equal('inProgress');
  });

  it('adds an indicator through the Defender for Endpoint API and lists the device groups', async () => {
    const { p } = provider();
    const groups = await p.listDeviceGroups!(o());
    expect(groups).to.include('Servers – Production');
    const indicator = await p.addIndicator!({ indicatorValue: IP, indicatorType: 'IpAddress', action: 'Block', title: 'C2', description: 'Cobalt Strike', generateAlert: true, severity: 'High', rbacGroupNames: [groups[0]!] }, o());
    expect(indicator).to.include({ indicatorValue: IP, action: 'Block', title: 'C2' });
    expect(indicator.id).to.be.a('string').and.not.empty;
  });

  it('lists the device groups from advanced hunting where the exposure score (Defender Vulnerability Management) is refused', async () => {
    const seen = watch();
    worker.use(...createMicrosoftHandlers({ now: NOW, fail: { groups: 403 } }));
    const { p } = provider();
    const groups = await p.listDeviceGroups!(o());
    expect(groups).to.include('Servers – Production');
    expect(groups, 'sorted').to.deep.equal([...groups].sort());
    await waitUntil(() => seen.some((s) => s.url.pathname.endsWith('/runHuntingQuery') && s.body?.includes('ip-entity-page:device-groups')), 'the groups came from the hunting query');
    // Both refused: the first refusal is said, naming the license and both permission names.
    worker.use(...createMicrosoftHandlers({ now: NOW, fail: { groups: 403, 'hunting:device-groups': 403 } }));
    const err = await dataError(provider().p.listDeviceGroups!(o()));
    expect(err.kind).to.equal('forbidden');
    expect(err.message).to.contain('Score.Read.All (application) or Score.Read (delegated)').and.to.contain('Microsoft Defender Vulnerability Management');
  });

  it('names the delegated permission a browser app gets when the indicators API refuses', async () => {
    worker.use(http.post('https://api.security.microsoft.com/api/indicators', () => HttpResponse.json({ error: { code: 'Forbidden', message: 'The application does not have any of the required application permissions.' } }, { status: 403 })));
    const err = await dataError(provider().p.addIndicator!({ indicatorValue: IP, indicatorType: 'IpAddress', action: 'Block', title: 'C2', description: 'x', generateAlert: true }, o()));
    expect(err.kind).to.equal('forbidden');
    expect(err.message).to.contain('Ti.ReadWrite.All (application) or Ti.ReadWrite (delegated)');
  });

  it('comments on an incident as Graph documents it (alertComment), and says exactly what was saved when a comment fails', async () => {
    const seen = watch();
    const { p } = provider();
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 100 }, o());
    const incident = page.items.find((a) => a.kind === 'incident')!;
    await p.updateAlerts!([incident.id], { comment: 'Checked' }, o());
    await waitUntil(() => seen.some((s) => s.url.pathname.endsWith('/comments') && s.body), 'the comment was sent');
    expect(JSON.parse(seen.find((s) => s.url.pathname.endsWith('/comments'))!.body!)).to.deep.equal({ '@odata.type': 'microsoft.graph.security.alertComment', comment: 'Checked' });
    // The status is changed, then the comment is refused: the status change stands, and is said to.
    worker.use(http.post('https://graph.microsoft.com/v1.0/security/:kind/:id/comments', () => HttpResponse.json({ error: { code: 'Forbidden', message: 'Insufficient privileges to complete the operation.' } }, { status: 403 })));
    const error = await dataError(p.updateAlerts!([incident.id], { status: 'resolved', comment: 'Done' }, o()));
    expect(error).to.be.instanceOf(PartlyAppliedError);
    expect(error.message).to.contain('The change was saved, but the comment could not be added to 1 of 1');
    const applied = (error as PartlyAppliedError<AlertItem>).applied;
    expect(applied.map((a) => [a.id, a.status])).to.deep.equal([[incident.id, 'resolved']]);
  });

  it('sends determinations in Graph’s words and reads them back in the page’s', async () => {
    const seen = watch();
    const { p } = provider();
    const alert = (await p.listAlerts(IP, { range, offset: 0, limit: 100 }, o())).items.find((a) => a.kind === 'alert')!;
    const [updated] = await p.updateAlerts!([alert.id], { classification: 'truePositive', determination: 'compromisedUser' }, o());
    expect(updated!.determination).to.equal('compromisedUser');
    await waitUntil(() => seen.some((s) => s.method === 'PATCH' && s.body));
    expect(JSON.parse(seen.find((s) => s.method === 'PATCH')!.body!)).to.deep.equal({ classification: 'truePositive', determination: 'compromisedAccount' });
  });

  it('adds an IP indicator with only the documented fields, IPv6 written in all 8 groups, and offers only the actions IPs take', async () => {
    const seen = watch();
    const { p } = provider();
    const caps = await p.getCapabilities!(o());
    expect(caps.indicatorActions).to.deep.equal(['Allowed', 'Audit', 'Warn', 'Block']);
    expect(caps.indicatorCategory).to.equal(false);
    const v6 = '2001:db8:85a3::8a2e:370:7334';
    const indicator = await p.addIndicator!({ indicatorValue: v6, indicatorType: 'IpAddress', action: 'Audit', title: 'C2', description: 'd', generateAlert: true, severity: 'High', category: 'CommandAndControl' }, o());
    expect(indicator.action).to.equal('Audit');
    await waitUntil(() => seen.some((s) => s.url.pathname === '/api/indicators' && s.body));
    const body = JSON.parse(seen.find((s) => s.url.pathname === '/api/indicators')!.body!) as Record<string, unknown>;
    expect(body['indicatorValue']).to.equal('2001:db8:85a3:0:0:8a2e:370:7334');
    expect(body).to.not.have.property('category');
    // What the service refuses, the mock refuses: Block and remediate is not an IP action.
    const refused = await dataError(p.addIndicator!({ indicatorValue: IP, indicatorType: 'IpAddress', action: 'BlockAndRemediate', title: 'C2', description: 'd', generateAlert: false }, o()));
    expect(refused.message).to.contain('not supported for IP address indicators');
  });

  it("lists the tenant's indicators for the IP through List Indicators' $filter, IPv6 in the 8-group form it was added in", async () => {
    const seen = watch();
    const { p } = provider();
    expect((await p.getCapabilities!(o())).indicators).to.equal(true);
    // The busy C2 server: blocked everywhere now, audited on one group before (expired).
    const existing = await p.listIndicators!('198.51.100.23', o());
    expect(existing.map((i) => [i.action, i.rbacGroupNames])).to.deep.equal([['Block', []], ['Audit', ['Workstations – Finance']]]);
    expect(existing[0]!.createdBySource).to.equal('soc-lead@contoso.com');
    const list = seen.find((s) => s.method === 'GET' && s.url.pathname === '/api/indicators')!;
    expect(list.url.searchParams.get('$filter')).to.equal("indicatorValue eq '198.51.100.23'");
    const v6 = '2001:db8::7';
    const added = await p.addIndicator!({ indicatorValue: v6, indicatorType: 'IpAddress', action: 'Warn', title: 'Phish kit', description: 'd', generateAlert: true }, o());
    const after = await p.listIndicators!(v6, o());
    expect(after.map((i) => i.id)).to.deep.equal([added.id]);
    expect(after[0]!.indicatorValue).to.equal('2001:db8:0:0:0:0:0:7');
    // A second one of the same value updates the first, as the API documents.
    await p.addIndicator!({ indicatorValue: v6, indicatorType: 'IpAddress', action: 'Block', title: 'Phish kit', description: 'd', generateAlert: true }, o());
    expect((await p.listIndicators!(v6, o())).map((i) => [i.id, i.action])).to.deep.equal([[added.id, 'Block']]);
    // Delete Indicator: gone from the list; again, 404 (not found); an id that would climb is never sent.
    await p.removeIndicator!(added.id, o());
    expect(await p.listIndicators!(v6, o())).to.deep.equal([]);
    const deleted = seen.filter((s) => s.method === 'DELETE');
    expect(deleted.map((s) => s.url.pathname)).to.deep.equal([`/api/indicators/${added.id}`]);
    expect((await dataError(p.removeIndicator!(added.id, o()))).kind).to.equal('not-found');
    expect((await dataError(p.removeIndicator!('..', o()))).kind).to.equal('invalid-input');
    expect(seen.filter((s) => s.method === 'DELETE')).to.have.length(2);
  });

  it('links into the Defender portal, with the tenant, and opens hunting with the query', async () => {
    const { p } = provider();
    expect(p.links!.device!('abc')).to.equal('https://security.microsoft.com/machines/v2/abc/overview?tid=contoso-tenant');
    expect(p.links!.alert!('da6/38')).to.equal('https://security.microsoft.com/alerts/da6%2F38?tid=contoso-tenant');
    const href = p.links!.hunting!('DeviceNetworkEvents | where RemoteIP == "203.0.113.7"', 'kql-defender')!;
    const encoded = new URL(href).searchParams.get('query')!;
    const bytes = Uint8Array.from(atob(encoded.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    // gzip of UTF-16LE, as the portal's own links carry it.
    const query = new TextDecoder('utf-16le').decode(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    expect(query).to.equal('DeviceNetworkEvents | where RemoteIP == "203.0.113.7"');
    expect(p.links!.hunting!('x', 'spl')).to.equal(undefined);
  });

  it('waits out a 429 with Retry-After, and says so when the quota stays used up', async () => {
    let calls = 0;
    worker.use(
      http.get('https://api.security.microsoft.com/api/ips/:ip/stats', () => {
        calls++;
        return calls === 1 ? HttpResponse.json({ error: { code: 'TooManyRequests', message: 'slow down' } }, { status: 429, headers: { 'Retry-After': '1' } }) : HttpResponse.json({ ipAddress: IP, orgPrevalence: '7' });
      }),
    );
    const { p } = provider();
    const s = await p.getSecuritySummary(IP, range, o());
    expect(calls).to.equal(2);
    expect(s.organizationPrevalence).to.equal(7);
    worker.use(http.get('https://api.security.microsoft.com/api/ips/:ip/stats', () => HttpResponse.json({ error: { message: 'quota' } }, { status: 429, headers: { 'Retry-After': '3600' } })));
    const stop = new AbortController();
    const err = await dataError(provider().p.getSecuritySummary(IP, range, { signal: stop.signal }));
    // The summary's alerts are still on their way: they are not the next test's.
    stop.abort();
    expect(err.kind).to.equal('rate-limited');
    expect(err.retryAfter).to.equal(3600);
  });

  it('retries the requests Graph throttled inside a $batch after their Retry-After, and lists everything', async () => {
    worker.use(...createMicrosoftHandlers({ now: NOW, batchThrottle: { times: 1, retryAfter: 1 } }));
    const seen = watch();
    const { p } = provider();
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 100 }, o());
    const batches = seen.filter((s) => s.url.pathname.endsWith('/$batch'));
    const first = JSON.parse(batches[0]!.body ?? '{}') as { requests: Array<{ url: string }> };
    const retried = batches.slice(1).flatMap((b) => (JSON.parse(b.body ?? '{}') as { requests: Array<{ url: string }> }).requests.map((r) => r.url));
    expect(retried, 'the throttled requests went again').to.include(first.requests[1]!.url);
    expect(retried, 'the answered ones did not').not.to.include(first.requests[0]!.url);
    expect(page.incomplete).to.equal(undefined);
    expect(page.items.filter((a) => a.kind === 'alert').every((a) => a.status !== 'unknown'), 'every alert has its Graph status').to.equal(true);
  });

  it('says what is missing when Graph keeps throttling inside $batch, in the list and the summary', async () => {
    worker.use(...createMicrosoftHandlers({ now: NOW, batchThrottle: { times: Infinity, retryAfter: 1 } }));
    const { p } = provider();
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 100 }, o());
    expect(page.incomplete).to.match(/did not give the details of \d+ incidents and alerts/);
    const summary = await p.getSecuritySummary(IP, range, o());
    expect(summary.incomplete).to.match(/did not give the details/);
    // Still a list: what hunting knows is shown.
    expect(page.items.length).to.be.greaterThan(0);
  });

  it('turns a hunting query that ran too long into a timeout for that section', async () => {
    worker.use(http.post('https://graph.microsoft.com/v1.0/security/runHuntingQuery', () => HttpResponse.json({ error: { code: 'BadRequest', message: 'Query execution has exceeded the allowed limits' } }, { status: 400 })));
    const { p } = provider();
    const err = await dataError(p.listObservedDevices(IP, { range, offset: 0, limit: 10 }, o()));
    expect(err.kind).to.equal('timeout');
    expect(err.message).to.contain('shorter time range');
  });

  it('waits for a slow hunting query past the 30 s other calls get, up to its own limit, then says it timed out', async () => {
    worker.use(...createMicrosoftHandlers({ now: NOW, huntingDelayMs: { devices: 400 } }));
    // Other calls keep the short limit: 300 ms here. The hunting query may take 1.5 s.
    const patient = provider({ timeoutMs: 300, queryTimeoutMs: 1_500 }).p;
    const page = await patient.listObservedDevices(IP, { range, offset: 0, limit: 10 }, o());
    expect(page.items.length, 'a query slower than timeoutMs still answers').to.be.greaterThan(0);
    const hasty = provider({ queryTimeoutMs: 100 }).p;
    const err = await dataError(hasty.listObservedDevices(IP, { range, offset: 0, limit: 10 }, o()));
    expect(err.kind).to.equal('timeout');
    expect(err.message).to.contain('did not answer within');
  });

  it('aborts the hunting query when its only caller aborts', async () => {
    let aborted = false;
    worker.use(
      http.post('https://graph.microsoft.com/v1.0/security/runHuntingQuery', async ({ request }) => {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        aborted = request.signal.aborted;
        return HttpResponse.json({ schema: [], results: [] });
      }),
    );
    const { p } = provider();
    const controller = new AbortController();
    const pending = p.listObservedDevices(IP, { range, offset: 0, limit: 10 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    let error: unknown;
    await pending.catch((e: unknown) => (error = e));
    expect((error as Error).name).to.equal('AbortError');
    void aborted;
  });
});
