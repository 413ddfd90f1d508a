/**
 * The threat intelligence integrations' indicator documents for an IP, as each package's pipeline
 * writes them (elastic/integrations: sample_event.json and fields.yml of ti_abusech, ti_misp,
 * ti_otx, ti_mandiant_advantage): ECS `event.kind: enrichment` and `threat.indicator.ip`; abuse.ch
 * names no `threat.feed.name`, MISP sets "MISP" and keeps the event's title in `misp.event.info` and
 * its galaxy clusters only as tags (`misp-galaxy:threat-actor=…`, quotes stripped); OTX keeps the
 * pulse under `otx.pulse.*`; Mandiant's pipeline copies attributed actors to `threat.group.name` and
 * malware to `threat.software.name`. Each document is also in its transform's latest index. A C2
 * server is in every feed, naming the actor and tool the generator ties to it; a scanner is in
 * MISP; other IPs in none. Answers a `term` query on `threat.indicator.ip`, newest first, and
 * returns only what `_source` asks for (paths or prefixes, as Elasticsearch filters them).
 */
import { HttpResponse } from 'msw';
import { canonicalIp } from '../../src/lib/ip.js';
import { datasetFor } from '../generator/dataset.js';

type Doc = Record<string, unknown>;

const error = (status: number, type: string, reason: string) => HttpResponse.json({ error: { root_cause: [{ type, reason }], type, reason }, status }, { status });

/** The flattened paths of a document (`a.b.c` → value). */
function flatten(o: Doc, prefix = '', out: Doc = {}): Doc {
  for (const [k, v] of Object.entries(o)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Doc, path, out);
    else out[path] = v;
  }
  return out;
}

/** The document with only the asked paths (a path, or any prefix of one), nested again. */
function filterSource(doc: Doc, includes: readonly string[] | undefined): Doc {
  if (!includes) return doc;
  const out: Doc = {};
  for (const [path, v] of Object.entries(flatten(doc))) {
    if (!includes.some((i) => path === i || path.startsWith(`${i}.`))) continue;
    const keys = path.split('.');
    let at = out;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Doc;
    at[keys.at(-1)!] = v;
  }
  return out;
}

export function threatIntelSearch(body: unknown): Response {
  const b = body as { query?: { bool?: { filter?: Array<{ term?: Record<string, unknown> }> } }; _source?: unknown } | undefined;
  const filter = b?.query?.bool?.filter ?? [];
  const asked = filter.map((f) => f.term?.['threat.indicator.ip']).find((v) => typeof v === 'string') as string | undefined;
  const ip = asked ? canonicalIp(asked) : undefined;
  if (!ip) return error(400, 'illegal_argument_exception', 'The mock answers a term query on threat.indicator.ip only.');
  const d = datasetFor(ip, Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const day = (n: number) => new Date(d.now + n * 86_400_000).toISOString();
  const event = (dataset: string) => ({ dataset, kind: 'enrichment', category: ['threat'], type: ['indicator'] });
  const docs: Array<{ _index: string; _id: string; _source: Doc }> = [];
  const seed = d.seed.toString(16);
  const profiles = d.threatIntel().lists.profiles;
  const actor = profiles.find((p) => p.kind === 'actor')?.name;
  const tool = profiles.find((p) => p.kind === 'tool')?.name;
  if (d.observed && d.profile.story === 'c2') {
    const urlhaus = { '@timestamp': day(-2), event: event('ti_abusech.url'), threat: { indicator: { type: 'url', ip, url: { full: `http://${ip}/bins/payload.exe`, domain: ip }, first_seen: day(-9), last_seen: day(-2), provider: 'lrz_urlhaus' } }, abusech: { url: { threat: 'malware_download', tags: ['CobaltStrike'] } } };
    docs.push({ _index: '.ds-logs-ti_abusech.url-default-2026.11.20-000001', _id: `urlhaus-${seed}`, _source: urlhaus });
    docs.push({ _index: 'logs-ti_abusech_latest.dest_url-3', _id: `urlhaus-latest-${seed}`, _source: { ...urlhaus, '@timestamp': day(-3) } });
    const misp = {
      '@timestamp': day(-4),
      event: event('ti_misp.threat'),
      threat: { feed: { name: 'MISP' }, indicator: { type: 'ipv4-addr', ip, first_seen: day(-6), last_seen: day(-4), description: 'Cobalt Strike team server (MISP event 4231)', marking: { tlp: 'AMBER' } } },
      misp: { event: { id: '4231', uuid: `5f0c1a2b-${seed.slice(0, 4).padStart(4, '0')}-4c3d-9e8f-0a1b2c3d4e5f`, info: 'Invoice-themed phishing stages Cobalt Strike on rented VPS hosts' }, attribute: { category: 'Network activity', type: 'ip-dst' } },
      tags: ['tlp:amber', ...(actor ? [`misp-galaxy:threat-actor=${actor}`] : []), ...(tool ? [`misp-galaxy:tool=${tool}`] : [])],
    };
    docs.push({ _index: '.ds-logs-ti_misp.threat-default-2026.11.20-000001', _id: `misp-${seed}`, _source: misp });
    docs.push({
      _index: '.ds-logs-ti_otx.pulses_subscribed-default-2026.11.20-000001',
      _id: `otx-${seed}`,
      _source: {
        '@timestamp': day(-5),
        event: event('ti_otx.pulses_subscribed'),
        threat: { feed: { name: 'AlienVault OTX' }, indicator: { type: 'ipv4-addr', ip, first_seen: day(-8), last_seen: day(-5) } },
        otx: { pulse: { id: `64e3${seed.padStart(8, '0')}d783f91d69`, name: 'Cobalt Strike C2 servers, week 47', adversary: actor ?? '', malware_families: tool ? [tool] : [], references: ['javascript:alert(1)', 'https://otx.alienvault.com/pulse/example'] } },
      },
    });
    docs.push({
      _index: '.ds-logs-ti_mandiant_advantage.threat_intelligence-default-2026.11.20-000001',
      _id: `mandiant-${seed}`,
      _source: {
        '@timestamp': day(-1),
        event: event('ti_mandiant_advantage.threat_intelligence'),
        threat: { feed: { name: 'Mandiant Advantage' }, indicator: { type: 'ipv4-addr', ip, first_seen: day(-30), last_seen: day(-1) }, ...(actor ? { group: { name: actor, id: actor } } : {}), ...(tool ? { software: { name: tool, type: 'Tool' } } : {}) },
      },
    });
  } else if (d.observed && d.profile.story === 'scanner') {
    docs.push({ _index: '.ds-logs-ti_misp.threat-default-2026.11.20-000001', _id: `misp-${seed}`, _source: { '@timestamp': day(-1), event: event('ti_misp.threat'), threat: { feed: { name: 'MISP' }, indicator: { type: 'ipv4-addr', ip, first_seen: day(-20), last_seen: day(-1), description: 'Mass scanner (RDP, SMB)' } } } });
  }
  docs.sort((a, b) => Date.parse(String(b._source['@timestamp'])) - Date.parse(String(a._source['@timestamp'])));
  const includes = Array.isArray(b?._source) ? (b._source as unknown[]).filter((x): x is string => typeof x === 'string') : undefined;
  return HttpResponse.json({ took: 2, timed_out: false, _shards: { total: docs.length ? 3 : 0, successful: docs.length ? 3 : 0, skipped: 0, failed: 0 }, hits: { total: { value: docs.length, relation: 'eq' }, max_score: null, hits: docs.map((x) => ({ ...x, _source: filterSource(x._source, includes), _score: null, sort: [Date.parse(String(x._source['@timestamp']))] })) } });
}
