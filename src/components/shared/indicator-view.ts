/**
 * The indicators already set for an IP, drawn: the response bar's status button and list, and
 * the add-indicator wizard's note of what a new indicator replaces. Loaded when a provider first
 * lists an indicator for the IP, so the bar's first paint carries none of it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { own, type Indicator } from '../../data/model.js';
import { msg, str } from './l10n.js';
import { effectOf, expiryText, indicatorsStatus, inForce, inForceByStrength, scopeText, setByText, THREAT_INTEL_ACTION } from './indicator-status.js';
import { INDICATOR_ACTION_LABELS } from '../indicator-wizard/indicator-labels.js';
import { revealControls } from '../../lib/text.js';
import { formatDate } from '../../lib/format.js';

function actionLabel(action: string): string {
  return action === THREAT_INTEL_ACTION ? msg('Threat intel') : (own(INDICATOR_ACTION_LABELS, action) ?? revealControls(action));
}

/** What the strongest indicator in force does, as a disclosure button for the list. */
export function renderStatus(list: readonly Indicator[], open: boolean, toggle: () => void): TemplateResult {
  const { effect, word, inForce: n } = indicatorsStatus(list, Date.now());
  const count = n > 1 ? html` <span class="count">· ${n}</span>` : nothing;
  return html`<span class="item"><button type="button" class="badge indicator-status ${effect ? `effect-${effect}` : 'effect-none'}" part="indicator-status"
      aria-expanded=${open ? 'true' : 'false'} aria-controls="indicator-list" @click=${toggle}>
    <span class="dot" aria-hidden="true"></span>${word}${count}<span class="visually-hidden">: ${msg('indicators set for this IP')}</span>
  </button></span>`;
}

/** A row's actions: removing the indicator, and changing its expiry — which can be done, and where each stands. */
export interface IndicatorRowActions {
  can(i: Indicator): boolean;
  /** Whether its expiry can be changed (the backend updates an indicator submitted again). */
  canEdit(i: Indicator): boolean;
  /** The indicator whose expiry form is open, the one being saved, and the one whose save failed (with why). */
  editing?: string;
  saving?: string;
  editFailed?: { id: string; message: string };
  edit(i: Indicator): void;
  /** Save the new expiry (`YYYY-MM-DD`, or empty for none); the form keeps what was typed when it fails. */
  save(i: Indicator, date: string): void;
  cancelEdit(): void;
  /** The indicator asking "Remove it?", the one being removed, and the one whose removal failed (with why). */
  confirming?: string;
  removing?: string;
  failed?: { id: string; message: string };
  ask(i: Indicator): void;
  confirm(i: Indicator): void;
  cancel(): void;
}

/** What a changed expiry now is, for the bar's status line. */
export function changedText(i: Indicator, locale: string | undefined): string {
  const title = revealControls(i.title);
  return i.expirationTime ? msg(str`Indicator “${title}” now expires ${formatDate(i.expirationTime, locale)}.`) : msg(str`Indicator “${title}” no longer expires.`);
}

/** Why a new expiry was refused before it was sent. */
export function expiryProblem(): string {
  return msg('Choose a day after today, or leave it empty for no expiry.');
}

/** The day an expiry falls on (UTC, as it was chosen), for the form's date field. */
const dayOf = (iso: string | undefined) => (iso && Number.isFinite(Date.parse(iso)) ? new Date(Date.parse(iso)).toISOString().slice(0, 10) : '');

function renderExpiryForm(i: Indicator, r: IndicatorRowActions): TemplateResult {
  const failed = r.editFailed?.id === i.id ? r.editFailed.message : undefined;
  const saving = r.saving === i.id;
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    r.save(i, ((e.currentTarget as HTMLFormElement).elements.namedItem('expiry') as HTMLInputElement).value);
  };
  const onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || saving) return;
    e.stopPropagation();
    r.cancelEdit();
  };
  return html`<form class="expiry-form" aria-label=${msg(str`Change expiry of “${revealControls(i.title)}”`)} @submit=${onSubmit} @keydown=${onKeydown} novalidate>
    <label>${msg('Expires at the end of')} <input class="input" type="date" name="expiry" .value=${dayOf(i.expirationTime)} min=${new Date().toISOString().slice(0, 10)}
      aria-describedby=${`expiry-hint-${i.id}`} aria-invalid=${failed ? 'true' : 'false'} ?disabled=${saving} /></label>
    <span class="muted small" id=${`expiry-hint-${i.id}`}>${msg('UTC; empty for no expiry')}</span>
    <button type="submit" class="button small primary" ?disabled=${saving}>${saving ? msg('Saving…') : msg('Save')}</button>
    <button type="button" class="button subtle small expiry-cancel" ?disabled=${saving} @click=${() => r.cancelEdit()}>${msg('Cancel')}</button>
    ${failed ? html`<span class="remove-error" role="alert">${failed}</span>` : nothing}
  </form>`;
}

function renderRemove(i: Indicator, r: IndicatorRowActions): TemplateResult | typeof nothing {
  if (r.editing === i.id) return renderExpiryForm(i, r);
  const edit = r.canEdit(i)
    ? html`<button type="button" class="button subtle small edit-expiry" aria-label=${msg(str`Change expiry of “${revealControls(i.title)}”`)} @click=${() => r.edit(i)}>${msg('Change expiry')}</button>`
    : nothing;
  if (!r.can(i)) return edit === nothing ? nothing : html`<span class="row-actions">${edit}</span>`;
  const failed = r.failed?.id === i.id ? html`<span class="remove-error" role="alert">${r.failed.message}</span>` : nothing;
  if (r.removing === i.id) return html`<span class="row-actions" role="status">${msg('Removing…')}</span>`;
  if (r.confirming === i.id) {
    const onKeydown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      r.cancel();
    };
    return html`<span class="row-actions" role="group" aria-label=${msg(str`Remove the indicator “${revealControls(i.title)}”?`)} @keydown=${onKeydown}>
      <span>${i.action === THREAT_INTEL_ACTION ? msg('Remove it from the workspace? A feed may bring it back when it publishes again.') : msg('Remove it?')}</span>
      <button type="button" class="button danger small remove-confirm" @click=${() => r.confirm(i)}>${msg('Remove')}</button>
      <button type="button" class="button subtle small remove-cancel" @click=${() => r.cancel()}>${msg('Keep')}</button>
    </span>${failed}`;
  }
  return html`<span class="row-actions">${edit}<button type="button" class="button subtle small remove" aria-label=${msg(str`Remove the indicator “${revealControls(i.title)}”`)} @click=${() => r.ask(i)}>${msg('Remove')}</button></span>${failed}`;
}

/** One line per indicator: those in force strongest first, then the expired ones. */
export function renderList(list: readonly Indicator[], locale: string | undefined, remove?: IndicatorRowActions): TemplateResult {
  const now = Date.now();
  const shown = [...inForceByStrength(list, now), ...list.filter((i) => !inForce(i, now))];
  return html`<div id="indicator-list" class="indicator-list" part="indicator-list" role="region" aria-label=${msg('Indicators set for this IP')}>
    <ul>
      ${shown.map((i) => {
        const live = inForce(i, now);
        return html`<li class=${live ? '' : 'expired'} data-id=${i.id}>
          <span class="badge effect-${live ? effectOf(i.action) : 'none'}">${actionLabel(i.action)}</span>
          <span class="indicator-title">${revealControls(i.title)}</span>
          <span class="muted">${msg(str`${scopeText(i)} · ${expiryText(i, now, locale)} · ${setByText(i, locale)}`)}</span>
          ${remove ? renderRemove(i, remove) : nothing}
        </li>`;
      })}
    </ul>
  </div>`;
}

/** The wizard's note: the indicator in force a new one replaces (the strongest, when there are several). */
export function renderReplaceNote(list: readonly Indicator[], locale: string | undefined): TemplateResult | typeof nothing {
  const now = Date.now();
  // A threat intelligence indicator is not one a new indicator replaces.
  const [first, ...more] = inForceByStrength(list.filter((i) => i.action !== THREAT_INTEL_ACTION), now);
  if (!first) return nothing;
  const action = actionLabel(first.action);
  const what = msg(str`${action} on ${scopeText(first)}, ${expiryText(first, now, locale)}`);
  return html`<p class="existing-note" role="note">${more.length
    ? msg(str`This IP already has ${more.length + 1} indicators in force, the strongest: ${what}. Submitting a new one replaces the one of the same value.`)
    : msg(str`This IP already has an indicator: ${what}. Submitting a new one replaces it.`)}</p>`;
}
