import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AWARD_MESSAGE_KEYS,
  ActionPlan,
  AwardCriterionId,
  AwardLevel,
  AwardMessage,
  AwardRecommendation,
  AwardRules,
  QuestionnaireResponse,
  RecordId,
  statementsOf,
  type PublishedCell,
  type PublishedScoreCell,
  type Rating,
} from '@all-together/model';
import { getAudit, getQuestionnaire } from '@all-together/questionnaires';
import { atLeast, awardInputs, recommendAward, type AwardInput } from './award.js';
import { percentHalfUp } from './publish.js';
import { summarise } from './summary.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 1000);
const RANK = Object.fromEntries(AwardLevel.options.map((l, i) => [l, i])) as Record<
  AwardLevel,
  number
>;
const POOL = 'pupil-ks2-secondary';

// ───────────────────────────── fixtures: published figures only ─────────────────────────────

const cell = (count: number, base: number, key = 'all'): PublishedCell => ({
  key,
  base: { value: base },
  count: { value: count },
  percent: { value: percentHalfUp(count, base) },
  interval: { value: { lower: 0, upper: 100 } },
});
const hiddenCell = (key: string): PublishedCell => {
  const h = { symbol: '[c]', reason: 'base' } as const;
  return { key, base: h, count: h, percent: h, interval: h };
};
const score = (n: number, mean: number, sd: number): PublishedScoreCell => ({
  key: 'all',
  n: { value: n },
  mean: { value: mean },
  sd: { value: sd },
  bands: {},
});
const areas = (...percents: number[]) => percents.map((percent, i) => ({ area: i + 1, percent }));
const auditAt = (
  overall: number,
  percents = areas(overall, overall, overall, overall, overall, overall),
  definite = 100,
) => ({
  overall,
  areas: percents,
  definite,
  unsure: [] as string[],
});

/** A school that meets every criterion of Gold. */
const gold = (): AwardInput => ({
  audits: { baseline: auditAt(60), end: auditAt(90) },
  questionnaires: { baseline: { value: 210 }, end: { value: 200 } },
  plan: { counted: 8, dropped: 0, done: 8 },
  evidence: { perArea: { 1: 2, 2: 1, 3: 1, 4: 3, 5: 1, 6: 1 }, notCounted: 0 },
  outcomes: [
    { group: 'all', pool: POOL, baseline: cell(48, 210), end: cell(40, 200) },
    { group: 'send', pool: POOL, baseline: cell(12, 42, 'any-sen'), end: cell(10, 40, 'any-sen') },
    { group: 'fsm', pool: POOL, baseline: cell(14, 50, 'yes'), end: cell(12, 48, 'yes') },
  ],
  wellbeing: [
    {
      pool: POOL,
      direction: 'higher-is-worse',
      baseline: score(200, 8, 4),
      end: score(190, 7.6, 4),
    },
  ],
  perception: {
    groups: [
      { stakeholder: 'staff', people: { value: 32 } },
      { stakeholder: 'parent-carer', people: { value: 55 } },
    ],
    gaps: [{ statement: '3.4', status: 'improved' }],
    measured: true,
  },
});
const status = (r: AwardRecommendation, id: AwardCriterionId) =>
  r.criteria.find((c) => c.id === id)!.status;
const outcome = (
  input: AwardInput,
  group: 'all' | 'send' | 'fsm',
  baseline: PublishedCell | null,
  end: PublishedCell | null,
): AwardInput => ({
  ...input,
  outcomes: input.outcomes.map((o) => (o.group === group ? { ...o, baseline, end } : o)),
});

describe('recommendAward: the Gold school', () => {
  it('meets every criterion, and the recommendation parses as AwardRecommendation', () => {
    const r = recommendAward(gold());
    assert.deepEqual(
      r.criteria.filter((c) => c.status !== 'met').map((c) => [c.id, c.reason]),
      [],
    );
    assert.equal(r.level, 'gold');
    assert.equal(r.levelIfJudged, 'gold');
    assert.deepEqual(r.needsJudgement, []);
    AwardRecommendation.parse(JSON.parse(JSON.stringify(r)));
  });

  it('every criterion id is in the enum and every message is a typed AwardMessage', () => {
    const r = recommendAward(gold());
    assert.deepEqual(new Set(r.criteria.map((c) => c.id)), new Set(AwardCriterionId.options));
    for (const c of r.criteria) AwardMessage.parse(c.message);
    assert.ok(AWARD_MESSAGE_KEYS.length >= 40);
  });
});

describe('finding 1: "Don\'t know" never earns an award', () => {
  const definition = getAudit('all-together-audit', '1.0.0'); // the fixtures' version
  const ids = statementsOf(definition).map((s) => s.id as string);
  it("one Fully met per area and 37 Don't know: participation, with the 37 listed", () => {
    const firstOfEach = new Set(definition.areas.map((a) => a.statements[0]!.id as string));
    const ratings: Record<string, Rating> = Object.fromEntries(
      ids.map((id) => [id, firstOfEach.has(id) ? 'fully-met' : 'dont-know']),
    );
    const fullyMet: Record<string, Rating> = Object.fromEntries(ids.map((id) => [id, 'fully-met']));
    const input = awardInputs({
      audit: definition,
      baselineAudit: { ratings },
      endAudit: { ratings },
      plan: null,
      pupils: { baseline: [], end: [] },
    });
    assert.equal(input.audits.end!.unsure.length, 37);
    assert.ok(
      input.audits.end!.overall! < 20,
      `Don't know counts as not met: ${input.audits.end!.overall}`,
    );
    const r = recommendAward({ ...gold(), audits: input.audits });
    assert.equal(r.level, 'participation');
    assert.equal(status(r, 'bronze.complete-audits'), 'not-met');
    assert.match(r.criteria.find((c) => c.id === 'bronze.complete-audits')!.reason, /1\.2/);
    // The same school with every statement Fully met is not held back by anything here.
    const full = awardInputs({
      audit: definition,
      baselineAudit: { ratings: fullyMet },
      endAudit: { ratings: fullyMet },
      plan: null,
      pupils: { baseline: [], end: [] },
    });
    assert.equal(full.audits.end!.overall, 100);
  });

  it('completeness is at least 90% of statements with a definite rating, in each audit', () => {
    const input = gold();
    const just = recommendAward({
      ...input,
      audits: { baseline: auditAt(60, undefined, 90.7), end: auditAt(90, undefined, 90.7) },
    });
    const short = recommendAward({
      ...input,
      audits: { baseline: auditAt(60, undefined, 88.4), end: auditAt(90, undefined, 100) },
    });
    assert.equal(status(just, 'bronze.complete-audits'), 'met');
    assert.equal(status(short, 'bronze.complete-audits'), 'not-met');
  });
});

describe('finding 2: pupil outcomes gate every level', () => {
  it('SEND frequent victimisation 15.4% → 34.8% is not waved through: no Bronze until the moderator judges it', () => {
    const r = recommendAward(
      outcome(gold(), 'send', cell(4, 26, 'any-sen'), cell(8, 23, 'any-sen')),
    );
    assert.equal(status(r, 'bronze.pupil-outcomes.send'), 'needs-judgement');
    assert.equal(r.level, 'participation');
    assert.equal(r.levelIfJudged, 'gold');
    assert.deepEqual(r.needsJudgement, ['bronze.pupil-outcomes.send']);
  });

  it('a significant rise for SEND pupils fails every level', () => {
    const r = recommendAward(
      outcome(gold(), 'send', cell(6, 60, 'any-sen'), cell(20, 55, 'any-sen')),
    );
    assert.equal(status(r, 'bronze.pupil-outcomes.send'), 'not-met');
    assert.equal(r.level, 'participation');
    assert.equal(r.levelIfJudged, 'participation');
  });

  it('a focus group too small to publish needs the moderator, and the reason says it is not "no problem"', () => {
    const r = recommendAward(outcome(gold(), 'fsm', hiddenCell('yes'), hiddenCell('yes')));
    const c = r.criteria.find((x) => x.id === 'bronze.pupil-outcomes.fsm')!;
    assert.equal(c.status, 'needs-judgement');
    assert.match(c.reason, /does not mean no pupils were affected/);
    assert.equal(r.level, 'participation');
  });

  it('no wellbeing figures (a questionnaire without the scale) needs the moderator, never passes silently', () => {
    const r = recommendAward({ ...gold(), wellbeing: [] });
    assert.equal(status(r, 'bronze.wellbeing'), 'needs-judgement');
  });

  it('wellbeing significantly worse fails', () => {
    const r = recommendAward({
      ...gold(),
      wellbeing: [
        {
          pool: POOL,
          direction: 'higher-is-worse',
          baseline: score(200, 7, 3),
          end: score(200, 9, 3),
        },
      ],
    });
    assert.equal(status(r, 'bronze.wellbeing'), 'not-met');
  });
});

describe('finding 3: a strong school is not capped', () => {
  it('95% → 100% with every action done reaches Gold (a high end score instead of a 10-point gain)', () => {
    const r = recommendAward({ ...gold(), audits: { baseline: auditAt(95), end: auditAt(100) } });
    assert.equal(status(r, 'silver.attainment'), 'met');
    assert.equal(r.level, 'gold');
  });

  it('70% → 78%: neither a gain of 10 nor 85% overall', () => {
    const r = recommendAward({ ...gold(), audits: { baseline: auditAt(70), end: auditAt(78) } });
    assert.equal(status(r, 'silver.attainment'), 'not-met');
    assert.equal(r.level, 'bronze');
  });
});

describe('finding 4: evidence, the 360° and one computation', () => {
  const definition = getAudit('all-together-audit', '1.0.0'); // the fixtures' version
  const first = (area: number) =>
    definition.areas.find((a) => a.number === area)!.statements[0]!.id as string;
  const everyArea = (note: string, kind?: 'document') =>
    Object.fromEntries(
      definition.areas.map((a) => [first(a.number), [{ note, ...(kind ? { kind } : {}) }]]),
    );

  it('a note "x" is not evidence; an item needs a kind and a description of at least five words', () => {
    const ratings = Object.fromEntries(
      statementsOf(definition).map((s) => [s.id, 'fully-met' as Rating]),
    );
    const x = awardInputs({
      audit: definition,
      baselineAudit: { ratings },
      endAudit: { ratings, evidence: everyArea('x', 'document') },
      plan: null,
      pupils: { baseline: [], end: [] },
    });
    assert.deepEqual(Object.values(x.evidence!.perArea), [0, 0, 0, 0, 0, 0]);
    assert.equal(x.evidence!.notCounted, 6);
    const real = awardInputs({
      audit: definition,
      baselineAudit: { ratings },
      endAudit: {
        ratings,
        evidence: everyArea('Minutes of the governors meeting in March', 'document'),
      },
      plan: null,
      pupils: { baseline: [], end: [] },
    });
    assert.deepEqual(Object.values(real.evidence!.perArea), [1, 1, 1, 1, 1, 1]);
    const noKind = awardInputs({
      audit: definition,
      baselineAudit: { ratings },
      endAudit: { ratings, evidence: everyArea('Minutes of the governors meeting in March') },
      plan: null,
      pupils: { baseline: [], end: [] },
    });
    assert.equal(noKind.evidence!.notCounted, 6);
  });

  it("one item entered on the audit and on an action counts once; an action counts for its objective's areas", () => {
    const ratings = Object.fromEntries(
      statementsOf(definition).map((s) => [s.id, 'fully-met' as Rating]),
    );
    const item = {
      id: RecordId.parse('00000000-0000-4000-8000-00000000e001'),
      kind: 'survey' as const,
      note: 'Pupil survey results shared with staff in June',
    };
    const plan = ActionPlan.parse({
      id: '00000000-0000-4000-8000-000000000001',
      school: '100001',
      objectives: [
        {
          id: '00000000-0000-4000-8000-000000000002',
          title: 'Better reporting',
          statements: [first(3), first(5)],
          success: { specific: 'More reports', measurable: 'Survey', timeBound: '2027-06-30' },
        },
      ],
      actions: [
        {
          id: '00000000-0000-4000-8000-000000000003',
          objective: '00000000-0000-4000-8000-000000000002',
          description: 'Run the survey',
          ownerRole: 'anti-bullying-lead',
          startDate: '2026-10-01',
          deadline: '2027-06-30',
          status: 'done',
          evidence: [item],
        },
      ],
      updatedAt: '2027-06-30T12:00:00Z',
    });
    const input = awardInputs({
      audit: definition,
      baselineAudit: { ratings },
      endAudit: { ratings, evidence: { [first(3)]: [item] } },
      plan,
      pupils: { baseline: [], end: [] },
    });
    assert.deepEqual(input.evidence!.perArea, { 1: 0, 2: 0, 3: 1, 4: 0, 5: 1, 6: 0 });
  });

  it('Silver needs perception results from at least two stakeholder groups (each with at least 10 people)', () => {
    const one = recommendAward({
      ...gold(),
      perception: {
        ...gold().perception,
        groups: [
          { stakeholder: 'staff', people: { value: 32 } },
          { stakeholder: 'governor', people: { symbol: '[c]', reason: 'base' } },
        ],
      },
    });
    assert.equal(status(one, 'silver.perception'), 'not-met');
    assert.equal(one.level, 'bronze');
  });

  it('Gold needs every baseline agreement gap improved or addressed in the plan', () => {
    const open = recommendAward({
      ...gold(),
      perception: {
        ...gold().perception,
        gaps: [
          { statement: '3.4', status: 'open' },
          { statement: '5.2', status: 'explained' },
        ],
      },
    });
    assert.equal(status(open, 'gold.agreement-gaps'), 'not-met');
    assert.equal(open.level, 'silver');
  });
});

describe('finding 9: smaller errors', () => {
  it('an exact 10-point gain meets "gain ≥ 10" whatever the floating point (59.99999999999999 − 49.99999999999999)', () => {
    const from = 50 - 1e-14;
    const to = 60 - 1e-14 * 3;
    assert.ok(to - from < 10);
    assert.ok(atLeast(to - from, 10));
    const r = recommendAward({
      ...gold(),
      audits: {
        baseline: auditAt(from),
        end: auditAt(to, areas(70, 70, 70, 70, 70, to * 6 - 350)),
      },
    });
    assert.equal(status(r, 'silver.attainment'), 'met');
    assert.match(r.criteria.find((c) => c.id === 'silver.attainment')!.reason, /gain 10 points/);
  });

  it('SEND groups of 10–19 (figures not published) are never judged by the formula', () => {
    const small = {
      ...hiddenCell('any-sen'),
      base: { value: 14 } as const,
      count: { symbol: '[c]', reason: 'small-base' } as const,
      percent: { symbol: '[c]', reason: 'small-base' } as const,
    };
    const r = recommendAward(outcome(gold(), 'send', small, small));
    assert.equal(status(r, 'bronze.pupil-outcomes.send'), 'needs-judgement');
  });
});

describe('the small-school rule: a rise that is not significant is not waved through silently', () => {
  it('3 of 30 → 7 of 30 (10% → 23%) is not significant, but a rise of 5 points or more needs the moderator', () => {
    const r = recommendAward(outcome(gold(), 'all', cell(3, 30), cell(7, 30)));
    const c = r.criteria.find((x) => x.id === 'bronze.pupil-outcomes.all')!;
    assert.equal(c.status, 'needs-judgement');
    assert.match(c.reason, /rose from 10% to 23%/);
  });

  it('3 of 30 → 4 of 30 (a rise under 5 points) is not worse', () => {
    const r = recommendAward(outcome(gold(), 'all', cell(3, 30), cell(4, 30)));
    assert.equal(status(r, 'bronze.pupil-outcomes.all'), 'met');
  });
});

/**
 * The boundary schools of the README: each criterion just met and just missed. Every other figure
 * is the Gold school's, so only the named criterion moves the recommendation.
 */
export const BOUNDARY_SCHOOLS: {
  school: string;
  change: (i: AwardInput) => AwardInput;
  criterion: AwardCriterionId;
  status: 'met' | 'not-met' | 'needs-judgement';
  level: AwardLevel;
}[] = [
  {
    school: 'A',
    criterion: 'bronze.complete-audits',
    status: 'met',
    level: 'gold',
    change: (i) => ({
      ...i,
      audits: { baseline: auditAt(60, undefined, 90.7), end: auditAt(90, undefined, 90.7) },
    }),
  },
  {
    school: 'B',
    criterion: 'bronze.complete-audits',
    status: 'not-met',
    level: 'participation',
    change: (i) => ({ ...i, audits: { baseline: auditAt(60, undefined, 88.4), end: auditAt(90) } }),
  },
  {
    school: 'C',
    criterion: 'bronze.min-overall',
    status: 'met',
    level: 'bronze',
    change: (i) => ({ ...i, audits: { baseline: auditAt(40), end: auditAt(50) } }),
  },
  {
    school: 'D',
    criterion: 'bronze.min-overall',
    status: 'not-met',
    level: 'participation',
    change: (i) => ({ ...i, audits: { baseline: auditAt(40), end: auditAt(49) } }),
  },
  {
    school: 'E',
    criterion: 'silver.attainment',
    status: 'met',
    level: 'silver',
    change: (i) => ({ ...i, audits: { baseline: auditAt(62), end: auditAt(72) } }),
  },
  {
    school: 'F',
    criterion: 'silver.attainment',
    status: 'not-met',
    level: 'bronze',
    change: (i) => ({ ...i, audits: { baseline: auditAt(63), end: auditAt(72) } }),
  },
  {
    school: 'G',
    criterion: 'silver.attainment',
    status: 'met',
    level: 'gold',
    change: (i) => ({ ...i, audits: { baseline: auditAt(80), end: auditAt(85) } }),
  },
  {
    school: 'H',
    criterion: 'silver.attainment',
    status: 'not-met',
    level: 'bronze',
    change: (i) => ({ ...i, audits: { baseline: auditAt(80), end: auditAt(84) } }),
  },
  {
    school: 'I',
    criterion: 'silver.min-actions-done',
    status: 'met',
    level: 'gold',
    change: (i) => ({ ...i, plan: { counted: 8, dropped: 0, done: 6 } }),
  },
  {
    school: 'J',
    criterion: 'silver.min-actions-done',
    status: 'not-met',
    level: 'bronze',
    change: (i) => ({ ...i, plan: { counted: 8, dropped: 0, done: 5 } }),
  },
  {
    school: 'K',
    criterion: 'bronze.pupil-outcomes.send',
    status: 'met',
    level: 'gold',
    change: (i) => outcome(i, 'send', cell(6, 40, 'any-sen'), cell(7, 40, 'any-sen')),
  },
  {
    school: 'L',
    criterion: 'bronze.pupil-outcomes.send',
    status: 'needs-judgement',
    level: 'participation',
    change: (i) => outcome(i, 'send', cell(6, 40, 'any-sen'), cell(8, 40, 'any-sen')),
  },
];

describe('the twelve boundary schools (README table)', () => {
  for (const b of BOUNDARY_SCHOOLS) {
    it(`school ${b.school}: ${b.criterion} ${b.status} → ${b.level}`, () => {
      const r = recommendAward(b.change(gold()));
      assert.equal(
        status(r, b.criterion),
        b.status,
        r.criteria.find((c) => c.id === b.criterion)!.reason,
      );
      assert.equal(r.level, b.level);
    });
  }
});

describe('awardInputs: one computation, from what the school publishes', () => {
  const ks2 = getQuestionnaire('pupil-ks2');
  let serial = 0;
  const pupil = (sen: string, bullied: boolean, wave: 'baseline' | 'end') =>
    QuestionnaireResponse.parse({
      id: `00000000-0000-4000-a000-${String(++serial).padStart(12, '0')}`,
      definition: { id: ks2.id, version: ks2.version },
      wave,
      school: '100001',
      characteristics: { source: 'school-records', sen },
      answers: { 'bullied-face-to-face': bullied ? 'about-once-a-week' : 'not-at-all' },
      startedAt: '2026-10-05T09:00:00Z',
      submittedAt: '2026-10-05T09:10:00Z',
    });
  const wave = (w: 'baseline' | 'end', sen: number, senBullied: number) =>
    summarise(
      [
        ...Array.from({ length: 60 }, (_, i) => pupil('N', i < 12, w)),
        ...Array.from({ length: sen }, (_, i) => pupil('K', i < senBullied, w)),
      ],
      { wave: w, definitions: [ks2] },
    );

  it('pupil outcomes are the published cells: a SEND group of 12 is hidden, so it needs the moderator', () => {
    const input = awardInputs({
      audit: getAudit('all-together-audit', '1.0.0'),
      baselineAudit: null,
      endAudit: null,
      plan: null,
      pupils: { baseline: [wave('baseline', 12, 3)], end: [wave('end', 12, 6)] },
    });
    const send = input.outcomes.find((o) => o.group === 'send')!;
    assert.ok(!('value' in send.end!.percent));
    assert.equal(
      status(recommendAward({ ...gold(), outcomes: input.outcomes }), 'bronze.pupil-outcomes.send'),
      'needs-judgement',
    );
  });

  it('a larger SEND group is shown and judged on its published figures', () => {
    const input = awardInputs({
      audit: getAudit('all-together-audit', '1.0.0'),
      baselineAudit: null,
      endAudit: null,
      plan: null,
      pupils: { baseline: [wave('baseline', 40, 6)], end: [wave('end', 40, 7)] },
    });
    const send = input.outcomes.find((o) => o.group === 'send')!;
    assert.deepEqual([send.baseline!.percent, send.end!.percent], [{ value: 15 }, { value: 18 }]);
    assert.deepEqual(input.questionnaires, { baseline: { value: 100 }, end: { value: 100 } });
  });
});

describe('properties', () => {
  const changes = fc.record({
    endOverall: fc.integer({ min: 0, max: 100 }),
    gain: fc.integer({ min: -20, max: 40 }),
    done: fc.integer({ min: 0, max: 8 }),
    groups: fc.integer({ min: 0, max: 4 }),
    sendEnd: fc.integer({ min: 0, max: 40 }),
  });
  type Changes = {
    endOverall: number;
    gain: number;
    done: number;
    groups: number;
    sendEnd: number;
  };
  const apply = (c: Changes) => {
    const g = gold();
    return outcome(
      {
        ...g,
        audits: {
          baseline: auditAt(Math.max(0, c.endOverall - c.gain)),
          end: auditAt(c.endOverall),
        },
        plan: { counted: 8, dropped: 0, done: c.done },
        perception: {
          ...g.perception,
          groups: g.perception.groups
            .concat(
              Array.from({ length: c.groups }, () => ({
                stakeholder: 'governor' as const,
                people: { value: 12 },
              })),
            )
            .slice(0, c.groups),
        },
      },
      'send',
      cell(8, 40, 'any-sen'),
      cell(c.sendEnd, 40, 'any-sen'),
    );
  };

  it("the level is the highest whose criteria and every lower level's are met; levelIfJudged is never below it", () => {
    fc.assert(
      fc.property(changes, (c) => {
        const r = recommendAward(apply(c));
        assert.ok(RANK[r.levelIfJudged] >= RANK[r.level]);
        for (const level of AwardLevel.options) {
          const below = r.criteria.filter(
            (x) =>
              (RANK[x.level] <= RANK[level] && x.level !== 'participation') ||
              (level !== 'participation' && x.level === 'participation'),
          );
          if (RANK[level] <= RANK[r.level] && level !== 'participation')
            assert.ok(
              below.every((x) => x.status === 'met'),
              level,
            );
        }
        AwardRecommendation.parse(r);
      }),
      { numRuns: Math.min(NUM_RUNS, 2000) },
    );
  });

  it('more done, a higher end score or better SEND outcomes never lower the level (monotone)', () => {
    fc.assert(
      fc.property(changes, fc.integer({ min: 0, max: 3 }), (c, which) => {
        const better = { ...c };
        if (which === 0) better.done = Math.min(8, c.done + 1);
        if (which === 1) better.endOverall = Math.min(100, c.endOverall + 5);
        if (which === 2) better.sendEnd = Math.max(0, c.sendEnd - 3);
        if (which === 3) better.groups = Math.min(4, c.groups + 1);
        if (which === 1) better.gain = c.gain + 5;
        assert.ok(
          RANK[recommendAward(apply(better)).level] >= RANK[recommendAward(apply(c)).level],
        );
      }),
      { numRuns: Math.min(NUM_RUNS, 2000) },
    );
  });

  it('the default rules are the documented ones', () => {
    const rules = AwardRules.parse({});
    assert.deepEqual(
      [
        rules.completeness.minDefinite,
        rules.bronze.minOverall,
        rules.bronze.minArea,
        rules.silver.minOverall,
        rules.silver.minGain,
        rules.silver.orMinOverall,
        rules.silver.minActionsDone,
        rules.silver.minStakeholderGroups,
        rules.gold.minOverall,
        rules.gold.minArea,
        rules.outcomes.noticeableRise,
      ],
      [90, 50, 25, 70, 10, 85, 75, 2, 85, 70, 5],
    );
  });
});
