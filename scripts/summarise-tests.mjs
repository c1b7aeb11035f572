#!/usr/bin/env node
// Sums every runner's test-results/*.json into one plain "N passed, N failed" line (the line CI reads).
// Exits non-zero if any test failed or no runner reported at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let runners = 0;
const places = ['.'];
for (const group of ['packages', 'apps', 'tests']) {
  if (existsSync(group)) for (const pkg of readdirSync(group)) places.push(join(group, pkg));
}
for (const place of places) {
  const dir = join(place, 'test-results');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const r = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (typeof r.passed !== 'number' || typeof r.failed !== 'number') continue;
    runners++;
    passed += r.passed;
    failed += r.failed;
    const where = place === '.' ? '(root scripts)' : place;
    console.log(`  ${where} (${r.runner ?? file}): ${r.passed} passed, ${r.failed} failed`);
  }
}
if (runners === 0) {
  console.error('No test runner reported any result.');
  failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
