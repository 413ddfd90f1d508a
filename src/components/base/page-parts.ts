/**
 * The parts each section forwards inside `<ip-entity-page>`, under its prefix, so a host styles
 * them from outside the page: `ip-entity-page::part(overview-severity-card)`, `::part(alerts-row)`.
 * Each section's registration module names its parts here, and the section sets its own
 * `exportparts` when it finds itself in the page: the page's first paint carries no section's
 * list but its own. A test compares each list with the section's `@csspart`s in
 * custom-elements.json, so a part added to a section and not forwarded fails it.
 */
const table = new Map<unknown, { prefix: string; parts: readonly string[] }>();

/** Name the parts instances of `element` forward inside the page, as `<part>:<prefix>-<part>`. */
export function forwardInPage(element: abstract new () => HTMLElement, prefix: string, parts: readonly string[]): void {
  table.set(element, { prefix, parts });
}

/** What `forwardInPage` named, by element class (for the test against the manifest). */
export function pageParts(): ReadonlyMap<unknown, { prefix: string; parts: readonly string[] }> {
  return table;
}

/** The `exportparts` value for `element` inside the page: its class's, or the nearest ancestor class's. */
export function exportPartsOf(element: HTMLElement): string | undefined {
  for (let c: unknown = element.constructor; c; c = Object.getPrototypeOf(c)) {
    const entry = table.get(c);
    if (entry) return entry.parts.map((p) => `${p}:${entry.prefix}-${p}`).join(', ');
  }
  return undefined;
}
