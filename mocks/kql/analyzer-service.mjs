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

/** The analyser's worker and its waiting answers. */
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
 * A client of the analyser: `analyze(query, service)` resolves with its answer. Starts loading at
 * once. One worker, two lanes: the mocks' questions (a page waiting for its answer) go to the
 * worker as they come, and a test's own checks (`lane: 'bulk'`, hundreds of queries in a row) one
 * at a time, so a page's question waits behind one check at most (about 50–150 ms), not behind
 * all of them. A worker per lane did the same, but each loaded and warmed Kusto.Language on its
 * own: about 10 s of CPU each at the suite's start, on a 2-core machine the browsers need then.
 */
export function startKqlAnalyzer() {
  const ask = startWorker();
  /** The last bulk question asked: the next one waits for it. */
  let bulk = Promise.resolve();
  return {
    analyze(query, service, tables, lane = 'mock') {
      if (lane !== 'bulk') return ask(query, service, tables);
      const answer = bulk.then(() => ask(query, service, tables));
      bulk = answer.then(
        () => undefined,
        () => undefined,
      );
      return answer;
    },
    /** The HTTP endpoint: POST {query, service, tables?, lane?} → {diagnostics, columns}. */
    async handle(body) {
      const { query, service, tables, lane } = JSON.parse(body);
      return this.analyze(String(query), service === 'logAnalytics' ? 'logAnalytics' : 'defender', tables && typeof tables === 'object' ? tables : undefined, lane === 'bulk' ? 'bulk' : 'mock');
    },
  };
}
