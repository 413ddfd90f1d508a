/** `<ip-accounts>`'s own styles (tokens and the shared styles come first in its `styles`). */
import { css } from 'lit';

export const accountsStyles = css`
  :host {
    display: block;
  }
  .table-wrap {
    overflow: auto;
    max-height: var(--ip-accounts-max-height, 640px);
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
  .sort {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    gap: 4px;
    align-items: center;
    font: inherit;
    color: inherit;
  }
  .sort:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
    border-radius: var(--_radius-small);
  }
  .arrow {
    font-size: 0.8em;
    opacity: 0.7;
  }
  .account {
    max-width: 22rem;
    white-space: nowrap;
  }
  .account .truncate {
    display: inline-block;
    max-width: 18rem;
    vertical-align: bottom;
  }
  .sub {
    display: block;
    font-size: var(--_font-size-small);
  }
  .sub .truncate {
    display: inline-block;
    max-width: 16rem;
    vertical-align: bottom;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .nowrap {
    white-space: nowrap;
  }
  .names {
    display: inline-block;
    max-width: 16rem;
  }
  td .badge + .badge {
    margin-inline-start: 4px;
  }
  /* A success is what matters from a suspicious address: strong, not alarming (an internal host's are routine). */
  .result-success {
    --_badge-color: var(--_color-text);
  }
  .mfa-no {
    --_badge-color: var(--_color-danger);
  }
  .result-interrupted,
  .mfa-some {
    --_badge-color: var(--_color-warning);
  }
  .mfa-yes {
    --_badge-color: var(--_color-success);
  }
  .got-in-badge {
    --_badge-color: var(--_color-danger);
  }
  tr.got-in > * {
    background: color-mix(in srgb, var(--_color-danger) 5%, transparent);
  }
  tbody tr:last-child > th {
    border-bottom: 0;
  }
  .more {
    margin: var(--_space) calc(var(--_space) * 1.5);
  }
  .stale {
    opacity: 0.6;
    transition: opacity 0.15s 0.1s;
  }
  .error-text {
    padding-inline: calc(var(--_space) * 1.5);
  }
`;
