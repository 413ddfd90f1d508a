import { css } from 'lit';

export const sentinelEventsStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .layout {
    display: grid;
    gap: calc(var(--_space) * 2);
    align-items: start;
  }
  @container (min-width: 980px) {
    .layout.both {
      grid-template-columns: minmax(0, 5fr) minmax(0, 6fr);
    }
  }
  .timeline {
    container-type: inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .search {
    flex: 1 1 14rem;
  }
  .kinds {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-height: 28px;
    padding: 0 10px;
    border: 1px solid var(--_color-border-strong);
    border-radius: 999px;
    background: var(--_color-surface);
    color: var(--_color-text);
    cursor: pointer;
  }
  .chip[aria-pressed='true'] {
    border-color: var(--_color-accent);
    background: var(--_color-selected);
    font-weight: 600;
  }
  .chip .count {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .chip:focus-visible,
  .event:focus-visible,
  .day:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  .small {
    font-size: var(--_font-size-small);
  }
  .timeline-list {
    height: var(--ip-sentinel-timeline-height, 560px);
    overflow: auto;
    border-top: 1px solid var(--_color-border);
  }
  .day {
    display: flex;
    width: 100%;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.25) var(--_space) 4px;
    border-bottom: 1px solid var(--_color-border);
    background: var(--_color-surface-alt);
  }
  .day h3 {
    margin: 0;
    font-size: var(--_font-size);
  }
  .event {
    display: grid;
    width: 100%;
    grid-template-columns: 4.75rem 6.5rem minmax(0, 1fr);
    gap: 2px var(--_space);
    padding: var(--_space);
    border-bottom: 1px solid var(--_color-border);
  }
  @container (max-width: 520px) {
    .event {
      grid-template-columns: auto 1fr;
    }
    .what {
      grid-column: 1 / -1;
    }
  }
  .event:hover {
    background: var(--_color-hover);
  }
  .time {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    padding-block-start: 2px;
  }
  .kind {
    display: inline-flex;
    align-items: flex-start;
    gap: 4px;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
    padding-block-start: 2px;
  }
  .kind-alert .kind {
    color: var(--_severity-high);
  }
  .kind-bookmark .kind,
  .kind-anomaly .kind {
    color: var(--_color-accent);
  }
  .what {
    min-width: 0;
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px var(--_space);
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .meta {
    font-size: var(--_font-size-small);
  }
  .description {
    margin-block-start: 2px;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .query-details summary {
    cursor: pointer;
    color: var(--_color-accent);
    font-size: var(--_font-size-small);
    width: max-content;
  }
  .query {
    margin: 4px 0 0;
    padding: var(--_space);
    background: var(--_color-surface-alt);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    font-size: var(--_font-size-small);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-height: 16rem;
    overflow: auto;
  }
  .skeleton-row {
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_color-border);
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
    gap: calc(var(--_space) * 1.5);
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    /* A card below the fold is not laid out or painted until it nears the screen: a first visit
       lays out the cards in view, not all seventeen. Its last size holds its place meanwhile. */
    content-visibility: auto;
    contain-intrinsic-size: auto 16rem;
  }
  /* An open menu (export) reaches past its card: the card stops clipping while it is open. A
     class, not the has() pseudo-class: one such rule anywhere in a page makes Chromium's removal of
     many nodes elsewhere in that page quadratic (a host's 8,000 rows: 600 ms instead of 30). */
  .card.menu-open {
    content-visibility: visible;
  }
  .card-header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space);
  }
  .card-header h3 {
    margin: 0;
    font-size: var(--_font-size);
  }
  .card p {
    margin: 0;
  }
  .card-body {
    flex: 1;
    min-width: 0;
    margin-block: 4px;
  }
  .card-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2);
    font-size: var(--_font-size-small);
  }
  .card-footer .menu-wrap {
    margin-inline-start: auto;
  }
  .card-footer .menu-wrap > .button {
    min-height: 26px;
    padding: 0 8px;
    font-size: var(--_font-size-small);
  }
  .button.small {
    min-height: 24px;
    padding: 0 6px;
    font-size: var(--_font-size-small);
  }
  .table-wrap {
    overflow-x: auto;
  }
  .table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-small);
  }
  .table th,
  .table td {
    padding: 4px 6px;
    border-bottom: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: break-word;
  }
  .table th {
    color: var(--_color-text-muted);
    font-weight: 600;
    white-space: nowrap;
  }
  .table .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .incomplete {
    margin: 0;
    color: var(--_color-danger);
  }
  .no-results {
    padding: var(--_space) 0;
  }
  .state.error {
    padding: var(--_space) 0;
  }
  .sources {
    margin: calc(var(--_space) * 1.5) 0 0;
  }

  /* Print: every row the list has loaded, one after another (the virtualizer's placement undone). */
  @media print {
    .card {
      content-visibility: visible;
    }
    .timeline-list {
      height: auto !important;
      min-height: 0 !important;
      overflow: visible !important;
      contain: none !important;
    }
    .timeline-list > * {
      position: static !important;
      transform: none !important;
      break-inside: avoid;
    }
    .timeline-list > [virtualizer-sizer] {
      display: none !important;
    }
  }
`;
