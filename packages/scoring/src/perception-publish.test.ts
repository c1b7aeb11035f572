import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { itemsOf } from '@all-together/model';
import { getQuestionnaire } from '@all-together/questionnaires';
import { publishPerception, summarisePerception } from './perception.js';

const staff = getQuestionnaire('perception-staff');
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

describe('publishPerception: adults counted as people', () => {
  it('D1 D4 three staff who all said "Don\'t know": every figure hidden, none shown as 0', () => {
    const everyone = Object.fromEntries(itemsOf(staff).map((i) => [i.id, 'dont-know']));
    const published = publishPerception([
      summarisePerception(staff, [{ answers: everyone }, { answers: everyone }, { answers: {} }]),
    ]);
    assert.deepEqual(published.stakeholders, [
      { stakeholder: 'staff', people: { symbol: '[c]', reason: 'base' } },
    ]);
    for (const s of published.statements)
      assert.deepEqual(
        s.groups,
        [
          {
            stakeholder: 'staff',
            people: { symbol: '[c]', reason: 'base' },
            agree: { symbol: '[c]', reason: 'base' },
          },
        ],
        s.statement,
      );
  });

  it('a group of 10 or more where nobody answered a statement says so ([z]), with its 0', () => {
    const published = publishPerception([
      summarisePerception(
        staff,
        Array.from({ length: 10 }, () => ({ answers: { 'senior-lead': 'agree' } })),
      ),
    ]);
    const row = (id: string) => published.statements.find((s) => s.statement === id)!.groups[0];
    assert.deepEqual(row('1.1'), {
      stakeholder: 'staff',
      people: { value: 10 },
      agree: { value: 100 },
    });
    assert.deepEqual(row('1.4'), {
      stakeholder: 'staff',
      people: { value: 0 },
      agree: { symbol: '[z]', reason: 'no-pupils' },
    });
  });

  it(`D1 D4 a group of 1 to 9 people publishes the same whatever they answered (seed ${SEED})`, () => {
    const person = fc.record(
      Object.fromEntries(
        itemsOf(staff).map((i) => [
          i.id,
          fc.option(fc.constantFrom(...('options' in i ? i.options : []).map((o) => o.value)), {
            nil: undefined,
          }),
        ]),
      ),
    );
    const people = fc.array(person, { minLength: 1, maxLength: 9 });
    const publish = (group: Record<string, string | undefined>[]) =>
      publishPerception([
        summarisePerception(
          staff,
          group.map((answers) => ({
            answers: Object.fromEntries(
              Object.entries(answers).filter((e): e is [string, string] => e[1] !== undefined),
            ),
          })),
        ),
      ]);
    fc.assert(
      fc.property(people, people, (a, b) => assert.deepEqual(publish(a), publish(b))),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 500), seed: SEED },
    );
  });
});
