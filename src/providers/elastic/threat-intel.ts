/**
 * Elastic's threat intelligence on an IP: the indicator documents the TI integrations write to
 * `logs-ti_*` (ECS `threat.indicator.ip`). One search, read three ways: the indicators (for the
 * response bar), the actors, campaigns and malware the feeds tie to them, and the reports that name
 * them. ECS has `threat.group.*` (actor) and `threat.software.*` (malware, tool), which Mandiant's
 * and abuse.ch's pipelines fill; the others keep them in their own fields (each package's
 * fields.yml), and MISP only in its galaxy tags (`misp-galaxy:threat-actor=APT 28`). `_source`
 * names each field, so an integration that is not installed costs nothing.
 */
import type { Indicator } from '../../data/model.js';
import type { ThreatArticle, ThreatProfile } from '../../data/threat-intel.js';
import { safeHref } from '../../lib/safe-url.js';
import { sourceField } from './read.js';
import type { Page } from '../../data/provider.js';
import type { ThreatIntelRelation, ThreatIntelRows } from '../../data/threat-intel.js';
import { pageOf } from '../kit/answers.js';
import { SharedCache } from '../kit/shared-cache.js';
import { indexPath } from './esql.js';

/** Indicator documents one search reads (the newest first). */
export const TI_DOCUMENTS = 200;

/** Fields that name who or what is behind an indicator, per kind (ECS first, then each integration's own). */
const PROFILE_FIELDS: ReadonlyArray<readonly [field: string, kind: string]> = [
  ['threat.group.name', 'actor'],
  ['ti_crowdstrike.intel.actors', 'actor'],
  ['otx.pulse.adversary', 'actor'],
  ['threatq.adversaries.name', 'actor'],
  ['rapid7.tc.ioc.related.threat_actors', 'actor'],
  ['rapid7.tc.ioc.related.campaigns', 'campaign'],
  ['threat.software.name', 'malware'],
  ['ti_crowdstrike.intel.malware_families', 'malware'],
  ['otx.pulse.malware_families', 'malware'],
  ['rapid7.tc.ioc.related.malware', 'malware'],
];

/** MISP galaxy tags (the cluster's kind before `=`, its name after). */
const GALAXY_KINDS: Record<string, string> = { 'threat-actor': 'actor', 'mitre-intrusion-set': 'actor', 'microsoft-activity-group': 'actor', malpedia: 'malware', 'mitre-malware': 'malware', tool: 'tool', 'mitre-tool': 'tool', ransomware: 'malware', botnet: 'malware', rat: 'malware' };

/** Which kind a name keeps when feeds disagree: the first here. */
const KIND_RANK = ['actor', 'campaign', 'tool', 'malware'];

export function tiSearchBody(ip: string): Record<string, unknown> {
  return {
    size: TI_DOCUMENTS,
    sort: [{ '@timestamp': { order: 'desc' } }],
    _source: [
      '@timestamp', 'event.dataset', 'threat.feed.name', 'threat.indicator', 'tags',
      ...PROFILE_FIELDS.map(([f]) => f), 'threat.group.reference', 'threat.software.type', 'threat.software.reference',
      'misp.event.info', 'misp.event.uuid', 'otx.pulse.name', 'otx.pulse.id', 'otx.pulse.references', 'ti_crowdstrike.intel.reports',
    ],
    query: { bool: { filter: [{ term: { 'threat.indicator.ip': ip } }] } },
  };
}

type Hit = { _id?: unknown; _source?: unknown };

const texts = (s: unknown, path: string): string[] => {
  const v = sourceField(s, path);
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
};
const first = (s: unknown, path: string): string | undefined => texts(s, path)[0];
const feedOf = (s: unknown) => first(s, 'threat.feed.name') ?? first(s, 'threat.indicator.provider') ?? first(s, 'event.dataset') ?? 'Threat intelligence';

/** The indicators, the newest document per feed and indicator (the raw index and the transform's latest index hold the same one). */
export function indicatorsFromHits(hits: readonly Hit[], ip: string): Indicator[] {
  const seen = new Set<string>();
  const out: Indicator[] = [];
  for (const hit of hits) {
    const s = hit?._source;
    const feed = feedOf(s);
    const name = first(s, 'threat.indicator.name') ?? ip;
    const key = `${first(s, 'event.dataset') ?? ''}|${feed}|${name}`;
    if (typeof hit?._id !== 'string' || seen.has(key)) continue;
    seen.add(key);
    const created = first(s, 'threat.indicator.first_seen') ?? first(s, '@timestamp') ?? '';
    out.push({
      id: hit._id,
      indicatorValue: ip,
      indicatorType: 'IpAddress',
      action: 'ThreatIntel',
      title: first(s, 'threat.indicator.description') ?? `${feed}: ${first(s, 'threat.indicator.type') ?? 'indicator'}${name === ip ? '' : ` (${name})`}`,
      description: first(s, 'threat.indicator.description') ?? '',
      generateAlert: false,
      creationTimeDateTimeUtc: created,
      createdBySource: feed,
      lastUpdateTime: first(s, 'threat.indicator.last_seen') ?? first(s, 'threat.indicator.modified_at'),
    });
  }
  return out.sort((a, b) => Date.parse(b.creationTimeDateTimeUtc) - Date.parse(a.creationTimeDateTimeUtc));
}

function widen(p: { firstSeen?: string; lastSeen?: string }, from?: string, to?: string) {
  if (from && (!p.firstSeen || from < p.firstSeen)) p.firstSeen = from;
  if (to && (!p.lastSeen || to > p.lastSeen)) p.lastSeen = to;
}

/** The actors, campaigns, malware and tools the documents name, once each (by kind and name), the most recently seen first. */
export function profilesFromHits(hits: readonly Hit[]): ThreatProfile[] {
  const found = new Map<string, ThreatProfile & { sources: Set<string> }>();
  for (const hit of hits) {
    const s = hit?._source;
    const from = first(s, 'threat.indicator.first_seen') ?? first(s, '@timestamp');
    const to = first(s, 'threat.indicator.last_seen') ?? first(s, '@timestamp');
    const named: Array<[string, string, string | undefined]> = PROFILE_FIELDS.flatMap(([field, kind]) => {
      // ECS's software type says malware or tool.
      const k = field === 'threat.software.name' && /tool/i.test(first(s, 'threat.software.type') ?? '') ? 'tool' : kind;
      const link = field === 'threat.group.name' ? first(s, 'threat.group.reference') : field === 'threat.software.name' ? first(s, 'threat.software.reference') : undefined;
      return texts(s, field).map((name): [string, string, string | undefined] => [name, k, link]);
    });
    for (const tag of texts(s, 'tags')) {
      const m = /^misp-galaxy:([a-z-]+)=(.+)$/i.exec(tag);
      const kind = m ? GALAXY_KINDS[m[1]!.toLowerCase()] : undefined;
      if (kind) named.push([m![2]!.replace(/^"|"$/g, '').trim(), kind, undefined]);
    }
    for (const [name, kind, link] of named) {
      // One entry per name: feeds list tools among "malware families"; the most specific kind wins.
      const key = name.toLowerCase();
      const p = found.get(key) ?? { id: `${kind}:${key}`, name: name.slice(0, 500), kind, sources: new Set<string>() };
      if (KIND_RANK.indexOf(kind) < KIND_RANK.indexOf(p.kind)) p.kind = kind;
      p.sources.add(feedOf(s));
      widen(p, from, to);
      const href = safeHref(link);
      if (href && !p.link) p.link = href;
      found.set(key, p);
    }
  }
  return [...found.values()]
    .map(({ sources, ...p }) => ({ ...p, source: [...sources].join(', ') }))
    .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') || a.name.localeCompare(b.name));
}

/** The reports that name the IP: MISP events, OTX pulses, CrowdStrike reports; once each, the newest first. */
export function articlesFromHits(hits: readonly Hit[]): ThreatArticle[] {
  const found = new Map<string, ThreatArticle>();
  const add = (id: string, title: string, s: unknown, tags: string[], link?: string) => {
    const at = first(s, 'threat.indicator.first_seen') ?? first(s, '@timestamp');
    const a = found.get(id) ?? { id, title: title.slice(0, 500), tags };
    if (at && (!a.createdAt || at < a.createdAt)) a.createdAt = at;
    const href = safeHref(link);
    if (href && !a.link) a.link = href;
    found.set(id, a);
  };
  for (const hit of hits) {
    const s = hit?._source;
    const misp = first(s, 'misp.event.info');
    if (misp) add(`misp:${first(s, 'misp.event.uuid') ?? misp}`, misp, s, [feedOf(s)]);
    const pulse = first(s, 'otx.pulse.name');
    if (pulse) add(`otx:${first(s, 'otx.pulse.id') ?? pulse}`, pulse, s, [feedOf(s)], texts(s, 'otx.pulse.references').find((r) => safeHref(r)));
    for (const report of texts(s, 'ti_crowdstrike.intel.reports')) add(`crowdstrike:${report}`, report, s, [feedOf(s)]);
  }
  return [...found.values()].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

type Post = (path: string, body: unknown, what: string, signal: AbortSignal) => Promise<unknown>;

/** The provider's threat intelligence: one search per IP (kept a few minutes), read three ways. */
export class ElasticThreatIntel {
  readonly #hits = new SharedCache<Hit[]>({ max: 16 });

  constructor(
    private readonly indices: string,
    private readonly post: Post,
  ) {}

  #search(ip: string, signal: AbortSignal): Promise<Hit[]> {
    return this.#hits.get(ip, signal, async (s) => {
      const answer = (await this.post(`${indexPath(this.indices)}/_search?ignore_unavailable=true&allow_no_indices=true`, tiSearchBody(ip), `the threat intelligence for ${ip}`, s)) as { hits?: { hits?: Hit[] } };
      return answer?.hits?.hits ?? [];
    });
  }

  async indicators(ip: string, signal: AbortSignal): Promise<Indicator[]> {
    return indicatorsFromHits(await this.#search(ip, signal), ip);
  }

  /** The actors and malware, or the reports; every other list is not the feeds' to keep. */
  async list<R extends ThreatIntelRelation>(ip: string, relation: R, page: { offset: number; limit: number }, signal: AbortSignal): Promise<Page<ThreatIntelRows[R]>> {
    if (relation !== 'profiles' && relation !== 'articles') return { items: [], total: 0 };
    const hits = await this.#search(ip, signal);
    return pageOf((relation === 'profiles' ? profilesFromHits(hits) : articlesFromHits(hits)) as Array<ThreatIntelRows[R]>, page);
  }
}
