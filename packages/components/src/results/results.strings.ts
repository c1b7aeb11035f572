/**
 * UI strings of `<at-results>`: the keys, their parameters, and the British English text.
 * `shared/i18n.ts` merges every element's strings into one typed table. Prefix keys with
 * `results` so they cannot clash with another element's.
 *
 * @module
 */

/** The UI strings of `<at-results>`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the element lands
export interface ResultsStrings {}

/** The parameters each `<at-results>` string takes (`Record<string, never>` for none). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the element lands
export interface ResultsStringParams {}

/** British English. */
export const resultsStrings: ResultsStrings = {};
