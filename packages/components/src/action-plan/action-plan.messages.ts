/**
 * The words for a problem in one of `<at-action-plan>`'s forms (GOV.UK: say what to do, name the
 * field in plain words), from the field and zod's issue code.
 *
 * @module
 */
import type { TranslationKey, TranslationParams } from '../shared/i18n.js';
import type { FieldIssue } from './plan-edit.js';

type Term = <K extends TranslationKey>(key: K, params: TranslationParams[K]) => string;

/** The message of each field; `<field>:custom` for a rule of the model (a refinement). */
const MESSAGES: Readonly<Record<string, TranslationKey>> = {
  title: 'actionPlanErrorTitle',
  statements: 'actionPlanErrorStatements',
  specific: 'actionPlanErrorSpecific',
  measurable: 'actionPlanErrorMeasurable',
  'time-bound': 'actionPlanErrorDate',
  measure: 'actionPlanErrorMeasureChoose',
  'measure:custom': 'actionPlanErrorMeasureChoose',
  description: 'actionPlanErrorDescription',
  owner: 'actionPlanErrorOwner',
  start: 'actionPlanErrorDate',
  deadline: 'actionPlanErrorDate',
  'deadline:custom': 'actionPlanErrorDeadline',
  status: 'actionPlanErrorStatus',
  'evidence-kind': 'actionPlanErrorEvidenceKind',
  'evidence-note': 'actionPlanErrorEvidenceNote',
  'evidence-url': 'actionPlanErrorUrl',
  'evidence-url:custom': 'actionPlanErrorUrl',
  date: 'actionPlanErrorDate',
  reviewer: 'actionPlanErrorReviewer',
  summary: 'actionPlanErrorReviewSummary',
};

/** The field's name in a sentence ("{label} must be 200 characters or fewer"). */
const LABELS: Readonly<Record<string, TranslationKey>> = {
  title: 'actionPlanObjectiveTitle',
  specific: 'actionPlanObjectiveSpecific',
  measurable: 'actionPlanObjectiveMeasurable',
  achievable: 'actionPlanObjectiveAchievable',
  relevant: 'actionPlanObjectiveRelevant',
  'measure-target': 'actionPlanMeasureTarget',
  description: 'actionPlanActionDescription',
  resources: 'actionPlanActionResources',
  'evidence-note': 'actionPlanActionEvidenceNote',
  'review-notes': 'actionPlanActionReviewNotes',
  summary: 'actionPlanReviewSummary',
};

/** The message for one field's problem, in the element's language. */
export function messageOf(t: Term, issue: FieldIssue): string {
  const label = t(
    (LABELS[issue.field] ?? 'actionPlanActionDescription') as 'actionPlanHeading',
    {},
  );
  if (issue.code === 'too_big' && issue.maximum !== undefined)
    return t('actionPlanErrorTooLong', { label, max: issue.maximum });
  const custom = MESSAGES[`${issue.field}:custom`];
  if (issue.code === 'custom')
    return custom
      ? t(custom as 'actionPlanHeading', {})
      : t('actionPlanErrorCharacters', { label });
  return t((MESSAGES[issue.field] ?? 'actionPlanErrorChoose') as 'actionPlanHeading', {});
}
