import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ActionPlan, ActionStatus } from '@all-together/model';
import { planProgress } from './plan.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 1000);

// Record ids are random UUIDs in real plans; here the last digits say what each record is.
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const O1 = id(1);
const O2 = id(2);
const objective = (oid: string, title: string, statements: string[]) => ({
  id: oid,
  title,
  statements,
  success: {
    specific: 'What will change',
    measurable: 'How we will know',
    timeBound: '2027-07-15',
  },
});
const action = (
  n: number,
  objectiveId: string,
  status: ActionStatus,
  deadline: string,
  ownerRole = 'anti-bullying-lead',
) => ({
  id: id(n),
  objective: objectiveId,
  description: `Action ${n}`,
  ownerRole,
  startDate: '2026-10-01',
  deadline,
  status,
});
const plan = (overrides: Record<string, unknown> = {}) =>
  ActionPlan.parse({
    id: id(99),
    school: '900001',
    priorities: [
      { statement: '1.2', rating: 'not-yet-met' },
      { statement: '4.6', rating: 'not-yet-met', groups: ['send'] },
      { statement: '2.10', rating: 'partially-met' },
      { statement: '5.1', rating: 'partially-met' },
    ],
    objectives: [
      objective(O1, 'A named governor monitors our work', ['2.9', '1.2']),
      objective(O2, 'Parents know how to report', ['3.4', '2.10']),
    ],
    actions: [
      action(11, O1, 'done', '2026-12-01'),
      action(12, O1, 'in-progress', '2027-01-15', 'headteacher'),
      action(13, O1, 'dropped', '2026-11-01'),
      action(14, O2, 'not-started', '2026-12-20', 'sendco'),
      action(15, O2, 'not-started', '2027-02-10'),
      action(16, O2, 'done', '2026-10-01'),
    ],
    reviews: [
      { id: id(21), date: '2026-11-20', reviewerRole: 'headteacher', summary: 'Second review' },
      { id: id(22), date: '2026-09-30', reviewerRole: 'headteacher', summary: 'First review' },
    ],
    updatedAt: '2027-02-01T10:00:00Z',
    ...overrides,
  });

describe('planProgress: golden cases computed by hand (today 2027-02-10)', () => {
  const p = planProgress(plan(), { today: '2027-02-10' });

  it('counts actions by status: 2 done, 1 in progress, 2 not started, 1 dropped of 6', () => {
    assert.equal(p.actions.total, 6);
    assert.deepEqual(p.actions.byStatus, {
      'not-started': 2,
      'in-progress': 1,
      done: 2,
      dropped: 1,
    });
  });

  it('percent done leaves dropped actions out: 2 ÷ (6 − 1) × 100 = 40%', () => {
    assert.equal(p.actions.percentDone, 40);
  });

  it('overdue: not done, not dropped, deadline before today; most overdue first', () => {
    // Action 14: 2026-12-20 → 2027-02-10 = 11 (21–31 Dec) + 31 (Jan) + 10 = 52 days.
    // Action 12: 2027-01-15 → 2027-02-10 = 16 (16–31 Jan) + 10 = 26 days.
    // Action 15 is due today (not overdue); 13 is dropped and 11, 16 are done although past deadline.
    assert.deepEqual(p.actions.overdue, [
      {
        id: id(14),
        description: 'Action 14',
        ownerRole: 'sendco',
        deadline: '2026-12-20',
        daysOverdue: 52,
      },
      {
        id: id(12),
        description: 'Action 12',
        ownerRole: 'headteacher',
        deadline: '2027-01-15',
        daysOverdue: 26,
      },
    ]);
  });

  it('objectives: dropped actions do not count (O1: 11 done, 12 open; O2: 16 done, 14, 15 open)', () => {
    assert.deepEqual(p.objectives, [
      { id: O1, title: 'A named governor monitors our work', actions: 2, done: 1 },
      { id: O2, title: 'Parents know how to report', actions: 3, done: 1 },
    ]);
  });

  it('statements covered, once each, in audit order (2.9 before 2.10)', () => {
    assert.deepEqual(p.statementsCovered, ['1.2', '2.9', '2.10', '3.4']);
  });

  it('priorities without an objective: 4.6 and 5.1 (1.2 and 2.10 are covered)', () => {
    assert.deepEqual(p.prioritiesWithoutObjective, ['4.6', '5.1']);
  });

  it('last review is the latest date, not the last in the list; 82 days ago → not due', () => {
    // 2026-11-20 → 2027-02-10 = 10 (21–30 Nov) + 31 + 31 + 10 = 82 < 120.
    assert.equal(p.lastReview, '2026-11-20');
    assert.equal(p.reviewDue, false);
  });
});

describe('planProgress: review due and edge cases', () => {
  it('a review is due at exactly reviewEveryDays: 2026-11-20 → 2027-03-20 is 120 days', () => {
    // 10 (Nov) + 31 (Dec) + 31 (Jan) + 28 (Feb 2027) + 20 = 120.
    assert.equal(planProgress(plan(), { today: '2027-03-20' }).reviewDue, true);
    assert.equal(planProgress(plan(), { today: '2027-03-19' }).reviewDue, false);
    assert.equal(
      planProgress(plan(), { today: '2027-02-10', reviewEveryDays: 82 }).reviewDue,
      true,
    );
  });

  it('before any review, counts from the earliest action start (2026-10-01 + 120 days = 2027-01-29)', () => {
    // 30 (Oct 2–31) + 30 (Nov) + 31 (Dec) + 29 (Jan) = 120.
    const unreviewed = plan({ reviews: [] });
    assert.equal(planProgress(unreviewed, { today: '2027-01-29' }).lastReview, null);
    assert.equal(planProgress(unreviewed, { today: '2027-01-29' }).reviewDue, true);
    assert.equal(planProgress(unreviewed, { today: '2027-01-28' }).reviewDue, false);
  });

  it('an empty plan: nothing done, no percentage (not 0% or NaN), nothing to review', () => {
    const p = planProgress(plan({ priorities: [], objectives: [], actions: [], reviews: [] }), {
      today: '2027-02-10',
    });
    assert.equal(p.actions.total, 0);
    assert.equal(p.actions.percentDone, null);
    assert.deepEqual(p.actions.overdue, []);
    assert.deepEqual(p.statementsCovered, []);
    assert.equal(p.reviewDue, false);
  });

  it('only dropped actions → percentDone null', () => {
    const p = planProgress(plan({ actions: [action(31, O1, 'dropped', '2026-12-01')] }), {
      today: '2027-02-10',
    });
    assert.equal(p.actions.percentDone, null);
    assert.deepEqual(
      p.objectives.map((o) => o.actions),
      [0, 0],
    );
  });

  it('counts days across a leap day: 2028-02-28 → 2028-03-01 is 2 days overdue', () => {
    const p = planProgress(plan({ actions: [action(41, O1, 'in-progress', '2028-02-28')] }), {
      today: '2028-03-01',
    });
    assert.equal(p.actions.overdue[0]!.daysOverdue, 2);
  });

  it('refuses a today that is not a real YYYY-MM-DD date, and a reviewEveryDays of 0', () => {
    assert.throws(() => planProgress(plan(), { today: '2027-02-30' }), /today .*"2027-02-30"/);
    assert.throws(() => planProgress(plan(), { today: '10/02/2027' }), /YYYY-MM-DD/);
    assert.throws(() => planProgress(plan(), { today: '2027-02-10T09:00:00Z' }), /YYYY-MM-DD/);
    assert.throws(
      () => planProgress(plan(), { today: '2027-02-10', reviewEveryDays: 0 }),
      /reviewEveryDays/,
    );
  });

  it('T1 property: daysOverdue is the UTC calendar-day difference, and only positive ones are listed', () => {
    const day = fc
      .date({
        min: new Date('1901-01-01T00:00:00Z'),
        max: new Date('2199-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (deadline, today) => {
        const p = planProgress(
          plan({ actions: [{ ...action(51, O1, 'not-started', deadline), startDate: deadline }] }),
          { today },
        );
        const expected = (Date.parse(today) - Date.parse(deadline)) / 86_400_000;
        if (expected > 0) assert.equal(p.actions.overdue[0]!.daysOverdue, expected);
        else assert.deepEqual(p.actions.overdue, []);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
