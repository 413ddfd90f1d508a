/**
 * Context keys through which `<ip-entity-page>` gives every section the provider, the IP and
 * the time range. Each section also has its own properties, which win over the context, so it
 * works alone.
 */
import { createContext } from '@lit/context';
import type { IpDataProvider } from './provider.js';
import type { RangeKey, TimeRange } from '../lib/time-range.js';
import type { ParsedIp } from '../lib/ip.js';
import type { IpDetails, LogActivity, Prevalence, SecuritySummary } from './model.js';

export const providerContext = createContext<IpDataProvider | undefined>(Symbol.for('ip-entity-page/provider'));

/** The page's IP, parsed; undefined while the page has no valid IP. */
export const ipContext = createContext<ParsedIp | undefined>(Symbol.for('ip-entity-page/ip'));

/** The page's time range: the preset (if any) and the concrete window. */
export interface RangeContextValue {
  key?: RangeKey;
  range: TimeRange;
}
export const rangeContext = createContext<RangeContextValue | undefined>(Symbol.for('ip-entity-page/range'));

/** What the page's sections have loaded, kept for actions that summarize it (Copy summary). */
export interface LoadedValues {
  details: IpDetails;
  summary: SecuritySummary;
  logActivity: LogActivity;
  prevalence: Prevalence;
}

/**
 * The latest value of each kind the sections loaded, with the IP and range it is for, so a
 * reader never mixes another IP's or range's data in. Holds one value per kind, not a data set.
 */
export class LoadedData {
  #values = new Map<keyof LoadedValues, { key: string; value: unknown }>();

  static #key(ip: string, range?: TimeRange): string {
    return range ? `${ip}|${range.from.getTime()}|${range.to.getTime()}` : ip;
  }

  /** Remember a value; `range` is absent for values that do not depend on it (details). */
  set<K extends keyof LoadedValues>(kind: K, ip: string, range: TimeRange | undefined, value: LoadedValues[K]): void {
    this.#values.set(kind, { key: LoadedData.#key(ip, range), value });
  }

  /** The value for exactly this IP (and range), if loaded. */
  get<K extends keyof LoadedValues>(kind: K, ip: string, range?: TimeRange): LoadedValues[K] | undefined {
    const entry = this.#values.get(kind);
    return entry && entry.key === LoadedData.#key(ip, range) ? (entry.value as LoadedValues[K]) : undefined;
  }
}

export const loadedDataContext = createContext<LoadedData | undefined>(Symbol.for('ip-entity-page/loaded'));
