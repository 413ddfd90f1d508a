/** The reputation badge's colours, by classification (in the page header and the tab). */
import { css } from 'lit';

export const reputationStyles = css`
  .rep-malicious {
    --_badge-color: var(--_severity-high);
  }
  .rep-suspicious {
    --_badge-color: var(--_severity-medium);
  }
  .rep-neutral,
  .rep-unknown,
  .rep-other {
    --_badge-color: var(--_color-text-muted);
  }
`;
