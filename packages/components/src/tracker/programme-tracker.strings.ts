/**
 * UI strings of `<at-programme-tracker>`: the keys, their parameters, and the British English text
 * (the CSV's header row too, so a translated page downloads a translated file). Stage, phase and
 * award names are chosen through complete, typed tables in `programme-tracker.ts`, so a stage the
 * model adds without a string here fails the type check.
 *
 * @module
 */
import type { Message } from '../shared/i18n.js';

type None = Record<string, never>;
type Count = { readonly count: number };
type Dated = { readonly date: string };

/** The parameters each `<at-programme-tracker>` string takes. */
export interface TrackerStringParams {
  readonly trackerHeading: None;
  /** "Programme year 2026-27". */
  readonly trackerYear: { readonly year: string };
  /** The summary line: `{count}` schools, `{stalled}`, `{overdue}`. */
  readonly trackerSummary: Count & { readonly stalled: number; readonly overdue: number };
  /** The live region after filtering: `{shown}` of `{count}` schools. */
  readonly trackerShowing: Count & { readonly shown: number };
  readonly trackerFilters: None;
  readonly trackerFilterStage: None;
  readonly trackerFilterStageAll: None;
  readonly trackerFilterFlag: None;
  readonly trackerFlagAll: None;
  readonly trackerFlagStalled: None;
  readonly trackerFlagOverdue: None;
  readonly trackerFlagEither: None;
  readonly trackerFilterGroup: None;
  readonly trackerGroupAll: None;
  readonly trackerGroupLas: None;
  readonly trackerGroupTrusts: None;
  readonly trackerGroupNoTrust: None;
  readonly trackerSearch: None;
  readonly trackerSearchHint: None;
  readonly trackerClearFilters: None;
  readonly trackerDownload: None;
  readonly trackerDownloadHint: None;
  /** The table's caption: `{year}`. */
  readonly trackerCaption: { readonly year: string };
  readonly trackerColSchool: None;
  readonly trackerColArea: None;
  readonly trackerColStage: None;
  readonly trackerColDates: None;
  readonly trackerColBaseline: None;
  readonly trackerColEnd: None;
  readonly trackerColActivity: None;
  readonly trackerColFlags: None;
  readonly trackerColAward: None;
  readonly trackerColReturn: None;
  /** A termly incident return, submitted: "Autumn term 2026: submitted 3 Dec 2026". */
  readonly trackerReturnSubmitted: { readonly term: string; readonly date: string };
  /** A termly incident return not yet submitted. */
  readonly trackerReturnNotYet: { readonly term: string };
  /** A term's name: "Autumn term 2026" (the calendar year the term starts in). */
  readonly trackerTermAutumn: { readonly year: string };
  readonly trackerTermSpring: { readonly year: string };
  readonly trackerTermSummer: { readonly year: string };
  readonly trackerUrn: { readonly urn: string };
  /** "Stage 3 of 8". */
  readonly trackerStageOf: { readonly number: number; readonly total: number };
  readonly trackerStageEnrolled: None;
  readonly trackerStageBaselineAudit: None;
  readonly trackerStageTime1Survey: None;
  readonly trackerStageActionPlan: None;
  readonly trackerStageTermlyReviews: None;
  readonly trackerStageTime2Survey: None;
  readonly trackerStageEndAudit: None;
  readonly trackerStageAward: None;
  readonly trackerPhasePrimary: None;
  readonly trackerPhaseSecondary: None;
  readonly trackerPhaseSpecial: None;
  readonly trackerPhaseAlternativeProvision: None;
  readonly trackerPhaseAllThrough: None;
  readonly trackerAwardParticipation: None;
  readonly trackerAwardBronze: None;
  readonly trackerAwardSilver: None;
  readonly trackerAwardGold: None;
  readonly trackerAwardNone: None;
  readonly trackerLaCode: { readonly code: string };
  readonly trackerNoTrust: None;
  readonly trackerDue: Dated;
  readonly trackerStageDone: Dated;
  readonly trackerEnrolledOn: Dated;
  readonly trackerNoDates: None;
  readonly trackerCountExact: Count;
  readonly trackerCountRounded: Count;
  readonly trackerCountAtLeast: Count;
  readonly trackerCountFewer: Count;
  readonly trackerNoSurvey: None;
  readonly trackerRateExact: { readonly percent: number };
  readonly trackerRateAbout: { readonly percent: number };
  readonly trackerRateAtLeast: { readonly percent: number };
  readonly trackerRateFewer: None;
  readonly trackerRateNoRoll: None;
  readonly trackerActivityAgo: Dated & Count;
  readonly trackerActivityDaysAgo: Dated & Count;
  readonly trackerActivityToday: Dated;
  readonly trackerNoActivity: Dated;
  readonly trackerNoActivityDate: None;
  readonly trackerTagOverdue: None;
  readonly trackerTagStalled: None;
  readonly trackerNoFlags: None;
  readonly trackerEmpty: None;
  readonly trackerNoMatch: None;
  readonly trackerWaiting: None;
  readonly trackerInvalidTitle: None;
  readonly trackerInvalidHint: None;
  readonly trackerInvalidMore: Count;
  readonly trackerCsvUrn: None;
  readonly trackerCsvSchool: None;
  readonly trackerCsvPhase: None;
  readonly trackerCsvLa: None;
  readonly trackerCsvTrust: None;
  readonly trackerCsvRoll: None;
  readonly trackerCsvStage: None;
  readonly trackerCsvStageNumber: None;
  readonly trackerCsvDue: None;
  readonly trackerCsvActivity: None;
  readonly trackerCsvBaseline: None;
  readonly trackerCsvBaselineRate: None;
  readonly trackerCsvEnd: None;
  readonly trackerCsvEndRate: None;
  readonly trackerCsvOverdue: None;
  readonly trackerCsvStalled: None;
  readonly trackerCsvAward: None;
  readonly trackerCsvReturnTerm: None;
  readonly trackerCsvReturnSubmitted: None;
  readonly trackerYes: None;
  readonly trackerNo: None;
}

/** The UI strings of `<at-programme-tracker>`. */
export type TrackerStrings = { readonly [K in keyof TrackerStringParams]: Message };

/** British English. */
export const trackerStrings: TrackerStrings = {
  trackerHeading: 'Programme tracker',
  trackerYear: 'Programme year {year}',
  trackerSummary: {
    one: '{count} school · {stalled} stalled · {overdue} overdue',
    other: '{count} schools · {stalled} stalled · {overdue} overdue',
  },
  trackerShowing: {
    one: 'Showing {shown} of {count} school',
    other: 'Showing {shown} of {count} schools',
  },
  trackerFilters: 'Filter schools',
  trackerFilterStage: 'Stage',
  trackerFilterStageAll: 'All stages',
  trackerFilterFlag: 'Flags',
  trackerFlagAll: 'All schools',
  trackerFlagStalled: 'Stalled',
  trackerFlagOverdue: 'Overdue',
  trackerFlagEither: 'Stalled or overdue',
  trackerFilterGroup: 'Local authority or trust',
  trackerGroupAll: 'All',
  trackerGroupLas: 'Local authorities',
  trackerGroupTrusts: 'Trusts',
  trackerGroupNoTrust: 'Not in a trust',
  trackerSearch: 'School name or URN',
  trackerSearchHint: 'Part of a name or URN is enough.',
  trackerClearFilters: 'Clear filters',
  trackerDownload: 'Download CSV',
  trackerDownloadHint: 'The file holds the schools shown, in the order shown.',
  trackerCaption: 'Schools in the programme year {year}',
  trackerColSchool: 'School',
  trackerColArea: 'Local authority and trust',
  trackerColStage: 'Stage',
  trackerColDates: 'Key dates',
  trackerColBaseline: 'Time 1 responses',
  trackerColEnd: 'Time 2 responses',
  trackerColActivity: 'Last activity',
  trackerColFlags: 'Flags',
  trackerColAward: 'Award',
  trackerColReturn: 'Incident return',
  trackerReturnSubmitted: '{term}: submitted {date}',
  trackerReturnNotYet: '{term}: not yet',
  trackerTermAutumn: 'Autumn term {year}',
  trackerTermSpring: 'Spring term {year}',
  trackerTermSummer: 'Summer term {year}',
  trackerUrn: 'URN {urn}',
  trackerStageOf: 'stage {number} of {total}',
  trackerStageEnrolled: 'Enrolled',
  trackerStageBaselineAudit: 'Baseline audit',
  trackerStageTime1Survey: 'Time 1 survey',
  trackerStageActionPlan: 'Action plan',
  trackerStageTermlyReviews: 'Termly reviews',
  trackerStageTime2Survey: 'Time 2 survey',
  trackerStageEndAudit: 'End audit',
  trackerStageAward: 'Award',
  trackerPhasePrimary: 'Primary',
  trackerPhaseSecondary: 'Secondary',
  trackerPhaseSpecial: 'Special',
  trackerPhaseAlternativeProvision: 'Alternative provision',
  trackerPhaseAllThrough: 'All-through',
  trackerAwardParticipation: 'Certificate of participation',
  trackerAwardBronze: 'Bronze',
  trackerAwardSilver: 'Silver',
  trackerAwardGold: 'Gold',
  trackerAwardNone: 'None yet',
  trackerLaCode: 'Local authority {code}',
  trackerNoTrust: 'Not in a trust',
  trackerDue: 'Due {date}',
  trackerStageDone: 'Stage done {date}',
  trackerEnrolledOn: 'Enrolled {date}',
  trackerNoDates: 'No dates given',
  trackerCountExact: { one: '{count} response', other: '{count} responses' },
  trackerCountRounded: 'About {count} responses (rounded to 5)',
  trackerCountAtLeast: '{count} or more responses so far',
  trackerCountFewer: 'Fewer than {count} responses so far',
  trackerNoSurvey: 'Not started',
  trackerRateExact: '{percent}% of pupils on roll',
  trackerRateAbout: 'about {percent}% of pupils on roll',
  trackerRateAtLeast: 'at least {percent}% of pupils on roll',
  trackerRateFewer: 'no rate until more pupils respond',
  trackerRateNoRoll: 'no rate: number on roll not known',
  trackerActivityAgo: {
    one: '{date} ({count} week ago)',
    other: '{date} ({count} weeks ago)',
  },
  trackerActivityDaysAgo: {
    one: '{date} ({count} day ago)',
    other: '{date} ({count} days ago)',
  },
  trackerActivityToday: '{date} (today)',
  trackerNoActivity: 'Nothing since enrolling on {date}',
  trackerNoActivityDate: 'Not known',
  trackerTagOverdue: 'Overdue',
  trackerTagStalled: 'Stalled',
  trackerNoFlags: 'None',
  trackerEmpty: 'No schools are enrolled in this programme year yet.',
  trackerNoMatch: 'No schools match these filters.',
  trackerWaiting: 'Waiting for the tracker’s data.',
  trackerInvalidTitle: 'The tracker cannot be shown: its data has problems',
  trackerInvalidHint:
    'Send this to whoever provides the data. Each line says where the problem is and what is wrong.',
  trackerInvalidMore: { one: 'and {count} more problem', other: 'and {count} more problems' },
  trackerCsvUrn: 'URN',
  trackerCsvSchool: 'School',
  trackerCsvPhase: 'Phase',
  trackerCsvLa: 'Local authority',
  trackerCsvTrust: 'Trust',
  trackerCsvRoll: 'Number on roll',
  trackerCsvStage: 'Stage',
  trackerCsvStageNumber: 'Stage number',
  trackerCsvDue: 'Current stage due',
  trackerCsvActivity: 'Last activity',
  trackerCsvBaseline: 'Time 1 responses',
  trackerCsvBaselineRate: 'Time 1 response rate',
  trackerCsvEnd: 'Time 2 responses',
  trackerCsvEndRate: 'Time 2 response rate',
  trackerCsvOverdue: 'Overdue',
  trackerCsvStalled: 'Stalled',
  trackerCsvAward: 'Award',
  trackerCsvReturnTerm: 'Incident return term',
  trackerCsvReturnSubmitted: 'Incident return submitted on',
  trackerYes: 'Yes',
  trackerNo: 'No',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends TrackerStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends TrackerStringParams {}
}
