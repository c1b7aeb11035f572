import * as z from 'zod';
import {
  Audience,
  DefinitionId,
  IndicatorDeclaration,
  LocaleCode,
  LocalisedText,
  Scale,
  Section,
  SectionId,
  SchemaReference,
  SemVer,
  checkLocales,
} from '@all-together/model';

/**
 * A piece of a questionnaire that a deployment can add: sections (and any scales their items
 * belong to), for example the opt-in identity questions or another wellbeing measure. A fragment is
 * checked on its own for shape and locales, and again, with every cross-field rule, once composed
 * into a definition.
 */
export const QuestionnaireFragment = z
  .strictObject({
    /** The file's JSON Schema, for editors; ignored by parsing. */
    $schema: SchemaReference.optional(),
    kind: z.literal('fragment'),
    id: DefinitionId,
    version: SemVer,
    title: LocalisedText,
    /** What it adds and when to use it, for the people configuring a deployment. */
    description: LocalisedText,
    /** The audiences it may be added to. */
    audiences: z.array(Audience).min(1),
    locales: z.array(LocaleCode).min(1),
    defaultLocale: LocaleCode,
    sections: z.array(Section).min(1),
    scales: z.array(Scale).default([]),
    /** What each indicator its items produce means; joins the definition's declarations. */
    indicators: z.array(IndicatorDeclaration).default([]),
    /** Where its sections go: before or after a section of the definition, or at the end. */
    placement: z
      .union([z.strictObject({ before: SectionId }), z.strictObject({ after: SectionId })])
      .optional(),
    /** What the fragment rests on, and credits. */
    basis: LocalisedText.optional(),
  })
  .superRefine((fragment, ctx) => {
    for (const p of checkLocales(fragment, fragment.locales))
      ctx.addIssue({ code: 'custom', ...p });
  });
export type QuestionnaireFragment = z.infer<typeof QuestionnaireFragment>;
