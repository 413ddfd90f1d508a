// Rewrite a JSON file with stable formatting, so committed generated files diff cleanly.
// For a custom-elements manifest, modules are sorted by path: the analyzer lists them in
// file-system order, which differs between machines.
import { readFileSync, writeFileSync } from 'node:fs';

for (const file of process.argv.slice(2)) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  if (Array.isArray(json.modules)) json.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
