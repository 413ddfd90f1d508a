import { msg, str } from '../shared/l10n.js';
import { timeRangePickerStyles } from './time-range-picker.styles.js';
import { IpElement } from '../base/ip-element.js';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { DEFAULT_RANGE, isRangeKey, parseCustomRange, RANGE_KEYS, withinLookback, type RangeKey, type RangeSpec } from '../../lib/time-range.js';
import { RANGE_LABELS } from '../shared/range-text.js';
import { formatDateTime } from '../../lib/format.js';
import { IpRangeChangeEvent } from '../../events/events.js';
import type { IpCustomRangeApplyEvent } from '../../events/internal.js';

const CUSTOM = 'custom';

/**
 * The time range every section follows: 24 hours, 7, 30, 90 or 180 days, or a custom window
 * ("Custom range…": from–to in local date and time, never earlier than the data source keeps).
 * A native `<select>` and native date-time inputs, so keyboard, screen readers and touch work as
 * users expect. The custom form applies on Enter or Apply and closes on Escape or Cancel, giving
 * focus back to the select; a window it cannot use is explained and what was typed stays.
 *
 * @tag ip-time-range-picker
 * @fires ip-range-change - The user picked a range; `detail: { range }`, a preset or a custom window `from/to` (ISO 8601).
 * @csspart select - The select.
 * @csspart label - The visible label.
 * @csspart custom - The custom range form's box.
 */
export class IpTimeRangePicker extends IpElement {
  static override styles = [
    tokens,
    sharedStyles,
    timeRangePickerStyles,
  ];

  /** The selected range: a preset, or a custom window `from/to` (ISO 8601). */
  @property({ type: String, reflect: true }) value: RangeSpec = DEFAULT_RANGE;
  /** The visible label. */
  @property({ type: String }) label?: string;
  /** Ranges offered (default: all). */
  @property({ attribute: false }) options: readonly RangeKey[] = RANGE_KEYS;
  /** The most days the data source keeps: longer presets are shown disabled, saying why, and a custom start cannot be earlier. */
  @property({ type: Number, attribute: 'max-lookback-days' }) maxLookbackDays?: number;
  /** Offer no "Custom range…" (presets only). */
  @property({ type: Boolean, attribute: 'no-custom' }) noCustom = false;

  /** Whether the custom range form is open. */
  @state() private customOpen = false;

  async #onChange(e: Event) {
    const next = (e.target as HTMLSelectElement).value;
    if (next === CUSTOM) {
      // The form loads on first use: the page's first paint does not carry it.
      await import('./ip-custom-range.js');
      this.customOpen = true;
      return;
    }
    this.customOpen = false;
    if (!isRangeKey(next) || next === this.value) return;
    this.#apply(next);
  }

  /** The form's code, asked for when the analyst reaches the select: open at once when chosen. */
  readonly #prefetch = () => {
    if (!this.noCustom) import('./ip-custom-range.js').catch(() => undefined);
  };

  /** Focus the range select (the page's `r` key). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLSelectElement>('select')?.focus(options);
  }

  #apply(value: RangeSpec) {
    this.value = value;
    this.dispatchEvent(new IpRangeChangeEvent({ range: value }));
  }

  async #close() {
    this.customOpen = false;
    await this.updateComplete;
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select');
    // The select shows the range in force again.
    if (select) select.value = isRangeKey(this.value) ? this.value : CUSTOM;
    select?.focus();
  }

  readonly #onApply = (e: IpCustomRangeApplyEvent) => {
    e.stopPropagation();
    this.#apply(e.detail.range);
    void this.#close();
  };

  readonly #onCancel = (e: Event) => {
    e.stopPropagation();
    void this.#close();
  };

  override render() {
    const custom = parseCustomRange(this.value);
    const selected = this.customOpen || custom ? CUSTOM : this.value;
    return html`
      <label>
        <span part="label" class="muted">${this.label ?? msg('Time range')}</span>
        <select class="input" part="select" @change=${this.#onChange} @focus=${this.#prefetch} @pointerenter=${this.#prefetch}>
          ${this.options.map((k) => {
            const served = withinLookback(k, this.maxLookbackDays);
            return html`<option value=${k} ?selected=${k === selected} ?disabled=${!served}>${RANGE_LABELS[k]}${served ? '' : ` ${msg(str`(only ${this.maxLookbackDays} days kept)`)}`}</option>`;
          })}
          ${this.noCustom
            ? nothing
            : html`<option value=${CUSTOM} ?selected=${selected === CUSTOM}>${custom ? `${formatDateTime(custom.from)} – ${formatDateTime(custom.to)}` : msg('Custom range…')}</option>`}
        </select>
      </label>
      ${this.customOpen
        ? html`<ip-custom-range part="custom" .value=${this.value} .maxLookbackDays=${this.maxLookbackDays}
            @ip-custom-range-apply=${this.#onApply} @ip-custom-range-cancel=${this.#onCancel}></ip-custom-range>`
        : nothing}
    `;
  }
}
