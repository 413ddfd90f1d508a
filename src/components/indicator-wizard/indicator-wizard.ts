import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { indicatorWizardStyles } from './indicator-wizard.styles.js';
import { IpDataElement } from '../base/data-element.js';
import { deepActiveElement, ModalDialogController } from '../shared/modal-dialog.js';
import { renderDone, renderStep } from './wizard-steps.js';
import { isAbortError } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import { INDICATOR_ACTIONS, type Indicator, type IndicatorAction } from '../../data/model.js';
import { IpIndicatorAddedEvent } from '../../events/events.js';
import { requestAction } from '../shared/actions.js';
import { indicatorIneligibility } from '../shared/indicator.js';
import { draftProblems, draftToInput, emptyDraft, isDirty, STEP_FIELDS, stepLabel, WIZARD_STEPS, type IndicatorDraft, type WizardStep } from './indicator-draft.js';
import { msg, str } from '../shared/l10n.js';
import { indicatorView } from '../shared/indicator-view-lazy.js';

const DEFAULT_INDICATOR_ACTIONS: readonly IndicatorAction[] = ['Allowed', 'Audit', 'Warn', 'Block'];

/**
 * Add the IP as an indicator of compromise: a modal wizard with the Defender portal's steps,
 * Indicator (value, expiration) → Action (action, alert details) → Scope (device groups) →
 * Summary, then the provider's `addIndicator`. Each step is checked before the next (messages
 * inline, announced, the first invalid field focused); closing with entries asks first; a failed
 * submit keeps every entry and retries with the same idempotency key. The wizard stays bound to
 * the IP it was opened for: if the page moves to another IP meanwhile it says so and offers to
 * switch. Given the indicators already set for the IP (`existing`), it says which one in force a
 * new indicator of the same value replaces, as Defender for Endpoint does. Used by
 * `<ip-response-actions>`; works alone (`show()`).
 *
 * Keyboard: a WAI-ARIA modal dialog (focus moves in and wraps, Escape asks to close, focus
 * returns); the discard question is an alert dialog. Enter in a text field or Ctrl+Enter (⌘Enter)
 * anywhere in a step (a text area, a select) goes to the next step, or submits on the last.
 *
 * @tag ip-indicator-wizard
 * @fires ip-action-request - Before submitting (`action: 'add-indicator'`, `indicator`); cancelable: a veto keeps the wizard open with the reason.
 * @fires ip-indicator-added - The provider added the indicator; `detail: { indicator }`.
 * @csspart dialog - The dialog.
 * @cssprop --ip-indicator-wizard-width - Width of the dialog (default: `--ip-response-actions-dialog-width`, else 40rem).
 */
export class IpIndicatorWizard extends IpDataElement {
  static override styles = [tokens, sharedStyles, dialogStyles, indicatorWizardStyles];

  /** Whether the wizard is open. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** The indicators already set for the IP (`<ip-response-actions>` gives them): the wizard says which one a new indicator replaces. */
  @property({ attribute: false }) existing?: readonly Indicator[];

  @query('dialog') private dialog?: HTMLDialogElement;

  @state() private step: WizardStep = 'indicator';
  @state() private draft: IndicatorDraft = emptyDraft();
  @state() private shownProblems: Record<string, string> = {};
  @state() private submitting = false;
  @state() private submitError?: string;
  @state() private result?: Indicator;
  @state() private confirmDiscard = false;
  @state() private groups?: string[];
  @state() private groupsError?: string;
  @state() private announcement = '';
  /** The IP the open wizard is for (the page's IP when it opened). */
  @state() private boundIp?: string;

  readonly #modal = new ModalDialogController(this, {
    dialog: () => this.dialog,
    open: () => this.open,
    requestClose: () => (this.confirmDiscard ? this.#keepEditing() : this.requestClose()),
    scope: () => (this.confirmDiscard ? this.renderRoot.querySelector('.confirm') : undefined),
  });
  #submitController?: AbortController;
  /** The idempotency key of the current draft: the same on every retry, new when the draft changes. */
  #draftKey?: string;
  #groupsController?: AbortController;

  protected override get needsCapabilities(): boolean {
    return this.open;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#submitController?.abort();
    this.#groupsController?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Opened by the attribute or property (not show()): start as show() does.
    if (changed.has('open') && this.open && this.boundIp === undefined) this.#start();
  }

  /** Open on the first step for the current IP; on close focus goes to `returnFocusTo` (default: what had focus). */
  show(returnFocusTo?: HTMLElement | null): void {
    if (this.open) return;
    this.#modal.rememberFocus(returnFocusTo ?? deepActiveElement());
    this.#start();
    this.open = true;
  }

  /** Close, asking first when something typed would be lost. */
  requestClose(): void {
    if (this.submitting) return;
    if (!this.result && isDirty(this.draft)) {
      this.confirmDiscard = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.confirm .keep')?.focus());
      return;
    }
    this.hide();
  }

  /** Close; what was typed is gone (it was confirmed, submitted, or there was nothing). */
  hide(): void {
    this.draft = emptyDraft();
    this.boundIp = undefined;
    this.result = undefined;
    this.confirmDiscard = false;
    this.shownProblems = {};
    this.open = false;
    void this.updateComplete.then(() => this.#modal.restoreFocus());
  }

  #start() {
    // Bound to the IP it was opened for: a page that moves to another IP meanwhile does not
    // change what is submitted unless the analyst says so.
    this.boundIp = this.source.ip?.canonical ?? '';
    this.#draftKey = crypto.randomUUID();
    this.step = 'indicator';
    this.shownProblems = {};
    this.submitError = undefined;
    this.confirmDiscard = false;
    this.announcement = msg(str`Step 1 of ${WIZARD_STEPS.length}: ${stepLabel('indicator')}`);
    this.#loadGroups();
    void this.updateComplete.then(() => this.#focusStep(false));
  }

  /** Why an indicator cannot be added for the bound IP here, if it cannot. */
  get #blocked(): string | undefined {
    if (!this.boundIp) return msg('No valid IP address.');
    if (typeof this.source.provider?.addIndicator !== 'function' || this.capabilities?.addIndicator === false) return msg('This portal cannot add indicators.');
    return indicatorIneligibility(this.boundIp);
  }

  #loadGroups() {
    const provider = this.source.provider;
    if (this.groups !== undefined) return;
    if (!provider?.listDeviceGroups || this.capabilities?.deviceGroups === false) {
      this.groups = [];
      return;
    }
    this.#groupsController?.abort();
    const controller = (this.#groupsController = new AbortController());
    provider.listDeviceGroups({ signal: controller.signal }).then(
      (groups) => {
        this.groups = Array.isArray(groups) ? groups.filter((g) => typeof g === 'string' && g.trim()) : [];
      },
      (error: unknown) => {
        if (isAbortError(error)) return;
        this.groups = [];
        this.groupsError = msg(str`device groups could not be loaded: ${describeError(error)}`);
      },
    );
  }

  /** Ctrl+Enter (⌘Enter) anywhere in a step, a text area or a select too: Next, or Submit on the last step. */
  readonly #onFormKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    (e.currentTarget as HTMLFormElement).requestSubmit();
  };

  // ---- steps ---------------------------------------------------------------------------------

  get #stepIndex(): number {
    return WIZARD_STEPS.indexOf(this.step);
  }

  #problemsFor(steps: readonly WizardStep[]): Record<string, string> {
    const all = draftProblems(this.draft, this.boundIp!);
    const fields = new Set(steps.flatMap((s) => STEP_FIELDS[s]));
    return Object.fromEntries(Object.entries(all).filter(([k]) => fields.has(k)));
  }

  #goTo(step: WizardStep) {
    this.step = step;
    const i = this.#stepIndex;
    this.announcement = msg(str`Step ${i + 1} of ${WIZARD_STEPS.length}: ${stepLabel(step)}`);
    void this.updateComplete.then(() => this.#focusStep(true));
  }

  #focusStep(heading: boolean) {
    const root = this.renderRoot;
    if (heading) root.querySelector<HTMLElement>('#step-title')?.focus();
    else root.querySelector<HTMLElement>('form select, form input:not([readonly]), form textarea')?.focus();
  }

  #keepEditing() {
    this.confirmDiscard = false;
    void this.updateComplete.then(() => this.#focusStep(true));
  }

  #next() {
    const problems = this.#problemsFor([this.step]);
    if (Object.keys(problems).length) {
      this.#showProblems(problems);
      return;
    }
    this.shownProblems = {};
    this.#goTo(WIZARD_STEPS[Math.min(this.#stepIndex + 1, WIZARD_STEPS.length - 1)]!);
  }

  #back() {
    this.#goTo(WIZARD_STEPS[Math.max(0, this.#stepIndex - 1)]!);
  }

  #showProblems(problems: Record<string, string>) {
    this.shownProblems = problems;
    const count = Object.keys(problems).length;
    const all = Object.values(problems).join(' ');
    this.announcement = count === 1 ? msg(str`1 problem: ${all}`) : msg(str`${count} problems: ${all}`);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  #change(patch: Partial<IndicatorDraft>) {
    this.draft = { ...this.draft, ...patch };
    this.#draftKey = crypto.randomUUID(); // another draft: a new idempotency key
    // Fixing a field clears its message at once; new messages wait for Next.
    if (Object.keys(this.shownProblems).length) {
      const now = draftProblems(this.draft, this.boundIp!);
      this.shownProblems = Object.fromEntries(Object.entries(this.shownProblems).filter(([k]) => now[k]).map(([k]) => [k, now[k]!]));
    }
  }

  async #submit() {
    if (this.submitting) return; // a double click submits once
    const ip = this.boundIp!;
    const problems = draftProblems(this.draft, ip);
    if (Object.keys(problems).length) {
      const first = WIZARD_STEPS.find((s) => STEP_FIELDS[s].some((f) => problems[f]))!;
      this.#goTo(first);
      await this.updateComplete;
      this.#showProblems(this.#problemsFor([first]));
      return;
    }
    const input = draftToInput(this.draft, ip, Date.now(), this.capabilities?.indicatorCategory !== false);
    this.submitting = true;
    this.submitError = undefined;
    try {
      const refused = await requestAction(this, { action: 'add-indicator', ip, indicator: input }, msg('Not submitted'), msg('the portal did not allow it.'));
      if (refused) {
        this.submitError = refused;
        return;
      }
      const controller = (this.#submitController = new AbortController());
      // The same key on every retry of this draft: a submit that timed out after it was applied is not applied twice.
      const indicator = await this.source.provider!.addIndicator!(input, { signal: controller.signal, idempotencyKey: this.#draftKey });
      this.result = indicator;
      this.announcement = msg(str`Indicator ${indicator.id} added.`);
      this.dispatchEvent(new IpIndicatorAddedEvent({ indicator }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.done-close')?.focus();
    } catch (error) {
      if (isAbortError(error)) return;
      this.submitError = describeError(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.submit-error')?.focus();
    } finally {
      this.submitting = false;
    }
  }

  // ---- rendering -----------------------------------------------------------------------------

  /** The page moved to another IP while the wizard is open: say so, and offer to switch. */
  #renderIpChanged(ip: string): TemplateResult | typeof nothing {
    const now = this.source.ip?.canonical;
    if (!now || now === ip || this.result) return nothing;
    const why = indicatorIneligibility(now);
    return html`<div class="ip-changed" role="alert">
      <p>${msg(html`This indicator is for <strong class="mono">${ip}</strong>. The page now shows <strong class="mono">${now}</strong>; submitting still adds ${ip}.`)}</p>
      ${why
        ? html`<p class="muted small">${msg(str`${now} cannot be an indicator: ${why}`)}</p>`
        : html`<button type="button" class="button" ?disabled=${this.submitting} @click=${() => {
            this.boundIp = now;
            this.#draftKey = crypto.randomUUID();
            this.submitError = undefined;
          }}>${msg(str`Use ${now} instead`)}</button>`}
    </div>`;
  }

  #renderSteps(ip: string): TemplateResult {
    const index = this.#stepIndex;
    const last = index === WIZARD_STEPS.length - 1;
    const offered = this.capabilities?.indicatorActions?.filter((a) => (INDICATOR_ACTIONS as readonly string[]).includes(a));
    return html`<ol class="steps" aria-label=${msg('Steps')}>
        ${WIZARD_STEPS.map((step, i) => html`<li class=${i < index ? 'past' : i === index ? 'current' : ''} aria-current=${i === index ? 'step' : nothing}><span class="n">${i + 1}</span> ${stepLabel(step)}</li>`)}
      </ol>
      <form class="step" novalidate @submit=${(e: Event) => {
        e.preventDefault();
        if (last) void this.#submit();
        else this.#next();
      }} @keydown=${this.#onFormKeydown}>
        ${this.#renderExisting()}
        <h3 id="step-title" tabindex="-1">${stepLabel(this.step)} <span class="muted">· ${msg(str`step ${index + 1} of ${WIZARD_STEPS.length}`)}</span></h3>
        ${renderStep({
          ip,
          step: this.step,
          draft: this.draft,
          problems: this.shownProblems,
          actions: (offered ?? DEFAULT_INDICATOR_ACTIONS) as readonly IndicatorAction[],
          categories: this.capabilities?.indicatorCategory !== false,
          groups: this.groups,
          groupsError: this.groupsError,
          submitting: this.submitting,
          locale: this.locale,
          now: Date.now(),
          onChange: (p) => this.#change(p),
        })}
        ${this.submitError ? html`<p class="submit-error" role="alert" tabindex="-1">${msg(str`${this.submitError} Your entries are kept; submit again to retry.`)}</p>` : nothing}
      </form>
      <div class="dialog-footer">
        <button type="button" class="button subtle" ?disabled=${this.submitting} @click=${() => this.requestClose()}>${msg('Cancel')}</button>
        <span class="spacer"></span>
        ${index > 0 ? html`<button type="button" class="button" ?disabled=${this.submitting} @click=${() => this.#back()}>${msg('Back')}</button>` : nothing}
        ${last
          ? html`<button type="button" class="button primary submit" aria-disabled=${this.submitting ? 'true' : 'false'} @click=${() => this.#submit()}>${this.submitting ? msg('Submitting…') : msg('Submit')}</button>`
          : html`<button type="button" class="button primary" @click=${() => this.#next()}>${msg('Next')}</button>`}
      </div>`;
  }

  /** The indicator in force a new one replaces (its words load with the first indicator given). */
  #renderExisting(): TemplateResult | typeof nothing {
    const existing = this.existing;
    if (!existing?.length) return nothing;
    const view = indicatorView.value;
    if (!view) {
      void indicatorView.load().then(() => this.requestUpdate());
      return nothing;
    }
    return view.renderReplaceNote(existing, this.locale);
  }

  #renderConfirm(): TemplateResult {
    return html`<div class="confirm" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <h3 id="confirm-title">${msg('Discard this indicator?')}</h3>
      <p id="confirm-text">${msg('What you entered will be lost.')}</p>
      <div class="dialog-footer">
        <button type="button" class="button keep" @click=${() => this.#keepEditing()}>${msg('Keep editing')}</button>
        <button type="button" class="button danger discard" @click=${() => this.hide()}>${msg('Discard')}</button>
      </div>
    </div>`;
  }

  #renderBody(): TemplateResult {
    const ip = this.boundIp ?? '';
    const blocked = this.result ? undefined : this.#blocked;
    return html`<div class="dialog-header">
        <h2 id="wizard-title">${msg('Add indicator')} <span class="muted mono">${ip}</span></h2>
        <button type="button" class="button subtle close" aria-label=${msg('Close')} ?disabled=${this.submitting} @click=${() => this.requestClose()}>✕</button>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.#renderIpChanged(ip)}
      ${this.result
        ? html`${renderDone(this.result, this.locale)}
            <div class="dialog-footer"><button type="button" class="button primary done-close" @click=${() => this.hide()}>${msg('Close')}</button></div>`
        : blocked
          ? html`<p class="submit-error" role="alert">${blocked}</p>
              <div class="dialog-footer"><button type="button" class="button primary" @click=${() => this.hide()}>${msg('Close')}</button></div>`
          : this.#renderSteps(ip)}
      ${this.confirmDiscard ? this.#renderConfirm() : nothing}`;
  }

  override render() {
    return html`<dialog class="dialog" part="dialog" aria-labelledby="wizard-title" @keydown=${this.#modal.onKeydown} @cancel=${this.#modal.onCancel}>
      ${this.open ? this.#renderBody() : nothing}
    </dialog>`;
  }
}
