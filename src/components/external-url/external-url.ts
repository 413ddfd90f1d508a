import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { LocaleController } from '../shared/locale-controller.js';
import { navigate, shown } from '../shared/ui.js';
import { defangUrl } from '../../lib/defang.js';
import { safeHref } from '../../lib/safe-url.js';
import { revealControls } from '../../lib/text.js';
import { msg } from '../../lib/l10n.js';
import '../copy-button/ip-copy-button.js';

/**
 * An address that came from data — a device's remote URL, a URL in an insight — shown defanged
 * (`hxxps://evil[.]example/x`), so it reads as what it is and no click contacts the host by
 * accident. Copy takes the exact address. **Open…** is an explicit action: it shows the whole
 * address first (hidden characters as marks) with **Open in a new tab** (`noopener`,
 * `noreferrer`), which fires a cancelable `ip-navigate` (`target: 'external-url'`) so a host can
 * route it through its own URL sandbox instead. Only `http:` and `https:` addresses can be opened.
 * The controls follow the WAI-ARIA disclosure pattern; Escape closes the confirmation.
 *
 * @tag ip-external-url
 * @fires ip-navigate - Open in a new tab was chosen; `detail: { target: 'external-url', href }`. Cancel it to open the address your own way.
 * @csspart url - The defanged address.
 * @csspart open-button - The Open… button.
 * @csspart confirm - The confirmation with the whole address.
 * @cssprop --ip-external-url-max-width - Widest the defanged address is shown before it is cut with an ellipsis (default 100%).
 */
export class IpExternalUrl extends LitElement {
  /** Focus goes to the controls inside; a host's `tabindex="-1"` takes them out of the Tab order (grid rows). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    tokens,
    sharedStyles,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px;
        min-width: 0;
        max-width: 100%;
        position: relative;
        vertical-align: middle;
      }
      .url {
        font-family: var(--_font-mono);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        min-width: 0;
        max-width: var(--ip-external-url-max-width, 100%);
      }
      .open {
        min-height: 0;
        padding: 2px 6px;
        font-weight: 400;
      }
      .confirm {
        position: absolute;
        inset-block-start: calc(100% + 4px);
        inset-inline-start: 0;
        z-index: 10;
        display: flex;
        flex-direction: column;
        gap: var(--_space);
        padding: var(--_space);
        background: var(--_color-surface);
        border: 1px solid var(--_color-border-strong);
        border-radius: var(--_radius-small);
        box-shadow: var(--_shadow-raised);
        width: max-content;
        max-width: min(32rem, 85vw);
        white-space: normal;
      }
      .confirm p {
        margin: 0;
      }
      .full {
        font-family: var(--_font-mono);
        overflow-wrap: anywhere;
      }
      .buttons {
        display: flex;
        gap: var(--_space);
        justify-content: flex-end;
      }
    `,
  ];

  @query('.open') private toggle?: HTMLButtonElement;
  @state() private open = false;

  /** The address, exactly as the data has it. */
  @property({ type: String }) url = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  #close(refocus = true) {
    this.open = false;
    if (refocus) void this.updateComplete.then(() => this.toggle?.focus());
  }

  async #toggleOpen() {
    this.open = !this.open;
    if (!this.open) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm a, .confirm button')?.focus();
  }

  #onKeydown(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !this.open) return;
    e.stopPropagation();
    this.#close();
  }

  #onOpen(e: MouseEvent, href: string) {
    // A host that handles it (a URL sandbox, a detonation service) cancels the event.
    if (!navigate(this, { target: 'external-url', href })) e.preventDefault();
    this.#close(false);
  }

  override render() {
    const href = safeHref(this.url, null);
    return html`<span class="url" part="url" title=${revealControls(defangUrl(this.url))}>${shown(defangUrl(this.url))}</span>
      <ip-copy-button .value=${this.url} label=${msg('Copy the address')}></ip-copy-button>
      <button type="button" class="button subtle open" part="open-button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="confirm" @click=${this.#toggleOpen} @keydown=${this.#onKeydown}>${msg('Open…')}</button>
      ${this.open
        ? html`<div id="confirm" class="confirm" part="confirm" role="group" aria-label=${msg('Open this address?')} @keydown=${this.#onKeydown}>
            <p>${href ? msg('This opens the address in a new tab, which contacts its host:') : msg('Only http and https addresses can be opened from here:')}</p>
            <p class="full">${shown(this.url)}</p>
            <div class="buttons">
              <button type="button" class="button subtle" @click=${() => this.#close()}>${msg('Cancel')}</button>
              ${href ? html`<a class="button primary" href=${href} target="_blank" rel="noopener noreferrer" @click=${(e: MouseEvent) => this.#onOpen(e, href)}>${msg('Open in a new tab')}</a>` : nothing}
            </div>
          </div>`
        : nothing}`;
  }
}
