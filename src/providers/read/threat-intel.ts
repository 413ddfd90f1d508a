/**
 * Readers of threat intelligence answers (`getThreatIntel`, `listThreatIntel`), strict as the
 * others: a wrong shape names the field; links pass the same http(s) check as every link; unknown
 * classifications and severities are kept as text, never dropped.
 */
import type { Page } from '../../data/provider.js';
import {
  THREAT_INTEL_RELATIONS,
  type ThreatArticle,
  type ThreatProfile,
  type CertificateRecord,
  type ComponentRecord,
  type PortRecord,
  type CookieRecord,
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
import { Problems, readRows } from './rows.js';
import type { UnreadableRow } from '../../data/model.js';

const RULES = 200;

function assign<T extends object>(target: T, values: Record<string, unknown>): T {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  return target;
}

function span(o: Json, path: string, p?: Problems): SeenSpan {
  const read = <T>(f: () => T) => (p ? p.soft(f) : f());
  return assign({}, { firstSeen: read(() => optTime(o, 'firstSeen', path)), lastSeen: read(() => optTime(o, 'lastSeen', path)) });
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
  const lists = get(o, 'lists') == null ? undefined : strings(o, 'lists', path, THREAT_INTEL_RELATIONS.length * 2).filter((r): r is ThreatIntelRelation => (THREAT_INTEL_RELATIONS as readonly string[]).includes(r));
  return assign({ counts } as ThreatIntel, {
    lists: lists ? [...new Set(lists)] : undefined,
    ...span(o, path),
    reputation: get(o, 'reputation') == null ? undefined : readReputation(get(o, 'reputation'), at(path, 'reputation')),
    hostingProvider: optStr(o, 'hostingProvider', path),
    netblock: optStr(o, 'netblock', path),
    asn: asn !== undefined && Number.isInteger(asn) && asn >= 0 ? asn : undefined,
    asName: optStr(o, 'asName', path),
    countryOrRegion: optStr(o, 'countryOrRegion', path),
  });
}



const ROW_READERS: { [R in ThreatIntelRelation]: (o: Json, path: string, p: Problems) => ThreatIntelRows[R] } = {
  // A profile needs an id, a name and a kind (an unknown kind is kept as text).
  profiles: (o, path, p) => {
    const link = p.soft(() => optStr(o, 'link', path, LIMITS.longText));
    return assign({ id: str(o, 'id', path), name: str(o, 'name', path, 500), kind: str(o, 'kind', path, 64).toLowerCase(), ...span(o, path, p) } as ThreatProfile, {
      aliases: get(o, 'aliases') == null ? undefined : p.soft(() => strings(o, 'aliases', path, 50)),
      summary: p.soft(() => optStr(o, 'summary', path, 2_000)),
      source: p.soft(() => optStr(o, 'source', path)),
      link: link ? safeHref(link) : undefined,
    });
  },
  // An article needs an id and a title; a link only http(s).
  articles: (o, path, p) => {
    const link = p.soft(() => optStr(o, 'link', path, LIMITS.longText));
    return assign({ id: str(o, 'id', path), title: str(o, 'title', path, 500) } as ThreatArticle, {
      summary: p.soft(() => optStr(o, 'summary', path, 2_000)),
      createdAt: p.soft(() => optTime(o, 'createdAt', path)),
      updatedAt: p.soft(() => optTime(o, 'updatedAt', path)),
      tags: p.soft(() => strings(o, 'tags', path, 20)),
      link: link ? safeHref(link) : undefined,
    });
  },
  passiveDns: (o, path, p) => assign({ hostname: str(o, 'hostname', path), ...span(o, path, p) } as PassiveDnsRecord, {
    recordType: p.soft(() => optStr(o, 'recordType', path)),
    collectedBy: p.soft(() => optStr(o, 'collectedBy', path)),
    current: typeof get(o, 'current') === 'boolean' ? (get(o, 'current') as boolean) : undefined,
  }),
  certificates: (o, path, p) => assign({ sha1: str(o, 'sha1', path), ...span(o, path, p) } as CertificateRecord, {
    subject: p.soft(() => optStr(o, 'subject', path, LIMITS.longText)),
    issuer: p.soft(() => optStr(o, 'issuer', path, LIMITS.longText)),
    expires: p.soft(() => optTime(o, 'expires', path)),
  }),
  hostPairs: (o, path, p) => assign({ parentHost: str(o, 'parentHost', path), childHost: str(o, 'childHost', path), ...span(o, path, p) } as HostPairRecord, { cause: p.soft(() => optStr(o, 'cause', path)) }),
  trackers: (o, path, p) => ({ kind: str(o, 'kind', path), value: str(o, 'value', path), ...span(o, path, p) }) as TrackerRecord,
  components: (o, path, p) => assign({ name: str(o, 'name', path), ...span(o, path, p) } as ComponentRecord, { version: p.soft(() => optStr(o, 'version', path)), category: p.soft(() => optStr(o, 'category', path)) }),
  ports: (o, path, p) => {
    const port = num(o, 'port', path);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) bad(at(path, 'port'), 'a port number (0–65535)', port);
    return assign({ port, ...span(o, path, p) } as PortRecord, {
      protocol: p.soft(() => optStr(o, 'protocol', path, 16)),
      status: p.soft(() => optStr(o, 'status', path, 32)),
      services: get(o, 'services') == null ? undefined : p.soft(() => strings(o, 'services', path, 50)),
      banner: p.soft(() => optStr(o, 'banner', path, LIMITS.longText)),
      timesObserved: p.soft(() => optCount(o, 'timesObserved', path)),
      lastScan: p.soft(() => optTime(o, 'lastScan', path)),
    });
  },
  cookies: (o, path, p) => assign({ name: str(o, 'name', path), ...span(o, path, p) } as CookieRecord, { domain: p.soft(() => optStr(o, 'domain', path)) }),
  whoisHistory: (o, path, p) => assign({ ...span(o, path, p) } as WhoisHistoryRecord, {
    registrar: p.soft(() => optStr(o, 'registrar', path)),
    registrant: p.soft(() => optStr(o, 'registrant', path)),
    organization: p.soft(() => optStr(o, 'organization', path)),
    created: p.soft(() => optTime(o, 'created', path)),
    updated: p.soft(() => optTime(o, 'updated', path)),
    expires: p.soft(() => optTime(o, 'expires', path)),
    nameServers: get(o, 'nameServers') == null ? undefined : p.soft(() => strings(o, 'nameServers', path, 32)),
  }),
};

/** The stand-in for a row that could not be read (its fields are never shown). */
function unreadableRecord<R extends ThreatIntelRelation>(unreadable: UnreadableRow): ThreatIntelRows[R] {
  return { hostname: '', sha1: '', parentHost: '', childHost: '', kind: '', value: '', name: '', unreadable } as unknown as ThreatIntelRows[R];
}

/**
 * A page of one list; items past what was asked for are ignored. A row that cannot be read keeps
 * its place as unreadable; a value of a readable row that cannot be read is left out and noted.
 */
export function readThreatIntelPage<R extends ThreatIntelRelation>(relation: R, value: unknown, limit: number = LIMITS.pageItems, path = ''): Page<ThreatIntelRows[R]> {
  if (!Object.prototype.hasOwnProperty.call(ROW_READERS, relation)) bad('relation', 'a threat intelligence list', relation);
  const o = object(value, path);
  const raw = get(o, 'items');
  if (!Array.isArray(raw)) bad(at(path, 'items'), 'a list', raw);
  const read = ROW_READERS[relation] as (o: Json, path: string, p: Problems) => ThreatIntelRows[R];
  const items = readRows(
    (raw as unknown[]).slice(0, Math.max(0, Math.min(limit, LIMITS.pageItems))),
    at(path, 'items'),
    (v, rowPath) => {
      const p = new Problems(rowPath);
      return p.attach(read(object(v, rowPath), rowPath, p));
    },
    (u) => unreadableRecord<R>(u),
  );
  const total = get(o, 'total') == null ? items.length : count(o, 'total', path);
  return { items, total: Math.max(total, items.length) };
}
