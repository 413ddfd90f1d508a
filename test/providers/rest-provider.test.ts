import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { RestIpDataProvider } from '../../src/providers/rest/rest-provider.js';
import { parseRetryAfter } from '../../src/providers/http.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { NOW, useMockApi, worker } from '../helpers/msw.js';
import { dataError } from '../helpers/providers.js';

const range = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };
const o = () => ({ signal: new AbortController().signal });
const api = (options: Partial<ConstructorParameters<typeof RestIpDataProvider>[0]> = {}) =>
  new RestIpDataProvider({ baseUrl: '/api', maxRetryAfterSeconds: 2, ...options });


describe('RestIpDataProvider against the mock API', () => {
  useMockApi();

  it('reads capabilities', async () => {
    const caps = await api().getCapabilities(o());
    expect(caps).to.include({ updateAlerts: true, addIndicator: true, timeline: true, insights: true });
  });

  it('gets IP details with geo, ASN, reverse DNS and WHOIS', async () => {
    const d = await api().getIpDetails('203.0.113.7', o());
    expect(d.ip).to.equal('203.0.113.7');
    expect(d.asn).to.be.a('number');
    expect(d.organization).to.be.a('string').and.not.empty;
    expect(d.countryCode).to.match(/^[A-Z]{2}$/);
    expect(d.reverseDns.length).to.be.at.least(1);
    expect(d.whois?.registrar).to.be.a('string');
  });

  it('encodes IPv6 addresses in paths', async () => {
    const d = await api().getIpDetails('2001:db8:85a3::8a2e:370:7334', o());
    expect(d.ip).to.equal('2001:db8:85a3::8a2e:370:7334');
  });

  it('gets the security summary, log activity and prevalence for a range', async () => {
    const p = api();
    const s = await p.getSecuritySummary('203.0.113.7', range, o());
    expect(s.organizationPrevalence).to.be.above(0);
    const total = Object.values(s.alertsBySeverity).reduce((a, b) => a + b, 0) + Object.values(s.incidentsBySeverity).reduce((a, b) => a + b, 0);
    expect(total).to.be.above(0);
    const logs = await p.getLogActivity('203.0.113.7', range, o());
    expect(logs.sources.length).to.be.above(0);
    const prev = await p.getPrevalence('203.0.113.7', range, o());
    expect(prev.bucket).to.equal('day');
    expect(prev.buckets.length).to.equal(31);
    expect(prev.totalDevices).to.be.above(0);
    expect(prev.alertMarks.length).to.be.above(0);
  });

  it('lists alerts with filters, search, sort and paging done by the server', async () => {
    const p = api();
    const first = await p.listAlerts('198.51.100.23', { range, offset: 0, limit: 20 }, o());
    expect(first.items.length).to.equal(20);
    expect(first.total).to.be.above(1000);
    const high = await p.listAlerts('198.51.100.23', { range, offset: 0, limit: 50, filter: { severity: ['high'], kind: ['alert'] } }, o());
    expect(high.items.every((a) => a.severity === 'high' && a.kind === 'alert')).to.equal(true);
    expect(high.total).to.be.below(first.total);
    const unassigned = await p.listAlerts('198.51.100.23', { range, offset: 0, limit: 50, filter: { assignedTo: [null] } }, o());
    expect(unassigned.items.every((a) => a.assignedTo == null)).to.equal(true);
    const sorted = await p.listAlerts('198.51.100.23', { range, offset: 0, limit: 50, sort: { field: 'title', direction: 'asc' } }, o());
    const titles = sorted.items.map((a) => a.title);
    expect(titles).to.deep.equal([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const next = await p.listAlerts('198.51.100.23', { range, offset: 20, limit: 20 }, o());
    expect(next.items[0]!.id).to.not.equal(first.items[0]!.id);
    expect(Date.parse(next.items[0]!.lastActivity)).to.be.at.most(Date.parse(first.items[19]!.lastActivity));
    const searched = await p.listAlerts('203.0.113.7', { offset: 0, limit: 100, search: 'command and control' }, o());
    expect(searched.items.length).to.be.above(0);
    expect(searched.items.every((a) => /command and control/i.test(`${a.title} ${a.description}`))).to.equal(true);
  });

  it('caps observed devices at 100 and reports the real total', async () => {
    const page = await api().listObservedDevices('198.51.100.23', { range: { from: new Date(NOW - 180 * DAY_MS), to: range.to }, offset: 0, limit: 500 }, o());
    expect(page.items.length).to.equal(100);
    expect(page.total).to.be.above(100);
    const found = await api().listObservedDevices('203.0.113.7', { offset: 0, limit: 100, search: page.items[0]!.name }, o());
    expect(found.total).to.be.at.most(1);
  });

  it('gets a device timeline, oldest first, ending with the last event', async () => {
    const p = api();
    const devices = await p.listObservedDevices('203.0.113.7', { range, offset: 0, limit: 5 }, o());
    const device = devices.items[0]!;
    const events = await p.listDeviceEvents('203.0.113.7', device.id, range, o());
    expect(events.length).to.be.above(0);
    const times = events.map((e) => e.timestamp);
    expect(times).to.deep.equal([...times].sort());
    expect(events.at(-1)!.timestamp).to.equal(device.lastEvent.timestamp);
    const missing = await dataError(p.listDeviceEvents('203.0.113.7', 'no-such-device', range, o()));
    expect(missing.kind).to.equal('not-found');
  });

  it('updates alerts and the change shows in later pages', async () => {
    const p = api();
    const page = await p.listAlerts('203.0.113.7', { offset: 0, limit: 2 }, o());
    const id = page.items[0]!.id;
    const [updated] = await p.updateAlerts([id], { status: 'resolved', classification: 'falsePositive', determination: 'clean', assignedTo: 'me@contoso.com', comment: 'Benign scanner' }, o());
    expect(updated).to.include({ id, status: 'resolved', classification: 'falsePositive', determination: 'clean', assignedTo: 'me@contoso.com' });
    expect(updated!.comments?.at(-1)?.comment).to.equal('Benign scanner');
    const again = await p.listAlerts('203.0.113.7', { offset: 0, limit: 2 }, o());
    expect(again.items[0]).to.include({ id, status: 'resolved' });
    const bad = await dataError(p.updateAlerts(['nope'], { status: 'new' }, o()));
    expect(bad.kind).to.equal('not-found');
  });

  it('adds an indicator with the Defender field values, and refuses a private IP', async () => {
    const p = api();
    const indicator = await p.addIndicator({ indicatorValue: '203.0.113.7', indicatorType: 'IpAddress', action: 'Block', title: 'C2', description: 'Cobalt Strike', generateAlert: true, severity: 'High' }, o());
    expect(indicator.id).to.be.a('string');
    expect(indicator).to.include({ indicatorValue: '203.0.113.7', indicatorType: 'IpAddress', action: 'Block', generateAlert: true, severity: 'High' });
    const err = await dataError(p.addIndicator({ indicatorValue: '10.0.0.1', indicatorType: 'IpAddress', action: 'Block', title: 't', description: 'd', generateAlert: false }, o()));
    expect(err.kind).to.equal('invalid-input');
    expect(err.message).to.match(/external/i);
  });

  it('lists device groups, the timeline and insights', async () => {
    const p = api();
    expect((await p.listDeviceGroups(o())).length).to.be.above(1);
    const timeline = await p.getTimeline('203.0.113.7', range, o());
    expect(timeline.length).to.be.above(10);
    expect(new Set(timeline.map((e) => e.kind))).to.include('alert');
    const insights = await p.getInsights('203.0.113.7', range, o());
    expect(insights.length).to.be.at.least(8);
    expect(insights.every((i) => i.query.includes('203.0.113.7'))).to.equal(true);
    const one = await p.getInsight('203.0.113.7', insights[0]!.id, range, o());
    expect(one.title).to.equal(insights[0]!.title);
  });

  it('rejects an invalid IP with invalid-input, before sending anything; the server refuses it too', async () => {
    const err = await dataError(api().getIpDetails('127.1', o()));
    expect(err.kind).to.equal('invalid-input');
    expect(err.status).to.equal(undefined);
    expect(err.message).to.contain('127.1');
    const direct = await fetch('/api/ips/127.1');
    expect(direct.status).to.equal(400);
    expect(((await direct.json()) as { error: { message: string } }).error.message).to.contain('127.1');
  });

  it('fails every call for the failing demo IP with unavailable', async () => {
    const err = await dataError(api().getIpDetails('192.0.2.66', o()));
    expect(err.kind).to.equal('unavailable');
    expect(err.retryable).to.equal(true);
  });

  it('forwards the abort signal', async () => {
    worker.use(http.get('/api/ips/:ip', async () => {
      await delay(2000);
      return HttpResponse.json({ ip: '1.2.3.4', reverseDns: [] });
    }));
    const controller = new AbortController();
    const pending = api().getIpDetails('1.2.3.4', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    let error: unknown;
    try {
      await pending;
    } catch (e) {
      error = e;
    }
    expect((error as Error)?.name).to.equal('AbortError');
    expect(performance.now() - started).to.be.below(1000);
  });

  it('times out a slow response as timeout', async () => {
    worker.use(http.get('/api/ips/:ip', async () => {
      await delay(3000);
      return HttpResponse.json({ ip: '1.2.3.4', reverseDns: [] });
    }));
    const err = await dataError(api({ timeoutMs: 150 }).getIpDetails('1.2.3.4', o()));
    expect(err.kind).to.equal('timeout');
  });

  it('retries a GET on 429 after Retry-After, then succeeds', async () => {
    let calls = 0;
    worker.use(http.get('/api/ips/:ip', () => {
      calls++;
      return calls === 1
        ? HttpResponse.json({ error: { message: 'slow down' } }, { status: 429, headers: { 'Retry-After': '1' } })
        : HttpResponse.json({ ip: '1.2.3.4', reverseDns: [] });
    }));
    const started = performance.now();
    const d = await api().getIpDetails('1.2.3.4', o());
    expect(d.ip).to.equal('1.2.3.4');
    expect(calls).to.equal(2);
    expect(performance.now() - started).to.be.at.least(950);
  });

  it('gives up after the bounded number of retries on 503', async () => {
    let calls = 0;
    worker.use(http.get('/api/ips/:ip', () => {
      calls++;
      return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '0' } });
    }));
    const err = await dataError(api({ maxRetries: 2 }).getIpDetails('1.2.3.4', o()));
    expect(err.kind).to.equal('unavailable');
    expect(calls).to.equal(3);
  });

  it('does not wait for a Retry-After beyond the bound, and reports it', async () => {
    let calls = 0;
    worker.use(http.get('/api/ips/:ip', () => {
      calls++;
      return new HttpResponse(null, { status: 429, headers: { 'Retry-After': '120' } });
    }));
    const err = await dataError(api().getIpDetails('1.2.3.4', o()));
    expect(err.kind).to.equal('rate-limited');
    expect(err.retryAfter).to.equal(120);
    expect(calls).to.equal(1);
  });

  it('never retries a POST', async () => {
    let calls = 0;
    worker.use(http.post('/api/indicators', () => {
      calls++;
      return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '0' } });
    }));
    const err = await dataError(api().addIndicator({ indicatorValue: '203.0.113.7', indicatorType: 'IpAddress', action: 'Block', title: 't', description: 'd', generateAlert: false }, o()));
    expect(err.kind).to.equal('unavailable');
    expect(calls).to.equal(1);
  });

  it('maps HTTP statuses to error kinds', async () => {
    const cases: Array<[number, string]> = [[400, 'invalid-input'], [401, 'unauthorized'], [403, 'forbidden'], [404, 'not-found'], [500, 'unavailable'], [502, 'unavailable'], [504, 'timeout']];
    for (const [status, kind] of cases) {
      worker.use(http.get('/api/ips/:ip', () => new HttpResponse('nope', { status })));
      const err = await dataError(api({ maxRetries: 0 }).getIpDetails('1.2.3.4', o()));
      expect(err.kind, String(status)).to.equal(kind);
      expect(err.status).to.equal(status);
      expect(err.message).to.be.a('string').and.not.empty;
    }
  });

  it('times out a body that starts and then stalls, and stops reading it on abort', async () => {
    const stalled = () => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"ip": "1.2.3.4", "reverseDns": ['));
        },
      });
      return new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } });
    };
    worker.use(http.get('/api/ips/:ip', stalled));
    const started = performance.now();
    const err = await dataError(api({ timeoutMs: 400 }).getIpDetails('1.2.3.4', o()));
    expect(err.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.lessThan(3000);
    const controller = new AbortController();
    const pending = api({ timeoutMs: 10_000 }).getIpDetails('1.2.3.4', { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    let aborted: unknown;
    try {
      await pending;
    } catch (e) {
      aborted = e;
    }
    expect((aborted as Error).name).to.equal('AbortError');
  });

  it('refuses answers past the byte cap as bad-response', async () => {
    worker.use(http.get('/api/ips/:ip', () => HttpResponse.json({ ip: '1.2.3.4', reverseDns: [], organization: 'x'.repeat(5000) })));
    const err = await dataError(api({ maxResponseBytes: 2000 }).getIpDetails('1.2.3.4', o()));
    expect(err.kind).to.equal('bad-response');
    expect(err.message).to.contain('more than');
    const ok = await api({ maxResponseBytes: 20_000 }).getIpDetails('1.2.3.4', o());
    expect(ok.organization).to.have.length(4096 + ' [904 more characters]'.length + 1);
  });

  it('never follows a redirect, however the credentials were added, unless the host allows it', async () => {
    // The host's own fetch adds the token (no `headers` option): the service redirects elsewhere.
    const stolen: Array<string | null> = [];
    worker.use(
      http.get('/api/ips/:ip', () => new HttpResponse(null, { status: 302, headers: { Location: '/elsewhere/steal' } })),
      http.get('/elsewhere/steal', ({ request }) => {
        stolen.push(request.headers.get('Authorization'));
        return HttpResponse.json({ ip: '1.2.3.4', reverseDns: [] });
      }),
    );
    const withToken = ((url: RequestInfo | URL, init?: RequestInit) => fetch(url, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), Authorization: 'Bearer secret' } })) as typeof fetch;
    for (const options of [{ fetch: withToken }, { headers: { 'X-Api-Key': 'secret' } }, {}]) {
      const err = await dataError(api(options).getIpDetails('1.2.3.4', o()));
      expect(err.kind, JSON.stringify(Object.keys(options))).to.equal('bad-response');
      expect(err.message).to.contain('redirect');
    }
    expect(stolen, 'the redirect target was never asked').to.deep.equal([]);
    // A host whose service redirects by design opts in.
    const followed = await api({ fetch: withToken, followRedirects: true }).getIpDetails('1.2.3.4', o());
    expect(followed.ip).to.equal('1.2.3.4');
    expect(stolen).to.deep.equal(['Bearer secret']);
  });

  it('sends one Idempotency-Key per change: a retry after a timeout is applied once', async () => {
    const keys: Array<string | null> = [];
    worker.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') keys.push(request.headers.get('Idempotency-Key'));
    });
    const input = { indicatorValue: '203.0.113.7', indicatorType: 'IpAddress' as const, action: 'Block', title: 'Retry me', description: 'once', generateAlert: false };
    const p = api();
    const first = await p.addIndicator(input, { ...o(), idempotencyKey: 'draft-1' });
    const again = await p.addIndicator(input, { ...o(), idempotencyKey: 'draft-1' });
    expect(again.id).to.equal(first.id);
    const other = await p.addIndicator(input, o());
    expect(other.id).to.not.equal(first.id);
    worker.events.removeAllListeners();
    expect(keys.slice(0, 2)).to.deep.equal(['draft-1', 'draft-1']);
    expect(keys[2]).to.be.a('string').and.not.equal('draft-1');

    worker.use(http.post('/api/indicators', async () => {
      await delay(2000);
      return HttpResponse.json({});
    }));
    const err = await dataError(api({ timeoutMs: 200 }).addIndicator(input, o()));
    expect(err.kind).to.equal('timeout');
    expect(err.message).to.contain('may have been applied');
  });

  it('refuses ids that would address another resource, and sends the IP canonical', async () => {
    const paths: string[] = [];
    worker.events.on('request:start', ({ request }) => paths.push(new URL(request.url).pathname));
    for (const id of ['.', '..', '']) {
      const err = await dataError(api().listDeviceEvents('203.0.113.7', id, range, o()));
      expect(err.kind, `id ${JSON.stringify(id)}`).to.equal('invalid-input');
    }
    const err = await dataError(api().getIpDetails('127.1', o()));
    expect(err.kind).to.equal('invalid-input');
    expect(paths).to.deep.equal([]);
    await api().getIpDetails('2001:DB8:0:0::0001', o());
    worker.events.removeAllListeners();
    expect(paths).to.deep.equal([`/api/ips/${encodeURIComponent('2001:db8::1')}`]);
  });

  it('updates all or nothing: an unknown id changes none', async () => {
    const p = api();
    const page = await p.listAlerts('203.0.113.7', { range, offset: 0, limit: 2 }, o());
    const [a] = page.items;
    const err = await dataError(p.updateAlerts([a!.id, 'no-such-id'], { status: 'resolved' }, o()));
    expect(err.kind).to.equal('not-found');
    const again = await p.listAlerts('203.0.113.7', { range, offset: 0, limit: 2 }, o());
    expect(again.items[0]!.status).to.equal(a!.status);
  });

  it('reports a network failure as network', async () => {
    worker.use(http.get('/api/ips/:ip', () => HttpResponse.error()));
    const err = await dataError(api().getIpDetails('1.2.3.4', o()));
    expect(err.kind).to.equal('network');
  });

  it('rejects an HTML page instead of JSON as bad-response', async () => {
    worker.use(http.get('/api/ips/:ip', () => HttpResponse.html('<!doctype html><title>Login</title>')));
    const err = await dataError(api().getIpDetails('1.2.3.4', o()));
    expect(err.kind).to.equal('bad-response');
    expect(err.message).to.match(/web page/);
  });

  it('rejects invalid JSON as bad-response', async () => {
    worker.use(http.get('/api/ips/:ip', () => new HttpResponse('{"ip": ', { headers: { 'Content-Type': 'application/json' } })));
    expect((await dataError(api().getIpDetails('1.2.3.4', o()))).kind).to.equal('bad-response');
  });

  it('names the missing or wrong field in a bad-response', async () => {
    worker.use(http.get('/api/ips/:ip/alerts', () => HttpResponse.json({ total: 3 })));
    let err = await dataError(api().listAlerts('1.2.3.4', { offset: 0, limit: 10 }, o()));
    expect(err.kind).to.equal('bad-response');
    expect(err.field).to.equal('items');
    expect(err.method).to.equal('listAlerts');
    expect(err.message).to.contain('listAlerts → items: expected a list, got missing');

    // A row that cannot be read fails only itself: it keeps its place, saying why.
    worker.use(http.get('/api/ips/:ip/alerts', () => HttpResponse.json({ items: [{ id: 'a1', title: 42, lastActivity: '2026-11-01T00:00:00Z' }, { id: 'a2', title: 't', lastActivity: 'yesterday' }, { id: 'a3', title: 'ok', lastActivity: '2026-11-01T00:00:00Z' }], total: 3 })));
    const page = await api().listAlerts('1.2.3.4', { offset: 0, limit: 10 }, o());
    expect(page.items.map((a) => a.unreadable?.reason.split(':')[0] ?? a.title)).to.deep.equal(['title', 'lastActivity', 'ok']);

    worker.use(http.get('/api/ips/:ip/summary', () => HttpResponse.json([1, 2, 3])));
    err = await dataError(api().getSecuritySummary('1.2.3.4', range, o()));
    expect(err.kind).to.equal('bad-response');
  });

  it('keeps unknown enum values and normalizes known wire spellings', async () => {
    worker.use(http.get('/api/ips/:ip/alerts', () => HttpResponse.json({
      items: [
        { id: 1, title: 't', severity: 'High', status: 'InProgress', classification: 'Informational, expected activity', determination: 'SecurityTesting', lastActivity: '2026-11-01T00:00:00+02:00' },
        { id: 'x', title: 't', severity: 'catastrophic', status: 'awaitingAction', classification: 'unknown', lastActivity: 1_700_000_000_000 },
      ],
      total: 2,
    })));
    const page = await api().listAlerts('1.2.3.4', { offset: 0, limit: 10 }, o());
    expect(page.items[0]).to.include({ id: '1', severity: 'high', status: 'inProgress', classification: 'informationalExpectedActivity', determination: 'securityTesting', lastActivity: '2026-10-31T22:00:00.000Z' });
    expect(page.items[1]).to.include({ severity: 'catastrophic', status: 'awaitingAction', classification: null });
  });

  it('passes hostile strings through as plain data, unchanged', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    worker.use(http.get('/api/ips/:ip', () => HttpResponse.json({ ip: '1.2.3.4', organization: hostile, reverseDns: ['javascript:alert(1)'], whois: { abuseContact: '=cmd|"/c calc"!A1' } })));
    const d = await api().getIpDetails('1.2.3.4', o());
    expect(d.organization).to.equal(hostile);
    expect(d.reverseDns).to.deep.equal(['javascript:alert(1)']);
    expect(d.whois?.abuseContact).to.equal('=cmd|"/c calc"!A1');
  });

  it('sends configured headers, from an object or an async function', async () => {
    let seen: string | null = null;
    worker.use(http.get('/api/device-groups', ({ request }) => {
      seen = request.headers.get('Authorization');
      return HttpResponse.json({ items: [] });
    }));
    await api({ headers: { Authorization: 'Bearer a' } }).listDeviceGroups(o());
    expect(seen).to.equal('Bearer a');
    await api({ headers: async () => ({ Authorization: 'Bearer b' }) }).listDeviceGroups(o());
    expect(seen).to.equal('Bearer b');
  });

  it('uses a provided fetch', async () => {
    const urls: string[] = [];
    const p = new RestIpDataProvider({ baseUrl: 'https://soc.example/api/', fetch: async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify({ items: ['G'] }), { headers: { 'Content-Type': 'application/json' } });
    } });
    expect(await p.listDeviceGroups(o())).to.deep.equal(['G']);
    expect(urls).to.deep.equal(['https://soc.example/api/device-groups']);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).to.equal(5);
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    const now = Date.parse('2026-11-23T13:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 13:00:30 GMT', now)).to.equal(30);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:00 GMT', now)).to.equal(0);
  });
});
