import { css } from 'lit';

export const alertsListStyles = css`
  :host {
    display: block;
    height: var(--ip-alerts-list-height, 640px);
    min-height: 320px;
    /* The list's own knob, else the density token (36px; 28px compact). */
    --_list-row-height: var(--ip-alerts-list-row-height, var(--_row-height));
  }
  .list {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-width: 0;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .small {
    font-size: var(--_font-size-small);
  }
  .error-text {
    color: var(--_color-danger);
  }

  /* ---- toolbar ---- */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_color-border);
  }
  .search {
    flex: 1 1 16rem;
    /* Room for the placeholder in longer languages (German's is 45 characters). */
    max-width: 28rem;
  }
  .filters,
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
  }
  .tools {
    margin-inline-start: auto;
  }
  .menu.columns ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .menu.columns li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .move .button {
    min-height: 24px;
    padding: 0 6px;
  }
  .active-filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5) 0;
  }
  .filter-notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5) 0;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-inline-start: 3px solid var(--_color-accent);
    background: var(--_color-hover);
    font-size: var(--_font-size-small);
  }
  .tag {
    font-weight: 400;
  }
  .tag + .tag {
    margin-inline-start: 4px;
  }
  .menu.date-range {
    min-width: 16rem;
    gap: var(--_space);
  }
  .menu.date-range .option {
    justify-content: space-between;
  }
  .menu.date-range .error {
    margin: 0;
    color: var(--_color-danger);
  }
  .menu.date-range .error:empty {
    display: none;
  }
  .date-range-buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
  }
  .more-filters {
    min-height: 28px;
  }
  .chip.removable {
    appearance: none;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 2px 10px;
    border: 1px solid var(--_color-accent);
    background: var(--_color-selected);
    color: var(--_color-text);
    cursor: pointer;
    font-size: var(--_font-size-small);
  }
  .status-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    min-height: 2.4em;
  }
  .selected-count {
    color: var(--_color-text);
  }
  .status-bar ip-slow-notice::part(notice) {
    margin: 0;
  }
  .unreadable-count,
  .incomplete {
    color: var(--_color-danger);
  }

  /* ---- grid ---- */
  .main {
    position: relative;
    flex: 1 1 auto;
    display: flex;
    min-height: 0;
    border-top: 1px solid var(--_color-border);
  }
  .grid-wrap {
    position: relative;
    flex: 1 1 auto;
    min-width: 0;
    display: flex;
    flex-direction: column;
  }
  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
    position: relative;
    overscroll-behavior: contain;
    /* Rows are re-rendered in place as you scroll; the browser must not move the scroll position to "anchor" them. */
    overflow-anchor: none;
  }
  .scroller:focus-visible {
    outline-offset: -2px;
  }
  .header-row,
  .row {
    display: grid;
    align-items: stretch;
    min-width: max-content;
  }
  .header-row {
    position: sticky;
    top: 0;
    z-index: 2;
    height: var(--_list-row-height);
    background: var(--_color-surface-alt);
    border-bottom: 1px solid var(--_color-border-strong);
    font-weight: 600;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .spacer {
    position: relative;
    min-width: max-content;
  }
  .window {
    position: sticky;
    top: var(--_list-row-height);
    overflow: hidden;
  }
  .rows {
    will-change: transform;
  }
  .row {
    height: var(--_list-row-height);
    border-bottom: 1px solid var(--_color-border);
    cursor: default;
    /* Each row lays out and paints on its own: scrolling re-renders rows, not the page. */
    contain: layout style paint;
  }
  .row:hover {
    background: var(--_color-hover);
  }
  .row.selected {
    background: var(--_color-selected);
  }
  .row.child {
    background: var(--_color-surface-alt);
  }
  .row.child.selected {
    background: var(--_color-selected);
  }
  .cell {
    display: flex;
    align-items: center;
    min-width: 0;
    padding: 0 var(--_space);
    overflow: hidden;
    white-space: nowrap;
  }
  .cell:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  .cell.check {
    justify-content: center;
    padding: 0;
  }
  .cell.wide {
    grid-column: 2 / -1;
  }
  .cell.header {
    position: relative;
    gap: 4px;
    cursor: pointer;
    user-select: none;
    height: var(--_list-row-height);
  }
  .cell.header:hover {
    color: var(--_color-text);
  }
  .cell.header.unsortable {
    cursor: default;
  }
  .header-label {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .sort-mark {
    font-size: 0.8em;
    color: var(--_color-accent);
  }
  .resize-handle {
    position: absolute;
    inset-block: 6px;
    inset-inline-end: 0;
    width: 7px;
    cursor: col-resize;
    border-inline-end: 2px solid var(--_color-border);
    touch-action: none;
  }
  .resize-handle:hover {
    border-color: var(--_color-accent);
  }
  .title-cell {
    display: flex;
    align-items: center;
    gap: 4px;
    min-width: 0;
    width: 100%;
  }
  .title-link {
    min-width: 0;
    display: flex;
    font-weight: 600;
  }
  .expand,
  .expand-space {
    order: -1;
    flex: none;
    width: 20px;
    height: 20px;
  }
  .expand {
    appearance: none;
    border: 0;
    padding: 0;
    background: none;
    color: var(--_color-text-muted);
    cursor: pointer;
    border-radius: var(--_radius-small);
  }
  .expand:hover {
    background: var(--_color-hover);
    color: var(--_color-text);
  }
  .child-indent {
    order: -2;
    flex: none;
    width: 16px;
  }
  .kind-icon {
    display: inline-flex;
    flex: none;
    color: var(--_color-text-muted);
  }
  .kind-icon.incident {
    color: var(--_color-accent);
  }
  .placeholder .skeleton {
    width: 60%;
  }
  .state {
    padding: calc(var(--_space) * 2);
  }
  .grid-wrap > .state {
    position: absolute;
    inset: calc(var(--_list-row-height) + 1px) 0 auto 0;
    background: var(--_color-surface);
  }

  ip-alerts-flyout {
    flex: 0 0 min(26rem, 45%);
    min-width: 18rem;
    border-inline-start: 1px solid var(--_color-border);
  }
  @container (max-width: 720px) {
    ip-alerts-flyout {
      position: absolute;
      inset: 0 0 0 auto;
      width: min(26rem, 100%);
      z-index: 5;
      box-shadow: var(--_shadow-raised);
    }
  }
  :host {
    container-type: inline-size;
  }

  /*
   * Print: the rows loaded on screen as wrapped records, each value under its column's name, so no
   * column is cut off the page however many are shown; the filters in force as chips; no controls.
   */
  @media print {
    :host {
      height: auto;
      min-height: 0;
    }
    .list {
      height: auto;
      border: 0;
      box-shadow: none;
    }
    .header-row,
    .row.placeholder,
    .cell.check,
    .expand,
    .expand-space,
    ip-alerts-flyout,
    .chip.removable [aria-hidden='true'] {
      display: none !important;
    }
    .main,
    .scroller,
    .window {
      display: block;
      position: static !important;
      height: auto !important;
      overflow: visible !important;
    }
    .spacer {
      height: auto !important;
      min-width: 0;
    }
    .rows {
      transform: none !important;
    }
    .row {
      display: flex !important;
      flex-wrap: wrap;
      gap: 2px calc(var(--_space) * 2);
      height: auto;
      min-width: 0;
      padding: calc(var(--_space) * 0.75) 0;
      contain: none;
      break-inside: avoid;
    }
    .cell {
      padding: 0;
      overflow: visible;
      white-space: normal;
    }
    .cell.col-title {
      flex-basis: 100%;
      font-weight: 600;
    }
    .cell[data-label]:not(.col-title)::before {
      content: attr(data-label) ':';
      margin-inline-end: 0.35em;
      color: var(--_color-text-muted);
    }
  }
`;
