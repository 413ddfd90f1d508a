/** ECharts, loaded on first use, once, as its own chunk (see lib/lazy.ts: a failed load is tried again). */
import { lazyModule } from '../../../lib/lazy.js';

const setup = lazyModule(() => import('./setup.js'));

export function loadECharts(): Promise<typeof import('./setup.js')> {
  return setup.load();
}

const insights = lazyModule(() => import('./setup-insights.js'));

/** ECharts with bar and pie charts too (the Sentinel insight cards), as one more small chunk. */
export function loadInsightCharts(): Promise<typeof import('./setup-insights.js')> {
  return insights.load();
}
