import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  findItem,
  validateResponse,
  type QuestionnaireDefinition,
  type QuestionnaireResponse,
} from '@all-together/model';
import {
  DEFAULT_COHORT_RATES,
  generateCohort,
  getQuestionnaire,
  linkedForm,
  seededRandom,
  solveMultipliers,
} from './index.js';

const definitions = () => ({
  'pupil-ks1': getQuestionnaire('pupil-ks1'),
  'pupil-ks2': getQuestionnaire('pupil-ks2'),
  'pupil-secondary': getQuestionnaire('pupil-secondary'),
});
const byId = (defs: ReturnType<typeof definitions>) =>
  new Map<string, QuestionnaireDefinition>(Object.values(defs).map((d) => [d.id, d]));

/** Whether a response says "frequently bullied face to face", read through the declared scoring. */
function frequentlyBullied(
  r: QuestionnaireResponse,
  defs: Map<string, QuestionnaireDefinition>,
): boolean | undefined {
  const def = defs.get(r.definition.id)!;
  for (const [id, value] of Object.entries(r.answers)) {
    const item = findItem(def, id);
    if (item?.scoring.indicator !== 'victimisation' || typeof value !== 'string') continue;
    const score = item.scoring.values?.[value];
    return score === undefined ? undefined : score >= item.scoring.cutoffs.frequent!;
  }
  return undefined;
}

function rate(responses: QuestionnaireResponse[], defs: Map<string, QuestionnaireDefinition>) {
  const known = responses
    .map((r) => frequentlyBullied(r, defs))
    .filter((v): v is boolean => v !== undefined);
  return { p: known.filter(Boolean).length / known.length, n: known.length };
}

/** |observed − expected| within 4 standard errors: fails by chance about once in 15,000 runs. */
function withinSamplingError(observed: { p: number; n: number }, expected: number, what: string) {
  const se = Math.sqrt((expected * (1 - expected)) / observed.n);
  assert.ok(
    Math.abs(observed.p - expected) <= 4 * se,
    `${what}: ${(observed.p * 100).toFixed(1)}% of ${observed.n}, expected ${(expected * 100).toFixed(1)}% ± ${(4 * se * 100).toFixed(1)}`,
  );
}

describe('synthetic cohort', () => {
  const defs = definitions();
  const lookup = byId(defs);
  const cohort = generateCohort({
    seed: 2026,
    schools: 40,
    pupilsPerSchool: [150, 250],
    definitions: defs,
  });
  const time1 = cohort.responses.filter((r) => r.wave === 'baseline');
  const time2 = cohort.responses.filter((r) => r.wave === 'end');

  it('solves the SEN and FSM multipliers in closed form', () => {
    const m = solveMultipliers({ all: 0.23, send: 0.3, fsm: 0.29 }, { send: 0.17, fsm: 0.24 });
    const all = m.p0 * (0.83 + 0.17 * m.send) * (0.76 + 0.24 * m.fsm);
    assert.ok(Math.abs(all - 0.23) < 1e-12);
    assert.ok(Math.abs(m.p0 * m.send * (0.76 + 0.24 * m.fsm) - 0.3) < 1e-12);
  });

  it('makes schools with both waves, and every response is valid for its definition', () => {
    assert.equal(cohort.schools.length, 40);
    assert.ok(time1.length > 5000 && time2.length > 5000);
    for (const r of cohort.responses) {
      const result = validateResponse(lookup.get(r.definition.id)!, r);
      if (!result.ok)
        assert.fail(
          `${r.definition.id}: ${result.problems.map((p) => `${p.at}: ${p.message}`).join('; ')}`,
        );
    }
  });

  it('reproduces the configured Time 1 rate of frequent victimisation (23%) within sampling error', () => {
    withinSamplingError(
      rate(time1, lookup),
      DEFAULT_COHORT_RATES.frequentVictimisation.all,
      'all pupils',
    );
  });

  it('reproduces the SEND (30%) and FSM (29%) rates, read from the characteristics pupils reported', () => {
    // Pupils who chose "Prefer not to say" are excluded, as in the real breakdowns; KS1 is not asked.
    const send = time1.filter(
      (r) => r.characteristics.sen === 'E' || r.characteristics.sen === 'K',
    );
    const fsm = time1.filter((r) => r.characteristics.fsm === 'yes');
    withinSamplingError(
      rate(send, lookup),
      DEFAULT_COHORT_RATES.frequentVictimisation.send,
      'SEND pupils',
    );
    withinSamplingError(
      rate(fsm, lookup),
      DEFAULT_COHORT_RATES.frequentVictimisation.fsm,
      'FSM pupils',
    );
  });

  it('shows the configured modest improvement at Time 2', () => {
    const expected =
      DEFAULT_COHORT_RATES.frequentVictimisation.all * DEFAULT_COHORT_RATES.time2Change;
    withinSamplingError(rate(time2, lookup), expected, 'Time 2');
    assert.ok(rate(time2, lookup).p < rate(time1, lookup).p);
  });

  it('honours configured rates, not constants', () => {
    const low = generateCohort({
      seed: 5,
      schools: 10,
      pupilsPerSchool: [200, 200],
      waves: ['baseline'],
      rates: { frequentVictimisation: { all: 0.1, send: 0.15, fsm: 0.12 } },
      definitions: defs,
    });
    withinSamplingError(rate(low.responses, lookup), 0.1, 'configured 10%');
  });

  it('is deterministic for a seed, and different for another', () => {
    const small = (seed: number) =>
      generateCohort({ seed, schools: 2, pupilsPerSchool: [5, 5], definitions: defs });
    assert.deepEqual(small(9), small(9));
    assert.notDeepEqual(small(9).responses[0]!.answers, small(10).responses[0]!.answers);
  });

  it('P3: response ids are random UUIDs, never serials, and unique', () => {
    const ids = cohort.responses.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.match(
      seededRandom(1).uuid(),
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('asks each key stage its own questionnaire', () => {
    for (const r of cohort.responses) {
      const year = r.characteristics.yearGroup;
      if (year === undefined || year === 'prefer-not-to-say') continue;
      const expected = ['R', 'Y1', 'Y2'].includes(year)
        ? 'pupil-ks1'
        : ['Y3', 'Y4', 'Y5', 'Y6'].includes(year)
          ? 'pupil-ks2'
          : 'pupil-secondary';
      assert.equal(r.definition.id, expected);
    }
  });
});

describe('synthetic cohort in linked mode (characteristics from records)', () => {
  const linked = {
    'pupil-ks1': linkedForm(getQuestionnaire('pupil-ks1')),
    'pupil-ks2': linkedForm(getQuestionnaire('pupil-ks2')),
    'pupil-secondary': linkedForm(getQuestionnaire('pupil-secondary')),
  };
  const cohort = generateCohort({
    seed: 7,
    schools: 20,
    pupilsPerSchool: [150, 250],
    definitions: linked,
    mode: 'linked',
  });

  it('P1: every response is linked, answers a linked form and carries the record, every field known', () => {
    const defs = new Map(Object.values(linked).map((d) => [`${d.id}@${d.version}`, d]));
    for (const r of cohort.responses) {
      assert.equal(r.mode, 'linked');
      assert.equal(r.characteristics.source, 'school-records');
      for (const field of ['sen', 'fsm', 'eal', 'lookedAfter', 'youngCarer', 'ethnicity'] as const)
        assert.ok(r.characteristics[field], `${r.id}: ${field}`);
      const def = defs.get(`${r.definition.id}@${r.definition.version}`);
      assert.ok(def, `${r.definition.id}@${r.definition.version} is a linked form`);
      const result = validateResponse(def, r);
      assert.ok(result.ok, JSON.stringify(!result.ok && result.problems.slice(0, 2)));
    }
  });

  it('draws looked-after children, young carers and ethnic groups at the configured shares', () => {
    const share = (test: (r: QuestionnaireResponse) => boolean) => {
      const n = cohort.responses.length;
      return { p: cohort.responses.filter(test).length / n, n };
    };
    withinSamplingError(
      share((r) => r.characteristics.lookedAfter === 'yes'),
      0.01,
      'looked after',
    );
    withinSamplingError(
      share((r) => r.characteristics.youngCarer === 'yes'),
      0.03,
      'young carers',
    );
    withinSamplingError(
      share((r) => r.characteristics.ethnicity === 'black'),
      0.06,
      'Black pupils',
    );
    withinSamplingError(
      share((r) => r.characteristics.ethnicity === 'unknown'),
      0.06,
      'not known',
    );
  });

  it('an anonymous cohort draws no records: its characteristics are what pupils answered', () => {
    const anonymous = generateCohort({ seed: 7, schools: 2, definitions: definitions() });
    for (const r of anonymous.responses) {
      assert.equal(r.mode, 'anonymous');
      assert.equal(r.characteristics.lookedAfter, undefined);
      assert.equal(r.characteristics.ethnicity, undefined);
    }
  });
});
