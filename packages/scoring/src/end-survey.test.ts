import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getQuestionnaire } from '@all-together/questionnaires';
import { percentHalfUp, publishEndSurvey, type PublishedEndSurvey } from './index.js';

const end = getQuestionnaire('end-of-programme');
const outcomes = end.sections
  .flatMap((s) => s.items)
  .filter((i) => i.type !== 'free-text' && i.scoring.kind === 'agreement');
const ANSWERS = [
  'strongly-disagree',
  'somewhat-disagree',
  'neither',
  'somewhat-agree',
  'strongly-agree',
  'dont-know',
] as const;
/** A school answering every outcome with the answer at `pick(i)`. */
const school = (pick: (i: number) => (typeof ANSWERS)[number] | undefined) => ({
  answers: Object.fromEntries(
    outcomes.flatMap((o, i) => {
      const a = pick(i);
      return a ? [[o.id, a]] : [];
    }),
  ),
});
const many = (n: number, answer: (typeof ANSWERS)[number]) =>
  Array.from({ length: n }, () => school(() => answer));
const value = (s: { value: number } | { symbol: string }) => ('value' in s ? s.value : s.symbol);
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const runs = Number(process.env.FC_NUM_RUNS ?? 100);

describe('the end-of-programme survey for an area', () => {
  it('every outcome of the definition is published, each with its declared label, and "Don\'t know" is not counted', () => {
    const p = publishEndSurvey(
      end,
      [...many(15, 'somewhat-agree'), ...many(10, 'neither'), ...many(5, 'dont-know')],
      { viewer: 'school' },
    );
    assert.equal(p.items.length, outcomes.length);
    assert.equal(p.definition, `${end.id}@${end.version}`);
    for (const item of p.items) {
      assert.equal(value(item.base), 25, "Don't know is missing, not disagreement");
      assert.equal(value(item.count), 15);
      assert.equal(value(item.percent), 60);
      assert.match(item.label['en-GB']!, /^Agree: As a result of the programme/);
    }
    assert.equal(value(p.schools), 30);
  });

  it("the programme's national figures are shown beside the area's where the definition declares them (99% more confident, 71% bullying reduced)", () => {
    const p = publishEndSurvey(end, many(30, 'strongly-agree'), { viewer: 'local-authority' });
    const reported = Object.fromEntries(
      p.items.filter((i) => i.reported).map((i) => [i.indicator, i.reported!.percent]),
    );
    assert.deepEqual(reported, {
      'end-of-programme.staff-more-confident.agree': 99,
      'end-of-programme.bullying-reduced.agree': 71,
    });
    for (const i of p.items.filter((x) => x.reported))
      assert.match(i.reported!.source['en-GB']!, /as a result of the programme/);
  });

  it('D1: fewer than 10 schools answering an outcome hide it, and its percentage needs 20', () => {
    const few = publishEndSurvey(end, many(9, 'strongly-agree'), { viewer: 'local-authority' });
    assert.ok(few.items.every((i) => value(i.base) === '[c]' && value(i.percent) === '[c]'));
    assert.equal(value(few.schools), '[c]');
    assert.ok(
      few.notes.some((n) => /^Fewer than 10 schools answered/.test(n)),
      `the reason in words about schools: ${few.notes.join(' / ')}`,
    );
    assert.ok(!few.notes.some((n) => /pupil/.test(n)), 'no note speaks of pupils');
    const some = publishEndSurvey(end, many(15, 'strongly-agree'), { viewer: 'school' });
    assert.ok(some.items.every((i) => value(i.base) === 15 && value(i.percent) === '[c]'));
  });

  it('finding 8: outside the school the counts are rounded to 5 and the % is worked out from the rounded figures', () => {
    const p = publishEndSurvey(
      end,
      [...many(12, 'somewhat-agree'), ...many(11, 'somewhat-disagree')],
      { viewer: 'local-authority' },
    );
    for (const i of p.items) {
      assert.equal(value(i.base), 25);
      assert.equal(value(i.count), 10);
      assert.equal(value(i.percent), 40, 'not 52% (12 of 23), which would narrow the count');
    }
  });

  it(`T1 D1 property: no shown base under 10, no shown % on a base under 20, % a function of the shown figures (seed ${seed})`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...ANSWERS, undefined), { minLength: 7, maxLength: 7 }), {
          maxLength: 60,
        }),
        fc.constantFrom('school', 'trust', 'local-authority', 'national' as const),
        (schools, viewer) => {
          const p: PublishedEndSurvey = publishEndSurvey(
            end,
            schools.map((answers) => school((i) => answers[i])),
            { viewer },
          );
          const k = viewer === 'school' ? 10 : 8; // a rounded base of 10 may stand for 8 or 9
          for (const i of p.items) {
            if ('value' in i.base && i.base.value > 0) assert.ok(i.base.value >= k);
            if ('value' in i.percent) {
              const b = (i.base as { value: number }).value;
              const n = (i.count as { value: number }).value;
              assert.ok(b >= (viewer === 'school' ? 20 : 18));
              if (viewer !== 'school') assert.equal(i.percent.value, percentHalfUp(n, b));
            }
            if ('value' in i.count && viewer !== 'school') assert.equal(i.count.value % 5, 0);
          }
        },
      ),
      { seed, numRuns: Math.max(50, Math.round(runs * 0.02)) },
    );
  });
});
