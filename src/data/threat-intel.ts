/**
 * What threat intelligence knows of an IP on the internet (Microsoft Defender Threat Intelligence,
 * Graph `security/threatIntelligence/hosts/{ip}` and its relationships): its reputation, where it
 * is hosted, and what was seen on it over time — passive DNS, certificates, host pairs, trackers,
 * web components and WHOIS history. The summary comes in one answer; each list comes page by page.
 */
import type { Open, RowProblems } from './model.js';

export const REPUTATION_CLASSIFICATIONS = ['malicious', 'suspicious', 'neutral', 'unknown'] as const;
export type ReputationClassification = Open<(typeof REPUTATION_CLASSIFICATIONS)[number]>;

/** A rule that contributed to the reputation (Graph `hostReputationRule`). */
export interface ReputationRule {
  name: string;
  description?: string;
  severity?: Open<'low' | 'medium' | 'high' | 'unknown'>;
  /** Where the rule's evidence is described (an http(s) link). */
  relatedDetailsUrl?: string;
}

export interface IpReputation {
  classification: ReputationClassification;
  /** 0–100: higher is worse. */
  score: number;
  rules: ReputationRule[];
}

/** When a record was first and last seen on the internet. */
export interface SeenSpan {
  firstSeen?: string;
  lastSeen?: string;
}

/** A host name the IP resolved from (Graph `passiveDnsRecord`). */
export interface PassiveDnsRecord extends SeenSpan, RowProblems {
  hostname: string;
  recordType?: string;
  collectedBy?: string;
  /** The resolution still holds (seen lately); else it is history. */
  current?: boolean;
}

/** A TLS certificate the IP served (Graph `sslCertificate`). */
export interface CertificateRecord extends SeenSpan, RowProblems {
  sha1: string;
  subject?: string;
  issuer?: string;
  expires?: string;
}

/** Two hosts connected by a page load, a redirect, an iframe … (Graph `hostPair`). */
export interface HostPairRecord extends SeenSpan, RowProblems {
  parentHost: string;
  childHost: string;
  /** What linked them: `redirect`, `iframe.src`, `script.src` … */
  cause?: string;
}

/** An analytics or tracking id seen on the IP's pages (Graph `hostTracker`). */
export interface TrackerRecord extends SeenSpan, RowProblems {
  kind: string;
  value: string;
}

/** Software seen on the IP's services (Graph `hostComponent`). */
export interface ComponentRecord extends SeenSpan, RowProblems {
  name: string;
  version?: string;
  category?: string;
}

/** A cookie the IP's web pages set, by name and the domain it is for (Graph `hostCookie`): an implant's or a kit's own cookie ties hosts together. */
export interface CookieRecord extends SeenSpan, RowProblems {
  name: string;
  domain?: string;
}

/** A port scanned open (or filtered, closed) on the IP, what answered there and its banner (Graph `hostPort`). */
export interface PortRecord extends SeenSpan, RowProblems {
  port: number;
  /** `tcp`, `udp`. */
  protocol?: string;
  /** `open`, `filtered`, `closed`. */
  status?: string;
  /** The software that answered (`nginx 1.18.0`), most recent first. */
  services?: string[];
  /** The most recent banner the port sent. */
  banner?: string;
  timesObserved?: number;
  lastScan?: string;
}

/** One WHOIS record in its history (Graph `whoisHistoryRecord`). */
export interface WhoisHistoryRecord extends SeenSpan, RowProblems {
  registrar?: string;
  registrant?: string;
  organization?: string;
  created?: string;
  updated?: string;
  expires?: string;
  nameServers?: string[];
}

/** The record type of each list. */
export interface ThreatIntelRows {
  profiles: ThreatProfile;
  articles: ThreatArticle;
  passiveDns: PassiveDnsRecord;
  certificates: CertificateRecord;
  hostPairs: HostPairRecord;
  trackers: TrackerRecord;
  components: ComponentRecord;
  ports: PortRecord;
  cookies: CookieRecord;
  whoisHistory: WhoisHistoryRecord;
}

export type ThreatIntelRelation = keyof ThreatIntelRows;
/** The most articles a provider reads for an IP (Defender: one call each). */
export const THREAT_ARTICLES = 10;
export const THREAT_INTEL_RELATIONS: readonly ThreatIntelRelation[] = ['profiles', 'articles', 'passiveDns', 'certificates', 'hostPairs', 'trackers', 'components', 'ports', 'cookies', 'whoisHistory'];

export const THREAT_PROFILE_KINDS = ['actor', 'campaign', 'malware', 'tool'] as const;
export type ThreatProfileKind = Open<(typeof THREAT_PROFILE_KINDS)[number]>;

/**
 * Who or what intelligence ties to the IP: an actor (or intrusion set), a campaign, a malware
 * family or a tool. Defender TI's intel profiles whose indicators hold the IP; in Sentinel the STIX
 * objects related to the IP's indicators; in Elastic the actor and malware fields of the feeds'
 * indicator documents.
 */
export interface ThreatProfile extends SeenSpan, RowProblems {
  id: string;
  name: string;
  kind: ThreatProfileKind;
  aliases?: string[];
  /** What it is, as text. */
  summary?: string;
  /** Who says so: the feed or intelligence source. */
  source?: string;
  /** Where to read more (an http(s) link). */
  link?: string;
}

/** A threat intelligence article that names the IP (Defender TI's finished intelligence: a report on an actor, campaign or tool). */
export interface ThreatArticle extends RowProblems {
  id: string;
  title: string;
  /** The article's summary, as text. */
  summary?: string;
  createdAt?: string;
  updatedAt?: string;
  tags?: string[];
  /** Where to read it (an http(s) link). */
  link?: string;
}

/** The summary: reputation, hosting, and how many records each list holds. */
export interface ThreatIntel extends SeenSpan {
  reputation?: IpReputation;
  hostingProvider?: string;
  netblock?: string;
  asn?: number;
  asName?: string;
  countryOrRegion?: string;
  /** Records per list, where known (the lists come from `listThreatIntel`). */
  counts: Partial<Record<ThreatIntelRelation, number>>;
  /**
   * The lists this source keeps, in order; every list when left out. A workspace's own intelligence
   * (Sentinel's, Elastic's feeds) holds indicators and what they relate to, not the internet's view
   * of the host: it names its lists and leaves the reputation and hosting out, and the page shows
   * only those lists.
   */
  lists?: ThreatIntelRelation[];
}
