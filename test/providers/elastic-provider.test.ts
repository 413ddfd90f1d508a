import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import { ElasticSecurityProvider, type ElasticSecurityProviderOptions } from '../../src/providers/elastic/index.js';
import { guardProvider } from '../../src/providers/guard.js';
import { IpDataError } from '../../src/data/errors.js';
import { resolveCapabilities } from '../../src/data/provider.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { DEMO_ELASTICSEARCH_URL, DEMO_KIBANA_URL } from '../../mocks/elastic.js';
import { deepQuery, deepText, waitUntil } from '../helpers/dom.js';
import { rejection } from '../helpers/providers.js';
import { NOW, useMockApi, worker } from '../helpers/msw.js';

const IP = '203.0.113.7';
/** The demo's IP with a million alerts. */
const BIG = '198.51.100.99';
const range = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };
const o = () => ({ signal: new AbortController().signal });
const KEY = 'ApiKey dGVzdDprZXk=';

function elastic(extra: Partial<ElasticSecurityProviderOptions> = {}) {
  return new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL, headers: { Authorization: KEY }, ...extra });
}

interface Sent {
  url: string;
  body: { query?: string; params?: Array<Record<string, unknown>>; [k: string]: unknown };
  authorization: string | null;
}

/** Every request the provider sends to the cluster, with its body. */
function recordRequests(): Sent[] {
  const sent: Sent[] = [];
  worker.events.on('request:start', ({ request }) => {
    if (!request.url.startsWith(DEMO_ELASTICSEARCH_URL) || request.method !== 'POST') return;
    void request
      .clone()
      .text()
      .then((text) => sent.push({ url: request.url, body: (text ? JSON.parse(text) : {}) as Sent['body'], authorization: request.headers.get('Authorization') }));
  });
  return sent;
}

useMockApi();

describe('ElasticSecurityProvider over the Elasticsearch mocks', () => {
  afterEach(() => worker.events.removeAllListeners());

  it('needs the cluster address, and refuses field names or index patterns that are not names', () => {
    expect(() => new ElasticSecurityProvider({ elasticsearchUrl: '' })).to.throw(TypeError);
    expect(() => elastic({ fields: { sourceIp: 'source.ip` | DROP x //' } })).to.throw(TypeError, /field name/);
    expect(() => elastic({ eventIndices: 'logs-* | LIMIT 1' })).to.throw(TypeError, /index pattern/);
    expect(() => elastic({ eventIndices: ['logs-*', 'filebeat-*', 'remote:logs-*'], fields: { hostId: 'agent.id' } })).not.to.throw();
  });

  it("lists the threat intelligence integrations' indicators for the IP (logs-ti_*), newest per feed, enforcing nothing", async () => {
    const sent = recordRequests();
    const p = guardProvider(elastic());
    expect((await resolveCapabilities(p, o())).indicators).to.equal(true);
    const listed = await p.listIndicators!(IP, o());
    // First seen newest first: MISP (6 days ago), OTX (8), abuse.ch URLhaus (9, its latest-index copy left out), Mandiant (30).
    expect(listed.map((i) => [i.action, i.createdBySource])).to.deep.equal([['ThreatIntel', 'MISP'], ['ThreatIntel', 'AlienVault OTX'], ['ThreatIntel', 'lrz_urlhaus'], ['ThreatIntel', 'Mandiant Advantage']]);
    expect(listed[0]!.title).to.equal('Cobalt Strike team server (MISP event 4231)');
    expect(listed[2]!.title, 'a feed without a description: feed and type').to.equal('lrz_urlhaus: url');
    const search = sent.find((s) => s.url.includes('/logs-ti_*/_search'))!;
    expect(search.body['query']).to.deep.equal({ bool: { filter: [{ term: { 'threat.indicator.ip': IP } }] } });
    expect(await p.listIndicators!('192.0.2.200', o()), 'an IP no feed names').to.deep.equal([]);
    expect(() => elastic({ threatIntelIndices: 'logs-ti_* | x' })).to.throw(TypeError, /index pattern/);
  });

  it('names the actors, malware and reports the feeds tie to the IP, each once, from ECS and each integration’s own fields', async () => {
    const sent = recordRequests();
    const p = guardProvider(elastic());
    const summary = await p.getThreatIntel!(IP, o());
    expect(summary.lists).to.deep.equal(['profiles', 'articles']);
    expect(summary.reputation, 'no host view: the feeds know indicators').to.equal(undefined);
    const profiles = await p.listThreatIntel!(IP, 'profiles', { offset: 0, limit: 10 }, o());
    // Mandiant's ECS group and software, OTX's adversary and malware families, MISP's galaxy tags: one row per name.
    expect(profiles.items.map((x) => [x.name, x.kind]).sort()).to.deep.equal([['Cobalt Strike', 'tool'], ['Storm-0000', 'actor']]);
    const actor = profiles.items.find((x) => x.kind === 'actor')!;
    expect(actor.source!.split(', ').sort()).to.deep.equal(['AlienVault OTX', 'MISP', 'Mandiant Advantage']);
    expect(Date.parse(actor.lastSeen!) - Date.parse(actor.firstSeen!), 'seen from the oldest feed to the newest').to.equal(29 * DAY_MS);
    const articles = await p.listThreatIntel!(IP, 'articles', { offset: 0, limit: 10 }, o());
    expect(articles.items.map((a) => a.title).sort()).to.deep.equal(['Cobalt Strike C2 servers, week 47', 'Invoice-themed phishing stages Cobalt Strike on rented VPS hosts']);
    // The pulse's first reference is a javascript: URL: the link is the next, safe one.
    expect(articles.items.find((a) => a.id.startsWith('otx:'))!.link).to.equal('https://otx.alienvault.com/pulse/example');
    // One search answers the indicators and both lists.
    await p.listIndicators!(IP, o());
    expect(sent.filter((s) => s.url.includes('/logs-ti_*/_search')).length).to.equal(1);
    expect((await p.listThreatIntel!('192.0.2.200', 'profiles', { offset: 0, limit: 10 }, o())).items).to.deep.equal([]);
  });

  it('says what it can do: read-only, device timelines, no Sentinel parts', async () => {
    const caps = await resolveCapabilities(guardProvider(elastic()), o());
    expect(caps.updateAlerts).to.equal(false);
    expect(caps.addIndicator).to.equal(false);
    expect(caps.deviceEvents).to.equal(true);
    expect(caps.timeline).to.equal(false);
    expect(caps.caseKind, 'Kibana keeps cases').to.equal('case');
  });

  it('puts every value in ES|QL parameters or the query DSL filter, never in the query text, and sends the host’s key', async () => {
    const sent = recordRequests();
    const p = guardProvider(elastic());
    await Promise.all([p.getPrevalence(IP, range, o()), p.getLogActivity(IP, range, o()), p.listObservedDevices(IP, { range, offset: 0, limit: 10 }, o())]);
    await waitUntil(() => sent.length >= 5, `requests: ${sent.length}`);
    const esql = sent.filter((s) => s.url.endsWith('/_query'));
    expect(esql.length).to.be.greaterThan(3);
    for (const s of esql) {
      expect(s.authorization).to.equal(KEY);
      expect(s.body.query, 'the IP is a parameter').not.to.contain(IP);
      expect(s.body.query).to.match(/^\/\/ ip-entity-page:[a-z-]+\nFROM logs-\*( METADATA _index)?\n/);
      // The IP and the range filter the documents before the query runs (a term matches any value of a multi-valued field).
      const filter = (s.body as { filter?: { bool: { filter: Array<Record<string, unknown>> } } }).filter!.bool.filter;
      expect(filter[0]).to.deep.equal({ range: { '@timestamp': { gte: range.from.toISOString(), lt: range.to.toISOString() } } });
      expect(JSON.stringify(filter[1])).to.contain(`"${IP}"`);
    }
    // Device ids (data from the cluster) travel in the filter too; no query has a parameter (they need 8.15).
    const events = esql.find((s) => s.body.query!.startsWith('// ip-entity-page:device-events'))!;
    const terms = (events.body as { filter: { bool: { filter: Array<{ terms?: Record<string, string[]> }> } } }).filter.bool.filter.find((c) => c.terms)!.terms!['host.id']!;
    expect(terms.length).to.be.greaterThan(0);
    expect(events.body.query).not.to.contain(terms[0]!);
    expect(esql.every((s) => !s.body.params?.length && !/\?[a-z]/.test(s.body.query!))).to.equal(true);
  });

  it('reads the overview: devices per day, log activity by data set, enrichment from the events', async () => {
    const p = guardProvider(elastic());
    const [details, summary, log, prevalence] = await Promise.all([p.getIpDetails(IP, o()), p.getSecuritySummary(IP, range, o()), p.getLogActivity(IP, range, o()), p.getPrevalence(IP, range, o())]);
    expect(details.ip).to.equal(IP);
    expect(details.country, 'geo from source.geo/destination.geo').to.be.a('string');
    expect(details.asn).to.be.a('number');
    expect(summary.openIncidents, 'Elastic has no incidents').to.equal(0);
    expect(summary.activeAlerts).to.be.greaterThan(0);
    expect(summary.organizationPrevalence).to.be.greaterThan(0);
    expect(log.sources.map((s) => s.source)).to.include('endpoint.events.network');
    expect(prevalence.bucket).to.equal('day');
    expect(prevalence.buckets.some((b) => b.devices > 0)).to.equal(true);
    expect(prevalence.totalDevices).to.equal(summary.organizationPrevalence);
    expect(prevalence.alertMarks.length).to.be.greaterThan(0);
  });

  it('lists devices with their last event, and a device’s events in order', async () => {
    const p = guardProvider(elastic());
    const page = await p.listObservedDevices(IP, { range, offset: 0, limit: 100 }, o());
    expect(page.items.length).to.be.greaterThan(0);
    const d = page.items[0]!;
    expect(d.lastEvent.actionType).not.to.equal('unknown');
    expect(d.lastEvent.remoteIp === IP || d.lastEvent.localIp === IP, 'the event is with the IP').to.equal(true);
    const events = await p.listDeviceEvents!(IP, d.id, range, o());
    expect(events.length).to.be.greaterThan(0);
    const times = events.map((e) => Date.parse(e.timestamp));
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
  });

  it('searches devices through every event with the IP, the text a wildcard value in the filter, its own wildcards literal', async () => {
    const sent = recordRequests();
    const p = guardProvider(elastic());
    const all = await p.listObservedDevices(IP, { range, offset: 0, limit: 100 }, o());
    const d = all.items.at(-1)!;
    const events = await p.listDeviceEvents!(IP, d.id, range, o());
    const term = events.map((e) => e.initiatingProcess?.fileName).find(Boolean)!;
    expect(term, 'the device has an event with a process').to.be.a('string');
    const found = await p.listObservedDevices(IP, { range, offset: 0, limit: 100, search: term.toUpperCase() }, o());
    expect(found.items.map((x) => x.id)).to.include(d.id);
    const hostile = "x') OR 1==1 | LIMIT 1 //";
    const none = await p.listObservedDevices(IP, { range, offset: 0, limit: 100, search: hostile }, o());
    expect(none.items).to.deep.equal([]);
    await waitUntil(() => sent.filter((s) => s.body.query?.startsWith('// ip-entity-page:device-search')).length >= 2);
    for (const s of sent.filter((x) => x.body.query?.startsWith('// ip-entity-page:device-search'))) {
      expect(s.body.query).not.to.contain(term).and.not.to.contain('OR 1==1');
      const wildcards = JSON.stringify((s.body as { filter?: unknown }).filter).match(/"wildcard":\{"[^"]+":\{"value":"([^"]*)","case_insensitive":true\}\}/g) ?? [];
      expect(wildcards.length, 'a case-insensitive wildcard per searched field').to.be.greaterThan(3);
    }
    // `*` and `?` in the text are the text's own, not patterns.
    const starred = await p.listObservedDevices(IP, { range, offset: 0, limit: 100, search: 'a*b?' }, o());
    expect(starred.items).to.deep.equal([]);
    await waitUntil(() => sent.some((x) => JSON.stringify(x.body).includes('a\\\\*b\\\\?')), 'the wildcard text escaped');
  });

  it('pages alerts in the cluster, past the 10,000 window with search_after, without fetching the whole set', async function () {
    // Pages of a 12,000-alert cluster through the mocks: 6 s alone, 10 s on a busy run.
    this.timeout(30_000);
    const sent = recordRequests();
    const p = guardProvider(elastic());
    const first = await p.listAlerts(BIG, { range: { from: new Date(NOW - 180 * DAY_MS), to: new Date(NOW + 3_600_000) }, offset: 0, limit: 100 }, o());
    expect(first.total).to.be.greaterThan(100_000);
    expect(first.items.every((a) => a.kind === 'alert')).to.equal(true);
    const deep = await p.listAlerts(BIG, { range: { from: new Date(NOW - 180 * DAY_MS), to: new Date(NOW + 3_600_000) }, offset: 25_000, limit: 50 }, o());
    const before = await p.listAlerts(BIG, { range: { from: new Date(NOW - 180 * DAY_MS), to: new Date(NOW + 3_600_000) }, offset: 24_950, limit: 50 }, o());
    expect(deep.items).to.have.length(50);
    const ids = new Set(before.items.map((a) => a.id));
    expect(deep.items.some((a) => ids.has(a.id)), 'pages overlap').to.equal(false);
    await waitUntil(() => sent.length >= 5);
    const searches = sent.filter((s) => s.url.includes('/_search'));
    expect(searches.every((s) => Number(s.body['size'] ?? 0) <= 10_000), 'no request asks for more than the window').to.equal(true);
    expect(searches.some((s) => Array.isArray(s.body['search_after']))).to.equal(true);
    // The walk fetches sort values only, not documents.
    expect(searches.filter((s) => s.body['_source'] === false).length).to.be.greaterThan(0);
    // Past the window, in one point in time (the list as it was when the walk began): opened once,
    // searched without an index, every deep request in it.
    const opened = sent.filter((s) => s.url.includes('/_pit?keep_alive='));
    expect(opened).to.have.length(1);
    const deepSearches = searches.filter((s) => Array.isArray(s.body['search_after']));
    expect(deepSearches.every((s) => new URL(s.url).pathname === '/_search' && typeof (s.body['pit'] as { id?: unknown })?.id === 'string')).to.equal(true);
    expect(searches.filter((s) => s.body['pit']).every((s) => new URL(s.url).pathname === '/_search')).to.equal(true);
  });

  it('closes the point in time of a deep page when alerts change, and opens one again after', async () => {
    const closed: string[] = [];
    worker.events.on('request:start', ({ request }) => {
      if (request.method === 'DELETE' && request.url.endsWith('/_pit')) void request.clone().json().then((b: { id: string }) => closed.push(b.id));
    });
    const p = guardProvider(elastic({ kibanaUrl: DEMO_KIBANA_URL }));
    const wide = { from: new Date(NOW - 180 * DAY_MS), to: new Date(NOW + 3_600_000) };
    await p.listAlerts(BIG, { range: wide, offset: 12_000, limit: 20 }, o());
    const first = await p.listAlerts(BIG, { range: wide, offset: 0, limit: 1, filter: { status: ['new'] } }, o());
    await p.updateAlerts!([first.items[0]!.id], { status: 'inProgress' }, o());
    await waitUntil(() => closed.length === 1, 'the point in time closed');
    const again = await p.listAlerts(BIG, { range: wide, offset: 12_000, limit: 20 }, o());
    expect(again.items).to.have.length(20);
  });

  it('pushes filters, sort and search down; a hostile search is a literal wildcard value, never query syntax', async () => {
    const sent = recordRequests();
    const p = guardProvider(elastic());
    const hostile = '*" OR 1==1 | DROP \\ ?';
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 20, filter: { severity: ['high'], status: ['new'] }, sort: { field: 'title', direction: 'asc' }, search: hostile }, o());
    expect(page.items).to.deep.equal([]);
    await waitUntil(() => sent.length >= 1);
    const body = JSON.stringify(sent[0]!.body);
    expect(body).to.contain('"kibana.alert.severity":["high","critical"]');
    expect(body).to.contain('"kibana.alert.workflow_status":["open"]');
    expect(body).to.contain('"kibana.alert.rule.name":{"order":"asc"');
    // The wildcard's own characters are escaped: the text is matched as typed.
    expect(sent[0]!.body['query']).to.satisfy((q: unknown) => JSON.stringify(q).includes(JSON.stringify('*\\*" OR 1==1 | DROP \\\\ \\?*')));
    const found = await p.listAlerts(IP, { range, offset: 0, limit: 5, search: 'tor exit' }, o());
    expect(found.items.length).to.be.greaterThan(0);
    expect(found.items.every((a) => /tor exit/i.test(a.title) || /tor exit/i.test(a.description ?? ''))).to.equal(true);
  });

  it('a value no mapping has (constructor, __proto__) reaches the cluster as nothing, never as null or an object', async () => {
    const sent = recordRequests();
    const p = guardProvider(elastic());
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 20, filter: { severity: ['constructor'], status: ['__proto__'] } }, o());
    expect(page.items).to.deep.equal([]);
    await waitUntil(() => sent.length >= 1);
    const body = JSON.stringify(sent[0]!.body);
    expect(body).to.not.contain('null');
    expect(body).to.not.contain('[{}]');
    expect(body).to.contain('match_none');
  });

  it('a filter on what Elastic alerts do not have (incidents, classification) matches none, its "not set" matches all', async () => {
    const p = guardProvider(elastic());
    const all = await p.listAlerts(IP, { range, offset: 0, limit: 1 }, o());
    expect((await p.listAlerts(IP, { range, offset: 0, limit: 1, filter: { classification: ['truePositive'] } }, o())).total).to.equal(0);
    expect((await p.listAlerts(IP, { range, offset: 0, limit: 1, filter: { classification: [null] } }, o())).total).to.equal(all.total);
    expect((await p.listAlerts(IP, { range, offset: 0, limit: 1, filter: { kind: ['incident'] } }, o())).total).to.equal(0);
  });

  it('never follows a redirect, whatever header carries the key, unless the host allows it', async () => {
    const asked: string[] = [];
    worker.use(
      http.post(`${DEMO_ELASTICSEARCH_URL}/_query`, () => new HttpResponse(null, { status: 307, headers: { Location: '/elsewhere/_query' } })),
      http.post('/elsewhere/_query', ({ request }) => {
        asked.push(request.headers.get('X-Custom-Key') ?? '');
        return HttpResponse.json({ columns: [], values: [] });
      }),
    );
    const error = await rejection(elastic({ headers: { 'X-Custom-Key': 'secret' } }).getLogActivity(IP, range, o()));
    expect((error as IpDataError).kind).to.equal('bad-response');
    expect((error as Error).message).to.contain('redirect');
    expect(asked).to.deep.equal([]);
  });

  it('says what the cluster said when it refuses, and what the key needs', async () => {
    worker.use(http.post(`${DEMO_ELASTICSEARCH_URL}/_query`, () => HttpResponse.json({ error: { type: 'security_exception', reason: 'action [indices:data/read/esql] is unauthorized for API key' }, status: 403 }, { status: 403 })));
    const error = await rejection(guardProvider(elastic()).getLogActivity(IP, range, o()));
    expect(error).to.be.instanceOf(IpDataError);
    expect((error as IpDataError).kind).to.equal('forbidden');
    expect((error as Error).message).to.contain('is unauthorized for API key').and.to.contain('read privilege');
  });

  it('with a Kibana address, Go hunt opens Discover with an ES|QL query for the IP', async function () {
    this.timeout(20_000);
    const p = elastic({ kibanaUrl: 'https://kibana.example/' });
    const query = p.huntingQuery(IP, range, 'esql')!;
    expect(query).to.match(/^\/\/ ip-entity-page:hunt\nFROM logs-\*\n/);
    expect(query).to.match(/\| SORT `@timestamp` DESC\n\| LIMIT 1000$/);
    expect(query).to.contain(`TO_IP("${IP}")`).and.not.to.contain('?ip');
    expect(p.huntingQuery(IP, range, 'kql-defender'), 'only ES|QL is the cluster’s').to.equal(undefined);
    const href = p.links.hunting!(query, 'esql')!;
    expect(href.startsWith('https://kibana.example/app/discover#/?')).to.equal(true);
    // In ES|QL mode (as Discover's locator writes it) and over the query's range, not Discover's default last 15 minutes.
    const state = new URLSearchParams(new URL(href).hash.slice('#/?'.length));
    expect(state.get('_a')).to.equal(`(dataSource:(type:esql),query:(esql:'${query.replace(/[!']/g, (c) => `!${c}`)}'))`);
    expect(state.get('_g')).to.equal(`(time:(from:'${range.from.toISOString()}',to:'${range.to.toISOString()}'))`);
    expect(decodeURIComponent(href)).to.contain(`TO_IP("${IP}")`);
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} .provider=${p}></ip-entity-page>`);
    // The bar's code loads after the first paint and the link needs the cluster's answers through the mocks: a page's worth of work, on a busy run.
    await waitUntil(() => deepQuery<HTMLAnchorElement>(el, 'a[data-action="hunt"]'), 'Go hunt is not a link', { timeout: 10_000 });
    expect(deepQuery<HTMLAnchorElement>(el, 'a[data-action="hunt"]')!.href.startsWith('https://kibana.example/app/discover')).to.equal(true);
  });

  it('with Kibana, changes an alert’s status (detection engine API) and reads it back; without, it is read-only', async () => {
    expect((await resolveCapabilities(guardProvider(elastic()), o())).updateAlerts).to.equal(false);
    const readOnly = await rejection(elastic().updateAlerts(['x'], { status: 'resolved' }, o()));
    expect((readOnly as IpDataError).kind).to.equal('forbidden');
    const sent = recordRequests();
    worker.events.on('request:start', ({ request }) => {
      if (request.url.startsWith(DEMO_KIBANA_URL)) void request.clone().json().then((body) => sent.push({ url: request.url, body, authorization: request.headers.get('kbn-xsrf') }));
    });
    const p = guardProvider(elastic({ kibanaUrl: DEMO_KIBANA_URL }));
    expect((await resolveCapabilities(p, o())).updateAlerts).to.equal(true);
    const open = await p.listAlerts(IP, { range, offset: 0, limit: 3, filter: { status: ['new'] } }, o());
    expect(open.items.length).to.be.greaterThan(0);
    const target = open.items[0]!;
    // Only the status: a patch with anything else is refused before anything is sent.
    const refused = await rejection(p.updateAlerts!([target.id], { status: 'resolved', classification: 'truePositive' }, o()));
    expect((refused as IpDataError).kind).to.equal('invalid-input');
    expect(sent.some((s) => s.url.startsWith(DEMO_KIBANA_URL)), 'nothing was sent to Kibana').to.equal(false);
    const updated = await p.updateAlerts!([target.id], { status: 'resolved' }, o());
    expect(updated.map((a) => [a.id, a.status])).to.deep.equal([[target.id, 'resolved']]);
    const call = sent.find((s) => s.url === `${DEMO_KIBANA_URL}/api/detection_engine/signals/status`)!;
    expect(call.body).to.deep.equal({ signal_ids: [target.id], status: 'closed' });
    expect(call.authorization, 'kbn-xsrf is sent').to.be.a('string');
    // The list is asked again, not served from before the change.
    const after = await p.listAlerts(IP, { range, offset: 0, limit: 100, filter: { status: ['resolved'] } }, o());
    expect(after.items.map((a) => a.id)).to.include(target.id);
  });

  it('drives the whole page: overview, alerts and devices from the cluster', async function () {
    // A whole page and a tab visit: its waits add up to more than the default 10 s on a cold run.
    this.timeout(30_000);
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} range="30d" .provider=${elastic()}></ip-entity-page>`);
    await waitUntil(() => /Active alerts/.test(deepText(el)) && /endpoint\.events\.network/.test(deepText(el)), 'the overview did not fill', { timeout: 10_000 });
    el.selectTab('alerts');
    await waitUntil(() => /\d+ incidents and alerts/.test(deepText(el)), 'no alerts', { timeout: 10_000 });
  });
});
