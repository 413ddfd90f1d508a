/**
 * The workspace's own threat intelligence on an IP, in STIX (Microsoft's "Work with STIX objects"
 * page): the actors, intrusion sets, campaigns, malware and tools related to the IP's indicators.
 * An indicator is a `ThreatIntelIndicators` row (its STIX id in `Data.id`); the other objects and
 * the relationships between them are `ThreatIntelObjects` rows (`StixType`, the object in `Data`).
 * Every update writes a new row, and the table is republished every 7–10 days, so each side takes
 * the newest row per `Id` (`arg_max(TimeGenerated, *)`), then drops the deleted ones, over the two
 * weeks before the range ends. A relationship can point either way (`indicates` from the
 * indicator, `attributed-to` or `uses` towards it): both are followed. Joins are `inner` (the
 * default `innerunique` would drop repeats on the left).
 */
import type { Indicator } from '../../data/model.js';
import type { ThreatProfile } from '../../data/threat-intel.js';
import type { TimeRange } from '../../lib/time-range.js';
import { cutText, list, text, type Row } from '../microsoft/tables.js';
import { kqlClipStage, type Clips } from '../microsoft/kql.js';
import { head, INDICATOR_CLIPS } from './queries.js';

/** The most related objects one answer holds (the page pages them). */
export const TI_PROFILES_MAX = 200;

/** What the profiles query cuts: names and descriptions run long (Sentinel keeps 1,000 characters of a description). */
export const TI_PROFILE_CLIPS: Clips = { Name: 300, Description: 1_000, Source: 200, StixType: 32 };

const KINDS: Record<string, string> = { 'threat-actor': 'actor', 'intrusion-set': 'actor', campaign: 'campaign', malware: 'malware', tool: 'tool' };

/**
 * The two weeks threat intelligence is republished in (every 7–10 days), ending at the next full
 * hour: one query text for the hour, so the header, the bar and each page share an answer.
 */
export function tiWindow(now = Date.now()): TimeRange {
  const to = Math.ceil(now / 3_600_000) * 3_600_000;
  return { from: new Date(to - 14 * 86_400_000), to: new Date(to) };
}

/** The STIX objects related to the IP's live indicators, most recently modified first. */
export function tiProfilesQuery(ip: string, range: TimeRange): string {
  return `${head('ti-profiles', ip, range)}
let indicators = ThreatIntelIndicators
| where TimeGenerated between (start .. end)
| where ObservableKey in ("ipv4-addr:value", "ipv6-addr:value", "network-traffic:src_ref.value", "network-traffic:dst_ref.value") and ObservableValue == ip
| summarize arg_max(TimeGenerated, *) by Id
| where IsDeleted != true
| project Ref = tostring(Data.id);
let objects = ThreatIntelObjects
| where TimeGenerated between (start .. end)
| summarize arg_max(TimeGenerated, *) by Id
| where IsDeleted != true;
let relationships = objects
| where StixType == "relationship"
| project From = tostring(Data.source_ref), To = tostring(Data.target_ref), Relationship = tostring(Data.relationship_type);
let related = union
    (relationships | join kind=inner indicators on $left.From == $right.Ref | project Other = To, Relationship),
    (relationships | join kind=inner indicators on $left.To == $right.Ref | project Other = From, Relationship)
| summarize Relationships = make_set(Relationship, 8) by Other;
objects
| where StixType in ("threat-actor", "intrusion-set", "campaign", "malware", "tool")
| extend Other = tostring(Data.id)
| join kind=inner related on Other
| summarize arg_max(TimeGenerated, *) by Other
| project StixId = Other, StixType, Name = tostring(Data.name), Aliases = Data.aliases, Description = tostring(Data.description), FirstSeen = todatetime(Data.first_seen), LastSeen = todatetime(Data.last_seen), Modified = todatetime(Data.modified), Source = SourceSystem, Relationships
${kqlClipStage(TI_PROFILE_CLIPS, { Aliases: { max: 2_000, type: 'dynamic' } })}
| top ${TI_PROFILES_MAX} by Modified desc`;
}

/** A row of {@link tiProfilesQuery} in the model's terms; undefined without an id or a name. */
export function profileFromRow(r: Row): ThreatProfile | undefined {
  const id = text(r, 'StixId');
  const name = cutText(r, 'Name', TI_PROFILE_CLIPS);
  if (!id || !name) return undefined;
  const stix = text(r, 'StixType') ?? '';
  const aliases = list(r, 'Aliases').filter((a) => a !== name);
  const summary = cutText(r, 'Description', TI_PROFILE_CLIPS);
  const source = cutText(r, 'Source', TI_PROFILE_CLIPS);
  const firstSeen = text(r, 'FirstSeen');
  const lastSeen = text(r, 'LastSeen') ?? text(r, 'Modified');
  return {
    id,
    name,
    kind: KINDS[stix] ?? stix,
    ...(aliases.length ? { aliases } : {}),
    ...(summary ? { summary } : {}),
    ...(source ? { source } : {}),
    ...(firstSeen ? { firstSeen } : {}),
    ...(lastSeen ? { lastSeen } : {}),
  };
}

/** A row of the indicators query (queries.ts) as an indicator whose action is `ThreatIntel`; a revoked one ended when it was revoked. */
export function indicatorFromRow(r: Row, ip: string): Indicator {
  const revoked = r['revoked'] === true || String(r['revoked']).toLowerCase() === 'true';
  const created = text(r, 'Created') ?? text(r, 'Modified') ?? '';
  return {
    id: text(r, 'Id') ?? '',
    indicatorValue: ip,
    indicatorType: 'IpAddress',
    action: 'ThreatIntel',
    title: cutText(r, 'Title', INDICATOR_CLIPS) || cutText(r, 'ThreatType', INDICATOR_CLIPS) || 'Threat intelligence indicator',
    description: cutText(r, 'Description', INDICATOR_CLIPS) ?? '',
    generateAlert: false,
    expirationTime: revoked ? (text(r, 'Modified') ?? created) : text(r, 'ValidUntil'),
    creationTimeDateTimeUtc: created,
    createdBySource: cutText(r, 'SourceSystem', INDICATOR_CLIPS),
    lastUpdateTime: text(r, 'Modified'),
  };
}
