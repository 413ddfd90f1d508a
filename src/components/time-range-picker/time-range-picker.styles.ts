/** `<ip-time-range-picker>`'s own styles (tokens and the shared styles come first in its `styles`). */
import { css } from 'lit';

export const timeRangePickerStyles = css`
  :host {
    display: inline-flex;
    position: relative;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
  }
  select {
    padding-inline-end: calc(var(--_space) * 0.5);
    cursor: pointer;
  }
  ip-custom-range {
    position: absolute;
    z-index: 30;
    inset-block-start: calc(100% + 4px);
    inset-inline-end: 0;
    min-width: max-content;
  }
`;
