import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ActionPlan,
  ActionStatus,
  AwardLevel,
  AwardRecommendation,
  AwardRules,
  type AwardCriterion,
} from '@all-together/model';
import { recommendAward, type AwardInput } from './award.js';
import type { AreaScore, AuditScores, MeanStat, OutcomeComparison, Proportion } from './types.js';

/** A criterion without its machine-readable message, to compare the English reason and figures. */
function withoutMessage(c: AwardCriterion): Omit<AwardCriterion, 'message'> {
  const { message: _message, ...rest } = c;
  return rest;
}

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 1000);
const RANK = Object.fromEntries(AwardLevel.options.map((l, i) => [l, i])) as Record<
  AwardLevel,
  number
>;

// ---------------------------------------------------------------------------------------------
// Fixtures. An area of 10 statements scores Fully 2, Partially 1, Not yet 0 out of 20 points, so
// every multiple of 5% is a real area score: f Fully met and (percent/5 − 2f) Partially met.
// ---------------------------------------------------------------------------------------------

function area(number: number, percent: number | null): AreaScore {
  if (percent === null) {
    // Every statement "Don't know": the area has no score.
    const counts = { 'fully-met': 0, 'partially-met': 0, 'not-yet-met': 0 };
    return {
      area: number,
      answered: 0,
      dontKnow: 10,
      unrated: 0,
      counts,
      points: 0,
      maxPoints: 0,
      percent,
    };
  }
  assert.ok(Number.isInteger(percent / 5) && percent >= 0 && percent <= 100, `area ${percent}%`);
  const points = percent / 5;
  const fully = Math.floor(points / 2);
  const partially = points - 2 * fully;
  const counts = {
    'fully-met': fully,
    'partially-met': partially,
    'not-yet-met': 10 - fully - partially,
  };
  return {
    area: number,
    answered: 10,
    dontKnow: 0,
    unrated: 0,
    counts,
    points,
    maxPoints: 20,
    percent,
  };
}

/** An audit from its six area percentages; overall is their mean (every area weighs 1). */
function audit(percents: readonly (number | null)[]): AuditScores {
  const areas = percents.map((p, i) => area(i + 1, p));
  const scored = areas.filter((a) => a.percent !== null).map((a) => a.percent!);
  const sum = (k: keyof AreaScore['counts']) => areas.reduce((s, a) => s + a.counts[k], 0);
  return {
    areas,
    overall: scored.length === 0 ? null : scored.reduce((s, p) => s + p, 0) / scored.length,
    counts: {
      'fully-met': sum('fully-met'),
      'partially-met': sum('partially-met'),
      'not-yet-met': sum('not-yet-met'),
      'dont-know': areas.reduce((s, a) => s + a.dontKnow, 0),
      unrated: 0,
    },
    dontKnow: [],
  };
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A parsed plan with one objective and one action per status given. */
function plan(statuses: readonly ActionStatus[]): ActionPlan {
  return ActionPlan.parse({
    id: id(99),
    school: '900001',
    objectives: [
      {
        id: id(1),
        title: 'Pupils with SEND can report bullying in a way that suits them',
        statements: ['3.2'],
        success: {
          specific: 'Symbol-based reporting',
          measurable: 'Reports by SEND pupils',
          timeBound: '2027-07-15',
        },
      },
    ],
    actions: statuses.map((status, i) => ({
      id: id(10 + i),
      objective: id(1),
      description: `Action ${i + 1}`,
      ownerRole: 'sendco',
      startDate: '2026-10-01',
      deadline: '2027-03-31',
      status,
    })),
    updatedAt: '2027-06-01T10:00:00Z',
  });
}

const p = (count: number, base: number): Proportion => ({ count, base });
const outcome = (group: OutcomeComparison['group'], baseline: Proportion, end: Proportion) => ({
  group,
  baseline,
  end,
});
const mean = (n: number, m: number, sd: number): MeanStat => ({
  n,
  sum: n * m,
  sumSquares: (n - 1) * sd * sd + n * m * m,
});

/**
 * A school that reaches Gold with the default rules:
 * - audits 40% → 90% in every area (gain 50 points);
 * - 6 actions: 4 done, 1 in progress, 1 dropped → 5 count, 4 ÷ 5 = 80% done;
 * - evidence in every area (the fewest is 1);
 * - frequent victimisation all 46/200 → 38/190, SEND 12/40 → 10/38, FSM 9/30 → 8/32;
 * - wellbeing mean 9 (sd 4, n 180) → 8.5 (sd 4, n 170), higher is worse: not significant.
 */
const gold = (): AwardInput => ({
  baselineAudit: audit([40, 40, 40, 40, 40, 40]),
  endAudit: audit([90, 90, 90, 90, 90, 90]),
  baselineQuestionnaire: { respondents: 200 },
  endQuestionnaire: { respondents: 190 },
  plan: plan(['done', 'done', 'done', 'done', 'in-progress', 'dropped']),
  evidencePerArea: { 1: 2, 2: 1, 3: 3, 4: 1, 5: 2, 6: 1 },
  pupilOutcomes: [
    outcome('all', p(46, 200), p(38, 190)),
    outcome('send', p(12, 40), p(10, 38)),
    outcome('fsm', p(9, 30), p(8, 32)),
  ],
  wellbeing: { baseline: mean(180, 9, 4), end: mean(170, 8.5, 4), higherIsBetter: false },
});

const ALL_IDS = [
  'eligibility.baseline-audit',
  'eligibility.baseline-questionnaire',
  'eligibility.action-plan',
  'eligibility.end-audit',
  'eligibility.end-questionnaire',
  'eligibility.evidence',
  'bronze.min-overall',
  'bronze.min-area',
  'silver.min-overall',
  'silver.min-gain',
  'silver.min-actions-done',
  'gold.min-overall',
  'gold.every-area',
  'gold.pupil-outcomes.all',
  'gold.pupil-outcomes.send',
  'gold.pupil-outcomes.fsm',
  'gold.wellbeing',
];

const failing = (r: AwardRecommendation) => r.criteria.filter((c) => !c.met).map((c) => c.id);
const find = (r: AwardRecommendation, criterionId: string): AwardCriterion => {
  const c = r.criteria.find((x) => x.id === criterionId);
  assert.ok(c, `no criterion ${criterionId}`);
  return c;
};
const outcomesWith = (group: OutcomeComparison['group'], replacement: OutcomeComparison | null) =>
  gold().pupilOutcomes.flatMap((o) => (o.group !== group ? [o] : replacement ? [replacement] : []));

describe('recommendAward: the Gold school, every criterion computed by hand', () => {
  const r = recommendAward(gold());

  it('is a valid AwardRecommendation for moderation at Gold, with the default rules echoed', () => {
    assert.deepEqual(AwardRecommendation.parse(r), r);
    assert.equal(r.level, 'gold');
    assert.equal(r.status, 'recommended-for-moderation');
    assert.deepEqual(r.rules, AwardRules.parse({}));
    assert.deepEqual(
      r.criteria.map((c) => c.id),
      ALL_IDS,
    );
    assert.deepEqual(failing(r), []);
  });

  it('eligibility: both audits, both questionnaires, 5 actions counted, evidence everywhere', () => {
    assert.deepEqual(r.criteria.slice(0, 6).map(withoutMessage), [
      {
        id: 'eligibility.baseline-audit',
        level: 'participation',
        met: true,
        actual: true,
        required: true,
        reason: 'Baseline audit completed: overall 40%.',
      },
      {
        id: 'eligibility.baseline-questionnaire',
        level: 'participation',
        met: true,
        actual: 200,
        required: 1,
        reason: 'Baseline questionnaire answered by 200 pupils.',
      },
      // 6 actions − 1 dropped = 5 ≥ 3.
      {
        id: 'eligibility.action-plan',
        level: 'participation',
        met: true,
        actual: 5,
        required: 3,
        reason:
          'Action plan has 5 actions (not counting 1 dropped), needs at least 3, each with an owner and a deadline.',
      },
      {
        id: 'eligibility.end-audit',
        level: 'participation',
        met: true,
        actual: true,
        required: true,
        reason: 'End audit completed: overall 90%.',
      },
      {
        id: 'eligibility.end-questionnaire',
        level: 'participation',
        met: true,
        actual: 190,
        required: 1,
        reason: 'End questionnaire answered by 190 pupils.',
      },
      // The fewest pieces in any area: 1 (areas 2, 4 and 6) ≥ 1.
      {
        id: 'eligibility.evidence',
        level: 'participation',
        met: true,
        actual: 1,
        required: 1,
        reason: 'Evidence in every area of the end audit: at least 1 each, needs at least 1.',
      },
    ]);
  });

  it('Bronze and Silver: 90% overall, lowest area 90%, gain 90 − 40 = 50, 4 ÷ (6 − 1) = 80% done', () => {
    assert.deepEqual(r.criteria.slice(6, 11).map(withoutMessage), [
      {
        id: 'bronze.min-overall',
        level: 'bronze',
        met: true,
        actual: 90,
        required: 50,
        reason: 'End audit overall 90%, needs at least 50%.',
      },
      {
        id: 'bronze.min-area',
        level: 'bronze',
        met: true,
        actual: 90,
        required: 25,
        reason: 'Every area of the end audit is at least 25%; the lowest is area 1 at 90%.',
      },
      {
        id: 'silver.min-overall',
        level: 'silver',
        met: true,
        actual: 90,
        required: 70,
        reason: 'End audit overall 90%, needs at least 70%.',
      },
      {
        id: 'silver.min-gain',
        level: 'silver',
        met: true,
        actual: 50,
        required: 10,
        reason: 'Overall gain 50 points (40% → 90%), needs at least 10.',
      },
      {
        id: 'silver.min-actions-done',
        level: 'silver',
        met: true,
        actual: 80,
        required: 75,
        reason: '4 of 5 actions done (80%, not counting 1 dropped), needs at least 75%.',
      },
    ]);
  });

  it('Gold: pupil outcomes within the baseline 95% Wilson interval, wellbeing not worse', () => {
    // All 46/200 = 23%: centre = (0.23 + 3.841459/400) / (1 + 3.841459/200) = 0.2396037 / 1.0192073
    //   = 0.2350884; half = 1.959964 × √(0.23 × 0.77/200 + 3.841459/160000) / 1.0192073 =
    //   1.959964 × 0.0301580 / 1.0192073 = 0.0579946 → upper 29.3083%. End 38/190 = 20% ≤ 29.31%.
    // SEND 12/40 = 30%: centre = (0.3 + 0.0480182) / 1.0960365 = 0.3175243; half = 1.959964 ×
    //   √(0.21/40 + 3.841459/6400) / 1.0960365 = 1.959964 × 0.0764868 / 1.0960365 = 0.1367759 →
    //   upper 45.4300%. End 10/38 = 26.3158% ≤ 45.43%.
    // FSM 9/30 = 30%: centre = (0.3 + 0.0640243) / 1.1280486 = 0.3227025; half = 1.959964 ×
    //   √(0.007 + 3.841459/3600) / 1.1280486 = 1.959964 × 0.0898170 / 1.1280486 = 0.1560554 →
    //   upper 47.8758%. End 8/32 = 25% ≤ 47.88%.
    // Wellbeing: SE = √(16/180 + 16/170) = 0.4277926; z = −0.5 / SE = −1.168791; p = 0.2425.
    const [all, send, fsm, wellbeing] = r.criteria.slice(13);
    assert.equal(
      all!.reason,
      'All pupils frequently victimised: 20% at the end against 23% at baseline (95% interval up to 29.3%), so not worse.',
    );
    assert.equal(all!.actual, 20);
    assert.ok(Math.abs((all!.required as number) - 29.3083) < 1e-4);
    assert.equal(
      send!.reason,
      'SEND pupils frequently victimised: 26.3% at the end against 30% at baseline (95% interval up to 45.4%), so not worse.',
    );
    assert.ok(Math.abs((send!.required as number) - 45.43002) < 1e-4);
    assert.equal(
      fsm!.reason,
      'FSM pupils frequently victimised: 25% at the end against 30% at baseline (95% interval up to 47.9%), so not worse.',
    );
    assert.ok(Math.abs((fsm!.required as number) - 47.87579) < 1e-4);
    assert.deepEqual(send!.message, {
      key: 'outcomeNotWorse',
      params: { group: 'send', end: 26.3, baseline: 30, level: 95, upper: 45.4 },
    });
    assert.deepEqual(withoutMessage(wellbeing!), {
      id: 'gold.wellbeing',
      level: 'gold',
      met: true,
      actual: -0.5,
      required: null,
      reason:
        'Wellbeing not significantly different: mean 9 at baseline, 8.5 at the end (lower is better; p = 0.242).',
    });
  });
});

/** One thing broken at a time, from the Gold school: the level reached and every failing criterion. */
const BREAKS: {
  name: string;
  change: (input: AwardInput) => AwardInput;
  level: AwardLevel;
  failing: string[];
}[] = [
  // Eligibility → a certificate of participation.
  {
    name: 'no baseline audit (so no gain either)',
    change: (i) => ({ ...i, baselineAudit: null }),
    level: 'participation',
    failing: ['eligibility.baseline-audit', 'silver.min-gain'],
  },
  {
    name: 'a baseline audit with nothing rated',
    change: (i) => ({ ...i, baselineAudit: audit([null, null, null, null, null, null]) }),
    level: 'participation',
    failing: ['eligibility.baseline-audit', 'silver.min-gain'],
  },
  {
    name: 'no baseline questionnaire',
    change: (i) => ({ ...i, baselineQuestionnaire: null }),
    level: 'participation',
    failing: ['eligibility.baseline-questionnaire'],
  },
  {
    name: 'a baseline questionnaire nobody answered',
    change: (i) => ({ ...i, baselineQuestionnaire: { respondents: 0 } }),
    level: 'participation',
    failing: ['eligibility.baseline-questionnaire'],
  },
  {
    name: 'no action plan (so nothing done either)',
    change: (i) => ({ ...i, plan: null }),
    level: 'participation',
    failing: ['eligibility.action-plan', 'silver.min-actions-done'],
  },
  // 2 done + 4 dropped: 2 count (< 3), though 2 ÷ 2 = 100% are done.
  {
    name: 'only 2 actions that are not dropped',
    change: (i) => ({
      ...i,
      plan: plan(['done', 'done', 'dropped', 'dropped', 'dropped', 'dropped']),
    }),
    level: 'participation',
    failing: ['eligibility.action-plan'],
  },
  {
    name: 'no end audit',
    change: (i) => ({ ...i, endAudit: null }),
    level: 'participation',
    failing: [
      'eligibility.end-audit',
      'eligibility.evidence',
      'bronze.min-overall',
      'bronze.min-area',
      'silver.min-overall',
      'silver.min-gain',
      'gold.min-overall',
      'gold.every-area',
    ],
  },
  {
    name: 'no end questionnaire',
    change: (i) => ({ ...i, endQuestionnaire: null }),
    level: 'participation',
    failing: ['eligibility.end-questionnaire'],
  },
  {
    name: 'no evidence in area 4',
    change: (i) => ({ ...i, evidencePerArea: { ...i.evidencePerArea, 4: 0 } }),
    level: 'participation',
    failing: ['eligibility.evidence'],
  },
  {
    name: 'area 6 missing from the evidence (counts as 0)',
    change: (i) => ({ ...i, evidencePerArea: { 1: 2, 2: 1, 3: 3, 4: 1, 5: 2 } }),
    level: 'participation',
    failing: ['eligibility.evidence'],
  },
  // Bronze → participation.
  // Every area 45%: overall 45 < 50 (and < 70, < 85; gain 45 − 40 = 5 < 10; areas < 70).
  {
    name: 'end overall 45%',
    change: (i) => ({ ...i, endAudit: audit([45, 45, 45, 45, 45, 45]) }),
    level: 'participation',
    failing: [
      'bronze.min-overall',
      'silver.min-overall',
      'silver.min-gain',
      'gold.min-overall',
      'gold.every-area',
    ],
  },
  // (20 + 5 × 100) ÷ 6 = 86.67% overall, but area 3 is 20% < 25%.
  {
    name: 'one area at 20%',
    change: (i) => ({ ...i, endAudit: audit([100, 100, 20, 100, 100, 100]) }),
    level: 'participation',
    failing: ['bronze.min-area', 'gold.every-area'],
  },
  {
    name: 'one area with no score',
    change: (i) => ({ ...i, endAudit: audit([90, null, 90, 90, 90, 90]) }),
    level: 'participation',
    failing: ['bronze.min-area', 'gold.every-area'],
  },
  // Silver → Bronze.
  {
    name: 'end overall 65%',
    change: (i) => ({ ...i, endAudit: audit([65, 65, 65, 65, 65, 65]) }),
    level: 'bronze',
    failing: ['silver.min-overall', 'gold.min-overall', 'gold.every-area'],
  },
  // 90 − 85 = 5 < 10.
  {
    name: 'a gain of 5 points',
    change: (i) => ({ ...i, baselineAudit: audit([85, 85, 85, 85, 85, 85]) }),
    level: 'bronze',
    failing: ['silver.min-gain'],
  },
  // 3 ÷ (6 − 1) = 60% < 75%.
  {
    name: '3 of 5 actions done',
    change: (i) => ({
      ...i,
      plan: plan(['done', 'done', 'done', 'in-progress', 'not-started', 'dropped']),
    }),
    level: 'bronze',
    failing: ['silver.min-actions-done'],
  },
  // Gold → Silver.
  {
    name: 'end overall 80%',
    change: (i) => ({ ...i, endAudit: audit([80, 80, 80, 80, 80, 80]) }),
    level: 'silver',
    failing: ['gold.min-overall'],
  },
  // (65 + 5 × 95) ÷ 6 = 90% overall, but area 5 is 65% < 70%.
  {
    name: 'one area at 65%',
    change: (i) => ({ ...i, endAudit: audit([95, 95, 95, 95, 65, 95]) }),
    level: 'silver',
    failing: ['gold.every-area'],
  },
  // 70/190 = 36.8% > 29.31%.
  {
    name: 'more pupils frequently victimised',
    change: (i) => ({
      ...i,
      pupilOutcomes: outcomesWith('all', outcome('all', p(46, 200), p(70, 190))),
    }),
    level: 'silver',
    failing: ['gold.pupil-outcomes.all'],
  },
  // 20/38 = 52.6% > 45.43%.
  {
    name: 'more SEND pupils frequently victimised',
    change: (i) => ({
      ...i,
      pupilOutcomes: outcomesWith('send', outcome('send', p(12, 40), p(20, 38))),
    }),
    level: 'silver',
    failing: ['gold.pupil-outcomes.send'],
  },
  // 16/32 = 50% > 47.88%.
  {
    name: 'more FSM pupils frequently victimised',
    change: (i) => ({
      ...i,
      pupilOutcomes: outcomesWith('fsm', outcome('fsm', p(9, 30), p(16, 32))),
    }),
    level: 'silver',
    failing: ['gold.pupil-outcomes.fsm'],
  },
  {
    name: 'no figures for all pupils',
    change: (i) => ({ ...i, pupilOutcomes: outcomesWith('all', null) }),
    level: 'silver',
    failing: ['gold.pupil-outcomes.all'],
  },
  // 9 → 10.5 (sd 4): z = 1.5 / 0.4277926 = 3.506372, p = 0.00045.
  {
    name: 'wellbeing significantly worse',
    change: (i) => ({ ...i, wellbeing: { ...i.wellbeing!, end: mean(170, 10.5, 4) } }),
    level: 'silver',
    failing: ['gold.wellbeing'],
  },
];

describe('recommendAward: the Gold school with one thing broken at a time', () => {
  for (const b of BREAKS) {
    it(`${b.name} → ${b.level}, failing ${b.failing.join(', ')}`, () => {
      const r = recommendAward(b.change(gold()));
      AwardRecommendation.parse(r);
      assert.equal(r.level, b.level);
      assert.deepEqual(failing(r), b.failing);
      // Every criterion is still listed, even above the level that failed.
      assert.deepEqual(
        r.criteria.map((c) => c.id),
        ALL_IDS,
      );
    });
  }

  it('reaches every level somewhere in the table', () => {
    const levels = new Set(BREAKS.map((b) => b.level));
    assert.deepEqual([...levels].sort(), ['bronze', 'participation', 'silver']);
    assert.equal(recommendAward(gold()).level, 'gold');
  });
});

describe('recommendAward: reasons for unmet criteria', () => {
  it('says what is missing and what is needed', () => {
    const none = recommendAward({
      baselineAudit: null,
      endAudit: null,
      baselineQuestionnaire: null,
      endQuestionnaire: { respondents: 0 },
      plan: null,
      evidencePerArea: {},
      pupilOutcomes: [],
    });
    assert.equal(none.level, 'participation');
    assert.deepEqual(
      none.criteria.map((c) => c.reason),
      [
        'No baseline audit yet.',
        'No baseline questionnaire yet.',
        'No action plan yet; it needs at least 3, each with an owner and a deadline.',
        'No end audit yet.',
        'The end questionnaire has no respondents yet.',
        'No end audit yet, so evidence cannot be counted; every area needs at least 1 piece.',
        'No end audit score yet; needs at least 50% overall.',
        'No end audit score yet; every area needs at least 25%.',
        'No end audit score yet; needs at least 70% overall.',
        'The gain needs a scored baseline and end audit; needs at least 10 points.',
        'No action plan yet; needs at least 75% of its actions done.',
        'No end audit score yet; needs at least 85% overall.',
        'No end audit score yet; every area needs at least 70%.',
        'No frequent-victimisation figures for all pupils were given, so pupil outcomes cannot be checked.',
        'SEND pupils: not reportable (no figures given), so this does not block Gold.',
        'FSM pupils: not reportable (no figures given), so this does not block Gold.',
        'Wellbeing: no scores given, so not checked.',
      ],
    );
    // Only what does not block (groups with no figures, wellbeing not given) counts as met.
    assert.deepEqual(
      none.criteria.filter((c) => c.met).map((c) => c.id),
      ['gold.pupil-outcomes.send', 'gold.pupil-outcomes.fsm', 'gold.wellbeing'],
    );
  });

  it('names the areas short of evidence or below the threshold', () => {
    const r = recommendAward({
      ...gold(),
      endAudit: audit([20, null, 10, 90, 90, null]),
      evidencePerArea: { 1: 1, 2: 0, 4: 2, 5: 1, 6: 1 },
      plan: plan(['dropped', 'dropped', 'dropped']),
    });
    assert.equal(
      find(r, 'eligibility.evidence').reason,
      'Not enough evidence in areas 2 (0) and 3 (0); every area of the end audit needs at least 1 piece.',
    );
    assert.equal(
      find(r, 'bronze.min-area').reason,
      'In the end audit, areas 1 (20%) and 3 (10%) are below 25%, and areas 2 and 6 have no score (nothing rated); every area needs at least 25%.',
    );
    assert.equal(find(r, 'bronze.min-area').actual, 10);
    assert.equal(
      find(r, 'eligibility.action-plan').reason,
      'Action plan has 0 actions (not counting 3 dropped), needs at least 3, each with an owner and a deadline.',
    );
    assert.equal(
      find(r, 'silver.min-actions-done').reason,
      'No actions to count (every action is dropped); needs at least 75% done.',
    );
    assert.equal(find(r, 'silver.min-actions-done').actual, null);
  });

  it('shows enough decimals that a figure just short of its threshold never prints as the threshold', () => {
    // With area weights an overall need not be a multiple of 5: 69.96% must not read "70%".
    const r = recommendAward({
      ...gold(),
      endAudit: { ...audit([70, 70, 70, 70, 70, 70]), overall: 69.96 },
    });
    assert.equal(
      find(r, 'silver.min-overall').reason,
      'End audit overall 69.96%, needs at least 70%.',
    );
    assert.equal(find(r, 'silver.min-overall').met, false);
    assert.equal(
      find(r, 'bronze.min-overall').reason,
      'End audit overall 70%, needs at least 50%.',
    );
    assert.equal(r.level, 'bronze');
  });

  it('the brief’s example: 72% overall against Silver’s 70%', () => {
    const r = recommendAward({ ...gold(), endAudit: audit([60, 75, 75, 70, 75, 75]) });
    // (60 + 75 + 75 + 70 + 75 + 75) ÷ 6 = 430 ÷ 6 = 71.67%.
    assert.equal(
      find(r, 'silver.min-overall').reason,
      'End audit overall 71.7%, needs at least 70%.',
    );
    // A round 72% is not a plain mean of multiples of 5 over six areas; with area weights it can be.
    const t = recommendAward({
      ...gold(),
      endAudit: { ...audit([70, 75, 75, 70, 70, 70]), overall: 72 },
    });
    assert.equal(
      find(t, 'silver.min-overall').reason,
      'End audit overall 72%, needs at least 70%.',
    );
    assert.equal(t.level, 'silver');
  });
});

describe('recommendAward: the documented example', () => {
  it('gives what the JSDoc and docs/compare-award.md say', () => {
    // End areas 60, 75, 75, 70, 75, 75 weighted so that overall is 72% (a plain mean is 71.67%).
    const r = recommendAward({
      baselineAudit: audit([50, 50, 50, 50, 50, 50]),
      endAudit: { ...audit([60, 75, 75, 70, 75, 75]), overall: 72 },
      baselineQuestionnaire: { respondents: 212 },
      endQuestionnaire: { respondents: 198 },
      plan: plan(['done', 'done', 'done', 'done', 'done', 'done', 'in-progress', 'dropped']),
      evidencePerArea: { 1: 3, 2: 2, 3: 1, 4: 4, 5: 2, 6: 1 },
      pupilOutcomes: [outcome('all', p(49, 212), p(40, 198))],
    });
    assert.equal(r.level, 'silver');
    assert.equal(
      find(r, 'silver.min-overall').reason,
      'End audit overall 72%, needs at least 70%.',
    );
    // 6 ÷ (8 − 1) = 85.71%.
    assert.equal(
      find(r, 'silver.min-actions-done').reason,
      '6 of 7 actions done (85.7%, not counting 1 dropped), needs at least 75%.',
    );
    assert.deepEqual(failing(r), ['gold.min-overall', 'gold.every-area']);
    assert.equal(
      find(r, 'gold.every-area').reason,
      'In the end audit, area 1 (60%) is below 70%; every area needs at least 70%.',
    );
    assert.equal(
      find(r, 'gold.pupil-outcomes.send').reason,
      'SEND pupils: not reportable (no figures given), so this does not block Gold.',
    );
  });
});

describe('recommendAward: thresholds are met at exactly the threshold', () => {
  it('85% overall, 70% lowest area, a 10-point gain and 75% of actions done reach Gold', () => {
    // End areas 70, 85, 90, 90, 90, 85 → 510 ÷ 6 = 85. Baseline 75 everywhere → gain 10.
    // 3 done of 4 (1 dropped not counted) → 75%.
    const r = recommendAward({
      ...gold(),
      baselineAudit: audit([75, 75, 75, 75, 75, 75]),
      endAudit: audit([70, 85, 90, 90, 90, 85]),
      plan: plan(['done', 'done', 'done', 'in-progress', 'dropped']),
    });
    assert.deepEqual(failing(r), []);
    assert.equal(r.level, 'gold');
    assert.equal(find(r, 'silver.min-gain').actual, 10);
    assert.equal(find(r, 'silver.min-actions-done').actual, 75);
  });

  it('frequent victimisation exactly at the baseline figure is not worse; 100% stays within its interval', () => {
    const r = recommendAward({
      ...gold(),
      pupilOutcomes: [
        outcome('all', p(46, 200), p(46, 200)),
        outcome('send', p(12, 12), p(10, 10)),
      ],
    });
    assert.equal(r.level, 'gold');
    // D4: 100% on bases of 12 and 10 would tell every SEND pupil's answer; the decision still
    // uses the exact figures, the reason and the published figures do not.
    const send = find(r, 'gold.pupil-outcomes.send');
    assert.equal(send.met, true);
    assert.equal(send.required, null);
    assert.equal(send.actual, null);
    assert.equal(
      send.reason,
      'SEND pupils frequently victimised: [c] — fewer than 20 pupils at a wave, so the figures are hidden to protect privacy. Judged on the exact figures against the 95% interval, this is not worse.',
    );
    assert.deepEqual(send.message, {
      key: 'outcomeHiddenNotWorse',
      params: { group: 'send', symbol: '[c]', min: 20, level: 95 },
    });
  });
});

describe('recommendAward: pupil groups that are not reportable', () => {
  it('a group below 10 pupils at either wave is listed as not reportable and does not block Gold', () => {
    // FSM: 3 of 8 → 7 of 9 would be far worse, but neither base reaches 10.
    const r = recommendAward({
      ...gold(),
      pupilOutcomes: outcomesWith('fsm', outcome('fsm', p(3, 8), p(7, 9))),
    });
    assert.equal(r.level, 'gold');
    assert.deepEqual(withoutMessage(find(r, 'gold.pupil-outcomes.fsm')), {
      id: 'gold.pupil-outcomes.fsm',
      level: 'gold',
      met: true,
      actual: null,
      required: null,
      reason:
        'FSM pupils: not reportable (fewer than 10 pupils at a wave), so this does not block Gold.',
    });
  });

  it('one wave under the minimum base is enough to make a group not reportable', () => {
    const r = recommendAward({
      ...gold(),
      pupilOutcomes: outcomesWith('send', outcome('send', p(12, 40), p(9, 9))),
    });
    assert.equal(r.level, 'gold');
    assert.match(
      find(r, 'gold.pupil-outcomes.send').reason,
      /^SEND pupils: not reportable \(fewer than 10 pupils at a wave\)/,
    );
  });

  it('minBase is an option: at 50, the SEND group of 40 is not reportable and its rise does not block', () => {
    const input = {
      ...gold(),
      pupilOutcomes: outcomesWith('send', outcome('send', p(12, 40), p(20, 38))),
    };
    assert.equal(recommendAward(input).level, 'silver');
    const r = recommendAward(input, undefined, { minBase: 50 });
    assert.equal(r.level, 'gold');
    assert.match(find(r, 'gold.pupil-outcomes.send').reason, /fewer than 50 pupils at a wave/);
  });

  it('the all-pupils group can be not reportable too (a very small school)', () => {
    const r = recommendAward({ ...gold(), pupilOutcomes: [outcome('all', p(2, 9), p(3, 8))] });
    assert.equal(r.level, 'gold');
    assert.match(find(r, 'gold.pupil-outcomes.all').reason, /^All pupils: not reportable/);
  });

  it('a 99% interval is wider: 31.1% is above the 95% upper limit (29.31%) but not the 99% one (31.46%)', () => {
    // All 46/200 at 99% (z = 2.575829, z² = 6.634897): centre = (0.23 + 0.0165872) / 1.0331745 =
    //   0.2386694; half = 2.575829 × √(0.0008855 + 6.634897/160000) / 1.0331745 = 2.575829 ×
    //   0.0304462 / 1.0331745 = 0.0759060 → upper 31.4575%. 59/190 = 31.05% is above 29.31%
    //   (95%) but within 31.46% (99%).
    const input = {
      ...gold(),
      pupilOutcomes: outcomesWith('all', outcome('all', p(46, 200), p(59, 190))),
    };
    assert.equal(recommendAward(input).level, 'silver');
    const r = recommendAward(input, undefined, { confidence: 0.99 });
    assert.equal(r.level, 'gold');
    assert.ok(Math.abs((find(r, 'gold.pupil-outcomes.all').required as number) - 31.45755) < 1e-4);
    assert.match(find(r, 'gold.pupil-outcomes.all').reason, /99% interval up to 31.5%/);
  });
});

describe('recommendAward: the tenant’s rules', () => {
  it('every threshold comes from the rules, which are echoed', () => {
    const rules = AwardRules.parse({
      eligibility: { minActions: 6 },
      silver: { minActionsDone: 50 },
      gold: { minOverall: 95 },
    });
    const r = recommendAward(gold(), rules);
    assert.equal(r.rules, rules);
    assert.equal(r.level, 'participation');
    assert.deepEqual(failing(r), ['eligibility.action-plan', 'gold.min-overall']);
    assert.equal(find(r, 'gold.min-overall').reason, 'End audit overall 90%, needs at least 95%.');
  });

  it('pupil outcomes and wellbeing can be switched off', () => {
    const input: AwardInput = {
      ...gold(),
      pupilOutcomes: outcomesWith('send', outcome('send', p(12, 40), p(20, 38))),
      wellbeing: { ...gold().wellbeing!, end: mean(170, 10.5, 4) },
    };
    assert.deepEqual(failing(recommendAward(input)), [
      'gold.pupil-outcomes.send',
      'gold.wellbeing',
    ]);
    const rules = AwardRules.parse({
      gold: { pupilOutcomesNotWorse: false, wellbeingNotWorse: false },
    });
    const r = recommendAward(input, rules);
    assert.equal(r.level, 'gold');
    assert.equal(
      find(r, 'gold.pupil-outcomes.send').reason,
      'SEND pupils, frequent victimisation: not required by these award rules.',
    );
    assert.equal(find(r, 'gold.wellbeing').reason, 'Wellbeing: not required by these award rules.');
  });

  it('without the owner-and-deadline rule the reason does not claim it', () => {
    const rules = AwardRules.parse({ eligibility: { actionsNeedOwnerAndDeadline: false } });
    assert.equal(
      find(recommendAward(gold(), rules), 'eligibility.action-plan').reason,
      'Action plan has 5 actions (not counting 1 dropped), needs at least 3.',
    );
  });

  it('wellbeing on a scale where higher is better, and wellbeing not given', () => {
    const better = recommendAward({
      ...gold(),
      wellbeing: { baseline: mean(180, 9, 4), end: mean(170, 10.5, 4), higherIsBetter: true },
    });
    assert.equal(better.level, 'gold');
    assert.equal(
      find(better, 'gold.wellbeing').reason,
      'Wellbeing significantly better: mean 9 at baseline, 10.5 at the end (higher is better; p < 0.001).',
    );
    const { wellbeing: _omitted, ...withoutWellbeing } = gold();
    assert.equal(recommendAward(withoutWellbeing).level, 'gold');
    const untestable = recommendAward({
      ...gold(),
      wellbeing: { baseline: mean(1, 9, 0), end: mean(170, 12, 4), higherIsBetter: false },
    });
    assert.equal(untestable.level, 'gold');
    assert.match(find(untestable, 'gold.wellbeing').reason, /cannot be tested/);
  });
});

describe('recommendAward: input errors', () => {
  it('are RangeErrors that say what is wrong', () => {
    assert.throws(
      () => recommendAward(gold(), undefined, { minBase: 0 }),
      /minBase must be a whole number ≥ 1, got 0/,
    );
    assert.throws(
      () => recommendAward(gold(), undefined, { confidence: 95 }),
      /confidence must be between 0 and 1, got 95/,
    );
    assert.throws(
      () =>
        recommendAward({
          ...gold(),
          pupilOutcomes: [...gold().pupilOutcomes, outcome('send', p(1, 20), p(1, 20))],
        }),
      /pupilOutcomes has the group "send" twice/,
    );
    assert.throws(
      () => recommendAward({ ...gold(), evidencePerArea: { ...gold().evidencePerArea, 2: -1 } }),
      /evidence for area 2 must be a number ≥ 0, got -1/,
    );
    assert.throws(
      () => recommendAward({ ...gold(), endQuestionnaire: { respondents: 2.5 } }),
      /end questionnaire's respondents must be a whole number/,
    );
    assert.throws(
      () =>
        recommendAward({
          ...gold(),
          pupilOutcomes: outcomesWith('all', outcome('all', p(46, 200), p(300, 190))),
        }),
      /time2 must be whole numbers with 0 ≤ count ≤ base/,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over generated schools.
// ---------------------------------------------------------------------------------------------

type Group = OutcomeComparison['group'];
interface Spec {
  baseline: (number | null)[] | null;
  end: (number | null)[] | null;
  baselineRespondents: number | null;
  endRespondents: number | null;
  actions: ActionStatus[] | null;
  evidence: number[];
  outcomes: Record<Group, { baseline: Proportion; end: Proportion } | null>;
  wellbeing: AwardInput['wellbeing'] | null;
}

const build = (s: Spec): AwardInput => ({
  baselineAudit: s.baseline && audit(s.baseline),
  endAudit: s.end && audit(s.end),
  baselineQuestionnaire:
    s.baselineRespondents === null ? null : { respondents: s.baselineRespondents },
  endQuestionnaire: s.endRespondents === null ? null : { respondents: s.endRespondents },
  plan: s.actions && plan(s.actions),
  evidencePerArea: Object.fromEntries(s.evidence.map((n, i) => [i + 1, n])),
  pupilOutcomes: (['all', 'send', 'fsm'] as const).flatMap((group) => {
    const o = s.outcomes[group];
    return o ? [{ group, ...o }] : [];
  }),
  ...(s.wellbeing ? { wellbeing: s.wellbeing } : {}),
});

const percent = fc.integer({ min: 0, max: 20 }).map((k) => k * 5);
const areas = fc.array(fc.option(percent, { freq: 12 }), { minLength: 6, maxLength: 6 });
const prop = (max: number) =>
  fc
    .integer({ min: 0, max })
    .chain((base) =>
      fc.record({ count: fc.integer({ min: 0, max: base }), base: fc.constant(base) }),
    );
const groupOutcome = fc.option(fc.record({ baseline: prop(250), end: prop(250) }), { freq: 6 });
const meanStat = fc
  .record({
    n: fc.integer({ min: 0, max: 200 }),
    m: fc.integer({ min: 0, max: 200 }),
    sd: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ n, m, sd }) => mean(n, m / 10, sd / 10));
const spec: fc.Arbitrary<Spec> = fc.record({
  baseline: fc.option(areas, { freq: 8 }),
  end: fc.option(areas, { freq: 8 }),
  baselineRespondents: fc.option(fc.integer({ min: 0, max: 300 }), { freq: 8 }),
  endRespondents: fc.option(fc.integer({ min: 0, max: 300 }), { freq: 8 }),
  actions: fc.option(fc.array(fc.constantFrom(...ActionStatus.options), { maxLength: 8 }), {
    freq: 8,
  }),
  evidence: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
  outcomes: fc.record({ all: groupOutcome, send: groupOutcome, fsm: groupOutcome }),
  wellbeing: fc.option(
    fc.record({ baseline: meanStat, end: meanStat, higherIsBetter: fc.boolean() }),
    { freq: 3 },
  ),
});
// The default rules half the time, otherwise any thresholds the schema allows.
const rules = fc.oneof(
  fc.constant(AwardRules.parse({})),
  fc
    .record({
      eligibility: fc.record({
        minActions: fc.integer({ min: 0, max: 6 }),
        actionsNeedOwnerAndDeadline: fc.boolean(),
        minEvidencePerArea: fc.integer({ min: 0, max: 3 }),
      }),
      bronze: fc.record({
        minOverall: fc.integer({ min: 0, max: 100 }),
        minArea: fc.integer({ min: 0, max: 100 }),
      }),
      silver: fc.record({
        minOverall: fc.integer({ min: 0, max: 100 }),
        minGain: fc.integer({ min: -100, max: 100 }),
        minActionsDone: fc.integer({ min: 0, max: 100 }),
      }),
      gold: fc.record({
        minOverall: fc.integer({ min: 0, max: 100 }),
        minArea: fc.integer({ min: 0, max: 100 }),
        pupilOutcomesNotWorse: fc.boolean(),
        wellbeingNotWorse: fc.boolean(),
      }),
    })
    .map((r) => AwardRules.parse(r)),
);

/** One way of doing better: a higher end score, more evidence, respondents or actions done, fewer victimised. */
const improvement: fc.Arbitrary<Improvement> = fc.oneof(
  fc.record({
    kind: fc.constant('area' as const),
    index: fc.nat(5),
    by: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('evidence' as const),
    index: fc.nat(5),
    by: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant('done' as const), index: fc.nat(7), by: fc.constant(0) }),
  fc.record({
    kind: fc.constant('respondents' as const),
    index: fc.nat(1),
    by: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({
    kind: fc.constant('victimisation' as const),
    index: fc.nat(2),
    by: fc.integer({ min: 1, max: 50 }),
  }),
);

interface Improvement {
  kind: 'area' | 'evidence' | 'done' | 'respondents' | 'victimisation';
  index: number;
  by: number;
}

function improve(s: Spec, change: Improvement): Spec {
  const next: Spec = structuredClone(s);
  switch (change.kind) {
    case 'area': {
      const current = next.end?.[change.index];
      // Only a scored area is raised: scoring an unscored area can lower the mean.
      if (next.end && current !== null && current !== undefined)
        next.end[change.index] = Math.min(100, current + change.by * 5);
      break;
    }
    case 'evidence':
      next.evidence[change.index] = next.evidence[change.index]! + change.by;
      break;
    case 'done': {
      const status = next.actions?.[change.index];
      if (next.actions && status !== undefined && status !== 'dropped')
        next.actions[change.index] = 'done';
      break;
    }
    case 'respondents':
      if (change.index === 0 && next.baselineRespondents !== null)
        next.baselineRespondents += change.by;
      if (change.index === 1 && next.endRespondents !== null) next.endRespondents += change.by;
      break;
    case 'victimisation': {
      const o = next.outcomes[(['all', 'send', 'fsm'] as const)[change.index]!];
      if (o) o.end.count = Math.max(0, o.end.count - change.by);
      break;
    }
  }
  return next;
}

describe('recommendAward: properties', () => {
  it('T1 property: doing better on any one score never lowers the recommended level', () => {
    fc.assert(
      fc.property(spec, rules, improvement, (s, r, change) => {
        const before = recommendAward(build(s), r).level;
        const after = recommendAward(build(improve(s, change)), r).level;
        assert.ok(
          RANK[after] >= RANK[before],
          `${before} → ${after} after ${JSON.stringify(change)}`,
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('T1 property: the level is the highest whose criteria and all lower levels’ criteria are met', () => {
    fc.assert(
      fc.property(spec, rules, (s, r) => {
        const rec = recommendAward(build(s), r);
        assert.deepEqual(AwardRecommendation.parse(rec), rec);
        assert.deepEqual(
          rec.criteria.map((c) => c.id),
          ALL_IDS,
        );
        let expected: AwardLevel = 'participation';
        for (const level of AwardLevel.options) {
          if (rec.criteria.some((c) => c.level === level && !c.met)) break;
          expected = level;
        }
        assert.equal(rec.level, expected);
        // Gold is never recommended while any reportable group's victimisation rose beyond its interval.
        if (rec.level === 'gold' && r.gold.pupilOutcomesNotWorse) {
          for (const c of rec.criteria.filter(
            (x) => x.id.startsWith('gold.pupil-outcomes.') && x.actual !== null,
          )) {
            assert.ok((c.actual as number) <= (c.required as number));
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('recommendAward: reasons follow disclosure control (reliability.md D1, D4)', () => {
  /** Every number written in a text, as it is written (1 decimal at most here). */
  const numbers = (text: string) => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  const small = fc
    .integer({ min: 0, max: 45 })
    .chain((base) =>
      fc.record({ count: fc.integer({ min: 0, max: base }), base: fc.constant(base) }),
    );
  const smallOutcome = fc.record({ baseline: small, end: small });
  const smallMean = fc
    .record({
      n: fc.integer({ min: 0, max: 45 }),
      m: fc.integer({ min: 0, max: 200 }),
      sd: fc.integer({ min: 0, max: 60 }),
    })
    .map(({ n, m, sd }) => mean(n, m / 10, sd / 10));

  it('D1/D4 property: no reason states the count of a group whose figures would be suppressed, nor its percentage', () => {
    fc.assert(
      fc.property(
        fc.record({ all: smallOutcome, send: smallOutcome, fsm: smallOutcome }),
        fc.option(fc.record({ baseline: smallMean, end: smallMean }), { freq: 2 }),
        fc.integer({ min: 0, max: 45 }),
        (groups, wellbeing, respondents) => {
          const input: AwardInput = {
            ...gold(),
            baselineQuestionnaire: { respondents },
            pupilOutcomes: (['all', 'send', 'fsm'] as const).map((g) => ({
              group: g,
              ...groups[g],
            })),
            ...(wellbeing ? { wellbeing: { ...wellbeing, higherIsBetter: false } } : {}),
          };
          const r = recommendAward(input);
          // The thresholds the reasons may state: minBase 10, a percentage's base 20, 95%.
          const thresholds = new Set([10, 20, 95]);
          for (const g of ['all', 'send', 'fsm'] as const) {
            const { baseline, end } = groups[g];
            const c = find(r, `gold.pupil-outcomes.${g}`);
            // Never a count, shown or not: "3 of 22" is gone for good.
            assert.doesNotMatch(c.reason, /\d+ of \d+/);
            // publishProportion shows a percentage only on a base of at least 20 (D4), at both waves (D7).
            if (baseline.base < 20 || end.base < 20) {
              const stated = numbers(c.reason).filter((n) => !thresholds.has(n));
              assert.deepEqual(stated, [], `${g}: ${c.reason}`);
              for (const value of Object.values(c.message?.params ?? {})) {
                if (typeof value === 'number') assert.ok(thresholds.has(value), `${g}: ${value}`);
                else assert.doesNotMatch(value, /\d/);
              }
              assert.equal(c.actual, null);
              assert.equal(c.required, null);
              if (!thresholds.has(end.count)) {
                assert.ok(!numbers(c.reason).includes(end.count));
              }
              if (!thresholds.has(baseline.count)) {
                assert.ok(!numbers(c.reason).includes(baseline.count));
              }
            }
          }
          if (wellbeing && (wellbeing.baseline.n < 20 || wellbeing.end.n < 20)) {
            const w = find(r, 'gold.wellbeing');
            const stated = numbers(w.reason).filter((n) => !thresholds.has(n) && n !== 2);
            assert.deepEqual(stated, [], w.reason);
          }
          // D1: a number of respondents below k is never written.
          const q = find(r, 'eligibility.baseline-questionnaire');
          if (respondents > 0 && respondents < 10) {
            assert.deepEqual(numbers(q.reason), [10], q.reason);
            assert.equal(q.actual, null);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('D1: a group of 3 of 22 is stated as a percentage only (base ≥ 20), never as a count', () => {
    const r = recommendAward({
      ...gold(),
      pupilOutcomes: outcomesWith('send', outcome('send', p(3, 22), p(2, 21))),
    });
    const send = find(r, 'gold.pupil-outcomes.send');
    assert.doesNotMatch(send.reason, /\b(3|22|2|21)\b(?!\.)(?!%)/);
    assert.match(send.reason, /9.5% at the end against 13.6% at baseline/);
  });

  it('D4: a group of 12 pupils (base 10–19) has its percentages hidden with [c], even at 0%', () => {
    const r = recommendAward({
      ...gold(),
      pupilOutcomes: outcomesWith('fsm', outcome('fsm', p(0, 12), p(0, 15))),
    });
    const fsm = find(r, 'gold.pupil-outcomes.fsm');
    assert.equal(fsm.met, true);
    assert.match(fsm.reason, /\[c\]/);
    assert.match(fsm.reason, /hidden to protect privacy/);
    assert.doesNotMatch(fsm.reason, /\b0%|\b12\b|\b15\b/);
    assert.equal(fsm.message?.key, 'outcomeHiddenNotWorse');
  });

  it('D4: the means of a wellbeing measure on fewer than 20 scores are hidden; the decision stands', () => {
    const r = recommendAward({
      ...gold(),
      wellbeing: { baseline: mean(15, 5, 1), end: mean(15, 9, 1), higherIsBetter: false },
    });
    const w = find(r, 'gold.wellbeing');
    assert.equal(w.met, false);
    assert.equal(w.actual, null);
    assert.match(w.reason, /^Wellbeing: \[c\]/);
    assert.doesNotMatch(w.reason, /\b5\b|\b9\b|\b15\b/);
    assert.equal(w.message?.key, 'wellbeingHiddenWorse');
  });

  it('D1: a questionnaire answered by fewer than 10 pupils says "fewer than 10", not the number', () => {
    const r = recommendAward({ ...gold(), endQuestionnaire: { respondents: 4 } });
    const q = find(r, 'eligibility.end-questionnaire');
    assert.equal(q.met, true);
    assert.equal(
      q.reason,
      'End questionnaire answered by fewer than 10 pupils (the number is hidden to protect privacy).',
    );
    assert.deepEqual(q.message, { key: 'questionnaireFew', params: { wave: 'end', min: 10 } });
  });

  it('every criterion carries a message key with the figures its reason states', () => {
    const r = recommendAward(gold());
    for (const c of r.criteria) assert.match(c.message?.key ?? '', /^[a-z][A-Za-z]+$/, c.id);
    assert.deepEqual(find(r, 'silver.min-actions-done').message, {
      key: 'actionsDone',
      params: { done: 4, count: 5, dropped: 1, percent: 80, min: 75 },
    });
    assert.deepEqual(find(r, 'eligibility.evidence').message, {
      key: 'evidenceMet',
      params: { fewest: 1, min: 1 },
    });
  });
});
