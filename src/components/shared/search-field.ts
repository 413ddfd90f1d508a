/**
 * The search box of the lists (alerts, devices, timeline): an icon, a hidden label, and an input
 * that applies what was typed after a pause, at once on Enter, and clears on Escape. A reactive
 * controller, so the pending timer dies with the element.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { searchIcon } from './icons.js';

export interface SearchFieldOptions {
  /** Element id of the input (for `label for` and `/` shortcuts). */
  id: string;
  /** Accessible name. */
  label: string;
  placeholder: string;
  /** The applied search. */
  value: string;
}

export class SearchFieldController implements ReactiveController {
  readonly #apply: (value: string) => void;
  readonly #delay: number;
  #timer?: ReturnType<typeof setTimeout>;

  /** `apply` receives the search to run; `delay` is the pause after typing, in ms. */
  constructor(host: ReactiveControllerHost, apply: (value: string) => void, delay = 250) {
    this.#apply = apply;
    this.#delay = delay;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Forget what is waiting to be applied (e.g. when the filters are cleared). */
  cancel(): void {
    clearTimeout(this.#timer);
  }

  #onInput = (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    this.cancel();
    this.#timer = setTimeout(() => this.#apply(value), this.#delay);
  };

  #onKeydown = (e: KeyboardEvent) => {
    const input = e.target as HTMLInputElement;
    if (e.key === 'Enter') {
      this.cancel();
      this.#apply(input.value);
    } else if (e.key === 'Escape' && input.value) {
      e.stopPropagation();
      input.value = '';
      this.cancel();
      this.#apply('');
    }
  };

  render(o: SearchFieldOptions): TemplateResult {
    return html`<div class="search search-field">
      <span class="search-icon" aria-hidden="true">${searchIcon}</span>
      <label class="visually-hidden" for=${o.id}>${o.label}</label>
      <input id=${o.id} class="input" type="search" placeholder=${o.placeholder} .value=${o.value} autocomplete="off" @input=${this.#onInput} @keydown=${this.#onKeydown} />
    </div>`;
  }
}

