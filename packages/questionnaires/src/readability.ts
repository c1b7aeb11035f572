import {
  PUPIL_AUDIENCES,
  collectLocalisedTexts,
  itemsOf,
  type Audience,
  type QuestionnaireDefinition,
} from '@all-together/model';

/** Limits for one audience: words per question, and how many syllables make a word "long". */
export interface ReadabilityLimits {
  maxWords: number;
  longWordSyllables: number;
}

/**
 * Easy-read limits per pupil audience (reliability.md A10): KS1 and KS2 questions at most 12 words;
 * words of more than 2 (KS1), 3 (KS2) or 4 (secondary) syllables are flagged for a person to judge.
 */
export const READABILITY_LIMITS: Readonly<Partial<Record<Audience, ReadabilityLimits>>> = {
  'pupil-ks1': { maxWords: 12, longWordSyllables: 2 },
  'pupil-ks2': { maxWords: 12, longWordSyllables: 3 },
  'pupil-secondary': { maxWords: 20, longWordSyllables: 4 },
};

/** A word or phrase children of a key stage stumbled on in review, why, and what to say instead. */
export interface WordToAvoid {
  /** Lower-case, matched as whole words ("last holiday" matches "since the last holiday"). */
  phrase: string;
  why: string;
  instead: string;
}

/**
 * Words and phrases that short syllable counts do not catch but children stumbled on when the
 * questions were read to them: a content lint for every text a pupil reads or hears (A10).
 */
export const WORDS_TO_AVOID: Readonly<Partial<Record<Audience, readonly WordToAvoid[]>>> = {
  'pupil-ks1': [
    {
      phrase: 'belong',
      why: 'An abstract word: six-year-olds read it aloud but could not say what it meant, even after the read-aloud explained it.',
      instead: '"feel part of your school"',
    },
    {
      phrase: 'last holiday',
      why: 'Which holiday? Young children cannot place "the last holiday" (half-term, a weekend away, the summer), so the question has no time frame for them.',
      instead: 'a time they remember, "since you came back after the holiday"',
    },
  ],
};

/** A rough English syllable count: vowel groups, less a silent final e. Good enough to flag words. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return w.length > 0 ? 1 : 0;
  const trimmed = w
    // A silent e before a common ending or second half of a compound: lonely, sometimes, careful.
    .replace(/([^aeiouy])e(?=(?:ly|ful|ness|ment|times?|thing|body|where)$)/, '$1')
    .replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '')
    .replace(/^y/, '');
  return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
}

/** The words of a question as a reader meets them: parameters are not counted. */
export function words(text: string): string[] {
  return text
    .replace(/\{[a-zA-Z][a-zA-Z0-9]*\}/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

export interface ReadabilityReport {
  /** Questions over the word limit (parameters counted at their default value): a defect. */
  tooLong: { item: string; words: number; limit: number }[];
  /** Long words, for a person to judge (and allow-list) or replace. */
  longWords: { item: string; word: string; syllables: number }[];
  /** Words and phrases of `WORDS_TO_AVOID` for the audience, and where they are. */
  avoided: { item: string; phrase: string }[];
}

/** Fills `{parameters}` with the definition's default values, as a pupil first meets the text. */
function filled(text: string, def: QuestionnaireDefinition, locale: string): string {
  return text.replace(
    /\{([a-zA-Z][a-zA-Z0-9]*)\}/g,
    (whole, name: string) => def.parameters[name]?.[locale] ?? whole,
  );
}

/** Every text a pupil reads or hears, with where it is: the item's id, or the part's path. */
function pupilTexts(def: QuestionnaireDefinition, locale: string): { at: string; text: string }[] {
  const out: { at: string; text: string }[] = [];
  const add = (at: string, value: unknown) => {
    for (const { text } of collectLocalisedTexts(value)) {
      const t = text[locale];
      if (t) out.push({ at, text: filled(t, def, locale) });
    }
  };
  add('preamble', def.preamble);
  add('help', def.help);
  for (const section of def.sections) {
    add(`section ${section.id}`, { title: section.title, intro: section.intro });
    for (const item of section.items) add(item.id, item);
  }
  return out;
}

/**
 * Checks a pupil definition in one locale: every question's length (parameters at their default
 * value), and long words and words to avoid in every text a pupil reads or hears (questions,
 * options, hints, read-aloud text, notices, warnings, section titles and intros, the preamble and
 * help). Non-pupil definitions get an empty report.
 */
export function readability(
  definition: QuestionnaireDefinition,
  locale = 'en-GB',
): ReadabilityReport {
  const report: ReadabilityReport = { tooLong: [], longWords: [], avoided: [] };
  const limits = READABILITY_LIMITS[definition.audience];
  if (!limits || !PUPIL_AUDIENCES.includes(definition.audience)) return report;
  for (const item of itemsOf(definition)) {
    const count = words(filled(item.text[locale] ?? '', definition, locale)).length;
    if (count > limits.maxWords)
      report.tooLong.push({ item: item.id, words: count, limit: limits.maxWords });
  }
  const avoid = WORDS_TO_AVOID[definition.audience] ?? [];
  for (const { at, text } of pupilTexts(definition, locale)) {
    const found = words(text);
    for (const word of found) {
      const n = syllables(word);
      if (n > limits.longWordSyllables) report.longWords.push({ item: at, word, syllables: n });
    }
    const joined = ` ${found.join(' ').toLowerCase()} `;
    for (const { phrase } of avoid)
      if (joined.includes(` ${phrase} `)) report.avoided.push({ item: at, phrase });
  }
  return report;
}
