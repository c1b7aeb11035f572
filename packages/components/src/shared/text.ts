/**
 * Small display helpers every element shares: the one localised-text picker of the package, and
 * number formats.
 *
 * @module
 */
import type { LocalisedText } from '@all-together/model';

/**
 * Text from a definition in the element's language: the exact tag, else the same language, else the
 * definition's default locale, else the first text given.
 *
 * @param text - The localised text.
 * @param lang - The element's language (may be `''`).
 * @param fallback - The definition's default locale.
 */
export function localisedText(
  text: Readonly<LocalisedText> | Readonly<Record<string, string>>,
  lang: string,
  fallback: string,
): string {
  const keys = Object.keys(text);
  const want = lang.toLowerCase();
  const exact = want ? keys.find((k) => k.toLowerCase() === want) : undefined;
  const language = want.split('-')[0];
  const same = language ? keys.find((k) => k.split('-')[0]!.toLowerCase() === language) : undefined;
  return text[exact ?? same ?? fallback] ?? Object.values(text)[0] ?? '';
}

/** A score for display: one decimal place, rounded half away from zero. */
export const round1 = (x: number): number => Math.sign(x) * (Math.round(Math.abs(x) * 10) / 10);

/**
 * A number with its sign (+41.7, −3, 0) in the given language, at most one decimal place. An
 * invalid or empty language tag falls back to en-GB rather than throwing in render.
 */
export function signed(lang: string, x: number): string {
  const options: Intl.NumberFormatOptions = { signDisplay: 'exceptZero', maximumFractionDigits: 1 };
  try {
    return new Intl.NumberFormat(lang || 'en-GB', options).format(x);
  } catch {
    return new Intl.NumberFormat('en-GB', options).format(x);
  }
}
