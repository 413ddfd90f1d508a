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

/** A client of the worker: `analyze(query, service)` resolves with the analyser's answer. Starts loading at once. */
export function startKqlAnalyzer() {
  const worker = new Worker(new URL(import.meta.url));
  worker.unref();
  const waiting = new Map();
  let next = 0;
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
  return {
    analyze(query, service, tables) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, query, service, tables });
      });
    },
    /** The HTTP endpoint for the browser's mocks: POST {query, service, tables?} → {diagnostics, columns}. */
    async handle(body) {
      const { query, service, tables } = JSON.parse(body);
      return this.analyze(String(query), service === 'logAnalytics' ? 'logAnalytics' : 'defender', tables && typeof tables === 'object' ? tables : undefined);
    },
  };
}
