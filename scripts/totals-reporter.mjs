// A WTR reporter that ends the run with the totals on a line of their own: "N passed, N failed",
// and writes them to .test-totals for .ci/run to repeat at the very end of its output.
import { writeFileSync } from 'node:fs';

function count(results, totals) {
  if (!results) return;
  for (const t of results.tests ?? []) {
    if (t.skipped) totals.skipped++;
    else if (t.passed) totals.passed++;
    // A test left out by TEST_GREP did not run: it has neither a pass nor an error.
    else if (t.error || !process.env.TEST_GREP) totals.failed++;
  }
  for (const s of results.suites ?? []) count(s, totals);
}

/** @returns {import('@web/test-runner').Reporter} */
export function totalsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        count(s.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) totals.failed++;
      }
      const line = `${totals.passed} passed, ${totals.failed} failed`;
      writeFileSync('.test-totals', `${line}\n`);
      // printed after WTR's own summary
      process.on('exit', () => console.log(`\n${line}`));
    },
  };
}
