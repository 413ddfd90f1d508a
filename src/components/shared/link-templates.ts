/**
 * Link templates: a host that knows its portal's URLs writes them as attributes
 * (`device-href="https://portal.example/devices/{id}"`) instead of code. Each value is
 * URL-encoded into its placeholder, so an id or a query can never break out of its place in the
 * URL, and a value of `.` or `..` (which would climb the path) makes no link; what comes out still
 * passes `safeHref` where it is used (a `javascript:` template stays text).
 */
import type { AlertFilter, LinkResolver } from '../../data/provider.js';
import { pathSegment } from '../../lib/safe-url.js';

/** The templates, by what they open, and the placeholders each may use. */
export interface LinkTemplates {
  /** `{id}` (and `{ip}`): a device page. */
  device?: string;
  /** `{id}` (the user id, else the account), `{account}`, `{ip}`: a user's page. */
  user?: string;
  /** `{id}`, `{ip}`: an alert page. */
  alert?: string;
  /** `{id}`, `{ip}`: an incident page. */
  incident?: string;
  /** `{query}`, `{language}`: advanced hunting with the query. */
  hunting?: string;
  /** `{ip}`: the Activity log filtered on the IP. */
  activityLog?: string;
  /** `{ip}`: the cloud app IP range settings. */
  cloudAppSettings?: string;
}

/**
 * `template` with each `{name}` replaced by the URL-encoded value; a placeholder with no value
 * becomes empty. Undefined when a value is `.` or `..` (see {@link pathSegment}).
 */
export function expandTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string | undefined {
  let refused = false;
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? (values[name] ?? '') : '';
    const segment = pathSegment(value);
    if (segment === undefined) refused = true;
    return segment ?? '';
  });
  return refused ? undefined : url;
}

const KINDS = ['device', 'user', 'alert', 'incident', 'hunting', 'activityLog', 'cloudAppSettings'] as const;

/**
 * A link resolver from templates, falling back to `fallback` (the provider's own links) for what
 * has no template. `ip` is the page's IP, for templates that name it beside an id or a query.
 */
export function templateLinks(templates: LinkTemplates, fallback: LinkResolver | undefined, ip: () => string | undefined): LinkResolver {
  const out: Record<string, ((a: string, b?: string) => string | undefined) | undefined> = {};
  for (const kind of KINDS) {
    const template = templates[kind]?.trim();
    const own = fallback?.[kind] as ((a: string, b?: string) => string | undefined) | undefined;
    // The first argument is an id, a query, or (for the two IP pages) the IP itself.
    const named = (a: string, b?: string) =>
      kind === 'hunting' ? { query: a, language: b, ip: ip() } : kind === 'activityLog' || kind === 'cloudAppSettings' ? { ip: a } : { id: a, account: b, ip: ip() };
    out[kind] = template ? (a, b) => expandTemplate(template, named(a, b)) : own && ((a, b) => own.call(fallback, a, b));
  }
  return out as LinkResolver;
}

/** What a shareable link to the page's view names: the host's template and the values for it. */
export interface ShareView {
  /** The page's `share-href`, with `{ip}`, `{tab}`, `{range}`, `{filter}`. */
  template: string;
  ip: string;
  tab: string;
  range?: string;
  /** The alerts list's filter; the link carries it in the `alerts-filter` attribute's form. */
  filter: AlertFilter;
}
