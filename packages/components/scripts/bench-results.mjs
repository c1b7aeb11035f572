#!/usr/bin/env node
// `pnpm bench` for <at-results>: switching the breakdown of a 100,000-pupil summary in real
// Chromium (web test runner), timed from the user's switch to the updated render. Prints figures;
// asserts nothing about time.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync('npx', ['wtr', '--config', 'scripts/bench-results.wtr.config.mjs'], {
  cwd: here,
  stdio: 'inherit',
  env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
});
process.exit(result.status ?? 1);
