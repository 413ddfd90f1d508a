#!/usr/bin/env node
// `node bench/profile.mjs page overview`: where a bench case's time goes. Builds the bench page
// as `npm run bench` does but unminified (names stay readable), opens `<bench>.html?profile=<case>`,
// which warms up, then repeats our side while the Chrome DevTools Protocol records a CPU profile;
// prints self time by function and by file, summed over the repeats, so a change is made against
// a trace, not a guess. PROFILE_OUT=file.cpuprofile keeps the profile for DevTools.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChrome } from '../scripts/find-chrome.mjs';
import { buildPages, servePages } from './pages.mjs';

const [name = 'page', what = 'overview'] = process.argv.slice(2);
const dist = path.join(path.dirname(new URL(import.meta.url).pathname), 'dist-profile');
await buildPages([name], dist, { minify: false });
const { server, base } = await servePages(dist);
const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
page.on('pageerror', (e) => console.error(e.message));
page.on('console', (m) => process.env.PROFILE_LOG && console.log(m.text()));
await page.goto(`${base}/${name}.html?profile=${encodeURIComponent(what)}`);
await page.waitForFunction(() => window.profileReady, undefined, { timeout: 120_000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.evaluate(() => (window.profileGo = true));
await page.waitForFunction(() => window.benchSample !== undefined, undefined, { timeout: 300_000 });
const { profile } = await cdp.send('Profiler.stop');
const median = await page.evaluate(() => window.benchSample);
await browser.close();
server.close();
if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));

// Self time per node: the samples that landed in it, times the interval between them.
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i + 1] ?? 0) / 1000));
const byFn = new Map();
const byFile = new Map();
let total = 0;
for (const node of profile.nodes) {
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
console.log(`${name} ${what}: median ${median.toFixed(1)} ms a run; ${total.toFixed(0)} ms busy over 20 runs (+ their overview loads for a tab)`);
console.log('\nself time by file');
for (const [k, v] of top(byFile, 15)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
console.log('\nself time by function');
for (const [k, v] of top(byFn, 40)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);

// Who calls the busiest functions (their parent frames, by self time below them).
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node);
const callers = (name) => {
  const by = new Map();
  for (const node of profile.nodes) {
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
