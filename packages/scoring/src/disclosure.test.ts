import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_DISCLOSURE_CONTROL, DisclosureControl, ViewerLevel } from '@all-together/model';
import {
  comparatorAllowed,
  publishMean,
  publishProportion,
  SUPPRESSION_NOTES,
  suppressionNote,
  suppressionPattern,
  type Shown,
  type SuppressionPattern,
  type SuppressionReason,
  type SuppressionTable,
  type Visibility,
} from './index.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 1000);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const K = DEFAULT_DISCLOSURE_CONTROL.minCellSize;

const SHOWN: Visibility = { shown: true };
const c = (reason: SuppressionReason): Shown<number> => ({ symbol: '[c]', reason });
const hidden = (reason: 'base' | 'complementary' | 'total'): Visibility => ({
  shown: false,
  reason,
});
const table = (
  groups: Record<string, number>,
  derived: Record<string, string[]> = {},
): SuppressionTable => ({
  total: Object.values(groups).reduce((a, b) => a + b, 0),
  groups: Object.entries(groups).map(([key, base]) => ({ key, base })),
  derived: Object.entries(derived).map(([key, of]) => ({ key, of })),
});
/** The keys a pattern hides, sorted, for compact assertions. */
const hiddenKeys = (p: SuppressionPattern) =>
  Object.entries(p.groups)
    .filter(([, v]) => !v.shown)
    .map(([key]) => key)
    .sort();

describe('suppressionPattern: the worked example (reliability.md D)', () => {
  it('D2 worked example: 20 respondents; girls 11 / boys 8 / prefer not to say 1 hides all three; SEN 4 / no SEN 16 hides both', () => {
    const bySex = suppressionPattern(table({ girls: 11, boys: 8, 'prefer-not-to-say': 1 }));
    assert.deepEqual(bySex, {
      total: SHOWN,
      groups: {
        girls: hidden('complementary'),
        boys: hidden('base'),
        'prefer-not-to-say': hidden('base'),
      },
    });
    const bySen = suppressionPattern(table({ sen: 4, 'no-sen': 16 }));
    assert.deepEqual(bySen, {
      total: SHOWN,
      groups: { sen: hidden('base'), 'no-sen': hidden('complementary') },
    });
    // Whole-school figures are shown; the note names the threshold.
    assert.equal(bySex.total.shown, true);
    assert.equal(suppressionNote('base'), 'Fewer than 10 pupils — hidden to protect privacy');
  });

  it('D2 worked example with SEN as E/K/N and any SEN derived: everything below the total is hidden', () => {
    const p = suppressionPattern(table({ E: 1, K: 3, N: 16 }, { 'any-sen': ['E', 'K'] }));
    assert.equal(p.total.shown, true);
    assert.deepEqual(hiddenKeys(p), ['E', 'K', 'N', 'any-sen']);
    assert.deepEqual(p.groups['any-sen'], hidden('base'));
    assert.deepEqual(p.groups['N'], hidden('complementary'));
  });
});

describe('suppressionPattern: D1 and the total', () => {
  it('D1 a cohort of 9: every cell is hidden, and every figure published is [c]', () => {
    const p = suppressionPattern(table({ girls: 5, boys: 4 }));
    assert.deepEqual(p, {
      total: hidden('total'),
      groups: { girls: hidden('total'), boys: hidden('total') },
    });
    for (const v of [p.total, p.groups['girls']!, p.groups['boys']!]) {
      const pub = publishProportion({ count: 2, base: 4 }, v, undefined, 'school');
      assert.deepEqual(pub, { count: c('total'), base: c('total'), percent: c('total') });
      const mean = publishMean({ n: 4, sum: 12, sumSquares: 40 }, v, undefined, 'school');
      assert.deepEqual(mean, { n: c('total'), mean: c('total'), sd: c('total') });
    }
  });

  it('an empty table and a table of 0 are hidden whole', () => {
    assert.deepEqual(suppressionPattern({ total: 0, groups: [] }), {
      total: hidden('total'),
      groups: {},
    });
    assert.deepEqual(suppressionPattern(table({ a: 0, b: 0 })).groups, {
      a: hidden('total'),
      b: hidden('total'),
    });
  });

  it('D1 groups of 1 to k − 1 are hidden; groups of k or more, and empty groups, are shown', () => {
    const p = suppressionPattern(table({ a: 10, b: 9, c: 30, d: 0, e: 1 }));
    assert.deepEqual(p.groups['d'], SHOWN, 'a true zero is shown');
    assert.deepEqual(p.groups['b'], hidden('base'));
    assert.deepEqual(p.groups['e'], hidden('base'));
    assert.deepEqual(p.groups['c'], SHOWN);
  });

  it('with complementary suppression off only D1 applies (so a residual of 9 can be worked out)', () => {
    const off = DisclosureControl.parse({ complementarySuppression: false });
    const p = suppressionPattern(table({ girls: 11, boys: 8, pnts: 1 }), off);
    assert.deepEqual(hiddenKeys(p), ['boys', 'pnts']);
  });
});

describe('suppressionPattern: D2 residuals', () => {
  it('exactly one hidden group beside a shown total hides the next smallest group', () => {
    const p = suppressionPattern(table({ a: 12, b: 30, c: 5 }));
    assert.deepEqual(p.groups, { a: hidden('complementary'), b: SHOWN, c: hidden('base') });
  });

  it('two small groups holding k or more between them need no complement', () => {
    const p = suppressionPattern(table({ a: 5, b: 6, c: 30 }));
    assert.deepEqual(hiddenKeys(p), ['a', 'b']);
  });

  it('a zero is never a complement: hiding it would protect nobody', () => {
    const p = suppressionPattern(table({ a: 3, zero: 0, b: 20, c: 40 }));
    assert.deepEqual(p.groups, {
      a: hidden('base'),
      zero: SHOWN,
      b: hidden('complementary'),
      c: SHOWN,
    });
  });

  it('published reasons are bounds: 1 ("fewer than 10") + 10 ("hidden as a complement") = 11 would pin both, so a third cell is hidden', () => {
    // With A ≤ 9 and B ≥ 10 published, A + B = 11 gives A = 1 and B = 10.
    const p = suppressionPattern(table({ a: 1, b: 10, c: 30 }));
    assert.deepEqual(hiddenKeys(p), ['a', 'b', 'c']);
    assert.equal(p.total.shown, true);
    // With B = 12 the same pair leaves A anywhere in 1–3 and B in 10–12: enough.
    assert.deepEqual(hiddenKeys(suppressionPattern(table({ a: 1, b: 12, c: 30 }))), ['a', 'b']);
  });

  it('ten groups of one pupil: the total would pin each at 1, so the equation cannot be fixed and the whole table is hidden', () => {
    const groups = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`y${i}`, 1]));
    const p = suppressionPattern(table(groups));
    assert.equal(p.total.shown, false);
    assert.ok(Object.values(p.groups).every((v) => !v.shown));
  });

  it('ties are broken by key, whatever the order of the groups', () => {
    const p = suppressionPattern(table({ d: 30, c: 10, b: 10, a: 3 }));
    assert.deepEqual(p.groups, {
      d: SHOWN,
      c: SHOWN,
      b: hidden('complementary'),
      a: hidden('base'),
    });
  });
});

describe('suppressionPattern: derived groups (any SEN = E + K)', () => {
  const sen = (E: number, K: number, N: number, unknown = 0) =>
    suppressionPattern(table({ E, K, N, unknown }, { 'any-sen': ['E', 'K'] }));

  it('E 5 + K 5: any SEN (10) is shown and its two parts hidden together', () => {
    const p = sen(5, 5, 30);
    assert.deepEqual(hiddenKeys(p), ['E', 'K']);
    assert.deepEqual(p.groups['any-sen'], SHOWN);
  });

  it('E 3, K 12: K is hidden with E inside any SEN', () => {
    const p = sen(3, 12, 40);
    assert.deepEqual(hiddenKeys(p), ['E', 'K']);
    assert.deepEqual(p.groups['K'], hidden('complementary'));
  });

  it('total − any SEN = N + unknown would pin a hidden "not known" of 5: any SEN is hidden as well', () => {
    // Checking only "total = Σ groups" and "any SEN = E + K" misses this: T 50 − any SEN 15 − N 30 = 5.
    const p = sen(3, 12, 30, 5);
    assert.deepEqual(hiddenKeys(p), ['E', 'K', 'any-sen', 'unknown']);
    assert.deepEqual(p.groups['any-sen'], hidden('complementary'));
    assert.deepEqual(p.groups['N'], SHOWN);
  });

  it('E 4 + K 4: any SEN (8) is below k, so the no-SEN group is hidden to cover it', () => {
    const p = sen(4, 4, 30);
    assert.deepEqual(p.groups['any-sen'], hidden('base'));
    assert.deepEqual(p.groups['N'], hidden('complementary'));
    assert.equal(p.total.shown, true);
  });

  it('a derived group whose parts are all shown is shown (zeros included)', () => {
    const p = sen(0, 12, 28);
    assert.deepEqual(hiddenKeys(p), []);
  });

  it('E 2, K 0: any SEN (2) and E are hidden, N covers them, the true zero K stays', () => {
    const p = sen(2, 0, 40);
    assert.deepEqual(hiddenKeys(p), ['E', 'N', 'any-sen']);
    assert.deepEqual(p.groups['K'], SHOWN);
  });

  it('rejects derived groups that overlap without nesting, unknown parts and totals that do not add up', () => {
    assert.throws(
      () => suppressionPattern(table({ a: 10, b: 10, c: 10 }, { ab: ['a', 'b'], bc: ['b', 'c'] })),
      /nested or disjoint/,
    );
    assert.throws(
      () => suppressionPattern(table({ a: 10 }, { x: ['zz'] })),
      /"zz", which is not a group/,
    );
    assert.throws(() => suppressionPattern(table({ a: 10 }, { a: ['a'] })), /"a" is used twice/);
    assert.throws(
      () => suppressionPattern({ total: 30, groups: [{ key: 'a', base: 20 }] }),
      /add up to 20, the total is 30/,
    );
    assert.throws(() => suppressionPattern(table({ a: 2.5, b: 10 })), /whole number/);
    assert.throws(() => suppressionPattern(table({ a: -1, b: 11 })), /whole number/);
  });
});

describe('suppressionPattern: deterministic output', () => {
  const input = table({ E: 3, K: 12, N: 30, unknown: 5, pnts: 0 }, { 'any-sen': ['K', 'E'] });
  it('the same table in any group order gives the same pattern, and every call gives the same', () => {
    const first = suppressionPattern(input);
    assert.deepEqual(suppressionPattern(input), first);
    const reversed = { ...input, groups: [...input.groups].reverse() };
    assert.deepEqual(suppressionPattern(reversed), first);
  });

  it('the pattern is the same for every viewer', () => {
    const school = suppressionPattern(input, undefined, 'school');
    for (const viewer of ViewerLevel.options) {
      assert.deepEqual(suppressionPattern(input, undefined, viewer), school, viewer);
    }
  });
});

describe('publishProportion', () => {
  it('D4: 0% and 100% below base 20 are [c], and so is every other count on that base', () => {
    for (const count of [0, 15, 7]) {
      assert.deepEqual(publishProportion({ count, base: 15 }, SHOWN, undefined, 'school'), {
        count: c('small-base'),
        base: { value: 15 },
        percent: c('small-base'),
      });
    }
  });

  it('D4: at base 20 a true 0% and 100% are shown', () => {
    assert.deepEqual(publishProportion({ count: 0, base: 20 }, SHOWN, undefined, 'school'), {
      count: { value: 0 },
      base: { value: 20 },
      percent: { value: 0 },
    });
    assert.deepEqual(publishProportion({ count: 20, base: 20 }, SHOWN, undefined, 'school'), {
      count: { value: 20 },
      base: { value: 20 },
      percent: { value: 100 },
    });
  });

  it('rounding per viewer: exact for the school; counts and bases to the nearest 5 elsewhere, percent from unrounded figures', () => {
    assert.deepEqual(publishProportion({ count: 11, base: 42 }, SHOWN, undefined, 'school'), {
      count: { value: 11 },
      base: { value: 42 },
      percent: { value: (11 / 42) * 100 },
    });
    for (const viewer of ['trust', 'local-authority', 'national'] as const) {
      assert.deepEqual(publishProportion({ count: 11, base: 42 }, SHOWN, undefined, viewer), {
        count: { value: 10 },
        base: { value: 40 },
        percent: { value: (11 / 42) * 100 },
      });
    }
    // Halves round up; the default viewer is outside the school.
    assert.deepEqual(publishProportion({ count: 13, base: 23 }, SHOWN).count, { value: 15 });
    const tens = DisclosureControl.parse({ roundTo: 10 });
    assert.deepEqual(publishProportion({ count: 15, base: 45 }, SHOWN, tens, 'trust'), {
      count: { value: 20 },
      base: { value: 50 },
      percent: { value: (15 / 45) * 100 },
    });
    const exact = DisclosureControl.parse({ roundTo: 1 });
    assert.deepEqual(publishProportion({ count: 11, base: 42 }, SHOWN, exact, 'national').count, {
      value: 11,
    });
  });

  it('a count above 0 that rounds to 0 outside the school is [low], never 0; a true 0 stays 0', () => {
    assert.deepEqual(publishProportion({ count: 2, base: 40 }, SHOWN, undefined, 'trust').count, {
      symbol: '[low]',
      reason: 'rounds-to-zero',
    });
    assert.deepEqual(publishProportion({ count: 2, base: 40 }, SHOWN, undefined, 'school').count, {
      value: 2,
    });
    assert.deepEqual(publishProportion({ count: 0, base: 40 }, SHOWN, undefined, 'trust').count, {
      value: 0,
    });
  });

  it('a hidden cell is [c] with its reason; an empty shown group is base 0 with [z]', () => {
    assert.deepEqual(publishProportion({ count: 5, base: 40 }, hidden('complementary')), {
      count: c('complementary'),
      base: c('complementary'),
      percent: c('complementary'),
    });
    const z = { symbol: '[z]', reason: 'no-pupils' };
    assert.deepEqual(publishProportion({ count: 0, base: 0 }, SHOWN), {
      count: z,
      base: { value: 0 },
      percent: z,
    });
  });

  it('D1 second gate: a base below k is [c] even if the visibility says shown', () => {
    assert.deepEqual(publishProportion({ count: 3, base: 9 }, SHOWN, undefined, 'school'), {
      count: c('base'),
      base: c('base'),
      percent: c('base'),
    });
  });

  it('rejects counts that are not whole numbers with 0 ≤ count ≤ base', () => {
    assert.throws(() => publishProportion({ count: 5, base: 4 }, SHOWN), /0 ≤ count ≤ base/);
    assert.throws(() => publishProportion({ count: -1, base: 4 }, SHOWN), /0 ≤ count ≤ base/);
    assert.throws(() => publishProportion({ count: 1.5, base: 4 }, SHOWN), /0 ≤ count ≤ base/);
  });
});

describe('publishMean', () => {
  it('n below k is [c]; n of k to 19 shows n only; 20 or more shows the mean and the sample sd', () => {
    assert.deepEqual(publishMean({ n: 9, sum: 40, sumSquares: 200 }, SHOWN, undefined, 'school'), {
      n: c('base'),
      mean: c('base'),
      sd: c('base'),
    });
    assert.deepEqual(publishMean({ n: 12, sum: 0, sumSquares: 0 }, SHOWN, undefined, 'school'), {
      n: { value: 12 },
      mean: c('small-base'),
      sd: c('small-base'),
    });
    const m = publishMean({ n: 25, sum: 180, sumSquares: 1530 }, SHOWN, undefined, 'school');
    assert.deepEqual(m.n, { value: 25 });
    assert.deepEqual(m.mean, { value: 7.2 });
    assert.ok('value' in m.sd && Math.abs(m.sd.value - Math.sqrt(234 / 24)) < 1e-12);
  });

  it('rounds n outside the school, follows a hidden visibility, and treats n = 0 as [z]', () => {
    assert.deepEqual(
      publishMean({ n: 27, sum: 54, sumSquares: 200 }, SHOWN, undefined, 'trust').n,
      {
        value: 25,
      },
    );
    assert.deepEqual(publishMean({ n: 27, sum: 54, sumSquares: 200 }, hidden('base')), {
      n: c('base'),
      mean: c('base'),
      sd: c('base'),
    });
    const z = { symbol: '[z]', reason: 'no-pupils' };
    assert.deepEqual(publishMean({ n: 0, sum: 0, sumSquares: 0 }, SHOWN), {
      n: { value: 0 },
      mean: z,
      sd: z,
    });
  });

  it('equal scores give sd 0, not NaN or a negative variance', () => {
    const m = publishMean(
      { n: 30, sum: 30 * 0.1, sumSquares: 30 * 0.01 },
      SHOWN,
      undefined,
      'school',
    );
    assert.ok('value' in m.sd && m.sd.value >= 0 && m.sd.value < 1e-6);
  });

  it('rejects a fractional n and non-finite sums', () => {
    assert.throws(() => publishMean({ n: 2.5, sum: 1, sumSquares: 1 }, SHOWN), /whole n/);
    assert.throws(() => publishMean({ n: 20, sum: NaN, sumSquares: 1 }, SHOWN), /finite/);
  });
});

describe('comparatorAllowed (D6)', () => {
  it('needs at least 3 schools and at least k pupils outside this school', () => {
    assert.equal(comparatorAllowed({ schools: 2, restOfAreaBase: 500 }).allowed, false);
    assert.match(
      comparatorAllowed({ schools: 2, restOfAreaBase: 500 }).reason,
      /Fewer than 3 schools/,
    );
    assert.equal(comparatorAllowed({ schools: 3, restOfAreaBase: 9 }).allowed, false);
    assert.match(
      comparatorAllowed({ schools: 3, restOfAreaBase: 9 }).reason,
      /Fewer than 10 pupils/,
    );
    assert.equal(comparatorAllowed({ schools: 3, restOfAreaBase: 10 }).allowed, true);
  });

  it('a refusal never states the small number of pupils', () => {
    assert.doesNotMatch(comparatorAllowed({ schools: 5, restOfAreaBase: 7 }).reason, /7/);
  });

  it('follows the settings and rejects bad numbers', () => {
    const strict = DisclosureControl.parse({ minSchoolsForComparator: 5, minCellSize: 20 });
    assert.equal(comparatorAllowed({ schools: 4, restOfAreaBase: 100 }, strict).allowed, false);
    assert.equal(comparatorAllowed({ schools: 5, restOfAreaBase: 19 }, strict).allowed, false);
    assert.equal(comparatorAllowed({ schools: 5, restOfAreaBase: 20 }, strict).allowed, true);
    assert.throws(() => comparatorAllowed({ schools: -1, restOfAreaBase: 10 }), /whole number/);
  });
});

describe('suppression notes', () => {
  it('has a plain-English note for every reason, with the thresholds filled in', () => {
    const reasons = Object.keys(SUPPRESSION_NOTES) as SuppressionReason[];
    assert.deepEqual(reasons.sort(), [
      'base',
      'complementary',
      'no-comparator',
      'no-pupils',
      'not-both-waves',
      'rounds-to-zero',
      'small-base',
      'total',
    ]);
    for (const r of reasons) assert.ok(suppressionNote(r).length > 10, r);
    assert.equal(
      suppressionNote('complementary'),
      'Hidden so that another hidden figure cannot be worked out from the ones shown',
    );
    const five = DisclosureControl.parse({ minCellSize: 5, minBaseForPercentage: 25, roundTo: 10 });
    assert.equal(suppressionNote('base', five), 'Fewer than 5 pupils — hidden to protect privacy');
    assert.match(suppressionNote('small-base', five), /^Fewer than 25 pupils/);
    assert.match(suppressionNote('rounds-to-zero', five), /fewer than 5 .* nearest 10/);
    assert.match(suppressionNote('rounds-to-zero'), /fewer than 3 .* nearest 5/);
    assert.equal(
      suppressionNote('base', DisclosureControl.parse({ minCellSize: 1, minBaseForPercentage: 1 })),
      'Fewer than 1 pupil — hidden to protect privacy',
    );
  });
});

describe('publishing a breakdown: counts need their own pattern', () => {
  it('SEN 15 / no SEN 25: the SEN count is not total − no-SEN count, because the count pattern uses minBaseForPercentage', () => {
    const sen = table({ sen: 15, 'no-sen': 25 });
    const bases = suppressionPattern(sen);
    assert.deepEqual(hiddenKeys(bases), [], 'both bases are published');
    const counts = suppressionPattern(sen, {
      ...DEFAULT_DISCLOSURE_CONTROL,
      minCellSize: DEFAULT_DISCLOSURE_CONTROL.minBaseForPercentage,
    });
    assert.deepEqual(counts.groups, { sen: hidden('base'), 'no-sen': hidden('complementary') });
    // Published: total count and percent, both bases; neither group's count.
    const noSen = publishProportion(
      { count: 5, base: 25 },
      counts.groups['no-sen']!,
      undefined,
      'school',
    );
    assert.deepEqual(noSen.count, c('complementary'));
  });
});

// ─────────────────────────────── property tests (T1) ───────────────────────────────

/**
 * What someone holding the published table can work out, by brute force: every assignment of whole
 * numbers to the hidden groups consistent with the published figures and with what the symbols say.
 * They know the total (when shown), every shown group and derived group, that an empty group is shown
 * as 0 (so a hidden group holds at least 1), that a cell hidden for its base holds 1 to k − 1, and that
 * a cell hidden as a complement holds at least k. Written apart from the implementation on purpose.
 */
function attack(t: SuppressionTable, p: SuppressionPattern, k: number) {
  const groups = t.groups.map((g) => ({ ...g, vis: p.groups[g.key]! }));
  const derived = (t.derived ?? []).map((d) => {
    const members = d.of.map((key) => groups.findIndex((g) => g.key === key));
    const base = members.reduce((s, i) => s + groups[i]!.base, 0);
    return { ...d, vis: p.groups[d.key]!, members, base };
  });
  const bounds = (v: Visibility, base: number): [number, number] =>
    v.shown
      ? [base, base]
      : v.reason === 'base'
        ? [1, k - 1]
        : v.reason === 'complementary'
          ? [k, t.total]
          : [0, t.total];
  const hiddenIdx = groups.flatMap((g, i) => (g.vis.shown ? [] : [i]));
  const shownSum = groups.reduce((s, g) => s + (g.vis.shown ? g.base : 0), 0);
  const h = hiddenIdx.length;
  const x = groups.map((g) => (g.vis.shown ? g.base : 0));
  const groupMin = new Array<number>(h).fill(Infinity);
  const groupMax = new Array<number>(h).fill(-Infinity);
  const derivedMin = derived.map(() => Infinity);
  const derivedMax = derived.map(() => -Infinity);
  const subsetMin = new Array<number>(1 << h).fill(Infinity);
  const subsetMax = new Array<number>(1 << h).fill(-Infinity);
  const sums = new Array<number>(1 << h).fill(0);
  let solutions = 0;
  const lo = hiddenIdx.map((i) => bounds(groups[i]!.vis, groups[i]!.base)[0]);
  const hi = hiddenIdx.map((i) => bounds(groups[i]!.vis, groups[i]!.base)[1]);
  const target = t.total - shownSum;

  const record = () => {
    const values = derived.map((d) => d.members.reduce((s, i) => s + x[i]!, 0));
    for (let j = 0; j < derived.length; j++) {
      const [dlo, dhi] = bounds(derived[j]!.vis, derived[j]!.base);
      if (values[j]! < dlo || values[j]! > dhi) return;
    }
    solutions++;
    hiddenIdx.forEach((i, a) => {
      groupMin[a] = Math.min(groupMin[a]!, x[i]!);
      groupMax[a] = Math.max(groupMax[a]!, x[i]!);
    });
    values.forEach((v, j) => {
      derivedMin[j] = Math.min(derivedMin[j]!, v);
      derivedMax[j] = Math.max(derivedMax[j]!, v);
    });
    for (let mask = 1; mask < 1 << h; mask++) {
      const bit = 31 - Math.clz32(mask & -mask);
      sums[mask] = sums[mask & (mask - 1)]! + x[hiddenIdx[bit]!]!;
      subsetMin[mask] = Math.min(subsetMin[mask]!, sums[mask]!);
      subsetMax[mask] = Math.max(subsetMax[mask]!, sums[mask]!);
    }
  };
  // Suffix sums of the bounds, to prune branches that cannot reach the published total.
  const restLo = [...lo, 0].map((_, a) => lo.slice(a).reduce((s, v) => s + v, 0));
  const restHi = [...hi, 0].map((_, a) => hi.slice(a).reduce((s, v) => s + v, 0));
  const go = (a: number, sofar: number) => {
    if (a === h) {
      if (sofar === target) record();
      return;
    }
    for (let v = lo[a]!; v <= hi[a]!; v++) {
      const left = target - sofar - v;
      if (left < restLo[a + 1]! || left > restHi[a + 1]!) continue;
      x[hiddenIdx[a]!] = v;
      go(a + 1, sofar + v);
    }
  };
  go(0, 0);
  return {
    hiddenIdx,
    derived,
    solutions,
    groupMin,
    groupMax,
    derivedMin,
    derivedMax,
    subsetMin,
    subsetMax,
  };
}

/** A cohort of 1–60 pupils over 2–6 groups (some groups small or empty), with optional derived groups. */
const cohort = (withDerived: 'none' | 'one' | 'two', maxGroups = 6) =>
  fc
    .tuple(
      fc.integer({ min: 2, max: maxGroups }),
      // Cohort size drawn explicitly (an array's length is biased small): mostly 10–60.
      fc.oneof(
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }) },
        { weight: 5, arbitrary: fc.integer({ min: 10, max: 60 }) },
      ),
    )
    .chain(([g, n]) =>
      fc.record({
        weights: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: g, maxLength: g }),
        pupils: fc.array(fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.boolean()), {
          minLength: n,
          maxLength: n,
        }),
        outer: fc.shuffledSubarray([...Array(g).keys()], { minLength: 2 }),
        inner: fc.integer({ min: 0, max: 3 }),
      }),
    )
    .map(({ weights, pupils, outer, inner }) => {
      const g = weights.length;
      const w = weights.some((v) => v > 0) ? weights : weights.map(() => 1);
      const sum = w.reduce((a, b) => a + b, 0);
      const keys = ['girls', 'boys', 'unknown', 'pnts', 'E', 'K'].slice(0, g);
      const base = keys.map(() => 0);
      const yes = keys.map(() => 0);
      for (const [r, said] of pupils) {
        let pick = r % sum;
        let i = 0;
        while (pick >= w[i]!) pick -= w[i++]!;
        base[i]!++;
        if (said) yes[i]!++;
      }
      const derived: { key: string; of: string[] }[] = [];
      if (withDerived !== 'none') derived.push({ key: 'd1', of: outer.map((i) => keys[i]!) });
      if (withDerived === 'two') {
        // A second derived group nested inside the first, or disjoint from it (never overlapping).
        const rest = [...Array(g).keys()].filter((i) => !outer.includes(i));
        const pool = inner % 2 === 0 || rest.length === 0 ? outer : rest;
        const of = pool.slice(0, Math.max(1, pool.length - 1 - (inner >> 1)));
        derived.push({ key: 'd2', of: of.map((i) => keys[i]!) });
      }
      const table: SuppressionTable = {
        total: pupils.length,
        groups: keys.map((key, i) => ({ key, base: base[i]! })),
        derived,
      };
      const counts: Record<string, { count: number; base: number }> = {};
      keys.forEach((key, i) => (counts[key] = { count: yes[i]!, base: base[i]! }));
      for (const d of derived) {
        counts[d.key] = d.of.reduce(
          (s, key) => ({ count: s.count + counts[key]!.count, base: s.base + counts[key]!.base }),
          { count: 0, base: 0 },
        );
      }
      return { table, counts, yes: yes.reduce((a, b) => a + b, 0) };
    });

const isValue = (s: Shown<number>): s is { value: number } => 'value' in s;

describe(`disclosure property tests (T1, seed ${SEED}, ${NUM_RUNS} runs)`, () => {
  const viewer = fc.constantFrom(...ViewerLevel.options);

  for (const withDerived of ['none', 'one', 'two'] as const) {
    it(`D1: no shown figure rests on fewer than k pupils (derived groups: ${withDerived}, seed ${SEED})`, () => {
      fc.assert(
        fc.property(cohort(withDerived), viewer, ({ table: t, counts, yes }, who) => {
          const p = suppressionPattern(t, DEFAULT_DISCLOSURE_CONTROL, who);
          const cells = [
            { v: p.total, prop: { count: yes, base: t.total } },
            ...Object.entries(counts).map(([key, prop]) => ({ v: p.groups[key]!, prop })),
          ];
          if (t.total < K)
            assert.ok(
              cells.every(({ v }) => !v.shown),
              'a total below k hides all',
            );
          for (const { v, prop } of cells) {
            // A shown cell is a true zero or rests on k or more pupils.
            if (v.shown) assert.ok(prop.base === 0 || prop.base >= K, `shown base ${prop.base}`);
            const pub = publishProportion(prop, v, DEFAULT_DISCLOSURE_CONTROL, who);
            if (isValue(pub.base)) assert.ok(prop.base === 0 || prop.base >= K);
            if (isValue(pub.count) || isValue(pub.percent)) {
              assert.ok(prop.base >= DEFAULT_DISCLOSURE_CONTROL.minBaseForPercentage);
              assert.ok(v.shown);
            }
            if (!v.shown) {
              assert.ok(!isValue(pub.base) && !isValue(pub.count) && !isValue(pub.percent));
            }
            const mean = publishMean(
              { n: prop.base, sum: prop.count, sumSquares: prop.count },
              v,
              DEFAULT_DISCLOSURE_CONTROL,
              who,
            );
            if (isValue(mean.n)) assert.ok(prop.base === 0 || prop.base >= K);
            if (isValue(mean.mean))
              assert.ok(prop.base >= DEFAULT_DISCLOSURE_CONTROL.minBaseForPercentage);
          }
        }),
        { seed: SEED, numRuns: NUM_RUNS },
      );
    });

    it(`D2: no hidden cell is pinned (derived groups: ${withDerived}, seed ${SEED})`, () => {
      fc.assert(
        fc.property(cohort(withDerived), ({ table: t }) => {
          const p = suppressionPattern(t);
          const cells = [p.total, ...Object.values(p.groups)];
          if (!p.total.shown) {
            assert.ok(
              cells.every((v) => !v.shown),
              'a hidden total hides every cell',
            );
            return;
          }
          const a = attack(t, p, K);
          assert.ok(
            a.solutions >= 1,
            'the true table is among the solutions (the reasons tell the truth)',
          );
          a.hiddenIdx.forEach((i, j) => {
            assert.ok(
              a.groupMin[j]! < a.groupMax[j]!,
              `group ${t.groups[i]!.key} is pinned at ${a.groupMin[j]}`,
            );
          });
          a.derived.forEach((d, j) => {
            if (!d.vis.shown) {
              assert.ok(
                a.derivedMin[j]! < a.derivedMax[j]!,
                `derived ${d.key} is pinned at ${a.derivedMin[j]}`,
              );
            }
          });
          // Any set of hidden groups whose total the published figures fix holds 0 or ≥ k pupils.
          for (let mask = 1; mask < a.subsetMin.length; mask++) {
            if (a.subsetMin[mask] === a.subsetMax[mask]) {
              const value = a.subsetMin[mask]!;
              assert.ok(
                value === 0 || value >= K,
                `hidden groups ${mask.toString(2)} are fixed at ${value}`,
              );
            }
          }
          // And, equation by equation: the hidden cells of each published equation hold 0 or ≥ k.
          const held = (keys: readonly string[]) =>
            t.groups
              .filter((g) => keys.includes(g.key) && !p.groups[g.key]!.shown)
              .reduce((s, g) => s + g.base, 0);
          const equations = [
            t.groups.map((g) => g.key),
            ...(t.derived ?? []).filter((d) => p.groups[d.key]!.shown).map((d) => d.of),
          ];
          for (const keys of equations) {
            const n = held(keys);
            assert.ok(n === 0 || n >= K, `an equation's hidden cells hold ${n}`);
          }
        }),
        { seed: SEED, numRuns: NUM_RUNS },
      );
    });
  }

  it(`D2 at other thresholds: k from 2 to 20 (the count pattern uses k = minBaseForPercentage), 2–5 groups (seed ${SEED})`, () => {
    fc.assert(
      fc.property(cohort('one', 5), fc.integer({ min: 2, max: 20 }), ({ table: t }, k) => {
        const control = { ...DEFAULT_DISCLOSURE_CONTROL, minCellSize: k, minBaseForPercentage: 20 };
        const p = suppressionPattern(t, control);
        if (!p.total.shown) {
          assert.ok(Object.values(p.groups).every((v) => !v.shown));
          return;
        }
        const a = attack(t, p, k);
        assert.ok(a.solutions >= 1);
        a.hiddenIdx.forEach((_, j) => assert.ok(a.groupMin[j]! < a.groupMax[j]!, `k=${k}`));
        a.derived.forEach((d, j) =>
          assert.ok(d.vis.shown || a.derivedMin[j]! < a.derivedMax[j]!, `k=${k}`),
        );
        for (let mask = 1; mask < a.subsetMin.length; mask++) {
          if (a.subsetMin[mask] === a.subsetMax[mask]) assert.ok(a.subsetMin[mask]! >= k, `k=${k}`);
        }
      }),
      { seed: SEED, numRuns: Math.max(1, Math.floor(NUM_RUNS / 10)) },
    );
  });

  it(`deterministic: the pattern does not depend on the order of the groups (seed ${SEED})`, () => {
    fc.assert(
      fc.property(cohort('one'), fc.integer(), ({ table: t }, shift) => {
        const n = t.groups.length;
        const s = ((shift % n) + n) % n;
        const rotated = { ...t, groups: [...t.groups.slice(s), ...t.groups.slice(0, s)] };
        assert.deepEqual(suppressionPattern(rotated), suppressionPattern(t));
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });
});
