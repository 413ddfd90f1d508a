import type { IpDataProvider } from '../../src/data/provider.js';
import { IpDataError } from '../../src/data/errors.js';
import { StaticIpDataProvider, type StaticIpData } from '../../src/providers/static/static-provider.js';
import { at, makeAlert, makeDevice } from './fixtures.js';

export interface Call {
  method: string;
  args: unknown[];
  signal?: AbortSignal;
}

/** Wrap a provider so every call is recorded (method, arguments, the signal it got). */
export function recording<T extends IpDataProvider>(provider: T): { provider: T; calls: Call[] } {
  const calls: Call[] = [];
  const proxy = new Proxy(provider, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const last = args.at(-1) as { signal?: AbortSignal } | undefined;
        calls.push({ method: String(prop), args, signal: last?.signal });
        return value.apply(target, args);
      };
    },
  });
  return { provider: proxy, calls };
}

export interface PendingCall {
  method: string;
  args: unknown[];
  signal: AbortSignal;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * A provider whose every answer the test gives by hand (in any order), to test races:
 * `pending` lists the calls not answered yet.
 */
export function manualProvider(): { provider: IpDataProvider; pending: PendingCall[]; all: PendingCall[] } {
  const pending: PendingCall[] = [];
  const all: PendingCall[] = [];
  const make = (method: string) => (...args: unknown[]) =>
    new Promise((resolve, reject) => {
      const signal = (args.at(-1) as { signal: AbortSignal }).signal;
      const call: PendingCall = {
        method,
        args,
        signal,
        resolve: (v) => {
          pending.splice(pending.indexOf(call), 1);
          resolve(v);
        },
        reject: (e) => {
          pending.splice(pending.indexOf(call), 1);
          reject(e);
        },
      };
      pending.push(call);
      all.push(call);
    });
  const provider = {
    getIpDetails: make('getIpDetails'),
    getSecuritySummary: make('getSecuritySummary'),
    getLogActivity: make('getLogActivity'),
    getPrevalence: make('getPrevalence'),
    listAlerts: make('listAlerts'),
    listObservedDevices: make('listObservedDevices'),
  } as unknown as IpDataProvider;
  return { provider, pending, all };
}

/** A complete data set for one IP, with every overview field set. */
export function fullData(now = Date.now()): StaticIpData {
  const h = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
  return {
    details: {
      organization: 'Northwind Cloud Hosting B.V.',
      isp: 'Northwind Cloud',
      asn: 64496,
      asName: 'NWCLOUD-AS',
      country: 'Netherlands',
      countryCode: 'NL',
      state: 'North Holland',
      city: 'Amsterdam',
      carrier: 'Northwind Mobile',
      latitude: 52.3545,
      longitude: 4.9523,
      postalCode: '1098 XG',
      reverseDns: ['vps-203-0-113-7.nwcloud.example', 'mail.nwcloud.example'],
      whois: {
        registrar: 'RIPE NCC',
        organization: 'Northwind Cloud Hosting B.V.',
        netRange: '203.0.113.0 - 203.0.113.255',
        netName: 'NWCLOUD-NET',
        created: '2019-03-01T00:00:00Z',
        updated: '2024-06-01T00:00:00Z',
        abuseContact: 'abuse@nwcloud.example',
      },
    },
    alerts: [
      makeAlert({ id: 'inc-1', kind: 'incident', severity: 'high', status: 'inProgress', firstActivity: h(50), lastActivity: h(2) }),
      makeAlert({ id: 'al-1', severity: 'high', status: 'new', firstActivity: h(3), lastActivity: h(2), incidentId: 'inc-1' }),
      makeAlert({ id: 'al-2', severity: 'medium', status: 'new', firstActivity: h(30), lastActivity: h(29), incidentId: 'inc-1' }),
      makeAlert({ id: 'al-3', severity: 'low', status: 'resolved', firstActivity: h(40), lastActivity: h(39) }),
      makeAlert({ id: 'al-4', severity: 'informational', status: 'new', firstActivity: h(45), lastActivity: h(44) }),
    ],
    devices: [
      makeDevice({ id: 'dev-1', name: 'WS-FIN-0231', firstSeen: h(300), lastSeen: h(2) }),
      makeDevice({ id: 'dev-2', name: 'SRV-SQL-02', firstSeen: h(100), lastSeen: h(20) }),
    ],
    logActivity: {
      firstSeen: h(400),
      lastSeen: h(1),
      sources: [
        { source: 'DeviceNetworkEvents', firstSeen: h(300), lastSeen: h(2), count: 1234 },
        { source: 'CommonSecurityLog', firstSeen: h(400), lastSeen: h(1), count: 56 },
      ],
      loggedHosts: [{ id: 'host-1', name: 'SRV-APP-07', os: 'WindowsServer2022', lastHeartbeat: h(0.2) }],
    },
  };
}

export function staticProvider(data: Record<string, StaticIpData> = { '203.0.113.7': fullData() }, extra = {}) {
  return new StaticIpDataProvider({ data, ...extra });
}

export { at };

/** A provider that answers like `base` except for the methods given (private fields stay intact). */
export function withOverrides(base: IpDataProvider, overrides: Partial<Record<keyof IpDataProvider, unknown>>): IpDataProvider {
  const out: Record<string, unknown> = {};
  let proto: object | null = base;
  while (proto && proto !== Object.prototype) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (!descriptor || typeof descriptor.value !== 'function' || key === 'constructor' || key in out) continue;
      const value = (base as unknown as Record<string, unknown>)[key];
      if (typeof value === 'function') out[key] = (value as (...a: unknown[]) => unknown).bind(base);
    }
    proto = Object.getPrototypeOf(proto);
  }
  out['links'] = base.links;
  return Object.assign(out, overrides) as unknown as IpDataProvider;
}

/** What a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/** The IpDataError `promise` rejects with; anything else (a resolution, another error) fails the test. */
export async function dataError(promise: Promise<unknown>): Promise<IpDataError> {
  const error = await rejection(promise);
  if (error instanceof IpDataError) return error;
  throw error;
}
