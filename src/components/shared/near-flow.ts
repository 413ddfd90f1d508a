/**
 * The virtualizer's flow layout, rendering less past the viewport. Its own keeps 1,000 px of rows
 * above and below what shows; with rows first guessed at 100 px and then measured at about 44, a
 * list's first paint built some 35 rows for the 13 on screen. 400 px keeps keyboard and wheel
 * scrolling ahead (rows are added as the list scrolls).
 */
import { flow, FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import { afterPaint } from '../../lib/after-paint.js';

type FlowSpecifier = ReturnType<typeof flow>;

/** Rows kept built past the view once the first rows have painted. */
const OVERHANG_PX = 400;

class NearFlowLayout extends FlowLayout {
  protected override _overhang = OVERHANG_PX;
}

/**
 * For lists whose rows are costly to build (the devices, each with its facts and copy buttons):
 * no overhang before the first paint, which builds only the rows that show; then {@link OVERHANG_PX}.
 */
class PaintFirstFlowLayout extends FlowLayout {
  protected override _overhang = 0;
  #widening = false;

  protected override _sendStateChangedMessage(): void {
    super._sendStateChangedMessage();
    if (this.#widening) return;
    this.#widening = true;
    afterPaint(() => {
      this._overhang = OVERHANG_PX;
      this._triggerReflow();
    });
  }
}

/** `flow()` with the shorter overhang, for `virtualize({ layout })`; `paintFirst`: none until the first rows have painted. */
export function nearFlow(config: Parameters<typeof flow>[0] = {}, options: { paintFirst?: boolean } = {}): FlowSpecifier {
  return { ...config, type: options.paintFirst ? PaintFirstFlowLayout : NearFlowLayout };
}
