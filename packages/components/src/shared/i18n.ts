/**
 * UI strings: typed translation tables, resolved from the nearest `lang` attribute, with `{name}`
 * placeholders and plurals through `Intl.PluralRules` (the shape of GOV.UK Frontend's `i18n.mjs`).
 *
 * en-GB is complete and always registered. Other tables may be partial: a missing string falls back
 * to en-GB, never to a key or an empty string. Question text is not here: it lives, localised, in
 * the questionnaire definition.
 *
 * @module
 */

/**
 * A message with plural forms, chosen by the `count` parameter through `Intl.PluralRules`.
 * `other` is required; the other categories are used when the language has them.
 */
export type PluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & {
  readonly other: string;
};

/** A message: text with `{name}` placeholders, or a {@link PluralMessage}. */
export type Message = string | PluralMessage;

/**
 * Every UI string the components use. Empty here: each element adds its own strings to it by
 * declaration merging, in its `*.strings.ts` (the way events join `GlobalEventHandlersEventMap`), so
 * this shared module depends on no element:
 *
 * ```ts
 * declare module '../shared/i18n.js' {
 *   interface Translation extends ProgressStrings {}
 *   interface TranslationParams extends ProgressStringParams {}
 * }
 * ```
 *
 * The en-GB table must provide all of them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Translation {}

/** The parameters each message takes, by key (filled by declaration merging, like {@link Translation}). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface TranslationParams {}

/** The key of a UI string. */
export type TranslationKey = keyof Translation;

/** Values for a message's placeholders. Numbers are formatted for the message's language. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The language used when nothing better matches, and whose table is complete. */
export const defaultLang = 'en-GB';

/**
 * The British English defaults of the elements loaded so far. Each element's module adds its own
 * through {@link defineDefaultStrings}; the complete table is `enGB` in `src/en-gb.ts`.
 */
const english: Partial<Translation> = {};

/**
 * Adds an element's British English strings to the defaults every language falls back to. Called
 * once by each element's module when it loads; hosts reword strings with
 * {@link registerTranslation} instead.
 *
 * @param table - Some of the UI strings, in British English.
 */
export function defineDefaultStrings(table: Partial<Translation>): void {
  Object.assign(english, table);
}

interface Entry {
  readonly code: string;
  table: Partial<Translation>;
}

/** Registered tables by lower-cased canonical code; insertion order decides language-only matches. */
const tables = new Map<string, Entry>([
  [defaultLang.toLowerCase(), { code: defaultLang, table: {} }],
]);
const listeners = new Set<() => void>();
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The canonical form of a language tag, or `undefined` if it is not a valid BCP 47 tag. Every
 * string an element draws asks for its language's (`translate`), and `Intl.getCanonicalLocales`
 * costs about a hundred times a map's lookup (3 µs against 0.03 µs a call in Node 20): remembered,
 * as a page has few tags. The memo is cleared past 64 tags, so a page that sets `lang` to ever
 * new values cannot grow it.
 */
function canonical(code: string): string | undefined {
  if (canonicalTags.has(code)) return canonicalTags.get(code);
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(code.trim())[0];
  } catch {
    tag = undefined;
  }
  if (canonicalTags.size >= 64) canonicalTags.clear();
  canonicalTags.set(code, tag);
  return tag;
}
const canonicalTags = new Map<string, string | undefined>();

/**
 * Registers (or adds strings to) the table for a language. Strings already registered for that
 * language are kept unless `table` replaces them, so a host can reword one string of en-GB.
 * Elements already on the page re-render with the new strings.
 *
 * @param code - A BCP 47 language tag, for example `cy` or `pl-PL`.
 * @param table - Some or all of the UI strings in that language.
 * @throws RangeError if `code` is not a valid language tag.
 */
export function registerTranslation(code: string, table: Partial<Translation>): void {
  const tag = canonical(code);
  if (tag === undefined) throw new RangeError(`"${code}" is not a valid BCP 47 language tag.`);
  const key = tag.toLowerCase();
  const entry = tables.get(key);
  if (entry) entry.table = { ...entry.table, ...table };
  else tables.set(key, { code: tag, table: { ...table } });
  for (const listener of listeners) listener();
}

/**
 * Calls `listener` whenever a table is registered or changed.
 *
 * @returns A function that stops the calls.
 */
export function onTranslationsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The language of an element: the `lang` attribute of the element or its nearest ancestor, crossing
 * shadow roots through their hosts. Returns `''` when no ancestor has one (or the nearest says
 * `lang=""`, "unknown" in HTML).
 *
 * @param element - Where to start looking.
 */
export function resolveLang(element: Element): string {
  let current: Element | null = element;
  while (current) {
    const found: Element | null = current.closest('[lang]');
    if (found) return found.getAttribute('lang')?.trim() ?? '';
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/**
 * The registered language that serves `lang`: the same tag, else the first registered table of the
 * same language (so `en-US` and `en` get en-GB), else {@link defaultLang}. Invalid tags get the
 * default too; they never throw.
 *
 * @param lang - A language tag, typically from {@link resolveLang}.
 */
export function matchLang(lang: string): string {
  const tag = canonical(lang);
  if (tag === undefined) return defaultLang;
  const exact = tables.get(tag.toLowerCase());
  if (exact) return exact.code;
  const language = tag.split('-')[0]!.toLowerCase();
  for (const [key, entry] of tables) {
    if (key.split('-')[0] === language) return entry.code;
  }
  return defaultLang;
}

/**
 * Languages written with Latin digits (0-9) in every region, by CLDR's default numbering system:
 * those of schools in England and of the languages their pupils speak most, kept short on purpose.
 * A tag with a script or an extension (`pa-Arab`, `en-u-nu-arab`) is not on it.
 */
const LATIN_DIGITS =
  /^(?:en|cy|ga|gd|kw|pl|ro|pt|es|fr|de|it|nl|tr|sq|so|lt|lv|et|hu|cs|sk|sl|hr|bs|bg|uk|ru|el|sv|da|nb|nn|fi|yo|ig|sw|tl)(?:-[a-z]{2})?$/i;

/**
 * Whether `value` is written as plain digits in `tag`: a whole number from 0 to 999 (no grouping,
 * no sign) in a language on {@link LATIN_DIGITS}. Those skip `Intl.NumberFormat`, whose first use
 * in a page costs a slow laptop 80-270 ms (measured in Chromium at 4x CPU) on the way to a pupil's
 * first question. Everything else is formatted by the locale.
 */
function plainDigits(tag: string, value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < 1000 && LATIN_DIGITS.test(tag);
}

/**
 * Fills a message's placeholders. A {@link PluralMessage} picks its form with `Intl.PluralRules` for
 * `params.count` (`other` when `count` is not a number or the form is missing). Numbers are
 * formatted with `Intl.NumberFormat` for `locale` (a small whole number in a language written with
 * Latin digits, as plain digits, which is what it would give). A placeholder without a value stays as written,
 * so a mistake is visible rather than silently blank.
 *
 * @param locale - The language to format for (pass the language the message is written in).
 * @param message - The message.
 * @param params - Placeholder values.
 */
export function format(locale: string, message: Message, params: MessageParams = {}): string {
  const tag = canonical(locale) ?? defaultLang;
  let template: string;
  if (typeof message === 'string') {
    template = message;
  } else {
    const count = params['count'];
    template =
      typeof count === 'number' && Number.isFinite(count)
        ? (message[cached(pluralRules, tag, () => new Intl.PluralRules(tag)).select(count)] ??
          message.other)
        : message.other;
  }
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    if (typeof value === 'number') {
      if (plainDigits(tag, value)) return String(value);
      return cached(numberFormats, tag, () => new Intl.NumberFormat(tag)).format(value);
    }
    return value;
  });
}

/**
 * A UI string in the language that best serves `lang` (see {@link matchLang}), falling back to
 * en-GB for strings that language's table lacks.
 *
 * @param lang - The language wanted, typically from {@link resolveLang}.
 * @param key - Which string.
 * @param params - Its placeholder values.
 */
export function translate<K extends TranslationKey>(
  lang: string,
  key: K,
  params: TranslationParams[K],
): string {
  const code = matchLang(lang);
  const message = tables.get(code.toLowerCase())?.table[key];
  // A string missing from a partial table is formatted as the English it falls back to; a key
  // whose element has not loaded shows as the key, visibly wrong rather than blank.
  return message === undefined
    ? format(defaultLang, english[key] ?? key, params)
    : format(code, message, params);
}

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}
