#!/usr/bin/env node
// `npm run bench [-- name…]`: run the benchmarks under bench/src in headless Chromium.
//
// Each bench page runs its element and a baseline interleaved in the same page (AB BA AB …, warm-up
// pairs discarded, more pairs while a target is undecided; see harness.ts `compare`). This script
// prints, per case, the median with its 95 % confidence interval, the ratio of medians to the baseline
// with its interval, and a verdict per target: met (the whole interval inside), missed (the whole
// interval outside) or can't tell. A bench may also ask for cold runs: each one a fresh browser
// context (empty HTTP cache, new module map), candidate and baseline alternating. Results go to
// bench/results/<name>.json. Targets are reported, not enforced by CI (timings on a shared CI
// machine are not a gate); the note of each issue quotes the figures.
import { buildPages, launchBrowser, loadStats, newBenchPage, openUntilDone, servePages } from './pages.mjs';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);
const dist = path.join(root, 'dist');
const wanted = process.argv.slice(2);
const benches = readdirSync(path.join(root, 'src'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''))
  .filter((n) => !wanted.length || wanted.includes(n));
const unknown = wanted.filter((n) => !benches.includes(n));
if (unknown.length) {
  console.error(`No bench named ${unknown.join(', ')}; there are: ${readdirSync(path.join(root, 'src')).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', '')).join(', ')}`);
  process.exit(2);
}

mkdirSync(dist, { recursive: true });
mkdirSync(path.join(root, 'results'), { recursive: true });
await buildPages(benches, dist);
// The same statistics the pages use, built for Node.
const { asTarget, medianInterval, ratioInterval, verdict, undecided } = await loadStats(dist);

const { server, base } = await servePages(dist);

const browser = await launchBrowser(['--enable-precise-memory-info', '--js-flags=--expose-gc']);

/** Load a bench page in a fresh context and wait for what it publishes. */
async function runPage(name, query, key) {
  const page = await newBenchPage(browser);
  const context = page.context();
  page.on('pageerror', (e) => console.error(`[${name}] ${e.message}`));
  page.on('crash', () => console.error(`[${name}] the page crashed${query ? ` (${query})` : ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || process.env.BENCH_DEBUG) console.error(`[${name}] ${m.text()}`);
  });
  // Nothing of ours runs in the page until it says it is done (see DONE_MESSAGE in harness.ts).
  await openUntilDone(page, `${base}/${name}.html${query ? `?${query}` : ''}`, 900_000);
  const [value, error] = await page.evaluate((k) => [window[k], window.benchError], key);
  if (error !== undefined) {
    await context.close();
    throw new Error(`bench ${name} failed: ${error}`);
  }
  await context.close();
  return value;
}

/**
 * Cold runs asked for by a bench: fresh context each, candidate and baseline alternating; then, as
 * the warm cases do, more pairs (batches of 8, up to three times the runs asked for) while a
 * target is undecided, so a close call gets a tighter interval rather than a "can't tell".
 */
async function runCold(name, spec) {
  const c = { name: spec.name, samples: [], baseline: spec.baseline ? [] : undefined, baselineName: spec.baselineName, targetMs: spec.targetMs, ratioTarget: spec.ratioTarget, warmup: 1, cold: true };
  const one = async (query, into) => into.push(await runPage(name, query, 'benchSample'));
  // One pair discarded: the first context of the browser pays for its own start-up.
  await one(spec.candidate, []);
  if (spec.baseline) await one(spec.baseline, []);
  const pair = async (i) => {
    const order = [[spec.candidate, c.samples]];
    if (spec.baseline) order.push([spec.baseline, c.baseline]);
    if (i % 2) order.reverse();
    for (const [q, into] of order) await one(q, into);
  };
  let i = 0;
  for (; i < spec.runs; i++) await pair(i);
  const maxRuns = spec.maxRuns ?? spec.runs * 3;
  while (i < maxRuns && undecided(c)) {
    for (let k = 0; k < 8 && i < maxRuns; k++, i++) await pair(i);
  }
  return c;
}

const fmt = (x) => (!Number.isFinite(x) ? '–' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const targetText = (t, unit) => `≤ ${fmt(t.max)}${unit}${t.highMax !== undefined && t.highMax !== t.max ? `, interval ≤ ${fmt(t.highMax)}` : ''}`;

const tally = { met: 0, missed: 0, "can't tell": 0 };
function report(c) {
  const m = medianInterval(c.samples);
  const lines = [`  ${c.name}${c.cold ? ' (cold)' : ''}`];
  const runs = `${c.samples.length} runs${c.warmup ? ` (+${c.warmup} warm-up)` : ''}`;
  lines.push(`      ours      ${fmt(m.median).padStart(7)}  [${fmt(m.low)}–${fmt(m.high)}]`.padEnd(44) + runs);
  const verdicts = [];
  const ms = asTarget(c.targetMs);
  if (ms) verdicts.push([`median ${targetText(ms, '')}`, verdict(m, ms)]);
  if (c.baseline?.length) {
    const b = medianInterval(c.baseline);
    const r = ratioInterval(c.samples, c.baseline);
    lines.push(`      ${(c.baselineName ?? 'baseline').slice(0, 9).padEnd(9)} ${fmt(b.median).padStart(7)}  [${fmt(b.low)}–${fmt(b.high)}]`);
    lines.push(`      ratio     ${r.median.toFixed(2).padStart(7)}  [${r.low.toFixed(2)}–${r.high.toFixed(2)}]`.padEnd(44) + `ratio of medians, bootstrap over ${r.n} pairs`);
    if (c.ratioTarget) verdicts.push([`ratio ${targetText(c.ratioTarget, '')}`, verdict(r, c.ratioTarget)]);
    c.summary = { median: m, baselineMedian: b, ratio: r };
  } else c.summary = { median: m };
  for (const [what, v] of verdicts) {
    tally[v]++;
    lines.push(`      target ${what}: ${v === 'met' ? '✓ met' : v === 'missed' ? '✗ missed' : "? can't tell"}`);
  }
  c.verdicts = Object.fromEntries(verdicts);
  console.log(lines.join('\n'));
}

for (const name of benches) {
  const result = await runPage(name, '', 'benchResult');
  for (const spec of result.cold ?? []) result.cases.push(await runCold(name, spec));
  console.log(`\n${name}: ${result.description}`);
  for (const c of result.counts ?? []) console.log(`  ${c.name.padEnd(64)} ${c.value}`);
  for (const c of result.cases) report(c);
  for (const n of result.notes ?? []) console.log(`  note: ${n}`);
  writeFileSync(path.join(root, 'results', `${name}.json`), JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2));
}
await browser.close();
server.close();
console.log(`\nmedians with 95 % intervals (ms unless a case says otherwise); targets: ${tally.met} met, ${tally.missed} missed, ${tally["can't tell"]} can't tell`);
