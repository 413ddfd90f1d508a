import { getResponse, http, type HttpHandler } from 'msw';
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

/** The origin a handler's URL (a path, an absolute URL or a regular expression over one) is at. */
function originOf(handler: HttpHandler): string {
  const path = handler.info.path;
  const text = path instanceof RegExp ? /^\^?(https?:\/\/[^/(]+)/.exec(path.source.replaceAll('\\', ''))?.[1] : typeof path === 'string' ? path : undefined;
  if (text === undefined) throw new Error(`test/helpers/msw.ts: no origin in ${handler.info.header}`);
  return new URL(text, location.origin).origin;
}

/**
 * A service's handlers behind one that first checks the request's origin. MSW asks each handler
 * in turn whether a request is its own (reading the cookies and matching the path each time): a
 * request for the last of the 69 took 13 ms, one for the first 3.3 ms. The same handlers answer,
 * in their order.
 */
function service(handlers: HttpHandler[]): HttpHandler {
  const origins = new Set(handlers.map(originOf));
  return http.all(
    ({ request }) => origins.has(new URL(request.url).origin),
    ({ request }) => getResponse(handlers, request),
  );
}

export const worker = setupWorker(
  service(createHandlers({ now: NOW })),
  service(createMicrosoftHandlers({ now: NOW, analyzeKql })),
  service(createSentinelHandlers({ now: NOW, analyzeKql })),
  service(createElasticHandlers({ now: NOW })),
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
