/**
 * `IpDataProvider` over a Microsoft Sentinel workspace: KQL through the Log Analytics query API
 * (`POST /v1/workspaces/{id}/query`) for the Sentinel tab (timeline and insights), the log
 * activity and logged hosts (Heartbeat), Sentinel's incidents and alerts, and the devices of the
 * Defender tables Sentinel ingests; Sentinel's geodata enrichment (Azure Resource Manager) for the
 * IP details. Read-only. Combine it with the Defender provider (`combineProviders`) so a SOC with
 * both gets every tab: each method comes from the first provider that has it.
 */
import { caseOfIncident, matchCases, type CaseQuery, type CaseRecord, type CaseRef } from '../../data/cases.js';
import { SentinelWorkspaceActions } from './workspace-actions.js';
import { trafficQuery } from './traffic-query.js';
import { indicatorFromRow, profileFromRow, tiProfilesQuery, tiWindow } from './threat-intel.js';
import { alertCountsQuery, countsFromRows, status } from './alert-counts.js';
import type { ThreatIntel, ThreatIntelRelation, ThreatIntelRows } from '../../data/threat-intel.js';
import { trafficFromRows } from '../microsoft/traffic-rows.js';
import type { Traffic } from '../../data/traffic.js';
import { defaultRange, devicesPage, logActivity, pageOf, prevalenceBuckets } from '../kit/answers.js';
import { requireIp } from '../kit/ip.js';
import { IpDataError } from '../../data/errors.js';
import { prevalenceFrom, summarize } from '../../data/derive.js';
import { accountSource } from '../microsoft/account-rows.js';
import { accountAnswerPage, type AccountAnswer } from '../../data/account-query.js';
import { accountsQuery } from './account-queries.js';
import type { AccountActivity, AlertItem, Indicator, Insight, IpDetails, IpNote, LogActivity, ObservedDevice, Prevalence, SecuritySummary, TimelineEvent } from '../../data/model.js';
import { severity } from '../read/overview.js';
import type { AccountQuery, AlertQuery, DeviceQuery, IpDataProvider, LinkResolver, Page, ProviderCapabilities, RequestOptions } from '../../data/provider.js';
import { listSource, queryAlerts, splitDeviceSearch } from '../../data/query.js';
import { isExternalScope } from '../../lib/ip.js';
import { bucketSizeFor, type TimeRange } from '../../lib/time-range.js';
import { deviceFromHunting } from '../microsoft/device-rows.js';
import { DeviceDetails } from '../microsoft/device-details.js';
import { clipped } from '../microsoft/kql.js';
import { RateLimiter } from '../microsoft/limiter.js';
import { SharedCache } from '../kit/shared-cache.js';
import { cutText, list, logAnalyticsRows, number, text, type Row } from '../microsoft/tables.js';
import { ConcurrencyQueue } from '../microsoft/queue.js';
import { MicrosoftTransport, type MicrosoftApi, type TokenSource } from '../microsoft/transport.js';
import { ItemLinks, sentinelLinks } from './links.js';
import { ALERT_CLIPS, ALERT_ROWS, alertsQuery, deviceDetailsQuery, deviceSearchQuery, devicesQuery, indicatorsQuery, INSIGHTS, logActivityQuery, loggedHostsQuery, prevalenceQuery, TIMELINE_CLIPS, timelineQuery, type InsightDefinition } from './queries.js';

export interface SentinelProviderOptions {
  /** Gives an access token for a scope (the host's MSAL `acquireTokenSilent`, or its backend). */
  getToken: TokenSource;
  /** The Log Analytics workspace id (a GUID) of the Sentinel workspace. */
  workspaceId: string;
  /** The workspace's subscription, resource group and name: for the geodata enrichment and portal links. */
  subscriptionId?: string;
  resourceGroup?: string;
  workspaceName?: string;
  fetch?: typeof fetch;
  /** The Log Analytics API (default `https://api.loganalytics.io/v1`), or the host's proxy for it. */
  logAnalyticsUrl?: string;
  /** Azure Resource Manager (default `https://management.azure.com`), or a proxy. */
  armUrl?: string;
  /** The Azure portal, for links (default `https://portal.azure.com`). */
  portalUrl?: string;
  /**
   * The Defender portal (`https://security.microsoft.com`), for a workspace onboarded to it:
   * "Explore in hunting" then opens Defender's advanced hunting instead of the Azure portal's Logs.
   */
  defenderPortalUrl?: string;
  /** Added to Defender portal links (`&tid=`) so a multi-tenant analyst lands in the right tenant. */
  tenantId?: string;
  /**
   * The alias of a watchlist with the columns `IP` and `Note` (e.g. `IpNotes`): the colleagues'
   * note on an IP is its item there (needs subscriptionId, resourceGroup and workspaceName).
   */
  noteWatchlist?: string;
  /** Days of data the workspace keeps for interactive queries (default 90). */
  maxLookbackDays?: number;
  /** The insights to run (default: the Sentinel IP page's, see `INSIGHTS`). */
  insights?: readonly InsightDefinition[];
  /** Per-request time limit in milliseconds (default 30,000), for everything but queries (see `queryWaitSeconds`). */
  timeoutMs?: number;
  /** How long Log Analytics may run a query, in seconds (its `Prefer: wait`; default 180, at most 600). */
  queryWaitSeconds?: number;
}

const LA_SCOPE = 'https://api.loganalytics.io/.default';
const ARM_SCOPE = 'https://management.azure.com/.default';

const key = (ip: string, r: TimeRange) => `${ip}|${r.from.getTime()}|${r.to.getTime()}`;

function classification(value: string | undefined): string | null {
  switch ((value ?? '').toLowerCase()) {
    case 'truepositive':
      return 'truePositive';
    case 'falsepositive':
      return 'falsePositive';
    case 'benignpositive':
      return 'informationalExpectedActivity';
    default:
      return null;
  }
}

/** Incident labels (`[{ labelName, labelType }]`, as a list or as JSON text): their names. */
function labelNames(r: Row): string[] {
  let v = r['tags'];
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(v)) return [];
  const names = v.map((l: unknown) => (typeof l === 'string' ? l : (l as { labelName?: unknown } | null)?.labelName));
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n !== ''))];
}


function alertFromRow(r: Row): AlertItem {
  const kind = text(r, 'Kind') === 'incident' ? 'incident' : 'alert';
  const entity = cutText(r, 'CompromisedEntity', ALERT_CLIPS);
  const categories = list(r, 'Categories').filter(Boolean);
  const products = list(r, 'ProductNames');
  const product = text(r, 'ProductName');
  const tags = labelNames(r);
  const item: AlertItem = {
    id: text(r, 'Id') ?? '',
    kind,
    title: cutText(r, 'Title', ALERT_CLIPS) ?? '',
    description: cutText(r, 'Description', ALERT_CLIPS),
    // In the model's terms here already: the provider filters and sorts these itself.
    severity: severity(text(r, 'Severity')),
    status: status(text(r, 'Status')),
    classification: classification(text(r, 'Classification')),
    category: text(r, 'Category') ?? categories[0],
    assignedTo: text(r, 'Owner') ?? null,
    impactedAssets: entity ? [{ kind: 'device', name: entity }] : [],
    firstActivity: text(r, 'FirstActivity') ?? text(r, 'LastActivity') ?? '',
    lastActivity: text(r, 'LastActivity') ?? text(r, 'FirstActivity') ?? '',
    serviceSource: product,
    alertCount: kind === 'incident' ? number(r, 'AlertCount') : undefined,
    mitreTechniques: list(r, 'Techniques'),
  };
  const lastUpdated = text(r, 'LastModified');
  if (lastUpdated) item.lastUpdated = lastUpdated;
  if (categories.length > 1 || (categories.length && kind === 'incident')) item.categories = categories;
  if (products.length || product) item.productNames = products.length ? products : [product!];
  if (tags.length) item.tags = tags;
  return item;
}

/** The least a query's timespan reaches back (see #run). */
const LOOKBACK_FLOOR_MS = 14 * 86_400_000;

export class SentinelProvider implements IpDataProvider {
  readonly links: LinkResolver;
  readonly #t: MicrosoftTransport;
  readonly #la: MicrosoftApi;
  readonly #arm: MicrosoftApi;
  readonly #options: SentinelProviderOptions;
  readonly #laLimit = new RateLimiter('Log Analytics query API', [{ max: 200, windowMs: 30_000 }]);
  /** Incident number → resource name, from the incidents listed. */
  readonly #incidentNames = new Map<string, string>();
  /** The IP each listed indicator is of (removing one asks the workspace for the IP's indicators). */
  readonly #indicatorIps = new Map<string, string>();
  readonly #geoLimit = new RateLimiter('Sentinel geodata enrichment', [{ max: 100, windowMs: 3_600_000 }]);
  // Log Analytics runs five queries of a user at once and queues the rest: the page queues its own
  // (its ~18 queries would otherwise queue there, and a query queued for 3 minutes fails with 429).
  readonly #laQueue = new ConcurrencyQueue(5);
  // An answer given in part (PartialError) is kept only briefly: a Refresh asks again.
  readonly #queries = new SharedCache<Answer>({ max: 64, ttlFor: (a) => (a.partial ? 30_000 : undefined) });
  readonly #tables = new SharedCache<Answer & { table: { columns: Insight['columns']; rows: unknown[][] } }>({ max: 64, ttlFor: (a) => (a.partial ? 30_000 : undefined) });
  readonly #details = new SharedCache<IpDetails>({ ttlMs: 3_600_000 });
  readonly #insights: readonly InsightDefinition[];
  readonly #queryWaitS: number;
  readonly #itemLinks = new ItemLinks();
  readonly #lastEvents = new DeviceDetails((ip, range, ids, signal) => this.#query(deviceDetailsQuery(ip, range, ids), range, `the last events of the devices that talked to ${ip}`, signal).then((a) => a.rows));

  constructor(options: SentinelProviderOptions) {
    if (!options || typeof options.workspaceId !== 'string' || !/^[0-9a-f-]{8,}$/i.test(options.workspaceId)) {
      throw new TypeError('SentinelProvider needs the workspaceId (the Log Analytics workspace GUID).');
    }
    this.#options = options;
    this.#t = new MicrosoftTransport({ getToken: options.getToken, fetch: options.fetch, timeoutMs: options.timeoutMs });
    this.#la = { name: 'Log Analytics', base: (options.logAnalyticsUrl ?? 'https://api.loganalytics.io/v1').replace(/\/+$/, ''), scope: LA_SCOPE };
    this.#arm = { name: 'Azure Resource Manager', base: (options.armUrl ?? 'https://management.azure.com').replace(/\/+$/, ''), scope: ARM_SCOPE };
    this.#insights = options.insights ?? INSIGHTS;
    this.#queryWaitS = Math.max(10, Math.min(600, Math.floor(options.queryWaitSeconds ?? 180)));
    this.links = sentinelLinks(options, this.#itemLinks);
  }

  async getCapabilities(): Promise<Partial<ProviderCapabilities>> {
    return { updateAlerts: false, addIndicator: false, indicators: true, removeIndicator: this.#workspacePath !== undefined, deviceGroups: false, deviceEvents: false, accounts: true, traffic: true, cases: this.#workspacePath !== undefined, notes: this.#workspacePath !== undefined && Boolean(this.#options.noteWatchlist), timeline: true, insights: true, threatIntel: true, maxLookbackDays: this.#options.maxLookbackDays ?? 90 };
  }

  async getIpDetails(ip: string, o: RequestOptions): Promise<IpDetails> {
    const address = requireIp(ip);
    const canonical = address.canonical;
    const { subscriptionId, resourceGroup } = this.#options;
    // The geodata service knows internet addresses only, and needs the workspace's resource group.
    if (!isExternalScope(address.scope) || !subscriptionId || !resourceGroup) return { ip: canonical, reverseDns: [] };
    return this.#details.get(canonical, o.signal, async (signal) => {
      let g: Record<string, unknown>;
      try {
        g = ((await this.#t.call({
          api: this.#arm,
          method: 'GET',
          path: `subscriptions/${encodeURIComponent(subscriptionId)}/resourceGroups/${encodeURIComponent(resourceGroup)}/providers/Microsoft.SecurityInsights/enrichment/ip/geodata/?ipaddress=${encodeURIComponent(canonical)}&api-version=2019-01-01-preview`,
          signal,
          limiter: this.#geoLimit,
          permission: 'Azure Service Management user_impersonation',
          role: { roles: ['Microsoft Sentinel Reader'], scope: 'resource-group' },
          what: `the geodata of ${canonical}`,
          read: true,
        })) ?? {}) as Record<string, unknown>;
      } catch (error) {
        if (error instanceof IpDataError && error.kind === 'not-found') return { ip: canonical, reverseDns: [] };
        throw error;
      }
      const s = (k: string) => (typeof g[k] === 'string' && g[k] !== '' ? (g[k] as string) : undefined);
      const n = (k: string) => {
        const v = Number(g[k]);
        return g[k] != null && g[k] !== '' && Number.isFinite(v) ? v : undefined;
      };
      return { ip: canonical, organization: s('organization'), asn: n('asn'), country: s('country'), state: s('state'), city: s('city'), carrier: s('carrier'), latitude: n('latitude'), longitude: n('longitude'), reverseDns: [] };
    });
  }

  async getSecuritySummary(ip: string, range: TimeRange, o: RequestOptions): Promise<SecuritySummary> {
    const [alerts, devices] = await Promise.all([this.#alerts(ip, range, o.signal), this.#devices(ip, range, o.signal)]);
    let summary = summarize(alerts.items, devices.items, range);
    // The list holds the most recent ALERT_ROWS: past them the figures come from a count of every row.
    let partial: string | undefined;
    if (alerts.items.length >= ALERT_ROWS) {
      const counted = await this.#query(alertCountsQuery(ip, range), range, `the alerts and incidents with ${ip}`, o.signal);
      summary = { ...summary, ...countsFromRows(counted.rows) };
      partial = counted.partial;
    }
    const incomplete = alerts.partial ?? devices.partial ?? partial;
    return incomplete ? { ...summary, incomplete } : summary;
  }

  /**
   * The workspace's threat intelligence indicators for the IP (ThreatIntelIndicators, republished
   * every 7 days: the last two weeks hold every live one), as indicators whose action is
   * `ThreatIntel`: they enforce nothing on devices; Sentinel's TI-matching rules alert on them.
   * A revoked indicator ended when it was revoked.
   */
  async listIndicators(ip: string, o: RequestOptions): Promise<Indicator[]> {
    const canonical = requireIp(ip).canonical;
    const range = tiWindow();
    const { rows } = await this.#query(indicatorsQuery(canonical, range), range, `the threat intelligence indicators for ${canonical}`, o.signal);
    const list = rows.map((r) => indicatorFromRow(r, canonical));
    for (const i of list) this.#indicatorIps.set(i.id, canonical);
    return list;
  }

  /** Remove a listed indicator from the workspace's threat intelligence (workspace-actions.ts); the IP's list is asked again. */
  async removeIndicator(id: string, o: RequestOptions): Promise<void> {
    const ip = this.#indicatorIps.get(id);
    if (!ip) throw new IpDataError('not-found', 'That indicator is not among those listed for this IP; list them again.', { reason: { id: 'unknown-ids', what: 'item', ids: [id] } });
    await this.#workspaceActions('remove indicators').removeIndicator(ip, id, o);
    this.#indicatorIps.delete(id);
    const range = tiWindow();
    this.#queries.delete(`${key('', range)}|${indicatorsQuery(ip, range)}`);
  }

  /** Sentinel's own intelligence on the IP: what its STIX objects relate to its indicators (threat-intel.ts); no host view, no call until a list asks. */
  async getThreatIntel(ip: string): Promise<ThreatIntel> {
    requireIp(ip);
    return { counts: {}, lists: ['profiles'] };
  }

  async listThreatIntel<R extends ThreatIntelRelation>(ip: string, relation: R, page: { offset: number; limit: number }, o: RequestOptions): Promise<Page<ThreatIntelRows[R]>> {
    const canonical = requireIp(ip).canonical;
    if (relation !== 'profiles') return { items: [], total: 0 };
    const range = tiWindow();
    const { rows, partial } = await this.#query(tiProfilesQuery(canonical, range), range, `the threat intelligence related to ${canonical}`, o.signal);
    return { ...pageOf(rows.map(profileFromRow).filter((p) => p !== undefined) as Array<ThreatIntelRows[R]>, page), ...(partial ? { incomplete: partial } : {}) };
  }

  async getLogActivity(ip: string, range: TimeRange, o: RequestOptions): Promise<LogActivity> {
    const [{ rows }, { rows: hosts }] = await Promise.all([this.#query(logActivityQuery(ip, range), range, `the log activity of ${ip}`, o.signal), this.#query(loggedHostsQuery(ip, range), range, `the hosts that reported ${ip}`, o.signal)]);
    return logActivity(
      rows.map((r) => ({ source: text(r, 'Source') ?? 'Unknown', firstSeen: text(r, 'FirstSeen') ?? '', lastSeen: text(r, 'LastSeen') ?? '', count: number(r, 'Events') })),
      hosts.map((h) => ({ id: text(h, 'ResourceId') ?? text(h, 'Computer') ?? '', name: text(h, 'Computer') ?? '', os: text(h, 'OSType'), lastHeartbeat: text(h, 'LastHeartbeat') })),
    );
  }

  async getPrevalence(ip: string, range: TimeRange, o: RequestOptions): Promise<Prevalence> {
    const size = bucketSizeFor(range);
    const [{ rows }, { items: devices }, { items }] = await Promise.all([
      this.#query(prevalenceQuery(ip, range, size), range, `the prevalence of ${ip}`, o.signal),
      this.#devices(ip, range, o.signal),
      this.#alerts(ip, range, o.signal),
    ]);
    const base = prevalenceFrom(devices, items, range);
    return { ...base, buckets: prevalenceBuckets(range, size, rows.map((r) => ({ start: text(r, 'Start'), devices: number(r, 'Devices'), names: list(r, 'DeviceNames') }))), totalDevices: devices.length };
  }

  async listAlerts(ip: string, query: AlertQuery, o: RequestOptions): Promise<Page<AlertItem>> {
    const range = query.range ?? defaultRange();
    const { items, partial } = await this.#alerts(ip, range, o.signal);
    const page = queryAlerts(listSource(items), { ...query, range });
    return partial ? { ...page, incomplete: partial } : page;
  }

  async listObservedDevices(ip: string, query: DeviceQuery, o: RequestOptions): Promise<Page<ObservedDevice>> {
    const range = query.range ?? defaultRange();
    const { text: term } = splitDeviceSearch(query.search);
    // A search looks through every event of a device (one more query per text, cached).
    // The last events of the devices seen last are asked for beside the list (the first page's).
    const [{ items: devices, partial }, search] = await Promise.all([
      this.#devices(ip, range, o.signal),
      term ? this.#query(deviceSearchQuery(ip, range, term), range, `the devices with “${term}” in an event with ${ip}`, o.signal) : undefined,
      this.#lastEvents.last(ip, range, o.signal),
    ]);
    const found = search && new Set(search.rows.map((r) => text(r, 'DeviceId')));
    const listed = devicesPage(devices, query, found);
    const page = { ...listed, items: await this.#lastEvents.fill(ip, range, listed.items, o.signal) };
    const incomplete = partial ?? search?.partial;
    return incomplete ? { ...page, incomplete } : page;
  }

  async getTimeline(ip: string, range: TimeRange, o: RequestOptions): Promise<TimelineEvent[]> {
    const { rows } = await this.#query(timelineQuery(ip, range), range, `the timeline of ${ip}`, o.signal);
    return rows.map((r, i) => ({
      id: text(r, 'Id') ?? `event-${i}`,
      kind: text(r, 'Kind') ?? 'activity',
      time: text(r, 'Time') ?? '',
      title: cutText(r, 'Title', TIMELINE_CLIPS) ?? '',
      source: cutText(r, 'Source', TIMELINE_CLIPS),
      severity: text(r, 'Severity'),
      description: cutText(r, 'Description', TIMELINE_CLIPS),
      alertId: text(r, 'AlertId'),
      bookmarkedBy: cutText(r, 'BookmarkedBy', TIMELINE_CLIPS),
      query: cutText(r, 'Query', TIMELINE_CLIPS),
    }));
  }

  /** Every insight; one that fails carries its error and the others still show. */
  async getInsights(ip: string, range: TimeRange, o: RequestOptions): Promise<Insight[]> {
    return Promise.all(
      this.#insights.map((d) =>
        this.#insight(d, ip, range, o.signal).catch((error: unknown) => {
          if (o.signal.aborted) throw error;
          return { ...this.#insightShell(d, ip, range), error: error instanceof Error ? error.message : String(error) };
        }),
      ),
    );
  }

  async getInsight(ip: string, insightId: string, range: TimeRange, o: RequestOptions): Promise<Insight> {
    const d = this.#insights.find((x) => x.id === insightId);
    if (!d) throw new IpDataError('not-found', `There is no insight “${insightId}”.`, { reason: { id: 'unknown-ids', what: 'insight', ids: [insightId] } });
    return this.#insight(d, ip, range, o.signal);
  }

  // -------------------------------------------------------------------------------------------

  #insightShell(d: InsightDefinition, ip: string, range: TimeRange): Insight {
    return { id: d.id, title: d.title, description: d.description, query: d.query(ip, range), language: 'kql-sentinel', columns: [], rows: [], chart: d.chart, dataSources: d.dataSources };
  }

  async #insight(d: InsightDefinition, ip: string, range: TimeRange, signal: AbortSignal): Promise<Insight> {
    const shell = this.#insightShell(d, ip, range);
    const { table, partial } = await this.#tables.get(`${key('', range)}|${shell.query}`, signal, (s) => this.#run(shell.query, range, `the insight “${d.title}”`, s));
    // A value the query cut ends in "…" (the workspace has more of it).
    const cuts = table.columns.map((c) => d.clips?.[c.name]);
    const rows = cuts.some(Boolean) ? table.rows.map((row) => (Array.isArray(row) ? row.map((v, i) => (typeof v === 'string' && cuts[i] ? clipped(v, cuts[i]) : v)) : row)) : table.rows;
    return { ...shell, columns: table.columns, rows, ...(partial ? { incomplete: partial } : {}) };
  }

  /** Run a query: rows as objects (shared per query text and range), and what is missing from them. */
  #query(query: string, range: TimeRange, what: string, signal: AbortSignal): Promise<Answer> {
    return this.#queries.get(`${key('', range)}|${query}`, signal, async (s) => {
      const { rows, partial } = await this.#run(query, range, what, s);
      return partial ? { rows, partial } : { rows };
    });
  }

  async #run(query: string, range: TimeRange, what: string, signal: AbortSignal): Promise<Answer & { table: { columns: Insight['columns']; rows: unknown[][] } }> {
    const answer = await this.#laQueue.run(() => this.#t.call({
      api: this.#la,
      method: 'POST',
      path: `workspaces/${encodeURIComponent(this.#options.workspaceId)}/query`,
      // Every query filters on the range itself; the timespan (which bounds every table) reaches two
      // weeks back at least, for what is written less often than that (threat intelligence
      // indicators are republished weekly, watchlists when they change).
      body: { query, timespan: `${new Date(Math.min(range.from.getTime(), range.to.getTime() - LOOKBACK_FLOOR_MS)).toISOString()}/${range.to.toISOString()}` },
      signal,
      limiter: this.#laLimit,
      permission: 'Log Analytics Data.Read',
      role: { roles: ['Log Analytics Reader', 'Microsoft Sentinel Reader'], scope: 'workspace' },
      what,
      read: true,
      // Log Analytics runs a query for up to `Prefer: wait` seconds (three minutes unless asked);
      // the page waits a little past that, so the service's timeout is what the analyst reads.
      headers: { Prefer: `wait=${this.#queryWaitS}` },
      timeoutMs: (this.#queryWaitS + 10) * 1000,
    }), signal);
    const rows = logAnalyticsRows(answer);
    const first = ((answer as { tables?: Array<{ columns?: Array<{ name?: unknown; type?: unknown }>; rows?: unknown[][] }> }).tables ?? [])[0];
    const columns = (first?.columns ?? []).map((c) => ({ name: String(c?.name ?? ''), type: laType(String(c?.type ?? 'string')) }));
    const partial = partialNote(answer, what);
    return { rows, table: { columns, rows: first?.rows ?? [] }, ...(partial ? { partial } : {}) };
  }

  #alerts(ip: string, range: TimeRange, signal: AbortSignal): Promise<{ items: AlertItem[]; partial?: string }> {
    return this.#query(alertsQuery(ip, range), range, `the incidents and alerts that name ${ip}`, signal).then(({ rows, partial }) => {
      const items = rows.map(alertFromRow).filter((a) => a.id);
      rows.forEach((r) => this.#itemLinks.remember(text(r, 'Kind') === 'incident' ? 'incident' : 'alert', text(r, 'Id') ?? '', text(r, 'Link')));
      // An incident's number is what people see; its resource name (a GUID) is what the ARM API takes.
      for (const r of rows) if (text(r, 'Kind') === 'incident' && text(r, 'IncidentName')) this.#incidentNames.set(text(r, 'Id') ?? '', text(r, 'IncidentName')!);
      // The query returns the most recent ALERT_ROWS: a full answer may have left older ones out.
      const capped = rows.length >= ALERT_ROWS ? `Only the ${ALERT_ROWS.toLocaleString('en')} most recent incidents and alerts that name ${ip} are listed; choose a shorter time range to see older ones.` : undefined;
      return { items, partial: partial ?? capped };
    });
  }

  /** The workspace's Microsoft.SecurityInsights path under ARM, when the options name it. */
  get #workspacePath(): string | undefined {
    const { subscriptionId, resourceGroup, workspaceName } = this.#options;
    if (!subscriptionId || !resourceGroup || !workspaceName) return undefined;
    return `subscriptions/${encodeURIComponent(subscriptionId)}/resourceGroups/${encodeURIComponent(resourceGroup)}/providers/Microsoft.OperationalInsights/workspaces/${encodeURIComponent(workspaceName)}/providers/Microsoft.SecurityInsights`;
  }

  /** The IP's open incidents (from its incidents and alerts over the page's range, default 30 days: the alerts list's answer), or those of them matching `search`. */
  async listCases(ip: string, query: CaseQuery, o: RequestOptions): Promise<CaseRef[]> {
    const { items } = await this.#alerts(requireIp(ip).canonical, query.range ?? defaultRange(), o.signal);
    return matchCases(items.filter((a) => a.kind === 'incident' && a.status !== 'resolved').map((a) => caseOfIncident(a, true)), query.search);
  }

  /** A hunting bookmark for the IP related to the incident (workspace-actions.ts). */
  async addToCase(ip: string, caseId: string, text: string, o: RequestOptions): Promise<CaseRecord> {
    const canonical = requireIp(ip).canonical;
    const name = this.#incidentNames.get(caseId);
    if (!name) throw new IpDataError('not-found', `Incident ${caseId} is not among the open incidents that name ${canonical}.`, { reason: { id: 'unknown-ids', what: 'item', ids: [caseId] } });
    return this.#workspaceActions('add to incidents').bookmarkOnIncident(canonical, name, caseId, text, defaultRange(), o);
  }

  /** The colleagues' note: the IP's item in the `noteWatchlist` watchlist (workspace-actions.ts). */
  async getNote(ip: string, o: RequestOptions): Promise<IpNote | null> {
    return this.#workspaceActions('read notes', true).getNote(requireIp(ip).canonical, o);
  }

  async saveNote(ip: string, note: { text: string; version?: string }, o: RequestOptions): Promise<IpNote | null> {
    return this.#workspaceActions('save notes', true).saveNote(requireIp(ip).canonical, note, o);
  }

  #workspaceActions(what: string, note = false): SentinelWorkspaceActions {
    const workspace = this.#workspacePath;
    if (!workspace) throw new IpDataError('forbidden', `This Sentinel provider cannot ${what}: give it subscriptionId, resourceGroup and workspaceName.`, { reason: { id: 'no-address', service: 'Azure Resource Manager', option: 'workspaceName' } });
    if (note && !this.#options.noteWatchlist) throw new IpDataError('forbidden', `This Sentinel provider cannot ${what}: give it noteWatchlist (a watchlist with the columns IP and Note).`, { reason: { id: 'no-address', service: 'Microsoft Sentinel', option: 'noteWatchlist' } });
    return new SentinelWorkspaceActions(this.#t, this.#arm, workspace, this.#options.noteWatchlist);
  }

  /** One Log Analytics query computes the traffic and the beacon statistics over every connection (DeviceNetworkEvents). */
  async getTraffic(ip: string, range: TimeRange, o: RequestOptions): Promise<Traffic> {
    const answer = await this.#query(trafficQuery(requireIp(ip).canonical, range), range, `the traffic of the devices that talked to ${ip}`, o.signal);
    return trafficFromRows(answer.rows, range, answer.partial);
  }

  async listAccounts(ip: string, query: AccountQuery, o: RequestOptions): Promise<Page<AccountActivity>> {
    const range = query.range ?? defaultRange();
    const answer = await this.#query(accountsQuery(requireIp(ip).canonical, range), range, `the accounts seen signing in from ${ip}`, o.signal);
    // The accounts are read once per answer (the query engine keeps its sorted results per source).
    let accounts = this.#accountAnswers.get(answer);
    if (!accounts) this.#accountAnswers.set(answer, (accounts = accountSource(answer.rows, answer.partial)));
    return accountAnswerPage(accounts, query);
  }

  readonly #accountAnswers = new WeakMap<Answer, AccountAnswer>();

  #devices(ip: string, range: TimeRange, signal: AbortSignal): Promise<{ items: ObservedDevice[]; partial?: string }> {
    return this.#query(devicesQuery(ip, range), range, `the devices that talked to ${ip}`, signal).then(({ rows, partial }) => ({ items: rows.map((r) => deviceFromHunting(r, ip)).filter((d) => d.id), partial }));
  }

}

/** A query's rows, and what Log Analytics said it left out of them. */
interface Answer {
  rows: Row[];
  partial?: string;
}

/**
 * What a 200 answer with a `PartialError` (a non-fatal error: the response-format doc) left out,
 * in words: the service's message and the innermost detail (the result-size limit, a timeout).
 */
function partialNote(answer: unknown, what: string): string | undefined {
  const error = (answer as { error?: unknown } | undefined)?.error as { code?: unknown; message?: unknown; details?: unknown } | undefined;
  if (!error || typeof error !== 'object' || String(error.code) !== 'PartialError') return undefined;
  let inner: unknown = Array.isArray(error.details) ? error.details[0] : undefined;
  let detail: string | undefined;
  for (let depth = 0; inner && typeof inner === 'object' && depth < 8; depth++) {
    const m = (inner as { message?: unknown }).message;
    if (typeof m === 'string' && m) detail = m;
    inner = (inner as { innererror?: unknown }).innererror;
  }
  const message = typeof error.message === 'string' && error.message ? error.message : 'Some errors occurred while processing the query.';
  return `Log Analytics answered ${what} only in part: ${message}${detail ? ` ${detail}` : ''} What is shown may be missing rows.`.slice(0, 2_000);
}

/** Log Analytics column types in the insight table's terms. */
function laType(type: string): string {
  const t = type.toLowerCase();
  if (['int', 'long', 'real', 'decimal'].includes(t)) return 'number';
  if (t === 'datetime') return 'datetime';
  if (t === 'bool') return 'bool';
  return 'string';
}

