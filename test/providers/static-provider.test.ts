import { expect } from '@open-wc/testing';
import { IpDataError } from '../../src/data/errors.js';
import { resolveCapabilities } from '../../src/data/provider.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { guardProvider } from '../../src/providers/guard.js';
import { PageProvider } from '../../src/components/entity-page/page-provider.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import { at, makeAlert, makeDevice, makeEvent } from '../helpers/fixtures.js';

const o = () => ({ signal: new AbortController().signal });
const range = { from: new Date(at(0)), to: new Date(at(24 * 30)) };

function provider(extra: Partial<ConstructorParameters<typeof StaticIpDataProvider>[0]> = {}) {
  return new StaticIpDataProvider({
    data: {
      '203.0.113.7': {
        details: { organization: 'Northwind Cloud Hosting B.V.', asn: 64496, countryCode: 'NL', reverseDns: ['vps.nwcloud.example'] },
        alerts: [
          makeAlert({ id: 'i1', kind: 'incident', severity: 'high', status: 'inProgress', lastActivity: at(50), firstActivity: at(10) }),
          makeAlert({ id: 'a1', severity: 'high', status: 'new', lastActivity: at(40), firstActivity: at(39), incidentId: 'i1' }),
          makeAlert({ id: 'a2', severity: 'low', status: 'resolved', lastActivity: at(30), firstActivity: at(29), incidentId: 'i1' }),
          makeAlert({ id: 'old', severity: 'medium', status: 'new', lastActivity: at(-24 * 365), firstActivity: at(-24 * 365) }),
        ],
        devices: [
          makeDevice({ id: 'd1', name: 'WS-1', firstSeen: at(1), lastSeen: at(48) }),
          makeDevice({ id: 'd2', name: 'WS-2', firstSeen: at(20), lastSeen: at(22) }),
        ],
        deviceEvents: { d1: [makeEvent({ timestamp: at(48) }), makeEvent({ timestamp: at(2), actionType: 'DnsQueryResponse' })] },
      },
      '::ffff:198.51.100.1': { details: { organization: 'Mapped' } },
    },
    ...extra,
  });
}

describe('StaticIpDataProvider', () => {
  it('serves details by canonical IP, whatever form was used as key or asked for', async () => {
    const p = provider();
    expect((await p.getIpDetails('203.0.113.7', o())).organization).to.equal('Northwind Cloud Hosting B.V.');
    expect((await p.getIpDetails('::ffff:203.0.113.7', o())).organization).to.equal('Northwind Cloud Hosting B.V.');
    expect((await p.getIpDetails('198.51.100.1', o())).organization).to.equal('Mapped');
  });

  it('treats an unknown IP as never observed, not as an error', async () => {
    const p = provider();
    const d = await p.getIpDetails('192.0.2.200', o());
    expect(d).to.deep.include({ ip: '192.0.2.200', reverseDns: [] });
    const s = await p.getSecuritySummary('192.0.2.200', range, o());
    expect(s).to.include({ openIncidents: 0, activeAlerts: 0, organizationPrevalence: 0, firstSeen: undefined });
    expect((await p.listAlerts('192.0.2.200', { offset: 0, limit: 10 }, o())).total).to.equal(0);
  });

  it('derives the summary from alerts and devices in the range', async () => {
    const s = await provider().getSecuritySummary('203.0.113.7', range, o());
    expect(s).to.deep.include({ openIncidents: 1, activeAlerts: 1, organizationPrevalence: 2 });
    expect(s.incidentsBySeverity).to.deep.equal({ high: 1, medium: 0, low: 0, informational: 0 });
    expect(s.alertsBySeverity).to.deep.equal({ high: 1, medium: 0, low: 1, informational: 0 });
    expect(s.firstSeen).to.equal(at(1));
    expect(s.lastSeen).to.equal(at(48));
  });

  it('derives prevalence buckets and alert marks', async () => {
    const prev = await provider().getPrevalence('203.0.113.7', range, o());
    expect(prev.bucket).to.equal('day');
    expect(prev.totalDevices).to.equal(2);
    const day0 = prev.buckets.find((b) => b.start === at(0));
    expect(day0?.devices).to.equal(2); // WS-1 from 01:00, WS-2 at 20:00–22:00
    const day2 = prev.buckets.find((b) => b.start === at(48));
    expect(day2?.devices).to.equal(1); // WS-1 last seen at 00:00 that day
    const day3 = prev.buckets.find((b) => b.start === at(72));
    expect(day3?.devices).to.equal(0);
    expect(prev.alertMarks.map((m) => m.id)).to.deep.equal(['i1', 'a2', 'a1']);
  });

  it('lists alerts through the shared query (filter, sort, range)', async () => {
    const p = provider();
    const page = await p.listAlerts('203.0.113.7', { range, offset: 0, limit: 10, filter: { incidentId: ['i1'] }, sort: { field: 'severity', direction: 'asc' } }, o());
    expect(page.items.map((a) => a.id)).to.deep.equal(['a2', 'a1']);
    expect((await p.listAlerts('203.0.113.7', { range, offset: 0, limit: 10 }, o())).total).to.equal(3);
  });

  it('caps devices at the limit and keeps the total', async () => {
    const p = provider({ deviceLimit: 1 });
    const page = await p.listObservedDevices('203.0.113.7', { offset: 0, limit: 100 }, o());
    expect(page.items.map((d) => d.name)).to.deep.equal(['WS-1']);
    expect(page.total).to.equal(2);
  });

  it('returns device events oldest first, within the range', async () => {
    const events = await provider().listDeviceEvents('203.0.113.7', 'd1', range, o());
    expect(events.map((e) => e.actionType)).to.deep.equal(['DnsQueryResponse', 'ConnectionSuccess']);
    expect(await provider().listDeviceEvents('203.0.113.7', 'd2', range, o())).to.deep.equal([]);
    try {
      await provider().listDeviceEvents('203.0.113.7', 'zz', range, o());
      throw new Error('expected not-found');
    } catch (e) {
      expect((e as IpDataError).kind).to.equal('not-found');
    }
  });

  it('updates alerts in place and appends comments', async () => {
    const p = provider({ currentUser: 'me@contoso.com' });
    const [u] = await p.updateAlerts(['a1'], { status: 'resolved', classification: 'truePositive', determination: 'malware', comment: 'Contained' }, o());
    expect(u).to.include({ status: 'resolved', classification: 'truePositive', determination: 'malware' });
    expect(u!.comments![0]).to.include({ comment: 'Contained', createdBy: 'me@contoso.com' });
    const page = await p.listAlerts('203.0.113.7', { offset: 0, limit: 10, filter: { status: ['resolved'] } }, o());
    expect(page.items.map((a) => a.id)).to.include('a1');
  });

  it('keeps one copy of the host’s rows: a row read as given is the host’s object, one it normalizes is a copy, and neither is changed', async () => {
    const given = makeAlert({ id: 'g1', lastActivity: at(40), firstActivity: at(39), tags: ['BEC'] });
    const odd = { ...makeAlert({ id: 'g2', lastActivity: at(41), firstActivity: at(39) }), severity: 'High', lastActivity: '2026-11-20T14:05:09+01:00' };
    const device = makeDevice({ id: 'd9', firstSeen: at(1), lastSeen: at(48) });
    const oddCopy = structuredClone(odd);
    const p = new StaticIpDataProvider({ data: { '203.0.113.7': { alerts: [given, odd], devices: [device] } } });
    const page = await p.listAlerts('203.0.113.7', { offset: 0, limit: 10, range: { from: new Date(0), to: new Date(at(24 * 30)) } }, o());
    const byId = new Map(page.items.map((a) => [a.id, a]));
    expect(byId.get('g1')).to.equal(given);
    expect(byId.get('g2')).to.not.equal(odd);
    expect(byId.get('g2')).to.include({ severity: 'high', lastActivity: '2026-11-20T13:05:09.000Z' });
    expect(odd).to.deep.equal(oddCopy);
    expect((await p.listObservedDevices('203.0.113.7', { offset: 0, limit: 10, range }, o())).items[0]).to.equal(device);
    await p.updateAlerts(['g1'], { status: 'resolved' }, o());
    expect(given.status).to.not.equal('resolved');
  });

  it('is not read a second time behind the page’s layers: there too a row is the host’s object, with templates or without', async () => {
    const given = makeAlert({ id: 'g1', lastActivity: at(40), firstActivity: at(39) });
    const p = new StaticIpDataProvider({ data: { '203.0.113.7': { alerts: [given], devices: [makeDevice({ id: 'd1', firstSeen: at(1), lastSeen: at(48) })] } } });
    const query = { offset: 0, limit: 10, range };
    for (const templates of [{}, { alert: 'https://portal.example/alerts/{id}' }]) {
      const layer = new PageProvider().resolve(p, templates, () => '203.0.113.7')!;
      expect((await layer.listAlerts('203.0.113.7', query, o())).items[0], JSON.stringify(templates)).to.equal(given);
    }
    // A host's own wrapper around it is read as any other provider: its rows are the readers' copies.
    const wrapper: IpDataProvider = {
      getIpDetails: (...a) => p.getIpDetails(...a),
      getSecuritySummary: (...a) => p.getSecuritySummary(...a),
      getLogActivity: (...a) => p.getLogActivity(...a),
      getPrevalence: (...a) => p.getPrevalence(...a),
      listAlerts: (...a) => p.listAlerts(...a),
      listObservedDevices: (...a) => p.listObservedDevices(...a),
    };
    const read = (await new PageProvider().resolve(wrapper, {}, () => '203.0.113.7')!.listAlerts('203.0.113.7', query, o())).items[0];
    expect(read).to.not.equal(given);
    expect(read).to.deep.include({ id: 'g1', title: given.title });
  });

  it('updates all or nothing: an unknown id changes none', async () => {
    const p = provider();
    try {
      await p.updateAlerts(['a1', 'no-such'], { status: 'resolved' }, o());
      throw new Error('expected not-found');
    } catch (e) {
      expect((e as IpDataError).kind).to.equal('not-found');
    }
    const page = await p.listAlerts('203.0.113.7', { offset: 0, limit: 10, filter: { status: ['resolved'] } }, o());
    expect(page.items.map((a) => a.id)).to.not.include('a1');
  });

  it('is read-only when asked, and says so in its capabilities', async () => {
    const p = provider({ readOnly: true });
    const caps = await resolveCapabilities(p, o());
    expect(caps.updateAlerts).to.equal(false);
    expect(caps.addIndicator).to.equal(false);
    expect(caps.timeline).to.equal(false);
    try {
      await p.updateAlerts(['a1'], { status: 'resolved' }, o());
      throw new Error('expected forbidden');
    } catch (e) {
      expect((e as IpDataError).kind).to.equal('forbidden');
    }
    const writable = await resolveCapabilities(provider({ sentinel: true }), o());
    expect(writable).to.include({ updateAlerts: true, addIndicator: true, timeline: true, insights: true });
  });

  it('records indicators and validates them', async () => {
    const p = provider();
    const ind = await p.addIndicator({ indicatorValue: '203.0.113.7', indicatorType: 'IpAddress', action: 'Block', title: 'C2', description: 'd', generateAlert: false }, o());
    expect(ind.id).to.be.a('string');
    expect(p.indicators.length).to.equal(1);
    try {
      await p.addIndicator({ indicatorValue: '203.0.113.7', indicatorType: 'IpAddress', action: 'Block', title: ' ', description: 'd', generateAlert: false }, o());
      throw new Error('expected invalid-input');
    } catch (e) {
      expect((e as IpDataError).kind).to.equal('invalid-input');
    }
  });

  it('fails one IP with bad-response on garbage data, naming the field, without breaking others', async () => {
    const p = new StaticIpDataProvider({
      data: {
        '192.0.2.1': { alerts: [{ id: 'x', title: 7 } as never] },
        '192.0.2.2': { details: { organization: 'Fine' } },
      },
    });
    try {
      await p.listAlerts('192.0.2.1', { offset: 0, limit: 1 }, o());
      throw new Error('expected bad-response');
    } catch (e) {
      expect((e as IpDataError).kind).to.equal('bad-response');
      expect((e as IpDataError).field).to.equal('data["192.0.2.1"].alerts[0].title');
    }
    expect((await p.getIpDetails('192.0.2.2', o())).organization).to.equal('Fine');
  });

  it('refuses an invalid key at construction', () => {
    expect(() => new StaticIpDataProvider({ data: { '127.1': {} } })).to.throw(/not a valid IP/);
  });

  it('simulates latency and honours abort', async () => {
    const p = provider({ latencyMs: 5000 });
    const controller = new AbortController();
    const pending = p.getIpDetails('203.0.113.7', { signal: controller.signal });
    controller.abort();
    let name = '';
    try {
      await pending;
    } catch (e) {
      name = (e as Error).name;
    }
    expect(name).to.equal('AbortError');
  });

  it('refuses a range with more days than can be counted before building a bucket, whoever calls', async () => {
    const far = { from: new Date(at(0)), to: new Date('9999-12-31T00:00:00Z') };
    const started = performance.now();
    let error: unknown;
    try {
      await guardProvider(provider()).getPrevalence('203.0.113.7', far, o());
    } catch (e) {
      error = e;
    }
    expect((error as IpDataError).kind).to.equal('invalid-input');
    expect((error as Error).message).to.contain('more than 10,000 days');
    expect(performance.now() - started, 'no bucket was built').to.be.below(500);
    // Unguarded, the provider's own bucketing refuses as well.
    let direct: unknown;
    try {
      await provider().getPrevalence('203.0.113.7', far, o());
    } catch (e) {
      direct = e;
    }
    expect(direct).to.be.instanceOf(Error);
  });
});
