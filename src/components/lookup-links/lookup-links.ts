import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { menuStyles } from '../shared/filter-menu.styles.js';
import { statusStyles } from '../shared/status-message.styles.js';
import { StatusMessageController } from '../shared/status-message.js';
import { MenuButtonController } from '../shared/menu-button.js';
import { searchIcon } from '../shared/icons.js';
import { infoIcon } from '../shared/list-icons.js';
import { IpDataElement } from '../base/data-element.js';
import { msg } from '../shared/l10n.js';
import { DEFAULT_LOOKUPS, lookupLinks, openLookup, type LookupLink, type LookupService } from './lookups.js';

/**
 * A second opinion in one click: a menu of outside reputation services (VirusTotal, AbuseIPDB,
 * Shodan, GreyNoise, Cisco Talos and URLhaus unless `services` says otherwise), each opening its
 * page for the IP in a new tab. Nothing is fetched and nothing leaves the portal until the analyst
 * picks one, and then without a referrer, so the portal's own address does not travel with the
 * IP. Shows nothing for an address that must stay in the organization (private, loopback,
 * link-local, carrier-grade NAT, multicast, reserved): outside services know nothing of it, and
 * asking would tell them what the organization investigates.
 *
 * Each pick fires a cancelable `ip-action-request` (`action: 'look-up'`, with the `href`) first: a
 * host may veto it or hold it with `waitUntil` (a confirmation), then the tab opens.
 *
 * Keyboard: a WAI-ARIA menu button (Enter, Space or ArrowDown opens it on the first service,
 * ArrowUp on the last; arrows, Home and End move; Escape closes it and returns to the button).
 *
 * @tag ip-lookup-links
 * @fires ip-action-request - Before a service opens; cancelable. `detail: { action: 'look-up', ip, href }`.
 * @csspart button - The menu button.
 * @csspart menu - The menu.
 * @csspart link - Each service's link.
 */
export class IpLookupLinks extends IpDataElement {
  static override styles = [
    tokens,
    sharedStyles,
    menuStyles,
    statusStyles,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: var(--_space);
      }
      .menu {
        z-index: 30;
      }
      .menu a {
        text-decoration: none;
      }
      [hidden] {
        display: none !important;
      }
    `,
  ];

  /** The services to offer, each a name and a URL template with `{ip}` (unset: `DEFAULT_LOOKUPS`; empty: none). */
  @property({ attribute: false }) services?: readonly LookupService[];

  readonly #status = new StatusMessageController(this);
  readonly #menu = new MenuButtonController(this, {
    button: () => this.renderRoot.querySelector<HTMLElement>('[part="button"]'),
    menu: () => this.renderRoot.querySelector<HTMLElement>('[role="menu"]'),
  });

  /** The links for the current IP: none for an internal address. */
  get links(): LookupLink[] {
    return lookupLinks(this.source.ip, this.services ?? DEFAULT_LOOKUPS);
  }

  async #pick(e: MouseEvent, link: LookupLink) {
    const ip = this.source.ip?.canonical;
    if (!ip) return;
    const refused = openLookup(this, e, ip, link);
    this.#menu.close();
    this.renderRoot.querySelector<HTMLElement>('[part="button"]')?.focus();
    const said = await refused;
    if (said) this.#status.say(said, 'error');
  }

  override render() {
    // The items are built when the menu opens: a closed menu is in every page header, and its
    // links (one per service) would be work for the first paint that nobody sees.
    const links = this.links;
    if (!links.length) return nothing;
    const label = msg('Look up elsewhere');
    return html`<span class="menu-wrap" @focusout=${this.#menu.onFocusOut}>
        <button type="button" class="button" part="button" aria-haspopup="menu" aria-expanded=${this.#menu.open ? 'true' : 'false'} aria-controls="lookup-menu"
          @click=${this.#menu.onButtonClick} @keydown=${this.#menu.onButtonKeydown}>${searchIcon}<span>${label}</span> <span aria-hidden="true">▾</span></button>
        <div id="lookup-menu" class="menu" part="menu" role="menu" aria-label=${label} ?hidden=${!this.#menu.open} @keydown=${this.#menu.onMenuKeydown}>
          ${this.#menu.open
            ? links.map(
                (link) => html`<a class="button subtle" part="link" role="menuitem" tabindex="-1" href=${link.href} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"
                  @click=${(e: MouseEvent) => void this.#pick(e, link)}>${link.name}<span class="visually-hidden">${msg(' (opens in a new tab)')}</span></a>`,
              )
            : nothing}
        </div>
      </span>
      <span class="status ${this.#status.kind}" role="status">${this.#status.text ? html`${infoIcon} ${this.#status.text}` : nothing}</span>`;
  }
}
