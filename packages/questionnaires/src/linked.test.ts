import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { itemsOf, QuestionnaireDefinition } from '@all-together/model';
import { getQuestionnaire } from './registry.js';
import { isLinkedVersion, linkedForm, RECORD_CHARACTERISTICS } from './linked.js';

const PUPIL_FORMS = ['pupil-ks1', 'pupil-ks2', 'pupil-secondary', 'pupil-all-ages'];

describe('linked-mode forms (P1, P2)', () => {
  it('P1: a linked form asks no characteristic the records give (but one its routing reads), and is a valid definition', () => {
    for (const id of PUPIL_FORMS) {
      const base = getQuestionnaire(id);
      const linked = linkedForm(base);
      assert.ok(QuestionnaireDefinition.safeParse(linked).success, id);
      const asked = itemsOf(linked).filter(
        (i) =>
          i.scoring.kind === 'characteristic' &&
          RECORD_CHARACTERISTICS.includes(i.scoring.characteristic!),
      );
      // Only a question the form's routing reads stays (all-ages: wellbeing from Year 3).
      assert.deepEqual(
        asked.map((i) => i.id),
        id === 'pupil-all-ages' ? ['year-group'] : [],
        id,
      );
      // Everything else is still asked, and the answers still add up with the self-report form's.
      const others = (d: QuestionnaireDefinition) =>
        itemsOf(d)
          .filter((i) => i.scoring.kind !== 'characteristic')
          .map((i) => i.id);
      assert.deepEqual(others(linked), others(base), id);
      assert.equal(linked.comparableAs ?? linked.id, base.comparableAs ?? base.id);
    }
  });

  it('the version records it, and a linked form is not made twice', () => {
    const linked = linkedForm(getQuestionnaire('pupil-ks2'));
    assert.equal(linked.version, `${getQuestionnaire('pupil-ks2').version}-linked`);
    assert.ok(isLinkedVersion(linked.version));
    assert.throws(() => linkedForm(linked), /already a linked form/);
  });

  it('identity questions are never in records, so a form that asks them keeps them', () => {
    const base = getQuestionnaire('pupil-secondary');
    const identity = itemsOf(base).filter((i) =>
      ['gender', 'lgbt'].includes(i.scoring.characteristic ?? ''),
    );
    const kept = itemsOf(linkedForm(base)).filter((i) =>
      ['gender', 'lgbt'].includes(i.scoring.characteristic ?? ''),
    );
    assert.equal(kept.length, identity.length);
  });
});
