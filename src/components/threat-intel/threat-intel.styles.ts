/** `<ip-threat-intel>`'s own styles (tokens and the shared styles come first in its `styles`). */
import { css } from 'lit';

export const threatIntelStyles = css`
  :host {
    display: block;
  }
  .layout {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 28rem), 1fr));
    gap: calc(var(--_space) * 1.5);
    align-items: start;
  }
  .wide {
    grid-column: 1 / -1;
  }
  .score {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin-block: var(--_space);
  }
  .score strong {
    font-size: var(--_font-size-large);
  }
  meter {
    flex: 1 1 auto;
    max-width: 16rem;
    height: 10px;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .table-wrap:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  table {
    width: 100%;
  }
  /* Long texts wrap in their cell, whatever the cell's own white-space. */
  td .truncate {
    display: inline-block;
    max-width: 18rem;
    vertical-align: bottom;
    white-space: normal;
  }
  /* In the lists, dates and short values stay on one line; the rules' descriptions wrap (no
     has() pseudo-class for the cells without them: see the Sentinel tab's cards for why). */
  section[part='list'] td {
    white-space: nowrap;
  }
  .badge.current {
    --_badge-color: var(--_color-accent);
  }
  .more {
    margin-block-start: var(--_space);
  }
  td.link-cell {
    white-space: nowrap;
  }
`;
