#!/usr/bin/env node
// After `npm run build`: load the self-contained bundle in a plain HTML page (no bundler, no
// dev server transforms) and check that the page renders its overview and draws the chart
// (the lazily loaded ECharts chunk resolves next to the bundle), with no console errors.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChrome } from './find-chrome.mjs';

const root = process.cwd();
if (!existsSync('dist/bundle/ip-entity-page.bundle.js')) {
  console.error('dist/bundle/ip-entity-page.bundle.js is missing: run `npm run build` first.');
  process.exit(1);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };
const server = createServer((req, res) => {
  const file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(root) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const problems = [];
page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
page.on('pageerror', (e) => problems.push(e.message));
let ok = false;
try {
  await page.goto(`http://127.0.0.1:${server.address().port}/test/smoke/bundle.html`);
  await page.waitForFunction(
    () => {
      const overview = document.querySelector('ip-entity-page')?.shadowRoot?.querySelector('ip-overview')?.shadowRoot;
      const chart = overview?.querySelector('ip-prevalence-chart')?.shadowRoot;
      return overview?.textContent?.includes('Smoke Test Hosting') && chart?.querySelector('canvas');
    },
    null,
    { timeout: 15000 },
  );
  // Every element is registered: a bundler that drops a registration module (sideEffects) shows here.
  const tags = ['ip-entity-page', 'ip-overview', 'ip-prevalence-chart', 'ip-alerts-list', 'ip-observed-devices', 'ip-traffic', 'ip-accounts', 'ip-response-actions', 'ip-indicator-wizard', 'ip-hunt-dialog', 'ip-case-dialog', 'ip-sentinel-events', 'ip-threat-intel', 'ip-reputation-badge', 'ip-indicator-badge', 'ip-note', 'ip-lookup-links', 'ip-insight-chart', 'ip-copy-button', 'ip-external-url', 'ip-slow-notice', 'ip-time-range-picker'];
  const missing = await page.evaluate((t) => t.filter((tag) => !customElements.get(tag)), tags);
  if (missing.length) problems.push(`elements not registered by the bundle: ${missing.join(', ')}`);
  ok = problems.length === 0;
} catch (e) {
  problems.push(String(e.message ?? e));
}
await browser.close();
server.close();
if (!ok) {
  console.error(`✗ bundle smoke test failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('✓ the bundle registers every element, renders the page and draws the chart in plain HTML');
