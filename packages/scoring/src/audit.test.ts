import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  AuditDefinition,
  AuditResponse,
  itemsOf,
  QuestionnaireDefinition,
  Rating,
  statementsOf,
  type Audience,
} from '@all-together/model';
import { getAudit, getQuestionnaire } from '@all-together/questionnaires';
import {
  agreementGaps,
  compareAudits,
  perceptionAgreement,
  priorities,
  scoreAudit,
  STAKEHOLDER_NAMES,
  STATEMENT_DIRECTIONS,
  type PerceptionAnswers,
  type PublishedGap,
} from './index.js';
import type { PerceptionAgreement } from './types.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 1000);

const close = (actual: number | null | undefined, expected: number, what: string) =>
  assert.ok(
    typeof actual === 'number' && Math.abs(actual - expected) < 1e-9,
    `${what}: ${actual} is not ${expected}`,
  );

// A small audit made by hand: three areas of 4, 3 and 2 statements, some tagged with groups.
const text = (s: string) => ({ 'en-GB': s });
const statement = (id: string, groups: string[] = []) => ({
  id,
  text: text(`Statement ${id}`),
  descriptors: {
    'fully-met': text('Fully'),
    'partially-met': text('Partly'),
    'not-yet-met': text('Not yet'),
  },
  guidance: { why: text('Why it matters') },
  evidencePrompts: [text('What shows it?')],
  groups,
});
const small = (scoring?: unknown) =>
  AuditDefinition.parse({
    kind: 'audit',
    id: 'hand-made-audit',
    version: '1.0.0',
    title: text('A hand-made audit'),
    locales: ['en-GB'],
    defaultLocale: 'en-GB',
    areas: [
      {
        number: 1,
        title: text('One'),
        statements: [
          statement('1.1'),
          statement('1.2', ['send']),
          statement('1.3'),
          statement('1.4'),
        ],
      },
      {
        number: 2,
        title: text('Two'),
        statements: [statement('2.1'), statement('2.2', ['lgbt']), statement('2.3')],
      },
      {
        number: 3,
        title: text('Three'),
        statements: [statement('3.1'), statement('3.2', ['send', 'fsm'])],
      },
    ],
    ...(scoring ? { scoring } : {}),
  });
const audit = small();

const ratings: Record<string, Rating> = {
  '1.1': 'fully-met',
  '1.2': 'fully-met',
  '1.3': 'partially-met',
  '1.4': 'dont-know',
  '2.1': 'not-yet-met',
  '2.2': 'partially-met',
  // 2.3 unrated
  '3.1': 'dont-know',
  // 3.2 unrated
  '9.9': 'fully-met', // not in the definition: ignored
};

describe('scoreAudit: golden cases computed by hand', () => {
  const s = scoreAudit(audit, { ratings });

  it("area 1: 2 fully (4) + 1 partly (1) of 3 answered → 5/6 = 83.33%; Don't know (1.4) excluded", () => {
    assert.deepEqual(s.areas[0], {
      area: 1,
      answered: 3,
      dontKnow: 1,
      unrated: 0,
      counts: { 'fully-met': 2, 'partially-met': 1, 'not-yet-met': 0 },
      points: 5,
      maxPoints: 6,
      percent: (5 / 6) * 100,
    });
    close(s.areas[0]!.percent, 83.33333333333333, 'area 1');
  });

  it('area 2: 1 not yet (0) + 1 partly (1) of 2 answered, 2.3 unrated → 1/4 = 25%', () => {
    assert.equal(s.areas[1]!.percent, 25);
    assert.equal(s.areas[1]!.maxPoints, 4);
    assert.equal(s.areas[1]!.unrated, 1);
  });

  it("area 3: Don't know + unrated, nothing answered → null, not 0", () => {
    assert.deepEqual(s.areas[2], {
      area: 3,
      answered: 0,
      dontKnow: 1,
      unrated: 1,
      counts: { 'fully-met': 0, 'partially-met': 0, 'not-yet-met': 0 },
      points: 0,
      maxPoints: 0,
      percent: null,
    });
  });

  it('overall: mean of the areas with a score, (83.33 + 25) / 2 = 54.17%', () => {
    close(s.overall, (500 / 6 + 25) / 2, 'overall');
    close(s.overall, 54.166666666666664, 'overall');
  });

  it("counts: 2 fully, 2 partly, 1 not yet, 2 Don't know, 2 unrated = 9 statements; 9.9 ignored", () => {
    assert.deepEqual(s.counts, {
      'fully-met': 2,
      'partially-met': 2,
      'not-yet-met': 1,
      'dont-know': 2,
      unrated: 2,
    });
    assert.deepEqual(s.dontKnow, ['1.4', '3.1']);
  });

  it('weights: area 1 weighs 2 → (2 × 83.33 + 1 × 25) / 3 = 63.89%', () => {
    const weighted = scoreAudit(small({ areaWeights: { '1': 2 } }), { ratings });
    close(weighted.overall, (2 * (500 / 6) + 25) / 3, 'weighted overall');
    close(weighted.overall, 63.888888888888886, 'weighted overall');
  });

  it('weights: the weight of an area with no score is ignored ((83.33 + 25) / 2 again)', () => {
    const weighted = scoreAudit(small({ areaWeights: { '3': 5 } }), { ratings });
    close(weighted.overall, 54.166666666666664, 'overall');
  });

  it('points from the definition: Fully 3, Partly 1 → area 1 = 7/9 = 77.78%, area 2 = 1/6 = 16.67%', () => {
    const custom = small({ points: { 'fully-met': 3, 'partially-met': 1, 'not-yet-met': 0 } });
    const c = scoreAudit(custom, { ratings });
    // area 1: 3 + 3 + 1 = 7 of 3 × 3 = 9; area 2: 0 + 1 = 1 of 2 × 3 = 6.
    close(c.areas[0]!.percent, 700 / 9, 'area 1');
    close(c.areas[1]!.percent, 100 / 6, 'area 2');
    close(c.overall, (700 / 9 + 100 / 6) / 2, 'overall');
  });

  it('nothing answered anywhere → overall null', () => {
    const none = scoreAudit(audit, { ratings: { '1.1': 'dont-know' } });
    assert.equal(none.overall, null);
    assert.ok(none.areas.every((a) => a.percent === null));
    assert.equal(none.counts.unrated, 8);
  });

  it('a value that is not a rating, or an inherited key, counts as unrated', () => {
    const odd = JSON.parse('{"1.1": "excellent", "__proto__": "fully-met"}') as Record<
      string,
      Rating
    >;
    const r = scoreAudit(audit, { ratings: odd });
    assert.equal(r.counts.unrated, 9);
  });

  it('refuses points that fall or go below 0 (a clear RangeError, not a wrong percentage)', () => {
    const bad = {
      ...audit,
      scoring: {
        ...audit.scoring,
        points: { 'fully-met': 1, 'partially-met': 0, 'not-yet-met': -1 },
      },
    };
    assert.throws(() => scoreAudit(bad, { ratings }), /not-yet-met=-1/);
  });
});

const fixture = (name: string) =>
  AuditResponse.parse(
    (
      JSON.parse(
        readFileSync(
          new URL(
            import.meta.resolve(
              `@all-together/questionnaires/fixtures/all-together-audit/1.0.0/${name}.json`,
            ),
          ),
          'utf8',
        ),
      ) as { response: unknown }
    ).response,
  );

describe('scoreAudit and compareAudits on the shipped fixtures', () => {
  const shipped = getAudit('all-together-audit', '1.0.0'); // the fixtures' version
  const baseline = fixture('complete-baseline');
  const end = fixture('complete-end');

  it('complete-baseline: areas worked by hand from the fixture file', () => {
    const s = scoreAudit(shipped, baseline);
    // Area 1: 1.1 F, 1.2 N, 1.3 DK, 1.4 N, 1.5 P, 1.6 F, 1.7 P → 2 F (4) + 2 P (2) + 2 N (0) = 6 of 12 = 50%.
    assert.equal(s.areas[0]!.percent, 50);
    assert.equal(s.areas[0]!.dontKnow, 1);
    // Area 2: 2.4 F, 2.9 F (4) + 2.2, 2.6, 2.8, 2.10 P (4) + four N of 10 → 8 of 20 = 40%.
    assert.equal(s.areas[1]!.percent, 40);
    // Area 3: 3.4 F (2) + 3.2, 3.6 P (2) + four N of 7 → 4 of 14 = 28.57%.
    close(s.areas[2]!.percent, 400 / 14, 'area 3');
    // Area 6: 6.3 F (2) + 6.1, 6.5 P (2) + 6.2, 6.4 N of 5 → 4 of 10 = 40%.
    assert.equal(s.areas[5]!.percent, 40);
    // Areas 4 (7 of 14 = 50%) and 5 (5 of 14 = 35.71%): overall = 244.29 / 6 = 40.71%.
    close(s.overall, (50 + 40 + 400 / 14 + 50 + 500 / 14 + 40) / 6, 'overall');
    assert.deepEqual(s.counts, {
      'fully-met': 9,
      'partially-met': 16,
      'not-yet-met': 17,
      'dont-know': 1,
      unrated: 0,
    });
    assert.deepEqual(s.dontKnow, ['1.3']);
  });

  it('complete-end: area 1 = 6 F (12) + 1.4 P (1) of 7 = 13/14 = 92.86%; area 2 = 19/20 = 95%; area 6 = 9/10', () => {
    const s = scoreAudit(shipped, end);
    close(s.areas[0]!.percent, 1300 / 14, 'area 1');
    assert.equal(s.areas[1]!.percent, 95);
    assert.equal(s.areas[5]!.percent, 90);
    // Areas 3, 4, 5 each have one P: 13/14. Overall = (4 × 92.857 + 95 + 90) / 6 = 92.74%.
    close(s.overall, (4 * (1300 / 14) + 95 + 90) / 6, 'overall');
    assert.deepEqual(s.counts, {
      'fully-met': 37,
      'partially-met': 6,
      'not-yet-met': 0,
      'dont-know': 0,
      unrated: 0,
    });
  });

  it('change per area and overall: area 1 50 → 92.86 (+42.86), area 2 40 → 95 (+55)', () => {
    const c = compareAudits(shipped, baseline, end);
    assert.equal(c.areas[0]!.baseline, 50);
    close(c.areas[0]!.change, 1300 / 14 - 50, 'area 1 change');
    assert.deepEqual(c.areas[1], { area: 2, baseline: 40, end: 95, change: 55 });
    close(
      c.overall.change,
      (4 * (1300 / 14) + 95 + 90) / 6 - (50 + 40 + 400 / 14 + 50 + 500 / 14 + 40) / 6,
      'overall',
    );
  });

  it('per statement: 1.2 N → F improved, 1.1 F → F same, 2.4 F → P worse, 1.3 DK → F not comparable', () => {
    const c = compareAudits(shipped, baseline, end);
    const of = (id: string) => c.statements.find((s) => s.statement === id)!;
    assert.deepEqual(of('1.2'), {
      statement: '1.2',
      area: 1,
      baseline: 'not-yet-met',
      end: 'fully-met',
      direction: 'improved',
    });
    assert.equal(of('1.1').direction, 'same');
    assert.equal(of('4.1').direction, 'same'); // P → P
    assert.equal(of('2.4').direction, 'worse');
    assert.equal(of('1.3').direction, 'not-comparable');
    // 43 statements: 10 stay the same (1.1 1.6 2.9 3.4 4.1 4.2 4.7 5.5 6.1 6.3), 1 worse, 1 not comparable.
    assert.deepEqual(c.directions, { improved: 31, same: 10, worse: 1, 'not-comparable': 1 });
  });

  it("empty and all-Don't-know fixtures: no scores, every statement flagged or unrated", () => {
    const empty = scoreAudit(shipped, fixture('empty'));
    assert.equal(empty.overall, null);
    assert.equal(empty.counts.unrated, 43);
    const dk = scoreAudit(shipped, fixture('edge-all-dont-know'));
    assert.equal(dk.overall, null);
    assert.equal(dk.dontKnow.length, 43);
    const c = compareAudits(shipped, fixture('edge-all-dont-know'), end);
    assert.deepEqual(c.overall, { baseline: null, end: c.end.overall, change: null });
    assert.equal(c.directions['not-comparable'], 43);
  });

  it('partial fixture: only area 1 is answered (7 P → 7/14 = 50%), so overall = 50%', () => {
    const s = scoreAudit(shipped, fixture('partial'));
    assert.equal(s.areas[0]!.percent, 50);
    assert.ok(s.areas.slice(1).every((a) => a.percent === null));
    assert.equal(s.overall, 50);
  });
});

describe('scoreAudit and compareAudits: properties', () => {
  const shipped = getAudit('all-together-audit', '1.0.0'); // the fixtures' version
  const ids = statementsOf(shipped).map((s) => s.id as string);
  const arbRatings = fc
    .tuple(...ids.map(() => fc.constantFrom<Rating | undefined>(...Rating.options, undefined)))
    .map((values) => {
      const r: Record<string, Rating> = {};
      values.forEach((v, i) => {
        if (v) r[ids[i]!] = v;
      });
      return r;
    });
  const arbScoring = fc.record({
    points: fc
      .tuple(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
      )
      .map(([notYet, step1, step2]) => ({
        'not-yet-met': notYet,
        'partially-met': notYet + step1,
        'fully-met': notYet + step1 + step2,
      })),
    areaWeights: fc.dictionary(
      fc.constantFrom('1', '2', '3', '4', '5', '6'),
      fc.double({ min: 0.01, max: 100, noNaN: true }),
    ),
  });

  it('T1 scoring totality: area % null or in 0–100, counts sum to the statements, overall between the areas', () => {
    fc.assert(
      fc.property(arbRatings, arbScoring, (r, scoring) => {
        const s = scoreAudit({ ...shipped, scoring }, { ratings: r });
        const percents = s.areas.flatMap((a) => (a.percent === null ? [] : [a.percent]));
        for (const a of s.areas) {
          assert.ok(a.percent === null || (a.percent >= 0 && a.percent <= 100), `area ${a.area}`);
          assert.equal(a.percent === null, a.answered === 0);
        }
        const total = Object.values(s.counts).reduce((x, y) => x + y, 0);
        assert.equal(total, ids.length);
        assert.equal(s.dontKnow.length, s.counts['dont-know']);
        if (percents.length === 0) assert.equal(s.overall, null);
        else {
          assert.ok(s.overall !== null && !Number.isNaN(s.overall));
          assert.ok(s.overall >= Math.min(...percents) && s.overall <= Math.max(...percents));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('T1 an audit compared with itself changes by 0 and no statement improves or worsens', () => {
    fc.assert(
      fc.property(arbRatings, (r) => {
        const c = compareAudits(shipped, { ratings: r }, { ratings: r });
        for (const a of [...c.areas, c.overall]) {
          assert.equal(a.change === null ? null : a.change, a.baseline === null ? null : 0);
        }
        assert.equal(c.directions.improved + c.directions.worse, 0);
        assert.equal(
          STATEMENT_DIRECTIONS.reduce((n, d) => n + c.directions[d], 0),
          ids.length,
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Perception agreement and agreement gaps

/** Responses from a table: each row is [how many, answers]. */
const responses = (...rows: [number, Record<string, string>][]): PerceptionAnswers[] =>
  rows.flatMap(([n, answers]) => Array.from({ length: n }, () => ({ answers })));

describe('perceptionAgreement: golden cases computed by hand', () => {
  const parents = getQuestionnaire('perception-parent-carer');

  it("9 agree of 20 answered; 2 Don't know + 1 blank = 3 missing", () => {
    const rows = perceptionAgreement(
      parents,
      responses(
        [4, { 'leaders-take-seriously': 'strongly-agree' }],
        [5, { 'leaders-take-seriously': 'agree' }],
        [8, { 'leaders-take-seriously': 'disagree' }],
        [3, { 'leaders-take-seriously': 'strongly-disagree' }],
        [2, { 'leaders-take-seriously': 'dont-know' }],
        [1, {}],
      ),
    );
    assert.deepEqual(
      rows.find((r) => r.item === 'leaders-take-seriously'),
      {
        stakeholder: 'parent-carer',
        definition: 'perception-parent-carer',
        item: 'leaders-take-seriously',
        statements: ['1.4'],
        agree: { count: 9, base: 20 }, // 4 strongly agree + 5 agree; 20 scored answers
        missing: 3,
      },
    );
  });

  it('one row per linked, scored item of the definition, in order; unanswered items have base 0', () => {
    // 1.0.0 links every item to a statement.
    const first = getQuestionnaire('perception-parent-carer', '1.0.0');
    const rows = perceptionAgreement(first, []);
    assert.deepEqual(
      rows.map((r) => r.item),
      itemsOf(first).map((i) => i.id),
    );
    assert.ok(rows.every((r) => r.agree.base === 0 && r.missing === 0));
  });

  it('items linked to no statement give no row (whether the child has SEND, parent confidence)', () => {
    const rows = perceptionAgreement(parents, []);
    const items = itemsOf(parents).map((i) => i.id as string);
    assert.ok(items.includes('child-send') && items.includes('know-what-to-do'));
    assert.ok(!rows.some((r) => r.item === 'child-send' || r.item === 'know-what-to-do'));
    assert.ok(
      rows.some((r) => r.item === 'kept-informed'),
      'the new linked item (5.8) has a row',
    );
  });

  it('finds items by declared scoring: no statements, no values or no agree cut-off → skipped', () => {
    const changed = structuredClone(
      getQuestionnaire('perception-staff'),
    ) as QuestionnaireDefinition;
    const [first, second, third] = changed.sections[0]!.items;
    first!.statements = []; // not linked to the audit
    second!.scoring = { ...second!.scoring, cutoffs: {} }; // no agree cut-off
    third!.scoring = { ...third!.scoring, cutoffs: { agree: 3 } }; // only "strongly agree" counts
    delete changed.indicators; // the shipped declarations describe the unchanged items
    const def = QuestionnaireDefinition.parse(changed);
    const rows = perceptionAgreement(
      def,
      responses([2, { [third!.id]: 'agree' }], [1, { [third!.id]: 'strongly-agree' }]),
    );
    assert.ok(!rows.some((r) => r.item === first!.id || r.item === second!.id));
    assert.deepEqual(rows.find((r) => r.item === third!.id)!.agree, { count: 1, base: 3 });
  });

  it('an answer that is not an option, an array or an inherited key is missing, never agreement', () => {
    const rows = perceptionAgreement(parents, [
      { answers: { 'policy-found': 'constructor' } },
      { answers: { 'policy-found': ['agree'] } },
      { answers: JSON.parse('{"__proto__": {"policy-found": "agree"}}') as Record<string, string> },
    ]);
    const row = rows.find((r) => r.item === 'policy-found')!;
    assert.deepEqual(row.agree, { count: 0, base: 0 });
    assert.equal(row.missing, 3);
  });

  it('T1 property: count ≤ base and base + missing = responses, for random answers', () => {
    const staff = getQuestionnaire('perception-staff');
    const items = itemsOf(staff);
    const answer = fc.option(
      fc.constantFrom(
        'strongly-disagree',
        'disagree',
        'agree',
        'strongly-agree',
        'dont-know',
        'nonsense',
      ),
      { nil: undefined },
    );
    const response = fc.tuple(...items.map(() => answer)).map((values) => ({
      answers: Object.fromEntries(
        values.flatMap((v, i) => (v === undefined ? [] : [[items[i]!.id, v]])),
      ),
    }));
    fc.assert(
      fc.property(fc.array(response, { maxLength: 40 }), (rs) => {
        for (const row of perceptionAgreement(staff, rs)) {
          assert.ok(row.agree.count <= row.agree.base);
          assert.equal(row.agree.base + row.missing, rs.length);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('agreementGaps: a small hand-made set', () => {
  const agreement = (
    stakeholder: Audience,
    item: string,
    statements: string[],
    count: number,
    base: number,
  ): PerceptionAgreement => ({
    stakeholder,
    definition: `perception-${stakeholder}`,
    item,
    statements,
    agree: { count, base },
    missing: 0,
  });
  const agreements = [
    agreement('parent-carer', 'a', ['1.1'], 9, 20),
    agreement('staff', 'b', ['1.1', '1.2'], 8, 10),
    agreement('governor', 'c', ['1.1'], 2, 3),
    agreement('staff', 'd', ['1.3'], 1, 10),
    agreement('parent-carer', 'e', ['2.1'], 2, 3),
    agreement('parent-carer', 'f', ['2.1'], 2, 3),
    agreement('staff', 'g', ['2.2'], 3, 5),
    agreement('governor', 'h', ['3.1'], 0, 4),
    agreement('staff', 'i', ['3.2'], 0, 10),
    agreement('staff', 'j', ['9.9'], 0, 10), // not in the audit: ignored
  ];
  const lead: Record<string, Rating> = {
    '1.1': 'fully-met',
    '1.2': 'fully-met',
    '1.3': 'partially-met',
    '2.1': 'fully-met',
    '2.2': 'fully-met',
    '3.1': 'fully-met',
    // 3.2 unrated
  };
  const gaps = agreementGaps(audit, { ratings: lead }, agreements);
  const of = (id: string) => gaps.find((g) => g.statement === id)!;

  it('one entry per statement with linked agreements, in audit order', () => {
    assert.deepEqual(
      gaps.map((g) => g.statement),
      ['1.1', '1.2', '1.3', '2.1', '2.2', '3.1', '3.2'],
    );
  });

  it('1.1: Fully met, parents 9 of 20 = 45% < 60% → gap; governors (3 answers) too few', () => {
    assert.deepEqual(of('1.1'), {
      statement: '1.1',
      rating: 'fully-met',
      stakeholders: [
        {
          stakeholder: 'parent-carer',
          agree: { count: 9, base: 20 },
          percent: 45,
          tooFewAnswers: false,
        },
        { stakeholder: 'staff', agree: { count: 8, base: 10 }, percent: 80, tooFewAnswers: false },
        {
          stakeholder: 'governor',
          agree: { count: 2, base: 3 },
          percent: 200 / 3,
          tooFewAnswers: true,
        },
      ],
      combined: { count: 19, base: 33 }, // 9 + 8 + 2 of 20 + 10 + 3
      gap: true,
      reason:
        'The lead rated this Fully met, but only 45% of parents and carers agreed (9 of 20). ' +
        'Too few answers from governors (3) to judge: at least 5 needed.',
    });
  });

  it('1.2: Fully met and staff 8 of 10 = 80% → no gap', () => {
    assert.equal(of('1.2').gap, false);
    assert.equal(
      of('1.2').reason,
      'No gap: the lead rated this Fully met, and at least 60% of every group with enough answers agreed: staff 80% (8 of 10).',
    );
  });

  it('1.3: Partially met with 10% agreeing → no gap (no Fully met rating to check)', () => {
    assert.equal(of('1.3').gap, false);
    assert.equal(
      of('1.3').reason,
      'No gap: the lead rated this Partially met, so there is no Fully met rating to check.',
    );
  });

  it("2.1: a group's items are summed: parents 2/3 + 2/3 = 4 of 6 = 66.6% ≥ 60% → no gap", () => {
    assert.deepEqual(of('2.1').stakeholders[0]!.agree, { count: 4, base: 6 });
    assert.equal(of('2.1').gap, false);
    assert.match(of('2.1').reason, /parents and carers 66\.6% \(4 of 6\)/);
  });

  it('2.2: exactly at the threshold (3 of 5 = 60%) is not a gap', () => {
    assert.equal(of('2.2').gap, false);
  });

  it('3.1: governors 0 of 4 is below minBase 5 → listed, never a gap', () => {
    assert.equal(of('3.1').gap, false);
    assert.equal(of('3.1').stakeholders[0]!.tooFewAnswers, true);
    assert.equal(
      of('3.1').reason,
      'No gap can be shown: the lead rated this Fully met, but no group gave enough answers. ' +
        'Too few answers from governors (4) to judge: at least 5 needed.',
    );
  });

  it('3.2: unrated by the lead → no gap', () => {
    assert.equal(of('3.2').rating, null);
    assert.equal(of('3.2').reason, 'No gap: the lead has not rated this statement yet.');
  });

  it('options: threshold 0.4 clears 1.1 (45% ≥ 40%); minBase 3 lets governors 2/3 count', () => {
    const lower = agreementGaps(audit, { ratings: lead }, agreements, { threshold: 0.4 });
    assert.equal(lower.find((g) => g.statement === '1.1')!.gap, false);
    const small3 = agreementGaps(audit, { ratings: lead }, agreements, { minBase: 3 });
    const g = small3.find((x) => x.statement === '1.1')!;
    assert.equal(g.stakeholders[2]!.tooFewAnswers, false);
    assert.doesNotMatch(g.reason, /Too few/);
    // With minBase 3, governors 0 of 4 on 3.1 now counts: a gap.
    assert.equal(small3.find((x) => x.statement === '3.1')!.gap, true);
  });

  it('several groups below the threshold are all named; names can be replaced', () => {
    const two = agreementGaps(
      audit,
      { ratings: lead },
      [agreement('parent-carer', 'a', ['1.1'], 9, 20), agreement('staff', 'b', ['1.1'], 1, 3)],
      { minBase: 3, stakeholderNames: { staff: 'members of staff' } },
    );
    assert.equal(
      two[0]!.reason,
      'The lead rated this Fully met, but only 45% of parents and carers agreed (9 of 20) and 33.3% of members of staff agreed (1 of 3).',
    );
  });

  it('percentages in reasons are rounded down, so 59.96% never reads as 60%', () => {
    const [g] = agreementGaps(audit, { ratings: lead }, [
      agreement('staff', 'b', ['1.2'], 1499, 2500),
    ]);
    assert.equal(g!.gap, true);
    assert.match(g!.reason, /only 59\.9% of staff agreed \(1499 of 2500\)/);
  });

  it('refuses a threshold outside 0–1 and a fractional minBase', () => {
    assert.throws(
      () => agreementGaps(audit, { ratings: lead }, [], { threshold: 60 }),
      /threshold/,
    );
    assert.throws(() => agreementGaps(audit, { ratings: lead }, [], { minBase: 2.5 }), /minBase/);
  });

  it('has an English name for every audience', () => {
    for (const name of Object.values(STAKEHOLDER_NAMES)) assert.ok(name.length > 0);
  });
});

describe('agreementGaps on the shipped perception surveys', () => {
  const shipped = getAudit('all-together-audit', '1.0.0'); // the fixtures' version
  const end = fixture('complete-end'); // 3.2, 3.4 and 2.9 are Fully met; 3.1 Partially met
  const parents = perceptionAgreement(
    getQuestionnaire('perception-parent-carer'),
    responses(
      // know-how-to-report (3.4, 2.9): 12 agree of 20; encouraged-to-report (3.4): 6 agree of 20.
      [
        6,
        {
          'know-how-to-report': 'strongly-agree',
          'encouraged-to-report': 'agree',
          'child-can-tell': 'agree',
        },
      ],
      [
        6,
        {
          'know-how-to-report': 'agree',
          'encouraged-to-report': 'disagree',
          'child-can-tell': 'agree',
        },
      ],
      [8, { 'know-how-to-report': 'disagree', 'encouraged-to-report': 'strongly-disagree' }],
      [
        2,
        {
          'know-how-to-report': 'dont-know',
          'encouraged-to-report': 'dont-know',
          'child-can-tell': 'disagree',
        },
      ],
      [1, { 'child-can-tell': 'strongly-disagree' }],
    ),
  );
  // Four staff only: below minBase on every item.
  const staff = perceptionAgreement(
    getQuestionnaire('perception-staff'),
    responses([4, { 'accessible-reporting': 'disagree', recording: 'agree' }]),
  );
  const gaps = agreementGaps(shipped, end, [...parents, ...staff]);
  const of = (id: string) => gaps.find((g) => g.statement === id)!;

  it('3.4: parents sum two items, 12 + 6 = 18 agree of 20 + 20 = 40 → 45% → gap', () => {
    assert.deepEqual(of('3.4').stakeholders, [
      {
        stakeholder: 'parent-carer',
        agree: { count: 18, base: 40 },
        percent: 45,
        tooFewAnswers: false,
      },
    ]);
    assert.equal(of('3.4').gap, true);
    assert.equal(
      of('3.4').reason,
      'The lead rated this Fully met, but only 45% of parents and carers agreed (18 of 40).',
    );
  });

  it('2.9: parents 12 of 20 = 60% on know-how-to-report alone → exactly the threshold, no gap', () => {
    assert.deepEqual(of('2.9').combined, { count: 12, base: 20 });
    assert.equal(of('2.9').gap, false);
  });

  it('3.2: parents 12 agree of 15 (child-can-tell) = 80%; 4 staff all disagree but too few → no gap', () => {
    // child-can-tell: 12 agree; 2 disagree + 1 strongly disagree → base 15; 8 left it blank.
    assert.deepEqual(
      of('3.2').stakeholders.map((s) => [s.stakeholder, s.agree, s.tooFewAnswers]),
      [
        ['parent-carer', { count: 12, base: 15 }, false],
        ['staff', { count: 0, base: 4 }, true],
      ],
    );
    assert.equal(of('3.2').gap, false);
    assert.equal(
      of('3.2').reason,
      'No gap: the lead rated this Fully met, and at least 60% of every group with enough answers agreed: parents and carers 80% (12 of 15). ' +
        'Too few answers from staff (4) to judge: at least 5 needed.',
    );
  });

  it('3.1: Partially met at the end → no gap, whatever staff say', () => {
    assert.equal(of('3.1').rating, 'partially-met');
    assert.equal(of('3.1').gap, false);
  });

  it('every statement linked by these two surveys has an entry, and only those', () => {
    const linked = new Set([...parents, ...staff].flatMap((a) => a.statements));
    assert.deepEqual(
      gaps.map((g) => g.statement),
      statementsOf(shipped)
        .map((s) => s.id as string)
        .filter((id) => linked.has(id)),
    );
    assert.deepEqual(
      gaps.filter((g) => g.gap).map((g) => g.statement),
      ['3.4'],
    );
  });
});

describe('priorities', () => {
  const mixed: Record<string, Rating> = {
    '1.1': 'partially-met',
    '1.2': 'partially-met', // send
    '1.3': 'not-yet-met',
    '1.4': 'dont-know',
    '2.1': 'fully-met',
    '2.2': 'not-yet-met', // lgbt
    '2.3': 'partially-met',
    '3.1': 'not-yet-met',
    '3.2': 'partially-met', // send, fsm
  };

  it('Not yet met first, then Partially met; tagged statements first, then definition order', () => {
    // Not yet: 2.2 (tagged), then 1.3, 3.1. Partially: 1.2, 3.2 (tagged), then 1.1, 2.3.
    // 2.1 (Fully met) and 1.4 (Don't know) are not priorities.
    assert.deepEqual(priorities(audit, { ratings: mixed }), [
      { statement: '2.2', rating: 'not-yet-met', groups: ['lgbt'] },
      { statement: '1.3', rating: 'not-yet-met', groups: [] },
      { statement: '3.1', rating: 'not-yet-met', groups: [] },
      { statement: '1.2', rating: 'partially-met', groups: ['send'] },
      { statement: '3.2', rating: 'partially-met', groups: ['send', 'fsm'] },
      { statement: '1.1', rating: 'partially-met', groups: [] },
      { statement: '2.3', rating: 'partially-met', groups: [] },
    ]);
  });

  it('agreement gaps: a Fully met statement others disagree with comes last, tagged first', () => {
    const gaps: PublishedGap[] = [
      { statement: '2.1', rating: 'fully-met', gap: true, judged: true, below: ['staff'] },
      { statement: '1.1', rating: 'partially-met', gap: false, judged: true, below: ['staff'] },
      { statement: '4.1', rating: null, gap: false, judged: false, below: [] },
    ];
    const withGaps = priorities(
      audit,
      { ratings: { ...mixed, '3.2': 'fully-met' } },
      {
        gaps: [
          ...gaps,
          { statement: '3.2', rating: 'fully-met', gap: true, judged: true, below: ['governor'] },
        ],
      },
    );
    assert.deepEqual(withGaps.slice(-2), [
      {
        statement: '3.2',
        rating: 'fully-met',
        groups: ['send', 'fsm'],
      },
      { statement: '2.1', rating: 'fully-met', groups: [] },
    ]);
    assert.equal(
      withGaps.length,
      8,
      'the 6 rated Partially or Not yet met and the 2 gaps, once each',
    );
    // A gap the lead's own rating no longer says Fully met to is not a gap priority.
    assert.equal(
      priorities(audit, { ratings: { ...mixed, '2.1': 'partially-met' } }, { gaps }).filter(
        (p) => p.statement === '2.1',
      ).length,
      1,
    );
  });

  it('limit keeps the first ones', () => {
    assert.deepEqual(
      priorities(audit, { ratings: mixed }, { limit: 2 }).map((p) => p.statement),
      ['2.2', '1.3'],
    );
    assert.deepEqual(priorities(audit, { ratings: mixed }, { limit: 0 }), []);
    assert.throws(() => priorities(audit, { ratings: mixed }, { limit: -1 }), /limit/);
  });

  it("shipped complete-baseline: 17 not yet (10 tagged) then 16 partially; 1.3 (Don't know) left out", () => {
    const p = priorities(getAudit('all-together-audit', '1.0.0'), fixture('complete-baseline'));
    assert.equal(p.length, 17 + 16);
    assert.deepEqual(
      p.slice(0, 11).map((x) => x.statement),
      // Not yet met and tagged, in order: 1.4 2.5 3.5 3.7 4.4 4.6 5.1 5.3 5.7 6.4; then untagged 1.2 …
      ['1.4', '2.5', '3.5', '3.7', '4.4', '4.6', '5.1', '5.3', '5.7', '6.4', '1.2'],
    );
    assert.deepEqual(
      p.slice(17, 19).map((x) => [x.statement, x.rating]),
      [
        ['1.5', 'partially-met'],
        ['1.7', 'partially-met'],
      ],
    );
    assert.ok(!p.some((x) => x.statement === '1.3'));
  });
});
