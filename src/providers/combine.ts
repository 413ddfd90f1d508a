/**
 * One provider made of several. A SOC with Defender XDR and Sentinel writes
 * `combineProviders(defender, sentinel)` and gets every tab and each source's own depth:
 *
 * - A method over a time range comes from the first provider that has it and keeps the range
 *   (its `maxLookbackDays`): the last 30 days from Defender, 90 days from Sentinel. When none
 *   keeps the whole range, the one that keeps the most answers for what it keeps, and a list or
 *   count says so.
 * - `getIpDetails` asks every provider and combines per field: each value from the first source
 *   that has it (Defender's organization and ASN, Sentinel's city, carrier and coordinates),
 *   reverse DNS names from all. One source failing leaves the others' answer.
 * - `updateAlerts` goes to the provider that listed each alert; alerts listed by a provider that
 *   cannot change them are refused before anything is sent, with what to do instead.
 * - `listIndicators` asks every provider that lists indicators and merges them, newest first
 *   (Defender's block and allow indicators with Sentinel's threat intelligence); one source
 *   failing leaves the others' answer.
 * - Everything else (adding indicators, device groups, threat intelligence) from the first
 *   provider that has it.
 */
import type { AlertQuery, DeviceQuery, IpDataProvider, Page, ProviderCapabilities, RequestOptions, TimeRange } from '../data/provider.js';
import { resolveCapabilities } from '../data/provider.js';
import type { AlertItem, AlertPatch, Indicator, IpDetails, WhoisInfo } from '../data/model.js';
import { IpDataError, PartlyAppliedError, isAbortError } from '../data/errors.js';
import { DAY_MS } from '../lib/time-range.js';
import { CAPABILITY_OF, METHOD_NAMES, PROVIDER_METHODS, type CapabilityFlag, type MethodSpec, type ProviderMethod } from '../data/contract.js';

/** Every method but `getCapabilities`, which is combined from each provider's own. */
const METHODS = METHOD_NAMES.filter((m) => m !== 'getCapabilities');

const LINKS = ['device', 'user', 'alert', 'incident', 'hunting', 'activityLog', 'cloudAppSettings'] as const;

/**
 * How far before a source's look-back a range may start and still be the source's: the page
 * resolves "last 30 days" when it opens, and a minute later that range starts a minute before
 * what a 30-day source keeps.
 */
const LOOKBACK_SLACK_MS = DAY_MS;

/** How many listed alert ids are remembered for routing their changes (the newest). */
const ROUTE_MEMORY = 50_000;

type Fn = (...a: unknown[]) => unknown;
const method = (p: IpDataProvider, m: string) => (p as unknown as Record<string, Fn | undefined>)[m];

export function combineProviders(...providers: IpDataProvider[]): IpDataProvider {
  const list = providers.filter((p): p is IpDataProvider => Boolean(p && typeof p === 'object'));
  if (!list.length) throw new TypeError('combineProviders needs at least one provider.');
  const has = (m: ProviderMethod) => list.filter((p) => typeof method(p, m) === 'function');
  const owner = (m: ProviderMethod) => has(m)[0];
  const call = <T>(p: IpDataProvider, m: ProviderMethod, args: unknown[]) => method(p, m)!.apply(p, args) as T;

  // Each provider's look-back, read once (and again after a failure).
  let lookbacks: Promise<Array<number | undefined>> | undefined;
  // (Not under the caller's signal: an abandoned first call must not leave "keeps forever".)
  const lookback = () => {
    const o = { signal: new AbortController().signal };
    lookbacks ??= Promise.all(list.map((p) => resolveCapabilities(p, o).then((c) => c.maxLookbackDays, () => undefined)));
    return lookbacks;
  };

  /** The provider for a ranged method, and the range it is asked for. */
  async function choose(m: ProviderMethod, range: TimeRange | undefined): Promise<{ p: IpDataProvider; range: TimeRange | undefined; kept?: number }> {
    const candidates = has(m);
    if (!range || !(range.from instanceof Date)) return { p: candidates[0]!, range };
    const days = await lookback();
    const keeps = (p: IpDataProvider) => days[list.indexOf(p)];
    const earliest = (d: number) => Date.now() - d * DAY_MS;
    const covering = candidates.find((p) => {
      const d = keeps(p);
      return d === undefined || range.from.getTime() >= earliest(d) - LOOKBACK_SLACK_MS;
    });
    if (covering) return { p: covering, range };
    // None keeps all of it: the deepest answers for what it keeps.
    const deepest = candidates.reduce((a, b) => ((keeps(b) ?? 0) > (keeps(a) ?? 0) ? b : a));
    const d = keeps(deepest)!;
    const from = new Date(Math.max(range.from.getTime(), earliest(d)));
    return { p: deepest, range: { from, to: range.to > from ? range.to : from }, kept: d };
  }

  const shortNote = (days: number) => `The data source behind this keeps ${days} days: it shows the last ${days} days of the range only.`;
  const withNote = <T extends { incomplete?: string }>(value: T, kept: number | undefined): T =>
    kept === undefined || !value || typeof value !== 'object' ? value : { ...value, incomplete: [value.incomplete, shortNote(kept)].filter(Boolean).join(' ') };

  // Which provider listed which alert, so a change goes where the alert came from.
  const listedBy = new Map<string, IpDataProvider>();
  const remember = (items: readonly AlertItem[] | undefined, p: IpDataProvider) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (typeof item?.id !== 'string') continue;
      listedBy.delete(item.id);
      listedBy.set(item.id, p);
    }
    for (const id of listedBy.keys()) {
      if (listedBy.size <= ROUTE_MEMORY) break;
      listedBy.delete(id);
    }
  };

  const combined: Record<string, unknown> = {};
  for (const m of METHODS) if (owner(m)) combined[m] = (...args: unknown[]) => call(owner(m)!, m, args);

  // Methods over a range: the range is argument `at`, or the query's `range` there.
  const ranged = (m: ProviderMethod, at: number, note: boolean, inQuery = false) => {
    if (!owner(m)) return;
    combined[m] = async (...args: unknown[]) => {
      const arg = args[at];
      const range = (inQuery ? (arg as AlertQuery | DeviceQuery | undefined)?.range : arg) as TimeRange | undefined;
      const chosen = await choose(m, range);
      const next = [...args];
      if (chosen.range !== range) next[at] = inQuery ? { ...(arg as object), range: chosen.range } : chosen.range;
      const result = await call<unknown>(chosen.p, m, next);
      if (m === 'listAlerts') remember((result as Page<AlertItem> | undefined)?.items, chosen.p);
      return note ? withNote(result as { incomplete?: string }, chosen.kept) : result;
    };
  };
  for (const m of METHODS) {
    const spec: MethodSpec = PROVIDER_METHODS[m];
    if (spec.range && spec.kind === 'read') ranged(m, spec.range.arg, spec.range.says === true, spec.range.query === true);
  }

  if (has('getIpDetails').length > 1) combined['getIpDetails'] = (ip: string, o: RequestOptions) => mergedDetails(has('getIpDetails'), ip, o);
  if (has('listIndicators').length > 1) {
    // Each indicator is removed by the source that listed it (Defender's own, Sentinel's threat intelligence).
    const listedFrom = new Map<string, IpDataProvider>();
    combined['listIndicators'] = (ip: string, o: RequestOptions) => mergedIndicators(has('listIndicators'), ip, o, listedFrom);
    if (owner('removeIndicator')) combined['removeIndicator'] = (id: string, o: RequestOptions) => call(listedFrom.get(id) ?? owner('removeIndicator')!, 'removeIndicator', [id, o]);
  }

  if (owner('updateAlerts')) {
    combined['updateAlerts'] = async (ids: string[], patch: AlertPatch, o: RequestOptions): Promise<AlertItem[]> => {
      const groups = new Map<IpDataProvider, string[]>();
      for (const id of ids) {
        const p = listedBy.get(id) ?? owner('updateAlerts')!;
        groups.set(p, [...(groups.get(p) ?? []), id]);
      }
      const readOnly = [...groups].filter(([p]) => typeof p.updateAlerts !== 'function');
      if (readOnly.length) {
        const count = readOnly.reduce((n, [, g]) => n + g.length, 0);
        const days = (await lookback())[list.indexOf(owner('updateAlerts')!)];
        const hint = days === undefined ? '' : ` Choose a time range of ${days} days or less to list them from the source that can, then try again.`;
        throw new IpDataError('invalid-input', `${count === 1 ? 'One of these alerts comes' : `${count} of these alerts come`} from a data source this page cannot change alerts in: nothing was changed.${hint}`, {
          reason: { id: 'read-only-source', count, ...(days === undefined ? {} : { days }) },
        });
      }
      const updated: AlertItem[] = [];
      for (const [p, group] of groups) {
        try {
          updated.push(...(await p.updateAlerts!(group, patch, o)));
        } catch (error) {
          if (!updated.length || isAbortError(error)) throw error;
          const message = error instanceof Error ? error.message : String(error);
          throw new PartlyAppliedError(`${updated.length} of ${ids.length} were changed; the rest were not: ${message}`, updated, { cause: error, reason: { id: 'partly-changed', changed: updated.length, of: ids.length } });
        }
      }
      return updated;
    };
  }

  // A link from the first provider that gives one (Defender links hunting in Defender's KQL,
  // Sentinel in Sentinel's): each resolver may answer undefined for what it does not link. An
  // alert or incident links only where it was listed (Sentinel's incident 42 is not Defender's).
  const links: Record<string, unknown> = {};
  for (const l of LINKS) {
    const resolvers = list.map((x) => x.links as unknown as Record<string, Fn> | undefined).filter((r) => typeof r?.[l] === 'function');
    if (!resolvers.length) continue;
    links[l] = (...args: unknown[]) => {
      const lister = l === 'alert' || l === 'incident' ? listedBy.get(String(args[0])) : undefined;
      if (lister) {
        const own = lister.links as unknown as Record<string, Fn> | undefined;
        return typeof own?.[l] === 'function' ? own[l]!.apply(own, args) : undefined;
      }
      for (const r of resolvers) {
        const href = r![l]!.apply(r, args);
        if (href !== undefined) return href;
      }
      return undefined;
    };
  }
  combined['links'] = links;
  // Each capability from the provider that has its method; the look-back is the longest any
  // provider keeps (each section reaches as deep as its deepest source, and says where it stops).
  combined['getCapabilities'] = async (o: RequestOptions): Promise<Partial<ProviderCapabilities>> => {
    const all = await Promise.all(list.map((p) => resolveCapabilities(p, o).catch(() => undefined)));
    const caps: Partial<ProviderCapabilities> = {};
    for (const [m, cap] of Object.entries(CAPABILITY_OF) as Array<[ProviderMethod, CapabilityFlag]>) {
      const i = list.indexOf(owner(m)!);
      (caps as Record<string, unknown>)[cap] = i >= 0 ? Boolean(all[i]?.[cap]) : false;
    }
    const indicators = owner('addIndicator');
    if (indicators) {
      caps.indicatorActions = all[list.indexOf(indicators)]?.indicatorActions;
      caps.indicatorCategory = all[list.indexOf(indicators)]?.indicatorCategory;
    }
    const cases = owner('addToCase');
    if (cases) caps.caseKind = all[list.indexOf(cases)]?.caseKind;
    const days = all.map((c) => c?.maxLookbackDays);
    if (all.every((c) => c !== undefined) && days.every((d): d is number => typeof d === 'number')) caps.maxLookbackDays = Math.max(...days);
    return caps;
  };
  return combined as unknown as IpDataProvider;
}

const DETAIL_FIELDS = ['organization', 'isp', 'asn', 'asName', 'country', 'countryCode', 'state', 'city', 'carrier', 'latitude', 'longitude', 'postalCode'] as const;

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Every source's details, per field: the first that has a value; reverse DNS from all. */
async function mergedIndicators(sources: IpDataProvider[], ip: string, o: RequestOptions, listedFrom: Map<string, IpDataProvider>): Promise<Indicator[]> {
  const answers = await Promise.allSettled(sources.map((p) => p.listIndicators!(ip, o)));
  answers.forEach((a, i) => {
    if (a.status === 'fulfilled' && Array.isArray(a.value)) for (const x of a.value) if (typeof x?.id === 'string') listedFrom.set(x.id, sources[i]!);
  });
  const got = answers.flatMap((a) => (a.status === 'fulfilled' && Array.isArray(a.value) ? [a.value] : []));
  if (!got.length) throw (answers.find((a): a is PromiseRejectedResult => a.status === 'rejected')?.reason ?? new IpDataError('bad-response', 'No source listed the indicators.'));
  return got.flat().sort((a, b) => Date.parse(b.creationTimeDateTimeUtc) - Date.parse(a.creationTimeDateTimeUtc));
}

async function mergedDetails(sources: IpDataProvider[], ip: string, o: RequestOptions): Promise<IpDetails> {
  const answers = await Promise.allSettled(sources.map((p) => p.getIpDetails(ip, o)));
  const got = answers.flatMap((a) => (a.status === 'fulfilled' && a.value && typeof a.value === 'object' ? [a.value] : []));
  if (!got.length) throw (answers.find((a): a is PromiseRejectedResult => a.status === 'rejected')?.reason ?? new IpDataError('bad-response', 'No source answered the IP details.'));
  const out: IpDetails = { ...got[0]!, reverseDns: [] };
  const record = out as unknown as Record<string, unknown>;
  for (const field of DETAIL_FIELDS) {
    const value = got.map((d) => (d as unknown as Record<string, unknown>)[field]).find(present);
    if (value === undefined) delete record[field];
    else record[field] = value;
  }
  // Coordinates belong together: both from the source that gave the latitude.
  const located = got.find((d) => present(d.latitude) && present(d.longitude));
  if (located) Object.assign(out, { latitude: located.latitude, longitude: located.longitude });
  out.reverseDns = [...new Set(got.flatMap((d) => (Array.isArray(d.reverseDns) ? d.reverseDns : [])))];
  const whois = got.map((d) => d.whois).filter((w): w is WhoisInfo => Boolean(w && typeof w === 'object'));
  if (whois.length) {
    const merged: Record<string, unknown> = {};
    for (const w of whois) for (const [k, v] of Object.entries(w)) if (!present(merged[k]) && present(v)) merged[k] = v;
    out.whois = merged as WhoisInfo;
  } else delete out.whois;
  return out;
}

