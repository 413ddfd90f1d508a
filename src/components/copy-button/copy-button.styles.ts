/** `<ip-copy-button>`'s own styles (tokens and the shared styles come first in its `styles`). */
import { css } from 'lit';

export const copyButtonStyles = css`
  :host {
    display: inline-flex;
    position: relative;
    vertical-align: middle;
  }
  .button {
    min-height: 0;
    padding: 2px 4px;
    font-weight: 400;
    color: var(--_color-text-muted);
  }
  .button.copied {
    color: var(--_color-success);
  }
  .label {
    font-size: var(--_font-size-small);
  }
  .fallback {
    position: absolute;
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    z-index: 10;
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: var(--_space);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-small);
    box-shadow: var(--_shadow-raised);
    width: max-content;
    max-width: min(28rem, 80vw);
  }
  .fallback input {
    font-family: var(--_font-mono);
    width: 24rem;
    max-width: 100%;
  }
`;
