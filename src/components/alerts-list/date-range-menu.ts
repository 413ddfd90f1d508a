/**
 * A chip that opens From and To day inputs (native `type="date"`: keyboard and screen readers as
 * users expect), for the alerts list's first and last activity filters. Apply (or Enter) sets the
 * interval, Clear removes it, Escape closes; a From after To is refused with a message, and what
 * was typed stays. A render helper: the list owns the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../shared/l10n.js';

export interface DateRangeMenuOptions {
  id: string;
  label: string;
  /** The interval in force, `from..to` (days), or undefined. */
  value?: string;
  open: boolean;
  onToggleOpen: () => void;
  onApply: (from: string, to: string) => void;
  onClear: () => void;
}

/** `2026-11-01..2026-11-15` as words: "Nov 1 – 15"-style text is the chip's; this keeps the days. */
export function intervalLabel(value: string): string {
  const [from = '', to = ''] = value.split('..');
  return from && to ? `${from} – ${to}` : from ? msg(str`from ${from}`) : to ? msg(str`until ${to}`) : value;
}

export function dateRangeMenu(o: DateRangeMenuOptions): TemplateResult {
  const menuId = `menu-${o.id}`;
  const [from = '', to = ''] = (o.value ?? '').split('..');
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = (form.elements.namedItem('from') as HTMLInputElement).value;
    const t = (form.elements.namedItem('to') as HTMLInputElement).value;
    const error = form.querySelector<HTMLElement>('.error')!;
    if (!f && !t) error.textContent = msg('Enter a day in From, To or both.');
    else if (f && t && f > t) error.textContent = msg('From must be on or before To.');
    else {
      error.textContent = '';
      o.onApply(f, t);
    }
  };
  return html`<div class="menu-wrap">
    <button type="button" class="button chip ${o.value ? 'on' : ''}" aria-expanded=${o.open ? 'true' : 'false'} aria-controls=${o.open ? menuId : nothing} @click=${o.onToggleOpen}>
      ${o.label}${o.value ? html` <span class="count">1</span>` : nothing} <span aria-hidden="true">▾</span>
    </button>
    ${o.open
      ? html`<form class="menu date-range" id=${menuId} aria-label=${msg(str`Filter by ${o.label}`)} novalidate @submit=${submit}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              o.onToggleOpen();
            }
          }}>
          <label class="option">${msg('From')} <input class="input" type="date" name="from" .value=${from} /></label>
          <label class="option">${msg('To')} <input class="input" type="date" name="to" .value=${to} /></label>
          <p class="error small" role="alert"></p>
          <span class="date-range-buttons">
            ${o.value ? html`<button type="button" class="button subtle" @click=${o.onClear}>${msg('Clear')}</button>` : nothing}
            <button type="submit" class="button primary">${msg('Apply')}</button>
          </span>
        </form>`
      : nothing}
  </div>`;
}
