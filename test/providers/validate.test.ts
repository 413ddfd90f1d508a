import { expect } from '@open-wc/testing';
import { rawText, RAW_TEXT_LIMIT } from '../../src/providers/read/rows.js';
import { IpDataError } from '../../src/data/errors.js';
import { LIMITS, readAnswer, toIsoTime } from '../../src/providers/validate.js';
import { guardProvider } from '../../src/providers/guard.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';

function fails(fn: () => unknown): IpDataError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(IpDataError);
    return e as IpDataError;
  }
  throw new Error('expected a bad-response');
}

const o = () => ({ signal: new AbortController().signal });
const summary = { openIncidents: 1, activeAlerts: 2 };

describe('answer readers', () => {
  it('reads dates only with a time zone, and normalizes them to ISO UTC', () => {
    expect(toIsoTime('2026-11-20T14:05:09Z')).to.equal('2026-11-20T14:05:09.000Z');
    expect(toIsoTime('2026-11-20T14:05:09.1234567Z')).to.equal('2026-11-20T14:05:09.123Z');
    expect(toIsoTime('2026-11-20T16:05:09+02:00')).to.equal('2026-11-20T14:05:09.000Z');
    expect(toIsoTime('2026-11-20T16:05:09+0200')).to.equal('2026-11-20T14:05:09.000Z');
    expect(toIsoTime('2026-11-20 14:05Z')).to.equal('2026-11-20T14:05:00.000Z');
    // Canonical text is kept as it came (the same string, not a copy); a canonical-looking impossible date is not.
    const canonical = '2026-11-20T14:05:09.000Z';
    expect(toIsoTime(canonical)).to.equal(canonical);
    expect(toIsoTime('2026-02-30T00:00:00.000Z')).to.equal(undefined);
    expect(toIsoTime('2026-11-20T24:00:00.000Z')).to.equal(undefined);
    for (const bad of ['2026-11-20T14:05:09', '2026-11-20', 'yesterday', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-20T25:00:00Z', '', 'Fri, 20 Nov 2026 14:05:09 GMT']) {
      expect(toIsoTime(bad), bad).to.equal(undefined);
    }
  });

  it('reads epoch numbers as seconds below 1e11 and milliseconds above, and refuses dates out of range', () => {
    expect(toIsoTime(1_763_647_509)).to.equal('2025-11-20T14:05:09.000Z');
    expect(toIsoTime(1_763_647_509_000)).to.equal('2025-11-20T14:05:09.000Z');
    expect(toIsoTime(0)).to.equal('1970-01-01T00:00:00.000Z');
    for (const bad of [1e308, -1e308, 8.65e15, NaN, Infinity]) expect(toIsoTime(bad), String(bad)).to.equal(undefined);
    const err = fails(() => readAnswer('getSecuritySummary', { ...summary, lastSeen: 1e308 }));
    expect(err.kind).to.equal('bad-response');
    expect(err.field).to.equal('lastSeen');
  });

  it('names the method and the field, and says what was expected', () => {
    const err = fails(() => readAnswer('getLogActivity', { sources: [], loggedHosts: 'host-1' }));
    expect(err.message).to.contain('getLogActivity → loggedHosts: expected a list, got “host-1”');
    expect(err.method).to.equal('getLogActivity');
    expect(err.field).to.equal('loggedHosts');
    const root = fails(() => readAnswer('getPrevalence', null));
    expect(root.message).to.contain('getPrevalence: expected an object, got null');
    // Inside a row, a value that cannot be read is left out and named on the row; the row stays.
    const deep = readAnswer('listAlerts', { items: [{ id: 'a', title: 't', lastActivity: '2026-11-01T00:00:00Z', impactedAssets: [{ name: 7 }] }], total: 1 }, 10).items[0]!;
    expect(deep.impactedAssets).to.deep.equal([]);
    expect(deep.partial).to.deep.equal(['impactedAssets[0].name: expected text, got 7']);
  });

  it("keeps a prevalence point's device names as a sample: at most five, text only, never the chart refused for them", () => {
    const bucket = (deviceNames: unknown) => readAnswer('getPrevalence', { bucket: 'day', buckets: [{ start: '2026-11-01T00:00:00Z', devices: 9, deviceNames }], totalDevices: 9, alertMarks: [] }).buckets[0]!;
    expect(bucket(['a', 7, null, '', 'b', 'c', 'd', 'e', 'f']).deviceNames).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(bucket('WS-1').deviceNames, 'not a list: left out').to.equal(undefined);
    expect(bucket([]).deviceNames).to.equal(undefined);
    expect(bucket(undefined)).to.deep.equal({ start: '2026-11-01T00:00:00.000Z', devices: 9 });
  });

  it("keeps an unreadable row's raw JSON short: long lists cut while serializing", () => {
    const huge = { id: Array.from({ length: 20_000 }, () => 'tl-0') };
    const text = rawText(huge);
    expect(text.length).to.be.below(RAW_TEXT_LIMIT);
    expect(text).to.contain('"tl-0","…"]');
    expect(text.match(/tl-0/g)).to.have.length(100);
    // Thousands of rows sharing one such value read in bounded time and memory (a fuzz case once ran out of memory).
    const events = readAnswer('getTimeline', Array.from({ length: 5_000 }, () => huge));
    expect(events).to.have.length(5_000);
  });

  it('reads threat intelligence ports: a port outside 0–65535 makes its row unreadable, the others stay', () => {
    const page = readAnswer('listThreatIntel', { items: [{ port: 70_000, protocol: 'tcp' }, { port: 443, protocol: 'tcp', status: 'open', services: ['nginx 1.18.0'], banner: 'HTTP/1.1 200 OK', timesObserved: 12, lastScan: '2026-11-20T10:00:00Z' }], total: 2 }, 10, ['203.0.113.7', 'ports', { offset: 0, limit: 10 }]);
    expect(page.items).to.have.length(2);
    expect(page.items[0]!.unreadable?.reason).to.contain('port');
    expect(page.items[1]).to.include({ port: 443, status: 'open', banner: 'HTTP/1.1 200 OK', timesObserved: 12 });
  });

  it('reads the indicators set for an IP, and names the one it cannot read', () => {
    const good = { id: '7', indicatorValue: '203.0.113.7', action: 'Block', title: 'C2', creationTimeDateTimeUtc: '2026-11-20T10:00:00Z', expirationTime: '2027-01-01T00:00:00Z', rbacGroupNames: [], createdBySource: 'soc-lead@contoso.com', lastUpdateTime: '2026-11-21T10:00:00Z', lastUpdatedBy: 'analyst@contoso.com' };
    const [read] = readAnswer('listIndicators', [good]);
    expect(read).to.include({ id: '7', action: 'Block', createdBySource: 'soc-lead@contoso.com', lastUpdateTime: '2026-11-21T10:00:00.000Z', lastUpdatedBy: 'analyst@contoso.com' });
    expect(read!.rbacGroupNames).to.deep.equal([]);
    const err = fails(() => readAnswer('listIndicators', [good, { ...good, creationTimeDateTimeUtc: 'yesterday' }]));
    expect(err.message).to.contain('listIndicators → [1].creationTimeDateTimeUtc');
    expect(fails(() => readAnswer('listIndicators', { items: [] })).message).to.contain('listIndicators: expected a list');
  });

  it('refuses negative, fractional and non-numeric counts; ports, coordinates and AS numbers out of range', () => {
    for (const v of [-1, 1.5, 'many', NaN, null, {}]) {
      expect(fails(() => readAnswer('getSecuritySummary', { ...summary, activeAlerts: v })).field, String(v)).to.equal('activeAlerts');
    }
    expect(readAnswer('getSecuritySummary', { ...summary, activeAlerts: '42' }).activeAlerts).to.equal(42);
    const event = (extra: object) => ({ timestamp: '2026-11-01T00:00:00Z', actionType: 'ConnectionSuccess', ...extra });
    expect(readAnswer('listDeviceEvents', [event({ remotePort: 70000 })])[0]!.partial).to.deep.equal(['remotePort: expected a port from 0 to 65535, got 70000']);
    expect(readAnswer('listDeviceEvents', [event({ localPort: -1 })])[0]!).to.not.have.property('localPort');
    expect(readAnswer('listDeviceEvents', [event({ remotePort: 443 })])[0]!.remotePort).to.equal(443);
    // What the provider says it left out of a row is kept, before what could not be read; anything but text is not.
    expect(readAnswer('listDeviceEvents', [event({ partial: ['command line: cut', 7, ''], remotePort: 70000 })])[0]!.partial).to.deep.equal(['command line: cut', 'remotePort: expected a port from 0 to 65535, got 70000']);
    expect(readAnswer('listDeviceEvents', [event({ partial: 'cut' })])[0]!).to.not.have.property('partial');
    expect(fails(() => readAnswer('getIpDetails', { ip: '1.2.3.4', latitude: 91 })).field).to.equal('latitude');
    expect(fails(() => readAnswer('getIpDetails', { ip: '1.2.3.4', longitude: -181 })).field).to.equal('longitude');
    expect(fails(() => readAnswer('getIpDetails', { ip: '1.2.3.4', asn: -5 })).field).to.equal('asn');
  });

  it('reads counts that are lower bounds as such, and whole ones as whole', () => {
    expect(readAnswer('getSecuritySummary', { ...summary, countedOver: { counted: 100, matched: '2345' } }).countedOver).to.deep.equal({ counted: 100, matched: 2345 });
    expect(readAnswer('getSecuritySummary', { ...summary, countedOver: { counted: 50, matched: 50 } }), 'every alert counted').to.not.have.property('countedOver');
    expect(readAnswer('getSecuritySummary', { ...summary, countedOver: null })).to.not.have.property('countedOver');
    expect(fails(() => readAnswer('getSecuritySummary', { ...summary, countedOver: { counted: -1, matched: 5 } })).field).to.equal('countedOver.counted');
  });

  it('reads own properties only: inherited keys and prototype names are never data', () => {
    const proto = { ip: '1.2.3.4', organization: 'Inherited Corp' };
    const details = readAnswer('getIpDetails', Object.assign(Object.create(proto) as object, { ip: '5.6.7.8' }));
    expect(details.organization).to.equal(undefined);
    const parsed = JSON.parse('{"ip":"1.2.3.4","__proto__":{"organization":"Polluted"},"reverseDns":[]}') as unknown;
    expect(readAnswer('getIpDetails', parsed).organization).to.equal(undefined);
    expect(({} as Record<string, unknown>)['organization']).to.equal(undefined);
    const alert = readAnswer('listAlerts', { items: [{ id: 'x', title: 'constructor', severity: 'constructor', status: '__proto__', lastActivity: '2026-11-01T00:00:00Z' }] }, 10).items[0]!;
    expect(alert.severity).to.equal('constructor');
    expect(alert.status).to.equal('__proto__');
  });

  it('cuts long text with a visible note, refuses long lists and ids, ignores page items past the limit', () => {
    const long = 'x'.repeat(100_000);
    const d = readAnswer('getIpDetails', { ip: '1.2.3.4', organization: long });
    expect(d.organization!.length).to.be.lessThan(LIMITS.text + 40);
    expect(d.organization).to.match(/… \[95,904 more characters\]$/);
    const hosts = Array.from({ length: 20_000 }, (_, i) => ({ id: `h${i}`, name: `H${i}` }));
    const err = fails(() => readAnswer('getLogActivity', { sources: [], loggedHosts: hosts }));
    expect(err.message).to.contain('at most 1,000 items, got a list of 20000');
    expect(fails(() => readAnswer('getIpDetails', { ip: '1.2.3.4', whois: { created: 'x' } })).field).to.equal('whois.created');
    const tooLong = readAnswer('listAlerts', { items: [{ id: 'i'.repeat(5000), title: 't', lastActivity: '2026-11-01T00:00:00Z' }] }, 10).items[0]!;
    expect(tooLong.unreadable!.reason).to.equal('id: expected an id of at most 1,024 characters, got text');
    const items = Array.from({ length: 150 }, (_, i) => ({ id: `a${i}`, title: 't', lastActivity: '2026-11-01T00:00:00Z' }));
    const page = readAnswer('listAlerts', { items, total: 150 }, 100);
    expect(page.items).to.have.length(100);
    expect(page.total).to.equal(150);
  });
});

describe('one odd row must not hide every row', () => {
  const t = '2026-11-01T00:00:00Z';
  const alert = (i: number, extra: object = {}) => ({ id: `a${i}`, title: `Alert ${i}`, lastActivity: t, ...extra });

  it('reads the readable rows of a page, and keeps an unreadable one in place with why and what was sent', () => {
    const items = Array.from({ length: 400 }, (_, i) => alert(i));
    items[17] = alert(17, { impactedAssets: [{ name: 'WS-1', id: 'd1' }, { name: 'WS-2', id: 'x'.repeat(100_000) }] });
    items[30] = { id: 'y'.repeat(100_000), title: 'Odd', lastActivity: t };
    items[31] = 'not an object' as never;
    const page = readAnswer('listAlerts', { items, total: 400 }, 400);
    expect(page.items).to.have.length(400);
    expect(page.total).to.equal(400);
    // A value that is not essential: left out, the row shows, and says so.
    expect(page.items[17]!.impactedAssets).to.deep.equal([{ kind: 'device', name: 'WS-1', id: 'd1' }, { kind: 'device', name: 'WS-2' }]);
    expect(page.items[17]!.partial).to.deep.equal(['impactedAssets[1].id: expected an id of at most 1,024 characters, got text']);
    // An essential value: the row keeps its place, unreadable, with the reason and its raw JSON (cut, with a note).
    expect(page.items[30]!.unreadable!.reason).to.equal('id: expected an id of at most 1,024 characters, got text');
    expect(page.items[30]!.unreadable!.raw).to.match(/^\{"id":"y+… \[\d{2},\d{3} more characters\]$/);
    expect(page.items[31]!.unreadable).to.deep.equal({ reason: 'expected an object, got “not an object”', raw: '"not an object"' });
    expect(new Set(page.items.map((a) => a.id)).size, 'every row keeps a distinct id').to.equal(400);
    expect(page.items.filter((a) => a.unreadable)).to.have.length(2);
  });

  it('does the same for devices, device and timeline events, insights and their rows, and threat intelligence lists', () => {
    const device = (i: number, extra: object = {}) => ({ id: `d${i}`, name: `WS-${i}`, firstSeen: t, lastSeen: t, lastEvent: { timestamp: t, actionType: 'ConnectionSuccess' }, ...extra });
    const devices = readAnswer('listObservedDevices', { items: [device(0), device(1, { id: 'z'.repeat(100_000) }), device(2, { lastEvent: { actionType: 7 } })], total: 100 }, 100);
    expect(devices.items.map((d) => Boolean(d.unreadable))).to.deep.equal([false, true, false]);
    expect(devices.items[2]!.lastEvent.unreadable!.reason).to.match(/^lastEvent\.timestamp: expected a date/);
    const timeline = readAnswer('getTimeline', [{ id: 'e1', kind: 'alert', time: t, title: 'ok' }, { id: 'e2', kind: 'alert', time: 'yesterday', title: 'bad' }]);
    expect(timeline[1]!.unreadable!.reason).to.match(/^time: expected a date and time/);
    const events = readAnswer('listDeviceEvents', [{ timestamp: t, actionType: 'DnsQuery' }, { timestamp: t }]);
    expect(events[1]!.unreadable!.reason).to.equal('actionType: expected text, got missing');
    const insights = readAnswer('getInsights', [
      { id: 'i1', title: 'Fine', columns: [{ name: 'A' }], rows: [['x'], 'not a row', [{ nested: true }]] },
      { id: 'i2', title: 'Broken', columns: 'nope', rows: [] },
    ]);
    expect(insights[0]!.rows).to.deep.equal([['x'], [], ['{"nested":true}']]);
    expect(insights[0]!.unreadableRows![1]!.reason).to.equal('expected a list, got “not a row”');
    expect(insights[1]).to.include({ id: 'i2', title: 'Broken' });
    expect(insights[1]!.error).to.equal('columns: expected a list, got “nope”');
    const pdns = readAnswer('listThreatIntel', { items: [{ hostname: 'a.example', lastSeen: t }, { lastSeen: t }, { hostname: 'b.example', lastSeen: 'soon' }], total: 3 }, 10, ['203.0.113.7', 'passiveDns']);
    expect(pdns.items[1]!.unreadable!.reason).to.equal('hostname: expected text, got missing');
    expect(pdns.items[2]!.partial).to.deep.equal(['lastSeen: expected a date and time with a time zone (ISO 8601, e.g. 2026-11-20T14:05:09Z), got “soon”']);
  });

  it('fails the whole page only when the page itself is malformed', () => {
    expect(fails(() => readAnswer('listAlerts', { total: 3 }, 10)).field).to.equal('items');
    expect(fails(() => readAnswer('listAlerts', { items: [], total: -1 }, 10)).field).to.equal('total');
    expect(fails(() => readAnswer('listAlerts', 'nope', 10)).message).to.contain('expected an object');
  });
});

describe('guardProvider', () => {
  const base = (over: Partial<Record<string, unknown>> = {}) =>
    ({
      getIpDetails: async () => ({ ip: '203.0.113.7', reverseDns: [] }),
      getSecuritySummary: async () => summary,
      getLogActivity: async () => ({ sources: [], loggedHosts: [] }),
      getPrevalence: async () => ({ buckets: [], totalDevices: 0 }),
      listAlerts: async () => ({ items: [], total: 0 }),
      listObservedDevices: async () => ({ items: [], total: 0 }),
      ...over,
    }) as unknown as IpDataProvider;

  it('reads every answer of a host’s provider, and keeps the provider’s identity stable', async () => {
    const p = base({ getLogActivity: async () => ({ sources: [], loggedHosts: 'nope' }) });
    const g = guardProvider(p);
    expect(guardProvider(p)).to.equal(g);
    expect(guardProvider(g)).to.equal(g);
    let error: unknown;
    try {
      await g.getLogActivity('203.0.113.7', { from: new Date(), to: new Date() }, o());
    } catch (e) {
      error = e;
    }
    expect((error as IpDataError).message).to.contain('getLogActivity → loggedHosts: expected a list');
    expect((await g.getIpDetails('203.0.113.7', o())).reverseDns).to.deep.equal([]);
  });

  it('turns a method that throws into a rejection, and lets go of one that never answers when aborted', async () => {
    const g = guardProvider(
      base({
        getIpDetails: () => {
          throw new TypeError('boom');
        },
        getPrevalence: () => new Promise(() => undefined),
      }),
    );
    const p = g.getIpDetails('203.0.113.7', o());
    expect(p).to.be.instanceOf(Promise);
    let err: unknown;
    await p.catch((e: unknown) => (err = e));
    expect((err as Error).message).to.equal('boom');
    const controller = new AbortController();
    const never = g.getPrevalence('203.0.113.7', { from: new Date(), to: new Date() }, { signal: controller.signal });
    controller.abort();
    let aborted: unknown;
    await never.catch((e: unknown) => (aborted = e));
    expect((aborted as Error).name).to.equal('AbortError');
  });

  it('reads the answers of a proxy or wrapper around one of our providers (only our instances are trusted)', async () => {
    const ours = new StaticIpDataProvider({ data: {} });
    const wrapped = new Proxy(ours, {
      get: (t, p) => (p === 'getLogActivity' ? async () => ({ sources: [], loggedHosts: 'x' }) : (Reflect.get(t, p, t) as unknown)),
    });
    let error: unknown;
    await guardProvider(wrapped)
      .getLogActivity('203.0.113.7', { from: new Date(), to: new Date() }, o())
      .catch((e: unknown) => (error = e));
    expect((error as IpDataError).field).to.equal('loggedHosts');
  });

  it('keeps only the methods the provider has, and only safe links', () => {
    const g = guardProvider(
      base({
        links: {
          device: (id: string) => `javascript:alert(${id})`,
          alert: (id: string) => `https://portal.example/alerts/${id}`,
          incident: () => {
            throw new Error('broken resolver');
          },
        },
        huntingQuery: () => 42,
      }),
    );
    expect(typeof g.updateAlerts).to.equal('undefined');
    expect(typeof g.listAlerts).to.equal('function');
    expect(g.links!.device!('d1')).to.equal(undefined);
    expect(g.links!.alert!('a1')).to.equal('https://portal.example/alerts/a1');
    expect(g.links!.incident!('i1')).to.equal(undefined);
    expect(g.huntingQuery!('203.0.113.7', { from: new Date(), to: new Date() }, 'kql-defender')).to.equal(undefined);
  });
});
