/**
 * A provider with other links: everything else as the provider answers it. The page uses it to put
 * a host's link templates (attributes) in front of the provider's own links; given a function, the
 * links are read from it each time they are asked for (templates that change keep the provider).
 */
import type { IpDataProvider, LinkResolver } from '../data/provider.js';
import { answersReadAs } from './guard.js';

export function withLinks(provider: IpDataProvider, links: LinkResolver | (() => LinkResolver | undefined)): IpDataProvider {
  const linked = new Proxy(provider, {
    get(target, prop) {
      if (prop === 'links') return typeof links === 'function' ? links() : links;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  // Only the links differ: the answers are the provider's own, read already if it reads them.
  answersReadAs(linked, provider);
  return linked;
}
