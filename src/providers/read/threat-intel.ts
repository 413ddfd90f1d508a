/**
 * Readers of threat intelligence answers (`getThreatIntel`, `listThreatIntel`), strict as the
 * others: a wrong shape names the field; links pass the same http(s) check as every link; unknown
 * classifications and severities are kept as text, never dropped.
 */
import type { Page } from '../../data/provider.js';
import {
  THREAT_INTEL_RELATIONS,
  type CertificateRecord,
  type ComponentRecord,
  type HostPairRecord,
  type IpReputation,
  type PassiveDnsRecord,
  type ReputationRule,
  type SeenSpan,
  type ThreatIntel,
  type ThreatIntelRelation,
  type ThreatIntelRows,
  type TrackerRecord,
  type WhoisHistoryRecord,
} from '../../data/threat-intel.js';
import { safeHref } from '../../lib/safe-url.js';
import { at, bad, count, get, list, LIMITS, num, object, optCount, optNum, optStr, optTime, str, strings, type Json } from './primitives.js';

const RULES = 200;

function assign<T extends object>(target: T, values: Record<string, unknown>): T {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  return target;
}

function span(o: Json, path: string): SeenSpan {
  return assign({}, { firstSeen: optTime(o, 'firstSeen', path), lastSeen: optTime(o, 'lastSeen', path) });
}

function readRule(value: unknown, path: string): ReputationRule {
  const o = object(value, path);
  const link = optStr(o, 'relatedDetailsUrl', path, LIMITS.longText);
  return assign({ name: str(o, 'name', path) } as ReputationRule, {
    description: optStr(o, 'description', path, LIMITS.longText),
    severity: optStr(o, 'severity', path)?.toLowerCase(),
    relatedDetailsUrl: link ? safeHref(link) : undefined,
  });
}

function readReputation(value: unknown, path: string): IpReputation {
  const o = object(value, path);
  const score = num(o, 'score', path);
  if (score < 0 || score > 100) bad(at(path, 'score'), 'a score from 0 to 100', score);
  return {
    classification: (optStr(o, 'classification', path) ?? 'unknown').toLowerCase(),
    score,
    rules: list(o, 'rules', path, readRule, RULES, true),
  };
}

export function readThreatIntel(value: unknown, path = ''): ThreatIntel {
  const o = object(value, path);
  const counts: ThreatIntel['counts'] = {};
  const c = get(o, 'counts');
  if (c != null) {
    const co = object(c, at(path, 'counts'));
    for (const r of THREAT_INTEL_RELATIONS) {
      const n = optCount(co, r, at(path, 'counts'));
      if (n !== undefined) counts[r] = n;
    }
  }
  const asn = optNum(o, 'asn', path);
  return assign({ counts } as ThreatIntel, {
    ...span(o, path),
    reputation: get(o, 'reputation') == null ? undefined : readReputation(get(o, 'reputation'), at(path, 'reputation')),
    hostingProvider: optStr(o, 'hostingProvider', path),
    netblock: optStr(o, 'netblock', path),
    asn: asn !== undefined && Number.isInteger(asn) && asn >= 0 ? asn : undefined,
    asName: optStr(o, 'asName', path),
    countryOrRegion: optStr(o, 'countryOrRegion', path),
  });
}

const ROW_READERS: { [R in ThreatIntelRelation]: (o: Json, path: string) => ThreatIntelRows[R] } = {
  passiveDns: (o, p) => assign({ hostname: str(o, 'hostname', p), ...span(o, p) } as PassiveDnsRecord, {
    recordType: optStr(o, 'recordType', p),
    collectedBy: optStr(o, 'collectedBy', p),
    current: typeof get(o, 'current') === 'boolean' ? (get(o, 'current') as boolean) : undefined,
  }),
  certificates: (o, p) => assign({ sha1: str(o, 'sha1', p), ...span(o, p) } as CertificateRecord, {
    subject: optStr(o, 'subject', p, LIMITS.longText),
    issuer: optStr(o, 'issuer', p, LIMITS.longText),
    expires: optTime(o, 'expires', p),
  }),
  hostPairs: (o, p) => assign({ parentHost: str(o, 'parentHost', p), childHost: str(o, 'childHost', p), ...span(o, p) } as HostPairRecord, { cause: optStr(o, 'cause', p) }),
  trackers: (o, p) => ({ kind: str(o, 'kind', p), value: str(o, 'value', p), ...span(o, p) }) as TrackerRecord,
  components: (o, p) => assign({ name: str(o, 'name', p), ...span(o, p) } as ComponentRecord, { version: optStr(o, 'version', p), category: optStr(o, 'category', p) }),
  whoisHistory: (o, p) => assign({ ...span(o, p) } as WhoisHistoryRecord, {
    registrar: optStr(o, 'registrar', p),
    registrant: optStr(o, 'registrant', p),
    organization: optStr(o, 'organization', p),
    created: optTime(o, 'created', p),
    updated: optTime(o, 'updated', p),
    expires: optTime(o, 'expires', p),
    nameServers: get(o, 'nameServers') == null ? undefined : strings(o, 'nameServers', p, 32),
  }),
};

/** A page of one list; items past what was asked for are ignored. */
export function readThreatIntelPage<R extends ThreatIntelRelation>(relation: R, value: unknown, limit: number = LIMITS.pageItems, path = ''): Page<ThreatIntelRows[R]> {
  if (!Object.prototype.hasOwnProperty.call(ROW_READERS, relation)) bad('relation', 'a threat intelligence list', relation);
  const o = object(value, path);
  const raw = get(o, 'items');
  if (!Array.isArray(raw)) bad(at(path, 'items'), 'a list', raw);
  const read = ROW_READERS[relation];
  const items = (raw as unknown[]).slice(0, Math.max(0, Math.min(limit, LIMITS.pageItems))).map((v, i) => read(object(v, at(at(path, 'items'), i)), at(at(path, 'items'), i)));
  const total = get(o, 'total') == null ? items.length : count(o, 'total', path);
  return { items, total: Math.max(total, items.length) };
}
