import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  QuestionnaireResponse,
  validateResponse,
  type QuestionnaireDefinition,
} from '@all-together/model';
import { generateCohort, getQuestionnaire } from '@all-together/questionnaires';
import { QuestionnaireDefinition as QuestionnaireDefinitionSchema } from '@all-together/model';
import {
  DIMENSIONS,
  breakdown,
  compilePlan,
  mergeSummaries,
  packResponses,
  scoreBreakdown,
  summarise,
  summariseEach,
  summarisePacked,
  type PupilSummary,
} from './index.js';

const ks2 = getQuestionnaire('pupil-ks2');
const MMF = [
  'mmf-lonely',
  'mmf-cry',
  'mmf-unhappy',
  'mmf-nobody-likes-me',
  'mmf-worry',
  'mmf-sleep',
  'mmf-wake',
  'mmf-shy',
  'mmf-scared',
  'mmf-worry-school',
];
let serial = 0;
const response = (
  characteristics: Record<string, string>,
  answers: Record<string, string | string[]>,
) => {
  serial++;
  const r = QuestionnaireResponse.parse({
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    definition: { id: ks2.id, version: ks2.version },
    wave: 'baseline',
    school: '900001',
    characteristics: { source: 'school-records', ...characteristics },
    answers,
    startedAt: '2026-10-05T09:00:00Z',
    submittedAt: '2026-10-05T09:10:00Z',
  });
  const checked = validateResponse(ks2, r);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return r;
};
const fill = (ids: string[], value: string) => Object.fromEntries(ids.map((id) => [id, value]));

// Five pupils, worked by hand below.
const golden = [
  // r1: bullied several times a week (4), never bullies (0); feels unsafe; all ten feelings "sometimes" → 10.
  response(
    { sex: 'female', sen: 'K', fsm: 'yes' },
    {
      'bullied-face-to-face': 'several-times-a-week',
      'bullied-others-face-to-face': 'not-at-all',
      'feel-safe': 'disagree',
      'others-dislike-me': 'agree',
      ...fill(MMF, 'sometimes'),
    },
  ),
  // r2: once or twice (1); bullies about once a week (3); all feelings items; 8 wellbeing "never", 2 skipped → prorated 0.
  response(
    { sex: 'male', sen: 'N', fsm: 'no' },
    {
      'bullied-face-to-face': 'once-or-twice',
      'bullied-others-face-to-face': 'about-once-a-week',
      'feel-safe': 'agree',
      'like-school': 'agree',
      'get-on-with-teachers': 'strongly-agree',
      'feel-belong': 'agree',
      'others-dislike-me': 'disagree',
      'adult-to-talk-to': 'strongly-agree',
      ...fill(MMF.slice(0, 8), 'never'),
    },
  ),
  // r3: prefers not to say; feels safe; 7 wellbeing items "always", 3 skipped → no score (at most 2 may be missing).
  response(
    { sex: 'female', sen: 'prefer-not-to-say' },
    {
      'bullied-face-to-face': 'prefer-not-to-say',
      'feel-safe': 'strongly-agree',
      ...fill(MMF.slice(0, 7), 'always'),
    },
  ),
  // r4: two or three times a month (2) and bullies as often (2): a bully-victim.
  response(
    { sex: 'male', sen: 'E' },
    {
      'bullied-face-to-face': 'two-or-three-times-a-month',
      'bullied-others-face-to-face': 'two-or-three-times-a-month',
    },
  ),
  // r5: answers nothing.
  response({ sex: 'male' }, {}),
];

describe('summarise: golden cases computed by hand', () => {
  const s = summarise(golden, {
    wave: 'baseline',
    definitions: [ks2],
    schools: [{ urn: '900001', phase: 'primary' } as never],
  });

  it('counts respondents by every dimension', () => {
    assert.equal(s.respondents.all, 5);
    assert.deepEqual(s.respondents.sex, { female: 2, male: 3 });
    assert.deepEqual(s.respondents.sen, { E: 1, K: 1, N: 1, 'prefer-not-to-say': 1, unknown: 1 });
    assert.deepEqual(s.respondents.phase, { primary: 5 });
  });

  it('frequently bullied: 2 of 3 who answered (r1 score 4, r4 score 2 ≥ 2; r2 score 1), 1 prefer not to say', () => {
    const b = breakdown(s, 'victimisation.frequent', 'sex');
    // r5 was shown the question and skipped it: counted as skipped, beside prefer not to say.
    assert.deepEqual(b.total, { count: 2, base: 3, missing: 1, skipped: 1 });
    assert.deepEqual(b.groups.find((g) => g.key === 'female')!.value, {
      count: 1,
      base: 1,
      missing: 1,
      skipped: 0,
    });
    assert.deepEqual(b.groups.find((g) => g.key === 'male')!.value, {
      count: 1,
      base: 2,
      missing: 0,
      skipped: 1,
    });
  });

  it('bullied at all: 3 of 3 (scores 4, 1, 2 are all ≥ 1)', () => {
    assert.deepEqual(breakdown(s, 'victimisation.any', 'all').total, {
      count: 3,
      base: 3,
      missing: 1,
      skipped: 1,
    });
  });

  it('any SEN = E + K: r1 (K, frequent) and r4 (E, frequent) → 2 of 2', () => {
    const b = breakdown(s, 'victimisation.frequent', 'sen');
    assert.deepEqual(b.derived, [
      { key: 'any-sen', of: ['E', 'K'], value: { count: 2, base: 2, missing: 0, skipped: 0 } },
    ]);
  });

  it('bully-victim: only r4 is frequent on both (r1 bullies 0, r2 is bullied 1); 3 answered both', () => {
    assert.deepEqual(breakdown(s, 'bully-victim.frequent', 'all').total, {
      count: 1,
      base: 3,
      missing: 1,
      skipped: 1,
    });
  });

  it('% agree per feelings item: feel safe 2 of 3 (r1 disagree, r2 agree, r3 strongly agree)', () => {
    assert.deepEqual(breakdown(s, 'feelings.feel-safe.agree', 'all').total, {
      count: 2,
      base: 3,
      missing: 0,
      skipped: 2,
    });
    assert.equal(
      s.info['feelings.others-dislike-me.agree']!.direction,
      'higher-is-worse',
      'agreeing with the reverse item is bad news',
    );
  });

  it('feelings composite with the reverse key: r2 only (r1 answered 2 of 6, r3 1 of 6: too few)', () => {
    // r2: 2/3, 2/3, 3/3, 2/3, reversed (3 + 0 − 1 = 2) 2/3, 3/3 → mean 14/18 → 77.78, kept unrounded.
    const c = scoreBreakdown(s, 'feelings.composite', 'all').total;
    assert.deepEqual([c.n, c.noScore], [1, 2]);
    assert.ok(Math.abs(c.sum - 1400 / 18) < 1e-9, String(c.sum));
  });

  it('wellbeing: r1 = 10 (borderline), r2 = 0 prorated (expected); r3 too many missing; r4, r5 none', () => {
    const w = scoreBreakdown(s, 'scale.emotional-difficulties', 'all').total;
    assert.deepEqual([w.n, w.sum, w.sumSquares, w.noScore], [2, 10, 100, 3]);
    assert.deepEqual(w.bands, { borderline: 1, elevated: 0, expected: 1 });
  });

  it('prorates a sum to the full scale: 9 items answered summing 9 → 9 × 10 / 9 = 10', () => {
    const one = summarise([response({}, { ...fill(MMF.slice(0, 9), 'sometimes') })], {
      wave: 'baseline',
      definitions: [ks2],
    });
    assert.equal(scoreBreakdown(one, 'scale.emotional-difficulties', 'all').total.sum, 10);
  });

  it('multi-select types count each option among those who answered, and Prefer not to say apart', () => {
    const rs = [
      response({}, { 'bullied-face-to-face': 'once-or-twice', 'bullying-types': ['names', 'hit'] }),
      response({}, { 'bullied-face-to-face': 'once-or-twice', 'bullying-types': ['names'] }),
      response(
        {},
        { 'bullied-face-to-face': 'once-or-twice', 'bullying-types': ['prefer-not-to-say'] },
      ),
    ];
    const t = summarise(rs, { wave: 'baseline', definitions: [ks2] });
    assert.deepEqual(breakdown(t, 'types.names', 'all').total, {
      count: 2,
      base: 2,
      missing: 1,
      skipped: 0,
    });
    assert.deepEqual(breakdown(t, 'types.hit', 'all').total, {
      count: 1,
      base: 2,
      missing: 1,
      skipped: 0,
    });
  });

  it('finding 9: a prorated score is not rounded before averaging (9 items summing 10 → 11.11, not 11)', () => {
    const one = summarise(
      [response({}, { ...fill(MMF.slice(0, 8), 'sometimes'), [MMF[8]!]: 'always' })],
      { wave: 'baseline', definitions: [ks2] },
    );
    const w = scoreBreakdown(one, 'scale.emotional-difficulties', 'all').total;
    assert.ok(Math.abs(w.sum - 100 / 9) < 1e-9, `the mean is 11.11…, got ${w.sum}`);
    assert.ok(Math.abs(w.sumSquares - (100 / 9) ** 2) < 1e-9);
    // Bands classify the score rounded half up (11 → borderline).
    assert.deepEqual(w.bands, { borderline: 1, elevated: 0, expected: 0 });
  });

  it('finding 9: skipped answers are reported beside "prefer not to say"; a question not shown is neither', () => {
    const t = summarise(
      [
        response({}, { 'bullied-face-to-face': 'not-at-all' }), // types not shown
        response({}, { 'bullied-face-to-face': 'once-or-twice' }), // types shown, skipped
        response(
          {},
          { 'bullied-face-to-face': 'once-or-twice', 'bullying-types': ['prefer-not-to-say'] },
        ),
      ],
      { wave: 'baseline', definitions: [ks2] },
    );
    assert.deepEqual(breakdown(t, 'types.hit', 'all').total, {
      count: 0,
      base: 0,
      missing: 1,
      skipped: 1,
    });
  });

  it('finding 9: "Any SEND" for every indicator, scores included', () => {
    const w = scoreBreakdown(s, 'scale.emotional-difficulties', 'sen');
    assert.deepEqual(
      w.derived.map((d) => [d.key, d.value.n, d.value.sum]),
      [['any-sen', 1, 10]], // r1 (K) scores 10; r4 (E) has no score
    );
  });

  it('reads indicators from declared scoring only (the plan names indicators, not items)', () => {
    const plan = compilePlan(ks2);
    assert.ok(plan.binary.some((b) => b.key === 'victimisation.frequent'));
    assert.throws(() => breakdown(s, 'q7', 'all'), /no indicator "q7"/);
  });

  it('refuses responses to a definition it was not given, naming the response', () => {
    assert.throws(
      () =>
        summarise(golden, { wave: 'baseline', definitions: [getQuestionnaire('pupil-secondary')] }),
      new RegExp(`answers pupil-ks2@${ks2.version.replaceAll('.', '\\.')}`),
    );
  });
});

describe('finding 6: KS1 is never added to KS2/secondary (definitions declare what is comparable)', () => {
  const ks1 = getQuestionnaire('pupil-ks1');
  const secondary = getQuestionnaire('pupil-secondary');
  const cohort = generateCohort({
    seed: 6,
    schools: 3,
    pupilsPerSchool: [40, 60],
    waves: ['baseline'],
    definitions: { 'pupil-ks1': ks1, 'pupil-ks2': ks2, 'pupil-secondary': secondary } as never,
  });
  const options = { wave: 'baseline' as const, definitions: [ks1, ks2, secondary] };

  it('summariseEach gives one summary per comparable set, sorted; summarise refuses to pool them', () => {
    const parts = summariseEach(cohort.responses, options);
    assert.deepEqual(
      parts.map((p) => p.comparableAs),
      ['pupil-ks1', 'pupil-ks2-secondary'],
    );
    assert.throws(() => summarise(cohort.responses, options), /never added together/);
    assert.throws(() => mergeSummaries(parts), /ask different questions/);
  });

  it('each pool is labelled with its own wording ("lots of times" for KS1)', () => {
    const [younger, older] = summariseEach(cohort.responses, options);
    assert.match(younger!.info['victimisation.frequent']!.label['en-GB']!, /lots of times/);
    assert.match(
      older!.info['victimisation.frequent']!.label['en-GB']!,
      /two or three times a month/,
    );
  });

  it('a cut-off outside an instrument\'s own scale is refused, naming the definition (KS1 has no "about once a week")', () => {
    assert.throws(
      () => summariseEach(cohort.responses, { ...options, plan: { frequentCutoff: 3 } }),
      new RegExp(`pupil-ks1@${ks1.version.replaceAll('.', '\\.')}.*cut-off 3 is outside`),
    );
  });
});

describe('finding 5: meaning is declared, never inferred from a name', () => {
  const secondary = getQuestionnaire('pupil-secondary');
  const info = compilePlan(secondary).info;

  it('"told no one", "it didn\'t stop" and "it got worse" are higher-is-worse; types of bullying are neither', () => {
    assert.equal(info['told.no-one']!.direction, 'higher-is-worse');
    assert.equal(info['stopped.no']!.direction, 'higher-is-worse');
    assert.equal(info['stopped.it-got-worse']!.direction, 'higher-is-worse');
    assert.equal(info['told.adult-at-school']!.direction, 'higher-is-better');
    assert.equal(info['types.hit']!.direction, 'neither');
    assert.equal(info['types.hit']!.population, 'bullied');
    assert.equal(info['stopped.no']!.population, 'bullied-and-told');
  });

  it('mutation guard: changing a declared direction, population or cut-off changes the output', () => {
    const base = compilePlan(secondary);
    const mutate = (f: (d: Record<string, unknown>) => void) => {
      const copy = structuredClone(secondary) as unknown as Record<string, unknown>;
      f(copy);
      return compilePlan(QuestionnaireDefinitionSchema.parse(copy));
    };
    const flipped = mutate((d) => {
      const decl = (d.indicators as { key: string; direction: string }[]).find(
        (x) => x.key === 'bullying-others.frequent',
      )!;
      decl.direction = 'higher-is-better';
    });
    assert.notDeepEqual(
      flipped.info['bullying-others.frequent'],
      base.info['bullying-others.frequent'],
    );
    const population = mutate((d) => {
      const decl = (d.indicators as { key: string; population: string }[]).find(
        (x) => x.key === 'told.no-one',
      )!;
      decl.population = 'all';
    });
    assert.notDeepEqual(population.info['told.no-one'], base.info['told.no-one']);
    const cutoff = mutate((d) => {
      const sections = d.sections as {
        items: { scoring?: { indicator?: string; cutoffs?: Record<string, number> } }[];
      }[];
      const item = sections
        .flatMap((x) => x.items)
        .find((i) => i.scoring?.indicator === 'victimisation')!;
      item.scoring!.cutoffs!.frequent = 3;
    });
    const rs = generateCohort({
      seed: 3,
      schools: 2,
      pupilsPerSchool: [80, 80],
      waves: ['baseline'],
      secondaryShare: 1,
      definitions: { 'pupil-ks2': ks2, 'pupil-secondary': secondary } as never,
    }).responses.filter((r) => r.definition.id === secondary.id);
    const count = (plan: typeof base) =>
      summarisePacked(packResponses(plan, 'baseline', rs)).binary['victimisation.frequent']!.yes
        .all;
    assert.ok(count(cutoff) < count(base), 'a higher cut-off counts fewer pupils');
  });
});

describe('mergeable summaries (T1 property tests)', () => {
  const defs: Record<string, QuestionnaireDefinition> = {
    'pupil-ks2': ks2,
    'pupil-secondary': getQuestionnaire('pupil-secondary'),
  };
  const cohort = generateCohort({
    seed: 11,
    schools: 6,
    pupilsPerSchool: [5, 30],
    waves: ['baseline'],
    definitions: defs as never,
  });
  const options = {
    wave: 'baseline' as const,
    definitions: Object.values(defs),
    schools: cohort.schools,
  };
  const bySchool = cohort.schools.map((school) =>
    summarise(
      cohort.responses.filter((r) => r.school === school.urn),
      options,
    ),
  );
  const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
  const numRuns = Math.min(Number(process.env.FC_NUM_RUNS ?? 200), 500);
  const pick = fc.integer({ min: 0, max: bySchool.length - 1 }).map((i) => bySchool[i]!);

  it(`merging is commutative and associative (seed ${seed})`, () => {
    fc.assert(
      fc.property(pick, pick, pick, (a: PupilSummary, b: PupilSummary, c: PupilSummary) => {
        assert.deepEqual(mergeSummaries([a, b]), mergeSummaries([b, a]));
        assert.deepEqual(
          mergeSummaries([mergeSummaries([a, b]), c]),
          mergeSummaries([a, mergeSummaries([b, c])]),
        );
      }),
      { seed, numRuns },
    );
  });

  it(`scoring the union of raw responses equals merging the parts' summaries (seed ${seed})`, () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(cohort.responses, { minLength: 2 }),
        fc.integer({ min: 1, max: 50 }),
        (rs, cutAt) => {
          const cut = Math.min(cutAt, rs.length - 1);
          const whole = summarise(rs, options);
          const parts = mergeSummaries([
            summarise(rs.slice(0, cut), options),
            summarise(rs.slice(cut), options),
          ]);
          assert.deepEqual(parts, whole);
        },
      ),
      { seed, numRuns: Math.min(numRuns, 100) },
    );
  });

  it('a school summary holds counts only: no response ids, answers or free text', () => {
    const text = JSON.stringify(bySchool[0]);
    for (const r of cohort.responses.slice(0, 50)) assert.ok(!text.includes(r.id));
    assert.ok(!/More adults|quiet place|Teachers who listen/.test(text));
  });

  it('refuses to merge different waves', () => {
    assert.throws(
      () => mergeSummaries([bySchool[0]!, { ...bySchool[1]!, wave: 'end' }]),
      /compare waves instead/,
    );
  });

  it('totality: every group count is within its base and percentages lie in 0–100 (T1)', () => {
    const all = mergeSummaries(bySchool);
    for (const key of Object.keys(all.binary)) {
      for (const d of ['all', ...DIMENSIONS] as const) {
        const b = breakdown(all, key, d);
        const sum = b.groups.reduce((n, g) => n + g.value.base, 0);
        assert.equal(sum, b.total.base, `${key} by ${d}: groups sum to the total`);
        for (const g of b.groups) assert.ok(g.value.count <= g.value.base && g.value.count >= 0);
      }
    }
  });
});
