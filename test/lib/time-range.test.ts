import { expect } from '@open-wc/testing';
import {
  bucketSizeFor,
  bucketStarts,
  DAY_MS,
  describeRange,
  HOUR_MS,
  inRange,
  isRangeKey,
  overlapsRange,
  parseRange,
  RANGE_KEYS,
  resolveRange,
  sameRange,
} from '../../src/lib/time-range.js';

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
});
