import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalCdf, normalQuantile, twoProportionTest, wilsonInterval } from './index.js';

const close = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} is not within ${tolerance} of ${expected}`,
  );

describe('normal distribution', () => {
  // Golden values from standard tables.
  for (const [x, phi] of [
    [0, 0.5],
    [1, 0.8413447461],
    [1.959963985, 0.975],
    [-1.644853627, 0.05],
    [3, 0.998650102],
  ] as const) {
    it(`Φ(${x}) = ${phi}`, () => close(normalCdf(x), phi, 2e-7, 'Φ'));
  }
  it('Φ⁻¹(0.975) = 1.959964 and Φ⁻¹(0.005) = −2.575829', () => {
    close(normalQuantile(0.975), 1.959963985, 1e-7, 'z 97.5%');
    close(normalQuantile(0.005), -2.575829304, 1e-7, 'z 0.5%');
  });
  it('rejects p outside (0, 1)', () => {
    assert.throws(() => normalQuantile(1), /between 0 and 1/);
  });
});

describe('wilsonInterval (golden cases computed by hand)', () => {
  it('23 of 100 → 15.84% to 32.15%', () => {
    // p = 0.23, z² = 3.8415; centre = (0.23 + 0.019208) / 1.038415 = 0.239989;
    // half = 1.959964 × √(0.23 × 0.77 / 100 + 3.8415 / 40000) / 1.038415 = 0.081555.
    const i = wilsonInterval(23, 100)!;
    close(i.lower, 0.158432, 2e-6, 'lower');
    close(i.upper, 0.321544, 2e-6, 'upper');
  });
  it('0 of 20 → 0% to 16.11% (never below zero)', () => {
    // centre = (0 + 3.8415/40) / 1.192073 = 0.080563 = half.
    const i = wilsonInterval(0, 20)!;
    assert.equal(i.lower, 0);
    close(i.upper, 0.161125, 2e-6, 'upper');
  });
  it('20 of 20 → 83.89% to 100% (never above one)', () => {
    const i = wilsonInterval(20, 20)!;
    close(i.lower, 0.838875, 2e-6, 'lower');
    assert.equal(i.upper, 1);
  });
  it('no pupils → no interval', () => assert.equal(wilsonInterval(0, 0), null));
  it('bad counts are a clear error', () => {
    assert.throws(() => wilsonInterval(5, 3), /0 ≤ successes ≤ n, got successes=5, n=3/);
    assert.throws(() => wilsonInterval(1.5, 3), /whole numbers/);
  });
  it('a 99% interval is wider than a 95% one', () => {
    const i95 = wilsonInterval(30, 120)!;
    const i99 = wilsonInterval(30, 120, { confidence: 0.99 })!;
    assert.ok(i99.lower < i95.lower && i99.upper > i95.upper);
  });
  it('T1 property: the interval always holds the observed proportion and stays in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 100000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([s, n]) => {
          const i = wilsonInterval(s, n)!;
          const p = s / n;
          return i.lower >= 0 && i.upper <= 1 && i.lower <= p + 1e-12 && p <= i.upper + 1e-12;
        },
      ),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 2000) },
    );
  });
});

describe('twoProportionTest (golden cases computed by hand)', () => {
  it('31% of 100 → 24% of 100 is not significant (z = −1.1085, p = 0.268)', () => {
    // pooled = 55/200 = 0.275; SE = √(0.275 × 0.725 × 0.02) = 0.0631467; z = −0.07 / SE.
    const r = twoProportionTest(31, 100, 24, 100)!;
    close(r.difference, -0.07, 1e-12, 'difference');
    close(r.z, -1.108533, 1e-5, 'z');
    close(r.pValue, 0.26763, 1e-5, 'p');
    assert.equal(r.significant, false);
  });
  it('31% of 1000 → 24% of 1000 is significant (z = −3.5055, p = 0.00046)', () => {
    // SE = √(0.275 × 0.725 × 0.002) = 0.0199687; z = −0.07 / SE = −3.50549.
    const r = twoProportionTest(310, 1000, 240, 1000)!;
    close(r.z, -3.505486, 1e-5, 'z');
    close(r.pValue, 0.000456, 1e-5, 'p');
    assert.equal(r.significant, true);
  });
  it('no variation or an empty group → null, not NaN', () => {
    assert.equal(twoProportionTest(0, 50, 0, 60), null);
    assert.equal(twoProportionTest(50, 50, 60, 60), null);
    assert.equal(twoProportionTest(0, 0, 3, 10), null);
  });
  it('is antisymmetric: swapping the groups flips z and keeps p', () => {
    const a = twoProportionTest(12, 80, 30, 90)!;
    const b = twoProportionTest(30, 90, 12, 80)!;
    close(a.z, -b.z, 1e-12, 'z');
    close(a.pValue, b.pValue, 1e-12, 'p');
  });
});
