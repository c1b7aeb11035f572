/**
 * The programme year (docs/decisions/0032): an academic year, 1 September to 31 August, named like
 * `2026-27`. Every round is in one (the database files a round by the day it opens, migration 023);
 * comparisons and an area's figures use rounds of one programme year only.
 */
import { z } from 'zod';

/** A programme year's id: `2026-27`, the second part the year after the first. */
export const ProgrammeYearId = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'A programme year is written like 2026-27.')
  .refine(
    (id) => (Number(id.slice(0, 4)) + 1) % 100 === Number(id.slice(5)),
    'A programme year runs from one September to the next August, like 2026-27.',
  );

/** A query naming a programme year (`?year=2026-27`); absent, the route picks its default. */
export const YearQuery = z.object({ year: ProgrammeYearId.optional() });

/** The programme year a day falls in (September onwards is the next year's). */
export function programmeYearOf(isoDay: string): string {
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The first and last day of a programme year. */
export function programmeYearDates(id: string): { startsOn: string; endsOn: string } {
  const start = Number(id.slice(0, 4));
  return { startsOn: `${start}-09-01`, endsOn: `${start + 1}-08-31` };
}

/** A programme year in words: "2026 to 2027". */
export const programmeYearLabel = (id: string): string =>
  `${id.slice(0, 4)} to ${Number(id.slice(0, 4)) + 1}`;
