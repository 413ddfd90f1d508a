#!/usr/bin/env node
// `node bench/profile.mjs page overview`: where a bench case's time goes. Builds the bench page
// as `npm run bench` does but unminified (names stay readable), opens `<bench>.html?profile=<case>`,
// which warms up, then repeats our side while the Chrome DevTools Protocol records a CPU profile;
// prints self time by function and by file, summed over the repeats, so a change is made against
// a trace, not a guess. PROFILE_OUT=file.cpuprofile keeps the profile for DevTools (PROFILE_ALL=1:
// every recorded part's, as an array). PROFILE_TRACE=1 adds one run's frames, style and layout.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPages, launchBrowser, newBenchPage, servePages } from './pages.mjs';

const [name = 'page', what = 'overview'] = process.argv.slice(2);
const dist = path.join(path.dirname(new URL(import.meta.url).pathname), 'dist-profile');
await buildPages([name], dist, { minify: false });
const { server, base } = await servePages(dist);
/** The case's page in a new browser, warmed up and waiting for `profileGo`. */
async function openCase() {
  const browser = await launchBrowser();
  const page = await newBenchPage(browser);
  page.on('pageerror', (e) => console.error(e.message));
  page.on('console', (m) => process.env.PROFILE_LOG && console.log(m.text()));
  await page.goto(`${base}/${name}.html?profile=${encodeURIComponent(what)}`);
  await page.waitForFunction(() => window.profileReady, undefined, { timeout: 120_000 });
  return { browser, page };
}
const { browser, page } = await openCase();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
// A bench may record only the part it measures, with console.profile() / profileEnd() around it
// (the page bench's tabs: not the overview each visit starts from); otherwise the whole run is.
const profiles = [];
cdp.on('Profiler.consoleProfileFinished', ({ profile }) => profiles.push(profile));
await cdp.send('Profiler.start');
await page.evaluate(() => (window.profileGo = true));
await page.waitForFunction(() => window.benchSample !== undefined, undefined, { timeout: 300_000 });
const { profile: whole } = await cdp.send('Profiler.stop');
if (!profiles.length) profiles.push(whole);
const median = await page.evaluate(() => window.benchSample);
await browser.close();
if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(process.env.PROFILE_ALL ? profiles : profiles[0]));

// Self time per node: the samples that landed in it, times the interval between them.
const self = new Map();
const nodes = [];
const byFn = new Map();
const byFile = new Map();
let total = 0;
profiles.forEach((profile, p) => {
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => self.set(`${p}:${id}`, (self.get(`${p}:${id}`) ?? 0) + (dt[i + 1] ?? 0) / 1000));
  for (const node of profile.nodes) nodes.push({ ...node, id: `${p}:${node.id}`, children: (node.children ?? []).map((c) => `${p}:${c}`) });
});
for (const node of nodes) {
  const ms = self.get(node.id) ?? 0;
  if (!ms) continue;
  const f = node.callFrame;
  if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
  total += ms;
  const file = f.url ? f.url.replace(/^.*\/dist-profile\//, '') : f.functionName;
  const key = `${f.functionName || '(anonymous)'}  ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + ms);
  byFile.set(file, (byFile.get(file) ?? 0) + ms);
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
const scope = profiles.length > 1 ? `over the ${profiles.length} measured parts` : 'over 20 runs';
console.log(`${name} ${what}: median ${median.toFixed(1)} ms a run; ${total.toFixed(0)} ms busy ${scope}`);
console.log('\nself time by file');
for (const [k, v] of top(byFile, 15)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
console.log('\nself time by function');
for (const [k, v] of top(byFn, 40)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);

// Who calls the busiest functions (their parent frames, by self time below them).
const parent = new Map();
for (const node of nodes) for (const c of node.children) parent.set(c, node);
const callers = (name) => {
  const by = new Map();
  for (const node of nodes) {
    if (node.callFrame.functionName !== name) continue;
    const ms = self.get(node.id) ?? 0;
    const p = parent.get(node.id)?.callFrame;
    const key = p ? `${p.functionName || '(anonymous)'}  ${(p.url || '').replace(/^.*\/dist-profile\//, '')}:${p.lineNumber + 1}` : '(root)';
    by.set(key, (by.get(key) ?? 0) + ms);
  }
  return top(by, 4);
};
console.log('\ncallers of the five busiest functions');
for (const [key] of top(byFn, 5)) {
  const name = key.split('  ')[0];
  console.log(`  ${name}`);
  for (const [k, v] of callers(name === '(anonymous)' ? '' : name)) console.log(`${v.toFixed(1).padStart(10)} ms  ← ${k}`);
}

// PROFILE_TRACE=1: one more run under a Chrome trace, its main thread as a timeline from the
// page's `measured-start` mark to `measured-end`: what ran when (tasks, frames, style, layout,
// paint), so frames spent waiting show as the gaps between them.
if (process.env.PROFILE_TRACE) {
  const { browser: browser2, page: page2 } = await openCase();
  await browser2.startTracing(page2, { categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel'] });
  await page2.evaluate(() => (window.profileGo = true));
  await page2.waitForFunction(() => window.benchSample !== undefined, undefined, { timeout: 300_000 });
  const trace = JSON.parse((await browser2.stopTracing()).toString());
  await browser2.close();
  const events = trace.traceEvents;
  const marks = events.filter((e) => e.name === 'measured-start' || e.name === 'measured-end').sort((a, b) => a.ts - b.ts);
  const starts = marks.filter((e) => e.name === 'measured-start');
  const start = starts[starts.length - 1];
  const end = marks.find((e) => e.name === 'measured-end' && e.ts > start.ts);
  const main = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.ts >= start.ts && e.ts <= end.ts);
  const shown = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
  console.log(`\ntimeline of the last measured run (${((end.ts - start.ts) / 1000).toFixed(1)} ms), main thread, ms from its start`);
  // Top-level slices: tasks when the trace has them, else the outermost events.
  const sorted = main.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  for (const e of sorted) {
    const last = tasks[tasks.length - 1];
    if (last && e.ts < last.ts + last.dur) continue;
    if (e.dur > 50) tasks.push(e);
  }
  for (const t of tasks) {
    const inner = main.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 200 && !shown.has(e.name));
    const by = new Map();
    for (const e of inner) {
      const label = e.name === 'FunctionCall' ? `FunctionCall ${e.args?.data?.functionName || ''}`.trim() : e.name;
      by.set(label, (by.get(label) ?? 0) + e.dur);
    }
    const what = `${t.name}: ` + [...by].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ');
    console.log(`${((t.ts - start.ts) / 1000).toFixed(1).padStart(7)}  ${(t.dur / 1000).toFixed(1).padStart(6)} ms  ${what}`);
  }
  // Each style recalculation and layout of the run, with what it had to do.
  console.log('\nstyle and layout of that run');
  for (const e of main.filter((x) => (x.name === 'Layout' || x.name === 'UpdateLayoutTree') && x.dur > 200)) {
    const d = e.name === 'Layout' ? e.args?.beginData ?? {} : e.args?.elementCount !== undefined ? { elements: e.args.elementCount } : e.args?.beginData ?? {};
    const done = e.args?.endData ?? {};
    console.log(`${((e.ts - start.ts) / 1000).toFixed(1).padStart(7)}  ${(e.dur / 1000).toFixed(1).padStart(6)} ms  ${e.name} ${JSON.stringify({ ...d, ...(done.layoutRoots ? { roots: done.layoutRoots.length } : {}) }).slice(0, 200)}`);
  }
}
server.close();
