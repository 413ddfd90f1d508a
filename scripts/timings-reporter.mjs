// A WTR reporter for finding where the suite's time goes (TEST_TIMINGS=1 npm test): per file, the
// time its tests ran (mocha's durations) against the wall time from its start to its end, and the
// slowest tests. What is not in a test's duration is loading: the page, transforms, imports.
import { writeFileSync } from 'node:fs';

function walk(results, file, out, path = []) {
  if (!results) return;
  for (const t of results.tests ?? []) out.push({ file, name: [...path, t.name].join(' › '), ms: t.duration ?? 0 });
  for (const s of results.suites ?? []) walk(s, file, out, [...path, s.name]);
}

/**
 * A fixed piece of work, timed (median of three, ms): how fast this machine is right now. The same
 * code's suite took 302-316 s one day and 403-428 s two days later here; this figure beside the
 * wall time tells a slower machine from slower code.
 */
function machineReference() {
  const runs = [];
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    let x = 0;
    const parts = [];
    for (let i = 0; i < 3e7; i++) {
      x = (x + Math.imul(i, 2654435761)) | 0;
      if (i % 1000 === 0) parts.push({ i, s: String(x) });
    }
    runs.push(performance.now() - start);
    // Its result is used (so the engine cannot drop the loop), and checked.
    if (parts.length !== 3e4) throw new Error(`machine reference: ${parts.length} parts`);
  }
  return Math.round(runs.sort((a, b) => a - b)[1]);
}

/** @returns {import('@web/test-runner').Reporter} */
export function timingsReporter() {
  const started = new Map();
  const finished = new Map();
  let t0 = 0;
  let referenceAtStart = 0;
  return {
    start({ sessions, startTime }) {
      referenceAtStart = machineReference();
      t0 = startTime ?? Date.now();
      // A file starts when its page starts loading it.
      sessions.on('session-status-updated', (session) => {
        if (session.status !== 'SCHEDULED' && !started.has(session.testFile)) started.set(session.testFile, Date.now());
      });
    },
    reportTestFileResults({ testFile }) {
      finished.set(testFile, Date.now());
    },
    onTestRunFinished({ sessions }) {
      const tests = [];
      for (const s of sessions) walk(s.testResults, s.testFile, tests);
      const files = new Map();
      for (const t of tests) files.set(t.file, (files.get(t.file) ?? 0) + t.ms);
      const rows = [...finished.keys()].map((f) => {
        const wall = finished.get(f) - (started.get(f) ?? t0);
        const inTests = files.get(f) ?? 0;
        return { file: f.replace(process.cwd() + '/', ''), wall, inTests, loading: Math.max(0, wall - inTests) };
      });
      rows.sort((a, b) => b.wall - a.wall);
      const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
      const cpu = process.cpuUsage();
      const lines = [
        `wall ${((Date.now() - t0) / 1000).toFixed(1)} s; per file summed: wall ${(sum('wall') / 1000).toFixed(1)} s, in tests ${(sum('inTests') / 1000).toFixed(1)} s, outside tests ${(sum('loading') / 1000).toFixed(1)} s`,
        // The test server's own CPU (its threads too: transforms, mocks, the KQL analysers); the browser's is the rest of `time npm test`.
        `test server CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
        `machine reference (scripts/timings-reporter.mjs): ${referenceAtStart} ms at the start, ${machineReference()} ms at the end`,
        '',
        'file  wall ms  in tests ms  outside ms',
        ...rows.map((r) => `${r.file}  ${r.wall}  ${r.inTests}  ${r.loading}`),
        '',
        'slowest tests (ms)',
        ...tests
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 40)
          .map((t) => `${t.ms}  ${t.file.replace(process.cwd() + '/', '')}  ${t.name}`),
      ];
      writeFileSync('.test-timings', `${lines.join('\n')}\n`);
      process.on('exit', () => console.log('\ntimings written to .test-timings'));
    },
  };
}
