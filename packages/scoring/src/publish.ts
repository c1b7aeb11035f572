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
} from './disclosure.js';
import { breakdown, scoreBreakdown, type Dimension, type PupilSummary } from './summary.js';

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
    const valueVisibility = isTotal ? values.total : values.groups[key]!;
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
