/**
 * Graph threat intelligence (`security/threatIntelligence/hosts/{ip}` and its relationships) in
 * the model's terms: the host and its reputation as the summary, and each relationship as a list
 * paged with `$top`/`$skip` (`@odata.count` for the total). Values are passed on as Graph spells
 * them; the page's readers check them.
 */
import type { Page } from '../../data/provider.js';
import type { ThreatIntel, ThreatIntelRelation, ThreatIntelRows } from '../../data/threat-intel.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const seen = (o: Json) => ({ firstSeen: str(o['firstSeenDateTime']), lastSeen: str(o['lastSeenDateTime']) });

/** Where each list lives under the host. */
export const TI_PATHS: Readonly<Record<ThreatIntelRelation, string>> = {
  passiveDns: 'passiveDnsReverse',
  certificates: 'sslCertificates',
  hostPairs: 'hostPairs',
  trackers: 'trackers',
  components: 'components',
  whoisHistory: 'whois/history',
};

/** A passive DNS record counts as current when seen in the last 30 days. */
const CURRENT_MS = 30 * 86_400_000;

const ROWS: { [R in ThreatIntelRelation]: (o: Json, now: number) => ThreatIntelRows[R] } = {
  passiveDns: (o, now) => {
    const last = str(o['lastSeenDateTime']);
    return { hostname: str(obj(o['artifact'])['id']) ?? '', recordType: str(o['recordType']), current: last ? now - Date.parse(last) < CURRENT_MS : undefined, ...seen(o) };
  },
  certificates: (o) => {
    const c = obj(o['sslCertificate']);
    return { sha1: str(c['sha1']) ?? str(c['id']) ?? '', subject: str(obj(c['subject'])['commonName']), issuer: str(obj(c['issuer'])['commonName']), expires: str(c['expirationDateTime']), ...seen(o) };
  },
  hostPairs: (o) => ({ parentHost: str(obj(o['parentHost'])['id']) ?? '', childHost: str(obj(o['childHost'])['id']) ?? '', cause: str(o['linkKind']), ...seen(o) }),
  trackers: (o) => ({ kind: str(o['kind']) ?? '', value: str(o['value']) ?? '', ...seen(o) }),
  components: (o) => ({ name: str(o['name']) ?? '', version: str(o['version']), category: str(o['category']), ...seen(o) }),
  whoisHistory: (o) => ({
    registrar: str(obj(o['registrar'])['name']) ?? str(obj(o['registrar'])['organization']),
    registrant: str(obj(o['registrant'])['name']),
    organization: str(obj(o['registrant'])['organization']),
    created: str(o['registrationDateTime']),
    updated: str(o['lastUpdateDateTime']),
    expires: str(o['expirationDateTime']),
    nameServers: arr(o['nameservers']).map((n) => str(obj(obj(n)['host'])['id'])).filter((n): n is string => Boolean(n)),
    firstSeen: str(o['firstSeenDateTime']) ?? str(o['lastUpdateDateTime']),
    lastSeen: str(o['lastSeenDateTime']),
  }),
};

/** One page of a relationship. */
export function tiPage<R extends ThreatIntelRelation>(relation: R, json: unknown, offset: number, now = Date.now()): Page<ThreatIntelRows[R]> {
  const o = obj(json);
  const items = arr(o['value']).map((v) => ROWS[relation](obj(v), now));
  const count = num(o['@odata.count']);
  // Without a count, a next link says there is at least one more.
  const total = count ?? offset + items.length + (str(o['@odata.nextLink']) ? 1 : 0);
  return { items, total };
}

/** The host and its reputation as the summary. */
export function tiSummary(host: unknown, reputation: unknown): ThreatIntel {
  const h = obj(host);
  const as = obj(h['autonomousSystem']);
  const r = obj(reputation);
  const out: ThreatIntel = {
    counts: {},
    hostingProvider: str(h['hostingProvider']),
    netblock: str(h['netblock']),
    asn: num(as['number']),
    asName: str(as['name']),
    countryOrRegion: str(h['countryOrRegion']),
    ...seen(h),
  };
  if (reputation && num(r['score']) !== undefined) {
    out.reputation = {
      classification: str(r['classification']) ?? 'unknown',
      score: num(r['score'])!,
      rules: arr(r['rules']).map((x) => {
        const rule = obj(x);
        return { name: str(rule['name']) ?? '', description: str(rule['description']), severity: str(rule['severity']), relatedDetailsUrl: str(rule['relatedDetailsUrl']) };
      }),
    };
  }
  return out;
}
