// The test server serves modules unbundled; a CommonJS-only dependency (ipaddr.js) must become an
// ES module first, as Vite, webpack or esbuild do for hosts. esbuild wraps it: `export default require_x()`.
import { build } from 'esbuild';
import path from 'node:path';

/** @param {string[]} packages @returns {import('@web/dev-server-core').Plugin} */
export function cjsToEsm(packages) {
  const marks = packages.map((p) => `/node_modules/${p}/`);
  return {
    name: 'cjs-to-esm',
    async transform(context) {
      if (!marks.some((m) => context.path.includes(m))) return undefined;
      const file = path.join(process.cwd(), context.path);
      const result = await build({
        stdin: { contents: String(context.body), resolveDir: path.dirname(file), sourcefile: file },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      });
      return { body: result.outputFiles[0].text };
    },
  };
}
