import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { QuestionnaireResponse, type ViewerLevel } from '@all-together/model';
import { generateCohort, getQuestionnaire } from '@all-together/questionnaires';
import {
  DIMENSIONS,
  breakdown,
  publishBreakdown,
  publishChange,
  publishComparison,
  publishScore,
  mergeSummaries,
  subtractSummary,
  summarise,
  suppressionNote,
  type PublishedCell,
} from './index.js';

const ks2 = getQuestionnaire('pupil-ks2');
let serial = 0;
const pupil = (sen: string, bullied: boolean) =>
  QuestionnaireResponse.parse({
    id: `00000000-0000-4000-9000-${String(++serial).padStart(12, '0')}`,
    definition: { id: ks2.id, version: ks2.version },
    wave: 'baseline',
    school: '900002',
    characteristics: { source: 'school-records', sen },
    answers: { 'bullied-face-to-face': bullied ? 'about-once-a-week' : 'not-at-all' },
    startedAt: '2026-10-05T09:00:00Z',
    submittedAt: '2026-10-05T09:10:00Z',
  });
const value = (s: { value: number } | { symbol: string }) => ('value' in s ? s.value : s.symbol);

describe('publishBreakdown (D1, D2, D4, D9)', () => {
  it('SEN support 15 / none 25: bases shown, counts hidden, so the SEN count cannot be subtracted out', () => {
    // 15 K pupils (4 bullied) and 25 N pupils (6 bullied): both bases are ≥ 10, but the K count
    // rests on fewer than 20 pupils, and N's count would give it away as 10 − 6.
    const rs = [
      ...Array.from({ length: 15 }, (_, i) => pupil('K', i < 4)),
      ...Array.from({ length: 25 }, (_, i) => pupil('N', i < 6)),
    ];
    const s = summarise(rs, { wave: 'baseline', definitions: [ks2] });
    const p = publishBreakdown(s, 'victimisation.frequent', 'sen', { viewer: 'school' });
    const g = Object.fromEntries(p.groups.map((c) => [c.key, c]));
    assert.deepEqual(
      [value(g.K!.base), value(g.K!.count), value(g.K!.percent)],
      [15, '[c]', '[c]'],
    );
    assert.deepEqual(
      [value(g.N!.base), value(g.N!.count), value(g.N!.percent)],
      [25, '[c]', '[c]'],
    );
    assert.deepEqual([value(p.total.count), value(p.total.percent)], [10, 25]); // 10 of 40 = 25%
    assert.ok(p.notes.some((n) => /hidden/i.test(n)));
  });

  it('D1: a cohort of 9 is all [c]', () => {
    const s = summarise(
      Array.from({ length: 9 }, () => pupil('N', true)),
      { wave: 'baseline', definitions: [ks2] },
    );
    const p = publishBreakdown(s, 'victimisation.frequent', 'all', { viewer: 'school' });
    assert.deepEqual(
      [value(p.total.base), value(p.total.count), value(p.total.percent)],
      ['[c]', '[c]', '[c]'],
    );
  });

  it('rounds percentages to whole numbers and, outside the school, counts to 5', () => {
    const rs = Array.from({ length: 43 }, (_, i) => pupil('N', i < 11));
    const s = summarise(rs, { wave: 'baseline', definitions: [ks2] });
    const school = publishBreakdown(s, 'victimisation.frequent', 'all', { viewer: 'school' });
    const trust = publishBreakdown(s, 'victimisation.frequent', 'all', { viewer: 'trust' });
    assert.deepEqual(
      [value(school.total.count), value(school.total.base), value(school.total.percent)],
      [11, 43, 26],
    );
    assert.deepEqual(
      [value(trust.total.count), value(trust.total.base), value(trust.total.percent)],
      [10, 45, 26],
    );
  });
});

describe('publishing random small cohorts (T1 property tests)', () => {
  const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
  const numRuns = Math.min(Number(process.env.FC_NUM_RUNS ?? 100), 300);
  const defs = { 'pupil-ks2': ks2, 'pupil-secondary': getQuestionnaire('pupil-secondary') };
  const viewers: ViewerLevel[] = ['school', 'trust', 'local-authority'];

  it(`D1/D8: every shown base rests on ≥ 10 pupils and every shown count or % on ≥ 20 (seed ${seed})`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(...viewers),
        (s, size, viewer) => {
          const cohort = generateCohort({
            seed: s,
            schools: 1,
            pupilsPerSchool: [size, size],
            waves: ['baseline'],
            definitions: defs,
          });
          const summary = summarise(cohort.responses, {
            wave: 'baseline',
            definitions: Object.values(defs),
            schools: cohort.schools,
          });
          for (const indicator of Object.keys(summary.binary)) {
            for (const dimension of ['all', ...DIMENSIONS] as const) {
              const raw = breakdown(summary, indicator, dimension);
              const rawBase = new Map([
                ['all', raw.total.base],
                ...raw.groups.map((g) => [g.key, g.value.base] as const),
                ...raw.derived.map((d) => [d.key, d.value.base] as const),
              ]);
              const p = publishBreakdown(summary, indicator, dimension, { viewer });
              const cells: PublishedCell[] = [p.total, ...p.groups, ...p.derived];
              for (const c of cells) {
                const base = rawBase.get(c.key)!;
                if ('value' in c.base && base > 0)
                  assert.ok(base >= 10, `${indicator}/${dimension}/${c.key}: base ${base} shown`);
                if ('value' in c.count && base > 0)
                  assert.ok(
                    base >= 20,
                    `${indicator}/${dimension}/${c.key}: count on base ${base} shown`,
                  );
                if ('value' in c.percent)
                  assert.ok(
                    base >= 20,
                    `${indicator}/${dimension}/${c.key}: % on base ${base} shown`,
                  );
              }
              // D2 for counts: the hidden groups together hold 0 or ≥ 20 pupils, so no count is pinned.
              if ('value' in p.total.count && dimension !== 'all') {
                const hidden = p.groups
                  .filter((g) => !('value' in g.count))
                  .reduce((n, g) => n + rawBase.get(g.key)!, 0);
                assert.ok(
                  hidden === 0 || hidden >= 20,
                  `${indicator}/${dimension}: hidden groups hold ${hidden}`,
                );
              }
            }
          }
          for (const indicator of Object.keys(summary.scores)) {
            const p = publishScore(summary, indicator, 'sex', { viewer });
            for (const c of [p.total, ...p.groups])
              if ('value' in c.mean) assert.ok('value' in c.n && c.n.value >= 20);
          }
        },
      ),
      { seed, numRuns },
    );
  });
});

describe('publishChange (D7) and publishComparison (D6)', () => {
  const defs = { 'pupil-ks2': ks2, 'pupil-secondary': getQuestionnaire('pupil-secondary') };
  const cohort = generateCohort({
    seed: 2027,
    schools: 12,
    pupilsPerSchool: [250, 350],
    definitions: defs,
  });
  const of = (wave: 'baseline' | 'end', urns?: string[]) =>
    summarise(
      cohort.responses.filter((r) => r.wave === wave && (!urns || urns.includes(r.school))),
      { wave, definitions: Object.values(defs), schools: cohort.schools },
    );
  const urns = cohort.schools.map((s) => s.urn as string);

  it('a trust-wide fall in frequent victimisation (23% → about 20%, 3,600 pupils a wave) is significant and "improved"', () => {
    const c = publishChange(of('baseline'), of('end'), 'victimisation.frequent', 'all', {
      viewer: 'trust',
    });
    const all = c.groups[0]!;
    assert.equal(all.direction, 'improved');
    assert.equal(all.significant, true);
    assert.ok('value' in all.change && all.change.value < 0);
    assert.ok(
      'value' in all.intervals.time1 &&
        all.intervals.time1.value.lower < all.intervals.time1.value.upper,
    );
  });

  it('D7: no change is shown for a group hidden at either wave', () => {
    const c = publishChange(
      of('baseline', urns.slice(0, 1)),
      of('end', urns.slice(0, 1)),
      'victimisation.frequent',
      'sen',
      { viewer: 'school' },
    );
    for (const g of c.groups) {
      const both = 'value' in g.time1.percent && 'value' in g.time2.percent;
      assert.equal('value' in g.change, both, g.key);
      if (!both) assert.equal(g.direction, null);
    }
    assert.ok(
      c.groups.some((g) => !('value' in g.change)),
      'a small school has hidden groups',
    );
  });

  it("D7: a change hidden because a wave is hidden says so (not-both-waves, [c]); intervals keep the wave's own reason", () => {
    const c = publishChange(
      of('baseline', urns.slice(0, 1)),
      of('end', urns.slice(0, 1)),
      'victimisation.frequent',
      'sen',
      { viewer: 'school' },
    );
    const hidden = c.groups.filter((g) => !('value' in g.change));
    assert.ok(hidden.length > 0);
    for (const g of hidden) {
      const privacy = [g.time1.percent, g.time2.percent].some(
        (p) => 'symbol' in p && p.symbol === '[c]',
      );
      assert.deepEqual(g.change, {
        symbol: privacy ? '[c]' : '[z]',
        reason: 'not-both-waves',
      });
      for (const [cell, interval] of [
        [g.time1, g.intervals.time1],
        [g.time2, g.intervals.time2],
      ] as const)
        if (!('value' in cell.percent)) assert.deepEqual(interval, cell.percent);
    }
    assert.ok(c.notes.includes(suppressionNote('not-both-waves')));
    assert.ok(
      !c.groups.some((g) => 'reason' in g.change && g.change.reason === 'complementary'),
      'never "worked out from the total"',
    );
  });

  it('D7: a group empty at both waves has [z] intervals (no-pupils) and a [z] change', () => {
    // Year groups of KS2 and secondary pupils: Reception to Year 2 and the sixth form are empty.
    const c = publishChange(of('baseline'), of('end'), 'victimisation.frequent', 'yearGroup', {
      viewer: 'trust',
    });
    const empty = c.groups.filter(
      (g) =>
        'value' in g.time1.base &&
        g.time1.base.value === 0 &&
        'value' in g.time2.base &&
        g.time2.base.value === 0,
    );
    assert.ok(empty.length > 0);
    for (const g of empty) {
      assert.deepEqual(g.change, { symbol: '[z]', reason: 'not-both-waves' });
      assert.deepEqual(g.intervals.time1, { symbol: '[z]', reason: 'no-pupils' });
    }
  });

  it('publishComparison with a precomputed rest of the area gives exactly the same result', () => {
    const school = of('baseline', urns.slice(0, 1));
    const area = of('baseline');
    const rest = subtractSummary(area, school);
    for (const dimension of ['all', 'sen', 'sex'] as const)
      assert.deepEqual(
        publishComparison(school, area, 'victimisation.frequent', dimension, { rest }),
        publishComparison(school, area, 'victimisation.frequent', dimension),
      );
    assert.throws(
      () =>
        publishComparison(school, area, 'victimisation.frequent', 'all', {
          rest: subtractSummary(area, of('baseline', urns.slice(1, 2))),
        }),
      /not this area without this school/,
    );
  });

  it('subtractSummary is the inverse of merging, and leaves its inputs unchanged (property)', () => {
    const parts = urns.slice(0, 4).map((u) => of('end', [u]));
    fc.assert(
      fc.property(fc.subarray([0, 1, 2, 3], { minLength: 1 }), (picked) => {
        const whole = mergeSummaries(parts);
        const part = mergeSummaries(picked.map((i) => parts[i]!));
        const copies = [structuredClone(whole), structuredClone(part)];
        const rest = subtractSummary(whole, part);
        assert.deepEqual([whole, part], copies);
        const others = [0, 1, 2, 3].filter((i) => !picked.includes(i));
        if (others.length > 0) {
          const expected = mergeSummaries(others.map((i) => parts[i]!));
          assert.deepEqual(rest.schools, expected.schools);
          assert.deepEqual(rest.respondents, expected.respondents);
          // Indicators only the part answered are left at 0 in the rest.
          for (const key of Object.keys(whole.binary))
            if (expected.binary[key])
              assert.deepEqual(breakdown(rest, key, 'sen'), breakdown(expected, key, 'sen'), key);
          for (const key of Object.keys(whole.binary))
            if (!expected.binary[key]) assert.equal(rest.binary[key]!.answered.all, 0, key);
        }
        assert.deepEqual(
          JSON.stringify(mergeSummaries([rest, part]).binary),
          JSON.stringify(whole.binary),
        );
      }),
      { numRuns: 15 },
    );
  });

  it('the comparator is the rest of the area, exactly', async () => {
    const { subtractSummary, mergeSummaries } = await import('./index.js');
    const school = of('baseline', urns.slice(0, 1));
    const others = urns.slice(1).map((u) => of('baseline', [u]));
    assert.deepEqual(subtractSummary(of('baseline'), school), {
      ...mergeSummaries(others),
      definitions: of('baseline').definitions,
    });
  });

  it('D6: a school in a trust of 12 is compared; colours only where significant', () => {
    const c = publishComparison(
      of('baseline', urns.slice(0, 1)),
      of('baseline'),
      'victimisation.frequent',
      'all',
    );
    assert.equal(c.allowed.allowed, true);
    const all = c.groups[0]!;
    assert.ok('value' in all.comparator.percent);
    if (all.rag !== null) assert.equal(all.significant, true);
  });

  it('D6: fewer than 3 other schools → no comparator figures and no colour', () => {
    const area = of('baseline', urns.slice(0, 3));
    const c = publishComparison(
      of('baseline', urns.slice(0, 1)),
      area,
      'victimisation.frequent',
      'sex',
    );
    assert.equal(c.allowed.allowed, false);
    for (const g of c.groups) {
      assert.deepEqual(g.comparator.percent, { symbol: '[x]', reason: 'complementary' });
      assert.equal(g.rag, null);
    }
    assert.ok(c.notes.includes(c.allowed.reason));
  });
});
