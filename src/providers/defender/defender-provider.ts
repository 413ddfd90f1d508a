/**
 * `IpDataProvider` over a tenant's Microsoft Defender XDR: Microsoft Graph security (advanced
 * hunting, `alerts_v2`, incidents, threat intelligence) and the Defender for Endpoint API (IP
 * statistics, indicators, device groups, machines by IP). The host gives `getToken(scope)`; the
 * provider asks for tokens for `https://graph.microsoft.com/.default` and
 * `https://api.securitycenter.microsoft.com/.default`.
 *
 * What the APIs cannot page, filter or sort is done here over bounded, cached queries: one
 * hunting query per IP, range (and, for alerts, severity/category/source filter set), shared by
 * the sections and pages served from it; never an unbounded fetch. Each section's answer is read
 * by the page's readers like any provider's.
 */
import { CASE_TEXT_MAX, caseOfIncident, matchCases, type CaseQuery, type CaseRecord, type CaseRef } from '../../data/cases.js';
import { trafficFromRows } from '../microsoft/traffic-rows.js';
import type { Traffic } from '../../data/traffic.js';
import { defaultRange, devicesPage, logActivity, prevalenceBuckets } from '../kit/answers.js';
import { requireIp } from '../kit/ip.js';
import { IpDataError, isAbortError, PartlyAppliedError } from '../../data/errors.js';
import { emptyCounts, isOpen, prevalenceFrom } from '../../data/derive.js';
import type { AccountActivity, AlertItem, AlertPatch, DeviceEvent, Indicator, IndicatorInput, IpDetails, LogActivity, ObservedDevice, Prevalence, SecuritySummary, SeverityCounts } from '../../data/model.js';
import type { AccountQuery, AlertQuery, DeviceQuery, IpDataProvider, LinkResolver, Page, ProviderCapabilities, RequestOptions } from '../../data/provider.js';
import { queryAlerts, splitDeviceSearch } from '../../data/query.js';
import { isExternalScope, parseIp } from '../../lib/ip.js';
import { bucketSizeFor, type TimeRange } from '../../lib/time-range.js';
import { DeviceDetails } from '../microsoft/device-details.js';
import { EVENT_CLIPS } from '../microsoft/device-rows.js';
import { RateLimiter } from '../microsoft/limiter.js';
import { SharedCache } from '../kit/shared-cache.js';
import { list, number, text, type Row } from '../microsoft/tables.js';
import { MicrosoftTransport, type MicrosoftApi, type TokenSource } from '../microsoft/transport.js';
import { buildAlertCase, withUpdates, type AlertCase, type HuntingAlertFilter } from './cases.js';
import { DefenderGraph } from './graph.js';
import { MdeIndicators } from './indicators.js';
import { portalLinks } from './links.js';
import { alertFromGraph, detailsFromThreatIntel, deviceFromHunting, eventFromHunting, graphDetermination, incidentFromGraph } from './map.js';
import { accountSource } from '../microsoft/account-rows.js';
import { accountAnswerPage, type AccountAnswer } from '../../data/account-query.js';
import { accountsQuery, trafficQuery, deviceDetailsQuery, deviceEventsQuery, deviceGroupsQuery, deviceSearchQuery, devicesQuery, logActivityQuery, loggedHostsQuery, prevalenceQuery } from './queries.js';
import { DefenderThreatIntel } from './threat-intel.js';
import type { ThreatIntel, ThreatIntelRelation, ThreatIntelRows } from '../../data/threat-intel.js';
import { idSegment } from '../http.js';


export interface DefenderXdrProviderOptions {
  /** Gives an access token for a scope (the host's MSAL `acquireTokenSilent`, or its backend). */
  getToken: TokenSource;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Microsoft Graph (default `https://graph.microsoft.com/v1.0`), or the host's proxy for it. */
  graphUrl?: string;
  /**
   * The Defender for Endpoint API through the host's proxy (`/defender-api`: the recipe is in
   * docs/providers/defender.md), or the API itself (`https://api.security.microsoft.com`, a
   * regional `https://eu.api.security.microsoft.com` …) where the host has seen it answer the
   * browser. No Microsoft document says that API answers a browser's CORS preflight, so there is
   * no default: without it, IP statistics and logged hosts come from advanced hunting and adding
   * an indicator is not offered.
   */
  defenderUrl?: string;
  /** The Defender portal, for links (default `https://security.microsoft.com`). */
  portalUrl?: string;
  /** The tenant, added to portal links (`?tid=`) so they open in the right tenant. */
  tenantId?: string;
  /** How many of the most recent alerts are listed, with their full details (default 100, at most 1,000). */
  maxAlerts?: number;
  /** Per-request time limit in milliseconds (default 30,000), for everything but hunting queries. */
  timeoutMs?: number;
  /** How long a hunting query is waited for, in milliseconds (default 200,000: the service stops one after three minutes). */
  queryTimeoutMs?: number;
  /** The longest `Retry-After` waited for, in seconds (default 30). */
  maxRetryAfterSeconds?: number;
}

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const MDE_SCOPE = 'https://api.securitycenter.microsoft.com/.default';
/** Advanced hunting keeps 30 days; MDE's IP statistics look back at most 720 hours. */
const LOOKBACK_DAYS = 30;
const MIN = 60_000;
const HOUR = 3_600_000;

const key = (ip: string, r: TimeRange) => `${ip}|${r.from.getTime()}|${r.to.getTime()}`;

/** The hunting filter a list query allows (AlertInfo's own columns), as a cache key part too. */
function huntingFilter(q: AlertQuery): HuntingAlertFilter {
  const f = q.filter ?? {};
  const only = (v: ReadonlyArray<string | null> | undefined) => (v?.length && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
  return { severity: only(f.severity), category: only(f.category) };
}

export class DefenderXdrProvider implements IpDataProvider {
  readonly links: LinkResolver;
  readonly #graph: DefenderGraph;
  readonly #t: MicrosoftTransport;
  /** The Defender for Endpoint API, when the host gave its address (its proxy). */
  readonly #mde: MicrosoftApi | undefined;
  readonly #mdeLimit = new RateLimiter('Defender for Endpoint API', [{ max: 100, windowMs: MIN }, { max: 1_500, windowMs: HOUR }]);
  /** Add, list and remove indicators (the Defender for Endpoint API). */
  readonly #indicators: MdeIndicators;
  readonly #maxAlerts: number;
  // A list built while Graph throttled is asked again after half a minute ("Refresh in a minute").
  readonly #alertCases = new SharedCache<AlertCase>({ ttlFor: (c) => (c.unavailable ? 30_000 : undefined) });
  readonly #devices = new SharedCache<ObservedDevice[]>();
  readonly #accounts = new SharedCache<AccountAnswer>();
  readonly #lastEvents = new DeviceDetails((ip, range, ids, signal) => this.#graph.hunt(deviceDetailsQuery(ip, range, ids), `the last events of the devices that talked to ${ip}`, signal));
  readonly #events = new SharedCache<DeviceEvent[]>({ max: 48 });
  readonly #searches = new SharedCache<Set<string>>({ max: 32 });
  readonly #ti = new DefenderThreatIntel((path, what, signal) => this.#graph.tiGet(path, what, signal));
  readonly #prevalence = new SharedCache<Row[]>();
  readonly #logs = new SharedCache<LogActivity>();
  readonly #details = new SharedCache<IpDetails>({ ttlMs: 60 * MIN });
  readonly #stats = new SharedCache<unknown>();
  /** Ids the provider has listed, and whether each is an incident or an alert (for updates). */
  readonly #kinds = new Map<string, 'incident' | 'alert'>();

  constructor(options: DefenderXdrProviderOptions) {
    this.#t = new MicrosoftTransport({ getToken: options.getToken, fetch: options.fetch, timeoutMs: options.timeoutMs, maxRetryAfterSeconds: options.maxRetryAfterSeconds });
    const graphApi: MicrosoftApi = { name: 'Microsoft Graph', base: (options.graphUrl ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, ''), scope: GRAPH_SCOPE };
    this.#mde = options.defenderUrl ? { name: 'Microsoft Defender for Endpoint API', base: options.defenderUrl.replace(/\/+$/, ''), scope: MDE_SCOPE } : undefined;
    this.#indicators = new MdeIndicators(this.#t, this.#mde, this.#mdeLimit);
    this.#graph = new DefenderGraph(this.#t, graphApi, {
      hunting: new RateLimiter('advanced hunting', [{ max: 45, windowMs: MIN }, { max: 1_500, windowMs: HOUR }]),
      graph: new RateLimiter('Microsoft Graph security API', [{ max: 150, windowMs: MIN }]),
      // No documented quota for Graph threat intelligence: none is imposed here; a 429's Retry-After still holds every call back.
      threatIntel: new RateLimiter('threat intelligence', []),
    }, options.queryTimeoutMs);
    this.#maxAlerts = Math.max(1, Math.min(1_000, Math.floor(options.maxAlerts ?? 100)));
    this.links = portalLinks((options.portalUrl ?? 'https://security.microsoft.com').replace(/\/+$/, ''), options.tenantId);
  }

  async getCapabilities(): Promise<Partial<ProviderCapabilities>> {
    return {
      updateAlerts: true,
      // Indicators go through the Defender for Endpoint API: only with its address (the host's proxy).
      addIndicator: Boolean(this.#mde),
      indicators: Boolean(this.#mde),
      removeIndicator: Boolean(this.#mde),
      deviceGroups: true,
      deviceEvents: true,
      accounts: true,
      traffic: true,
      cases: true,
      timeline: false,
      insights: false,
      threatIntel: true,
      // IP indicators take Allow, Audit, Warn and Block (Block and remediate is for files and
      // certificates: the indicators overview); the API documents no alert category.
      indicatorActions: ['Allowed', 'Audit', 'Warn', 'Block'],
      indicatorCategory: false,
      maxLookbackDays: LOOKBACK_DAYS,
    };
  }

  async getIpDetails(ip: string, o: RequestOptions): Promise<IpDetails> {
    const address = requireIp(ip);
    const canonical = address.canonical;
    // Threat intelligence knows internet addresses only: an internal one costs no call.
    if (!isExternalScope(address.scope)) return { ip: canonical, reverseDns: [] };
    return this.#details.get(canonical, o.signal, async (signal) => {
      const ti = await this.#graph.threatIntel(canonical, signal);
      return detailsFromThreatIntel(canonical, ti.host, ti.whois, ti.reverse);
    });
  }

  /** The host and its reputation (Defender Threat Intelligence, threat-intel.ts); an internal address costs no call. */
  async getThreatIntel(ip: string, o: RequestOptions): Promise<ThreatIntel> {
    const address = requireIp(ip);
    return isExternalScope(address.scope) ? this.#ti.summary(address.canonical, o.signal) : { counts: {} };
  }

  /** One page of a threat intelligence list (threat-intel.ts). */
  async listThreatIntel<R extends ThreatIntelRelation>(ip: string, relation: R, page: { offset: number; limit: number }, o: RequestOptions): Promise<Page<ThreatIntelRows[R]>> {
    const address = requireIp(ip);
    return isExternalScope(address.scope) ? this.#ti.list(address.canonical, relation, page, o.signal) : { items: [], total: 0 };
  }

  async getSecuritySummary(ip: string, range: TimeRange, o: RequestOptions): Promise<SecuritySummary> {
    const [stats, c] = await Promise.all([this.#ipStats(ip, range, o.signal), this.#alertCase(ip, range, {}, o.signal)]);
    const alertsBySeverity = emptyCounts();
    const incidentsBySeverity = emptyCounts();
    const add = (to: SeverityCounts, severity: string, n: number) => {
      if (Object.hasOwn(to, severity)) to[severity as keyof SeverityCounts] += n;
    };
    for (const [severity, n] of Object.entries(c.matched)) add(alertsBySeverity, severity, n);
    const incidents = c.items.filter((a) => a.kind === 'incident');
    for (const i of incidents) add(incidentsBySeverity, i.severity, 1);
    const s = stats as Record<string, unknown> | undefined;
    // Hunting counts every alert per severity, but status (and the incident an alert belongs to)
    // comes with each alert's details from Graph, fetched for the most recent `maxAlerts`: past
    // them, the open figures are lower bounds, and the summary says so.
    const countedOver = c.matchedTotal > c.detailed ? { counted: c.detailed, matched: c.matchedTotal } : undefined;
    return {
      ...(c.unavailable ? { incomplete: incompleteNote(c.unavailable) } : {}),
      ...(countedOver ? { countedOver } : {}),
      openIncidents: incidents.filter((a) => isOpen(a.status)).length,
      // Status is known for the alerts listed with their details (the most recent `maxAlerts`).
      activeAlerts: c.items.filter((a) => a.kind === 'alert' && isOpen(a.status)).length,
      incidentsBySeverity,
      alertsBySeverity,
      organizationPrevalence: (s?.['organizationPrevalence'] ?? s?.['orgPrevalence'] ?? 0) as number,
      firstSeen: (s?.['orgFirstSeen'] ?? undefined) as string | undefined,
      lastSeen: (s?.['orgLastSeen'] ?? undefined) as string | undefined,
    };
  }

  async getLogActivity(ip: string, range: TimeRange, o: RequestOptions): Promise<LogActivity> {
    return this.#logs.get(key(ip, range), o.signal, async (signal) => {
      const parsed = parseIp(ip);
      const internal = parsed.ok && !isExternalScope(parsed.ip.scope);
      const [rows, hosts] = await Promise.all([
        this.#graph.hunt(logActivityQuery(ip, range), `the log activity of ${ip}`, signal),
        internal ? this.#machinesByIp(ip, range, signal) : Promise.resolve([]),
      ]);
      return logActivity(rows.map((r) => ({ source: text(r, 'Source') ?? 'Unknown', firstSeen: text(r, 'FirstSeen') ?? '', lastSeen: text(r, 'LastSeen') ?? '', count: number(r, 'Events') })), hosts);
    });
  }

  async getPrevalence(ip: string, range: TimeRange, o: RequestOptions): Promise<Prevalence> {
    const size = bucketSizeFor(range);
    const [rows, devices, c] = await Promise.all([
      this.#prevalence.get(`${key(ip, range)}|${size}`, o.signal, (signal) => this.#graph.hunt(prevalenceQuery(ip, range, size), `the prevalence of ${ip}`, signal)),
      this.#deviceList(ip, range, o.signal),
      this.#alertCase(ip, range, {}, o.signal),
    ]);
    // Marks and first/last seen as the static data would give them; the buckets from the query.
    const base = prevalenceFrom(devices, c.index, range);
    const buckets = prevalenceBuckets(range, size, rows.map((r) => ({ start: text(r, 'Start'), devices: number(r, 'Devices'), names: list(r, 'DeviceNames') })));
    return { ...base, buckets, totalDevices: devices.length };
  }

  async listAlerts(ip: string, query: AlertQuery, o: RequestOptions): Promise<Page<AlertItem>> {
    const range = query.range ?? defaultRange();
    const c = await this.#alertCase(ip, range, huntingFilter(query), o.signal);
    const page = queryAlerts(c.source, { ...query, range });
    // Alerts past the most recent `maxAlerts` are known to hunting but not listed: say how many.
    const unlisted = c.matchedTotal - c.detailed;
    const out: Page<AlertItem> = unlisted > 0 ? { ...page, unlisted } : page;
    if (c.unavailable) out.incomplete = incompleteNote(c.unavailable);
    return out;
  }

  async listObservedDevices(ip: string, query: DeviceQuery, o: RequestOptions): Promise<Page<ObservedDevice>> {
    const range = query.range ?? defaultRange();
    const { text } = splitDeviceSearch(query.search);
    // A search looks through every event of a device (one more hunting query per text, cached).
    // The last events of the devices seen last are asked for beside the list (the first page's).
    const [devices, found] = await Promise.all([
      this.#deviceList(ip, range, o.signal),
      text ? this.#deviceSearch(ip, range, text, o.signal) : undefined,
      this.#lastEvents.last(ip, range, o.signal),
    ]);
    // As Defender: at most 100 devices are listed; `total` says how many matched.
    const page = devicesPage(devices, query, found);
    return { ...page, items: await this.#lastEvents.fill(ip, range, page.items, o.signal) };
  }

  #deviceSearch(ip: string, range: TimeRange, term: string, signal: AbortSignal): Promise<Set<string>> {
    return this.#searches.get(`${key(ip, range)}|${term}`, signal, async (s) => {
      const rows = await this.#graph.hunt(deviceSearchQuery(ip, range, term), `the devices with “${term}” in an event with ${ip}`, s);
      return new Set(rows.map((r) => text(r, 'DeviceId')).filter((id): id is string => Boolean(id)));
    });
  }

  async listAccounts(ip: string, query: AccountQuery, o: RequestOptions): Promise<Page<AccountActivity>> {
    const range = query.range ?? defaultRange();
    // Every account in the range comes in one hunting query (cached); the page is cut from it.
    const answer = await this.#accounts.get(key(ip, range), o.signal, async (s) => accountSource(await this.#graph.hunt(accountsQuery(ip, range), `the accounts seen signing in from ${ip}`, s)));
    return accountAnswerPage(answer, query);
  }

  /** One advanced-hunting query computes the traffic and the beacon statistics over every connection. */
  async getTraffic(ip: string, range: TimeRange, o: RequestOptions): Promise<Traffic> {
    return trafficFromRows(await this.#graph.hunt(trafficQuery(ip, range), `the traffic of the devices that talked to ${ip}`, o.signal), range);
  }

  async listDeviceEvents(ip: string, deviceId: string, range: TimeRange, o: RequestOptions): Promise<DeviceEvent[]> {
    return this.#events.get(`${key(ip, range)}|${deviceId}`, o.signal, async (signal) => {
      const rows = await this.#graph.hunt(deviceEventsQuery(ip, deviceId, range), `the events of device ${deviceId} with ${ip}`, signal);
      // The query keeps the most recent; the timeline reads oldest first.
      return rows.map((r) => eventFromHunting(r, ip, EVENT_CLIPS)).sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
    });
  }

  /**
   * Change incidents and alerts (Graph `PATCH`, then the comment). Each id on its own: the ones
   * Graph confirms come back; if none does, the first error is thrown (the list reports a part).
   * A comment that fails after the rest of the change was saved is said exactly
   * ({@link PartlyAppliedError}: the items as they now are, and what was not added).
   */
  async updateAlerts(ids: string[], patch: AlertPatch, o: RequestOptions): Promise<AlertItem[]> {
    const kinds = this.#kinds;
    const updated: AlertItem[] = [];
    const commentsFailed: Array<{ id: string; error: unknown }> = [];
    let firstError: unknown;
    for (const id of ids) {
      o.signal.throwIfAborted();
      const kind = kinds.get(id) ?? 'alert';
      try {
        const body: Record<string, unknown> = {};
        if (patch.status !== undefined) body['status'] = kind === 'incident' && patch.status === 'new' ? 'active' : patch.status;
        if (patch.classification !== undefined) body['classification'] = patch.classification ?? 'unknown';
        if (patch.determination !== undefined) body['determination'] = graphDetermination(patch.determination);
        if (patch.assignedTo !== undefined) body['assignedTo'] = patch.assignedTo ?? '';
        const key = o.idempotencyKey && `${o.idempotencyKey}:${id}`;
        const patched = Object.keys(body).length > 0;
        let raw = patched ? await this.#graph.patch(kind, id, body, o.signal, key) : undefined;
        let commented = false;
        if (patch.comment) {
          try {
            await this.#graph.comment(kind, id, patch.comment, o.signal, key);
            commented = true;
          } catch (error) {
            // The rest of the change is saved (when there was any): that is not undone by a failed comment.
            if (!patched || isAbortError(error)) throw error;
            commentsFailed.push({ id, error });
          }
        }
        if (!raw || commented) [raw] = (await this.#graph.getMany([`security/${kind === 'incident' ? 'incidents' : 'alerts_v2'}/${idSegment(id)}`], `${kind} ${id}`, 'SecurityAlert.Read.All', o.signal)).bodies;
        if (raw) updated.push(kind === 'incident' ? incidentFromGraph(raw) : alertFromGraph(raw));
      } catch (error) {
        if (isAbortError(error)) throw error;
        firstError ??= error;
      }
    }
    if (!updated.length && firstError) throw firstError;
    this.#applyUpdates(updated);
    if (commentsFailed.length) {
      const why = commentsFailed[0]!.error instanceof Error ? (commentsFailed[0]!.error as Error).message : String(commentsFailed[0]!.error);
      throw new PartlyAppliedError(`The change was saved, but the comment could not be added to ${commentsFailed.length} of ${ids.length}: ${why}`, updated, {
        cause: commentsFailed[0]!.error,
        reason: { id: 'comment-failed', failed: commentsFailed.length, of: ids.length },
      });
    }
    return updated;
  }

  /**
   * The open incidents of the IP (its alert list over the page's range, default 30 days: the answer
   * the alerts list already has, no new query); a search also finds an
   * incident by its number (Graph's incident), so the IP can go to the incident being worked.
   */
  async listCases(ip: string, query: CaseQuery, o: RequestOptions): Promise<CaseRef[]> {
    const c = await this.#alertCase(ip, query.range ?? defaultRange(), {}, o.signal);
    const own = c.items.filter((a) => a.kind === 'incident' && a.status !== 'resolved').map((a) => caseOfIncident(a, true));
    const wanted = query.search?.trim();
    const found = matchCases(own, wanted);
    if (!wanted || !/^\d{1,18}$/.test(wanted) || found.some((x) => x.id === wanted)) return found;
    const { bodies } = await this.#graph.getMany([`security/incidents/${wanted}`], `incident ${wanted}`, 'SecurityIncident.Read.All', o.signal).catch((error: unknown) => {
      if (isAbortError(error)) throw error;
      return { bodies: [] as unknown[] };
    });
    const incident = bodies[0] ? incidentFromGraph(bodies[0]) : undefined;
    if (incident) this.#kinds.set(incident.id, 'incident');
    return incident && incident.status !== 'resolved' ? [caseOfIncident(incident, false), ...found] : found;
  }

  /** A comment on the incident (Graph: POST /security/incidents/{id}/comments), where the incident's people read it. */
  async addToCase(_ip: string, caseId: string, text: string, o: RequestOptions): Promise<CaseRecord> {
    const body = text.trim();
    if (!body || body.length > CASE_TEXT_MAX) throw new IpDataError('invalid-input', `The text must have 1 to ${CASE_TEXT_MAX} characters.`);
    await this.#graph.comment('incident', caseId, body, o.signal, o.idempotencyKey);
    this.#alertCases.clear();
    return { caseId, text: body, recordedAt: new Date().toISOString() };
  }

  /** Submit an IP indicator (one of the same value is updated, as the API documents). */
  addIndicator(input: IndicatorInput, o: RequestOptions): Promise<Indicator> {
    return this.#indicators.add(input, o);
  }

  /** The tenant's IP indicators for the IP (List Indicators, `$filter` on the value), newest first. */
  listIndicators(ip: string, o: RequestOptions): Promise<Indicator[]> {
    return this.#indicators.list(ip, o);
  }

  /** Delete an indicator (204; 404 when there is none). */
  removeIndicator(id: string, o: RequestOptions): Promise<void> {
    return this.#indicators.remove(id, o);
  }

  /**
   * The device groups an indicator can be scoped to. Defender for Endpoint lists them only with
   * their exposure scores, which come from Defender Vulnerability Management; where that answers
   * 403 or 404 (no such license, no Score permission), the groups devices reported in the last 30
   * days come from advanced hunting (DeviceInfo's MachineGroup) instead.
   */
  async listDeviceGroups(o: RequestOptions): Promise<string[]> {
    const hunted = async () => {
      const to = new Date();
      const rows = await this.#graph.hunt(deviceGroupsQuery({ from: new Date(to.getTime() - LOOKBACK_DAYS * 86_400_000), to }), 'the device groups', o.signal);
      return names(rows.map((r) => text(r, 'MachineGroup')));
    };
    if (!this.#mde) return hunted();
    let raw: { value?: unknown };
    try {
      raw = (await this.#t.call({
        api: this.#mde,
        method: 'GET',
        path: 'api/exposureScore/ByMachineGroups',
        signal: o.signal,
        limiter: this.#mdeLimit,
        permission: 'Score.Read.All',
        license: 'Microsoft Defender Vulnerability Management',
        what: 'the device groups',
        read: true,
      })) as { value?: unknown };
    } catch (error) {
      if (!(error instanceof IpDataError) || (error.kind !== 'forbidden' && error.kind !== 'not-found')) throw error;
      try {
        return await hunted();
      } catch (fallback) {
        if (isAbortError(fallback)) throw fallback;
        throw error;
      }
    }
    const value = Array.isArray(raw?.value) ? (raw.value as Array<Record<string, unknown>>) : [];
    return names(value.map((g) => g?.['rbacGroupName']));
  }

  // -------------------------------------------------------------------------------------------

  #alertCase(ip: string, range: TimeRange, filter: HuntingAlertFilter, signal: AbortSignal): Promise<AlertCase> {
    return this.#alertCases.get(`${key(ip, range)}|${JSON.stringify(filter)}`, signal, async (s) => {
      const c = await buildAlertCase(this.#graph, ip, range, filter, this.#maxAlerts, s);
      for (const a of c.items) this.#kinds.set(a.id, a.kind);
      return c;
    });
  }

  #deviceList(ip: string, range: TimeRange, signal: AbortSignal): Promise<ObservedDevice[]> {
    return this.#devices.get(key(ip, range), signal, async (s) => {
      const rows = await this.#graph.hunt(devicesQuery(ip, range), `the devices that talked to ${ip}`, s);
      return rows.map((r) => deviceFromHunting(r, ip)).filter((d) => d.id);
    });
  }

  /**
   * The IP's prevalence in the organization: MDE's statistics through the host's proxy, or without
   * it the same from advanced hunting (the devices that talked to the IP in the range, which is
   * the 30 days at most MDE would look back over too).
   */
  async #ipStats(ip: string, range: TimeRange, signal: AbortSignal): Promise<unknown> {
    if (!this.#mde) {
      const devices = await this.#deviceList(ip, range, signal);
      const firsts = devices.map((d) => d.firstSeen).filter(Boolean).sort();
      const lasts = devices.map((d) => d.lastSeen).filter(Boolean).sort();
      return { organizationPrevalence: devices.length, orgFirstSeen: firsts[0], orgLastSeen: lasts.at(-1) };
    }
    const mde = this.#mde;
    const hours = Math.max(1, Math.min(LOOKBACK_DAYS * 24, Math.ceil((range.to.getTime() - range.from.getTime()) / HOUR)));
    return this.#stats.get(`${ip}|${hours}`, signal, (s) =>
      this.#t.call({ api: mde, method: 'GET', path: `api/ips/${encodeURIComponent(ip)}/stats?lookBackHours=${hours}`, signal: s, limiter: this.#mdeLimit, permission: 'Ip.Read.All', what: `the statistics of ${ip}`, read: true }),
    );
  }

  /** Devices that had the (internal) IP at the end of the range: MDE `findbyip`, within ±15 minutes of a time in the last 30 days. */
  async #machinesByIp(ip: string, range: TimeRange, signal: AbortSignal): Promise<LogActivity['loggedHosts']> {
    if (!this.#mde) return this.#hostsByNetworkInfo(ip, range, signal);
    const at = new Date(Math.min(range.to.getTime(), Date.now()) - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    try {
      const raw = (await this.#t.call({
        api: this.#mde,
        method: 'GET',
        path: `api/machines/findbyip(ip='${encodeURIComponent(ip)}',timestamp=${at})`,
        signal,
        limiter: this.#mdeLimit,
        permission: 'Machine.Read.All',
        what: `the devices that had ${ip}`,
        read: true,
      })) as { value?: unknown };
      const value = Array.isArray(raw?.value) ? (raw.value as Array<Record<string, unknown>>) : [];
      return value.map((m) => ({ id: String(m['id'] ?? ''), name: String(m['computerDnsName'] ?? m['id'] ?? ''), os: typeof m['osPlatform'] === 'string' ? m['osPlatform'] : undefined, lastHeartbeat: typeof m['lastSeen'] === 'string' ? m['lastSeen'] : undefined }));
    } catch (error) {
      // Logged hosts are an extra of the log activity: without the permission it stays empty.
      if (error instanceof IpDataError && (error.kind === 'forbidden' || error.kind === 'not-found')) return [];
      throw error;
    }
  }


  /** Without the Defender for Endpoint API: the devices whose network adapters had the IP in the range (DeviceNetworkInfo). */
  async #hostsByNetworkInfo(ip: string, range: TimeRange, signal: AbortSignal): Promise<LogActivity['loggedHosts']> {
    const rows = await this.#graph.hunt(loggedHostsQuery(ip, range), `the devices that had ${ip}`, signal);
    return rows.map((r) => ({ id: text(r, 'DeviceId') ?? '', name: text(r, 'DeviceName') ?? text(r, 'DeviceId') ?? '', os: text(r, 'OSPlatform'), lastHeartbeat: text(r, 'LastSeen') })).filter((h) => h.id);
  }

  #applyUpdates(updated: readonly AlertItem[]) {
    // The cached lists keep serving pages: swap the changed items in, so a reload shows them.
    this.#alertCases.update((c) => withUpdates(c, updated));
  }
}

/** Distinct non-empty names, sorted. */
function names(values: readonly unknown[]): string[] {
  return [...new Set(values.filter((n): n is string => typeof n === 'string' && n !== ''))].sort();
}

/** What a list or count built without some of Graph's answers says. */
function incompleteNote(unavailable: number): string {
  return `Microsoft Graph did not give the details of ${unavailable} incidents and alerts just now (it was throttling requests or unavailable): those alerts show as advanced hunting knows them, without status, and those incidents are missing. Refresh in a minute.`;
}

