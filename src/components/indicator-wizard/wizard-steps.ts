/**
 * The add-indicator wizard's step templates (Indicator → Action → Scope → Summary, as in the
 * Defender portal) and the "added" panel. Stateless: `<ip-indicator-wizard>` owns the state and
 * the dialog; the draft rules live in `indicator-draft.ts`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { INDICATOR_SEVERITIES, own, type Indicator, type IndicatorAction, type IndicatorSeverity } from '../../data/model.js';
import { labelFor, SEVERITY_LABELS } from '../shared/labels.js';
import { INDICATOR_ACTION_LABELS } from './indicator-labels.js';
import { INDICATOR_DESCRIPTION_MAX, INDICATOR_TITLE_MAX } from '../shared/indicator.js';
import { CATEGORIES, draftToInput, EXPIRATIONS, expirationLabel as choiceLabel, expirationTime, type ExpirationChoice, type IndicatorDraft, type WizardStep } from './indicator-draft.js';
import { formatDateTime, splitWords } from '../../lib/format.js';
import { msg, str } from '../shared/l10n.js';

/** What each action does, in the words of the Defender portal. */
const ACTION_HELP: Readonly<Record<string, string>> = {
  get Allowed() {
    return msg('Allow connections with the IP and do not raise alerts for it.');
  },
  get Audit() {
    return msg('Allow connections and record each match as an alert.');
  },
  get Warn() {
    return msg('Warn the user, who may continue (network protection).');
  },
  get Block() {
    return msg('Block connections with the IP.');
  },
  get BlockAndRemediate() {
    return msg('Block connections and remediate.');
  },
  get AlertAndBlock() {
    return msg('Block connections and raise an alert.');
  },
  get Alert() {
    return msg('Raise an alert on connection.');
  },
};

export interface WizardView {
  ip: string;
  step: WizardStep;
  draft: IndicatorDraft;
  /** Problems to show (only for steps the user tried to leave). */
  problems: Record<string, string>;
  actions: readonly IndicatorAction[];
  /** Whether the alert takes a category (the data source says; Defender's API has none). */
  categories: boolean;
  /** Device groups to choose from; undefined while loading; empty when the provider lists none. */
  groups?: readonly string[];
  groupsError?: string;
  submitting: boolean;
  error?: string;
  result?: Indicator;
  locale?: string;
  now: number;
  onChange: (patch: Partial<IndicatorDraft>) => void;
}

function fieldError(view: WizardView, name: string): TemplateResult | typeof nothing {
  const message = view.problems[name];
  return message ? html`<p class="field-error" id="err-${name}">${message}</p>` : nothing;
}

function invalid(view: WizardView, name: string) {
  return view.problems[name] ? 'true' : 'false';
}

function describedBy(view: WizardView, name: string, hint?: string) {
  const ids = [hint, view.problems[name] ? `err-${name}` : undefined].filter(Boolean).join(' ');
  return ids || nothing;
}

/** An indicator severity (`High`) in words. */
const severityLabel = (s: string) => labelFor(SEVERITY_LABELS, s.toLowerCase());

function expirationLabel(draft: IndicatorDraft, now: number, locale?: string): string {
  const exp = expirationTime(draft, now);
  if (exp === undefined) return msg('Never');
  if (exp === null) return msg('Not chosen');
  const when = formatDateTime(exp, locale);
  return draft.expiration === 'date' ? when : msg(str`${when} (in ${choiceLabel(draft.expiration)})`);
}

function renderIndicatorStep(view: WizardView): TemplateResult {
  const { draft } = view;
  const tomorrow = new Date(view.now + 86_400_000).toISOString().slice(0, 10);
  return html`
    <div class="field">
      <label for="f-ip">${msg('IP address')}</label>
      <input id="f-ip" class="input mono" readonly .value=${view.ip} aria-describedby="hint-ip" />
      <p class="hint" id="hint-ip">${msg('Indicators apply to this exact address. Enforcement on devices can take up to 48 hours.')}</p>
    </div>
    <div class="field">
      <label for="f-expiration">${msg('Expires')}</label>
      <select id="f-expiration" class="input" .value=${live(draft.expiration)} aria-invalid=${invalid(view, 'expiration')} aria-describedby=${describedBy(view, 'expiration')}
        @change=${(e: Event) => view.onChange({ expiration: (e.target as HTMLSelectElement).value as ExpirationChoice })}>
        ${EXPIRATIONS.map((k) => html`<option value=${k} ?selected=${draft.expiration === k}>${choiceLabel(k)}</option>`)}
      </select>
      ${fieldError(view, 'expiration')}
    </div>
    ${draft.expiration === 'date'
      ? html`<div class="field">
          <label for="f-expirationDate">${msg('Expiration date (UTC)')}</label>
          <input id="f-expirationDate" class="input" type="date" min=${tomorrow} .value=${live(draft.expirationDate)} required aria-invalid=${invalid(view, 'expirationDate')}
            aria-describedby=${describedBy(view, 'expirationDate')} @input=${(e: Event) => view.onChange({ expirationDate: (e.target as HTMLInputElement).value })} />
          ${fieldError(view, 'expirationDate')}
        </div>`
      : nothing}
  `;
}

function renderActionStep(view: WizardView): TemplateResult {
  const { draft } = view;
  return html`
    <fieldset class="field" aria-invalid=${invalid(view, 'action')} aria-describedby=${describedBy(view, 'action')}>
      <legend>${msg('Action')}</legend>
      <div class="choices">
        ${view.actions.map(
          (a) => html`<label class="choice">
            <input type="radio" name="action" value=${a} .checked=${live(draft.action === a)} @change=${() => view.onChange({ action: a, ...(a === 'Audit' ? { generateAlert: true } : {}) })} />
            <span><strong>${own(INDICATOR_ACTION_LABELS, a) ?? a}</strong> <span class="muted">${own(ACTION_HELP, a) ?? ''}</span></span>
          </label>`,
        )}
      </div>
      ${fieldError(view, 'action')}
    </fieldset>
    <div class="field">
      <label for="f-title">${msg('Title')} <span class="required" aria-hidden="true">*</span></label>
      <input id="f-title" class="input" required maxlength=${INDICATOR_TITLE_MAX + 50} .value=${live(draft.title)} autocomplete="off" aria-invalid=${invalid(view, 'title')}
        aria-describedby=${describedBy(view, 'title', 'hint-title')} @input=${(e: Event) => view.onChange({ title: (e.target as HTMLInputElement).value })} />
      <p class="hint" id="hint-title">${msg('Shown in the indicator list and as the title of its alerts.')}</p>
      ${fieldError(view, 'title')}
    </div>
    <div class="field">
      <label for="f-description">${msg('Description')} <span class="required" aria-hidden="true">*</span></label>
      <textarea id="f-description" class="input" rows="3" required maxlength=${INDICATOR_DESCRIPTION_MAX + 50} .value=${live(draft.description)} aria-invalid=${invalid(view, 'description')}
        aria-describedby=${describedBy(view, 'description')} @input=${(e: Event) => view.onChange({ description: (e.target as HTMLTextAreaElement).value })}></textarea>
      ${fieldError(view, 'description')}
    </div>
    <div class="field">
      <label class="choice">
        <input id="f-generateAlert" type="checkbox" .checked=${live(draft.generateAlert)} aria-invalid=${invalid(view, 'generateAlert')} aria-describedby=${describedBy(view, 'generateAlert')}
          @change=${(e: Event) => view.onChange({ generateAlert: (e.target as HTMLInputElement).checked })} />
        <span>${msg('Generate an alert when the indicator matches')}</span>
      </label>
      ${fieldError(view, 'generateAlert')}
    </div>
    ${draft.generateAlert
      ? html`<div class="field-row">
            <div class="field">
              <label for="f-severity">${msg('Alert severity')}</label>
              <select id="f-severity" class="input" .value=${live(draft.severity)} @change=${(e: Event) => view.onChange({ severity: (e.target as HTMLSelectElement).value as IndicatorSeverity })}>
                ${INDICATOR_SEVERITIES.map((s) => html`<option value=${s} ?selected=${draft.severity === s}>${severityLabel(s)}</option>`)}
              </select>
            </div>
            ${view.categories
              ? html`<div class="field">
                  <label for="f-category">${msg('Category')}</label>
                  <select id="f-category" class="input" .value=${live(draft.category)} @change=${(e: Event) => view.onChange({ category: (e.target as HTMLSelectElement).value })}>
                    ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${draft.category === c}>${splitWords(c)}</option>`)}
                  </select>
                </div>`
              : nothing}
          </div>`
      : nothing}
    <div class="field">
      <label for="f-recommendedActions">${msg('Recommended actions')} <span class="muted">${msg('(optional)')}</span></label>
      <textarea id="f-recommendedActions" class="input" rows="2" .value=${live(draft.recommendedActions)}
        @input=${(e: Event) => view.onChange({ recommendedActions: (e.target as HTMLTextAreaElement).value })}></textarea>
    </div>
  `;
}

function renderScopeStep(view: WizardView): TemplateResult {
  const { draft } = view;
  const toggle = (g: string, on: boolean) => view.onChange({ groups: on ? [...new Set([...draft.groups, g])] : draft.groups.filter((x) => x !== g) });
  return html`
    <fieldset class="field">
      <legend>${msg('Devices the indicator applies to')}</legend>
      <div class="choices">
        <label class="choice"><input type="radio" name="scope" value="all" .checked=${live(draft.scope === 'all')} @change=${() => view.onChange({ scope: 'all' })} /> <span>${msg('All devices')}</span></label>
        <label class="choice">
          <input type="radio" name="scope" value="groups" .checked=${live(draft.scope === 'groups')} ?disabled=${!view.groups?.length} @change=${() => view.onChange({ scope: 'groups' })} />
          <span>${msg('Selected device groups')}${view.groups && !view.groups.length ? html` <span class="muted">(${view.groupsError ?? msg('the provider lists none')})</span>` : nothing}</span>
        </label>
      </div>
    </fieldset>
    ${view.groups === undefined ? html`<p class="muted" role="status">${msg('Loading device groups…')}</p>` : nothing}
    ${draft.scope === 'groups' && view.groups?.length
      ? html`<fieldset class="field groups" aria-invalid=${invalid(view, 'groups')} aria-describedby=${describedBy(view, 'groups')}>
          <legend>${msg('Device groups')}</legend>
          ${view.groups.map((g) => html`<label class="choice"><input type="checkbox" .checked=${live(draft.groups.includes(g))} @change=${(e: Event) => toggle(g, (e.target as HTMLInputElement).checked)} /> <span>${g}</span></label>`)}
          ${fieldError(view, 'groups')}
        </fieldset>`
      : nothing}
  `;
}

function renderSummaryStep(view: WizardView): TemplateResult {
  const { draft } = view;
  const input = draftToInput(draft, view.ip, view.now, view.categories);
  return html`
    <dl class="details summary-list">
      <dt>${msg('IP address')}</dt><dd class="mono">${view.ip}</dd>
      <dt>${msg('Expires')}</dt><dd>${expirationLabel(draft, view.now, view.locale)}</dd>
      <dt>${msg('Action')}</dt><dd>${own(INDICATOR_ACTION_LABELS, input.action) ?? input.action}${own(INDICATOR_ACTION_LABELS, input.action) && own(INDICATOR_ACTION_LABELS, input.action) !== input.action ? html` <span class="muted mono">(${input.action})</span>` : nothing}</dd>
      <dt>${msg('Title')}</dt><dd>${input.title || html`<span class="missing">${msg('missing')}</span>`}</dd>
      <dt>${msg('Description')}</dt><dd class="pre">${input.description || html`<span class="missing">${msg('missing')}</span>`}</dd>
      <dt>${msg('Generate alert')}</dt><dd>${input.generateAlert
        ? !view.categories
          ? msg(str`Yes, ${severityLabel(input.severity ?? '')} severity`)
          : input.category
            ? msg(str`Yes, ${severityLabel(input.severity ?? '')} severity, ${splitWords(input.category)}`)
            : msg(str`Yes, ${severityLabel(input.severity ?? '')} severity, no category`)
        : msg('No')}</dd>
      <dt>${msg('Recommended actions')}</dt><dd class="pre">${input.recommendedActions ?? html`<span class="muted">${msg('None')}</span>`}</dd>
      <dt>${msg('Scope')}</dt><dd>${input.rbacGroupNames ? input.rbacGroupNames.join(', ') : msg('All devices')}</dd>
    </dl>
  `;
}

/** The body of the current step. */
export function renderStep(view: WizardView): TemplateResult {
  switch (view.step) {
    case 'indicator':
      return renderIndicatorStep(view);
    case 'action':
      return renderActionStep(view);
    case 'scope':
      return renderScopeStep(view);
    default:
      return renderSummaryStep(view);
  }
}

/** The confirmation after the provider added the indicator. */
export function renderDone(result: Indicator, locale?: string): TemplateResult {
  return html`<div class="done" role="status">
    <p><strong>${msg(str`Indicator ${result.id} added.`)}</strong> ${result.expirationTime
      ? msg(str`${own(INDICATOR_ACTION_LABELS, result.action) ?? result.action} ${result.indicatorValue}, until ${formatDateTime(result.expirationTime, locale)}.`)
      : msg(str`${own(INDICATOR_ACTION_LABELS, result.action) ?? result.action} ${result.indicatorValue}, with no expiration.`)}</p>
    <p class="muted">${result.createdBy ? msg(str`Devices apply it within 48 hours. Created by ${result.createdBy}.`) : msg('Devices apply it within 48 hours.')}</p>
  </div>`;
}
