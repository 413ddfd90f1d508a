#!/usr/bin/env node
// `node bench/cold-trace.mjs [case] [runs]` (case: overview (default), alerts, devices, sentinel):
// where a cold run's time goes, ours against its baseline. Builds the page bench as `npm run bench`
// does, runs `page.html?cold=<case>:<side>` in fresh browser contexts (sides interleaved, the first
// pair discarded) under a Chrome trace, and prints per side the medians of:
//
// - the main thread's time by kind: JavaScript (with the DOM calls it makes), lazy compilation of
//   functions run for the first time, style and layout, paint, garbage collection, HTML parsing
//   (Lit's templates), and idle;
// - when the first layout starts (everything before it is the first render's script), when the
//   first lazy chunk starts evaluating, and when the run ends;
// - the raster workers' CPU (a frame's tiles drawn off the main thread; the next frame waits for it).
//
// Tracing slows both sides (compilation most), so read the figures against each other, not as the
// bench's. This is the tool behind the cold analysis in issue 30's notes: a change made against a
// trace, not a guess.
import { coldPairs, openUntilDone } from './pages.mjs';

const [what = 'overview', runsArg = '6'] = process.argv.slice(2);
const runs = Number(runsArg);

const CATEGORIES = ['toplevel', 'v8', 'devtools.timeline', 'disabled-by-default-v8.compile', 'blink.user_timing', 'cc'];
const KINDS = [
  ['compile', /^(V8\.(Compile|ParseFunction|PreParse)|v8\.compile)/],
  ['style + layout', /^(UpdateLayoutTree|Layout|RecalcStyle|UpdateLayerTree|InvalidateLayout)$/],
  ['paint', /^(Paint|PrePaint|Layerize|PaintImage|Commit)$/],
  ['gc', /(GC|Scavenge|Sweep|Mark)/],
  ['html parse', /^ParseHTML$/],
  ['script', /^(v8\.|FunctionCall|EvaluateScript|TimerFire|FireAnimationFrame|EventDispatch|BlinkScheduler_PerformMicrotaskCheckpoint|RunMicrotasks|ResizeObserver|IntersectionObserver)/],
];
const kindOf = (name) => KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other';

/** One cold run under a trace: the main thread's time by kind, marks, raster CPU. */
async function one({ page, browser, url }) {
  await browser.startTracing(page, { categories: CATEGORIES });
  await openUntilDone(page, url);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const start = events.find((e) => e.name === 'timed-start');
  const end = events.find((e) => e.name === 'timed-end');
  const inWindow = (e) => e.ph === 'X' && e.dur > 0 && e.ts >= start.ts && e.ts <= end.ts;
  const main = events.filter((e) => inWindow(e) && e.pid === start.pid && e.tid === start.tid).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time: each event's duration less its direct children's.
  const self = new Map();
  const stack = [];
  let busy = 0;
  for (const e of main) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent, self.get(parent) - e.dur);
    else busy += e.dur;
    self.set(e, e.dur);
    stack.push(e);
  }
  const row = { total: (end.ts - start.ts) / 1000, idle: (end.ts - start.ts - busy) / 1000 };
  for (const [e, us] of self) row[kindOf(e.name)] = (row[kindOf(e.name)] ?? 0) + us / 1000;
  const at = (name) => {
    const e = main.find((x) => x.name === name);
    return e ? (e.ts - start.ts) / 1000 : NaN;
  };
  row['first layout at'] = at('Layout');
  row['first chunk evaluated at'] = at('v8.evaluateModule');
  row['raster (workers)'] = events.filter((e) => inWindow(e) && e.name === 'RasterTask').reduce((s, e) => s + e.dur / 1000, 0);
  return row;
}

const { rows: samples, median } = await coldPairs(what, runs, one);

const keys = ['total', 'first layout at', 'first chunk evaluated at', 'script', 'compile', 'style + layout', 'paint', 'gc', 'html parse', 'other', 'idle', 'raster (workers)'];
const fmt = (x) => (Number.isNaN(x) ? '—' : x.toFixed(1)).padStart(8);
console.log(`cold ${what}, traced, medians of ${runs} runs per side (ms)`);
console.log(`${''.padEnd(26)}${'ours'.padStart(8)}${'bare'.padStart(8)}${'ours − bare'.padStart(13)}`);
for (const k of keys) {
  const o = median(samples.ours.map((r) => r[k] ?? 0));
  const b = median(samples.bare.map((r) => r[k] ?? 0));
  console.log(`  ${k.padEnd(24)}${fmt(o)}${fmt(b)}${fmt(o - b).padStart(13)}`);
}
