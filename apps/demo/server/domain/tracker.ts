/**
 * The programme tracker (docs/decisions/0033): where each school of an LA or a trust stands in one
 * programme year, worked out from what the portal holds — enrolment, audits, rounds, the action
 * plan and its reviews, the award submission — and never from a pupil's answer. What it returns is
 * the plain `ProgrammeTracker` data `<at-programme-tracker>` takes, so an LA can feed the same
 * element from its own systems.
 *
 * Stages, in order, and when each counts as done:
 * 1. enrolled: the school is enrolled in the programme year;
 * 2. baseline audit: an audit saved on one of the year's baseline rounds;
 * 3. Time 1 survey: a baseline round of the year closed with at least 10 answers;
 * 4. action plan: a plan with at least one objective;
 * 5. termly reviews: the plan has a review;
 * 6. Time 2 survey: an end round of the year closed with at least 10 answers;
 * 7. end audit: an audit saved on one of the year's end rounds;
 * 8. award: the end round submitted for the award (locked).
 * A school's stage is the first not yet done. Each stage has a default due date in the year
 * (`DUE`); overdue and stalled are worked out by the element from `today` and the data.
 *
 * Response counts leave the school's own view: a closed round's count is rounded to 5, an open
 * round's shown as a band ("25 or more", "fewer than 10"), as disclosure control requires.
 */
import {
  PROGRAMME_STAGES,
  type ProgrammeStage,
  type ProgrammeTrackerInput,
  type TrackerResponses as Responses,
} from '@all-together/model';
import { termsBegun } from './incidents.js';
import { K } from './lifecycle.js';
import { programmeYearDates } from './programme-year.js';
import type { AreaScope } from './scope.js';
import type { Repos } from '../repo/index.js';
import type { YearRoundRow } from '../repo/tenancy.js';

export const STAGES = PROGRAMME_STAGES;
export type Stage = ProgrammeStage;

/** Default due dates: month and day, and whether in the year's second calendar year. */
export const DUE: Readonly<Record<Exclude<Stage, 'enrolled'>, readonly [number, number, 0 | 1]>> = {
  'baseline-audit': [10, 31, 0],
  'time-1-survey': [11, 30, 0],
  'action-plan': [1, 31, 1],
  'termly-reviews': [4, 30, 1],
  'time-2-survey': [6, 30, 1],
  'end-audit': [7, 15, 1],
  award: [7, 31, 1],
};

/** How many responses a round has, as someone outside the school may see it. */
export function responsesShown(round: YearRoundRow | undefined, today: string): Responses | null {
  if (!round) return null;
  const n = round.responses;
  const open = round.state === 'open' && round.closes_on >= today;
  if (n < K) return { kind: 'fewer-than', value: K };
  if (open) return { kind: 'at-least', value: Math.floor(n / 5) * 5 };
  // Half up to the nearest 5, like every count published outside the school.
  return { kind: 'rounded', value: Math.floor((n + 2) / 5) * 5 };
}

const closedOn = (r: YearRoundRow, today: string): string | null =>
  r.state !== 'open' ? (r.closed_on ?? r.closes_on) : r.closes_on < today ? r.closes_on : null;

const latest = (...days: (string | null | undefined)[]): string | null =>
  days
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1) ?? null;
const earliest = (...days: (string | null | undefined)[]): string | null =>
  days.filter((d): d is string => Boolean(d)).sort()[0] ?? null;

/**
 * The tracker's data for the enrolled schools of an area in one programme year.
 */
export async function programmeTracker(
  repo: Repos,
  area: AreaScope,
  year: string,
  today: string,
  stalledAfterWeeks = 6,
): Promise<ProgrammeTrackerInput & { programmeYear: string; today: string }> {
  const [schools, enrolled, rounds, documents, logged, awards] = await Promise.all([
    repo.tenancy.schools(area),
    repo.tenancy.enrolments(area, year),
    repo.tracker.rounds(area, year),
    repo.tracker.documents(area, year),
    repo.tracker.lastLogged(area, year),
    repo.moderation.awards(),
  ]);
  // The termly incident return shown is the latest term of the year that has begun.
  const term = termsBegun(year, today).at(-1);
  const returns = term
    ? new Map(
        (await repo.incidents.returns(schools.map((x) => x.urn)))
          .filter((r) => r.term === term)
          .map((r) => [r.school_urn, r.submitted_on]),
      )
    : new Map<string, string>();
  // The award a final decision made in this programme year (newest first from the repository).
  const awardOf = (urn: string) =>
    awards.find((w) => w.school_urn === urn && w.programme_year === year)?.level ?? null;
  const start = Number(programmeYearDates(year).startsOn.slice(0, 4));
  const due = (stage: Stage): string | null => {
    if (stage === 'enrolled') return null;
    const [m, d, later] = DUE[stage];
    return `${start + later}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const rows = [];
  for (const s of schools) {
    const enrolledOn = enrolled.get(s.urn);
    if (!enrolledOn) continue;
    const own = rounds.filter((r) => r.school_urn === s.urn);
    const docs = documents.filter((d) => d.school_urn === s.urn);
    const wave = (w: 'baseline' | 'end') => own.filter((r) => r.wave === w);
    const reporting = (w: 'baseline' | 'end') =>
      wave(w)
        .filter((r) => closedOn(r, today) !== null && r.responses >= K)
        .sort((a, b) => (closedOn(a, today)! < closedOn(b, today)! ? -1 : 1))
        .at(-1);
    const auditOn = (w: 'baseline' | 'end') =>
      earliest(
        ...docs
          .filter((d) => d.kind === 'audit' && wave(w).some((r) => r.id === d.round_id))
          .map((d) => d.updated_on),
      );
    const plans = docs.filter((d) => d.kind === 'plan' && d.objectives > 0);
    const t1 = reporting('baseline');
    const t2 = reporting('end');
    const done: Record<Stage, string | null> = {
      enrolled: enrolledOn,
      'baseline-audit': auditOn('baseline'),
      'time-1-survey': t1 ? closedOn(t1, today) : null,
      'action-plan': earliest(...plans.map((p) => p.updated_on)),
      // A review counts for the year it was held in (a plan carried over keeps last year's).
      'termly-reviews': latest(
        ...plans.map((p) =>
          p.last_review_on && p.last_review_on >= programmeYearDates(year).startsOn
            ? p.last_review_on
            : null,
        ),
      ),
      'time-2-survey': t2 ? closedOn(t2, today) : null,
      'end-audit': auditOn('end'),
      award: latest(...wave('end').map((r) => r.locked_on)),
    };
    const stage = STAGES.find((st) => !done[st]) ?? 'award';
    const showing = (w: 'baseline' | 'end') =>
      reporting(w) ??
      wave(w)
        .sort((a, b) => (a.opens_on < b.opens_on ? -1 : 1))
        .at(-1);
    rows.push({
      urn: s.urn as ProgrammeTrackerInput['schools'][number]['urn'],
      name: s.name,
      phase: s.phase as ProgrammeTrackerInput['schools'][number]['phase'],
      localAuthority:
        s.local_authority as ProgrammeTrackerInput['schools'][number]['localAuthority'],
      trust: s.trust_name,
      numberOnRoll: s.number_on_roll,
      stage,
      stages: Object.fromEntries(
        STAGES.map((st) => [st, { completedOn: done[st], dueOn: due(st) }]),
      ) as Record<Stage, { completedOn: string | null; dueOn: string | null }>,
      lastActivityOn: latest(
        enrolledOn,
        ...own.map((r) => (r.opens_on <= today ? r.opens_on : null)),
        ...docs.map((d) => d.updated_on),
        ...docs.map((d) => d.last_review_on),
        logged.get(s.urn),
      ),
      responses: {
        baseline: responsesShown(showing('baseline'), today),
        end: responsesShown(showing('end'), today),
      },
      award: awardOf(s.urn),
      incidentReturn: term ? { term, submittedOn: returns.get(s.urn) ?? null } : null,
    });
  }
  const authorities = new Map(schools.map((s) => [s.local_authority, s.la_name]));
  return {
    programmeYear: year,
    today,
    stalledAfterWeeks,
    localAuthorities: [...authorities].map(([code, name]) => ({ code, name })),
    schools: rows,
  };
}
