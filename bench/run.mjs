#!/usr/bin/env node
// `npm run bench [-- name…]`: run the benchmarks under bench/src in headless Chromium.
// Each bench page measures its cases and a baseline in the same page and run; this script
// prints medians (and quartiles) over the repeated runs and the ratio to the baseline, and
// writes bench/results/<name>.json. Targets are checked and reported, not enforced by CI.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChrome } from '../scripts/find-chrome.mjs';

const root = path.dirname(new URL(import.meta.url).pathname);
const wanted = process.argv.slice(2);
const benches = readdirSync(path.join(root, 'src'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''))
  .filter((n) => !wanted.length || wanted.includes(n));

mkdirSync(path.join(root, 'dist'), { recursive: true });
mkdirSync(path.join(root, 'results'), { recursive: true });
for (const name of benches) {
  await build({
    entryPoints: [path.join(root, 'src', `${name}.bench.ts`)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile: path.join(root, 'dist', `${name}.js`),
    tsconfig: path.join(root, '..', 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(path.join(root, 'dist', `${name}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body><script type="module" src="./${name}.js"></script></body></html>`);
}

const server = createServer((req, res) => {
  const file = path.join(root, 'dist', decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(path.join(root, 'dist')) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  const type = file.endsWith('.js') ? 'text/javascript' : 'text/html';
  res.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const browser = await chromium.launch({
  executablePath: findChrome(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
};
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

let missed = 0;
for (const name of benches) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.error(`[${name}] ${e.message}`));
  await page.goto(`http://127.0.0.1:${port}/${name}.html`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 600_000, polling: 500 });
  const result = await page.evaluate(() => window.benchResult);
  await page.close();
  writeFileSync(path.join(root, 'results', `${name}.json`), JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2));
  console.log(`\n${name}: ${result.description}`);
  for (const c of result.counts ?? []) console.log(`${c.name.padEnd(64)} ${c.value}`);
  if (!result.cases.length) continue;
  console.log(`${'case'.padEnd(58)}${'runs'.padStart(5)}${'median ms'.padStart(11)}${'p25–p75'.padStart(16)}${'baseline'.padStart(10)}${'ratio'.padStart(7)}${'target'.padStart(9)}`);
  for (const c of result.cases) {
    const med = quantile(c.samples, 0.5);
    const base = c.baseline ? quantile(c.baseline, 0.5) : undefined;
    const ok = c.targetMs === undefined || med <= c.targetMs;
    if (!ok) missed++;
    console.log(
      `${c.name.padEnd(58)}${String(c.samples.length).padStart(5)}${fmt(med).padStart(11)}${`${fmt(quantile(c.samples, 0.25))}–${fmt(quantile(c.samples, 0.75))}`.padStart(16)}${(base === undefined ? '' : fmt(base)).padStart(10)}${(base === undefined ? '' : (med / base).toFixed(2)).padStart(7)}${(c.targetMs === undefined ? '' : `${ok ? '✓' : '✗'} ≤${c.targetMs}`).padStart(9)}`,
    );
  }
  if (result.notes?.length) for (const n of result.notes) console.log(`  note: ${n}`);
}
await browser.close();
server.close();
console.log(missed ? `\n${missed} target(s) missed` : '\nall targets met');
