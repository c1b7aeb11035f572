import {
  DEFAULT_DISCLOSURE_CONTROL,
  type DisclosureControl,
  type ViewerLevel,
} from '@all-together/model';
import {
  publishMean,
  publishProportion,
  suppressionNote,
  suppressionPattern,
  type Shown,
  type SuppressionPattern,
  type SuppressionReason,
  type SuppressionTable,
  type Visibility,
  comparatorAllowed,
  type ComparatorCheck,
} from './disclosure.js';
import {
  compareWaves,
  compareWithComparator,
  type ChangeDirection,
  type PercentEstimate,
  type RagRating,
} from './compare.js';
import {
  breakdown,
  scoreBreakdown,
  subtractSummary,
  type Breakdown,
  type Dimension,
  type PupilSummary,
} from './summary.js';
import type { Proportion } from './types.js';

/** Who is looking, and with which rules. Disclosure control is always on; these only tune it. */
export interface PublishOptions {
  control?: DisclosureControl;
  /** Default `national`: rounding applies unless the school is looking at its own results. */
  viewer?: ViewerLevel;
}

/** One published cell of a breakdown: base, count and a whole-number percentage, or GSS symbols. */
export interface PublishedCell {
  key: string;
  base: Shown<number>;
  count: Shown<number>;
  /** A whole-number percentage (rounded from the exact figures), or a symbol. */
  percent: Shown<number>;
}

/** A breakdown ready to leave the server or be rendered: nothing in it rests on too few pupils. */
export interface PublishedBreakdown {
  indicator: string;
  dimension: Dimension | 'all';
  viewer: ViewerLevel;
  higherIsBetter: boolean;
  total: PublishedCell & {
    /** "Prefer not to say" and "Don't know" answers, reported at total level only. */
    missing: Shown<number>;
  };
  groups: PublishedCell[];
  /** Sums of groups, such as any SEN (E + K). */
  derived: PublishedCell[];
  /** A plain-English note for each reason a figure is hidden, once each. */
  notes: string[];
}

/** Shown only where both patterns show it; otherwise hidden for the first reason. */
function both(a: Visibility, b: Visibility): Visibility {
  return a.shown ? b : a;
}

const roundShown = (s: Shown<number>, digits = 0): Shown<number> =>
  'value' in s ? { value: Number(s.value.toFixed(digits)) } : s;

function notesFor(cells: Shown<number>[], control: DisclosureControl): string[] {
  const reasons = new Set<SuppressionReason>();
  for (const c of cells) if ('symbol' in c) reasons.add(c.reason);
  return [...reasons].map((r) => suppressionNote(r, control));
}

/**
 * A binary indicator by one characteristic, published under disclosure control (reliability.md D1,
 * D2, D4, D8, D9). Two suppression patterns are computed on the bases of the breakdown: one with k
 * (`minCellSize`) decides which **bases** are shown, and one with `minBaseForPercentage` decides which
 * **counts and percentages** are shown, so that a count hidden for a small base can never be
 * recovered by subtracting the others from the total. Percentages are rounded to whole numbers
 * and, outside the school's own view, counts and bases to `roundTo`. Hidden figures carry a GSS
 * symbol and a reason; `notes` gives the plain words once each.
 *
 * @example
 * publishBreakdown(summary, 'victimisation.frequent', 'sen', { viewer: 'school' });
 * // { total: { base: { value: 182 }, count: { value: 41 }, percent: { value: 23 }, missing: … },
 * //   groups: [{ key: 'E', base: { symbol: '[c]', reason: 'base' }, … }, …],
 * //   notes: ['Fewer than 10 pupils — hidden to protect privacy', …] }
 */
export function publishBreakdown(
  summary: PupilSummary,
  indicator: string,
  dimension: Dimension | 'all',
  options: PublishOptions = {},
): PublishedBreakdown {
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const viewer = options.viewer ?? 'national';
  const b = breakdown(summary, indicator, dimension);
  const table: SuppressionTable = {
    total: b.total.base,
    // `all` is one group holding everyone: the table must partition its total.
    groups: b.groups.map((g) => ({ key: g.key, base: g.value.base })),
    derived: b.derived.map(({ key, of }) => ({ key, of })),
  };
  const bases: SuppressionPattern = suppressionPattern(table, control, viewer);
  const countControl = { ...control, minCellSize: control.minBaseForPercentage };
  const counts: SuppressionPattern = suppressionPattern(table, countControl, viewer);

  const cell = (
    key: string,
    p: { count: number; base: number },
    isTotal = false,
  ): PublishedCell => {
    const baseVisibility = isTotal ? bases.total : bases.groups[key]!;
    const countVisibility = isTotal ? counts.total : counts.groups[key]!;
    const { base } = publishProportion(p, baseVisibility, control, viewer);
    const { count, percent } = publishProportion(p, countVisibility, countControl, viewer);
    return { key, base, count, percent: roundShown(percent) };
  };
  const total = cell('all', b.total, true);
  const missing = publishProportion(
    { count: b.total.missing, base: b.total.missing + b.total.base },
    counts.total,
    countControl,
    viewer,
  ).count;
  const groups = dimension === 'all' ? [] : b.groups.map((g) => cell(g.key, g.value));
  const derived = b.derived.map((d) => cell(d.key, d.value));
  const all = [total, ...groups, ...derived];
  return {
    indicator,
    dimension,
    viewer,
    higherIsBetter: summary.info[indicator]?.higherIsBetter ?? false,
    total: { ...total, missing },
    groups,
    derived,
    notes: [
      ...new Set([
        ...notesFor(
          all.map((c) => c.base),
          control,
        ),
        ...notesFor([...all.flatMap((c) => [c.count, c.percent]), missing], countControl),
      ]),
    ],
  };
}

/** One published cell of a score breakdown. */
export interface PublishedScoreCell {
  key: string;
  n: Shown<number>;
  /** Rounded to one decimal place. */
  mean: Shown<number>;
  sd: Shown<number>;
  /** Whole-number percentage of scored pupils in each band. */
  bands: Record<string, Shown<number>>;
}

/** A score (wellbeing, feelings composite) by one characteristic, under disclosure control. */
export interface PublishedScoreBreakdown {
  indicator: string;
  dimension: Dimension | 'all';
  viewer: ViewerLevel;
  higherIsBetter: boolean;
  total: PublishedScoreCell;
  groups: PublishedScoreCell[];
  notes: string[];
}

/**
 * A score indicator by one characteristic, published under disclosure control: the pattern is
 * computed on the numbers of pupils with a score; means and standard deviations (rounded to one
 * decimal) and band percentages are shown only where the stricter pattern allows.
 */
export function publishScore(
  summary: PupilSummary,
  indicator: string,
  dimension: Dimension | 'all',
  options: PublishOptions = {},
): PublishedScoreBreakdown {
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const viewer = options.viewer ?? 'national';
  const s = scoreBreakdown(summary, indicator, dimension);
  const table: SuppressionTable = {
    total: s.total.n,
    groups: s.groups.map((g) => ({ key: g.key, base: g.value.n })),
  };
  const ns = suppressionPattern(table, control, viewer);
  const countControl = { ...control, minCellSize: control.minBaseForPercentage };
  const values = suppressionPattern(table, countControl, viewer);
  const cell = (key: string, v: (typeof s)['total'], isTotal = false): PublishedScoreCell => {
    const nVisibility = isTotal ? ns.total : ns.groups[key]!;
    const valueVisibility = both(nVisibility, isTotal ? values.total : values.groups[key]!);
    const { n } = publishMean(v, nVisibility, control, viewer);
    const { mean, sd } = publishMean(v, valueVisibility, countControl, viewer);
    const bands = Object.fromEntries(
      Object.entries(v.bands).map(([band, count]) => [
        band,
        roundShown(
          publishProportion({ count, base: v.n }, valueVisibility, countControl, viewer).percent,
        ),
      ]),
    );
    return { key, n, mean: roundShown(mean, 1), sd: roundShown(sd, 1), bands };
  };
  const total = cell('all', s.total, true);
  const groups = dimension === 'all' ? [] : s.groups.map((g) => cell(g.key, g.value));
  const all = [total, ...groups];
  return {
    indicator,
    dimension,
    viewer,
    higherIsBetter: summary.info[indicator]?.higherIsBetter ?? false,
    total,
    groups,
    notes: [
      ...new Set([
        ...notesFor(
          all.map((c) => c.n),
          control,
        ),
        ...notesFor(
          all.flatMap((c) => [c.mean, c.sd, ...Object.values(c.bands)]),
          countControl,
        ),
      ]),
    ],
  };
}

/** One group's Time 1 → Time 2 change, published: the change only where both waves may be shown. */
export interface PublishedChange {
  key: string;
  time1: PublishedCell;
  time2: PublishedCell;
  /** Time 2 − Time 1 in whole percentage points, or `[c]` when either wave is hidden (D7). */
  change: Shown<number>;
  /** The Wilson 95% intervals in whole percentages, where the percentage is shown. */
  intervals: {
    time1: Shown<{ lower: number; upper: number }>;
    time2: Shown<{ lower: number; upper: number }>;
  };
  /** Whether the change is statistically significant; null when it is not shown. */
  significant: boolean | null;
  /** `improved`, `worse`, `no-significant-change`, or null when it is not shown. */
  direction: ChangeDirection | null;
}

/**
 * D7: a change (and its significance) is shown only where the figure is shown at both waves. `[c]`
 * when a wave is hidden to protect privacy; `[z]` when a wave has no pupils (nothing to compare).
 */
function hiddenChange(c1: PublishedCell, c2: PublishedCell): Shown<number> {
  const privacy = [c1.percent, c2.percent].some((p) => 'symbol' in p && p.symbol !== '[z]');
  return { symbol: privacy ? '[c]' : '[z]', reason: 'not-both-waves' };
}

/** The raw counts behind a published cell: the total, a group or a derived group. */
function rawCell(b: Breakdown, key: string): Proportion {
  if (key === 'all') return b.total;
  return (b.groups.find((g) => g.key === key) ?? b.derived.find((d) => d.key === key))!.value;
}

/** Every cell of a published breakdown, total first. */
const cellsOf = (p: PublishedBreakdown): PublishedCell[] => [p.total, ...p.groups, ...p.derived];

/** A wave's interval: shown where its percentage is, else hidden with the percentage's own symbol and reason. */
function roundedInterval(
  cell: PublishedCell,
  estimate: PercentEstimate,
): Shown<{ lower: number; upper: number }> {
  if (!('value' in cell.percent)) return cell.percent;
  if (!estimate.interval) return { symbol: '[z]', reason: 'no-pupils' };
  return {
    value: {
      lower: Math.round(estimate.interval.lower),
      upper: Math.round(estimate.interval.upper),
    },
  };
}

/**
 * Time 1 against Time 2 for an indicator by one characteristic (repeated cross-sections): each wave
 * published under disclosure control, and the change, its significance (two-proportion test) and
 * the Wilson intervals shown only for groups whose figures are shown at **both** waves (D7).
 *
 * @example
 * const { groups } = publishChange(baseline, end, 'victimisation.frequent', 'sen', { viewer: 'school' });
 * groups.find((g) => g.key === 'any-sen');
 * // { time1: { percent: { value: 31 } … }, time2: { percent: { value: 24 } … },
 * //   change: { value: -7 }, significant: true, direction: 'improved', … }
 */
export function publishChange(
  time1: PupilSummary,
  time2: PupilSummary,
  indicator: string,
  dimension: Dimension | 'all',
  options: PublishOptions & { confidence?: number } = {},
): { indicator: string; dimension: Dimension | 'all'; groups: PublishedChange[]; notes: string[] } {
  if (time1.wave === time2.wave)
    throw new Error(`Both summaries are from the ${time1.wave} wave: give Time 1 and Time 2.`);
  const p1 = publishBreakdown(time1, indicator, dimension, options);
  const p2 = publishBreakdown(time2, indicator, dimension, options);
  const r1 = breakdown(time1, indicator, dimension);
  const r2 = breakdown(time2, indicator, dimension);
  const cells1 = cellsOf(p1);
  const cells2 = cellsOf(p2);
  const higherIsBetter = p1.higherIsBetter;
  const groups = cells1.map((c1, i): PublishedChange => {
    const c2 = cells2[i]!;
    const comparison = compareWaves(rawCell(r1, c1.key), rawCell(r2, c2.key), {
      higherIsBetter,
      confidence: options.confidence,
    });
    const both = 'value' in c1.percent && 'value' in c2.percent;
    return {
      key: c1.key,
      time1: c1,
      time2: c2,
      change:
        both && comparison.change !== null
          ? { value: Math.round(comparison.change) }
          : hiddenChange(c1, c2),
      intervals: {
        time1: roundedInterval(c1, comparison.time1),
        time2: roundedInterval(c2, comparison.time2),
      },
      significant: both ? comparison.significant : null,
      direction: both ? comparison.direction : null,
    };
  });
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  return {
    indicator,
    dimension,
    groups,
    notes: [
      ...new Set([
        ...p1.notes,
        ...p2.notes,
        ...notesFor(
          groups.map((g) => g.change),
          control,
        ),
      ]),
    ],
  };
}

/** One group of a school against the rest of its area. */
export interface PublishedComparison {
  key: string;
  school: PublishedCell;
  /** The rest of the area (the area without this school), published at the area's level. */
  comparator: PublishedCell;
  /** school − comparator in whole percentage points, where both are shown and a comparator is allowed. */
  difference: Shown<number>;
  /** Red, amber or green only where the difference is significant (and shown); otherwise null. */
  rag: RagRating | null;
  significant: boolean | null;
}

/**
 * A school against its LA or MAT for an indicator by one characteristic. The comparator is the rest
 * of the area (the area summary minus the school's), so the two groups are independent; it is shown
 * only when the area has at least `minSchoolsForComparator` other schools and the rest of the area
 * has at least k pupils (D6), and each side is published under disclosure control (the school at the
 * school's view, the comparator at `comparatorViewer`, default `trust`). Colours follow
 * `compareWithComparator`: only where the difference is significant.
 *
 * The rest of the area is `subtractSummary(area, school)`. When publishing many views of the same
 * school and area (every breakdown, every indicator), compute it once and pass it as `rest`; it is
 * checked to be of the same wave and to hold the area's schools without the school's.
 *
 * @example
 * const rest = subtractSummary(la, school);
 * for (const dimension of ['all', 'sex', 'sen'] as const)
 *   publishComparison(school, la, 'victimisation.frequent', dimension, { rest });
 */
export function publishComparison(
  school: PupilSummary,
  area: PupilSummary,
  indicator: string,
  dimension: Dimension | 'all',
  options: PublishOptions & {
    comparatorViewer?: ViewerLevel;
    confidence?: number;
    strongConfidence?: number;
    /** `subtractSummary(area, school)`, computed once by the caller; computed here when absent. */
    rest?: PupilSummary;
  } = {},
): {
  indicator: string;
  dimension: Dimension | 'all';
  allowed: ComparatorCheck;
  groups: PublishedComparison[];
  notes: string[];
} {
  if (school.wave !== area.wave)
    throw new Error('Compare a school with its area at the same wave.');
  const missingSchools = school.schools.filter((urn) => !area.schools.includes(urn));
  if (missingSchools.length > 0)
    throw new Error(`The area summary does not include school ${missingSchools.join(', ')}.`);
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const rest = options.rest ?? subtractSummary(area, school);
  if (options.rest) {
    const expected = area.schools.filter((urn) => !school.schools.includes(urn)).sort();
    const given = [...rest.schools].sort();
    if (rest.wave !== area.wave || expected.join() !== given.join())
      throw new Error(
        'The rest of the area given is not this area without this school: pass subtractSummary(area, school).',
      );
  }
  const allowed = comparatorAllowed(
    { schools: rest.schools.length, restOfAreaBase: breakdown(rest, indicator, 'all').total.base },
    control,
  );
  const mine = publishBreakdown(school, indicator, dimension, {
    control,
    viewer: options.viewer ?? 'school',
  });
  const theirs = publishBreakdown(rest, indicator, dimension, {
    control,
    viewer: options.comparatorViewer ?? 'trust',
  });
  const rs = breakdown(school, indicator, dimension);
  const rr = breakdown(rest, indicator, dimension);
  const a = cellsOf(mine);
  const b = cellsOf(theirs);
  const groups = a.map((cell, i): PublishedComparison => {
    const other = b[i]!;
    const shown = allowed.allowed && 'value' in cell.percent && 'value' in other.percent;
    const comparison = compareWithComparator(rawCell(rs, cell.key), rawCell(rr, cell.key), {
      higherIsBetter: mine.higherIsBetter,
      confidence: options.confidence,
      strongConfidence: options.strongConfidence,
    });
    const comparator = allowed.allowed
      ? other
      : {
          key: other.key,
          base: hiddenComparator,
          count: hiddenComparator,
          percent: hiddenComparator,
        };
    return {
      key: cell.key,
      school: cell,
      comparator,
      difference:
        shown && comparison.difference !== null
          ? { value: Math.round(comparison.difference) }
          : hiddenComparator,
      rag: shown ? comparison.rag : null,
      significant: shown ? comparison.significant : null,
    };
  });
  const notes = [
    ...new Set([...mine.notes, ...(allowed.allowed ? theirs.notes : [allowed.reason])]),
  ];
  return { indicator, dimension, allowed, groups, notes };
}

const hiddenComparator = { symbol: '[x]' as const, reason: 'complementary' as const };
