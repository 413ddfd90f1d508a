/**
 * The row a key moves to in a list of `count` rows with one focusable row (roving tabindex):
 * Up/Down by one, Page Up/Down by `page`, Home/End to the ends. Undefined for other keys.
 */
export function listKeyTarget(key: string, index: number, count: number, page = 10): number | undefined {
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = index + 1;
      break;
    case 'ArrowUp':
      next = index - 1;
      break;
    case 'PageDown':
      next = index + page;
      break;
    case 'PageUp':
      next = index - page;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return undefined;
  }
  return Math.max(0, Math.min(count - 1, next));
}
