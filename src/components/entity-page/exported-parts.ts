/**
 * The parts of each section inside `<ip-entity-page>`, forwarded with `exportparts` under the
 * section's prefix, so a host styles them from outside the page:
 * `ip-entity-page::part(overview-severity-card)`, `::part(alerts-row)`. A test compares each list
 * with the section's `@csspart`s in custom-elements.json, so a part added to a section and not
 * forwarded here fails it.
 */
const forward = (prefix: string, parts: readonly string[]): string => parts.map((p) => `${p}:${prefix}-${p}`).join(', ');

export const SECTION_PARTS = {
  'ip-overview': ['overview', ['base', 'notice', 'security-info', 'incomplete', 'severity-cards', 'severity-card', 'details', 'log-activity', 'logged-hosts', 'prevalence']],
  'ip-alerts-list': ['alerts', ['base', 'toolbar', 'status', 'filter-notice', 'incomplete', 'grid', 'header', 'row', 'flyout']],
  'ip-observed-devices': ['devices', ['base', 'toolbar', 'cap', 'incomplete', 'list', 'device', 'event', 'timeline-alert']],
  'ip-threat-intel': ['intel', ['reputation', 'host', 'list', 'badge']],
  'ip-sentinel-events': ['sentinel', ['timeline', 'insights', 'insight', 'incomplete', 'event', 'event-title']],
  'ip-response-actions': ['actions', ['base', 'action', 'menu', 'dialog', 'query', 'lookup-button', 'lookup-menu', 'lookup-link']],
} as const satisfies Record<string, readonly [string, readonly string[]]>;

/** The `exportparts` value of a section inside the page. */
export function exportedParts(tag: keyof typeof SECTION_PARTS): string {
  const [prefix, parts] = SECTION_PARTS[tag];
  return forward(prefix, parts);
}
