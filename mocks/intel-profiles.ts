/**
 * Graph's intel profiles as its v1.0 reference has them (security-threatintelligence-list-
 * intelprofiles.md, security-intelligenceprofile-list-indicators.md): the tenant's profiles, paged
 * by the service (`@odata.nextLink`, `$top`/`$skip`), each with its indicators, an artifact per
 * indicator (`#microsoft.graph.security.ipAddress` with the address as id, or a host name). The
 * profiles the C2 demo IPs name list those IPs among their indicators.
 */
import { http, HttpResponse } from 'msw';
import { DEMO_IPS } from './generator/profiles.js';
import { INTEL_PROFILES } from './generator/threat-intel.js';
import { datasetFor } from './generator/dataset.js';

/** What the service returns per page (Graph pages a collection itself). */
const PAGE = 3;

export function intelProfileHandlers(graph: string, now: number, deny: (request: Request, section: string) => Response | undefined) {
  /** The demo IPs whose threat intelligence names the profile: its IP indicators. */
  const ipsOf = (id: string) => DEMO_IPS.map((d) => datasetFor(d.ip, now)).filter((d) => d.threatIntel().lists.profiles.some((p) => p.id === id));
  const pageOf = (request: Request, items: unknown[]) => {
    const url = new URL(request.url);
    const skip = Math.max(0, Number(url.searchParams.get('$skip') ?? 0) || 0);
    const top = Math.min(PAGE, Math.max(1, Number(url.searchParams.get('$top') ?? PAGE) || PAGE));
    const value = items.slice(skip, skip + top);
    if (skip + top < items.length) {
      url.searchParams.set('$skip', String(skip + top));
      return HttpResponse.json({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata', '@odata.nextLink': url.href, value });
    }
    return HttpResponse.json({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata', value });
  };
  return [
    http.get(`${graph}/security/threatIntelligence/intelProfiles`, ({ request }) => {
      const denied = deny(request, 'ti-profiles');
      if (denied) return denied;
      return pageOf(request, INTEL_PROFILES.map((p) => ({
        '@odata.type': '#microsoft.graph.security.intelligenceProfile',
        id: p.id,
        kind: p.kind,
        title: p.name,
        firstActiveDateTime: '2022-03-01T00:00:00Z',
        aliases: p.aliases ?? [],
        targets: ['Financial services'],
        countriesOrRegionsOfOrigin: [],
        summary: { '@odata.type': 'microsoft.graph.security.formattedContent', content: p.summary ?? '', format: 'text' },
        description: { '@odata.type': 'microsoft.graph.security.formattedContent', content: `## Snapshot\r\n${p.summary ?? ''}`, format: 'markdown' },
        tradecraft: { '@odata.type': 'microsoft.graph.security.formattedContent', content: '', format: 'markdown' },
      })));
    }),
    http.get(`${graph}/security/threatIntelligence/intelProfiles/:id/indicators`, ({ request, params }) => {
      const denied = deny(request, 'ti-profile-indicators');
      if (denied) return denied;
      const id = String(params['id']);
      if (!INTEL_PROFILES.some((p) => p.id === id)) return HttpResponse.json({ error: { code: 'NotFound', message: `Intel profile ${id} was not found.` } }, { status: 404 });
      const ips = ipsOf(id).map((d) => {
        const p = d.threatIntel().lists.profiles.find((x) => x.id === id)!;
        return { '@odata.type': '#microsoft.graph.security.intelligenceProfileIndicator', id: `${id.slice(0, 8)}-${d.seed.toString(16)}`, source: 'microsoft', firstSeenDateTime: p.firstSeen ?? null, lastSeenDateTime: p.lastSeen ?? null, artifact: { '@odata.type': '#microsoft.graph.security.ipAddress', id: d.ip.canonical } };
      });
      const hosts = [1, 2].map((k) => ({ '@odata.type': '#microsoft.graph.security.intelligenceProfileIndicator', id: `${id.slice(0, 8)}-h${k}`, source: 'microsoft', firstSeenDateTime: '2026-01-02T23:09:20.000Z', lastSeenDateTime: null, artifact: { '@odata.type': '#microsoft.graph.security.hostname', id: `cdn${k}-${id.slice(0, 6)}.example` } }));
      return pageOf(request, [...hosts, ...ips]);
    }),
  ];
}
