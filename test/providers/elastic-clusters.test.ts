/**
 * The Elastic provider over the clusters real deployments are: Elastic Defend everywhere, network
 * data only (no process, file, URL or user fields; a firewall integration mapping its addresses as
 * keyword), and an 8.14 cluster. The mock refuses what Elasticsearch refuses (mocks/elastic/cluster.ts,
 * mappings from ECS's own definitions): each section shows data or says exactly what the cluster lacks.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import { deepText, waitUntil } from '../helpers/dom.js';
import { EcsFlat } from '@elastic/ecs';
import { ElasticSecurityProvider, type ElasticSecurityProviderOptions } from '../../src/providers/elastic/index.js';
import { guardProvider } from '../../src/providers/guard.js';
import { IpDataError } from '../../src/data/errors.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { ECS_FIELDS, ElasticQueries } from '../../src/providers/elastic/queries.js';
import alertFields from '../../mocks/elastic/alert-fields.json';
import type { AlertFilter, AlertSortField } from '../../src/data/provider.js';
import { createElasticHandlers, DEMO_ELASTICSEARCH_URL, DEMO_KIBANA_URL, type ElasticMockOptions } from '../../mocks/elastic.js';
import ecsTypes from '../../mocks/elastic/ecs-types.json';
import { esqlSupported, fieldExpression, readFieldCaps, readVersion } from '../../src/providers/elastic/cluster.js';
import { DeepPages } from '../../src/providers/elastic/deep-pages.js';
import type { estypes } from '@elastic/elasticsearch';
import { fieldCaps, PROFILES } from '../../mocks/elastic/cluster.js';
import { rejection } from '../helpers/providers.js';
import { IpDataset } from '../../mocks/generator/dataset.js';
import { trafficSources } from '../../mocks/generator/beacons.js';
import { NOW, useMockApi, worker } from '../helpers/msw.js';

const IP = '203.0.113.7';
const range = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };
const o = () => ({ signal: new AbortController().signal });

/** The provider over a cluster the mock plays. */
function over(cluster: ElasticMockOptions, extra: Partial<ElasticSecurityProviderOptions> = {}) {
  worker.use(...createElasticHandlers({ now: NOW, ...cluster }));
  return guardProvider(new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL, headers: { Authorization: 'ApiKey a2V5' }, ...extra }));
}

useMockApi();

describe('ElasticSecurityProvider on the clusters deployments have', () => {
  it('names only ECS fields, with the types ECS gives them; the mock’s mappings are ECS’s', () => {
    // What the queries read each field as (conversions are made to these).
    const expected: Record<string, string[]> = { date: ['date'], ip: ['ip'], long: ['long'], keyword: ['keyword', 'constant_keyword', 'wildcard'] };
    const reads: Record<string, string> = { timestamp: 'date', sourceIp: 'ip', destinationIp: 'ip', hostIp: 'ip', sourcePort: 'long', destinationPort: 'long', sourceBytes: 'long', destinationBytes: 'long' };
    for (const [key, field] of Object.entries(ECS_FIELDS)) {
      const ecs = (EcsFlat as Record<string, { type: string } | undefined>)[field];
      expect(ecs, `${field} is an ECS field`).to.not.equal(undefined);
      expect(expected[reads[key] ?? 'keyword'], `${field} is ${ecs!.type} in ECS`).to.include(ecs!.type);
    }
    for (const [field, t] of Object.entries((ecsTypes as { fields: Record<string, { type: string; array: boolean }> }).fields)) {
      const ecs = (EcsFlat as Record<string, { type: string; normalize?: string[] }>)[field]!;
      expect([field, t.type, t.array]).to.deep.equal([field, ecs.type, (ecs.normalize ?? []).includes('array')]);
    }
  });

  it('filters, sorts and searches alerts only on fields Kibana’s alert field maps (or ECS) define, with types that allow it', () => {
    const types: Record<string, string> = {
      ...Object.fromEntries(Object.entries((ecsTypes as { fields: Record<string, { type: string }> }).fields).map(([f, t]) => [f, t.type])),
      ...Object.fromEntries(Object.entries((alertFields as { fields: Record<string, { type: string }> }).fields).map(([f, t]) => [f, t.type])),
    };
    const allows: Record<string, string[]> = { term: ['keyword', 'ip'], terms: ['keyword'], wildcard: ['keyword', 'wildcard'], range: ['date'], exists: Object.values(types), sort: Object.values(types) };
    const q = new ElasticQueries('logs-*', '.alerts-security.alerts-default');
    const filters: AlertFilter[] = [{ severity: ['high'] }, { status: ['new', null] }, { tags: ['x'] }, { assignedTo: ['u'] }, { category: ['Execution'] }, { mitreTechniques: ['T1059'] }, { impactedAssets: ['WS-1'] }, { firstActivity: ['2026-11-01..2026-11-02'] }, { lastActivity: ['2026-11-01..'] }];
    const sorts: AlertSortField[] = ['lastActivity', 'firstActivity', 'severity', 'title', 'status', 'assignedTo', 'category', 'tags', 'mitreTechniques', 'impactedAssets', 'id'];
    const bodies = [
      ...filters.map((f) => q.alertsSearch(IP, range, { size: 10 }, f, undefined, 'needle')),
      ...sorts.map((field) => q.alertsSearch(IP, range, { size: 10 }, {}, { field, direction: 'asc' })),
      q.alertCounts(IP, range),
    ];
    const uses: Array<[string, string]> = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!v || typeof v !== 'object') return;
      for (const [k, inner] of Object.entries(v)) {
        if (k in allows && k !== 'sort' && k !== 'exists' && inner && typeof inner === 'object' && !('field' in inner)) uses.push(...Object.keys(inner).filter((f) => f !== 'field').map((f) => [k, f] as [string, string]));
        if (k === 'exists') uses.push(['exists', String((inner as { field: string }).field)]);
        if (k === 'field' && typeof inner === 'string') uses.push(['terms', inner]);
        walk(inner);
      }
    };
    for (const b of bodies) {
      walk(b['query']);
      walk(b['aggs']);
      for (const s of (b['sort'] as Array<Record<string, unknown>> | undefined) ?? []) uses.push(['sort', Object.keys(s)[0]!]);
    }
    const wrong = [...new Set(uses.map(([use, field]) => `${use} ${field}`))].filter((u) => {
      const [use, field] = u.split(' ') as [string, string];
      return !types[field] || !allows[use]!.includes(types[field]!);
    });
    expect(wrong, 'each use and field that Kibana’s mappings do not support').to.deep.equal([]);
    expect(uses.length).to.be.greaterThan(20);
  });

  it('walks a deep page in one point in time, opens another when the cluster freed it, and closes the oldest past eight lists', async () => {
    const calls: string[] = [];
    let live = new Set<string>();
    let n = 0;
    const io = {
      post: async (path: string, body: unknown) => {
        const b = body as { pit?: { id: string }; size?: number; search_after?: unknown[] } | undefined;
        calls.push(path.includes('_pit') ? 'open' : `search ${b!.pit!.id}`);
        if (path.includes('_pit')) {
          const id = `pit${++n}`;
          live.add(id);
          return { id };
        }
        if (!live.has(b!.pit!.id)) throw new IpDataError('not-found', 'No search context found', { status: 404 });
        const from = b!.search_after ? Number(b!.search_after[0]) : 0;
        return { pit_id: b!.pit!.id, hits: { total: { value: 1e6 }, hits: Array.from({ length: b!.size! }, (_, i) => ({ sort: [from + i + 1] })) } };
      },
      close: async (body: unknown) => void calls.push(`close ${(body as { id: string }).id}`),
    };
    const pages = new DeepPages(io, '/.alerts-security.alerts-default', 10_000);
    const body = (p: { size: number; searchAfter?: unknown[] }): estypes.SearchRequest => ({ size: p.size, ...(p.searchAfter ? { search_after: p.searchAfter as estypes.SortResults } : {}) });
    const signal = new AbortController().signal;
    await pages.page('a', body, 25_000, 50, 'alerts', signal);
    // Three walks of at most 10,000 sort values, then the page.
    expect(calls).to.deep.equal(['open', 'search pit1', 'search pit1', 'search pit1', 'search pit1']);
    // The cluster freed it: the next page opens another and walks again.
    live = new Set();
    calls.length = 0;
    const page = (await pages.page('a', body, 25_050, 50, 'alerts', signal)) as { hits: { hits: Array<{ sort: number[] }> } };
    expect(calls[0]).to.equal('search pit1');
    expect(calls[1]).to.equal('open');
    expect(page.hits.hits[0]!.sort[0]).to.equal(25_051);
    // Eight lists at most: the ninth closes the oldest's point in time.
    for (const key of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) await pages.page(key, body, 10_001, 1, 'alerts', signal);
    expect(calls).to.include('close pit2');
    // A list left unused for 30 s is closed by the next walk of another.
    let now = 0;
    const timed = new DeepPages(io, '/.alerts-security.alerts-default', 10_000, () => now);
    await timed.page('x', body, 10_001, 1, 'alerts', signal);
    const xPit = `pit${n}`;
    now = 31_000;
    calls.length = 0;
    await timed.page('y', body, 10_001, 1, 'alerts', signal);
    expect(calls[0]).to.equal(`close ${xPit}`);
  });

  it('reads the version (serverless runs the newest code whatever number it reports) and the fields, converting those mapped two ways', () => {
    const v = (number: string, build_flavor = 'default') => readVersion({ version: { number, build_flavor } });
    expect([v('8.13.4'), v('8.14.0'), v('9.2.1'), v('8.11.0', 'serverless'), undefined].map(esqlSupported)).to.deep.equal([false, true, true, true, true]);
    expect(readVersion({ version: {} })).to.equal(undefined);
    const fields = readFieldCaps(fieldCaps(PROFILES.network, ['source.ip', 'host.id', 'process.name']));
    expect([...fields]).to.deep.equal([['source.ip', ['ip', 'keyword']], ['host.id', ['keyword']]]);
    expect(fieldExpression('`source.ip`', 'source.ip', 'ip', fields)).to.equal('TO_IP(`source.ip`)');
    expect(fieldExpression('`host.id`', 'host.id', 'keyword', fields)).to.equal('`host.id`');
    expect(fieldExpression('`process.name`', 'process.name', 'keyword', fields)).to.equal(undefined);
    // keyword and wildcard (url.full in ECS) are one type to ES|QL: no conversion.
    expect(fieldExpression('`url.full`', 'url.full', 'keyword', new Map([['url.full', ['keyword', 'wildcard']]]))).to.equal('`url.full`');
  });

  it('on a network-only cluster, lists devices without process fields, says what is not in the data, and converts addresses mapped two ways', async () => {
    const p = over({ profile: 'network' });
    const page = await p.listObservedDevices(IP, { range, offset: 0, limit: 20 }, o());
    expect(page.items.length).to.be.greaterThan(0);
    expect(page.incomplete).to.contain('process.name').and.to.contain('url.full').and.to.contain('file.hash.sha256');
    expect(page.items.every((d) => d.lastEvent.initiatingProcess === undefined)).to.equal(true);
    // Events of a device: the connection, without what the cluster does not have.
    const events = await p.listDeviceEvents!(IP, page.items[0]!.id, range, o());
    expect(events.length).to.be.greaterThan(0);
    expect(events.every((e) => !e.initiatingProcess && !e.file)).to.equal(true);
    // A search looks through the device names only (no event field to search): no error.
    const searched = await p.listObservedDevices(IP, { range, offset: 0, limit: 20, search: page.items[0]!.name }, o());
    expect(searched.items.map((d) => d.id)).to.include(page.items[0]!.id);
    // source.ip is ip in one index and keyword in another: the enrichment converts it (TO_IP), or the cluster would refuse.
    const details = await p.getIpDetails(IP, o());
    expect(details.country).to.be.a('string');
  });

  it('lists the accounts signing in from the IP from each integration’s own fields: Entra ID’s UPN and MFA, Windows’ domain and reason, sshd without PAM’s repeat', async () => {
    const sent: string[] = [];
    worker.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/_query')) void request.clone().text().then((t) => sent.push(t));
    });
    const p = over({ profile: 'defend' });
    const spray = await p.listAccounts!('2001:db8:85a3::8a2e:370:7334', { range, offset: 0, limit: 1000 }, o());
    const gotIn = spray.items.filter((a) => a.successes > 0 && a.failures > 0);
    expect(gotIn.length).to.be.greaterThan(0);
    for (const a of gotIn) {
      expect(a.source).to.equal('azure.signinlogs');
      // The UPN, not the integration's user.name (the part before @ in its older versions).
      expect(a.account).to.match(/^[a-z0-9.]+@contoso\.com$/);
      expect(a.multiFactor).to.be.within(0, a.successes);
    }
    expect(spray.items.map((a) => a.failureReason)).to.include('Error validating credentials due to invalid username or password.');
    const internal = await p.listAccounts!('10.20.30.40', { range, offset: 0, limit: 1000 }, o());
    const windows = internal.items.filter((a) => a.source === 'system.security');
    expect(windows.length).to.be.greaterThan(0);
    for (const a of windows) {
      expect(a.account).to.match(/^CONTOSO\\/);
      expect(a.userId).to.match(/^S-1-5-21-/);
      expect(a.multiFactor, 'Windows records no MFA').to.equal(undefined);
    }
    const scanner = await p.listAccounts!('198.51.100.4', { range: { from: new Date(NOW - 180 * DAY_MS), to: range.to }, offset: 0, limit: 1000 }, o());
    const root = scanner.items.find((a) => a.account === 'root')!;
    expect(root.source).to.equal('system.auth');
    expect(root.failureReason).to.equal('Failed password');
    expect(root.applications).to.deep.equal(['ssh_login']);
    // The request asks for authentication events and leaves PAM's repeat of each failure out.
    const body = JSON.parse(sent.find((t) => t.includes('ip-entity-page:accounts'))!) as { filter: unknown };
    expect(JSON.stringify(body.filter)).to.contain('"event.category":"authentication"').and.to.contain('"must_not":{"term":{"event.action":"authentication_failure"}}');
    worker.events.removeAllListeners();
  });

  it('on a cluster without sign-in data, says which fields the accounts list needs', async () => {
    const error = (await rejection(over({ profile: 'network' }).listAccounts!(IP, { range, offset: 0, limit: 10 }, o()))) as IpDataError;
    expect(error.kind).to.equal('unsupported');
    expect(error.message).to.contain('user.name').and.to.contain('event.outcome').and.to.contain('accounts list');
  });

  it('finds the hosts that report the IP among every address they have (host.ip is multi-valued)', async () => {
    const log = await over({ profile: 'defend' }).getLogActivity('10.0.4.21', range, o());
    expect(log.loggedHosts.length).to.be.greaterThan(0);
    // What the mock does with `==` on a multi-valued field, as ES|QL does: null, so no row, and a warning.
    const answer = await fetch(`${DEMO_ELASTICSEARCH_URL}/_query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query: '// ip-entity-page:logged-hosts\nFROM logs-*\n| WHERE `host.ip` == TO_IP(?ip)\n| STATS last_seen = MAX(`@timestamp`) BY host_id = `host.id`',
        params: [{ ip: '10.0.4.21' }],
        filter: { bool: { filter: [{ range: { '@timestamp': { gte: range.from.toISOString(), lt: range.to.toISOString() } } }, { bool: { should: [{ term: { 'host.ip': '10.0.4.21' } }] } }] } },
      }),
    });
    expect(((await answer.json()) as { values: unknown[] }).values).to.deep.equal([]);
    expect(answer.headers.get('Warning')).to.contain('single-value function encountered multi-value');
  });

  it('on an 8.14 cluster (before named parameters), every section works', async () => {
    const p = over({ profile: 'v8.14' });
    const [prevalence, page, log, details, traffic] = await Promise.all([p.getPrevalence(IP, range, o()), p.listObservedDevices(IP, { range, offset: 0, limit: 10, search: 'powershell' }, o()), p.getLogActivity(IP, range, o()), p.getIpDetails(IP, o()), p.getTraffic!(IP, range, o())]);
    // The traffic's functions (VALUES, MV_SORT, MV_SLICE) are 8.14's.
    expect(traffic.devices.filter((d) => d.beacon && d.beacon.score >= 0.8).length).to.be.greaterThan(0);
    expect(prevalence.buckets.some((b) => b.devices > 0)).to.equal(true);
    expect(page.items.length).to.be.greaterThan(0);
    expect(page.items[0]!.lastEvent.initiatingProcess?.fileName).to.be.a('string');
    expect(log.sources.length).to.be.greaterThan(0);
    expect(details.country).to.be.a('string');
  });

  it('counts each device’s bytes from the side ECS says sent them, on connections it made and took', async () => {
    const t = await over({ profile: 'defend' }).getTraffic!(IP, range, o());
    const sources = trafficSources(new IpDataset(IP, { now: NOW }), range);
    const inbound = new Set(sources.filter((s) => s.events.some((e) => e.direction === 'inbound')).map((s) => s.deviceId));
    const people = t.devices.filter((d) => (d.beacon?.score ?? 0) < 0.6 && d.bytesReceived);
    expect(people.some((d) => inbound.has(d.deviceId)) && people.some((d) => !inbound.has(d.deviceId))).to.equal(true);
    // People fetch pages and files: far more comes back than goes out, whichever side connected.
    for (const side of [true, false]) {
      const some = people.filter((d) => inbound.has(d.deviceId) === side);
      const sum = (k: 'bytesSent' | 'bytesReceived') => some.reduce((n, d) => n + d[k]!, 0);
      expect(sum('bytesReceived'), side ? 'inbound' : 'outbound').to.be.greaterThan(3 * sum('bytesSent'));
    }
    // A beacon's check-ins are a few hundred bytes each way.
    const beacon = t.devices.find((d) => (d.beacon?.score ?? 0) >= 0.8)!;
    expect(beacon.bytesSent! / beacon.connections).to.be.within(250, 450);
    const perConnection = (k: 'bytesSent' | 'bytesReceived') => people.reduce((n, d) => n + d[k]!, 0) / people.reduce((n, d) => n + d.connections, 0);
    expect(beacon.bytesReceived! / beacon.connections).to.be.below(perConnection('bytesReceived') / 10);
  });

  it('on an older cluster, the ES|QL sections say which version they need and the alerts list works; without the monitor privilege too', async () => {
    for (const noMonitor of [false, true]) {
      const p = over({ profile: 'v8.14', version: '8.13.4', noMonitor });
      const error = (await rejection(p.getPrevalence(IP, range, o()))) as IpDataError;
      expect(error.kind, String(noMonitor)).to.equal('unsupported');
      expect(error.message).to.contain('8.14 or later');
      if (!noMonitor) expect(error.message).to.contain('8.13.4');
      // The summary keeps the alert counts (the search API) and, when the device count could not run, says so.
      const summary = await p.getSecuritySummary(IP, range, o());
      expect(summary.activeAlerts).to.be.greaterThan(0);
      if (!noMonitor) expect(String(summary.incomplete)).to.contain('8.14');
      const alerts = await p.listAlerts(IP, { range, offset: 0, limit: 10 }, o());
      expect(alerts.items.length).to.be.greaterThan(0);
    }
  });

  it('names a field the sections need that no index maps', async () => {
    const p = over({ profile: 'defend' }, { fields: { hostId: 'agent.id' } });
    const error = (await rejection(p.listObservedDevices(IP, { range, offset: 0, limit: 10 }, o()))) as IpDataError;
    expect(error.kind).to.equal('unsupported');
    expect(error.message).to.contain('agent.id');
    // Without field capabilities (refused), the cluster's own "Unknown column" says the same.
    worker.use(...createElasticHandlers({ now: NOW }));
    const { http, HttpResponse } = await import('msw');
    worker.use(http.get(`${DEMO_ELASTICSEARCH_URL}/:indices/_field_caps`, () => HttpResponse.json({ error: { type: 'security_exception', reason: 'unauthorized' }, status: 403 }, { status: 403 })));
    const blind = guardProvider(new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL, fields: { hostId: 'agent.id' } }));
    const said = (await rejection(blind.getPrevalence(IP, range, o()))) as IpDataError;
    expect([said.kind, said.message.includes('agent.id')]).to.deep.equal(['unsupported', true]);
  });

  it('says when the cluster answered in part (is_partial)', async () => {
    const p = over({ partial: true });
    const [page, summary] = await Promise.all([p.listObservedDevices(IP, { range, offset: 0, limit: 10 }, o()), p.getSecuritySummary(IP, range, o())]);
    expect(page.incomplete).to.contain('only in part');
    expect(summary.incomplete).to.contain('only in part');
  });

  it('names the privileges a status change needs when the key only reads, whether Kibana refuses or skips the alerts', async () => {
    for (const readOnlyKey of ['kibana', 'index'] as const) {
      const p = over({ readOnlyKey }, { kibanaUrl: DEMO_KIBANA_URL });
      const open = await p.listAlerts(IP, { range, offset: 0, limit: 1, filter: { status: ['new'] } }, o());
      const error = (await rejection(p.updateAlerts!([open.items[0]!.id], { status: 'resolved' }, o()))) as IpDataError;
      expect(error.kind, readOnlyKey).to.equal('forbidden');
      expect(error.message).to.contain('write').and.to.contain('.alerts-security.alerts-default');
      if (readOnlyKey === 'kibana') expect(error.message).to.contain('is unauthorized for user');
      else expect(error.message).to.contain('changed 0 of 1');
    }
  });

  it('the whole page on an old cluster: each ES|QL section says which version it needs, the alerts list fills', async function () {
    this.timeout(30_000);
    worker.use(...createElasticHandlers({ now: NOW, profile: 'v8.14', version: '8.13.4' }));
    const provider = new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL });
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} range="30d" .provider=${provider}></ip-entity-page>`);
    // Each ES|QL section says so; the alert counts (the search API) still show, saying what is missing.
    await waitUntil(() => (deepText(el).match(/Elasticsearch 8\.14 or later/g) ?? []).length >= 3 && /Active alerts/.test(deepText(el)), 'the overview says the version', { timeout: 10_000 });
    expect(deepText(el)).to.contain('8.13.4');
    el.selectTab('alerts');
    await waitUntil(() => /\d+ incidents and alerts/.test(deepText(el)), 'the alerts list', { timeout: 10_000 });
  });

  it('the whole page on a network-only cluster: devices without process fields, and which fields the data lacks', async function () {
    this.timeout(30_000);
    worker.use(...createElasticHandlers({ now: NOW, profile: 'network' }));
    const provider = new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL });
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} range="30d" tab="devices" .provider=${provider}></ip-entity-page>`);
    await waitUntil(() => /Not in your event data/.test(deepText(el)), 'the devices list names what is missing', { timeout: 10_000 });
    expect(deepText(el)).to.contain('process.command_line');
  });
});
