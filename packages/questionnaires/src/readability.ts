import {
  PUPIL_AUDIENCES,
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
  /** Questions over the word limit: a defect. */
  tooLong: { item: string; words: number; limit: number }[];
  /** Long words, for a person to judge (and allow-list) or replace. */
  longWords: { item: string; word: string; syllables: number }[];
}

/**
 * Checks a pupil definition's question texts (and option labels, for long words) in one locale.
 * Non-pupil definitions get an empty report.
 */
export function readability(
  definition: QuestionnaireDefinition,
  locale = 'en-GB',
): ReadabilityReport {
  const report: ReadabilityReport = { tooLong: [], longWords: [] };
  const limits = READABILITY_LIMITS[definition.audience];
  if (!limits || !PUPIL_AUDIENCES.includes(definition.audience)) return report;
  for (const item of itemsOf(definition)) {
    const text = item.text[locale] ?? '';
    const count = words(text).length;
    if (count > limits.maxWords)
      report.tooLong.push({ item: item.id, words: count, limit: limits.maxWords });
    const labels = item.type === 'free-text' ? [] : item.options.map((o) => o.label[locale] ?? '');
    for (const word of [text, ...labels].flatMap(words)) {
      const n = syllables(word);
      if (n > limits.longWordSyllables)
        report.longWords.push({ item: item.id, word, syllables: n });
    }
  }
  return report;
}
