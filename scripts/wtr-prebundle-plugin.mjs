// Pre-bundled dependencies for the test server, the way Vite's dependency optimizer does it.
//
// The test server serves every module unbundled and transforms each on first request. ECharts
// is ~600 modules: loading it cold took 6–7 s on this 2-core machine (longer on a fresh one, past
// the tests' waits). Bundling the listed bare imports once at server start, with code splitting so
// that every entry shares one copy of each module, turns that into a handful of requests.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const PREFIX = '/__deps__/';

/**
 * @param {string[]} specifiers bare imports to pre-bundle (e.g. `echarts/core`); each keeps its
 *   own entry point so modules that import several of them still share one instance.
 * @param {{ define?: Record<string, string> }} [options]
 * @returns {import('@web/dev-server-core').Plugin}
 */
export function prebundle(specifiers, options = {}) {
  /** @type {Map<string, string>} served path → code */
  const files = new Map();
  /** @type {Map<string, string>} bare specifier → served path */
  const entries = new Map();
  /** @type {Promise<void> | undefined} */
  let ready;

  const entryName = (spec) => spec.replace(/[^a-zA-Z0-9]+/g, '_');

  async function bundle(rootDir) {
    const require = createRequire(`${rootDir}/`);
    const entryPoints = Object.fromEntries(specifiers.map((s) => [entryName(s), s]));
    // Resolve once here so a missing package fails at start with its name, not as a 404 later.
    for (const s of specifiers) require.resolve(s);
    const result = await build({
      absWorkingDir: rootDir,
      entryPoints,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: 'deps',
      write: false,
      sourcemap: false,
      logLevel: 'silent',
      define: options.define,
      chunkNames: 'chunk-[hash]',
    });
    for (const file of result.outputFiles) {
      const name = file.path.split('/').pop();
      files.set(`${PREFIX}${name}`, file.text);
    }
    for (const s of specifiers) entries.set(s, `${PREFIX}${entryName(s)}.js`);
  }

  return {
    name: 'prebundle-deps',
    serverStart({ config }) {
      ready = bundle(config.rootDir);
      return ready;
    },
    async resolveImport({ source }) {
      await ready;
      return entries.get(source);
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      await ready;
      const body = files.get(context.path);
      return body === undefined ? undefined : { body, type: 'js', headers: { 'cache-control': 'no-cache' } };
    },
  };
}
