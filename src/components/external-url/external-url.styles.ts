/** `<ip-external-url>`'s own styles (tokens and the shared styles come first in its `styles`). */
import { css } from 'lit';

export const externalUrlStyles = css`
  :host {
    display: inline-flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: 2px;
    min-width: 0;
    max-width: 100%;
    position: relative;
    vertical-align: middle;
  }
  .url {
    flex: 0 1 auto;
    font-family: var(--_font-mono);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
    max-width: var(--ip-external-url-max-width, 100%);
  }
  .open {
    flex: none;
    white-space: nowrap;
    min-height: 0;
    padding: 2px 6px;
    font-weight: 400;
  }
  /* In the top layer (the popover API), so no row or scroller clips or covers it; placed under the button. */
  .confirm {
    position: fixed;
    inset: auto;
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: var(--_space);
    color: var(--_color-text);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-small);
    box-shadow: var(--_shadow-raised);
    width: max-content;
    max-width: min(32rem, 85vw);
    white-space: normal;
  }
  .confirm:not(:popover-open) {
    display: none;
  }
  .confirm p {
    margin: 0;
  }
  .full {
    font-family: var(--_font-mono);
    overflow-wrap: anywhere;
  }
  .buttons {
    display: flex;
    gap: var(--_space);
    justify-content: flex-end;
  }
`;
