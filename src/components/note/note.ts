import { css, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { initialState, Task } from '@lit/task';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { IpDataElement } from '../base/data-element.js';
import { NOTE_MAX, type IpNote } from '../../data/model.js';
import { IpDataError } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import { requestAction } from '../shared/actions.js';
import { shown, timeAgo } from '../shared/ui.js';
import { formatNumber } from '../../lib/format.js';
import { msg, str } from '../shared/l10n.js';

/**
 * The note colleagues left on the IP, kept by the provider (`getNote`, `saveNote`): what the last
 * shift knew ("pentest until Friday", "blocked, see INC-41234"), who wrote it and when. Edit it in
 * place (plain text, at most 4,000 characters; empty removes it). A save names the version it
 * changes: when a colleague saved meanwhile, their note is shown and the analyst's text is kept,
 * to save over theirs or cancel. Nothing shows where the provider keeps no notes; an IP without
 * one offers "Add a note for colleagues".
 *
 * @tag ip-note
 * @fires ip-action-request - Before a save (`action: 'save-note'`); cancelable.
 * @fires ip-error - Loading or saving failed; `detail.section` is `note`.
 * @csspart base - The note, or the button to add one.
 * @csspart form - The edit form.
 */
export class IpNoteElement extends IpDataElement {
  static override styles = [
    tokens,
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .note {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 4px var(--_space);
        padding: calc(var(--_space) * 0.75) var(--_space);
        border: 1px solid var(--_color-border);
        border-inline-start: 3px solid var(--_color-accent);
        border-radius: var(--_radius-small);
        background: var(--_color-surface);
      }
      .text {
        flex: 1 1 24rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--_color-text-muted);
        font-size: var(--_font-size-small);
      }
      form {
        display: grid;
        gap: 4px;
        max-width: 48rem;
      }
      textarea {
        min-height: 4.5em;
        resize: vertical;
        font: inherit;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
      }
      .conflict {
        padding: var(--_space);
        border: 1px solid var(--_color-warning);
        border-radius: var(--_radius-small);
      }
    `,
  ];

  @state() private editing = false;
  @state() private draft = '';
  @state() private saving = false;
  @state() private failure?: string;
  /** The colleague's note saved while the analyst edited. */
  @state() private theirs?: IpNote | null;
  /** The note as it was when editing began (its version is the one the save changes). */
  #base?: IpNote | null;

  readonly #note = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, offered], { signal }): Promise<IpNote | null> => {
      if (!provider?.getNote || !ip || !offered) return initialState as never;
      return provider.getNote(ip.canonical, { signal });
    },
    args: () => [this.source.provider, this.source.ip, this.capabilities?.notes === true] as const,
    onError: (error) => this.reportError('note', error),
  }));

  protected override get needsCapabilities(): boolean {
    return true;
  }

  /** The IP the open form is for. */
  #editingFor?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another IP: what was being written belonged to the last one.
    if (this.editing && this.#editingFor !== this.source.ip?.canonical) {
      this.editing = false;
      this.theirs = undefined;
      this.failure = undefined;
    }
  }

  get #canSave(): boolean {
    return typeof this.source.provider?.saveNote === 'function';
  }

  #focus(selector: string) {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  #edit() {
    this.#base = this.#note.value ?? null;
    this.draft = this.#base?.text ?? '';
    this.failure = undefined;
    this.theirs = undefined;
    this.editing = true;
    this.#editingFor = this.source.ip?.canonical;
    this.#focus('textarea');
  }

  #cancel() {
    this.editing = false;
    this.failure = undefined;
    // A colleague's note seen meanwhile is the one shown now.
    if (this.theirs !== undefined) void this.#note.run();
    this.theirs = undefined;
    this.#focus(this.#note.value ? '.edit' : '.add');
  }

  async #save(e: SubmitEvent) {
    e.preventDefault();
    const provider = this.source.provider;
    const ip = this.source.ip?.canonical;
    if (!provider?.saveNote || !ip || this.saving) return;
    const text = this.draft;
    if (text.length > NOTE_MAX) return void (this.failure = msg(str`A note has at most ${formatNumber(NOTE_MAX, this.locale)} characters.`));
    this.saving = true;
    this.failure = undefined;
    const refused = await requestAction(this, { action: 'save-note', ip });
    if (refused) return this.#fail(refused);
    // Over a colleague's newer note only when the analyst has seen it and saves again.
    const version = (this.theirs !== undefined ? this.theirs : this.#base)?.version;
    try {
      const saved = await provider.saveNote(ip, { text, ...(version !== undefined ? { version } : {}) }, { signal: AbortSignal.timeout(60_000), idempotencyKey: crypto.randomUUID() });
      this.source.forget('getNote');
      await this.#note.run();
      this.saving = false;
      this.editing = false;
      this.theirs = undefined;
      this.#focus(saved ? '.edit' : '.add');
    } catch (error) {
      if (error instanceof IpDataError && error.status === 409) {
        // Saved meanwhile: show theirs, keep what was typed.
        this.source.forget('getNote');
        this.theirs = await provider.getNote!(ip, { signal: AbortSignal.timeout(60_000) }).catch(() => null);
        return this.#fail(msg('A colleague saved this note while you were writing. Their note is below; Save again to replace it, or Cancel to keep theirs.'));
      }
      this.reportError('note', error);
      this.#fail(describeError(error));
    }
  }

  #fail(message: string) {
    this.saving = false;
    this.failure = message;
    this.#focus('textarea');
  }

  #renderForm() {
    const n = this.draft.length;
    return html`<form part="form" @submit=${this.#save} novalidate @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape' && !this.saving) {
        e.stopPropagation();
        this.#cancel();
      }
    }}>
      <label for="note-text">${msg('Note for colleagues on this IP')}</label>
      <textarea id="note-text" class="input" maxlength=${NOTE_MAX} .value=${this.draft} ?disabled=${this.saving} aria-describedby="note-hint"
        aria-invalid=${this.failure ? 'true' : 'false'} @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}></textarea>
      <span id="note-hint" class="meta">${msg(str`${formatNumber(n, this.locale)} of ${formatNumber(NOTE_MAX, this.locale)} characters; empty removes the note.`)}</span>
      ${this.theirs ? html`<div class="conflict" role="group" aria-label=${msg('The note a colleague saved')}><span class="text">${shown(this.theirs.text, { keepNewlines: true })}</span>
        <span class="meta">${this.theirs.updatedBy ? html`${shown(this.theirs.updatedBy)} · ` : nothing}${timeAgo(this.theirs.updatedAt, this.locale)}</span></div>` : nothing}
      ${this.failure ? html`<p class="error-text" role="alert">${this.failure}</p>` : nothing}
      <div class="row">
        <button type="submit" class="button primary" ?disabled=${this.saving}>${this.saving ? msg('Saving…') : msg('Save')}</button>
        <button type="button" class="button subtle" ?disabled=${this.saving} @click=${() => this.#cancel()}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  override render() {
    if (this.editing) return this.#renderForm();
    const note = this.#note.value;
    if (note === undefined || this.#note.error) return nothing;
    if (!note) return this.#canSave ? html`<button type="button" class="button subtle add" part="base" @click=${() => this.#edit()}>${msg('Add a note for colleagues')}</button>` : nothing;
    return html`<div class="note" part="base" role="note" aria-label=${msg('Note on this IP')}>
      <span class="text">${shown(note.text, { keepNewlines: true })}</span>
      <span class="meta">${note.updatedBy ? html`${shown(note.updatedBy)} · ` : nothing}${timeAgo(note.updatedAt, this.locale)}</span>
      ${this.#canSave ? html`<button type="button" class="button subtle small edit" aria-label=${msg('Edit the note')} @click=${() => this.#edit()}>${msg('Edit')}</button>` : nothing}
    </div>`;
  }
}
