import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AuditDefinition,
  ITEM_TYPES,
  QuestionnaireDefinition,
  check,
  findItem,
  itemsOf,
  producedIndicators,
} from './index.js';
import { auditInput, clone, questionnaireInput } from './test-helpers/examples.js';
import { assertParses, assertProblem, type Untyped } from './test-helpers/assertions.js';

/** Cross-field rules of a definition: each bad input → a problem at the exact path. */
const rules: { why: string; mutate: (d: Untyped) => void; at: string; message: RegExp }[] = [
  {
    why: 'a duplicate item id',
    mutate: (d) => (d.sections[2].items[1].id = 'feel-safe'),
    at: 'sections.2.items.1.id',
    message: /used twice/,
  },
  {
    why: 'a duplicate section id',
    mutate: (d) => (d.sections[3].id = 'feelings'),
    at: 'sections.3.id',
    message: /used twice/,
  },
  {
    why: 'a visibleIf on a later item (no forward references, so no cycles)',
    mutate: (d) => (d.sections[1].items[0].visibleIf = { op: 'answered', item: 'feel-safe' }),
    at: 'sections.1.items.0.visibleIf',
    message: /not an earlier item/,
  },
  {
    why: 'a visibleIf on an item that does not exist (dangling)',
    mutate: (d) => (d.sections[2].items[0].visibleIf = { op: 'answered', item: 'nope' }),
    at: 'sections.2.items.0.visibleIf',
    message: /"nope"/,
  },
  {
    why: 'a visibleIf comparing with an option that does not exist',
    mutate: (d) =>
      (d.sections[1].items[1].visibleIf = {
        op: 'equals',
        item: 'bullied-face-to-face',
        value: 'often',
      }),
    at: 'sections.1.items.1.visibleIf',
    message: /no option "often"/,
  },
  {
    why: 'a nested condition with a bad option, at its nested path',
    mutate: (d) =>
      (d.sections[1].items[1].visibleIf = {
        op: 'all',
        conditions: [
          { op: 'answered', item: 'year-group' },
          { op: 'not', condition: { op: 'equals', item: 'year-group', value: 'Y9' } },
        ],
      }),
    at: 'sections.1.items.1.visibleIf.conditions.1.condition',
    message: /no option "Y9"/,
  },
  {
    why: 'a scored option that does not exist',
    mutate: (d) => (d.sections[2].items[0].scoring.values.sometimes = 1),
    at: 'sections.2.items.0.scoring.values.sometimes',
    message: /no option "sometimes"/,
  },
  {
    why: 'an option neither scored nor missing',
    mutate: (d) => delete d.sections[1].items[0].scoring.values['several-times-a-week'],
    at: 'sections.1.items.0.scoring.values',
    message: /"several-times-a-week" is neither scored nor missing/,
  },
  {
    why: 'an option both scored and missing',
    mutate: (d) => d.sections[1].items[0].scoring.missing.push('not-at-all'),
    at: 'sections.1.items.0.scoring.missing.1',
    message: /both scored and missing/,
  },
  {
    why: 'a scale item naming a scale that does not exist',
    mutate: (d) => (d.sections[3].items[0].scoring.scale = 'behaviour'),
    at: 'sections.3.items.0.scoring.scale',
    message: /no scale "behaviour"/,
  },
  {
    why: 'a faces option with no face',
    mutate: (d) => delete d.sections[2].items[1].options[0].face,
    at: 'sections.2.items.1.options.0.face',
    message: /needs a face/,
  },
  {
    why: 'a cut-off outside the scores',
    mutate: (d) => (d.sections[1].items[0].scoring.cutoffs.frequent = 9),
    at: 'sections.1.items.0.scoring.cutoffs.frequent',
    message: /outside/,
  },
  {
    why: 'P11 pupil free text without a warning',
    mutate: (d) => delete d.sections[4].items[0].warning,
    at: 'sections.4.items.0.warning',
    message: /P11/,
  },
  {
    why: 'P4 an identity question in a KS2 definition',
    mutate: (d) =>
      d.sections[0].items.push({
        id: 'lgbt',
        type: 'single-choice',
        text: { 'en-GB': 'Are you LGBT?' },
        options: [
          { value: 'yes', label: { 'en-GB': 'Yes' } },
          { value: 'prefer-not-to-say', label: { 'en-GB': 'Prefer not to say' } },
        ],
        scoring: { kind: 'characteristic', characteristic: 'lgbt' },
      }),
    at: 'sections.0.items.1.scoring.characteristic',
    message: /never asked of KS1 or KS2/,
  },
  {
    why: 'a characteristic option that is not a value of it',
    mutate: (d) => (d.sections[0].items[0].options[0].value = 'year-5'),
    at: 'sections.0.items.0.options.0.value',
    message: /not a value of yearGroup/,
  },
  {
    why: 'P5 a characteristic question without Prefer not to say',
    mutate: (d) => d.sections[0].items[0].options.pop(),
    at: 'sections.0.items.0.options',
    message: /prefer-not-to-say/,
  },
  {
    why: 'an undeclared {parameter}',
    mutate: (d) => (d.sections[2].items[0].text['en-GB'] = 'Since {lastTerm}, I feel safe'),
    at: 'sections.2.items.0.text.en-GB',
    message: /\{lastTerm\}/,
  },
  {
    why: 'a text missing in a declared locale',
    mutate: (d) => d.locales.push('cy-GB'),
    at: 'title.cy-GB',
    message: /cy-GB text is missing/,
  },
  {
    why: 'a text in an undeclared locale',
    mutate: (d) => (d.sections[0].title['fr-FR'] = 'À propos de toi'),
    at: 'sections.0.title.fr-FR',
    message: /not one of this definition's locales/,
  },
  {
    why: 'a default locale that is not declared',
    mutate: (d) => (d.defaultLocale = 'cy-GB'),
    at: 'defaultLocale',
    message: /not among the locales/,
  },
  {
    why: 'overlapping bands',
    mutate: (d) => (d.scales[0].bands[1].min = 3),
    at: 'scales.0.bands',
    message: /overlap/,
  },
  {
    why: 'an exclusive option outside a multi-select',
    mutate: (d) => (d.sections[1].items[2].options[0].exclusive = true),
    at: 'sections.1.items.2.options.0.exclusive',
    message: /Only multi-select/,
  },
];

describe('QuestionnaireDefinition cross-field rules', () => {
  for (const rule of rules) {
    it(`rejects ${rule.why}`, () => {
      const input = clone(questionnaireInput()) as Untyped;
      rule.mutate(input);
      assertProblem(check(QuestionnaireDefinition, input), rule.at, rule.message);
    });
  }

  it('reports every problem at once, not just the first', () => {
    const input = clone(questionnaireInput()) as Untyped;
    input.sections[2].items[1].id = 'feel-safe';
    input.defaultLocale = 'cy-GB';
    delete input.sections[4].items[0].warning;
    const result = check(QuestionnaireDefinition, input);
    assert.equal(result.ok, false);
    if (!result.ok) assert.ok(result.problems.length >= 3, JSON.stringify(result.problems));
  });

  it('covers every item type in the example, so the rules above see each', () => {
    const def = assertParses(QuestionnaireDefinition, questionnaireInput());
    assert.deepEqual(new Set(itemsOf(def).map((i) => i.type)), new Set(ITEM_TYPES));
    assert.equal(ITEM_TYPES.length, 7);
  });

  it('applies defaults: not required, no statements, not scored', () => {
    const def = assertParses(QuestionnaireDefinition, questionnaireInput());
    const text = findItem(def, 'safer-school');
    assert.ok(text);
    assert.equal(text.required, false);
    assert.deepEqual(text.statements, []);
    assert.equal(text.scoring.kind, 'none');
  });
});

describe('AuditDefinition cross-field rules', () => {
  const auditRules: { why: string; mutate: (d: Untyped) => void; at: string; message: RegExp }[] = [
    {
      why: 'a statement numbered for another area',
      mutate: (d) => (d.areas[1].statements[0].id = '3.1'),
      at: 'areas.1.statements.0.id',
      message: /starts "2\."/,
    },
    {
      why: 'a duplicate statement',
      mutate: (d) => (d.areas[0].statements[1].id = '1.1'),
      at: 'areas.0.statements.1.id',
      message: /listed twice/,
    },
    {
      why: 'a duplicate area',
      mutate: (d) => (d.areas[1].number = 1),
      at: 'areas.1.number',
      message: /listed twice/,
    },
    {
      why: 'points that do not rise',
      mutate: (d) =>
        (d.scoring = { points: { 'fully-met': 1, 'partially-met': 1, 'not-yet-met': 0 } }),
      at: 'scoring.points',
      message: /rise/,
    },
    {
      why: 'a weight for an area that does not exist',
      mutate: (d) => (d.scoring = { areaWeights: { '7': 2 } }),
      at: 'scoring.areaWeights.7',
      message: /no area 7/,
    },
    {
      why: 'a tip missing in a declared locale',
      mutate: (d) => {
        d.locales.push('cy-GB');
      },
      at: 'title.cy-GB',
      message: /missing/,
    },
  ];
  for (const rule of auditRules) {
    it(`rejects ${rule.why}`, () => {
      const input = clone(auditInput()) as Untyped;
      rule.mutate(input);
      assertProblem(check(AuditDefinition, input), rule.at, rule.message);
    });
  }

  it('defaults scoring to Fully 2, Partially 1, Not yet 0 (domain.md §2)', () => {
    const def = assertParses(AuditDefinition, auditInput());
    assert.deepEqual(def.scoring.points, { 'fully-met': 2, 'partially-met': 1, 'not-yet-met': 0 });
  });
});

describe('Indicator declarations (meaning is data, not a name)', () => {
  const keysOf = (def: Untyped) => (def.indicators as { key: string }[]).map((d) => d.key);

  it('lists what each item produces by the one naming rule', () => {
    const def = assertParses(QuestionnaireDefinition, questionnaireInput());
    assert.deepEqual(
      producedIndicators(def).map((p) => p.key),
      [
        'victimisation.any',
        'victimisation.frequent',
        'types.hit',
        'types.names',
        'types.left-out',
        'told.yes',
        'feelings.feel-safe.agree',
        'scale.emotional-difficulties',
      ],
    );
  });

  it('refuses a pupil questionnaire with no declarations, naming every key to declare', () => {
    const input = clone(questionnaireInput()) as Untyped;
    delete input.indicators;
    assertProblem(check(QuestionnaireDefinition, input), 'indicators', /victimisation\.frequent/);
  });

  it('refuses an indicator that is produced but not declared', () => {
    const input = clone(questionnaireInput()) as Untyped;
    input.indicators = input.indicators.filter((d: { key: string }) => d.key !== 'told.yes');
    assertProblem(check(QuestionnaireDefinition, input), 'indicators', /"told\.yes".*not declared/);
  });

  it('refuses a declaration no item produces, naming the key and what is produced', () => {
    const input = clone(questionnaireInput()) as Untyped;
    input.indicators.push({ ...input.indicators[0], key: 'victimisation.sometimes' });
    assertProblem(
      check(QuestionnaireDefinition, input),
      `indicators.${keysOf(input).length - 1}.key`,
      /No item produces indicator "victimisation\.sometimes"/,
    );
  });

  it('refuses a key declared twice', () => {
    const input = clone(questionnaireInput()) as Untyped;
    input.indicators.push({ ...input.indicators[1] });
    assertProblem(
      check(QuestionnaireDefinition, input),
      `indicators.${keysOf(input).length - 1}.key`,
      /declared twice/,
    );
  });

  it("refuses a scale declared in the opposite direction to the scale's own", () => {
    const input = clone(questionnaireInput()) as Untyped;
    const i = keysOf(input).indexOf('scale.emotional-difficulties');
    input.indicators[i].direction = 'higher-is-better';
    assertProblem(check(QuestionnaireDefinition, input), `indicators.${i}.direction`, /scale says/);
  });

  it('checks composites and combinations against what the items produce', () => {
    const input = clone(questionnaireInput()) as Untyped;
    const label = input.indicators[0].label;
    input.indicators.push(
      {
        key: 'wellbeing.composite',
        label,
        direction: 'higher-is-better',
        population: 'all',
        composite: { of: 'wellbeing' },
      },
      {
        key: 'both.frequent',
        label,
        direction: 'higher-is-worse',
        population: 'all',
        allOf: ['victimisation.frequent', 'scale.emotional-difficulties'],
      },
    );
    const n = keysOf(input).length;
    const result = check(QuestionnaireDefinition, input);
    assertProblem(
      result,
      `indicators.${n - 2}.composite.of`,
      /No agreement item feeds indicator "wellbeing"/,
    );
    assertProblem(result, `indicators.${n - 1}.allOf.1`, /not a yes\/no indicator/);
  });

  it('refuses two items producing the same key', () => {
    const input = clone(questionnaireInput()) as Untyped;
    const bullied = input.sections[1].items[0];
    input.sections[1].items.push({ ...clone(bullied), id: 'bullied-again' });
    const last = input.sections[1].items.length - 1;
    assertProblem(
      check(QuestionnaireDefinition, input),
      `sections.1.items.${last}.scoring`,
      /produced by both "bullied-face-to-face" and "bullied-again"/,
    );
  });
});
