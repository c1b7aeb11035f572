import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PUPIL_AUDIENCES } from '@all-together/model';
import {
  WORDS_TO_AVOID,
  type ReadabilityReport,
  getQuestionnaire,
  listDefinitions,
  readability,
  syllables,
  words,
} from './index.js';

/**
 * Long words a person has read and accepted for a key stage, because no shorter word says the same
 * ("Childline" is a name). A new long word fails the test until it is replaced or added here.
 */
const ACCEPTED_LONG_WORDS: Record<string, string[]> = {
  // The name of the school year, as children hear it every day; "nobody", "everyone" and "holiday"
  // are words a Reception child hears many times a day ("the last holiday" was the trouble: see
  // WORDS_TO_AVOID); "upsetting" is heard, never read (the read-aloud text).
  'pupil-ks1': ['Reception', 'nobody', 'everyone', 'holiday', 'upsetting'],
  // Bullying about a disability is a type the programme exists to count; "disability" is the word
  // pupils meet in school, and "special educational needs" is what their plans are called.
  'pupil-ks2': ['disability'],
  'pupil-all-ages': ['disability'],
  'pupil-secondary': ['disability', 'educational'],
};

/** Long words in a report that no one has accepted for the definition, lower-case, once each. */
const unaccepted = (id: string, report: ReadabilityReport) => {
  const accepted = new Set((ACCEPTED_LONG_WORDS[id] ?? []).map((w) => w.toLowerCase()));
  return [...new Set(report.longWords.map((w) => w.word.toLowerCase()))].filter(
    (w) => !accepted.has(w),
  );
};

/**
 * What the checks find in released versions that a later version fixed. The first versions were
 * checked before parameters were counted at their default value and before every text (not only
 * questions) was read for long words and words to avoid.
 */
const FIXED_IN_SUCCESSOR: Record<
  string,
  Partial<{ tooLong: string[]; longWords: string[]; avoided: string[] }>
> = {
  // "…face to face since the start of this half-term (about the last six weeks)?": 21 words.
  'pupil-secondary@1.0.0': { tooLong: ['bullied-others-face-to-face: 21 words'] },
  // Found by the elements engineer reading KS1 to a six-year-old; see WORDS_TO_AVOID.
  'pupil-ks1@1.0.0': { avoided: ['belong', 'last holiday'] },
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

  const isCurrent = (e: { id: string; version: string }) =>
    e.version === getQuestionnaire(e.id).version;

  for (const entry of pupilDefinitions.filter(isCurrent)) {
    it(`${entry.id} ${entry.version} (current): no question over its key stage's word limit; long words are accepted ones`, () => {
      const report = readability(getQuestionnaire(entry.id, entry.version));
      assert.deepEqual(report.tooLong, []);
      assert.deepEqual(
        unaccepted(entry.id, report),
        [],
        `long words to replace or accept in ACCEPTED_LONG_WORDS['${entry.id}']`,
      );
    });
  }

  // A released version is never edited: what the checks find in one is recorded here, and its
  // successor fixes it. Anything else found in an older version fails.
  for (const entry of pupilDefinitions.filter((e) => !isCurrent(e))) {
    it(`${entry.id} ${entry.version} (released, superseded): finds exactly what its successor fixed`, () => {
      const report = readability(getQuestionnaire(entry.id, entry.version));
      const key = `${entry.id}@${entry.version}`;
      assert.deepEqual(
        {
          tooLong: report.tooLong.map((t) => `${t.item}: ${t.words} words`),
          longWords: unaccepted(entry.id, report),
          avoided: [...new Set(report.avoided.map((a) => a.phrase))].sort(),
        },
        { tooLong: [], longWords: [], avoided: [], ...FIXED_IN_SUCCESSOR[key] },
        key,
      );
    });
  }

  it('counts a parameter in a question at its default value: the words a child meets', () => {
    const def = structuredClone(getQuestionnaire('pupil-ks1'));
    const item = def.sections[1]!.items[0]!;
    item.text['en-GB'] = 'Has anyone been unkind to you {referencePeriod}?';
    def.parameters['referencePeriod'] = {
      'en-GB': 'in all the weeks since you came back after the holiday',
    };
    assert.deepEqual(readability(def).tooLong, [{ item: item.id, words: 17, limit: 12 }]);
  });

  it('reads every text a pupil reads or hears for long words, not only the questions', () => {
    const def = structuredClone(getQuestionnaire('pupil-ks2'));
    def.sections[1]!.intro = { 'en-GB': 'Remember the characteristics of bullying.' };
    def.help.text['en-GB'] = 'Talk to an adult, or contact Childline immediately.';
    const flagged = readability(def).longWords.map((w) => w.word);
    assert.ok(flagged.includes('characteristics'), flagged.join());
    assert.ok(flagged.includes('immediately'), flagged.join());
  });

  // What a six-year-old stumbled on in review (the elements engineer, reading KS1 aloud): a released
  // version keeps its words, so this holds the newest version of each definition to the list, and
  // the first KS1 version shows the check finds what the review found.
  it('KS1 1.0.0 has the words a six-year-old stumbled on: "belong" and "since the last holiday"', () => {
    const found = readability(getQuestionnaire('pupil-ks1', '1.0.0')).avoided.map((a) => a.phrase);
    assert.deepEqual([...new Set(found)].sort(), ['belong', 'last holiday']);
  });

  for (const entry of pupilDefinitions.filter(isCurrent)) {
    it(`${entry.id} ${entry.version} (current): none of the words its key stage stumbles on`, () => {
      assert.deepEqual(readability(getQuestionnaire(entry.id, entry.version)).avoided, []);
    });
  }

  it('every word to avoid says why and what to say instead', () => {
    for (const [audience, list] of Object.entries(WORDS_TO_AVOID)) {
      for (const w of list ?? []) {
        assert.ok(w.why.length > 20 && w.instead.length > 0, `${audience}: ${w.phrase}`);
      }
    }
  });

  it('flags a KS2 question of 13 words', () => {
    const def = structuredClone(getQuestionnaire('pupil-ks2'));
    def.sections[1]!.items[0]!.text['en-GB'] =
      'one two three four five six seven eight nine ten eleven twelve thirteen';
    assert.equal(readability(def).tooLong.length, 1);
  });
});
