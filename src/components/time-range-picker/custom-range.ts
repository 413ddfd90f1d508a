import { LitElement, html } from 'lit';
import { customRangeStyles } from './custom-range.styles.js';
import { property, state } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { DAY_MS, formatRangeSpec, lookbackStart, MAX_CLOCK_SKEW_MS, MAX_SPAN_DAYS, parseCustomRange, type RangeSpec } from '../../lib/time-range.js';
import { IpCustomRangeApplyEvent, IpCustomRangeCancelEvent } from '../../events/internal.js';
import { msg, str, updateWhenLocaleChanges } from '../shared/l10n.js';

/**
 * The custom range form of `<ip-time-range-picker>`: From and To as native `datetime-local`
 * inputs (local time, keyboard-usable), Apply on Enter or the button, Cancel on Escape or the
 * button. A window it cannot ask for (an end missing, the start after the end, either in the
 * future, older than the data source keeps, longer than a range may be) is said next to the
 * inputs, and what was typed stays. Loaded
 * when the analyst first picks "Custom range…", so the page's first paint does not carry it.
 *
 * @internal
 * @tag ip-custom-range
 * @fires ip-custom-range-apply - A valid window; `detail: { range }` as `from/to` (ISO 8601).
 * @fires ip-custom-range-cancel - The analyst cancelled.
 * @csspart form - The form.
 */
export class IpCustomRange extends LitElement {
  static override styles = [
    tokens,
    sharedStyles,
    customRangeStyles,
  ];

  /** The range in force: a custom window starts the form; otherwise the last 24 hours do. */
  @property({ type: String }) value?: RangeSpec;
  /** The most days the data source keeps. */
  @property({ type: Number }) maxLookbackDays?: number;

  @state() private from = '';
  @state() private to = '';
  @state() private error = '';
  /** Which input the error is about. */
  #errorAt?: 'from' | 'to';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const current = parseCustomRange(this.value);
    const to = current?.to ?? new Date();
    this.from = toLocalInput(current?.from ?? new Date(to.getTime() - 86_400_000));
    this.to = toLocalInput(to);
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#from')?.focus();
  }

  #onInput(e: Event) {
    const input = e.target as HTMLInputElement;
    if (input.id === 'from') this.from = input.value;
    else this.to = input.value;
    this.error = '';
  }

  async #onSubmit(e: Event) {
    e.preventDefault();
    const from = fromLocalInput(this.from);
    const to = fromLocalInput(this.to);
    const error = customRangeProblem(from, to, this.maxLookbackDays);
    if (error) {
      this.error = error;
      this.#errorAt = from && !to ? 'to' : 'from';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#${this.#errorAt}`)?.focus();
      return;
    }
    this.dispatchEvent(new IpCustomRangeApplyEvent(formatRangeSpec({ from: from!, to: to! })));
  }

  #cancel() {
    this.dispatchEvent(new IpCustomRangeCancelEvent());
  }

  #onKeydown(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    this.#cancel();
  }

  override render() {
    const earliest = lookbackStart(this.maxLookbackDays);
    const min = earliest ? toLocalInput(earliest) : '';
    const invalid = (at: 'from' | 'to') => (this.error && this.#errorAt === at ? 'true' : 'false');
    return html`<form part="form" aria-label=${msg('Custom time range')} novalidate @submit=${this.#onSubmit} @keydown=${this.#onKeydown}>
      <label for="from">${msg('From')}</label>
      <input id="from" class="input" type="datetime-local" .value=${this.from} min=${min} max=${toLocalInput(new Date())} required
        aria-invalid=${invalid('from')} aria-describedby="hint error" @input=${this.#onInput} />
      <label for="to">${msg('To')}</label>
      <input id="to" class="input" type="datetime-local" .value=${this.to} min=${min} max=${toLocalInput(new Date())} required aria-invalid=${invalid('to')} aria-describedby="hint error" @input=${this.#onInput} />
      <p id="hint" class="hint muted small">${this.maxLookbackDays === undefined ? msg('Your local time.') : msg(str`Your local time. The data source keeps ${this.maxLookbackDays} days.`)}</p>
      <p id="error" class="error small" role="alert">${this.error}</p>
      <div class="buttons">
        <button type="button" class="button subtle" @click=${this.#cancel}>${msg('Cancel')}</button>
        <button type="submit" class="button primary">${msg('Apply')}</button>
      </div>
    </form>`;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date as a `datetime-local` input writes it (local time, minutes). */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as a date (local time), or undefined when empty or invalid. */
export function fromLocalInput(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isFinite(date.getTime()) ? date : undefined;
}

/**
 * Why a custom window cannot be asked for, in a sentence for the analyst; undefined when it can.
 * Missing ends, a start not before the end, a start or an end in the future, a start before what
 * the data source keeps and (when it keeps no known number of days) a range longer than
 * {@link MAX_SPAN_DAYS} days are refused. Dates in messages are local, as the inputs are.
 */
export function customRangeProblem(from: Date | undefined, to: Date | undefined, maxDays: number | undefined, now: Date = new Date()): string | undefined {
  if (!from || !Number.isFinite(from.getTime())) return msg('Enter the start date and time.');
  if (!to || !Number.isFinite(to.getTime())) return msg('Enter the end date and time.');
  if (from.getTime() >= to.getTime()) return msg('The start must be before the end.');
  if (from.getTime() > now.getTime()) return msg('The start is in the future: nothing has happened yet.');
  // A minute's grace (the inputs have minutes) on top of the clock skew every window allows.
  if (to.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS + 60_000) return msg(str`The end is in the future: end at ${toLocalInput(now).replace('T', ' ')} or earlier.`);
  const earliest = lookbackStart(maxDays, now);
  if (earliest && from.getTime() < earliest.getTime() - 60_000) return msg(str`The data source keeps ${maxDays} days: start on ${toLocalInput(earliest).slice(0, 10)} or later.`);
  if (!earliest && to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS) return msg(str`A range covers at most ${MAX_SPAN_DAYS} days: start later or end earlier.`);
  return undefined;
}
