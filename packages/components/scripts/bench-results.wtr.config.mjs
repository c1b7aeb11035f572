// The <at-results> benchmark in real Chromium: the normal browser setup, only the *.bench.ts file,
// with time for building a 100,000-pupil summary. Run with `pnpm bench` (scripts/bench-results.mjs).
import base from '../web-test-runner.config.mjs';

export default {
  ...base,
  files: 'src/results/results.bench.ts',
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 240_000 } },
  reporters: base.reporters.slice(0, 1),
};
