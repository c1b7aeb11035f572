import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import {
  ActionPlan,
  AuditDefinition,
  AuditResponse,
  AwardCriterion,
  AwardRecommendation,
  AwardRules,
  DisclosureControl,
  IndicatorMeasure,
  LocalAuthority,
  ProgrammeRound,
  PupilCharacteristics,
  QuestionnaireDefinition,
  QuestionnaireResponse,
  School,
  SchoolPhase,
  Trust,
  check,
} from './index.js';
import {
  actionPlanInput,
  auditInput,
  auditResponseInput,
  clone,
  questionnaireInput,
  responseInput,
  roundInput,
} from './test-helpers/examples.js';
import { assertParses, assertProblem, type Untyped } from './test-helpers/assertions.js';

/** One table row: a schema, a valid input, and bad inputs each with the path its problem names. */
interface Case {
  name: string;
  schema: z.ZodType;
  valid: () => unknown;
  invalid: { why: string; mutate: (v: Untyped) => void; at: string; message?: RegExp }[];
}

const recommendation = () => ({
  level: 'bronze',
  levelIfJudged: 'silver',
  needsJudgement: ['bronze.pupil-outcomes.send'],
  status: 'recommended-for-moderation',
  criteria: [
    {
      id: 'bronze.min-overall',
      level: 'bronze',
      status: 'met',
      met: true,
      actual: 62,
      required: 50,
      reason: 'Overall 62%, needs at least 50%',
      message: { key: 'overall', params: { overall: 62, min: 50 } },
    },
    {
      id: 'bronze.pupil-outcomes.send',
      level: 'bronze',
      status: 'needs-judgement',
      met: false,
      actual: null,
      required: null,
      reason: 'The figure for pupils with SEND is hidden to protect privacy.',
      message: { key: 'outcomeHidden', params: { group: 'send', pool: 'Years 3 to 13' } },
    },
  ],
  rules: AwardRules.parse({}),
});

const cases: Case[] = [
  {
    name: 'LocalAuthority',
    schema: LocalAuthority,
    valid: () => ({ code: '873', name: 'Cambridgeshire' }),
    invalid: [
      {
        why: 'a two-digit code',
        mutate: (v) => (v.code = '87'),
        at: 'code',
        message: /three digits/,
      },
      { why: 'an empty name', mutate: (v) => (v.name = ''), at: 'name', message: /empty/ },
      { why: 'an unknown key', mutate: (v) => (v.extra = 1), at: '(top level)', message: /extra/ },
    ],
  },
  {
    name: 'Trust',
    schema: Trust,
    valid: () => ({
      id: 'north-star-trust',
      name: 'North Star Academy Trust',
      companyNumber: '01234567',
    }),
    invalid: [
      {
        why: 'spaces in the id',
        mutate: (v) => (v.id = 'North Star'),
        at: 'id',
        message: /lower-case/,
      },
      { why: 'a bad company number', mutate: (v) => (v.companyNumber = '12'), at: 'companyNumber' },
    ],
  },
  {
    name: 'School',
    schema: School,
    valid: () => ({
      urn: '123456',
      name: 'Hillside Primary',
      phase: 'primary',
      localAuthority: '873',
      trust: null,
    }),
    invalid: [
      {
        why: 'a five-digit URN',
        mutate: (v) => (v.urn = '12345'),
        at: 'urn',
        message: /six digits/,
      },
      { why: 'an unknown phase', mutate: (v) => (v.phase = 'middle'), at: 'phase' },
      { why: 'no local authority', mutate: (v) => delete v.localAuthority, at: 'localAuthority' },
    ],
  },
  {
    name: 'ProgrammeRound',
    schema: ProgrammeRound,
    valid: roundInput,
    invalid: [
      {
        why: 'closing before opening',
        mutate: (v) => (v.closesOn = '2026-09-01'),
        at: 'closesOn',
        message: /cannot close/,
      },
      {
        why: 'an impossible date',
        mutate: (v) => (v.opensOn = '2026-02-30'),
        at: 'opensOn',
        message: /YYYY-MM-DD/,
      },
      { why: 'an unknown wave', mutate: (v) => (v.wave = 'middle'), at: 'wave' },
      { why: 'zero retention', mutate: (v) => (v.retentionMonths = 0), at: 'retentionMonths' },
    ],
  },
  {
    name: 'PupilCharacteristics',
    schema: PupilCharacteristics,
    valid: () => ({
      yearGroup: 'Y9',
      sex: 'female',
      sen: 'E',
      fsm: 'prefer-not-to-say',
      ethnicity: 'mixed',
    }),
    invalid: [
      { why: 'a name', mutate: (v) => (v.name = 'Sam'), at: '(top level)', message: /name/ },
      { why: 'an unknown SEN code', mutate: (v) => (v.sen = 'X'), at: 'sen' },
      { why: 'a year group out of range', mutate: (v) => (v.yearGroup = 'Y14'), at: 'yearGroup' },
    ],
  },
  {
    name: 'QuestionnaireDefinition',
    schema: QuestionnaireDefinition,
    valid: questionnaireInput,
    invalid: [
      {
        why: 'a bad version',
        mutate: (v) => (v.version = '1.0'),
        at: 'version',
        message: /semantic/,
      },
      { why: 'an unknown audience', mutate: (v) => (v.audience = 'pupil-ks3'), at: 'audience' },
      {
        why: 'no sections',
        mutate: (v) => (v.sections = []),
        at: 'sections',
        message: /at least one section/,
      },
      {
        why: 'an unknown item type',
        mutate: (v) => (v.sections[0].items[0].type = 'slider'),
        at: 'sections.0.items.0.type',
      },
      {
        why: 'a free-text limit over 2000',
        mutate: (v) => (v.sections[4].items[0].maxLength = 5000),
        at: 'sections.4.items.0.maxLength',
      },
      {
        why: 'a single option',
        mutate: (v) =>
          (v.sections[1].items[2].options = v.sections[1].items[2].options.slice(0, 1)),
        at: 'sections.1.items.2.options',
        message: /at least two options/,
      },
    ],
  },
  {
    name: 'AuditDefinition',
    schema: AuditDefinition,
    valid: auditInput,
    invalid: [
      {
        why: 'a descriptor missing',
        mutate: (v) => delete v.areas[0].statements[0].descriptors['partially-met'],
        at: 'areas.0.statements.0.descriptors.partially-met',
      },
      {
        why: 'no evidence prompt',
        mutate: (v) => (v.areas[0].statements[1].evidencePrompts = []),
        at: 'areas.0.statements.1.evidencePrompts',
        message: /evidence prompt/,
      },
      {
        why: 'an unknown vulnerable group',
        mutate: (v) => (v.areas[1].statements[0].groups = ['tall']),
        at: 'areas.1.statements.0.groups.0',
      },
      {
        why: 'a javascript: resource link',
        mutate: (v) => (v.areas[0].statements[0].guidance.resources[0].url = 'javascript:alert(1)'),
        at: 'areas.0.statements.0.guidance.resources.0.url',
        message: /https/,
      },
    ],
  },
  {
    name: 'QuestionnaireResponse',
    schema: QuestionnaireResponse,
    valid: responseInput,
    invalid: [
      { why: 'a serial id', mutate: (v) => (v.id = '42'), at: 'id', message: /UUID/ },
      {
        why: 'a pupil name',
        mutate: (v) => (v.pupilName = 'Sam'),
        at: '(top level)',
        message: /pupilName/,
      },
      {
        why: 'a time without offset',
        mutate: (v) => (v.startedAt = '2026-10-01 09:00'),
        at: 'startedAt',
      },
      {
        why: 'a number as an answer',
        mutate: (v) => (v.answers['feel-safe'] = 7),
        at: 'answers.feel-safe',
      },
      {
        why: 'NUL in free text (S4)',
        mutate: (v) => (v.answers['safer-school'] = 'a\u0000b'),
        at: 'answers.safer-school',
      },
      { why: 'an unknown wave', mutate: (v) => (v.wave = 'time-3'), at: 'wave' },
    ],
  },
  {
    name: 'AuditResponse',
    schema: AuditResponse,
    valid: auditResponseInput,
    invalid: [
      { why: 'an unknown rating', mutate: (v) => (v.ratings['1.1'] = 'mostly'), at: 'ratings.1.1' },
      {
        why: 'a bad statement key',
        mutate: (v) => (v.ratings['one'] = 'fully-met'),
        at: 'ratings.one',
      },
      {
        why: 'an empty evidence note',
        mutate: (v) => (v.evidence['1.1'][0].note = ''),
        at: 'evidence.1.1.0.note',
      },
      { why: 'an unknown role', mutate: (v) => (v.respondentRole = 'pupil'), at: 'respondentRole' },
    ],
  },
  {
    name: 'ActionPlan',
    schema: ActionPlan,
    valid: actionPlanInput,
    invalid: [
      {
        why: 'a deadline before the start',
        mutate: (v) => (v.actions[0].deadline = '2026-10-01'),
        at: 'actions.0.deadline',
        message: /before the start/,
      },
      {
        why: 'an action for a missing objective',
        mutate: (v) => (v.actions[0].objective = 'ffffffff-ffff-4fff-8fff-ffffffffffff'),
        at: 'actions.0.objective',
        message: /not in the plan/,
      },
      {
        why: 'a named owner',
        mutate: (v) => (v.actions[0].ownerRole = 'Mrs Smith'),
        at: 'actions.0.ownerRole',
      },
      {
        why: 'an objective linked to nothing',
        mutate: (v) => (v.objectives[0].statements = []),
        at: 'objectives.0.statements',
      },
    ],
  },
  {
    name: 'AwardRules',
    schema: AwardRules,
    valid: () => ({ silver: { minGain: 5 } }),
    invalid: [
      {
        why: 'a percentage over 100',
        mutate: (v) => (v.silver.minGain = 500),
        at: 'silver.minGain',
      },
      { why: 'an unknown level', mutate: (v) => (v.platinum = {}), at: '(top level)' },
    ],
  },
  {
    name: 'AwardRecommendation',
    schema: AwardRecommendation,
    valid: recommendation,
    invalid: [
      { why: 'a bare label', mutate: (v) => delete v.criteria, at: 'criteria' },
      { why: 'a final award', mutate: (v) => (v.status = 'awarded'), at: 'status' },
      {
        why: 'a criterion without a reason',
        mutate: (v) => (v.criteria[0].reason = ''),
        at: 'criteria.0.reason',
      },
    ],
  },
  {
    name: 'DisclosureControl',
    schema: DisclosureControl,
    valid: () => ({}),
    invalid: [
      { why: 'k of zero', mutate: (v) => (v.minCellSize = 0), at: 'minCellSize' },
      {
        why: 'a percentage base below k',
        mutate: (v) => Object.assign(v, { minCellSize: 10, minBaseForPercentage: 5 }),
        at: 'minBaseForPercentage',
      },
    ],
  },
];

for (const c of cases) {
  describe(c.name, () => {
    it('accepts the valid example', () => {
      assertParses(c.schema, c.valid());
    });
    for (const bad of c.invalid) {
      it(`rejects ${bad.why}, naming ${bad.at}`, () => {
        const input = clone(c.valid()) as Untyped;
        bad.mutate(input);
        assertProblem(check(c.schema, input), bad.at, bad.message);
      });
    }
  });
}

describe('defaults', () => {
  it('AwardRules.parse({}) gives the brief’s defaults (domain.md §4)', () => {
    const r = AwardRules.parse({});
    assert.deepEqual(
      [
        r.eligibility.minActions,
        r.bronze.minOverall,
        r.bronze.minArea,
        r.silver.minOverall,
        r.silver.minGain,
      ],
      [3, 50, 25, 70, 10],
    );
    assert.deepEqual([r.silver.minActionsDone, r.gold.minOverall, r.gold.minArea], [75, 85, 70]);
  });

  it('DisclosureControl.parse({}) is on by default with k = 10 (domain.md §7)', () => {
    const d = DisclosureControl.parse({});
    assert.equal(d.minCellSize, 10);
    assert.equal(d.minBaseForPercentage, 20);
    assert.equal(d.complementarySuppression, true);
    assert.equal(d.minSchoolsForComparator, 3);
    assert.equal(d.roundTo, 5);
  });

  it('P5 no pupil item is required unless the definition says so', () => {
    const def = QuestionnaireDefinition.parse(questionnaireInput());
    const required = def.sections
      .flatMap((s) => s.items)
      .filter((i) => i.required)
      .map((i) => i.id);
    assert.deepEqual(required, ['feel-safe']);
  });

  it('school phases are the five of the brief', () => {
    assert.deepEqual(SchoolPhase.options, [
      'primary',
      'secondary',
      'special',
      'alternative-provision',
      'all-through',
    ]);
  });
});

describe('IndicatorMeasure and AwardCriterion.message', () => {
  it('an objective can be measured by the indicator keys scoring really uses (dots, option codes)', () => {
    for (const indicator of [
      'victimisation.frequent',
      'feelings.composite',
      'scale.wellbeing',
      'bully-victim.frequent',
      'sen.E',
      'safe-places.toilets.agree',
    ]) {
      assert.equal(
        IndicatorMeasure.safeParse({ definition: 'pupil-ks2', indicator }).success,
        true,
        indicator,
      );
    }
    for (const indicator of ['', 'Victimisation', '.frequent', 'a..b', 'a.', 'a b', 'a/b']) {
      assert.equal(
        IndicatorMeasure.safeParse({ definition: 'pupil-ks2', indicator }).success,
        false,
        indicator,
      );
    }
  });

  it('a criterion carries a machine-readable message, typed by its key', () => {
    const base = {
      id: 'bronze.wellbeing',
      level: 'bronze',
      status: 'met',
      met: true,
      actual: null,
      required: null,
      reason: 'x',
    };
    assert.equal(AwardCriterion.safeParse(base).success, false, 'a criterion without a message');
    const message = { key: 'outcomeHidden', params: { group: 'send', pool: 'Years 3 to 13' } };
    assert.deepEqual(AwardCriterion.parse({ ...base, message }).message, message);
    assert.equal(
      AwardCriterion.safeParse({ ...base, message: { key: 'Bad key', params: {} } }).success,
      false,
    );
    assert.equal(
      AwardCriterion.safeParse({
        ...base,
        message: { key: 'outcomeHidden', params: { group: 'send' } },
      }).success,
      false,
      "a message missing one of its key's parameters",
    );
  });
});
