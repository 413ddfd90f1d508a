/**
 * `IpDataProvider` over data held in memory: for tests, prototypes, demos and small hosts.
 *
 * Lists go through `data/query.ts` (the same filter/sort/page the mock server uses). Input is
 * validated and normalized on first use of each IP with the same readers the REST provider uses,
 * so bad data fails as a clear `bad-response` for that IP's sections only.
 *
 * Alerts and devices already in the model's form are kept as the host's own objects, as a grid
 * keeps its `items` (one copy of 100,000 rows in memory, not two); the provider never changes
 * them (a management change makes a new row). Change the data by making a new provider.
 */
import { DEVICE_LIST_LIMIT } from '../kit/answers.js';
import { requireIp } from '../kit/ip.js';
import { IpDataError } from '../../data/errors.js';
import { answersAlreadyRead } from '../guard.js';
import { unchangedOr } from '../read/unchanged.js';
import { applyPatch } from '../../data/patch.js';
import { prevalenceFrom, summarize } from '../../data/derive.js';
import type {
  AccountActivity,
  IpNote,
  AlertItem,
  AlertPatch,
  DeviceEvent,
  Indicator,
  IndicatorInput,
  Insight,
  IpDetails,
  LogActivity,
  ObservedDevice,
  Prevalence,
  SecuritySummary,
  TimelineEvent,
} from '../../data/model.js';
import type { AccountQuery, AlertQuery, DeviceQuery, IpDataProvider, LinkResolver, Page, ProviderCapabilities, RequestOptions } from '../../data/provider.js';
import { deviceEventText, listSource, queryAlerts, queryDevices, queryTimeline, toMs, type ListSource } from '../../data/query.js';
import { canonicalIp } from '../../lib/ip.js';
import { queryAccounts } from '../../data/account-query.js';
import { readAccount } from '../read/accounts.js';
import { trafficFromEvents } from '../../data/traffic-compute.js';
import { TRAFFIC_DEVICES, type Traffic } from '../../data/traffic.js';
import { CASE_TEXT_MAX, caseOfIncident, matchCases, type CaseQuery, type CaseRecord, type CaseRef } from '../../data/cases.js';
import { readNote } from '../read/note.js';
import { NOTE_MAX } from '../../data/model.js';
import { indicatorRuleBreaks } from '../../data/indicator-rules.js';
import type { TimeRange } from '../../lib/time-range.js';
import {
  readAlert,
  readDevice,
  readDeviceEvent,
  readIndicator,
  readInsight,
  readIpDetails,
  readLogActivity,
  readPrevalence,
  readSecuritySummary,
  readTimelineEvent,
} from '../validate.js';
import { readThreatIntel, readThreatIntelPage } from '../read/threat-intel.js';
import type { ThreatIntel, ThreatIntelRelation, ThreatIntelRows } from '../../data/threat-intel.js';

/** What the static provider knows about one IP. Every part is optional. */
export interface StaticIpData {
  details?: Partial<IpDetails>;
  /** Computed from `alerts` and `devices` when absent. */
  summary?: SecuritySummary;
  logActivity?: LogActivity;
  /** Computed from `devices` and `alerts` when absent. */
  prevalence?: Prevalence;
  alerts?: AlertItem[];
  devices?: ObservedDevice[];
  /** Device id → that device's events with this IP. */
  deviceEvents?: Record<string, DeviceEvent[]>;
  /**
   * Accounts seen signing in from the IP, with their counts over all the data: the range picks the
   * accounts seen in it (first to last seen), their counts stay as given.
   */
  accounts?: AccountActivity[];
  /** The note colleagues left on the IP. */
  note?: IpNote;
  /** Indicators already set for the IP (block, allow …); Add indicator replaces one of the same value. */
  indicators?: Indicator[];
  timeline?: TimelineEvent[];
  insights?: Insight[];
  /** Threat intelligence: the summary, and each list's records (paged by the provider). */
  threatIntel?: { summary: ThreatIntel; lists?: Partial<{ [R in ThreatIntelRelation]: Array<ThreatIntelRows[R]> }> };
}

export interface StaticIpDataProviderOptions {
  /** IP (any valid form) → its data. IPs not listed are "never observed". */
  data: Record<string, StaticIpData>;
  /** No alert management, indicators or notes (a read-only portal). */
  readOnly?: boolean;
  /** Offer the Sentinel tab (default: when any IP has a timeline or insights). */
  sentinel?: boolean;
  /** Offer threat intelligence (default: when any IP has it). */
  threatIntel?: boolean;
  /** Offer the Accounts tab (default: when any IP has accounts). */
  accounts?: boolean;
  deviceGroups?: string[];
  /** Simulated latency per call in ms (default 0), abortable. */
  latencyMs?: number;
  /** The most devices listed, as in Defender (default 100); `total` still says how many matched. */
  deviceLimit?: number;
  links?: LinkResolver;
  /** The user recorded on comments and indicators (default "you"). */
  currentUser?: string;
}

interface Prepared {
  details: IpDetails;
  alerts: AlertItem[];
  alertSource: ListSource<AlertItem>;
  devices: ObservedDevice[];
  deviceSource: ListSource<ObservedDevice>;
  /** Read on first use. */
  accountSource?: ListSource<AccountActivity>;
  raw: StaticIpData;
  eventIndex?: Map<string, Array<{ time: number; text: string }>>;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    if (ms <= 0) return resolve();
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export class StaticIpDataProvider implements IpDataProvider {
  readonly links?: LinkResolver;
  readonly #options: StaticIpDataProviderOptions;
  readonly #data = new Map<string, StaticIpData>();
  readonly #prepared = new Map<string, Prepared>();
  readonly #indicators: Indicator[] = [];
  /** IPs whose given indicators an added one replaced. */
  readonly #replaced = new Set<string>();
  /** Given indicators removed through this provider. */
  readonly #removed = new Set<string>();
  readonly #sentinel: boolean;
  readonly #accounts: boolean;
  readonly #traffic: boolean;
  readonly #threatIntel: boolean;

  constructor(options: StaticIpDataProviderOptions) {
    answersAlreadyRead(this);
    this.#options = options;
    this.links = options.links;
    for (const [ip, data] of Object.entries(options.data ?? {})) {
      const canonical = canonicalIp(ip);
      if (!canonical) throw new TypeError(`StaticIpDataProvider: “${ip}” is not a valid IP address.`);
      this.#data.set(canonical, data);
    }
    this.#sentinel = options.sentinel ?? [...this.#data.values()].some((d) => d.timeline || d.insights);
    this.#accounts = options.accounts ?? [...this.#data.values()].some((d) => d.accounts);
    this.#traffic = [...this.#data.values()].some((d) => d.deviceEvents && Object.keys(d.deviceEvents).length);
    this.#threatIntel = options.threatIntel ?? [...this.#data.values()].some((d) => d.threatIntel);
  }

  /** Indicators added through this provider, newest last. */
  get indicators(): readonly Indicator[] {
    return this.#indicators;
  }

  async getCapabilities(o: RequestOptions): Promise<Partial<ProviderCapabilities>> {
    await this.#latency(o);
    const writable = !this.#options.readOnly;
    return {
      updateAlerts: writable,
      addIndicator: writable,
      timeline: this.#sentinel,
      insights: this.#sentinel,
      threatIntel: this.#threatIntel,
      indicators: true,
      removeIndicator: writable,
      accounts: this.#accounts,
      notes: true,
      traffic: this.#traffic,
      cases: writable,
      indicatorActions: ['Allowed', 'Audit', 'Warn', 'Block'],
    };
  }

  async getIpDetails(ip: string, o: RequestOptions): Promise<IpDetails> {
    await this.#latency(o);
    return this.#prepare(ip).details;
  }

  async getSecuritySummary(ip: string, range: TimeRange, o: RequestOptions): Promise<SecuritySummary> {
    await this.#latency(o);
    const p = this.#prepare(ip);
    if (p.raw.summary) return readSecuritySummary(p.raw.summary, `data["${ip}"].summary`);
    return summarize(p.alertSource, p.devices, range);
  }

  async getLogActivity(ip: string, range: TimeRange, o: RequestOptions): Promise<LogActivity> {
    await this.#latency(o);
    const p = this.#prepare(ip);
    if (!p.raw.logActivity) return { sources: [], loggedHosts: [] };
    const all = readLogActivity(p.raw.logActivity, `data["${ip}"].logActivity`);
    const from = range.from.getTime();
    const to = range.to.getTime();
    return { ...all, sources: all.sources.filter((s) => toMs(s.lastSeen) >= from && toMs(s.firstSeen) < to) };
  }

  async getPrevalence(ip: string, range: TimeRange, o: RequestOptions): Promise<Prevalence> {
    await this.#latency(o);
    const p = this.#prepare(ip);
    if (p.raw.prevalence) return readPrevalence(p.raw.prevalence, `data["${ip}"].prevalence`);
    return prevalenceFrom(p.devices, p.alerts, range);
  }

  async listAlerts(ip: string, query: AlertQuery, o: RequestOptions): Promise<Page<AlertItem>> {
    await this.#latency(o);
    return queryAlerts(this.#prepare(ip).alertSource, query);
  }

  async listObservedDevices(ip: string, query: DeviceQuery, o: RequestOptions): Promise<Page<ObservedDevice>> {
    await this.#latency(o);
    const cap = this.#options.deviceLimit ?? DEVICE_LIST_LIMIT;
    const offset = Math.min(query.offset, cap);
    const limit = Math.max(0, Math.min(query.limit, cap - offset));
    const p = this.#prepare(ip);
    const range = query.range;
    // The search looks through every event of a device in the range, not only its last one.
    const eventsMatch = (i: number, text: string) => {
      const wanted = text.toLowerCase();
      return (this.#eventIndex(p).get(p.devices[i]!.id) ?? []).some((e) => (!range || (e.time >= range.from.getTime() && e.time < range.to.getTime())) && e.text.includes(wanted));
    };
    return queryDevices(p.deviceSource, { ...query, offset, limit }, { eventsMatch });
  }

  async listAccounts(ip: string, query: AccountQuery, o: RequestOptions): Promise<Page<AccountActivity>> {
    await this.#latency(o);
    const p = this.#prepare(ip);
    if (!p.accountSource) {
      const label = `data["${p.details.ip}"].accounts`;
      const accounts = (p.raw.accounts ?? []).map((a, i) => unchangedOr(readAccount(a, `${label}[${i}]`), a));
      p.accountSource = listSource(accounts);
    }
    return queryAccounts(p.accountSource, query);
  }

  /** Each device's events as search text (lower case) and time, read once per IP. */
  #eventIndex(p: Prepared): Map<string, Array<{ time: number; text: string }>> {
    if (!p.eventIndex) {
      p.eventIndex = new Map();
      for (const [id, events] of Object.entries(p.raw.deviceEvents ?? {})) {
        const list: Array<{ time: number; text: string }> = [];
        for (const raw of Array.isArray(events) ? events : []) {
          try {
            const e = readDeviceEvent(raw);
            list.push({ time: toMs(e.timestamp), text: deviceEventText(e).toLowerCase() });
          } catch {
            // An event the reader refuses is not searched (listing the timeline says why).
          }
        }
        p.eventIndex.set(id, list);
      }
    }
    return p.eventIndex;
  }

  /** Computed in the browser from `deviceEvents` (every event given: the statistics see them all). */
  async getTraffic(ip: string, range: TimeRange, o: RequestOptions): Promise<Traffic> {
    await this.#latency(o);
    const p = this.#prepare(ip);
    const names = new Map(p.devices.map((d) => [d.id, d.name]));
    const sources = Object.entries(p.raw.deviceEvents ?? {}).map(([deviceId, events]) => ({
      deviceId,
      deviceName: names.get(deviceId) ?? deviceId,
      events: (Array.isArray(events) ? events : []).flatMap((raw) => {
        try {
          return [readDeviceEvent(raw)];
        } catch {
          return []; // An event the reader refuses is not counted (the device's timeline says why).
        }
      }),
    }));
    return trafficFromEvents(sources, range, TRAFFIC_DEVICES);
  }

  async listDeviceEvents(ip: string, deviceId: string, range: TimeRange, o: RequestOptions): Promise<DeviceEvent[]> {
    await this.#latency(o);
    const p = this.#prepare(ip);
    const events = p.raw.deviceEvents?.[deviceId];
    if (!events) {
      if (!p.devices.some((d) => d.id === deviceId)) throw new IpDataError('not-found', `No device “${deviceId}” communicated with ${ip}.`, { reason: { id: 'unknown-ids', what: 'device', ids: [deviceId] } });
      return [];
    }
    const from = range.from.getTime();
    const to = range.to.getTime();
    return events
      .map((e, i) => readDeviceEvent(e, `data["${ip}"].deviceEvents["${deviceId}"][${i}]`))
      .filter((e) => toMs(e.timestamp) >= from && toMs(e.timestamp) < to)
      .sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  }

  async updateAlerts(ids: string[], patch: AlertPatch, o: RequestOptions): Promise<AlertItem[]> {
    await this.#latency(o);
    if (this.#options.readOnly) throw new IpDataError('forbidden', 'This provider is read-only.', { reason: { id: 'read-only' } });
    const wanted = new Set(ids);
    const updated: AlertItem[] = [];
    for (const ip of this.#data.keys()) this.#prepare(ip);
    // All or nothing: every id must exist before anything changes.
    const known = new Set<string>();
    for (const p of this.#prepared.values()) for (const a of p.alerts) if (wanted.has(a.id)) known.add(a.id);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw new IpDataError('not-found', `No incident or alert with id ${unknown.map((m) => `“${m}”`).join(', ')}; nothing was changed.`, { reason: { id: 'unknown-ids', what: 'item', ids: unknown } });
    for (const p of this.#prepared.values()) {
      let changed = false;
      p.alerts = p.alerts.map((a) => {
        if (!wanted.has(a.id)) return a;
        changed = true;
        const next = applyPatch(a, patch, this.#options.currentUser ?? 'you');
        updated.push(next);
        return next;
      });
      if (changed) p.alertSource = listSource(p.alerts);
    }
    return updated;
  }

  /** The open incidents of the IP's data (every one involves it), or of all the data matching `search`. */
  async listCases(ip: string, query: CaseQuery, o: RequestOptions): Promise<CaseRef[]> {
    await this.#latency(o);
    const own = this.#prepare(ip);
    for (const other of this.#data.keys()) this.#prepare(other);
    const open = (p: Prepared, related: boolean) => p.alerts.filter((a) => a.kind === 'incident' && a.status !== 'resolved').map((a) => caseOfIncident(a, related));
    const cases = query.search ? [...this.#prepared.values()].flatMap((p) => open(p, p === own)) : open(own, true);
    return matchCases([...new Map(cases.map((c) => [c.id, c])).values()], query.search);
  }

  /** A comment on the incident, as `updateAlerts` adds one. */
  async addToCase(ip: string, caseId: string, text: string, o: RequestOptions): Promise<CaseRecord> {
    this.#prepare(ip);
    const body = text.trim();
    if (!body || body.length > CASE_TEXT_MAX) throw new IpDataError('invalid-input', `The text must have 1 to ${CASE_TEXT_MAX} characters.`);
    const [updated] = await this.updateAlerts([caseId], { comment: body }, o);
    const comment = updated?.comments?.at(-1);
    return { caseId, text: comment?.comment ?? body, recordedAt: comment?.createdAt ?? new Date().toISOString(), recordedBy: comment?.createdBy ?? this.#options.currentUser ?? 'you' };
  }

  async addIndicator(input: IndicatorInput, o: RequestOptions): Promise<Indicator> {
    await this.#latency(o);
    if (this.#options.readOnly) throw new IpDataError('forbidden', 'This provider is read-only.', { reason: { id: 'read-only' } });
    const [broken] = Object.entries(indicatorRuleBreaks(input));
    if (broken) throw new IpDataError('invalid-input', `The indicator breaks a rule of the indicator API: ${broken[0]} (${broken[1].rule}).`, { field: broken[0] });
    const indicator: Indicator = {
      ...input,
      indicatorValue: canonicalIp(input.indicatorValue)!,
      id: String(1000 + this.#indicators.length + 1),
      creationTimeDateTimeUtc: new Date().toISOString(),
      createdBy: this.#options.currentUser ?? 'you',
    };
    // One indicator per value, as Defender for Endpoint keeps them: a new one replaces the old.
    const same = (i: Indicator) => canonicalIp(i.indicatorValue) === indicator.indicatorValue;
    this.#indicators.splice(0, this.#indicators.length, ...this.#indicators.filter((i) => !same(i)), indicator);
    this.#replaced.add(indicator.indicatorValue);
    return indicator;
  }

  async removeIndicator(id: string, o: RequestOptions): Promise<void> {
    await this.#latency(o);
    if (this.#options.readOnly) throw new IpDataError('forbidden', 'This provider is read-only.', { reason: { id: 'read-only' } });
    const added = this.#indicators.findIndex((i) => i.id === id);
    if (added >= 0) this.#indicators.splice(added, 1);
    else if ([...this.#data.values()].some((d) => d.indicators?.some((i) => i.id === id))) this.#removed.add(id);
    else throw new IpDataError('not-found', `No indicator with id ${id}.`);
  }

  /** Notes saved through this provider, by canonical IP (null: removed), over the data's. */
  readonly #notes = new Map<string, IpNote | null>();

  async getNote(ip: string, o: RequestOptions): Promise<IpNote | null> {
    await this.#latency(o);
    const p = this.#prepare(ip);
    const saved = this.#notes.get(p.details.ip);
    return saved !== undefined ? saved : p.raw.note ? readNote(p.raw.note, `data["${p.details.ip}"].note`) : null;
  }

  async saveNote(ip: string, note: { text: string; version?: string }, o: RequestOptions): Promise<IpNote | null> {
    await this.#latency(o);
    if (this.#options.readOnly) throw new IpDataError('forbidden', 'This provider is read-only.', { reason: { id: 'read-only' } });
    if (typeof note?.text !== 'string' || note.text.length > NOTE_MAX) throw new IpDataError('invalid-input', `A note is text of at most ${NOTE_MAX} characters.`);
    const current = await this.getNote(ip, o);
    // A save names the version it changes: one saved meanwhile is not overwritten unseen.
    if (current && note.version !== undefined && current.version !== note.version) throw new IpDataError('invalid-input', 'The note was changed meanwhile; reload it before saving.', { status: 409 });
    const text = note.text.trim();
    const next: IpNote | null = text ? { text, updatedAt: new Date().toISOString(), updatedBy: this.#options.currentUser ?? 'you', version: String(Number(current?.version ?? 0) + 1) } : null;
    this.#notes.set(this.#prepare(ip).details.ip, next);
    return next;
  }

  async listIndicators(ip: string, o: RequestOptions): Promise<Indicator[]> {
    await this.#latency(o);
    const canonical = requireIp(ip).canonical;
    const added = this.#indicators.filter((i) => i.indicatorValue === canonical);
    const given = this.#replaced.has(canonical) ? [] : (this.#prepare(ip).raw.indicators ?? []).map((i, k) => readIndicator(i, `data["${canonical}"].indicators[${k}]`)).filter((i) => !this.#removed.has(i.id));
    return [...added, ...given].sort((a, b) => Date.parse(b.creationTimeDateTimeUtc) - Date.parse(a.creationTimeDateTimeUtc));
  }

  async listDeviceGroups(o: RequestOptions): Promise<string[]> {
    await this.#latency(o);
    return [...(this.#options.deviceGroups ?? [])];
  }

  async getTimeline(ip: string, range: TimeRange, o: RequestOptions): Promise<TimelineEvent[]> {
    await this.#latency(o);
    const raw = this.#prepare(ip).raw.timeline ?? [];
    const events = raw.map((e, i) => readTimelineEvent(e, `data["${ip}"].timeline[${i}]`));
    return queryTimeline(events, { range });
  }

  async getInsights(ip: string, _range: TimeRange, o: RequestOptions): Promise<Insight[]> {
    await this.#latency(o);
    return (this.#prepare(ip).raw.insights ?? []).map((x, i) => readInsight(x, `data["${ip}"].insights[${i}]`));
  }

  async getInsight(ip: string, insightId: string, range: TimeRange, o: RequestOptions): Promise<Insight> {
    const all = await this.getInsights(ip, range, o);
    const found = all.find((i) => i.id === insightId);
    if (!found) throw new IpDataError('not-found', `No insight “${insightId}”.`, { reason: { id: 'unknown-ids', what: 'insight', ids: [insightId] } });
    return found;
  }

  async getThreatIntel(ip: string, o: RequestOptions): Promise<ThreatIntel> {
    await this.#latency(o);
    const ti = this.#prepare(ip).raw.threatIntel;
    return ti ? readThreatIntel(ti.summary, `data["${ip}"].threatIntel.summary`) : { counts: {} };
  }

  async listThreatIntel<R extends ThreatIntelRelation>(ip: string, relation: R, page: { offset: number; limit: number }, o: RequestOptions): Promise<Page<ThreatIntelRows[R]>> {
    await this.#latency(o);
    const all = (this.#prepare(ip).raw.threatIntel?.lists?.[relation] ?? []) as unknown[];
    const items = all.slice(page.offset, page.offset + page.limit);
    return readThreatIntelPage(relation, { items, total: all.length }, page.limit, `data["${ip}"].threatIntel.lists.${relation}`);
  }

  // -------------------------------------------------------------------------------------------

  #latency(o: RequestOptions): Promise<void> {
    return wait(this.#options.latencyMs ?? 0, o?.signal ?? new AbortController().signal);
  }

  #prepare(ip: string): Prepared {
    const canonical = requireIp(ip).canonical;
    let p = this.#prepared.get(canonical);
    if (p) return p;
    const raw = this.#data.get(canonical) ?? {};
    const label = `data["${canonical}"]`;
    const details = readIpDetails({ reverseDns: [], ...raw.details, ip: canonical }, `${label}.details`);
    // Rows read as given are the host's own objects: one copy of a large list in memory, not two.
    const alerts = (raw.alerts ?? []).map((a, i) => unchangedOr(readAlert(a, `${label}.alerts[${i}]`), a));
    const devices = (raw.devices ?? []).map((d, i) => unchangedOr(readDevice(d, `${label}.devices[${i}]`), d));
    p = { details, alerts, alertSource: listSource(alerts), devices, deviceSource: listSource(devices), raw };
    this.#prepared.set(canonical, p);
    return p;
  }
}

export { applyPatch };
