/**
 * The frame the lists of the tabs share (`<ip-observed-devices>`, `<ip-accounts>`): the raised box,
 * the toolbar with its search, the count line, and the empty, error and loading states.
 */
import { css } from 'lit';

export const listFrameStyles = css`
  .list-frame {
    min-width: 0;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_color-border);
  }
  .search {
    flex: 1 1 18rem;
    max-width: 30rem;
  }
  .cap {
    margin: 0;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .cap.incomplete {
    color: var(--_color-danger);
  }
  .state {
    padding: calc(var(--_space) * 2);
  }
  .loading {
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  .skeleton-row {
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_color-border);
  }
`;
