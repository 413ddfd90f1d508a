// The KQL analyser in a worker thread: loading Kusto.Language takes seconds of CPU, which would
// otherwise stall the test server (and the demo's dev server) while browsers start.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

if (!isMainThread && parentPort) {
  const { analyzeKql, warmUp } = await import('./analyzer.mjs');
  warmUp();
  parentPort.on('message', ({ id, query, service, tables }) => {
    try {
      parentPort.postMessage({ id, answer: analyzeKql(query, service, tables) });
    } catch (error) {
      parentPort.postMessage({ id, error: String(error?.message ?? error) });
    }
  });
}

/** One analyser worker and its waiting answers. */
function startWorker() {
  const worker = new Worker(new URL(import.meta.url));
  worker.unref();
  const waiting = new Map();
  worker.on('message', ({ id, answer, error }) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (error) w?.reject(new Error(error));
    else w?.resolve(answer);
  });
  worker.on('error', (error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  });
  let next = 0;
  return (query, service, tables) => {
    const id = next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, query, service, tables });
    });
  };
}

/**
 * A client of the analysers: `analyze(query, service)` resolves with the analyser's answer. Starts
 * loading at once. Two lanes, each its own worker: the mocks' questions (a page waiting for its
 * answer) never queue behind a test that checks hundreds of queries in a row (`lane: 'bulk'`),
 * which on a shared worker held up a whole page's first visit for seconds.
 */
export function startKqlAnalyzer() {
  const lanes = { mock: startWorker(), bulk: startWorker() };
  return {
    analyze(query, service, tables, lane = 'mock') {
      return (lane === 'bulk' ? lanes.bulk : lanes.mock)(query, service, tables);
    },
    /** The HTTP endpoint: POST {query, service, tables?, lane?} → {diagnostics, columns}. */
    async handle(body) {
      const { query, service, tables, lane } = JSON.parse(body);
      return this.analyze(String(query), service === 'logAnalytics' ? 'logAnalytics' : 'defender', tables && typeof tables === 'object' ? tables : undefined, lane === 'bulk' ? 'bulk' : 'mock');
    },
  };
}
