#!/usr/bin/env node
// The published package holds the library only: no mock service worker, mocks, stories, tests,
// demo or bench. Also checks that every `exports` target is in the package, that every public
// element (those with a React wrapper) has its own entry point, and that no source map ships.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { stripCssComments } from './css-literals.mjs';

const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const files = JSON.parse(out)[0].files.map((f) => f.path);
const forbidden = files.filter((f) => /mockServiceWorker|(^|\/)(mocks|stories|test|demo|bench|public|\.storybook)\//.test(f) || /\.(test|stories)\./.test(f));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const targets = [];
const collect = (v) => (typeof v === 'string' ? targets.push(v.replace(/^\.\//, '')) : Object.values(v).forEach(collect));
collect(pkg.exports);
// A pattern target (`./dist/react/*.js`) must match at least one file.
const matches = (t) => (t.includes('*') ? files.some((f) => new RegExp(`^${t.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`).test(f)) : files.includes(t));
const missing = targets.filter((t) => !matches(t));
// Every element with a React wrapper (the public ones) has its own registration entry point.
const wrappers = readdirSync('src/react').filter((f) => /^ip-.*\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, '.js'));
const noEntry = wrappers.filter((w) => !pkg.exports[`./${w}`]);
// Source maps would point at src/, which is not published (see size-budget.json's "package").
const maps = files.filter((f) => f.endsWith('.map'));
// The css`` literals ship without their comments (npm run build: scripts/css-literals.mjs).
const commented = files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/bundle/') && f.endsWith('.js')).filter((f) => {
  const code = readFileSync(f, 'utf8');
  return stripCssComments(code) !== code;
});
console.log(`${files.length} files in the package`);
if (forbidden.length) console.log(`✗ must not be published: ${forbidden.join(', ')}`);
if (missing.length) console.log(`✗ exports point to files not in the package: ${missing.join(', ')}`);
if (noEntry.length) console.log(`✗ elements without an entry point in exports: ${noEntry.join(', ')}`);
if (maps.length) console.log(`✗ source maps pointing at unpublished sources: ${maps.slice(0, 5).join(', ')}${maps.length > 5 ? ', …' : ''}`);
if (commented.length) console.log(`✗ CSS comments left in css\`\` literals (run npm run build): ${commented.slice(0, 5).join(', ')}`);
if (forbidden.length || missing.length || noEntry.length || maps.length || commented.length) process.exit(1);
console.log('✓ library files only; every export resolves; every element has an entry point; no source maps; no CSS comments in styles');
