/**
 * A chip that opens a group of checkboxes: the multi-select filter used by the lists.
 * A render helper (not an element) so each list keeps its own state and styles stay in one sheet.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
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

/** A menu under its button: the box, its placement, its buttons and options. */
export const menuStyles = css`
  .menu-wrap {
    position: relative;
  }
  .menu {
    position: absolute;
    z-index: 20;
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    min-width: 14rem;
    max-height: 22rem;
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: calc(var(--_space) * 0.75);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-small);
    box-shadow: var(--_shadow-raised);
  }
  .menu-wrap.end .menu {
    inset-inline-start: auto;
    inset-inline-end: 0;
  }
  .menu .button {
    justify-content: flex-start;
    font-weight: 400;
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: 4px 6px;
    border-radius: var(--_radius-small);
    cursor: pointer;
    white-space: nowrap;
  }
  .option:hover {
    background: var(--_color-hover);
  }
`;

/** The filter menus: the menu, and their chip buttons with the count of values chosen. */
export const filterMenuStyles = [
  menuStyles,
  css`
    .chip {
      min-height: 28px;
      font-weight: 400;
      border-radius: 999px;
    }
    .chip.on {
      border-color: var(--_color-accent);
      color: var(--_color-accent);
      font-weight: 600;
    }
    .count {
      display: inline-block;
      min-width: 1.4em;
      padding: 0 4px;
      border-radius: 999px;
      background: var(--_color-accent);
      color: var(--_color-on-accent);
      font-size: var(--_font-size-small);
      text-align: center;
    }
  `,
];
