#!/usr/bin/env node
// The comments in the components' css`` literals explain the sources; the published code carries
// no need for them: they are text every host ships and every browser parses (1.6 kB of the page's
// first paint). `stripCssComments` takes them out of css`` literals only (a comment becomes a
// space, as CSS reads it), leaving the interpolations as they are.
//
// Used on tsc's output (`node scripts/css-literals.mjs dist`, in `npm run build`) and, as a Vite
// plugin, by the builds made from the sources (the bundle and `npm run size`), so what is measured
// is what is published.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const stripText = (text) => text.replace(/\/\*[\s\S]*?\*\//g, ' ');

/** `code` with the CSS comments of its css`` literals removed. */
export function stripCssComments(code) {
  let out = '';
  let i = 0;
  // The tag where a value goes (`= css\``, `[css\``, `(css\``; tsc writes `css \``), never `foocss\``
  // or the word in a string or a comment.
  const tag = /(?<=[=(,[:]\s*)css\s*`/g;
  for (;;) {
    tag.lastIndex = i;
    const found = tag.exec(code);
    if (!found) return out + code.slice(i);
    out += code.slice(i, tag.lastIndex);
    i = tag.lastIndex;
    let text = '';
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        out += stripText(text);
        text = '';
        let depth = 0;
        const from = i;
        i++; // the `{` after `$`
        do {
          if (code[i] === '{') depth++;
          else if (code[i] === '}') depth--;
          i++;
        } while (depth > 0 && i < code.length);
        out += code.slice(from, i);
      } else text += code[i++];
    }
    out += stripText(text);
  }
}

/** The same for the builds made from the sources. @returns {import('vite').Plugin} */
export function cssLiteralComments() {
  return {
    name: 'ip-entity-page:css-literal-comments',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!/\/src\/.*\.ts$/.test(file) || !/css\s*`/.test(code)) return undefined;
      return { code: stripCssComments(code), map: null };
    },
  };
}

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (p.endsWith('.js')) yield p;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'dist';
  let changed = 0;
  for (const file of files(dir)) {
    const code = readFileSync(file, 'utf8');
    if (!/css\s*`/.test(code)) continue;
    const next = stripCssComments(code);
    if (next !== code) {
      writeFileSync(file, next);
      changed++;
    }
  }
  if (process.env.CSS_LITERALS_VERBOSE) console.log(`css literal comments removed from ${changed} files in ${dir}`);
}
