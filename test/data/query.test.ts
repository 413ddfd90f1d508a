import { expect } from '@open-wc/testing';
import type { AlertItem, TimelineEvent } from '../../src/data/model.js';
import { ALERT_SORT_FIELDS, type AlertQuery } from '../../src/data/provider.js';
import { listSource, queryAlerts, queryDevices, queryTimeline, toMs } from '../../src/data/query.js';
import { IpDataset } from '../../mocks/generator/dataset.js';
import { at, makeAlert, makeDevice, makeEvent } from '../helpers/fixtures.js';

const ids = (items: { id: string }[]) => items.map((a) => a.id);
const all = (extra: Partial<AlertQuery> = {}): AlertQuery => ({ offset: 0, limit: 1000, ...extra });

function sample(): AlertItem[] {
  return [
    makeAlert({ id: 'a', title: 'Beta beacon', severity: 'high', status: 'new', lastActivity: at(10), firstActivity: at(9), assignedTo: 'kim@contoso.com', category: 'CommandAndControl', detectionSource: 'antivirus' }),
    makeAlert({ id: 'b', title: 'alpha exfil', severity: 'low', status: 'resolved', classification: 'truePositive', determination: 'malware', lastActivity: at(30), firstActivity: at(29), assignedTo: null, category: 'Exfiltration' }),
    makeAlert({ id: 'c', kind: 'incident', title: 'Gamma incident', severity: 'high', status: 'inProgress', lastActivity: at(20), firstActivity: at(1), assignedTo: 'nair@contoso.com', alertCount: 2, impactedAssets: [{ kind: 'user', name: 'jsmith@contoso.com' }, { kind: 'device', name: 'WS-FIN-0231' }] }),
    makeAlert({ id: 'd', title: 'Delta (scan) [x]', severity: 'informational', status: 'new', lastActivity: at(20), firstActivity: at(19), incidentId: 'c', description: 'Port 3389 probed' }),
    makeAlert({ id: 'e', title: 'Epsilon', severity: 'unknownFutureValue', status: 'resolved', classification: 'falsePositive', lastActivity: at(5), firstActivity: at(4), incidentId: 'c' }),
  ];
}

describe('data/query queryAlerts', () => {
  it('orders by last activity, newest first, ties by position', () => {
    expect(ids(queryAlerts(sample(), all()).items)).to.deep.equal(['b', 'c', 'd', 'a', 'e']);
  });

  it('reports the total and pages by offset and limit', () => {
    const page = queryAlerts(sample(), all({ offset: 1, limit: 2 }));
    expect(page.total).to.equal(5);
    expect(ids(page.items)).to.deep.equal(['c', 'd']);
    expect(queryAlerts(sample(), all({ offset: 4, limit: 10 })).items.length).to.equal(1);
    expect(queryAlerts(sample(), all({ offset: 99, limit: 10 })).items).to.deep.equal([]);
    expect(queryAlerts(sample(), all({ offset: 0, limit: 0 })).items).to.deep.equal([]);
    expect(queryAlerts(sample(), all({ offset: -5, limit: 1 })).items.length).to.equal(1);
    expect(queryAlerts(sample(), all({ offset: 1.7, limit: 1.2 })).items.length).to.equal(1);
    expect(queryAlerts([], all()).total).to.equal(0);
  });

  it('filters by each value-list field', () => {
    const cases: Array<[AlertQuery['filter'], string[]]> = [
      [{ kind: ['incident'] }, ['c']],
      [{ severity: ['high'] }, ['c', 'a']],
      [{ severity: ['high', 'low'] }, ['b', 'c', 'a']],
      [{ status: ['resolved'] }, ['b', 'e']],
      [{ classification: ['truePositive', 'falsePositive'] }, ['b', 'e']],
      [{ classification: [null] }, ['c', 'd', 'a']],
      [{ determination: ['malware'] }, ['b']],
      [{ category: ['Exfiltration'] }, ['b']],
      [{ assignedTo: [null] }, ['b', 'd', 'e']],
      [{ assignedTo: ['kim@contoso.com'] }, ['a']],
      [{ detectionSource: ['antivirus'] }, ['a']],
      [{ incidentId: ['c'] }, ['d', 'e']],
      [{ severity: ['high'], status: ['new'] }, ['a']],
      [{ severity: [] }, ['b', 'c', 'd', 'a', 'e']],
    ];
    for (const [filter, expected] of cases) {
      expect(ids(queryAlerts(sample(), all({ filter })).items), JSON.stringify(filter)).to.deep.equal(expected);
    }
  });

  it('searches title, description, id and impacted assets, case-insensitively, literally', () => {
    expect(ids(queryAlerts(sample(), all({ search: 'ALPHA' })).items)).to.deep.equal(['b']);
    expect(ids(queryAlerts(sample(), all({ search: '3389' })).items)).to.deep.equal(['d']);
    expect(ids(queryAlerts(sample(), all({ search: 'ws-fin' })).items)).to.deep.equal(['c']);
    expect(ids(queryAlerts(sample(), all({ search: '(scan) [x]' })).items)).to.deep.equal(['d']);
    expect(ids(queryAlerts(sample(), all({ search: '.*' })).items)).to.deep.equal([]);
    expect(queryAlerts(sample(), all({ search: '   ' })).total).to.equal(5);
  });

  it('keeps items whose activity overlaps the range', () => {
    const range = { from: new Date(at(6)), to: new Date(at(19)) };
    // a: 9–10 in; b: 29–30 out; c: 1–20 overlaps; d: starts 19 = to (exclusive) out; e: 4–5 out
    expect(ids(queryAlerts(sample(), all({ range })).items)).to.deep.equal(['c', 'a']);
  });

  it('sorts by every sortable field in both directions, unset values last', () => {
    const items = sample();
    for (const field of ALERT_SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        const result = queryAlerts(items, all({ sort: { field, direction } })).items;
        expect(result.length, `${field} ${direction}`).to.equal(5);
      }
    }
    expect(ids(queryAlerts(items, all({ sort: { field: 'title', direction: 'asc' } })).items)).to.deep.equal(['b', 'a', 'd', 'e', 'c']);
    expect(ids(queryAlerts(items, all({ sort: { field: 'title', direction: 'desc' } })).items)).to.deep.equal(['c', 'e', 'd', 'a', 'b']);
    // severity rank: high > medium > low > informational > unknown values
    expect(ids(queryAlerts(items, all({ sort: { field: 'severity', direction: 'desc' } })).items)).to.deep.equal(['c', 'a', 'b', 'd', 'e']);
    expect(ids(queryAlerts(items, all({ sort: { field: 'severity', direction: 'asc' } })).items)).to.deep.equal(['e', 'd', 'b', 'c', 'a']);
    // unset assignee last in both directions
    expect(ids(queryAlerts(items, all({ sort: { field: 'assignedTo', direction: 'asc' } })).items)).to.deep.equal(['a', 'c', 'b', 'd', 'e']);
    expect(ids(queryAlerts(items, all({ sort: { field: 'assignedTo', direction: 'desc' } })).items)).to.deep.equal(['c', 'a', 'b', 'd', 'e']);
    expect(ids(queryAlerts(items, all({ sort: { field: 'firstActivity', direction: 'asc' } })).items)).to.deep.equal(['c', 'e', 'a', 'd', 'b']);
  });

  it('is stable: equal keys keep the default order (newest first)', () => {
    const items = Array.from({ length: 50 }, (_, i) => makeAlert({ id: `s${i}`, severity: i % 2 ? 'high' : 'low', lastActivity: at(i) }));
    const highs = ids(queryAlerts(items, all({ sort: { field: 'severity', direction: 'desc' } })).items).slice(0, 25);
    expect(highs).to.deep.equal(Array.from({ length: 25 }, (_, k) => `s${49 - 2 * k}`));
  });

  it('orders exactly like a reference comparator for every field, direction and cache state', () => {
    // Small value sets force ties; some values are missing; times repeat.
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = <T,>(xs: T[]) => xs[rnd(xs.length)]!;
    const items: AlertItem[] = Array.from({ length: 400 }, (_, i) =>
      makeAlert({
        id: `r${i}`,
        kind: pick(['alert', 'incident'] as const),
        title: pick(['Beta', 'alpha', 'Alpha', 'gamma', 'Delta 2', 'delta 10']),
        severity: pick(['high', 'medium', 'low', 'informational', 'weird']),
        status: pick(['new', 'inProgress', 'resolved']),
        classification: pick([null, 'truePositive', 'falsePositive']),
        assignedTo: pick([null, 'kim', 'Nair', 'lee']),
        category: pick([undefined, 'Exfiltration', 'Malware']),
        firstActivity: at(rnd(20)),
        lastActivity: at(20 + rnd(30)),
      }),
    );
    const rank: Record<string, Record<string, number>> = {
      severity: { high: 4, medium: 3, low: 2, informational: 1 },
      status: { new: 3, inProgress: 2, resolved: 1, unknown: 0 },
      classification: { truePositive: 3, informationalExpectedActivity: 2, falsePositive: 1 },
    };
    const keyOf = (a: AlertItem, field: string): number | string | undefined => {
      const v = (a as unknown as Record<string, unknown>)[field];
      if (v == null || v === '') return undefined;
      if (rank[field]) return rank[field]![v as string] ?? -1;
      if (field.endsWith('Activity')) return Date.parse(v as string);
      if (field === 'impactedAssets') return (v as { name: string }[]).map((x) => x.name).join(', ').toLowerCase();
      return String(v).toLowerCase();
    };
    const reference = (field: string, dir: 'asc' | 'desc') =>
      items
        .map((a, i) => ({ a, i }))
        .sort((x, y) => {
          const kx = keyOf(x.a, field);
          const ky = keyOf(y.a, field);
          if (kx === undefined || ky === undefined) {
            if (kx !== ky) return kx === undefined ? 1 : -1;
          } else if (kx !== ky) return (kx < ky ? -1 : 1) * (dir === 'asc' ? 1 : -1);
          return Date.parse(y.a.lastActivity) - Date.parse(x.a.lastActivity) || x.i - y.i;
        })
        .map((x) => x.a.id);
    for (const field of ['title', 'severity', 'status', 'classification', 'assignedTo', 'category', 'firstActivity', 'lastActivity', 'kind', 'impactedAssets'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const expected = reference(field, direction);
        const q = all({ sort: { field, direction } });
        expect(ids(queryAlerts(items, q).items), `${field} ${direction} (array)`).to.deep.equal(expected);
        const warm = listSource(items);
        queryAlerts(warm, all()); // the list's first load computes the default order
        expect(ids(queryAlerts(warm, q).items), `${field} ${direction} (loaded list)`).to.deep.equal(expected);
        const sub = all({ sort: { field, direction }, filter: { status: ['new'] } });
        const expectedSub = expected.filter((id) => items.find((a) => a.id === id)!.status === 'new');
        expect(ids(queryAlerts(listSource(items), sub).items), `${field} ${direction} (filtered)`).to.deep.equal(expectedSub);
      }
    }
  });

  it('ignores unknown sort fields and filter fields', () => {
    const q = all({ sort: { field: 'nope' as never, direction: 'asc' }, filter: { nope: ['x'] } as never });
    expect(ids(queryAlerts(sample(), q).items)).to.deep.equal(['b', 'c', 'd', 'a', 'e']);
  });

  it('gives the same pages from a cached source as from a fresh array, across offsets', () => {
    const items = Array.from({ length: 300 }, (_, i) => makeAlert({ id: `p${i}`, title: `T${(i * 37) % 11}`, lastActivity: at((i * 13) % 97) }));
    const source = listSource(items);
    const q = { sort: { field: 'title', direction: 'asc' } as const, search: 't' };
    const whole = ids(queryAlerts(items, { ...q, offset: 0, limit: 300 }).items);
    const paged: string[] = [];
    for (let offset = 0; offset < 300; offset += 40) paged.push(...ids(queryAlerts(source, { ...q, offset, limit: 40 }).items));
    expect(paged).to.deep.equal(whole);
  });

  it('matches a full materialization when reading fields through a fast path (generator)', () => {
    const ds = new IpDataset('203.0.113.7', { now: Date.parse('2026-11-23T13:00:00Z') });
    const source = ds.alertSource();
    const array = Array.from({ length: source.size }, (_, i) => source.get(i));
    const range = { from: new Date('2026-10-24T13:00:00Z'), to: new Date('2026-11-23T14:00:00Z') };
    const queries: AlertQuery[] = [
      all({ range }),
      all({ range, sort: { field: 'severity', direction: 'desc' } }),
      all({ range, sort: { field: 'title', direction: 'asc' } }),
      all({ range, filter: { status: ['new', 'inProgress'], classification: [null] } }),
      all({ filter: { kind: ['incident'] }, sort: { field: 'assignedTo', direction: 'asc' } }),
      all({ search: 'device', sort: { field: 'firstActivity', direction: 'asc' } }),
    ];
    for (const q of queries) {
      expect(ids(queryAlerts(source, q).items), JSON.stringify(q)).to.deep.equal(ids(queryAlerts(array, q).items));
    }
  });
});

describe('data/query interval filters on time fields', () => {
  it('filters first and last activity by days (the To day included), ISO times and open sides; nonsense matches nothing', () => {
    const items = [
      makeAlert({ id: 'a', firstActivity: '2026-11-01T23:00:00.000Z', lastActivity: '2026-11-02T01:00:00.000Z' }),
      makeAlert({ id: 'b', firstActivity: '2026-11-05T10:00:00.000Z', lastActivity: '2026-11-06T10:00:00.000Z' }),
      makeAlert({ id: 'c', firstActivity: '2026-11-10T10:00:00.000Z', lastActivity: '2026-11-20T10:00:00.000Z' }),
    ];
    const q = (filter: AlertQuery['filter']) => queryAlerts(items, { offset: 0, limit: 10, filter }).items.map((a) => a.id).sort();
    expect(q({ firstActivity: ['2026-11-01..2026-11-05'] })).to.deep.equal(['a', 'b']);
    expect(q({ lastActivity: ['2026-11-02..2026-11-02'] })).to.deep.equal(['a']);
    expect(q({ lastActivity: ['2026-11-06..'] })).to.deep.equal(['b', 'c']);
    expect(q({ firstActivity: ['..2026-11-01'] })).to.deep.equal(['a']);
    expect(q({ firstActivity: ['2026-11-05T09:00:00Z..2026-11-05T11:00:00Z'] })).to.deep.equal(['b']);
    expect(q({ firstActivity: ['2026-11-01..2026-11-01', '2026-11-10..2026-11-10'] })).to.deep.equal(['a', 'c']);
    expect(q({ firstActivity: ['yesterday..today'] })).to.deep.equal([]);
    expect(q({ firstActivity: ['2026-11-10..2026-11-01'] })).to.deep.equal([]);
  });

  it('reads a time without a zone as UTC, and nothing but ISO 8601, so a shared link filters one window for everyone', () => {
    const items = [makeAlert({ id: 'b', firstActivity: '2026-11-05T10:00:00.000Z', lastActivity: '2026-11-06T10:00:00.000Z' })];
    const q = (filter: AlertQuery['filter']) => queryAlerts(items, { offset: 0, limit: 10, filter }).items.map((a) => a.id);
    // 09:30–10:30 UTC in any browser zone (as local time this misses the alert in every zone but UTC±0:30).
    expect(q({ firstActivity: ['2026-11-05T09:30..2026-11-05T10:30'] })).to.deep.equal(['b']);
    expect(q({ firstActivity: ['2026-11-05T10:30..2026-11-05T11:30'] })).to.deep.equal([]);
    expect(q({ firstActivity: ['2026-11-05T12:30+03:00..2026-11-05T13:30+03:00'] })).to.deep.equal(['b']);
    for (const bad of ['Nov 5 2026..Nov 6 2026', '2026-11-05T09:30:00Zjunk..', '2026-02-30..2026-03-01']) expect(q({ firstActivity: [bad] }), bad).to.deep.equal([]);
  });
});

describe('data/query queryDevices', () => {
  /** The UTC day `n` days after the fixtures' origin, as YYYY-MM-DD. */
  const day = (n: number) => at(24 * n).slice(0, 10);
  const devices = [
    makeDevice({ id: 'x', name: 'WS-FIN-0231', lastSeen: at(50), firstSeen: at(10), connectionCount: 12, lastEvent: makeEvent({ actionType: 'ConnectionSuccess', initiatingProcess: { fileName: 'powershell.exe', commandLine: 'powershell -enc AAA', sha256: 'ab'.repeat(32), accountName: 'jsmith', accountDomain: 'CONTOSO' } }) }),
    makeDevice({ id: 'y', name: 'SRV-SQL-02', osPlatform: 'WindowsServer2022', lastSeen: at(70), firstSeen: at(60), connectionCount: 3, lastEvent: makeEvent({ actionType: 'InboundConnectionAccepted', direction: 'inbound', file: { name: 'Invoice_48213.iso' } }) }),
    makeDevice({ id: 'z', name: 'mbp-mei-7', osPlatform: 'macOS', lastSeen: at(30), firstSeen: at(29), connectionCount: 40, lastEvent: makeEvent({ actionType: 'ConnectionFailed', remoteUrl: 'https://cdn-update.nwcloud.example/x' }) }),
  ];

  it('lists most recent first', () => {
    expect(ids(queryDevices(devices, { offset: 0, limit: 10 }).items)).to.deep.equal(['y', 'x', 'z']);
  });

  it('searches device name, process, command line, account, file and URL', () => {
    const s = (search: string) => ids(queryDevices(devices, { offset: 0, limit: 10, search }).items);
    expect(s('sql')).to.deep.equal(['y']);
    expect(s('POWERSHELL')).to.deep.equal(['x']);
    expect(s('-enc')).to.deep.equal(['x']);
    expect(s('contoso\\jsmith')).to.deep.equal(['x']);
    expect(s('invoice')).to.deep.equal(['y']);
    expect(s('nwcloud')).to.deep.equal(['z']);
    expect(s('abab')).to.deep.equal(['x']);
  });

  it('treats a YYYY-MM-DD term as "last observed that day", combined with text', () => {
    // Last observed (UTC days from the fixtures' origin): x day 2 02:00, y day 2 22:00, z day 1 06:00.
    const s = (search: string) => ids(queryDevices(devices, { offset: 0, limit: 10, search }).items);
    expect(s(day(0))).to.deep.equal([]);
    expect(s(day(1))).to.deep.equal(['z']);
    expect(s(day(2))).to.deep.equal(['y', 'x']);
    expect(s(`${day(2)} sql`)).to.deep.equal(['y']);
    expect(s(`powershell ${day(2)}`)).to.deep.equal(['x']);
    expect(s(`${day(1)} ${day(2)}`)).to.deep.equal(['y', 'x', 'z']);
    expect(s(day(30))).to.deep.equal([]);
    // Not a real day: plain text.
    expect(s('2026-13-45')).to.deep.equal([]);
  });

  it('searches every event of a device when the provider can, as well as its own fields', () => {
    const timelines: Record<string, string[]> = { x: ['wscript.exe'], y: ['svchost.exe -k NetworkService'], z: [] };
    const eventsMatch = (i: number, text: string) => timelines[devices[i]!.id]!.some((t) => t.toLowerCase().includes(text.toLowerCase()));
    const s = (search: string) => ids(queryDevices(devices, { offset: 0, limit: 10, search }, { eventsMatch }).items);
    expect(s('svchost')).to.deep.equal(['y']);
    expect(s('WSCRIPT')).to.deep.equal(['x']);
    expect(s('sql')).to.deep.equal(['y']);
    expect(s(`${day(2)} svchost`)).to.deep.equal(['y']);
    expect(s(`${day(1)} svchost`)).to.deep.equal([]);
    expect(ids(queryDevices(devices, { offset: 0, limit: 10, search: 'svchost' }).items)).to.deep.equal([]);
  });

  it('filters by action type and direction, and sorts', () => {
    expect(ids(queryDevices(devices, { offset: 0, limit: 10, actionType: ['ConnectionFailed', 'ConnectionSuccess'] }).items)).to.deep.equal(['x', 'z']);
    expect(ids(queryDevices(devices, { offset: 0, limit: 10, direction: ['inbound'] }).items)).to.deep.equal(['y']);
    expect(ids(queryDevices(devices, { offset: 0, limit: 10, sort: { field: 'connectionCount', direction: 'desc' } }).items)).to.deep.equal(['z', 'x', 'y']);
    expect(ids(queryDevices(devices, { offset: 0, limit: 10, sort: { field: 'name', direction: 'asc' } }).items)).to.deep.equal(['z', 'y', 'x']);
  });

  it('keeps devices seen in the range', () => {
    const range = { from: new Date(at(55)), to: new Date(at(100)) };
    expect(ids(queryDevices(devices, { offset: 0, limit: 10, range }).items)).to.deep.equal(['y']);
  });
});

describe('data/query queryTimeline and toMs', () => {
  it('filters timeline by kind, text and range, newest first', () => {
    const ev = (id: string, kind: string, h: number, title: string): TimelineEvent => ({ id, kind, time: at(h), title });
    const events = [ev('1', 'alert', 1, 'C2 beacon'), ev('2', 'bookmark', 5, 'Hunt'), ev('3', 'activity', 3, 'Sign-in'), ev('4', 'alert', 9, 'Exfil')];
    expect(ids(queryTimeline(events, {}))).to.deep.equal(['4', '2', '3', '1']);
    expect(ids(queryTimeline(events, { kinds: ['alert'] }))).to.deep.equal(['4', '1']);
    expect(ids(queryTimeline(events, { search: 'sign' }))).to.deep.equal(['3']);
    expect(ids(queryTimeline(events, { range: { from: new Date(at(2)), to: new Date(at(9)) } }))).to.deep.equal(['2', '3']);
  });

  it('reads canonical and other ISO forms', () => {
    expect(toMs('2026-11-20T14:05:09.123Z')).to.equal(Date.parse('2026-11-20T14:05:09.123Z'));
    expect(toMs('2026-11-20T15:05:09+01:00')).to.equal(Date.parse('2026-11-20T14:05:09Z'));
    expect(toMs(42)).to.equal(42);
    expect(toMs('garbage')).to.be.NaN;
    expect(toMs(undefined)).to.be.NaN;
  });
});
