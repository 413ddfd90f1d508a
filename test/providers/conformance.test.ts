/**
 * One set of behaviours every provider keeps, run against the static, REST, Defender and
 * Sentinel providers (the last three over the mocks, all from the same generator), each seen
 * through the guard as the page sees it: paging, filters, sort, ranges, capabilities, abort,
 * errors and hostile input.
 */
import { expect } from '@open-wc/testing';
import { IpDataError } from '../../src/data/errors.js';
import { resolveCapabilities, type IpDataProvider } from '../../src/data/provider.js';
import { guardProvider } from '../../src/providers/guard.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { RestIpDataProvider } from '../../src/providers/rest/rest-provider.js';
import { DefenderXdrProvider } from '../../src/providers/defender/defender-provider.js';
import { SentinelProvider } from '../../src/providers/sentinel/sentinel-provider.js';
import { ElasticSecurityProvider } from '../../src/providers/elastic/elastic-provider.js';
import { DEMO_ELASTICSEARCH_URL, DEMO_KIBANA_URL } from '../../mocks/elastic.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { IpDataset } from '../../mocks/generator/dataset.js';
import { aggregateAccounts, signInEvents } from '../../mocks/generator/sign-ins.js';
import { trafficSources } from '../../mocks/generator/beacons.js';
import { trafficFromEvents } from '../../src/data/traffic-compute.js';
import type { Traffic } from '../../src/data/traffic.js';
import { DEMO_WORKSPACE_ID } from '../../mocks/sentinel.js';
import { rejection } from '../helpers/providers.js';
import { NOW, useMockApi } from '../helpers/msw.js';

const IP = '203.0.113.7';
const range30 = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };
const range1 = { from: new Date(NOW - DAY_MS), to: new Date(NOW + 3_600_000) };
const o = () => ({ signal: new AbortController().signal });
const getToken = async () => 'conformance-token';

/** The demo's password-spray source (Entra ID sign-ins) and internal host (Windows, AD and SSH logons). */
const SIGN_IN_IPS = ['2001:db8:85a3::8a2e:370:7334', '10.20.30.40'];

function staticFromGenerator(): IpDataProvider {
  const d = new IpDataset(IP, { now: NOW });
  // Static accounts keep their counts as given: these are the last 30 days'.
  const signIns = Object.fromEntries(SIGN_IN_IPS.map((ip) => [ip, { accounts: aggregateAccounts(signInEvents(new IpDataset(ip, { now: NOW })), range30) }]));
  return new StaticIpDataProvider({
    data: {
      [IP]: { details: d.details(), alerts: Array.from({ length: d.alertCount }, (_, i) => d.alert(i)), devices: d.devices(), deviceEvents: Object.fromEntries(d.devices().map((x) => [x.id, d.deviceEvents(x.id)!])), logActivity: d.logActivity(range30), indicators: d.indicators(), threatIntel: d.threatIntel() },
      ...signIns,
    },
  });
}

const PROVIDERS: Array<[name: string, make: () => IpDataProvider]> = [
  ['static', staticFromGenerator],
  ['REST', () => new RestIpDataProvider({ baseUrl: '/api' })],
  ['Defender XDR', () => new DefenderXdrProvider({ getToken, defenderUrl: 'https://api.security.microsoft.com' })],
  ['Sentinel', () => new SentinelProvider({ getToken, workspaceId: DEMO_WORKSPACE_ID, subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'soc', workspaceName: 'sentinel-ws' })],
  ['Elastic', () => new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL, kibanaUrl: DEMO_KIBANA_URL, headers: { Authorization: 'ApiKey Y29uZm9ybWFuY2U6a2V5' } })],
];

describe('provider conformance', () => {
  useMockApi();
  for (const [name, make] of PROVIDERS) describeProvider(name, make);
});

function describeProvider(name: string, make: () => IpDataProvider) {
  describe(name, () => {
    let p: IpDataProvider;
    beforeEach(() => (p = guardProvider(make())));

    it('declares capabilities that match its methods', async () => {
      const caps = await resolveCapabilities(p, o());
      for (const [cap, method] of [['updateAlerts', 'updateAlerts'], ['addIndicator', 'addIndicator'], ['timeline', 'getTimeline'], ['insights', 'getInsights'], ['deviceEvents', 'listDeviceEvents']] as const) {
        if (caps[cap]) expect(typeof (p as unknown as Record<string, unknown>)[method], `${cap} needs ${method}`).to.equal('function');
      }
      if (caps.maxLookbackDays !== undefined) expect(caps.maxLookbackDays).to.be.greaterThan(0);
    });

    it('pages alerts without overlap, never more than asked, total at least what came', async () => {
      const first = await p.listAlerts(IP, { range: range30, offset: 0, limit: 5 }, o());
      const second = await p.listAlerts(IP, { range: range30, offset: 5, limit: 5 }, o());
      expect(first.items.length).to.be.at.most(5);
      expect(first.total).to.be.at.least(first.items.length);
      const ids = new Set(first.items.map((a) => a.id));
      expect(second.items.some((a) => ids.has(a.id)), 'pages overlap').to.equal(false);
      if (first.total > 5) expect(second.items.length).to.be.greaterThan(0);
    });

    it('filters alerts by severity and sorts them by title', async () => {
      const high = await p.listAlerts(IP, { range: range30, offset: 0, limit: 100, filter: { severity: ['high'] } }, o());
      expect(high.items.length, 'the IP has high-severity items to find').to.be.greaterThan(0);
      expect(high.items.every((a) => a.severity === 'high')).to.equal(true);
      const sorted = await p.listAlerts(IP, { range: range30, offset: 0, limit: 100, sort: { field: 'title', direction: 'asc' } }, o());
      const titles = sorted.items.map((a) => a.title.toLowerCase());
      expect(titles).to.deep.equal([...titles].sort());
    });

    it('serves a shorter range with no more than a longer one, within the range', async () => {
      const long = await p.listAlerts(IP, { range: range30, offset: 0, limit: 1 }, o());
      const short = await p.listAlerts(IP, { range: range1, offset: 0, limit: 100 }, o());
      expect(short.total).to.be.at.most(long.total);
      for (const a of short.items) expect(Date.parse(a.lastActivity), a.id).to.be.at.least(range1.from.getTime());
    });

    it('lists at most 100 devices, searchable by name', async () => {
      const page = await p.listObservedDevices(IP, { range: range30, offset: 0, limit: 100 }, o());
      expect(page.items.length).to.be.at.most(100);
      if (!page.items.length) return;
      const name = page.items[0]!.name;
      const found = await p.listObservedDevices(IP, { range: range30, offset: 0, limit: 100, search: name }, o());
      expect(found.items.map((d) => d.name)).to.include(name);
    });

    it('reads the overview answers for the IP', async () => {
      const [details, summary, log, prevalence] = await Promise.all([p.getIpDetails(IP, o()), p.getSecuritySummary(IP, range30, o()), p.getLogActivity(IP, range30, o()), p.getPrevalence(IP, range30, o())]);
      expect(details.ip).to.equal(IP);
      expect(summary.openIncidents).to.be.at.least(0);
      expect(Array.isArray(log.sources)).to.equal(true);
      expect(prevalence.buckets.length).to.be.greaterThan(0);
    });

    it("names some devices of each point, and lists for a point's span the devices it counts", async () => {
      const prevalence = await p.getPrevalence(IP, range30, o());
      const busy = prevalence.buckets.filter((b) => b.devices > 0);
      expect(busy.length).to.be.greaterThan(2);
      for (const b of busy) expect(b.deviceNames?.length ?? 0, b.start).to.be.within(1, Math.min(5, b.devices));
      const step = prevalence.bucket === 'hour' ? 3_600_000 : DAY_MS;
      for (const b of [busy[0]!, busy[busy.length >> 1]!, busy.at(-1)!]) {
        // The point's span inside the range, as the chart asks for it.
        const from = Math.max(Date.parse(b.start), range30.from.getTime());
        const to = Math.min(Date.parse(b.start) + step, range30.to.getTime());
        const page = await p.listObservedDevices(IP, { range: { from: new Date(from), to: new Date(to) }, sort: { field: 'connectionCount', direction: 'desc' }, offset: 0, limit: 100 }, o());
        expect(page.total, `devices listed for ${b.start}`).to.equal(b.devices);
        const listed = new Set(page.items.map((d) => d.name));
        for (const n of b.deviceNames ?? []) expect(listed.has(n), `${n} named for ${b.start} and listed`).to.equal(true);
        const counts = page.items.map((d) => d.connectionCount);
        expect(counts, 'most connections first').to.deep.equal([...counts].sort((x, y) => y - x));
      }
    });

    it('lists the indicators set for the IP, newest first, and one added replaces the one of the same value', async function () {
      const caps = await resolveCapabilities(p, o());
      if (!caps.indicators) return this.skip();
      const before = await p.listIndicators!(IP, o());
      // The generated C2 server: blocked where indicators enforce (Defender, REST, static), in threat intelligence where they do not (Sentinel).
      expect(before.map((i) => i.action), 'the generated C2 server').to.include(caps.addIndicator ? 'Block' : 'ThreatIntel');
      const times = before.map((i) => Date.parse(i.creationTimeDateTimeUtc));
      expect(times).to.deep.equal([...times].sort((a, b) => b - a));
      if (!caps.addIndicator) {
        // Sentinel: its threat intelligence indicators can be removed (not added) where the workspace is named.
        if (!caps.removeIndicator) return;
        await p.removeIndicator!(before[0]!.id, o());
        expect((await p.listIndicators!(IP, o())).map((i) => i.id)).to.deep.equal(before.slice(1).map((i) => i.id));
        expect((await rejection(p.removeIndicator!(before[0]!.id, o())) as IpDataError).kind, 'removed twice').to.equal('not-found');
        return;
      }
      const added = await p.addIndicator!({ indicatorValue: IP, indicatorType: 'IpAddress', action: 'Allowed', title: 'Partner', description: 'Sanctioned partner.', generateAlert: false }, o());
      const after = await p.listIndicators!(IP, o());
      expect(after.map((i) => [i.id, i.action])).to.deep.equal([[added.id, 'Allowed']]);
      if (!caps.removeIndicator) return;
      await p.removeIndicator!(added.id, o());
      expect(await p.listIndicators!(IP, o())).to.deep.equal([]);
      expect((await rejection(p.removeIndicator!(added.id, o())) as IpDataError).kind, 'removed twice').to.equal('not-found');
    });

    it('lists every sign-in from the IP once, under an account, paged, filtered and sorted', async function () {
      const caps = await resolveCapabilities(p, o());
      if (!caps.accounts) return this.skip();
      for (const ip of SIGN_IN_IPS) {
        const events = signInEvents(new IpDataset(ip, { now: NOW })).filter((e) => e.time >= range30.from.getTime() && e.time < range30.to.getTime());
        const all = await p.listAccounts!(ip, { range: range30, offset: 0, limit: 1000 }, o());
        expect(all.total, ip).to.equal(all.items.length);
        // However each log names an account, every sign-in is counted once.
        expect(all.items.reduce((n, a) => n + a.signIns, 0), `sign-ins from ${ip}`).to.equal(events.length);
        expect(all.items.reduce((n, a) => n + a.failures, 0), `failures from ${ip}`).to.equal(events.filter((e) => e.result === 'failure').length);
        expect(all.items.reduce((n, a) => n + a.successes, 0), `successes from ${ip}`).to.equal(events.filter((e) => e.result === 'success').length);
        const lastSeen = all.items.map((a) => a.lastSeen);
        expect(lastSeen, 'most recent first').to.deep.equal([...lastSeen].sort().reverse());
        const [first, second] = [await p.listAccounts!(ip, { range: range30, offset: 0, limit: 3 }, o()), await p.listAccounts!(ip, { range: range30, offset: 3, limit: 3 }, o())];
        expect(first.items.map((a) => a.id)).to.deep.equal(all.items.slice(0, 3).map((a) => a.id));
        expect(second.items.map((a) => a.id)).to.deep.equal(all.items.slice(3, 6).map((a) => a.id));
        const failed = await p.listAccounts!(ip, { range: range30, result: ['failure'], sort: { field: 'failures', direction: 'desc' }, offset: 0, limit: 1000 }, o());
        expect(failed.items.length).to.equal(all.items.filter((a) => a.failures > 0).length);
        const failures = failed.items.map((a) => a.failures);
        expect(failures, 'most failures first').to.deep.equal([...failures].sort((x, y) => y - x));
        const one = all.items[0]!;
        const found = await p.listAccounts!(ip, { range: range30, search: one.account.slice(0, 8).toUpperCase(), offset: 0, limit: 1000 }, o());
        expect(found.items.map((a) => a.id)).to.include(one.id);
      }
      // The spray: Entra ID says which successes passed MFA.
      const spray = await p.listAccounts!(SIGN_IN_IPS[0]!, { range: range30, result: ['success'], offset: 0, limit: 1000 }, o());
      expect(spray.items.length, 'accounts that got in').to.be.greaterThan(0);
      for (const a of spray.items) expect(a.multiFactor, a.account).to.be.within(0, a.successes);
    });

    it('names the actor and the tool behind the C2 server, as its intelligence has them', async function () {
      if (!(await resolveCapabilities(p, o())).threatIntel) return this.skip();
      const summary = await p.getThreatIntel!(IP, o());
      expect(summary.lists ?? ['profiles'], 'every source keeps the profiles list').to.include('profiles');
      const page = await p.listThreatIntel!(IP, 'profiles', { offset: 0, limit: 10 }, o());
      const want = new IpDataset(IP, { now: NOW }).threatIntel().lists.profiles.map((x) => [x.name, x.kind]);
      expect(page.items.map((x) => [x.name, x.kind]).sort()).to.deep.equal(want.sort());
      expect(page.total).to.equal(want.length);
    });

    it('puts the beaconing devices first, with statistics over every connection or saying it saw fewer', async function () {
      if (!(await resolveCapabilities(p, o())).traffic) return this.skip();
      const t = await p.getTraffic!(IP, range30, o());
      // The reference: the page's own computation over every event the generator wrote (the KQL
      // mocks evaluate the query's steps on their own, so the two check each other).
      const ref = trafficFromEvents(trafficSources(new IpDataset(IP, { now: NOW }), range30), range30, 50);
      // Devices only: Sentinel's firewall log adds hosts no device's events name (its own test).
      const likely = (x: Traffic) => x.devices.filter((v) => !v.unmanaged && (v.beacon?.score ?? 0) >= 0.8).map((v) => v.deviceName);
      const unmanaged = t.devices.filter((v) => v.unmanaged).length;
      expect(unmanaged > 0, 'hosts only a firewall saw').to.equal(name === 'Sentinel');
      expect(likely(ref).length, 'the demo C2 server has beacons').to.be.greaterThan(1);
      expect(likely(t)).to.deep.equal(likely(ref));
      expect(t.total - unmanaged).to.equal(ref.total);
      expect(t.computedBy).to.equal(name === 'static' || name === 'Elastic' ? 'browser' : 'backend');
      const byId = new Map(ref.devices.map((x) => [x.deviceId, x]));
      for (const x of t.devices) {
        const want = byId.get(x.deviceId);
        if (!want) continue;
        expect(x.connections, x.deviceName).to.equal(want.connections);
        expect(x.series?.reduce((a, b) => a + b, 0), `${x.deviceName}: every connection in a bucket`).to.equal(want.connections);
        if (t.sampled === undefined) expect(x.beacon, x.deviceName).to.deep.equal(want.beacon);
        else if (want.beacon && x.beacon) expect(Math.abs(x.beacon.medianSeconds - want.beacon.medianSeconds), x.deviceName).to.be.at.most(want.beacon.medianSeconds * 0.1);
      }
    });

    it('records the IP on one of its open incidents or cases, those involving it listed first', async function () {
      if (!(await resolveCapabilities(p, o())).cases) return this.skip();
      const cases = await p.listCases!(IP, {}, o());
      expect(cases.length, 'the demo C2 server has open incidents or cases').to.be.greaterThan(0);
      expect(cases[0]!.related).to.equal(true);
      for (const c of cases) expect(c.status ?? '', c.title).to.not.match(/^(resolved|closed)$/i);
      const record = await p.addToCase!(IP, cases[0]!.id, `${IP}: C2 server of this ${cases[0]!.kind}; blocked.`, o());
      expect(record).to.include({ caseId: cases[0]!.id, text: `${IP}: C2 server of this ${cases[0]!.kind}; blocked.` });
      expect(Date.parse(record.recordedAt)).to.be.closeTo(Date.now(), 120_000);
      expect(((await rejection(p.addToCase!(IP, cases[0]!.id, '   ', o()))) as IpDataError).kind).to.equal('invalid-input');
      expect(((await rejection(p.addToCase!(IP, '424242424', 'x', o()))) as IpDataError).kind).to.equal('not-found');
    });

    it('stops at once when the caller aborts', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(p.listAlerts(IP, { range: range30, offset: 0, limit: 5 }, { signal: controller.signal }));
      expect((error as Error).name).to.equal('AbortError');
    });

    it('refuses an invalid or hostile IP as invalid-input', async () => {
      for (const bad of ['127.1', '203.0.113.7"; DeviceEvents | take 1000000 //']) {
        const error = await rejection(p.getIpDetails(bad, o()));
        expect(error, bad).to.be.instanceOf(IpDataError);
        expect((error as IpDataError).kind, bad).to.equal('invalid-input');
      }
    });
  });
}
