import { expect } from '@open-wc/testing';
import { ActionPlan } from '@all-together/model';
import { audit, generateAuditResponse, generatePlan } from '../test-helpers/audit-data.js';
import {
  actionFrom,
  objectiveFrom,
  reviewFrom,
  toggleStatement,
  upsert,
  valuesOf,
  withEvidence,
  withoutRecord,
} from './plan-edit.js';

/** plan-edit.ts is pure (no DOM): these tests only call functions. */
const baseline = generateAuditResponse(audit, { seed: 31, wave: 'baseline' });
const plan = generatePlan(audit, baseline, { seed: 5, today: '2027-03-15' });
const ID = '00000000-0000-4000-8000-0000000000aa';

describe('plan-edit (pure)', () => {
  it('upsert replaces by id or appends', () => {
    const list = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ];
    expect(upsert(list, { id: 'b', n: 3 }).map((x) => x.n)).to.deep.equal([1, 3]);
    expect(upsert(list, { id: 'c', n: 4 }).map((x) => x.id)).to.deep.equal(['a', 'b', 'c']);
  });

  it('an empty objective form gives its problems in the form’s order; a filled one an Objective', () => {
    const empty = objectiveFrom({}, ID);
    expect(empty.ok).to.equal(false);
    if (empty.ok) return;
    expect(empty.issues.map((i) => i.field)).to.deep.equal([
      'title',
      'statements',
      'specific',
      'measurable',
      'time-bound',
    ]);
    const statements = toggleStatement(
      { statements: toggleStatement({}, '1.1', true) },
      '2.3',
      true,
    );
    const done = objectiveFrom(
      {
        title: ' Reporting ',
        statements,
        specific: 'x',
        measurable: 'y',
        'time-bound': '2027-07-20',
        measure: 'pupil-ks2 victimisation.frequent',
      },
      ID,
    );
    expect(done.ok).to.equal(true);
    if (!done.ok) return;
    expect(done.value.title).to.equal('Reporting');
    expect(done.value.statements).to.deep.equal(['1.1', '2.3']);
    expect(done.value.measure).to.deep.equal({
      definition: 'pupil-ks2',
      indicator: 'victimisation.frequent',
    });
  });

  it('an action with a deadline before its start is refused on the deadline; a Change keeps the evidence', () => {
    const a = plan.actions[0]!;
    const bad = actionFrom(
      { ...valuesOf(plan, { kind: 'action', id: a.id }), deadline: '2000-01-01' },
      a.objective,
      a.id,
      a,
    );
    expect(bad.ok ? [] : bad.issues.map((i) => `${i.field}:${i.code}`)).to.deep.equal([
      'deadline:custom',
    ]);
    const same = actionFrom(valuesOf(plan, { kind: 'action', id: a.id }), a.objective, a.id, a);
    expect(same.ok && JSON.stringify(same.value)).to.equal(JSON.stringify(a));
  });

  it('a review needs a date, a reviewer and a summary', () => {
    const r = reviewFrom({}, ID);
    expect(r.ok ? [] : r.issues.map((i) => i.field)).to.deep.equal(['date', 'reviewer', 'summary']);
  });

  it('deleting an objective deletes its actions; the plan stays valid', () => {
    const o = plan.objectives[0]!;
    const next = withoutRecord(plan, { kind: 'objective', id: o.id });
    expect(next.actions.some((a) => a.objective === o.id)).to.equal(false);
    expect(ActionPlan.safeParse(next).success).to.equal(true);
  });

  it('evidence carries the kind chosen; an unknown kind is refused on its own field', () => {
    const a = plan.actions[0]!;
    const note = 'Minutes of the governors’ meeting in March';
    const added = withEvidence(a, { 'evidence-kind': 'minutes', 'evidence-note': note });
    expect(added.ok && added.value.evidence.at(-1)).to.deep.equal({ kind: 'minutes', note });
    const none = withEvidence(a, { 'evidence-note': note });
    expect(none.ok && none.value.evidence.at(-1)).to.deep.equal({ note });
    const bad = withEvidence(a, { 'evidence-kind': 'rumour', 'evidence-note': note });
    expect(bad.ok ? [] : bad.issues.map((i) => i.field)).to.deep.equal(['evidence-kind']);
    const first = actionFrom(
      {
        ...valuesOf(plan, { kind: 'action', id: a.id }),
        'evidence-kind': 'observation',
        'evidence-note': note,
      },
      a.objective,
      ID,
    );
    expect(first.ok && first.value.evidence).to.deep.equal([{ kind: 'observation', note }]);
  });
});
