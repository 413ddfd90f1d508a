import { expect } from '@open-wc/testing';
import {
  bucketCount,
  bucketSizeFor,
  bucketStarts,
  MAX_BUCKETS,
  MAX_CLOCK_SKEW_MS,
  MAX_SPAN_DAYS,
  parseIsoInstant,
  DAY_MS,
  formatRangeSpec,
  nextRange,
  parseCustomRange,
  resolveSpec,
  HOUR_MS,
  inRange,
  isRangeKey,
  overlapsRange,
  parseRange,
  RANGE_KEYS,
  resolveRange,
  sameRange,
} from '../../src/lib/time-range.js';
import { describeRange } from '../../src/components/shared/range-text.js';
import { customRangeProblem, fromLocalInput, toLocalInput } from '../../src/components/time-range-picker/custom-range.js';

const NOW = new Date('2026-11-23T13:36:27.500Z');

describe('lib/time-range', () => {
  it('resolves every preset to a window ending at the next minute', () => {
    const expected: Record<string, number> = { '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS, '90d': 90 * DAY_MS, '180d': 180 * DAY_MS };
    for (const key of RANGE_KEYS) {
      const r = resolveRange(key, NOW);
      expect(r.to.toISOString()).to.equal('2026-11-23T13:37:00.000Z');
      expect(r.to.getTime() - r.from.getTime(), key).to.equal(expected[key]);
    }
  });

  it('gives the same window to calls a few seconds apart', () => {
    const a = resolveRange('30d', new Date('2026-11-23T13:36:01Z'));
    const b = resolveRange('30d', new Date('2026-11-23T13:36:59Z'));
    expect(sameRange(a, b)).to.equal(true);
  });

  it('uses hourly buckets up to 7 days and daily beyond', () => {
    expect(bucketSizeFor(resolveRange('24h', NOW))).to.equal('hour');
    expect(bucketSizeFor(resolveRange('7d', NOW))).to.equal('hour');
    expect(bucketSizeFor(resolveRange('30d', NOW))).to.equal('day');
    expect(bucketSizeFor(resolveRange('180d', NOW))).to.equal('day');
  });

  it('lists aligned bucket starts covering the range', () => {
    const r = resolveRange('24h', NOW);
    const starts = bucketStarts(r);
    expect(starts.length).to.equal(25); // 24 h window not aligned to the hour touches 25 hours
    expect(starts[0]! % HOUR_MS).to.equal(0);
    expect(starts[0]).to.be.at.most(r.from.getTime());
    expect(starts.at(-1)).to.be.below(r.to.getTime());
    const days = bucketStarts(resolveRange('30d', NOW));
    expect(days.length).to.equal(31);
    expect(days.every((d) => d % DAY_MS === 0)).to.equal(true);
  });

  it('tests membership and overlap with from inclusive, to exclusive', () => {
    const r = { from: new Date(1000), to: new Date(2000) };
    expect(inRange(1000, r)).to.equal(true);
    expect(inRange(1999, r)).to.equal(true);
    expect(inRange(2000, r)).to.equal(false);
    expect(overlapsRange(0, 1000, r)).to.equal(true);
    expect(overlapsRange(0, 999, r)).to.equal(false);
    expect(overlapsRange(1999, 5000, r)).to.equal(true);
    expect(overlapsRange(2000, 5000, r)).to.equal(false);
  });

  it('parses from/to and refuses invalid or reversed ranges', () => {
    expect(parseRange('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')?.from.toISOString()).to.equal('2026-11-01T00:00:00.000Z');
    expect(parseRange('2026-11-02T00:00:00Z', '2026-11-01T00:00:00Z')).to.equal(undefined);
    expect(parseRange('yesterday', '2026-11-01T00:00:00Z')).to.equal(undefined);
    expect(parseRange(null, '2026-11-01T00:00:00Z')).to.equal(undefined);
  });

  it('recognizes preset keys', () => {
    expect(isRangeKey('30d')).to.equal(true);
    expect(isRangeKey('31d')).to.equal(false);
    expect(isRangeKey(undefined)).to.equal(false);
  });

  it('describes ranges in words', () => {
    expect(describeRange(resolveRange('30d', NOW), '30d')).to.equal('in the last 30 days');
    expect(describeRange({ from: new Date(0), to: new Date(3 * DAY_MS) })).to.equal('in the selected 3-day period');
  });

  it('reads and writes a custom window as an ISO 8601 interval, refusing anything else', () => {
    const spec = '2026-11-01T00:00:00.000Z/2026-11-15T12:00:00.000Z';
    const range = parseCustomRange(spec)!;
    expect(range.from.toISOString()).to.equal('2026-11-01T00:00:00.000Z');
    expect(formatRangeSpec(range)).to.equal(spec);
    expect(parseCustomRange('2026-11-01T00:00Z/2026-11-02T00:00Z')!.to.toISOString()).to.equal('2026-11-02T00:00:00.000Z');
    for (const bad of ['30d', '', '/2026-11-01', '2026-11-15T00:00Z/2026-11-01T00:00Z', 'yesterday/today', '<script>/x']) expect(parseCustomRange(bad), bad).to.equal(undefined);
  });

  it('resolves a spec within what the data source keeps: presets fall back, a custom start moves up', () => {
    expect(resolveSpec('90d', 30, NOW)).to.deep.equal({ key: '30d', range: resolveRange('30d', NOW) });
    const old = new Date(NOW.getTime() - 60 * DAY_MS).toISOString();
    const recent = new Date(NOW.getTime() - 10 * DAY_MS).toISOString();
    const clamped = resolveSpec(`${old}/${recent}`, 30, NOW)!;
    expect(clamped.key).to.equal(undefined);
    expect(clamped.range.from.getTime()).to.equal(NOW.getTime() - 30 * DAY_MS);
    expect(clamped.range.to.toISOString()).to.equal(recent);
    expect(clamped.clamped).to.deep.equal({ requested: parseCustomRange(`${old}/${recent}`), reasons: ['lookback'] });
    // Entirely older than the data source keeps: nothing to ask for.
    expect(resolveSpec(`${old}/${new Date(NOW.getTime() - 45 * DAY_MS).toISOString()}`, 30, NOW)).to.equal(undefined);
    expect(resolveSpec('garbage', undefined, NOW)).to.equal(undefined);
  });

  it('never asks past now, nor for more than the data source keeps or a range may cover, and says what it cut', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const start = NOW.getTime() - 10 * DAY_MS;
    // An end in the year 9999: the window ends now (the next minute), and says so.
    const far = resolveSpec(`${iso(start)}/9999-12-31T00:00:00Z`, undefined, NOW)!;
    expect(far.range.to.toISOString()).to.equal('2026-11-23T13:37:00.000Z');
    expect(far.range.from.getTime()).to.equal(start);
    expect(far.clamped!.reasons).to.deep.equal(['future']);
    expect(far.clamped!.requested.to.toISOString()).to.equal('9999-12-31T00:00:00.000Z');
    expect(bucketCount(far.range)).to.equal(11);
    // A little clock skew is not a future end.
    const skewed = iso(NOW.getTime() + MAX_CLOCK_SKEW_MS - 1000);
    expect(resolveSpec(`${iso(start)}/${skewed}`, 30, NOW)).to.deep.equal({ range: { from: new Date(start), to: new Date(skewed) } });
    // No look-back known: at most a year, counted back from the end.
    const long = resolveSpec(`1970-01-01T00:00:00Z/${iso(NOW.getTime() - DAY_MS)}`, undefined, NOW)!;
    expect(long.range.to.getTime() - long.range.from.getTime()).to.equal(MAX_SPAN_DAYS * DAY_MS);
    expect(long.clamped!.reasons).to.deep.equal(['span']);
    // Both at once; and a window wholly in the future has nothing left to ask for.
    expect(resolveSpec(`1970-01-01T00:00:00Z/9999-12-31T00:00:00Z`, 30, NOW)!.clamped!.reasons).to.deep.equal(['future', 'lookback']);
    expect(resolveSpec(`${iso(NOW.getTime() + DAY_MS)}/${iso(NOW.getTime() + 2 * DAY_MS)}`, 30, NOW)).to.equal(undefined);
    // Years past 9999 are not ISO 8601 as links carry it.
    expect(resolveSpec(`${iso(start)}/+275760-09-13T00:00:00Z`, undefined, NOW)).to.equal(undefined);
    // The page says when it could not read the spec at all.
    expect(nextRange(undefined, '2026-11-01/forever', 30, true, NOW)).to.include({ key: '30d', invalid: '2026-11-01/forever' });
    expect(nextRange(undefined, '30d', 30, true, NOW).invalid).to.equal(undefined);
  });

  it('reads ISO 8601 only, and a time without a zone as UTC (a shared link means one window)', () => {
    expect(parseIsoInstant('2026-11-01')).to.equal(Date.UTC(2026, 10, 1));
    expect(parseIsoInstant('2026-11-01T08:30')).to.equal(Date.UTC(2026, 10, 1, 8, 30));
    expect(parseIsoInstant('2026-11-01T08:30:15.250')).to.equal(Date.UTC(2026, 10, 1, 8, 30, 15, 250));
    expect(parseIsoInstant('2026-11-01T08:30+05:45')).to.equal(Date.UTC(2026, 10, 1, 2, 45));
    expect(parseIsoInstant('2026-11-01T08:30-0330')).to.equal(Date.UTC(2026, 10, 1, 12, 0));
    expect(parseIsoInstant('2026-11-01T08:30:00.1234567Z')).to.equal(Date.UTC(2026, 10, 1, 8, 30, 0, 123));
    for (const bad of ['Nov 1 2026', '11/01/2026', '2026-02-30', '2026-13-01', '2026-11-01T24:00', '2026-11-01 08:30', '+275760-09-13T00:00:00Z', '2026-11-01T08:30+25:00', '1730419200000', ''])
      expect(parseIsoInstant(bad), bad).to.equal(undefined);
    expect(parseRange('2026-11-01T00:00', '2026-11-02')).to.deep.equal({ from: new Date(Date.UTC(2026, 10, 1)), to: new Date(Date.UTC(2026, 10, 2)) });
  });

  it('refuses to cut a range into more buckets than can be counted', () => {
    const range = { from: new Date(0), to: new Date((MAX_BUCKETS + 5) * DAY_MS) };
    expect(bucketCount(range, 'day')).to.equal(MAX_BUCKETS + 5);
    expect(() => bucketStarts(range, 'day')).to.throw(RangeError, /at most 10,000/);
    expect(bucketStarts({ from: new Date(0), to: new Date(MAX_BUCKETS * DAY_MS) }, 'day')).to.have.length(MAX_BUCKETS);
  });

  it('keeps the page\'s window until the spec, the IP or the meaning of the spec changes', () => {
    const first = nextRange(undefined, '7d', undefined, true, NOW);
    const later = new Date(NOW.getTime() + 5 * 60_000);
    expect(nextRange(first, '7d', undefined, false, later)).to.equal(first);
    expect(nextRange(first, '7d', undefined, true, later).range.to.getTime()).to.be.above(first.range.to.getTime());
    // The data source turns out to keep 1 day: the preset's meaning changed.
    expect(nextRange(first, '7d', 1, false, later).key).to.equal('24h');
    const spec = `${new Date(NOW.getTime() - 3 * DAY_MS).toISOString()}/${NOW.toISOString()}`;
    const custom = nextRange(first, spec, undefined, true, NOW);
    expect(custom.key).to.equal(undefined);
    expect(nextRange(custom, spec, 30, false, later)).to.equal(custom);
    expect(nextRange(custom, spec, 1, false, later).range.from.getTime()).to.equal(later.getTime() - DAY_MS);
    // An invalid spec is the default preset.
    expect(nextRange(undefined, 'nonsense', undefined, true, NOW).key).to.equal('30d');
  });

  it('says why a custom window cannot be asked for', () => {
    const day = (n: number) => new Date(NOW.getTime() - n * DAY_MS);
    expect(customRangeProblem(undefined, day(1), undefined, NOW)).to.equal('Enter the start date and time.');
    expect(customRangeProblem(day(2), undefined, undefined, NOW)).to.equal('Enter the end date and time.');
    expect(customRangeProblem(day(1), day(2), undefined, NOW)).to.equal('The start must be before the end.');
    expect(customRangeProblem(new Date(NOW.getTime() + 60_000), new Date(NOW.getTime() + DAY_MS), undefined, NOW)).to.match(/^The start is in the future/);
    // Dates in the messages are local, as the inputs are.
    expect(customRangeProblem(day(40), day(1), 30, NOW)).to.equal(`The data source keeps 30 days: start on ${toLocalInput(day(30)).slice(0, 10)} or later.`);
    expect(customRangeProblem(day(29), day(1), 30, NOW)).to.equal(undefined);
    // The end may not lie ahead (a few minutes of clock skew aside), nor may a range be longer than a year.
    expect(customRangeProblem(day(1), new Date(NOW.getTime() + DAY_MS), 30, NOW)).to.equal(`The end is in the future: end at ${toLocalInput(NOW).replace('T', ' ')} or earlier.`);
    expect(customRangeProblem(day(1), new Date(NOW.getTime() + 60_000), 30, NOW)).to.equal(undefined);
    expect(customRangeProblem(day(400), day(1), undefined, NOW)).to.match(/^A range covers at most 366 days/);
    expect(customRangeProblem(day(300), day(1), undefined, NOW)).to.equal(undefined);
  });

  it('reads and writes the local date-time inputs, refusing partial text', () => {
    const d = new Date(2026, 10, 5, 7, 9);
    expect(toLocalInput(d)).to.equal('2026-11-05T07:09');
    expect(fromLocalInput('2026-11-05T07:09')!.getTime()).to.equal(d.getTime());
    for (const bad of ['', '2026-11-05', 'not a date', '2026-13-45T99:99']) expect(fromLocalInput(bad), bad).to.equal(undefined);
  });
});
