import { setupWorker } from 'msw/browser';
import { createHandlers } from '../../mocks/handlers.js';
import { createMicrosoftHandlers } from '../../mocks/microsoft.js';
import { createSentinelHandlers } from '../../mocks/sentinel.js';
import { createElasticHandlers } from '../../mocks/elastic.js';
import { kqlAnalyzerAt } from '../../mocks/kql/answers.js';

/**
 * The generated data's "now" in tests: the hour this module was loaded, on the page's clock. The
 * data is the same relative to it in every run; the page's own ranges end at the clock, up to an
 * hour later, so every generated record is inside them.
 */
export const NOW = Math.floor(Date.now() / 3_600_000) * 3_600_000;

/** Microsoft's KQL analyser, run by the test server: the Defender and Sentinel mocks refuse what the services would. */
const analyzeKql = kqlAnalyzerAt('/__kql/analyze');

export const worker = setupWorker(
  ...createHandlers({ now: NOW }),
  ...createMicrosoftHandlers({ now: NOW, analyzeKql }),
  ...createSentinelHandlers({ now: NOW, analyzeKql }),
  ...createElasticHandlers({ now: NOW }),
);

let started: Promise<unknown> | undefined;

/**
 * Start the mock API for this file's tests; per-test overrides with `worker.use()` are reset after
 * each test. Started once a page and left running: files that share a page (test/groups.mjs) each
 * ask for it, and a worker stopped and started again in one page fails to update its registration.
 */
export function useMockApi(): void {
  before(async () => {
    started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    await started;
  });
  afterEach(() => worker.resetHandlers());
}
