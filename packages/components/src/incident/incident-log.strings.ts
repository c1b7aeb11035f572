/**
 * UI strings of `<at-incident-log>`: the keys, their parameters, and the British English text.
 * Statuses, types, locations and seasons are chosen through complete, typed tables in
 * `incident-log.ts`, so a value the model adds without a string here fails the type check.
 *
 * @module
 */
import type { Message } from '../shared/i18n.js';

type None = Record<string, never>;

/** The parameters each `<at-incident-log>` string takes. */
export interface IncidentLogStringParams {
  readonly incidentLogHeading: None;
  readonly incidentLogPrivacy: None;
  readonly incidentLogTrendHeading: None;
  readonly incidentLogTrendCaption: None;
  readonly incidentLogTrendEmpty: None;
  readonly incidentLogRecordsHeading: None;
  readonly incidentLogFilters: None;
  readonly incidentLogAll: None;
  /** "Showing 3 of 12 records". */
  readonly incidentLogShowing: { readonly shown: number; readonly total: number };
  readonly incidentLogNothingFound: None;
  readonly incidentLogEmpty: None;
  readonly incidentLogCaption: None;
  readonly incidentLogColTerm: None;
  readonly incidentLogColTotal: None;
  readonly incidentLogColPrejudice: None;
  readonly incidentLogColDate: None;
  readonly incidentLogColWhere: None;
  readonly incidentLogColStatus: None;
  readonly incidentLogColType: None;
  readonly incidentLogStatus: None;
  readonly incidentLogTerm: None;
  readonly incidentLogType: None;
  /** "Autumn term 2026". */
  readonly incidentLogTermLabel: { readonly season: string; readonly year: string };
  /** The accessible name of a record's link or button: "Open the record of 19 Nov 2026, Playground". */
  readonly incidentLogOpen: { readonly date: string; readonly where: string };
  readonly incidentLogInvalid: None;
  readonly incidentLogAutumn: None;
  readonly incidentLogSpring: None;
  readonly incidentLogSummer: None;
  readonly incidentLogStatusAllegation: None;
  readonly incidentLogStatusSubstantiated: None;
  readonly incidentLogStatusNotSubstantiated: None;
  readonly incidentLogTypePhysical: None;
  readonly incidentLogTypeVerbal: None;
  readonly incidentLogTypeRelational: None;
  readonly incidentLogTypeOnline: None;
  readonly incidentLogTypeSexual: None;
  readonly incidentLogTypeDamageOrTheft: None;
  readonly incidentLogTypeOther: None;
  readonly incidentLogWhereClassroom: None;
  readonly incidentLogWhereCorridor: None;
  readonly incidentLogWherePlayground: None;
  readonly incidentLogWhereDiningHall: None;
  readonly incidentLogWhereToilets: None;
  readonly incidentLogWhereChangingRoom: None;
  readonly incidentLogWhereJourney: None;
  readonly incidentLogWhereOnline: None;
  readonly incidentLogWhereOffSite: None;
  readonly incidentLogWhereOther: None;
}

/** `<at-incident-log>` strings, as the shared table holds them. */
export type IncidentLogStrings = { readonly [K in keyof IncidentLogStringParams]: Message };

/** British English. */
export const incidentLogStrings: IncidentLogStrings = {
  incidentLogHeading: 'Incident log',
  incidentLogPrivacy:
    'People are recorded by their role and your school’s reference, never by name. Only your school’s safeguarding and anti-bullying staff should see this log.',
  incidentLogTrendHeading: 'Trend per term',
  incidentLogTrendCaption: 'Records per term, by what looking into them found (exact counts)',
  incidentLogTrendEmpty: 'No records yet, so no trend.',
  incidentLogRecordsHeading: 'Records',
  incidentLogFilters: 'Show records',
  incidentLogAll: 'All',
  incidentLogShowing: 'Showing {shown} of {total} records',
  incidentLogNothingFound: 'No records match. Choose “All” in a filter to see more.',
  incidentLogEmpty: 'No allegations recorded yet.',
  incidentLogCaption: 'Records, newest first',
  incidentLogColTerm: 'Term',
  incidentLogColTotal: 'All records',
  incidentLogColPrejudice: 'Prejudice-related incidents',
  incidentLogColDate: 'Date',
  incidentLogColWhere: 'Where',
  incidentLogColStatus: 'Status',
  incidentLogColType: 'Type',
  incidentLogStatus: 'Status',
  incidentLogTerm: 'Term',
  incidentLogType: 'Type of bullying',
  incidentLogTermLabel: '{season} term {year}',
  incidentLogOpen: 'Open the record of {date}, {where}',
  incidentLogInvalid: 'The log cannot be shown: its data has problems.',
  incidentLogAutumn: 'Autumn',
  incidentLogSpring: 'Spring',
  incidentLogSummer: 'Summer',
  incidentLogStatusAllegation: 'Allegation, not yet decided',
  incidentLogStatusSubstantiated: 'Bullying incident',
  incidentLogStatusNotSubstantiated: 'Not bullying',
  incidentLogTypePhysical: 'Physical',
  incidentLogTypeVerbal: 'Verbal',
  incidentLogTypeRelational: 'Relational (leaving out, rumours)',
  incidentLogTypeOnline: 'Online',
  incidentLogTypeSexual: 'Sexual',
  incidentLogTypeDamageOrTheft: 'Damage or theft',
  incidentLogTypeOther: 'Other',
  incidentLogWhereClassroom: 'Classroom',
  incidentLogWhereCorridor: 'Corridor',
  incidentLogWherePlayground: 'Playground',
  incidentLogWhereDiningHall: 'Dining hall',
  incidentLogWhereToilets: 'Toilets',
  incidentLogWhereChangingRoom: 'Changing room',
  incidentLogWhereJourney: 'Journey to or from school',
  incidentLogWhereOnline: 'Online',
  incidentLogWhereOffSite: 'Off site',
  incidentLogWhereOther: 'Other',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends IncidentLogStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends IncidentLogStringParams {}
}
