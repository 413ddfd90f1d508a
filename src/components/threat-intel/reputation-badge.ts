import { html, nothing } from 'lit';
import { reputationBadgeStyles } from './reputation-badge.styles.js';
import { property } from 'lit/decorators.js';
import { initialState, Task } from '@lit/task';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { IpDataElement } from '../base/data-element.js';
import type { IpReputation } from '../../data/threat-intel.js';
import { reputationBadge } from './reputation.js';
import { reputationStyles } from './reputation-styles.js';
import { msg } from '../shared/l10n.js';

/**
 * The IP's threat intelligence reputation as a small badge ("Malicious · 83"), for a header: a
 * button when `interactive` (the page opens its Threat intelligence tab on click). Shows nothing
 * until the provider answers, and nothing when it has no reputation or fails (the tab says why).
 * Loaded by the page only when the provider has threat intelligence.
 *
 * @tag ip-reputation-badge
 * @csspart badge - The badge.
 */
export class IpReputationBadge extends IpDataElement {
  static override styles = [
    tokens,
    sharedStyles,
    reputationStyles,
    reputationBadgeStyles,
  ];

  /** Render as a button (its click is the host's to handle). */
  @property({ type: Boolean }) interactive = false;

  readonly #reputation = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, offered], { signal }): Promise<IpReputation | undefined> => {
      if (!provider?.getThreatIntel || !ip || !offered) return initialState as never;
      return (await provider.getThreatIntel(ip.canonical, { signal })).reputation;
    },
    // The backend may say it has none (the page then shows no Threat intelligence tab either).
    args: () => [this.source.provider, this.source.ip, this.capabilities?.threatIntel !== false] as const,
    // A failure is the tab's to tell: the header just shows no badge.
  }));

  protected override get needsCapabilities(): boolean {
    return true;
  }

  override render() {
    const rep = this.#reputation.value;
    if (!rep || this.#reputation.error) return nothing;
    // The visible text leads the accessible name ("Malicious · 84"), which then says what it is and does.
    return this.interactive
      ? html`<button type="button">${reputationBadge(rep)}<span class="visually-hidden">${msg(': threat intelligence reputation, score out of 100. Open Threat intelligence')}</span></button>`
      : reputationBadge(rep);
  }
}
