/**
 * The WAI-ARIA menu button pattern as a controller: the button opens the menu (click, or
 * ArrowDown / ArrowUp to land on the first / last item); in the menu, arrows move and wrap,
 * Home / End jump, Space activates, Escape closes and returns to the button, Tab closes and moves
 * on, and focus leaving the menu closes it. Disabled items (`aria-disabled="true"`) can be focused
 * (so their reason can be read) but are skipped when the menu opens.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface MenuButtonOptions {
  /** The menu button. */
  button: () => HTMLElement | null | undefined;
  /** The `role="menu"` element. */
  menu: () => HTMLElement | null | undefined;
}

export class MenuButtonController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: MenuButtonOptions;
  #open = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MenuButtonOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  get open(): boolean {
    return this.#open;
  }

  /** Open (focusing the first or last usable item) or close. */
  toggle(open = !this.#open, focus: 'first' | 'last' = 'first'): void {
    if (open === this.#open) return;
    this.#open = open;
    this.#host.requestUpdate();
    if (!open) return;
    void this.#host.updateComplete.then(() => {
      const items = this.#items().filter((i) => i.getAttribute('aria-disabled') !== 'true');
      (focus === 'first' ? items[0] : items.at(-1))?.focus();
    });
  }

  close(): void {
    this.toggle(false);
  }

  #items(): HTMLElement[] {
    return [...(this.#options.menu()?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  readonly onButtonClick = (): void => this.toggle();

  readonly onButtonKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    this.toggle(true, e.key === 'ArrowDown' ? 'first' : 'last');
  };

  readonly onMenuKeydown = (e: KeyboardEvent): void => {
    const items = this.#items();
    const i = items.indexOf(this.#host.shadowRoot?.activeElement as HTMLElement);
    const focus = (n: number) => items[(n + items.length) % items.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        focus(i + 1);
        break;
      case 'ArrowUp':
        focus(i - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(items.length - 1);
        break;
      case 'Escape':
        this.close();
        this.#options.button()?.focus();
        break;
      case 'Tab':
        this.close();
        return;
      case ' ':
        items[i]?.click();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  /** Bind to `focusout` of the element holding both button and menu. */
  readonly onFocusOut = (e: FocusEvent): void => {
    const to = e.relatedTarget as Node | null;
    if (!to || !(e.currentTarget as HTMLElement).contains(to)) this.close();
  };
}
