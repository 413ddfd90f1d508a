/**
 * Context keys through which `<ip-entity-page>` gives every section the provider, the IP and
 * the time range. Each section also has its own properties, which win over the context, so it
 * works alone.
 */
import { createContext } from '@lit/context';
import type { IpDataProvider, ProviderCapabilities } from '../../data/provider.js';
import type { RangeKey, TimeRange } from '../../lib/time-range.js';
import type { ParsedIp } from '../../lib/ip.js';

export const providerContext = createContext<IpDataProvider | undefined>(Symbol.for('ip-entity-page/provider'));

/** The page's IP, parsed; undefined while the page has no valid IP. */
export const ipContext = createContext<ParsedIp | undefined>(Symbol.for('ip-entity-page/ip'));

/** The page's time range: the preset (if any) and the concrete window. */
export interface RangeContextValue {
  key?: RangeKey;
  range: TimeRange;
}
export const rangeContext = createContext<RangeContextValue | undefined>(Symbol.for('ip-entity-page/range'));

/**
 * What the page's provider can do, resolved once by the page (undefined until it answers).
 * Sections with a provider of their own resolve their own.
 */
export const capabilitiesContext = createContext<ProviderCapabilities | undefined>(Symbol.for('ip-entity-page/capabilities'));
