import { expect } from '@open-wc/testing';
import { gridMove } from '../../src/components/shared/grid-keys.js';

describe('shared/grid-keys', () => {
  const bounds = { lastRow: 99, lastCol: 5, pageRows: 10 };
  const from = { row: 20, col: 2 };

  it('moves as the WAI-ARIA grid pattern says', () => {
    expect(gridMove('ArrowDown', false, from, bounds)).to.deep.equal({ row: 21, col: 2 });
    expect(gridMove('ArrowUp', false, from, bounds)).to.deep.equal({ row: 19, col: 2 });
    expect(gridMove('ArrowRight', false, from, bounds)).to.deep.equal({ row: 20, col: 3 });
    expect(gridMove('ArrowLeft', false, from, bounds)).to.deep.equal({ row: 20, col: 1 });
    expect(gridMove('PageDown', false, from, bounds)).to.deep.equal({ row: 30, col: 2 });
    expect(gridMove('PageUp', false, from, bounds)).to.deep.equal({ row: 10, col: 2 });
    expect(gridMove('Home', false, from, bounds)).to.deep.equal({ row: 20, col: 0 });
    expect(gridMove('End', false, from, bounds)).to.deep.equal({ row: 20, col: 5 });
    expect(gridMove('Home', true, from, bounds)).to.deep.equal({ row: 0, col: 0 });
    expect(gridMove('End', true, from, bounds)).to.deep.equal({ row: 99, col: 2 });
  });

  it('stops at the edges: the header row above, the last row and column below and right', () => {
    expect(gridMove('ArrowUp', false, { row: -1, col: 0 }, bounds)).to.deep.equal({ row: -1, col: 0 });
    expect(gridMove('ArrowDown', false, { row: 99, col: 5 }, bounds)).to.deep.equal({ row: 99, col: 5 });
    expect(gridMove('ArrowRight', false, { row: 99, col: 5 }, bounds)).to.deep.equal({ row: 99, col: 5 });
    expect(gridMove('PageUp', false, { row: 3, col: 1 }, bounds)).to.deep.equal({ row: 0, col: 1 });
    expect(gridMove('PageDown', false, { row: 95, col: 1 }, bounds)).to.deep.equal({ row: 99, col: 1 });
    // An empty grid: only the header row.
    expect(gridMove('ArrowDown', false, { row: -1, col: 1 }, { lastRow: -1, lastCol: 3, pageRows: 10 })).to.deep.equal({ row: -1, col: 1 });
  });

  it('leaves other keys to the grid', () => {
    for (const key of ['Enter', ' ', 'a', 'Escape', '+']) expect(gridMove(key, false, from, bounds)).to.equal(undefined);
  });
});
