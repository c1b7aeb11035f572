/**
 * Comparisons of pupil indicators (domain.md §5 "Indicators"): Time 1 against Time 2 with Wilson
 * intervals and a two-proportion test, a school against the rest of its LA or MAT with a
 * red/amber/green rating only where the difference is significant, and two mean scores (wellbeing)
 * with a normal-approximation Welch test. Pure functions: no DOM, no clock, no locale; every
 * threshold is an option with a default.
 */
import { assertCounts } from './counts.js';
import {
  normalCdf,
  twoProportionTest,
  wilsonInterval,
  type TwoProportionResult,
} from './proportions.js';
import type { ChangeDirection, IndicatorDirection, RagRating } from '@all-together/model';
import type { MeanStat, Proportion } from './types.js';

export type { ChangeDirection, RagRating };

/** A percentage with its Wilson interval, both on the 0–100 scale (not fractions). */
export interface PercentEstimate {
  /** count ÷ base × 100, or null when the base is 0. */
  percent: number | null;
  /** The Wilson score interval in percent (0–100), or null when the base is 0. */
  interval: { lower: number; upper: number } | null;
}

/**
 * The values of `ChangeDirection` (from the model), for tests and stories to loop over: `improved`
 * or `worse` for an indicator that declares which way is better, `higher` or `lower` for one that
 * declares neither, `no-significant-change`, and `not-comparable` when a wave has no pupils (or,
 * for means, no test is possible).
 */
export const CHANGE_DIRECTIONS: readonly ChangeDirection[] = [
  'improved',
  'worse',
  'higher',
  'lower',
  'no-significant-change',
  'not-comparable',
];

/** Options for {@link compareWaves}. */
export interface CompareWavesOptions {
  /** The indicator's declared direction (`summary.info[key].direction`). */
  direction: IndicatorDirection;
  /** Two-sided confidence level for the intervals and the test; default 0.95. */
  confidence?: number;
}

/** Time 1 against Time 2 for one indicator. */
export interface WaveComparison {
  time1: PercentEstimate;
  time2: PercentEstimate;
  /** time2 − time1 in percentage points, or null when either wave has no pupils. */
  change: number | null;
  /**
   * The pooled two-proportion z-test of time2 against time1 (`difference` as a fraction), or null
   * when a wave has no pupils or nobody (or everybody) had the outcome at both waves.
   */
  test: TwoProportionResult | null;
  /** True when the test is significant at `confidence`. */
  significant: boolean;
  direction: ChangeDirection;
}

function assertConfidence(confidence: number, what: string, where: string): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${where}: ${what} must be between 0 and 1, got ${confidence}.`);
  }
}

function assertProportion(p: Proportion, what: string, where: string): void {
  assertCounts(p.count, p.base, where, what);
}

function estimate(p: Proportion, confidence: number): PercentEstimate {
  const interval = wilsonInterval(p.count, p.base, { confidence });
  return {
    percent: p.base === 0 ? null : (p.count / p.base) * 100,
    interval: interval && { lower: interval.lower * 100, upper: interval.upper * 100 },
  };
}

/**
 * Improved or worse from the sign of a significant change and the declared direction; higher or
 * lower where the indicator declares neither. The caller has checked significance.
 */
function signed(change: number, direction: IndicatorDirection): ChangeDirection {
  if (direction === 'neither') return change > 0 ? 'higher' : 'lower';
  return change > 0 === (direction === 'higher-is-better') ? 'improved' : 'worse';
}

/**
 * Time 1 against Time 2 for one indicator (repeated cross-sections, not matched pupils): each wave's
 * percentage with its Wilson interval (in percent, 0–100), the change in percentage points, and the
 * pooled two-proportion z-test. The direction is `improved` or `worse` only when the change is
 * significant at `confidence`; `no-significant-change` otherwise (including 0% at both waves, where
 * there is nothing to test but nothing changed either); `not-comparable` when a wave has no pupils.
 *
 * @throws RangeError when a count is not a whole number between 0 and its base, or `confidence` is
 *   not between 0 and 1.
 * @example
 * // Frequently victimised: 31 of 100 at Time 1, 24 of 100 at Time 2.
 * const c = compareWaves({ count: 31, base: 100 }, { count: 24, base: 100 }, { direction: 'higher-is-worse' });
 * c.time1; //     { percent: 31, interval: { lower: 22.78, upper: 40.63 } } (rounded)
 * c.change; //    -7 (percentage points)
 * c.test?.pValue; // 0.268
 * c.direction; // 'no-significant-change'
 */
export function compareWaves(
  time1: Proportion,
  time2: Proportion,
  options: CompareWavesOptions,
): WaveComparison {
  const where = 'compareWaves';
  const confidence = options.confidence ?? 0.95;
  assertConfidence(confidence, 'confidence', where);
  assertProportion(time1, 'time1', where);
  assertProportion(time2, 'time2', where);
  const comparable = time1.base > 0 && time2.base > 0;
  const change = comparable ? (time2.count / time2.base - time1.count / time1.base) * 100 : null;
  const test = twoProportionTest(time1.count, time1.base, time2.count, time2.base, { confidence });
  const significant = test?.significant ?? false;
  return {
    time1: estimate(time1, confidence),
    time2: estimate(time2, confidence),
    change,
    test,
    significant,
    direction: !comparable
      ? 'not-comparable'
      : significant && test
        ? signed(test.difference, options.direction)
        : 'no-significant-change',
  };
}

/**
 * The rest of an area (an LA or MAT) once one school is taken out: area − school, for the count and
 * the base. Compare a school with the rest of its area, not the whole area: the school is part of
 * the area's figure, so the two groups would not be independent and the test would understate the
 * difference.
 *
 * @throws RangeError when either is not a valid proportion, or the school is not inside the area
 *   (its base or count is larger than the area's, or the rest would have more cases than pupils).
 * @example
 * restOfArea({ count: 1600, base: 5400 }, { count: 100, base: 400 }); // { count: 1500, base: 5000 }
 */
export function restOfArea(area: Proportion, school: Proportion): Proportion {
  const where = 'restOfArea';
  assertProportion(area, 'the area', where);
  assertProportion(school, 'the school', where);
  const rest = { count: area.count - school.count, base: area.base - school.base };
  if (rest.base < 0 || rest.count < 0 || rest.count > rest.base) {
    const why =
      rest.base < 0
        ? "the school's base is larger than the area's"
        : rest.count < 0
          ? "the school's count is larger than the area's"
          : 'the rest of the area would have more cases than pupils';
    throw new RangeError(
      `${where}: the school (${school.count} of ${school.base}) is not inside the area ` +
        `(${area.count} of ${area.base}): ${why}. Pass the area's figures including the school.`,
    );
  }
  return rest;
}

/** The values of {@link RagRating}, for tests and stories to loop over. */
export const RAG_RATINGS: readonly RagRating[] = ['green', 'amber', 'red'];

/** Options for {@link compareWithComparator}. */
export interface CompareWithComparatorOptions {
  /** The indicator's declared direction; an indicator that declares neither gets no colour. */
  direction: IndicatorDirection;
  /** Confidence level for the intervals, `significant`, green and amber; default 0.95. */
  confidence?: number;
  /** Confidence level a worse difference must reach to be red; default 0.998. Not below `confidence`. */
  strongConfidence?: number;
}

/** A school against its LA or MAT comparator for one indicator. */
export interface ComparatorComparison {
  school: PercentEstimate;
  comparator: PercentEstimate;
  /** school − comparator in percentage points, or null when either has no pupils. */
  difference: number | null;
  /**
   * The pooled two-proportion z-test of the school against the comparator (`difference` as a
   * fraction, school − comparator), or null when either has no pupils or there is no variation.
   */
  test: TwoProportionResult | null;
  /** True when the test is significant at `confidence`. */
  significant: boolean;
  /** Colour only where the difference is significant and the indicator has a better way; null = no colour. */
  rag: RagRating | null;
}

/**
 * A school against its LA or MAT for one indicator: both percentages with Wilson intervals (in
 * percent, 0–100), the difference in percentage points, the pooled two-proportion z-test and a
 * red/amber/green rating given **only where the difference is significant**:
 *
 * - **green**: significantly better than the comparator at `confidence` (default 95%);
 * - **red**: significantly worse at `strongConfidence` (default 99.8%);
 * - **amber**: significantly worse at `confidence` but not at `strongConfidence`;
 * - **null** (no colour, "similar"): not significantly different at `confidence`.
 *
 * The two levels follow the convention of the public-health "Fingertips" profiles (95% and 99.8%),
 * so a red rating needs strong evidence and a borderline worse result is amber, not red.
 *
 * Pass as `comparator` the rest of the area without the school ({@link restOfArea}), so that the
 * two groups are independent, as the test assumes.
 *
 * @throws RangeError when a count is not a whole number between 0 and its base, a confidence level
 *   is not between 0 and 1, or `strongConfidence` is below `confidence`.
 * @example
 * // Frequently victimised: 90 of 200 pupils in the school; 1,500 of 5,000 in the rest of the LA.
 * const c = compareWithComparator(
 *   { count: 90, base: 200 },
 *   restOfArea({ count: 1590, base: 5200 }, { count: 90, base: 200 }),
 *   { direction: 'higher-is-worse' },
 * );
 * c.difference; // 15 (percentage points: 45% against 30%)
 * c.test?.z; //    4.515, p = 0.0000063
 * c.rag; //        'red' (significantly worse even at 99.8%)
 */
export function compareWithComparator(
  school: Proportion,
  comparator: Proportion,
  options: CompareWithComparatorOptions,
): ComparatorComparison {
  const where = 'compareWithComparator';
  const confidence = options.confidence ?? 0.95;
  const strongConfidence = options.strongConfidence ?? 0.998;
  assertConfidence(confidence, 'confidence', where);
  assertConfidence(strongConfidence, 'strongConfidence', where);
  if (strongConfidence < confidence) {
    throw new RangeError(
      `${where}: strongConfidence (${strongConfidence}) must not be below confidence (${confidence}).`,
    );
  }
  assertProportion(school, 'the school', where);
  assertProportion(comparator, 'the comparator', where);
  const comparable = school.base > 0 && comparator.base > 0;
  const difference = comparable
    ? (school.count / school.base - comparator.count / comparator.base) * 100
    : null;
  // Comparator first, so the test's difference is school − comparator.
  const test = twoProportionTest(comparator.count, comparator.base, school.count, school.base, {
    confidence,
  });
  const significant = test?.significant ?? false;
  let rag: RagRating | null = null;
  const direction = test && significant ? signed(test.difference, options.direction) : null;
  if (direction === 'improved') rag = 'green';
  else if (direction === 'worse') rag = test!.pValue < 1 - strongConfidence ? 'red' : 'amber';
  return {
    school: estimate(school, confidence),
    comparator: estimate(comparator, confidence),
    difference,
    test,
    significant,
    rag,
  };
}

/** A mean score with what it rests on. */
export interface MeanEstimate {
  n: number;
  /** sum ÷ n, or null when n is 0. */
  mean: number | null;
  /** The sample standard deviation (n − 1 divisor), or null when n < 2. */
  sd: number | null;
}

/** The normal-approximation Welch test of two means. */
export interface MeanTestResult {
  /** mean2 − mean1. */
  difference: number;
  /** √(s1²/n1 + s2²/n2). */
  standardError: number;
  /** difference ÷ standardError. */
  z: number;
  /** Two-sided p-value from the standard normal. */
  pValue: number;
  /** True when pValue < 1 − confidence. */
  significant: boolean;
}

/** Options for {@link compareMeans}. */
export interface CompareMeansOptions {
  /**
   * The score's declared direction: `higher-is-worse` for the default wellbeing scale (Me and My
   * Feelings emotional difficulties: higher = lower wellbeing).
   */
  direction: IndicatorDirection;
  /** Two-sided confidence level for the test; default 0.95. */
  confidence?: number;
}

/** Time 1 against Time 2 for a mean score. */
export interface MeanComparison {
  time1: MeanEstimate;
  time2: MeanEstimate;
  /** mean2 − mean1 in the score's own units, or null when either wave has no scores. */
  difference: number | null;
  /** The test, or null when either wave has fewer than 2 scores or both have no spread. */
  test: MeanTestResult | null;
  /** True when the test is significant at `confidence`. */
  significant: boolean;
  direction: ChangeDirection;
}

function describeMean(stat: MeanStat, what: string, where: string): MeanEstimate {
  const { n, sum, sumSquares } = stat;
  if (!Number.isInteger(n) || n < 0 || !Number.isFinite(sum) || !Number.isFinite(sumSquares)) {
    throw new RangeError(
      `${where}: ${what} needs a whole n ≥ 0 and finite sums, got n=${n}, sum=${sum}, sumSquares=${sumSquares}.`,
    );
  }
  if (n === 0) return { n, mean: null, sd: null };
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: null };
  const deviations = sumSquares - sum * mean;
  // Cancellation leaves dust around 0 for constant scores; anything more negative is not real data.
  const tolerance = 1e-9 * Math.max(1, Math.abs(sumSquares));
  if (deviations < -tolerance) {
    throw new RangeError(
      `${where}: ${what} has sumSquares=${sumSquares} below sum²/n=${sum * mean}: not the sums of real scores.`,
    );
  }
  return { n, mean, sd: deviations <= tolerance ? 0 : Math.sqrt(deviations / (n - 1)) };
}

/**
 * Time 1 against Time 2 for a mean score such as wellbeing: both means and standard deviations, the
 * difference (time2 − time1, in the score's units) and a normal-approximation Welch test
 * (z = difference ÷ √(s1²/n1 + s2²/n2), two-sided p from the standard normal; it slightly overstates
 * significance for groups under about 30). `direction` is `improved` or `worse` only when
 * significant; `not-comparable` (and `test` null) when either wave has fewer than 2 scores or
 * neither wave has any spread (every score the same), where the test is undefined.
 *
 * For the default wellbeing scale higher is worse: pass `direction: 'higher-is-worse'`.
 *
 * @throws RangeError when `n` is not a whole number ≥ 0, a sum is not finite, `sumSquares` is
 *   below sum²/n (not real scores), or `confidence` is not between 0 and 1.
 * @example
 * // Wellbeing (higher = worse): n 50, mean 8, sd 4 at Time 1; n 60, mean 6.5, sd 3.5 at Time 2.
 * const c = compareMeans(
 *   { n: 50, sum: 400, sumSquares: 3984 },
 *   { n: 60, sum: 390, sumSquares: 3257.75 },
 *   { direction: 'higher-is-worse' },
 * );
 * c.difference; //  -1.5
 * c.test?.z; //     -2.072, p = 0.0383
 * c.direction; //   'improved'
 */
export function compareMeans(
  time1: MeanStat,
  time2: MeanStat,
  options: CompareMeansOptions,
): MeanComparison {
  const where = 'compareMeans';
  const confidence = options.confidence ?? 0.95;
  assertConfidence(confidence, 'confidence', where);
  const a = describeMean(time1, 'time1', where);
  const b = describeMean(time2, 'time2', where);
  const difference = a.mean !== null && b.mean !== null ? b.mean - a.mean : null;
  let test: MeanTestResult | null = null;
  if (difference !== null && a.sd !== null && b.sd !== null) {
    const standardError = Math.sqrt((a.sd * a.sd) / a.n + (b.sd * b.sd) / b.n);
    if (standardError > 0) {
      const z = difference / standardError;
      const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
      test = { difference, standardError, z, pValue, significant: pValue < 1 - confidence };
    }
  }
  const significant = test?.significant ?? false;
  return {
    time1: a,
    time2: b,
    difference,
    test,
    significant,
    direction: !test
      ? 'not-comparable'
      : significant
        ? signed(test.difference, options.direction)
        : 'no-significant-change',
  };
}
