// A WTR reporter that ends the run with the totals on a line of their own: "N passed, N failed",
// and writes them to .test-totals for .ci/run to repeat at the very end of its output, after the
// name and first error line of each failed test (a CI log is often read from its tail only).
import { writeFileSync } from 'node:fs';

function firstLine(error) {
  return String(error?.message ?? error ?? 'no error reported').split('\n')[0].slice(0, 300);
}

function count(results, totals, file, path = []) {
  if (!results) return;
  for (const t of results.tests ?? []) {
    if (t.skipped) totals.skipped++;
    else if (t.passed) totals.passed++;
    // A test left out by TEST_GREP did not run: it has neither a pass nor an error.
    else if (t.error || !process.env.TEST_GREP) {
      totals.failed++;
      totals.failures.push(`✗ ${file}: ${[...path, t.name].join(' > ')}: ${firstLine(t.error)}`);
    }
  }
  for (const s of results.suites ?? []) count(s, totals, file, s.name ? [...path, s.name] : path);
}

/** @returns {import('@web/test-runner').Reporter} */
export function totalsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const s of sessions) {
        const file = s.testFile.replace(process.cwd() + '/', '');
        count(s.testResults, totals, file);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) {
          totals.failed++;
          totals.failures.push(`✗ ${file}: ${firstLine(s.errors[0])}`);
        }
      }
      const line = `${totals.passed} passed, ${totals.failed} failed`;
      writeFileSync('.test-totals', [...totals.failures, line].join('\n') + '\n');
      // printed after WTR's own summary
      process.on('exit', () => console.log(`\n${line}`));
    },
  };
}
