// What a consumer's bundler pulls in, checked by what goes into the bundle (never by its size: sizes
// are printed by `pnpm bench`). Each entry point is bundled with esbuild from the packages' source
// (the @all-together/source condition), as a host app would bundle the published files.
// Run: node --test scripts/bundles.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgOf = (dir) =>
  JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));

/** The source file of every `exports` subpath with a source condition. */
const sourceEntries = (dir) =>
  Object.entries(pkgOf(dir).exports)
    .filter(([, target]) => typeof target === 'object' && target['@all-together/source'])
    .map(([subpath, target]) => ({
      subpath,
      file: join(root, 'packages', dir, target['@all-together/source']),
    }));

/**
 * Bundles `code` (an ES module importing the entry) and returns the input files that put bytes in
 * the output (a file esbuild read and then tree-shook away contributes nothing).
 */
async function inputsOf(dir, code) {
  const result = await build({
    stdin: { contents: code, resolveDir: join(root, 'packages', dir), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@all-together/source'],
    tsconfig: join(root, 'packages', dir, 'tsconfig.json'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs)
    .flatMap((output) => Object.entries(output.inputs))
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([path]) => path.split('\\').join('/'));
}

/**
 * zod's translated error messages (`locales/ar.js`, `locales/de.js`…): only the English default
 * belongs in a bundle. (`locales/index.js` can leave an empty namespace stub behind; it holds no
 * messages.)
 */
const zodLocales = (inputs) =>
  inputs.filter((p) => /zod\/v4\/locales\/(?!(en|index)\.js$)[^/]+\.js$/.test(p));

describe('components: each registration entry', () => {
  const entries = sourceEntries('components').filter(({ subpath }) => subpath !== '.');

  test('there are registration entries to check', () => {
    assert.ok(entries.length >= 5, entries.map((e) => e.subpath).join(', '));
  });

  for (const { subpath, file } of entries) {
    test(`${subpath} bundles none of zod's locale files (import * as z, not { z })`, async () => {
      const inputs = await inputsOf('components', `import ${JSON.stringify(file)};`);
      // Every entry but the two that validate nothing (progress, Exit this page) bundles zod.
      const noZod = ['./at-progress.js', './at-exit-this-page.js'];
      assert.ok(inputs.some((p) => p.includes('/zod/')) || noZod.includes(subpath));
      assert.deepEqual(zodLocales(inputs), []);
    });
  }
});

describe('questionnaires', () => {
  const definitionIds = readdirIds('definitions');
  const fragmentIds = readdirIds('fragments');
  const shipped = (inputs) =>
    inputs
      .filter((p) => /\/(definitions|fragments)\/[^/]+\/[^/]+\.json$/.test(p))
      .map((p) => p.replace(/^.*\/((definitions|fragments)\/[^/]+)\/[^/]+\.json$/, '$1'));

  for (const id of definitionIds) {
    test(`@all-together/questionnaires/${id}.js bundles that one definition and no zod locale`, async () => {
      const inputs = await inputsOf(
        'questionnaires',
        `import { definition } from '@all-together/questionnaires/${id}.js'; console.log(definition());`,
      );
      assert.deepEqual([...new Set(shipped(inputs))], [`definitions/${id}`]);
      assert.deepEqual(zodLocales(inputs), []);
    });
  }

  for (const id of fragmentIds) {
    test(`@all-together/questionnaires/${id}.js bundles that one fragment`, async () => {
      const inputs = await inputsOf(
        'questionnaires',
        `import { fragment } from '@all-together/questionnaires/${id}.js'; console.log(fragment());`,
      );
      assert.deepEqual([...new Set(shipped(inputs))], [`fragments/${id}`]);
    });
  }

  test('the package root bundles no zod locale', async () => {
    const inputs = await inputsOf(
      'questionnaires',
      `import { getQuestionnaire } from '@all-together/questionnaires'; console.log(getQuestionnaire('pupil-ks2'));`,
    );
    assert.deepEqual(zodLocales(inputs), []);
  });
});

function readdirIds(folder) {
  const dir = join(root, 'packages', 'questionnaires', folder);
  return readFileSync(join(root, 'packages', 'questionnaires', 'src', 'catalogue.ts'), 'utf8')
    .match(new RegExp(`'\\.\\./${folder}/[^/]+/`, 'g'))
    .map((m) => m.slice(`'../${folder}/`.length, -1))
    .filter((id, i, all) => all.indexOf(id) === i && dir);
}
