/**
 * Graph threat intelligence (`security/threatIntelligence/hosts/{ip}` and its relationships) in
 * the model's terms: the host and its reputation as the summary, and each relationship as a list
 * paged with `$top`/`$skip` (`@odata.count` for the total). Values are passed on as Graph spells
 * them; the page's readers check them.
 */
import type { Page } from '../../data/provider.js';
import { isAbortError } from '../../data/errors.js';
import { THREAT_ARTICLES, type ThreatArticle, type ThreatIntel, type ThreatIntelRelation, type ThreatIntelRows } from '../../data/threat-intel.js';
import type { SecurityNamespace as Graph } from '@microsoft/microsoft-graph-types';
import { arr, fields, formattedText, obj, str, type Fields } from './fields.js';
import { SharedCache } from '../kit/shared-cache.js';
import { IntelProfileIndex } from './intel-profiles.js';

type Seen = Fields<Pick<Graph.PassiveDnsRecord, 'firstSeenDateTime' | 'lastSeenDateTime'>>;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const seen = (o: Seen) => ({ firstSeen: str(o['firstSeenDateTime']), lastSeen: str(o['lastSeenDateTime']) });

/** The lists that are the host's relationships (the articles come through its reputation, the profiles through their own indicators). */
export type HostRelation = Exclude<ThreatIntelRelation, 'articles' | 'profiles'>;

/** The articles the reputation's article rules link (`…/article/{id}`, as Graph's reputation example shows), at most {@link THREAT_ARTICLES}. */
export function articleLinks(summary: ThreatIntel): Array<{ id: string; link?: string }> {
  return (summary.reputation?.rules ?? [])
    .flatMap((r) => {
      const id = /\/articles?\/([A-Za-z0-9-]{4,64})\/?$/.exec(r.relatedDetailsUrl ?? '')?.[1];
      return id && /intel article/i.test(r.name) ? [{ id, link: r.relatedDetailsUrl }] : [];
    })
    .slice(0, THREAT_ARTICLES);
}

/** Where each list lives under the host. */
export const TI_PATHS: Readonly<Record<HostRelation, string>> = {
  passiveDns: 'passiveDnsReverse',
  certificates: 'sslCertificates',
  hostPairs: 'hostPairs',
  trackers: 'trackers',
  components: 'components',
  ports: 'ports',
  cookies: 'cookies',
  whoisHistory: 'whois/history',
};

/** A passive DNS record counts as current when seen in the last 30 days. */
const CURRENT_MS = 30 * 86_400_000;

const ROWS: { [R in HostRelation]: (v: unknown, now: number) => ThreatIntelRows[R] } = {
  passiveDns: (v, now) => {
    const o = fields<Graph.PassiveDnsRecord>(v);
    const last = str(o['lastSeenDateTime']);
    return { hostname: str(fields<Graph.Artifact>(o['artifact'])['id']) ?? '', recordType: str(o['recordType']), current: last ? now - Date.parse(last) < CURRENT_MS : undefined, ...seen(o) };
  },
  certificates: (v) => {
    const o = fields<Graph.HostSslCertificate>(v);
    const c = fields<Graph.SslCertificate>(o['sslCertificate']);
    return {
      sha1: str(c['sha1']) ?? str(c['id']) ?? '',
      subject: str(fields<Graph.SslCertificateEntity>(c['subject'])['commonName']),
      issuer: str(fields<Graph.SslCertificateEntity>(c['issuer'])['commonName']),
      expires: str(c['expirationDateTime']),
      ...seen(o),
    };
  },
  hostPairs: (v) => {
    const o = fields<Graph.HostPair>(v);
    return { parentHost: str(fields<Graph.Host>(o['parentHost'])['id']) ?? '', childHost: str(fields<Graph.Host>(o['childHost'])['id']) ?? '', cause: str(o['linkKind']), ...seen(o) };
  },
  trackers: (v) => {
    const o = fields<Graph.HostTracker>(v);
    return { kind: str(o['kind']) ?? '', value: str(o['value']) ?? '', ...seen(o) };
  },
  components: (v) => {
    const o = fields<Graph.HostComponent>(v);
    return { name: str(o['name']) ?? '', version: str(o['version']), category: str(o['category']), ...seen(o) };
  },
  ports: (v) => {
    const o = fields<Graph.HostPort>(v);
    const newest = (a: unknown, b: unknown) => Date.parse(str(obj(b)['lastSeenDateTime']) ?? '') - Date.parse(str(obj(a)['lastSeenDateTime']) ?? '');
    const banners = arr(o['banners']).sort(newest).map((b) => str(fields<Graph.HostPortBanner>(b)['banner']));
    const services = arr(o['services'])
      .sort(newest)
      .map((s) => {
        const c = fields<Graph.HostComponent>(fields<Graph.HostPortComponent>(s)['component']);
        return [str(c['name']), str(c['version'])].filter(Boolean).join(' ');
      })
      .filter((s) => s !== '');
    return {
      port: num(o['port']) ?? -1,
      protocol: str(o['protocol']),
      status: str(o['status']),
      services: [...new Set(services)],
      banner: banners.find((b) => b !== undefined),
      timesObserved: num(o['timesObserved']),
      lastScan: str(o['lastScanDateTime']),
      ...seen(o),
    };
  },
  cookies: (v) => {
    const o = fields<Graph.HostCookie>(v);
    return { name: str(o['name']) ?? '', domain: str(o['domain']), ...seen(o) };
  },
  whoisHistory: (v) => {
    const o = fields<Graph.WhoisHistoryRecord>(v);
    const registrar = fields<Graph.WhoisContact>(o['registrar']);
    const registrant = fields<Graph.WhoisContact>(o['registrant']);
    return {
      registrar: str(registrar['name']) ?? str(registrar['organization']),
      registrant: str(registrant['name']),
      organization: str(registrant['organization']),
      created: str(o['registrationDateTime']),
      updated: str(o['lastUpdateDateTime']),
      expires: str(o['expirationDateTime']),
      nameServers: arr(o['nameservers']).map((n) => str(fields<Graph.Host>(fields<Graph.WhoisNameserver>(n)['host'])['id'])).filter((n): n is string => Boolean(n)),
      firstSeen: str(o['firstSeenDateTime']) ?? str(o['lastUpdateDateTime']),
      lastSeen: str(o['lastSeenDateTime']),
    };
  },
};

/** One page of a relationship. */
export function tiPage<R extends HostRelation>(relation: R, json: unknown, offset: number, now = Date.now()): Page<ThreatIntelRows[R]> {
  const o = obj(json);
  const items = arr(o['value']).map((v) => ROWS[relation](v, now));
  const count = num(o['@odata.count']);
  // Without a count, a next link says there is at least one more.
  const total = count ?? offset + items.length + (str(o['@odata.nextLink']) ? 1 : 0);
  return { items, total };
}

/**
 * A page of `links`' articles: Graph lists no articles per host, but the reputation's article
 * rules link them; each is read whole (`GET /security/threatIntelligence/articles/{id}`) and one
 * that fails is left out.
 */
export async function articlePage(links: ReadonlyArray<{ id: string; link?: string }>, offset: number, limit: number, get: (path: string, what: string) => Promise<unknown>): Promise<Page<ThreatArticle>> {
  const found = await Promise.all(
    links.slice(offset, offset + limit).map(({ id, link }) =>
      get(`security/threatIntelligence/articles/${encodeURIComponent(id)}`, `threat intelligence article ${id}`).then(
        (raw) => articleFromGraph(raw, link),
        (error: unknown) => {
          if (isAbortError(error)) throw error;
          return undefined;
        },
      ),
    ),
  );
  return { items: found.filter((a): a is ThreatArticle => a !== undefined), total: links.length };
}

/** A Graph `article` (id, title, summary {content, format}, createdDateTime, lastUpdatedDateTime, tags) in the model's terms; `link` where the reputation found it. */
export function articleFromGraph(raw: unknown, link: string | undefined): ThreatArticle | undefined {
  const a = fields<Record<string, unknown>>(raw);
  const id = str(a['id']);
  const title = str(a['title']);
  if (!id || !title) return undefined;
  // The summary may be HTML (format: html): its text only.
  const text = formattedText(a['summary']);
  const tags = arr(a['tags']).filter((t): t is string => typeof t === 'string' && t !== '');
  return {
    id,
    title,
    ...(text ? { summary: text.slice(0, 2_000) } : {}),
    ...(str(a['createdDateTime']) ? { createdAt: str(a['createdDateTime']) } : {}),
    ...(str(a['lastUpdatedDateTime']) ? { updatedAt: str(a['lastUpdatedDateTime']) } : {}),
    ...(tags.length ? { tags } : {}),
    link: link ?? `https://security.microsoft.com/intel-explorer/articles/${encodeURIComponent(id)}`,
  };
}

/** The host and its reputation as the summary. */
export function tiSummary(host: unknown, reputation: unknown): ThreatIntel {
  const h = fields<Graph.IpAddress>(host);
  const as = fields<Graph.AutonomousSystem>(h['autonomousSystem']);
  const r = fields<Graph.HostReputation>(reputation);
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
        const rule = fields<Graph.HostReputationRule>(x);
        return { name: str(rule['name']) ?? '', description: str(rule['description']), severity: str(rule['severity']), relatedDetailsUrl: str(rule['relatedDetailsUrl']) };
      }),
    };
    // The articles are counted from the rules that link them; the list reads them.
    out.counts.articles = articleLinks(out).length;
  }
  return out;
}

type Get = (path: string, what: string, signal: AbortSignal) => Promise<unknown>;
const tiBase = (ip: string) => `security/threatIntelligence/hosts/${encodeURIComponent(ip)}`;

/**
 * The provider's threat intelligence: the host and its reputation (kept an hour), each
 * relationship paged, the articles the reputation links, the profiles from their index.
 */
export class DefenderThreatIntel {
  readonly #get: Get;
  readonly #summaries = new SharedCache<ThreatIntel>({ ttlMs: 3_600_000 });
  readonly #profiles: IntelProfileIndex;

  constructor(get: Get) {
    this.#get = get;
    this.#profiles = new IntelProfileIndex(get);
  }

  /** The host and its reputation (an internal address is the caller's to leave out). */
  summary(ip: string, signal: AbortSignal): Promise<ThreatIntel> {
    const base = tiBase(ip);
    return this.#summaries.get(ip, signal, async (s) => {
      const [host, reputation] = await Promise.all([
        this.#get(base, `the threat intelligence on ${ip}`, s),
        // The reputation is an extra: without it the host still shows.
        this.#get(`${base}/reputation`, `the reputation of ${ip}`, s).catch((error: unknown) => {
          if (isAbortError(error)) throw error;
          return undefined;
        }),
      ]);
      return tiSummary(host, reputation);
    });
  }

  /** One page of a list: a host relationship, the articles its kept summary links, or the profiles. */
  async list<R extends ThreatIntelRelation>(ip: string, relation: R, page: { offset: number; limit: number }, signal: AbortSignal): Promise<Page<ThreatIntelRows[R]>> {
    const top = Math.max(1, Math.min(100, Math.floor(page.limit)));
    const skip = Math.max(0, Math.floor(page.offset));
    if (relation === 'articles') return (await articlePage(articleLinks(await this.summary(ip, signal)), skip, top, (path, what) => this.#get(path, what, signal))) as Page<ThreatIntelRows[R]>;
    if (relation === 'profiles') return (await this.#profiles.page(ip, skip, top, signal)) as Page<ThreatIntelRows[R]>;
    const json = await this.#get(`${tiBase(ip)}/${TI_PATHS[relation as HostRelation]}?$count=true&$top=${top}&$skip=${skip}`, `the ${relation} of ${ip}`, signal);
    return tiPage(relation as HostRelation, json, skip) as Page<ThreatIntelRows[R]>;
  }
}
