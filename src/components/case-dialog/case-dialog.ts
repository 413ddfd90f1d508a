import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { IpSectionElement } from '../base/section-element.js';
import { ModalDialogController } from '../shared/modal-dialog.js';
import { requestAction } from '../shared/actions.js';
import { describeError } from '../shared/error-text.js';
import { entityLink, severityBadge, shown, timeAgo } from '../shared/ui.js';
import { msg, str } from '../shared/l10n.js';
import { describeRange } from '../shared/range-text.js';
import { formatNumber } from '../../lib/format.js';
import { CASE_TEXT_MAX, type CaseRef } from '../../data/cases.js';
import { IpCaseAddedEvent } from '../../events/events.js';
import { caseDialogStyles } from './case-dialog.styles.js';
import { labelFor } from '../shared/labels.js';
import { ALERT_STATUS_LABELS } from '../shared/queue-labels.js';

/** Waits this long after the last key before searching. */
const SEARCH_DELAY_MS = 300;

/**
 * Add to incident: record the IP where the team works. A modal dialog listing the open incidents
 * (Defender XDR, Sentinel) or cases (Elastic) that involve the IP, with a search for any other by
 * title or number, and the text to record, filled with the IP and the range for the analyst to
 * complete. The provider keeps it where the incident's people read it (a comment on the incident
 * or case). A failed submit keeps the choice and the text, and says why.
 *
 * Keyboard: a WAI-ARIA modal dialog (focus moves in and wraps, Escape closes, focus returns); the
 * incidents are a radio group (arrows choose).
 *
 * @tag ip-case-dialog
 * @fires ip-action-request - Before adding (`action: 'add-to-case'`); cancelable.
 * @fires ip-case-added - The IP was recorded; `detail: { ip, case, record }`.
 * @fires ip-navigate - An incident's link was activated (`target: 'incident'`). Cancelable.
 * @fires ip-error - Listing or adding failed; `detail: { section: 'cases' | 'cases:add', ip, error, message }`.
 * @csspart dialog - The dialog.
 * @csspart case - Each incident or case to choose.
 * @cssprop --ip-case-dialog-width - Width of the dialog (default 44rem).
 */
export class IpCaseDialog extends IpSectionElement {
  static override styles = [tokens, sharedStyles, dialogStyles, caseDialogStyles];

  /** Whether the dialog is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private cases?: CaseRef[];
  @state() private loading = false;
  @state() private loadError?: unknown;
  @state() private search = '';
  @state() private chosen?: string;
  @state() private text = '';
  @state() private saving = false;
  @state() private failure?: string;
  @state() private done?: { case: CaseRef };

  @query('dialog') private dialog?: HTMLDialogElement;

  readonly #modal = new ModalDialogController(this, {
    dialog: () => this.dialog,
    open: () => this.open,
    requestClose: () => this.hide(),
  });
  #abort?: AbortController;
  #timer?: ReturnType<typeof setTimeout>;

  /** Open, with the IP's incidents listed and the text ready; focus returns to `returnFocusTo` (default: what had focus) on close. */
  show(returnFocusTo?: HTMLElement | null): void {
    if (!this.open) this.#modal.rememberFocus(returnFocusTo);
    const ip = this.source.ip?.canonical;
    this.open = true;
    this.done = undefined;
    this.failure = undefined;
    // A draft left from a close without adding is kept.
    if (!this.text.trim() && ip) this.text = msg(str`${ip} — seen ${describeRange(this.source.timeRange, this.source.range.key)}: `);
    void this.#load();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#case-search')?.focus());
  }

  /** Close; focus returns where it came from. */
  hide(): void {
    if (!this.open) return;
    this.open = false;
    this.#abort?.abort();
    clearTimeout(this.#timer);
    void this.updateComplete.then(() => this.#modal.restoreFocus());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    clearTimeout(this.#timer);
  }

  async #load() {
    const provider = this.source.provider;
    const ip = this.source.ip?.canonical;
    if (!provider?.listCases || !ip) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    this.loadError = undefined;
    try {
      // The page's range: the incidents come from the alerts answer the page already has.
      const cases = await provider.listCases(ip, { range: this.source.timeRange, ...(this.search.trim() ? { search: this.search.trim() } : {}) }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.cases = cases;
      // The choice stays while it is listed; else the first related one is offered.
      if (!cases.some((c) => c.id === this.chosen)) this.chosen = cases.length === 1 || cases[0]?.related ? cases[0]!.id : undefined;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.loadError = error;
      this.reportError('cases', error);
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  #onSearch(value: string) {
    this.search = value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#load(), SEARCH_DELAY_MS);
  }

  get #choice(): CaseRef | undefined {
    return this.cases?.find((c) => c.id === this.chosen);
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const provider = this.source.provider;
    const ip = this.source.ip?.canonical;
    const target = this.#choice;
    const text = this.text.trim();
    if (!provider?.addToCase || !ip || this.saving) return;
    if (!target) return void (this.failure = msg('Choose an incident or case.'));
    if (!text) return void (this.failure = msg('Write what to record.'));
    if (text.length > CASE_TEXT_MAX) return void (this.failure = msg(str`At most ${formatNumber(CASE_TEXT_MAX, this.locale)} characters.`));
    this.saving = true;
    this.failure = undefined;
    const refused = await requestAction(this, { action: 'add-to-case', ip });
    if (refused) {
      this.saving = false;
      this.failure = refused;
      return;
    }
    try {
      const record = await provider.addToCase(ip, target.id, text, { signal: AbortSignal.timeout(60_000), idempotencyKey: crypto.randomUUID() });
      this.source.forget('listAlerts');
      this.saving = false;
      this.done = { case: target };
      this.text = '';
      this.dispatchEvent(new IpCaseAddedEvent({ ip, case: target, record }));
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.done-close')?.focus());
    } catch (error) {
      // The choice and the text stay: Add again, or copy the text elsewhere.
      this.saving = false;
      this.reportError('cases:add', error);
      this.failure = describeError(error);
    }
  }

  #kindWord(c: CaseRef | undefined): string {
    return c?.kind === 'case' ? msg('case') : msg('incident');
  }

  #renderCase(c: CaseRef): TemplateResult {
    const ip = this.source.ip?.canonical;
    const href = c.kind === 'incident' ? this.source.provider?.links?.incident?.(c.id) : undefined;
    return html`<li part="case" class="case ${c.id === this.chosen ? 'chosen' : ''}">
      <label>
        <input type="radio" name="case" .value=${c.id} .checked=${c.id === this.chosen} @change=${() => (this.chosen = c.id)} />
        <span class="case-title">${shown(c.title)}</span>
      </label>
      <span class="case-meta">
        ${c.severity ? severityBadge(c.severity) : nothing}
        ${c.related ? html`<span class="badge related">${msg('Involves this IP')}</span>` : nothing}
        <span class="muted mono">${c.kind === 'incident' ? `#${c.id}` : shown(c.id.slice(0, 8))}</span>
        ${c.status ? html`<span class="muted">${labelFor(ALERT_STATUS_LABELS, c.status)}</span>` : nothing}
        ${c.updatedAt ? html`<span class="muted">${msg('changed')} ${timeAgo(c.updatedAt, this.locale)}</span>` : nothing}
        ${href ? entityLink(this, msg('Open'), { target: 'incident', id: c.id, ip }, href) : nothing}
      </span>
    </li>`;
  }

  #renderList(): TemplateResult {
    if (this.loadError) {
      return html`<p class="error-text" role="alert">${describeError(this.loadError)} <button type="button" class="link" @click=${() => this.#load()}>${msg('Retry')}</button></p>`;
    }
    if (!this.cases) return html`<p class="muted" role="status">${msg('Loading…')}</p>`;
    if (!this.cases.length) {
      return html`<p class="muted" role="status">${this.search.trim() ? msg('No open incident or case matches.') : msg('No open incident or case involves this IP. Search for one by its title or number.')}</p>`;
    }
    return html`<fieldset class="cases" aria-busy=${this.loading ? 'true' : 'false'}>
      <legend class="visually-hidden">${msg('Incident or case')}</legend>
      <ul>${this.cases.map((c) => this.#renderCase(c))}</ul>
    </fieldset>`;
  }

  #renderForm(ip: string): TemplateResult {
    const target = this.#choice;
    const verb = target?.kind === 'case' ? msg('Add to case') : msg('Add to incident');
    return html`<form @submit=${this.#submit}>
      <label class="field-label" for="case-search">${msg('Find an open incident or case')}</label>
      <input id="case-search" class="input" type="search" autocomplete="off" .value=${this.search} placeholder=${msg('Title or number')} @input=${(e: Event) => this.#onSearch((e.target as HTMLInputElement).value)} />
      ${this.#renderList()}
      <label class="field-label" for="case-text">${msg('What to record')}</label>
      <textarea id="case-text" class="input" rows="4" maxlength=${CASE_TEXT_MAX} .value=${this.text} @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
      <p class="hint muted">${target ? msg(str`Added as a comment on the ${this.#kindWord(target)}, where its people read it.`) : msg(str`Choose where to record ${ip}.`)}</p>
      ${this.failure ? html`<p class="error-text" role="alert">${this.failure}</p>` : nothing}
      <div class="dialog-footer">
        <span class="spacer"></span>
        <button type="button" class="button" @click=${() => this.hide()}>${msg('Cancel')}</button>
        <button type="submit" class="button primary" ?disabled=${this.saving}>${this.saving ? msg('Adding…') : verb}</button>
      </div>
    </form>`;
  }

  override render() {
    const ip = this.source.ip?.canonical;
    const offered = typeof this.source.provider?.addToCase === 'function' && typeof this.source.provider?.listCases === 'function';
    let body: TemplateResult;
    if (!ip) body = html`<p role="alert">${msg('No valid IP address.')}</p>`;
    else if (!offered) body = html`<p role="alert">${msg('This data source cannot record the IP on an incident or case.')}</p>`;
    else if (this.done) {
      body = html`<p class="done" role="status">${msg(str`Added ${ip} to the ${this.#kindWord(this.done.case)} “${this.done.case.title}”.`)}</p>
        <div class="dialog-footer"><span class="spacer"></span><button type="button" class="button primary done-close" @click=${() => this.hide()}>${msg('Close')}</button></div>`;
    } else body = this.#renderForm(ip);
    return html`<dialog class="dialog" part="dialog" aria-labelledby="case-title" @keydown=${this.#modal.onKeydown} @cancel=${this.#modal.onCancel}>
      ${this.open
        ? html`<div class="dialog-header">
              <h2 id="case-title">${this.cases?.length && this.cases.every((c) => c.kind === 'case') ? msg('Add to case') : msg('Add to incident')} ${ip ? html`<span class="muted mono">${ip}</span>` : nothing}</h2>
              <button type="button" class="button subtle close" aria-label=${msg('Close')} @click=${() => this.hide()}>✕</button>
            </div>
            ${body}`
        : nothing}
    </dialog>`;
  }
}
