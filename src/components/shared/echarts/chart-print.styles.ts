import { css } from 'lit';

/**
 * A chart prints as the picture taken before printing (see ChartController and print.ts), sized
 * to the page; on screen the picture is hidden. In each chart's styles, so the first paint, which
 * has no chart yet, does not carry them.
 */
export const chartPrintStyles = css`
  .chart-image {
    display: none;
  }
  @media print {
    [data-printing] {
      display: none !important;
    }
    .chart-image {
      display: block;
      position: static !important;
      width: 100% !important;
      height: auto !important;
    }
  }
`;
