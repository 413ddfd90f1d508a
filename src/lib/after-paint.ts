/**
 * Work that improves what comes next (rows past the view, so scrolling finds them built) but is
 * not on the screen being painted: run it once that screen has painted and the browser is idle,
 * so the first paint builds only what shows.
 */

/** Idle work is forced after this long, however busy the page. */
const IDLE_TIMEOUT_MS = 300;

/** Calls `work` after the next paint, when the browser is idle (or shortly after, where it cannot say). */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => {
    // A task queued from an animation frame runs after that frame's paint.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(work, 16);
  });
}

/** Resolves after the next paint, when the browser is idle (see {@link afterPaint}). */
export function whenPainted(): Promise<void> {
  return new Promise((resolve) => afterPaint(resolve));
}
