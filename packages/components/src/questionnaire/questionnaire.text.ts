/**
 * A definition's words in the element's language: the definition locale that serves a `lang`,
 * texts with `{parameters}` filled in, and what read-aloud speaks for an item.
 *
 * @module
 */
import type { Item, LocalisedText, QuestionnaireDefinition } from '@all-together/model';
import { localisedText } from '../shared/text.js';

/** The definition locale that serves `lang`: the same tag, else the same language, else the default. */
export function localeFor(definition: QuestionnaireDefinition, lang: string): string {
  const want = (lang || definition.defaultLocale).toLowerCase();
  return (
    definition.locales.find((l) => l.toLowerCase() === want) ??
    definition.locales.find((l) => l.split('-')[0]!.toLowerCase() === want.split('-')[0]) ??
    definition.defaultLocale
  );
}

/**
 * A function giving a definition text in `locale`, with `{name}` placeholders filled from
 * `parameters` (the host's) or the definition's own; an unknown placeholder stays as written.
 */
export function textsOf(
  definition: QuestionnaireDefinition,
  locale: string,
  parameters: Readonly<Record<string, string>> | undefined,
): (text: LocalisedText | undefined) => string {
  const fallback = definition.defaultLocale;
  return (text) =>
    text
      ? localisedText(text, locale, fallback).replace(
          /\{([a-zA-Z][a-zA-Z0-9]*)\}/g,
          (all, name: string) => {
            const p = parameters?.[name] ?? definition.parameters[name];
            return p === undefined
              ? all
              : typeof p === 'string'
                ? p
                : localisedText(p, locale, fallback);
          },
        )
      : '';
}

/** What read-aloud speaks for an item, in order: the question (or its `readAloud`), then each option. */
export function spokenParts(item: Item, text: (t: LocalisedText | undefined) => string): string[] {
  const parts = [text(item.readAloud) || [text(item.text), text(item.hint)].join('. ')];
  if (item.type === 'free-text') parts.push(text(item.warning));
  else for (const o of item.options) parts.push(text(o.readAloud) || text(o.label));
  return parts.filter(Boolean);
}
