// @ts-check
/**
 * Tests run in a real Chromium, found by scripts/find-chrome.mjs (CHROME_PATH, then the usual
 * install paths). Playwright drives it through `executablePath`: no browser is ever downloaded.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { cjsToEsm } from './scripts/wtr-cjs-plugin.mjs';
import { prebundle } from './scripts/wtr-prebundle-plugin.mjs';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { findChrome } from './scripts/find-chrome.mjs';
import { totalsReporter } from './scripts/totals-reporter.mjs';
import { timingsReporter } from './scripts/timings-reporter.mjs';
import { startKqlAnalyzer } from './mocks/kql/analyzer-service.mjs';
import { defenderProxy } from './docs/examples/defender-proxy.mjs';
import { fakeMde } from './mocks/mde-upstream.mjs';
import { elasticProxy } from './docs/examples/elastic-proxy.mjs';
import { fakeElastic } from './mocks/es-upstream.mjs';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_GROUPS } from './test/groups.mjs';

const executablePath = findChrome();
if (!executablePath) {
  throw new Error('No Chrome or Chromium found: install Chromium (e.g. `sudo apt-get install chromium`) or set CHROME_PATH.');
}

/** The strict policy the CSP test pages (test/csp/*.html) are served with. */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The lifecycle test measures the heap across mount/unmount cycles: it needs gc() and exact sizes.
  // `--max-opt=2`: V8 stops at its mid tier (Maglev) and never runs TurboFan, its optimizing
  // compiler. The same JavaScript, the same results; a test page runs most code a few times, so
  // optimizing it cost more than it saved: TurboFan's background compiles were a fifth of the test
  // pages' CPU (full suite here 278.7 → 248.2 s, 529 → 458 busy core-seconds). The benchmarks run
  // with V8's defaults (bench/pages.mjs); `TEST_FULL_JIT=1` runs the tests with them too.
  `--js-flags=--expose-gc${process.env.TEST_FULL_JIT ? '' : ' --max-opt=2'}`,
  '--enable-precise-memory-info',
];

/**
 * The suite must pass on any day and in any time zone. `TEST_CLOCK_SHIFT` moves every test page's
 * clock by a number of days (`366`: a year ahead) and `TEST_TIME_ZONE` sets the browser's zone
 * (`America/St_Johns`: UTC-03:30, not a whole hour, and a UTC day starts there the evening before;
 * `Asia/Kathmandu`: +05:45); CI runs the suite a year ahead in St. John's (.ci/run).
 * Only `Date` moves (an init script in every page and frame): timers, `performance` and its memory
 * figures stay real. Playwright's own clock would fake those too (`performance.memory` vanishes).
 */
const clockShiftDays = Number(process.env.TEST_CLOCK_SHIFT || 0);
if (!Number.isFinite(clockShiftDays)) throw new Error(`TEST_CLOCK_SHIFT must be a number of days, not ${process.env.TEST_CLOCK_SHIFT}`);
const timezoneId = process.env.TEST_TIME_ZONE || undefined;

/** Runs in the page before any of its scripts: `Date` with `shift` ms added to the present. */
function shiftDate(shift) {
  const RealDate = Date;
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + shift).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [RealDate.now() + shift] : args, new.target);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => RealDate.now() + shift;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  Object.defineProperty(ShiftedDate, 'name', { value: 'Date' });
  globalThis.Date = ShiftedDate;
}

let userAgentPromise;

/**
 * The browser's own user agent, marked as Storybook's test runner marks its pages. Storybook then
 * pauses CSS animations while a story renders and plays instead of waiting at least 100 ms for them
 * to finish (its `waitForAnimations`): every story test waits for its story to settle itself, so
 * that wait cost 100 ms a story and nothing else (test/stories/run-stories.ts).
 */
function testUserAgent(browser) {
  userAgentPromise ??= (async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const agent = await page.evaluate(() => navigator.userAgent);
    await context.close();
    return `${agent} StorybookTestRunner`;
  })();
  return userAgentPromise;
}

/** Browser contexts a finished test file handed back, its storage cleared, for the next file. */
const idleContexts = [];
const STORAGE = 'cookies,indexeddb,local_storage,service_workers,cache_storage,websql,file_systems,shader_cache';

/**
 * A browser context for one test file at a time. A fresh context per file (the runner's default)
 * starts with an empty HTTP and code cache, so every file fetched and compiled its few hundred
 * modules anew. Here a context goes back to a pool when its file ends, its page closed and its
 * origin's storage cleared (local storage, IndexedDB, cookies, the mock service worker), so the
 * next file starts from a clean page and origin but cached modules. Files running at the same
 * time never share a context (`TEST_FRESH_CONTEXTS=1`: a new context per file, as before).
 */
async function reusedContext(browser) {
  const userAgent = await testUserAgent(browser);
  const fresh = () => browser.newContext({ userAgent, ...(timezoneId ? { timezoneId } : {}) });
  if (process.env.TEST_FRESH_CONTEXTS) return fresh();
  const context = idleContexts.pop() ?? (await fresh());
  let page;
  let origin;
  return {
    async newPage() {
      page = await context.newPage();
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame() && /^https?:/.test(frame.url())) origin = new URL(frame.url()).origin;
      });
      return page;
    },
    async close() {
      try {
        if (origin && page && !page.isClosed()) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: STORAGE });
          await cdp.detach();
        }
        await page?.close();
        await context.clearCookies();
        idleContexts.push(context);
      } catch {
        await context.close().catch(() => {});
      }
    },
  };
}

/** Microsoft's KQL analyser in a worker thread, loading while the browsers start (it takes seconds). */
const kql = startKqlAnalyzer();

/** Every test file (a `.test.ts` or `.test.tsx` anywhere under test/), sorted. */
function allTestFiles(dir = 'test') {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? allTestFiles(join(dir, d.name)) : /\.test\.tsx?$/.test(d.name) ? [join(dir, d.name)] : []))
    .sort();
}

/**
 * The files a run opens, one page each: those of `TEST_FILES`, or every test file with the groups
 * of test/groups.mjs each in one page (an entry under .test-groups/ that imports its files).
 */
function suiteFiles() {
  if (process.env.TEST_FILES) return process.env.TEST_FILES.split(',');
  const all = allTestFiles();
  if (process.env.TEST_UNGROUPED) return all;
  const grouped = new Set();
  rmSync('.test-groups', { recursive: true, force: true });
  mkdirSync('.test-groups');
  const entries = Object.entries(TEST_GROUPS).map(([name, files]) => {
    for (const file of files) {
      if (!all.includes(file)) throw new Error(`test/groups.mjs names ${file}, which is not a test file`);
      if (grouped.has(file)) throw new Error(`test/groups.mjs names ${file} twice`);
      grouped.add(file);
    }
    const entry = `.test-groups/${name}.test.ts`;
    writeFileSync(entry, `// Generated from test/groups.mjs: these test files share one page.\n${files.map((f) => `import '../${f}';`).join('\n')}\n`);
    return entry;
  });
  return [...entries, ...all.filter((f) => !grouped.has(f))];
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files: suiteFiles(),
  nodeResolve: true,
  // Three pages at a time on two cores. Playwright gives each page real focus and rAF. At two the
  // cores sat partly idle (pages waiting for answers, timers and frames): 565 s; at three they are
  // 98 % busy and the suite takes 455 s, every test passing (TEST_TIMINGS=1, /proc/stat). Four
  // pages only add contention: 276 s against 248-263 s at three (2026-12-08).
  concurrency: Number(process.env.TEST_CONCURRENCY ?? 3),
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
      createBrowserContext: ({ browser }) => reusedContext(browser),
      async createPage({ context }) {
        const page = await context.newPage();
        // DEBUG_PAGES=1: each page's errors, failed requests and non-200 answers (with how they may be cached).
        if (process.env.DEBUG_PAGES) {
          page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
          page.on('response', (r) => (r.status() >= 300 || r.url().includes('.json')) && console.log('response:', r.status(), r.url(), r.request().headers()['sec-fetch-dest'], r.headers()['content-type'], r.headers()['cache-control'], r.fromServiceWorker()));
          page.on('requestfailed', (r) => console.log('failed:', r.url(), r.failure()?.errorText));
        }
        if (clockShiftDays) await page.addInitScript(shiftDate, clockShiftDays * 86_400_000);
        return page;
      },
    }),
  ],
  testFramework: { config: { timeout: 10000, ...(process.env.TEST_GREP ? { grep: process.env.TEST_GREP } : {}) } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: Number(process.env.TEST_FINISH_TIMEOUT ?? 300000),
  plugins: [
    // ECharts (~600 modules) and MSW are bundled once at start, as Vite's dependency optimizer does:
    // served unbundled, a cold first load of ECharts alone took longer than a test may wait.
    // React (CommonJS) and Vue for the framework tests, the way a host's bundler serves them.
    // Storybook's runtime (for the stories run as tests) bundles CommonJS dependencies too.
    prebundle(['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers', 'msw', 'msw/browser', 'vue', 'storybook/preview-api', 'storybook/test', '@storybook/web-components', '@storybook/web-components-vite', 'msw-storybook-addon/csf3'], {
      define: { 'process.env.NODE_ENV': '"development"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
      cjs: ['react', 'react-dom/client', 'react/jsx-runtime'],
      alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    }),
    // A JSON file imported as a module is asked for at its own URL (`?module`): the runner lets the
    // browser keep every file for a year, and a context reused across files would otherwise hand
    // an import the JSON it kept for a fetch of the same file.
    {
      name: 'json-module-url',
      resolveImport({ source }) {
        if (source.endsWith('.json') && !source.includes('?')) return `${source}?module`;
      },
    },
    // ipaddr.js (the Microsoft mocks' own IP check, independent of ours) ships CommonJS only; bundlers convert it, the test server must too.
    cjsToEsm(['ipaddr.js']),
    esbuildPlugin({
      ts: true,
      tsx: true,
      js: true,
      target: 'es2022',
      tsconfig: './tsconfig.json',
      // echarts/zrender read process.env.NODE_ENV; the browser has no `process`.
      define: { 'process.env.NODE_ENV': '"development"' },
    }),
  ],
  middleware: [
    // .storybook/preview.ts imports custom-elements.json as a JSON module; served as a module
    // script when an import reaches the browser without its `type: 'json'` attribute.
    async function jsonAsModule(context, next) {
      await next();
      if (context.path.endsWith('.json') && context.get('sec-fetch-dest') === 'script' && context.status === 200) {
        let text = context.body;
        if (typeof text !== 'string' && !Buffer.isBuffer(text)) {
          const chunks = [];
          for await (const chunk of text) chunks.push(Buffer.from(chunk));
          text = Buffer.concat(chunks);
        }
        context.body = `export default ${text.toString()};`;
        context.type = 'js';
      }
    },
    async function strictCspPages(context, next) {
      await next();
      if (context.path.startsWith('/test/csp/') && context.path.endsWith('.html')) context.set('Content-Security-Policy', STRICT_CSP);
    },
    // Microsoft's KQL analyser for the mocks of Defender XDR hunting and Log Analytics (Node only:
    // 4 MB of Bridge.NET), so a query the real service would refuse is refused here too.
    async function kqlAnalyzer(context, next) {
      if (context.path !== '/__kql/analyze' || context.method !== 'POST') return next();
      const chunks = [];
      for await (const chunk of context.req) chunks.push(chunk);
      context.type = 'json';
      context.body = JSON.stringify(await kql.handle(Buffer.concat(chunks).toString('utf8')));
    },
    // The Defender for Endpoint proxy recipe, exactly as documented, relaying to a stand-in of the
    // API built from its reference's examples (test/providers/defender-proxy.test.ts).
    async function defenderProxyRecipe(context, next) {
      if (context.path.startsWith('/__fake-mde/')) {
        context.respond = false;
        return fakeMde(context.req, context.res);
      }
      if (!context.path.startsWith('/__defender-proxy/')) return next();
      context.respond = false;
      return defenderProxy({ prefix: '/__defender-proxy', upstream: `http://${context.host}/__fake-mde`, timeoutMs: 5_000 })(context.req, context.res);
    },
    // The Elasticsearch and Kibana relay recipe, exactly as documented, relaying to stand-ins that
    // answer with the documented shapes (test/providers/elastic-proxy.test.ts).
    async function elasticProxyRecipe(context, next) {
      if (context.path.startsWith('/__fake-es') || context.path.startsWith('/__fake-kibana')) {
        context.respond = false;
        return fakeElastic(context.req, context.res);
      }
      if (!context.path.startsWith('/__es-proxy') && !context.path.startsWith('/__kibana-proxy/')) return next();
      context.respond = false;
      const relay = elasticProxy({ prefix: '/__es-proxy', kibanaPrefix: '/__kibana-proxy', elasticsearch: `http://${context.host}/__fake-es`, kibana: `http://${context.host}/__fake-kibana`, apiKey: 'cmVsYXk6a2V5', timeoutMs: 5_000 });
      return relay(context.req, context.res);
    },
    // MSW registers /mockServiceWorker.js with scope "/": serve it from ./public.
    function mswWorkerAtRoot(context, next) {
      if (context.path === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  // @lit-labs/virtualizer can raise the benign "ResizeObserver loop completed with undelivered
  // notifications"; mocha would fail the running test on it. Swallow only that one.
  //
  // The mock APIs answer in the page (MSW's fetch interception, which it uses where a browser has
  // no service worker), not through its service worker: the same handlers, the same answers, but
  // one mocked request took 11-16 ms and ~20 ms of CPU across the page, the worker and the browser
  // (a postMessage each way and the browser's own plumbing) against 1.7 ms and ~6 ms in the page.
  // The whole suite went from 811-863 to 698 core-seconds and from 403-428 to 347 s, every test
  // passing either way. The demo and Storybook keep the worker; TEST_SERVICE_WORKER=1 runs the
  // tests through it too.
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
    <script>
    // Lit's one-time "dev mode" notice is expected in tests; its other warnings still show.
    window.litIssuedWarnings = new Set(['dev-mode']);
    ${process.env.TEST_SERVICE_WORKER ? '' : 'delete Navigator.prototype.serviceWorker;'}
    window.addEventListener('error', (e) => {
      if (String(e.message).startsWith('ResizeObserver loop')) e.stopImmediatePropagation();
    }, true);</script>
    <script type="module" src="${testFramework}"></script></body></html>`,
  // A passing test prints nothing: failures, browser logs and the totals only.
  // TEST_TIMINGS=1: where the time goes, per file and per test, in .test-timings.
  reporters: [defaultReporter(), totalsReporter(), ...(process.env.TEST_TIMINGS ? [timingsReporter()] : [])],
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov'],
  },
};
