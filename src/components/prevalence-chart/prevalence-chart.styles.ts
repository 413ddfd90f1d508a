import { css } from 'lit';

export const prevalenceChartStyles = css`
  :host {
    display: block;
    --_chart-height: var(--ip-prevalence-chart-height, 240px);
  }
  .section-header .tools {
    display: flex;
    gap: 4px;
  }
  .section-header .button {
    min-height: 26px;
    font-weight: 600;
    font-size: var(--_font-size-small);
  }
  .summary p {
    margin: 0;
  }
  .headline {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .total {
    font-size: var(--_font-size-large);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .seen {
    margin-top: 2px !important;
    font-size: var(--_font-size-small);
  }
  .legend-marker {
    color: var(--_severity-high);
  }
  .chart {
    position: relative;
    height: var(--_chart-height);
    margin-top: var(--_space);
    border-radius: var(--_radius-small);
    /* Theme probe: these follow the tokens, so a theme switch anywhere above starts a transition
       that tells the chart to re-read its colours (canvas cannot read CSS variables). */
    color: var(--_color-text);
    caret-color: var(--_color-accent);
    text-decoration-color: var(--_color-text-muted);
    column-rule-color: var(--_color-border);
    transition: color 1ms, caret-color 1ms, text-decoration-color 1ms, column-rule-color 1ms;
  }
  .chart.unavailable {
    display: none;
  }
  .chart-skeleton {
    height: var(--_chart-height);
    margin-top: var(--_space);
  }
  .empty {
    min-height: calc(var(--_chart-height) * 0.5);
    justify-content: center;
    padding: var(--_space) 0;
  }
  .small {
    font-size: var(--_font-size-small);
    margin: 4px 0 0;
  }
  .data-table {
    font-size: var(--_font-size-small);
  }
  .data-table caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 4px;
  }
  .table-scroll {
    max-height: 18rem;
    overflow: auto;
    margin-top: var(--_space);
  }
  .bucket-devices {
    margin-top: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }
  .bucket-header {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .bucket-title {
    margin: 0;
    font-size: var(--_font-size);
    font-weight: 600;
  }
  .bucket-close {
    margin-inline-start: auto;
  }
  .bucket-list {
    list-style: none;
    margin: 4px 0;
    padding: 0;
    max-height: 16rem;
    overflow: auto;
  }
  .bucket-list li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    padding: 3px 0;
    border-bottom: 1px solid var(--_color-border);
  }
  .bucket-list .muted {
    font-size: var(--_font-size-small);
  }
`;
