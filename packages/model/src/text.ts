import * as z from 'zod';

/**
 * A BCP 47 locale code such as `en-GB` or `cy-GB`. Pseudo-locales used in tests (`en-XA`) fit the
 * same pattern.
 */
export const LocaleCode = z
  .string()
  .regex(
    /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/,
    'A locale is a BCP 47 code such as "en-GB".',
  );
export type LocaleCode = z.infer<typeof LocaleCode>;

// Characters that can disguise or corrupt text: NUL (PostgreSQL rejects it in text), the other C0
// controls except tab and newlines, and the bidirectional overrides used to spoof reading order.
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string has a UTF-16 surrogate without its partner (it cannot be stored as UTF-8). */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/**
 * Plain text: never markup. Definitions are data and every string renders as text (reliability.md
 * W1), so markup is not stripped here, it is simply never interpreted. Control characters,
 * bidirectional overrides and lone surrogates are refused with a message.
 */
export const PlainText = (max = 2000) =>
  z
    .string()
    .max(max, `Text is at most ${max} characters.`)
    .refine((s) => !UNSAFE_CHARACTERS.test(s), {
      message: 'Text contains a control or text-direction override character.',
    })
    .refine((s) => !hasLoneSurrogate(s), {
      message: 'Text contains a broken (lone surrogate) character.',
    });

/**
 * Text in one or more locales, keyed by locale code: `{ "en-GB": "I feel safe at school" }`.
 * Every definition declares its `locales`, and every LocalisedText in it must have all of them.
 */
export const LocalisedText = z
  .record(LocaleCode, PlainText(2000).min(1, 'Text must not be empty.'))
  .refine((t) => Object.keys(t).length > 0, { message: 'Give the text in at least one locale.' });
export type LocalisedText = z.infer<typeof LocalisedText>;

/**
 * A link target: `https:`, `mailto:`, `tel:` or a relative path. `javascript:` and other schemes are
 * refused (W1).
 */
export const SafeUrl = z
  .string()
  .max(2000)
  .refine(
    (u) => {
      const trimmed = u.trim();
      if (/^(https:\/\/|mailto:|tel:)/i.test(trimmed)) return !/\s/.test(trimmed);
      // Relative: no scheme at all (a colon before the first slash would be a scheme).
      return (
        trimmed.length > 0 && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('//')
      );
    },
    { message: 'A link must start with https://, mailto: or tel:, or be a relative path.' },
  );
export type SafeUrl = z.infer<typeof SafeUrl>;

/** A titled link, for guidance resources and signposting. */
export const Link = z.strictObject({
  title: LocalisedText,
  url: SafeUrl,
});
export type Link = z.infer<typeof Link>;

/**
 * Finds every LocalisedText in a parsed value: an object whose keys are all locale codes and whose
 * values are all strings. Used to check that a definition gives every text in every locale it
 * declares, and by tests that build a pseudo-locale.
 */
export function collectLocalisedTexts(
  value: unknown,
  path: (string | number)[] = [],
  out: { path: (string | number)[]; text: Record<string, string> }[] = [],
): { path: (string | number)[]; text: Record<string, string> }[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectLocalisedTexts(v, [...path, i], out));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const isText =
      entries.length > 0 &&
      entries.every(([k, v]) => typeof v === 'string' && LocaleCode.safeParse(k).success);
    if (isText) out.push({ path, text: value as Record<string, string> });
    else for (const [k, v] of entries) collectLocalisedTexts(v, [...path, k], out);
  }
  return out;
}

/**
 * A definition file's `"$schema"` line: the JSON Schema an author's editor checks the file with,
 * for example `"../node_modules/@all-together/model/schema/questionnaire-definition.json"`. It is
 * accepted so that such a file parses; nothing else reads it.
 */
export const SchemaReference = PlainText(2000).describe(
  'The JSON Schema an editor validates this file with; ignored when the definition is parsed.',
);
