#!/usr/bin/env node
// Runs node-side tests (<dir>/**/*.test.ts and *.test.mjs; dir defaults to src) with Node's own test runner on the TypeScript
// source (the @all-together/source export condition, tsx for the syntax). Prints the spec report, a
// plain "N passed, N failed" line, and writes test-results/node.json for the root summary.
// Exits non-zero on any failure, and when no test file is found (a runner that ran nothing has failed).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.cwd();
const dir = process.argv[2] ?? 'src';
const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') walk(path);
    } else if (/\.test\.(ts|mjs)$/.test(entry.name)) files.push(relative(root, path));
  }
})(join(root, dir));
files.sort();

const name = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name;
if (files.length === 0) {
  console.error(
    `${name}: no test files under ${dir}/ — refusing to report an empty run as a pass.`,
  );
  process.exit(1);
}

mkdirSync(join(root, 'test-results'), { recursive: true });
const counter = fileURLToPath(new URL('./count-reporter.mjs', import.meta.url));
const result = spawnSync(
  process.execPath,
  [
    '--conditions=@all-together/source',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${counter}`,
    '--test-reporter-destination=test-results/node.json',
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } },
);

let summary = { passed: 0, failed: 1 };
try {
  summary = JSON.parse(readFileSync(join(root, 'test-results/node.json'), 'utf8'));
} catch {
  console.error(`${name}: the test runner wrote no summary (exit ${result.status}).`);
}
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(result.status === 0 && summary.failed === 0 && summary.passed > 0 ? 0 : 1);
