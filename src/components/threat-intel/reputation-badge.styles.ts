/** `<ip-reputation-badge>`'s own styles (tokens and the shared styles come first in its `styles`). */
import { css } from 'lit';

export const reputationBadgeStyles = css`
  :host {
    display: inline-flex;
  }
  button {
    appearance: none;
    padding: 0;
    border: 0;
    background: none;
    cursor: pointer;
    border-radius: 999px;
  }
  button:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
`;
