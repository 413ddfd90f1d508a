/**
 * The copy buttons' styles (copy-controls.ts), for `<ip-copy-button>` and any element that draws
 * copy buttons itself; tokens and the shared styles come first in its `styles`. Every rule but
 * the element's own (`:host(ip-copy-button)`: in line with the text it follows) is under `.copy`,
 * so a host's own `.label` or `.fallback` keeps its look.
 */
import { css } from 'lit';

export const copyButtonStyles = css`
  :host(ip-copy-button) {
    display: inline-flex;
    vertical-align: middle;
  }
  .copy {
    display: inline-flex;
    position: relative;
    vertical-align: middle;
  }
  .copy .copy-button {
    min-height: 0;
    padding: 2px 4px;
    font-weight: 400;
    color: var(--_color-text-muted);
  }
  .copy .copy-button.copied {
    color: var(--_color-success);
  }
  .copy .copy-label {
    font-size: var(--_font-size-small);
  }
  .copy .fallback {
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
  .copy .fallback input {
    font-family: var(--_font-mono);
    width: 24rem;
    max-width: 100%;
  }
`;
