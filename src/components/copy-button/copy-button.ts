import { copyButtonStyles } from './copy-button.styles.js';
import { CopyControls } from './copy-controls.js';
import { IpElement } from '../base/ip-element.js';
import { msg } from '../shared/l10n.js';
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';

/**
 * A button that copies a value to the clipboard and says so visibly and to screen readers.
 * When the Clipboard API is denied (permissions, insecure context) it shows the value selected
 * in a field with "Press Ctrl+C to copy", so the user can still copy it.
 *
 * @tag ip-copy-button
 * @fires ip-copy - After a copy attempt; `detail: { value, ok }`.
 * @csspart button - The button.
 * @csspart fallback - The field shown when the clipboard cannot be written.
 * @cssprop --ip-color-success - Colour of the "copied" confirmation.
 */
export class IpCopyButton extends IpElement {
  /** Focus goes to the button inside: the element is one Tab stop (not the host, then the button). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    tokens,
    sharedStyles,
    copyButtonStyles,
  ];

  readonly #controls = new CopyControls(this);

  /** The text to copy. */
  @property({ type: String }) value = '';
  /** Accessible name of the button, e.g. "Copy IP address". */
  @property({ type: String }) label?: string;
  /** Show the label next to the icon, not only to screen readers. */
  @property({ type: Boolean, attribute: 'show-label' }) showLabel = false;

  /** Copy the value now, as a click would. Resolves with whether it reached the clipboard. */
  copy(): Promise<boolean> {
    return this.#controls.copy(this.value, 'value');
  }

  override render() {
    return html`${this.#controls.render(this.value, { label: this.label ?? msg('Copy'), key: 'value', showLabel: this.showLabel, parts: true })}${this.#controls.status()}`;
  }
}
