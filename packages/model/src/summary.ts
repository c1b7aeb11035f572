import * as z from 'zod';
import { Ethnicity, SenStatus, Sex, YearGroup, YesNoUnknown } from './characteristics.js';
import { IndicatorDirection, IndicatorKey, IndicatorPopulation } from './questionnaire.js';
import { SchoolPhase } from './organisations.js';
import { Wave } from './round.js';
import { LocalisedText } from './text.js';

/**
 * The characteristics every pupil indicator is broken down by (domain.md §5, §7). `phase` comes
 * from the school, the rest from each response's characteristics. Looked-after, young carer and
 * ethnicity normally come from the school's records (linked mode): a self-report response leaves
 * them "not known". Never crossed with each other below trust or LA level.
 */
export const Dimension = z.enum([
  'sex',
  'yearGroup',
  'phase',
  'sen',
  'fsm',
  'eal',
  'lookedAfter',
  'youngCarer',
  'ethnicity',
]);
export type Dimension = z.infer<typeof Dimension>;

/** Every dimension, in display order. */
export const DIMENSIONS: readonly Dimension[] = Dimension.options;

/** A characteristic's values with `unknown` (not given) before "prefer not to say". */
const withUnknown = (values: readonly string[]) => {
  const known = values.filter((v) => v !== 'unknown' && v !== 'prefer-not-to-say');
  return [...known, 'unknown', 'prefer-not-to-say'];
};

/**
 * The groups of each dimension, in display order, from the model's own value sets. Values not
 * given count as `unknown`.
 */
export const DIMENSION_GROUPS: Readonly<Record<Dimension, readonly string[]>> = {
  sex: withUnknown(Sex.options),
  yearGroup: withUnknown(YearGroup.options),
  phase: [...SchoolPhase.options, 'unknown'],
  sen: withUnknown(SenStatus.options),
  fsm: withUnknown(YesNoUnknown.options),
  eal: withUnknown(YesNoUnknown.options),
  lookedAfter: withUnknown(YesNoUnknown.options),
  youngCarer: withUnknown(YesNoUnknown.options),
  ethnicity: withUnknown(Ethnicity.options),
};

/** Groups shown beside a dimension's own that are sums of them: any SEND = EHC plan + SEN support. */
export const DERIVED_GROUPS: Readonly<
  Partial<Record<Dimension, readonly { key: string; of: readonly string[] }[]>>
> = {
  sen: [{ key: 'any-sen', of: ['E', 'K'] }],
};

/**
 * What a group is for, when complementary suppression must hide one more figure to protect a small
 * group: `expendable` ("Prefer not to say", "Not known") are hidden first, then the largest
 * `complement` (pupils without SEND, not on free school meals), then `ordinary` groups (smallest
 * first), and `focus` groups — the programme's reason for being (SEND, FSM, and the looked-after
children and young carers it names) — last. domain.md §7.
 */
export const GroupRole = z.enum(['expendable', 'complement', 'ordinary', 'focus']);
export type GroupRole = z.infer<typeof GroupRole>;

const roles = (dimension: Dimension, special: Record<string, GroupRole>) =>
  Object.fromEntries(
    [...DIMENSION_GROUPS[dimension], ...(DERIVED_GROUPS[dimension] ?? []).map((d) => d.key)].map(
      (g) => [
        g,
        special[g] ?? (g === 'unknown' || g === 'prefer-not-to-say' ? 'expendable' : 'ordinary'),
      ],
    ),
  ) as Record<string, GroupRole>;

/** The role of every group of every dimension (declared data, read by disclosure control). */
export const GROUP_ROLES: Readonly<Record<Dimension, Readonly<Record<string, GroupRole>>>> = {
  sex: roles('sex', {}),
  yearGroup: roles('yearGroup', {}),
  phase: roles('phase', {}),
  sen: roles('sen', { E: 'focus', K: 'focus', 'any-sen': 'focus', N: 'complement' }),
  fsm: roles('fsm', { yes: 'focus', no: 'complement' }),
  eal: roles('eal', { no: 'complement' }),
  lookedAfter: roles('lookedAfter', { yes: 'focus', no: 'complement' }),
  youngCarer: roles('youngCarer', { yes: 'focus', no: 'complement' }),
  // The largest group in England: hidden before a minority group when one more must go.
  ethnicity: roles('ethnicity', { white: 'complement' }),
};

const Count = z.number().int().min(0);
const SignedNumber = z.number().finite();

/** The dimensions added after summaries were first stored (format 2). */
const LATER_DIMENSIONS = ['lookedAfter', 'youngCarer', 'ethnicity'] as const;

/**
 * A summary stored before a dimension existed counted nobody in it: read it as everyone "not
 * known" there (the truth of what it recorded), so its groups still add up to `all` and
 * disclosure control sees no hidden residual that is not there.
 */
const withLaterDimensions = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const m = value as Record<string, unknown>;
  if (typeof m.all !== 'number' || LATER_DIMENSIONS.every((d) => d in m)) return value;
  const missing = LATER_DIMENSIONS.filter((d) => !(d in m));
  return {
    ...m,
    ...Object.fromEntries(missing.map((d) => [d, m.all === 0 ? {} : { unknown: m.all }])),
  };
};

/** Counts per group of every dimension, plus `all`. Zeros are left out. */
export const Marginal = z.preprocess(
  withLaterDimensions,
  z.strictObject({
    all: Count,
    sex: z.record(z.string(), Count),
    yearGroup: z.record(z.string(), Count),
    phase: z.record(z.string(), Count),
    sen: z.record(z.string(), Count),
    fsm: z.record(z.string(), Count),
    eal: z.record(z.string(), Count),
    lookedAfter: z.record(z.string(), Count),
    youngCarer: z.record(z.string(), Count),
    ethnicity: z.record(z.string(), Count),
  }),
);
export type Marginal = z.infer<typeof Marginal>;

/** Sums (of scores, of squared scores) per group: whole numbers in the score's `unit`. */
export const SumMarginal = z.preprocess(
  withLaterDimensions,
  z.strictObject({
    all: SignedNumber,
    sex: z.record(z.string(), SignedNumber),
    yearGroup: z.record(z.string(), SignedNumber),
    phase: z.record(z.string(), SignedNumber),
    sen: z.record(z.string(), SignedNumber),
    fsm: z.record(z.string(), SignedNumber),
    eal: z.record(z.string(), SignedNumber),
    lookedAfter: z.record(z.string(), SignedNumber),
    youngCarer: z.record(z.string(), SignedNumber),
    ethnicity: z.record(z.string(), SignedNumber),
  }),
);
export type SumMarginal = z.infer<typeof SumMarginal>;

/**
 * What an indicator means, copied from its definition's declaration so that results can word it,
 * say of whom a percentage is and colour a change without knowing any item.
 */
export const IndicatorInfo = z.strictObject({
  kind: z.enum(['binary', 'score']),
  direction: IndicatorDirection,
  population: IndicatorPopulation,
  label: LocalisedText,
  /** Where it comes from: the declared indicator (or scale), and for per-option ones the option. */
  source: z.string(),
  /**
   * How it relates to the other indicators of the same answers, which disclosure control must know
   * (a figure of one can give away a hidden figure of another): indicators with the same `id` count
   * the same pupils as answering. `cut-off`: yes at a score of `at` or more (so "frequently" is
   * within "at least once"); `option`: one answer of a single choice (the options add up to those
   * who answered); `any-of`: one option of a multi-select (`exclusive`: chosen alone, like "no
   * one"); `all-of`: yes when every one of `of` is; `score`: a scale or composite.
   */
  family: z.strictObject({
    id: z.string(),
    kind: z.enum(['cut-off', 'option', 'any-of', 'all-of', 'score']),
    at: z.number().optional(),
    exclusive: z.boolean().optional(),
    of: z.array(IndicatorKey).optional(),
  }),
});
export type IndicatorInfo = z.infer<typeof IndicatorInfo>;

/**
 * A yes/no indicator's counts: how many said yes, of how many answered; "Prefer not to say" (an
 * option declared missing) and skipped (shown the question, gave no answer) counted apart.
 */
export const BinaryCounts = z.strictObject({
  yes: Marginal,
  answered: Marginal,
  missing: Marginal,
  skipped: Marginal,
});
export type BinaryCounts = z.infer<typeof BinaryCounts>;

/**
 * A score's counts (wellbeing scale, feelings composite): n, the sums for the mean and its spread,
 * bands and pupils who answered too little to score. Sums are whole numbers of `1 / unit`, so a
 * prorated score (10 ÷ 9 of a sum) is kept exactly, unrounded, and summaries still merge exactly.
 */
export const ScoreCounts = z.strictObject({
  unit: z.int().min(1),
  n: Marginal,
  sum: SumMarginal,
  sumSquares: SumMarginal,
  bands: z.record(z.string(), Marginal),
  noScore: Marginal,
});
export type ScoreCounts = z.infer<typeof ScoreCounts>;

/**
 * A summary of pupil responses: counts only, never a pupil's row. Summaries of schools merge into
 * trust, LA and national summaries (associatively), but only summaries of definitions that are
 * `comparableAs` each other: KS1 is never added to KS2/secondary. Every figure is published
 * through disclosure control before anyone sees it.
 */
export const PupilSummary = z.strictObject({
  kind: z.literal('pupil-summary'),
  format: z.literal(2),
  wave: Wave,
  /** Which definitions' answers may be added together; null for the summary of nobody. */
  comparableAs: z.string().nullable(),
  /** URNs of the schools whose pupils are counted. */
  schools: z.array(z.string()),
  /** `id@version` of every definition answered. */
  definitions: z.array(z.string()),
  respondents: Marginal,
  info: z.record(IndicatorKey, IndicatorInfo),
  binary: z.record(IndicatorKey, BinaryCounts),
  scores: z.record(IndicatorKey, ScoreCounts),
});
export type PupilSummary = z.infer<typeof PupilSummary>;
