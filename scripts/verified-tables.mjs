#!/usr/bin/env node
// The "Tables" part of the "Verified against" sections of docs/providers/defender.md and
// sentinel.md, from mocks/kql/schemas.json (the schemas the KQL analyser checks every query
// against, each table with the documentation file and commit it was read from and the date):
//
//   node scripts/verified-tables.mjs          rewrite the two sections
//   node scripts/verified-tables.mjs --check  exit 1 when a section is not what the schemas say
//
// Run it after `scripts/kql-schemas.mjs` rebuilt the schemas.
import fs from 'node:fs';

const schemas = JSON.parse(fs.readFileSync(new URL('../mocks/kql/schemas.json', import.meta.url), 'utf8'));
const DOCS = { defender: 'docs/providers/defender.md', logAnalytics: 'docs/providers/sentinel.md' };
const START = '<!-- verified-tables:start (scripts/verified-tables.mjs) -->';
const END = '<!-- verified-tables:end -->';

function table(section) {
  const rows = Object.entries(schemas[section])
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, t]) => {
      const [where, commit] = t.source.split('@');
      const [repo, path] = where.split(':');
      return `| \`${name}\` | [${repo} \`${path}\`](https://github.com/${repo}/blob/${commit}/${path}) at \`${commit.slice(0, 8)}\` | ${t.read} |`;
    });
  return [START, '| Table | Columns and types read from | Checked |', '| --- | --- | --- |', ...rows, END].join('\n');
}

let stale = false;
for (const [section, file] of Object.entries(DOCS)) {
  const url = new URL(`../${file}`, import.meta.url);
  const text = fs.readFileSync(url, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${file} has no ${START} … ${END} section`);
  const next = text.slice(0, a) + table(section) + text.slice(b + END.length);
  if (next === text) continue;
  if (process.argv.includes('--check')) {
    console.error(`${file}: the verified tables differ from mocks/kql/schemas.json; run node scripts/verified-tables.mjs`);
    stale = true;
  } else fs.writeFileSync(url, next);
}
process.exit(stale ? 1 : 0);
