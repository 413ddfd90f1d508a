/** Styles of the shared search field (search-field.ts), for the elements that render it. */
import { css } from 'lit';

/** Styles of {@link SearchFieldController}; the host sizes `.search-field` (flex basis, max width). */
export const searchFieldStyles = css`
  .search-field {
    position: relative;
    display: flex;
    align-items: center;
  }
  .search-field .input {
    width: 100%;
    padding-inline-start: 30px;
  }
  .search-field .search-icon {
    position: absolute;
    inset-inline-start: 8px;
    display: inline-flex;
    color: var(--_color-text-muted);
    pointer-events: none;
  }
`;
