// Reads vitest's JSON report into pass/fail/skip counts. A suite that crashed before writing its
// report, or a test file that failed to load, counts as a failure: a silent zero is never a pass.
import { existsSync, readFileSync } from 'node:fs';

export function emptyTotals() {
  return { passed: 0, failed: 0, skipped: 0, failures: [] };
}

export function addTotals(into, from) {
  into.passed += from.passed;
  into.failed += from.failed;
  into.skipped += from.skipped;
  into.failures.push(...from.failures);
  return into;
}

export function readVitestReport(file, label) {
  const totals = emptyTotals();
  if (!existsSync(file)) {
    totals.failed = 1;
    totals.failures.push(`${label}: vitest wrote no report (crashed or found no config)`);
    return totals;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed = report.numPassedTests ?? 0;
  totals.failed = report.numFailedTests ?? 0;
  totals.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) totals.failures.push(`${label}: ${t.fullName ?? t.title}`);
    // A file that fails to load has status "failed" and no failed assertion: count it once.
    if (suite.status === 'failed' && failedTests.length === 0) {
      totals.failed += 1;
      totals.failures.push(
        `${label}: ${suite.name} (${(suite.message ?? 'failed to run').split('\n')[0]})`,
      );
    }
  }
  return totals;
}

export function formatTotals({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '');
}
