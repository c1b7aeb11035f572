/**
 * One fixture set for `<at-programme-tracker>` (stories, tests, the strict-CSP run): a synthetic
 * local authority of 30 schools in the programme year 2026-27, some in trusts, at mixed stages,
 * some stalled and some overdue; the 6 schools of one trust (across two LAs); an empty year; and
 * data with mistakes. Made by code from a fixed table, so every figure is reproducible. Counts are
 * as an LA sees them: closed rounds rounded to 5, open rounds "at least" or "fewer than".
 *
 * @module
 */
import {
  PROGRAMME_STAGES,
  type ProgrammeStage,
  type ProgrammeTrackerInput,
  type SchoolPhase,
} from '@all-together/model';

/** The day the fixtures are judged on. */
export const TODAY = '2027-03-10';

/** When each stage is due in the fixtures' programme year. */
const DUE: Readonly<Record<ProgrammeStage, string>> = {
  enrolled: '2026-09-11',
  'baseline-audit': '2026-10-16',
  'time-1-survey': '2026-11-20',
  'action-plan': '2027-01-29',
  'termly-reviews': '2027-04-02',
  'time-2-survey': '2027-05-21',
  'end-audit': '2027-06-25',
  award: '2027-07-16',
};

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const LAS = [
  { code: '990', name: 'Northdale County Council' },
  { code: '991', name: 'Eastmere Borough Council' },
];
const RIVERSIDE = 'Riverside Learning Trust';
const OAK = 'Oak Tree Academies';

/**
 * [name, phase, LA, trust, on roll, stage, days since last activity (null: nothing since
 * enrolling), days the current stage is past due (negative: due later), open round]
 */
type Row = [
  string,
  SchoolPhase,
  string,
  string | null,
  number | null,
  ProgrammeStage,
  number | null,
  number,
];
const TABLE: readonly Row[] = [
  ['Ash Grove Primary', 'primary', '990', null, 212, 'action-plan', 9, 40],
  ['Beacon Hill Academy', 'secondary', '990', RIVERSIDE, 1184, 'termly-reviews', 12, -23],
  ['Birchfield Infant School', 'primary', '990', null, 176, 'time-1-survey', 58, 110],
  ['Brookside Special School', 'special', '990', null, 88, 'baseline-audit', 30, -5],
  ['Castle View Primary', 'primary', '990', OAK, 405, 'termly-reviews', 4, -23],
  ['Church Lane C of E Primary', 'primary', '990', null, 198, 'action-plan', 16, 40],
  ['Dale End Junior School', 'primary', '990', null, 240, 'termly-reviews', 20, -23],
  ['Elmwood High School', 'secondary', '990', null, 1320, 'time-1-survey', 3, -2],
  ['Fernhill Primary', 'primary', '990', RIVERSIDE, 301, 'action-plan', 50, 40],
  [
    'Greenacre Pupil Referral Unit',
    'alternative-provision',
    '990',
    null,
    34,
    'baseline-audit',
    null,
    -10,
  ],
  ['Harbour Academy', 'secondary', '991', RIVERSIDE, 968, 'time-2-survey', 2, -72],
  ['Hollybank Primary', 'primary', '990', null, 420, 'baseline-audit', 71, 145],
  ['Ivy Lane Nursery and Infant', 'primary', '990', null, 150, 'enrolled', 2, -10],
  ['Juniper Fields All-Through', 'all-through', '990', OAK, 1502, 'action-plan', 11, -20],
  ['Kingsmead Primary', 'primary', '990', null, 630, 'termly-reviews', 6, -23],
  ['Larchwood Academy', 'secondary', '990', RIVERSIDE, 870, 'time-1-survey', 44, 110],
  ['Meadowbank Primary', 'primary', '990', null, 95, 'action-plan', 8, -20],
  ['Northgate Primary', 'primary', '990', null, null, 'enrolled', 13, -5],
  ['Orchard Way Primary', 'primary', '990', OAK, 360, 'termly-reviews', 15, -23],
  ['Parkside School', 'special', '990', null, 120, 'time-1-survey', 5, -2],
  ['Queensway Primary', 'primary', '990', null, 228, 'baseline-audit', null, 160],
  ['Riverside Primary', 'primary', '991', RIVERSIDE, 455, 'time-2-survey', 1, -72],
  ['St Anne’s Catholic Primary', 'primary', '990', null, 210, 'action-plan', 22, -20],
  ['St Mark’s C of E Academy', 'secondary', '990', null, 1050, 'termly-reviews', 9, -23],
  ['Thornbury Primary', 'primary', '990', null, 312, 'enrolled', 3, -5],
  ['Upton Wood Primary', 'primary', '990', null, 180, 'time-1-survey', 10, -2],
  ['Valley Road Primary', 'primary', '990', null, 267, 'action-plan', 35, -20],
  ['Westfield Academy', 'secondary', '990', RIVERSIDE, 1120, 'end-audit', 5, -107],
  ['Willow Brook Primary', 'primary', '990', null, 205, 'award', 12, -128],
  ['Yew Tree Primary', 'primary', '990', null, 190, 'termly-reviews', 7, -23],
];

type School = ProgrammeTrackerInput['schools'][number];
type Counted = School['responses']['baseline'];

/** A count as the LA sees it: a closed round rounded to 5, an open one "at least" / "fewer than". */
const counted = (roll: number | null, share: number, open: boolean): Counted => {
  const n = Math.round((roll ?? 200) * share);
  if (!open) return { kind: 'rounded', value: Math.round(n / 5) * 5 };
  return n < 10
    ? { kind: 'fewer-than', value: 10 }
    : { kind: 'at-least', value: Math.floor(n / 5) * 5 };
};

function school(row: Row, i: number): School {
  const [name, phase, la, trust, roll, stage, idle, late] = row;
  const at = PROGRAMME_STAGES.indexOf(stage);
  const stages: School['stages'] = {};
  PROGRAMME_STAGES.forEach((s, j) => {
    if (j < at) stages[s] = { completedOn: addDays(DUE[s], (i % 5) - 2), dueOn: DUE[s] };
  });
  stages[stage] = { completedOn: null, dueOn: addDays(TODAY, -late) };
  // Enrolment is the first stage's completion; a school that has done nothing since is measured
  // from that day.
  stages.enrolled =
    stage === 'enrolled'
      ? { completedOn: null, dueOn: addDays(TODAY, -late) }
      : {
          completedOn: idle === null ? addDays(TODAY, -70 - i) : '2026-09-07',
          dueOn: DUE.enrolled,
        };
  const share = 0.55 + ((i * 7) % 30) / 100;
  const t1 = PROGRAMME_STAGES.indexOf('time-1-survey');
  const t2 = PROGRAMME_STAGES.indexOf('time-2-survey');
  return {
    urn: String(140101 + i * 37),
    name,
    phase,
    localAuthority: la,
    trust,
    numberOnRoll: roll,
    stage,
    stages,
    lastActivityOn: idle === null ? null : addDays(TODAY, -idle),
    responses: {
      baseline:
        at < t1
          ? null
          : counted(roll, at === t1 ? share * (i % 3 === 0 ? 0.02 : 0.6) : share, at === t1),
      end: at < t2 ? null : counted(roll, at === t2 ? share * 0.5 : share, at === t2),
    },
    award: stage === 'award' ? 'silver' : null,
  };
}

/** A local authority of 30 schools, some in two trusts, mixed stages, some stalled or overdue. */
export function laTracker(): ProgrammeTrackerInput {
  const schools = TABLE.map(school);
  // The one school at the award stage has finished: its award is confirmed.
  const finished = schools.find((s) => s.stage === 'award')!;
  finished.stages.award = { completedOn: addDays(TODAY, -12), dueOn: DUE.award };
  return {
    programmeYear: '2026-27',
    today: TODAY,
    stalledAfterWeeks: 6,
    localAuthorities: LAS,
    schools,
  };
}

/**
 * The local authority's year with each school's termly incident return for the spring term: two
 * in three submitted.
 */
export function laTrackerWithReturns(): ProgrammeTrackerInput {
  const base = laTracker();
  return {
    ...base,
    schools: base.schools.map((school, i) => ({
      ...school,
      incidentReturn: {
        term: '2026-27-spring',
        submittedOn: i % 3 === 2 ? null : `2027-03-0${(i % 7) + 1}`,
      },
    })),
  };
}

/** The 6 schools of Riverside Learning Trust, across two local authorities. */
export function trustTracker(): ProgrammeTrackerInput {
  const la = laTracker();
  return { ...la, schools: la.schools.filter((s) => s.trust === RIVERSIDE) };
}

/** A programme year with no schools enrolled yet. */
export function emptyTracker(): ProgrammeTrackerInput {
  return { ...laTracker(), schools: [] };
}

/** Data with three mistakes: a five-digit URN, a rounded count of 37 and an unknown stage. */
export function invalidTracker(): unknown {
  const data = laTracker() as { schools: Record<string, unknown>[] };
  const schools = data.schools.slice(0, 3).map((s) => ({ ...s }));
  schools[0]!['urn'] = '12345';
  schools[1]!['responses'] = { baseline: { kind: 'rounded', value: 37 }, end: null };
  schools[2]!['stage'] = 'finished';
  return { ...data, schools };
}
