import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { initialState, Task } from '@lit/task';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { IpDataElement } from '../base/data-element.js';
import type { Indicator } from '../../data/model.js';
import { indicatorsStatus } from '../shared/indicator-status.js';
import { indicatorEffectStyles } from '../shared/indicator-effect.styles.js';
import { reputationBadgeStyles } from '../threat-intel/reputation-badge.styles.js';
import { msg } from '../shared/l10n.js';
import { IpIndicatorsChangedEvent } from '../../events/internal.js';

/**
 * Whether the IP is already blocked, warned, audited or allowed, as a small badge for a header
 * ("Blocked · 2"): what the strongest indicator in force does, from the provider's
 * `listIndicators`; "Indicator expired" when every one has. A button when `interactive`: beside an
 * `<ip-response-actions>` (as in `<ip-entity-page>`'s header) it opens that bar's list of them.
 * Beside one, it also asks again when the bar adds, removes or changes one. Shows nothing while it loads, when the IP has none, or when listing fails (the response bar
 * is where indicators are managed). Loaded by the page only when the provider lists indicators.
 *
 * @tag ip-indicator-badge
 * @csspart badge - The badge.
 */
export class IpIndicatorBadge extends IpDataElement {
  static override styles = [tokens, sharedStyles, indicatorEffectStyles, reputationBadgeStyles];

  /** Render as a button (its click is the host's to handle). */
  @property({ type: Boolean }) interactive = false;

  readonly #list = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, offered], { signal }): Promise<Indicator[]> => {
      if (!provider?.listIndicators || !ip || !offered) return initialState as never;
      return provider.listIndicators(ip.canonical, { signal });
    },
    args: () => [this.source.provider, this.source.ip, this.capabilities?.indicators === true] as const,
  }));

  protected override get needsCapabilities(): boolean {
    return true;
  }

  /** Ask again (the indicators changed). */
  refresh(): void {
    void this.#list.run();
  }

  readonly #onChanged = () => this.refresh();
  #root?: Node;

  override connectedCallback(): void {
    super.connectedCallback();
    // The bar beside it says when the indicators change (an event that stays in their shadow root).
    this.#root = this.getRootNode();
    this.#root.addEventListener(IpIndicatorsChangedEvent.type, this.#onChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#root?.removeEventListener(IpIndicatorsChangedEvent.type, this.#onChanged);
  }

  /** Open the response bar's list beside it, where there is one. */
  #show = () => {
    (this.#root as ParentNode | undefined)?.querySelector<HTMLElement & { showIndicators?(): void }>('ip-response-actions')?.showIndicators?.();
  };

  override render() {
    const list = this.#list.value;
    if (!list?.length || this.#list.error) return nothing;
    const { effect, word, inForce } = indicatorsStatus(list, Date.now());
    const count = inForce > 1 ? ` · ${inForce}` : '';
    const badge = html`<span class="badge ${effect ? `effect-${effect}` : 'effect-none'}" part="badge"><span class="dot" aria-hidden="true"></span>${word}${count}</span>`;
    // The visible text leads the accessible name, which then says what it is and does.
    return this.interactive
      ? html`<button type="button" @click=${this.#show}>${badge}<span class="visually-hidden">: ${msg('indicators set for this IP. Show them')}</span></button>`
      : badge;
  }
}
