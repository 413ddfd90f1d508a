import { html, nothing, type PropertyValues } from 'lit';
import { IpCancelLoadEvent } from '../../events/events.js';
import { slowNoticeStyles } from './slow-notice.styles.js';
import { IpElement } from '../base/ip-element.js';
import { property, state } from 'lit/decorators.js';
import { msg } from '../shared/l10n.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { slowNoticeClass } from '../shared/slow-notice-class.js';

/**
 * Says that a section is still loading once it has taken a while, how long so far, and offers
 * Cancel: an advanced-hunting or Log Analytics query may run for three minutes, and the analyst
 * decides whether to wait. Nothing shows before `delay` milliseconds. The sections of the page
 * show it while they load; a host's own slow section can use it too.
 *
 * @tag ip-slow-notice
 * @fires ip-cancel-load - Cancel was pressed: the section stops waiting (bubbles, not composed).
 * @csspart notice - The line with the message, the time so far and Cancel.
 * @csspart cancel - The Cancel button.
 */
export class IpSlowNotice extends IpElement {
  static override styles = [
    tokens,
    sharedStyles,
    slowNoticeStyles,
  ];

  /** When the wait began, in milliseconds since the epoch (default: when the element connected). */
  @property({ type: Number }) since = 0;

  /**
   * How long every notice waits before saying anything, unless its own `delay` is set (milliseconds).
   * The page's sections create their notice a second before this (shared/late-notice.ts, which
   * reads it through shared/slow-notice-class.ts, and assumes this default until this module loads).
   */
  static defaultDelay = 8_000;

  /** How long to wait before saying anything, in milliseconds (default `IpSlowNotice.defaultDelay`). */
  @property({ type: Number }) delay?: number;

  @state() private now = Date.now();

  #timer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.since) this.since = Date.now();
    this.#timer = setInterval(() => (this.now = Date.now()), 1_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('since')) this.now = Date.now();
  }

  #cancel() {
    this.dispatchEvent(new IpCancelLoadEvent());
  }

  override render() {
    const elapsed = Math.max(0, this.now - this.since);
    if (elapsed < (this.delay ?? IpSlowNotice.defaultDelay)) return nothing;
    const seconds = Math.floor(elapsed / 1000);
    const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    // The message is announced once; the running time is for the eyes (announcing it every second would drown a screen reader).
    return html`<p class="notice" part="notice">
      <span role="status">${msg('Still loading: the data source can take up to a few minutes.')}</span>
      <span class="elapsed" aria-hidden="true">${clock}</span>
      <button type="button" class="button small" part="cancel" @click=${this.#cancel}>${msg('Cancel')}</button>
    </p>`;
  }
}

slowNoticeClass.current = IpSlowNotice;
