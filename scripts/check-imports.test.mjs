// Tests for scripts/check-imports.mjs: the real repository passes; planted cycles and wrong-way
// imports in a throw-away tree make it fail. Run: node --test scripts/check-imports.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check, importsOf } from './check-imports.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, 'check-imports.mjs');

/** A throw-away repository with the given files (path → text). */
function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'imports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const run = (root) => spawnSync(process.execPath, [script, root], { encoding: 'utf8' });

describe('importsOf', () => {
  test('static, re-export, type-only, side-effect and dynamic imports; not comments', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "import './d.js';",
      "const e = () => import('./e.js');",
      "// import { f } from './f.js';",
      "/** import { g } from './g.js'; */",
    ].join('\n');
    assert.deepEqual(importsOf(text), ['./a.js', '../b.js', './c.js', './d.js', './e.js']);
  });
});

describe('check-imports', () => {
  test('the repository has no cycle and no wrong-way import', () => {
    const result = check(join(here, '..'));
    assert.ok(result.files > 50, `saw ${result.files} files`);
    assert.deepEqual(result.cycles, []);
    assert.deepEqual(result.wrongWay, []);
  });

  test('a planted cycle of three files fails, naming them', () => {
    const root = tree({
      'packages/p/src/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'packages/p/src/b.ts': "import { c } from './c.js';\nexport const b = c;\n",
      'packages/p/src/c.ts': "import type { A } from './a.js';\nexport const c = 1;\n",
      'packages/p/src/d.ts': "import { a } from './a.js';\nexport const d = a;\n",
    });
    try {
      const result = run(root);
      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.match(
        result.stderr,
        /import cycle: packages\/p\/src\/a\.ts → packages\/p\/src\/b\.ts → packages\/p\/src\/c\.ts/,
      );
      assert.doesNotMatch(result.stderr, /d\.ts/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('a cycle across two packages through their names fails', () => {
    const root = tree({
      'packages/one/src/index.ts':
        "export { two } from '@all-together/two';\nexport const one = 1;\n",
      'packages/two/src/index.ts':
        "import { one } from '@all-together/one';\nexport const two = one;\n",
    });
    try {
      assert.equal(run(root).status, 1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('shared/ importing an element folder fails; an element importing a registration passes', () => {
    const ok = {
      'packages/components/src/shared/i18n.ts': 'export interface Translation {}\n',
      'packages/components/src/progress/at-progress.ts': "import '../shared/i18n.js';\n",
      'packages/components/src/questionnaire/q.ts': "import '../progress/at-progress.js';\n",
    };
    const good = tree(ok);
    const bad = tree({
      ...ok,
      'packages/components/src/shared/i18n.ts':
        "import type { P } from '../progress/progress.strings.js';\nexport type T = P;\n",
      'packages/components/src/progress/progress.strings.ts': 'export type P = string;\n',
      'packages/components/src/audit/audit.ts':
        "import type { P } from '../progress/progress.strings.js';\nexport type A = P;\n",
    });
    try {
      assert.equal(run(good).status, 0, run(good).stderr);
      const result = run(bad);
      assert.equal(result.status, 1);
      assert.match(
        result.stderr,
        /shared\/i18n\.ts → .*progress\.strings\.ts: shared\/ must not import/,
      );
      assert.match(
        result.stderr,
        /audit\/audit\.ts → .*: an element imports another only through its registration/,
      );
    } finally {
      rmSync(good, { recursive: true, force: true });
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
