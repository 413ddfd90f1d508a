import { expect } from '@open-wc/testing';
import { medianInterval, ratioInterval, undecided, verdict } from '../../bench/src/stats.js';

/** The figures every benchmark verdict rests on: wrong intervals would make "met" mean nothing. */
describe('bench/stats', () => {
  it('gives the median an order-statistic interval of at least 95 % coverage', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    const m = medianInterval(xs);
    expect(m.median).to.equal(10.5);
    // For n = 20 the 95 % interval is the 6th to the 15th order statistic (coverage 95.9 %).
    expect([m.low, m.high]).to.deep.equal([6, 15]);
    expect(m.confidence).to.be.within(0.95, 0.96);
  });

  it('widens to the whole range, with its real coverage, when there are too few runs', () => {
    const m = medianInterval([3, 1, 2, 5, 4]);
    expect([m.median, m.low, m.high]).to.deep.equal([3, 1, 5]);
    expect(m.confidence).to.be.below(0.95);
  });

  it('narrows as runs are added', () => {
    const noisy = (n: number) => Array.from({ length: n }, (_, i) => 50 + ((i * 7919) % 23) - 11);
    const few = medianInterval(noisy(10));
    const many = medianInterval(noisy(200));
    expect(many.high - many.low).to.be.below(few.high - few.low);
  });

  it('reports the ratio of medians with a reproducible interval around it', () => {
    const base = Array.from({ length: 40 }, (_, i) => 100 + ((i * 37) % 17));
    const cand = base.map((b, i) => b * 0.5 + (i % 5));
    const r = ratioInterval(cand, base);
    expect(r.median).to.be.within(0.5, 0.53);
    expect(r.low).to.be.at.most(r.median);
    expect(r.high).to.be.at.least(r.median);
    expect(ratioInterval(cand, base)).to.deep.equal(r);
  });

  it('calls a target met, missed or undecided from the interval, not the median alone', () => {
    const interval = (median: number, low: number, high: number) => ({ median, low, high, confidence: 0.95, n: 30 });
    expect(verdict(interval(0.7, 0.65, 0.75), { max: 0.8 })).to.equal('met');
    expect(verdict(interval(0.9, 0.85, 0.95), { max: 0.8 })).to.equal('missed');
    expect(verdict(interval(0.78, 0.7, 0.86), { max: 0.8 })).to.equal("can't tell");
    // A tighter bound on the interval than on the median (the chart's "≤ 1.1, interval below 1.15").
    expect(verdict(interval(1.08, 1.02, 1.14), { max: 1.1, highMax: 1.15 })).to.equal('met');
    expect(verdict(interval(1.08, 1.02, 1.17), { max: 1.1, highMax: 1.15 })).to.equal("can't tell");
  });

  it('asks for more runs only while a target is undecided (warm pairs and cold runs alike)', () => {
    const around = (centre: number, spread: number, n: number) => Array.from({ length: n }, (_, i) => centre + (((i * 7919) % 21) - 10) * (spread / 10));
    const base = around(100, 2, 20);
    // Clearly inside, clearly outside: decided either way.
    expect(undecided({ samples: around(60, 2, 20), baseline: base, ratioTarget: { max: 0.8 } })).to.equal(false);
    expect(undecided({ samples: around(120, 2, 20), baseline: base, ratioTarget: { max: 0.8 } })).to.equal(false);
    // A ratio whose interval straddles the target, and a median that does.
    expect(undecided({ samples: around(80, 30, 20), baseline: base, ratioTarget: { max: 0.8 } })).to.equal(true);
    expect(undecided({ samples: around(300, 40, 20), targetMs: 300 })).to.equal(true);
    expect(undecided({ samples: around(200, 5, 20), targetMs: 300 })).to.equal(false);
    // A ratio target with no baseline runs yet cannot be judged, so it does not ask for more.
    expect(undecided({ samples: around(80, 30, 20), baseline: [], ratioTarget: { max: 0.8 } })).to.equal(false);
  });
});
