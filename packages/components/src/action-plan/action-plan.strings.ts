/**
 * UI strings of `<at-action-plan>`: the keys, their parameters, and the British English text.
 * `shared/i18n.ts` merges every element's strings into one typed table. Prefix keys with
 * `actionPlan` so they cannot clash with another element's.
 *
 * @module
 */
import type { PluralMessage } from '../shared/i18n.js';

type None = Record<string, never>;

/** Every string key of `<at-action-plan>` that takes no parameters. */
type PlainKeys =
  | 'actionPlanInvalidTitle'
  | 'actionPlanInvalidDefinition'
  | 'actionPlanInvalidPlan'
  | 'actionPlanInvalidSetup'
  | 'actionPlanInvalidAward'
  | 'actionPlanHeading'
  | 'actionPlanProgressHeading'
  | 'actionPlanNoActions'
  | 'actionPlanOverdueHeading'
  | 'actionPlanOverdueNone'
  | 'actionPlanOverdueTag'
  | 'actionPlanReviewDue'
  | 'actionPlanNeverReviewed'
  | 'actionPlanPrioritiesHeading'
  | 'actionPlanPrioritiesIntro'
  | 'actionPlanPrioritiesNone'
  | 'actionPlanPrioritiesSeed'
  | 'actionPlanPriorityStatement'
  | 'actionPlanPriorityRating'
  | 'actionPlanPriorityObjective'
  | 'actionPlanPriorityCovered'
  | 'actionPlanPriorityUncovered'
  | 'actionPlanObjectivesHeading'
  | 'actionPlanObjectivesNone'
  | 'actionPlanObjectiveStatements'
  | 'actionPlanObjectiveSpecific'
  | 'actionPlanObjectiveMeasurable'
  | 'actionPlanObjectiveAchievable'
  | 'actionPlanObjectiveRelevant'
  | 'actionPlanObjectiveTimeBound'
  | 'actionPlanObjectiveMeasure'
  | 'actionPlanObjectiveAdd'
  | 'actionPlanObjectiveTitle'
  | 'actionPlanObjectiveOtherStatements'
  | 'actionPlanObjectiveOtherStatementsHint'
  | 'actionPlanMeasureDefinition'
  | 'actionPlanMeasureIndicator'
  | 'actionPlanMeasureTarget'
  | 'actionPlanMeasureLegend'
  | 'actionPlanMeasureHint'
  | 'actionPlanActionsCaption'
  | 'actionPlanActionDescription'
  | 'actionPlanActionOwner'
  | 'actionPlanActionStart'
  | 'actionPlanActionDeadline'
  | 'actionPlanActionStatus'
  | 'actionPlanActionResources'
  | 'actionPlanActionEvidence'
  | 'actionPlanActionEvidenceNote'
  | 'actionPlanActionEvidenceUrl'
  | 'actionPlanActionReviewNotes'
  | 'actionPlanActionAdd'
  | 'actionPlanActionAddEvidence'
  | 'actionPlanActionSaveNotes'
  | 'actionPlanActionsNone'
  | 'actionPlanOwnerHint'
  | 'actionPlanReviewsHeading'
  | 'actionPlanReviewsNone'
  | 'actionPlanReviewDate'
  | 'actionPlanReviewer'
  | 'actionPlanReviewSummary'
  | 'actionPlanReviewAdd'
  | 'actionPlanSave'
  | 'actionPlanSaved'
  | 'actionPlanErrorSummaryTitle'
  | 'actionPlanErrorPrefix'
  | 'actionPlanErrorTitle'
  | 'actionPlanErrorStatements'
  | 'actionPlanErrorSpecific'
  | 'actionPlanErrorMeasurable'
  | 'actionPlanErrorDate'
  | 'actionPlanErrorMeasureDefinition'
  | 'actionPlanErrorMeasureIndicator'
  | 'actionPlanErrorDescription'
  | 'actionPlanErrorDeadline'
  | 'actionPlanErrorUrl'
  | 'actionPlanErrorEvidenceNote'
  | 'actionPlanErrorReviewSummary'
  | 'actionPlanErrorChoose'
  | 'actionPlanAwardHeading'
  | 'actionPlanAwardIntro'
  | 'actionPlanAwardMet'
  | 'actionPlanAwardUnmet'
  | 'actionPlanAwardCriterion'
  | 'actionPlanAwardResult'
  | 'actionPlanAwardWhy'
  | 'actionPlanAwardResultColumn'
  | 'actionPlanLevelParticipation'
  | 'actionPlanLevelBronze'
  | 'actionPlanLevelSilver'
  | 'actionPlanLevelGold'
  | 'actionPlanLevelEligibility'
  | 'actionPlanCriterionBaselineAudit'
  | 'actionPlanCriterionBaselineQuestionnaire'
  | 'actionPlanCriterionActionPlan'
  | 'actionPlanCriterionEndAudit'
  | 'actionPlanCriterionEndQuestionnaire'
  | 'actionPlanCriterionEvidence'
  | 'actionPlanCriterionMinOverall'
  | 'actionPlanCriterionMinArea'
  | 'actionPlanCriterionMinGain'
  | 'actionPlanCriterionActionsDone'
  | 'actionPlanCriterionEveryArea'
  | 'actionPlanCriterionOutcomesAll'
  | 'actionPlanCriterionOutcomesSend'
  | 'actionPlanCriterionOutcomesFsm'
  | 'actionPlanCriterionWellbeing'
  | 'actionPlanRatingFullyMet'
  | 'actionPlanRatingPartiallyMet'
  | 'actionPlanRatingNotYetMet'
  | 'actionPlanRatingDontKnow'
  | 'actionPlanStatusNotStarted'
  | 'actionPlanStatusInProgress'
  | 'actionPlanStatusDone'
  | 'actionPlanStatusDropped'
  | 'actionPlanOwnerHeadteacher'
  | 'actionPlanOwnerSeniorLeader'
  | 'actionPlanOwnerAntiBullyingLead'
  | 'actionPlanOwnerSendco'
  | 'actionPlanOwnerDesignatedSafeguardingLead'
  | 'actionPlanOwnerPsheLead'
  | 'actionPlanOwnerClassTeachers'
  | 'actionPlanOwnerSupportStaff'
  | 'actionPlanOwnerLunchtimeStaff'
  | 'actionPlanOwnerGovernors'
  | 'actionPlanOwnerPupilCouncil'
  | 'actionPlanOwnerParentsForum'
  | 'actionPlanOwnerOther'
  | 'actionPlanGroupSend'
  | 'actionPlanGroupFsm'
  | 'actionPlanGroupLookedAfter'
  | 'actionPlanGroupYoungCarers'
  | 'actionPlanGroupEthnicMinority'
  | 'actionPlanGroupFaithMinority'
  | 'actionPlanGroupLgbt'
  | 'actionPlanGroupSexistSexual'
  | 'actionPlanReasonWaveBaseline'
  | 'actionPlanReasonWaveEnd'
  | 'actionPlanReasonGroupAll'
  | 'actionPlanReasonGroupSend'
  | 'actionPlanReasonGroupFsm'
  | 'actionPlanReasonHigherBetter'
  | 'actionPlanReasonLowerBetter'
  | 'actionPlanChange'
  | 'actionPlanDelete'
  | 'actionPlanEditCancel'
  | 'actionPlanEditSave'
  | 'actionPlanDeleteConfirmYes'
  | 'actionPlanDeleteCancel'
  | 'actionPlanDeleteCannotUndo'
  | 'actionPlanDeleted'
  | 'actionPlanActionsColumn'
  | 'actionPlanMeasureChoose'
  | 'actionPlanMeasureChooseHint'
  | 'actionPlanMeasureNone'
  | 'actionPlanErrorMeasureChoose';

/** Keys of the award reasons, one per `message.key` of `recommendAward` (see scoring's README). */
export type ActionPlanReasonKey =
  | 'actionPlanReasonAuditMissing'
  | 'actionPlanReasonAuditUnrated'
  | 'actionPlanReasonAuditDone'
  | 'actionPlanReasonQuestionnaireMissing'
  | 'actionPlanReasonQuestionnaireEmpty'
  | 'actionPlanReasonQuestionnaireFew'
  | 'actionPlanReasonQuestionnaireDone'
  | 'actionPlanReasonPlanMissing'
  | 'actionPlanReasonPlanMissingOwnerDeadline'
  | 'actionPlanReasonPlanActions'
  | 'actionPlanReasonPlanActionsOwnerDeadline'
  | 'actionPlanReasonEvidenceNoAudit'
  | 'actionPlanReasonEvidenceMet'
  | 'actionPlanReasonEvidenceShort'
  | 'actionPlanReasonOverallMissing'
  | 'actionPlanReasonOverall'
  | 'actionPlanReasonAreaMissing'
  | 'actionPlanReasonAreaMet'
  | 'actionPlanReasonAreaBelow'
  | 'actionPlanReasonAreaUnscored'
  | 'actionPlanReasonAreaBelowUnscored'
  | 'actionPlanReasonGainMissing'
  | 'actionPlanReasonGain'
  | 'actionPlanReasonActionsDoneNoPlan'
  | 'actionPlanReasonActionsDoneNone'
  | 'actionPlanReasonActionsDoneAllDropped'
  | 'actionPlanReasonActionsDone'
  | 'actionPlanReasonOutcomeNotRequired'
  | 'actionPlanReasonOutcomeAllMissing'
  | 'actionPlanReasonOutcomeMissing'
  | 'actionPlanReasonOutcomeNotReportable'
  | 'actionPlanReasonOutcomeHiddenNotWorse'
  | 'actionPlanReasonOutcomeHiddenWorse'
  | 'actionPlanReasonOutcomeNotWorse'
  | 'actionPlanReasonOutcomeWorse'
  | 'actionPlanReasonWellbeingNotRequired'
  | 'actionPlanReasonWellbeingMissing'
  | 'actionPlanReasonWellbeingUntestable'
  | 'actionPlanReasonWellbeingHiddenNotWorse'
  | 'actionPlanReasonWellbeingHiddenWorse'
  | 'actionPlanReasonWellbeingBetter'
  | 'actionPlanReasonWellbeingWorse'
  | 'actionPlanReasonWellbeingSame'
  | 'actionPlanReasonWellbeingNotComparable';

/** The UI strings of `<at-action-plan>`. */
export type ActionPlanStrings = { readonly [K in PlainKeys]: string } & {
  /** Award reasons: the params of the criterion's `message` (wave, group and better translated). */
  readonly [K in ActionPlanReasonKey]: string | PluralMessage;
} & {
  /** `{done}` of `{counted}` actions done, `{percent}`. */
  readonly actionPlanProgress: string;
  /** Dropped actions, not counted. `{count}`. */
  readonly actionPlanDropped: PluralMessage;
  /** An overdue action. `{description}`, `{owner}`, `{deadline}`. */
  readonly actionPlanOverdueItem: string;
  /** Days overdue. `{count}`. */
  readonly actionPlanDaysOverdue: PluralMessage;
  /** `{date}` of the last review. */
  readonly actionPlanLastReview: string;
  /** Status count, `{status}`: `{count}`. */
  readonly actionPlanStatusCount: string;
  /** "Add an objective for {statement}". */
  readonly actionPlanPriorityAdd: string;
  /** An action's status select name. `{action}`. */
  readonly actionPlanActionStatusOf: string;
  /** Evidence and notes disclosure for an action. `{count}`. */
  readonly actionPlanActionEvidenceSummary: PluralMessage;
  /** A field is too long. `{label}`, `{max}`. */
  readonly actionPlanErrorTooLong: string;
  /** A field has a control character. `{label}`. */
  readonly actionPlanErrorCharacters: string;
  /** A percentage. `{value}`. */
  readonly actionPlanPercent: string;
  /** Review heading. `{date}`, `{reviewer}`. */
  readonly actionPlanReviewItem: string;
  /** Statement number and text. `{id}`, `{text}`. */
  readonly actionPlanStatement: string;
  /** Confirm deleting an objective. `{title}`. */
  readonly actionPlanDeleteObjective: string;
  /** Its actions go too. `{count}`. */
  readonly actionPlanDeleteObjectiveActions: PluralMessage;
  /** Confirm deleting an action. `{description}`. */
  readonly actionPlanDeleteAction: string;
  /** Confirm deleting a review. `{date}`. */
  readonly actionPlanDeleteReview: string;
  /** Visually hidden context of a Change button. `{title}`. */
  readonly actionPlanChangeObjective: string;
  /** `{description}`. */
  readonly actionPlanChangeAction: string;
  /** `{date}`. */
  readonly actionPlanChangeReview: string;
};

/** The parameters each `<at-action-plan>` string takes. */
export type ActionPlanStringParams = { readonly [K in PlainKeys]: None } & {
  readonly [K in ActionPlanReasonKey]: Readonly<Record<string, string | number>>;
} & {
  readonly actionPlanDeleteObjective: { readonly title: string };
  readonly actionPlanDeleteObjectiveActions: { readonly count: number };
  readonly actionPlanDeleteAction: { readonly description: string };
  readonly actionPlanDeleteReview: { readonly date: string };
  readonly actionPlanChangeObjective: { readonly title: string };
  readonly actionPlanChangeAction: { readonly description: string };
  readonly actionPlanChangeReview: { readonly date: string };
} & {
  readonly actionPlanProgress: {
    readonly done: number;
    readonly counted: number;
    readonly percent: number;
  };
  readonly actionPlanDropped: { readonly count: number };
  readonly actionPlanOverdueItem: {
    readonly description: string;
    readonly owner: string;
    readonly deadline: string;
  };
  readonly actionPlanDaysOverdue: { readonly count: number };
  readonly actionPlanLastReview: { readonly date: string };
  readonly actionPlanStatusCount: { readonly status: string; readonly count: number };
  readonly actionPlanPriorityAdd: { readonly statement: string };
  readonly actionPlanActionStatusOf: { readonly action: string };
  readonly actionPlanActionEvidenceSummary: { readonly count: number };
  readonly actionPlanErrorTooLong: { readonly label: string; readonly max: number };
  readonly actionPlanErrorCharacters: { readonly label: string };
  readonly actionPlanPercent: { readonly value: number };
  readonly actionPlanReviewItem: { readonly date: string; readonly reviewer: string };
  readonly actionPlanStatement: { readonly id: string; readonly text: string };
};

/** British English. */
export const actionPlanStrings: ActionPlanStrings = {
  actionPlanInvalidTitle: 'This action plan cannot be shown',
  actionPlanInvalidDefinition:
    'Something is wrong with the content of the audit this plan is based on, so the plan cannot be shown. Please tell whoever set up this page.',
  actionPlanInvalidPlan:
    'The saved action plan given to this page could not be read, so it cannot be shown. Please tell whoever set up this page.',
  actionPlanInvalidSetup:
    'This page is not set up fully: it needs the school’s six-digit URN and a date written YYYY-MM-DD. Please tell whoever set up this page.',
  actionPlanInvalidAward:
    'Some of the figures for award readiness could not be read, so they are left out below.',
  actionPlanHeading: 'Action plan',
  actionPlanProgressHeading: 'Progress',
  actionPlanProgress: '{done} of {counted} actions done ({percent}%)',
  actionPlanDropped: {
    one: '{count} dropped action is not counted.',
    other: '{count} dropped actions are not counted.',
  },
  actionPlanNoActions: 'No actions yet.',
  actionPlanStatusCount: '{status}: {count}',
  actionPlanOverdueHeading: 'Overdue actions',
  actionPlanOverdueNone: 'No actions are overdue.',
  actionPlanOverdueTag: 'Overdue',
  actionPlanOverdueItem: '{description} ({owner}, due {deadline})',
  actionPlanDaysOverdue: {
    one: '{count} day overdue',
    other: '{count} days overdue',
  },
  actionPlanReviewDue: 'A termly review of the plan is due.',
  actionPlanLastReview: 'Last reviewed {date}.',
  actionPlanNeverReviewed: 'The plan has not been reviewed yet.',
  actionPlanPrioritiesHeading: 'Priorities from the audit',
  actionPlanPrioritiesIntro:
    'Statements rated Not yet met come first, then Partially met; statements about groups bullied more often come first within each.',
  actionPlanPrioritiesNone:
    'There are no priorities yet. They come from the audit: complete it to see where to start.',
  actionPlanPrioritiesSeed: 'Add priorities from the audit',
  actionPlanPriorityStatement: 'Statement',
  actionPlanPriorityRating: 'Audit rating',
  actionPlanPriorityObjective: 'Objective',
  actionPlanPriorityCovered: 'Has an objective',
  actionPlanPriorityUncovered: 'No objective yet',
  actionPlanPriorityAdd: 'Add an objective for {statement}',
  actionPlanObjectivesHeading: 'Objectives and actions',
  actionPlanObjectivesNone: 'No objectives yet.',
  actionPlanObjectiveStatements: 'Audit statements',
  actionPlanObjectiveSpecific: 'What will change',
  actionPlanObjectiveMeasurable: 'How it will be measured',
  actionPlanObjectiveAchievable: 'Why it is achievable',
  actionPlanObjectiveRelevant: 'Why it matters here',
  actionPlanObjectiveTimeBound: 'By',
  actionPlanObjectiveMeasure: 'Questionnaire measure',
  actionPlanObjectiveAdd: 'Add an objective',
  actionPlanObjectiveTitle: 'Objective',
  actionPlanObjectiveOtherStatements: 'Other statements (optional)',
  actionPlanObjectiveOtherStatementsHint:
    'Statement numbers separated by commas, for example 2.4, 5.1',
  actionPlanMeasureLegend: 'Measure with a pupil questionnaire indicator (optional)',
  actionPlanMeasureHint:
    'The questionnaire id and the indicator key, for example pupil-ks2 and victimisation.frequent.',
  actionPlanMeasureDefinition: 'Questionnaire',
  actionPlanMeasureIndicator: 'Indicator',
  actionPlanMeasureTarget: 'Target (optional)',
  actionPlanActionsCaption: 'Actions',
  actionPlanActionDescription: 'Action',
  actionPlanActionOwner: 'Owner',
  actionPlanOwnerHint: 'A role, not a person’s name.',
  actionPlanActionStart: 'Start date',
  actionPlanActionDeadline: 'Deadline',
  actionPlanActionStatus: 'Status',
  actionPlanActionStatusOf: 'Status of “{action}”',
  actionPlanActionResources: 'Resources (optional)',
  actionPlanActionEvidence: 'Evidence',
  actionPlanActionEvidenceSummary: {
    one: 'Evidence and review notes ({count} piece of evidence)',
    other: 'Evidence and review notes ({count} pieces of evidence)',
  },
  actionPlanActionEvidenceNote: 'Evidence note',
  actionPlanActionEvidenceUrl: 'Link (optional)',
  actionPlanActionReviewNotes: 'Review notes',
  actionPlanActionAdd: 'Add an action',
  actionPlanActionAddEvidence: 'Add evidence',
  actionPlanActionSaveNotes: 'Save review notes',
  actionPlanActionsNone: 'No actions for this objective yet.',
  actionPlanReviewsHeading: 'Termly reviews',
  actionPlanReviewsNone: 'No reviews yet.',
  actionPlanReviewItem: '{date}, by {reviewer}',
  actionPlanReviewDate: 'Date of the review',
  actionPlanReviewer: 'Reviewed by',
  actionPlanReviewSummary: 'What the review found',
  actionPlanReviewAdd: 'Add a review',
  actionPlanSave: 'Save',
  actionPlanSaved: 'Saved',
  actionPlanErrorSummaryTitle: 'There is a problem',
  actionPlanErrorPrefix: 'Error:',
  actionPlanErrorTitle: 'Enter the objective',
  actionPlanErrorStatements: 'Choose at least one audit statement, or enter its number',
  actionPlanErrorSpecific: 'Enter what will change',
  actionPlanErrorMeasurable: 'Enter how it will be measured',
  actionPlanErrorDate: 'Enter a real date',
  actionPlanErrorMeasureDefinition:
    'Enter the questionnaire in lower-case words joined by hyphens, for example pupil-ks2',
  actionPlanErrorMeasureIndicator:
    'Enter the indicator key in lower-case words joined by dots or hyphens, for example victimisation.frequent',
  actionPlanErrorDescription: 'Enter what the action is',
  actionPlanErrorDeadline: 'The deadline must be the same as or after the start date',
  actionPlanErrorUrl:
    'Enter a link that starts with https://, mailto: or tel:, or a path on your site',
  actionPlanErrorEvidenceNote: 'Enter an evidence note',
  actionPlanErrorReviewSummary: 'Enter what the review found',
  actionPlanErrorChoose: 'Choose an option',
  actionPlanErrorTooLong: '{label} must be {max} characters or fewer',
  actionPlanErrorCharacters: '{label} has a hidden character that cannot be saved',
  actionPlanPercent: '{value}%',
  actionPlanStatement: '{id} {text}',
  actionPlanAwardHeading: 'Award readiness',
  actionPlanAwardIntro:
    'A recommendation for moderation, not an award: your local authority, trust or the programme confirms it.',
  actionPlanAwardResult: 'The evidence so far supports',
  actionPlanAwardCriterion: 'Criterion',
  actionPlanAwardWhy: 'Why',
  actionPlanAwardResultColumn: 'Result',
  actionPlanAwardMet: 'Met',
  actionPlanAwardUnmet: 'Not met',
  actionPlanLevelParticipation: 'A certificate of participation',
  actionPlanLevelBronze: 'Bronze',
  actionPlanLevelSilver: 'Silver',
  actionPlanLevelGold: 'Gold',
  actionPlanLevelEligibility: 'To be considered',
  actionPlanCriterionBaselineAudit: 'Baseline audit',
  actionPlanCriterionBaselineQuestionnaire: 'Baseline pupil questionnaire',
  actionPlanCriterionActionPlan: 'Action plan with enough actions',
  actionPlanCriterionEndAudit: 'End audit',
  actionPlanCriterionEndQuestionnaire: 'End pupil questionnaire',
  actionPlanCriterionEvidence: 'Evidence in every area',
  actionPlanCriterionMinOverall: 'Overall audit score',
  actionPlanCriterionMinArea: 'No area too low',
  actionPlanCriterionMinGain: 'Improvement since the baseline',
  actionPlanCriterionActionsDone: 'Actions done',
  actionPlanCriterionEveryArea: 'Every area strong',
  actionPlanCriterionOutcomesAll: 'Bullying not worse: all pupils',
  actionPlanCriterionOutcomesSend: 'Bullying not worse: pupils with SEND',
  actionPlanCriterionOutcomesFsm: 'Bullying not worse: pupils on free school meals',
  actionPlanCriterionWellbeing: 'Wellbeing not worse',
  actionPlanRatingFullyMet: 'Fully met',
  actionPlanRatingPartiallyMet: 'Partially met',
  actionPlanRatingNotYetMet: 'Not yet met',
  actionPlanRatingDontKnow: "Don't know",
  actionPlanStatusNotStarted: 'Not started',
  actionPlanStatusInProgress: 'In progress',
  actionPlanStatusDone: 'Done',
  actionPlanStatusDropped: 'Dropped',
  actionPlanOwnerHeadteacher: 'Headteacher',
  actionPlanOwnerSeniorLeader: 'Senior leader',
  actionPlanOwnerAntiBullyingLead: 'Anti-bullying lead',
  actionPlanOwnerSendco: 'SENCO',
  actionPlanOwnerDesignatedSafeguardingLead: 'Designated safeguarding lead',
  actionPlanOwnerPsheLead: 'PSHE lead',
  actionPlanOwnerClassTeachers: 'Class teachers',
  actionPlanOwnerSupportStaff: 'Support staff',
  actionPlanOwnerLunchtimeStaff: 'Lunchtime staff',
  actionPlanOwnerGovernors: 'Governors',
  actionPlanOwnerPupilCouncil: 'Pupil council',
  actionPlanOwnerParentsForum: 'Parents’ forum',
  actionPlanOwnerOther: 'Someone else',
  actionPlanGroupSend: 'SEND',
  actionPlanGroupFsm: 'Free school meals',
  actionPlanGroupLookedAfter: 'Looked-after children',
  actionPlanGroupYoungCarers: 'Young carers',
  actionPlanGroupEthnicMinority: 'Ethnic minorities',
  actionPlanGroupFaithMinority: 'Faith minorities',
  actionPlanGroupLgbt: 'LGBT',
  actionPlanGroupSexistSexual: 'Sexist and sexual bullying',
  actionPlanReasonWaveBaseline: 'baseline',
  actionPlanReasonWaveEnd: 'end',
  actionPlanReasonGroupAll: 'All pupils',
  actionPlanReasonGroupSend: 'Pupils with SEND',
  actionPlanReasonGroupFsm: 'Pupils on free school meals',
  actionPlanReasonHigherBetter: 'higher is better',
  actionPlanReasonLowerBetter: 'lower is better',
  actionPlanChange: 'Change',
  actionPlanDelete: 'Delete',
  actionPlanEditCancel: 'Cancel',
  actionPlanEditSave: 'Save changes',
  actionPlanDeleteConfirmYes: 'Yes, delete it',
  actionPlanDeleteCancel: 'No, keep it',
  actionPlanDeleteCannotUndo: 'This cannot be undone.',
  actionPlanDeleted: 'Deleted',
  actionPlanActionsColumn: 'Change or delete',
  actionPlanMeasureChoose: 'Indicator',
  actionPlanMeasureChooseHint:
    'Choose the questionnaire indicator that shows whether this objective worked.',
  actionPlanMeasureNone: 'No questionnaire measure',
  actionPlanErrorMeasureChoose: 'Choose an indicator from the list',
  actionPlanReasonAuditMissing: 'No {wave} audit yet.',
  actionPlanReasonAuditUnrated: 'The {wave} audit has no rated statements yet.',
  actionPlanReasonAuditDone: 'The {wave} audit is complete: overall {overall}%.',
  actionPlanReasonQuestionnaireMissing: 'No {wave} questionnaire yet.',
  actionPlanReasonQuestionnaireEmpty: 'Nobody has answered the {wave} questionnaire yet.',
  actionPlanReasonQuestionnaireFew:
    'The {wave} questionnaire was answered by fewer than {min} pupils (the number is hidden to protect privacy).',
  actionPlanReasonQuestionnaireDone: {
    one: 'The {wave} questionnaire was answered by {count} pupil.',
    other: 'The {wave} questionnaire was answered by {count} pupils.',
  },
  actionPlanReasonPlanMissing: 'No action plan yet; it needs {min} or more actions.',
  actionPlanReasonPlanMissingOwnerDeadline:
    'No action plan yet; it needs {min} or more actions, each with an owner and a deadline.',
  actionPlanReasonPlanActions: {
    one: 'The action plan has {count} action (dropped actions are not counted); it needs {min} or more.',
    other:
      'The action plan has {count} actions (dropped actions are not counted); it needs {min} or more.',
  },
  actionPlanReasonPlanActionsOwnerDeadline: {
    one: 'The action plan has {count} action (dropped actions are not counted); it needs {min} or more, each with an owner and a deadline.',
    other:
      'The action plan has {count} actions (dropped actions are not counted); it needs {min} or more, each with an owner and a deadline.',
  },
  actionPlanReasonEvidenceNoAudit:
    'No end audit yet, so evidence cannot be counted; every area needs {min} or more pieces.',
  actionPlanReasonEvidenceMet:
    'Evidence in every area of the end audit: at least {fewest} in each; every area needs {min} or more.',
  actionPlanReasonEvidenceShort:
    'Not enough evidence in these areas (pieces so far in brackets): {areas}. Every area of the end audit needs {min} or more pieces.',
  actionPlanReasonOverallMissing: 'No end audit score yet; it needs {min}% or more overall.',
  actionPlanReasonOverall: 'End audit overall {overall}%; it needs {min}% or more.',
  actionPlanReasonAreaMissing: 'No end audit score yet; every area needs {min}% or more.',
  actionPlanReasonAreaMet:
    'Every area of the end audit is {min}% or more; the lowest is area {area} at {lowest}%.',
  actionPlanReasonAreaBelow:
    'In the end audit, these areas are below {min}%: {below}. Every area needs {min}% or more.',
  actionPlanReasonAreaUnscored:
    'In the end audit, these areas have no score because nothing was rated: {unscored}. Every area needs {min}% or more.',
  actionPlanReasonAreaBelowUnscored:
    'In the end audit, these areas are below {min}%: {below}; and these have no score because nothing was rated: {unscored}. Every area needs {min}% or more.',
  actionPlanReasonGainMissing:
    'The gain needs a scored baseline and end audit; it needs {min} points or more.',
  actionPlanReasonGain: 'Overall gain {gain} points ({from}% → {to}%); it needs {min} or more.',
  actionPlanReasonActionsDoneNoPlan:
    'No action plan yet; {min}% or more of its actions need to be done.',
  actionPlanReasonActionsDoneNone:
    'The plan has no actions to count yet; {min}% or more need to be done.',
  actionPlanReasonActionsDoneAllDropped:
    'Every action is dropped, so there are none to count; {min}% or more need to be done.',
  actionPlanReasonActionsDone: {
    one: '{done} of {count} action done ({percent}%; dropped actions are not counted); it needs {min}% or more.',
    other:
      '{done} of {count} actions done ({percent}%; dropped actions are not counted); it needs {min}% or more.',
  },
  actionPlanReasonOutcomeNotRequired:
    '{group}, frequent bullying: not required by these award rules.',
  actionPlanReasonOutcomeAllMissing:
    'No figures for frequent bullying of all pupils were given, so pupil outcomes cannot be checked.',
  actionPlanReasonOutcomeMissing:
    '{group}: not reportable (no figures given), so this does not block Gold.',
  actionPlanReasonOutcomeNotReportable:
    '{group}: not reportable (fewer than {min} pupils at a wave), so this does not block Gold.',
  actionPlanReasonOutcomeHiddenNotWorse:
    '{group}, frequently bullied: {symbol} — fewer than {min} pupils at a wave, so the figures are hidden to protect privacy. Judged on the exact figures against the {level}% interval, this is not worse.',
  actionPlanReasonOutcomeHiddenWorse:
    '{group}, frequently bullied: {symbol} — fewer than {min} pupils at a wave, so the figures are hidden to protect privacy. Judged on the exact figures against the {level}% interval, this is worse.',
  actionPlanReasonOutcomeNotWorse:
    '{group}, frequently bullied: {end}% at the end against {baseline}% at the baseline ({level}% interval up to {upper}%), so not worse.',
  actionPlanReasonOutcomeWorse:
    '{group}, frequently bullied: {end}% at the end, above the upper limit of {baseline}% at the baseline ({level}% interval up to {upper}%).',
  actionPlanReasonWellbeingNotRequired: 'Wellbeing: not required by these award rules.',
  actionPlanReasonWellbeingMissing: 'Wellbeing: no scores given, so not checked.',
  actionPlanReasonWellbeingUntestable:
    'Wellbeing: the mean scores cannot be tested (fewer than 2 scores at a wave, or no spread at either), so not shown to be worse.',
  actionPlanReasonWellbeingHiddenNotWorse:
    'Wellbeing: {symbol} — fewer than {min} scores at a wave, so the means are hidden to protect privacy. Judged on the exact figures, it is not significantly worse.',
  actionPlanReasonWellbeingHiddenWorse:
    'Wellbeing: {symbol} — fewer than {min} scores at a wave, so the means are hidden to protect privacy. Judged on the exact figures, it is significantly worse.',
  actionPlanReasonWellbeingBetter:
    'Wellbeing is significantly better: mean {baseline} at the baseline, {end} at the end ({better}; p {p}).',
  actionPlanReasonWellbeingWorse:
    'Wellbeing is significantly worse: mean {baseline} at the baseline, {end} at the end ({better}; p {p}).',
  actionPlanReasonWellbeingSame:
    'Wellbeing is not significantly different: mean {baseline} at the baseline, {end} at the end ({better}; p {p}).',
  actionPlanReasonWellbeingNotComparable:
    'Wellbeing cannot be compared: mean {baseline} at the baseline, {end} at the end ({better}; p {p}).',
  actionPlanDeleteObjective: 'Delete the objective “{title}”?',
  actionPlanDeleteObjectiveActions: {
    one: 'Its {count} action and that action’s evidence will be deleted too.',
    other: 'Its {count} actions and their evidence will be deleted too.',
  },
  actionPlanDeleteAction: 'Delete the action “{description}” and its evidence?',
  actionPlanDeleteReview: 'Delete the review of {date}?',
  actionPlanChangeObjective: ' the objective “{title}”',
  actionPlanChangeAction: ' the action “{description}”',
  actionPlanChangeReview: ' the review of {date}',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends ActionPlanStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends ActionPlanStringParams {}
}
