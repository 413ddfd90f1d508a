/**
 * What the Sentinel provider changes in the workspace, through Azure Resource Manager
 * (Microsoft.SecurityInsights, api-version 2024-03-01), when the host names the workspace
 * (`subscriptionId`, `resourceGroup`, `workspaceName`):
 *
 * - Add to incident: a hunting bookmark for the IP (where the workspace names it over the last
 *   30 days, per table; the text as its notes), related to the incident (PUT bookmarks/{id}, then PUT
 *   incidents/{name}/relations/{id}): Sentinel's own way of attaching a finding, shown in the
 *   incident's bookmarks and its investigation graph.
 * - Removing a threat intelligence indicator of the IP (queryIndicators, then DELETE by its name).
 * - The colleagues' note: an item of a watchlist the SOC keeps (the `noteWatchlist` option, e.g.
 *   `IpNotes`, with columns `IP` and `Note`), one per IP (its id a GUID derived from the IP), so
 *   the note is also in KQL (`_GetWatchlist('IpNotes')`) for rules and hunting.
 */
import { IpDataError } from '../../data/errors.js';
import { CASE_TEXT_MAX, type CaseRecord } from '../../data/cases.js';
import { NOTE_MAX, type IpNote } from '../../data/model.js';
import type { RequestOptions } from '../../data/provider.js';
import type { TimeRange } from '../../lib/time-range.js';
import { kqlDatetime, kqlString } from '../microsoft/kql.js';
import type { MicrosoftApi, MicrosoftTransport } from '../microsoft/transport.js';

const VERSION = 'api-version=2024-03-01';
const PERMISSION = 'Azure Service Management user_impersonation';
const WRITE_ROLE = { roles: ['Microsoft Sentinel Contributor', 'Microsoft Sentinel Responder'], scope: 'workspace' } as const;
const READ_ROLE = { roles: ['Microsoft Sentinel Reader'], scope: 'workspace' } as const;

/** A GUID-shaped id derived from text (FNV-1a over four seeds): the same IP names the same watchlist item. */
export function stableGuid(text: string): string {
  const part = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  const hex = part(0x811c9dc5) + part(0x01000193) + part(0x9e3779b9) + part(0x85ebca6b);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The bookmark's query: where the workspace names the IP over the range, per table, with how often
 * and when (a `search` whole would union every table's columns, split by type).
 */
export function bookmarkQuery(ip: string, range: TimeRange): string {
  return `search ${kqlString(ip)}
| where TimeGenerated between (${kqlDatetime(range.from)} .. ${kqlDatetime(range.to)})
| summarize Events = count(), FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated) by Table = $table
| order by Events desc`;
}

interface ArmUser {
  name?: unknown;
  email?: unknown;
}

export class SentinelWorkspaceActions {
  constructor(
    private readonly t: MicrosoftTransport,
    private readonly arm: MicrosoftApi,
    /** `subscriptions/…/providers/Microsoft.SecurityInsights` */
    private readonly workspace: string,
    private readonly noteWatchlist: string | undefined,
  ) {}

  get notes(): boolean {
    return Boolean(this.noteWatchlist);
  }

  async bookmarkOnIncident(ip: string, incidentName: string, incidentNumber: string, text: string, range: TimeRange, o: RequestOptions): Promise<CaseRecord> {
    const body = text.trim();
    if (!body || body.length > CASE_TEXT_MAX) throw new IpDataError('invalid-input', `The text must have 1 to ${CASE_TEXT_MAX} characters.`);
    const now = new Date().toISOString();
    const bookmarkId = crypto.randomUUID();
    const bookmark = ((await this.t.call({
      api: this.arm,
      method: 'PUT',
      path: `${this.workspace}/bookmarks/${bookmarkId}?${VERSION}`,
      body: { properties: { displayName: `IP ${ip}`, query: bookmarkQuery(ip, range), notes: body, labels: ['ip-entity-page'], eventTime: now, queryStartTime: range.from.toISOString(), queryEndTime: range.to.toISOString() } },
      signal: o.signal,
      permission: PERMISSION,
      role: WRITE_ROLE,
      what: `the bookmark for ${ip}`,
      read: false,
    })) ?? {}) as { id?: unknown; properties?: { created?: unknown; createdBy?: ArmUser } };
    const bookmarkArmId = typeof bookmark.id === 'string' && bookmark.id ? bookmark.id : `/${this.workspace}/bookmarks/${bookmarkId}`;
    await this.t.call({
      api: this.arm,
      method: 'PUT',
      path: `${this.workspace}/incidents/${encodeURIComponent(incidentName)}/relations/${crypto.randomUUID()}?${VERSION}`,
      body: { properties: { relatedResourceId: bookmarkArmId } },
      signal: o.signal,
      permission: PERMISSION,
      role: WRITE_ROLE,
      what: `the bookmark's link to incident ${incidentNumber}`,
      read: false,
    });
    const by = userName(bookmark.properties?.createdBy);
    return { caseId: incidentNumber, text: body, recordedAt: typeof bookmark.properties?.created === 'string' ? bookmark.properties.created : now, ...(by ? { recordedBy: by } : {}) };
  }

  /**
   * Remove a threat intelligence indicator of the IP (ThreatIntelligence.json): the table's `Id`
   * is `base64(source)---<STIX id>`, not the ARM name, so the IP's indicators are asked for
   * (`queryIndicators`, the IP as keyword) and the one whose `externalId` is that STIX id is
   * deleted (`DELETE indicators/{name}`). Needs Microsoft Sentinel Contributor.
   */
  async removeIndicator(ip: string, tableId: string, o: RequestOptions): Promise<void> {
    const stixId = tableId.split('---').at(-1) ?? tableId;
    const found = ((await this.t.call({
      api: this.arm,
      method: 'POST',
      path: `${this.workspace}/threatIntelligence/main/queryIndicators?${VERSION}`,
      body: { keywords: [ip], includeDisabled: true, pageSize: 100 },
      signal: o.signal,
      permission: PERMISSION,
      role: READ_ROLE,
      what: `the threat intelligence indicators for ${ip}`,
      read: true,
    })) ?? {}) as { value?: Array<{ name?: unknown; properties?: { externalId?: unknown } }> };
    const indicator = (Array.isArray(found.value) ? found.value : []).find((v) => v?.properties?.externalId === stixId || v?.name === tableId);
    const name = typeof indicator?.name === 'string' ? indicator.name : undefined;
    if (!name) throw new IpDataError('not-found', `The workspace has no threat intelligence indicator ${stixId} for ${ip} any more.`, { reason: { id: 'unknown-ids', what: 'item', ids: [tableId] } });
    await this.t.call({
      api: this.arm,
      method: 'DELETE',
      path: `${this.workspace}/threatIntelligence/main/indicators/${encodeURIComponent(name)}?${VERSION}`,
      signal: o.signal,
      permission: PERMISSION,
      role: { roles: ['Microsoft Sentinel Contributor'], scope: 'workspace' },
      what: `the threat intelligence indicator ${stixId}`,
      read: false,
      idempotencyKey: o.idempotencyKey,
    });
  }

  #itemPath(ip: string): string {
    return `${this.workspace}/watchlists/${encodeURIComponent(this.noteWatchlist ?? '')}/watchlistItems/${stableGuid(ip)}?${VERSION}`;
  }

  /** The IP's watchlist item as a note; null when there is none. */
  async getNote(ip: string, o: RequestOptions): Promise<IpNote | null> {
    let item: unknown;
    try {
      item = await this.t.call({ api: this.arm, method: 'GET', path: this.#itemPath(ip), signal: o.signal, permission: PERMISSION, role: READ_ROLE, what: `the note on ${ip} (watchlist ${this.noteWatchlist})`, read: true });
    } catch (error) {
      if (!(error instanceof IpDataError) || error.kind !== 'not-found') throw error;
      // No item: no note. No watchlist: the SOC has to make it, which the page says.
      const said = `${(error.reason as { said?: unknown } | undefined)?.said ?? error.message}`;
      if (/watchlist item/i.test(said) || !/watchlist/i.test(said)) return null;
      throw new IpDataError('not-found', `The notes' watchlist “${this.noteWatchlist}” is not in the workspace: create it with the columns IP and Note (search key IP), or set noteWatchlist to one that is.`, { cause: error });
    }
    return noteOf(item);
  }

  /**
   * Save (an empty text deletes the item). A note changed since `version` was read is not
   * overwritten: 409, as the REST contract says, and the page shows the colleague's note.
   */
  async saveNote(ip: string, note: { text: string; version?: string }, o: RequestOptions): Promise<IpNote | null> {
    const text = note.text.trim();
    if (text.length > NOTE_MAX) throw new IpDataError('invalid-input', `A note has at most ${NOTE_MAX} characters.`);
    const current = await this.getNote(ip, o);
    if (current && note.version !== undefined && current.version !== note.version) throw new IpDataError('unavailable', 'The note was changed meanwhile.', { status: 409 });
    if (!text) {
      if (current) await this.t.call({ api: this.arm, method: 'DELETE', path: this.#itemPath(ip), signal: o.signal, permission: PERMISSION, role: WRITE_ROLE, what: `the note on ${ip}`, read: false });
      return null;
    }
    const saved = await this.t.call({
      api: this.arm,
      method: 'PUT',
      path: this.#itemPath(ip),
      body: { properties: { itemsKeyValue: { IP: ip, Note: text } } },
      signal: o.signal,
      permission: PERMISSION,
      role: WRITE_ROLE,
      what: `the note on ${ip} (watchlist ${this.noteWatchlist})`,
      read: false,
    });
    return noteOf(saved) ?? { text, updatedAt: new Date().toISOString() };
  }
}

function userName(u: ArmUser | undefined): string | undefined {
  const v = u?.name ?? u?.email;
  return typeof v === 'string' && v ? v : undefined;
}

/** A watchlist item (`properties.itemsKeyValue.Note`, `updated`, `updatedBy`) as a note; its `updated` is the version. */
function noteOf(item: unknown): IpNote | null {
  const p = (item as { properties?: { itemsKeyValue?: Record<string, unknown>; updated?: unknown; updatedBy?: ArmUser } } | null)?.properties;
  const text = p?.itemsKeyValue?.['Note'];
  if (typeof text !== 'string' || !text.trim()) return null;
  const updatedAt = typeof p?.updated === 'string' ? p.updated : new Date(0).toISOString();
  const by = userName(p?.updatedBy);
  return { text: text.slice(0, NOTE_MAX), updatedAt, version: updatedAt, ...(by ? { updatedBy: by } : {}) };
}
