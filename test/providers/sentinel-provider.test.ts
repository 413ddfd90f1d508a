import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import { SentinelProvider } from '../../src/providers/sentinel/sentinel-provider.js';
import { DefenderXdrProvider } from '../../src/providers/defender/defender-provider.js';
import { combineProviders } from '../../src/providers/combine.js';
import { guardProvider } from '../../src/providers/guard.js';
import { resolveCapabilities } from '../../src/data/provider.js';
import { summarize } from '../../src/data/derive.js';
import type { IpDataError } from '../../src/data/errors.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { createSentinelHandlers, DEMO_WORKSPACE_ID } from '../../mocks/sentinel.js';
import { datasetFor, IpDataset } from '../../mocks/generator/dataset.js';
import { firewallOnlySources, trafficSources } from '../../mocks/generator/beacons.js';
import { deepQuery, deepText, waitUntil } from '../helpers/dom.js';
import { NOW, useMockApi, worker } from '../helpers/msw.js';

const IP = '203.0.113.7';
const range = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };
const o = () => ({ signal: new AbortController().signal });
const getToken = async () => 'token-for-tests';

function sentinel(extra: Partial<ConstructorParameters<typeof SentinelProvider>[0]> = {}) {
  return new SentinelProvider({ getToken, workspaceId: DEMO_WORKSPACE_ID, subscriptionId: 'sub-1', resourceGroup: 'soc', workspaceName: 'sentinel-ws', ...extra });
}

useMockApi();

describe('SentinelProvider over the Log Analytics and geodata mocks', () => {
  afterEach(() => worker.events.removeAllListeners());

  it("lists the workspace's threat intelligence indicators for the IP: they enforce nothing, the reputation insight names the same", async () => {
    const p = guardProvider(sentinel());
    expect((await resolveCapabilities(p, o())).indicators).to.equal(true);
    const [indicators, insights] = await Promise.all([p.listIndicators!(IP, o()), p.getInsights!(IP, range, o())]);
    expect(indicators.length).to.be.greaterThan(0);
    expect(new Set(indicators.map((i) => i.action))).to.deep.equal(new Set(['ThreatIntel']));
    expect(new Set(indicators.map((i) => i.createdBySource))).to.deep.equal(new Set(['Microsoft Defender Threat Intelligence']));
    const mdti = insights.find((i) => i.id === 'mdti-reputation')!;
    expect(indicators.map((i) => i.description).sort()).to.deep.equal(mdti.rows.map((r) => r[2]).sort());
    const times = indicators.map((i) => Date.parse(i.creationTimeDateTimeUtc));
    expect(times, 'newest first').to.deep.equal([...times].sort((a, b) => b - a));
    expect(indicators.every((i) => Date.parse(i.expirationTime!) > Date.now())).to.equal(true);
  });

  it('lists the accounts signing in from the IP: Windows logons by domain account, SSH by user', async () => {
    const p = guardProvider(sentinel());
    const page = await p.listAccounts!('10.20.30.40', { range, offset: 0, limit: 1000 }, o());
    const sources = new Set(page.items.map((a) => a.source));
    expect([...sources].sort()).to.deep.equal(['SSH', 'Windows']);
    const windows = page.items.filter((a) => a.source === 'Windows');
    for (const a of windows) {
      expect(a.account).to.match(/^CONTOSO\\/);
      expect(a.userId, 'the SID').to.match(/^S-1-5-21-/);
      expect(a.multiFactor, 'Windows does not log MFA').to.equal(undefined);
      // Signed in to the file server, and (the Kerberos tickets) to the domain controller.
      expect(a.devices).to.include('DC01');
    }
    const deploy = page.items.find((a) => a.source === 'SSH')!;
    expect(deploy.account).to.equal('deploy');
    expect(deploy.applications).to.deep.equal(['SSH password']);
    expect(deploy.failures).to.equal(0);
  });

  it('tells one story across tabs: the sign-in insights count the sign-ins the Accounts tab lists', async () => {
    const p = guardProvider(sentinel());
    const count = (insight: { columns: Array<{ name: string }>; rows: unknown[][] }, column: string) => {
      const at = insight.columns.findIndex((c) => c.name === column);
      return insight.rows.reduce((n, r) => n + Number(r[at] ?? 0), 0);
    };
    for (const [ip, id, source, column] of [['2001:db8:85a3::8a2e:370:7334', 'sign-ins', 'Entra ID', 'Attempts'], ['10.20.30.40', 'windows-logons', 'Windows', 'Failed'], ['10.20.30.40', 'linux-logons', 'SSH', 'Accepted']] as const) {
      const [insight, accounts] = await Promise.all([p.getInsight!(ip, id, range, o()), p.listAccounts!(ip, { range, offset: 0, limit: 1000 }, o())]);
      const listed = accounts.items.filter((a) => a.source === source);
      const expected = column === 'Attempts' ? listed.reduce((n, a) => n + a.signIns, 0) : column === 'Failed' ? listed.reduce((n, a) => n + a.failures, 0) : listed.reduce((n, a) => n + a.successes, 0);
      expect(expected, `${id} has something to count`).to.be.greaterThan(0);
      expect(count(insight, column), `${id}: ${column}`).to.equal(expected);
    }
  });

  it('keeps the colleagues’ note as the IP’s item in the SOC’s watchlist, and will not overwrite a newer one', async () => {
    const p = guardProvider(sentinel({ noteWatchlist: 'IpNotes' }));
    expect((await resolveCapabilities(p, o())).notes).to.equal(true);
    expect((await resolveCapabilities(guardProvider(sentinel()), o())).notes, 'no watchlist named').to.equal(false);
    const ip = '198.51.100.77';
    const puts: string[] = [];
    worker.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') puts.push(new URL(request.url).pathname);
    });
    expect(await p.getNote!(ip, o())).to.equal(null);
    const saved = (await p.saveNote!(ip, { text: 'Pentest source until Friday (CHG-1234).' }, o()))!;
    expect(saved).to.include({ text: 'Pentest source until Friday (CHG-1234).', updatedBy: 'SOC Analyst' });
    // One item per IP, whoever saves it: its id comes from the IP.
    expect(puts[0]).to.match(/\/watchlists\/IpNotes\/watchlistItems\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await p.getNote!(ip, o()))!.text).to.equal('Pentest source until Friday (CHG-1234).');
    await new Promise((r) => setTimeout(r, 5));
    const newer = (await p.saveNote!(ip, { text: 'Extended to Monday.', version: saved.version }, o()))!;
    const stale = await p.saveNote!(ip, { text: 'Mine, from the old version.', version: saved.version }, o()).catch((e: IpDataError) => e);
    expect((stale as IpDataError).status).to.equal(409);
    expect((await p.getNote!(ip, o()))!.text).to.equal(newer.text);
    expect(await p.saveNote!(ip, { text: '', version: newer.version }, o())).to.equal(null);
    expect(await p.getNote!(ip, o())).to.equal(null);
    // A watchlist the workspace does not have: said, not hidden.
    const missing = await guardProvider(sentinel({ noteWatchlist: 'NoSuchList' })).getNote!(ip, o()).catch((e: IpDataError) => e);
    expect((missing as IpDataError).message).to.contain('NoSuchList');
  });

  it('adds to each device’s traffic the bytes the firewall logged for it (CommonSecurityLog, by its address)', async () => {
    const t = await guardProvider(sentinel()).getTraffic!(IP, range, o());
    expect(t.computedBy).to.equal('backend');
    const beacon = t.devices.find((d) => (d.beacon?.score ?? 0) >= 0.8)!;
    // A beacon's check-ins are small: a few hundred bytes each way, where people's traffic brings pages and files.
    const person = t.devices.filter((d) => (d.beacon?.score ?? 1) < 0.6 && d.connections >= 5).at(-1)!;
    expect(beacon.bytesSent! / beacon.connections).to.be.within(250, 450);
    expect(beacon.bytesReceived! / beacon.connections).to.be.below(person.bytesReceived! / person.connections / 10);
    expect(t.devices.every((d) => d.bytesSent !== undefined && d.bytesReceived !== undefined)).to.equal(true);
  });

  it('names the actors and tools the workspace’s STIX objects relate to the IP’s indicators, either way, newest version, none deleted', async () => {
    const p = guardProvider(sentinel());
    const summary = await p.getThreatIntel!(IP, o());
    expect(summary.lists).to.deep.equal(['profiles']);
    expect(summary.reputation).to.equal(undefined);
    const page = await p.listThreatIntel!(IP, 'profiles', { offset: 0, limit: 10 }, o());
    // The actor indicates-from the indicator, the tool is related to it (the relationship points the other way).
    expect(page.items.map((x) => [x.name, x.kind]).sort()).to.deep.equal([['Cobalt Strike', 'tool'], ['Storm-0000', 'actor']]);
    expect(page.items.every((x) => x.summary !== 'An earlier description.'), 'the newest version of each object').to.equal(true);
    expect(page.items.find((x) => x.kind === 'actor')!.aliases).to.include('DEV-0000');
    expect(page.items[0]!.source).to.equal('Microsoft Defender Threat Intelligence');
    expect((await p.listThreatIntel!(IP, 'passiveDns', { offset: 0, limit: 10 }, o())).items, 'a list the workspace does not keep').to.deep.equal([]);
    expect((await p.listThreatIntel!('192.0.2.200', 'profiles', { offset: 0, limit: 10 }, o())).total).to.equal(0);
  });

  it('shows the hosts only the firewall saw as hosts of their own, a beacon among them, never a device twice', async () => {
    const t = await guardProvider(sentinel()).getTraffic!(IP, range, o());
    const hosts = t.devices.filter((d) => d.unmanaged);
    const want = firewallOnlySources(new IpDataset(IP, { now: NOW }), range);
    expect(hosts.map((h) => h.deviceName).sort()).to.deep.equal(want.map((w) => w.address).sort());
    const beacon = hosts.find((h) => (h.beacon?.score ?? 0) >= 0.8)!;
    // Every ten minutes or so: the firewall's connections measured like a device's.
    expect(beacon.beacon!.medianSeconds).to.be.within(570, 630);
    expect(beacon.deviceId).to.equal(`ip:${beacon.deviceName}`);
    expect(beacon.connections).to.equal(want.find((w) => w.address === beacon.deviceName)!.events.length);
    expect(beacon.bytesSent! / beacon.connections, 'its bytes too').to.be.within(250, 450);
    expect(beacon.ports?.[0]?.port).to.equal(443);
    // No device comes back as an address: the devices' own addresses are left out of the firewall's hosts.
    const addresses = new Set(trafficSources(new IpDataset(IP, { now: NOW }), range).flatMap((s) => s.events.map((e) => e.localIp)));
    expect(hosts.some((h) => addresses.has(h.deviceName))).to.equal(false);
  });

  it('counts every alert and incident of a busy IP, past the 2,000 the list holds', async function () {
    this.timeout(20_000);
    const busy = '198.51.100.23';
    const p = guardProvider(sentinel());
    const summary = await p.getSecuritySummary(busy, range, o());
    const want = summarize(datasetFor(busy, NOW).alertSource(), [], range);
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(total(want.alertsBySeverity), 'the IP has more alerts than the list holds').to.be.greaterThan(2_000);
    expect(summary.alertsBySeverity).to.deep.equal(want.alertsBySeverity);
    expect(summary.incidentsBySeverity).to.deep.equal(want.incidentsBySeverity);
    expect([summary.openIncidents, summary.activeAlerts]).to.deep.equal([want.openIncidents, want.activeAlerts]);
    expect(summary.countedOver, 'exact, not a lower bound').to.equal(undefined);
  });

  it('needs a workspace id', () => {
    expect(() => new SentinelProvider({ getToken, workspaceId: '' })).to.throw(TypeError);
  });

  it('reads the timeline: alerts, bookmarks, activities and anomalies, newest first', async () => {
    const p = guardProvider(sentinel());
    const events = await p.getTimeline!(IP, range, o());
    expect(events.length).to.be.greaterThan(5);
    expect([...new Set(events.map((e) => e.kind))]).to.include.members(['alert', 'activity']);
    const times = events.map((e) => e.time);
    expect(times.every((t) => /Z$/.test(t))).to.equal(true);
  });

  it('runs every insight as its own query; one failing carries its error and the others still show', async () => {
    const bodies: string[] = [];
    worker.events.on('request:start', ({ request }) => {
      // The mocks' own calls to the test server's KQL analyser are not the provider's.
      if (request.method === 'POST' && !new URL(request.url).pathname.startsWith('/__kql/')) void request.clone().text().then((t) => bodies.push(t));
    });
    worker.use(http.post('https://api.loganalytics.io/v1/workspaces/:id/query', async ({ request }) => ((await request.clone().text()).includes('insight-anomali') ? HttpResponse.json({ error: { message: 'The request had some invalid properties', code: 'BadArgumentError' } }, { status: 400 }) : undefined)));
    const p = guardProvider(sentinel());
    const insights = await p.getInsights!(IP, range, o());
    // The insights of Sentinel's IP page on the workspace's own tables, and an insight for every data source it lists.
    const ids = insights.map((i) => i.id);
    for (const id of ['mdti-reputation', 'recorded-future', 'anomali', 'anomalies-by-ip', 'network-traffic', 'remote-connections-ti', 'remote-connections', 'ti-match', 'watchlist']) expect(ids).to.include(id);
    // Enrichment playbooks' custom tables have no published schema: a host declares them (customTableInsight), none by default.
    expect(ids).to.not.include('virustotal').and.not.include('abuseipdb');
    const sources = new Set(insights.flatMap((i) => i.dataSources ?? []));
    for (const table of ['Syslog', 'SecurityEvent', 'AuditLogs', 'SigninLogs', 'OfficeActivity', 'BehaviorAnalytics', 'Heartbeat', 'CommonSecurityLog', 'ThreatIntelIndicators']) expect([...sources]).to.include(table);
    expect([...sources]).to.not.include('ThreatIntelligenceIndicator');
    expect(insights.length).to.equal(15);
    // Each answers with the columns its own query projects (as Microsoft's analyser derives them).
    const network = insights.find((i) => i.id === 'network-traffic')!;
    expect(network.columns.map((c) => c.name)).to.deep.equal(['Vendor', 'Product', 'Action', 'Port', 'Events', 'LastSeen']);
    expect(insights.find((i) => i.id === 'mdti-reputation')!.query).to.contain('"Microsoft Defender Threat Intelligence"');
    const failed = insights.find((i) => i.id === 'anomali')!;
    expect(failed.error).to.contain('Log Analytics');
    const ok = insights.find((i) => i.id === 'remote-connections')!;
    expect(ok.error).to.equal(undefined);
    expect(ok.columns.map((c) => c.name)).to.deep.equal(['Day', 'Connections']);
    expect(ok.columns[1]!.type).to.equal('number');
    expect(ok.chart).to.deep.equal({ type: 'line', x: 'Day', y: 'Connections' });
    expect(ok.query).to.contain('DeviceNetworkEvents');
    expect(bodies.some((b) => JSON.parse(b).timespan === `${range.from.toISOString()}/${range.to.toISOString()}`)).to.equal(true);
    const again = await p.getInsight!(IP, 'ti-match', range, o());
    expect(again.title).to.equal('This IP has a TI match');
  });

  it('says what Log Analytics left out of an answer it gave in part (PartialError), list, summary and insight alike', async () => {
    worker.use(...createSentinelHandlers({ now: NOW, partial: ['alerts', 'insight-remote-connections'] }));
    const p = guardProvider(sentinel());
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 50 }, o());
    expect(page.incomplete).to.match(/answered the incidents and alerts that name 203\.0\.113\.7 only in part/);
    expect(page.incomplete, 'the service’s reason').to.contain('exceed the set limit');
    expect(page.items.length, 'the rows given are shown').to.be.greaterThan(0);
    const summary = await p.getSecuritySummary(IP, range, o());
    expect(summary.incomplete).to.contain('only in part');
    const insights = await p.getInsights!(IP, range, o());
    expect(insights.find((i) => i.id === 'remote-connections')!.incomplete).to.contain('only in part');
    expect(insights.find((i) => i.id === 'network-traffic')!.incomplete, 'a whole answer says nothing').to.equal(undefined);
  });

  it('runs at most five queries at once, as Log Analytics runs a user’s, and queues the rest in order', async () => {
    worker.use(...createSentinelHandlers({ now: NOW, delayMs: 60 }));
    let inFlight = 0;
    let most = 0;
    const started = new Set<string>();
    worker.events.on('request:start', ({ request, requestId }) => {
      if (!request.url.includes('/workspaces/')) return;
      started.add(requestId);
      most = Math.max(most, ++inFlight);
    });
    worker.events.on('response:mocked', ({ requestId }) => {
      if (started.delete(requestId)) inFlight--;
    });
    const p = guardProvider(sentinel());
    // The Sentinel tab and the overview open together: some twenty queries.
    const [insights, timeline, summary] = await Promise.all([p.getInsights!(IP, range, o()), p.getTimeline!(IP, range, o()), p.getSecuritySummary(IP, range, o()), p.getLogActivity(IP, range, o())]);
    expect(insights.every((i) => !i.error), 'every query ran').to.equal(true);
    expect(timeline.length).to.be.greaterThan(0);
    expect(summary.activeAlerts).to.be.a('number');
    expect(most).to.equal(5);
  });

  it('lets a queued query go when its caller aborts, without sending it', async () => {
    worker.use(...createSentinelHandlers({ now: NOW, delayMs: 100 }));
    const sent: string[] = [];
    worker.events.on('request:start', ({ request }) => {
      if (request.url.includes('/workspaces/')) void request.clone().text().then((t) => sent.push(t));
    });
    const p = guardProvider(sentinel());
    const busy = p.getInsights!(IP, range, o());
    const stop = new AbortController();
    const timeline = p.getTimeline!(IP, range, { signal: stop.signal });
    stop.abort();
    const outcome = await timeline.then(() => 'answered', (e: unknown) => (e as Error).name);
    expect(outcome).to.equal('AbortError');
    await busy;
    expect(sent.some((b) => b.includes('ip-entity-page:timeline')), 'the timeline query never left').to.equal(false);
  });

  it('names the permission and the workspace role when Log Analytics refuses, for that section only', async () => {
    worker.use(
      http.post('https://api.loganalytics.io/v1/workspaces/:id/query', async ({ request }) =>
        (await request.clone().text()).includes('timeline') ? HttpResponse.json({ error: { code: 'InsufficientAccessError', message: 'The provided credentials have insufficient access' } }, { status: 403 }) : undefined,
      ),
    );
    const p = guardProvider(sentinel());
    const err = (await p.getTimeline!(IP, range, o()).then(
      () => undefined,
      (e: unknown) => e,
    )) as { kind: string; message: string };
    expect(err.kind).to.equal('forbidden');
    expect(err.message).to.contain('it needs the Log Analytics Data.Read permission and the Log Analytics Reader or Microsoft Sentinel Reader role on the workspace.');
    expect(err.message).to.contain('It said: “The provided credentials have insufficient access”');
    expect((await p.getLogActivity(IP, range, o())).sources.length).to.be.greaterThan(0);
  });

  it('reads log activity per table and the hosts that report the IP (Heartbeat)', async () => {
    const p = guardProvider(sentinel());
    const l = await p.getLogActivity('10.20.30.40', range, o());
    expect(l.loggedHosts.length).to.be.greaterThan(0);
    const external = await p.getLogActivity(IP, range, o());
    expect(external.sources.map((s) => s.source)).to.include('CommonSecurityLog');
  });

  it('reads the IP details from the geodata enrichment (numbers sent as text)', async () => {
    const p = guardProvider(sentinel());
    const d = await p.getIpDetails(IP, o());
    expect(d.asn).to.be.a('number');
    expect(d.latitude).to.be.a('number');
    expect(d.city).to.be.a('string').and.not.empty;
    const none = await guardProvider(sentinel({ subscriptionId: undefined })).getIpDetails(IP, o());
    expect(none).to.deep.include({ ip: IP, reverseDns: [] });
  });

  it('lists Sentinel incidents and alerts in the model’s terms', async () => {
    const p = guardProvider(sentinel());
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 50 }, o());
    expect(page.total).to.be.greaterThan(0);
    expect(page.items.every((a) => ['new', 'inProgress', 'resolved'].includes(a.status))).to.equal(true);
    expect(page.items.some((a) => a.kind === 'incident')).to.equal(true);
    // The queue's columns: labels as tags, tactics as categories, products, last modified.
    expect(page.items.some((a) => a.kind === 'incident' && a.tags?.length && a.categories?.length && a.productNames?.length)).to.equal(true);
    expect(page.items.every((a) => a.lastUpdated)).to.equal(true);
    expect(page.items.filter((a) => a.kind === 'alert').every((a) => a.productNames?.length === 1)).to.equal(true);
    const summary = await p.getSecuritySummary(IP, range, o());
    expect(summary.openIncidents + summary.activeAlerts).to.be.greaterThan(0);
  });

  it('lists the most recent incidents and alerts a query returns, and says when older ones are left out', async () => {
    const p = guardProvider(sentinel());
    const busy = await p.listAlerts('198.51.100.23', { range, offset: 0, limit: 50 }, o());
    expect(busy.total).to.equal(2_000);
    expect(busy.incomplete).to.match(/2,000 most recent/);
    const quiet = await p.listAlerts(IP, { range, offset: 0, limit: 50 }, o());
    expect(quiet.incomplete).to.equal(undefined);
  });

  it('lists devices with short columns and gives the shown ones their last event from a second query', async () => {
    const bodies: string[] = [];
    worker.events.on('request:start', ({ request }) => {
      if (request.method === 'POST' && !new URL(request.url).pathname.startsWith('/__kql/')) void request.clone().text().then((t) => bodies.push(t));
    });
    const p = guardProvider(sentinel());
    const busy = '198.51.100.23';
    const expected = new Map(datasetFor(busy, NOW).devices().map((d) => [d.id, d.lastEvent.initiatingProcess?.commandLine]));
    for (const sort of [undefined, { field: 'lastSeen', direction: 'asc' } as const]) {
      const page = await p.listObservedDevices(busy, { range, offset: 0, limit: 100, sort }, o());
      expect(page.items.length).to.be.greaterThan(0);
      expect(page.items.map((d) => d.lastEvent.initiatingProcess?.commandLine)).to.deep.equal(page.items.map((d) => expected.get(d.id)));
    }
    await waitUntil(() => bodies.filter((b) => b.includes('ip-entity-page:device-details')).length === 2);
    const list = bodies.find((b) => b.includes('ip-entity-page:devices'))!;
    expect(list).not.to.contain('CommandLine');
  });

  it('searches every event of each device with one query per text, the text a KQL string literal', async () => {
    const bodies: string[] = [];
    worker.events.on('request:start', ({ request }) => {
      // The mocks' own calls to the test server's KQL analyser are not the provider's.
      if (request.method === 'POST' && !new URL(request.url).pathname.startsWith('/__kql/')) void request.clone().text().then((t) => bodies.push(t));
    });
    const p = guardProvider(sentinel());
    const all = await p.listObservedDevices(IP, { range, offset: 0, limit: 100 }, o());
    const byLast = all.items.filter((d) => /svchost/i.test(d.lastEvent.initiatingProcess?.commandLine ?? ''));
    const found = await p.listObservedDevices(IP, { range, offset: 0, limit: 100, search: 'svchost' }, o());
    expect(found.total).to.be.greaterThan(byLast.length);
    await p.listObservedDevices(IP, { range, offset: 0, limit: 100, search: '"; take 1' }, o());
    await waitUntil(() => bodies.filter((b) => b.includes('ip-entity-page:device-search')).length === 2);
    const hostile = bodies.find((b) => b.includes('device-search') && b.includes('take 1\\"'))!;
    expect(JSON.parse(hostile).query).to.contain('let term = "\\"; take 1";');
  });

  it('opens a query in the workspace’s Logs as the portal’s share links carry it, and only Sentinel KQL', async () => {
    const query = 'SigninLogs | where IPAddress == "203.0.113.7" | take 10';
    const href = sentinel().links!.hunting!(query, 'kql-sentinel')!;
    expect(href).to.match(/^https:\/\/portal\.azure\.com\/#blade\/Microsoft_OperationsManagementSuite_Workspace\/Logs\.ReactView\/resourceId\/%2Fsubscriptions%2Fsub-1%2F/);
    // Standard base64 of gzip of UTF-8, percent-encoded twice (%252F, %253D), as the portal's own links.
    const encoded = /\/q\/([^/]+)$/.exec(href)![1]!;
    expect(encoded).to.match(/%25/);
    const b64 = decodeURIComponent(decodeURIComponent(encoded));
    expect(b64).to.match(/^[A-Za-z0-9+/]+=*$/);
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    expect(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()).to.equal(query);
    expect(sentinel().links!.hunting!('x', 'kql-defender')).to.equal(undefined);
  });

  it('opens hunting in the Defender portal for a workspace onboarded there', async () => {
    const query = 'CommonSecurityLog | where DestinationIP == "203.0.113.7"';
    const href = sentinel({ defenderPortalUrl: 'https://security.microsoft.com/', tenantId: 'tenant-1' }).links!.hunting!(query, 'kql-sentinel')!;
    const url = new URL(href);
    expect(url.origin + url.pathname).to.equal('https://security.microsoft.com/v2/advanced-hunting');
    expect(url.searchParams.get('tid')).to.equal('tenant-1');
    // base64url of gzip of UTF-16LE text, as the Defender portal's own links.
    const b64 = url.searchParams.get('query')!.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const raw = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    expect(new TextDecoder('utf-16le').decode(raw)).to.equal(query);
  });

  it('links each incident and alert to the page Sentinel names for it, and nothing else', async () => {
    const p = sentinel();
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 50 }, o());
    const incident = page.items.find((a) => a.kind === 'incident')!;
    expect(p.links!.incident!(incident.id)).to.match(/^https:\/\/portal\.azure\.com\/#asset\/Microsoft_Azure_Security_Insights\/Incident\/subscriptions\/.+\/Incidents\/[0-9a-f-]{36}$/);
    expect(p.links!.incident!('never-listed')).to.equal(undefined);
    const linked = page.items.filter((a) => a.kind === 'alert' && p.links!.alert!(a.id));
    const unlinked = page.items.filter((a) => a.kind === 'alert' && !p.links!.alert!(a.id));
    expect(linked.every((a) => p.links!.alert!(a.id)!.startsWith('https://security.microsoft.com/alerts/'))).to.equal(true);
    expect(unlinked.length, 'alerts of analytics rules have no AlertLink').to.be.above(0);
  });

  it('keeps no link a row gives that is not a web page', async () => {
    worker.use(
      http.post('https://api.loganalytics.io/v1/workspaces/:id/query', () =>
        HttpResponse.json({
          tables: [
            {
              name: 'PrimaryResult',
              columns: [
                { name: 'Kind', type: 'string' },
                { name: 'Id', type: 'string' },
                { name: 'Title', type: 'string' },
                { name: 'Link', type: 'string' },
                { name: 'FirstActivity', type: 'datetime' },
                { name: 'LastActivity', type: 'datetime' },
              ],
              rows: [
                ['incident', '7', 'Hostile', 'javascript:alert(1)', new Date(NOW - DAY_MS).toISOString(), new Date(NOW - DAY_MS).toISOString()],
                ['alert', 'a-1', 'Plain', 'http://example.test/alert', new Date(NOW - DAY_MS).toISOString(), new Date(NOW - DAY_MS).toISOString()],
              ],
            },
          ],
        }),
      ),
    );
    const p = sentinel();
    const page = await p.listAlerts(IP, { range, offset: 0, limit: 50 }, o());
    expect(page.items.map((a) => a.id)).to.have.members(['7', 'a-1']);
    expect(p.links!.incident!('7')).to.equal(undefined);
    expect(p.links!.alert!('a-1')).to.equal(undefined);
  });
});

describe('combineProviders', () => {

  it('takes each method from the first provider that has it, and reaches Sentinel’s look-back', async () => {
    const defender = new DefenderXdrProvider({ getToken, defenderUrl: 'https://api.security.microsoft.com' });
    const both = combineProviders(defender, sentinel());
    const caps = await resolveCapabilities(both, o());
    expect(caps).to.include({ updateAlerts: true, addIndicator: true, timeline: true, insights: true, deviceEvents: true, maxLookbackDays: 90 });
    expect(typeof both.getTimeline).to.equal('function');
    expect(both.links!.device!('d1')).to.contain('security.microsoft.com');
    expect(both.links!.hunting!('q', 'kql-sentinel')).to.contain('portal.azure.com');
    expect(both.links!.hunting!('q', 'kql-defender')).to.contain('security.microsoft.com');
  });

  it('with Defender, removes each listed indicator through the source that listed it', async () => {
    const both = guardProvider(combineProviders(new DefenderXdrProvider({ getToken, defenderUrl: 'https://api.security.microsoft.com' }), sentinel()));
    const listed = await both.listIndicators!(IP, o());
    const intel = listed.find((i) => i.action === 'ThreatIntel')!;
    const own = listed.find((i) => i.action !== 'ThreatIntel')!;
    const deletes: string[] = [];
    const onStart = ({ request }: { request: Request }) => {
      if (request.method === 'DELETE') deletes.push(new URL(request.url).host);
    };
    worker.events.on('request:start', onStart);
    try {
      await both.removeIndicator!(intel.id, o());
      await both.removeIndicator!(own.id, o());
    } finally {
      worker.events.removeListener('request:start', onStart);
    }
    expect(deletes).to.deep.equal(['management.azure.com', 'api.security.microsoft.com']);
    const after = (await both.listIndicators!(IP, o())).map((i) => i.id);
    expect(after).not.to.include(intel.id);
    expect(after).not.to.include(own.id);
  });

  it('asks Defender for 30 days and Sentinel for more, and shows each source’s IP details', async () => {
    const hosts: string[] = [];
    worker.events.on('request:start', ({ request }) => hosts.push(new URL(request.url).host));
    try {
      const both = combineProviders(new DefenderXdrProvider({ getToken, defenderUrl: 'https://api.security.microsoft.com' }), sentinel());
      await both.listAlerts(IP, { range: { from: new Date(Date.now() - 7 * DAY_MS), to: new Date() }, offset: 0, limit: 20 }, o());
      expect(hosts).to.include('graph.microsoft.com');
      expect(hosts).not.to.include('api.loganalytics.io');
      hosts.length = 0;
      await both.listAlerts(IP, { range: { from: new Date(Date.now() - 60 * DAY_MS), to: new Date() }, offset: 0, limit: 20 }, o());
      expect(hosts).to.include('api.loganalytics.io');
      expect(hosts).not.to.include('graph.microsoft.com');
      // A Sentinel incident links to Sentinel, not to Defender's incident of the same number.
      const longer = await both.listAlerts(IP, { range: { from: new Date(Date.now() - 60 * DAY_MS), to: new Date() }, offset: 0, limit: 20 }, o());
      const incident = longer.items.find((a) => a.kind === 'incident')!;
      expect(both.links!.incident!(incident.id)).to.contain('portal.azure.com');
      // Defender's threat intelligence names the owner; Sentinel's geodata the city and carrier.
      const details = await both.getIpDetails(IP, o());
      expect(details.organization, 'organization').to.be.a('string');
      expect(details.city, 'city').to.be.a('string');
      expect(details.latitude, 'latitude').to.be.a('number');
    } finally {
      worker.events.removeAllListeners();
    }
  });

  it('gives the page every tab: Defender’s overview and lists, Sentinel’s tab', async function () {
    // A whole page on two providers, a tab visit and axe over it all: the waits below add up to
    // more than the default 10 s, which a cold first run can need (one fresh-clone CI run did).
    this.timeout(30_000);
    const page = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} .provider=${combineProviders(new DefenderXdrProvider({ getToken, defenderUrl: 'https://api.security.microsoft.com' }), sentinel())}></ip-entity-page>`);
    await waitUntil(() => page.shadowRoot!.getElementById('tab-sentinel'), 'the Sentinel tab appears');
    await waitUntil(() => /Open incidents/.test(deepText(page)) && deepQuery(page, 'ip-overview')?.shadowRoot?.querySelector('[part="details"] dl'), 'the overview loads', { timeout: 8000 });
    page.tab = 'sentinel';
    await waitUntil(() => deepQuery(page, 'ip-sentinel-events')?.shadowRoot?.querySelector('[part="insight"]'), 'insight cards', { timeout: 8000 });
    await expect(page).to.be.accessible();
  });
});
