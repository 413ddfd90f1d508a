/**
 * What the Elastic provider learns about the cluster before it queries it, once per provider:
 * its version (`GET /`, which needs the `monitor` cluster privilege; without it the version is
 * unknown and ES|QL's own errors say what is wrong) and, per event index pattern, which of the
 * fields it names are mapped and as what (`GET /<indices>/_field_caps`, which `read` allows).
 * ES|QL refuses a query naming a field no index in `FROM` maps (`Unknown column`), and a field
 * mapped as different types in different indices unless it is converted; so each query is built
 * over the fields that exist, converting those whose types differ.
 */
import type { estypes } from '@elastic/elasticsearch';
import { IpDataError } from '../../data/errors.js';

/** Elasticsearch's version: `serverless` clusters report an old number and run the newest code. */
export interface ClusterVersion {
  number: string;
  serverless: boolean;
}

/**
 * The ES|QL the queries use: `VALUES` and `BUCKET` (8.14), and the request's query DSL `filter`
 * (8.11), which carries every value, so no query needs named parameters (8.15).
 */
export const ESQL_MIN_VERSION = '8.14.0';

/** Whether `version` runs the page's ES|QL (unknown: assumed, and its errors speak). */
export function esqlSupported(version: ClusterVersion | undefined): boolean {
  if (!version || version.serverless) return true;
  const [major = 0, minor = 0] = version.number.split('.').map((n) => Number.parseInt(n, 10));
  const [minMajor, minMinor] = ESQL_MIN_VERSION.split('.').map(Number) as [number, number];
  return major > minMajor || (major === minMajor && minor >= minMinor);
}

/** The version from `GET /`'s answer. */
export function readVersion(answer: unknown): ClusterVersion | undefined {
  // The official client's types name what is read: a renamed property fails the typecheck.
  const v = (answer as Partial<estypes.InfoResponse> | null)?.version as Partial<estypes.ElasticsearchVersionInfo> | undefined;
  if (!v || typeof v.number !== 'string' || !/^\d+\.\d+/.test(v.number)) return undefined;
  return { number: v.number, serverless: v.build_flavor === 'serverless' };
}

/** A field's mapped types across the indices (more than one: a conflict ES|QL needs converted). */
export type FieldTypes = ReadonlyMap<string, readonly string[]>;

/** The fields `_field_caps` reports, with their types (`unmapped` left out). */
export function readFieldCaps(answer: unknown): FieldTypes {
  const fields: unknown = (answer as Partial<estypes.FieldCapsResponse> | null)?.fields;
  if (!fields || typeof fields !== 'object') throw new IpDataError('bad-response', 'Elasticsearch answered the field capabilities without fields.', { reason: { id: 'unreadable', service: 'Elasticsearch', detail: '_field_caps without fields' } });
  const out = new Map<string, string[]>();
  for (const [name, byType] of Object.entries(fields as Record<string, unknown>)) {
    if (!byType || typeof byType !== 'object') continue;
    const types = Object.keys(byType).filter((t) => t !== 'unmapped');
    if (types.length) out.set(name, types.sort());
  }
  return out;
}

/** What a conversion function turns a field into, by the type the query reads it as. */
const CONVERT: Record<string, string> = { ip: 'TO_IP', keyword: 'TO_STRING', date: 'TO_DATETIME', long: 'TO_LONG' };

/** Types ES|QL reads as one (a field mapped as these in different indices needs no conversion). */
const SAME: Record<string, string> = { text: 'keyword', match_only_text: 'keyword', wildcard: 'keyword', constant_keyword: 'keyword', integer: 'long', short: 'long', byte: 'long', date_nanos: 'date' };

/**
 * A field as the query reads it (`` `source.ip` ``, quoted by the caller), converted to `as` when
 * the indices map it as different types (`TO_IP(`source.ip`)`); undefined when no index maps it.
 */
export function fieldExpression(quoted: string, name: string, as: string, fields: FieldTypes | undefined): string | undefined {
  if (!fields) return quoted;
  const types = fields.get(name);
  if (!types?.length) return undefined;
  const kinds = new Set(types.map((t) => SAME[t] ?? t));
  return kinds.size > 1 && CONVERT[as] ? `${CONVERT[as]}(${quoted})` : quoted;
}
