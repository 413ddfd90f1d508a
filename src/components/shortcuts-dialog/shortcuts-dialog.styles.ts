/** `<ip-shortcuts-dialog>`'s own styles (tokens and the shared styles come first in its `styles`). */
import { css } from 'lit';

export const shortcutsDialogStyles = css`
  :host {
    --_dialog-width: var(--ip-shortcuts-dialog-width, 36rem);
  }
  h3 {
    margin: calc(var(--_space) * 2) 0 var(--_space);
    font-size: var(--_font-size);
    color: var(--_color-text-muted);
  }
  dl {
    display: grid;
    grid-template-columns: min(11rem, 38%) 1fr;
    gap: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
    margin: 0;
  }
  dt {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
  }
  dd {
    margin: 0;
    align-self: center;
  }
  kbd {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 calc(var(--_space) * 0.5);
    border: 1px solid var(--_color-border-strong);
    border-block-end-width: 2px;
    border-radius: var(--_radius-small);
    background: var(--_color-bg);
    font-family: var(--_font-mono);
    font-size: var(--_font-size-small);
    text-align: center;
  }
  .note {
    margin-block: calc(var(--_space) * 2);
  }
`;
