/**
 * TRANSITIONAL — remove when the demo passes a published `AwardRecommendation` to
 * `<at-action-plan>` (its `award` property) or shows `<at-award-readiness>` itself.
 *
 * Builds the award recommendation from the inputs `<at-action-plan>` took before it stopped
 * computing the award (`baselineQuestionnaire`, `endQuestionnaire`, `pupilOutcomes`, `wellbeing`,
 * `awardRules`), with scoring's `recommendAward`, so a host that has not moved yet keeps working.
 * A programme rule belongs in scoring and on the server (style.md "One rule, one place"); this
 * file only keeps the old property contract alive for one release.
 *
 * @module
 * @deprecated Pass `award` (an `AwardRecommendation`) instead.
 */
import * as z from 'zod';
import {
  AwardRules,
  fromZodError,
  type ActionPlan,
  type AuditDefinition,
  type AuditResponse,
  type AwardRecommendation,
  type Problem,
} from '@all-together/model';
import { recommendAward, scoreAudit, type OutcomeComparison } from '@all-together/scoring';
import { evidencePerArea } from './plan-edit.js';

const Proportion = z
  .object({ count: z.int().min(0), base: z.int().min(0) })
  .refine((p) => p.count <= p.base, { message: 'The count is above the base.', path: ['count'] });
const MeanStat = z.object({ n: z.int().min(0), sum: z.number(), sumSquares: z.number().min(0) });
const Respondents = z.object({ respondents: z.int().min(0) }).nullable();
const PupilOutcomes = z.array(
  z.object({ group: z.enum(['all', 'send', 'fsm']), baseline: Proportion, end: Proportion }),
);
const Wellbeing = z.object({ baseline: MeanStat, end: MeanStat, higherIsBetter: z.boolean() });

/** The award inputs `<at-action-plan>` used to take (all optional). */
export interface LegacyAwardInputs {
  readonly baselineQuestionnaire?: unknown;
  readonly endQuestionnaire?: unknown;
  readonly pupilOutcomes?: unknown;
  readonly wellbeing?: unknown;
  readonly awardRules?: unknown;
}

/**
 * The recommendation from the old inputs, and whether any of them was invalid (each invalid
 * input is reported on the console with its paths and left out).
 *
 * @deprecated Pass `award` to `<at-action-plan>` instead.
 */
export function legacyAward(
  definition: AuditDefinition,
  plan: ActionPlan,
  audits: { baseline?: AuditResponse; latest?: AuditResponse },
  inputs: LegacyAwardInputs,
  report: (what: string, problems: readonly Problem[]) => void,
): { award: AwardRecommendation | undefined; invalid: boolean } {
  let invalid = false;
  const parse = <T>(schema: z.ZodType<T>, value: unknown, what: string, empty: T): T => {
    if (value === undefined || value === null) return empty;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    invalid = true;
    report(what, fromZodError(result.error));
    return empty;
  };
  const baseline =
    audits.baseline ?? (audits.latest?.wave === 'baseline' ? audits.latest : undefined);
  const end = audits.latest?.wave === 'end' ? audits.latest : undefined;
  const rules = parse(AwardRules, inputs.awardRules, 'awardRules', AwardRules.parse({}));
  const wellbeing = parse(Wellbeing.optional(), inputs.wellbeing, 'wellbeing', undefined);
  try {
    const award = recommendAward(
      {
        baselineAudit: baseline ? scoreAudit(definition, baseline) : null,
        endAudit: end ? scoreAudit(definition, end) : null,
        baselineQuestionnaire: parse(
          Respondents,
          inputs.baselineQuestionnaire,
          'baselineQuestionnaire',
          null,
        ),
        endQuestionnaire: parse(Respondents, inputs.endQuestionnaire, 'endQuestionnaire', null),
        plan,
        evidencePerArea: evidencePerArea(definition, plan, end),
        pupilOutcomes: parse(
          PupilOutcomes,
          inputs.pupilOutcomes,
          'pupilOutcomes',
          [],
        ) as OutcomeComparison[],
        ...(wellbeing ? { wellbeing } : {}),
      },
      rules,
    );
    return { award, invalid };
  } catch (error) {
    console.error(`<at-action-plan>: the award inputs are not valid: ${String(error)}`);
    return { award: undefined, invalid: true };
  }
}
