/**
 * The page's keyboard shortcuts: single keys, as analysts know them from GitHub, Gmail and the
 * Defender portal (`/` to search, `?` for help). A key acts only when it cannot mean anything
 * else: never while typing in a field (inputs, selects, text areas, editable text), never inside
 * a dialog or an open menu (they own their keys), never with Ctrl, Alt or ⌘, and never when
 * something on the way already handled it (the alerts grid's own `/` searches the list). With
 * several pages on one document, one key acts on one page.
 *
 * Scope (the page's `shortcuts` attribute): `page` listens on the whole document, as the issue's
 * analysts asked ("from anywhere on the page"); `within` only while focus is inside the element
 * (for portals with shortcuts of their own); `off` not at all.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ShortcutScope = 'page' | 'within' | 'off';

export interface ShortcutActions {
  scope(): ShortcutScope;
  /** `/`: the IP search. */
  search(): void;
  /** `r`: the time range. */
  range(): void;
  /** `?`: the help. */
  help(): void;
  /** `1`–`9`: the n-th tab (0-based); false when there is no such tab. */
  tab(index: number): boolean;
  /** A single-letter action (`i`, `h`); false when the page does not offer it. */
  action(key: string): boolean;
}

/** Keys the page answers, other than digits. */
export const ACTION_KEYS = { i: 'add-indicator', h: 'hunt' } as const;

/** Fields (editable text is checked apart) and places that own their keys (dialogs, menus). */
const OWNS_KEYS = 'input, textarea, select, [role="textbox"], [role="combobox"], dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

/** Events one page has answered, so a second page on the document leaves them alone. */
const answered = new WeakSet<Event>();

/** Whether a key event comes from somewhere the page must not take keys from. */
export function ownedElsewhere(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return true;
  for (const node of e.composedPath()) {
    if (!(node instanceof Element)) continue;
    if (node.matches(OWNS_KEYS) || (node as HTMLElement).isContentEditable) return true;
  }
  return false;
}

export class ShortcutsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #actions: ShortcutActions;

  constructor(host: ReactiveControllerHost & HTMLElement, actions: ShortcutActions) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKeydown);
  }

  readonly #onKeydown = (e: KeyboardEvent): void => {
    const scope = this.#actions.scope();
    if (scope === 'off' || answered.has(e) || ownedElsewhere(e)) return;
    const path = e.composedPath();
    const inside = path.includes(this.#host);
    if (scope === 'within' && !inside) return;
    // Keys from inside another page are that page's; a hidden page answers nothing.
    if (!inside && path.some((n) => n instanceof HTMLElement && n !== this.#host && n.localName === this.#host.localName)) return;
    if (!this.#host.checkVisibility()) return;
    if (!this.#answer(e.key)) return;
    answered.add(e);
    e.preventDefault();
  };

  #answer(key: string): boolean {
    const a = this.#actions;
    if (key === '/') a.search();
    else if (key === '?') a.help();
    else if (key === 'r') a.range();
    else if (/^[1-9]$/.test(key)) return a.tab(Number(key) - 1);
    else if (key in ACTION_KEYS) return a.action(key);
    else return false;
    return true;
  }
}

