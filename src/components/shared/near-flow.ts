/**
 * The virtualizer's flow layout, rendering less past the viewport. Its own keeps 1,000 px of rows
 * above and below what shows; with rows first guessed at 100 px and then measured at about 44, a
 * list's first paint built some 35 rows for the 13 on screen. 400 px keeps keyboard and wheel
 * scrolling ahead (rows are added as the list scrolls) for about half the work on first paint.
 */
import { flow, FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

type FlowSpecifier = ReturnType<typeof flow>;

class NearFlowLayout extends FlowLayout {
  protected override _overhang = 400;
}

/** `flow()` with the shorter overhang, for `virtualize({ layout })`. */
export function nearFlow(config: Parameters<typeof flow>[0] = {}): FlowSpecifier {
  return { ...config, type: NearFlowLayout };
}
