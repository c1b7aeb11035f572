import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateResponse } from '@all-together/model';
import { generateCpdResponses, getQuestionnaire } from './index.js';

const cpd = getQuestionnaire('cpd-confidence');
const items = cpd.sections.flatMap((s) => s.items);
const admin = items.find((i) => i.scoring.indicator === 'cpd-timepoint')!;
const confidence = items.filter((i) => i.scoring.cutoffs['confident'] !== undefined);

describe('generateCpdResponses', () => {
  it('answers each administration with the configured number of delegates, every response valid', () => {
    const responses = generateCpdResponses({ seed: 3, definition: cpd, delegates: [30, 25, 12] });
    assert.equal(responses.length, 67);
    const byAdmin = (key: string) => responses.filter((r) => r.answers[admin.id] === key).length;
    assert.deepEqual(
      (admin.type === 'free-text' ? [] : admin.options).map((o) => byAdmin(o.value)),
      [30, 25, 12],
    );
    for (const r of responses) {
      const result = validateResponse(cpd, r);
      assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    }
  });

  it('follows the configured confidence per administration (declared cut-off), within sampling error', () => {
    const responses = generateCpdResponses({
      seed: 5,
      definition: cpd,
      delegates: [2000, 2000, 2000],
      confident: [0.3, 0.9, 0.6],
      skip: 0,
    });
    [0.3, 0.9, 0.6].forEach((p, a) => {
      const key = admin.type === 'free-text' ? '' : admin.options[a]!.value;
      const mine = responses.filter((r) => r.answers[admin.id] === key);
      let yes = 0;
      let n = 0;
      for (const r of mine)
        for (const item of confidence) {
          const score = item.scoring.values![r.answers[item.id] as string]!;
          n++;
          if (score >= item.scoring.cutoffs['confident']!) yes++;
        }
      // Items shift by up to ±0.1 each; their mean stays near p.
      assert.ok(Math.abs(yes / n - p) < 0.08, `${key}: ${yes / n} vs ${p}`);
    });
  });

  it('honours conditions: the training is rated only after it', () => {
    const rating = items.find((i) => i.scoring.indicator === 'cpd-rating')!;
    const responses = generateCpdResponses({ seed: 9, definition: cpd, skip: 0 });
    for (const r of responses)
      assert.equal(r.answers[rating.id] !== undefined, r.answers[admin.id] !== 'before');
  });

  it('is deterministic for a seed, and different for another', () => {
    const a = generateCpdResponses({ seed: 1, definition: cpd });
    assert.deepEqual(a, generateCpdResponses({ seed: 1, definition: cpd }));
    assert.notDeepEqual(a, generateCpdResponses({ seed: 2, definition: cpd }));
  });
});
