/** `<ip-slow-notice>`'s own styles (tokens and the shared styles come first in its `styles`). */
import { css } from 'lit';

export const slowNoticeStyles = css`
  :host {
    display: block;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    margin: var(--_space) 0 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .elapsed {
    font-variant-numeric: tabular-nums;
  }
`;
