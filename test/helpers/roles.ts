/**
 * Find elements as a user (or a screen reader) does: by role and accessible name, by label, by
 * part. Tests that select this way keep passing when an element's internal class names change,
 * and fail when what users rely on (roles, names, labels) breaks.
 */

/** Selectors for each role: the explicit `role` attribute and the elements that have it implicitly. */
const IMPLICIT: Record<string, string> = {
  button: 'button, [role="button"], input[type="button"], input[type="submit"]',
  link: 'a[href], [role="link"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  radio: 'input[type="radio"], [role="radio"]',
  textbox: 'input:not([type]), input[type="text"], input[type="search"], input[type="date"], textarea, [role="textbox"]',
  searchbox: 'input[type="search"], [role="searchbox"]',
  combobox: 'select, [role="combobox"]',
  dialog: 'dialog, [role="dialog"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  list: 'ul, ol, [role="list"]',
  listitem: 'li, [role="listitem"]',
  table: 'table, [role="table"]',
  region: 'section[aria-label], section[aria-labelledby], [role="region"]',
  row: 'tr, [role="row"]',
  columnheader: 'th[scope="col"], [role="columnheader"]',
  rowheader: 'th[scope="row"], [role="rowheader"]',
  form: 'form[aria-label], form[aria-labelledby], [role="form"]',
  group: 'fieldset, [role="group"]',
};

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The accessible name, as far as tests need it: aria-label, aria-labelledby, a label, the content. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const root = el.getRootNode() as Document | ShadowRoot;
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(/\s+/).map((id) => text(root.getElementById(id))).join(' ').trim();
  if (el instanceof HTMLFieldSetElement) {
    const legend = el.querySelector(':scope > legend');
    if (legend) return text(legend);
  }
  if (el.id) {
    const forLabel = root.querySelector?.(`label[for="${CSS.escape(el.id)}"]`);
    if (forLabel) return text(forLabel);
  }
  const wrapping = el.closest('label');
  if (wrapping) return text(wrapping);
  if (el instanceof HTMLInputElement && (el.type === 'button' || el.type === 'submit')) return el.value;
  return text(el);
}

type Name = string | RegExp;
const matches = (name: string, wanted: Name) => (typeof wanted === 'string' ? name === wanted : wanted.test(name));

/** Every element of `role` under `root` (not through shadow roots), optionally with the accessible name `name`. */
export function allByRole<T extends HTMLElement = HTMLElement>(root: ParentNode, role: string, name?: Name): T[] {
  const selector = IMPLICIT[role] ?? `[role="${role}"]`;
  const found = [...root.querySelectorAll<T>(selector)].filter((el) => !IMPLICIT[role] || el.getAttribute('role') === null || el.getAttribute('role') === role);
  return name === undefined ? found : found.filter((el) => matches(accessibleName(el), name));
}

/** The first element of `role` (with `name`), or throws saying what was there. */
export function byRole<T extends HTMLElement = HTMLElement>(root: ParentNode, role: string, name?: Name): T {
  const found = allByRole<T>(root, role, name)[0];
  if (!found) {
    const names = allByRole(root, role).map((el) => JSON.stringify(accessibleName(el)));
    throw new Error(`no ${role}${name === undefined ? '' : ` named ${String(name)}`}; found ${names.length ? names.join(', ') : 'none'}`);
  }
  return found;
}

/** Like `byRole`, but `null` when there is none. */
export function queryByRole<T extends HTMLElement = HTMLElement>(root: ParentNode, role: string, name?: Name): T | null {
  return allByRole<T>(root, role, name)[0] ?? null;
}

/** The form control labelled `label` (a `<label for>`, a wrapping label or aria-label). */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: Name): T {
  const controls = [...root.querySelectorAll<T>('input, select, textarea, [role="textbox"], [role="combobox"], [role="checkbox"], [role="radio"]')];
  const found = controls.find((el) => matches(accessibleName(el), label));
  if (!found) throw new Error(`no control labelled ${String(label)}; found ${controls.map((el) => JSON.stringify(accessibleName(el))).join(', ')}`);
  return found;
}

/** Elements exposed as `part` (the styling API hosts rely on). */
export function allByPart<T extends HTMLElement = HTMLElement>(root: ParentNode, part: string): T[] {
  return [...root.querySelectorAll<T>(`[part~="${part}"]`)];
}

export function byPart<T extends HTMLElement = HTMLElement>(root: ParentNode, part: string): T {
  const found = allByPart<T>(root, part)[0];
  if (!found) throw new Error(`no part ${part}`);
  return found;
}

/** Grid rows with data (not the header, not a row still loading). */
export function dataRows(root: ParentNode): HTMLElement[] {
  return allByRole(root, 'row').filter((r) => r.getAttribute('aria-rowindex') !== '1' && r.querySelector('[role="columnheader"]') === null && r.getAttribute('aria-busy') !== 'true');
}

/** The row at 1-based `aria-rowindex` (the header is 1). */
export function rowAt(root: ParentNode, rowIndex: number): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${rowIndex}"]`);
}

/** The cells of a row (grid or table cells, column or row headers), in order. */
export function cells(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(':scope > [role="gridcell"], :scope > [role="columnheader"], :scope > [role="cell"], :scope > [role="rowheader"], :scope > td, :scope > th')];
}

/** The overview's severity card for `severity` (`High`, `Medium`…), anywhere under `root` (through shadow roots). */
export function severityCard(root: Node, severity: string): HTMLButtonElement | undefined {
  const found: HTMLButtonElement[] = [];
  const walk = (n: Node) => {
    if (n instanceof Element) {
      if (n.matches('[part~="severity-card"]')) found.push(n as HTMLButtonElement);
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    n.childNodes.forEach(walk);
  };
  walk(root);
  return found.find((c) => accessibleName(c).startsWith(severity));
}
