/**
 * Proportions with honest uncertainty: Wilson score intervals and the two-proportion z-test, as used
 * to compare Time 1 with Time 2 and a school with its LA or MAT. Pure functions, no DOM, no clock.
 */
import { assertCounts } from './counts.js';

/** A proportion's 95% (or other) interval, as fractions between 0 and 1. */
export interface Interval {
  lower: number;
  upper: number;
}

/** Options shared by the interval and the test. */
export interface ConfidenceOptions {
  /** Two-sided confidence level; default 0.95. */
  confidence?: number;
}

/**
 * The standard normal cumulative distribution Φ(x), from the complementary error function
 * (Numerical Recipes' Chebyshev fit, fractional error below 1.2e-7 everywhere).
 */
export function normalCdf(x: number): number {
  return 1 - 0.5 * erfc(x / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * The inverse of Φ (Acklam's rational approximation refined by one Halley step; error below 1e-9),
 * used to turn a confidence level into a z value (0.95 → 1.959964).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1))
    throw new RangeError(`normalQuantile: p must be between 0 and 1, got ${p}.`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  // One Halley step against our own Φ brings the approximation to full working precision.
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

function zFor(confidence = 0.95): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1, got ${confidence}.`);
  }
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * The Wilson score interval for `successes` out of `n`. Unlike the textbook ±1.96·SE interval it
 * stays inside 0–1 and behaves at 0% and 100%. Returns null when `n` is 0 (no interval exists).
 *
 * @example
 * wilsonInterval(23, 100); // { lower: 0.1584, upper: 0.3215 } (rounded)
 */
export function wilsonInterval(
  successes: number,
  n: number,
  options: ConfidenceOptions = {},
): Interval | null {
  assertCounts(successes, n, 'wilsonInterval', 'the counts', ['successes', 'n']);
  if (n === 0) return null;
  const z = zFor(options.confidence);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At 0/n and n/n the bound is exactly 0 or 1 in exact arithmetic; say so rather than keep
  // floating-point dust.
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
  };
}

/** The result of comparing two proportions. */
export interface TwoProportionResult {
  /** p2 − p1, as a fraction. */
  difference: number;
  /** The z statistic with the pooled standard error. */
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  /** True when pValue < 1 − confidence. */
  significant: boolean;
}

/**
 * The two-proportion z-test (pooled), two-sided: is `s2/n2` different from `s1/n1`? Returns null when
 * either group is empty or the pooled proportion is 0 or 1 (no variation to test).
 *
 * @example
 * twoProportionTest(31, 100, 24, 100); // { difference: -0.07, z: -1.1085, pValue: 0.2676, significant: false }
 */
export function twoProportionTest(
  s1: number,
  n1: number,
  s2: number,
  n2: number,
  options: ConfidenceOptions = {},
): TwoProportionResult | null {
  assertCounts(s1, n1, 'twoProportionTest', 'group 1', ['successes', 'n']);
  assertCounts(s2, n2, 'twoProportionTest', 'group 2', ['successes', 'n']);
  if (n1 === 0 || n2 === 0) return null;
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return null;
  const difference = s2 / n2 - s1 / n1;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = difference / se;
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  const alpha = 1 - (options.confidence ?? 0.95);
  return { difference, z, pValue, significant: pValue < alpha };
}
