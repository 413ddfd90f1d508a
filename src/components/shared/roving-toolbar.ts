/**
 * The WAI-ARIA toolbar pattern's roving tab stop: a toolbar is one Tab stop; Left/Right (mirrored
 * right to left) move between its items, Home/End to the first and last; the item last focused
 * is the one Tab comes back to. Items are found by a selector each time (menus add and remove
 * them); disabled ones are skipped. Keys pressed inside an item's open popup are the popup's.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class RovingToolbarController implements ReactiveController {
  readonly #root: () => ParentNode | null | undefined;
  readonly #selector: string;
  #active = 0;

  constructor(host: ReactiveControllerHost, root: () => ParentNode | null | undefined, selector: string) {
    this.#root = root;
    this.#selector = selector;
    host.addController(this);
  }

  #items(): HTMLElement[] {
    const root = this.#root();
    return root ? [...root.querySelectorAll<HTMLElement>(this.#selector)].filter((el) => !(el as HTMLButtonElement).disabled) : [];
  }

  hostUpdated(): void {
    this.#sync(this.#items());
  }

  #sync(items: HTMLElement[]) {
    if (!items.length) return;
    this.#active = Math.min(this.#active, items.length - 1);
    items.forEach((el, i) => (el.tabIndex = i === this.#active ? 0 : -1));
  }

  readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const items = this.#items();
    const current = items.indexOf(e.composedPath()[0] as HTMLElement);
    if (current < 0) return;
    const rtl = getComputedStyle(items[current]!).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const n = items.length;
    const next = e.key === forward ? (current + 1) % n : e.key === back ? (current - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.#active = next;
    this.#sync(items);
    items[next]!.focus();
  };

  /** A click or a host's focus() on an item makes it the tab stop. */
  readonly onFocusin = (e: FocusEvent): void => {
    const items = this.#items();
    const i = items.indexOf(e.composedPath()[0] as HTMLElement);
    if (i < 0 || i === this.#active) return;
    this.#active = i;
    this.#sync(items);
  };
}
