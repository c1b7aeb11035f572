/**
 * The pure logic of `<at-incident-log>`: which term a day falls in, the filters, and the trend per
 * term. No DOM, so it is tested without rendering.
 *
 * @module
 */
import type { IncidentRecord, IncidentStatus, IncidentType } from '@all-together/model';

/** A term's season. */
export type Season = 'autumn' | 'spring' | 'summer';

/**
 * The term a day (`YYYY-MM-DD`) falls in, as the model's `TermId` (`2026-27-autumn`). Terms are
 * fixed spans of the programme year, as the termly return counts them: autumn 1 September to
 * 31 December, spring 1 January to 31 March, summer 1 April to 31 August.
 */
export function termOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const season: Season = month >= 9 ? 'autumn' : month <= 3 ? 'spring' : 'summer';
  const start = month >= 9 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}-${season}`;
}

/** A term's season and the calendar year it starts in (`2027-spring` of 2026-27 starts in 2027). */
export function termParts(term: string): { season: Season; year: number } {
  const season = term.slice(8) as Season;
  const first = Number(term.slice(0, 4));
  return { season, year: season === 'autumn' ? first : first + 1 };
}

/** The log's filters; an empty string means "all". */
export interface IncidentLogFilter {
  readonly status: IncidentStatus | '';
  readonly term: string;
  readonly type: IncidentType | '';
}

/** No filter. */
export const ALL: IncidentLogFilter = { status: '', term: '', type: '' };

/**
 * The records the filter keeps, newest first (by the day it happened, then the time). A type
 * filter keeps only decided incidents of that type: an allegation has no type yet.
 */
export function filterIncidents(
  records: readonly IncidentRecord[],
  f: IncidentLogFilter,
): IncidentRecord[] {
  return records
    .filter(
      (r) =>
        (!f.status || r.status === f.status) &&
        (!f.term || termOf(r.allegation.occurredOn) === f.term) &&
        (!f.type || (r.details?.types.includes(f.type) ?? false)),
    )
    .sort((a, b) =>
      `${b.allegation.occurredOn}T${b.allegation.occurredAt ?? ''}`.localeCompare(
        `${a.allegation.occurredOn}T${a.allegation.occurredAt ?? ''}`,
      ),
    );
}

/** One term's exact counts of records, by status. */
export interface TermTrend {
  readonly term: string;
  readonly allegation: number;
  readonly substantiated: number;
  readonly notSubstantiated: number;
  readonly total: number;
}

/**
 * The records per term, by status, oldest term first: exact counts, because this is the school's
 * own view of its own records (the termly return to the LA is what suppresses and rounds).
 */
export function trendsByTerm(records: readonly IncidentRecord[]): TermTrend[] {
  const by = new Map<
    string,
    { allegation: number; substantiated: number; notSubstantiated: number }
  >();
  for (const r of records) {
    const term = termOf(r.allegation.occurredOn);
    const t = by.get(term) ?? { allegation: 0, substantiated: 0, notSubstantiated: 0 };
    if (r.status === 'allegation') t.allegation++;
    else if (r.status === 'substantiated') t.substantiated++;
    else t.notSubstantiated++;
    by.set(term, t);
  }
  const order = (term: string) =>
    `${term.slice(0, 7)}${['autumn', 'spring', 'summer'].indexOf(term.slice(8))}`;
  return [...by.entries()]
    .sort(([a], [b]) => order(a).localeCompare(order(b)))
    .map(([term, t]) => ({
      term,
      ...t,
      total: t.allegation + t.substantiated + t.notSubstantiated,
    }));
}
