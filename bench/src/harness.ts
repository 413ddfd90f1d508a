/** Shared bits of the bench pages: timing, GC between samples, the result the runner reads. */
import type { IpDataProvider } from '../../src/data/provider.js';

export interface BenchCase {
  name: string;
  samples: number[];
  baseline?: number[];
  baselineName?: string;
  targetMs?: number;
}

/** A counted (not timed) result, printed as it is. */
export interface BenchCount {
  name: string;
  value: string | number;
}

export interface BenchResult {
  description: string;
  cases: BenchCase[];
  counts?: BenchCount[];
  notes?: string[];
}

declare global {
  interface Window {
    benchResult?: BenchResult;
    gc?: () => void;
  }
}

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

export function publish(result: BenchResult): void {
  window.benchResult = result;
}

/** One painted frame, then a macrotask (so work queued by the paint has run). */
export function frame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

/** Resolves as soon as `check` holds, polling every macrotask. */
export function until(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (check() ? resolve() : setTimeout(poll, 0));
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
