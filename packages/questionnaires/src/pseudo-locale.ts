import { collectLocalisedTexts } from '@all-together/model';

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'đ',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ḿ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Đ',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ḿ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/**
 * A pseudo-translation of one string: accented letters, about 30% longer, in brackets, with
 * `{parameters}` untouched. Text that was not translated stands out at a glance, and layouts meet
 * longer words than English.
 */
export function pseudoTranslate(text: string): string {
  const parts = text.split(/(\{[a-zA-Z][a-zA-Z0-9]*\})/);
  const body = parts
    .map((part) =>
      part.startsWith('{') ? part : [...part].map((ch) => ACCENTED[ch] ?? ch).join(''),
    )
    .join('');
  const padding = '·'.repeat(Math.ceil(text.length * 0.3));
  return `[${body}${padding}]`;
}

/**
 * Adds a pseudo-locale (default `en-XA`) to a definition or fragment: every LocalisedText gets a
 * pseudo-translation of its `from` text, and the locale is added to `locales`. If the result still
 * parses, every text in it was localisable, since a text outside a LocalisedText gets no new locale.
 */
export function pseudoLocalise<T extends { locales: string[] }>(
  definition: T,
  options: { from?: string; to?: string } = {},
): T {
  const from = options.from ?? 'en-GB';
  const to = options.to ?? 'en-XA';
  const copy = structuredClone(definition) as T;
  for (const { text } of collectLocalisedTexts(copy)) {
    const source = text[from];
    if (source !== undefined) text[to] = pseudoTranslate(source);
  }
  if (!copy.locales.includes(to)) copy.locales = [...copy.locales, to];
  return copy;
}
