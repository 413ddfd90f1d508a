#!/usr/bin/env node
// `node bench/cold-frames.mjs [case] [runs]` (case: overview (default), alerts, devices, sentinel):
// a cold run's timeline without a trace, ours against its baseline. Tracing slows the main thread
// and the network unevenly (in a traced cold overview, ours' chunks seemed to arrive 60 ms late;
// untraced they arrive within 30 ms), so this reads only what the page itself records: the Long
// Animation Frames API (frames over 50 ms: when their rendering started, what script ran in them)
// and Resource Timing (when each lazy chunk was asked for and when it arrived). Prints per side the
// medians of:
//
// - the run's total;
// - the first task: the script that runs from the timed start to the first frame (set ip →
//   provider answers → every element's first render), and when that frame's rendering starts;
// - when the ECharts chunk arrives (responseEnd), and how many chunks the run asked for before it ended;
//
// then each run's long frames as they came, to read by eye. Built as the bench builds its pages.
import { coldPairs, openUntilDone } from './pages.mjs';

const [what = 'overview', runsArg = '8'] = process.argv.slice(2);
const runs = Number(runsArg);

/** One untraced cold run: its long frames and chunk loads, in ms from the timed start. */
async function one({ page, url, side, counted }) {
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.longFrames = [];
    new PerformanceObserver((list) => w.longFrames.push(...list.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
  });
  await openUntilDone(page, url);
  const run = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0].startTime;
    const start = at('timed-start');
    const frames = /** @type {any} */ (window).longFrames
      .filter((f) => f.startTime + f.duration >= start)
      .map((f) => ({
        start: f.startTime - start,
        duration: f.duration,
        render: f.renderStart - start,
        scripts: f.scripts.map((s) => ({ what: `${s.invokerType} ${s.invoker}`.slice(0, 48), file: (s.sourceURL || '').split('/').pop(), start: s.startTime - start, duration: s.duration })),
      }));
    const end = at('timed-end');
    const chunks = performance.getEntriesByType('resource').filter((r) => r.startTime >= start && r.startTime <= end).map((r) => ({ name: r.name.split('/').pop(), asked: r.startTime - start, arrived: r.responseEnd - start }));
    return { total: end - start, frames, chunks };
  });
  if (counted) {
    console.log(`${side} ${run.total.toFixed(0)} ms`);
    for (const f of run.frames) console.log(`  frame ${f.start.toFixed(0)} +${f.duration.toFixed(0)}, rendering at ${f.render.toFixed(0)}: ${f.scripts.map((s) => `${s.what} ${s.file} @${s.start.toFixed(0)} +${s.duration.toFixed(0)}`).join('; ')}`);
  }
  const first = run.frames[0];
  const firstScript = first?.scripts.find((s) => s.start < 5);
  return {
    total: run.total,
    'first task (script)': firstScript?.duration ?? NaN,
    'first frame renders at': first && first.start < 5 ? first.render : NaN,
    'ECharts chunk arrives at': run.chunks.find((c) => c.name.startsWith('setup-'))?.arrived ?? NaN,
    'chunks asked for': run.chunks.length,
  };
}

const { rows: samples, median } = await coldPairs(what, runs, one);
const fmt = (x) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(1)).padStart(8);
console.log(`\ncold ${what}, untraced, medians of ${runs} runs per side (ms from the timed start)`);
console.log(`${''.padEnd(28)}${'ours'.padStart(8)}${'bare'.padStart(8)}`);
for (const k of Object.keys(samples.ours[0])) console.log(`  ${k.padEnd(26)}${fmt(median(samples.ours.map((r) => r[k])))}${fmt(median(samples.bare.map((r) => r[k])))}`);
