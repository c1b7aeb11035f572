import { collectLocalisedTexts } from './text.js';

/** A path into a value, as zod reports it. */
export type Path = (string | number)[];

/** Every LocalisedText in `value` must give the text in every declared locale, and no other. */
export function checkLocales(
  value: unknown,
  locales: readonly string[],
): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  for (const { path, text } of collectLocalisedTexts(value)) {
    for (const locale of locales) {
      if (!(locale in text))
        problems.push({ path: [...path, locale], message: `The ${locale} text is missing.` });
    }
    for (const locale of Object.keys(text)) {
      if (!locales.includes(locale)) {
        problems.push({
          path: [...path, locale],
          message: `"${locale}" is not one of this definition's locales.`,
        });
      }
    }
  }
  return problems;
}
