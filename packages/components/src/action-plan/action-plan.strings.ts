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
  | 'actionPlanMeasureTarget'
  | 'actionPlanMeasureLegend'
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
  | 'actionPlanEvidenceKind'
  | 'actionPlanEvidenceKindChoose'
  | 'actionPlanEvidenceKindDocument'
  | 'actionPlanEvidenceKindObservation'
  | 'actionPlanEvidenceKindSurvey'
  | 'actionPlanEvidenceKindMinutes'
  | 'actionPlanEvidenceKindOther'
  | 'actionPlanErrorEvidenceKind'
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
  | 'actionPlanErrorDescription'
  | 'actionPlanErrorDeadline'
  | 'actionPlanErrorUrl'
  | 'actionPlanErrorEvidenceNote'
  | 'actionPlanErrorReviewSummary'
  | 'actionPlanErrorChoose'
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
  | 'actionPlanErrorMeasureChoose'
  | 'actionPlanErrorOwner'
  | 'actionPlanErrorStatus'
  | 'actionPlanErrorReviewer'
  | 'actionPlanInvalidAward';

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
  /** The evidence description's hint: what the award needs. `{count}` words. */
  readonly actionPlanEvidenceHint: PluralMessage;
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
  /** An audit area's name above its statements. `{number}`, `{title}`. */
  readonly actionPlanArea: string;
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
  readonly actionPlanEvidenceHint: { readonly count: number };
  readonly actionPlanErrorTooLong: { readonly label: string; readonly max: number };
  readonly actionPlanErrorCharacters: { readonly label: string };
  readonly actionPlanPercent: { readonly value: number };
  readonly actionPlanReviewItem: { readonly date: string; readonly reviewer: string };
  readonly actionPlanStatement: { readonly id: string; readonly text: string };
  readonly actionPlanArea: { readonly number: number; readonly title: string };
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
  actionPlanObjectiveOtherStatements: 'Other statements from the audit (optional)',
  actionPlanObjectiveOtherStatementsHint:
    'Tick any other statement this objective works on, area by area.',
  actionPlanMeasureLegend: 'Measure with a pupil questionnaire indicator (optional)',
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
  actionPlanEvidenceKind: 'Kind of evidence',
  actionPlanEvidenceKindChoose: 'Choose a kind',
  actionPlanEvidenceKindDocument: 'A document',
  actionPlanEvidenceKindObservation: 'An observation',
  actionPlanEvidenceKindSurvey: 'A survey',
  actionPlanEvidenceKindMinutes: 'Minutes of a meeting',
  actionPlanEvidenceKindOther: 'Something else',
  actionPlanErrorEvidenceKind: 'Choose the kind of evidence from the list',
  actionPlanEvidenceHint: {
    one: 'For the award, evidence needs a kind and a description of at least {count} word.',
    other: 'For the award, evidence needs a kind and a description of at least {count} words.',
  },
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
  actionPlanErrorStatements: 'Choose at least one audit statement',
  actionPlanErrorSpecific: 'Enter what will change',
  actionPlanErrorMeasurable: 'Enter how it will be measured',
  actionPlanErrorDate: 'Enter a real date',
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
  actionPlanErrorOwner: 'Choose who is responsible for the action',
  actionPlanErrorStatus: 'Choose how far the action has got',
  actionPlanErrorReviewer: 'Choose who reviewed the plan',
  actionPlanInvalidAward:
    'The award recommendation could not be read, so award readiness is not shown.',
  actionPlanArea: '{number}. {title}',
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
