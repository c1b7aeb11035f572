import * as z from 'zod';

/** The outcomes of the programme, lowest first. */
export const AwardLevel = z.enum(['participation', 'bronze', 'silver', 'gold']);
export type AwardLevel = z.infer<typeof AwardLevel>;

const percent = z.number().min(0).max(100);

/**
 * The award criteria (domain.md §4). Every threshold is configurable; `AwardRules.parse({})` gives the
 * programme's defaults. The tenant (LA, MAT or programme) owns the real criteria.
 */
export const AwardRules = z.strictObject({
  eligibility: z
    .strictObject({
      minActions: z.int().min(0).default(3),
      actionsNeedOwnerAndDeadline: z.boolean().default(true),
      minEvidencePerArea: z.int().min(0).default(1),
    })
    .default({ minActions: 3, actionsNeedOwnerAndDeadline: true, minEvidencePerArea: 1 }),
  bronze: z
    .strictObject({ minOverall: percent.default(50), minArea: percent.default(25) })
    .default({ minOverall: 50, minArea: 25 }),
  silver: z
    .strictObject({
      minOverall: percent.default(70),
      /** Overall end − baseline, in percentage points. */
      minGain: z.number().min(-100).max(100).default(10),
      minActionsDone: percent.default(75),
    })
    .default({ minOverall: 70, minGain: 10, minActionsDone: 75 }),
  gold: z
    .strictObject({
      minOverall: percent.default(85),
      minArea: percent.default(70),
      /** Frequent victimisation not higher beyond its 95% interval (all, SEND, FSM where reportable). */
      pupilOutcomesNotWorse: z.boolean().default(true),
      wellbeingNotWorse: z.boolean().default(true),
    })
    .default({ minOverall: 85, minArea: 70, pupilOutcomesNotWorse: true, wellbeingNotWorse: true }),
});
export type AwardRules = z.infer<typeof AwardRules>;

/**
 * A reason as a key and the values it fills in, so an interface can word it in its own language.
 * Params are whole or rounded numbers and short strings (a comma-separated list of area numbers).
 */
export const AwardMessage = z.strictObject({
  /** A stable message key, for example `outcomeHidden`. */
  key: z
    .string()
    .regex(/^[a-z][A-Za-z0-9]*$/, 'A message key is camelCase, for example "overall".'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type AwardMessage = z.infer<typeof AwardMessage>;

/** One criterion of a recommendation: met or not, with the figures behind it. */
export const AwardCriterion = z.strictObject({
  /** A stable key, for example `silver.min-gain`. */
  id: z.string().min(1),
  /** The level this criterion belongs to (`participation` for eligibility). */
  level: AwardLevel,
  met: z.boolean(),
  /** The figure found, when there is one (a percentage, a count). */
  actual: z.union([z.number(), z.boolean(), z.null()]),
  /** The figure required. */
  required: z.union([z.number(), z.boolean(), z.null()]),
  /** A plain-English reason, for example "Overall 72%, needs at least 70%". */
  reason: z.string().min(1),
  /**
   * The same reason, machine-readable, for a translated interface: a stable `key` (for example
   * `overall`) and the figures it fills in. Figures are already rounded and pass disclosure
   * control exactly as `reason` does. Optional: older recommendations have `reason` only.
   */
  message: AwardMessage.optional(),
});
export type AwardCriterion = z.infer<typeof AwardCriterion>;

/**
 * A recommendation for moderation, never a bare label: the level the evidence supports and every
 * criterion with the figures behind it. The LA, MAT or programme confirms it.
 */
export const AwardRecommendation = z.strictObject({
  level: AwardLevel,
  status: z.literal('recommended-for-moderation'),
  criteria: z.array(AwardCriterion),
  rules: AwardRules,
});
export type AwardRecommendation = z.infer<typeof AwardRecommendation>;
