import { expect } from '@open-wc/testing';
import {
  bucketSizeFor,
  bucketStarts,
  DAY_MS,
  describeRange,
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
    // Entirely older than the data source keeps: nothing to ask for.
    expect(resolveSpec(`${old}/${new Date(NOW.getTime() - 45 * DAY_MS).toISOString()}`, 30, NOW)).to.equal(undefined);
    expect(resolveSpec('garbage', undefined, NOW)).to.equal(undefined);
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
    expect(customRangeProblem(day(40), day(1), 30, NOW)).to.equal('The data source keeps 30 days: start on 2026-10-24 or later.');
    expect(customRangeProblem(day(29), day(1), 30, NOW)).to.equal(undefined);
    // The end may lie ahead: "until now and whatever comes".
    expect(customRangeProblem(day(1), new Date(NOW.getTime() + DAY_MS), 30, NOW)).to.equal(undefined);
  });

  it('reads and writes the local date-time inputs, refusing partial text', () => {
    const d = new Date(2026, 10, 5, 7, 9);
    expect(toLocalInput(d)).to.equal('2026-11-05T07:09');
    expect(fromLocalInput('2026-11-05T07:09')!.getTime()).to.equal(d.getTime());
    for (const bad of ['', '2026-11-05', 'not a date', '2026-13-45T99:99']) expect(fromLocalInput(bad), bad).to.equal(undefined);
  });
});
