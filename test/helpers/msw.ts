import { setupWorker } from 'msw/browser';
import { createHandlers } from '../../mocks/handlers.js';
import { createMicrosoftHandlers } from '../../mocks/microsoft.js';
import { createSentinelHandlers } from '../../mocks/sentinel.js';
import { createElasticHandlers } from '../../mocks/elastic.js';

/** The data's "now" in tests: fixed, so generated data is the same in every run. */
export const NOW = Date.parse('2026-11-23T13:00:00.000Z');

export const worker = setupWorker(...createHandlers({ now: NOW }), ...createMicrosoftHandlers({ now: NOW }), ...createSentinelHandlers({ now: NOW }), ...createElasticHandlers({ now: NOW }));

/** Start the mock API for this file's tests; per-test overrides with `worker.use()` are reset after each test. */
export function useMockApi(): void {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());
}
