/**
 * A provider with other links: everything else as the provider answers it. The page uses it to put
 * a host's link templates (attributes) in front of the provider's own links.
 */
import type { IpDataProvider, LinkResolver } from '../data/provider.js';

export function withLinks(provider: IpDataProvider, links: LinkResolver): IpDataProvider {
  return new Proxy(provider, {
    get(target, prop) {
      if (prop === 'links') return links;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
