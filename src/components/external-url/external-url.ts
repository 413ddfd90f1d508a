import { LitElement, html, nothing } from 'lit';
import { externalUrlStyles } from './external-url.styles.js';
import { IpElement } from '../base/ip-element.js';
import { property, query, state } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { navigate, shown } from '../shared/ui.js';
import { defangIndicator } from '../../lib/defang.js';
import { safeHref } from '../../lib/safe-url.js';
import { revealControls } from '../../lib/text.js';
import { msg } from '../shared/l10n.js';
import '../copy-button/ip-copy-button.js';

/**
 * An address that came from data — a device's remote URL (or host name), a URL in an insight —
 * shown defanged (`hxxps://evil[.]example/x`, `cdn[.]evil[.]example`), so it reads as what it is and no click contacts the host by
 * accident. Copy takes the exact address. **Open…** is an explicit action: it shows the whole
 * address first (hidden characters as marks) with **Open in a new tab** (`noopener`,
 * `noreferrer`), which fires a cancelable `ip-navigate` (`target: 'external-url'`) so a host can
 * route it through its own URL sandbox instead. Only `http:` and `https:` addresses can be opened.
 * The confirmation is a popover (the top layer: no row or scroller clips it); Escape or a click
 * elsewhere closes it, and focus goes back to Open….
 *
 * @tag ip-external-url
 * @fires ip-navigate - Open in a new tab was chosen; `detail: { target: 'external-url', href }`. Cancel it to open the address your own way.
 * @csspart url - The defanged address.
 * @csspart open-button - The Open… button.
 * @csspart confirm - The confirmation with the whole address.
 * @cssprop --ip-external-url-max-width - Widest the defanged address is shown before it is cut with an ellipsis (default 100%).
 */
export class IpExternalUrl extends IpElement {
  /** Focus goes to the controls inside; a host's `tabindex="-1"` takes them out of the Tab order (grid rows). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    tokens,
    sharedStyles,
    externalUrlStyles,
  ];

  @query('.open') private toggle?: HTMLButtonElement;
  @query('.confirm') private confirm?: HTMLElement;
  @state() private open = false;
  #refocus = false;

  /** The address, exactly as the data has it. */
  @property({ type: String }) url = '';

  /** Close the confirmation. */
  #close() {
    if (this.confirm?.matches(':popover-open')) this.confirm.hidePopover();
  }

  /** Before it opens: place it under the button, kept on screen (CSSOM, not a style attribute, so a strict CSP allows it). */
  #onBeforeToggle(e: ToggleEvent) {
    if (!this.toggle || !this.confirm) return;
    if (e.newState === 'closed') {
      // Focus inside the confirmation is lost when it hides: it goes back to Open… (a click elsewhere keeps its own).
      this.#refocus = this.confirm.contains((this.renderRoot as ShadowRoot).activeElement);
      return;
    }
    const at = this.toggle.getBoundingClientRect();
    this.confirm.style.top = `${Math.round(at.bottom + 4)}px`;
    this.confirm.style.left = `${Math.round(Math.max(8, Math.min(at.left, innerWidth - 8 - Math.min(512, innerWidth * 0.85))))}px`;
  }

  /** Opened by Open…, closed by Cancel, Escape or a click elsewhere (light dismiss): the state and focus follow. */
  #onToggle(e: ToggleEvent) {
    this.open = e.newState === 'open';
    if (this.open) this.confirm?.querySelector<HTMLElement>('button, a')?.focus();
    else if (this.#refocus) this.toggle?.focus();
  }

  #onOpen(e: MouseEvent, href: string) {
    // A host that handles it (a URL sandbox, a detonation service) cancels the event.
    if (!navigate(this, { target: 'external-url', href })) e.preventDefault();
    this.#close();
  }

  override render() {
    const href = safeHref(this.url, null);
    return html`<span class="url" part="url" title=${revealControls(defangIndicator(this.url))}>${shown(defangIndicator(this.url))}</span>
      <ip-copy-button .value=${this.url} label=${msg('Copy the address')}></ip-copy-button>
      <button type="button" class="button subtle open" part="open-button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="confirm" popovertarget="confirm">${msg('Open…')}</button>
      <div id="confirm" class="confirm" part="confirm" role="group" popover="auto" aria-label=${msg('Open this address?')} @beforetoggle=${this.#onBeforeToggle} @toggle=${this.#onToggle}>
        <p>${href ? msg('This opens the address in a new tab, which contacts its host:') : msg('Only http and https addresses can be opened from here:')}</p>
        <p class="full">${shown(this.url)}</p>
        <div class="buttons">
          <button type="button" class="button subtle" @click=${() => this.#close()}>${msg('Cancel')}</button>
          ${href ? html`<a class="button primary" href=${href} target="_blank" rel="noopener noreferrer" @click=${(e: MouseEvent) => this.#onOpen(e, href)}>${msg('Open in a new tab')}</a>` : nothing}
        </div>
      </div>`;
  }
}
