import * as z from 'zod';
import { Rating, VulnerableGroup } from './audit.js';
import { DefinitionId, IsoDate, IsoDateTime, RecordId, StatementId, Urn } from './ids.js';
import { EvidenceNote } from './response.js';
import { PlainText } from './text.js';

/** An action's progress. */
export const ActionStatus = z.enum(['not-started', 'in-progress', 'done', 'dropped']);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** Who owns an action: a role, not a person's name (data minimisation). */
export const OwnerRole = z.enum([
  'headteacher',
  'senior-leader',
  'anti-bullying-lead',
  'sendco',
  'designated-safeguarding-lead',
  'pshe-lead',
  'class-teachers',
  'support-staff',
  'lunchtime-staff',
  'governors',
  'pupil-council',
  'parents-forum',
  'other',
]);
export type OwnerRole = z.infer<typeof OwnerRole>;

const Text = (max: number) => PlainText(max);
const Required = (max: number, what: string) => PlainText(max).min(1, `${what} must not be empty.`);

/** A statement the plan should address, seeded from a Partially or Not yet met rating. */
export const Priority = z.strictObject({
  statement: StatementId,
  rating: Rating,
  groups: z.array(VulnerableGroup).default([]),
});
export type Priority = z.infer<typeof Priority>;

/** A questionnaire indicator that measures an objective, for example frequent victimisation. */
export const IndicatorMeasure = z.strictObject({
  definition: DefinitionId,
  /**
   * A scoring indicator key as `@all-together/scoring` names it (a key of a summary's `info`), for
   * example `victimisation.frequent`, `feelings.composite`, `scale.wellbeing` or `sen.E`.
   */
  indicator: z
    .string()
    .max(160, 'An indicator key is at most 160 characters.')
    .regex(
      /^[a-z][a-z0-9]*(?:[-_.][A-Za-z0-9]+)*$/,
      'An indicator key is lower-case words joined by - _ or ., for example "victimisation.frequent".',
    ),
  /** What the school aims for, in words ("fewer than 20% frequently bullied"). */
  target: Text(300).optional(),
});
export type IndicatorMeasure = z.infer<typeof IndicatorMeasure>;

/** An objective with SMART success criteria, linked to audit statements. */
export const Objective = z.strictObject({
  id: RecordId,
  title: Required(300, 'An objective title'),
  statements: z.array(StatementId).min(1, 'Link the objective to at least one statement.'),
  success: z.strictObject({
    specific: Required(1000, 'What will change'),
    measurable: Required(1000, 'How it will be measured'),
    achievable: Text(1000).default(''),
    relevant: Text(1000).default(''),
    timeBound: IsoDate,
  }),
  measure: IndicatorMeasure.optional(),
});
export type Objective = z.infer<typeof Objective>;

/** An action towards an objective. */
export const Action = z
  .strictObject({
    id: RecordId,
    objective: RecordId,
    description: Required(1000, 'An action'),
    ownerRole: OwnerRole,
    startDate: IsoDate,
    deadline: IsoDate,
    status: ActionStatus.default('not-started'),
    resources: Text(1000).default(''),
    evidence: z.array(EvidenceNote).default([]),
    reviewNotes: Text(2000).default(''),
  })
  .refine((a) => a.deadline >= a.startDate, {
    message: 'The deadline is before the start date.',
    path: ['deadline'],
  });
export type Action = z.infer<typeof Action>;

/** A termly review of the plan. */
export const PlanReview = z.strictObject({
  id: RecordId,
  date: IsoDate,
  reviewerRole: OwnerRole,
  summary: Required(4000, 'A review summary'),
});
export type PlanReview = z.infer<typeof PlanReview>;

/** A school's action plan: priorities from the audit, objectives, actions and reviews. */
export const ActionPlan = z
  .strictObject({
    id: RecordId,
    school: Urn,
    priorities: z.array(Priority).default([]),
    objectives: z.array(Objective).default([]),
    actions: z.array(Action).default([]),
    reviews: z.array(PlanReview).default([]),
    updatedAt: IsoDateTime,
  })
  .superRefine((plan, ctx) => {
    const objectives = new Set(plan.objectives.map((o) => o.id as string));
    plan.actions.forEach((a, i) => {
      if (!objectives.has(a.objective)) {
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'objective'],
          message: 'This action belongs to an objective that is not in the plan.',
        });
      }
    });
    const ids = [...plan.objectives, ...plan.actions, ...plan.reviews].map((r) => r.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['id'], message: `Id ${id} is used twice.` });
    });
  });
export type ActionPlan = z.infer<typeof ActionPlan>;
