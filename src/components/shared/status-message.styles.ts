/** Styles of the shared status message (status-message.ts), for the elements that render it. */
import { css } from 'lit';

/** The look of the status line: `<p class="status ok|error" role="status">`. */
export const statusStyles = css`
  .status {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: var(--_font-size-small);
    color: var(--_color-success);
  }
  .status.error {
    color: var(--_color-danger);
  }
  .status:empty {
    display: none;
  }
`;
