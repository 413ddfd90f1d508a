#!/usr/bin/env node
// After `npm run build`: the package's public TypeScript surface, one API report per entry point
// (api/*.api.md, made by @microsoft/api-extractor from the published declarations). CI runs it
// without --update and fails when a report differs from the one checked in, so any change to
// what hosts can import shows in review as a diff of api/. `node scripts/api-report.mjs --update`
// rewrites the reports after an intended change.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const update = process.argv.includes('--update');
const root = process.cwd();
/** Entry point (as hosts import it) → its declarations in dist/. */
const ENTRIES = {
  'ip-entity-page': 'dist/index.d.ts',
  'providers-rest': 'dist/providers/rest/index.d.ts',
  'providers-static': 'dist/providers/static/index.d.ts',
  'providers-defender': 'dist/providers/defender/index.d.ts',
  'providers-sentinel': 'dist/providers/sentinel/index.d.ts',
  'providers-elastic': 'dist/providers/elastic/index.d.ts',
  react: 'dist/react/index.d.ts',
  vue: 'dist/frameworks/vue.d.ts',
  jsx: 'dist/frameworks/jsx.d.ts',
};
if (!existsSync('dist/index.d.ts')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
mkdirSync('api', { recursive: true });
const changed = [];
let errors = 0;
for (const [name, entry] of Object.entries(ENTRIES)) {
  const config = ExtractorConfig.prepare({
    configObjectFullPath: path.join(root, 'api-extractor.json'),
    packageJsonFullPath: path.join(root, 'package.json'),
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: path.join(root, entry),
      compiler: { tsconfigFilePath: path.join(root, 'tsconfig.build.json') },
      apiReport: { enabled: true, reportFolder: path.join(root, 'api'), reportTempFolder: path.join(root, 'dist-size/api'), reportFileName: `${name}.api.md` },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          // Release tags (@public/@beta) are not used: everything an entry point exports is public.
          'ae-missing-release-tag': { logLevel: 'none' },
          // A type used by the surface but not exported by this entry point is listed in the report.
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
          // Undocumented members are marked in the report (// (undocumented)) rather than failing it.
          'ae-undocumented': { logLevel: 'none' },
          // JSDoc links to names another entry point exports (`{@link PartlyAppliedError}`) are for readers.
          'ae-unresolved-link': { logLevel: 'none' },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false, messageCallback: (m) => {
    if (m.logLevel === 'warning' || m.logLevel === 'error') {
      errors += 1;
      console.error(`${name}: ${m.text}${m.sourceFilePath ? ` (${path.relative(root, m.sourceFilePath)}:${m.sourceFileLine})` : ''}`);
    }
    m.handled = true;
  } });
  if (result.apiReportChanged) changed.push(name);
}
if (changed.length && !update) {
  console.error(`✗ the public API changed (${changed.join(', ')}): review the difference, then run \`node scripts/api-report.mjs --update\` and commit api/.`);
  process.exit(1);
}
if (errors) process.exit(1);
console.log(update && changed.length ? `✓ API reports updated: ${changed.join(', ')}` : `✓ the public API matches api/ (${Object.keys(ENTRIES).length} entry points)`);
