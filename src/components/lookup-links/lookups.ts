/**
 * Outside reputation services an analyst asks for a second opinion, as URL templates with `{ip}`.
 * Pure data and one function, so the hunting dialog and the lookup menu share them.
 */
import type { ParsedIp } from '../../lib/ip.js';
import { isExternalScope } from '../../lib/ip.js';
import { safeHref } from '../../lib/safe-url.js';
import { expandTemplate } from '../shared/link-templates.js';
import { IpActionRequestEvent } from '../../events/events.js';
import { msg, str } from '../shared/l10n.js';

/** One outside service: its name and its page for an IP (`{ip}` is replaced, URL-encoded). */
export interface LookupService {
  /** What the analyst reads in the menu, e.g. `VirusTotal`. */
  name: string;
  /** The service's page for an IP: an absolute http(s) URL, or one on the portal's own origin, with `{ip}`. */
  href: string;
}

/** The services offered unless the host sets its own: each one's public page for an IP. */
export const DEFAULT_LOOKUPS: readonly LookupService[] = Object.freeze([
  { name: 'VirusTotal', href: 'https://www.virustotal.com/gui/ip-address/{ip}' },
  { name: 'AbuseIPDB', href: 'https://www.abuseipdb.com/check/{ip}' },
  { name: 'Shodan', href: 'https://www.shodan.io/host/{ip}' },
  { name: 'GreyNoise', href: 'https://viz.greynoise.io/ip/{ip}' },
  { name: 'Cisco Talos', href: 'https://talosintelligence.com/reputation_center/lookup?search={ip}' },
  { name: 'URLhaus', href: 'https://urlhaus.abuse.ch/browse.php?search={ip}' },
]);

/** A service with its link for this IP. */
export interface LookupLink {
  /** The service's name. */
  name: string;
  /** Its page for this IP (the IP URL-encoded). */
  href: string;
}

/**
 * The links for `ip`, or none for an address that must not leave the organization (private,
 * loopback, link-local, carrier-grade NAT, multicast, reserved, unspecified, or an IPv6 address
 * carrying such an IPv4 one). A template that does not make an http(s) link (a `javascript:` one,
 * say; a relative one stays on the portal's own origin, for its own lookup page) and a service
 * without a name are left out.
 */
export function lookupLinks(ip: ParsedIp | undefined, services: readonly LookupService[]): LookupLink[] {
  if (!ip || !isExternalScope(ip.scope)) return [];
  const out: LookupLink[] = [];
  for (const s of Array.isArray(services) ? services : []) {
    const name = typeof s?.name === 'string' ? s.name.trim() : '';
    const template = typeof s?.href === 'string' ? s.href.trim() : '';
    if (!name || !template) continue;
    const href = safeHref(expandTemplate(template, { ip: ip.canonical }));
    if (href) out.push({ name, href });
  }
  return out;
}

/**
 * A click on a service's link (`target="_blank"`): fires the cancelable `ip-action-request`
 * (`action: 'look-up'`, with the `href`) from `host`. Unheld and allowed, the link opens its tab
 * itself (no pop-up blocker stands in the way); held with `waitUntil`, the tab opens once the
 * host allows it. Resolves with the refusal to show when the host said no.
 */
export async function openLookup(host: EventTarget, e: MouseEvent, ip: string, link: LookupLink): Promise<string | undefined> {
  const request = new IpActionRequestEvent({ action: 'look-up', ip, href: link.href });
  host.dispatchEvent(request);
  if (!request.defaultPrevented && !request.waiting) return undefined;
  e.preventDefault();
  if (await request.allowed()) {
    window.open(link.href, '_blank', 'noopener,noreferrer');
    return undefined;
  }
  return msg(str`Not opened: ${request.reason || msg('the portal did not allow this action.')}`);
}
