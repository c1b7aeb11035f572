import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import semver from 'semver';
import { compareVersions } from './index.js';

const sign = (n: number) => Math.sign(n) || 0;

describe('compareVersions (SemVer 2.0.0 §11 precedence)', () => {
  // The spec's own examples, in ascending order (semver.org §11).
  const ascending = [
    ['1.0.0', '2.0.0', '2.1.0', '2.1.1'],
    [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ],
  ];
  for (const chain of ascending) {
    it(`orders the spec's examples: ${chain.join(' < ')}`, () => {
      for (let i = 0; i < chain.length; i++) {
        for (let j = 0; j < chain.length; j++) {
          const want = sign(i - j);
          assert.equal(
            sign(compareVersions(chain[i]!, chain[j]!)),
            want,
            `${chain[i]} vs ${chain[j]}`,
          );
        }
      }
    });
  }

  it("compares a deployment's numeric pre-release parts as numbers: 1.0.0-la873.10 > 1.0.0-la873.2", () => {
    assert.equal(sign(compareVersions('1.0.0-la873.10', '1.0.0-la873.2')), 1);
    assert.equal(sign(compareVersions('1.0.0-la873.2', '1.0.0-la873.10')), -1);
  });

  it('keeps hyphens inside a pre-release identifier (1.0.0-rc-2 > 1.0.0-rc-1)', () => {
    assert.equal(sign(compareVersions('1.0.0-rc-2', '1.0.0-rc-1')), 1);
    assert.equal(sign(compareVersions('1.0.0-x-y', '1.0.0-x')), 1);
  });

  it('compares major, minor and patch as numbers (1.10.0 > 1.9.0)', () => {
    assert.equal(sign(compareVersions('1.10.0', '1.9.0')), 1);
    assert.equal(sign(compareVersions('10.0.0', '9.99.99')), 1);
  });

  it('ignores build metadata (§10)', () => {
    assert.equal(compareVersions('1.0.0+build.7', '1.0.0+build.1'), 0);
    assert.equal(sign(compareVersions('1.0.0-rc.1+a', '1.0.0')), -1);
  });

  it('refuses what is not a semantic version, naming it', () => {
    for (const bad of ['1.0', '01.0.0', '1.0.0-', '1.0.0-01', 'v1.0.0', '']) {
      assert.throws(
        () => compareVersions(bad, '1.0.0'),
        new RegExp(`"${bad.replace('.', '\\.')}"`),
      );
    }
  });

  it('agrees with the semver package on generated versions (T1)', () => {
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    const numRuns = Number(process.env.FC_NUM_RUNS ?? 2000);
    // Small cores and identifiers, so that two generated versions often share a core and a
    // pre-release prefix: the comparisons that matter happen after those are equal.
    const small = fc.integer({ min: 0, max: 2 });
    const numeric = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 2 ** 31 }));
    const identifier = fc.oneof(
      numeric.map(String),
      fc.stringMatching(/^[0-9a-c-]{0,2}[a-c-][0-9a-c-]{0,2}$/),
    );
    const version = fc
      .record({
        core: fc.tuple(small, small, fc.oneof(small, numeric)),
        pre: fc.option(fc.array(identifier, { minLength: 1, maxLength: 4 }), { nil: undefined }),
      })
      .map(({ core, pre }) => `${core.join('.')}${pre ? `-${pre.join('.')}` : ''}`);
    console.log(`compareVersions property test: seed ${seed}, ${numRuns} runs`);
    fc.assert(
      fc.property(version, version, (a, b) => {
        assert.equal(sign(compareVersions(a, b)), semver.compare(a, b), `${a} vs ${b}`);
      }),
      { seed, numRuns },
    );
  });
});
