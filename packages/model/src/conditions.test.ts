import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Condition, conditionItems, evaluateCondition, type ConditionContext } from './index.js';

const ctx = (answers: ConditionContext['answers']): ConditionContext => ({
  answers,
  score: (_item, value) => ({ none: 0, some: 1, lots: 2 })[value],
  isMissing: (_item, value) => value === 'prefer-not-to-say',
});

describe('conditions', () => {
  const table: { condition: unknown; answers: ConditionContext['answers']; expected: boolean }[] = [
    {
      condition: { op: 'equals', item: 'a', value: 'some' },
      answers: { a: 'some' },
      expected: true,
    },
    {
      condition: { op: 'equals', item: 'a', value: 'some' },
      answers: { a: 'lots' },
      expected: false,
    },
    { condition: { op: 'equals', item: 'a', value: 'some' }, answers: {}, expected: false },
    {
      condition: { op: 'equals', item: 'm', value: 'x' },
      answers: { m: ['y', 'x'] },
      expected: true,
    },
    {
      condition: { op: 'in', item: 'a', values: ['some', 'lots'] },
      answers: { a: 'lots' },
      expected: true,
    },
    {
      condition: { op: 'answered', item: 'a' },
      answers: { a: 'prefer-not-to-say' },
      expected: false,
    },
    { condition: { op: 'answered', item: 'a' }, answers: { a: '   ' }, expected: false },
    { condition: { op: 'answered', item: 'a' }, answers: { a: 'none' }, expected: true },
    {
      condition: { op: 'score-at-least', item: 'a', value: 1 },
      answers: { a: 'none' },
      expected: false,
    },
    {
      condition: { op: 'score-at-least', item: 'a', value: 1 },
      answers: { a: 'some' },
      expected: true,
    },
    {
      condition: { op: 'score-at-least', item: 'a', value: 1 },
      answers: { a: 'prefer-not-to-say' },
      expected: false,
    },
    {
      condition: {
        op: 'any',
        conditions: [
          { op: 'equals', item: 'a', value: 'lots' },
          { op: 'equals', item: 'b', value: 'lots' },
        ],
      },
      answers: { b: 'lots' },
      expected: true,
    },
    {
      condition: {
        op: 'all',
        conditions: [
          { op: 'answered', item: 'a' },
          { op: 'answered', item: 'b' },
        ],
      },
      answers: { a: 'some' },
      expected: false,
    },
    {
      condition: { op: 'not', condition: { op: 'answered', item: 'a' } },
      answers: {},
      expected: true,
    },
  ];
  for (const row of table) {
    it(`${JSON.stringify(row.condition)} with ${JSON.stringify(row.answers)} → ${row.expected}`, () => {
      assert.equal(
        evaluateCondition(Condition.parse(row.condition), ctx(row.answers)),
        row.expected,
      );
    });
  }

  it('lists every item a nested condition reads', () => {
    const c = Condition.parse({
      op: 'all',
      conditions: [
        { op: 'answered', item: 'a' },
        { op: 'not', condition: { op: 'in', item: 'b', values: ['x'] } },
      ],
    });
    assert.deepEqual(conditionItems(c), ['a', 'b']);
  });

  it('rejects an unknown operator and an empty combination, with paths', () => {
    assert.equal(Condition.safeParse({ op: 'script', item: 'a' }).success, false);
    const empty = Condition.safeParse({ op: 'all', conditions: [] });
    assert.equal(empty.success, false);
    if (!empty.success) assert.deepEqual(empty.error.issues[0]?.path, ['conditions']);
  });
});
