/**
 * The clusters the Elastic mock plays, with explicit mappings (each field's type from ECS's own
 * definitions, ecs-types.json, built by scripts/ecs-types.mjs from @elastic/ecs), and what
 * Elasticsearch says of a query over them: `GET /`, `_field_caps`, and the ES|QL checks that fail a
 * query before it runs (a field no index maps, a field mapped as incompatible types used without a
 * conversion, named parameters before 8.15) or empty its rows (a comparison with a multi-valued
 * field is null, with a `Warning` header). Error bodies as Elasticsearch writes them.
 */
import type { estypes } from '@elastic/elasticsearch';
import ecs from './ecs-types.json';

export type ClusterProfileName = 'defend' | 'network' | 'v8.14';

interface IndexMapping {
  name: string;
  /** Field → type; a field not in ECS's list (or typed otherwise here) says so. */
  fields: Record<string, string>;
}

export interface ClusterProfile {
  name: ClusterProfileName;
  version: string;
  indices: IndexMapping[];
}

const ECS = (ecs as { fields: Record<string, { type: string; array: boolean }> }).fields;
const typed = (names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, ECS[n]!.type]));

const HOST = ['host.id', 'host.name', 'host.ip', 'host.os.name', 'host.os.version'];
const NETWORK = ['@timestamp', 'data_stream.dataset', 'event.dataset', 'event.action', 'event.category', 'source.ip', 'source.port', 'source.bytes', 'destination.ip', 'destination.port', 'destination.bytes', 'related.ip', 'network.direction', 'network.transport'];
const GEO = ['source', 'destination'].flatMap((side) => ['geo.country_name', 'geo.country_iso_code', 'geo.region_name', 'geo.city_name', 'as.number', 'as.organization.name'].map((f) => `${side}.${f}`));
const ENDPOINT = ['url.full', 'process.name', 'process.command_line', 'process.hash.sha256', 'file.name', 'file.path', 'file.hash.sha256', 'user.name', 'user.domain'];

const AUTH = ['@timestamp', 'data_stream.dataset', 'event.dataset', 'event.action', 'event.category', 'event.outcome', 'source.ip', 'source.port', 'user.name', 'host.name', 'host.id', 'related.user', 'related.ip'];
const keyword = (names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, 'keyword']));

/**
 * Authentication events of three integrations (elastic/integrations' pipelines and fields.yml):
 * sshd through `system.auth` (user.name only, its own `system.auth.ssh.*`, `host.hostname`),
 * Windows 4624/4625 through `system.security` (user.name, domain and SID, `winlog.logon.failure.*`),
 * and Entra ID sign-ins through `azure.signinlogs` (the UPN and the rest under its own prefix).
 */
const SIGN_INS: IndexMapping[] = [
  { name: '.ds-logs-system.auth-default-2026.11.01-000001', fields: { ...typed(AUTH), ...keyword(['system.auth.ssh.event', 'system.auth.ssh.method', 'host.hostname']) } },
  { name: '.ds-logs-system.security-default-2026.11.01-000001', fields: { ...typed([...AUTH, 'user.domain', 'user.id']), ...keyword(['winlog.logon.failure.reason', 'winlog.logon.failure.status', 'winlog.logon.failure.sub_status', 'winlog.event_data.SubStatus', 'winlog.logon.type']) } },
  {
    name: '.ds-logs-azure.signinlogs-default-2026.11.01-000001',
    fields: {
      ...typed([...AUTH, 'user.domain', 'user.id', 'user.full_name']),
      ...keyword(['azure.signinlogs.properties.user_principal_name', 'azure.signinlogs.properties.authentication_requirement', 'azure.signinlogs.properties.app_display_name', 'azure.signinlogs.properties.device_detail.display_name', 'azure.signinlogs.result_description', 'azure.signinlogs.result_type']),
      'azure.signinlogs.properties.status.error_code': 'long',
    },
  },
];

const DEFEND: IndexMapping[] = [
  { name: '.ds-logs-endpoint.events.network-default-2026.11.01-000001', fields: typed([...NETWORK, ...HOST, ...GEO, ...ENDPOINT]) },
  { name: '.ds-logs-endpoint.events.process-default-2026.11.01-000001', fields: typed(['@timestamp', 'data_stream.dataset', 'event.action', ...HOST, ...ENDPOINT]) },
  ...SIGN_INS,
];

export const PROFILES: Record<ClusterProfileName, ClusterProfile> = {
  /** Elastic Defend on every endpoint, network events enriched with geo and AS. */
  defend: { name: 'defend', version: '9.2.1', indices: DEFEND },
  /**
   * Network data only (the network traffic integration and a firewall): no process, file, URL or
   * user fields, and the firewall's integration maps its addresses as keyword.
   */
  network: {
    name: 'network',
    version: '9.2.1',
    indices: [
      { name: '.ds-logs-network_traffic.flow-default-2026.11.01-000001', fields: typed([...NETWORK, ...HOST, ...GEO]) },
      { name: '.ds-logs-firewall.log-default-2026.11.01-000001', fields: { ...typed(['@timestamp', 'data_stream.dataset', 'event.action']), 'source.ip': 'keyword', 'destination.ip': 'keyword' } },
    ],
  },
  /** Elastic Defend on an 8.14 cluster: ES|QL without named parameters. */
  'v8.14': { name: 'v8.14', version: '8.14.3', indices: DEFEND },
};

const mvFields = new Set(Object.entries(ECS).filter(([, f]) => f.array).map(([n]) => n));

/** `GET /`: the cluster's name and version. */
export function rootInfo(p: ClusterProfile, number = p.version): estypes.InfoResponse {
  return {
    name: 'es-node-1',
    cluster_name: `mock-${p.name}`,
    cluster_uuid: 'q9lQFJbNRJyV6hYgSpp0Ug',
    version: { number, build_flavor: 'default', build_type: 'docker', build_hash: '0000000000000000000000000000000000000000', build_date: '2026-10-01T00:00:00.000Z', build_snapshot: false, lucene_version: '10.2.2', minimum_wire_compatibility_version: '8.19.0', minimum_index_compatibility_version: '8.0.0' },
    tagline: 'You Know, for Search',
  };
}

/** The types each field is mapped as, with the indices per type. */
function typesOf(p: ClusterProfile, field: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const index of p.indices) {
    const t = index.fields[field];
    if (t) out.set(t, [...(out.get(t) ?? []), index.name]);
  }
  return out;
}

/** `GET /<indices>/_field_caps?fields=…`: the mapped fields asked for, per type; `indices` per type only where types differ. */
export function fieldCaps(p: ClusterProfile, asked: readonly string[]): estypes.FieldCapsResponse {
  const fields: estypes.FieldCapsResponse['fields'] = {};
  for (const name of asked) {
    const types = typesOf(p, name);
    if (!types.size) continue;
    fields[name] = Object.fromEntries([...types].map(([type, indices]) => [type, { type, metadata_field: false, searchable: true, aggregatable: true, ...(types.size > 1 ? { indices } : {}) }]));
  }
  return { indices: p.indices.map((i) => i.name), fields };
}

/** ES|QL reads these types as one. */
const SAME: Record<string, string> = { text: 'keyword', match_only_text: 'keyword', wildcard: 'keyword', constant_keyword: 'keyword', integer: 'long', short: 'long', byte: 'long' };

export interface EsqlVerdict {
  /** Elasticsearch's error, when it would refuse the query. */
  error?: { status: number; type: string; reason: string };
  /** A comparison with a multi-valued field: every row's result is null (ES|QL warns and drops them). */
  multiValued?: string[];
}

/** Line and column (1-based) of an offset in the query, as ES|QL's messages place a problem. */
function place(query: string, offset: number, word = 'line'): string {
  const before = query.slice(0, offset).split('\n');
  return `${word} ${before.length}:${before.at(-1)!.length + 1}`;
}

/** What Elasticsearch says of an ES|QL query over the profile's indices before running it. */
export function checkEsql(p: ClusterProfile, query: string, named: boolean, version = p.version): EsqlVerdict {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const before = (a: number, b: number) => major < a || (major === a && minor < b);
  // VALUES, BUCKET and MV_SLICE came in 8.14 (BUCKET was AUTO_BUCKET before): an older verifier does not know them.
  const unknownFunction = before(8, 14) ? /\b(VALUES|BUCKET|MV_SLICE)\(/.exec(query) : null;
  if (unknownFunction) return { error: { status: 400, type: 'verification_exception', reason: `Found 1 problem\n${place(query, unknownFunction.index)}: Unknown function [${unknownFunction[1]!.toLowerCase()}]` } };
  if (named && before(8, 15)) {
    // Before 8.15 a parameter is `{ value, type }` (elastic/elasticsearch#108421 added `{ name: value }`):
    // the request fails while its body is read, as ObjectParser reports a missing required field.
    return { error: { status: 400, type: 'x_content_parse_exception', reason: '[1:2] [esql/query] failed to parse field [params]' } };
  }
  const problems: string[] = [];
  const multiValued: string[] = [];
  for (const m of query.matchAll(/`([^`]+)`/g)) {
    const field = m[1]!;
    const types = typesOf(p, field);
    if (!types.size) {
      problems.push(`${place(query, m.index)}: Unknown column [${field}]`);
      continue;
    }
    const kinds = new Set([...types.keys()].map((t) => SAME[t] ?? t));
    const converted = /TO_[A-Z]+\($/.test(query.slice(0, m.index));
    if (kinds.size > 1 && !converted) {
      const listed = [...types].map(([t, indices]) => `[${t}] in [${indices.join(', ')}]`).join(', ');
      problems.push(`${place(query, m.index)}: Cannot use field [${field}] due to ambiguities being mapped as [${types.size}] incompatible types: ${listed}`);
    }
    if (mvFields.has(field) && /^\s*==/.test(query.slice(m.index + m[0].length))) multiValued.push(field);
  }
  if (problems.length) return { error: { status: 400, type: 'verification_exception', reason: `Found ${problems.length} problem${problems.length > 1 ? 's' : ''}\n${problems.join('\n')}` } };
  return multiValued.length ? { multiValued } : {};
}

/** The `Warning` header ES|QL sends when a comparison meets a multi-valued field. */
export function multiValueWarnings(query: string, fields: readonly string[]): string[] {
  return fields.flatMap((f) => {
    const at = query.indexOf(`\`${f}\``);
    const expr = query.slice(at).match(/^`[^`]+`\s*==\s*[^\s)]+(?:\([^)]*\))?/)?.[0] ?? `\`${f}\``;
    // Warnings.java: "Line L:C: " then the text; HeaderWarning wraps it as `299 Elasticsearch-<version>-<hash> "…"`.
    return [`299 Elasticsearch-9.2.1-0000000 "${place(query, at, 'Line')}: evaluation of [${expr}] failed, treating result as null. Only first 20 failures recorded."`, `299 Elasticsearch-9.2.1-0000000 "${place(query, at, 'Line')}: java.lang.IllegalArgumentException: single-value function encountered multi-value"`];
  });
}
