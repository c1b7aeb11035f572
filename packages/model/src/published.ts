import * as z from 'zod';
import { DisclosureControl, SuppressionSymbol, ViewerLevel } from './disclosure.js';
import { IndicatorKey } from './questionnaire.js';
import { Wave } from './round.js';
import { Dimension, IndicatorInfo } from './summary.js';

/**
 * Why a figure is not shown as a number, and so which note goes beside it:
 *
 * - `base`: the group has fewer than k pupils (default 10): the group's size is 1 to k − 1;
 * - `total`: the whole table rests on fewer than k pupils;
 * - `complementary`: hidden so that another hidden figure cannot be worked out from the ones shown;
 * - `small-base`: fewer than the minimum base for a percentage (default 20) answered: the number who
 *   answered is shown, how many said yes (and the percentage, the mean) is not;
 * - `rounds-to-zero` (`[low]`): more than 0 but fewer than half the rounding base (1 or 2 pupils when
 *   figures are rounded to 5 outside the school's own view);
 * - `no-pupils` (`[z]`): nobody is in the group, so there is nothing to show;
 * - `not-both-waves`: a change is shown only where the figure is shown at both the start and the end;
 * - `no-comparator` (`[x]`): the rest of the trust or LA is too small to compare with (fewer than 3
 *   schools each with at least k pupils, or fewer than k pupils outside this school).
 */
export const SuppressionReason = z.enum([
  'base',
  'total',
  'complementary',
  'small-base',
  'rounds-to-zero',
  'no-pupils',
  'not-both-waves',
  'no-comparator',
]);
export type SuppressionReason = z.infer<typeof SuppressionReason>;

/** A hidden figure: a GSS symbol and the reason (never 0, never empty). */
export const Hidden = z.strictObject({ symbol: SuppressionSymbol, reason: SuppressionReason });
export type Hidden = z.infer<typeof Hidden>;

/** A published figure: its value, or a symbol with the reason it is hidden. */
export type Shown<T> = { value: T } | Hidden;

const shown = <T extends z.ZodType>(value: T) => z.union([z.strictObject({ value }), Hidden]);

/** A number of people, as published: exact in the school's own view, rounded outside it. */
export const ShownCount = shown(z.int().min(0));
/** A whole-number percentage (0–100), rounded half up, or a symbol. */
export const ShownPercent = shown(z.int().min(0).max(100));
/** A change or difference in whole percentage points, or a symbol. */
export const ShownPoints = shown(z.int().min(-100).max(100));
/** A mean or standard deviation to one decimal place, or a symbol. */
export const ShownNumber = shown(z.number().finite());
/** A 95% interval in whole percentages, or a symbol. */
export const ShownInterval = shown(
  z.strictObject({ lower: z.int().min(0).max(100), upper: z.int().min(0).max(100) }),
);

/**
 * One published cell of a breakdown: how many answered (`base`), how many of them said yes
 * (`count`), the percentage and its 95% interval. Outside the school's own view every figure is
 * computed from the rounded count and base, so together they say no more than those two do.
 */
export const PublishedCell = z.strictObject({
  key: z.string(),
  base: ShownCount,
  count: ShownCount,
  percent: ShownPercent,
  interval: ShownInterval,
});
export type PublishedCell = z.infer<typeof PublishedCell>;

const BreakdownDimension = z.union([Dimension, z.literal('all')]);

/** A yes/no indicator by one characteristic, ready to leave the server or to render. */
export const PublishedBreakdown = z.strictObject({
  indicator: IndicatorKey,
  dimension: BreakdownDimension,
  total: PublishedCell.extend({
    /** "Prefer not to say" (and other options declared missing). */
    missing: ShownCount,
    /** Shown the question but gave no answer. */
    skipped: ShownCount,
  }),
  groups: z.array(PublishedCell),
  /** Sums of groups, such as any SEND (EHC plan + SEN support). */
  derived: z.array(PublishedCell),
  /** Each reason a figure of this table is hidden, once, for its note (`PublishedResults.notes`). */
  reasons: z.array(SuppressionReason),
});
export type PublishedBreakdown = z.infer<typeof PublishedBreakdown>;

/** One published cell of a score breakdown. */
export const PublishedScoreCell = z.strictObject({
  key: z.string(),
  n: ShownCount,
  /** One decimal place. */
  mean: ShownNumber,
  /** Sample standard deviation, one decimal place. */
  sd: ShownNumber,
  /** Whole-number percentage of scored pupils in each band. */
  bands: z.record(z.string(), ShownPercent),
});
export type PublishedScoreCell = z.infer<typeof PublishedScoreCell>;

/** A score (wellbeing, feelings composite) by one characteristic, ready to render. */
export const PublishedScoreBreakdown = z.strictObject({
  indicator: IndicatorKey,
  dimension: BreakdownDimension,
  total: PublishedScoreCell.extend({ noScore: ShownCount }),
  groups: z.array(PublishedScoreCell),
  derived: z.array(PublishedScoreCell),
  reasons: z.array(SuppressionReason),
});
export type PublishedScoreBreakdown = z.infer<typeof PublishedScoreBreakdown>;

/**
 * How a figure changed: `improved` / `worse` where the indicator declares a direction, `higher` /
 * `lower` where it declares none, `no-significant-change`, or `not-comparable`.
 */
export const ChangeDirection = z.enum([
  'improved',
  'worse',
  'higher',
  'lower',
  'no-significant-change',
  'not-comparable',
]);
export type ChangeDirection = z.infer<typeof ChangeDirection>;

/**
 * One group's Time 1 → Time 2 change, shown only where both waves are. The two waves' cells are in
 * the pool's `baseline` and `end` tables under the same key.
 */
export const PublishedChange = z.strictObject({
  key: z.string(),
  /** Time 2 − Time 1 in whole percentage points. */
  change: ShownPoints,
  significant: z.boolean().nullable(),
  direction: ChangeDirection.nullable(),
});
export type PublishedChange = z.infer<typeof PublishedChange>;

/** An indicator's Time 1 → Time 2 change by one characteristic. */
export const PublishedChangeTable = z.strictObject({
  indicator: IndicatorKey,
  dimension: BreakdownDimension,
  groups: z.array(PublishedChange),
  reasons: z.array(SuppressionReason),
});
export type PublishedChangeTable = z.infer<typeof PublishedChangeTable>;

/** Red, amber or green: only where a difference is significant, always with words. */
export const RagRating = z.enum(['green', 'amber', 'red']);
export type RagRating = z.infer<typeof RagRating>;

/** One group of a school against the rest of its trust or LA (the school's cell is in its wave). */
export const PublishedComparison = z.strictObject({
  key: z.string(),
  /** The rest of the area: the trust or LA without this school. */
  comparator: PublishedCell,
  /** school − comparator in whole percentage points. */
  difference: ShownPoints,
  rag: RagRating.nullable(),
  significant: z.boolean().nullable(),
  direction: ChangeDirection.nullable(),
});
export type PublishedComparison = z.infer<typeof PublishedComparison>;

/** An indicator of a school against the rest of its area, by one characteristic. */
export const PublishedComparisonTable = z.strictObject({
  /** The wave compared (the school's and the rest of the area's, at the same wave). */
  wave: Wave,
  indicator: IndicatorKey,
  dimension: BreakdownDimension,
  groups: z.array(PublishedComparison),
  reasons: z.array(SuppressionReason),
});
export type PublishedComparisonTable = z.infer<typeof PublishedComparisonTable>;

/** One wave of published pupil results. */
export const PublishedWave = z.strictObject({
  wave: Wave,
  respondents: ShownCount,
  binary: z.array(PublishedBreakdown),
  scores: z.array(PublishedScoreBreakdown),
});
export type PublishedWave = z.infer<typeof PublishedWave>;

/**
 * The results of definitions that may be added together (`comparableAs`): KS1 is one pool,
 * KS2 and secondary another. Never added to each other.
 */
export const PublishedPool = z.strictObject({
  comparableAs: z.string(),
  definitions: z.array(z.string()),
  indicators: z.record(IndicatorKey, IndicatorInfo),
  baseline: PublishedWave.nullable(),
  end: PublishedWave.nullable(),
  changes: z.array(PublishedChangeTable),
  /** Whether the rest of the area may be shown, at each wave compared, and why, in plain English. */
  comparator: z.partialRecord(Wave, z.strictObject({ allowed: z.boolean(), reason: z.string() })),
  comparisons: z.array(PublishedComparisonTable),
});
export type PublishedPool = z.infer<typeof PublishedPool>;

/**
 * Everything a viewer may see of a school's, trust's or LA's pupil results, published together
 * and protected together: no hidden figure in it can be worked out from the rest. What a server
 * sends to a browser; what `<at-results>` renders.
 */
export const PublishedResults = z.strictObject({
  kind: z.literal('published-results'),
  format: z.literal(1),
  viewer: ViewerLevel,
  control: DisclosureControl,
  /** The plain-English note for each reason used anywhere in `pools` (translate from the reason). */
  notes: z.partialRecord(SuppressionReason, z.string()),
  pools: z.array(PublishedPool),
});
export type PublishedResults = z.infer<typeof PublishedResults>;
