import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CHANGE_DIRECTIONS,
  compareMeans,
  compareWaves,
  compareWithComparator,
  RAG_RATINGS,
  restOfArea,
} from './compare.js';
import type { MeanStat, Proportion } from './types.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 1000);

const close = (
  actual: number | null | undefined,
  expected: number,
  tolerance: number,
  what: string,
) =>
  assert.ok(
    typeof actual === 'number' && Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} is not within ${tolerance} of ${expected}`,
  );

const p = (count: number, base: number): Proportion => ({ count, base });

describe('compareWaves: golden cases computed by hand', () => {
  it('31 of 100 → 24 of 100 (victimisation) is no significant change', () => {
    // Wilson 95%, z = 1.959964, z² = 3.841459:
    // 31/100: centre = (0.31 + 3.841459/200) / (1 + 3.841459/100) = 0.329207 / 1.038415 = 0.317029;
    //   half = 1.959964 × √(0.31 × 0.69/100 + 3.841459/40000) / 1.038415 = 1.959964 × 0.0472762 /
    //   1.038415 = 0.089232 → 22.780% to 40.626%.
    // 24/100: centre = 0.259207 / 1.038415 = 0.249618; half = 1.959964 × 0.0438183 / 1.038415 =
    //   0.082706 → 16.691% to 33.232%.
    // Test: pooled 55/200 = 0.275; SE = √(0.275 × 0.725 × 0.02) = 0.0631467; z = −0.07 / SE =
    //   −1.108531; p = 2(1 − Φ(1.108531)) = 0.26763 ≥ 0.05.
    const c = compareWaves(p(31, 100), p(24, 100), { direction: 'higher-is-worse' });
    close(c.time1.percent, 31, 1e-12, 'time1 %');
    close(c.time1.interval?.lower, 22.7797, 1e-4, 'time1 lower');
    close(c.time1.interval?.upper, 40.62606, 1e-4, 'time1 upper');
    close(c.time2.percent, 24, 1e-12, 'time2 %');
    close(c.time2.interval?.lower, 16.69133, 1e-4, 'time2 lower');
    close(c.time2.interval?.upper, 33.23234, 1e-4, 'time2 upper');
    close(c.change, -7, 1e-9, 'change');
    close(c.test?.z, -1.108531, 1e-5, 'z');
    close(c.test?.pValue, 0.26763, 1e-5, 'p');
    assert.equal(c.significant, false);
    assert.equal(c.direction, 'no-significant-change');
  });

  it('310 of 1000 → 240 of 1000 is a significant fall: improved for victimisation', () => {
    // SE = √(0.275 × 0.725 × 0.002) = 0.0199687; z = −0.07 / SE = −3.505482; p = 0.000456.
    const c = compareWaves(p(310, 1000), p(240, 1000), { direction: 'higher-is-worse' });
    close(c.test?.z, -3.505482, 1e-5, 'z');
    close(c.test?.pValue, 0.000456, 1e-5, 'p');
    assert.equal(c.significant, true);
    assert.equal(c.direction, 'improved');
  });

  it('the same fall is worse when higher is better', () => {
    const c = compareWaves(p(310, 1000), p(240, 1000), { direction: 'higher-is-better' });
    assert.equal(c.direction, 'worse');
  });

  it('feeling safe 60 of 100 → 75 of 100 improved at 95% (p = 0.0235) but not at 99%', () => {
    // pooled 135/200 = 0.675; SE = √(0.675 × 0.325 × 0.02) = √0.0043875 = 0.0662382;
    // z = 0.15 / 0.0662382 = 2.264554; p = 2(1 − Φ(2.264554)) = 0.023540: < 0.05, ≥ 0.01.
    const c95 = compareWaves(p(60, 100), p(75, 100), { direction: 'higher-is-better' });
    close(c95.test?.z, 2.264554, 1e-5, 'z');
    close(c95.test?.pValue, 0.02354, 1e-5, 'p');
    assert.equal(c95.direction, 'improved');
    const c99 = compareWaves(p(60, 100), p(75, 100), {
      direction: 'higher-is-better',
      confidence: 0.99,
    });
    assert.equal(c99.significant, false);
    assert.equal(c99.direction, 'no-significant-change');
    // 99% intervals are wider: z = 2.575829 instead of 1.959964.
    assert.ok(c99.time1.interval!.lower < c95.time1.interval!.lower);
  });

  it('a wave with no pupils is not comparable: no percentage, interval, change or test', () => {
    const c = compareWaves(p(0, 0), p(12, 40), { direction: 'higher-is-worse' });
    assert.deepEqual(c.time1, { percent: null, interval: null });
    assert.equal(c.change, null);
    assert.equal(c.test, null);
    assert.equal(c.significant, false);
    assert.equal(c.direction, 'not-comparable');
  });

  it('0% at both waves: nothing to test, but no change either', () => {
    const c = compareWaves(p(0, 50), p(0, 60), { direction: 'higher-is-worse' });
    assert.equal(c.test, null);
    assert.equal(c.change, 0);
    assert.equal(c.direction, 'no-significant-change');
    assert.deepEqual(c.time1.interval?.lower, 0);
  });

  it('bad counts and confidence levels are clear errors', () => {
    const opts = { direction: 'higher-is-worse' } as const;
    assert.throws(
      () => compareWaves(p(5, 3), p(1, 3), opts),
      /time1 must be whole numbers.*count=5, base=3/,
    );
    assert.throws(() => compareWaves(p(1, 3), p(1.5, 3), opts), /time2 must be whole numbers/);
    assert.throws(
      () => compareWaves(p(1, 3), p(1, 3), { ...opts, confidence: 1 }),
      /confidence must be between 0 and 1, got 1/,
    );
    // Checked even when a base is 0 and no interval is computed.
    assert.throws(() => compareWaves(p(0, 0), p(0, 0), { ...opts, confidence: 95 }), /confidence/);
  });
});

describe('restOfArea', () => {
  it('takes the school out of the area: 1600 of 5400 − 100 of 400 = 1500 of 5000', () => {
    assert.deepEqual(restOfArea(p(1600, 5400), p(100, 400)), p(1500, 5000));
  });
  it('the whole area being one school leaves an empty rest', () => {
    assert.deepEqual(restOfArea(p(12, 40), p(12, 40)), p(0, 0));
  });
  it('a school not inside the area is a RangeError that says why', () => {
    assert.throws(
      () => restOfArea(p(10, 100), p(5, 400)),
      (e: unknown) =>
        e instanceof RangeError &&
        /the school \(5 of 400\) is not inside the area \(10 of 100\): the school's base is larger/.test(
          e.message,
        ),
    );
    assert.throws(
      () => restOfArea(p(10, 1000), p(20, 400)),
      /school's count is larger than the area's/,
    );
    // 100 cases in the area, none of them among the school's 950 pupils, leaves 100 cases among 50.
    assert.throws(() => restOfArea(p(100, 1000), p(0, 950)), /more cases than pupils/);
    assert.throws(() => restOfArea(p(10, 5), p(1, 2)), /the area must be whole numbers/);
  });
});

describe('compareWithComparator: golden cases computed by hand (rest of LA: 1500 of 5000 = 30%)', () => {
  const rest = restOfArea(p(1600, 5400), p(100, 400));
  const victimisation = { direction: 'higher-is-worse' } as const;

  it('20% (40 of 200) is significantly better at 95%: green', () => {
    // pooled 1540/5200 = 0.2961538; SE = √(0.2961538 × 0.7038462 × (1/200 + 1/5000)) =
    // √(0.2084467 × 0.0052) = 0.0329230; z = −0.10 / SE = −3.037391; p = 0.002386.
    const c = compareWithComparator(p(40, 200), rest, victimisation);
    close(c.difference, -10, 1e-9, 'difference');
    close(c.test?.z, -3.037391, 1e-5, 'z');
    close(c.test?.pValue, 0.002386, 1e-5, 'p');
    assert.equal(c.significant, true);
    assert.equal(c.rag, 'green');
    close(c.comparator.percent, 30, 1e-12, 'comparator %');
  });

  it('40% (80 of 200) is worse at 95% but not at 99.8% (p = 0.00257 ≥ 0.002): amber', () => {
    // pooled 1580/5200 = 0.3038462; SE = √(0.3038462 × 0.6961538 × 0.0052) = 0.0331650;
    // z = 0.10 / SE = 3.015219; p = 0.002568.
    const c = compareWithComparator(p(80, 200), rest, victimisation);
    close(c.test?.z, 3.015219, 1e-5, 'z');
    close(c.test?.pValue, 0.002568, 1e-5, 'p');
    assert.equal(c.rag, 'amber');
  });

  it('45% (90 of 200) is worse even at 99.8% (p = 0.0000063): red', () => {
    // pooled 1590/5200 = 0.3057692; SE = √(0.3057692 × 0.6942308 × 0.0052) = 0.0332240;
    // z = 0.15 / SE = 4.514823; p = 6.34e-6 < 0.002.
    // School interval: centre = (0.45 + 0.009604) / 1.019207 = 0.450942; half = 1.959964 ×
    // √(0.45 × 0.55/200 + 3.841459/160000) / 1.019207 = 0.068302 → 38.264% to 51.924%.
    const c = compareWithComparator(p(90, 200), rest, victimisation);
    close(c.difference, 15, 1e-9, 'difference');
    close(c.test?.z, 4.514823, 1e-5, 'z');
    close(c.school.interval?.lower, 38.26407, 1e-4, 'school lower');
    close(c.school.interval?.upper, 51.92438, 1e-4, 'school upper');
    assert.equal(c.rag, 'red');
  });

  it('32.5% (65 of 200) is not significantly different: no colour', () => {
    // pooled 1565/5200 = 0.3009615; SE = 0.0330757; z = 0.025 / SE = 0.755844; p = 0.4497.
    const c = compareWithComparator(p(65, 200), rest, victimisation);
    close(c.test?.pValue, 0.449743, 1e-5, 'p');
    assert.equal(c.significant, false);
    assert.equal(c.rag, null);
  });

  it('which way is better decides the colour: 45% feeling safe against 30% is green', () => {
    assert.equal(
      compareWithComparator(p(90, 200), rest, { direction: 'higher-is-better' }).rag,
      'green',
    );
    assert.equal(
      compareWithComparator(p(40, 200), rest, { direction: 'higher-is-better' }).rag,
      'amber',
    );
  });

  it('strongConfidence sets the red line: at 99% the amber case (p = 0.00257) is red', () => {
    const c = compareWithComparator(p(80, 200), rest, { ...victimisation, strongConfidence: 0.99 });
    assert.equal(c.rag, 'red');
  });

  it('no pupils on either side: no difference, no test, no colour', () => {
    const c = compareWithComparator(p(0, 0), rest, victimisation);
    assert.equal(c.difference, null);
    assert.equal(c.test, null);
    assert.equal(c.rag, null);
  });

  it('bad options are clear errors', () => {
    assert.throws(
      () => compareWithComparator(p(1, 2), rest, { ...victimisation, strongConfidence: 0.9 }),
      /strongConfidence \(0.9\) must not be below confidence \(0.95\)/,
    );
    assert.throws(
      () => compareWithComparator(p(1, 2), rest, { ...victimisation, strongConfidence: 1 }),
      /strongConfidence must be between 0 and 1/,
    );
    assert.throws(() => compareWithComparator(p(3, 2), rest, victimisation), /the school must be/);
  });
});

const mean = (n: number, m: number, sd: number): MeanStat => ({
  n,
  sum: n * m,
  sumSquares: (n - 1) * sd * sd + n * m * m,
});

describe('compareMeans: golden cases computed by hand', () => {
  it('wellbeing 8 (sd 4, n 50) → 6.5 (sd 3.5, n 60), higher is worse: improved', () => {
    // s1² = (3984 − 400²/50) / 49 = 784 / 49 = 16; s2² = (3257.75 − 390²/60) / 59 = 722.75 / 59 =
    // 12.25; SE = √(16/50 + 12.25/60) = √0.5241667 = 0.7239936; z = −1.5 / SE = −2.071842;
    // p = 2(1 − Φ(2.071842)) = 0.038280 < 0.05.
    const t1 = { n: 50, sum: 400, sumSquares: 3984 };
    const t2 = { n: 60, sum: 390, sumSquares: 3257.75 };
    assert.deepEqual(t1, mean(50, 8, 4));
    const c = compareMeans(t1, t2, { direction: 'higher-is-worse' });
    assert.deepEqual(c.time1, { n: 50, mean: 8, sd: 4 });
    assert.deepEqual(c.time2, { n: 60, mean: 6.5, sd: 3.5 });
    close(c.difference, -1.5, 1e-12, 'difference');
    close(c.test?.standardError, 0.7239936, 1e-6, 'SE');
    close(c.test?.z, -2.071842, 1e-5, 'z');
    close(c.test?.pValue, 0.03828, 1e-5, 'p');
    assert.equal(c.direction, 'improved');
    assert.equal(compareMeans(t1, t2, { direction: 'higher-is-better' }).direction, 'worse');
    assert.equal(
      compareMeans(t1, t2, { direction: 'higher-is-worse', confidence: 0.99 }).direction,
      'no-significant-change',
    );
  });

  it('8 → 7 with sd 4 and n 20 each is no significant change (p = 0.429)', () => {
    // SE = √(16/20 + 16/20) = 1.264911; z = −1 / SE = −0.790569; p = 0.429195.
    const c = compareMeans(mean(20, 8, 4), mean(20, 7, 4), { direction: 'higher-is-worse' });
    close(c.test?.z, -0.790569, 1e-5, 'z');
    close(c.test?.pValue, 0.429195, 1e-5, 'p');
    assert.equal(c.direction, 'no-significant-change');
  });

  it('one wave without spread is still tested with the other wave’s variance', () => {
    // Time 1: five scores of 5. Time 2: 4, 6, 8, 10 → mean 7, s² = (216 − 28²/4)/3 = 20/3.
    // SE = √(0 + (20/3)/4) = 1.290994; z = 2 / SE = 1.549193; p = 0.121335.
    const c = compareMeans(
      { n: 5, sum: 25, sumSquares: 125 },
      { n: 4, sum: 28, sumSquares: 216 },
      {
        direction: 'higher-is-worse',
      },
    );
    assert.equal(c.time1.sd, 0);
    close(c.test?.z, 1.549193, 1e-5, 'z');
    close(c.test?.pValue, 0.121335, 1e-5, 'p');
  });

  it('n < 2 or no spread at either wave: no test, not comparable', () => {
    const one = compareMeans({ n: 1, sum: 9, sumSquares: 81 }, mean(30, 7, 3), {
      direction: 'higher-is-worse',
    });
    assert.equal(one.test, null);
    assert.equal(one.direction, 'not-comparable');
    assert.deepEqual(one.time1, { n: 1, mean: 9, sd: null });
    close(one.difference, -2, 1e-9, 'difference');
    const none = compareMeans({ n: 0, sum: 0, sumSquares: 0 }, mean(30, 7, 3), {
      direction: 'higher-is-worse',
    });
    assert.equal(none.difference, null);
    assert.equal(none.direction, 'not-comparable');
    // Every score 5 at Time 1 and every score 6 at Time 2: no variance to test against.
    const flat = compareMeans(
      { n: 5, sum: 25, sumSquares: 125 },
      { n: 5, sum: 30, sumSquares: 180 },
      {
        direction: 'higher-is-worse',
      },
    );
    assert.equal(flat.test, null);
    assert.equal(flat.significant, false);
    assert.equal(flat.direction, 'not-comparable');
    close(flat.difference, 1, 1e-12, 'difference');
  });

  it('prorated (non-whole) constant scores are recognised as having no spread', () => {
    // 0.1 × 3 in floating point leaves dust in sumSquares − sum²/n; it must not become a variance.
    const c = compareMeans(
      { n: 3, sum: 0.1 + 0.1 + 0.1, sumSquares: 0.01 + 0.01 + 0.01 },
      { n: 3, sum: 0.30000000000000004, sumSquares: 0.03 },
      { direction: 'higher-is-worse' },
    );
    assert.equal(c.time1.sd, 0);
    assert.equal(c.direction, 'not-comparable');
  });

  it('sums that no real scores give are a clear error', () => {
    assert.throws(
      () =>
        compareMeans({ n: 4, sum: 40, sumSquares: 100 }, mean(5, 1, 1), {
          direction: 'higher-is-worse',
        }),
      /time1 has sumSquares=100 below sum²\/n=400/,
    );
    assert.throws(
      () =>
        compareMeans(
          mean(5, 1, 1),
          { n: 2.5, sum: 1, sumSquares: 1 },
          { direction: 'higher-is-worse' },
        ),
      /time2 needs a whole n ≥ 0/,
    );
    assert.throws(
      () =>
        compareMeans(mean(5, 1, 1), mean(5, 1, 1), { direction: 'higher-is-worse', confidence: 0 }),
      /confidence must be between 0 and 1/,
    );
  });
});

// Proportions with bases from 0 (not comparable) to a few thousand.
const proportion = fc
  .integer({ min: 0, max: 3000 })
  .chain((base) =>
    fc.record({ count: fc.integer({ min: 0, max: base }), base: fc.constant(base) }),
  );
const confidence = fc.constantFrom(0.9, 0.95, 0.99);
const meanStat = fc
  .record({
    n: fc.integer({ min: 0, max: 500 }),
    m: fc.integer({ min: 0, max: 200 }),
    sd: fc.integer({ min: 0, max: 60 }),
  })
  // Means and sds in tenths, as prorated wellbeing scores are.
  .map(({ n, m, sd }) => mean(n, m / 10, sd / 10));

describe('T1 properties: direction and colour follow significance and the declared direction', () => {
  const declared = fc.constantFrom('higher-is-better', 'higher-is-worse', 'neither' as const);
  const judged = new Set(['improved', 'worse', 'higher', 'lower']);

  it('compareWaves: improved or worse (higher or lower where no way is better) exactly when significant', () => {
    fc.assert(
      fc.property(proportion, proportion, declared, confidence, (t1, t2, direction, conf) => {
        const c = compareWaves(t1, t2, { direction, confidence: conf });
        assert.ok(CHANGE_DIRECTIONS.includes(c.direction));
        assert.equal(c.direction === 'not-comparable', t1.base === 0 || t2.base === 0);
        assert.equal(judged.has(c.direction), c.significant);
        if (direction === 'neither') assert.ok(!['improved', 'worse'].includes(c.direction));
        else assert.ok(!['higher', 'lower'].includes(c.direction));
        const up = direction === 'higher-is-better';
        if (c.direction === 'improved') assert.ok(up ? c.change! > 0 : c.change! < 0);
        if (c.direction === 'worse') assert.ok(up ? c.change! < 0 : c.change! > 0);
        if (c.direction === 'higher') assert.ok(c.change! > 0);
        if (c.direction === 'lower') assert.ok(c.change! < 0);
        assert.equal(c.significant, c.test !== null && c.test.pValue < 1 - conf);
        // Swapping the waves swaps improved and worse, higher and lower.
        const swapped = compareWaves(t2, t1, { direction, confidence: conf }).direction;
        const mirror = {
          improved: 'worse',
          worse: 'improved',
          higher: 'lower',
          lower: 'higher',
        } as Record<string, string>;
        assert.equal(swapped, mirror[c.direction] ?? c.direction);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('compareWithComparator: a colour exactly when significant and a way is better; red and amber split at strongConfidence', () => {
    fc.assert(
      fc.property(proportion, proportion, declared, (school, comparator, direction) => {
        const c = compareWithComparator(school, comparator, { direction });
        assert.equal(c.rag !== null, c.significant && direction !== 'neither');
        if (c.rag !== null) assert.ok(RAG_RATINGS.includes(c.rag));
        const better =
          c.difference !== null &&
          (direction === 'higher-is-better' ? c.difference > 0 : c.difference < 0);
        if (c.rag === 'green') assert.ok(better && c.test!.pValue < 0.05);
        if (c.rag === 'amber')
          assert.ok(!better && c.test!.pValue >= 0.002 && c.test!.pValue < 0.05);
        if (c.rag === 'red') assert.ok(!better && c.test!.pValue < 0.002);
        if (direction === 'neither') return;
        // Turning "better" round keeps significance and swaps green for amber or red.
        const flipped = compareWithComparator(school, comparator, {
          direction: direction === 'higher-is-better' ? 'higher-is-worse' : 'higher-is-better',
        });
        assert.equal(flipped.rag === null, c.rag === null);
        assert.equal(flipped.rag === 'green', c.rag === 'amber' || c.rag === 'red');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('compareMeans: improved or worse exactly when significant, in the right direction', () => {
    fc.assert(
      fc.property(meanStat, meanStat, declared, confidence, (t1, t2, direction, conf) => {
        const c = compareMeans(t1, t2, { direction, confidence: conf });
        assert.equal(c.direction === 'not-comparable', c.test === null);
        assert.equal(judged.has(c.direction), c.significant);
        if (t1.n < 2 || t2.n < 2) assert.equal(c.test, null);
        const up = direction === 'higher-is-better';
        if (c.direction === 'improved') assert.ok(up ? c.difference! > 0 : c.difference! < 0);
        if (c.direction === 'worse') assert.ok(up ? c.difference! < 0 : c.difference! > 0);
        if (c.test) assert.ok(c.test.pValue >= 0 && c.test.pValue <= 1 && c.test.standardError > 0);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
