import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIMENSIONS,
  DIMENSION_GROUPS,
  GROUP_ROLES,
  Marginal,
  PupilSummary,
  SumMarginal,
} from './index.js';

describe('breakdowns by the characteristics records provide (issue 21)', () => {
  it('P1: looked-after, young carer and ethnicity are dimensions, with every value the records allow', () => {
    assert.ok(DIMENSIONS.includes('lookedAfter'));
    assert.ok(DIMENSIONS.includes('youngCarer'));
    assert.ok(DIMENSIONS.includes('ethnicity'));
    assert.deepEqual(DIMENSION_GROUPS.lookedAfter, ['yes', 'no', 'unknown', 'prefer-not-to-say']);
    assert.deepEqual(DIMENSION_GROUPS.ethnicity, [
      'asian',
      'black',
      'mixed',
      'white',
      'other',
      'unknown',
      'prefer-not-to-say',
    ]);
  });

  it('§7: looked-after and young carers are focus groups, hidden last; the largest complement before them', () => {
    assert.equal(GROUP_ROLES.lookedAfter.yes, 'focus');
    assert.equal(GROUP_ROLES.lookedAfter.no, 'complement');
    assert.equal(GROUP_ROLES.youngCarer.yes, 'focus');
    assert.equal(GROUP_ROLES.youngCarer.no, 'complement');
    assert.equal(GROUP_ROLES.ethnicity.white, 'complement');
    assert.equal(GROUP_ROLES.ethnicity.unknown, 'expendable');
    assert.equal(GROUP_ROLES.ethnicity.black, 'ordinary');
  });

  it('D5: a summary stored before these dimensions existed still reads, everyone "not known" in them', () => {
    const old = {
      all: 30,
      sex: { female: 14, male: 16 },
      yearGroup: {},
      phase: {},
      sen: {},
      fsm: {},
      eal: {},
    };
    const m = Marginal.parse(old);
    assert.deepEqual(m.lookedAfter, { unknown: 30 });
    assert.deepEqual(m.youngCarer, { unknown: 30 });
    assert.deepEqual(m.ethnicity, { unknown: 30 });
    assert.deepEqual(Marginal.parse({ ...old, all: 0 }).ethnicity, {});
    const sums = SumMarginal.parse({ ...old, all: -12.5 });
    assert.deepEqual(sums.lookedAfter, { unknown: -12.5 });
    // A new summary's own figures are kept as they are.
    assert.deepEqual(Marginal.parse({ ...old, lookedAfter: { yes: 3, no: 27 } }).lookedAfter, {
      yes: 3,
      no: 27,
    });
  });

  it('a marginal still refuses a dimension it does not know', () => {
    const bad = Marginal.safeParse({
      all: 1,
      sex: {},
      yearGroup: {},
      phase: {},
      sen: {},
      fsm: {},
      eal: {},
      religion: {},
    });
    assert.equal(bad.success, false);
  });

  it('PupilSummary reads an old stored summary whole', () => {
    const m = { all: 0, sex: {}, yearGroup: {}, phase: {}, sen: {}, fsm: {}, eal: {} };
    const parsed = PupilSummary.safeParse({
      kind: 'pupil-summary',
      format: 2,
      wave: 'baseline',
      comparableAs: 'x',
      schools: [],
      definitions: [],
      respondents: m,
      info: {},
      binary: {},
      scores: {},
    });
    assert.equal(parsed.success, true, JSON.stringify(parsed.error?.issues));
  });
});
