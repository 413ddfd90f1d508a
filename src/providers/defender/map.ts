/**
 * From Microsoft's shapes to the model: Graph `alerts_v2` alerts and incidents, advanced-hunting
 * rows, threat-intelligence hosts, Defender for Endpoint indicators. Values are passed on as the
 * APIs spell them (`inProgress`, `InProgress`, `unknownFutureValue`); the page's readers normalize
 * them and keep unknown ones. Severity alone is normalized here (`High` → `high`): the provider
 * filters and sorts by it itself, before any reader. Anything missing stays missing: nothing is invented.
 */
import { own, type AlertItem, type EvidenceSummary, type ImpactedAsset, type Indicator, type IpDetails } from '../../data/model.js';
import { cutText, number, text, type Row } from '../microsoft/tables.js';
import { ALERT_CLIPS } from './queries.js';
import { severity } from '../read/overview.js';
import type { PhysicalAddress, SecurityNamespace as Graph } from '@microsoft/microsoft-graph-types';
import { fields, type Fields } from './fields.js';

export { deviceFromHunting, eventFromHunting } from '../microsoft/device-rows.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** Every evidence type the page reads, and the `@odata.type` that says which it is. */
type Evidence = Fields<Graph.DeviceEvidence & Graph.UserEvidence & Graph.MailboxEvidence & Graph.CloudApplicationEvidence & Graph.AzureResourceEvidence & Graph.IpEvidence & Graph.FileEvidence & Graph.UrlEvidence> & { readonly '@odata.type'?: unknown };
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** Graph's "not set" spellings: the model says `null`. */
function unset(v: unknown): string | null {
  const s = str(v);
  return !s || s === 'unknown' || s === 'unknownFutureValue' ? null : s;
}

/**
 * Determinations the model spells as Defender for Endpoint and the portal's older names do, and
 * Graph's \`alertDetermination\` otherwise (compromisedAccount, notMalicious, notEnoughDataToValidate).
 */
const TO_GRAPH_DETERMINATION: Readonly<Record<string, string>> = { compromisedUser: 'compromisedAccount', clean: 'notMalicious', insufficientData: 'notEnoughDataToValidate' };
const FROM_GRAPH_DETERMINATION: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(TO_GRAPH_DETERMINATION).map(([model, graph]) => [graph, model]));

/** A determination in Graph's words, for a PATCH. */
export function graphDetermination(value: string | null | undefined): string {
  return value ? (own(TO_GRAPH_DETERMINATION, value) ?? value) : 'unknown';
}

function modelDetermination(v: unknown): string | null {
  const s = unset(v);
  return s === null ? null : (own(FROM_GRAPH_DETERMINATION, s) ?? s);
}

/** An evidence's type without the namespace: `#microsoft.graph.security.deviceEvidence` → `deviceEvidence`. */
function evidenceType(e: Evidence): string {
  return (str(e['@odata.type']) ?? 'evidence').split('.').pop()!;
}

function assetOf(e: Evidence): ImpactedAsset | undefined {
  switch (evidenceType(e)) {
    case 'deviceEvidence': {
      const name = str(e['deviceDnsName']) ?? str(e['hostName']);
      return name ? { kind: 'device', name, id: str(e['mdeDeviceId']) } : undefined;
    }
    case 'userEvidence': {
      const account = fields<Graph.UserAccount>(e['userAccount']);
      const name = str(account['userPrincipalName']) ?? str(account['accountName']);
      return name ? { kind: 'user', name, id: str(account['azureAdUserId']) } : undefined;
    }
    case 'mailboxEvidence': {
      const name = str(e['primaryAddress']) ?? str(e['displayName']);
      return name ? { kind: 'mailbox', name } : undefined;
    }
    case 'cloudApplicationEvidence': {
      const name = str(e['displayName']);
      return name ? { kind: 'app', name, id: str(e['appId']) } : undefined;
    }
    case 'azureResourceEvidence': {
      const name = str(e['resourceName']) ?? str(e['resourceId']);
      return name ? { kind: 'cloudResource', name, id: str(e['resourceId']) } : undefined;
    }
    default:
      return undefined;
  }
}

function evidenceName(e: Evidence): string {
  return (
    str(e['ipAddress']) ??
    str(e['deviceDnsName']) ??
    str(fields<Graph.UserAccount>(e['userAccount'])['userPrincipalName']) ??
    str(fields<Graph.FileDetails>(e['fileDetails'])['fileName']) ??
    str(e['url']) ??
    str(e['primaryAddress']) ??
    str(e['displayName']) ??
    evidenceType(e)
  );
}

function evidenceOf(list: unknown): { assets: ImpactedAsset[]; evidence: EvidenceSummary[]; groups: string[] } {
  const assets: ImpactedAsset[] = [];
  const evidence: EvidenceSummary[] = [];
  const groups = new Set<string>();
  const seen = new Set<string>();
  for (const raw of arr(list)) {
    const e = fields<Graph.AlertEvidence>(raw) as Evidence;
    const group = evidenceType(e) === 'deviceEvidence' ? str(e['rbacGroupName']) : undefined;
    if (group) groups.add(group);
    const asset = assetOf(e);
    if (asset && !seen.has(`${asset.kind}|${asset.name}`)) {
      seen.add(`${asset.kind}|${asset.name}`);
      assets.push(asset);
    }
    evidence.push({ entityType: evidenceType(e).replace(/Evidence$/, ''), name: evidenceName(e), verdict: str(e['verdict']), remediationStatus: str(e['remediationStatus']) });
  }
  return { assets, evidence, groups: [...groups] };
}

const strings = (v: unknown): string[] => arr(v).filter((t): t is string => typeof t === 'string' && t !== '');

/** The distinct values of a list field over `items` (an incident's alerts), or undefined when none has any. */
function gathered(items: readonly AlertItem[], pick: (a: AlertItem) => ReadonlyArray<string | undefined> | undefined): string[] | undefined {
  const values = new Set<string>();
  for (const a of items) for (const v of pick(a) ?? []) if (v) values.add(v);
  return values.size ? [...values] : undefined;
}

function comments(list: unknown): AlertItem['comments'] {
  return arr(list).map((raw) => {
    const c = fields<Graph.AlertComment>(raw);
    return { comment: str(c['comment']) ?? '', createdBy: str(c['createdByDisplayName']), createdAt: str(c['createdDateTime']) ?? '' };
  });
}

/** A Graph `alerts_v2` alert. */
export function alertFromGraph(raw: unknown): AlertItem {
  const a = fields<Graph.Alert>(raw);
  const { assets, evidence, groups } = evidenceOf(a['evidence']);
  const product = str(a['productName']);
  const item: AlertItem = {
    id: str(a['id']) ?? '',
    kind: 'alert',
    incidentId: str(a['incidentId']),
    title: str(a['title']) ?? '',
    description: str(a['description']),
    severity: severity(a['severity']),
    status: str(a['status']) ?? 'unknown',
    classification: unset(a['classification']),
    determination: modelDetermination(a['determination']),
    category: str(a['category']),
    assignedTo: str(a['assignedTo']) ?? null,
    impactedAssets: assets,
    firstActivity: str(a['firstActivityDateTime']) ?? str(a['createdDateTime']) ?? '',
    lastActivity: str(a['lastActivityDateTime']) ?? str(a['lastUpdateDateTime']) ?? '',
    createdAt: str(a['createdDateTime']),
    lastUpdated: str(a['lastUpdateDateTime']),
    detectionSource: str(a['detectionSource']),
    serviceSource: str(a['serviceSource']),
    mitreTechniques: strings(a['mitreTechniques']),
    comments: comments(a['comments']),
    evidence,
  };
  if (product) item.productNames = [product];
  if (groups.length) item.deviceGroups = groups;
  return item;
}

/** Graph incident statuses in the model's terms: `active` is open and untouched, so `new`. */
export function incidentStatus(status: unknown): string {
  const s = str(status);
  return s === 'active' ? 'new' : s === 'awaitingAction' ? 'inProgress' : (s ?? 'unknown');
}

/** A Graph incident, with the alerts of it that are at hand (for its assets and activity). */
export function incidentFromGraph(raw: unknown, alerts: readonly AlertItem[] = []): AlertItem {
  const i = fields<Graph.Incident>(raw);
  const mine = alerts.filter((a) => a.incidentId === str(i['id']));
  const assets: ImpactedAsset[] = [];
  const seen = new Set<string>();
  for (const a of mine) {
    for (const x of a.impactedAssets) {
      if (seen.has(`${x.kind}|${x.name}`)) continue;
      seen.add(`${x.kind}|${x.name}`);
      assets.push(x);
    }
  }
  const expanded = arr(i['alerts']);
  const times = mine.flatMap((a) => [a.firstActivity, a.lastActivity]).filter(Boolean).sort();
  const tags = [...new Set([...strings(i['systemTags']), ...strings(i['customTags'])])];
  const item: AlertItem = {
    id: str(i['id']) ?? '',
    kind: 'incident',
    title: str(i['displayName']) ?? '',
    description: str(i['description']),
    severity: severity(i['severity']),
    status: incidentStatus(i['status']),
    classification: unset(i['classification']),
    determination: modelDetermination(i['determination']),
    assignedTo: str(i['assignedTo']) ?? null,
    impactedAssets: assets,
    // Graph incidents carry no activity times: their alerts' span, else created and last updated.
    firstActivity: times[0] ?? str(i['createdDateTime']) ?? '',
    lastActivity: times[times.length - 1] ?? str(i['lastUpdateDateTime']) ?? str(i['createdDateTime']) ?? '',
    createdAt: str(i['createdDateTime']),
    lastUpdated: str(i['lastUpdateDateTime']),
    alertCount: expanded.length || mine.length || undefined,
    comments: comments(i['comments']),
  };
  const lists: Array<[keyof AlertItem, string[] | undefined]> = [
    ['categories', gathered(mine, (a) => [a.category])],
    ['detectionSources', gathered(mine, (a) => [a.detectionSource])],
    ['serviceSources', gathered(mine, (a) => [a.serviceSource])],
    ['productNames', gathered(mine, (a) => a.productNames)],
    ['mitreTechniques', gathered(mine, (a) => a.mitreTechniques)],
    ['deviceGroups', gathered(mine, (a) => a.deviceGroups)],
    ['tags', tags.length ? tags : undefined],
  ];
  for (const [key, values] of lists) if (values) (item as unknown as Record<string, unknown>)[key] = values;
  if (item.categories) item.category = item.categories[0];
  return item;
}

const cut = (row: Row, column: keyof typeof ALERT_CLIPS) => cutText(row, column, ALERT_CLIPS);

/** An alert as advanced hunting knows it (before, or without, its Graph details). */
export function alertFromHunting(row: Row): AlertItem {
  const techniques = text(row, 'AttackTechniques');
  let mitre: string[] = [];
  if (techniques) {
    try {
      const parsed: unknown = JSON.parse(techniques);
      mitre = Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
    } catch {
      mitre = techniques.split(/[,;]\s*/).filter(Boolean);
    }
  }
  return {
    id: text(row, 'AlertId') ?? '',
    kind: 'alert',
    title: cut(row, 'Title') ?? '',
    severity: severity(text(row, 'Severity')),
    status: 'unknown',
    classification: null,
    category: cut(row, 'Category'),
    impactedAssets: [],
    firstActivity: text(row, 'FirstActivity') ?? text(row, 'Timestamp') ?? '',
    lastActivity: text(row, 'Timestamp') ?? '',
    detectionSource: cut(row, 'DetectionSource'),
    serviceSource: cut(row, 'ServiceSource'),
    mitreTechniques: mitre,
  };
}

/** The threat-intelligence host, its WHOIS record and reverse DNS names, as IP details. */
export function detailsFromThreatIntel(ip: string, host: unknown, whois: unknown, reverse: unknown): IpDetails {
  const h = fields<Graph.IpAddress>(host);
  const as = fields<Graph.AutonomousSystem>(h['autonomousSystem']);
  const w = fields<Graph.WhoisRecord>(whois);
  const registrant = fields<Graph.WhoisContact>(w['registrant']);
  const registrar = fields<Graph.WhoisContact>(w['registrar']);
  const abuse = fields<Graph.WhoisContact>(w['abuse']);
  const names = [...new Set(arr(obj(reverse)['value']).map((r) => str(fields<Graph.Artifact>(fields<Graph.PassiveDnsRecord>(r)['artifact'])['id'])).filter((n): n is string => Boolean(n)))];
  const hasWhois = Object.keys(w).length > 0;
  return {
    ip,
    organization: str(as['organization']) ?? str(h['hostingProvider']) ?? str(registrant['organization']),
    isp: str(h['hostingProvider']),
    asn: number({ asn: as['number'] }, 'asn'),
    asName: str(as['name']),
    countryCode: str(h['countryOrRegion']),
    reverseDns: names,
    whois: hasWhois
      ? {
          registrar: str(registrar['name']) ?? str(registrar['organization']),
          registrant: str(registrant['name']),
          organization: str(registrant['organization']),
          netRange: str(h['netblock']),
          created: str(w['registrationDateTime']),
          updated: str(w['lastUpdateDateTime']),
          abuseContact: str(abuse['email']),
          // whoisContact keeps its country in a physicalAddress (Graph's whoisRecord reference).
          country: str(fields<PhysicalAddress>(registrant['address'])['countryOrRegion']),
        }
      : h['netblock']
        ? { netRange: str(h['netblock']) }
        : undefined,
  };
}

/** A Defender for Endpoint indicator. */
export function indicatorFromMde(raw: unknown): Indicator {
  const i = obj(raw);
  const groups = i['rbacGroupNames'];
  return {
    id: str(i['id']) ?? '',
    indicatorValue: str(i['indicatorValue']) ?? '',
    indicatorType: 'IpAddress',
    action: str(i['action']) ?? '',
    title: str(i['title']) ?? '',
    description: str(i['description']) ?? '',
    severity: str(i['severity']) as Indicator['severity'],
    // An "Enum True/False" in the entity's table, a boolean in its examples.
    generateAlert: i['generateAlert'] === true || String(i['generateAlert']).toLowerCase() === 'true',
    expirationTime: str(i['expirationTime']),
    recommendedActions: str(i['recommendedActions']),
    category: str(i['category']),
    rbacGroupNames: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : typeof groups === 'string' && groups ? groups.split(',').map((g) => g.trim()) : undefined,
    application: str(i['application']),
    creationTimeDateTimeUtc: str(i['creationTimeDateTimeUtc']) ?? '',
    createdBy: str(i['createdBy']),
    // `createdBySource` in the entity's table; the list's example names it `source`.
    createdBySource: str(i['createdBySource']) ?? str(i['source']),
    lastUpdateTime: str(i['lastUpdateTime']),
    lastUpdatedBy: str(i['lastUpdatedBy']),
  };
}
