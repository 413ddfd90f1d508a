/** Styles of the shared list export (list-export.ts), for the elements that render it. */
import { css } from 'lit';

export const exportStyles = css`
  .export-progress {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
  }
`;
