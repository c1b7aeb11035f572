/**
 * UI strings of `<at-award-readiness>`: the keys, their parameters, and the British English text.
 * A criterion's name and reason are chosen by its `message.key` (and its `wave` and `group`
 * params), never by its id.
 *
 * @module
 */
import type { PluralMessage } from '../shared/i18n.js';

type None = Record<string, never>;

/** Every string key of `<at-award-readiness>` that takes no parameters. */
type PlainKeys =
  | 'awardInvalid'
  | 'awardHeading'
  | 'awardIntro'
  | 'awardMet'
  | 'awardUnmet'
  | 'awardCriterion'
  | 'awardResult'
  | 'awardWhy'
  | 'awardResultColumn'
  | 'awardLevelParticipation'
  | 'awardLevelBronze'
  | 'awardLevelSilver'
  | 'awardLevelGold'
  | 'awardLevelEligibility'
  | 'awardCriterionBaselineAudit'
  | 'awardCriterionBaselineQuestionnaire'
  | 'awardCriterionActionPlan'
  | 'awardCriterionEndAudit'
  | 'awardCriterionEndQuestionnaire'
  | 'awardCriterionEvidence'
  | 'awardCriterionMinOverall'
  | 'awardCriterionMinGain'
  | 'awardCriterionActionsDone'
  | 'awardCriterionOutcomesAll'
  | 'awardCriterionOutcomesSend'
  | 'awardCriterionOutcomesFsm'
  | 'awardCriterionWellbeing'
  | 'awardReasonWaveBaseline'
  | 'awardReasonWaveEnd'
  | 'awardReasonGroupAll'
  | 'awardReasonGroupSend'
  | 'awardReasonGroupFsm'
  | 'awardReasonHigherBetter'
  | 'awardReasonLowerBetter'
  | 'awardCriterionAreas'
  | 'awardCriterionOther'
  | 'awardInvalidTitle';

/** Keys of the award reasons, one per `message.key` of a recommendation (see scoring's README). */
export type AwardReasonKey =
  | 'awardReasonAuditMissing'
  | 'awardReasonAuditUnrated'
  | 'awardReasonAuditDone'
  | 'awardReasonQuestionnaireMissing'
  | 'awardReasonQuestionnaireEmpty'
  | 'awardReasonQuestionnaireFew'
  | 'awardReasonQuestionnaireDone'
  | 'awardReasonPlanMissing'
  | 'awardReasonPlanMissingOwnerDeadline'
  | 'awardReasonPlanActions'
  | 'awardReasonPlanActionsOwnerDeadline'
  | 'awardReasonEvidenceNoAudit'
  | 'awardReasonEvidenceMet'
  | 'awardReasonEvidenceShort'
  | 'awardReasonOverallMissing'
  | 'awardReasonOverall'
  | 'awardReasonAreaMissing'
  | 'awardReasonAreaMet'
  | 'awardReasonAreaBelow'
  | 'awardReasonAreaUnscored'
  | 'awardReasonAreaBelowUnscored'
  | 'awardReasonGainMissing'
  | 'awardReasonGain'
  | 'awardReasonActionsDoneNoPlan'
  | 'awardReasonActionsDoneNone'
  | 'awardReasonActionsDoneAllDropped'
  | 'awardReasonActionsDone'
  | 'awardReasonOutcomeNotRequired'
  | 'awardReasonOutcomeAllMissing'
  | 'awardReasonOutcomeMissing'
  | 'awardReasonOutcomeNotReportable'
  | 'awardReasonOutcomeHiddenNotWorse'
  | 'awardReasonOutcomeHiddenWorse'
  | 'awardReasonOutcomeNotWorse'
  | 'awardReasonOutcomeWorse'
  | 'awardReasonWellbeingNotRequired'
  | 'awardReasonWellbeingMissing'
  | 'awardReasonWellbeingUntestable'
  | 'awardReasonWellbeingHiddenNotWorse'
  | 'awardReasonWellbeingHiddenWorse'
  | 'awardReasonWellbeingBetter'
  | 'awardReasonWellbeingWorse'
  | 'awardReasonWellbeingSame'
  | 'awardReasonWellbeingNotComparable';

/** The UI strings of `<at-award-readiness>`. */
export type AwardStrings = { readonly [K in PlainKeys]: string } & {
  /** Award reasons: the params of the criterion's `message` (wave, group and better translated). */
  readonly [K in AwardReasonKey]: string | PluralMessage;
};

/** The parameters each `<at-award-readiness>` string takes. */
export type AwardStringParams = { readonly [K in PlainKeys]: None } & {
  readonly [K in AwardReasonKey]: Readonly<Record<string, string | number>>;
};

/** British English. */
export const awardStrings: AwardStrings = {
  awardInvalid:
    'Some of the figures for award readiness could not be read, so they are left out below.',
  awardHeading: 'Award readiness',
  awardIntro:
    'A recommendation for moderation, not an award: your local authority, trust or the programme confirms it.',
  awardMet: 'Met',
  awardUnmet: 'Not met',
  awardCriterion: 'Criterion',
  awardResult: 'The evidence so far supports',
  awardWhy: 'Why',
  awardResultColumn: 'Result',
  awardLevelParticipation: 'A certificate of participation',
  awardLevelBronze: 'Bronze',
  awardLevelSilver: 'Silver',
  awardLevelGold: 'Gold',
  awardLevelEligibility: 'To be considered',
  awardCriterionBaselineAudit: 'Baseline audit',
  awardCriterionBaselineQuestionnaire: 'Baseline pupil questionnaire',
  awardCriterionActionPlan: 'Action plan with enough actions',
  awardCriterionEndAudit: 'End audit',
  awardCriterionEndQuestionnaire: 'End pupil questionnaire',
  awardCriterionEvidence: 'Evidence in every area',
  awardCriterionMinOverall: 'Overall audit score',
  awardCriterionMinGain: 'Improvement since the baseline',
  awardCriterionActionsDone: 'Actions done',
  awardCriterionOutcomesAll: 'Bullying not worse: all pupils',
  awardCriterionOutcomesSend: 'Bullying not worse: pupils with SEND',
  awardCriterionOutcomesFsm: 'Bullying not worse: pupils on free school meals',
  awardCriterionWellbeing: 'Wellbeing not worse',
  awardReasonWaveBaseline: 'baseline',
  awardReasonWaveEnd: 'end',
  awardReasonGroupAll: 'All pupils',
  awardReasonGroupSend: 'Pupils with SEND',
  awardReasonGroupFsm: 'Pupils on free school meals',
  awardReasonHigherBetter: 'higher is better',
  awardReasonLowerBetter: 'lower is better',
  awardCriterionAreas: 'Every area’s audit score',
  awardCriterionOther: 'Another criterion',
  awardInvalidTitle: 'The award recommendation cannot be shown',
  awardReasonAuditMissing: 'No {wave} audit yet.',
  awardReasonAuditUnrated: 'The {wave} audit has no rated statements yet.',
  awardReasonAuditDone: 'The {wave} audit is complete: overall {overall}%.',
  awardReasonQuestionnaireMissing: 'No {wave} questionnaire yet.',
  awardReasonQuestionnaireEmpty: 'Nobody has answered the {wave} questionnaire yet.',
  awardReasonQuestionnaireFew:
    'The {wave} questionnaire was answered by fewer than {min} pupils (the number is hidden to protect privacy).',
  awardReasonQuestionnaireDone: {
    one: 'The {wave} questionnaire was answered by {count} pupil.',
    other: 'The {wave} questionnaire was answered by {count} pupils.',
  },
  awardReasonPlanMissing: 'No action plan yet; it needs {min} or more actions.',
  awardReasonPlanMissingOwnerDeadline:
    'No action plan yet; it needs {min} or more actions, each with an owner and a deadline.',
  awardReasonPlanActions: {
    one: 'The action plan has {count} action (dropped actions are not counted); it needs {min} or more.',
    other:
      'The action plan has {count} actions (dropped actions are not counted); it needs {min} or more.',
  },
  awardReasonPlanActionsOwnerDeadline: {
    one: 'The action plan has {count} action (dropped actions are not counted); it needs {min} or more, each with an owner and a deadline.',
    other:
      'The action plan has {count} actions (dropped actions are not counted); it needs {min} or more, each with an owner and a deadline.',
  },
  awardReasonEvidenceNoAudit:
    'No end audit yet, so evidence cannot be counted; every area needs {min} or more pieces.',
  awardReasonEvidenceMet:
    'Evidence in every area of the end audit: at least {fewest} in each; every area needs {min} or more.',
  awardReasonEvidenceShort:
    'Not enough evidence in these areas (pieces so far in brackets): {areas}. Every area of the end audit needs {min} or more pieces.',
  awardReasonOverallMissing: 'No end audit score yet; it needs {min}% or more overall.',
  awardReasonOverall: 'End audit overall {overall}%; it needs {min}% or more.',
  awardReasonAreaMissing: 'No end audit score yet; every area needs {min}% or more.',
  awardReasonAreaMet:
    'Every area of the end audit is {min}% or more; the lowest is area {area} at {lowest}%.',
  awardReasonAreaBelow:
    'In the end audit, these areas are below {min}%: {below}. Every area needs {min}% or more.',
  awardReasonAreaUnscored:
    'In the end audit, these areas have no score because nothing was rated: {unscored}. Every area needs {min}% or more.',
  awardReasonAreaBelowUnscored:
    'In the end audit, these areas are below {min}%: {below}; and these have no score because nothing was rated: {unscored}. Every area needs {min}% or more.',
  awardReasonGainMissing:
    'The gain needs a scored baseline and end audit; it needs {min} points or more.',
  awardReasonGain: 'Overall gain {gain} points ({from}% → {to}%); it needs {min} or more.',
  awardReasonActionsDoneNoPlan:
    'No action plan yet; {min}% or more of its actions need to be done.',
  awardReasonActionsDoneNone:
    'The plan has no actions to count yet; {min}% or more need to be done.',
  awardReasonActionsDoneAllDropped:
    'Every action is dropped, so there are none to count; {min}% or more need to be done.',
  awardReasonActionsDone: {
    one: '{done} of {count} action done ({percent}%; dropped actions are not counted); it needs {min}% or more.',
    other:
      '{done} of {count} actions done ({percent}%; dropped actions are not counted); it needs {min}% or more.',
  },
  awardReasonOutcomeNotRequired: '{group}, frequent bullying: not required by these award rules.',
  awardReasonOutcomeAllMissing:
    'No figures for frequent bullying of all pupils were given, so pupil outcomes cannot be checked.',
  awardReasonOutcomeMissing:
    '{group}: not reportable (no figures given), so this does not block Gold.',
  awardReasonOutcomeNotReportable:
    '{group}: not reportable (fewer than {min} pupils at a wave), so this does not block Gold.',
  awardReasonOutcomeHiddenNotWorse:
    '{group}, frequently bullied: {symbol} — fewer than {min} pupils at a wave, so the figures are hidden to protect privacy. Judged on the exact figures against the {level}% interval, this is not worse.',
  awardReasonOutcomeHiddenWorse:
    '{group}, frequently bullied: {symbol} — fewer than {min} pupils at a wave, so the figures are hidden to protect privacy. Judged on the exact figures against the {level}% interval, this is worse.',
  awardReasonOutcomeNotWorse:
    '{group}, frequently bullied: {end}% at the end against {baseline}% at the baseline ({level}% interval up to {upper}%), so not worse.',
  awardReasonOutcomeWorse:
    '{group}, frequently bullied: {end}% at the end, above the upper limit of {baseline}% at the baseline ({level}% interval up to {upper}%).',
  awardReasonWellbeingNotRequired: 'Wellbeing: not required by these award rules.',
  awardReasonWellbeingMissing: 'Wellbeing: no scores given, so not checked.',
  awardReasonWellbeingUntestable:
    'Wellbeing: the mean scores cannot be tested (fewer than 2 scores at a wave, or no spread at either), so not shown to be worse.',
  awardReasonWellbeingHiddenNotWorse:
    'Wellbeing: {symbol} — fewer than {min} scores at a wave, so the means are hidden to protect privacy. Judged on the exact figures, it is not significantly worse.',
  awardReasonWellbeingHiddenWorse:
    'Wellbeing: {symbol} — fewer than {min} scores at a wave, so the means are hidden to protect privacy. Judged on the exact figures, it is significantly worse.',
  awardReasonWellbeingBetter:
    'Wellbeing is significantly better: mean {baseline} at the baseline, {end} at the end ({better}; p {p}).',
  awardReasonWellbeingWorse:
    'Wellbeing is significantly worse: mean {baseline} at the baseline, {end} at the end ({better}; p {p}).',
  awardReasonWellbeingSame:
    'Wellbeing is not significantly different: mean {baseline} at the baseline, {end} at the end ({better}; p {p}).',
  awardReasonWellbeingNotComparable:
    'Wellbeing cannot be compared: mean {baseline} at the baseline, {end} at the end ({better}; p {p}).',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends AwardStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends AwardStringParams {}
}
