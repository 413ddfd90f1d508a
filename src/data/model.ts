/**
 * Domain types of the IP entity page.
 *
 * Enums follow the Microsoft Defender for Endpoint and Microsoft Graph security APIs (Graph's
 * camelCase spelling). Providers map wire values such as MDE's `InProgress` into these with
 * {@link normalizeEnum}. Values a provider does not know are kept as strings, never dropped:
 * the open unions below (`| (string & {})`) say so, and the label maps (components/shared/labels.ts) fall back to the raw value.
 *
 * Timestamps are ISO 8601 strings in UTC (`2026-11-20T14:05:09.000Z`), normalized by providers,
 * so that they sort correctly as strings and survive JSON unchanged.
 */
import type { QueryLanguage } from '../lib/hunting.js';

/** An open string union: the known values get completion, unknown ones stay valid. */
export type Open<T extends string> = T | (string & {});

export const SEVERITIES = ['high', 'medium', 'low', 'informational'] as const;
export type KnownSeverity = (typeof SEVERITIES)[number] | 'unknown';
export type Severity = Open<KnownSeverity>;
/** Sort rank: higher is more severe. Unknown severities sort below informational. */
export const SEVERITY_RANK: Readonly<Record<string, number>> = { high: 4, medium: 3, low: 2, informational: 1, unknown: 0 };

export const ALERT_STATUSES = ['new', 'inProgress', 'resolved'] as const;
export type KnownAlertStatus = (typeof ALERT_STATUSES)[number] | 'unknown';
export type AlertStatus = Open<KnownAlertStatus>;

export const CLASSIFICATIONS = ['truePositive', 'informationalExpectedActivity', 'falsePositive'] as const;
export type KnownClassification = (typeof CLASSIFICATIONS)[number];
/** `null` means "not set" (Graph `unknown`, MDE `null`). */
export type Classification = Open<KnownClassification> | null;

/** Determinations allowed for each classification, as in the Defender portal and the MDE API. */
export const DETERMINATIONS_BY_CLASSIFICATION: Readonly<Record<KnownClassification, readonly string[]>> = {
  truePositive: ['multiStagedAttack', 'maliciousUserActivity', 'compromisedUser', 'malware', 'phishing', 'unwantedSoftware', 'other'],
  informationalExpectedActivity: ['securityTesting', 'lineOfBusinessApplication', 'confirmedUserActivity', 'other'],
  falsePositive: ['clean', 'insufficientData', 'other'],
};
export type Determination = Open<
  | 'multiStagedAttack'
  | 'maliciousUserActivity'
  | 'compromisedUser'
  | 'malware'
  | 'phishing'
  | 'unwantedSoftware'
  | 'securityTesting'
  | 'lineOfBusinessApplication'
  | 'confirmedUserActivity'
  | 'clean'
  | 'insufficientData'
  | 'other'
  | 'apt'
  | 'securityPersonnel'
>;

export type InvestigationState = Open<
  | 'unknown'
  | 'terminated'
  | 'successfullyRemediated'
  | 'benign'
  | 'failed'
  | 'partiallyRemediated'
  | 'running'
  | 'pendingApproval'
  | 'pendingResource'
  | 'partiallyInvestigated'
  | 'terminatedByUser'
  | 'terminatedBySystem'
  | 'queued'
  | 'innerFailure'
  | 'preexistingAlert'
  | 'unsupportedOs'
  | 'unsupportedAlertType'
  | 'suppressedAlert'
>;

/** Indicator actions, spelled as the Defender indicator API sends them. */
export const INDICATOR_ACTIONS = ['Allowed', 'Audit', 'Warn', 'Block', 'BlockAndRemediate', 'AlertAndBlock', 'Alert'] as const;
export type IndicatorAction = Open<(typeof INDICATOR_ACTIONS)[number]>;

/**
 * Map a wire enum value to the model's camelCase spelling, case- and separator-insensitively:
 * `InProgress`, `inProgress`, `IN_PROGRESS` and `in progress` all become `inProgress` when
 * `inProgress` is in `known`. Unknown values are returned unchanged, never dropped.
 */
export function normalizeEnum<T extends string>(value: string, known: readonly T[]): Open<T> {
  const squash = (s: string) => s.replace(/[\s_,-]/g, '').toLowerCase();
  const wanted = squash(value);
  for (const k of known) if (squash(k) === wanted) return k;
  return value;
}

/**
 * The value of `key` in a lookup table, only when the table itself has it: data such as
 * `constructor` or `__proto__` never reaches `Object.prototype`.
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string | null | undefined): V | undefined {
  return key != null && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}


// ---------------------------------------------------------------------------------------------
// Entities

/** WHOIS / registration data where the provider knows it. */
export interface WhoisInfo {
  registrar?: string;
  registrant?: string;
  organization?: string;
  netRange?: string;
  netName?: string;
  created?: string;
  updated?: string;
  abuseContact?: string;
  country?: string;
}

/** Everything enrichment knows about the address: geo, ASN, reverse DNS, WHOIS. */
export interface IpDetails {
  /** Canonical address text. */
  ip: string;
  organization?: string;
  isp?: string;
  asn?: number;
  asName?: string;
  country?: string;
  /** ISO 3166-1 alpha-2. */
  countryCode?: string;
  state?: string;
  city?: string;
  carrier?: string;
  latitude?: number;
  longitude?: number;
  postalCode?: string;
  reverseDns: string[];
  whois?: WhoisInfo;
}

export type SeverityCounts = Record<'high' | 'medium' | 'low' | 'informational', number>;

/** The "Security info" block and the severity cards. */
export interface SecuritySummary {
  openIncidents: number;
  activeAlerts: number;
  /** Incidents in the range by severity (any status). */
  incidentsBySeverity: SeverityCounts;
  /** Alerts in the range by severity (any status). */
  alertsBySeverity: SeverityCounts;
  /** Distinct devices in the organization that communicated with the IP in the range (MDE `organizationPrevalence`). */
  organizationPrevalence: number;
  /** First and last time the IP was seen in the organization (MDE `orgFirstSeen`/`orgLastSeen`); absent when never observed. */
  firstSeen?: string;
  lastSeen?: string;
  /** The counts are not whole: what is missing and why, in a sentence (a backend that throttled part of the requests behind them). */
  incomplete?: string;
  /**
   * The open incidents, active alerts and incidents by severity were counted over only the
   * `counted` most recent of the `matched` alerts in the range (a backend that keeps each alert's
   * status only with its details): they are lower bounds, shown as "at least". Alerts by severity
   * stay exact. Absent when every alert was counted.
   */
  countedOver?: { counted: number; matched: number };
}

export interface LogSourceActivity {
  /** Table or data source name, e.g. `DeviceNetworkEvents`, `CommonSecurityLog`, `SigninLogs`. */
  source: string;
  firstSeen: string;
  lastSeen: string;
  count?: number;
}

/** A host that reported this IP as its own (Azure Monitor Agent `Heartbeat`). */
export interface LoggedHost {
  id: string;
  name: string;
  os?: string;
  lastHeartbeat?: string;
}

export interface LogActivity {
  firstSeen?: string;
  lastSeen?: string;
  sources: LogSourceActivity[];
  loggedHosts: LoggedHost[];
}

/** Device names a prevalence bucket carries at most (`PrevalenceBucket.deviceNames`). */
export const BUCKET_DEVICE_NAMES = 5;

export interface PrevalenceBucket {
  /** Bucket start, ISO. */
  start: string;
  /** Distinct devices that communicated with the IP in this bucket. */
  devices: number;
  /**
   * Some of those devices by name (at most `BUCKET_DEVICE_NAMES`, in the backend's order), from
   * the same answer: the chart's tooltip names them without another call. Omit when unknown.
   */
  deviceNames?: string[];
}

/** An alert start time drawn on the prevalence chart. */
export interface AlertMark {
  id: string;
  title: string;
  severity: Severity;
  time: string;
  kind?: AlertKind;
}

export interface Prevalence {
  bucket: 'hour' | 'day';
  buckets: PrevalenceBucket[];
  /** Distinct devices over the whole range. */
  totalDevices: number;
  firstSeen?: string;
  lastSeen?: string;
  /** Alert starts in the range; providers may cap the list (see `alertMarksTotal`). */
  alertMarks: AlertMark[];
  alertMarksTotal?: number;
}

export type AlertKind = 'incident' | 'alert';
export type ImpactedAssetKind = Open<'device' | 'user' | 'mailbox' | 'app' | 'ip' | 'cloudResource'>;

export interface ImpactedAsset {
  kind: ImpactedAssetKind;
  name: string;
  id?: string;
}

export interface AlertComment {
  comment: string;
  createdBy?: string;
  createdAt: string;
}

/** One piece of evidence, summarized (MDE `evidence[]`, Graph `alertEvidence`). */
export interface EvidenceSummary {
  entityType: string;
  name: string;
  verdict?: Open<'unknown' | 'suspicious' | 'malicious' | 'noThreatsFound'>;
  remediationStatus?: string;
  detail?: string;
}

/**
 * A row of a list that could not be read (a required value missing or malformed, an id too long
 * to use): it keeps its place in the list, shows as "This row could not be read" with the reason,
 * and its raw value can be copied. One odd row never hides the rows around it.
 */
export interface UnreadableRow {
  /** Why, naming the value: `id: expected an id of at most 1,024 characters, got text`. */
  reason: string;
  /** The row as it was sent, as JSON (cut past 20,000 characters, with a note). */
  raw: string;
}

/**
 * What a row carries when part of it could not be read: `unreadable` for the whole row (its other
 * fields are placeholders, never shown), `partial` for values left out of an otherwise readable
 * row (each `field: why`), shown as a mark on the row.
 */
export interface RowProblems {
  unreadable?: UnreadableRow;
  partial?: readonly string[];
}

/** An incident or an alert whose story includes the IP. */
export interface AlertItem extends RowProblems {
  id: string;
  kind: AlertKind;
  /** For alerts: the incident that groups them. */
  incidentId?: string;
  title: string;
  description?: string;
  severity: Severity;
  status: AlertStatus;
  classification: Classification;
  determination?: Determination | null;
  investigationState?: InvestigationState;
  /** An alert's category (MITRE tactic style, `CommandAndControl`). */
  category?: string;
  /** Every category, for an incident those of its alerts (Defender's "Categories"); absent = `[category]`. */
  categories?: string[];
  assignedTo?: string | null;
  impactedAssets: ImpactedAsset[];
  firstActivity: string;
  lastActivity: string;
  createdAt?: string;
  /** When the item last changed (status, assignment, a new alert): Graph `lastUpdateDateTime`. */
  lastUpdated?: string;
  detectionSource?: string;
  /** Every detection source, for an incident those of its alerts; absent = `[detectionSource]`. */
  detectionSources?: string[];
  serviceSource?: string;
  /** Every service source, for an incident those of its alerts; absent = `[serviceSource]`. */
  serviceSources?: string[];
  /** Products that raised it (Graph `productName`, Sentinel `ProductName`): `Microsoft Defender for Endpoint`. */
  productNames?: string[];
  /** Incident tags, custom and system (Graph `customTags` + `systemTags`, Sentinel labels): `Ransomware`, `BEC`. */
  tags?: string[];
  /** Device groups of the impacted devices (Defender `rbacGroupName`). */
  deviceGroups?: string[];
  /** For incidents: how many alerts they group. */
  alertCount?: number;
  /** MITRE ATT&CK technique IDs (`T1071.001`). */
  mitreTechniques?: string[];
  comments?: AlertComment[];
  evidence?: EvidenceSummary[];
  /**
   * Values of the data source's own that the model has no field for (a risk score, a ticket
   * number), for a host's own columns (`extraColumns` of `<ip-alerts-list>`): at most 64 keys,
   * each text, a number, true/false, null or a list of texts and numbers. Not filtered, sorted or
   * searched by the page.
   */
  extensions?: Readonly<Record<string, ExtensionValue>>;
}

/** A value in {@link AlertItem.extensions}. */
export type ExtensionValue = string | number | boolean | null | ReadonlyArray<string | number>;

/** What the management fly-out changes; absent fields stay as they are. */
export interface AlertPatch {
  status?: AlertStatus;
  classification?: Classification;
  determination?: Determination | null;
  assignedTo?: string | null;
  /** A new comment to append. */
  comment?: string;
}

export type ConnectionDirection = Open<'outbound' | 'inbound' | 'unknown'>;

export interface ProcessInfo {
  fileName: string;
  commandLine?: string;
  sha256?: string;
  folderPath?: string;
  processId?: number;
  accountName?: string;
  accountDomain?: string;
}

export interface FileInfo {
  name: string;
  path?: string;
  sha256?: string;
  size?: number;
}

/** One network (or related) event on a device that involved the IP. */
export interface DeviceEvent extends RowProblems {
  id?: string;
  timestamp: string;
  /** MDE `ActionType`: `ConnectionSuccess`, `ConnectionFailed`, `InboundConnectionAccepted`, `DnsQuery`, `FileCreated` … */
  actionType: string;
  direction: ConnectionDirection;
  localIp?: string;
  localPort?: number;
  remoteIp?: string;
  remotePort?: number;
  protocol?: string;
  remoteUrl?: string;
  initiatingProcess?: ProcessInfo;
  /** A file associated with the event, such as one downloaded from the IP. */
  file?: FileInfo;
}

export type ExposureLevel = Open<'none' | 'low' | 'medium' | 'high'>;
export type RiskScore = Open<'none' | 'informational' | 'low' | 'medium' | 'high'>;

/** A device in the organization that communicated with the IP. */
export interface ObservedDevice extends RowProblems {
  id: string;
  name: string;
  osPlatform?: string;
  osVersion?: string;
  riskScore?: RiskScore;
  exposureLevel?: ExposureLevel;
  firstSeen: string;
  lastSeen: string;
  connectionCount: number;
  lastEvent: DeviceEvent;
}

// The accounts seen signing in from an IP (the Accounts tab): their own module, named here too.
export type { AccountActivity, SignInResult } from './accounts.js';
// The IP's traffic per device (the Observed tab's traffic view).
export type { BeaconStats, DeviceTraffic, Traffic, TrafficPort } from './traffic.js';
// The incidents and cases the IP can be recorded on.
export type { CaseQuery, CaseRecord, CaseRef } from './cases.js';

/** A note on the IP for colleagues, kept by the provider and shown on the IP's page. */
export interface IpNote {
  /** Plain text, at most {@link NOTE_MAX} characters. */
  text: string;
  updatedAt: string;
  /** Who saved it last. */
  updatedBy?: string;
  /** The backend's version of it: a save names the version it changes, so one saved meanwhile is not lost. */
  version?: string;
}

/** The longest note. */
export const NOTE_MAX = 4_000;

/** Indicator severities, spelled as the Defender indicator API takes them. */
export const INDICATOR_SEVERITIES = ['Informational', 'Low', 'Medium', 'High'] as const;
export type IndicatorSeverity = (typeof INDICATOR_SEVERITIES)[number];

/**
 * A new indicator of compromise for the IP, with the field names and values of the Defender
 * indicator API (`POST /api/indicators`), so a provider can forward it as is.
 */
export interface IndicatorInput {
  /** The IP, canonical. */
  indicatorValue: string;
  indicatorType: 'IpAddress';
  action: IndicatorAction;
  /** Title of the indicator (and of its alerts). */
  title: string;
  description: string;
  /** Severity of the alerts it generates. */
  severity?: IndicatorSeverity;
  /** Raise an alert when the indicator matches (required for `Audit`). */
  generateAlert: boolean;
  /** ISO date-time; absent = never expires. */
  expirationTime?: string;
  recommendedActions?: string;
  /** Alert category (MITRE tactic style, e.g. `CommandAndControl`). */
  category?: string;
  /** Device groups in scope; absent = all devices. */
  rbacGroupNames?: string[];
  /** The application that created it (default: this library's host decides). */
  application?: string;
}

export interface Indicator extends IndicatorInput {
  id: string;
  /** When it was created (Defender: `creationTimeDateTimeUtc`). */
  creationTimeDateTimeUtc: string;
  createdBy?: string;
  /** Who or what submitted it, by name (Defender: `createdBySource`, e.g. a person or an app). */
  createdBySource?: string;
  /** When it last changed, and by whom (Defender: `lastUpdateTime`, `lastUpdatedBy`). */
  lastUpdateTime?: string;
  lastUpdatedBy?: string;
}

export type TimelineKind = Open<'alert' | 'bookmark' | 'activity' | 'anomaly'>;

/** One item on the Sentinel timeline. `time` is when it happened, not when it was ingested. */
export interface TimelineEvent extends RowProblems {
  id: string;
  kind: TimelineKind;
  time: string;
  title: string;
  source?: string;
  severity?: Severity;
  description?: string;
  alertId?: string;
  bookmarkedBy?: string;
  query?: string;
}

export type { QueryLanguage } from '../lib/hunting.js';

export interface InsightColumn {
  name: string;
  type: Open<'string' | 'number' | 'datetime' | 'bool'>;
}

export interface InsightChart {
  type: Open<'bar' | 'line' | 'pie'>;
  /** Column holding the category or time axis. */
  x: string;
  /** Column holding the values. */
  y: string;
}

/** An analytic question about the IP answered with a table or a small chart. */
export interface Insight {
  id: string;
  title: string;
  description?: string;
  query: string;
  language: QueryLanguage;
  columns: InsightColumn[];
  rows: unknown[][];
  /** Rows that could not be read, by their index in `rows` (where they show as such; their cells are empty). */
  unreadableRows?: Readonly<Record<number, UnreadableRow>>;
  chart?: InsightChart;
  dataSources?: string[];
  /** Set when this insight could not be computed; the other insights still render. */
  error?: string;
  /** Set when the data source answered only in part (Log Analytics' PartialError): what is missing, in words. */
  incomplete?: string;
}
