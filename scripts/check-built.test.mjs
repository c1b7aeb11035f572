// Tests for scripts/check-built.mjs, the prepack guard: a package packed or published without its
// build (for example `changeset version` then `changeset publish` with no `pnpm build` between) must
// be refused, naming what is missing. Run: node --test scripts/check-built.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { missingFiles } from './check-built.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), 'check-built.mjs');

const PKG = {
  name: '@all-together/example',
  version: '0.1.0',
  type: 'module',
  exports: {
    '.': {
      '@all-together/source': './src/index.ts',
      types: './dist/index.d.ts',
      default: './dist/index.js',
    },
    './themes/*.css': './themes/*.css',
    './package.json': './package.json',
  },
  files: ['dist', 'src', 'themes', 'custom-elements.json'],
  customElements: 'custom-elements.json',
  scripts: { prepack: `node ${script}` },
};

let dir;
const write = (path, text = '') => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const built = () => {
  write('dist/index.js', 'export {};\n');
  write('dist/index.d.ts', 'export {};\n');
  write('custom-elements.json', '{}\n');
};
const run = (args = []) =>
  spawnSync(process.execPath, [script, ...args], { cwd: dir, encoding: 'utf8' });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'at-check-built-'));
  write('package.json', JSON.stringify(PKG, null, 2));
  write('src/index.ts', 'export {};\n');
  write('themes/default.css', ':root {}\n');
  // Sources older than anything a build writes afterwards.
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(dir, 'src/index.ts'), past, past);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('missingFiles', () => {
  test('names every exported, typed or listed file that is not there', () => {
    assert.deepEqual(missingFiles(dir, PKG), [
      'custom-elements.json',
      'dist/index.d.ts',
      'dist/index.js',
    ]);
  });

  test('is empty once the package is built', () => {
    built();
    assert.deepEqual(missingFiles(dir, PKG), []);
  });

  test('a pattern export needs at least one matching file', () => {
    built();
    rmSync(join(dir, 'themes'), { recursive: true });
    assert.deepEqual(missingFiles(dir, PKG), ['themes/*.css']);
  });
});

describe('check-built.mjs (the prepack script)', () => {
  test('refuses an unbuilt package, says what is missing and what to run', () => {
    const result = run();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /dist\/index\.js/);
    assert.match(result.stderr, /pnpm build/);
  });

  test('accepts a built package', () => {
    built();
    const result = run();
    assert.equal(result.status, 0, result.stderr);
  });

  test('refuses a build older than the source it was built from', () => {
    built();
    const past = new Date(Date.now() - 30_000);
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'custom-elements.json'])
      utimesSync(join(dir, file), past, past);
    write('src/index.ts', 'export const changed = true;\n');
    const result = run();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /src\/index\.ts.*newer than the build/);
  });

  test('a test, story or benchmark edited after the build does not make it stale', () => {
    built();
    const past = new Date(Date.now() - 30_000);
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'custom-elements.json'])
      utimesSync(join(dir, file), past, past);
    write('src/index.test.ts', 'export {};\n');
    write('src/x.stories.ts', 'export {};\n');
    write('src/test-helpers/h.ts', 'export {};\n');
    const result = run();
    assert.equal(result.status, 0, result.stderr);
  });

  test('npm pack runs it and packs nothing from an unbuilt package', () => {
    const result = spawnSync('npm', ['pack', '--dry-run', '--json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'error' },
    });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /dist\/index\.js/);
  });
});
