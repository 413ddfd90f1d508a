/** `<ip-traffic>`'s own styles (tokens, the shared styles and the list frame come first in its `styles`). */
import { css } from 'lit';

export const trafficStyles = css`
  :host {
    display: block;
  }
  .heading {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5) 0;
    font-size: 1.05em;
    font-weight: 600;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding-inline-end: calc(var(--_space) * 1.5);
  }
  .spacer {
    flex: 1;
  }
  .method {
    margin: 2px 0 0;
    padding-inline: calc(var(--_space) * 1.5);
    font-size: var(--_font-size-small);
  }
  .table-wrap {
    overflow: auto;
    max-height: var(--ip-traffic-max-height, 560px);
    padding-inline: calc(var(--_space) * 1.5);
  }
  .table-wrap:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_color-surface);
    white-space: nowrap;
  }
  th[scope='row'] {
    font-weight: normal;
    text-align: start;
  }
  .device {
    max-width: 16rem;
    white-space: nowrap;
  }
  .device .truncate {
    display: inline-block;
    max-width: 15rem;
    vertical-align: bottom;
  }
  .sub {
    display: block;
    font-size: var(--_font-size-small);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .nowrap {
    white-space: nowrap;
  }
  .score {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    white-space: nowrap;
    --_score-color: var(--_color-text-muted);
  }
  .score-likely {
    --_score-color: var(--_color-danger);
  }
  .score-possible {
    --_score-color: var(--_color-warning);
  }
  .score .bar {
    display: inline-block;
    inline-size: 48px;
    block-size: 6px;
    border-radius: 3px;
    background: var(--_color-skeleton);
    overflow: hidden;
  }
  .score .bar > span {
    display: block;
    block-size: 100%;
    background: var(--_score-color);
  }
  .score .value {
    font-variant-numeric: tabular-nums;
    min-inline-size: 3.2em;
    text-align: end;
  }
  .score .badge {
    --_badge-color: var(--_score-color);
  }
  tr.likely > * {
    background: color-mix(in srgb, var(--_color-danger) 5%, transparent);
  }
  .ports {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .strip-cell {
    min-inline-size: 12rem;
    inline-size: 30%;
  }
  .strip {
    display: block;
    inline-size: 100%;
    block-size: 14px;
    fill: var(--ip-traffic-strip-color, var(--_color-accent));
  }
  .strip .track {
    fill: var(--_color-skeleton);
    fill-opacity: 0.5;
  }
  /* Right to left: time still runs with the reading direction. */
  :host(:dir(rtl)) .strip {
    transform: scaleX(-1);
  }
  tbody tr:last-child > th {
    border-bottom: 0;
  }
  .error-text {
    padding-inline: calc(var(--_space) * 1.5);
  }
`;
