/**
 * Keyboard movement in a data grid, as the WAI-ARIA Authoring Practices' grid pattern defines it:
 * arrows move one cell, Page Up/Down one screen of rows, Home/End to the row's first/last cell,
 * Ctrl+Home/End to the first/last row. Rows run from -1 (the header row) to `lastRow`, columns
 * from 0 to `lastCol`. Pure: the grid decides what the move means (scroll, focus, extend a
 * selection with Shift).
 */

export interface GridPosition {
  row: number;
  col: number;
}

export interface GridBounds {
  lastRow: number;
  lastCol: number;
  /** Rows in one screen (Page Up/Down). */
  pageRows: number;
}

/** Where a key moves the active cell, or undefined when the key is not a movement key. */
export function gridMove(key: string, ctrl: boolean, { row, col }: GridPosition, { lastRow, lastCol, pageRows }: GridBounds): GridPosition | undefined {
  const at = (r: number, c: number): GridPosition => ({ row: Math.max(-1, Math.min(lastRow, r)), col: Math.max(0, Math.min(lastCol, c)) });
  switch (key) {
    case 'ArrowDown':
      return at(row + 1, col);
    case 'ArrowUp':
      return at(row - 1, col);
    case 'ArrowRight':
      return at(row, col + 1);
    case 'ArrowLeft':
      return at(row, col - 1);
    case 'PageDown':
      return at(Math.min(lastRow, row + pageRows), col);
    case 'PageUp':
      return at(Math.max(0, row - pageRows), col);
    case 'Home':
      return at(ctrl ? 0 : row, 0);
    case 'End':
      return at(ctrl ? lastRow : row, ctrl ? col : lastCol);
    default:
      return undefined;
  }
}
