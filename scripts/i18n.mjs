#!/usr/bin/env node
// Translations (@lit/localize): node scripts/i18n.mjs [--check]
//
// 1. `lit-localize extract`: every msg() in src/ into xliff/<locale>.xlf (targets already there are kept).
// 2. The pseudo-locale en-XA is written, not translated: each message accented and 40 % longer,
//    in brackets (⟦Ŝéåŕçĥ ÎÞ åððŕéšš ~~~~~~⟧), placeholders kept. Text that shows unaccented or
//    without its brackets in en-XA did not go through msg() or was cut off.
// 3. `lit-localize build`: src/locales/<locale>.ts, the modules the page loads.
// --check (CI): fails when a language lacks a translation, or when any of this changed files
// (a msg() added without extracting, a translation not built).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';

const check = process.argv.includes('--check');
const run = (...args) => execFileSync('npx', ['lit-localize', ...args], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const PSEUDO = 'en-XA';

run('extract');

const ACCENTS = { a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ', n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ', N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž' };

/** Accent the text between placeholders and entities; pad by 40 % of the visible length. */
function pseudo(source) {
  const parts = source.split(/(<x [^>]*\/>|&[a-z]+;|&#\d+;)/);
  let visible = 0;
  const out = parts.map((p, i) => {
    if (i % 2) return p;
    visible += p.length;
    return p.replace(/[A-Za-z]/g, (c) => ACCENTS[c] ?? c);
  });
  return `⟦${out.join('')} ${'~'.repeat(Math.max(1, Math.ceil(visible * 0.4)))}⟧`;
}

const pseudoFile = `xliff/${PSEUDO}.xlf`;
const xlf = readFileSync(pseudoFile, 'utf8').replace(
  /(<trans-unit id="[^"]+">\s*<source>)([\s\S]*?)(<\/source>)(?:\s*<target>[\s\S]*?<\/target>)?/g,
  (_, open, source, close) => `${open}${source}${close}\n  <target>${pseudo(source)}</target>`,
);
writeFileSync(pseudoFile, xlf);

run('build');

let failed = false;
for (const file of readdirSync('xliff').filter((f) => f.endsWith('.xlf'))) {
  const text = readFileSync(`xliff/${file}`, 'utf8');
  const units = text.match(/<trans-unit /g)?.length ?? 0;
  const targets = text.match(/<target>/g)?.length ?? 0;
  console.log(`${file}: ${targets} of ${units} messages translated`);
  if (targets < units) {
    failed = true;
    const untranslated = [...text.matchAll(/<trans-unit id="[^"]+">\s*<source>([\s\S]*?)<\/source>\s*<\/trans-unit>/g)].map((m) => m[1]);
    console.log(`  ✗ untranslated:\n${untranslated.map((u) => `    ${u}`).join('\n')}`);
  }
}
// Every element's files: a word typed straight into one of their templates (text between tags,
// or a label, placeholder, title or aria-label attribute) fails the check.
const LOCALIZED = readdirSync('src/components', { recursive: true })
  .map((f) => `src/components/${f}`)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.styles.ts'));
for (const file of LOCALIZED) {
  const code = readFileSync(file, 'utf8');
  const hardcoded = [];
  for (const [, inMsg, template] of code.matchAll(/(msg\()?html`((?:[^`\\]|\\.)*)`/g)) {
    if (inMsg) continue; // a message with markup: msg(html`…`)
    // Drop expressions (what they render is checked where they are written) and comments.
    const markup = template.replace(/\$\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}/g, '').replace(/<!--[\s\S]*?-->/g, '');
    for (const [, text] of markup.matchAll(/>([^<>]*)</g)) if (/[A-Za-z]{2,}/.test(text)) hardcoded.push(text.trim());
    for (const [, attr, value] of markup.matchAll(/\s(aria-label|placeholder|title|label)="([^"]*)"/g)) if (/[A-Za-z]{2,}/.test(value)) hardcoded.push(`${attr}="${value}"`);
  }
  if (hardcoded.length) {
    failed = true;
    console.log(`✗ ${file}: words not in msg():\n${hardcoded.map((h) => `    ${h}`).join('\n')}`);
  }
}

if (check) {
  const changed = execFileSync('git', ['status', '--porcelain', '--', 'xliff', 'src/locales'], { encoding: 'utf8' }).trim();
  if (changed) {
    failed = true;
    console.log(`✗ translations are not up to date (run node scripts/i18n.mjs and commit):\n${changed}`);
  }
}
if (failed) process.exit(1);
