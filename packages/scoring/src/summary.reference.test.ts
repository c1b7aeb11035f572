// The packed kernel against a plain reference (test-helpers/reference-summary.ts): on random
// cohorts of every shipped pupil definition, `summarisePacked(packResponses(...))` must be exactly
// the summary worked out one response, one indicator at a time — as a value and as JSON. The
// kernel is free to take any shortcut for speed; these tests are what says the shortcut is exact.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DIMENSIONS,
  Ethnicity,
  SenStatus,
  Sex,
  YearGroup,
  YesNoUnknown,
  QuestionnaireDefinition,
  QuestionnaireResponse,
  Urn,
  conditionContext,
  evaluateCondition,
  validateResponse,
  type PupilSummary,
  type School,
  type Wave,
} from '@all-together/model';
import { getQuestionnaire, seededRandom, type Random } from '@all-together/questionnaires';
import {
  compilePlan,
  createPacked,
  mergeSummaries,
  packResponses,
  subtractSummary,
  summarise,
  summarisePacked,
  type PackedResponses,
  type ScoringPlan,
} from './index.js';
import {
  referenceMerge,
  referenceSummary,
  timesSummary,
} from './test-helpers/reference-summary.js';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
// Each case scores up to 60 pupils twice (kernel and reference): a share of FC_NUM_RUNS (10,000 in
// CI gives 400 cohorts per definition), and 100 locally.
const numRuns = Math.max(
  10,
  Math.min(Math.round(Number(process.env.FC_NUM_RUNS ?? 2500) / 25), 400),
);

const PUPIL_DEFINITIONS = ['pupil-ks1', 'pupil-ks2', 'pupil-secondary'].map((id) =>
  getQuestionnaire(id),
);
const WAVE: Wave = 'baseline';
/** Three schools: a primary, a secondary, and one whose phase is not known (no entry). */
const URNS = ['100001', '100002', '100003'].map((urn) => Urn.parse(urn));
const SCHOOLS = new Map<string, Pick<School, 'phase'>>([
  [URNS[0]!, { phase: 'primary' }],
  [URNS[1]!, { phase: 'secondary' }],
]);

/** How a random pupil answers: how much, how often "Prefer not to say", how varied the groups. */
interface Style {
  /** Chance of answering each question shown. */
  answerRate: number;
  /** Chance of choosing a "missing" option (Prefer not to say) where there is one. */
  preferNotRate: number;
  /** Chance of leaving out each characteristic. */
  noCharacteristicRate: number;
}

const CHARACTERISTICS = {
  sex: Sex.options,
  yearGroup: YearGroup.options,
  sen: SenStatus.options,
  fsm: YesNoUnknown.options,
  eal: YesNoUnknown.options,
  // From the school's records in linked mode (issue 21).
  lookedAfter: YesNoUnknown.options,
  youngCarer: YesNoUnknown.options,
  ethnicity: Ethnicity.options,
} as const;

/**
 * One valid response to `definition`, walked in order as the questionnaire shows it: each question
 * shown (given the answers so far) is answered or skipped, so routing hides what it hides. Multi-
 * selects get an exclusive option alone, a few others, or an empty list.
 */
function randomResponse(
  definition: QuestionnaireDefinition,
  random: Random,
  style: Style,
  serial: number,
): QuestionnaireResponse {
  const characteristics: Record<string, string> = {
    source: random.pick(['self-report', 'school-records']),
  };
  for (const [key, values] of Object.entries(CHARACTERISTICS)) {
    if (!random.chance(style.noCharacteristicRate)) characteristics[key] = random.pick(values);
  }
  const answers: Record<string, string | string[]> = {};
  // The context reads `answers` as they are filled in: conditions only look at earlier questions.
  const ctx = conditionContext(definition, answers);
  const items = definition.sections.flatMap((section) =>
    section.items.map((item) => ({ item, when: [section.visibleIf, item.visibleIf] })),
  );
  for (const { item, when } of items) {
    const shown = when.every((c) => !c || evaluateCondition(c, ctx));
    if (!shown || !random.chance(style.answerRate)) continue;
    if (item.type === 'free-text') {
      if (random.chance(0.3)) answers[item.id] = 'More adults at break.';
      continue;
    }
    const values = item.options.map((o) => o.value as string);
    const missing = item.scoring.missing as readonly string[];
    if (item.scoring.kind === 'characteristic') {
      // Must agree with the characteristic carried, when one is.
      const carried = characteristics[item.scoring.characteristic!];
      if (carried === undefined) answers[item.id] = random.pick(values);
      else if (values.includes(carried)) answers[item.id] = carried;
      continue;
    }
    if (item.type === 'multi-select') {
      const exclusive = item.options.filter((o) => o.exclusive).map((o) => o.value as string);
      const others = values.filter((v) => !exclusive.includes(v));
      if (random.chance(0.08)) answers[item.id] = [];
      else if (exclusive.length > 0 && random.chance(Math.max(style.preferNotRate, 0.1)))
        answers[item.id] = [random.pick(exclusive)];
      else {
        const chosen = others.filter(() => random.chance(0.3));
        answers[item.id] = chosen.length > 0 ? chosen : [random.pick(others)];
      }
      continue;
    }
    const scored = values.filter((v) => !missing.includes(v));
    answers[item.id] =
      missing.length > 0 && random.chance(style.preferNotRate)
        ? random.pick(missing)
        : random.pick(scored);
  }
  return QuestionnaireResponse.parse({
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    definition: { id: definition.id, version: definition.version },
    wave: WAVE,
    school: random.pick(URNS),
    characteristics,
    answers,
    startedAt: '2026-10-05T09:00:00Z',
    submittedAt: '2026-10-05T09:10:00Z',
  });
}

const style = fc.record({
  answerRate: fc.constantFrom(0, 0.2, 0.6, 0.85, 0.95, 1),
  preferNotRate: fc.constantFrom(0, 0.05, 0.3),
  noCharacteristicRate: fc.constantFrom(0, 0.2, 1),
});

/** A cohort: how many pupils, the seed their answers come from, and how they answer. */
const cohort = (maxPupils: number) =>
  fc.record({
    pupils: fc.integer({ min: 0, max: maxPupils }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    style,
  });

function responsesOf(
  definition: QuestionnaireDefinition,
  c: { pupils: number; seed: number; style: Style },
): QuestionnaireResponse[] {
  const random = seededRandom(c.seed);
  return Array.from({ length: c.pupils }, (_, i) =>
    randomResponse(definition, random, c.style, i + 1),
  );
}

const kernel = (plan: ScoringPlan, rs: readonly QuestionnaireResponse[]) =>
  summarisePacked(packResponses(plan, WAVE, rs, SCHOOLS));

/** Equal as values and as JSON (canonical summaries have one spelling). */
function assertSame(actual: PupilSummary, expected: PupilSummary, what: string) {
  assert.deepEqual(actual, expected, what);
  assert.equal(JSON.stringify(actual), JSON.stringify(expected), `${what}: as JSON`);
}

describe('the random pupils are valid responses (so the properties below test what the kernel is given)', () => {
  for (const definition of PUPIL_DEFINITIONS) {
    it(`${definition.id}: every generated response passes validateResponse (seed ${seed})`, () => {
      fc.assert(
        fc.property(cohort(20), (c) => {
          for (const r of responsesOf(definition, c)) {
            const checked = validateResponse(definition, r);
            assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.problems));
          }
        }),
        { seed, numRuns: Math.min(numRuns, 50) },
      );
    });
  }

  it('the cohorts reach every case the kernel tells apart', () => {
    // Guards the generator: were routing, skips or "Prefer not to say" never produced, the
    // properties below would pass without testing them.
    const secondary = getQuestionnaire('pupil-secondary');
    const plan = compilePlan(secondary);
    const rs = responsesOf(secondary, {
      pupils: 400,
      seed: 7,
      style: { answerRate: 0.85, preferNotRate: 0.05, noCharacteristicRate: 0.2 },
    });
    const s = referenceSummary(plan, WAVE, rs, SCHOOLS);
    const notShown = s.respondents.all - s.binary['stopped.yes']!.answered.all;
    const stopped = s.binary['stopped.yes']!;
    assert.ok(notShown - stopped.missing.all - stopped.skipped.all > 0, 'a question not shown');
    assert.ok(s.binary['victimisation.any']!.skipped.all > 0, 'a question skipped');
    assert.ok(s.binary['victimisation.any']!.missing.all > 0, 'Prefer not to say');
    assert.ok(s.binary['types.hit']!.missing.all > 0, 'Prefer not to say in a multi-select');
    assert.ok(s.binary['types.hit']!.skipped.all > 0, 'an empty multi-select');
    assert.ok(s.binary['told.no-one']!.yes.all > 0, 'an exclusive option');
    assert.ok(s.binary['bully-victim.frequent']!.yes.all > 0, 'a combination');
    assert.ok(s.respondents.sex['unknown']! > 0, 'a missing characteristic');
    assert.ok(s.respondents.phase['unknown']! > 0, 'a school without a phase');
    const wellbeing = s.scores['scale.emotional-difficulties']!;
    assert.ok(wellbeing.noScore.all > 0 && wellbeing.n.all > 0, 'scored and unscored pupils');
    assert.ok(wellbeing.sum.all % wellbeing.unit !== 0, 'a prorated score that is not whole');
    assert.ok(s.scores['feelings.composite']!.n.all > 0, 'a composite');
  });
});

describe('T1: the packed kernel equals the plain reference, indicator by indicator', () => {
  for (const definition of PUPIL_DEFINITIONS) {
    const plan = compilePlan(definition);

    it(`${definition.id}: summarisePacked(packResponses(…)) deep-equals the reference on random cohorts (seed ${seed})`, () => {
      fc.assert(
        fc.property(cohort(60), (c) => {
          const rs = responsesOf(definition, c);
          assertSame(kernel(plan, rs), referenceSummary(plan, WAVE, rs, SCHOOLS), definition.id);
        }),
        { seed, numRuns },
      );
    });

    it(`${definition.id}: the same with a tenant's own "frequently" cut-off (seed ${seed})`, () => {
      const lower = compilePlan(definition, { frequentCutoff: 1 });
      fc.assert(
        fc.property(cohort(30), (c) => {
          const rs = responsesOf(definition, c);
          assertSame(kernel(lower, rs), referenceSummary(lower, WAVE, rs, SCHOOLS), definition.id);
        }),
        { seed, numRuns: Math.max(10, Math.round(numRuns / 4)) },
      );
    });

    it(`${definition.id}: batches of up to 300,000 pupils, a batch of one group among them (seed ${seed})`, () => {
      // Counters that a kernel packs into few bits must carry: repeat a random block until each
      // stratum holds tens of thousands of pupils, in a batch with spare capacity.
      fc.assert(
        fc.property(
          cohort(40),
          fc.integer({ min: 1, max: 300_000 }),
          fc.integer({ min: 0, max: 100 }),
          fc.boolean(),
          (c, target, spare, oneGroup) => {
            const block = responsesOf(definition, {
              ...c,
              pupils: Math.max(1, c.pupils),
              style: oneGroup ? { ...c.style, noCharacteristicRate: 1 } : c.style,
            }).map((r) => (oneGroup ? { ...r, school: URNS[0]! } : r));
            const times = Math.max(1, Math.floor(target / block.length));
            const one = packResponses(plan, WAVE, block, SCHOOLS);
            const packed = createPacked(plan, WAVE, block.length * times + spare);
            for (let k = 0; k < times; k++) {
              packed.columns.forEach((col, i) => col.set(one.columns[i]!, k * block.length));
              for (const d of DIMENSIONS) packed.groups[d].set(one.groups[d], k * block.length);
            }
            packed.length = block.length * times;
            packed.schools = one.schools;
            const expected = timesSummary(referenceSummary(plan, WAVE, block, SCHOOLS), times);
            assertSame(summarisePacked(packed), expected, `${definition.id} × ${times}`);
          },
        ),
        { seed, numRuns: 8, endOnFailure: true },
      );
    });
  }

  it('a batch of nobody: every indicator present, every count zero', () => {
    for (const definition of PUPIL_DEFINITIONS) {
      const plan = compilePlan(definition);
      assertSame(kernel(plan, []), referenceSummary(plan, WAVE, [], SCHOOLS), definition.id);
    }
  });
});

/** A shipped definition changed into shapes none of them has (test data only, never shipped). */
interface EditableItem {
  id: string;
  options?: { value: string; label: Record<string, string> }[];
  scoring: {
    kind: string;
    values?: Record<string, number>;
    cutoffs?: Record<string, number>;
    reverse?: boolean;
  };
}
function variant(
  id: string,
  change: (items: EditableItem[], indicators: Record<string, unknown>[]) => void,
): QuestionnaireDefinition {
  const copy = structuredClone(getQuestionnaire(id)) as unknown as {
    sections: { items: EditableItem[] }[];
    indicators: Record<string, unknown>[];
  };
  change(
    copy.sections.flatMap((section) => section.items),
    copy.indicators,
  );
  return QuestionnaireDefinition.parse(copy);
}

/**
 * Secondary with: agreement items scored 1–4 (a composite whose lowest code has no value), a
 * wellbeing scale scored 0, 2, 4 with one item reversed (too many totals for a byte), 20 types of
 * bullying (the most a question may have; "Prefer not to say" the 20th bit), and a combination of three questions.
 */
const secondaryVariant = variant('pupil-secondary', (items, indicators) => {
  for (const item of items) {
    if (item.scoring.kind === 'agreement') {
      item.scoring.values = { 'strongly-disagree': 1, disagree: 2, agree: 3, 'strongly-agree': 4 };
      item.scoring.cutoffs = { agree: 3 };
    }
    if (item.scoring.kind === 'scale-item')
      item.scoring.values = { never: 0, sometimes: 2, always: 4 };
  }
  items.find((i) => i.id === 'mmf-shy')!.scoring.reverse = true;
  const types = items.find((i) => i.id === 'bullying-types')!;
  // Filled up to the most a question may have, whatever the shipped version already lists.
  const extra = Array.from({ length: 20 - types.options!.length }, (_, k) => ({
    value: `extra-${k + 1}`,
    label: { 'en-GB': `Something else (${k + 1})` },
  }));
  types.options!.splice(types.options!.length - 1, 0, ...extra);
  for (const o of extra) {
    indicators.push({
      key: `types.${o.value}`,
      label: o.label,
      direction: 'neither',
      population: 'bullied',
    });
  }
  indicators.push({
    key: 'bullied-and-bullying.frequent',
    label: { 'en-GB': 'Bullied face to face and online, and bullied others, all frequently' },
    direction: 'higher-is-worse',
    population: 'all',
    allOf: ['victimisation.frequent', 'victimisation-online.frequent', 'bullying-others.frequent'],
  });
});

/** KS1 with one face scored 0, 2, 4 (items of two ranges in one composite) and one reversed. */
const ks1Variant = variant('pupil-ks1', (items) => {
  const faces = items.filter((i) => i.scoring.kind === 'agreement');
  faces[0]!.scoring.values = { sad: 0, ok: 2, happy: 4 };
  faces[0]!.scoring.cutoffs = { agree: 4 };
  faces[1]!.scoring.reverse = true;
});

/** The same batch with every single-answer column one byte off a word boundary. */
function offWords(packed: PackedResponses): PackedResponses {
  return {
    ...packed,
    columns: packed.columns.map((col) => {
      if (!(col instanceof Int8Array)) return col;
      const moved = new Int8Array(col.length + 1);
      moved.set(col, 1);
      return moved.subarray(1);
    }),
  };
}

describe('T1: the kernel equals the reference on shapes the shipped definitions lack', () => {
  for (const [name, definition] of [
    ['secondary variant', secondaryVariant],
    ['KS1 variant', ks1Variant],
  ] as const) {
    const plan = compilePlan(definition);

    it(`${name}: summarisePacked deep-equals the reference (seed ${seed})`, () => {
      fc.assert(
        fc.property(cohort(60), (c) => {
          const rs = responsesOf(definition, c);
          for (const r of rs.slice(0, 3)) assert.ok(validateResponse(definition, r).ok);
          assertSame(kernel(plan, rs), referenceSummary(plan, WAVE, rs, SCHOOLS), name);
        }),
        { seed, numRuns },
      );
    });
  }

  for (const [name, definition] of [
    ...PUPIL_DEFINITIONS.map((d) => [d.id, d] as const),
    ['secondary variant', secondaryVariant] as const,
    ['KS1 variant', ks1Variant] as const,
  ]) {
    const plan = compilePlan(definition);
    it(`${name}: columns that do not start on a word boundary give the same summary (seed ${seed})`, () => {
      fc.assert(
        fc.property(cohort(60), (c) => {
          const rs = responsesOf(definition, c);
          assertSame(
            summarisePacked(offWords(packResponses(plan, WAVE, rs, SCHOOLS))),
            referenceSummary(plan, WAVE, rs, SCHOOLS),
            name,
          );
        }),
        { seed, numRuns: Math.max(10, Math.round(numRuns / 4)) },
      );
    });
  }
});

describe('T1: merging equals the plain reference', () => {
  const ks2 = getQuestionnaire('pupil-ks2');
  const secondary = getQuestionnaire('pupil-secondary');
  const plans = new Map([ks2, secondary].map((d) => [d.id, compilePlan(d)]));

  it(`a school's parts merged equal the reference of the whole, for every definition (seed ${seed})`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PUPIL_DEFINITIONS),
        cohort(60),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 5 }),
        (definition, c, cuts) => {
          const plan = compilePlan(definition);
          const rs = responsesOf(definition, c);
          const at = [
            0,
            ...cuts.map((x) => Math.min(x, rs.length)).sort((a, b) => a - b),
            rs.length,
          ];
          const parts = at.slice(1).map((end, i) => kernel(plan, rs.slice(at[i], end)));
          assertSame(
            mergeSummaries(parts),
            referenceSummary(plan, WAVE, rs, SCHOOLS),
            definition.id,
          );
        },
      ),
      { seed, numRuns },
    );
  });

  it(`KS2 and secondary pooled: summarise and mergeSummaries equal the reference merge (seed ${seed})`, () => {
    fc.assert(
      fc.property(cohort(40), cohort(40), fc.boolean(), (a, b, reversed) => {
        const ra = responsesOf(ks2, a);
        const rb = responsesOf(secondary, b);
        const expected = referenceMerge([
          referenceSummary(plans.get(ks2.id)!, WAVE, ra, SCHOOLS),
          referenceSummary(plans.get(secondary.id)!, WAVE, rb, SCHOOLS),
        ]);
        const parts = [kernel(plans.get(ks2.id)!, ra), kernel(plans.get(secondary.id)!, rb)];
        assertSame(mergeSummaries(reversed ? parts.reverse() : parts), expected, 'merged');
        // summarise scores the definitions answered only (a definition nobody answered adds nothing).
        const answered = [
          { rs: ra, plan: plans.get(ks2.id)! },
          { rs: rb, plan: plans.get(secondary.id)! },
        ].filter(({ rs }) => rs.length > 0);
        if (answered.length > 0) {
          const schools = URNS.flatMap((urn) => {
            const phase = SCHOOLS.get(urn)?.phase;
            return phase ? [{ urn, phase } as Pick<School, 'urn' | 'phase'>] : [];
          });
          const whole = summarise([...ra, ...rb], {
            wave: WAVE,
            definitions: [ks2, secondary],
            schools,
          });
          const reference = referenceMerge(
            answered.map(({ rs, plan }) => referenceSummary(plan, WAVE, rs, SCHOOLS)),
          );
          assertSame(whole, reference, 'summarise');
        }
      }),
      { seed, numRuns: Math.max(10, Math.round(numRuns / 2)) },
    );
  });

  it(`subtractSummary takes a school's reference back out of its area's (seed ${seed})`, () => {
    const plan = plans.get(secondary.id)!;
    fc.assert(
      fc.property(cohort(40), cohort(40), (a, b) => {
        // The part is one school's pupils, the rest another's: schools do not overlap.
        const rest = responsesOf(secondary, a).map((r) => ({ ...r, school: URNS[0]! }));
        const part = responsesOf(secondary, b).map((r) => ({ ...r, school: URNS[1]! }));
        fc.pre(rest.length > 0);
        const area = mergeSummaries([kernel(plan, rest), kernel(plan, part)]);
        assertSame(
          subtractSummary(area, kernel(plan, part)),
          referenceSummary(plan, WAVE, rest, SCHOOLS),
          'area − part',
        );
      }),
      { seed, numRuns: Math.max(10, Math.round(numRuns / 2)) },
    );
  });
});
