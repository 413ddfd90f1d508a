import { revealControls } from '../../lib/text.js';
import { copyButtonStyles } from './copy-button.styles.js';
import { IpElement } from '../base/ip-element.js';
import { msg, str } from '../shared/l10n.js';
import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { checkIcon, copyIcon } from '../shared/icons.js';
import { IpCopyEvent } from '../../events/events.js';

/**
 * A button that copies a value to the clipboard and says so visibly and to screen readers.
 * When the Clipboard API is denied (permissions, insecure context) it shows the value selected
 * in a field with "Press Ctrl+C to copy", so the user can still copy it.
 *
 * @tag ip-copy-button
 * @fires ip-copy - After a copy attempt; `detail: { value, ok }`.
 * @csspart button - The button.
 * @csspart fallback - The field shown when the clipboard cannot be written.
 * @cssprop --ip-color-success - Colour of the "copied" confirmation.
 */
export class IpCopyButton extends IpElement {
  /** Focus goes to the button inside: the element is one Tab stop (not the host, then the button). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    tokens,
    sharedStyles,
    copyButtonStyles,
  ];

  @query('.fallback input') private fallbackInput?: HTMLInputElement;
  @state() private copied = false;
  @state() private failed = false;

  /** The text to copy. */
  @property({ type: String }) value = '';
  /** Accessible name of the button, e.g. "Copy IP address". */
  @property({ type: String }) label?: string;
  /** Show the label next to the icon, not only to screen readers. */
  @property({ type: Boolean, attribute: 'show-label' }) showLabel = false;

  #timer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  /** Copy the value now, as a click would. Resolves with whether it reached the clipboard. */
  async copy(): Promise<boolean> {
    const value = this.value;
    let ok = false;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(value);
      ok = true;
    } catch {
      ok = false;
    }
    this.copied = ok;
    this.failed = !ok;
    this.dispatchEvent(new IpCopyEvent({ value, ok }));
    clearTimeout(this.#timer);
    if (ok) this.#timer = setTimeout(() => (this.copied = false), 2000);
    else {
      await this.updateComplete;
      this.fallbackInput?.focus();
      this.fallbackInput?.select();
    }
    return ok;
  }

  #onFallbackKey(e: KeyboardEvent) {
    if (e.key === 'Escape' || e.key === 'Enter') {
      e.stopPropagation();
      this.failed = false;
      this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus();
    }
  }

  override render() {
    // The label often names the value (`Copy evil‮gpj.exe`): its hidden characters show as marks; the value copied stays exact.
    const label = revealControls(this.label ?? msg('Copy'));
    const name = this.copied ? msg(str`${label}: copied`) : label;
    return html`
      <button type="button" part="button" class="button subtle ${this.copied ? 'copied' : ''}" aria-label=${name} title=${name} @click=${() => this.copy()}>
        ${this.copied ? checkIcon : copyIcon}${this.showLabel ? html`<span class="label">${this.copied ? msg('Copied') : label}</span>` : nothing}
      </button>
      <span class="visually-hidden" role="status">${this.copied ? msg('Copied to the clipboard') : ''}</span>
      ${this.failed
        ? html`<div class="fallback" part="fallback" role="group" aria-label=${msg('Copy manually')}>
            <span>${msg('The clipboard is not available. Press Ctrl+C (⌘C) to copy:')}</span>
            <input class="input" readonly .value=${this.value} aria-label=${label} @keydown=${this.#onFallbackKey} @blur=${() => (this.failed = false)} />
          </div>`
        : nothing}
    `;
  }
}
