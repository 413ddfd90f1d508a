/**
 * Deep links into the Defender portal: devices, alerts, incidents, advanced hunting with a query,
 * the Cloud Apps activity log and IP ranges, each with the tenant when the host names it.
 */
import type { QueryLanguage } from '../../data/model.js';
import type { LinkResolver } from '../../data/provider.js';
import { base64Url, gzipStored, utf16le } from '../../lib/gzip.js';
import { pathSegment } from '../../lib/safe-url.js';

/** A link with `id` as a path segment, or none for an id that would climb the path (`..`). */
function withSegment(id: string, link: (segment: string) => string): string | undefined {
  const segment = pathSegment(id);
  return segment === undefined ? undefined : link(segment);
}

/** Deep links into the Defender portal at `portal`. */
export function portalLinks(portal: string, tenantId: string | undefined): LinkResolver {
  const tid = tenantId ? `tid=${encodeURIComponent(tenantId)}` : '';
  const withTid = (path: string) => `${portal}${path}${tid ? `${path.includes('?') ? '&' : '?'}${tid}` : ''}`;
  return {
    device: (id) => withSegment(id, (s) => withTid(`/machines/v2/${s}/overview`)),
    alert: (id) => withSegment(id, (s) => withTid(`/alerts/${s}`)),
    incident: (id) => withSegment(id, (s) => withTid(`/incidents/${s}/overview`)),
    hunting: (query: string, language: QueryLanguage) =>
      // The portal's own links carry the query as base64url of gzip of UTF-16LE text (decoded from
      // links the portal made; UTF-8 opens garbled in its editor).
      language === 'kql-defender' ? withTid(`/v2/advanced-hunting?query=${base64Url(gzipStored(utf16le(query)))}&timeRangeId=month`) : undefined,
    activityLog: () => withTid('/cloudapps/activity-log'),
    cloudAppSettings: () => withTid('/cloudapps/settings?tabid=ipRanges'),
  };
}

