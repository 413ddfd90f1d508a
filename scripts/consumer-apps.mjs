#!/usr/bin/env node
// After `npm run build`: what a host gets from npm. Packs the package, reports the tarball's size
// against its budget, installs it into a scratch project, and for each app in test/consumers/
// type-checks it strictly against the published declarations, builds it with Vite (production,
// tree-shaken, as a host's build would) and renders it in Chromium:
// - bundle: `import 'ip-entity-page/bundle.js'` only for its side effects; every element must be
//   registered (a wrong `sideEffects` tree-shakes the bundle to nothing).
// - own-provider: the element modules and the README's provider example (docs/examples/own-provider.ts)
//   over a small SIEM served here; the overview, the chart (ECharts' lazy chunk), a filter and an
//   incident's alerts must show the right rows.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { findChrome } from './find-chrome.mjs';

const repo = process.cwd();
if (!existsSync('dist/index.js') || !existsSync('dist/bundle/ip-entity-page.bundle.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const problems = [];
// The README shows docs/examples/own-provider.ts as it is: the example a reader copies is the one tested here.
{
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('### Your own provider'), readme.indexOf('**Honour the whole query'));
  const shown = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  const file = readFileSync('docs/examples/own-provider.ts', 'utf8');
  if (shown !== file.slice(file.indexOf('import {'))) problems.push('README.md: the code under “Your own provider” is not docs/examples/own-provider.ts (from its first import)');
}
const work = mkdtempSync(path.join(tmpdir(), 'ip-entity-page-consumers-'));

// 1. The tarball, and its size against the budget.
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
const tarball = path.join(work, packed.filename);
const budget = JSON.parse(readFileSync('size-budget.json', 'utf8')).package;
const kb = (n) => (n / 1000).toFixed(0);
const sizeOk = packed.size <= budget.packedKb * 1000 && packed.unpackedSize <= budget.unpackedKb * 1000;
console.log(`${sizeOk ? '✓' : '✗'} package: ${kb(packed.size)} kB packed (budget ${budget.packedKb}), ${kb(packed.unpackedSize)} kB unpacked (budget ${budget.unpackedKb}), ${packed.entryCount} files`);
if (!sizeOk) problems.push(`the package is over its budget in size-budget.json ("package")`);

// 2. A scratch project with the tarball installed (and nothing from this repository).
writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'consumer-apps', private: true, type: 'module', dependencies: { 'ip-entity-page': `file:${tarball}` } }, null, 2));
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel', 'error'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
const tsconfig = {
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
  include: ['*.ts'],
};

const apps = ['bundle', 'own-provider'];
for (const app of apps) {
  const dir = path.join(work, app);
  cpSync(path.join(repo, 'test/consumers', app), dir, { recursive: true });
  if (app === 'own-provider') cpSync(path.join(repo, 'docs/examples/own-provider.ts'), path.join(dir, 'own-provider.ts'));
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  try {
    execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', dir], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    problems.push(`${app}: does not type-check against the published declarations:\n${e.stdout}`);
  }
  await build({ configFile: false, root: dir, base: './', logLevel: 'error', build: { outDir: path.join(dir, 'dist'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 } });
}

// 3. Serve the built apps and the SIEM the provider example asks.
const now = Date.now();
const iso = (hoursAgo) => new Date(now - hoursAgo * 3600_000).toISOString();
const alert = (id, title, severity, extra = {}) => ({ id, kind: 'alert', title, severity, status: 'new', classification: null, impactedAssets: [], firstActivity: iso(30), lastActivity: iso(20), ...extra });
const siem = {
  enrichment: { ip: '203.0.113.7', organization: 'Consumer Test Hosting', asn: 64496, countryCode: 'NL', reverseDns: [] },
  summary: { openIncidents: 1, activeAlerts: 4, incidentsBySeverity: { high: 1, medium: 0, low: 0, informational: 0 }, alertsBySeverity: { high: 1, medium: 2, low: 1, informational: 0 }, organizationPrevalence: 2, firstSeen: iso(48), lastSeen: iso(2) },
  logs: { firstSeen: iso(48), lastSeen: iso(2), sources: [{ source: 'DeviceNetworkEvents', firstSeen: iso(48), lastSeen: iso(2) }], loggedHosts: [] },
  prevalence: { bucket: 'day', buckets: [0, 1, 2, 3].map((d) => ({ start: new Date(Math.floor(now / 86400_000 - d) * 86400_000).toISOString(), devices: d + 1 })), totalDevices: 2, alertMarks: [] },
  alerts: [
    { ...alert('INC-1', 'Incident: beaconing to 203.0.113.7', 'high', { kind: 'incident', alertCount: 2 }) },
    alert('AL-1', 'Alert A: C2 connection', 'high', { incidentId: 'INC-1', lastActivity: iso(21) }),
    alert('AL-2', 'Alert B: suspicious download', 'medium', { incidentId: 'INC-1', lastActivity: iso(22) }),
    alert('AL-3', 'Unrelated: port scan', 'low', { lastActivity: iso(23) }),
    alert('AL-4', 'Unrelated: sign-in', 'medium', { lastActivity: iso(24) }),
  ],
  devices: [],
};
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const api = /^\/siem\/ip\/[^/]+\/(\w+)$/.exec(url.pathname);
  if (api) return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(siem[api[1]] ?? null));
  const [, app, rest] = /^\/([^/]+)(\/.*)$/.exec(url.pathname) ?? [];
  const file = app && apps.includes(app) ? path.join(work, app, 'dist', rest === '/' ? 'index.html' : rest) : '';
  if (!file || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu'] });

async function open(app, check) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${origin}/${app}/`);
    await check(page);
  } catch (e) {
    problems.push(`${app}: ${String(e.message ?? e).split('\n')[0]}`);
  }
  if (errors.length) problems.push(`${app}: console errors: ${errors.join(' | ')}`);
  await page.close();
}

/** Text of an element and every shadow root under it. */
const deepText = `const deepText = (n) => n.shadowRoot ? deepText(n.shadowRoot) : [...n.childNodes].map((c) => c.nodeType === 3 ? c.data : c.nodeType === 1 || c.nodeType === 11 ? deepText(c) : '').join(' ');`;

await open('bundle', async (page) => {
  const tags = ['ip-entity-page', 'ip-overview', 'ip-prevalence-chart', 'ip-alerts-list', 'ip-observed-devices', 'ip-traffic', 'ip-accounts', 'ip-response-actions', 'ip-indicator-wizard', 'ip-hunt-dialog', 'ip-case-dialog', 'ip-sentinel-events', 'ip-threat-intel', 'ip-reputation-badge', 'ip-indicator-badge', 'ip-note', 'ip-lookup-links', 'ip-copy-button', 'ip-external-url', 'ip-slow-notice', 'ip-time-range-picker'];
  await page.waitForLoadState('load');
  const missing = await page.evaluate((t) => t.filter((tag) => !customElements.get(tag)), tags);
  if (missing.length) throw new Error(`elements not registered: ${missing.join(', ')}`);
  await page.waitForFunction(new Function(`${deepText} return deepText(document.body).includes('No data provider configured');`), null, { timeout: 10000 }).catch(() => {
    throw new Error('the page did not render (expected “No data provider configured”)');
  });
});

await open('own-provider', async (page) => {
  const text = (js) => page.waitForFunction(new Function(`${deepText} ${js}`), null, { timeout: 15000 });
  await text(`return deepText(document.querySelector('ip-entity-page')).includes('Consumer Test Hosting');`).catch(() => {
    throw new Error('the overview did not show the provider’s organization');
  });
  await text(`const o = document.querySelector('ip-entity-page').shadowRoot.querySelector('ip-overview'); return o?.shadowRoot?.querySelector('ip-prevalence-chart')?.shadowRoot?.querySelector('canvas');`).catch(() => {
    throw new Error('the prevalence chart was not drawn (ECharts’ chunk)');
  });
  const list = `const root = document.querySelector('ip-alerts-list').shadowRoot; const rows = [...root.querySelectorAll('[role=row][aria-selected]')];`;
  const titles = `rows.map((r) => r.textContent.replace(/\\s+/g, ' '))`;
  await text(`${list} return rows.length === 2 && ${titles}.join('|').includes('Incident: beaconing') && ${titles}.join('|').includes('Alert A');`).catch(async () => {
    throw new Error(`the filter severity:high did not give the incident and its high alert: ${await page.evaluate(new Function(`${list} return ${titles}.join(' | ');`))}`);
  });
  await page.evaluate(new Function(`${list} [...rows[0].querySelectorAll('button')].find((b) => /^(Expand|Collapse) the alerts of/.test(b.getAttribute('aria-label') ?? '')).click();`));
  await text(`${list} const t = ${titles}; return rows.length === 4 && t[1].includes('Alert A') && t[2].includes('Alert B');`).catch(async () => {
    throw new Error(`expanding the incident did not show exactly its two alerts: ${await page.evaluate(new Function(`${list} return ${titles}.join(' | ');`))}`);
  });
});

await browser.close();
server.close();
rmSync(work, { recursive: true, force: true });
if (problems.length) {
  console.error(`✗ consumer apps:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`✓ the packed package installs, type-checks strictly, builds with Vite and renders: ${apps.join(', ')}`);
