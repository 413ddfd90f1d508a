/**
 * A chip that opens a group of checkboxes: the multi-select filter used by the lists.
 * A render helper (not an element) so each list keeps its own state and styles stay in one sheet.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from './l10n.js';

export interface FilterMenuOptions<V> {
  /** Unique within the element; used for `aria-controls`. */
  id: string;
  label: string;
  options: ReadonlyArray<readonly [value: V, label: string]>;
  selected: readonly V[];
  open: boolean;
  onToggleOpen: () => void;
  onChange: (value: V, checked: boolean) => void;
  /** Shown when there are no options. */
  emptyText?: string;
  /** Align the menu to the end of the chip. */
  alignEnd?: boolean;
}

export function filterMenu<V>(o: FilterMenuOptions<V>): TemplateResult {
  const menuId = `menu-${o.id}`;
  return html`<div class="menu-wrap ${o.alignEnd ? 'end' : ''}">
    <button type="button" class="button chip ${o.selected.length ? 'on' : ''}" aria-expanded=${o.open ? 'true' : 'false'} aria-controls=${o.open ? menuId : nothing}
      @click=${o.onToggleOpen}>
      ${o.label}${o.selected.length ? html` <span class="count">${o.selected.length}</span>` : nothing} <span aria-hidden="true">▾</span>
    </button>
    ${o.open
      ? html`<div class="menu" id=${menuId} role="group" aria-label=${msg(str`Filter by ${o.label}`)} @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            o.onToggleOpen();
          }
        }}>
          ${o.options.map(
            ([value, label]) => html`<label class="option"><input type="checkbox" .checked=${o.selected.includes(value)}
              @change=${(e: Event) => o.onChange(value, (e.target as HTMLInputElement).checked)} /> ${label}</label>`,
          )}
          ${o.options.length === 0 ? html`<p class="muted small">${o.emptyText ?? msg('No values yet.')}</p>` : nothing}
        </div>`
      : nothing}
  </div>`;
}

