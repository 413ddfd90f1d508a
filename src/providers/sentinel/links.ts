/**
 * The Sentinel provider's links: an incident or alert to the page Sentinel itself names for it
 * (`SecurityIncident.IncidentUrl`, `SecurityAlert.AlertLink`, remembered as rows are read), and a
 * hunting query to the workspace's Logs in the Azure portal, or to advanced hunting in the
 * Defender portal for a workspace onboarded there (the Azure portal's Sentinel is retired on
 * 31 March 2027; onboarded workspaces' tables are queried in Defender's advanced hunting).
 */
import type { LinkResolver } from '../../data/provider.js';
import type { QueryLanguage } from '../../data/model.js';
import { base64, base64Url, gzipStored, utf16le } from '../../lib/gzip.js';

export interface SentinelLinkOptions {
  subscriptionId?: string;
  resourceGroup?: string;
  workspaceName?: string;
  portalUrl?: string;
  defenderPortalUrl?: string;
  tenantId?: string;
}

/** How many incident and alert links are remembered (the newest). */
const MEMORY = 20_000;

/** Remembers the links Sentinel gives its incidents and alerts, by kind and id. */
export class ItemLinks {
  readonly #links = new Map<string, string>();

  remember(kind: 'incident' | 'alert', id: string, url: string | undefined): void {
    if (!id || !url) return;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return;
    }
    // Only a web page: a row is data, and data does not choose a `javascript:` link.
    if (parsed.protocol !== 'https:') return;
    const k = `${kind}:${id}`;
    this.#links.delete(k);
    this.#links.set(k, parsed.href);
    if (this.#links.size > MEMORY) this.#links.delete(this.#links.keys().next().value!);
  }

  get(kind: 'incident' | 'alert', id: string): string | undefined {
    return this.#links.get(`${kind}:${id}`);
  }
}

/**
 * Open a query in the workspace's Logs. The Azure portal's share links carry it as standard base64
 * (with `/`, `+` and `=`) of gzip of UTF-8, percent-encoded twice in the blade path (`%252F`), as
 * the links the portal copies and Microsoft's own docs use. The Defender portal's advanced hunting
 * takes base64url of gzip of UTF-16LE text (as its own links do).
 */
export function sentinelLinks(o: SentinelLinkOptions, items: ItemLinks): LinkResolver {
  const links: LinkResolver = {
    incident: (id: string) => items.get('incident', id),
    alert: (id: string) => items.get('alert', id),
  };
  if (o.defenderPortalUrl) {
    const portal = o.defenderPortalUrl.replace(/\/+$/, '');
    const tid = o.tenantId ? `&tid=${encodeURIComponent(o.tenantId)}` : '';
    links.hunting = (query: string, language: QueryLanguage) =>
      language === 'kql-sentinel' ? `${portal}/v2/advanced-hunting?query=${base64Url(gzipStored(utf16le(query)))}&timeRangeId=month${tid}` : undefined;
    return links;
  }
  if (!o.subscriptionId || !o.resourceGroup || !o.workspaceName) return links;
  const portal = (o.portalUrl ?? 'https://portal.azure.com').replace(/\/+$/, '');
  const resource = `/subscriptions/${o.subscriptionId}/resourceGroups/${o.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${o.workspaceName}`;
  links.hunting = (query: string, language: QueryLanguage) =>
    language === 'kql-sentinel'
      ? `${portal}/#blade/Microsoft_OperationsManagementSuite_Workspace/Logs.ReactView/resourceId/${encodeURIComponent(resource)}/source/LogsBlade.AnalyticsShareLinkToQuery/q/${encodeURIComponent(encodeURIComponent(base64(gzipStored(new TextEncoder().encode(query)))))}`
      : undefined;
  return links;
}
