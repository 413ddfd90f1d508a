/** Shared bits of the bench pages: timing, GC between samples, the result the runner reads. */
import type { IpDataProvider } from '../../src/data/provider.js';
import { undecided, type Target } from './stats.js';

export interface BenchCase {
  name: string;
  samples: number[];
  /** Baseline runs, made in pairs with `samples` (sample i next to baseline i) when both are given. */
  baseline?: number[];
  baselineName?: string;
  /** Target on the median of `samples` (ms, or a count): met when the whole interval is at or under it. */
  targetMs?: number | Target;
  /** Target on median(samples) ÷ median(baseline). */
  ratioTarget?: Target;
  /** Runs made before the counted ones and thrown away (JIT, first render, caches). */
  warmup?: number;
}

/** A counted (not timed) result, printed as it is. */
export interface BenchCount {
  name: string;
  value: string | number;
}

/**
 * Cold runs the runner makes for a bench: each run loads `<bench>.html?<candidate or baseline>` in
 * a fresh browser context, and the page publishes one sample with `publishSample`.
 */
export interface ColdSpec {
  name: string;
  candidate: string;
  baseline?: string;
  baselineName?: string;
  runs: number;
  /** Upper bound on pairs while a target is undecided (default 3 × runs; see bench/run.mjs). */
  maxRuns?: number;
  targetMs?: number | Target;
  ratioTarget?: Target;
}

export interface BenchResult {
  description: string;
  cases: BenchCase[];
  cold?: ColdSpec[];
  counts?: BenchCount[];
  notes?: string[];
}

declare global {
  interface Window {
    benchResult?: BenchResult;
    benchSample?: number;
    benchError?: string;
    gc?: () => void;
  }
}

// A bench whose main() fails says so at once, instead of leaving the runner waiting for a result.
// (Errors thrown in a baseline's own timers, e.g. vaadin-grid's debounced reorder after removal, are not ours.)
addEventListener('unhandledrejection', (e) => {
  window.benchError = String((e.reason as Error)?.stack ?? e.reason);
  done();
});

/**
 * The runner learns that a page has published from this console line, not by polling the page: a
 * poll runs the automation's code in the page, and its first one compiles Playwright's injected
 * script (15–40 ms on the main thread), which landed inside every cold run's timed part.
 */
const DONE_MESSAGE = 'bench:done';
const done = () => console.debug(DONE_MESSAGE);

export function gc(): void {
  window.gc?.();
}

/** Time `fn` once, in ms, after a GC, so garbage from the previous sample does not count. */
export async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  gc();
  await new Promise((r) => setTimeout(r, 0));
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export interface CompareSpec {
  name: string;
  /** One run of the element: resolves to the milliseconds it measured. */
  candidate: () => Promise<number>;
  /** One run of the baseline, same work done the plain way. */
  baseline?: () => Promise<number>;
  baselineName?: string;
  targetMs?: number | Target;
  ratioTarget?: Target;
  /** Pairs run first and discarded (default 3). */
  warmup?: number;
  /** Pairs always counted (default 20). */
  minRuns?: number;
  /**
   * Upper bound on pairs (default 3 × minRuns): while a target's verdict is "can't tell", runs are
   * added in batches of 10 up to this bound, so a close call gets a tighter interval, never a
   * different rule. The runner prints how many runs each figure rests on.
   */
  maxRuns?: number;
}

/**
 * Candidate and baseline interleaved in one page: warm-up pairs discarded, then pairs whose order
 * alternates (AB BA AB …) so neither side always runs right after the other's garbage, then more
 * pairs while a target is undecided.
 */
export async function compare(spec: CompareSpec): Promise<BenchCase> {
  const warmup = spec.warmup ?? 3;
  const minRuns = spec.minRuns ?? 20;
  const maxRuns = spec.maxRuns ?? minRuns * 3;
  const c: BenchCase = { name: spec.name, samples: [], warmup, targetMs: spec.targetMs, ratioTarget: spec.ratioTarget };
  if (spec.baseline) {
    c.baseline = [];
    c.baselineName = spec.baselineName;
  }
  const pair = async (i: number, keep: boolean) => {
    const runs: Array<() => Promise<void>> = [
      async () => {
        const ms = await spec.candidate();
        if (keep) c.samples.push(ms);
      },
    ];
    if (spec.baseline) {
      const baseline = spec.baseline;
      runs.push(async () => {
        const ms = await baseline();
        if (keep) c.baseline!.push(ms);
      });
    }
    if (i % 2) runs.reverse();
    for (const run of runs) await run();
  };
  console.debug(`${spec.name}: warming up`);
  for (let i = 0; i < warmup; i++) await pair(i, false);
  let i = 0;
  for (; i < minRuns; i++) await pair(i, true);
  while (i < maxRuns && undecided(c)) {
    const batch = Math.min(10, maxRuns - i);
    for (let k = 0; k < batch; k++, i++) await pair(i, true);
  }
  return c;
}

/**
 * Counts the frames that begin while `work` runs: a chart drawn in its first frame counts 1, and
 * an element that needs an extra frame (a second layout, a deferred setOption) shows up as 2.
 */
export async function countFrames(work: () => Promise<unknown>): Promise<number> {
  let frames = 0;
  let counting = true;
  const tick = () => {
    if (!counting) return;
    frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  await work();
  counting = false;
  return frames;
}

export function publish(result: BenchResult): void {
  window.benchResult = result;
  done();
}

/** A cold run's one measurement (see `ColdSpec`). */
export function publishSample(ms: number): void {
  window.benchSample = ms;
  done();
}

/** One painted frame, then a macrotask (so work queued by the paint has run). */
export function frame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

/** Resolves as soon as `check` holds, polling every macrotask; rejects after `timeoutMs` (a bench never hangs). */
export function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) resolve();
      else if (performance.now() - start > timeoutMs) reject(new Error(`timed out after ${timeoutMs} ms waiting for ${check.toString().slice(0, 200)}`));
      else setTimeout(poll, 0);
    };
    poll();
  });
}

/** A provider whose required methods reject unless given: a bench supplies only what it measures. */
export function stubProvider(methods: Partial<IpDataProvider>): IpDataProvider {
  const unused = () => Promise.reject(new Error('not used by this bench'));
  return {
    getIpDetails: unused,
    getSecuritySummary: unused,
    getLogActivity: unused,
    getPrevalence: unused,
    listAlerts: unused,
    listObservedDevices: unused,
    ...methods,
  };
}
