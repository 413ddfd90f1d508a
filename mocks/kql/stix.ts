/**
 * The workspace's STIX threat intelligence for the demo, as `ThreatIntelIndicators` and
 * `ThreatIntelObjects` hold it (Microsoft's "Work with STIX objects" page): every update a new row
 * of the same `Id`, a deleted object a last row with `IsDeleted`, the STIX id in `Data.id`. A C2
 * IP's indicator `indicates` the actor the generator names (the relationship points from the
 * indicator); the tool is `related-to` the indicator (it points to it); an actor once related and
 * since deleted, and actors related to other indicators, must not show. The answer follows the
 * query's own steps where they decide what shows: the newest row per `Id` before the deleted ones
 * are dropped, and each direction of a relationship it follows.
 */
import type { IpDataset } from '../generator/dataset.js';
import { hashString } from '../generator/random.js';

interface StixRow {
  Id: string;
  StixType: string;
  TimeGenerated: string;
  IsDeleted: boolean;
  SourceSystem: string;
  Data: Record<string, unknown>;
}

const SOURCE = 'Microsoft Defender Threat Intelligence';
const STIX_TYPES: Record<string, string> = { actor: 'threat-actor', tool: 'tool', malware: 'malware', campaign: 'campaign' };

function stixId(type: string, key: string): string {
  const hex = hashString(key).toString(16).padStart(8, '0');
  return `${type}--${hex}-${hex.slice(0, 4)}-4${hex.slice(1, 4)}-8${hex.slice(4, 7)}-${hex}${hex.slice(0, 4)}`;
}

/** The objects of the IP's intelligence, as table rows (several versions of some). */
export function stixObjects(d: IpDataset): { indicator?: string; rows: StixRow[] } {
  const profiles = d.threatIntel().lists.profiles;
  if (!profiles.length) return { rows: [] };
  const indicator = stixId('indicator', d.ip.canonical);
  const at = (days: number) => new Date(d.now - days * 86_400_000).toISOString();
  const rows: StixRow[] = [];
  const add = (type: string, data: Record<string, unknown>, days: number, deleted = false) =>
    rows.push({ Id: `${btoa(SOURCE)}---${String(data['id'])}`, StixType: type, TimeGenerated: at(days), IsDeleted: deleted, SourceSystem: SOURCE, Data: { type, spec_version: '2.1', ...data } });
  profiles.forEach((p, k) => {
    const type = STIX_TYPES[p.kind] ?? 'threat-actor';
    const id = stixId(type, p.name);
    const object = { id, name: p.name, aliases: p.aliases ?? [], description: p.summary, first_seen: p.firstSeen, last_seen: p.lastSeen, modified: p.lastSeen, created: p.firstSeen };
    // An older version first (republished), then the current one.
    add(type, { ...object, description: 'An earlier description.' }, 12);
    add(type, object, 2);
    const rel = stixId('relationship', `${p.name}|${d.ip.canonical}`);
    add('relationship', k % 2 === 0 ? { id: rel, relationship_type: 'indicates', source_ref: indicator, target_ref: id } : { id: rel, relationship_type: 'related-to', source_ref: id, target_ref: indicator }, 3);
  });
  // Once related, since deleted: its last row says so.
  const gone = stixId('threat-actor', 'Retired Actor');
  add('threat-actor', { id: gone, name: 'Retired Actor' }, 13);
  add('relationship', { id: stixId('relationship', `gone|${d.ip.canonical}`), relationship_type: 'indicates', source_ref: indicator, target_ref: gone }, 13);
  add('threat-actor', { id: gone, name: 'Retired Actor' }, 4, true);
  // Related to another indicator only.
  const other = stixId('threat-actor', 'Elsewhere Group');
  add('threat-actor', { id: other, name: 'Elsewhere Group' }, 5);
  add('relationship', { id: stixId('relationship', 'elsewhere'), relationship_type: 'indicates', source_ref: stixId('indicator', 'elsewhere'), target_ref: other }, 5);
  return { indicator, rows };
}

/** The `ti-profiles` answer: the objects the query's steps reach from the IP's indicator. */
export function stixProfileRows(d: IpDataset, query: string): Array<Record<string, unknown>> {
  const { indicator, rows } = stixObjects(d);
  if (!indicator) return [];
  const newestFirst = /summarize arg_max\(TimeGenerated, \*\) by Id\s*\n\| where IsDeleted != true/.test(query);
  const live = new Map<string, StixRow>();
  for (const r of [...rows].sort((a, b) => a.TimeGenerated.localeCompare(b.TimeGenerated))) {
    if (newestFirst) live.set(r.Id, r);
    else if (!r.IsDeleted) live.set(r.Id, r);
  }
  const objects = [...live.values()].filter((r) => !r.IsDeleted);
  const fromIndicator = /\$left\.From == \$right\.Ref/.test(query);
  const toIndicator = /\$left\.To == \$right\.Ref/.test(query);
  const related = new Map<string, string[]>();
  for (const r of objects.filter((o) => o.StixType === 'relationship')) {
    const from = String(r.Data['source_ref']);
    const to = String(r.Data['target_ref']);
    const other = fromIndicator && from === indicator ? to : toIndicator && to === indicator ? from : undefined;
    if (other) related.set(other, [...(related.get(other) ?? []), String(r.Data['relationship_type'])]);
  }
  return objects
    .filter((o) => o.StixType !== 'relationship' && related.has(String(o.Data['id'])))
    .map((o) => ({
      StixId: o.Data['id'],
      StixType: o.StixType,
      Name: o.Data['name'],
      Aliases: o.Data['aliases'] ?? null,
      Description: o.Data['description'] ?? '',
      FirstSeen: o.Data['first_seen'] ?? null,
      LastSeen: o.Data['last_seen'] ?? null,
      Modified: o.Data['modified'] ?? o.TimeGenerated,
      Source: o.SourceSystem,
      Relationships: related.get(String(o.Data['id'])),
    }));
}

/**
 * The IP's STIX indicators as both faces of the workspace have them: the table's row (its `Id`
 * `base64(source)---<STIX id>`, as Microsoft's STIX page decodes it) and the ARM resource of
 * ThreatIntelligence.json (a GUID `name`, the STIX id as `properties.externalId`). The ones the MDTI
 * connector brought in, as the reputation insight lists them, each created a few days before.
 */
export function tiIndicators(d: IpDataset, range: { from: Date; to: Date }) {
  const mdti = d.insights(range as never).find((i) => i.id === 'mdti-reputation');
  return (mdti?.rows ?? []).map((row, k) => {
    const [threatType, confidence, description, tags, validUntil] = row as [string, number, string, string, string];
    const created = new Date(range.to.getTime() - (3 + 4 * k) * 86_400_000).toISOString();
    const stix = stixId('indicator', `${d.ip.canonical}|${k}`);
    const guid = stixId('x', `${d.ip.canonical}|${k}|arm`).slice(3);
    return { tableId: `${btoa(SOURCE)}---${stix}`, stixId: stix, name: guid, threatType, confidence, description, tags, validUntil, created };
  });
}
