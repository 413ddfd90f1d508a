#!/usr/bin/env node
// ecs-types.mjs — write mocks/elastic/ecs-types.json: the type (and whether ECS writes it as an
// array) of every ECS field the Elastic provider and the mock's cluster profiles name, read from
// Elastic's own definitions (@elastic/ecs, EcsFlat). `--check` fails when the file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { EcsFlat } = require('@elastic/ecs');
const { version } = require('@elastic/ecs/package.json');

export const FIELDS = [
  '@timestamp', 'data_stream.dataset', 'event.dataset', 'event.action', 'event.category', 'event.kind',
  'source.ip', 'source.port', 'source.bytes', 'destination.ip', 'destination.port', 'destination.bytes', 'related.ip', 'network.direction', 'network.transport',
  'host.id', 'host.name', 'host.ip', 'host.os.name', 'host.os.version',
  'url.full', 'process.name', 'process.command_line', 'process.hash.sha256', 'file.name', 'file.path', 'file.hash.sha256', 'user.name', 'user.domain',
  'user.id', 'user.full_name', 'event.outcome', 'related.user', 'host.hostname',
  ...['source', 'destination'].flatMap((side) => ['geo.country_name', 'geo.country_iso_code', 'geo.region_name', 'geo.city_name', 'as.number', 'as.organization.name'].map((f) => `${side}.${f}`)),
];

const out = { source: `@elastic/ecs ${version} (EcsFlat)`, fields: {} };
for (const name of FIELDS) {
  const f = EcsFlat[name];
  if (!f) throw new Error(`ECS has no field ${name}`);
  out.fields[name] = { type: f.type, array: (f.normalize ?? []).includes('array') };
}
const path = new URL('../mocks/elastic/ecs-types.json', import.meta.url);
const text = `${JSON.stringify(out, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(path, 'utf8') !== text) {
    console.error('mocks/elastic/ecs-types.json differs from @elastic/ecs: run node scripts/ecs-types.mjs');
    process.exit(1);
  }
} else writeFileSync(path, text);
