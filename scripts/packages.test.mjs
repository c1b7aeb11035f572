// What every published package promises a consumer through its package.json and the files beside
// it (GOV.UK Frontend tests its own package.json the same way): dependency ranges a host can share,
// where to find the code, the licence, a build guard before pack and publish.
// Run: node --test scripts/packages.test.mjs
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readPublishedPackages } from './check-changesets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const REPOSITORY = 'git+https://github.com/all-together-sdk/all-together.git';
const HOME = 'https://github.com/all-together-sdk/all-together';

const published = [...readPublishedPackages(root)].map(([dir, name]) => ({
  dir,
  name,
  pkg: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')),
}));

/** Runtime dependencies a host page or app probably has its own copy of. */
const SHARED = ['lit', 'zod', 'tslib'];

test('finds the four published packages (the tests below can see something)', () => {
  assert.deepEqual(published.map((p) => p.name).sort(), [
    '@all-together/components',
    '@all-together/model',
    '@all-together/questionnaires',
    '@all-together/scoring',
  ]);
});

for (const { dir, name, pkg } of published) {
  describe(name, () => {
    test('lit, zod and tslib are caret ranges, so a host with its own copy shares one', () => {
      for (const field of ['dependencies', 'peerDependencies']) {
        for (const dep of SHARED) {
          const range = pkg[field]?.[dep];
          if (range === undefined) continue;
          assert.match(range, /^\^\d+\.\d+\.\d+$/, `${field}.${dep} is "${range}"`);
        }
      }
    });

    test('workspace packages are depended on with a caret range (workspace:^)', () => {
      for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) {
        if (dep.startsWith('@all-together/')) assert.equal(range, 'workspace:^', dep);
      }
    });

    test('says where its code, home page and issues are', () => {
      assert.deepEqual(pkg.repository, {
        type: 'git',
        url: REPOSITORY,
        directory: `packages/${dir}`,
      });
      assert.equal(pkg.homepage, `${HOME}/tree/main/packages/${dir}#readme`);
      assert.deepEqual(pkg.bugs, { url: `${HOME}/issues` });
    });

    test('has a LICENSE file beside its package.json, matching its "license" field', () => {
      const path = join(root, 'packages', dir, 'LICENSE');
      assert.ok(existsSync(path), `packages/${dir}/LICENSE`);
      const text = readFileSync(path, 'utf8');
      assert.match(text, /MIT License/);
      assert.match(pkg.license, /^MIT\b/);
    });

    test('refuses to be packed or published without a build (prepack guard)', () => {
      assert.equal(pkg.scripts?.prepack, 'node ../../scripts/check-built.mjs');
    });

    test('every bare import in its built code is a declared dependency or peer', () => {
      const dist = join(root, 'packages', dir, 'dist');
      assert.ok(existsSync(dist), `packages/${dir}/dist is missing: run \`pnpm build\` first`);
      const declared = new Set([
        ...Object.keys(pkg.dependencies ?? {}),
        ...Object.keys(pkg.peerDependencies ?? {}),
      ]);
      const used = new Set();
      for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.js')) continue;
        // Comments dropped: JSDoc examples import packages the code itself does not.
        const code = readFileSync(join(dist, file), 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, '');
        for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport\(?)\s*['"]([^'"./][^'"]*)['"]/g)) {
          used.add(
            spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0],
          );
        }
      }
      assert.ok(used.size > 0, 'found no import at all: the scan is broken');
      const undeclared = [...used].filter((dep) => !declared.has(dep) && !dep.startsWith('node:'));
      assert.deepEqual(undeclared, [], `imported by dist/ but not declared`);
    });

    test('runs on Node 20.19 or later, as the repository does', () => {
      assert.equal(pkg.engines?.node, rootPkg.engines.node);
    });
  });
}

describe('@all-together/components', () => {
  const { pkg } = published.find((p) => p.name === '@all-together/components');

  test('lit is a peer dependency (one Lit per page), installed for its own build and tests', () => {
    assert.equal(pkg.dependencies?.lit, undefined, 'lit is not a plain dependency');
    assert.match(pkg.peerDependencies?.lit ?? '', /^\^3\./);
    assert.match(pkg.devDependencies?.lit ?? '', /^\d+\.\d+\.\d+$/, 'exact dev pin');
  });

  test('React and @lit/react are optional peers: only React hosts install them', () => {
    for (const dep of ['react', '@lit/react']) {
      assert.ok(pkg.peerDependencies?.[dep], `peerDependencies.${dep}`);
      assert.deepEqual(pkg.peerDependenciesMeta?.[dep], { optional: true }, dep);
    }
  });
});

describe('@all-together/questionnaires', () => {
  const { dir, pkg } = published.find((p) => p.name === '@all-together/questionnaires');

  test('states a licence for its content, crediting Me and My Feelings', () => {
    assert.equal(pkg.license, 'MIT AND CC-BY-4.0');
    const text = readFileSync(join(root, 'packages', dir, 'LICENSE'), 'utf8');
    assert.match(text, /Creative Commons\s+Attribution 4\.0/);
    assert.match(text, /definitions\//);
    assert.match(text, /Me and My Feelings/);
    assert.match(text, /Deighton/);
  });
});

describe('@all-together/model', () => {
  const { pkg } = published.find((p) => p.name === '@all-together/model');

  test('ships the definition JSON Schemas at a stable path outside dist/', () => {
    for (const name of ['questionnaire-definition', 'audit-definition']) {
      const subpath = `./schema/${name}.json`;
      assert.equal(pkg.exports[subpath], subpath, `exports["${subpath}"]`);
    }
    assert.ok(pkg.files.includes('schema'), 'files includes schema');
  });
});

test('the repository has a LICENSE at its root', () => {
  assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /MIT License/);
});
