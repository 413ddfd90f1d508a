// The bench pages as a browser loads them: built from bench/src (the runner's minified build and
// the profiler's readable one are the same build otherwise) and served from their folder.
//
// Built with Vite, as a host app on the design card's toolchain is: a lazy chunk (ECharts, a tab)
// is its own file, and a dynamic import preloads the chunks it needs with it, as Vite (and
// webpack) do. `BENCH_BUNDLER=esbuild` builds with esbuild's code splitting instead, which has no
// such preload: a lazy import whose code is shared with another one reaches its code through a
// second request, made only once the first file has been parsed on the main thread.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome } from '../scripts/find-chrome.mjs';
import { esbuildSourceSideEffects, sourceSideEffects } from '../scripts/vite-side-effects.mjs';
import { cssLiteralComments } from '../scripts/css-literals.mjs';

const root = path.dirname(new URL(import.meta.url).pathname);

/** Build `names` (bench/src/<name>.bench.ts) into `outdir` with an HTML page each. */
export async function buildPages(names, outdir, { minify = true, bundler = process.env.BENCH_BUNDLER ?? 'vite' } = {}) {
  mkdirSync(outdir, { recursive: true });
  const input = Object.fromEntries(names.map((n) => [n, path.join(root, 'src', `${n}.bench.ts`)]));
  if (bundler === 'esbuild') {
    // One build with code splitting, so a lazy chunk (ECharts) is a real separate load, as in an app.
    await build({
      entryPoints: input,
      bundle: true,
      splitting: true,
      minify,
      format: 'esm',
      target: 'es2022',
      outdir,
      chunkNames: 'chunks/[name]-[hash]',
      tsconfig: path.join(root, '..', 'tsconfig.json'),
      define: { 'process.env.NODE_ENV': '"production"' },
      // package.json's sideEffects describes dist/ only: the elements' registration modules are kept here.
      plugins: [esbuildSourceSideEffects()],
      logLevel: 'warning',
    });
  } else {
    await viteBuild({
      root: path.join(root, '..'),
      configFile: false,
      publicDir: false,
      logLevel: 'error',
      // As every build from the sources: the registration modules kept, the css`` comments dropped.
      plugins: [sourceSideEffects(), cssLiteralComments()],
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: outdir,
        emptyOutDir: true,
        target: 'es2022',
        minify,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 10_000,
        modulePreload: { polyfill: false },
        manifest: true,
        rolldownOptions: { input, output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
      },
    });
  }
  const preloads = bundler === 'esbuild' ? () => [] : entryPreloads(outdir);
  for (const name of names) {
    const links = preloads(`bench/src/${name}.bench.ts`).map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`).join('');
    writeFileSync(path.join(outdir, `${name}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">${links}</head><body><script type="module" src="./${name}.js"></script></body></html>`);
  }
}

/**
 * The chunks an entry imports statically (transitively), read from Vite's manifest: an app's
 * index.html built by Vite lists them as `<link rel="modulepreload">`, and Vite's preload helper
 * skips a lazy import's dependencies already listed there. Without them it adds a link for each
 * chunk the page has loaded anyway, inside the first render of whatever imports lazily.
 */
function entryPreloads(outdir) {
  const manifest = JSON.parse(readFileSync(path.join(outdir, '.vite', 'manifest.json'), 'utf8'));
  return (entry) => {
    const files = new Set();
    const visit = (key) => {
      for (const dep of manifest[key]?.imports ?? []) {
        if (files.has(manifest[dep].file)) continue;
        files.add(manifest[dep].file);
        visit(dep);
      }
    };
    visit(entry);
    return [...files];
  };
}

/** The bench pages' statistics (bench/src/stats.ts), built into `outdir` for Node and imported. */
export async function loadStats(outdir) {
  const outfile = path.join(outdir, 'stats.mjs');
  await build({ entryPoints: [path.join(root, 'src', 'stats.ts')], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'warning' });
  return import(pathToFileURL(outfile).href);
}

/**
 * Cold runs of the page bench made by hand (cold-trace.mjs, cold-frames.mjs, cold-profile.mjs):
 * built into bench/dist-trace as the runner builds it (`minify: false` keeps the names readable),
 * served, and `one({ page, browser, url, side, counted })` called for each run in a fresh context,
 * ours and the baseline interleaved (AB BA …) for `runs` pairs after one discarded (`counted`
 * false); `query` is added to each run's address. Resolves to each side's rows (what `one`
 * returned) and a median that skips NaN.
 */
export async function coldPairs(what, runs, one, { minify = true, query = '' } = {}) {
  const dist = path.join(root, 'dist-trace');
  await buildPages(['page'], dist, { minify });
  const { quantile } = await loadStats(dist);
  const { server, base } = await servePages(dist);
  const browser = await launchBrowser();
  const rows = { ours: [], bare: [] };
  try {
    for (let i = 0; i <= runs; i++) {
      for (const side of i % 2 ? ['bare', 'ours'] : ['ours', 'bare']) {
        const page = await newBenchPage(browser);
        const row = await one({ page, browser, url: `${base}/page.html?cold=${what}:${side}${query}`, side, counted: i > 0 });
        await page.context().close();
        if (i > 0) rows[side].push(row);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { rows, median: (xs) => quantile(xs.filter((x) => !Number.isNaN(x)), 0.5) };
}

/**
 * Open `url` in `page` and resolve once the bench page says it is done on the console
 * (`bench:done`, harness.ts): nothing of the runner's runs in the page before then.
 */
export async function openUntilDone(page, url, timeout = 60_000) {
  const done = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench:done', timeout });
  await page.goto(url);
  await done;
}

/** Serve `dir` on a free local port, uncached; resolves to the server and its base URL. */
export async function servePages(dir) {
  const server = createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : 'text/html';
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** Headless Chromium as every bench script starts it (`extraArgs`: e.g. exact heap figures). */
export function launchBrowser(extraArgs = []) {
  return chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...extraArgs] });
}

/** A page in a fresh context of `browser`, at the viewport every bench measures in. */
export async function newBenchPage(browser) {
  return (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
}
