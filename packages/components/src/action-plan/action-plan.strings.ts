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
  | 'actionPlanGroupSexistSexual';

/** The UI strings of `<at-action-plan>`. */
export type ActionPlanStrings = { readonly [K in PlainKeys]: string } & {
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
};

/** The parameters each `<at-action-plan>` string takes. */
export type ActionPlanStringParams = { readonly [K in PlainKeys]: None } & {
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
    'Lower-case words joined by hyphens, for example pupil-ks2 and victimisation.',
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
    'Enter the indicator in lower-case words joined by hyphens, for example victimisation',
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
};
