/**
 * The statistics every bench figure is reported with, shared by the bench pages (to decide when
 * enough runs have been made) and the runner (to print them). No assumption about the shape of
 * the timing distribution (they are skewed, with a long tail of GC pauses and missed frames):
 *
 * - a median's 95 % confidence interval comes from order statistics (the binomial distribution of
 *   how many samples fall below the true median), which holds for any continuous distribution;
 * - a ratio to the baseline is the ratio of the two medians, with a bootstrap interval that
 *   resamples the runs in their pairs (candidate run i with the baseline run made next to it), so
 *   drift over the run (heap growth, another process) stays inside each pair;
 * - a verdict against a target is `met` only when the whole interval is inside it, `missed` only
 *   when the whole interval is outside, and `can't tell` otherwise.
 */

export interface Interval {
  /** The sample median. */
  median: number;
  /** Lower and upper bound of the median's confidence interval. */
  low: number;
  high: number;
  /** Confidence actually achieved by the chosen order statistics (≥ the level asked, when n allows). */
  confidence: number;
  n: number;
}

export type Verdict = 'met' | 'missed' | "can't tell";

/** A target on a median or a ratio: `median ≤ max`, and the interval's upper bound ≤ `highMax` (default `max`). */
export interface Target {
  max: number;
  highMax?: number;
}

export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
}

/** P(X ≤ k) for X ~ Binomial(n, 1/2), exactly (n is at most a few hundred here). */
function binomialCdfHalf(n: number, k: number): number {
  let term = Math.pow(0.5, n); // C(n, 0) / 2^n
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

/**
 * The median and its distribution-free confidence interval: the j-th and (n+1−j)-th order
 * statistics with the largest j whose coverage 1 − 2·P(X ≤ j−1) still reaches `level`. With fewer
 * than 6 samples no interval reaches 95 %; the full range is returned with its real coverage.
 */
export function medianInterval(xs: readonly number[], level = 0.95): Interval {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return { median: NaN, low: NaN, high: NaN, confidence: 0, n };
  let j = 1;
  while (j + 1 <= Math.floor(n / 2) && 1 - 2 * binomialCdfHalf(n, j) >= level) j++;
  const confidence = 1 - 2 * binomialCdfHalf(n, j - 1);
  return { median: quantile(s, 0.5), low: s[j - 1]!, high: s[n - j]!, confidence, n };
}

/** A small seeded generator (LCG), so the same samples always give the same interval. */
function seeded(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * Median(candidate) ÷ median(baseline) over runs made in pairs, with a percentile bootstrap
 * interval that resamples whole pairs (so drift shared by a pair stays in the pair): 4,000
 * resamples from a fixed seed. Medians are robust to the GC pauses and missed frames that make
 * single runs jump; resampling pairs keeps what pairing buys without doubling each run's noise
 * the way a median of per-pair ratios does.
 */
export function ratioInterval(candidate: readonly number[], baseline: readonly number[], level = 0.95, resamples = 4000): Interval {
  const n = Math.min(candidate.length, baseline.length);
  const median = (xs: Float64Array) => {
    xs.sort();
    return n % 2 ? xs[(n - 1) / 2]! : (xs[n / 2 - 1]! + xs[n / 2]!) / 2;
  };
  if (!n) return { median: NaN, low: NaN, high: NaN, confidence: 0, n };
  const ratio = median(Float64Array.from(candidate.slice(0, n))) / median(Float64Array.from(baseline.slice(0, n)));
  const random = seeded(0x5eed + n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ratios = new Float64Array(resamples);
  for (let k = 0; k < resamples; k++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      a[i] = candidate[j]!;
      b[i] = baseline[j]!;
    }
    ratios[k] = median(a) / median(b);
  }
  ratios.sort();
  const tail = (1 - level) / 2;
  return { median: ratio, low: ratios[Math.floor(tail * (resamples - 1))]!, high: ratios[Math.ceil((1 - tail) * (resamples - 1))]!, confidence: level, n };
}

export function verdict(interval: Interval, target: Target): Verdict {
  const highMax = target.highMax ?? target.max;
  if (interval.median <= target.max && interval.high <= highMax) return 'met';
  if (interval.low > target.max) return 'missed';
  return "can't tell";
}

/** A target given as a bare number is a maximum. */
export const asTarget = (t: number | Target | undefined): Target | undefined => (typeof t === 'number' ? { max: t } : t);

/** A case's samples and targets, as far as deciding them goes (a bench case, warm or cold). */
export interface Decidable {
  samples: readonly number[];
  baseline?: readonly number[];
  targetMs?: number | Target;
  ratioTarget?: Target;
}

/**
 * True when some target of `c` cannot be decided from its runs so far: the page harness and the
 * cold runner (bench/run.mjs) then add pairs, so a close call gets a tighter interval.
 */
export function undecided(c: Decidable): boolean {
  const ms = asTarget(c.targetMs);
  if (ms && verdict(medianInterval(c.samples), ms) === "can't tell") return true;
  return Boolean(c.ratioTarget && c.baseline?.length && verdict(ratioInterval(c.samples, c.baseline), c.ratioTarget) === "can't tell");
}
