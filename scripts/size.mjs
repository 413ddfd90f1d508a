#!/usr/bin/env node
// `npm run size`: build each entry of size-budget.json alone (minified, production, dependencies
// included) and check its gzip size. Dynamic-import chunks are reported, not counted.
// Prints a table; exits 1 when a budget is exceeded.
import { build } from 'vite';
import { readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sourceSideEffects } from './vite-side-effects.mjs';
import { cssLiteralComments } from './css-literals.mjs';

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
const kb = (n) => (n / 1000).toFixed(process.env.SIZE_BYTES ? 3 : 1);
let failed = false;
const rows = [];

/**
 * SIZE_MODULES=<entry>: what the entry's first load carries, module by module (minified bytes as
 * rendered in the chunk, and each module's code gzipped alone, which over-counts what it shares
 * with its neighbours), grouped by package or source folder.
 */
function moduleReport(chunks) {
  const mods = chunks.flatMap((c) => Object.entries(c.modules)).map(([id, m]) => {
    const code = m.code ?? '';
    const path = id.replace(/\0/g, '').replace(process.cwd() + '/', '');
    const group = path.includes('node_modules/') ? path.replace(/.*node_modules\//, '').split('/').slice(0, path.includes('node_modules/@') ? 2 : 1).join('/') : path.split('/').slice(0, 3).join('/');
    return { path, group, min: m.renderedLength ?? code.length, gzip: code ? gzipSync(Buffer.from(code), { level: 9 }).length : 0 };
  });
  const groups = new Map();
  for (const m of mods) {
    const g = groups.get(m.group) ?? { min: 0, gzip: 0 };
    g.min += m.min;
    g.gzip += m.gzip;
    groups.set(m.group, g);
  }
  console.log('\nby package or folder (min bytes, gzip alone)');
  for (const [g, v] of [...groups].sort((a, b) => b[1].min - a[1].min)) console.log(`${String(v.min).padStart(8)} ${String(v.gzip).padStart(7)}  ${g}`);
  console.log('\nby module');
  for (const m of mods.sort((a, b) => b.min - a.min)) if (m.min > 0) console.log(`${String(m.min).padStart(8)} ${String(m.gzip).padStart(7)}  ${m.path}`);
  console.log('');
}

for (const [name, rule] of Object.entries(budget.entries)) {
  const outDir = `dist-size/${name}`;
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    plugins: [sourceSideEffects(), cssLiteralComments()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      write: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: rule.entry, formats: ['es'], fileName: () => `${name}.js` },
      // Chunks named without a content hash: the package ships tsc's files, which a host's bundler
      // names its own way, and random hash letters made the figures jitter by ±0.02 kB per commit.
      rolldownOptions: { output: { minify: true, chunkFileNames: '[name].js' } },
    },
  });
  const outputs = (Array.isArray(result) ? result[0] : result).output.filter((o) => o.type === 'chunk');
  const byName = new Map(outputs.map((o) => [o.fileName, o]));
  const entry = outputs.find((o) => o.isEntry);
  // Static imports are loaded before first paint; dynamic imports are lazy.
  const eager = new Set();
  const visit = (chunk) => {
    if (!chunk || eager.has(chunk.fileName)) return;
    eager.add(chunk.fileName);
    for (const imp of chunk.imports) visit(byName.get(imp));
  };
  visit(entry);
  const gz = (o) => gzipSync(Buffer.from(o.code), { level: 9 }).length;
  if (rule.noLit) {
    const lit = [...new Set(outputs.flatMap((o) => Object.keys(o.modules)).filter((m) => /node_modules\/(lit|lit-html|lit-element|@lit|@lit-labs)\//.test(m)).map((m) => m.replace(/.*node_modules\//, '').split('/').slice(0, m.includes('/@lit') ? 2 : 1).join('/')))];
    if (lit.length) {
      failed = true;
      rows.push([`✗ ${name}: contains Lit`, '', '', '', `${lit.join(', ')}: providers must not import Lit (see eslint.config.js, LAYERS)`]);
    }
  }
  if (process.env.SIZE_MODULES === name) moduleReport([...eager].map((f) => byName.get(f)));
  const eagerGzip = [...eager].reduce((a, f) => a + gz(byName.get(f)), 0);
  const eagerRaw = [...eager].reduce((a, f) => a + byName.get(f).code.length, 0);
  const ok = rule.reportOnly || eagerGzip <= rule.gzipKb * 1000;
  failed ||= !ok;
  rows.push([`${rule.reportOnly ? '·' : ok ? '✓' : '✗'} ${name}`, kb(eagerRaw), kb(eagerGzip), rule.reportOnly ? '' : `${rule.gzipKb}`, rule.what]);
  for (const o of outputs.filter((x) => !eager.has(x.fileName))) {
    const lazy = [rule.lazy ?? []].flat().find((l) => new RegExp(l.pattern).test(o.fileName));
    const lazyOk = !lazy || gz(o) <= lazy.gzipKb * 1000;
    failed ||= !lazyOk;
    rows.push([`  ${lazy ? (lazyOk ? '✓' : '✗') : ' '} lazy ${o.fileName}`, kb(o.code.length), kb(gz(o)), lazy ? `${lazy.gzipKb}` : '', lazy?.what ?? '']);
  }
}

console.log(['entry'.padEnd(34), 'min kB'.padStart(8), 'gzip kB'.padStart(8), 'budget'.padStart(7), '  what'].join(''));
for (const r of rows) console.log([r[0].padEnd(34), r[1].padStart(8), r[2].padStart(8), r[3].padStart(7), `  ${r[4]}`].join(''));
console.log(failed ? 'size budget exceeded' : 'size budgets met');
process.exit(failed ? 1 : 0);
