import * as z from 'zod';
import { OutcomeGroup } from './award.js';
import { ViewerLevel } from './disclosure.js';
import { SuppressionReason } from './published.js';
import { IndicatorKey } from './questionnaire.js';
import { Wave } from './round.js';

/**
 * A school's own census figures, which are public (the school census, "Get information about
 * schools"): how many pupils are on roll and what share of them have SEND (EHC plan or SEN support)
 * and are eligible for free school meals, in percent (0–100). Any of them may be unknown (`null`).
 * The name, when given, breaks ties in a ranking before the id does.
 */
export const SchoolCensus = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1).optional(),
  numberOnRoll: z.int().min(0).nullable(),
  sendPercent: z.number().min(0).max(100).nullable(),
  fsmPercent: z.number().min(0).max(100).nullable(),
});
export type SchoolCensus = z.infer<typeof SchoolCensus>;

/** A published figure as used: how many answered, how many said yes, the whole percentage. */
export const TargetFigureValue = z.strictObject({
  count: z.int().min(0),
  base: z.int().min(1),
  percent: z.int().min(0).max(100),
});
export type TargetFigureValue = z.infer<typeof TargetFigureValue>;

const where = {
  /** The pool (`comparableAs`): KS1 and KS2/secondary are never added together. */
  pool: z.string(),
  /** The latest wave at which the school's answers are published in this pool. */
  wave: Wave,
  indicator: IndicatorKey,
  /** Pupils with SEND (any SEND), on free school meals, or all pupils. */
  group: OutcomeGroup,
};

/**
 * One figure a targeting decision rests on:
 *
 * - `compared`: the school's published figure against the rest of its area at the same wave. The
 *   rest is the area's published figure minus the school's (`area-minus-school`, both rounded as
 *   published) or the comparator of the school's published comparison table (`comparison`).
 *   `difference` is school − rest in whole percentage points; `excess` is how many points worse
 *   (0 when not worse); `evidence` is `strong` (significantly worse at the strong level, 99.8% by
 *   default), `significant` (at 95% only), `not-significant`, or `better` (significantly better);
 *   `weight` is the school's share of the group over the area's average share (1 for all pupils, and
 *   when a share is unknown); `contribution` = excess × evidence factor × weight.
 * - `hidden`: the school's figure is hidden to protect privacy (`reason`); never ranked on.
 * - `no-pupils`: nobody of the group answered.
 * - `not-comparable`: the school's figure is shown (`school`) but the rest of the area is too small
 *   (`area-too-small`: fewer than the minimum schools with at least k pupils, or fewer than k pupils
 *   outside the school), its figure is hidden (`rest-hidden`), or it has too few pupils for a
 *   percentage (`rest-too-small`).
 */
export const TargetFigure = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('compared'),
    ...where,
    source: z.enum(['area-minus-school', 'comparison']),
    school: TargetFigureValue,
    rest: TargetFigureValue,
    difference: z.int().min(-100).max(100),
    excess: z.int().min(0).max(100),
    evidence: z.enum(['strong', 'significant', 'not-significant', 'better']),
    /** The school's census share of the group (percent), or null (unknown, or all pupils). */
    share: z.number().min(0).max(100).nullable(),
    /** The area's average share of the group (percent), or null. */
    areaShare: z.number().min(0).max(100).nullable(),
    weight: z.number().min(0),
    contribution: z.number().min(0),
  }),
  z.strictObject({ status: z.literal('hidden'), ...where, reason: SuppressionReason }),
  z.strictObject({ status: z.literal('no-pupils'), ...where }),
  z.strictObject({
    status: z.literal('not-comparable'),
    ...where,
    school: TargetFigureValue,
    why: z.enum(['area-too-small', 'rest-hidden', 'rest-too-small']),
  }),
]);
export type TargetFigure = z.infer<typeof TargetFigure>;

/** A school of the "where to target support" list: its rank, score and reasons in plain English. */
export const SupportTarget = z.strictObject({
  id: z.string(),
  /** 1 is the school to support first; every school has its own rank (ties broken by name, then id). */
  rank: z.int().min(1),
  /** The sum of its figures' contributions, to one decimal place; 0 when nothing is significantly worse. */
  score: z.number().min(0),
  /** Plain English, most important first; no figure a viewer of the publication could not see. */
  reasons: z.array(z.string()),
  /** Every figure the score and reasons rest on. */
  basis: z.array(TargetFigure),
});
export type SupportTarget = z.infer<typeof SupportTarget>;

/** A school with no figure that can be compared with the rest of its area ("not enough data"). */
export const UnrankedSchool = z.strictObject({
  id: z.string(),
  reasons: z.array(z.string()),
  basis: z.array(TargetFigure),
});
export type UnrankedSchool = z.infer<typeof UnrankedSchool>;

/** Where an LA or trust should target support first, from published figures only. */
export const TargetSupport = z.strictObject({
  kind: z.literal('target-support'),
  indicator: IndicatorKey,
  viewer: ViewerLevel,
  /** The area's average share of pupils with SEND and on free school meals (percent), from the census. */
  area: z.strictObject({
    sendPercent: z.number().min(0).max(100).nullable(),
    fsmPercent: z.number().min(0).max(100).nullable(),
  }),
  /** Ranked: `schools[0]` has rank 1. */
  schools: z.array(SupportTarget),
  /** Schools with nothing to compare, each with its reasons. */
  notRanked: z.array(UnrankedSchool),
  /** Why no school can be ranked at all (the area is too small), or null. */
  reason: z.string().nullable(),
});
export type TargetSupport = z.infer<typeof TargetSupport>;
