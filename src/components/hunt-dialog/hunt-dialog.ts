import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { huntDialogStyles } from './hunt-dialog.styles.js';
import { copyIcon } from '../shared/icons.js';
import { IpSectionElement } from '../base/section-element.js';
import { ModalDialogController } from '../shared/modal-dialog.js';
import { StatusMessageController } from '../shared/status-message.js';
import { statusStyles } from '../shared/status-message.styles.js';
import { copyAfterRequest, copyMessage, navigateAfterRequest } from '../shared/actions.js';
import type { QueryLanguage } from '../../data/model.js';
import { QUERY_LANGUAGES, QUERY_LANGUAGE_LABELS } from '../../lib/hunting.js';
import { safeHref } from '../../lib/safe-url.js';
import { describeRange } from '../shared/range-text.js';
import { msg, str } from '../shared/l10n.js';
import { DEFAULT_LOOKUPS, lookupLinks, openLookup, type LookupService } from '../lookup-links/lookups.js';

import { huntQuery } from './hunt-query.js';

export { huntQuery };

/**
 * Go hunt: a modal dialog with a ready query for everything that involved the IP in the range,
 * in four languages (Defender and Sentinel KQL, Elastic ES|QL, Splunk SPL) — the provider's own
 * query when it has one — to copy, or to open in the portal's hunting page when the provider
 * links one; below, the outside reputation services to look the IP up in (not for an internal
 * address; see `<ip-lookup-links>`). Used by `<ip-response-actions>`; works alone (`show()`).
 *
 * Keyboard: a WAI-ARIA modal dialog (focus moves in and wraps, Escape closes, focus returns);
 * the languages are tabs (arrows, Home/End).
 *
 * @tag ip-hunt-dialog
 * @fires ip-action-request - Before copying (`action: 'copy-query'`), opening (`action: 'hunt'`) or looking the IP up elsewhere (`action: 'look-up'`, with the `href`); cancelable.
 * @fires ip-navigate - Open in hunting: `target: 'hunting'`, `query`, `language`, `href`. Cancelable.
 * @fires ip-copy - The query was copied; `detail: { value, ok }`.
 * @csspart dialog - The dialog.
 * @csspart query - The query text.
 * @cssprop --ip-hunt-dialog-width - Width of the dialog (default 56rem).
 */
export class IpHuntDialog extends IpSectionElement {
  static override styles = [tokens, sharedStyles, dialogStyles, statusStyles, huntDialogStyles];

  /** Whether the dialog is open. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** The query language shown: `kql-defender`, `kql-sentinel`, `esql` or `spl`. */
  @property({ type: String }) language: QueryLanguage = 'kql-defender';
  /** The outside services listed under the query, each a name and a URL template with `{ip}` (unset: `DEFAULT_LOOKUPS`; empty: none). */
  @property({ attribute: false }) services?: readonly LookupService[];

  @query('dialog') private dialog?: HTMLDialogElement;

  readonly #status = new StatusMessageController(this);
  readonly #modal = new ModalDialogController(this, {
    dialog: () => this.dialog,
    open: () => this.open,
    requestClose: () => this.hide(),
  });

  /** Open, with focus on the current language; on close focus goes to `returnFocusTo` (default: what had focus). */
  show(returnFocusTo?: HTMLElement | null): void {
    if (!this.open) this.#modal.rememberFocus(returnFocusTo);
    this.open = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  }

  /** Close; focus returns where it came from. */
  hide(): void {
    if (!this.open) return;
    this.open = false;
    this.#status.clear();
    void this.updateComplete.then(() => this.#modal.restoreFocus());
  }

  /** The query shown for `language` (the provider's own, else the library's). */
  queryFor(language: QueryLanguage = this.language): string {
    const ip = this.source.ip?.canonical;
    return ip ? huntQuery(this.source.provider, ip, this.source.timeRange, language) : '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!(QUERY_LANGUAGES as readonly string[]).includes(this.language)) this.language = 'kql-defender';
  }

  #onTabKey(e: KeyboardEvent) {
    const i = QUERY_LANGUAGES.indexOf(this.language);
    const n = QUERY_LANGUAGES.length;
    const next = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.language = QUERY_LANGUAGES[next]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.language}`)?.focus());
  }

  async #copy(query: string) {
    const ip = this.source.ip?.canonical;
    if (!ip) return;
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#query-text');
    const outcome = await copyAfterRequest(this, 'copy-query', ip, msg('The query'), () => query);
    const said = copyMessage(outcome, msg('The query'), true);
    if (said) this.#status.say(...said);
    if (outcome.kind === 'blocked') {
      area?.focus();
      area?.select();
    }
  }

  #renderLookups(ip: string) {
    const links = lookupLinks(this.source.ip, this.services ?? DEFAULT_LOOKUPS);
    if (!links.length) return nothing;
    const pick = async (e: MouseEvent, link: (typeof links)[number]) => {
      const refused = await openLookup(this, e, ip, link);
      if (refused) this.#status.say(refused, 'error');
    };
    return html`<section class="lookups" aria-labelledby="lookups-title">
      <h3 id="lookups-title">${msg('Look up elsewhere')}</h3>
      <ul class="lookup-list">
        ${links.map((link) => html`<li><a class="link" href=${link.href} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer" @click=${(e: MouseEvent) => pick(e, link)}>${link.name}<span class="visually-hidden">${msg(' (opens in a new tab)')}</span></a></li>`)}
      </ul>
    </section>`;
  }

  override render() {
    const ip = this.source.ip?.canonical;
    const query = ip && this.open ? this.queryFor() : '';
    const href = ip ? safeHref(this.source.provider?.links?.hunting?.(query, this.language)) : undefined;
    const openInHunting = async (e: Event) => {
      const refused = await navigateAfterRequest(this, e, 'hunt', { target: 'hunting', ip, query, language: this.language, href });
      if (refused) this.#status.say(refused, 'error');
    };
    return html`<dialog class="dialog" part="dialog" aria-labelledby="hunt-title" @keydown=${this.#modal.onKeydown} @cancel=${this.#modal.onCancel}>
      ${this.open && ip
        ? html`<div class="dialog-header">
              <h2 id="hunt-title">${msg('Go hunt')} <span class="muted mono">${ip}</span></h2>
              <button type="button" class="button subtle close" aria-label=${msg('Close')} @click=${() => this.hide()}>✕</button>
            </div>
            <p class="muted">${msg(str`A query for everything that involved the IP ${describeRange(this.source.timeRange, this.source.range.key)}.`)}</p>
            <div role="tablist" aria-label=${msg('Query language')} class="lang-tabs" @keydown=${this.#onTabKey}>
              ${QUERY_LANGUAGES.map(
                (l) => html`<button type="button" role="tab" id="tab-${l}" class="lang-tab" aria-selected=${l === this.language ? 'true' : 'false'} aria-controls="query-panel"
                  tabindex=${l === this.language ? '0' : '-1'} @click=${() => (this.language = l)}>${QUERY_LANGUAGE_LABELS[l]}</button>`,
              )}
            </div>
            <div id="query-panel" role="tabpanel" aria-labelledby="tab-${this.language}">
              <label class="visually-hidden" for="query-text">${msg(str`${QUERY_LANGUAGE_LABELS[this.language]} query`)}</label>
              <textarea id="query-text" part="query" class="input mono query" readonly rows=${Math.min(16, query.split('\n').length + 1)} .value=${query}></textarea>
            </div>
            <div class="dialog-footer">
              <button type="button" class="button" @click=${() => this.#copy(query)}>${copyIcon} ${msg('Copy query')}</button>
              <span class="spacer"></span>
              ${href
                ? html`<a class="button primary" href=${href} @click=${openInHunting}>${msg('Open in hunting')}</a>`
                : html`<button type="button" class="button primary" @click=${openInHunting}>${msg('Open in hunting')}</button>`}
            </div>
            ${this.#renderLookups(ip)}
            <p class="status ${this.#status.kind}" role="status">${this.#status.text}</p>`
        : this.open
          ? html`<div class="dialog-header">
                <h2 id="hunt-title">${msg('Go hunt')}</h2>
                <button type="button" class="button subtle close" aria-label=${msg('Close')} @click=${() => this.hide()}>✕</button>
              </div>
              <p role="alert">${msg('No valid IP address to hunt for.')}</p>`
          : nothing}
    </dialog>`;
  }
}
