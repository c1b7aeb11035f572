// A web-test-runner reporter for CI: counts the tests of every session (recursing into suites),
// writes {runner, passed, failed} as JSON for the root summary, prints one plain
// "N passed, N failed" line, and makes the run fail when a test failed, a test file failed outside
// any test, or no test ran at all. wtr's default reporter stays in charge of the detailed output.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @param {{ outputFile: string }} options where to write the JSON summary (absolute path)
 * @returns {import('@web/test-runner').Reporter}
 */
export function summaryReporter({ outputFile }) {
  /** @type {string[] | undefined} the lines to print last */
  let report;
  let failRun = false;
  let watch = false;
  // Removed as soon as the config loads, so a run that fails before any test (no test files, a bad
  // config) cannot leave the previous run's summary behind for the root summary to read.
  rmSync(outputFile, { force: true });

  // wtr ends with process.exit(passed ? 0 : 1), which cannot see "no test ran"; an exit listener
  // may still change the code (Node reads process.exitCode after the 'exit' listeners run). The
  // lines are written here too, after wtr's redrawn progress bar is gone, so the summary is the
  // last, plain line of the output (stdout is synchronous on Linux, also at exit).
  process.once('exit', () => {
    if (report && !watch) process.stdout.write(report.join('\n') + '\n');
    if (failRun) process.exitCode = 1;
  });

  return {
    start({ config }) {
      watch = Boolean(config.watch);
    },

    onTestRunFinished({ sessions }) {
      const lines = [];
      let passed = 0;
      let failed = 0;
      const count = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) continue;
          if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites) count(child);
      };
      for (const session of sessions) {
        const failedBefore = failed;
        if (session.testResults) count(session.testResults);
        // A file that failed outside any test (did not load, threw after its tests) counts once.
        if (session.passed === false && failed === failedBefore) {
          failed++;
          lines.push(`${session.testFile}: failed outside any test.`);
        }
      }
      if (passed + failed === 0) {
        lines.push('No test ran: an empty run is a failure, not a pass.');
        failed = 1;
      }
      failRun = failed > 0;

      mkdirSync(dirname(outputFile), { recursive: true });
      writeFileSync(
        outputFile,
        JSON.stringify({ runner: 'web-test-runner', passed, failed }) + '\n',
      );
      lines.push(`${passed} passed, ${failed} failed`);
      report = lines;
      if (watch) console.log(lines.join('\n'));
    },
  };
}
