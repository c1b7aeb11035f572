import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  PROGRAMME_STAGES,
  ProgrammeStage,
  ProgrammeTracker,
  ProgrammeTrackerSchool,
  ProgrammeYear,
  TrackerResponses,
  check,
  responseRate,
  stageNumber,
  trackerFlags,
  type ProgrammeTrackerInput,
} from './index.js';
import { assertParses, assertProblem, type Untyped } from './test-helpers/assertions.js';

/** A valid school row, as a host writes it. */
const schoolInput = (): Untyped => ({
  urn: '100001',
  name: 'Ash Grove Primary',
  phase: 'primary',
  localAuthority: '873',
  trust: null,
  numberOnRoll: 200,
  stage: 'time-1-survey',
  stages: {
    enrolled: { completedOn: '2026-09-07', dueOn: null },
    'baseline-audit': { completedOn: '2026-10-01', dueOn: '2026-10-16' },
    'time-1-survey': { completedOn: null, dueOn: '2026-11-20' },
  },
  lastActivityOn: '2026-10-01',
  responses: { baseline: { kind: 'exact', value: 76 }, end: null },
  award: null,
});

const trackerInput = (): Untyped => ({
  programmeYear: '2026-27',
  today: '2026-11-20',
  schools: [schoolInput()],
});

const school = (patch: Untyped = {}) =>
  ProgrammeTrackerSchool.parse({ ...schoolInput(), ...patch });
const opts = { today: '2026-11-20', stalledAfterWeeks: 6 };

describe('ProgrammeTracker schema', () => {
  it('parses a valid tracker and fills the defaults (6 weeks, no LA names)', () => {
    const t = assertParses(ProgrammeTracker, trackerInput());
    assert.equal(t.stalledAfterWeeks, 6);
    assert.deepEqual(t.localAuthorities, []);
    const typed: ProgrammeTrackerInput = trackerInput();
    assert.ok(typed);
  });

  it('exports the stages in programme order, and their numbers 1 to 8', () => {
    assert.deepEqual(ProgrammeStage.options, [...PROGRAMME_STAGES]);
    assert.deepEqual(PROGRAMME_STAGES.map(stageNumber), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.equal(PROGRAMME_STAGES[0], 'enrolled');
    assert.equal(PROGRAMME_STAGES[7], 'award');
  });

  it('accepts a programme year like 2026-27 and 2099-00, and refuses others', () => {
    for (const ok of ['2026-27', '2099-00'])
      assert.equal(ProgrammeYear.safeParse(ok).success, true);
    for (const bad of ['2026-28', '2026/27', '2026', '26-27', '2026-2027'])
      assert.equal(ProgrammeYear.safeParse(bad).success, false, bad);
  });

  const bad: { why: string; mutate: (t: Untyped) => void; at: string; message?: RegExp }[] = [
    { why: 'a wrong URN', mutate: (t) => (t.schools[0].urn = '12345'), at: 'schools.0.urn' },
    {
      why: 'a duplicate URN',
      mutate: (t) => t.schools.push(schoolInput()),
      at: 'schools.1.urn',
      message: /more than once/,
    },
    {
      why: 'an unknown stage',
      mutate: (t) => (t.schools[0].stage = 'done'),
      at: 'schools.0.stage',
    },
    {
      why: 'an unknown stage in the dates',
      mutate: (t) => (t.schools[0].stages.finished = { completedOn: null, dueOn: null }),
      at: 'schools.0.stages',
      message: /finished/,
    },
    {
      why: 'a date that is not YYYY-MM-DD',
      mutate: (t) => (t.schools[0].stages['time-1-survey'].dueOn = '20/11/2026'),
      at: 'schools.0.stages.time-1-survey.dueOn',
    },
    {
      why: 'a rounded count that is not a multiple of 5',
      mutate: (t) => (t.schools[0].responses.baseline = { kind: 'rounded', value: 37 }),
      at: 'schools.0.responses.baseline.value',
      message: /multiple of 5/,
    },
    {
      why: '"at least" under 10',
      mutate: (t) => (t.schools[0].responses.baseline = { kind: 'at-least', value: 5 }),
      at: 'schools.0.responses.baseline.value',
    },
    {
      why: 'an unknown kind of count',
      mutate: (t) => (t.schools[0].responses.end = { kind: 'guess', value: 5 }),
      at: 'schools.0.responses.end.kind',
    },
    {
      why: 'a negative number on roll',
      mutate: (t) => (t.schools[0].numberOnRoll = -1),
      at: 'schools.0.numberOnRoll',
    },
    {
      why: 'an unknown award',
      mutate: (t) => (t.schools[0].award = 'platinum'),
      at: 'schools.0.award',
    },
    { why: 'weeks over 52', mutate: (t) => (t.stalledAfterWeeks = 53), at: 'stalledAfterWeeks' },
    { why: 'weeks of 0', mutate: (t) => (t.stalledAfterWeeks = 0), at: 'stalledAfterWeeks' },
    { why: 'an unknown key', mutate: (t) => (t.schools[0].colour = 'red'), at: 'schools.0' },
    {
      why: 'markup characters are text, but a direction override is refused',
      mutate: (t) => (t.schools[0].name = 'Ash\u202EGrove'),
      at: 'schools.0.name',
    },
  ];
  for (const c of bad)
    it(`refuses ${c.why}, naming ${c.at}`, () => {
      const t = trackerInput();
      c.mutate(t);
      assertProblem(check(ProgrammeTracker, t), c.at, c.message);
    });
});

describe('trackerFlags: overdue', () => {
  it('a stage due today is not overdue; due yesterday and not complete is', () => {
    assert.equal(trackerFlags(school(), opts).overdue, false, 'due today');
    assert.equal(trackerFlags(school(), { ...opts, today: '2026-11-21' }).overdue, true);
  });

  it('a completed stage is never overdue, nor a stage without a due date', () => {
    const done = school({
      stages: { 'time-1-survey': { completedOn: '2026-11-25', dueOn: '2026-11-20' } },
    });
    assert.equal(trackerFlags(done, { ...opts, today: '2026-12-01' }).overdue, false);
    const undated = school({ stages: {} });
    assert.equal(trackerFlags(undated, { ...opts, today: '2027-12-01' }).overdue, false);
  });

  it('only the current stage counts: an earlier stage past its date does not make it overdue', () => {
    const s = school({
      stage: 'action-plan',
      stages: {
        'baseline-audit': { completedOn: null, dueOn: '2026-10-01' },
        'action-plan': { completedOn: null, dueOn: '2027-01-31' },
      },
    });
    assert.equal(trackerFlags(s, opts).overdue, false);
  });
});

describe('trackerFlags: stalled', () => {
  it('exactly 6 weeks without activity is stalled; 6 weeks less a day is not', () => {
    // 2026-10-01 + 42 days = 2026-11-12
    assert.equal(trackerFlags(school(), { ...opts, today: '2026-11-12' }).stalled, true);
    assert.equal(trackerFlags(school(), { ...opts, today: '2026-11-11' }).stalled, false);
    assert.equal(trackerFlags(school(), { ...opts, today: '2026-11-12' }).daysSinceActivity, 42);
  });

  it('the weeks are the option: 1 week stalls after 7 days', () => {
    const flags = (today: string) => trackerFlags(school(), { today, stalledAfterWeeks: 1 });
    assert.equal(flags('2026-10-08').stalled, true);
    assert.equal(flags('2026-10-07').stalled, false);
  });

  it('a school that never did anything is measured from its enrolment date', () => {
    const s = school({ lastActivityOn: null });
    // enrolled 2026-09-07 + 42 days = 2026-10-19
    assert.equal(trackerFlags(s, { ...opts, today: '2026-10-19' }).stalled, true);
    assert.equal(trackerFlags(s, { ...opts, today: '2026-10-18' }).stalled, false);
  });

  it('a school with neither date is not flagged, and says it has no date to measure from', () => {
    const s = school({ lastActivityOn: null, stages: {} });
    const f = trackerFlags(s, { ...opts, today: '2030-01-01' });
    assert.equal(f.stalled, false);
    assert.equal(f.daysSinceActivity, null);
  });

  it('a finished school (award stage completed) is never stalled or overdue', () => {
    const s = school({
      stage: 'award',
      stages: { award: { completedOn: '2027-07-01', dueOn: '2027-06-30' } },
      lastActivityOn: '2027-07-01',
      award: 'gold',
    });
    const f = trackerFlags(s, { ...opts, today: '2028-01-01' });
    assert.deepEqual([f.stalled, f.overdue], [false, false]);
  });

  it('activity dated after today counts as recent (never negative days)', () => {
    const f = trackerFlags(school({ lastActivityOn: '2026-12-01' }), opts);
    assert.deepEqual([f.stalled, f.daysSinceActivity], [false, 0]);
  });
});

describe('responseRate', () => {
  const table: [string, Untyped, number | null, string, number | null][] = [
    ['exact', { kind: 'exact', value: 76 }, 200, '38%', 38],
    ['exact half up', { kind: 'exact', value: 1 }, 200, '1%', 1],
    ['rounded', { kind: 'rounded', value: 45 }, 200, 'about 23%', 23],
    ['at least, rounded down', { kind: 'at-least', value: 25 }, 80, 'at least 31%', 31],
    ['rounded above the roll is capped', { kind: 'rounded', value: 15 }, 13, 'about 100%', 100],
    [
      'fewer than',
      { kind: 'fewer-than', value: 10 },
      200,
      'no rate: fewer than 10 responses',
      null,
    ],
    ['no roll', { kind: 'exact', value: 76 }, null, 'no rate: number on roll not known', null],
    ['roll of 0', { kind: 'exact', value: 0 }, 0, 'no rate: number on roll not known', null],
    ['no survey', null, 200, 'no survey yet', null],
  ];
  for (const [why, responses, roll, text, percent] of table)
    it(`${why}: ${text}`, () => {
      const r = responseRate(responses && TrackerResponses.parse(responses), roll);
      assert.equal(r.text, text);
      assert.equal(r.percent, percent);
    });

  it('trackerFlags gives both waves', () => {
    const f = trackerFlags(
      school({ responses: { baseline: null, end: { kind: 'rounded', value: 50 } } }),
      opts,
    );
    assert.equal(f.responseRate.baseline.reason, 'no-round');
    assert.equal(f.responseRate.end.text, 'about 25%');
  });
});

describe('responseRate never reveals more than its count (D: rounded counts stay rounded, T1)', () => {
  const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
  const numRuns = Number(process.env.FC_NUM_RUNS ?? 2000);
  const round5 = (n: number) => Math.round(n / 5) * 5;

  it('two true counts that round to the same figure give the same rate, word for word', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: -2, max: 2 }),
        fc.integer({ min: 1, max: 3000 }),
        (a, delta, roll) => {
          const b = Math.max(0, a + delta);
          fc.pre(round5(a) === round5(b));
          const ra = responseRate({ kind: 'rounded', value: round5(a) }, roll);
          const rb = responseRate({ kind: 'rounded', value: round5(b) }, roll);
          assert.deepEqual(ra, rb);
          // and the rate is never the exact count's rate written as if it were sure
          assert.notEqual(ra.kind, 'exact');
        },
      ),
      { seed, numRuns },
    );
  });

  it('"at least N%" is true of every count the open round could have', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 600 }).map((n) => n * 5),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 3000 }),
        (shown, extra, roll) => {
          const r = responseRate({ kind: 'at-least', value: shown }, roll);
          const truth = shown + extra; // "at least" rounds down, so the true count is this or more
          assert.ok(r.percent !== null && r.percent <= Math.min(100, (truth * 100) / roll));
        },
      ),
      { seed, numRuns },
    );
  });

  it('a rounded rate is a whole percentage of the rounded count, nothing finer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }).map((n) => n * 5),
        fc.integer({ min: 1, max: 3000 }),
        (shown, roll) => {
          const r = responseRate({ kind: 'rounded', value: shown }, roll);
          assert.ok(Number.isInteger(r.percent));
          assert.equal(r.percent, Math.min(100, Math.round((shown * 100) / roll)));
        },
      ),
      { seed, numRuns },
    );
  });

  it('"fewer than" never gives a number, whatever the roll', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.option(fc.integer({ min: 0, max: 3000 })),
        (v, roll) => {
          const r = responseRate({ kind: 'fewer-than', value: v }, roll);
          assert.equal(r.percent, null);
          assert.doesNotMatch(r.text, /%/);
        },
      ),
      { seed, numRuns },
    );
  });
});
