/** `<ip-custom-range>`'s own styles (tokens and the shared styles come first in its `styles`). */
import { css } from 'lit';

export const customRangeStyles = css`
  form {
    display: grid;
    grid-template-columns: auto auto;
    gap: var(--_space);
    align-items: center;
    padding: calc(var(--_space) * 1.5);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-small);
    box-shadow: var(--_shadow-raised);
  }
  .hint,
  .error,
  .buttons {
    grid-column: 1 / -1;
    margin: 0;
  }
  .error {
    color: var(--_color-danger);
    max-width: 22rem;
  }
  .error:empty {
    display: none;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
  }
`;
