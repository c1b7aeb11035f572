/**
 * UI strings of `<at-audit>`: the keys, their parameters, and the British English text.
 * `shared/i18n.ts` merges every element's strings into one typed table. Prefix keys with
 * `audit` so they cannot clash with another element's. Statement text, descriptors and guidance
 * are not here: they come, localised, from the audit definition.
 *
 * @module
 */
import type { PluralMessage } from '../shared/i18n.js';

type None = Record<string, never>;

/** The UI strings of `<at-audit>`. */
export interface AuditStrings {
  /** Heading when the audit cannot be shown. */
  readonly auditInvalidTitle: string;
  /** Body when the definition (or a response given to the element) is not valid. */
  readonly auditInvalidDefinition: string;
  /** Body when the page is not set up: no valid school or respondent role. */
  readonly auditInvalidSetup: string;
  /** Body when `response` or `baseline` is not a valid audit response. */
  readonly auditInvalidResponse: string;
  /** Notice when the baseline audit is not valid (the audit is still shown, without it). */
  readonly auditInvalidBaseline: string;
  /** Notice when the perception summaries are not valid (the audit is still shown). */
  readonly auditInvalidPerception: string;
  /** Caption above the title, baseline wave. */
  readonly auditWaveBaseline: string;
  /** Caption above the title, end wave. */
  readonly auditWaveEnd: string;
  /** Areas completed, on the overview. `{count}` completed of `{total}`. */
  readonly auditAreasCompleted: PluralMessage;
  /** Accessible name of the task list of areas. */
  readonly auditAreasLabel: string;
  /** An area's link text. `{number}`, `{title}`. */
  readonly auditAreaName: string;
  /** An area's progress. `{rated}` of `{total}`. */
  readonly auditAreaProgress: string;
  readonly auditStatusNotStarted: string;
  readonly auditStatusInProgress: string;
  readonly auditStatusCompleted: string;
  /** Link from the overview to the summary. */
  readonly auditCheckLink: string;
  /** Caption on a statement page. `{number}`, `{title}`, `{position}`, `{count}`. */
  readonly auditStatementCaption: string;
  /** Hint under the statement: what to choose. */
  readonly auditRatingHint: string;
  readonly auditLevelFullyMet: string;
  readonly auditLevelPartiallyMet: string;
  readonly auditLevelNotYetMet: string;
  readonly auditLevelDontKnow: string;
  /** Not rated (a statement without a rating). */
  readonly auditLevelUnrated: string;
  /** The word between the levels and Don't know. */
  readonly auditOr: string;
  /** Hint for Don't know. */
  readonly auditDontKnowHint: string;
  /** End audit: the baseline rating beside the statement. `{rating}`. */
  readonly auditBaselineRating: string;
  /** End audit: the statement was not rated at the baseline. */
  readonly auditBaselineUnrated: string;
  /** The guidance disclosure's summary. */
  readonly auditGuidanceSummary: string;
  readonly auditGuidanceWhy: string;
  readonly auditGuidanceTips: string;
  readonly auditGuidanceResources: string;
  /** "(opens in a new tab)" style note after a resource link. */
  readonly auditGuidanceExternal: string;
  readonly auditEvidenceHeading: string;
  /** Heading of the evidence prompts. */
  readonly auditEvidencePrompts: string;
  /** How many notes are attached. `{count}`. */
  readonly auditEvidenceCount: PluralMessage;
  readonly auditEvidenceNoteLabel: string;
  readonly auditEvidenceNoteHint: string;
  readonly auditEvidenceUrlLabel: string;
  readonly auditEvidenceUrlHint: string;
  readonly auditEvidenceAdd: string;
  /** Accessible name of a Remove button. `{n}` is the note's number. */
  readonly auditEvidenceRemove: string;
  /** Status after an evidence note was added. */
  readonly auditEvidenceAdded: string;
  readonly auditErrorSummaryTitle: string;
  /** Prefix of an inline error, visually hidden. */
  readonly auditErrorPrefix: string;
  readonly auditErrorNoteEmpty: string;
  /** `{max}` characters. */
  readonly auditErrorNoteTooLong: string;
  readonly auditErrorNoteCharacters: string;
  readonly auditErrorUrl: string;
  /** `{max}` notes. */
  readonly auditErrorTooMany: string;
  /** Completing with statements unrated. `{count}`. */
  readonly auditErrorUnrated: PluralMessage;
  readonly auditPrevious: string;
  readonly auditContinue: string;
  /** Continue from the last statement. */
  readonly auditContinueToCheck: string;
  readonly auditBackToOverview: string;
  /** Status after an autosave. */
  readonly auditSaved: string;
  /** 360°: heading of the stakeholders' view. */
  readonly auditPerceptionHeading: string;
  /** 360°: a group's agreement, as published. `{group}`, `{percent}`, `{people}`. */
  readonly auditPerceptionRow: PluralMessage;
  /** 360°: a group too small to publish (fewer than `{min}` people). `{group}`, `{symbol}`. */
  readonly auditPerceptionHidden: string;
  /** 360°: nobody in a group answered. `{group}`. */
  readonly auditPerceptionNobody: string;
  /** Evidence: its kind, as a choice. */
  readonly auditEvidenceKindLabel: string;
  readonly auditEvidenceKindChoose: string;
  readonly auditEvidenceKindDocument: string;
  readonly auditEvidenceKindObservation: string;
  readonly auditEvidenceKindSurvey: string;
  readonly auditEvidenceKindMinutes: string;
  readonly auditEvidenceKindOther: string;
  readonly auditErrorEvidenceKind: string;
  /** Evidence: what the award needs. `{count}` words. */
  readonly auditEvidenceAwardHint: PluralMessage;
  /** 360°: the gap flag. `{group}`. */
  readonly auditPerceptionGap: string;
  /** 360°: summary count on the overview. `{count}`. */
  readonly auditPerceptionGapCount: PluralMessage;
  readonly auditStakeholderStaff: string;
  readonly auditStakeholderParentCarer: string;
  readonly auditStakeholderGovernor: string;
  readonly auditStakeholderPupilKs1: string;
  readonly auditStakeholderPupilKs2: string;
  readonly auditStakeholderPupilSecondary: string;
  readonly auditStakeholderSchoolLead: string;
  readonly auditStakeholderCpdDelegate: string;
  readonly auditSummaryHeading: string;
  readonly auditSummaryScoresCaption: string;
  readonly auditSummaryArea: string;
  readonly auditSummaryScore: string;
  readonly auditSummaryBaseline: string;
  readonly auditSummaryChange: string;
  readonly auditSummaryOverall: string;
  /** A percentage score. `{value}`. */
  readonly auditPercent: string;
  readonly auditNoScore: string;
  /** A change in points, with its sign. `{value}` (signed). */
  readonly auditChange: string;
  readonly auditSummaryCountsCaption: string;
  readonly auditSummaryRating: string;
  readonly auditSummaryStatements: string;
  /** Heading of the statements rated Don't know, each a link back to its page. */
  readonly auditSummaryDontKnow: string;
  /** End audit: how statements moved. */
  readonly auditSummaryDirections: string;
  readonly auditComplete: string;
  readonly auditCompleted: string;
}

/** The parameters each `<at-audit>` string takes (`Record<string, never>` for none). */
export interface AuditStringParams {
  readonly auditInvalidTitle: None;
  readonly auditInvalidDefinition: None;
  readonly auditInvalidSetup: None;
  readonly auditInvalidResponse: None;
  readonly auditInvalidBaseline: None;
  readonly auditInvalidPerception: None;
  readonly auditWaveBaseline: None;
  readonly auditWaveEnd: None;
  readonly auditAreasCompleted: { readonly count: number; readonly total: number };
  readonly auditAreasLabel: None;
  readonly auditAreaName: { readonly number: number; readonly title: string };
  readonly auditAreaProgress: { readonly rated: number; readonly total: number };
  readonly auditStatusNotStarted: None;
  readonly auditStatusInProgress: None;
  readonly auditStatusCompleted: None;
  readonly auditCheckLink: None;
  readonly auditStatementCaption: {
    readonly number: number;
    readonly title: string;
    readonly position: number;
    readonly count: number;
  };
  readonly auditRatingHint: None;
  readonly auditLevelFullyMet: None;
  readonly auditLevelPartiallyMet: None;
  readonly auditLevelNotYetMet: None;
  readonly auditLevelDontKnow: None;
  readonly auditLevelUnrated: None;
  readonly auditOr: None;
  readonly auditDontKnowHint: None;
  readonly auditBaselineRating: { readonly rating: string };
  readonly auditBaselineUnrated: None;
  readonly auditGuidanceSummary: None;
  readonly auditGuidanceWhy: None;
  readonly auditGuidanceTips: None;
  readonly auditGuidanceResources: None;
  readonly auditGuidanceExternal: None;
  readonly auditEvidenceHeading: None;
  readonly auditEvidencePrompts: None;
  readonly auditEvidenceCount: { readonly count: number };
  readonly auditEvidenceNoteLabel: None;
  readonly auditEvidenceNoteHint: None;
  readonly auditEvidenceUrlLabel: None;
  readonly auditEvidenceUrlHint: None;
  readonly auditEvidenceAdd: None;
  readonly auditEvidenceRemove: { readonly n: number };
  readonly auditEvidenceAdded: None;
  readonly auditErrorSummaryTitle: None;
  readonly auditErrorPrefix: None;
  readonly auditErrorNoteEmpty: None;
  readonly auditErrorNoteTooLong: { readonly max: number };
  readonly auditErrorNoteCharacters: None;
  readonly auditErrorUrl: None;
  readonly auditErrorTooMany: { readonly max: number };
  readonly auditErrorUnrated: { readonly count: number };
  readonly auditPrevious: None;
  readonly auditContinue: None;
  readonly auditContinueToCheck: None;
  readonly auditBackToOverview: None;
  readonly auditSaved: None;
  readonly auditPerceptionHeading: None;
  readonly auditPerceptionRow: {
    readonly group: string;
    readonly percent: number;
    readonly count: number;
  };
  readonly auditPerceptionHidden: {
    readonly group: string;
    readonly symbol: string;
    readonly min: number;
  };
  readonly auditPerceptionNobody: { readonly group: string };
  readonly auditEvidenceKindLabel: None;
  readonly auditEvidenceKindChoose: None;
  readonly auditEvidenceKindDocument: None;
  readonly auditEvidenceKindObservation: None;
  readonly auditEvidenceKindSurvey: None;
  readonly auditEvidenceKindMinutes: None;
  readonly auditEvidenceKindOther: None;
  readonly auditErrorEvidenceKind: None;
  readonly auditEvidenceAwardHint: { readonly count: number };
  readonly auditPerceptionGap: { readonly group: string };
  readonly auditPerceptionGapCount: { readonly count: number };
  readonly auditStakeholderStaff: None;
  readonly auditStakeholderParentCarer: None;
  readonly auditStakeholderGovernor: None;
  readonly auditStakeholderPupilKs1: None;
  readonly auditStakeholderPupilKs2: None;
  readonly auditStakeholderPupilSecondary: None;
  readonly auditStakeholderSchoolLead: None;
  readonly auditStakeholderCpdDelegate: None;
  readonly auditSummaryHeading: None;
  readonly auditSummaryScoresCaption: None;
  readonly auditSummaryArea: None;
  readonly auditSummaryScore: None;
  readonly auditSummaryBaseline: None;
  readonly auditSummaryChange: None;
  readonly auditSummaryOverall: None;
  readonly auditPercent: { readonly value: number };
  readonly auditNoScore: None;
  readonly auditChange: { readonly value: string };
  readonly auditSummaryCountsCaption: None;
  readonly auditSummaryRating: None;
  readonly auditSummaryStatements: None;
  readonly auditSummaryDontKnow: None;
  readonly auditSummaryDirections: {
    readonly improved: number;
    readonly same: number;
    readonly worse: number;
    readonly notComparable: number;
  };
  readonly auditComplete: None;
  readonly auditCompleted: None;
}

/** British English. */
export const auditStrings: AuditStrings = {
  auditInvalidTitle: 'This audit cannot be shown',
  auditInvalidDefinition:
    'Something is wrong with the content of this audit, so it cannot be shown. Please tell whoever set up this page. Nothing you have saved is lost.',
  auditInvalidSetup:
    'This page is not set up fully: it needs the school and who is completing the audit. Please tell whoever set up this page.',
  auditInvalidResponse:
    'The saved audit given to this page could not be read, so it cannot be shown. Please tell whoever set up this page.',
  auditInvalidBaseline:
    'The baseline audit could not be read, so baseline ratings and changes are not shown.',
  auditInvalidPerception:
    'The views of staff, pupils, parents and governors could not be read, so they are not shown.',
  auditWaveBaseline: 'Baseline audit',
  auditWaveEnd: 'End-of-programme audit',
  auditAreasCompleted: {
    one: 'You have completed {count} of {total} areas.',
    other: 'You have completed {count} of {total} areas.',
  },
  auditAreasLabel: 'Audit areas',
  auditAreaName: '{number}. {title}',
  auditAreaProgress: '{rated} of {total} statements rated',
  auditStatusNotStarted: 'Not started',
  auditStatusInProgress: 'In progress',
  auditStatusCompleted: 'Completed',
  auditCheckLink: 'Check your ratings and see the scores',
  auditStatementCaption: 'Area {number}: {title} (statement {position} of {count})',
  auditRatingHint: 'How well does your school meet this statement today?',
  auditLevelFullyMet: 'Fully met',
  auditLevelPartiallyMet: 'Partially met',
  auditLevelNotYetMet: 'Not yet met',
  auditLevelDontKnow: "Don't know",
  auditLevelUnrated: 'Not rated yet',
  auditOr: 'or',
  auditDontKnowHint: 'It is not scored. The summary lists it so you can find out.',
  auditBaselineRating: 'At the baseline audit you rated this: {rating}',
  auditBaselineUnrated: 'This statement was not rated at the baseline audit.',
  auditGuidanceSummary: 'Why this matters, tips and resources',
  auditGuidanceWhy: 'Why it matters',
  auditGuidanceTips: 'Tips',
  auditGuidanceResources: 'Resources',
  auditGuidanceExternal: '(opens in a new tab)',
  auditEvidenceHeading: 'Evidence',
  auditEvidencePrompts: 'Evidence you could note',
  auditEvidenceCount: {
    one: '{count} evidence note',
    other: '{count} evidence notes',
  },
  auditEvidenceNoteLabel: 'Evidence note',
  auditEvidenceNoteHint:
    "Say what the evidence is and where it is kept. Do not write pupils' names.",
  auditEvidenceUrlLabel: 'Link (optional)',
  auditEvidenceUrlHint:
    'A web address starting with https://, or a link to the file on your school’s system.',
  auditEvidenceAdd: 'Add evidence',
  auditEvidenceRemove: 'Remove evidence note {n}',
  auditEvidenceAdded: 'Evidence added and saved',
  auditErrorSummaryTitle: 'There is a problem',
  auditErrorPrefix: 'Error:',
  auditErrorNoteEmpty: 'Enter an evidence note',
  auditErrorNoteTooLong: 'The evidence note must be {max} characters or fewer',
  auditErrorNoteCharacters:
    'The evidence note has a hidden character that cannot be saved. Retype the part you pasted.',
  auditErrorUrl: 'Enter a link that starts with https://, mailto: or tel:, or a path on your site',
  auditErrorTooMany: 'A statement can have at most {max} evidence notes',
  auditErrorUnrated: {
    one: '{count} statement is not rated yet. Rate it, or choose Don’t know.',
    other: '{count} statements are not rated yet. Rate each one, or choose Don’t know.',
  },
  auditPrevious: 'Previous statement',
  auditContinue: 'Save and continue',
  auditContinueToCheck: 'Save and check your ratings',
  auditBackToOverview: 'Back to all areas',
  auditSaved: 'Saved',
  auditPerceptionHeading: 'What others say',
  auditPerceptionRow: {
    one: '{group}: {percent}% agree ({count} person answered)',
    other: '{group}: {percent}% agree ({count} people answered)',
  },
  auditPerceptionHidden:
    '{group}: {symbol} — fewer than {min} people answered, so their answers are hidden to protect privacy',
  auditPerceptionNobody: '{group}: nobody answered',
  auditEvidenceKindLabel: 'Kind of evidence',
  auditEvidenceKindChoose: 'Choose a kind',
  auditEvidenceKindDocument: 'A document',
  auditEvidenceKindObservation: 'An observation',
  auditEvidenceKindSurvey: 'A survey',
  auditEvidenceKindMinutes: 'Minutes of a meeting',
  auditEvidenceKindOther: 'Something else',
  auditErrorEvidenceKind: 'Choose the kind of evidence from the list',
  auditEvidenceAwardHint: {
    one: 'For the award, evidence needs a kind and a description of at least {count} word.',
    other: 'For the award, evidence needs a kind and a description of at least {count} words.',
  },
  auditPerceptionGap: '{group} rate this lower than you did.',
  auditPerceptionGapCount: {
    one: 'Others see {count} statement differently from you.',
    other: 'Others see {count} statements differently from you.',
  },
  auditStakeholderStaff: 'Staff',
  auditStakeholderParentCarer: 'Parents and carers',
  auditStakeholderGovernor: 'Governors',
  auditStakeholderPupilKs1: 'Pupils in key stage 1',
  auditStakeholderPupilKs2: 'Pupils in key stage 2',
  auditStakeholderPupilSecondary: 'Secondary pupils',
  auditStakeholderSchoolLead: 'School leads',
  auditStakeholderCpdDelegate: 'Training delegates',
  auditSummaryHeading: 'Check your ratings',
  auditSummaryScoresCaption: 'Scores by area',
  auditSummaryArea: 'Area',
  auditSummaryScore: 'Score',
  auditSummaryBaseline: 'Baseline',
  auditSummaryChange: 'Change',
  auditSummaryOverall: 'Overall',
  auditPercent: '{value}%',
  auditNoScore: 'No score yet',
  auditChange: '{value} points',
  auditSummaryCountsCaption: 'Ratings given',
  auditSummaryRating: 'Rating',
  auditSummaryStatements: 'Statements',
  auditSummaryDontKnow: 'You answered Don’t know to these: find out, then rate them',
  auditSummaryDirections:
    'Since the baseline: {improved} improved, {same} the same, {worse} worse, {notComparable} cannot be compared.',
  auditComplete: 'Complete the audit',
  auditCompleted: 'The audit is complete. You can still change a rating.',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends AuditStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends AuditStringParams {}
}
