import { defineConfig } from 'vite';
import { sourceSideEffects } from './scripts/vite-side-effects.mjs';
import { cssLiteralComments } from './scripts/css-literals.mjs';

// `npm run build` (second step): dist/bundle/ip-entity-page.bundle.js, everything included and
// minified, for hosts without a bundler. The package's other files are tsc's unbundled ESM.
export default defineConfig({
  publicDir: false, // keep public/mockServiceWorker.js out of the library
  plugins: [sourceSideEffects(), cssLiteralComments()],
  // Library mode does not replace process.env.NODE_ENV; echarts/zrender read it.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/bundle',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false, // not published: see the note on source maps in scripts/check-pack.mjs
    reportCompressedSize: false,
    lib: { entry: 'src/bundle.ts', formats: ['es'], fileName: () => 'ip-entity-page.bundle.js' },
    rolldownOptions: { output: { minify: true } },
  },
});
