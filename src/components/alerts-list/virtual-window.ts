/**
 * Which rows a fixed-row-height scroller shows, for any number of rows.
 *
 * Browsers cap an element's height (Chromium lays out at most 2^25 px ≈ 33.5 M px), and
 * @lit-labs/virtualizer clamps its own at 8.2 M px (about 227,000 rows of 36 px), so a million rows
 * cannot be laid out one pixel per pixel. Up to {@link MAX_SCROLL_PX} the scroll position maps
 * to rows exactly; beyond it the scroll range is scaled: the scroll position is a fraction of the
 * way through the data, and the rows shown are computed from that fraction. Every row shown is
 * the row at its index; the last row is reachable by the scrollbar and by Ctrl+End.
 */

/** The largest scroll height used; well under Chromium's 33,554,432 px layout limit. */
export const MAX_SCROLL_PX = 8_000_000;

export interface WindowInput {
  /** Number of rows. */
  count: number;
  rowHeight: number;
  viewportHeight: number;
  scrollTop: number;
  /** Extra rows rendered above and below the viewport. */
  overscan?: number;
}

export interface RowWindow {
  /** Height of the scroll spacer. */
  scrollHeight: number;
  /** First and last (exclusive) row rendered. */
  start: number;
  end: number;
  /** Where row `start` is drawn, in px from the top of the viewport (may be negative). */
  offset: number;
  /** The content pixel at the top of the viewport (row space, unscaled). */
  contentTop: number;
  scaled: boolean;
}

export function scrollHeightFor(count: number, rowHeight: number): number {
  return Math.min(count * rowHeight, MAX_SCROLL_PX);
}

/** Content pixel (row space) at the top of the viewport for a scroll position. */
export function contentTopFor(input: Omit<WindowInput, 'overscan'>): number {
  const content = input.count * input.rowHeight;
  const height = scrollHeightFor(input.count, input.rowHeight);
  const scrollRange = Math.max(0, height - input.viewportHeight);
  const contentRange = Math.max(0, content - input.viewportHeight);
  const top = Math.max(0, Math.min(input.scrollTop, scrollRange));
  if (content <= MAX_SCROLL_PX) return top;
  return scrollRange === 0 ? 0 : (top / scrollRange) * contentRange;
}

/** The scroll position that puts content pixel `contentTop` at the top of the viewport. */
export function scrollTopFor(contentTop: number, count: number, rowHeight: number, viewportHeight: number): number {
  const content = count * rowHeight;
  const height = scrollHeightFor(count, rowHeight);
  const scrollRange = Math.max(0, height - viewportHeight);
  const contentRange = Math.max(0, content - viewportHeight);
  const clamped = Math.max(0, Math.min(contentTop, contentRange));
  if (content <= MAX_SCROLL_PX) return clamped;
  return contentRange === 0 ? 0 : (clamped / contentRange) * scrollRange;
}

export function rowWindow(input: WindowInput): RowWindow {
  return rowWindowAt({ ...input, contentTop: contentTopFor(input) });
}

/** The window for a content position (row space, unscaled): what the grid keeps as its truth. */
export function rowWindowAt(input: Omit<WindowInput, 'scrollTop'> & { contentTop: number }): RowWindow {
  const { count, rowHeight, viewportHeight } = input;
  const overscan = input.overscan ?? 4;
  const contentTop = Math.max(0, Math.min(input.contentTop, Math.max(0, count * rowHeight - viewportHeight)));
  const first = Math.floor(contentTop / rowHeight);
  const start = Math.max(0, first - overscan);
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const end = Math.min(count, first + visible + overscan);
  return {
    scrollHeight: scrollHeightFor(count, rowHeight),
    start,
    end: Math.max(start, end),
    offset: start * rowHeight - contentTop,
    contentTop,
    scaled: count * rowHeight > MAX_SCROLL_PX,
  };
}

/**
 * The content top that shows row `index` fully, moving as little as possible (for keyboard
 * focus): unchanged when it is already in view.
 */
export function revealRow(index: number, contentTop: number, rowHeight: number, viewportHeight: number): number {
  const rowTop = index * rowHeight;
  if (rowTop < contentTop) return rowTop;
  if (rowTop + rowHeight > contentTop + viewportHeight) return rowTop + rowHeight - viewportHeight;
  return contentTop;
}
