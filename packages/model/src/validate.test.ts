import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { QuestionnaireDefinition, validateResponse, visibleItems } from './index.js';
import { clone, questionnaireInput, responseInput } from './test-helpers/examples.js';
import { assertProblem, type Untyped } from './test-helpers/assertions.js';

const definition = QuestionnaireDefinition.parse(questionnaireInput());

describe('validateResponse', () => {
  it('accepts a valid response and returns it parsed', () => {
    const result = validateResponse(definition, responseInput());
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(result.value.answers['feel-safe'], 'agree');
  });

  const bad: { why: string; mutate: (r: Untyped) => void; at: string; message: RegExp }[] = [
    {
      why: 'an option that does not exist',
      mutate: (r) => (r.answers['feel-safe'] = 'agree-totally'),
      at: 'answers.feel-safe',
      message: /not an option/,
    },
    {
      why: 'S4 a number off the scale, as text',
      mutate: (r) => (r.answers['feel-safe'] = '7'),
      at: 'answers.feel-safe',
      message: /"7" is not an option/,
    },
    {
      why: 'a list for a single-choice item',
      mutate: (r) => (r.answers['feel-safe'] = ['agree']),
      at: 'answers.feel-safe',
      message: /one option, not a list/,
    },
    {
      why: 'a single value for a multi-select item',
      mutate: (r) => (r.answers['bullying-types'] = 'names'),
      at: 'answers.bullying-types',
      message: /list of options/,
    },
    {
      why: 'an unknown option in a multi-select, at its index',
      mutate: (r) => (r.answers['bullying-types'] = ['names', 'teased']),
      at: 'answers.bullying-types.1',
      message: /"teased"/,
    },
    {
      why: 'the same option twice',
      mutate: (r) => (r.answers['bullying-types'] = ['names', 'names']),
      at: 'answers.bullying-types.1',
      message: /chosen twice/,
    },
    {
      why: 'an exclusive option with others',
      mutate: (r) => (r.answers['bullying-types'] = ['names', 'prefer-not-to-say']),
      at: 'answers.bullying-types',
      message: /cannot be chosen with other/,
    },
    {
      why: 'free text over its limit',
      mutate: (r) => (r.answers['safer-school'] = 'x'.repeat(501)),
      at: 'answers.safer-school',
      message: /limit is 500/,
    },
    {
      why: 'an answer to an item that does not exist',
      mutate: (r) => (r.answers['favourite-colour'] = 'blue'),
      at: 'answers.favourite-colour',
      message: /no question/,
    },
    {
      why: 'S4 an answer to a hidden item',
      mutate: (r) => (r.answers['bullied-face-to-face'] = 'not-at-all'),
      at: 'answers.bullying-types',
      message: /not shown/,
    },
    {
      why: 'a required item unanswered',
      mutate: (r) => delete r.answers['feel-safe'],
      at: 'answers.feel-safe',
      message: /needs an answer/,
    },
    {
      why: 'S4 a wrong version',
      mutate: (r) => (r.definition.version = '0.9.0'),
      at: 'definition.version',
      message: /version 0\.9\.0/,
    },
    {
      why: 'another definition',
      mutate: (r) => (r.definition.id = 'pupil-ks1'),
      at: 'definition.id',
      message: /"pupil-ks1"/,
    },
    {
      why: 'submitted before started',
      mutate: (r) => (r.submittedAt = '2026-09-30T09:00:00Z'),
      at: 'submittedAt',
      message: /before it was started/,
    },
    {
      why: 'a characteristic that contradicts its answer',
      mutate: (r) => (r.characteristics.yearGroup = 'Y6'),
      at: 'characteristics.yearGroup',
      message: /answer to "year-group" is "Y5"/,
    },
    {
      why: 'S4 an unknown key',
      mutate: (r) => (r.ipAddress = '10.0.0.1'),
      at: '(top level)',
      message: /ipAddress/,
    },
  ];
  for (const b of bad) {
    it(`rejects ${b.why}, naming ${b.at}`, () => {
      const r = clone(responseInput()) as Untyped;
      b.mutate(r);
      assertProblem(validateResponse(definition, r), b.at, b.message);
    });
  }

  it('returns every problem, not just the first', () => {
    const r = clone(responseInput()) as Untyped;
    r.answers['feel-safe'] = 'nope';
    r.answers['safer-school'] = 'x'.repeat(600);
    r.definition.version = '2.0.0';
    const result = validateResponse(definition, r);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.deepEqual(result.problems.map((p) => p.at).sort(), [
        'answers.feel-safe',
        'answers.safer-school',
        'definition.version',
      ]);
    }
  });

  it('treats "Prefer not to say" as an answer that shows no follow-ups', () => {
    const r = clone(responseInput()) as Untyped;
    r.answers['bullied-face-to-face'] = 'prefer-not-to-say';
    delete r.answers['bullying-types'];
    delete r.answers['told-anyone'];
    assert.equal(validateResponse(definition, r).ok, true);
  });

  it('shows follow-ups only to pupils who were bullied (visibleIf)', () => {
    const ids = (answers: Record<string, string>) =>
      visibleItems(definition, answers).map((i): string => i.id);
    assert.ok(!ids({ 'bullied-face-to-face': 'not-at-all' }).includes('bullying-types'));
    assert.ok(ids({ 'bullied-face-to-face': 'once-or-twice' }).includes('bullying-types'));
    assert.ok(!ids({}).includes('told-anyone'));
  });

  it('never throws on hostile input (T2)', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      'text',
      [],
      { answers: null },
      JSON.parse('{"__proto__": {"polluted": true}, "answers": {}}'),
      { ...responseInput(), answers: { 'feel-safe': { $ne: 1 } } },
      { ...responseInput(), answers: { 'feel-safe': Number('1e309') } },
      { ...responseInput(), answers: { 'feel-safe': NaN } },
    ];
    for (const input of hostile) {
      const result = validateResponse(definition, input);
      assert.equal(result.ok, false);
      if (!result.ok)
        assert.ok(result.problems.every((p) => typeof p.at === 'string' && p.message.length > 0));
    }
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});

describe('validateResponse property tests (T1)', () => {
  const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
  const numRuns = Number(process.env.FC_NUM_RUNS ?? 2000);
  const itemIds = Object.keys(responseInput().answers);
  const keys = [
    'id',
    'definition',
    'wave',
    'school',
    'mode',
    'characteristics',
    'answers',
    'startedAt',
    'submittedAt',
  ];

  /** A mutation that makes a valid response invalid, and the path (prefix) its problem must name. */
  const mutation = fc.oneof(
    fc.record({
      kind: fc.constant('drop-key' as const),
      key: fc.constantFrom(
        'id',
        'definition',
        'wave',
        'school',
        'answers',
        'startedAt',
        'submittedAt',
      ),
    }),
    fc.record({
      kind: fc.constant('bad-option' as const),
      item: fc.constantFrom(...itemIds.filter((i) => i !== 'safer-school')),
      value: fc.string({ minLength: 1, maxLength: 12 }),
    }),
    fc.record({
      kind: fc.constant('wrong-type' as const),
      key: fc.constantFrom(...keys),
      value: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.double()),
    }),
    fc.record({
      kind: fc.constant('extra-key' as const),
      key: fc
        .string({ minLength: 1, maxLength: 10 })
        .filter((k) => !keys.includes(k) && k !== '__proto__'),
    }),
    fc.record({
      kind: fc.constant('unknown-item' as const),
      item: fc
        .stringMatching(/^[a-z]{3,10}$/)
        .filter((i) => !itemIds.includes(i) && !['wb-worry', 'wb-scared'].includes(i)),
    }),
  );

  it(`random mutations of a valid response are rejected with a path (seed ${seed})`, () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const r = clone(responseInput()) as Untyped;
        let expected: string;
        switch (m.kind) {
          case 'drop-key':
            delete r[m.key];
            expected = m.key;
            break;
          case 'bad-option': {
            const current = r.answers[m.item];
            if (Array.isArray(current) ? current.includes(m.value) : current === m.value)
              return true;
            const item = definition.sections.flatMap((s) => s.items).find((i) => i.id === m.item)!;
            if (item.type !== 'free-text' && item.options.some((o) => o.value === m.value))
              return true;
            r.answers[m.item] = Array.isArray(current) ? [m.value] : m.value;
            expected = `answers.${m.item}`;
            break;
          }
          case 'wrong-type':
            r[m.key] = m.value;
            expected = m.key;
            break;
          case 'extra-key':
            r[m.key] = 'x';
            expected = '(top level)';
            break;
          case 'unknown-item':
            r.answers[m.item] = 'x';
            expected = `answers.${m.item}`;
            break;
        }
        const result = validateResponse(definition, r);
        if (result.ok) return false;
        return result.problems.some((p) => p.at === expected || p.at.startsWith(`${expected}.`));
      }),
      { seed, numRuns },
    );
  });

  it(`random answers drawn from the options are valid exactly when visible (seed ${seed})`, () => {
    const freq = definition.sections[1]!.items[0]!;
    const options = freq.type === 'free-text' ? [] : freq.options.map((o) => o.value);
    fc.assert(
      fc.property(fc.constantFrom(...options), (value) => {
        const r = clone(responseInput()) as Untyped;
        r.answers['bullied-face-to-face'] = value;
        const shown = visibleItems(definition, r.answers).some((i) => i.id === 'bullying-types');
        return validateResponse(definition, r).ok === shown;
      }),
      { seed, numRuns: Math.min(numRuns, 200) },
    );
  });
});
