/** `<ip-insight-chart>`'s own styles (tokens and the shared styles come first in its `styles`). */
import { css } from 'lit';

export const insightChartStyles = css`
  :host {
    display: block;
  }
  .chart {
    height: var(--ip-insight-chart-height, 180px);
    width: 100%;
    transition: color 1ms; /* theme switches surface as transitionrun */
    color: var(--_color-text);
  }
`;
