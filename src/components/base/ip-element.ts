/**
 * The base of every public element: the look (`theme`, `density`, applied by the shared tokens)
 * and the language (words follow the document's `lang`, or the element's own when it stands
 * alone). Sections add data on top (data-element.ts, section-element.ts).
 */
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../shared/locale-controller.js';

export class IpElement extends LitElement {
  /** `light` or `dark`; default follows the page or the OS. */
  @property({ type: String, reflect: true }) theme?: 'light' | 'dark';
  /** `compact` spacing. */
  @property({ type: String, reflect: true }) density?: 'comfortable' | 'compact';

  /** Its words follow the document's language; alone (or with its own `lang`) it sets it. */
  readonly #language = new LocaleController(this);
  /** The locale in force (`lang` of the nearest ancestor, e.g. the page's `locale`), resolved on each update: words and formats. */
  protected locale?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.locale = this.#language.value;
  }
}
