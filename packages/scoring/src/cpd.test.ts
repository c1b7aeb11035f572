import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  QuestionnaireDefinition,
  type QuestionnaireResponse,
  validateResponse,
} from '@all-together/model';
import { generateCpdResponses, getQuestionnaire } from '@all-together/questionnaires';
import { mergeCpdSummaries, publishCpd, summariseCpd, type CpdSummary } from './index.js';

const cpd = getQuestionnaire('cpd-confidence');
const items = cpd.sections.flatMap((s) => s.items);
const admin = items.find((i) => i.scoring.indicator === 'cpd-timepoint')!;
const adminKeys = admin.type === 'free-text' ? [] : admin.options.map((o) => o.value);
const confidence = items.filter((i) => i.scoring.cutoffs['confident'] !== undefined);
/** An option of a confidence item scoring `score`. */
const optionScoring = (item: (typeof items)[number], score: number) =>
  Object.entries(item.scoring.values!).find(([, v]) => v === score)![0];

let serial = 0;
const response = (
  administration: string | undefined,
  scores: (number | undefined)[],
): QuestionnaireResponse => {
  const answers: Record<string, string> = {};
  if (administration) answers[admin.id] = administration;
  confidence.forEach((item, i) => {
    const s = scores[i % scores.length];
    if (s !== undefined) answers[item.id] = optionScoring(item, s);
  });
  const r = {
    id: `00000000-0000-4000-9000-${String(++serial).padStart(12, '0')}`,
    definition: { id: cpd.id, version: cpd.version },
    wave: 'baseline',
    school: '900002',
    mode: 'anonymous',
    characteristics: { source: 'self-report' },
    answers,
    startedAt: '2026-10-05T09:00:00Z',
    submittedAt: '2026-10-05T09:10:00Z',
  } as QuestionnaireResponse;
  assert.ok(validateResponse(cpd, r).ok);
  return r;
};
const at = (s: CpdSummary, key: string) => s.administrations.find((a) => a.key === key)!;

describe('summariseCpd (declared scoring, never item ids)', () => {
  it('counts confident answers (at or above the declared cut-off) of scored answers, per administration', () => {
    const [before, after] = adminKeys as [string, string, string];
    // Scores 0–3 with the cut-off at 2: before 1 of 3 confident (one blank), after 3 of 3.
    const s = summariseCpd(cpd, [
      response(before, [0]),
      response(before, [1]),
      response(before, [2]),
      response(before, [undefined]),
      response(after, [2]),
      response(after, [3]),
      response(after, [3]),
    ]);
    assert.deepEqual(
      s.administrations.map((a) => a.key),
      adminKeys,
    );
    assert.equal(s.definition, `${cpd.id}@${cpd.version}`);
    assert.equal(s.administrations[0]!.items.length, confidence.length);
    for (const c of at(s, before).items)
      assert.deepEqual([c.confident, c.base, c.missing], [1, 3, 1]);
    for (const c of at(s, after).items)
      assert.deepEqual([c.confident, c.base, c.missing], [3, 3, 0]);
    assert.equal(at(s, adminKeys[2]!).responses, 0);
    assert.equal(s.unplaced, 0);
  });

  it('a response that does not say its administration is counted as unplaced, never guessed', () => {
    const s = summariseCpd(cpd, [response(undefined, [3]), response(adminKeys[0], [3])]);
    assert.equal(s.unplaced, 1);
    assert.equal(at(s, adminKeys[0]!).responses, 1);
  });

  it('finds items by declared scoring: renamed items and another cut-off score the same way', () => {
    const json = JSON.parse(JSON.stringify(cpd)) as Record<string, unknown>;
    delete json.indicators; // the shipped declarations name the items before renaming
    let text = JSON.stringify(json);
    for (const item of items) text = text.replaceAll(`"${item.id}"`, `"renamed-${item.id}"`);
    const renamed = QuestionnaireDefinition.parse(JSON.parse(text));
    const responses = generateCpdResponses({ seed: 4, definition: cpd });
    const moved = responses.map((r) => ({
      ...r,
      answers: Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [`renamed-${k}`, v])),
    }));
    const a = summariseCpd(cpd, responses);
    const b = summariseCpd(renamed, moved);
    assert.deepEqual(
      b.administrations.map((x) => x.items.map((i) => [i.confident, i.base, i.missing])),
      a.administrations.map((x) => x.items.map((i) => [i.confident, i.base, i.missing])),
    );
    // A stricter cut-off declared in the data ("very confident" only) counts fewer.
    const strict = QuestionnaireDefinition.parse(
      JSON.parse(JSON.stringify(cpd).replaceAll('"confident":2', '"confident":3')),
    );
    const c = summariseCpd(strict, responses);
    const total = (s: CpdSummary) =>
      s.administrations.flatMap((x) => x.items).reduce((n, i) => n + i.confident, 0);
    assert.ok(total(c) < total(a));
  });

  it('refuses responses to another definition, and a definition with nothing to score', () => {
    const other = getQuestionnaire('pupil-ks2');
    const r = { ...response(adminKeys[0], [3]), definition: { id: other.id, version: '1.0.0' } };
    assert.throws(() => summariseCpd(cpd, [r]), /answers pupil-ks2@1\.0\.0/);
    assert.throws(() => summariseCpd(other, []), /cpd-timepoint/);
    assert.throws(() => summariseCpd(cpd, [], { cutoff: 'sure' }), /"sure" cut-off/);
  });

  const arbitraryResponses = fc
    .array(
      fc.record({
        administration: fc.option(fc.constantFrom(...adminKeys), { nil: undefined }),
        scores: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), {
          minLength: 1,
          maxLength: confidence.length,
        }),
      }),
      { maxLength: 25 },
    )
    .map((rs) => rs.map((r) => response(r.administration, r.scores)));

  it('base + missing = responses for every item and administration (property)', () => {
    fc.assert(
      fc.property(arbitraryResponses, (rs) => {
        const s = summariseCpd(cpd, rs);
        const placed = s.administrations.reduce((n, a) => n + a.responses, 0);
        assert.equal(placed + s.unplaced, rs.length);
        for (const a of s.administrations)
          for (const i of a.items) {
            assert.equal(i.base + i.missing, a.responses);
            assert.ok(i.confident <= i.base);
          }
      }),
      { numRuns: 60 },
    );
  });

  it('merging is associative and commutative, and equals summarising the union (property)', () => {
    fc.assert(
      fc.property(arbitraryResponses, arbitraryResponses, arbitraryResponses, (x, y, z) => {
        const [a, b, c] = [x, y, z].map((rs) => summariseCpd(cpd, rs)) as [
          CpdSummary,
          CpdSummary,
          CpdSummary,
        ];
        const left = mergeCpdSummaries([mergeCpdSummaries([a, b]), c]);
        const right = mergeCpdSummaries([a, mergeCpdSummaries([b, c])]);
        assert.deepEqual(left, right);
        assert.deepEqual(mergeCpdSummaries([a, b]), mergeCpdSummaries([b, a]));
        assert.deepEqual(left, summariseCpd(cpd, [...x, ...y, ...z]));
      }),
      { numRuns: 40 },
    );
  });

  it('merging does not change its inputs, and refuses summaries of different cut-offs', () => {
    const a = summariseCpd(cpd, generateCpdResponses({ seed: 1, definition: cpd }));
    const copy = structuredClone(a);
    mergeCpdSummaries([a, a]);
    assert.deepEqual(a, copy);
    assert.throws(() => mergeCpdSummaries([a, { ...a, cutoff: 'sure' }]), /cut-off "sure"/);
    assert.throws(() => mergeCpdSummaries([]), /at least one/);
  });
});

describe('publishCpd (D1, D4, D9)', () => {
  const many = (key: string, n: number, score: number) =>
    Array.from({ length: n }, () => response(key, [score]));
  const [before, after, followUp] = adminKeys as [string, string, string];

  it('D1: fewer than 10 answers → base, count and % all [c]; D4: 10–19 → base only', () => {
    const s = summariseCpd(cpd, [
      ...many(before, 9, 3),
      ...many(after, 15, 3),
      ...many(followUp, 24, 2),
    ]);
    const p = publishCpd(s, { viewer: 'school' });
    assert.deepEqual(p.administrations, adminKeys);
    for (const item of p.items) {
      const [b, a, f] = item.cells;
      assert.deepEqual(b!.base, { symbol: '[c]', reason: 'base' });
      assert.deepEqual(b!.percent, { symbol: '[c]', reason: 'base' });
      // 15 of 15 confident (100%) would tell every delegate's answer: hidden whatever the count.
      assert.deepEqual(a!.base, { value: 15 });
      assert.deepEqual(a!.count, { symbol: '[c]', reason: 'small-base' });
      assert.deepEqual(a!.percent, { symbol: '[c]', reason: 'small-base' });
      assert.deepEqual(
        [f!.base, f!.count, f!.percent],
        [{ value: 24 }, { value: 24 }, { value: 100 }],
      );
    }
    assert.ok(p.notes.includes('Fewer than 10 people — hidden to protect privacy'));
    assert.equal(p.notes.length, 2);
    assert.ok(!p.notes.some((n) => /pupil/i.test(n)), 'delegates are not pupils');
  });

  it('an administration nobody answered is [z]; outside the school counts are rounded, % whole', () => {
    const rs = [...many(before, 21, 1), ...many(before, 11, 3)]; // 11 of 32 = 34.375%
    const p = publishCpd(summariseCpd(cpd, rs), { viewer: 'trust' });
    const [b, a] = p.items[0]!.cells;
    assert.deepEqual(
      [b!.base, b!.count, b!.percent],
      [{ value: 30 }, { value: 10 }, { value: 34 }],
    );
    assert.deepEqual(a!.percent, { symbol: '[z]', reason: 'no-pupils' });
    assert.deepEqual(a!.base, { value: 0 });
  });

  it('D1 over random small courses: no shown percentage rests on fewer than 20 answers (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ key: fc.constantFrom(...adminKeys), score: fc.integer({ min: 0, max: 3 }) }),
          { maxLength: 60 },
        ),
        fc.constantFrom('school', 'trust', 'national' as const),
        (answers, viewer) => {
          const s = summariseCpd(
            cpd,
            answers.map((a) => response(a.key, [a.score])),
          );
          const p = publishCpd(s, { viewer });
          p.items.forEach((item, ii) =>
            item.cells.forEach((cell, ai) => {
              const raw = s.administrations[ai]!.items[ii]!;
              if ('value' in cell.percent) assert.ok(raw.base >= 20);
              if ('value' in cell.base && raw.base > 0) assert.ok(raw.base >= 10);
              if ('value' in cell.percent) assert.ok(Number.isInteger(cell.percent.value));
            }),
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
