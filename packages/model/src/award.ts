import * as z from 'zod';
import { IndicatorKey } from './questionnaire.js';
import { Dimension } from './summary.js';

/** The outcomes of the programme, lowest first. */
export const AwardLevel = z.enum(['participation', 'bronze', 'silver', 'gold']);
export type AwardLevel = z.infer<typeof AwardLevel>;

const percent = z.number().min(0).max(100);

/** The pupil groups whose outcomes the award checks. */
export const OutcomeGroup = z.enum(['all', 'send', 'fsm']);
export type OutcomeGroup = z.infer<typeof OutcomeGroup>;

/**
 * The award criteria (domain.md §4, revised). Every threshold is configurable;
 * `AwardRules.parse({})` gives the programme's defaults, each with its reason in the scoring
 * package's README. The tenant (LA, MAT or programme) owns the real criteria.
 */
export const AwardRules = z.strictObject({
  eligibility: z
    .strictObject({
      minActions: z.int().min(0).default(3),
      actionsNeedOwnerAndDeadline: z.boolean().default(true),
      /** Pieces of evidence in every area (each counted once, wherever it was entered). */
      minEvidencePerArea: z.int().min(0).default(1),
      /** Words a piece of evidence's description needs to count ("x" is not evidence). */
      minEvidenceWords: z.int().min(1).default(5),
    })
    .default({
      minActions: 3,
      actionsNeedOwnerAndDeadline: true,
      minEvidencePerArea: 1,
      minEvidenceWords: 5,
    }),
  /** Both audits rate at least this share of statements Fully, Partially or Not yet met. */
  completeness: z.strictObject({ minDefinite: percent.default(90) }).default({ minDefinite: 90 }),
  /** Pupil outcomes, checked for every level. */
  outcomes: z
    .strictObject({
      /** The indicator of frequent victimisation (declared higher-is-worse in the definitions). */
      indicator: IndicatorKey.default('victimisation.frequent'),
      /** Each group's breakdown and group; `all` is the whole school. */
      groups: z
        .array(
          z.strictObject({
            id: OutcomeGroup,
            dimension: z.union([Dimension, z.literal('all')]),
            group: z.string(),
          }),
        )
        .default([
          { id: 'all', dimension: 'all', group: 'all' },
          { id: 'send', dimension: 'sen', group: 'any-sen' },
          { id: 'fsm', dimension: 'fsm', group: 'yes' },
        ]),
      /** The wellbeing score (no significant fall); none when the questionnaire has none. */
      wellbeing: IndicatorKey.default('scale.emotional-difficulties'),
      /**
       * A rise of at least this many percentage points that is not statistically significant is
       * not waved through: it needs the moderator's judgement.
       */
      noticeableRise: z.number().min(0).max(100).default(5),
      confidence: z.number().gt(0).lt(1).default(0.95),
    })
    .default({
      indicator: 'victimisation.frequent',
      groups: [
        { id: 'all', dimension: 'all', group: 'all' },
        { id: 'send', dimension: 'sen', group: 'any-sen' },
        { id: 'fsm', dimension: 'fsm', group: 'yes' },
      ],
      wellbeing: 'scale.emotional-difficulties',
      noticeableRise: 5,
      confidence: 0.95,
    }),
  bronze: z
    .strictObject({ minOverall: percent.default(50), minArea: percent.default(25) })
    .default({ minOverall: 50, minArea: 25 }),
  silver: z
    .strictObject({
      minOverall: percent.default(70),
      /** Overall end − baseline, in percentage points … */
      minGain: z.number().min(-100).max(100).default(10),
      /** … or an end overall at least this high (a strong school is never capped). */
      orMinOverall: percent.default(85),
      minActionsDone: percent.default(75),
      /** Stakeholder groups (staff, parents, governors, pupils) with published perception results. */
      minStakeholderGroups: z.int().min(0).default(2),
    })
    .default({
      minOverall: 70,
      minGain: 10,
      orMinOverall: 85,
      minActionsDone: 75,
      minStakeholderGroups: 2,
    }),
  gold: z
    .strictObject({
      minOverall: percent.default(85),
      minArea: percent.default(70),
      /** Every agreement gap of the baseline 360° improved by the end, or addressed in the plan. */
      gapsImprovedOrExplained: z.boolean().default(true),
    })
    .default({ minOverall: 85, minArea: 70, gapsImprovedOrExplained: true }),
});
export type AwardRules = z.infer<typeof AwardRules>;

/** Every criterion of a recommendation, by its stable id. */
export const AwardCriterionId = z.enum([
  'eligibility.baseline-audit',
  'eligibility.baseline-questionnaire',
  'eligibility.action-plan',
  'eligibility.end-audit',
  'eligibility.end-questionnaire',
  'eligibility.evidence',
  'bronze.complete-audits',
  'bronze.pupil-outcomes.all',
  'bronze.pupil-outcomes.send',
  'bronze.pupil-outcomes.fsm',
  'bronze.wellbeing',
  'bronze.min-overall',
  'bronze.min-area',
  'silver.min-overall',
  'silver.attainment',
  'silver.min-actions-done',
  'silver.perception',
  'gold.min-overall',
  'gold.every-area',
  'gold.agreement-gaps',
]);
export type AwardCriterionId = z.infer<typeof AwardCriterionId>;

/**
 * A criterion is met, not met, or needs the moderator's judgement: the figures cannot settle it
 * (a focus group too small to publish, a rise too small to test), so it is never met automatically.
 */
export const AwardCriterionStatus = z.enum(['met', 'not-met', 'needs-judgement']);
export type AwardCriterionStatus = z.infer<typeof AwardCriterionStatus>;

const Wave = z.enum(['baseline', 'end']);
const n = z.number();
const text = z.string();
const message = <K extends string, P extends z.ZodRawShape>(key: K, params: P) =>
  z.strictObject({ key: z.literal(key), params: z.strictObject(params) });

/**
 * A reason as a key and the values it fills in, so an interface can word it in its own language.
 * A discriminated union on `key`: each key has its own typed parameters. Numbers are already
 * rounded and pass disclosure control; lists are comma-separated.
 */
export const AwardMessage = z.discriminatedUnion('key', [
  message('auditMissing', { wave: Wave }),
  message('auditUnrated', { wave: Wave }),
  message('auditDone', { wave: Wave, overall: n }),
  message('auditsIncomplete', { min: n, baseline: n, end: n, statements: text, count: n }),
  message('auditsComplete', { min: n, baseline: n, end: n }),
  message('auditsMissing', { min: n }),
  message('questionnaireMissing', { wave: Wave }),
  message('questionnaireEmpty', { wave: Wave }),
  message('questionnaireFew', { wave: Wave, min: n }),
  message('questionnaireDone', { wave: Wave, count: n }),
  message('planMissing', { min: n }),
  message('planActions', { count: n, dropped: n, min: n }),
  message('evidenceNoAudit', { min: n }),
  message('evidenceMet', { fewest: n, min: n }),
  message('evidenceShort', { areas: text, count: n, min: n, notCounted: n, words: n }),
  message('overallMissing', { min: n }),
  message('overall', { overall: n, min: n }),
  message('areaMissing', { min: n }),
  message('areaMet', { min: n, area: n, lowest: n }),
  message('areaBelow', { min: n, below: text, count: n }),
  message('attainmentMissing', { minGain: n, orMin: n }),
  message('attainmentGain', { gain: n, from: n, to: n, minGain: n }),
  message('attainmentHigh', { overall: n, orMin: n }),
  message('attainmentShort', { gain: n, from: n, to: n, minGain: n, orMin: n }),
  message('actionsDoneNoPlan', { min: n }),
  message('actionsDoneNone', { min: n }),
  message('actionsDone', { done: n, count: n, dropped: n, percent: n, min: n }),
  message('perceptionGroups', { count: n, groups: text, min: n }),
  message('gapsNoPerception', {}),
  message('gapsNone', {}),
  message('gapsResolved', { count: n }),
  message('gapsOpen', { count: n, statements: text }),
  message('outcomeMissing', { group: OutcomeGroup }),
  message('outcomeHidden', { group: OutcomeGroup, pool: text }),
  message('outcomeNotWorse', { group: OutcomeGroup, pool: text, baseline: n, end: n }),
  message('outcomeRise', { group: OutcomeGroup, pool: text, baseline: n, end: n, rise: n }),
  message('outcomeWorse', { group: OutcomeGroup, pool: text, baseline: n, end: n }),
  message('wellbeingNotMeasured', {}),
  message('wellbeingHidden', { pool: text }),
  message('wellbeingNotWorse', {
    pool: text,
    baseline: n,
    end: n,
    better: z.enum(['higher', 'lower']),
  }),
  message('wellbeingWorse', {
    pool: text,
    baseline: n,
    end: n,
    better: z.enum(['higher', 'lower']),
  }),
]);
export type AwardMessage = z.infer<typeof AwardMessage>;
/** Every message key, for translation tables to cover and tests to loop over. */
export const AWARD_MESSAGE_KEYS = AwardMessage.options.map((o) => o.shape.key.value);
export type AwardMessageKey = AwardMessage['key'];

/** One criterion of a recommendation: met, not met or for judgement, with the figures behind it. */
export const AwardCriterion = z.strictObject({
  id: AwardCriterionId,
  /** The level this criterion belongs to (`participation` for eligibility). */
  level: AwardLevel,
  status: AwardCriterionStatus,
  /** True only when `status` is `met`. */
  met: z.boolean(),
  /** The figure found, when there is one and it may be published. */
  actual: z.union([z.number(), z.boolean(), z.null()]),
  /** The figure required. */
  required: z.union([z.number(), z.boolean(), z.null()]),
  /** A plain-English reason, for example "End audit overall 72%, needs at least 70%." */
  reason: z.string().min(1),
  /** The same reason, machine-readable, for a translated interface. */
  message: AwardMessage,
});
export type AwardCriterion = z.infer<typeof AwardCriterion>;

/**
 * A recommendation for moderation, never a bare label: the level the figures support, the level
 * they would support if the moderator judges every open criterion met, and every criterion with the
 * figures behind it. The LA, MAT or programme decides.
 */
export const AwardRecommendation = z.strictObject({
  level: AwardLevel,
  /** The level if every criterion that needs the moderator's judgement is judged met. */
  levelIfJudged: AwardLevel,
  /** The criteria the moderator must judge before the recommendation can stand. */
  needsJudgement: z.array(AwardCriterionId),
  status: z.literal('recommended-for-moderation'),
  criteria: z.array(AwardCriterion),
  rules: AwardRules,
});
export type AwardRecommendation = z.infer<typeof AwardRecommendation>;
