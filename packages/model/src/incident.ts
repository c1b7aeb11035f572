/**
 * Incident recording (allegations, incidents and the termly return to the local authority). People
 * are recorded by their role and a reference the school makes up (its MIS holds who that is), never
 * by name: no field of these schemas holds a name.
 */
import * as z from 'zod';
import { ShownCount } from './published.js';
import { PlainText } from './text.js';

/** Where it happened. */
export const IncidentLocation = z.enum([
  'classroom',
  'corridor',
  'playground',
  'dining-hall',
  'toilets',
  'changing-room',
  'journey',
  'online',
  'off-site',
  'other',
]);
export type IncidentLocation = z.infer<typeof IncidentLocation>;

/** Who reported it. */
export const ReportedBy = z.enum(['target', 'pupil-witness', 'parent', 'staff', 'other']);
export type ReportedBy = z.infer<typeof ReportedBy>;

/** The types of bullying the Anti-Bullying Alliance recommends recording (an incident may have several). */
export const IncidentType = z.enum([
  'physical',
  'verbal',
  'relational',
  'online',
  'sexual',
  'damage-or-theft',
  'other',
]);
export type IncidentType = z.infer<typeof IncidentType>;

/** Online, offline, or both. */
export const IncidentSetting = z.enum(['offline', 'online', 'both']);
export type IncidentSetting = z.infer<typeof IncidentSetting>;

/** The characteristic a prejudice-related incident was perceived (by anyone) to target. */
export const PrejudiceCharacteristic = z.enum([
  'disability-send',
  'race',
  'religion',
  'sex',
  'sexual-orientation',
  'gender-identity',
  'appearance',
  'other',
]);
export type PrejudiceCharacteristic = z.infer<typeof PrejudiceCharacteristic>;

/** What was done. */
export const IncidentAction = z.enum([
  'restorative',
  'sanction',
  'parents-informed',
  'support-for-target',
  'support-for-perpetrator',
  'peer-support',
  'external-referral',
  'police',
  'monitoring',
  'other',
]);
export type IncidentAction = z.infer<typeof IncidentAction>;

/** Where it ended (so far). */
export const IncidentOutcome = z.enum(['resolved', 'ongoing', 'escalated', 'not-resolved']);
export type IncidentOutcome = z.infer<typeof IncidentOutcome>;

/** What the looking into it found. */
export const IncidentStatus = z.enum(['allegation', 'substantiated', 'not-substantiated']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** A person's part in it. */
export const Involvement = z.enum(['target', 'alleged-perpetrator', 'witness']);
export type Involvement = z.infer<typeof Involvement>;

/** Who a person is to the school. */
export const PersonRole = z.enum(['pupil', 'staff', 'parent', 'other']);
export type PersonRole = z.infer<typeof PersonRole>;

/** A member of staff's role, for who took an action (never their name). */
export const StaffRole = z.enum([
  'class-teacher',
  'head-of-year',
  'anti-bullying-lead',
  'designated-safeguarding-lead',
  'senior-leader',
  'senco',
  'other-staff',
]);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * A school-side pseudonymous reference: 1 to 6 capital letters or digits, a dash, 1 to 6 digits
 * (`P-0042`, `Y7-113`, `ST-4`). The school keeps the key from reference to person in its MIS.
 */
export const PERSON_REFERENCE = /^[A-Z0-9]{1,6}-[0-9]{1,6}$/;

export const PersonReference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    PERSON_REFERENCE,
    'Enter a reference like P-0042 (letters or digits, a dash, then digits), never a name.',
  );

/** One person involved, by role and reference. */
export const PersonInvolved = z.strictObject({
  involvement: Involvement,
  role: PersonRole,
  reference: PersonReference,
});
export type PersonInvolved = z.infer<typeof PersonInvolved>;

const Day = z.iso.date({ error: 'Enter a date like 2026-11-19.' });

/** What is recorded when something is reported: the allegation. */
export const Allegation = z.strictObject({
  occurredOn: Day,
  occurredAt: z.iso.time({ precision: -1, error: 'Enter a time like 12:40.' }).optional(),
  location: IncidentLocation,
  reportedBy: ReportedBy,
  alleged: PlainText(2000).pipe(z.string().min(1, 'Say what was alleged.')),
  people: z.array(PersonInvolved).max(30).default([]),
});
export type Allegation = z.infer<typeof Allegation>;

/** What is recorded once it is found to be a bullying incident. */
export const IncidentDetails = z.strictObject({
  types: z.array(IncidentType).min(1, 'Choose at least one type.'),
  setting: IncidentSetting,
  prejudiceRelated: z.boolean(),
  characteristics: z.array(PrejudiceCharacteristic).default([]),
  safeguarding: z.boolean(),
  whatHappened: PlainText(4000).default(''),
  impact: PlainText(2000).default(''),
  targetWishes: PlainText(2000).default(''),
  actions: z
    .array(z.strictObject({ action: IncidentAction, by: StaffRole }))
    .max(20)
    .default([]),
  outcome: IncidentOutcome,
  followUpOn: Day.optional(),
  reviewOn: Day.optional(),
});
export type IncidentDetails = z.infer<typeof IncidentDetails>;

/**
 * A record as staff save it: the allegation, what looking into it found, and (for a bullying
 * incident) its details. The rules between fields live here, once, for every form and server:
 * a substantiated incident needs its details; characteristics are chosen for a prejudice-related
 * incident and only for one. Details of an allegation not (yet) found to be bullying are dropped.
 */
export const IncidentUpdate = z
  .strictObject({
    allegation: Allegation,
    status: IncidentStatus,
    details: IncidentDetails.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'substantiated' && !v.details)
      ctx.addIssue({
        code: 'custom',
        path: ['details'],
        message: 'Complete the incident: its type, online or offline, and the outcome.',
      });
    if (v.details && !v.details.prejudiceRelated && v.details.characteristics.length)
      ctx.addIssue({
        code: 'custom',
        path: ['details', 'characteristics'],
        message: 'Choose characteristics only for a prejudice-related incident.',
      });
    if (v.details?.prejudiceRelated && !v.details.characteristics.length)
      ctx.addIssue({
        code: 'custom',
        path: ['details', 'characteristics'],
        message: 'Choose the characteristic it was perceived to target.',
      });
  })
  .transform((v) => ({ ...v, details: v.status === 'substantiated' ? v.details : null }));
export type IncidentUpdate = z.output<typeof IncidentUpdate>;
export type IncidentUpdateInput = z.input<typeof IncidentUpdate>;

/** A recorded allegation and, when decided, what it was found to be. */
export const IncidentRecord = z.strictObject({
  id: z.uuid(),
  school: z.string(),
  status: IncidentStatus,
  allegation: Allegation,
  details: IncidentDetails.nullable(),
  decidedOn: Day.nullable(),
  recordedOn: Day,
  updatedOn: Day,
});
export type IncidentRecord = z.infer<typeof IncidentRecord>;

/** A school term of a programme year: `2026-27-autumn`. */
export const TermId = z
  .string()
  .regex(/^\d{4}-\d{2}-(autumn|spring|summer)$/, 'A term is like 2026-27-autumn.');
export type TermId = z.infer<typeof TermId>;

/** A term's season, in the order of the programme year. */
export const TERM_SEASONS = ['autumn', 'spring', 'summer'] as const;
export type TermSeason = (typeof TERM_SEASONS)[number];

/**
 * The term a day (`YYYY-MM-DD`) falls in, as a {@link TermId} (`2026-27-autumn`). Terms are fixed
 * spans of the programme year so that every school's return covers the same days: autumn
 * 1 September to 31 December, spring 1 January to 31 March, summer 1 April to 31 August (holidays
 * fall inside them). The one definition of a term: the termly return, the LA's view and the
 * elements all count by it.
 */
export function termOf(day: string): TermId {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const season: TermSeason = month >= 9 ? 'autumn' : month <= 3 ? 'spring' : 'summer';
  const start = month >= 9 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}-${season}`;
}

/** The first and last day of a term (`YYYY-MM-DD`), by the spans {@link termOf} counts. */
export function termDates(term: TermId): { startsOn: string; endsOn: string } {
  const y = Number(term.slice(0, 4));
  const season = term.slice(8) as TermSeason;
  if (season === 'autumn') return { startsOn: `${y}-09-01`, endsOn: `${y}-12-31` };
  if (season === 'spring') return { startsOn: `${y + 1}-01-01`, endsOn: `${y + 1}-03-31` };
  return { startsOn: `${y + 1}-04-01`, endsOn: `${y + 1}-08-31` };
}

/** The three terms of a programme year (`2026-27`), in order. */
export const termsOf = (programmeYear: string): TermId[] =>
  TERM_SEASONS.map((season) => `${programmeYear}-${season}`);

/** The counts a termly return publishes, each as a figure or a symbol. */
export const TermlyFigures = z.strictObject({
  allegations: ShownCount,
  status: z.record(IncidentStatus, ShownCount),
  types: z.record(IncidentType, ShownCount),
  setting: z.record(IncidentSetting, ShownCount),
  prejudiceRelated: ShownCount,
  characteristics: z.record(PrejudiceCharacteristic, ShownCount),
  safeguarding: ShownCount,
  actions: z.record(IncidentAction, ShownCount),
  outcomes: z.record(IncidentOutcome, ShownCount),
});
export type TermlyFigures = z.infer<typeof TermlyFigures>;

/** A school's termly return, as the school reviews it and its LA receives it. */
export const TermlyReturn = z.strictObject({
  school: z.string(),
  term: TermId,
  state: z.enum(['draft', 'submitted']),
  submittedOn: Day.nullable(),
  figures: TermlyFigures,
});
export type TermlyReturn = z.infer<typeof TermlyReturn>;
