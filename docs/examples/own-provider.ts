// A provider over your own backend: the README's "Your own provider", character for character
// (scripts/consumer-apps.mjs compares them). It honours the whole query: the packed package is
// installed into a scratch app that uses this file as is, and a browser checks that filters, an
// incident's alerts and paging show the right rows (scripts/consumer-apps.mjs, in CI).
import { IpDataError, queryAlerts, queryDevices, type AlertItem, type IpDataProvider, type ObservedDevice, type RequestOptions, type TimeRange } from 'ip-entity-page';

const range = (r: TimeRange | undefined) => (r ? `from=${r.from.toISOString()}&to=${r.to.toISOString()}` : '');

async function get<T>(url: string, { signal }: RequestOptions): Promise<T> {
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (res.status === 403) throw new IpDataError('forbidden', 'You cannot see this IP in the SIEM.', { status: 403 });
  if (res.status === 429) throw new IpDataError('rate-limited', 'The SIEM is busy; try again in a minute.', { status: 429 });
  if (!res.ok) throw new IpDataError('unavailable', `The SIEM answered HTTP ${res.status}.`, { status: res.status });
  return res.json() as Promise<T>;
}

export function siemProvider(siem: string): IpDataProvider {
  const at = (ip: string) => `${siem}/ip/${encodeURIComponent(ip)}`;
  return {
    getIpDetails: (ip, o) => get(`${at(ip)}/enrichment`, o),
    getSecuritySummary: (ip, r, o) => get(`${at(ip)}/summary?${range(r)}`, o),
    getLogActivity: (ip, r, o) => get(`${at(ip)}/logs?${range(r)}`, o),
    getPrevalence: (ip, r, o) => get(`${at(ip)}/prevalence?${range(r)}`, o),
    // The SIEM answers every alert / device of the IP in the range; the library's own engine
    // filters, sorts and pages them, so every field of the query is honoured.
    listAlerts: async (ip, query, o) => queryAlerts(await get<AlertItem[]>(`${at(ip)}/alerts?${range(query.range)}`, o), query),
    listObservedDevices: async (ip, query, o) => queryDevices(await get<ObservedDevice[]>(`${at(ip)}/devices?${range(query.range)}`, o), query),
    links: { device: (id) => `/devices/${encodeURIComponent(id)}` },
  };
}
