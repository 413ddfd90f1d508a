/** Load ECharts on first use, once, as its own chunk. */
type Setup = typeof import('./setup.js');

let loading: Promise<Setup> | undefined;

export function loadECharts(): Promise<Setup> {
  loading ??= import('./setup.js').catch((error: unknown) => {
    loading = undefined; // a failed chunk load (network) can be retried
    throw error;
  });
  return loading;
}

type InsightSetup = typeof import('./setup-insights.js');
let loadingInsights: Promise<InsightSetup> | undefined;

/** ECharts with bar and pie charts too (the Sentinel insight cards), as one more small chunk. */
export function loadInsightCharts(): Promise<InsightSetup> {
  loadingInsights ??= import('./setup-insights.js').catch((error: unknown) => {
    loadingInsights = undefined;
    throw error;
  });
  return loadingInsights;
}
