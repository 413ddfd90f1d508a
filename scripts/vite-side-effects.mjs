import { existsSync } from 'node:fs';
import path from 'node:path';
// The modules of this repository that do something when imported: each element's registration
// module (`ip-*.ts`, which calls customElements.define), ECharts' setup, the demo, the stories and
// the mock worker. package.json's `sideEffects` describes the published package (`dist/`) only;
// the builds made from the sources here (demo, Storybook, the bundle, `npm run size`) mark these
// with this plugin, so a bundler never drops an element's registration.
const SOURCE_SIDE_EFFECTS = [
  /\/src\/components\/[^/]+\/ip-[^/]+\.ts$/,
  /\/src\/components\/shared\/echarts\/setup(-insights)?\.ts$/,
  /\/(demo|stories|\.storybook)\//,
  /\/mocks\/browser\.ts$/,
  /\.css$/,
];

/** @returns {import('vite').Plugin} */
export function sourceSideEffects() {
  return {
    name: 'ip-entity-page:source-side-effects',
    transform(code, id) {
      const file = id.split('?')[0];
      if (SOURCE_SIDE_EFFECTS.some((re) => re.test(file))) return { code, map: null, moduleSideEffects: true };
      return undefined;
    },
  };
}

/**
 * The same for esbuild (the benchmarks' build): a relative import of one of these modules keeps
 * its side effects, whatever package.json's `sideEffects` says of the sources.
 * @returns {import('esbuild').Plugin}
 */
export function esbuildSourceSideEffects() {
  return {
    name: 'ip-entity-page:source-side-effects',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, async (args) => {
        const ts = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        if (!SOURCE_SIDE_EFFECTS.some((re) => re.test(ts)) || !existsSync(ts)) return undefined;
        return { path: ts, sideEffects: true };
      });
    },
  };
}
