/**
 * An element's language: re-render when the document's language changes (its words are
 * @lit/localize messages), and set it from the element's own locale — an explicit one (the page's
 * `locale`), else the `lang` of the nearest ancestor — when that changes. Only a change is applied,
 * so an element never takes the language back from a later one that set another.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { updateWhenLocaleChanges } from './l10n.js';
import { localeOf } from '../../lib/format.js';
import { applyLocale } from './localization.js';

export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #explicit: () => string | undefined;
  #applied?: string;
  /** The locale for formats (`Intl`), resolved before each update. */
  value?: string;

  constructor(host: ReactiveControllerHost & HTMLElement, explicit: () => string | undefined = () => undefined) {
    this.#host = host;
    this.#explicit = explicit;
    updateWhenLocaleChanges(host);
    host.addController(this);
  }

  hostUpdate(): void {
    this.value = this.#explicit() ?? localeOf(this.#host);
    if (this.value === this.#applied) return;
    this.#applied = this.value;
    void applyLocale(this.value);
  }
}
