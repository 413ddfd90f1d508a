/**
 * Putting things into ES|QL, safely. Values never go into the query text: the IP, dates, ids and
 * search text travel as named parameters (`?ip`, `?from` … in the request's `params`), which the
 * cluster binds as literals. What must be text — index patterns and field names, which are the
 * host's options — is checked against what ES|QL accepts and quoted as an identifier; anything
 * else is refused when the provider is made, not sent. Whole numbers (`LIMIT`) and bucket spans
 * are produced here from numbers. Every query starts with a marker comment naming it, which shows
 * in the cluster's slow and audit logs and lets the test mocks recognize it.
 */
import type { estypes } from '@elastic/elasticsearch';
import { IpDataError } from '../../data/errors.js';
import { canonicalIp } from '../../lib/ip.js';

/** An ES|QL named parameter's value: the cluster binds it as a literal of its JSON type. */
export type EsqlValue = string | number | boolean | null;

/** A query and its parameters, as `POST /_query` takes them (the official client's request type). */
export interface EsqlRequest extends Pick<estypes.EsqlQueryRequest, 'query' | 'filter'> {
  query: string;
  params: Array<Record<string, EsqlValue>>;
  /** A query DSL filter the cluster applies to the documents before the query runs. */
  filter?: estypes.QueryDslQueryContainer;
}

// Field names as ECS and Elasticsearch write them: letters, digits, `_`, `@`, `.` between parts.
const FIELD = /^@?[A-Za-z_][A-Za-z0-9_@]*(?:\.[A-Za-z0-9_@][A-Za-z0-9_@-]*)*$/;
// Index patterns: names, wildcards, remote-cluster prefixes, comma-separated; no spaces, pipes,
// quotes or comment characters (nothing that could end the FROM clause).
const INDEX = /^(?:[A-Za-z0-9_*][A-Za-z0-9_.*+-]*:)?[.A-Za-z0-9_*-][A-Za-z0-9_.*+-]*$/;

/** A field name for the query, backquoted (`` `source.ip` ``); a name ES|QL would not read as one field is refused. */
export function esqlField(name: string): string {
  if (typeof name !== 'string' || !FIELD.test(name)) throw new TypeError(`“${String(name).slice(0, 80)}” is not a field name the Elastic provider can query.`);
  return `\`${name}\``;
}

/** Index patterns for `FROM` (`logs-*,filebeat-*`), each checked. */
export function esqlIndices(patterns: string | readonly string[]): string {
  const list = (typeof patterns === 'string' ? patterns.split(',') : [...patterns]).map((p) => p.trim()).filter(Boolean);
  if (!list.length || list.some((p) => !INDEX.test(p))) throw new TypeError(`“${String(patterns).slice(0, 120)}” is not an index pattern the Elastic provider can query.`);
  return list.join(', ');
}

/** A whole number for `LIMIT`. */
/** Index patterns as a URL path (`/logs-*,filebeat-*`): each name encoded, commas and wildcards kept. */
export function indexPath(patterns: string): string {
  return `/${encodeURIComponent(patterns.replace(/ /g, '')).replace(/%2C/gi, ',').replace(/%2A/gi, '*')}`;
}

export function esqlInt(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new IpDataError('invalid-input', 'A query limit must be a whole number of zero or more.');
  return String(n);
}

/** The IP as a parameter value: canonical and checked (anything else is refused). */
export function esqlIp(ip: string): string {
  const canonical = canonicalIp(typeof ip === 'string' ? ip.trim() : '');
  if (!canonical) throw new IpDataError('invalid-input', `“${String(ip).slice(0, 64)}” is not a valid IP address.`, { reason: { id: 'invalid-ip', input: String(ip).slice(0, 64) } });
  return canonical;
}

/** A date as a parameter value (ISO 8601, UTC). */
export function esqlDate(d: Date): string {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(t)) throw new IpDataError('invalid-input', 'A query date is not a valid date.');
  return new Date(t).toISOString();
}

/** The first line of every query (`// ip-entity-page:devices`). */
export function esqlMarker(name: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Bad query marker “${name}”.`);
  return `// ip-entity-page:${name}`;
}

/** The marker name of a query, if it has one. */
export function esqlMarkerOf(query: string): string | undefined {
  return /^\s*\/\/ ip-entity-page:([a-z][a-z0-9-]*)\s*$/.exec(query.split('\n', 1)[0] ?? '')?.[1];
}

/** The parameters of a request as one object (`{ ip, from, to }`). */
export function paramsOf(request: { params?: unknown }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of Array.isArray(request.params) ? request.params : []) if (p && typeof p === 'object') Object.assign(out, p);
  return out;
}
