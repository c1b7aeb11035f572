/**
 * UI strings of `<at-questionnaire>`: the keys, their parameters, and the British English text.
 * `shared/i18n.ts` merges every element's strings into one typed table. Prefix keys with
 * `questionnaire` so they cannot clash with another element's.
 *
 * @module
 */

/** The UI strings of `<at-questionnaire>`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the element lands
export interface QuestionnaireStrings {}

/** The parameters each `<at-questionnaire>` string takes (`Record<string, never>` for none). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the element lands
export interface QuestionnaireStringParams {}

/** British English. */
export const questionnaireStrings: QuestionnaireStrings = {};
