/**
 * The questionnaire indicators an objective can be measured by, for `<at-action-plan>`'s
 * `measures` property.
 *
 * @module
 */
import * as z from 'zod';
import { DefinitionId, IndicatorMeasure, type QuestionnaireDefinition } from '@all-together/model';
import { compilePlan } from '@all-together/scoring';
import { localisedText } from '../shared/text.js';

/** One indicator offered as a measure: which questionnaire, which indicator key, and its label. */
export interface MeasureOption {
  /** The questionnaire's definition id, for example `pupil-ks2`. */
  questionnaire: string;
  /** The scoring indicator key, for example `victimisation.frequent` (a key of a summary's `info`). */
  indicator: string;
  /** What staff see in the list, for example "KS2 pupil questionnaire: frequently bullied". */
  label: string;
}

/** The schema `<at-action-plan>` parses `measures` with. */
export const MeasureOptions = z.array(
  z.strictObject({
    questionnaire: DefinitionId,
    indicator: IndicatorMeasure.shape.indicator,
    label: z.string().trim().min(1).max(300),
  }),
);

/**
 * The measures a questionnaire definition offers: every indicator its declared scoring produces
 * (`compilePlan(definition).info` from `@all-together/scoring`, the same keys a `PupilSummary`'s
 * `info` has), in that order. Pupil definitions live in `@all-together/questionnaires`; pass the
 * ones the school uses and give the result to `<at-action-plan>`'s `measures`.
 *
 * @param definition - A questionnaire definition (already valid against `QuestionnaireDefinition`).
 * @param options - `labels`: a label per indicator key (default "<title>: <key>");
 *   `lang`: the language of the title (default the definition's default locale);
 *   `only`: keep only these indicator keys.
 * @example
 * import { getQuestionnaire } from '@all-together/questionnaires';
 * const ks2 = getQuestionnaire('pupil-ks2');
 * plan.measures = measuresFrom(ks2, {
 *   only: ['victimisation.frequent', 'feelings.composite'],
 *   labels: { 'victimisation.frequent': 'Pupils bullied two or three times a month or more' },
 * });
 */
export function measuresFrom(
  definition: QuestionnaireDefinition,
  options: {
    labels?: Readonly<Record<string, string>>;
    lang?: string;
    only?: readonly string[];
  } = {},
): MeasureOption[] {
  const title = localisedText(
    definition.title,
    options.lang ?? definition.defaultLocale,
    definition.defaultLocale,
  );
  const keys = Object.keys(compilePlan(definition).info);
  const kept = options.only ? keys.filter((k) => options.only!.includes(k)) : keys;
  return kept.map((indicator) => ({
    questionnaire: definition.id,
    indicator,
    label: options.labels?.[indicator] ?? `${title}: ${indicator}`,
  }));
}
