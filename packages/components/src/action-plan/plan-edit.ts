/**
 * Editing an action plan, as pure functions: no DOM, no element, no clock except where a caller
 * passes one. `<at-action-plan>` turns what is typed into its forms (`Values`, field name → text)
 * into candidate records with these, validates them with the model's schemas, and applies the
 * change; tests call them directly.
 *
 * @module
 */
import { Action, Objective, PlanReview, type ActionPlan } from '@all-together/model';
import type { z } from 'zod';

/** What is typed into one form: field name → text. */
export type Values = Readonly<Record<string, string>>;

/** A record being changed or deleted. */
export interface Target {
  readonly kind: 'objective' | 'action' | 'review';
  readonly id: string;
}

/** A problem with one field of a form, before it is put in words. */
export interface FieldIssue {
  /** The form's field name (`title`, `deadline`, `evidence-url`, …). */
  readonly field: string;
  /** zod's issue code (`too_big`, `custom`, `invalid_format`, …). */
  readonly code: string;
  /** The limit of a `too_big` issue. */
  readonly maximum?: number;
}

/** The result of reading a form: the valid record, or the problems in the form's field order. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** The list with `item` in place of the record with its id, or appended when there is none. */
export function upsert<T extends { readonly id: string }>(list: readonly T[], item: T): T[] {
  return list.some((r) => r.id === item.id)
    ? list.map((r) => (r.id === item.id ? item : r))
    : [...list, item];
}

/** The statement ids a form's `statements` field holds (space-separated). */
export const chosenStatements = (values: Values): string[] =>
  (values['statements'] ?? '').split(' ').filter(Boolean);

/** The statements field with `id` ticked or unticked. */
export function toggleStatement(values: Values, id: string, on: boolean): string {
  const next = new Set(chosenStatements(values));
  if (on) next.add(id);
  else next.delete(id);
  return [...next].join(' ');
}

/** One issue per field, in `order`, from zod's issues mapped to fields by `fieldOf`. */
function issuesOf(
  error: z.ZodError,
  fieldOf: (path: readonly PropertyKey[]) => string,
  order: readonly string[],
): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    if (out.some((e) => e.field === field)) continue;
    const maximum =
      issue.code === 'too_big' && 'maximum' in issue && typeof issue.maximum === 'number'
        ? issue.maximum
        : undefined;
    out.push({ field, code: issue.code, ...(maximum === undefined ? {} : { maximum }) });
  }
  return out.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** The fields of the objective form, in order. */
export const OBJECTIVE_FIELDS = [
  'title',
  'statements',
  'specific',
  'measurable',
  'achievable',
  'relevant',
  'time-bound',
  'measure',
  'measure-target',
] as const;

/**
 * An objective from its form. The measure is a choice from a labelled list, stored in the form as
 * "questionnaire indicator" (neither holds a space): nobody types an id.
 */
export function objectiveFrom(values: Values, id: string): Parsed<Objective> {
  const v = (k: string) => (values[k] ?? '').trim();
  const [definition = '', indicator = ''] = v('measure').split(' ');
  const candidate = {
    id,
    title: v('title'),
    statements: chosenStatements(values),
    success: {
      specific: v('specific'),
      measurable: v('measurable'),
      achievable: v('achievable'),
      relevant: v('relevant'),
      timeBound: values['time-bound'] ?? '',
    },
    ...(v('measure')
      ? {
          measure: {
            definition,
            indicator,
            ...(v('measure-target') ? { target: v('measure-target') } : {}),
          },
        }
      : {}),
  };
  const result = Objective.safeParse(candidate);
  if (result.success) return { ok: true, value: result.data };
  const fieldOf = (path: readonly PropertyKey[]) =>
    path[0] === 'success'
      ? String(path[1]) === 'timeBound'
        ? 'time-bound'
        : String(path[1])
      : path[0] === 'measure'
        ? String(path[1]) === 'target'
          ? 'measure-target'
          : 'measure'
        : String(path[0]);
  return { ok: false, issues: issuesOf(result.error, fieldOf, OBJECTIVE_FIELDS) };
}

/** The fields of the action form, in order. */
export const ACTION_FIELDS = [
  'description',
  'owner',
  'start',
  'deadline',
  'status',
  'resources',
  'evidence-kind',
  'evidence-note',
  'evidence-url',
] as const;

const ACTION_FIELD: Readonly<Record<string, string>> = { ownerRole: 'owner', startDate: 'start' };

/** A piece of evidence from a form's `evidence-kind`, `evidence-note` and `evidence-url` fields. */
function evidenceFrom(values: Values): { kind?: string; note: string; url?: string } {
  const kind = (values['evidence-kind'] ?? '').trim();
  const url = (values['evidence-url'] ?? '').trim();
  return {
    ...(kind ? { kind } : {}),
    note: (values['evidence-note'] ?? '').trim(),
    ...(url ? { url } : {}),
  };
}

const evidenceField = (path: readonly PropertyKey[]) =>
  path[2] === 'url' ? 'evidence-url' : path[2] === 'kind' ? 'evidence-kind' : 'evidence-note';

/**
 * An action from its form. A new action may carry a first piece of evidence (with its kind); a
 * changed one keeps its evidence and review notes (they have their own forms).
 */
export function actionFrom(
  values: Values,
  objective: string,
  id: string,
  existing?: Action,
): Parsed<Action> {
  const v = (k: string) => (values[k] ?? '').trim();
  const first = evidenceFrom(values);
  const result = Action.safeParse({
    id,
    objective,
    description: v('description'),
    ownerRole: values['owner'] ?? '',
    startDate: values['start'] ?? '',
    deadline: values['deadline'] ?? '',
    status: values['status'] || 'not-started',
    resources: v('resources'),
    evidence: existing ? existing.evidence : first.note || first.url || first.kind ? [first] : [],
    reviewNotes: existing?.reviewNotes ?? '',
  });
  if (result.success) return { ok: true, value: result.data };
  const fieldOf = (path: readonly PropertyKey[]) => {
    const head = String(path[0]);
    if (head === 'evidence') return evidenceField(path);
    return ACTION_FIELD[head] ?? head;
  };
  return { ok: false, issues: issuesOf(result.error, fieldOf, ACTION_FIELDS) };
}

/** An action with one more piece of evidence from the evidence form. */
export function withEvidence(action: Action, values: Values): Parsed<Action> {
  const result = Action.safeParse({
    ...action,
    evidence: [...action.evidence, evidenceFrom(values)],
  });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: issuesOf(result.error, evidenceField, [
      'evidence-kind',
      'evidence-note',
      'evidence-url',
    ]),
  };
}

/** An action with the review notes typed into its form. */
export function withReviewNotes(action: Action, values: Values): Parsed<Action> {
  const result = Action.safeParse({
    ...action,
    reviewNotes: values['review-notes'] ?? action.reviewNotes,
  });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: issuesOf(result.error, () => 'review-notes', ['review-notes']) };
}

/** The fields of the review form, in order. */
export const REVIEW_FIELDS = ['date', 'reviewer', 'summary'] as const;

/** A termly review from its form. */
export function reviewFrom(values: Values, id: string): Parsed<PlanReview> {
  const result = PlanReview.safeParse({
    id,
    date: values['date'] ?? '',
    reviewerRole: values['reviewer'] ?? '',
    summary: (values['summary'] ?? '').trim(),
  });
  if (result.success) return { ok: true, value: result.data };
  const fieldOf = (path: readonly PropertyKey[]) =>
    String(path[0]) === 'reviewerRole' ? 'reviewer' : String(path[0]);
  return { ok: false, issues: issuesOf(result.error, fieldOf, REVIEW_FIELDS) };
}

/** The plan without a record (an objective goes with its actions). */
export function withoutRecord(plan: ActionPlan, target: Target): ActionPlan {
  const { kind, id } = target;
  if (kind === 'objective') {
    return {
      ...plan,
      objectives: plan.objectives.filter((o) => o.id !== id),
      actions: plan.actions.filter((a) => a.objective !== id),
    };
  }
  if (kind === 'action') return { ...plan, actions: plan.actions.filter((a) => a.id !== id) };
  return { ...plan, reviews: plan.reviews.filter((r) => r.id !== id) };
}

/** What a Change form starts with: the record's fields, as the form names them. */
export function valuesOf(plan: ActionPlan, target: Target): Record<string, string> {
  if (target.kind === 'objective') {
    const o = plan.objectives.find((x) => x.id === target.id)!;
    const m = o.measure;
    return {
      title: o.title,
      statements: o.statements.join(' '),
      specific: o.success.specific,
      measurable: o.success.measurable,
      achievable: o.success.achievable,
      relevant: o.success.relevant,
      'time-bound': o.success.timeBound,
      ...(m ? { measure: `${m.definition} ${m.indicator}` } : {}),
      ...(m?.target ? { 'measure-target': m.target } : {}),
    };
  }
  if (target.kind === 'action') {
    const a = plan.actions.find((x) => x.id === target.id)!;
    return {
      description: a.description,
      owner: a.ownerRole,
      start: a.startDate,
      deadline: a.deadline,
      status: a.status,
      resources: a.resources,
    };
  }
  const r = plan.reviews.find((x) => x.id === target.id)!;
  return { date: r.date, reviewer: r.reviewerRole, summary: r.summary };
}
