/**
 * UI strings of `<at-award-readiness>`: the keys, their parameters, and the British English text.
 * A criterion's name is chosen by its `id` (the model's `AwardCriterionId` enum) and its reason by
 * its `message.key` (the model's `AWARD_MESSAGE_KEYS`), each through a complete, typed table in
 * `award-readiness.ts`: a key the model adds without a string here fails the type check and a test.
 *
 * @module
 */
import type { AwardCriterionId, AwardMessageKey } from '@all-together/model';
import type { PluralMessage } from '../shared/i18n.js';

type None = Record<string, never>;

/** Every string key of `<at-award-readiness>` that takes no parameters. */
type PlainKeys =
  | 'awardHeading'
  | 'awardIntro'
  | 'awardMet'
  | 'awardUnmet'
  | 'awardJudgement'
  | 'awardCriterion'
  | 'awardResult'
  | 'awardWhy'
  | 'awardResultColumn'
  | 'awardLevelParticipation'
  | 'awardLevelBronze'
  | 'awardLevelSilver'
  | 'awardLevelGold'
  | 'awardLevelEligibility'
  | 'awardInvalidTitle'
  | 'awardReasonWaveBaseline'
  | 'awardReasonWaveEnd'
  | 'awardReasonGroupAll'
  | 'awardReasonGroupSend'
  | 'awardReasonGroupFsm'
  | 'awardReasonHigherBetter'
  | 'awardReasonLowerBetter'
  | 'awardReasonPoolKs1'
  | 'awardReasonPoolOlder'
  | 'awardReasonNone';

/** The key of a criterion's name: `awardName` and the criterion, one per `AwardCriterionId`. */
export type AwardNameKey =
  | 'awardNameBaselineAudit'
  | 'awardNameBaselineQuestionnaire'
  | 'awardNameActionPlan'
  | 'awardNameEndAudit'
  | 'awardNameEndQuestionnaire'
  | 'awardNameEvidence'
  | 'awardNameCompleteAudits'
  | 'awardNameOutcomesAll'
  | 'awardNameOutcomesSend'
  | 'awardNameOutcomesFsm'
  | 'awardNameWellbeing'
  | 'awardNameMinOverall'
  | 'awardNameEveryArea'
  | 'awardNameAttainment'
  | 'awardNameActionsDone'
  | 'awardNamePerception'
  | 'awardNameAgreementGaps';

/** The key of a reason: `awardReason` and the message key, one per `AwardMessageKey`. */
export type AwardReasonKey =
  | 'awardReasonAuditMissing'
  | 'awardReasonAuditUnrated'
  | 'awardReasonAuditDone'
  | 'awardReasonAuditsIncomplete'
  | 'awardReasonAuditsComplete'
  | 'awardReasonAuditsMissing'
  | 'awardReasonQuestionnaireMissing'
  | 'awardReasonQuestionnaireEmpty'
  | 'awardReasonQuestionnaireFew'
  | 'awardReasonQuestionnaireDone'
  | 'awardReasonPlanMissing'
  | 'awardReasonPlanActions'
  | 'awardReasonEvidenceNoAudit'
  | 'awardReasonEvidenceMet'
  | 'awardReasonEvidenceShort'
  | 'awardReasonOverallMissing'
  | 'awardReasonOverall'
  | 'awardReasonAreaMissing'
  | 'awardReasonAreaMet'
  | 'awardReasonAreaBelow'
  | 'awardReasonAttainmentMissing'
  | 'awardReasonAttainmentGain'
  | 'awardReasonAttainmentHigh'
  | 'awardReasonAttainmentShort'
  | 'awardReasonActionsDoneNoPlan'
  | 'awardReasonActionsDoneNone'
  | 'awardReasonActionsDone'
  | 'awardReasonPerceptionGroups'
  | 'awardReasonGapsNoPerception'
  | 'awardReasonGapsNone'
  | 'awardReasonGapsResolved'
  | 'awardReasonGapsOpen'
  | 'awardReasonOutcomeMissing'
  | 'awardReasonOutcomeHidden'
  | 'awardReasonOutcomeNotWorse'
  | 'awardReasonOutcomeRise'
  | 'awardReasonOutcomeWorse'
  | 'awardReasonWellbeingNotMeasured'
  | 'awardReasonWellbeingHidden'
  | 'awardReasonWellbeingNotWorse'
  | 'awardReasonWellbeingWorse';

/** Each criterion's name key (complete: the type check finds a criterion without a name). */
export const AWARD_NAMES: { readonly [K in AwardCriterionId]: AwardNameKey } = {
  'eligibility.baseline-audit': 'awardNameBaselineAudit',
  'eligibility.baseline-questionnaire': 'awardNameBaselineQuestionnaire',
  'eligibility.action-plan': 'awardNameActionPlan',
  'eligibility.end-audit': 'awardNameEndAudit',
  'eligibility.end-questionnaire': 'awardNameEndQuestionnaire',
  'eligibility.evidence': 'awardNameEvidence',
  'bronze.complete-audits': 'awardNameCompleteAudits',
  'bronze.pupil-outcomes.all': 'awardNameOutcomesAll',
  'bronze.pupil-outcomes.send': 'awardNameOutcomesSend',
  'bronze.pupil-outcomes.fsm': 'awardNameOutcomesFsm',
  'bronze.wellbeing': 'awardNameWellbeing',
  'bronze.min-overall': 'awardNameMinOverall',
  'bronze.min-area': 'awardNameEveryArea',
  'silver.min-overall': 'awardNameMinOverall',
  'silver.attainment': 'awardNameAttainment',
  'silver.min-actions-done': 'awardNameActionsDone',
  'silver.perception': 'awardNamePerception',
  'gold.min-overall': 'awardNameMinOverall',
  'gold.every-area': 'awardNameEveryArea',
  'gold.agreement-gaps': 'awardNameAgreementGaps',
};

/** Each message key's reason key (complete: the type check finds a key without a string). */
export const AWARD_REASONS: { readonly [K in AwardMessageKey]: AwardReasonKey } = {
  auditMissing: 'awardReasonAuditMissing',
  auditUnrated: 'awardReasonAuditUnrated',
  auditDone: 'awardReasonAuditDone',
  auditsIncomplete: 'awardReasonAuditsIncomplete',
  auditsComplete: 'awardReasonAuditsComplete',
  auditsMissing: 'awardReasonAuditsMissing',
  questionnaireMissing: 'awardReasonQuestionnaireMissing',
  questionnaireEmpty: 'awardReasonQuestionnaireEmpty',
  questionnaireFew: 'awardReasonQuestionnaireFew',
  questionnaireDone: 'awardReasonQuestionnaireDone',
  planMissing: 'awardReasonPlanMissing',
  planActions: 'awardReasonPlanActions',
  evidenceNoAudit: 'awardReasonEvidenceNoAudit',
  evidenceMet: 'awardReasonEvidenceMet',
  evidenceShort: 'awardReasonEvidenceShort',
  overallMissing: 'awardReasonOverallMissing',
  overall: 'awardReasonOverall',
  areaMissing: 'awardReasonAreaMissing',
  areaMet: 'awardReasonAreaMet',
  areaBelow: 'awardReasonAreaBelow',
  attainmentMissing: 'awardReasonAttainmentMissing',
  attainmentGain: 'awardReasonAttainmentGain',
  attainmentHigh: 'awardReasonAttainmentHigh',
  attainmentShort: 'awardReasonAttainmentShort',
  actionsDoneNoPlan: 'awardReasonActionsDoneNoPlan',
  actionsDoneNone: 'awardReasonActionsDoneNone',
  actionsDone: 'awardReasonActionsDone',
  perceptionGroups: 'awardReasonPerceptionGroups',
  gapsNoPerception: 'awardReasonGapsNoPerception',
  gapsNone: 'awardReasonGapsNone',
  gapsResolved: 'awardReasonGapsResolved',
  gapsOpen: 'awardReasonGapsOpen',
  outcomeMissing: 'awardReasonOutcomeMissing',
  outcomeHidden: 'awardReasonOutcomeHidden',
  outcomeNotWorse: 'awardReasonOutcomeNotWorse',
  outcomeRise: 'awardReasonOutcomeRise',
  outcomeWorse: 'awardReasonOutcomeWorse',
  wellbeingNotMeasured: 'awardReasonWellbeingNotMeasured',
  wellbeingHidden: 'awardReasonWellbeingHidden',
  wellbeingNotWorse: 'awardReasonWellbeingNotWorse',
  wellbeingWorse: 'awardReasonWellbeingWorse',
};

/** The UI strings of `<at-award-readiness>`. */
export type AwardStrings = { readonly [K in PlainKeys | AwardNameKey]: string } & {
  /** The level line, when judging the open criteria would raise the level. `{level}`, `{count}`. */
  readonly awardIfJudged: PluralMessage;
  /** When criteria need judgement but would not raise the level. `{count}`. */
  readonly awardNeedsJudgement: PluralMessage;
} & {
  /** Award reasons: the params of the criterion's `message` (wave, group, pool and better translated). */
  readonly [K in AwardReasonKey]: string | PluralMessage;
};

/** The parameters each `<at-award-readiness>` string takes. */
export type AwardStringParams = { readonly [K in PlainKeys | AwardNameKey]: None } & {
  readonly awardIfJudged: { readonly level: string; readonly count: number };
  readonly awardNeedsJudgement: { readonly count: number };
} & {
  readonly [K in AwardReasonKey]: Readonly<Record<string, string | number>>;
};

/** British English. */
export const awardStrings: AwardStrings = {
  awardHeading: 'Award readiness',
  awardIntro:
    'A recommendation for moderation, not an award: your local authority, trust or the programme confirms it.',
  awardMet: 'Met',
  awardUnmet: 'Not met',
  awardJudgement: 'Needs the moderator’s judgement',
  awardCriterion: 'Criterion',
  awardResult: 'The evidence so far supports',
  awardWhy: 'Why',
  awardResultColumn: 'Result',
  awardLevelParticipation: 'A certificate of participation',
  awardLevelBronze: 'Bronze',
  awardLevelSilver: 'Silver',
  awardLevelGold: 'Gold',
  awardLevelEligibility: 'To be considered',
  awardInvalidTitle: 'The award recommendation cannot be shown',
  awardIfJudged: {
    one: 'or {level} if the moderator judges the {count} open criterion met',
    other: 'or {level} if the moderator judges the {count} open criteria met',
  },
  awardNeedsJudgement: {
    one: '{count} criterion needs the moderator’s judgement.',
    other: '{count} criteria need the moderator’s judgement.',
  },
  awardReasonWaveBaseline: 'baseline',
  awardReasonWaveEnd: 'end',
  awardReasonGroupAll: 'All pupils',
  awardReasonGroupSend: 'Pupils with SEND',
  awardReasonGroupFsm: 'Pupils on free school meals',
  awardReasonHigherBetter: 'higher is better',
  awardReasonLowerBetter: 'lower is better',
  awardReasonPoolKs1: 'Reception to Year 2',
  awardReasonPoolOlder: 'Years 3 to 13',
  awardReasonNone: 'none',
  awardNameBaselineAudit: 'Baseline audit',
  awardNameBaselineQuestionnaire: 'Baseline pupil questionnaire',
  awardNameActionPlan: 'Action plan with enough actions',
  awardNameEndAudit: 'End audit',
  awardNameEndQuestionnaire: 'End pupil questionnaire',
  awardNameEvidence: 'Evidence in every area',
  awardNameCompleteAudits: 'Both audits complete',
  awardNameOutcomesAll: 'Bullying not worse: all pupils',
  awardNameOutcomesSend: 'Bullying not worse: pupils with SEND',
  awardNameOutcomesFsm: 'Bullying not worse: pupils on free school meals',
  awardNameWellbeing: 'Wellbeing not worse',
  awardNameMinOverall: 'Overall audit score',
  awardNameEveryArea: 'Every area’s audit score',
  awardNameAttainment: 'Improvement since the baseline, or a high score',
  awardNameActionsDone: 'Actions done',
  awardNamePerception: 'Views of other groups (360°)',
  awardNameAgreementGaps: 'Agreement gaps closed or planned for',
  awardReasonAuditMissing: 'No {wave} audit yet.',
  awardReasonAuditUnrated: 'The {wave} audit has no rated statements yet.',
  awardReasonAuditDone: 'The {wave} audit is complete: overall {overall}%.',
  awardReasonAuditsIncomplete: {
    one: 'Each audit must rate at least {min}% of statements Fully, Partially or Not yet met (baseline {baseline}%, end {end}%). {count} statement is “Don’t know” or blank: {statements}.',
    other:
      'Each audit must rate at least {min}% of statements Fully, Partially or Not yet met (baseline {baseline}%, end {end}%). {count} statements are “Don’t know” or blank: {statements}.',
  },
  awardReasonAuditsComplete:
    'Both audits rate at least {min}% of statements Fully, Partially or Not yet met (baseline {baseline}%, end {end}%).',
  awardReasonAuditsMissing: 'Both audits are needed, each rating at least {min}% of statements.',
  awardReasonQuestionnaireMissing: 'No {wave} questionnaire yet.',
  awardReasonQuestionnaireEmpty: 'Nobody has answered the {wave} questionnaire yet.',
  awardReasonQuestionnaireFew:
    'The {wave} questionnaire was answered by fewer than {min} pupils (the number is hidden to protect privacy).',
  awardReasonQuestionnaireDone: {
    one: 'The {wave} questionnaire was answered by {count} pupil.',
    other: 'The {wave} questionnaire was answered by {count} pupils.',
  },
  awardReasonPlanMissing: 'No action plan yet; it needs at least {min} actions.',
  awardReasonPlanActions: {
    one: 'The action plan has {count} action that counts (dropped actions do not); it needs at least {min}, each with an owner and a deadline.',
    other:
      'The action plan has {count} actions that count (dropped actions do not); it needs at least {min}, each with an owner and a deadline.',
  },
  awardReasonEvidenceNoAudit:
    'No end audit yet, so evidence cannot be counted; every area needs at least {min} pieces.',
  awardReasonEvidenceMet:
    'Evidence in every area of the end audit: at least {fewest} in each; every area needs at least {min}.',
  awardReasonEvidenceShort: {
    one: 'Not enough evidence in {count} area (pieces so far in brackets): {areas}. Every area of the end audit needs at least {min}. Pieces not counted: {notCounted} — evidence needs a kind and a description of at least {words} words.',
    other:
      'Not enough evidence in {count} areas (pieces so far in brackets): {areas}. Every area of the end audit needs at least {min}. Pieces not counted: {notCounted} — evidence needs a kind and a description of at least {words} words.',
  },
  awardReasonOverallMissing: 'No end audit score yet; it needs at least {min}% overall.',
  awardReasonOverall:
    'End audit overall {overall}%; it needs at least {min}% (“Don’t know” and blank count as not met).',
  awardReasonAreaMissing: 'No end audit score yet; every area needs at least {min}%.',
  awardReasonAreaMet:
    'Every area of the end audit is at least {min}%; the lowest is area {area} at {lowest}%.',
  awardReasonAreaBelow: {
    one: 'In the end audit, area {below} is below {min}%; every area needs at least {min}%.',
    other: 'In the end audit, areas {below} are below {min}%; every area needs at least {min}%.',
  },
  awardReasonAttainmentMissing:
    'Needs both audits: a gain of at least {minGain} points, or an end overall of at least {orMin}%.',
  awardReasonAttainmentGain:
    'Overall gain {gain} points ({from}% → {to}%); it needs at least {minGain}.',
  awardReasonAttainmentHigh:
    'End overall {overall}% is at least {orMin}%: a school that started strong is not held back by a small gain.',
  awardReasonAttainmentShort:
    'Overall gain {gain} points ({from}% → {to}%): it needs a gain of at least {minGain} points, or an end overall of at least {orMin}%.',
  awardReasonActionsDoneNoPlan:
    'No action plan yet; at least {min}% of its actions need to be done.',
  awardReasonActionsDoneNone:
    'The plan has no actions to count yet; at least {min}% need to be done.',
  awardReasonActionsDone: {
    one: '{done} of {count} action done ({percent}%; dropped actions are not counted); it needs at least {min}%.',
    other:
      '{done} of {count} actions done ({percent}%; dropped actions are not counted); it needs at least {min}%.',
  },
  awardReasonPerceptionGroups: {
    one: '{count} group’s perception results can be shown ({groups}); it needs at least {min} groups, each with at least 10 people.',
    other:
      '{count} groups’ perception results can be shown ({groups}); it needs at least {min} groups, each with at least 10 people.',
  },
  awardReasonGapsNoPerception:
    'No perception surveys at the end, so agreement gaps cannot be checked.',
  awardReasonGapsNone: 'No agreement gaps at the baseline.',
  awardReasonGapsResolved: {
    one: 'The {count} agreement gap of the baseline improved or is addressed in the plan.',
    other:
      'Every one of the {count} agreement gaps of the baseline improved or is addressed in the plan.',
  },
  awardReasonGapsOpen: {
    one: '{count} agreement gap neither improved nor addressed in the plan: {statements}.',
    other: '{count} agreement gaps neither improved nor addressed in the plan: {statements}.',
  },
  awardReasonOutcomeMissing:
    '{group}: no figures for frequent bullying at both waves, so the moderator must judge pupil outcomes.',
  awardReasonOutcomeHidden:
    '{group} ({pool}): the figures are hidden to protect privacy (too few pupils to publish at a wave). This does not mean no pupils were affected; the moderator must judge, for example from the trust or local authority figure.',
  awardReasonOutcomeNotWorse:
    '{group} ({pool}), frequently bullied: {baseline}% at the baseline, {end}% at the end — not significantly higher.',
  awardReasonOutcomeRise:
    '{group} ({pool}), frequently bullied, rose from {baseline}% to {end}% ({rise} points). Too few pupils to tell whether this is a real change, so the moderator must judge it.',
  awardReasonOutcomeWorse:
    '{group} ({pool}), frequently bullied: {baseline}% at the baseline, {end}% at the end — significantly higher.',
  awardReasonWellbeingNotMeasured:
    'The questionnaire used has no wellbeing measure, so the moderator must judge wellbeing.',
  awardReasonWellbeingHidden:
    'Wellbeing ({pool}): the averages are hidden to protect privacy (too few pupils to publish), so the moderator must judge.',
  awardReasonWellbeingNotWorse:
    'Wellbeing ({pool}) is not significantly worse: average {baseline} at the baseline, {end} at the end ({better}).',
  awardReasonWellbeingWorse:
    'Wellbeing ({pool}) is significantly worse: average {baseline} at the baseline, {end} at the end ({better}).',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends AwardStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends AwardStringParams {}
}
