// Tests for scripts/check-changesets.mjs: the pure parts table-driven, then the whole script against
// a throw-away git repository. Run: node --test scripts/check-changesets.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  changedPackages,
  coverageLines,
  packageForPath,
  parseFrontMatter,
  uncoveredPackages,
} from './check-changesets.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), 'check-changesets.mjs');

describe('parseFrontMatter', () => {
  const cases = [
    {
      name: 'double-quoted scoped name (what `pnpm changeset` writes)',
      text: '---\n"@all-together/model": minor\n---\n\nAdded rounds.\n',
      want: [['@all-together/model', 'minor']],
    },
    {
      name: 'single-quoted name',
      text: "---\n'@all-together/scoring': patch\n---\n\nFixed a rounding error.\n",
      want: [['@all-together/scoring', 'patch']],
    },
    {
      name: 'unquoted unscoped name',
      text: '---\nsome-package: major\n---\n',
      want: [['some-package', 'major']],
    },
    {
      name: 'several packages, quoted bump, comment, blank line and CRLF',
      text: '---\r\n"@all-together/model": "minor"\r\n\r\n# why\r\n"@all-together/components": patch # tidy\r\n---\r\n',
      want: [
        ['@all-together/model', 'minor'],
        ['@all-together/components', 'patch'],
      ],
    },
    { name: 'empty changeset', text: '---\n---\n', want: [] },
    { name: 'empty changeset without a final newline', text: '---\n---', want: [] },
    {
      name: 'a --- in the summary does not end the front matter twice',
      text: '---\n"a": patch\n---\n\nBefore\n---\nAfter\n',
      want: [['a', 'patch']],
    },
    {
      name: 'none parses (changesets allows it)',
      text: '---\n"@all-together/model": none\n---\n',
      want: [['@all-together/model', 'none']],
    },
  ];
  for (const { name, text, want } of cases) {
    test(name, () => {
      assert.deepEqual([...parseFrontMatter(text)], want);
    });
  }

  const bad = [
    { name: 'no front matter', text: 'Added rounds.\n', error: /does not start/ },
    { name: 'unterminated', text: '---\n"a": patch\n', error: /not closed/ },
    { name: 'unknown bump', text: '---\n"a": huge\n---\n', error: /"huge" for a is not one of/ },
    // YAML reserves @, so changesets itself rejects this; catch it before `changeset version` does.
    {
      name: 'unquoted scoped name',
      text: '---\n@all-together/model: patch\n---\n',
      error: /line 2/,
    },
    { name: 'no space after the colon', text: '---\n"a":patch\n---\n', error: /line 2/ },
    { name: 'the same package twice', text: '---\n"a": patch\n"a": minor\n---\n', error: /twice/ },
  ];
  for (const { name, text, error } of bad) {
    test(`rejects ${name}`, () => {
      assert.throws(() => parseFrontMatter(text), error);
    });
  }
});

describe('packageForPath', () => {
  const packagesByDir = new Map([
    ['model', '@all-together/model'],
    ['components', '@all-together/components'],
  ]);
  const cases = [
    ['packages/model/src/round.ts', '@all-together/model'],
    ['packages/model/package.json', '@all-together/model'],
    ['packages/model/README.md', '@all-together/model'],
    ['packages/components/src/at-results.ts', '@all-together/components'],
    ['packages/model/src/round.test.ts', null],
    ['packages/model/src/round.test-d.ts', null],
    ['packages/model/scripts/helper.test.mjs', null],
    ['packages/components/src/at-results.stories.ts', null],
    ['packages/model/CHANGELOG.md', null],
    ['packages/model/test-results/node.json', null],
    ['packages/components/test-results/screens/a.png', null],
    ['packages/scoring/src/index.ts', null], // not in the map: private, or no package.json
    ['apps/demo/src/main.ts', null],
    ['apps/storybook/package.json', null],
    ['package.json', null],
    ['.changeset/brave-owls.md', null],
    ['packages/model', null],
  ];
  for (const [path, want] of cases) {
    test(`${path} → ${want ?? 'ignored'}`, () => {
      assert.equal(packageForPath(path, packagesByDir), want);
    });
  }

  test('changedPackages lists each package once, sorted', () => {
    const paths = [
      'packages/model/src/b.ts',
      'packages/components/src/a.ts',
      'packages/model/src/a.ts',
      'packages/model/src/a.test.ts',
    ];
    assert.deepEqual(changedPackages(paths, packagesByDir), [
      '@all-together/components',
      '@all-together/model',
    ]);
  });
});

describe('uncoveredPackages', () => {
  const changeset = (file, entries) => ({ file, releases: new Map(entries) });
  const cases = [
    { name: 'no changesets', changesets: [], want: ['@x/a', '@x/b'] },
    {
      name: 'one package covered, the other reported',
      changesets: [changeset('.changeset/one.md', [['@x/a', 'patch']])],
      want: ['@x/b'],
    },
    {
      name: 'covered across two changesets',
      changesets: [
        changeset('.changeset/one.md', [['@x/a', 'minor']]),
        changeset('.changeset/two.md', [['@x/b', 'major']]),
      ],
      want: [],
    },
    {
      name: 'an empty changeset covers nothing',
      changesets: [changeset('.changeset/empty.md', [])],
      want: ['@x/a', '@x/b'],
    },
    {
      name: 'a none bump covers nothing',
      changesets: [changeset('.changeset/none.md', [['@x/a', 'none']])],
      want: ['@x/a', '@x/b'],
    },
  ];
  for (const { name, changesets, want } of cases) {
    test(name, () => {
      assert.deepEqual(uncoveredPackages(['@x/a', '@x/b'], changesets), want);
    });
  }

  test('coverageLines names the covering changeset and flags the missing one', () => {
    const lines = coverageLines(
      ['@x/a', '@x/b'],
      [changeset('.changeset/one.md', [['@x/a', 'patch']])],
    );
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^ {2}ok +@x\/a: \.changeset\/one\.md \(patch\)$/);
    assert.match(lines[1], /^ {2}MISSING +@x\/b: no changeset$/);
  });
});

describe('check-changesets in a git repository', () => {
  const env = {
    ...process.env,
    // Isolate from the machine's git config (signing, hooks, default branch) and from CI's base.
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };
  delete env.CHANGESET_BASE;

  const git = (cwd, ...args) => {
    const result = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
    assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  };
  const check = (cwd, extraEnv = {}) => {
    const result = spawnSync(process.execPath, [script], {
      cwd,
      env: { ...env, ...extraEnv },
      encoding: 'utf8',
    });
    return { code: result.status, out: result.stdout + result.stderr };
  };
  const write = (repo, path, text) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };

  test('a src change without a changeset fails; adding one passes', (t) => {
    const repo = mkdtempSync(join(tmpdir(), 'check-changesets-'));
    t.after(() => rmSync(repo, { recursive: true, force: true }));
    git(repo, 'init', '--quiet');
    write(
      repo,
      'packages/foo/package.json',
      '{ "name": "@all-together/foo", "version": "0.1.0" }\n',
    );
    write(repo, 'packages/foo/src/index.ts', 'export const foo = 1;\n');
    write(repo, 'apps/demo/package.json', '{ "name": "@all-together/demo", "private": true }\n');
    write(repo, 'apps/demo/main.ts', 'export {};\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'initial');

    // No release yet: the base is the empty tree, so the committed package counts as changed.
    let run = check(repo);
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, /empty tree/);
    assert.match(run.out, /MISSING +@all-together\/foo/);

    // A release (`changeset version` writes CHANGELOG.md) becomes the base: nothing changed since.
    write(repo, 'packages/foo/CHANGELOG.md', '# @all-together/foo\n\n## 0.1.0\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'chore: release');
    run = check(repo);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /No published package changed/);

    // Tests and app changes need no changeset.
    write(repo, 'packages/foo/src/index.test.ts', 'import "node:test";\n');
    write(repo, 'apps/demo/main.ts', 'export const demo = 1;\n');
    run = check(repo);
    assert.equal(run.code, 0, run.out);

    // A committed src change since the release, no changeset → exit 1 with the fix.
    write(repo, 'packages/foo/src/index.ts', 'export const foo = 2;\n');
    git(repo, 'commit', '--quiet', '-am', 'feat: foo is 2');
    run = check(repo);
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, /No changeset covers @all-together\/foo: run `pnpm changeset`/);

    // An uncommitted changeset covers it.
    write(repo, '.changeset/README.md', '# Changesets\n');
    write(repo, '.changeset/brave-owls.md', '---\n"@all-together/foo": minor\n---\n\nfoo is 2.\n');
    run = check(repo);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /ok +@all-together\/foo: \.changeset\/brave-owls\.md \(minor\)/);

    // A broken changeset fails the check even when something else covers the package.
    write(repo, '.changeset/typo.md', '---\n@all-together/foo: patch\n---\n');
    run = check(repo);
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, /\.changeset\/typo\.md: line 2/);
  });

  test('CHANGESET_BASE overrides the last release', (t) => {
    const repo = mkdtempSync(join(tmpdir(), 'check-changesets-'));
    t.after(() => rmSync(repo, { recursive: true, force: true }));
    git(repo, 'init', '--quiet');
    write(repo, 'packages/foo/package.json', '{ "name": "@all-together/foo" }\n');
    write(repo, 'packages/foo/src/index.ts', 'export const foo = 1;\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'initial');
    git(repo, 'tag', 'base');

    let run = check(repo, { CHANGESET_BASE: 'base' });
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /CHANGESET_BASE=base/);

    write(repo, 'packages/foo/src/extra.ts', 'export const extra = 1;\n');
    run = check(repo, { CHANGESET_BASE: 'base' });
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, /MISSING +@all-together\/foo/);
  });
});
