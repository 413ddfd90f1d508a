import { expect } from '@open-wc/testing';
import { contentTopFor, MAX_SCROLL_PX, revealRow, rowWindow, rowWindowAt, scrollTopFor } from '../../src/components/alerts-list/virtual-window.js';

describe('alerts-list virtual window', () => {
  it('maps scroll to rows exactly when the rows fit', () => {
    const w = rowWindow({ count: 1000, rowHeight: 36, viewportHeight: 360, scrollTop: 3600, overscan: 2 });
    expect(w.scaled).to.equal(false);
    expect(w.scrollHeight).to.equal(36_000);
    expect(w.start).to.equal(98);
    expect(w.end).to.equal(113);
    expect(w.offset).to.equal(-72);
  });

  it('scales a million rows into the scroll limit and reaches the last row', () => {
    const input = { count: 1_000_000, rowHeight: 36, viewportHeight: 720 };
    const bottom = rowWindow({ ...input, scrollTop: 1e12, overscan: 0 });
    expect(bottom.scaled).to.equal(true);
    expect(bottom.scrollHeight).to.equal(MAX_SCROLL_PX);
    expect(bottom.end).to.equal(1_000_000);
    // the last row is drawn fully inside the viewport
    const lastTop = (999_999 - bottom.start) * 36 + bottom.offset;
    expect(lastTop + 36).to.be.at.most(720);
    expect(lastTop).to.be.at.least(0);
    const top = rowWindow({ ...input, scrollTop: 0, overscan: 0 });
    expect(top.start).to.equal(0);
    expect(top.offset).to.equal(0);
  });

  it('converts between scroll and content positions both ways', () => {
    const count = 1_000_000;
    for (const contentTop of [0, 123_456, 18_000_000, 36_000_000 - 720]) {
      const s = scrollTopFor(contentTop, count, 36, 720);
      expect(contentTopFor({ count, rowHeight: 36, viewportHeight: 720, scrollTop: s })).to.be.closeTo(contentTop, 0.01);
    }
    expect(scrollTopFor(500, 100, 36, 720)).to.equal(500);
  });

  it('reveals a row moving as little as possible', () => {
    expect(revealRow(10, 0, 36, 360)).to.equal(36 * 11 - 360);
    expect(revealRow(2, 0, 36, 360)).to.equal(0);
    expect(revealRow(1, 100, 36, 360)).to.equal(36);
  });

  it('clamps a content position past the end', () => {
    const w = rowWindowAt({ count: 10, rowHeight: 36, viewportHeight: 200, contentTop: 9999, overscan: 0 });
    expect(w.contentTop).to.equal(160);
    expect(w.end).to.equal(10);
  });
});
