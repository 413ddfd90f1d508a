import { msg } from '../shared/l10n.js';
import { shortcutsDialogStyles } from './shortcuts-dialog.styles.js';
import { IpElement } from '../base/ip-element.js';
import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { ModalDialogController } from '../shared/modal-dialog.js';
import { IpShortcutsCloseEvent } from '../../events/events.js';

/** One line of the help: the keys (each shown as a key cap) and what they do. */
export interface ShortcutLine {
  keys: readonly string[];
  label: string;
}

/** A titled group of lines. */
export interface ShortcutSection {
  title: string;
  items: readonly ShortcutLine[];
}

/**
 * The "Keyboard shortcuts" help: a modal dialog listing what keys do, in groups, as a
 * description list per group (each key a `<kbd>`). `<ip-entity-page>` opens it with `?` and
 * fills it with the shortcuts it offers at that moment (only the tabs and actions there are);
 * it works alone with any `sections`.
 *
 * Keyboard: a WAI-ARIA modal dialog (focus moves to Close, Tab wraps, Escape closes and focus
 * returns where it was).
 *
 * @tag ip-shortcuts-dialog
 * @fires ip-shortcuts-close - The dialog closed (Close, Escape).
 * @csspart dialog - The dialog.
 * @csspart key - Each key cap.
 * @cssprop --ip-shortcuts-dialog-width - Width of the dialog (default 36rem).
 */
export class IpShortcutsDialog extends IpElement {
  static override styles = [
    tokens,
    sharedStyles,
    dialogStyles,
    shortcutsDialogStyles,
  ];
  /** Whether the dialog is open. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** The groups of shortcuts to list. */
  @property({ attribute: false }) sections: readonly ShortcutSection[] = [];

  @query('dialog') private dialog?: HTMLDialogElement;

  readonly #modal = new ModalDialogController(this, {
    dialog: () => this.dialog,
    open: () => this.open,
    requestClose: () => this.hide(),
  });

  /** Open, with focus on Close; on close focus goes to `returnFocusTo` (default: what had focus). */
  show(returnFocusTo?: HTMLElement | null): void {
    if (!this.open) this.#modal.rememberFocus(returnFocusTo);
    this.open = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.close')?.focus());
  }

  /** Close; focus returns where it came from. */
  hide(): void {
    if (!this.open) return;
    this.open = false;
    void this.updateComplete.then(() => {
      this.#modal.restoreFocus();
      this.dispatchEvent(new IpShortcutsCloseEvent());
    });
  }

  override render() {
    return html`<dialog class="dialog" part="dialog" aria-labelledby="shortcuts-title" @keydown=${this.#modal.onKeydown} @cancel=${this.#modal.onCancel}>
      ${this.open
        ? html`<div class="dialog-header">
              <h2 id="shortcuts-title">${msg('Keyboard shortcuts')}</h2>
              <button type="button" class="button subtle close" aria-label=${msg('Close')} @click=${() => this.hide()}>✕</button>
            </div>
            ${this.sections.map(
              (s, i) => html`<h3 id="group-${i}">${s.title}</h3>
                <dl aria-labelledby="group-${i}">
                  ${s.items.map(
                    (item) => html`<dt>${item.keys.map((k, j) => html`${j ? html`<span class="visually-hidden">${msg('or')}</span>` : nothing}<kbd part="key">${k}</kbd>`)}</dt>
                      <dd>${item.label}</dd>`,
                  )}
                </dl>`,
            )}
            <p class="note muted">${msg('Shortcuts wait while you type in a field, and inside dialogs and menus.')}</p>`
        : nothing}
    </dialog>`;
  }
}
