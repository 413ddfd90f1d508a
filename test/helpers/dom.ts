import { waitUntil as openWcWaitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { whenPainted } from '../../src/lib/after-paint.js';

/**
 * Waits until `predicate` holds, checking every 50 ms, for up to 5 s unless `options.timeout` says
 * otherwise. @open-wc/testing's own waitUntil gives up after 1 s, which a lazy chunk, a locale or a
 * mocked round trip can need on a cold first run of three test files at once on two cores: a wait
 * for something that does happen returns as soon as it does, so only a failing test waits longer.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { interval: 50, timeout: 5000, ...options });
}

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

export async function waitForText(root: Node, text: string | RegExp, message?: string, timeout = 5000): Promise<void> {
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

/**
 * The element as the next paint shows it: a frame passes (a loading state is drawn from the frame
 * after its request, ui.ts `showsLoading`) and the update it asked for is done.
 */
export async function painted(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await el.updateComplete;
}

/**
 * The element once the work it left for after its first paint is done (a list's overscan rows,
 * the alerts grid's cells past the view): the same after-paint step, then the update it asked for.
 */
export async function afterFirstPaint(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await whenPainted();
  await el.updateComplete;
}

/** The element that really has focus, through open shadow roots. */
export function deepActive(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/**
 * Types `text` into the focused field as the browser's editing does: all but the last character
 * arrive as one `insertText` edit (the `beforeinput` and `input` events a paste or an IME sends),
 * the last as a real key press. A field's handling of what is typed is what a form test checks;
 * a key event per character is a round trip to the browser each, which on a busy machine running
 * three test files at once took a 80-character form past the test's timeout. Tests of keyboard
 * use itself (keyboard-flows.test.ts) press every key.
 */
export async function typeText(text: string): Promise<void> {
  if (text.length > 1) document.execCommand('insertText', false, text.slice(0, -1));
  if (text.length > 0) await sendKeys({ type: text.slice(-1) });
}
