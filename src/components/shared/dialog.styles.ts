import { css } from 'lit';

/**
 * The look of a modal dialog (`<dialog class="dialog">` with a header, body and footer), shared by
 * `<ip-indicator-wizard>` and `<ip-hunt-dialog>`. Width: the host's private `--_dialog-width`.
 */
export const dialogStyles = css`
  .dialog {
    width: min(var(--_dialog-width), calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    overflow: auto;
    padding: 0;
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: var(--_shadow-raised);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .dialog > * {
    margin-inline: calc(var(--_space) * 2.5);
  }
  .dialog-header {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin-block: calc(var(--_space) * 2) var(--_space);
  }
  .dialog-header h2 {
    flex: 1;
    margin: 0;
    font-size: calc(var(--_font-size) * 1.25);
  }
  .close {
    padding: 0 var(--_space);
  }
  .dialog-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block: calc(var(--_space) * 2);
  }
  .spacer {
    flex: 1;
  }
  .button.danger {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
    color: var(--_color-surface);
  }
  .dialog .status {
    margin-block: 0 var(--_space);
  }
`;
