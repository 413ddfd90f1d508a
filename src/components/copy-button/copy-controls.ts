/**
 * Copy buttons drawn in their host's own shadow root: the button, its "copied" confirmation (seen
 * and announced) and the manual-copy field for a denied clipboard, as `<ip-copy-button>` shows them
 * (that element is one host of these). A list with copy buttons in every row uses them directly:
 * the devices list's first screen had twenty `<ip-copy-button>`s, each an element with a shadow
 * root, its own update and a live region, about a tenth of the tab's first visit
 * (`node bench/profile.mjs page devices`: 46–48 ms a run with them, 42 with plain buttons).
 *
 * The host renders `render(value, options)` where a copy button goes and `status()` once (the live
 * region), and adds `copyButtonStyles` to its styles. Each button has a `key`, unique in its host:
 * the one that was copied, or whose field is open, is found again by it after the host re-renders.
 */
import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { msg, str } from '../shared/l10n.js';
import { checkIcon, copyIcon } from '../shared/icons.js';
import { revealControls } from '../../lib/text.js';
import { IpCopyEvent } from '../../events/events.js';
import { lazyModule } from '../../lib/lazy.js';

const fallback = lazyModule(() => import('./copy-fallback.js'));

export interface CopyButtonOptions {
  /** Accessible name, e.g. "Copy SHA-256". */
  label: string;
  /** Tells the host's copy buttons apart (a row's key and what it copies). */
  key: string;
  /** `-1`: out of the tab order (a list's rows other than the focused one); unset: as a button is. */
  tabIndex?: number;
  /** Show the label next to the icon, not only to screen readers. */
  showLabel?: boolean;
  /** Name the button and the field as CSS parts (`button`, `fallback`): the host's parts are these. */
  parts?: boolean;
}

export class CopyControls implements ReactiveController {
  readonly #host: LitElement;
  /** The button that copied, for two seconds. */
  #copied?: string;
  /** The button whose manual-copy field is open. */
  #failed?: string;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: LitElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Removed within the two seconds: back in the page, it shows no stale "copied" (otherwise nothing to do). */
  hostDisconnected(): void {
    if (this.#copied === undefined) return;
    clearTimeout(this.#timer);
    this.#copied = undefined;
    this.#host.requestUpdate();
  }

  /**
   * Copies `value` as a click on the button `key` would: confirms it, or opens that button's field
   * with the value selected. Fires `ip-copy` on the host. Resolves with whether it reached the clipboard.
   */
  async copy(value: string, key: string): Promise<boolean> {
    let ok = false;
    try {
      // No Clipboard API (an insecure page) throws here too.
      await navigator.clipboard.writeText(value);
      ok = true;
    } catch {
      // Denied: the field below.
    }
    // The field's code comes with the first refusal (a chunk that cannot load leaves the event to say so).
    if (!ok) await fallback.load().catch(() => undefined);
    this.#copied = ok ? key : undefined;
    this.#failed = ok ? undefined : key;
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new IpCopyEvent({ value, ok }));
    clearTimeout(this.#timer);
    if (ok) {
      this.#timer = setTimeout(() => {
        this.#copied = undefined;
        this.#host.requestUpdate();
      }, 2000);
    } else {
      await this.#host.updateComplete;
      fallback.value?.focusField(this.#host.renderRoot, key);
    }
    return ok;
  }

  #closeField(key: string) {
    if (this.#failed !== key) return;
    this.#failed = undefined;
    this.#host.requestUpdate();
  }

  /** The copy button for `value`, with its field when the clipboard refused it. */
  render(value: string, options: CopyButtonOptions): TemplateResult {
    const { key, parts } = options;
    // The label often names the value (`Copy evil‮gpj.exe`): its hidden characters show as marks; the value copied stays exact.
    const label = revealControls(options.label);
    const copied = this.#copied === key;
    const name = copied ? msg(str`${label}: copied`) : label;
    // One line: the markup's spaces are bytes of the first paint (its header has a copy button).
    return html`<span class="copy" data-copy-key=${key}><button type="button" part=${parts ? 'button' : nothing} class="button subtle copy-button ${copied ? 'copied' : ''}" aria-label=${name} title=${name} tabindex=${options.tabIndex ?? nothing} @click=${() => this.copy(value, key)}>${copied ? checkIcon : copyIcon}${options.showLabel ? html`<span class="copy-label">${copied ? msg('Copied') : label}</span>` : nothing}</button>${
      this.#failed === key && fallback.value ? fallback.value.fallbackField(value, label, parts, () => this.#closeField(key)) : nothing
    }</span>`;
  }

  /** The live region that says a copy reached the clipboard: once in the host. */
  status(): TemplateResult {
    return html`<span class="visually-hidden" role="status">${this.#copied !== undefined ? msg('Copied to the clipboard') : ''}</span>`;
  }
}
