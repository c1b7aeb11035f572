import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Shown } from '@all-together/model';
import type { Constraint } from './auditor.js';
import { pinnedByHighs } from './test-helpers/highs.js';
import { protectCounts, type CountFigure, type CountRelation } from './counts-protect.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 100);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const K = 10;

/**
 * An adversary written apart from the publisher: from the published forms alone (a value, or a
 * symbol and reason) and the relations, the integer system a reader could write down, solved by an
 * independent integer-programming solver (HiGHS): a hidden figure whose least and greatest possible
 * values agree is pinned.
 */
async function pinnedFigures(
  published: Record<string, Shown<number>>,
  relations: readonly CountRelation[],
  roundTo: number,
): Promise<string[]> {
  const names = Object.keys(published);
  const at = new Map(names.map((id, i) => [id, i]));
  const lo: number[] = [];
  const hi: number[] = [];
  for (const id of names) {
    const s = published[id]!;
    let r: [number, number];
    if ('value' in s) {
      const l = s.value === 0 ? 0 : Math.max(K, s.value - Math.floor(roundTo / 2));
      r = s.value === 0 ? [0, 0] : [l, Math.max(l, s.value + Math.ceil(roundTo / 2) - 1)];
    } else r = s.reason === 'complementary' ? [K, 1_000_000] : [1, K - 1];
    lo.push(r[0]);
    hi.push(r[1]);
  }
  const constraints: Constraint[] = [];
  for (const r of relations) {
    const parts = r.parts.map((p) => at.get(p)!);
    const t = at.get(r.total)!;
    if (r.kind === 'sum') constraints.push({ plus: parts, minus: [t], kind: 'eq', rhs: 0 });
    else for (const p of parts) constraints.push({ plus: [p], minus: [t], kind: 'le', rhs: 0 });
  }
  return pinnedByHighs({
    system: { lo, hi, constraints },
    names,
    unknown: names
      .map((name, variable) => ({ name, variable, kind: 'hidden' as const }))
      .filter((u) => !('value' in published[u.name]!)),
    countBase: [],
  });
}

/** Schools × categories with every margin: each school's total, the area's per category. */
const grid = fc
  .record({
    schools: fc.integer({ min: 1, max: 3 }),
    categories: fc.integer({ min: 2, max: 3 }),
  })
  .chain(({ schools, categories }) =>
    fc.array(
      fc.array(fc.integer({ min: 0, max: 30 }), { minLength: categories, maxLength: categories }),
      {
        minLength: schools,
        maxLength: schools,
      },
    ),
  )
  .map((cells) => {
    const figures: CountFigure[] = [];
    const relations: CountRelation[] = [];
    const cats = cells[0]!.length;
    cells.forEach((row, s) => {
      row.forEach((count, c) => figures.push({ id: `s${s}c${c}`, count }));
      figures.push({ id: `s${s}`, count: row.reduce((a, b) => a + b, 0) });
      relations.push({ kind: 'sum', total: `s${s}`, parts: row.map((_, c) => `s${s}c${c}`) });
    });
    if (cells.length > 1) {
      for (let c = 0; c < cats; c++) {
        figures.push({ id: `c${c}`, count: cells.reduce((a, r) => a + r[c]!, 0) });
        relations.push({ kind: 'sum', total: `c${c}`, parts: cells.map((_, s) => `s${s}c${c}`) });
      }
      figures.push({ id: 'all', count: cells.flat().reduce((a, b) => a + b, 0) });
      relations.push({ kind: 'sum', total: 'all', parts: cells.map((_, s) => `s${s}`) });
    }
    return { figures, relations };
  });

describe('protectCounts', () => {
  it('D1 a count of 1 to 9 is hidden, 0 and 10 or more are shown (exact in the school view)', () => {
    const r = protectCounts({
      viewer: 'school',
      figures: [
        { id: 'all', count: 30 },
        { id: 'a', count: 0 },
        { id: 'b', count: 30 },
      ],
      relations: [{ kind: 'sum', total: 'all', parts: ['a', 'b'] }],
    });
    assert.deepEqual(r.figures, { all: { value: 30 }, a: { value: 0 }, b: { value: 30 } });
    const small = protectCounts({
      viewer: 'school',
      figures: [{ id: 'x', count: 9 }],
      relations: [],
    });
    assert.deepEqual(small.figures.x, { symbol: '[c]', reason: 'base' });
  });

  it('D2 one small part of a shown total hides a second part (the smallest), never leaving it pinned', () => {
    const r = protectCounts({
      viewer: 'school',
      figures: [
        { id: 'all', count: 45 },
        { id: 'a', count: 3 },
        { id: 'b', count: 12 },
        { id: 'c', count: 30 },
      ],
      relations: [{ kind: 'sum', total: 'all', parts: ['a', 'b', 'c'] }],
    });
    assert.deepEqual(r.figures.a, { symbol: '[c]', reason: 'base' });
    assert.deepEqual(r.figures.b, { symbol: '[c]', reason: 'complementary' });
    assert.deepEqual(r.figures.c, { value: 30 });
    assert.equal(r.complements, 1);
  });

  it('outside the school, shown counts are rounded to 5', () => {
    const r = protectCounts({
      viewer: 'local-authority',
      figures: [{ id: 'x', count: 23 }],
      relations: [],
    });
    assert.deepEqual(r.figures.x, { value: 25 });
  });

  it('a figure already published keeps its form, and the new total is hidden when it would pin it', () => {
    // The school's locked return: 4 hidden, 30 shown. An area total of 34 would pin the 4.
    const r = protectCounts({
      viewer: 'school',
      figures: [
        { id: 'area', count: 34 },
        { id: 'a', count: 4, published: { symbol: '[c]', reason: 'base' } },
        { id: 'b', count: 30, published: { value: 30 } },
      ],
      relations: [{ kind: 'sum', total: 'area', parts: ['a', 'b'] }],
    });
    assert.deepEqual(r.figures.area, { symbol: '[c]', reason: 'complementary' });
    assert.deepEqual(r.figures.b, { value: 30 });
  });

  it('refuses relations that do not hold, naming them', () => {
    assert.throws(
      () =>
        protectCounts({
          viewer: 'school',
          figures: [
            { id: 'all', count: 5 },
            { id: 'a', count: 2 },
          ],
          relations: [{ kind: 'sum', total: 'all', parts: ['a'] }],
        }),
      /parts of "all" add up to 2, not 5/,
    );
  });

  for (const viewer of ['school', 'local-authority'] as const) {
    it(`D1 D2 property (${viewer}): no hidden count can be worked out from what is published (seed ${SEED})`, async () => {
      await fc.assert(
        fc.asyncProperty(grid, async ({ figures, relations }) => {
          const r = protectCounts({ viewer, figures, relations });
          for (const f of figures) {
            const s = r.figures[f.id]!;
            // D1: every shown figure other than 0 rests on at least k.
            if ('value' in s) assert.ok(s.value === 0 || f.count >= K, `${f.id}=${f.count} shown`);
            if ('value' in s && viewer !== 'school') assert.equal(s.value % 5, 0);
          }
          const pinned = await pinnedFigures(r.figures, relations, viewer === 'school' ? 1 : 5);
          assert.deepEqual(pinned, [], JSON.stringify({ figures, published: r.figures }));
        }),
        { numRuns: NUM_RUNS, seed: SEED },
      );
    });
  }
});
