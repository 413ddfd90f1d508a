import { defineConfig } from 'vite';
import { sourceSideEffects } from './scripts/vite-side-effects.mjs';

// The demo (index.html): the page on generated data served by the MSW worker from ./public.
// Storybook merges this config too.
export default defineConfig({
  publicDir: 'public',
  plugins: [sourceSideEffects()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist-demo',
    emptyOutDir: true,
    target: 'es2022',
  },
});
