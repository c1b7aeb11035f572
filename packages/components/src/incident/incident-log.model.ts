/**
 * The pure logic of `<at-incident-log>`: which term a day falls in, the filters, and the trend per
 * term. No DOM, so it is tested without rendering.
 *
 * @module
 */
import {
  termOf,
  type IncidentRecord,
  type IncidentStatus,
  type IncidentType,
  type TermSeason,
} from '@all-together/model';

/** A term's season. */
export type Season = TermSeason;

// Which days a term covers is the model's one definition (the termly return counts by it too).
export { termOf };

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
  /** Bullying incidents perceived (by anyone) as prejudice-related. */
  readonly prejudiceRelated: number;
  readonly total: number;
}

/**
 * The records per term, by status, oldest term first: exact counts, because this is the school's
 * own view of its own records (the termly return to the LA is what suppresses and rounds).
 */
export function trendsByTerm(records: readonly IncidentRecord[]): TermTrend[] {
  const by = new Map<
    string,
    {
      allegation: number;
      substantiated: number;
      notSubstantiated: number;
      prejudiceRelated: number;
    }
  >();
  for (const r of records) {
    const term = termOf(r.allegation.occurredOn);
    const t = by.get(term) ?? {
      allegation: 0,
      substantiated: 0,
      notSubstantiated: 0,
      prejudiceRelated: 0,
    };
    if (r.status === 'allegation') t.allegation++;
    else if (r.status === 'substantiated') {
      t.substantiated++;
      if (r.details?.prejudiceRelated) t.prejudiceRelated++;
    } else t.notSubstantiated++;
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
