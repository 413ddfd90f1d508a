/**
 * One provider made of several: each method comes from the first provider that has it. A SOC
 * with Defender XDR and Sentinel writes `combineProviders(defender, sentinel)` and gets every
 * tab: the overview, alerts and devices from Defender, the Sentinel tab from Sentinel.
 */
import type { IpDataProvider, ProviderCapabilities, RequestOptions } from '../data/provider.js';
import { resolveCapabilities } from '../data/provider.js';

const METHODS = [
  'getIpDetails',
  'getSecuritySummary',
  'getLogActivity',
  'getPrevalence',
  'listAlerts',
  'listObservedDevices',
  'listDeviceEvents',
  'updateAlerts',
  'addIndicator',
  'listDeviceGroups',
  'huntingQuery',
  'getTimeline',
  'getInsights',
  'getInsight',
  'getThreatIntel',
  'listThreatIntel',
] as const;
type Method = (typeof METHODS)[number];

/** The capability each optional method stands behind. */
const CAPABILITY_OF: Partial<Record<Method, keyof Omit<ProviderCapabilities, 'indicatorActions' | 'indicatorCategory' | 'maxLookbackDays'>>> = {
  updateAlerts: 'updateAlerts',
  addIndicator: 'addIndicator',
  listDeviceGroups: 'deviceGroups',
  listDeviceEvents: 'deviceEvents',
  getTimeline: 'timeline',
  getInsights: 'insights',
  getThreatIntel: 'threatIntel',
};

const LINKS = ['device', 'alert', 'incident', 'hunting', 'activityLog', 'cloudAppSettings'] as const;

export function combineProviders(...providers: IpDataProvider[]): IpDataProvider {
  const list = providers.filter((p): p is IpDataProvider => Boolean(p && typeof p === 'object'));
  if (!list.length) throw new TypeError('combineProviders needs at least one provider.');
  const owner = (m: Method) => list.find((p) => typeof (p as unknown as Record<string, unknown>)[m] === 'function');
  const combined: Record<string, unknown> = {};
  for (const m of METHODS) {
    const p = owner(m);
    if (p) combined[m] = (...args: unknown[]) => (p as unknown as Record<string, (...a: unknown[]) => unknown>)[m]!.apply(p, args);
  }
  // A link from the first provider that gives one (Defender links hunting in Defender's KQL,
  // Sentinel in Sentinel's): each resolver may answer undefined for what it does not link.
  const links: Record<string, unknown> = {};
  for (const l of LINKS) {
    const resolvers = list.map((x) => x.links as unknown as Record<string, (...a: unknown[]) => unknown> | undefined).filter((r) => typeof r?.[l] === 'function');
    if (!resolvers.length) continue;
    links[l] = (...args: unknown[]) => {
      for (const r of resolvers) {
        const href = r![l]!.apply(r, args);
        if (href !== undefined) return href;
      }
      return undefined;
    };
  }
  combined['links'] = links;
  // Each capability from the provider that has its method; the look-back is the shortest any
  // provider that serves a section keeps (a range must be served by every section).
  combined['getCapabilities'] = async (o: RequestOptions): Promise<Partial<ProviderCapabilities>> => {
    const all = await Promise.all(list.map((p) => resolveCapabilities(p, o).catch(() => undefined)));
    const caps: Partial<ProviderCapabilities> = {};
    for (const [m, cap] of Object.entries(CAPABILITY_OF) as Array<[Method, keyof ProviderCapabilities]>) {
      const i = list.indexOf(owner(m)!);
      (caps as Record<string, unknown>)[cap] = i >= 0 ? Boolean(all[i]?.[cap]) : false;
    }
    const indicators = owner('addIndicator');
    if (indicators) {
      caps.indicatorActions = all[list.indexOf(indicators)]?.indicatorActions;
      caps.indicatorCategory = all[list.indexOf(indicators)]?.indicatorCategory;
    }
    const days = all.map((c) => c?.maxLookbackDays).filter((d): d is number => typeof d === 'number');
    if (days.length) caps.maxLookbackDays = Math.min(...days);
    return caps;
  };
  return combined as unknown as IpDataProvider;
}
