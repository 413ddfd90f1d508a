/** Styles of the shared filter menu (filter-menu.ts), for the elements that render it. */
import { css } from 'lit';

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
