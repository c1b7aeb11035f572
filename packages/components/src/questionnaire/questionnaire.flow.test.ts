import { expect } from '@open-wc/testing';
import { getQuestionnaire } from '@all-together/questionnaires';
import { checkAnswer, visibleItems, type QuestionnaireDefinition } from '@all-together/model';
import { QuestionnaireFlow } from './questionnaire.flow.js';

/** The flow is a state machine without a DOM: these tests only call it. */
const rules = { visibleItems, checkAnswer };
const ks2 = () => structuredClone(getQuestionnaire('pupil-ks2')) as QuestionnaireDefinition;
const ID = '00000000-0000-4000-8000-000000000001';

describe('QuestionnaireFlow (no DOM)', () => {
  it('start → first page; skip clears the page; the last page leads to check; back from check → last', () => {
    const flow = new QuestionnaireFlow(ks2(), rules, 'question');
    const move = flow.start(ID, '2027-01-01T09:00:00Z');
    expect([move.view, move.page]).to.deep.equal(['question', 1]);
    const first = flow.pages()[0]!.items[0]!;
    flow.answer(first, 'x');
    flow.next(true);
    expect(flow.answers[first.id]).to.equal(undefined);
    let last = move;
    for (let i = 0; i < 100 && flow.view === 'question'; i++) last = flow.next(true)!;
    expect(last.view).to.equal('check');
    expect(flow.back().page).to.equal(flow.pages().length);
  });

  it('A2 a required question left empty: no move, the problem listed, the page kept', () => {
    const d = ks2();
    (d.sections[0]!.items[0] as { required: boolean }).required = true;
    const flow = new QuestionnaireFlow(d, rules, 'question');
    flow.start(ID, '2027-01-01T09:00:00Z');
    expect(flow.next(false)).to.equal(undefined);
    expect(flow.problems.map((p) => p.kind)).to.deep.equal(['choose']);
    expect(flow.view).to.equal('question');
  });

  it('Change returns to the check page after one Continue; a popped entry moves without history', () => {
    const flow = new QuestionnaireFlow(ks2(), rules, 'question');
    flow.start(ID, '2027-01-01T09:00:00Z');
    while (flow.view === 'question') flow.next(true);
    const item = flow.pages()[2]!.items[0]!;
    expect(flow.change(item.id).page).to.equal(3);
    expect(flow.next(true)!.view).to.equal('check');
    expect(flow.pop({ view: 'question', page: 2 })!.page).to.equal(2);
  });

  it('browser Back before Start or after the end changes nothing', () => {
    const flow = new QuestionnaireFlow(ks2(), rules, 'question');
    expect(flow.pop({ view: 'question', page: 2 })).to.equal(undefined);
    flow.start(ID, '2027-01-01T09:00:00Z');
    flow.go('done');
    expect(flow.pop({ view: 'question', page: 2 })).to.equal(undefined);
  });

  it('a draft round-trips: restore puts the pupil back where they were', () => {
    const flow = new QuestionnaireFlow(ks2(), rules, 'question');
    flow.start(ID, '2027-01-01T09:00:00Z');
    flow.next(true);
    const draft = flow.draft();
    const again = new QuestionnaireFlow(ks2(), rules, 'question');
    again.restore(draft);
    expect([again.responseId, again.view, again.pageKey]).to.deep.equal([
      ID,
      'question',
      flow.pageKey,
    ]);
  });
});
