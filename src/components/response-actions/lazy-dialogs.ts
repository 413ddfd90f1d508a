/**
 * The response bar's dialogs (Add indicator, Go hunt, Add to incident) load on first use or once
 * the page is idle after its first screen: most visits never open them, so the bar paints without
 * their code, and a shortcut pressed later finds it loaded.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Dialog = 'wizard' | 'hunt' | 'cases';

const DIALOGS: Record<Dialog, { tag: string; load: () => Promise<unknown> }> = {
  wizard: { tag: 'ip-indicator-wizard', load: () => import('../indicator-wizard/ip-indicator-wizard.js') },
  hunt: { tag: 'ip-hunt-dialog', load: () => import('../hunt-dialog/ip-hunt-dialog.js') },
  cases: { tag: 'ip-case-dialog', load: () => import('../case-dialog/ip-case-dialog.js') },
};

let preloading = false;
/** A moment after the first screen (its chart, its lists), then when the browser is idle: once per page. */
function preload(): void {
  if (preloading) return;
  preloading = true;
  const load = () => {
    for (const d of Object.values(DIALOGS)) d.load().catch(() => undefined);
  };
  setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(load, { timeout: 4_000 }) : load()), 1_500);
}

export class LazyDialogs implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #loaded = new Set<Dialog>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    preload();
  }

  /** Whether a dialog is rendered: once its code has loaded (here, or by the host: the bundle has every element). */
  has(which: Dialog): boolean {
    return this.#loaded.has(which) || customElements.get(DIALOGS[which].tag) !== undefined;
  }

  /** Load the dialog's code, render it, and show it; false when the code could not load. */
  async open(which: Dialog, returnTo: HTMLElement | null): Promise<boolean> {
    try {
      await DIALOGS[which].load();
    } catch {
      return false;
    }
    if (!this.#loaded.has(which)) {
      this.#loaded.add(which);
      this.#host.requestUpdate();
    }
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector<HTMLElement & { show(returnTo: HTMLElement | null): void }>(DIALOGS[which].tag)?.show(returnTo);
    return true;
  }
}
