import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { DEFAULT_RANGE, isRangeKey, RANGE_KEYS, RANGE_LABELS, withinLookback, type RangeKey } from '../../lib/time-range.js';
import { IpRangeChangeEvent } from '../../events/events.js';

/**
 * The time range every section follows: 24 hours, 7, 30, 90 or 180 days. A native `<select>`,
 * so keyboard, screen readers and touch work as users expect.
 *
 * @tag ip-time-range-picker
 * @fires ip-range-change - The user picked a range; `detail: { range }`.
 * @csspart select - The select.
 * @csspart label - The visible label.
 */
export class IpTimeRangePicker extends LitElement {
  static override styles = [
    tokens,
    sharedStyles,
    css`
      :host {
        display: inline-flex;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: var(--_space);
      }
      select {
        padding-inline-end: calc(var(--_space) * 0.5);
        cursor: pointer;
      }
    `,
  ];

  /** The selected range. */
  @property({ type: String, reflect: true }) value: RangeKey = DEFAULT_RANGE;
  /** The visible label. */
  @property({ type: String }) label = 'Time range';
  /** Ranges offered (default: all). */
  @property({ attribute: false }) options: readonly RangeKey[] = RANGE_KEYS;
  /** The most days the data source keeps: longer ranges are shown disabled, saying why. */
  @property({ type: Number, attribute: 'max-lookback-days' }) maxLookbackDays?: number;

  #onChange(e: Event) {
    const next = (e.target as HTMLSelectElement).value;
    if (!isRangeKey(next) || next === this.value) return;
    this.value = next;
    this.dispatchEvent(new IpRangeChangeEvent({ range: next }));
  }

  override render() {
    return html`
      <label>
        <span part="label" class="muted">${this.label}</span>
        <select class="input" part="select" @change=${this.#onChange}>
          ${this.options.map((k) => {
            const served = withinLookback(k, this.maxLookbackDays);
            return html`<option value=${k} ?selected=${k === this.value} ?disabled=${!served}>${RANGE_LABELS[k]}${served ? '' : ` (the data source keeps ${this.maxLookbackDays} days)`}</option>`;
          })}
        </select>
      </label>
    `;
  }
}
