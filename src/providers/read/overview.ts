/**
 * The readers of the overview's answers (details, summary, log activity, capabilities) and the
 * enum readers every answer shares: what the page's first paint needs. The prevalence's reader
 * (read/prevalence.ts) loads with the chart's question, as the chart's code loads after the paint.
 * The readers of the lists' answers live in `validate.ts`, loaded with the tabs that show them;
 * together they are the single definition of what an answer may be.
 */
import { CAPABILITY_FLAGS, type FirstPaintMethod } from '../../data/contract.js';
import { IpDataError } from '../../data/errors.js';
import {
  ALERT_STATUSES,
  CLASSIFICATIONS,
  SEVERITIES,
  normalizeEnum,
  type Classification,
  type IpDetails,
  type LogActivity,
  type SecuritySummary,
  type Severity,
  type SeverityCounts,
  type WhoisInfo,
} from '../../data/model.js';
import type { ProviderCapabilities } from '../../data/provider.js';
import { at, bad, clip, count, get, id, LIMITS, list, num, object, optCount, optNumIn, optStr, optTime, str, strings, time } from './primitives.js';

// ---------------------------------------------------------------------------------------------
// Enums

export function severity(value: unknown): Severity {
  if (typeof value !== 'string' || value === '') return 'unknown';
  const v = normalizeEnum(clip(value, 64), [...SEVERITIES, 'unknown'] as const);
  return v.toLowerCase() === 'unspecified' ? 'unknown' : v;
}

export function status(value: unknown): string {
  if (typeof value !== 'string' || value === '') return 'unknown';
  const v = normalizeEnum(clip(value, 64), [...ALERT_STATUSES, 'unknown'] as const);
  // Graph incidents say `active` for what alerts call `new`/`inProgress`; keep the open-ness visible.
  return v === 'active' ? 'new' : v;
}

export function classification(value: unknown): Classification {
  if (typeof value !== 'string' || value === '') return null;
  const v = normalizeEnum(clip(value, 64), CLASSIFICATIONS);
  return v.toLowerCase() === 'unknown' ? null : v;
}

export function camel(value: string | null | undefined): string | null | undefined {
  if (value == null) return value;
  return /^[A-Z][a-zA-Z]*$/.test(value) ? value[0]!.toLowerCase() + value.slice(1) : value;
}

// ---------------------------------------------------------------------------------------------
// Entities

export function readIpDetails(value: unknown, path = ''): IpDetails {
  const o = object(value, path);
  const whois = get(o, 'whois') == null ? undefined : readWhois(get(o, 'whois'), at(path, 'whois'));
  return {
    ip: str(o, 'ip', path),
    organization: optStr(o, 'organization', path),
    isp: optStr(o, 'isp', path),
    asn: optNumIn(o, 'asn', path, 0, 4_294_967_295, 'an AS number from 0 to 4294967295'),
    asName: optStr(o, 'asName', path),
    country: optStr(o, 'country', path),
    countryCode: optStr(o, 'countryCode', path),
    state: optStr(o, 'state', path),
    city: optStr(o, 'city', path),
    carrier: optStr(o, 'carrier', path),
    latitude: optNumIn(o, 'latitude', path, -90, 90, 'a latitude from -90 to 90'),
    longitude: optNumIn(o, 'longitude', path, -180, 180, 'a longitude from -180 to 180'),
    postalCode: optStr(o, 'postalCode', path),
    reverseDns: strings(o, 'reverseDns', path),
    whois,
  };
}

function readWhois(value: unknown, path: string): WhoisInfo {
  const o = object(value, path);
  return {
    registrar: optStr(o, 'registrar', path),
    registrant: optStr(o, 'registrant', path),
    organization: optStr(o, 'organization', path),
    netRange: optStr(o, 'netRange', path),
    netName: optStr(o, 'netName', path),
    created: optTime(o, 'created', path),
    updated: optTime(o, 'updated', path),
    abuseContact: optStr(o, 'abuseContact', path),
    country: optStr(o, 'country', path),
  };
}

function readCounts(value: unknown, path: string): SeverityCounts {
  const o = value == null ? {} : object(value, path);
  const read = (k: string) => optCount(o, k, path) ?? 0;
  return { high: read('high'), medium: read('medium'), low: read('low'), informational: read('informational') };
}

export function readSecuritySummary(value: unknown, path = ''): SecuritySummary {
  const o = object(value, path);
  const prevalenceKey = get(o, 'organizationPrevalence') != null ? 'organizationPrevalence' : 'orgPrevalence';
  const incomplete = optStr(o, 'incomplete', path, LIMITS.longText);
  const over = get(o, 'countedOver') == null ? undefined : object(get(o, 'countedOver'), at(path, 'countedOver'));
  const countedOver = over && { counted: count(over, 'counted', at(path, 'countedOver')), matched: count(over, 'matched', at(path, 'countedOver')) };
  return {
    ...(incomplete ? { incomplete } : {}),
    // Every alert counted: the figures are exact, whatever the answer says.
    ...(countedOver && countedOver.counted < countedOver.matched ? { countedOver } : {}),
    openIncidents: count(o, 'openIncidents', path),
    activeAlerts: count(o, 'activeAlerts', path),
    incidentsBySeverity: readCounts(get(o, 'incidentsBySeverity'), at(path, 'incidentsBySeverity')),
    alertsBySeverity: readCounts(get(o, 'alertsBySeverity'), at(path, 'alertsBySeverity')),
    organizationPrevalence: optCount(o, prevalenceKey, path) ?? 0,
    firstSeen: optTime(o, get(o, 'firstSeen') !== undefined ? 'firstSeen' : 'orgFirstSeen', path),
    lastSeen: optTime(o, get(o, 'lastSeen') !== undefined ? 'lastSeen' : 'orgLastSeen', path),
  };
}

export function readLogActivity(value: unknown, path = ''): LogActivity {
  const o = object(value, path);
  return {
    firstSeen: optTime(o, 'firstSeen', path),
    lastSeen: optTime(o, 'lastSeen', path),
    sources: list(o, 'sources', path, (v, p) => {
      const s = object(v, p);
      return { source: str(s, 'source', p), firstSeen: time(s, 'firstSeen', p), lastSeen: time(s, 'lastSeen', p), count: optCount(s, 'count', p) };
    }, LIMITS.sources, true),
    loggedHosts: list(o, 'loggedHosts', path, (v, p) => {
      const h = object(v, p);
      return { id: id(h, 'id', p), name: str(h, 'name', p), os: optStr(h, 'os', p), lastHeartbeat: optTime(h, 'lastHeartbeat', p) };
    }, LIMITS.sources, true),
  };
}

export function readCapabilities(value: unknown, path = ''): Partial<ProviderCapabilities> {
  const o = object(value, path);
  const out: Partial<ProviderCapabilities> = {};
  // Every yes/no capability the contract has (a flag added there is read here without a second list).
  for (const key of CAPABILITY_FLAGS) {
    const v = get(o, key);
    if (v != null) {
      if (typeof v !== 'boolean') bad(at(path, key), 'true or false', v);
      out[key] = v as boolean;
    }
  }
  if (get(o, 'indicatorActions') != null) out.indicatorActions = strings(o, 'indicatorActions', path, 64);
  if (get(o, 'caseKind') === 'case' || get(o, 'caseKind') === 'incident') out.caseKind = get(o, 'caseKind') as 'case' | 'incident';
  if (typeof get(o, 'indicatorCategory') === 'boolean') out.indicatorCategory = get(o, 'indicatorCategory') as boolean;
  if (get(o, 'maxLookbackDays') != null) {
    const days = num(o, 'maxLookbackDays', path);
    if (days <= 0) bad(at(path, 'maxLookbackDays'), 'a number of days above zero', days);
    out.maxLookbackDays = days;
  }
  return out;
}

/** The reader's error, told as the answer of `method` (any other error is a reader bug, told too). */
export function badAnswer(method: string, error: unknown): IpDataError {
  const detail = error instanceof IpDataError && error.kind === 'bad-response' ? error.message : `could not be read (${error instanceof Error ? error.message : String(error)})`;
  const sep = detail.startsWith('the answer') ? ': ' : ' → ';
  const technical = detail.startsWith('the answer') ? detail.replace(/^the answer: /, '') : detail;
  return new IpDataError('bad-response', `The data source sent something this page cannot read: ${method}${sep}${technical}.`, {
    reason: { id: 'unreadable', detail: `${method}${sep}${technical}` },
    field: error instanceof IpDataError ? error.field : undefined,
    method,
    cause: error,
  });
}

/** The readers of the overview's methods, by method. */
export const OVERVIEW_READERS = {
  getCapabilities: (v: unknown) => readCapabilities(v),
  getIpDetails: (v: unknown) => readIpDetails(v),
  getSecuritySummary: (v: unknown) => readSecuritySummary(v),
  getLogActivity: (v: unknown) => readLogActivity(v),
} as const satisfies Record<FirstPaintMethod, (v: unknown) => unknown>;
