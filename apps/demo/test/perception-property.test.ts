/**
 * D1 D8 for adults (issue "Every instrument live": "suppression of adult results is
 * property-tested"): whatever staff, parents and governors answered, the 360° JSON a lead's browser
 * receives is the same whether a group smaller than 10 holds 1 person or 9, and whatever they said.
 * So no small group's count, and no answer of anyone in it, can be worked out from it. The JSON is
 * made by the same functions the route uses (summariseAudience, leadPerception).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { itemsOf } from '@all-together/model';
import { getAudit, getQuestionnaire } from '@all-together/questionnaires';
import { leadPerception, summariseAudience } from '../server/domain/perception.js';
import { PERCEPTION_AUDIENCES, type PerceptionAudience } from '../server/repo/perception.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 300);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const K = 10;

const audit = getAudit();
const statementIds = audit.areas.flatMap((a) => a.statements.map((s) => s.id as string));
const defs = Object.fromEntries(
  PERCEPTION_AUDIENCES.map((a) => [a, getQuestionnaire(`perception-${a}`)]),
) as Record<PerceptionAudience, ReturnType<typeof getQuestionnaire>>;

/** One person's answers to an audience's survey: any option of each item, or none. */
const person = (a: PerceptionAudience) =>
  fc.record(
    Object.fromEntries(
      itemsOf(defs[a]).map((item) => [
        item.id,
        fc.option(fc.constantFrom(...('options' in item ? item.options : []).map((o) => o.value)), {
          nil: undefined,
        }),
      ]),
    ),
  );
const group = (a: PerceptionAudience, min: number, max: number) =>
  fc.array(person(a), { minLength: min, maxLength: max });

/** What the route would send for these people (its snapshot summaries and counts). */
function json(
  people: Record<PerceptionAudience, Record<string, string | undefined>[]>,
  ratings: Record<string, 'fully-met' | 'partially-met' | 'not-yet-met' | 'dont-know'>,
  closed: boolean,
) {
  const rows = (a: PerceptionAudience) =>
    people[a].map((answers) => ({
      definition_id: defs[a].id,
      definition_version: defs[a].version,
      body: { answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v)) },
    }));
  const summaries = PERCEPTION_AUDIENCES.map((a) => summariseAudience(a, rows(a))).filter(
    (s) => s.people > 0,
  );
  return JSON.stringify(
    leadPerception({
      counts: new Map(PERCEPTION_AUDIENCES.map((a) => [a, people[a].length])),
      summaries,
      closed,
      audit,
      ratings: { ratings },
    }),
  );
}

describe('D1 D8 adults in the 360° are protected as people', () => {
  it(`a group of fewer than 10 can hold anyone saying anything: the lead's JSON does not change (seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PERCEPTION_AUDIENCES),
        fc.record({
          staff: group('staff', 0, 25),
          'parent-carer': group('parent-carer', 0, 25),
          governor: group('governor', 0, 25),
        }),
        fc.dictionary(
          fc.constantFrom(...statementIds),
          fc.constantFrom('fully-met', 'partially-met', 'not-yet-met', 'dont-know') as fc.Arbitrary<
            'fully-met' | 'partially-met' | 'not-yet-met' | 'dont-know'
          >,
        ),
        fc.boolean(),
        (small, base, ratings, closed) =>
          fc.assert(
            fc.property(group(small, 1, K - 1), group(small, 1, K - 1), (one, other) => {
              const a = json({ ...base, [small]: one }, ratings, closed);
              const b = json({ ...base, [small]: other }, ratings, closed);
              assert.equal(a, b);
            }),
            { numRuns: 3, seed: SEED },
          ),
      ),
      { numRuns: NUM_RUNS, seed: SEED },
    );
  });

  it('a group of 10 or more is shown, counted as people (the check above is not vacuous)', () => {
    const ten = Array.from({ length: 10 }, () => ({ 'senior-lead': 'agree' }));
    const out = JSON.parse(json({ staff: ten, 'parent-carer': [], governor: [] }, {}, true)) as {
      published: { stakeholders: unknown[] };
      audiences: { answered: string }[];
    };
    assert.deepEqual(out.published.stakeholders, [{ stakeholder: 'staff', people: { value: 10 } }]);
    assert.equal(out.audiences[0]!.answered, '10');
  });
});
