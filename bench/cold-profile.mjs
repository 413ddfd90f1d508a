#!/usr/bin/env node
// `node bench/cold-profile.mjs [case] [runs]` (case: overview (default), alerts, devices, sentinel):
// a CPU profile of a cold run's first task, ours against its baseline. The first task is what runs
// from the timed start to the first frame (for the overview: set ip → provider answers → every
// element's first render); cold-frames.mjs shows that the cold overview's whole gap is there.
//
// The bench page, built unminified so names stay readable, calls `console.profile()` at its timed
// start and `console.profileEnd()` in the next animation frame callback (`?first-task-profile`),
// with the sampler at 100 µs. Prints per side the first task's sampled time (median of the runs),
// then, averaged per run, the functions whose time differs most between the sides: inclusive time
// (a function and what it calls: which step of the render costs) and self time (where it is spent).
// `TOP=n` rows (30); `MATCH=regex` keeps the functions whose name and place match.
//
// A sample is wall-clock: a main thread that waits for a core (another thread compiling a chunk
// on this 2-core machine) charges the wait to whatever it was running. Two sides running the same
// function for different times point at such a wait (see bench/README.md, "A cold run").
import { coldPairs, openUntilDone } from './pages.mjs';

const [what = 'overview', runsArg = '8'] = process.argv.slice(2);
const runs = Number(runsArg);
const TOP = Number(process.env.TOP ?? 30);
/** `MATCH=regex`: only the functions whose name and place match (e.g. `MATCH='render '`). */
const MATCH = process.env.MATCH ? new RegExp(process.env.MATCH) : undefined;

const fileOf = (url) => (url || '').split('/').pop().replace(/-[\w-]{8}\.js$/, '');
const keyOf = (f) => `${f.functionName || '(anonymous)'}  ${fileOf(f.url) || '(native)'}:${f.lineNumber + 1}`;

/** One cold run's first-task profile, reduced to self and inclusive ms per function. */
async function one({ page, url }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const profiled = new Promise((resolve) => cdp.on('Profiler.consoleProfileFinished', (e) => resolve(e.profile)));
  await openUntilDone(page, url);
  const profile = await profiled;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = nodes.get(id);
    if (node.callFrame.functionName === '(idle)') return;
    total += ms;
    const key = keyOf(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    // Each function once per sample, however deep it recurs.
    const seen = new Set();
    for (let n = node; n; n = parent.get(n.id)) {
      const k = keyOf(n.callFrame);
      if (n.callFrame.functionName === '(root)' || seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  });
  return { total, self, inclusive };
}

const { rows, median } = await coldPairs(what, runs, one, { minify: false, query: '&first-task-profile' });

/** Per-run mean of each function's ms on both sides, largest difference first. */
function table(kind) {
  const mean = (side) => {
    const sum = new Map();
    for (const r of rows[side]) for (const [k, ms] of r[kind]) sum.set(k, (sum.get(k) ?? 0) + ms / rows[side].length);
    return sum;
  };
  const [ours, bare] = [mean('ours'), mean('bare')];
  const keys = new Set([...ours.keys(), ...bare.keys()]);
  return [...keys]
    .filter((k) => !MATCH || MATCH.test(k))
    .map((k) => [k, ours.get(k) ?? 0, bare.get(k) ?? 0])
    .sort((a, b) => Math.abs(b[1] - b[2]) - Math.abs(a[1] - a[2]))
    .slice(0, TOP);
}
const fmt = (x) => x.toFixed(1).padStart(7);
console.log(`\ncold ${what}, the first task (timed start → first frame), ${runs} runs per side`);
console.log(`  sampled time, median    ours ${fmt(median(rows.ours.map((r) => r.total)))} ms    bare ${fmt(median(rows.bare.map((r) => r.total)))} ms`);
for (const kind of ['inclusive', 'self']) {
  console.log(`\n${kind} time, ms a run (largest differences)\n${'ours'.padStart(7)}${'bare'.padStart(7)}${'diff'.padStart(7)}`);
  for (const [k, o, b] of table(kind)) console.log(`${fmt(o)}${fmt(b)}${fmt(o - b)}  ${k}`);
}
