import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { alertsFlyoutStyles } from './alerts-flyout.styles.js';
import { property, query, state } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { dateTime, missing, severityBadge, shown, timeAgo } from '../shared/ui.js';
import { categories, detectionSources, serviceSources, sourceLabel, words } from './columns.js';
import {
  ALERT_STATUSES,
  CLASSIFICATIONS,
  DETERMINATIONS_BY_CLASSIFICATION,
  type AlertItem,
  type AlertPatch,
  type KnownClassification,
} from '../../data/model.js';
import { labelFor } from '../shared/labels.js';
import { ALERT_STATUS_LABELS, CLASSIFICATION_LABELS, DETERMINATION_LABELS, INVESTIGATION_STATE_LABELS } from '../shared/queue-labels.js';
import { IpFlyoutCloseEvent, IpFlyoutSaveEvent } from '../../events/internal.js';
import { formatNumber } from '../../lib/format.js';
import { msg, str, updateWhenLocaleChanges } from '../shared/l10n.js';
import { ASSET_KIND_LABELS } from '../shared/queue-labels.js';

const KEEP = '__keep__';

interface FormValues {
  status: string;
  classification: string;
  determination: string;
  assign: string;
  assignee: string;
  comment: string;
}
const UNSET = '__unset__';
const ME = '__me__';
const OTHER = '__other__';

/** A term and its list, or nothing when the list is empty. */
function listRow(term: string, values: readonly string[]): TemplateResult | typeof nothing {
  return values.length ? html`<dt>${term}</dt><dd>${shown(values.join(', '))}</dd>` : nothing;
}

/**
 * The side panel of `<ip-alerts-list>`: details of the selected incident or alert (or a summary of
 * several) and, when the provider can manage alerts, the controls to change status,
 * classification and determination, assignment, and to add a comment. The form keeps what was
 * typed until a save succeeds or the selection changes. A part of the list, not used alone: its
 * events stay inside the list (not composed).
 *
 * @internal
 * @tag ip-alerts-flyout
 * @fires ip-flyout-save - The user saved; `detail: { patch }`. The list calls the provider.
 * @fires ip-flyout-close - The user closed the panel (close button or Escape).
 * @csspart base - The panel.
 * @csspart form - The manage form.
 */
export class IpAlertsFlyout extends LitElement {
  static override styles = [
    tokens,
    sharedStyles,
    alertsFlyoutStyles,
  ];

  @query('h2') private headingEl?: HTMLElement;
  @state() private status = KEEP;
  @state() private classification = KEEP;
  @state() private determination = KEEP;
  @state() private assign = KEEP;
  @state() private assignee = '';
  @state() private comment = '';

  /** The selected items that are loaded (all of them for a small selection). */
  @property({ attribute: false }) items: AlertItem[] = [];
  /** How many are selected (more than `items` when "all matching" is selected). */
  @property({ type: Number }) count = 0;
  /** Show the manage controls (the provider can update alerts). */
  @property({ type: Boolean }) manageable = false;
  /** Who "Assign to me" assigns to. */
  @property({ type: String, attribute: 'current-user' }) currentUser?: string;
  /** A save is in progress. */
  @property({ type: Boolean }) saving = false;
  /** Why the last save failed; the form keeps its values. */
  @property({ type: String }) error?: string;
  @property({ type: String }) locale?: string;
  /**
   * Which selection the form belongs to: it starts over only when this changes, never because
   * the grid scrolled, pages were dropped from memory or the total moved.
   */
  @property({ type: Number, attribute: 'selection-key' }) selectionKey = 0;

  /** What the form held when Save was pressed (a success clears only what was saved). */
  #submitted?: FormValues;
  /** "Saved …", said after a save succeeded, until the form or the selection changes. */
  @state() private savedNote = '';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Move focus to the panel's heading (when it opens from the keyboard). */
  override focus(): void {
    this.headingEl?.focus();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A different selection: start from its values; an unsaved form belongs to the old one.
    if (changed.has('selectionKey')) {
      this.#reset();
      this.savedNote = '';
    }
    // The single item arrived (it was not loaded when the panel opened): start from its values.
    else if (changed.has('items') && this.#single && !changed.get('items')?.some((a) => a.id === this.#single!.id) && !this.#dirty()) this.#reset();
  }

  #values(): FormValues {
    return { status: this.status, classification: this.classification, determination: this.determination, assign: this.assign, assignee: this.assignee, comment: this.comment };
  }

  #dirty(): boolean {
    return Object.keys(this.patch()).length > 0;
  }

  get #single(): AlertItem | undefined {
    return this.count === 1 ? this.items[0] : undefined;
  }

  /** The form's starting values for the selection (the item's own values when one is selected). */
  #initial(one = this.#single): FormValues {
    return {
      status: one ? one.status : KEEP,
      classification: one ? (one.classification ?? UNSET) : KEEP,
      determination: one ? (one.determination ?? KEEP) : KEEP,
      assign: KEEP,
      assignee: '',
      comment: '',
    };
  }

  #apply(values: FormValues) {
    this.status = values.status;
    this.classification = values.classification;
    this.determination = values.determination;
    this.assign = values.assign;
    this.assignee = values.assignee;
    this.comment = values.comment;
  }

  #reset() {
    this.#submitted = undefined;
    this.#apply(this.#initial());
  }

  /** What the form changes, relative to the item (one) or as a bulk edit (several). */
  patch(): AlertPatch {
    const one = this.#single;
    const patch: AlertPatch = {};
    if (this.status !== KEEP && this.status !== one?.status) patch.status = this.status;
    if (this.classification !== KEEP) {
      const value = this.classification === UNSET ? null : this.classification;
      if (!one || value !== one.classification) patch.classification = value;
    }
    if (this.determination !== KEEP && this.classification !== UNSET) {
      if (!one || this.determination !== one.determination || patch.classification !== undefined) patch.determination = this.determination;
    }
    if (patch.classification === null) patch.determination = null;
    if (this.assign === UNSET) patch.assignedTo = null;
    else if (this.assign === ME && this.currentUser) patch.assignedTo = this.currentUser;
    else if (this.assign === OTHER && this.assignee.trim()) patch.assignedTo = this.assignee.trim();
    if (this.comment.trim()) patch.comment = this.comment.trim();
    return patch;
  }

  #onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.saving) return;
    const patch = this.patch();
    if (Object.keys(patch).length === 0) return;
    this.#submitted = this.#values();
    this.dispatchEvent(new IpFlyoutSaveEvent(patch));
  }

  #onKeydown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.#close();
    }
  }

  #close() {
    this.dispatchEvent(new IpFlyoutCloseEvent());
  }

  /**
   * A save succeeded: fields still holding what was saved start over from the updated item;
   * anything changed since Save was pressed is kept.
   */
  saved(updated: readonly AlertItem[] = []): void {
    const one = this.#single;
    const fresh = this.#initial(one ? (updated.find((a) => a.id === one.id) ?? one) : undefined);
    const submitted = this.#submitted;
    const now = this.#values();
    const next = { ...now };
    for (const key of Object.keys(fresh) as Array<keyof FormValues>) {
      if (!submitted || now[key] === submitted[key]) next[key] = fresh[key];
    }
    this.#submitted = undefined;
    this.#apply(next);
    const n = updated.length;
    this.savedNote =
      n > 1
        ? msg(str`Saved: ${formatNumber(n, this.locale)} incidents and alerts changed.`)
        : updated[0]?.kind === 'incident'
          ? msg('Saved: the incident changed.')
          : updated[0]?.kind === 'alert'
            ? msg('Saved: the alert changed.')
            : msg('Saved: the change was made.');
  }

  // ---- rendering ----------------------------------------------------------------------------

  #renderDetails(a: AlertItem): TemplateResult {
    const locale = this.locale;
    const devices = a.impactedAssets.filter((x) => x.kind === 'device');
    const others = a.impactedAssets.filter((x) => x.kind !== 'device');
    return html`
      <p>${severityBadge(a.severity)} <span class="muted small">· ${labelFor(ALERT_STATUS_LABELS, a.status, ALERT_STATUS_LABELS.unknown)} · ${a.assignedTo ? shown(a.assignedTo) : msg('Unassigned')}</span></p>
      ${a.description ? html`<section><h3>${msg('Description')}</h3><p class="multiline">${shown(a.description, { keepNewlines: true })}</p></section>` : nothing}
      <section>
        <h3>${msg('Timeline')}</h3>
        <dl class="details small">
          <dt>${msg('First activity')}</dt><dd>${dateTime(a.firstActivity, locale)}</dd>
          <dt>${msg('Last activity')}</dt><dd>${dateTime(a.lastActivity, locale)}</dd>
          ${a.createdAt ? html`<dt>${msg('Created')}</dt><dd>${dateTime(a.createdAt, locale)}</dd>` : nothing}
          ${a.lastUpdated ? html`<dt>${msg('Last update')}</dt><dd>${dateTime(a.lastUpdated, locale)}</dd>` : nothing}
          <dt>${msg('Classification')}</dt><dd>${a.classification ? `${labelFor(CLASSIFICATION_LABELS, a.classification)}${a.determination ? ` · ${labelFor(DETERMINATION_LABELS, a.determination)}` : ''}` : CLASSIFICATION_LABELS.unset}</dd>
          <dt>${msg('Investigation')}</dt><dd>${a.investigationState ? labelFor(INVESTIGATION_STATE_LABELS, a.investigationState) : missing()}</dd>
          ${a.kind === 'alert' ? html`<dt>${msg('Incident')}</dt><dd>${a.incidentId ? shown(a.incidentId) : missing()}</dd>` : html`<dt>${msg('Alerts')}</dt><dd>${a.alertCount ?? missing()}</dd>`}
          ${listRow(msg('Tags'), a.tags ?? [])}
          ${listRow(msg('Categories'), categories(a).map(words))}
          ${listRow(msg('Service sources'), serviceSources(a).map(sourceLabel))}
          <dt>${msg('Detection sources')}</dt><dd>${detectionSources(a).length ? shown(detectionSources(a).map(sourceLabel).join(', ')) : missing()}</dd>
          ${listRow(msg('Product names'), a.productNames ?? [])}
          ${listRow(msg('Device groups'), a.deviceGroups ?? [])}
          ${listRow(msg('MITRE ATT&CK'), a.mitreTechniques ?? [])}
        </dl>
      </section>
      <section>
        <h3>${msg('Related devices')}</h3>
        ${devices.length ? html`<ul>${devices.map((d) => html`<li>${shown(d.name)}</li>`)}</ul>` : html`<p class="muted small">${msg('None.')}</p>`}
      </section>
      ${others.length ? html`<section><h3>${msg('Other impacted assets')}</h3><ul>${others.map((d) => html`<li>${shown(d.name)} <span class="muted small">(${labelFor(ASSET_KIND_LABELS, d.kind)})</span></li>`)}</ul></section>` : nothing}
      ${a.evidence?.length
        ? html`<section><h3>${msg('Evidence')}</h3><ul>${a.evidence.map((e) => html`<li>${shown(`${e.entityType}: ${e.name}`)}${e.verdict ? html` <span class="muted small">(${shown(e.verdict)})</span>` : nothing}</li>`)}</ul></section>`
        : nothing}
      <section>
        <h3>${msg('Comments')}</h3>
        ${a.comments?.length
          ? a.comments.map((c) => html`<div class="comment"><p class="multiline">${shown(c.comment, { keepNewlines: true })}</p><p class="muted small">${c.createdBy ? shown(c.createdBy) : msg('Someone')} · ${timeAgo(c.createdAt, locale)}</p></div>`)
          : html`<p class="muted small">${msg('No comments yet.')}</p>`}
      </section>
    `;
  }

  #renderForm(): TemplateResult {
    const bulk = !this.#single;
    const keep = html`<option value=${KEEP} ?selected=${this.status === KEEP}>${msg('Keep as is')}</option>`;
    const cls = this.classification;
    const determinations = cls !== KEEP && cls !== UNSET ? (DETERMINATIONS_BY_CLASSIFICATION[cls as KnownClassification] ?? []) : [];
    const dirty = Object.keys(this.patch()).length > 0;
    // While saving the form is read-only (what is being saved cannot change under it). Save is
    // never really disabled (aria-disabled, and the submit does nothing): pressed from the
    // keyboard, focus stays on it while it saves and after the saved form clears.
    return html`<form part="form" @submit=${this.#onSubmit} aria-labelledby="manage-heading" aria-busy=${this.saving ? 'true' : 'false'}>
      <h3 id="manage-heading">${bulk ? msg(str`Manage ${formatNumber(this.count, this.locale)} selected`) : this.#single?.kind === 'incident' ? msg('Manage incident') : msg('Manage alert')}</h3>
      <label>${msg('Status')}
        <select class="input" name="status" ?disabled=${this.saving} .value=${this.status} @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value)}>
          ${bulk ? keep : nothing}
          ${ALERT_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${ALERT_STATUS_LABELS[s]}</option>`)}
        </select>
      </label>
      <label>${msg('Classification')}
        <select class="input" name="classification" ?disabled=${this.saving} @change=${(e: Event) => {
          this.classification = (e.target as HTMLSelectElement).value;
          this.determination = KEEP;
        }}>
          ${bulk ? html`<option value=${KEEP} ?selected=${cls === KEEP}>${msg('Keep as is')}</option>` : nothing}
          <option value=${UNSET} ?selected=${cls === UNSET}>${CLASSIFICATION_LABELS.unset}</option>
          ${CLASSIFICATIONS.map((c) => html`<option value=${c} ?selected=${cls === c}>${CLASSIFICATION_LABELS[c]}</option>`)}
        </select>
      </label>
      <label>${msg('Determination')}
        <select class="input" name="determination" ?disabled=${determinations.length === 0 || this.saving} @change=${(e: Event) => (this.determination = (e.target as HTMLSelectElement).value)}>
          <option value=${KEEP} ?selected=${this.determination === KEEP}>${determinations.length ? msg('Choose…') : msg('Choose a classification first')}</option>
          ${determinations.map((d) => html`<option value=${d} ?selected=${this.determination === d}>${labelFor(DETERMINATION_LABELS, d)}</option>`)}
        </select>
      </label>
      <label>${msg('Assign to')}
        <select class="input" name="assign" ?disabled=${this.saving} @change=${(e: Event) => (this.assign = (e.target as HTMLSelectElement).value)}>
          <option value=${KEEP} ?selected=${this.assign === KEEP}>${msg('Keep as is')}</option>
          ${this.currentUser ? html`<option value=${ME} ?selected=${this.assign === ME}>${msg(str`Me (${this.currentUser})`)}</option>` : nothing}
          <option value=${OTHER} ?selected=${this.assign === OTHER}>${msg('Someone else…')}</option>
          <option value=${UNSET} ?selected=${this.assign === UNSET}>${msg('Unassigned')}</option>
        </select>
      </label>
      ${this.assign === OTHER
        ? html`<label>${msg('Assignee')} <input class="input" name="assignee" autocomplete="off" ?readonly=${this.saving} .value=${this.assignee} @input=${(e: Event) => (this.assignee = (e.target as HTMLInputElement).value)} /></label>`
        : nothing}
      <label>${msg('Comment')}
        <textarea class="input" name="comment" ?readonly=${this.saving} .value=${this.comment} @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}></textarea>
      </label>
      ${this.error ? html`<p class="error" role="alert">${msg(str`Not saved: ${this.error} Your changes are still here; try again.`)}</p>` : nothing}
      <p class="saved small" role="status">${this.savedNote && !dirty && !this.saving && !this.error ? this.savedNote : nothing}</p>
      <div class="actions">
        <button type="submit" class="button primary" aria-disabled=${!dirty || this.saving ? 'true' : 'false'}>${this.saving ? msg('Saving…') : msg('Save')}</button>
        <button type="button" class="button" aria-disabled=${!dirty || this.saving ? 'true' : 'false'} @click=${() => dirty && !this.saving && this.#reset()}>${msg('Discard changes')}</button>
      </div>
    </form>`;
  }

  override render() {
    const one = this.#single;
    const title = one ? shown(one.title) : msg(str`${formatNumber(this.count, this.locale)} selected`);
    return html`<aside class="panel" part="base" role="region" aria-labelledby="flyout-title" @keydown=${this.#onKeydown}>
      <div class="head">
        <div>
          ${one ? html`<span class="kind">${one.kind === 'incident' ? msg('Incident') : msg('Alert')}</span> <span class="muted small mono">${shown(one.id)}</span>` : nothing}
          <h2 id="flyout-title" tabindex="-1">${title}</h2>
        </div>
        <button type="button" class="button subtle" aria-label=${msg('Close details')} title=${msg('Close (Esc)')} @click=${() => this.#close()}>✕</button>
      </div>
      <div class="body">
        ${one
          ? this.#renderDetails(one)
          : html`<p>${this.items.length ? msg('Including:') : msg('Loading the selection…')}</p>
              <ul>${this.items.slice(0, 8).map((a) => html`<li>${shown(a.title)} <span class="muted small">(${a.id})</span></li>`)}</ul>
              ${this.count > 8 ? html`<p class="muted small">${msg(str`…and ${formatNumber(this.count - Math.min(8, this.items.length), this.locale)} more.`)}</p>` : nothing}`}
      </div>
      ${this.manageable ? this.#renderForm() : html`<p class="muted small body">${msg('Read-only: this data source cannot change incidents and alerts.')}</p>`}
    </aside>`;
  }
}
