/**
 * The demo's threat intelligence for an IP, as Microsoft Defender Threat Intelligence would have
 * it: a reputation that fits the IP's story (a C2 server is malicious, a scanner suspicious, an
 * unobserved address unknown), its hosting, and lists of what was seen on it over time — enough
 * passive DNS on the busy IPs to page through.
 */
import type { ThreatArticle, ThreatIntel, ThreatProfile, ThreatIntelRelation, ThreatIntelRows } from '../../src/data/threat-intel.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { isExternalScope } from '../../src/lib/ip.js';
import type { IpDataset } from './dataset.js';
import { hashString, rngAt } from './random.js';

const STREAM = 60;

const DEFENDER_TI = 'Microsoft Defender Threat Intelligence';
const profileId = (name: string) => hashString(name).toString(16).padStart(8, '0').repeat(8);

/**
 * The tenant's intel profiles (Defender TI's actors and tools, as Graph's intelligenceProfile
 * example has them): the two the C2 servers' indicators name, and others that name none of the
 * demo's IPs. Ids are 64 hex digits, as Graph's.
 */
export const INTEL_PROFILES: ReadonlyArray<ThreatProfile & { onC2: boolean }> = [
  { name: 'Storm-0000', kind: 'actor', aliases: ['DEV-0000', 'Invoice Spider'], summary: 'A financially motivated group that sends invoice-themed phishing and stages Cobalt Strike on rented VPS hosts before deploying ransomware.', onC2: true },
  { name: 'Cobalt Strike', kind: 'tool', aliases: ['CobaltStrike', 'Beacon'], summary: 'A commercial adversary simulation framework; cracked copies serve many groups as their post-exploitation implant and C2.', onC2: true },
  { name: 'Aqua Blizzard', kind: 'actor', aliases: ['ACTINIUM', 'Primitive Bear'], summary: 'A state-sponsored group that targets government and defense organizations with spear-phishing.', onC2: false },
  { name: 'Sliver', kind: 'tool', summary: 'An open-source C2 framework used as an alternative to Cobalt Strike.', onC2: false },
].map((p) => ({ ...p, id: profileId(p.name), source: DEFENDER_TI, link: `https://ti.defender.microsoft.com/intel-profiles/${profileId(p.name)}` }));

export interface GeneratedThreatIntel {
  summary: ThreatIntel;
  lists: { [R in ThreatIntelRelation]: Array<ThreatIntelRows[R]> };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function buildThreatIntel(d: IpDataset): GeneratedThreatIntel {
  const r = rngAt(d.seed, STREAM);
  const story = d.profile.story;
  const internal = !isExternalScope(d.ip.scope);
  const malicious = story === 'c2' && d.observed;
  const details = d.details();
  const day = (n: number) => d.now - n * DAY_MS;
  const dashed = d.ip.canonical.replace(/[.:]/g, '-');
  const domain = d.org.domain;

  const classification = internal ? 'unknown' : malicious ? 'malicious' : story === 'scanner' && d.observed ? 'suspicious' : d.observed ? 'neutral' : 'unknown';
  const score = classification === 'malicious' ? r.int(80, 99) : classification === 'suspicious' ? r.int(45, 74) : classification === 'neutral' ? r.int(5, 30) : 0;
  // Defender TI's finished intelligence on a C2 server: the reputation links each article by a rule
  // (as Graph's reputation example shows: the rule names the article, its link ends in /article/{id}).
  const hex = (k: number) => ((d.seed * (k + 7)) >>> 0).toString(16).padStart(8, '0').slice(0, 8);
  const articles: ThreatArticle[] = classification === 'malicious'
    ? [
        { id: hex(1), title: 'Cobalt Strike team servers behind invoice-themed phishing', summary: `Operators stage Cobalt Strike beacons on rented VPS hosts, including ${d.ip.canonical}, and reach them over HTTPS with a 5-minute sleep and jitter.`, createdAt: iso(day(9)), updatedAt: iso(day(2)), tags: ['Cobalt Strike', 'Phishing', 'C2'], link: `https://ti.defender.microsoft.com/article/${hex(1)}` },
        { id: hex(2), title: 'Storm-0000 rotates C2 infrastructure across bulletproof hosting', summary: 'New team servers appear weekly in the same netblocks; the group reuses TLS certificates and JARM fingerprints.', createdAt: iso(day(30)), updatedAt: iso(day(20)), tags: ['Storm-0000', 'Infrastructure'], link: `https://ti.defender.microsoft.com/article/${hex(2)}` },
      ]
    : [];
  // The actor and the tool Defender TI's intel profiles tie to a C2 server (profiles.ts's catalogue).
  const profiles: ThreatProfile[] = classification === 'malicious'
    ? INTEL_PROFILES.filter((p) => p.onC2).map(({ onC2: _, ...p }, k) => ({ ...p, firstSeen: iso(day(40 - k * 9)), lastSeen: iso(day(1 + k)) }))
    : [];
  const rules =
    classification === 'malicious'
      ? [
          ...articles.map((a) => ({ name: 'Microsoft Defender Threat Intelligence Intel Article', description: a.title, severity: 'high', relatedDetailsUrl: a.link })),
          { name: 'Cobalt Strike C2', description: 'The IP served a Cobalt Strike team server beacon configuration.', severity: 'high', relatedDetailsUrl: `https://ti.example/articles/cobalt-strike-${dashed}` },
          { name: 'Blocklist: Feodo Tracker', description: 'Listed by a public C2 blocklist in the last 30 days.', severity: 'high' },
          { name: 'Newly observed host', description: 'Hosting started answering on this IP recently.', severity: 'medium' },
          { name: 'Bulletproof-friendly hosting', description: 'The network has a history of abuse reports.', severity: 'low' },
        ]
      : classification === 'suspicious'
        ? [{ name: 'Mass scanning', description: 'Seen probing many networks on common service ports.', severity: 'medium' }]
        : [];

  // Passive DNS: the busy demo IPs have hundreds of names to page through.
  const dnsCount = internal ? 0 : d.profile.alerts >= 100_000 ? 420 : malicious ? 36 : d.observed ? 6 : 0;
  const words = ['cdn', 'update', 'static', 'api', 'login', 'mail', 'files', 'img', 'sync', 'telemetry'];
  const tlds = ['example', 'example.net', 'example.org'];
  const passiveDns = Array.from({ length: dnsCount }, (_, k) => {
    const last = day(k < 3 ? r.int(0, 2) : 3 + k * r.int(1, 4));
    const first = last - r.int(1, 200) * DAY_MS;
    return { hostname: k === 0 ? `vps-${dashed}.${domain}` : `${words[k % words.length]}-${r.alnum(5).toLowerCase()}.${tlds[k % tlds.length]}`, recordType: 'A', collectedBy: r.pick(['RiskIQ', 'Microsoft', 'Farsight']), firstSeen: iso(first), lastSeen: iso(last), current: k < 3 };
  });
  const certificates = internal || !d.observed ? [] : Array.from({ length: malicious ? 5 : 2 }, (_, k) => ({
    sha1: r.hex(40),
    subject: k === 0 && malicious ? 'CN=Major Cobalt Strike, O=cobaltstrike, OU=AdvancedPenTesting' : `CN=${passiveDns[k]?.hostname ?? `vps-${dashed}.${domain}`}`,
    issuer: k === 0 && malicious ? 'CN=Major Cobalt Strike, O=cobaltstrike, OU=AdvancedPenTesting' : "CN=R11, O=Let's Encrypt, C=US",
    firstSeen: iso(day(40 + k * 30)),
    lastSeen: iso(day(k * 12)),
    expires: iso(day(-60 + k * 45)),
  }));
  const hostPairs = malicious
    ? [
        { parentHost: `invoice-portal-${r.alnum(4).toLowerCase()}.example`, childHost: passiveDns[1]?.hostname ?? d.ip.canonical, cause: 'redirect', firstSeen: iso(day(20)), lastSeen: iso(day(2)) },
        { parentHost: 'docs-share.example.org', childHost: passiveDns[2]?.hostname ?? d.ip.canonical, cause: 'script.src', firstSeen: iso(day(15)), lastSeen: iso(day(4)) },
      ]
    : [];
  const trackers = malicious ? [{ kind: 'JarmHash', value: `07d14d16d21d21d07c42d41d00041d${r.hex(34)}`, firstSeen: iso(day(60)), lastSeen: iso(day(1)) }, { kind: 'GoogleAnalyticsID', value: `UA-${r.int(10_000_000, 99_999_999)}-1`, firstSeen: iso(day(90)), lastSeen: iso(day(30)) }] : [];
  const components = internal || !d.observed ? [] : [
    { name: 'nginx', version: '1.18.0', category: 'Server', firstSeen: iso(day(120)), lastSeen: iso(day(1)) },
    ...(malicious ? [{ name: 'Cobalt Strike', version: '4.9', category: 'Command and control', firstSeen: iso(day(30)), lastSeen: iso(day(1)) }] : []),
    { name: 'Ubuntu', category: 'Operating system', firstSeen: iso(day(200)), lastSeen: iso(day(3)) },
  ];
  // What internet-wide scans saw answering on the IP: the web server everywhere, the C2's own
  // listener and SSH on a command-and-control server.
  const ports = internal || !d.observed ? [] : [
    { port: 443, protocol: 'tcp', status: 'open', services: ['nginx 1.18.0'], banner: 'HTTP/1.1 404 Not Found\r\nServer: nginx/1.18.0 (Ubuntu)\r\nContent-Type: text/html', timesObserved: r.int(40, 400), lastScan: iso(day(1)), firstSeen: iso(day(120)), lastSeen: iso(day(1)) },
    ...(malicious
      ? [
          { port: 50050, protocol: 'tcp', status: 'open', services: ['Cobalt Strike 4.9'], banner: undefined, timesObserved: r.int(5, 60), lastScan: iso(day(1)), firstSeen: iso(day(30)), lastSeen: iso(day(1)) },
          { port: 22, protocol: 'tcp', status: 'open', services: ['OpenSSH 8.2p1'], banner: 'SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.11', timesObserved: r.int(20, 200), lastScan: iso(day(2)), firstSeen: iso(day(200)), lastSeen: iso(day(2)) },
        ]
      : []),
  ];
  // The cookies its pages set: a web server's session cookie, and on a C2 server the kit's own.
  const cookies = internal || !d.observed ? [] : [
    { name: 'PHPSESSID', domain: d.ip.canonical, firstSeen: iso(day(150)), lastSeen: iso(day(3)) },
    ...(malicious ? [{ name: `__cf_${r.alnum(6).toLowerCase()}`, domain: passiveDns[0]?.hostname ?? d.ip.canonical, firstSeen: iso(day(25)), lastSeen: iso(day(1)) }] : []),
  ];
  const whois = details.whois;
  const whoisHistory = internal || !whois ? [] : [
    { registrar: whois.registrar, registrant: whois.registrant, organization: whois.organization, created: whois.created, updated: whois.updated, firstSeen: whois.updated, lastSeen: iso(day(0)), nameServers: [`ns1.${domain}`, `ns2.${domain}`] },
    { registrar: whois.registrar, registrant: 'Hostmaster', organization: whois.organization, created: whois.created, updated: whois.created, firstSeen: whois.created, lastSeen: whois.updated, nameServers: [`ns1.${domain}`] },
  ];
  const lists = { profiles, articles, passiveDns, certificates, hostPairs, trackers, components, ports, cookies, whoisHistory } as GeneratedThreatIntel['lists'];
  const counts = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length])) as ThreatIntel['counts'];
  const summary: ThreatIntel = {
    counts,
    reputation: internal ? undefined : { classification, score, rules },
    hostingProvider: internal ? undefined : d.org.isp,
    netblock: whois?.netRange,
    asn: internal ? undefined : details.asn,
    asName: internal ? undefined : details.asName,
    countryOrRegion: details.countryCode,
    firstSeen: passiveDns.length ? passiveDns.map((p) => p.firstSeen).sort()[0] : undefined,
    lastSeen: passiveDns.length ? passiveDns[0]!.lastSeen : undefined,
  };
  return { summary, lists };
}
