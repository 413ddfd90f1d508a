import { css } from 'lit';

export const observedDevicesStyles = css`
  :host {
    display: block;
    height: var(--ip-observed-devices-height, 640px);
    min-height: 320px;
  }
  .devices {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  .header {
    display: grid;
    grid-template-columns: minmax(0, 1.3fr) minmax(10rem, 0.5fr) minmax(0, 2fr);
    gap: var(--_space);
    padding: 4px calc(var(--_space) * 1.5);
    border-block: 1px solid var(--_color-border);
    background: var(--_color-surface-alt);
    font-size: var(--_font-size-small);
    font-weight: 600;
    color: var(--_color-text-muted);
  }
  .list {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
    overflow-anchor: none;
  }
  .row {
    width: 100%;
    border-bottom: 1px solid var(--_color-border);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    outline-offset: -2px;
    min-width: 0;
  }
  .row.device {
    display: grid;
    grid-template-columns: minmax(0, 1.3fr) minmax(10rem, 0.5fr) minmax(0, 2fr);
    gap: 4px var(--_space);
    cursor: pointer;
  }
  .row.device:hover {
    background: var(--_color-hover);
  }
  .row.device.expanded {
    background: var(--_color-surface-alt);
  }
  .row.event,
  .row.status {
    padding-inline-start: calc(var(--_space) * 1.5 + 28px);
    background: var(--_color-surface-alt);
    font-size: var(--_font-size-small);
  }
  .alert-kind {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    color: var(--_severity-high);
    font-weight: 600;
  }
  .alert-kind .kind-icon {
    display: inline-flex;
    width: 14px;
    height: 14px;
  }
  .row:focus-visible {
    outline: 2px solid var(--_color-focus);
  }
  .cell {
    min-width: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    align-content: flex-start;
    gap: 2px calc(var(--_space) * 1.25);
  }
  .cell.seen {
    flex-direction: column;
    align-items: flex-start;
    gap: 0;
    font-size: var(--_font-size-small);
  }
  .main {
    align-items: center;
  }
  .expander {
    width: 14px;
    flex: none;
    color: var(--_color-text-muted);
  }
  .device-icon {
    display: inline-flex;
    color: var(--_color-accent);
  }
  .name {
    display: inline-flex;
    align-items: center;
    min-width: 0;
    max-width: 100%;
    font-weight: 600;
  }
  .name .link {
    min-width: 0;
    display: inline-flex;
  }
  .os {
    font-size: var(--_font-size-small);
  }
  .label {
    white-space: nowrap;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
    margin-inline-end: 2px;
  }
  .fact {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-width: 0;
    max-width: 100%;
  }
  .fact.clip {
    max-width: min(100%, 22rem);
  }
  .fact.wide {
    max-width: 100%;
    flex: 1 1 18rem;
  }
  .fact .truncate {
    min-width: 0;
  }
  .when {
    color: var(--_color-text);
  }
  .risk-high,
  .exposure-high {
    --_badge-color: var(--_severity-high);
  }
  .risk-medium,
  .exposure-medium {
    --_badge-color: var(--_severity-medium);
  }
  .risk-low,
  .exposure-low {
    --_badge-color: var(--_severity-low);
  }
  .error-text {
    color: var(--_color-danger);
  }
  .stale {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-height: 0;
    opacity: 0.6;
    transition: opacity 0.15s 0.1s;
  }
  @container (max-width: 760px) {
    .row.device,
    .header {
      grid-template-columns: minmax(0, 1fr);
    }
    .header span:not(:first-child) {
      display: none;
    }
    .cell.seen {
      flex-direction: row;
      flex-wrap: wrap;
      gap: 2px calc(var(--_space) * 1.25);
    }
  }
  :host {
    container-type: inline-size;
  }

  /* Print: every row the list has loaded, one after another (the virtualizer's placement undone). */
  @media print {
    :host {
      height: auto !important;
    }
    .devices {
      height: auto;
      box-shadow: none;
    }
    .list {
      height: auto !important;
      min-height: 0 !important;
      overflow: visible !important;
      contain: none !important;
    }
    .list > * {
      position: static !important;
      transform: none !important;
      break-inside: avoid;
    }
    .list > [virtualizer-sizer] {
      display: none !important;
    }
  }
`;
