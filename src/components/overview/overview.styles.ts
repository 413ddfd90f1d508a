import { css } from 'lit';

export const overviewStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .overview {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(18rem, 24rem) minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
    align-items: start;
  }
  .column {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
  }
  @container (max-width: 760px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    /* On a narrow screen the counts come first, then the details. */
    .main {
      order: -1;
    }
  }

  .notice {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-inline-start: 4px solid var(--_color-accent);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
  }
  .notice.error {
    border-inline-start-color: var(--_color-danger);
  }

  .small {
    font-size: var(--_font-size-small);
  }
  .incomplete {
    margin: var(--_space) 0 0;
    font-size: var(--_font-size-small);
    color: var(--_color-danger);
  }
  .num {
    text-align: end !important;
    font-variant-numeric: tabular-nums;
  }
  .subheading {
    margin: calc(var(--_space) * 2) 0 calc(var(--_space) * 0.75);
    font-size: var(--_font-size-small);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_color-text-muted);
  }
  .plain-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .plain-list li {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
    flex-wrap: wrap;
    overflow-wrap: anywhere;
  }
  .hosts li {
    gap: var(--_space);
  }

  /* ---- KPIs ---- */
  .kpis {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--_space);
  }
  .kpi {
    display: flex;
    flex-direction: column;
    min-height: 3.6em;
  }
  .kpi-value {
    font-size: var(--_font-size-large);
    font-weight: 600;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .kpi-value-skeleton {
    height: 1.25em;
    width: 40%;
  }
  .kpi-label {
    color: var(--_color-text-muted);
  }

  /* ---- severity cards ---- */
  .cards {
    display: grid;
    grid-template-columns: repeat(4, minmax(0, 1fr));
    gap: var(--_space);
  }
  @container (max-width: 520px) {
    .cards {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .card {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 2px;
    min-height: 6.2em;
    padding: var(--_space) calc(var(--_space) * 1.25);
    border: 1px solid var(--_color-border);
    border-top: 3px solid var(--_badge-color, var(--_color-border));
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    text-align: start;
    cursor: pointer;
    min-width: 0;
  }
  button.card:hover {
    background: var(--_color-hover);
  }
  .card-title {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-weight: 600;
    color: var(--_badge-color);
  }
  .card-title .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
  }
  .card-value {
    font-size: var(--_font-size-large);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .card-detail {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .skeleton-card {
    cursor: default;
  }

  /* ---- prevalence ---- */
  /* Its code loads after the first paint: its loading state's height is kept for it meanwhile. */
  ip-prevalence-chart:not(:defined) {
    display: block;
    min-height: calc(var(--ip-prevalence-chart-height, 240px) + 7.4em);
  }
  .prevalence-headline {
    display: flex;
    align-items: baseline;
    gap: var(--_space);
    flex-wrap: wrap;
    margin: 0 0 var(--_space);
  }
  .prevalence-skeleton,
  .prevalence {
    min-height: 7.5em;
  }
  /* Skeleton heights match a typical loaded section (measured: scripts/measure-shift.mjs). */
  .details-skeleton {
    min-height: 38em;
  }
  .log-skeleton {
    min-height: 11.2em;
  }
`;
