import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PUPIL_AUDIENCES } from '@all-together/model';
import { getQuestionnaire, listDefinitions, readability, syllables, words } from './index.js';

/**
 * Long words a person has read and accepted for a key stage, because no shorter word says the same
 * ("Childline" is a name). A new long word fails the test until it is replaced or added here.
 */
const ACCEPTED_LONG_WORDS: Record<string, string[]> = {
  // The name of the school year, as children hear it every day.
  'pupil-ks1': ['Reception'],
  // Bullying about a disability is a type the programme exists to count; "disability" is the word
  // pupils meet in school, and "special educational needs" is what their plans are called.
  'pupil-ks2': ['disability'],
  'pupil-secondary': ['disability', 'educational'],
};

describe('A10 child-friendly text', () => {
  it('counts words without parameters and estimates syllables', () => {
    assert.deepEqual(words('How often {referencePeriod}, have you been bullied?'), [
      'How',
      'often',
      'have',
      'you',
      'been',
      'bullied',
    ]);
    assert.equal(syllables('bullied'), 2);
    assert.equal(syllables('lonely'), 2);
    assert.equal(syllables('disability'), 5);
  });

  const pupilDefinitions = listDefinitions().filter((e) => {
    if (e.kind !== 'questionnaire') return false;
    return PUPIL_AUDIENCES.includes(getQuestionnaire(e.id, e.version).audience);
  });

  for (const entry of pupilDefinitions) {
    it(`${entry.id}: no question over its key stage's word limit; long words are accepted ones`, () => {
      const report = readability(getQuestionnaire(entry.id, entry.version));
      assert.deepEqual(report.tooLong, []);
      const accepted = new Set((ACCEPTED_LONG_WORDS[entry.id] ?? []).map((w) => w.toLowerCase()));
      const flagged = [...new Set(report.longWords.map((w) => w.word.toLowerCase()))].filter(
        (w) => !accepted.has(w),
      );
      assert.deepEqual(
        flagged,
        [],
        `long words to replace or accept in ACCEPTED_LONG_WORDS['${entry.id}']`,
      );
    });
  }

  it('flags a KS2 question of 13 words', () => {
    const def = structuredClone(getQuestionnaire('pupil-ks2'));
    def.sections[1]!.items[0]!.text['en-GB'] =
      'one two three four five six seven eight nine ten eleven twelve thirteen';
    assert.equal(readability(def).tooLong.length, 1);
  });
});
