/**
 * A WAI-ARIA modal dialog over the native `<dialog>`, as a controller: the dialog follows the
 * host's open state (`showModal()` puts it in the top layer and makes the page behind it inert),
 * Tab wraps inside it (or inside a nested alert dialog the host names), Escape and the browser's
 * cancel ask the host to close instead of closing unasked (the host may ask "discard?" first),
 * and focus goes back where it came from.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface ModalDialogOptions {
  /** The `<dialog>` in the host's shadow root (absent while not rendered). */
  dialog: () => HTMLDialogElement | null | undefined;
  /** Whether the host wants the dialog open. */
  open: () => boolean;
  /** Escape or cancel: the host closes, or asks first. */
  requestClose: () => void;
  /** Where Tab wraps: a nested alert dialog while one shows; the dialog otherwise. */
  scope?: () => Element | null | undefined;
}

/** The element that really has focus, through open shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

export class ModalDialogController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ModalDialogOptions;
  #returnTo?: HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ModalDialogOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const dialog = this.#options.dialog();
    if (!dialog) return;
    const open = this.#options.open();
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }

  /** Where focus returns on close: `to`, else whatever has focus now (call before opening). */
  rememberFocus(to?: HTMLElement | null): void {
    this.#returnTo = to ?? deepActiveElement() ?? undefined;
  }

  /** Focus the element focus came from, when it is still on the page and visible. */
  restoreFocus(): void {
    const to = this.#returnTo;
    this.#returnTo = undefined;
    if (to?.isConnected && to.offsetParent !== null) to.focus();
  }

  /** Bind to the dialog's `keydown`. */
  readonly onKeydown = (e: KeyboardEvent): void => {
    const dialog = e.currentTarget as HTMLDialogElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.#options.requestClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const scope = this.#options.scope?.() ?? dialog;
    // `ip-copy-button` and other custom elements with their own focusable inside count too.
    const items = [...scope.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el.tagName.includes('-'));
    if (!items.length) return;
    const active = (this.#host.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && (active === first || !scope.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !scope.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  /** Bind to the dialog's `cancel` (the browser's own Escape handling). */
  readonly onCancel = (e: Event): void => {
    e.preventDefault();
    this.#options.requestClose();
  };
}
