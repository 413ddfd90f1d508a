/**
 * Defender TI's intel profiles (actors and tools) whose indicators name an IP. Graph has no call
 * from a host to its profiles: an `intelligenceProfileIndicator` cannot be listed or filtered, and
 * a host's relationships name no profile. The one documented route is each profile's own
 * indicators (`GET …/intelProfiles/{id}/indicators`), so the provider reads every profile and its
 * indicators once, keeps an index from artifact to profiles for six hours, and answers every IP
 * from it. The index is built on the first profiles list the page asks for, never for the header.
 */
import { isAbortError } from '../../data/errors.js';
import type { Page } from '../../data/provider.js';
import type { ThreatProfile } from '../../data/threat-intel.js';
import { canonicalIp } from '../../lib/ip.js';
import { SharedCache } from '../kit/shared-cache.js';
import { pageOf } from '../kit/answers.js';
import { arr, formattedText, obj, str } from './fields.js';

type Get = (path: string, what: string, signal: AbortSignal) => Promise<unknown>;

/** Pages read per collection (the profiles, each profile's indicators) before the index stops there. */
const MAX_PAGES = 50;
/** Profiles whose indicators are read at once. */
const CONCURRENCY = 4;
/** Where the Defender portal shows a profile (the form Microsoft's own posts link). */
const PROFILE_URL = 'https://ti.defender.microsoft.com/intel-profiles/';

interface Index {
  /** Artifact (an IP canonical, a host name lower case) → the profiles whose indicators name it, with when. */
  byArtifact: Map<string, Array<{ profile: ThreatProfile; firstSeen?: string; lastSeen?: string }>>;
}

/** A Graph `intelligenceProfile` in the model's terms; undefined without an id and a title. */
export function profileFromGraph(raw: unknown): ThreatProfile | undefined {
  const p = obj(raw);
  const id = str(p['id']);
  const name = str(p['title']);
  if (!id || !name) return undefined;
  const summary = formattedText(p['summary']);
  const aliases = arr(p['aliases']).filter((a): a is string => typeof a === 'string' && a !== '');
  return {
    id,
    name,
    kind: str(p['kind'])?.toLowerCase() ?? 'actor',
    ...(aliases.length ? { aliases } : {}),
    ...(summary ? { summary: summary.slice(0, 2_000) } : {}),
    ...(str(p['firstActiveDateTime']) ? { firstSeen: str(p['firstActiveDateTime']) } : {}),
    source: 'Microsoft Defender Threat Intelligence',
    link: `${PROFILE_URL}${encodeURIComponent(id)}`,
  };
}

/** The artifact an indicator names, as the index keys it: an IP canonical, anything else lower case. */
function artifactKey(indicator: Record<string, unknown>): string | undefined {
  const id = str(obj(indicator['artifact'])['id']);
  if (!id) return undefined;
  return canonicalIp(id) ?? id.toLowerCase();
}

/** Every item of a Graph collection, following `@odata.nextLink` up to {@link MAX_PAGES} pages. */
async function collect(get: Get, path: string, what: string, signal: AbortSignal): Promise<unknown[]> {
  const out: unknown[] = [];
  let next: string | undefined = path;
  for (let n = 0; next && n < MAX_PAGES; n++) {
    const page = obj(await get(next, what, signal));
    out.push(...arr(page['value']));
    next = str(page['@odata.nextLink']);
  }
  return out;
}

export class IntelProfileIndex {
  readonly #get: Get;
  readonly #cache = new SharedCache<Index>({ ttlMs: 6 * 3_600_000, max: 1 });

  constructor(get: Get) {
    this.#get = get;
  }

  async #build(signal: AbortSignal): Promise<Index> {
    const base = 'security/threatIntelligence/intelProfiles';
    const profiles = (await collect(this.#get, `${base}?$select=id,kind,title,aliases,summary,firstActiveDateTime`, 'the threat intelligence intel profiles', signal))
      .map(profileFromGraph)
      .filter((p): p is ThreatProfile => p !== undefined);
    const byArtifact: Index['byArtifact'] = new Map();
    let at = 0;
    const worker = async () => {
      while (at < profiles.length) {
        const profile = profiles[at++]!;
        const indicators = await collect(this.#get, `${base}/${encodeURIComponent(profile.id)}/indicators`, `the indicators of intel profile ${profile.name}`, signal).catch((error: unknown) => {
          // One profile that cannot be read leaves the others whole.
          if (isAbortError(error)) throw error;
          return [];
        });
        for (const raw of indicators) {
          const i = obj(raw);
          const key = artifactKey(i);
          if (!key) continue;
          const list = byArtifact.get(key) ?? [];
          if (!list.some((x) => x.profile.id === profile.id)) list.push({ profile, firstSeen: str(i['firstSeenDateTime']), lastSeen: str(i['lastSeenDateTime']) });
          byArtifact.set(key, list);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { byArtifact };
  }

  /** A page of the profiles whose indicators name the IP (canonical), the most recently seen first. */
  async page(ip: string, offset: number, limit: number, signal: AbortSignal): Promise<Page<ThreatProfile>> {
    const index = await this.#cache.get('index', signal, (s) => this.#build(s));
    const found = (index.byArtifact.get(ip) ?? [])
      .map(({ profile, firstSeen, lastSeen }) => ({ ...profile, ...(firstSeen ? { firstSeen } : {}), ...(lastSeen ? { lastSeen } : {}) }))
      .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') || a.name.localeCompare(b.name));
    return pageOf(found, { offset, limit });
  }
}
