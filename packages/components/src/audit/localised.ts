/**
 * Small display helpers shared by `<at-audit>` and `<at-action-plan>`.
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
export function localisedText(text: LocalisedText, lang: string, fallback: string): string {
  if (lang && text[lang] !== undefined) return text[lang];
  const language = lang.split('-')[0]?.toLowerCase();
  const sameLanguage = Object.keys(text).find((k) => k.split('-')[0]!.toLowerCase() === language);
  if (sameLanguage) return text[sameLanguage]!;
  return text[fallback] ?? Object.values(text)[0] ?? '';
}

/** A score for display: one decimal place, rounded half away from zero. */
export const round1 = (x: number): number => Math.sign(x) * (Math.round(Math.abs(x) * 10) / 10);

/** A random UUID (W10: `crypto.randomUUID`, with a `getRandomValues` fallback outside secure contexts). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

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
