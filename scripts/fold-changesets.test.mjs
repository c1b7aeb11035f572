// Tests for scripts/fold-changesets.mjs: the plan, table-driven, then the whole procedure (fold,
// then the real `changeset version`) in a throw-away workspace.
// Run: node --test scripts/fold-changesets.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bodyOf, planFold } from './fold-changesets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(root, 'scripts', 'fold-changesets.mjs');
const cs = (file, releases, body) => ({
  file,
  text: `---\n${Object.entries(releases)
    .map(([n, b]) => `'${n}': ${b}`)
    .join('\n')}\n---\n\n${body}\n`,
});
const A = '@x/a';
const B = '@x/b';
const unreleased = new Map([[A, 'a']]);

describe('planFold', () => {
  test('folds every changeset of an unreleased package into <folder>-first-release.md', () => {
    const plan = planFold(
      [
        cs('a-first-release.md', { [A]: 'minor' }, 'First release of `@x/a`: it does X.'),
        cs('a-fix.md', { [A]: 'patch' }, 'Fixed Y.'),
        cs('a-more.md', { [A]: 'minor' }, 'Added Z.\n\nWith two paragraphs.'),
      ],
      unreleased,
    );
    assert.deepEqual(plan.remove, ['a-fix.md', 'a-more.md']);
    assert.equal(
      plan.write.get('a-first-release.md'),
      "---\n'@x/a': minor\n---\n\nFirst release of `@x/a`: it does X.\n\n" +
        '- Fixed Y.\n- Added Z.\n\n  With two paragraphs.\n',
    );
  });

  test('a breaking change before the first release still makes 0.1.0, unless asked', () => {
    const sets = [cs('a-break.md', { [A]: 'major' }, 'First release, breaking nothing.')];
    assert.match(planFold(sets, unreleased).write.get('a-first-release.md'), /'@x\/a': minor/);
    assert.match(
      planFold(sets, unreleased, { bump: 'major' }).write.get('a-first-release.md'),
      /'@x\/a': major/,
    );
  });

  test('a changeset that also releases a released package keeps it, without the unreleased one', () => {
    const plan = planFold(
      [cs('both.md', { [A]: 'patch', [B]: 'minor' }, 'Shared fix.')],
      unreleased,
    );
    assert.equal(plan.write.get('both.md'), "---\n'@x/b': minor\n---\n\nShared fix.\n");
    assert.match(
      plan.write.get('a-first-release.md'),
      /First release of `@x\/a`\.\n\n- Shared fix\./,
    );
    assert.deepEqual(plan.remove, []);
  });

  test('leaves released packages and `none` bumps alone; folding twice changes nothing', () => {
    const sets = [
      cs('b-only.md', { [B]: 'minor' }, 'B change.'),
      cs('a-none.md', { [A]: 'none' }, 'Nothing.'),
      cs('a-first-release.md', { [A]: 'minor' }, 'First release.'),
      cs('a-fix.md', { [A]: 'patch' }, 'Fix.'),
    ];
    const once = planFold(sets, unreleased);
    assert.ok(!once.write.has('b-only.md') && !once.remove.includes('b-only.md'));
    assert.ok(!once.remove.includes('a-none.md'));
    const after = [
      ...sets.filter((s) => !once.remove.includes(s.file) && !once.write.has(s.file)),
      ...[...once.write].map(([file, text]) => ({ file, text })),
    ];
    const twice = planFold(after, unreleased);
    assert.deepEqual(twice.remove, []);
    assert.equal(twice.write.get('a-first-release.md'), once.write.get('a-first-release.md'));
  });

  test('bodyOf drops the front matter', () => {
    assert.equal(bodyOf("---\n'@x/a': patch\n---\n\nText.\n"), 'Text.');
  });
});

test('fold, then `changeset version`: one first-release entry in the CHANGELOG', () => {
  const dir = mkdtempSync(join(tmpdir(), 'at-fold-'));
  try {
    const write = (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('package.json', JSON.stringify({ name: 'ws', private: true }));
    write('pnpm-workspace.yaml', "packages:\n  - 'packages/*'\n");
    write('packages/a/package.json', JSON.stringify({ name: A, version: '0.0.0' }));
    write(
      '.changeset/config.json',
      JSON.stringify({
        changelog: '@changesets/cli/changelog',
        commit: false,
        access: 'public',
        baseBranch: 'main',
        updateInternalDependencies: 'patch',
        ignore: [],
      }),
    );
    for (const c of [
      cs('a-first-release.md', { [A]: 'minor' }, 'First release of `@x/a`.'),
      cs('a-fix.md', { [A]: 'patch' }, 'Fixed Y before anyone saw it.'),
    ])
      write(`.changeset/${c.file}`, c.text);

    const fold = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { ...process.env, FOLD_ROOT: dir },
    });
    assert.equal(fold.status, 0, fold.stderr);
    assert.deepEqual(readdirSync(join(dir, '.changeset')).sort(), [
      'a-first-release.md',
      'config.json',
    ]);

    const cli = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');
    const version = spawnSync(process.execPath, [cli, 'version'], { cwd: dir, encoding: 'utf8' });
    assert.equal(version.status, 0, `${version.stdout}${version.stderr}`);
    const pkg = JSON.parse(readFileSync(join(dir, 'packages/a/package.json'), 'utf8'));
    assert.equal(pkg.version, '0.1.0');
    const changelog = readFileSync(join(dir, 'packages/a/CHANGELOG.md'), 'utf8');
    assert.equal(changelog.match(/^## /gm)?.length, 1, changelog);
    assert.equal(changelog.match(/^- /gm)?.length, 1, `one entry:\n${changelog}`);
    assert.match(changelog, /First release of `@x\/a`\.\n\n\s+- Fixed Y before anyone saw it\./);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
