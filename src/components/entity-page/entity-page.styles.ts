import { css } from 'lit';

export const entityPageStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_color-bg);
  }
  .page {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    min-width: 0;
  }
  .small {
    font-size: var(--_font-size-small);
  }

  /* ---- header ---- */

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: calc(var(--_space) * 1.5) calc(var(--_space) * 3);
  }
  /* Whether the tools share the IP's row is decided by this basis, not by the IP line's width: the
     reputation badge and Look up elsewhere, which arrive after the first paint, never push the
     tools to a row of their own (the IP line wraps inside instead, a smaller shift). */
  .identity {
    display: flex;
    flex: 1 1 20rem;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .eyebrow {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
    text-transform: uppercase;
    letter-spacing: 0.05em;
    font-weight: 600;
  }
  .ip-line {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space);
    min-width: 0;
  }
  .ip {
    margin: 0;
    font-size: calc(var(--_font-size-large) * 1.2);
    font-weight: 600;
    line-height: 1.2;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .ip.mono {
    font-family: var(--_font-mono);
    font-size: calc(var(--_font-size-large) * 1.1);
  }
  .scope {
    --_badge-color: var(--_color-text-muted);
  }
  .scope-public {
    --_badge-color: var(--_color-accent);
  }
  .scope-private,
  .scope-loopback,
  .scope-link-local,
  .scope-cgnat {
    --_badge-color: var(--_color-success);
  }
  .range-notice {
    flex-basis: 100%;
    margin: 0;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-inline-start: 3px solid var(--_color-accent);
    background: var(--_color-hover);
    font-size: var(--_font-size-small);
  }
  .tools {
    display: flex;
    align-items: flex-start;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    min-width: 0;
  }
  .search {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    flex: 1 1 16rem;
    max-width: 26rem;
  }
  .search-row {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    position: relative;
  }
  .search-icon {
    position: absolute;
    inset-inline-start: 8px;
    display: inline-flex;
    color: var(--_color-text-muted);
    pointer-events: none;
  }
  .search-input {
    flex: 1 1 auto;
    min-width: 14rem;
    padding-inline-start: 30px;
    font-family: var(--_font-mono);
  }
  .field-error {
    min-height: 0;
    color: var(--_color-danger);
    font-size: var(--_font-size-small);
  }
  .field-error:empty {
    display: none;
  }
  .response-actions {
    flex: 1 1 100%;
    min-height: var(--_control-height);
  }
  .actions {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }

  /* ---- tabs ---- */
  .tabs {
    display: flex;
    gap: calc(var(--_space) * 0.5);
    border-bottom: 1px solid var(--_color-border);
    overflow-x: auto;
    scrollbar-width: thin;
  }
  .tab {
    appearance: none;
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    padding: var(--_space) calc(var(--_space) * 1.5);
    margin-bottom: -1px;
    color: var(--_color-text-muted);
    cursor: pointer;
    white-space: nowrap;
    font-weight: 600;
  }
  .tab:hover {
    color: var(--_color-text);
    background: var(--_color-hover);
  }
  .tab[aria-selected='true'] {
    color: var(--_color-text);
    border-bottom-color: var(--_color-accent);
  }
  .tab:focus-visible {
    outline-offset: -2px;
  }
  .panel:focus-visible {
    outline-offset: 4px;
  }
  /*
   * A visited tab that is not selected: not drawn, not focusable (inert), not in the
   * accessibility tree, and taking no space, but its elements keep their state, scroll
   * positions included. display: none would throw the scroll positions away.
   */
  .panel.inactive {
    content-visibility: hidden;
    padding: 0;
    margin: 0;
    border: 0;
  }

  .notice {
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-inline-start: 4px solid var(--_color-accent);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
  }
  .notice.error {
    border-inline-start-color: var(--_color-danger);
  }
  .tab-loading {
    margin: 0;
    padding: calc(var(--_space) * 2);
    color: var(--_color-text-muted);
  }
  .placeholder .section-body {
    min-height: 8rem;
  }

  @container (max-width: 640px) {
    .page {
      padding: var(--_space);
    }
    .tools,
    .search {
      flex: 1 1 100%;
      max-width: none;
    }
  }

  /*
   * Print: the header (IP, range), the overview and the tab on screen, each under its name; the
   * search, the actions and the tab bar stay on screen. A4 and Letter both fit: no fixed widths.
   */
  @media print {
    :host {
      background: var(--_color-surface);
    }
    .page {
      padding: 0;
      gap: var(--_space);
    }
    .search,
    .response-actions,
    .actions,
    [role='tablist'] {
      display: none !important;
    }
    .panel.inactive {
      display: none;
    }
    .panel#panel-overview.inactive {
      display: block;
      content-visibility: visible;
    }
    .panel::before {
      content: attr(data-print-title);
      display: block;
      margin-block-end: var(--_space);
      font-size: var(--_font-size-large);
      font-weight: 600;
    }
    .panel + .panel {
      break-before: page;
    }
  }
`;
