import { waitUntil } from '@open-wc/testing';

/** Element check that also works for nodes of another window (an iframe). */
function isElement(n: Node): n is Element {
  return n.nodeType === Node.ELEMENT_NODE;
}

/** All text a user could read, through open shadow roots (script/style excluded). */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      parts.push(n.textContent ?? '');
      return;
    }
    if (isElement(n)) {
      if (n.tagName === 'SCRIPT' || n.tagName === 'STYLE' || n.hasAttribute('hidden')) return;
      // Element boundaries separate words; text nodes of one element (Lit splits them) do not,
      // nor does <bdi>, which only isolates a value's direction inside its sentence.
      if (n.tagName === 'BDI') {
        n.childNodes.forEach(walk);
        return;
      }
      parts.push(' ');
      if (n.shadowRoot) walk(n.shadowRoot);
      if (n.tagName === 'SLOT') {
        const assigned = (n as HTMLSlotElement).assignedNodes();
        if (assigned.length) {
          assigned.forEach(walk);
          return;
        }
      }
    }
    n.childNodes.forEach(walk);
    if (isElement(n)) parts.push(' ');
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ');
}

/** First element matching `selector` anywhere under `root`, through open shadow roots. */
export function deepQuery<T extends Element = HTMLElement>(root: Node, selector: string): T | null {
  return deepQueryAll<T>(root, selector)[0] ?? null;
}

export function deepQueryAll<T extends Element = HTMLElement>(root: Node, selector: string): T[] {
  const out: T[] = [];
  const walk = (n: Node) => {
    if (isElement(n)) {
      if (n.matches(selector)) out.push(n as T);
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

export async function waitForText(root: Node, text: string | RegExp, message?: string, timeout = 4000): Promise<void> {
  await waitUntil(
    () => (typeof text === 'string' ? deepText(root).includes(text) : text.test(deepText(root))),
    message ?? `text ${String(text)} did not appear; got: ${deepText(root).slice(0, 400)}`,
    { timeout },
  );
}

/** Let pending promises and Lit updates settle. */
export async function settle(ms = 0): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** The element that really has focus, through open shadow roots. */
export function deepActive(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}
