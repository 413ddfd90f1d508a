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
 * @param {{ define?: Record<string, string>, cjs?: string[], alias?: Record<string, string> }} [options]
 *   `alias`: serve a bare import from another file of the package (Vue's full build, with its
 *   template compiler, for `vue`). `cjs`: CommonJS-only
 *   packages (React) to serve as ES modules with named exports, as bundlers do: each is wrapped in
 *   a module that re-exports its `module.exports` keys by name (read in Node at start).
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
    const cjs = options.cjs ?? [];
    const all = [...specifiers, ...cjs];
    const alias = options.alias ?? {};
    const target = (s) => alias[s] ?? s;
    const entryPoints = Object.fromEntries([...specifiers.map((s) => [entryName(s), target(s)]), ...cjs.map((s) => [entryName(s), `cjs-named:${s}`])]);
    // Resolve once here so a missing package fails at start with its name, not as a 404 later.
    for (const s of all) require.resolve(target(s));
    /** @type {import('esbuild').Plugin} */
    const cjsNamed = {
      name: 'cjs-named',
      setup(b) {
        b.onResolve({ filter: /^cjs-named:/ }, (a) => ({ path: a.path.slice('cjs-named:'.length), namespace: 'cjs-named' }));
        b.onLoad({ filter: /.*/, namespace: 'cjs-named' }, (a) => {
          const names = Object.keys(require(a.path)).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
          return { contents: `import m from ${JSON.stringify(a.path)};\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`, resolveDir: rootDir, loader: 'js' };
        });
      },
    };
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
      plugins: [cjsNamed],
    });
    for (const file of result.outputFiles) {
      const name = file.path.split('/').pop();
      files.set(`${PREFIX}${name}`, file.text);
    }
    for (const s of all) entries.set(s, `${PREFIX}${entryName(s)}.js`);
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
