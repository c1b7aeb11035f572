import * as z from 'zod';
import {
  Audience,
  DefinitionId,
  Link,
  LocaleCode,
  LocalisedText,
  Parameters,
  SchemaReference,
  SectionId,
  SemVer,
  checkLocales,
  type Path,
} from '@all-together/model';

/** One part of an information document: a heading, paragraphs, an optional list and links. */
export const DocumentSection = z.strictObject({
  /** Stable, so a page can link to a part (`#how-to-report`) and a test can check it is there. */
  id: SectionId,
  title: LocalisedText,
  paragraphs: z.array(LocalisedText).min(1, 'A section needs at least one paragraph.'),
  /** A bulleted list after the paragraphs, for example signs to look for. */
  points: z.array(LocalisedText).default([]),
  /** Where to find more, or help: `https:`, `mailto:` or `tel:` links (W1). */
  links: z.array(Link).default([]),
});
export type DocumentSection = z.infer<typeof DocumentSection>;

/**
 * Information to read, not a questionnaire: for example what parents and carers need to know about
 * bullying and the school's approach. Versioned and localised like a definition; every string is
 * plain text (W1); `{parameters}` let a portal put in the school's own details (a named contact),
 * each with a default that is true for any school.
 */
export const InformationDocument = z
  .strictObject({
    /** The file's JSON Schema, for editors; ignored by parsing. */
    $schema: SchemaReference.optional(),
    kind: z.literal('document'),
    id: DefinitionId,
    version: SemVer,
    title: LocalisedText,
    /** Who it is written for. */
    audience: Audience,
    locales: z.array(LocaleCode).min(1),
    defaultLocale: LocaleCode,
    /** One or two sentences under the title. */
    summary: LocalisedText,
    parameters: Parameters,
    sections: z.array(DocumentSection).min(1),
    /** What it rests on, and credits. */
    basis: LocalisedText.optional(),
  })
  .superRefine((doc, ctx) => {
    for (const p of checkDocument(doc)) ctx.addIssue({ code: 'custom', ...p });
  });
export type InformationDocument = z.infer<typeof InformationDocument>;

function checkDocument(doc: Omit<InformationDocument, 'kind'>): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  if (!doc.locales.includes(doc.defaultLocale))
    problems.push({
      path: ['defaultLocale'],
      message: `The default locale "${doc.defaultLocale}" is not among the locales.`,
    });
  const ids = new Set<string>();
  doc.sections.forEach((s, i) => {
    if (ids.has(s.id))
      problems.push({
        path: ['sections', i, 'id'],
        message: `Section id "${s.id}" is used twice.`,
      });
    ids.add(s.id);
  });
  const declared = new Set(Object.keys(doc.parameters));
  const scan = (value: unknown, path: Path) => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g))
        if (!declared.has(m[1]!))
          problems.push({ path, message: `"{${m[1]}}" is not a declared parameter.` });
    } else if (Array.isArray(value)) value.forEach((v, i) => scan(v, [...path, i]));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) scan(v, [...path, k]);
  };
  scan(doc.sections, ['sections']);
  scan(doc.summary, ['summary']);
  problems.push(...checkLocales(doc, doc.locales));
  return problems;
}

/**
 * A document's texts in one locale with `{parameters}` filled in: the host's values first, then
 * the document's defaults. For pages that show the document.
 *
 * @example
 * const info = getDocument('parent-information');
 * const text = documentText(info, 'en-GB', { reportContact: 'Ms Patel, our anti-bullying lead' });
 * text(info.sections[3]!.paragraphs[0]!); // "Tell Ms Patel, our anti-bullying lead. You can speak…"
 */
export function documentText(
  doc: Pick<InformationDocument, 'parameters' | 'defaultLocale'>,
  locale: string,
  parameters: Readonly<Record<string, string>> = {},
): (text: LocalisedText) => string {
  return (text) =>
    (text[locale] ?? text[doc.defaultLocale] ?? '').replace(
      /\{([a-zA-Z][a-zA-Z0-9]*)\}/g,
      (whole, name: string) =>
        parameters[name] ??
        doc.parameters[name]?.[locale] ??
        doc.parameters[name]?.[doc.defaultLocale] ??
        whole,
    );
}
