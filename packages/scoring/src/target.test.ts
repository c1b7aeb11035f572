import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  QuestionnaireResponse,
  TargetSupport,
  type PublishedResults,
  type PupilSummary,
  type SchoolCensus,
  type TargetFigure,
} from '@all-together/model';
import { generateCohort, getQuestionnaire } from '@all-together/questionnaires';
import {
  percentHalfUp,
  publishArea,
  publishResults,
  summarise,
  summariseEach,
  targetSupport,
} from './index.js';

const ks1 = getQuestionnaire('pupil-ks1');
const ks2 = getQuestionnaire('pupil-ks2');
const secondary = getQuestionnaire('pupil-secondary');
let serial = 0;

/** A pupil with the given characteristics, bullied frequently or not at all. */
function pupil(
  school: string,
  characteristics: Record<string, string>,
  bullied: boolean,
  stage: 'ks1' | 'ks2' = 'ks2',
) {
  const def = stage === 'ks1' ? ks1 : ks2;
  const answer =
    stage === 'ks1'
      ? bullied
        ? 'lots-of-times'
        : 'no'
      : bullied
        ? 'about-once-a-week'
        : 'not-at-all';
  return QuestionnaireResponse.parse({
    id: `00000000-0000-4000-9000-${String(++serial).padStart(12, '0')}`,
    definition: { id: def.id, version: def.version },
    wave: 'baseline',
    school,
    characteristics: { source: 'school-records', ...characteristics },
    answers: { 'bullied-face-to-face': answer },
    startedAt: '2026-10-05T09:00:00Z',
    submittedAt: '2026-10-05T09:10:00Z',
  });
}

/** A group of pupils: `n` of them with these characteristics, `bullied` of them bullied frequently. */
interface Group {
  n: number;
  bullied: number;
  sen?: 'K' | 'N';
  fsm?: 'yes' | 'no';
}

/** A school's baseline summary (KS2, or KS1) from its groups. */
function summaryOf(urn: string, groups: readonly Group[], stage: 'ks1' | 'ks2' = 'ks2') {
  const responses = groups.flatMap((g) =>
    Array.from({ length: g.n }, (_, i) =>
      pupil(urn, { sen: g.sen ?? 'N', fsm: g.fsm ?? 'no' }, i < g.bullied, stage),
    ),
  );
  return summarise(responses, { wave: 'baseline', definitions: [stage === 'ks1' ? ks1 : ks2] });
}

/** A school of `send` pupils with SEND (`sendBullied` of them bullied) and `other` without. */
const plain = (send: number, sendBullied: number, other = 80, otherBullied = 12): Group[] => [
  { n: send, bullied: sendBullied, sen: 'K' },
  { n: other, bullied: otherBullied, sen: 'N' },
];

const ONLY = ['victimisation.frequent'];
const urnOf = (i: number) => `9200${String(i).padStart(2, '0')}`;

/** Publishes an area as an LA adviser sees it, with the schools' SEND and FSM tables. */
function publishLa(
  schools: readonly { id: string; baseline?: PupilSummary[]; end?: PupilSummary[] }[],
) {
  return publishArea(
    { schools },
    {
      viewer: 'local-authority',
      dimensions: ['sen', 'fsm'],
      schoolDimensions: ['sen', 'fsm'],
      indicators: ONLY,
    },
  );
}

const census = (
  id: string,
  sendPercent: number | null,
  extra: Partial<SchoolCensus> = {},
): SchoolCensus => ({ id, numberOnRoll: 200, sendPercent, fsmPercent: 20, ...extra });

const compared = (basis: readonly TargetFigure[], group: string) =>
  basis.find((f) => f.group === group && f.status === 'compared') as Extract<
    TargetFigure,
    { status: 'compared' }
  >;

describe('targetSupport: the ranking', () => {
  it('a school with worse SEND figures and more pupils with SEND ranks first', () => {
    const schools = [
      { id: 'A', baseline: [summaryOf(urnOf(1), plain(40, 20, 60, 9))] },
      { id: 'B', baseline: [summaryOf(urnOf(2), plain(40, 14, 60, 9))] },
      { id: 'C', baseline: [summaryOf(urnOf(3), plain(20, 4))] },
      { id: 'D', baseline: [summaryOf(urnOf(4), plain(20, 4))] },
      { id: 'E', baseline: [summaryOf(urnOf(5), plain(20, 4))] },
    ];
    const list = targetSupport({
      ...publishLa(schools),
      census: [census('A', 30), census('B', 12), census('C', 15), census('D', 15), census('E', 15)],
    });
    TargetSupport.parse(list);
    assert.deepEqual(
      list.schools.map((s) => s.id),
      ['A', 'B', 'C', 'D', 'E'],
    );
    assert.deepEqual(
      list.schools.map((s) => s.rank),
      [1, 2, 3, 4, 5],
    );
    const a = list.schools[0]!;
    const send = compared(a.basis, 'send');
    assert.equal(send.school.percent, 50);
    assert.equal(send.evidence === 'strong' || send.evidence === 'significant', true);
    assert.ok(a.score > list.schools[1]!.score);
    assert.match(
      a.reasons[0]!,
      /^Pupils with SEND at Time 1: 50% bullied face to face two or three times a month or more, against \d+% in the rest of the area — \d+ points higher: significantly worse/,
    );
    assert.ok(a.reasons.includes('30% of pupils have SEND, against an area average of 17%.'));
  });

  it('weights: the same figures, a larger share of pupils with SEND ranks higher; score = points × evidence × share ÷ area share', () => {
    const same = () => plain(40, 20, 60, 9);
    const schools = [
      { id: 'low-share', baseline: [summaryOf(urnOf(11), same())] },
      { id: 'high-share', baseline: [summaryOf(urnOf(12), same())] },
      { id: 'C', baseline: [summaryOf(urnOf(13), plain(20, 4))] },
      { id: 'D', baseline: [summaryOf(urnOf(14), plain(20, 4))] },
      { id: 'E', baseline: [summaryOf(urnOf(15), plain(20, 4))] },
    ];
    const published = publishLa(schools);
    const rows = [
      census('low-share', 10),
      census('high-share', 40),
      census('C', 15),
      census('D', 15),
      census('E', 15),
    ];
    const list = targetSupport({ ...published, census: rows });
    const [first, second] = list.schools;
    assert.equal(first!.id, 'high-share');
    assert.equal(second!.id, 'low-share');
    // The area's share is weighted by number on roll (all 200 here): (10 + 40 + 3 × 15) ÷ 5 = 19.
    assert.equal(list.area.sendPercent, 19);
    const f = compared(first!.basis, 'send');
    assert.equal(f.weight, 40 / 19);
    const factor = f.evidence === 'strong' ? 1 : 0.5;
    const all = compared(first!.basis, 'all');
    const allFactor = all.evidence === 'strong' ? 1 : all.evidence === 'significant' ? 0.5 : 0;
    assert.equal(
      first!.score,
      Math.round((f.excess * factor * (40 / 19) + all.excess * allFactor) * 10) / 10,
    );
    // With no share given, the school counts at the area's average (weight 1).
    const unknown = targetSupport({
      ...published,
      census: rows.map((r) => (r.id === 'high-share' ? { ...r, sendPercent: null } : r)),
    });
    const g = compared(unknown.schools.find((s) => s.id === 'high-share')!.basis, 'send');
    assert.equal(g.weight, 1);
    assert.ok(
      unknown.schools
        .find((s) => s.id === 'high-share')!
        .reasons.some((r) => r.startsWith('The share of pupils who have SEND was not given')),
    );
  });

  it('not significant ranks below significant, even with more points × a larger share', () => {
    // X: 30 pupils with SEND, a third bullied (33%) — a big gap on a small group, not significant.
    // Y: 150 pupils with SEND, 30% bullied — a smaller gap, significant.
    const schools = [
      { id: 'X', baseline: [summaryOf(urnOf(21), plain(30, 10, 70, 10))] },
      { id: 'Y', baseline: [summaryOf(urnOf(22), plain(150, 45, 150, 24))] },
      { id: 'C', baseline: [summaryOf(urnOf(23), plain(60, 10, 140, 21))] },
      { id: 'D', baseline: [summaryOf(urnOf(24), plain(60, 10, 140, 21))] },
      { id: 'E', baseline: [summaryOf(urnOf(25), plain(60, 10, 140, 21))] },
    ];
    const list = targetSupport({
      ...publishLa(schools),
      census: [census('X', 40), census('Y', 20), census('C', 20), census('D', 20), census('E', 20)],
    });
    const x = list.schools.find((s) => s.id === 'X')!;
    const y = list.schools.find((s) => s.id === 'Y')!;
    const xs = compared(x.basis, 'send');
    const ys = compared(y.basis, 'send');
    assert.equal(xs.evidence, 'not-significant');
    assert.notEqual(ys.evidence, 'not-significant');
    assert.ok(xs.excess * xs.weight > ys.excess * ys.weight, 'X has more points × share');
    assert.ok(y.rank < x.rank, `Y (${y.rank}) above X (${x.rank})`);
    assert.equal(xs.contribution, 0);
    assert.ok(
      x.reasons.some((r) =>
        /^Pupils with SEND at Time 1: \d+% .* — \d+ points higher, but not significantly: it may be chance\.$/.test(
          r,
        ),
      ),
    );
  });

  it('pupils on free school meals count too, weighted by the free-school-meals share', () => {
    const fsm = (yes: number, yesBullied: number): Group[] => [
      { n: yes, bullied: yesBullied, fsm: 'yes' },
      { n: 100 - yes, bullied: 12, fsm: 'no' },
    ];
    const schools = [
      { id: 'F', baseline: [summaryOf(urnOf(26), fsm(40, 20))] },
      { id: 'B', baseline: [summaryOf(urnOf(27), fsm(20, 4))] },
      { id: 'C', baseline: [summaryOf(urnOf(28), fsm(20, 4))] },
      { id: 'D', baseline: [summaryOf(urnOf(29), fsm(20, 4))] },
    ];
    const rows = schools.map((s) => ({
      ...census(s.id, null),
      fsmPercent: s.id === 'F' ? 45 : 15,
    }));
    const list = targetSupport({ ...publishLa(schools), census: rows });
    const f = list.schools[0]!;
    assert.equal(f.id, 'F');
    const figure = compared(f.basis, 'fsm');
    assert.deepEqual(figure.school, { count: 20, base: 40, percent: 50 });
    assert.equal(figure.weight, 45 / list.area.fsmPercent!);
    assert.ok(figure.contribution > 0);
    assert.match(f.reasons[0]!, /^Pupils on free school meals at Time 1: 50% bullied/);
    assert.ok(
      f.reasons.includes('45% of pupils are on free school meals, against an area average of 23%.'),
    );
    assert.throws(
      () => targetSupport({ ...publishLa(schools), census: rows }, { significantFactor: 2 }),
      /significantFactor must be between 0 and 1, got 2/,
    );
  });

  it('ties are broken by name, then id, whatever order the schools come in', () => {
    const same = () => plain(20, 4);
    const schools = ['s3', 's1', 's2', 's4'].map((id, i) => ({
      id,
      baseline: [summaryOf(urnOf(31 + i), same())],
    }));
    const names: Record<string, string> = { s1: 'Beech', s2: 'Ash', s3: 'Ash', s4: 'Cedar' };
    const rows = schools.map((s) => census(s.id, 10, { name: names[s.id]! }));
    const list = targetSupport({ ...publishLa(schools), census: rows });
    assert.deepEqual(
      list.schools.map((s) => [s.id, s.score]),
      [
        ['s2', 0],
        ['s3', 0],
        ['s1', 0],
        ['s4', 0],
      ],
    );
    const reversed = targetSupport({
      ...publishLa([...schools].reverse()),
      census: [...rows].reverse(),
    });
    assert.deepEqual(reversed, list);
  });
});

describe('targetSupport: areas too small and hidden figures (D1, D6, D9)', () => {
  it('D6: fewer than 3 schools with 10+ pupils → an empty list with a reason', () => {
    const schools = [
      { id: 'A', baseline: [summaryOf(urnOf(41), plain(20, 10))] },
      { id: 'B', baseline: [summaryOf(urnOf(42), plain(20, 4))] },
      { id: 'C', baseline: [summaryOf(urnOf(43), [{ n: 8, bullied: 2 }])] },
    ];
    const list = targetSupport({
      ...publishLa(schools),
      census: schools.map((s) => census(s.id, 20)),
    });
    assert.deepEqual(list.schools, []);
    assert.deepEqual(list.notRanked, []);
    assert.equal(
      list.reason,
      'Fewer than 3 schools with at least 10 pupils each have published answers, so no school can be compared with the rest of the area.',
    );
    // With the third school at 10+ pupils (3 in all), the area can be compared.
    const enough = [
      ...schools.slice(0, 2),
      { id: 'C', baseline: [summaryOf(urnOf(44), plain(20, 4))] },
    ];
    const list2 = targetSupport({ ...publishLa(enough), census: [] });
    assert.equal(list2.reason, null);
    assert.deepEqual(
      list2.schools.map((s) => s.id),
      ['A', 'B', 'C'],
    );
  });

  it('D9: a school whose SEND figure is hidden is ranked on what is shown, and its SEND line has no number', () => {
    const schools = [
      // 6 pupils with SEND: hidden. Everyone else bullied a lot.
      { id: 'H', baseline: [summaryOf(urnOf(51), plain(6, 5, 94, 40))] },
      { id: 'B', baseline: [summaryOf(urnOf(52), plain(20, 4))] },
      { id: 'C', baseline: [summaryOf(urnOf(53), plain(20, 4))] },
      { id: 'D', baseline: [summaryOf(urnOf(54), plain(20, 4))] },
    ];
    const list = targetSupport({
      ...publishLa(schools),
      census: schools.map((s) => census(s.id, 10)),
    });
    const h = list.schools.find((s) => s.id === 'H')!;
    assert.equal(h.rank, 1);
    const send = h.basis.find((f) => f.group === 'send')!;
    assert.equal(send.status, 'hidden');
    const line = h.reasons.find((r) => r.startsWith('Pupils with SEND'))!;
    assert.match(line, /hidden to protect privacy/);
    assert.doesNotMatch(line.replace('Time 1', ''), /\d/);
    assert.ok(compared(h.basis, 'all').contribution > 0);
  });

  it('a school with nothing it can be compared on is listed apart as "not enough data"', () => {
    const schools = [
      // The only school with KS1 pupils: its figures are shown, but KS1 has no rest of the area.
      { id: 'infant', baseline: [summaryOf(urnOf(61), plain(20, 4, 30, 6), 'ks1')] },
      { id: 'B', baseline: [summaryOf(urnOf(62), plain(20, 4))] },
      { id: 'C', baseline: [summaryOf(urnOf(63), plain(30, 6, 90, 14))] },
      { id: 'D', baseline: [summaryOf(urnOf(64), plain(25, 5, 110, 15))] },
      { id: 'none' },
    ];
    const list = targetSupport({ ...publishLa(schools), census: [] });
    assert.deepEqual(
      list.schools.map((s) => s.id),
      ['B', 'C', 'D'],
    );
    assert.deepEqual(
      list.notRanked.map((s) => [s.id, s.reasons[0]]),
      [
        [
          'infant',
          'Not enough data: no figure of this school can be compared with the rest of the area.',
        ],
        ['none', "No pupils' answers to this question have been published for this school."],
      ],
    );
    const infant = list.notRanked.find((s) => s.id === 'infant')!;
    assert.deepEqual(
      infant.basis.map((f) => [f.status, 'why' in f ? f.why : null]),
      [
        ['not-comparable', 'area-too-small'],
        ['no-pupils', null],
        ['not-comparable', 'area-too-small'],
      ],
    );
  });
});

describe('targetSupport: pools', () => {
  it('KS1 and KS2 are compared apart, never added together (each pool its own area check)', () => {
    // Four schools have KS2 pupils; only two have KS1 pupils, so KS1 cannot be compared.
    const schools = [
      {
        id: 'P',
        baseline: [
          summaryOf(urnOf(71), plain(30, 15, 30, 5), 'ks1'),
          summaryOf(urnOf(71), plain(40, 20, 60, 9)),
        ],
      },
      {
        id: 'Q',
        baseline: [
          summaryOf(urnOf(72), plain(30, 5, 30, 5), 'ks1'),
          summaryOf(urnOf(72), plain(20, 4)),
        ],
      },
      { id: 'R', baseline: [summaryOf(urnOf(73), plain(20, 4))] },
      { id: 'S', baseline: [summaryOf(urnOf(74), plain(20, 4))] },
    ];
    const published = publishLa(schools);
    const list = targetSupport({ ...published, census: [] });
    const p = list.schools.find((s) => s.id === 'P')!;
    const ks1Figures = p.basis.filter((f) => f.pool === 'pupil-ks1');
    const ks2Figures = p.basis.filter((f) => f.pool === 'pupil-ks2-secondary');
    assert.deepEqual(
      ks1Figures.map((f) => [f.group, f.status, 'why' in f ? f.why : null]),
      [
        ['send', 'not-comparable', 'area-too-small'],
        ['fsm', 'no-pupils', null],
        ['all', 'not-comparable', 'area-too-small'],
      ],
    );
    // KS2's SEND figure is the KS2 pool's alone: 40 pupils, not KS1's 30 added.
    const ks2Send = compared(ks2Figures, 'send');
    assert.deepEqual(ks2Send.school, { count: 20, base: 40, percent: 50 });
    const ks2Pool = published.area.pools.find((x) => x.comparableAs === 'pupil-ks2-secondary')!;
    const areaSend = ks2Pool.baseline!.binary.find((t) => t.dimension === 'sen')!.derived[0]!;
    assert.deepEqual(
      [ks2Send.rest.base + ks2Send.school.base, ks2Send.rest.count + ks2Send.school.count],
      [(areaSend.base as { value: number }).value, (areaSend.count as { value: number }).value],
    );
    assert.ok(
      p.reasons.some((r) =>
        r.startsWith(
          'Pupils with SEND (key stage 1) at Time 1: 50% bullied face to face lots of times; the rest of the area is too small to compare with',
        ),
      ),
    );
    assert.ok(
      p.reasons.some((r) =>
        r.startsWith(
          'Pupils with SEND (key stage 2 and secondary) at Time 1: 50% bullied face to face two or three',
        ),
      ),
    );
  });

  it("the latest wave a school has is used, and a school's published comparison table when it has one", () => {
    const end = (urn: string, groups: Group[]) => {
      const s = summaryOf(urn, groups);
      return { ...s, wave: 'end' as const };
    };
    const a = {
      baseline: [summaryOf(urnOf(81), plain(20, 4))],
      end: [end(urnOf(81), plain(40, 20, 60, 9))],
    };
    const others = [82, 83, 84].map((n) => ({
      baseline: [summaryOf(urnOf(n), plain(20, 4))],
      end: [end(urnOf(n), plain(20, 4))],
    }));
    const results = publishResults(
      { ...a, others },
      { viewer: 'local-authority', indicators: ONLY, dimensions: ['sen', 'fsm'] },
    );
    const rest = publishArea(
      { schools: [{ id: 'A', ...a }, ...others.map((o, i) => ({ id: `O${i}`, ...o }))] },
      {
        viewer: 'local-authority',
        dimensions: ['sen', 'fsm'],
        schoolDimensions: ['sen', 'fsm'],
        indicators: ONLY,
      },
    );
    const list = targetSupport({
      area: rest.area,
      schools: rest.schools.map((s) => (s.id === 'A' ? { id: 'A', results } : s)),
      census: [],
    });
    const send = compared(list.schools.find((s) => s.id === 'A')!.basis, 'send');
    assert.equal(send.wave, 'end');
    assert.equal(send.source, 'comparison');
    const table = results.pools[0]!.comparisons.find(
      (t) => t.wave === 'end' && t.dimension === 'sen',
    )!;
    const cell = table.groups.find((g) => g.key === 'any-sen')!.comparator;
    assert.deepEqual(send.rest, {
      count: (cell.count as { value: number }).value,
      base: (cell.base as { value: number }).value,
      percent: (cell.percent as { value: number }).value,
    });
  });
});

describe('targetSupport: published figures only (D1, D8)', () => {
  const four = () => [
    { id: 'A', baseline: [summaryOf(urnOf(91), plain(42, 22, 58, 9))] },
    { id: 'B', baseline: [summaryOf(urnOf(92), plain(21, 4, 79, 12))] },
    { id: 'C', baseline: [summaryOf(urnOf(93), plain(23, 4, 77, 12))] },
    { id: 'D', baseline: [summaryOf(urnOf(94), plain(22, 4, 78, 12))] },
  ];

  it("D8: refuses figures published for a school's own view (exact counts)", () => {
    const schools = four();
    const exact = publishArea(
      { schools },
      { viewer: 'school', dimensions: ['sen'], schoolDimensions: ['sen', 'fsm'], indicators: ONLY },
    );
    assert.throws(
      () => targetSupport({ ...exact, census: [] }),
      /the area was published for a school's own view/,
    );
  });

  it('D1: reads the rounded counts, never the exact ones (an unrounded count is refused)', () => {
    const published = publishLa(four());
    const list = targetSupport({ ...published, census: [] });
    // School A has 42 pupils with SEND, 22 of them bullied: the list uses 40 and 20, as published.
    const a = compared(list.schools.find((s) => s.id === 'A')!.basis, 'send');
    assert.deepEqual(a.school, { count: 20, base: 40, percent: 50 });
    for (const s of list.schools)
      for (const f of s.basis)
        if (f.status === 'compared')
          for (const n of [f.school.count, f.school.base, f.rest.count, f.rest.base])
            assert.equal(n % 5, 0, `${s.id} ${f.group}: ${n} is a rounded figure`);
    // The same publication with A's exact SEND count written in is refused, not used.
    const tampered = structuredClone(published) as typeof published;
    const cell = tampered.schools[0]!.results.pools[0]!.baseline!.binary.find(
      (t) => t.dimension === 'sen',
    )!.derived[0]!;
    cell.count = { value: 22 };
    assert.throws(
      () => targetSupport({ ...tampered, census: [] }),
      /the count is 22, not a multiple of 5/,
    );
  });

  it('bad census rows get a clear error that says which row and field', () => {
    const published = publishLa(four());
    assert.throws(
      () =>
        targetSupport({
          ...published,
          census: [census('A', 20), { ...census('B', 20), sendPercent: 140 }],
        }),
      /census\[1\]\.sendPercent/,
    );
    assert.throws(
      () => targetSupport({ ...published, census: [census('A', 20), census('A', 30)] }),
      /census\[1\]: school A has a census row already/,
    );
  });

  it('a missing SEND breakdown for the schools says how to publish them', () => {
    const published = publishArea(
      { schools: four() },
      { viewer: 'local-authority', dimensions: ['sen', 'fsm'], indicators: ONLY },
    );
    assert.throws(
      () => targetSupport({ ...published, census: [] }),
      /schoolDimensions: \['sen', 'fsm'\]/,
    );
  });
});

// ───────────── property test: nothing in the list that the publication does not show ─────────────

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const runs = Number(process.env.FC_NUM_RUNS ?? 100);
const defs = { 'pupil-ks1': ks1, 'pupil-ks2': ks2, 'pupil-secondary': secondary };

/** Every number in a JSON value. */
function numbersIn(value: unknown, into = new Set<number>()): Set<number> {
  if (typeof value === 'number') into.add(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, into);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) numbersIn(v, into);
  return into;
}

/**
 * What a reader of the publication (and of the public census) can state: every number published,
 * and for each school and each cell the rest of the area (area − school, from the rounded
 * figures), its percentage and the difference of the two percentages; the census shares rounded
 * and their averages. Written apart from `target.ts`, from the publication alone.
 */
function derivable(
  published: { area: PublishedResults; schools: { id: string; results: PublishedResults }[] },
  rows: readonly SchoolCensus[],
): Set<number> {
  const ok = numbersIn(published);
  const v = (s: { value: number } | { symbol: string }) => ('value' in s ? s.value : undefined);
  for (const s of published.schools)
    for (const pool of s.results.pools) {
      const areaPool = published.area.pools.find((p) => p.comparableAs === pool.comparableAs)!;
      for (const wave of ['baseline', 'end'] as const)
        for (const t of pool[wave]?.binary ?? []) {
          const at = areaPool[wave]?.binary.find(
            (x) => x.indicator === t.indicator && x.dimension === t.dimension,
          );
          for (const c of [t.total, ...t.groups, ...t.derived]) {
            const a = at && [at.total, ...at.groups, ...at.derived].find((x) => x.key === c.key);
            const [sc, sb, sp, ac, ab] = [c.count, c.base, c.percent, a?.count, a?.base].map((x) =>
              x ? v(x) : undefined,
            );
            if ([sc, sb, sp, ac, ab].some((x) => x === undefined)) continue;
            const base = ab! - sb!;
            if (base <= 0) continue;
            const rest = percentHalfUp(Math.min(Math.max(0, ac! - sc!), base), base);
            for (const n of [base, rest, Math.abs(sp! - rest)]) ok.add(n);
          }
        }
    }
  const inArea = rows.filter((r) => published.schools.some((s) => s.id === r.id));
  for (const field of ['sendPercent', 'fsmPercent'] as const) {
    const given = inArea.filter((r) => r[field] !== null);
    for (const r of given) ok.add(Math.floor(r[field]! + 0.5));
    if (given.length === 0) continue;
    const roll = given.reduce((n, r) => n + (r.numberOnRoll ?? 0), 0);
    const mean =
      given.every((r) => r.numberOnRoll !== null) && roll > 0
        ? given.reduce((n, r) => n + r[field]! * r.numberOnRoll!, 0) / roll
        : given.reduce((n, r) => n + r[field]!, 0) / given.length;
    ok.add(Math.floor(mean + 0.5));
  }
  return ok;
}

/** The numbers a reason states, leaving out the names of pools and waves ("key stage 1", "Time 2"). */
const statedNumbers = (reason: string): number[] =>
  [...reason.replace(/key stage \d|Time \d/g, '').matchAll(/\d+/g)].map((m) => Number(m[0]));

describe('T1 property test: random small areas, nothing shown that the publication does not show', () => {
  it(`D1, D9: every number in a reason is published or derivable, and a hidden cell gets no number (seed ${seed})`, () => {
    // So that the property cannot pass on lists with nothing in them: figures of each kind checked.
    const seen = { compared: 0, hidden: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 3, max: 6 }),
        fc.array(
          fc.record({
            send: fc.option(fc.double({ min: 0, max: 60, noNaN: true }), { nil: null }),
            fsm: fc.option(fc.integer({ min: 0, max: 70 }), { nil: null }),
            roll: fc.option(fc.integer({ min: 20, max: 900 }), { nil: null }),
          }),
          { minLength: 6, maxLength: 6 },
        ),
        (s, count, shares) => {
          const cohort = generateCohort({
            seed: s,
            schools: count,
            pupilsPerSchool: [0, 70],
            definitions: defs as never,
          });
          const schools = cohort.schools.map((school) => {
            const mine = cohort.responses.filter((r) => r.school === school.urn);
            const at = (wave: 'baseline' | 'end') =>
              summariseEach(
                mine.filter((r) => r.wave === wave),
                { wave, definitions: Object.values(defs), schools: cohort.schools },
              );
            return { id: school.urn, baseline: at('baseline'), end: at('end') };
          });
          const published = publishLa(schools);
          const rows = cohort.schools.map((school, i) => ({
            id: school.urn,
            numberOnRoll: shares[i]!.roll,
            sendPercent: shares[i]!.send,
            fsmPercent: shares[i]!.fsm,
          }));
          const list = targetSupport({ ...published, census: rows });
          TargetSupport.parse(list);
          const ok = derivable(published, rows);
          for (const entry of [...list.schools, ...list.notRanked]) {
            for (const f of entry.basis)
              if (f.status === 'compared' || f.status === 'hidden') seen[f.status]++;
            for (const reason of entry.reasons)
              for (const n of statedNumbers(reason))
                assert.ok(ok.has(n), `${entry.id}: ${n} in "${reason}" is not in the publication`);
            // A hidden (or empty) cell: its line states no number at all.
            for (const f of entry.basis) {
              if (f.status !== 'hidden' && f.status !== 'no-pupils') continue;
              const name = {
                send: 'Pupils with SEND',
                fsm: 'Pupils on free school meals',
                all: 'All pupils',
              }[f.group];
              const lines = entry.reasons.filter(
                (r) =>
                  r.startsWith(name) &&
                  r.includes(f.wave === 'end' ? 'Time 2' : 'Time 1') &&
                  (!r.includes('key stage') ||
                    r.includes(f.pool === 'pupil-ks1' ? 'key stage 1' : 'key stage 2')),
              );
              assert.ok(lines.length > 0);
              for (const line of lines) assert.deepEqual(statedNumbers(line), [], line);
            }
          }
        },
      ),
      { seed, numRuns: Math.max(8, Math.round(runs * 0.002)) },
    );
    assert.ok(seen.compared > 0 && seen.hidden > 0, JSON.stringify(seen));
  });
});
