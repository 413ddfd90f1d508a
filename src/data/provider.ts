/**
 * The one interface between the components and a backend.
 *
 * Every method is independent, so one failing section never blanks another, and every call takes
 * an `AbortSignal`: the components abort a request as soon as its answer is no longer wanted
 * (the IP, the range or a filter changed, the element left the page). Lists are paged, filtered
 * and sorted by the provider; the components never hold a whole data set.
 */
import type {
  AccountActivity,
  AlertItem,
  AlertPatch,
  DeviceEvent,
  Indicator,
  IndicatorAction,
  IndicatorInput,
  Insight,
  IpDetails,
  IpNote,
  LogActivity,
  ObservedDevice,
  SignInResult,
  Prevalence,
  QueryLanguage,
  SecuritySummary,
  TimelineEvent,
} from './model.js';
import type { TimeRange } from '../lib/time-range.js';
import { CAPABILITY_FLAGS, CAPABILITY_OF, type CapabilityFlag, type ProviderMethod } from './contract.js';
import type { AlertFilterField, AlertSortField } from './alert-fields.js';
import type { DeviceSortField } from './device-fields.js';
import type { ThreatIntel, ThreatIntelRelation, ThreatIntelRows } from './threat-intel.js';
import type { Traffic } from './traffic.js';
import type { CaseQuery, CaseRecord, CaseRef } from './cases.js';

export type { TimeRange } from '../lib/time-range.js';

export interface RequestOptions {
  signal: AbortSignal;
  /**
   * For changes (`updateAlerts`, `addIndicator`): one key per draft, the same on every retry of
   * the same change, so a backend that saw the first attempt (a timeout after it was applied)
   * does not apply it twice. Send it as the `Idempotency-Key` header, or use it to deduplicate.
   */
  idempotencyKey?: string;
}

/** One page of a list, plus how many items match in all. */
export interface Page<T> {
  items: T[];
  /** Items matching the query; may exceed what the provider will ever list (e.g. the 100-device cap). */
  total: number;
  /**
   * Items that match but that the provider does not list at all, outside `total` (past a cap it
   * documents, such as the Defender provider's most recent `maxAlerts`). The list says so, so an
   * analyst does not take `total` for everything. At least this many; omit when none.
   */
  unlisted?: number;
  /**
   * The page is not whole: what is missing and why, in a sentence for the analyst (a backend that
   * throttled part of the requests behind it). The list shows it beside the count.
   */
  incomplete?: string;
}

export type SortDirection = 'asc' | 'desc';

export interface Sort<F extends string> {
  field: F;
  direction: SortDirection;
}

// The filter and sort fields come from the alert field table (one row per field).
export { ALERT_FILTER_FIELDS, ALERT_SORT_FIELDS, type AlertFilterField, type AlertSortField } from './alert-fields.js';

/**
 * Value-list filters: an item matches a field when its value is one of the listed values
 * (case-sensitive, as the enums are). `null` in a list matches an unset value (no classification,
 * unassigned). Fields not present, or with an empty list, do not filter. The time fields
 * (`firstActivity`, `lastActivity`, `lastUpdated`) take intervals instead: `2026-11-01..2026-11-15` (UTC days, the
 * last one included; ISO 8601 times work too, without a zone read as UTC; either side may be left open).
 */
export type AlertFilter = Partial<Record<AlertFilterField, ReadonlyArray<string | null>>>;

export interface AlertQuery {
  /** Only items whose activity overlaps the range. */
  range?: TimeRange;
  filter?: AlertFilter;
  /** Free text, matched case-insensitively against title, description, id and impacted asset names. */
  search?: string;
  /** Default: last activity, newest first. Ties are broken by last activity (newest first), then by position. */
  sort?: Sort<AlertSortField>;
  offset: number;
  limit: number;
}

// The device sort fields come from the device field table.
export { DEVICE_SORT_FIELDS, type DeviceSortField } from './device-fields.js';

export interface DeviceQuery {
  range?: TimeRange;
  /**
   * Free text matched against device name, OS and the device's events with the IP in the range
   * (process file name, command line, SHA-256, account, file, remote URL): every event where the
   * provider can search them, else the last one. A `YYYY-MM-DD` term matches devices last observed
   * on that (UTC) day, and combines with text (`2026-11-20 powershell`).
   */
  search?: string;
  actionType?: readonly string[];
  direction?: readonly string[];
  /** Default: last seen, newest first. */
  sort?: Sort<DeviceSortField>;
  offset: number;
  limit: number;
}

/** What the accounts list sorts by. */
export const ACCOUNT_SORT_FIELDS = ['lastSeen', 'firstSeen', 'signIns', 'failures', 'account'] as const;
export type AccountSortField = (typeof ACCOUNT_SORT_FIELDS)[number];

export interface AccountQuery {
  /** Only accounts with a sign-in in the range (their counts are the range's). */
  range?: TimeRange;
  /** Free text matched against account, display name, applications, devices, source and failure reason. */
  search?: string;
  /** Only accounts with at least one sign-in of these results (`success`, `failure`). */
  result?: readonly SignInResult[];
  /** Default: last seen, newest first. */
  sort?: Sort<AccountSortField>;
  offset: number;
  limit: number;
}

/** Which optional parts a provider offers; the UI shows only what is there. */
export interface ProviderCapabilities {
  /** Alerts can be managed (status, classification, assignment, comments). */
  updateAlerts: boolean;
  /** The IP can be added as an indicator. */
  addIndicator: boolean;
  /** Device groups can be listed (indicator scope). */
  deviceGroups: boolean;
  /** Per-device event timelines on the observed-devices tab. */
  deviceEvents: boolean;
  /** The Sentinel timeline. */
  timeline: boolean;
  /** Sentinel insights. */
  insights: boolean;
  /** Threat intelligence on the IP (reputation, passive DNS …): the Threat intelligence tab and the header's reputation badge. */
  threatIntel: boolean;
  /** The indicators already set for the IP can be listed. */
  indicators: boolean;
  /** An indicator can be removed. */
  removeIndicator: boolean;
  /** The accounts seen signing in from the IP can be listed (the Accounts tab). */
  accounts: boolean;
  /** A note on the IP can be read and saved (shown on its page for colleagues). */
  notes: boolean;
  /** The IP's traffic per device, with beacon statistics (the Observed tab's traffic view). */
  traffic: boolean;
  /** The IP can be added to an open incident or case (`listCases`, `addToCase`). */
  cases: boolean;
  /** What the backend calls what the IP is added to (default `incident`; Elastic Security's are cases). */
  caseKind?: 'incident' | 'case';
  /** Indicator actions the backend accepts (default: Allowed, Audit, Warn, Block). */
  indicatorActions?: IndicatorAction[];
  /** Whether an indicator's alert takes a category (default true; Defender for Endpoint's indicator API documents none). */
  indicatorCategory?: boolean;
  /** The longest look-back the backend supports, in days (MDE stats: 30). */
  maxLookbackDays?: number;
}

/** Optional real links for entities; without them, navigation is an `ip-navigate` event only. */
export interface LinkResolver {
  device?(id: string): string | undefined;
  /** A user's page: `id` is the account's user id where the log gives one, else the account; `account` is the account as logged. */
  user?(id: string, account?: string): string | undefined;
  alert?(id: string): string | undefined;
  incident?(id: string): string | undefined;
  hunting?(query: string, language: QueryLanguage): string | undefined;
  activityLog?(ip: string): string | undefined;
  cloudAppSettings?(ip: string): string | undefined;
}

export interface IpDataProvider {
  /** What the optional methods can do. When absent, the UI infers it from which methods exist. */
  getCapabilities?(o: RequestOptions): Promise<Partial<ProviderCapabilities>>;
  /** Geo, ASN, reverse DNS, WHOIS. Never "not found": an unknown IP returns what is known (maybe nothing). */
  getIpDetails(ip: string, o: RequestOptions): Promise<IpDetails>;
  getSecuritySummary(ip: string, range: TimeRange, o: RequestOptions): Promise<SecuritySummary>;
  getLogActivity(ip: string, range: TimeRange, o: RequestOptions): Promise<LogActivity>;
  getPrevalence(ip: string, range: TimeRange, o: RequestOptions): Promise<Prevalence>;
  listAlerts(ip: string, query: AlertQuery, o: RequestOptions): Promise<Page<AlertItem>>;
  listObservedDevices(ip: string, query: DeviceQuery, o: RequestOptions): Promise<Page<ObservedDevice>>;
  /**
   * The accounts seen signing in (or trying to) from the IP in the range, one row per account and
   * log, with their successes, failures, MFA, applications and devices: who used the address.
   */
  listAccounts?(ip: string, query: AccountQuery, o: RequestOptions): Promise<Page<AccountActivity>>;
  /** The device's events with this IP in the range, oldest first. */
  /**
   * The open incidents or cases the IP can be recorded on: those involving it first, or those
   * whose title or id match `query.search` (at most `CASE_LIST_MAX`).
   */
  listCases?(ip: string, query: CaseQuery, o: RequestOptions): Promise<CaseRef[]>;
  /** Record the IP on an incident or case (a comment there, as the backend keeps it); `text` as written, at most `CASE_TEXT_MAX` characters. */
  addToCase?(ip: string, caseId: string, text: string, o: RequestOptions): Promise<CaseRecord>;
  /**
   * The IP's traffic with devices in the range: per device connections over time, ports, bytes
   * where logged, and beacon statistics; the most beacon-like `TRAFFIC_DEVICES` (50) devices.
   */
  getTraffic?(ip: string, range: TimeRange, o: RequestOptions): Promise<Traffic>;
  listDeviceEvents?(ip: string, deviceId: string, range: TimeRange, o: RequestOptions): Promise<DeviceEvent[]>;
  /** Apply one patch to several incidents/alerts; resolves with the updated items. */
  updateAlerts?(ids: string[], patch: AlertPatch, o: RequestOptions): Promise<AlertItem[]>;
  addIndicator?(input: IndicatorInput, o: RequestOptions): Promise<Indicator>;
  /**
   * The indicators the backend already holds for the IP (allow, audit, warn, block …), expired
   * ones included, newest first: the response bar says whether the IP is blocked or allowed and
   * where, and Add indicator warns before replacing one.
   */
  listIndicators?(ip: string, o: RequestOptions): Promise<Indicator[]>;
  /** Remove an indicator `listIndicators` gave (by its `id`): the IP is no longer blocked, allowed … by it. */
  removeIndicator?(id: string, o: RequestOptions): Promise<void>;
  listDeviceGroups?(o: RequestOptions): Promise<string[]>;
  /** The note colleagues left on the IP, or null. */
  getNote?(ip: string, o: RequestOptions): Promise<IpNote | null>;
  /**
   * Save the note on the IP (empty text removes it; resolves with what is kept, or null). `version`
   * is the one the analyst edited: a backend that keeps versions refuses a save over a newer one.
   */
  saveNote?(ip: string, note: { text: string; version?: string }, o: RequestOptions): Promise<IpNote | null>;
  /** A provider-specific hunting query; without it, the UI builds one with `lib/hunting`. */
  huntingQuery?(ip: string, range: TimeRange, language: QueryLanguage): string | undefined;
  getTimeline?(ip: string, range: TimeRange, o: RequestOptions): Promise<TimelineEvent[]>;
  /** All insights; an insight that failed carries `error` and the rest still render. */
  getInsights?(ip: string, range: TimeRange, o: RequestOptions): Promise<Insight[]>;
  /** Re-run one insight (the card's Retry). */
  getInsight?(ip: string, insightId: string, range: TimeRange, o: RequestOptions): Promise<Insight>;
  /** What threat intelligence knows of the IP: reputation, hosting, and how many records each list holds. */
  getThreatIntel?(ip: string, o: RequestOptions): Promise<ThreatIntel>;
  /** One page of a threat intelligence list (passive DNS, certificates …), most recently seen first. */
  listThreatIntel?<R extends ThreatIntelRelation>(ip: string, relation: R, page: { offset: number; limit: number }, o: RequestOptions): Promise<Page<ThreatIntelRows[R]>>;
  readonly links?: LinkResolver;
}

/** The provider's capabilities, from `getCapabilities` where present, else from which methods exist. */
export async function resolveCapabilities(provider: IpDataProvider, o: RequestOptions): Promise<ProviderCapabilities> {
  const inferred = {} as ProviderCapabilities;
  for (const [method, flag] of Object.entries(CAPABILITY_OF) as [ProviderMethod, CapabilityFlag][]) inferred[flag] = typeof provider[method] === 'function';
  if (typeof provider.getCapabilities !== 'function') return inferred;
  const declared = await provider.getCapabilities(o);
  // A capability needs both: the backend says yes and the method exists.
  const result: ProviderCapabilities = { ...inferred, ...declared };
  for (const key of CAPABILITY_FLAGS) result[key] = inferred[key] && declared[key] !== false;
  return result;
}

