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
