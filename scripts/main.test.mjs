// scripts/main.sh (the README's first command) builds only what the demo portal serves: the portal
// and the packages it depends on, not Storybook or anything else in the workspace. Checked with
// turbo's dry run of the exact command main.sh runs. Run: node --test scripts/main.test.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = readFileSync(join(root, 'scripts', 'main.sh'), 'utf8');

/** The arguments main.sh passes to `turbo run build` (the line that builds). */
function buildArgs() {
  const line = script.split('\n').find((l) => /^\s*pnpm exec turbo run build\b/.test(l));
  assert.ok(line, 'main.sh has a `pnpm exec turbo run build` line');
  return line
    .trim()
    .replace(/^pnpm exec turbo /, '')
    .split(/\s+/)
    .filter((arg) => !arg.startsWith('--output-logs'));
}

test('main.sh builds the demo portal and the packages it uses, and nothing else', () => {
  const out = execFileSync('pnpm', ['exec', 'turbo', ...buildArgs(), '--dry=json'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  const tasks = JSON.parse(out.slice(out.indexOf('{')))
    .tasks.map((t) => t.taskId)
    .sort();
  const demo = JSON.parse(readFileSync(join(root, 'apps', 'demo', 'package.json'), 'utf8'));
  const needed = Object.keys(demo.dependencies).filter((d) => d.startsWith('@all-together/'));
  assert.deepEqual(tasks, ['@all-together/demo#build', ...needed.map((d) => `${d}#build`)].sort());
});
