import * as z from 'zod';
import { AwardLevel } from './award.js';
import { IsoDate, LocalAuthorityCode, Urn } from './ids.js';
import { TermId } from './incident.js';
import { LocalAuthority, SchoolPhase } from './organisations.js';
import { PlainText } from './text.js';

/**
 * The programme tracker: one row per school of a local authority's or trust's programme year, with
 * the stage each school is working on, its dates, its pupils' response counts (as the viewer may
 * see them) and its award. Plain data, so an LA can feed `<at-programme-tracker>` from its own
 * systems; {@link trackerFlags} is the one place the overdue and stalled rules and the response
 * rate are worked out.
 *
 * @module
 */

/** The stages of a school's programme year, in the order a school works through them. */
export const PROGRAMME_STAGES = [
  'enrolled',
  'baseline-audit',
  'time-1-survey',
  'action-plan',
  'termly-reviews',
  'time-2-survey',
  'end-audit',
  'award',
] as const;

/** A stage of a school's programme year; {@link PROGRAMME_STAGES} gives their order. */
export const ProgrammeStage = z.enum(PROGRAMME_STAGES, {
  message: `A stage is one of ${PROGRAMME_STAGES.join(', ')}.`,
});
export type ProgrammeStage = z.infer<typeof ProgrammeStage>;

/** A stage's position, 1 for `enrolled` to 8 for `award` (for "3 of 8"). */
export function stageNumber(stage: ProgrammeStage): number {
  return PROGRAMME_STAGES.indexOf(stage) + 1;
}

/**
 * A programme year: an academic year written `2026-27` (the second part is the year after the
 * first, in two digits).
 */
export const ProgrammeYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'A programme year is written like 2026-27.')
  .refine((s) => (Number(s.slice(0, 4)) + 1) % 100 === Number(s.slice(5)), {
    message: 'A programme year runs over two consecutive years, for example 2026-27.',
  });
export type ProgrammeYear = z.infer<typeof ProgrammeYear>;

const count = z.int('A count is a whole number.').min(0, 'A count cannot be negative.');
const fives = count.multipleOf(5, 'A count rounded to 5 is a multiple of 5, for example 35.');

/**
 * A number of pupils' responses, as the viewer may see it (disclosure control happens before the
 * data reaches the tracker; the tracker never makes a count more precise than it was given):
 *
 * - `exact`: a closed round, in the school's own view;
 * - `rounded`: outside the school's own view, rounded to the nearest 5;
 * - `at-least`: a round still open, "25 or more" (rounded down to 5, at least 10);
 * - `fewer-than`: a round still open with fewer than `value` responses (normally 10).
 */
export const TrackerResponses = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exact'), value: count }),
  z.strictObject({ kind: z.literal('rounded'), value: fives }),
  z.strictObject({
    kind: z.literal('at-least'),
    value: fives.min(10, 'An open round shows "at least" from 10 responses; use fewer-than below.'),
  }),
  z.strictObject({
    kind: z.literal('fewer-than'),
    value: count.min(1, 'A "fewer than" count is at least 1.'),
  }),
]);
export type TrackerResponses = z.infer<typeof TrackerResponses>;

/** When a stage was completed and when it is due; either may be unknown (null). */
export const TrackerStageDates = z.strictObject({
  completedOn: IsoDate.nullable(),
  dueOn: IsoDate.nullable(),
});
export type TrackerStageDates = z.infer<typeof TrackerStageDates>;

const Name = PlainText(200).min(1, 'A name must not be empty.');

/** One school's row in the programme tracker. */
export const ProgrammeTrackerSchool = z.strictObject({
  urn: Urn,
  name: Name,
  phase: SchoolPhase,
  /** The local authority the school sits in. */
  localAuthority: LocalAuthorityCode,
  /** The display name of the school's trust, or null for a maintained or standalone school. */
  trust: Name.nullable(),
  /** Pupils on roll, the base of the response rate; null when not known (no rate is shown). */
  numberOnRoll: z.int('A number on roll is a whole number.').min(0).nullable(),
  /** The stage the school is working on now. */
  stage: ProgrammeStage,
  /** Dates per stage; a stage not listed has neither date. `enrolled.completedOn` is the enrolment date. */
  stages: z.partialRecord(ProgrammeStage, TrackerStageDates),
  /** The last thing the school did, at any stage; null when it has done nothing since enrolling. */
  lastActivityOn: IsoDate.nullable(),
  /** Pupils' responses at Time 1 (baseline) and Time 2 (end); null before that survey opens. */
  responses: z.strictObject({
    baseline: TrackerResponses.nullable(),
    end: TrackerResponses.nullable(),
  }),
  /** The award confirmed after moderation, or null while there is none. */
  award: AwardLevel.nullable(),
  /**
   * The school's termly incident return for the latest term of the year that has begun: the day
   * it was submitted, or null while it has not been. Absent (or null) where returns are not
   * collected.
   */
  incidentReturn: z
    .strictObject({ term: TermId, submittedOn: IsoDate.nullable() })
    .nullable()
    .optional(),
});
export type ProgrammeTrackerSchool = z.infer<typeof ProgrammeTrackerSchool>;

/** What `<at-programme-tracker>` shows: a programme year's schools, and the day to judge them on. */
export const ProgrammeTracker = z
  .strictObject({
    programmeYear: ProgrammeYear,
    /** The day the flags are worked out for (passed in, so the same data always gives the same flags). */
    today: IsoDate,
    /** A school is stalled after this many whole weeks without activity (1–52, default 6). */
    stalledAfterWeeks: z
      .int('Weeks are a whole number.')
      .min(1, 'At least 1 week.')
      .max(52, 'At most 52 weeks.')
      .default(6),
    /** Names of the local authorities the schools sit in, shown instead of bare codes (optional). */
    localAuthorities: z.array(LocalAuthority).default([]),
    schools: z.array(ProgrammeTrackerSchool),
  })
  .superRefine((tracker, ctx) => {
    const seen = new Set<string>();
    tracker.schools.forEach((school, i) => {
      if (seen.has(school.urn))
        ctx.addIssue({
          code: 'custom',
          path: ['schools', i, 'urn'],
          message: `URN ${school.urn} is listed more than once.`,
        });
      seen.add(school.urn);
    });
  });
export type ProgrammeTracker = z.infer<typeof ProgrammeTracker>;
/** The tracker as a host writes it (`stalledAfterWeeks` and `localAuthorities` may be left out). */
export type ProgrammeTrackerInput = z.input<typeof ProgrammeTracker>;

/**
 * A response rate as it may be shown. `kind` says how sure it is: `exact` (from an exact count),
 * `about` (from a count rounded to 5), `at-least` (an open round with at least that many), or
 * `none` with the reason no rate can be shown. `percent` is a whole number 0–100, or null.
 */
export interface ResponseRate {
  readonly kind: 'exact' | 'about' | 'at-least' | 'none';
  readonly percent: number | null;
  /** Why there is no rate, when `kind` is `none`. */
  readonly reason: 'no-round' | 'fewer-than' | 'no-roll' | null;
  /** The rate in British English words ("38%", "about 40%", "at least 35%", "no rate: …"). */
  readonly text: string;
}

/** The flags of one school in the tracker. */
export interface TrackerFlags {
  /** The current stage's due date has passed and the stage is not complete. */
  readonly overdue: boolean;
  /** Nothing done for `stalledAfterWeeks` weeks or more (see {@link trackerFlags}). */
  readonly stalled: boolean;
  /** Whole days since the last activity (or enrolment), or null when neither date is known. */
  readonly daysSinceActivity: number | null;
  /** Response rates against the number on roll at Time 1 and Time 2. */
  readonly responseRate: { readonly baseline: ResponseRate; readonly end: ResponseRate };
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/**
 * The response rate a count supports, never more precise than the count: an exact count gives a
 * rate; a rounded count gives "about" the rate of the rounded count; "at least N" gives "at least"
 * the rate of N, rounded down; "fewer than N" gives no rate (a rate would show how few). Rates are
 * whole percentages (half up, "at least" down), capped at 100 (a roll may be out of date).
 *
 * @param responses - The count as the viewer may see it, or null before the survey opens.
 * @param numberOnRoll - The school's pupils on roll, or null when not known.
 */
export function responseRate(
  responses: TrackerResponses | null,
  numberOnRoll: number | null,
): ResponseRate {
  if (responses === null)
    return { kind: 'none', percent: null, reason: 'no-round', text: 'no survey yet' };
  if (responses.kind === 'fewer-than')
    return {
      kind: 'none',
      percent: null,
      reason: 'fewer-than',
      text: `no rate: fewer than ${responses.value} responses`,
    };
  if (numberOnRoll === null || numberOnRoll === 0)
    return {
      kind: 'none',
      percent: null,
      reason: 'no-roll',
      text: 'no rate: number on roll not known',
    };
  const share = (responses.value * 100) / numberOnRoll;
  if (responses.kind === 'at-least') {
    const percent = Math.min(100, Math.floor(share));
    return { kind: 'at-least', percent, reason: null, text: `at least ${percent}%` };
  }
  const percent = Math.min(100, Math.round(share));
  return responses.kind === 'exact'
    ? { kind: 'exact', percent, reason: null, text: `${percent}%` }
    : { kind: 'about', percent, reason: null, text: `about ${percent}%` };
}

/**
 * The flags of one school on a given day. The rules, in words:
 *
 * - **Overdue**: the stage the school is working on has a due date, that date is before `today`
 *   (a stage due today is not yet overdue), and the stage has no completion date.
 * - **Stalled**: the school has done nothing for `stalledAfterWeeks` whole weeks or more (exactly
 *   6 weeks is stalled by default). "Nothing" is measured from `lastActivityOn`, or, for a school
 *   that has done nothing since it enrolled, from its enrolment date (`stages.enrolled.completedOn`).
 *   A school with neither date is not flagged (there is nothing to measure from), and a school
 *   that has finished (its `award` stage has a completion date) is never stalled or overdue.
 * - **Response rate**: see {@link responseRate}.
 *
 * @param school - The school's row, already parsed.
 * @param options - The day to judge on and the weeks without activity that make a school stalled.
 */
export function trackerFlags(
  school: ProgrammeTrackerSchool,
  options: { readonly today: string; readonly stalledAfterWeeks: number },
): TrackerFlags {
  const finished = (school.stages.award?.completedOn ?? null) !== null;
  const current = school.stages[school.stage];
  const overdue =
    !finished &&
    current !== undefined &&
    current.completedOn === null &&
    current.dueOn !== null &&
    current.dueOn < options.today;
  const since = school.lastActivityOn ?? school.stages.enrolled?.completedOn ?? null;
  const daysSinceActivity = since === null ? null : Math.max(0, days(since, options.today));
  const stalled =
    !finished && daysSinceActivity !== null && daysSinceActivity >= options.stalledAfterWeeks * 7;
  return {
    overdue,
    stalled,
    daysSinceActivity,
    responseRate: {
      baseline: responseRate(school.responses.baseline, school.numberOnRoll),
      end: responseRate(school.responses.end, school.numberOnRoll),
    },
  };
}
