/**
 * UI strings of `<at-progress>`: the keys, their parameters, and the British English text.
 * `shared/i18n.ts` merges every element's strings into one typed table.
 *
 * @module
 */

/** The UI strings of `<at-progress>`. */
export interface ProgressStrings {
  /** Text such as "Question 3 of 12". Placeholders `{current}`, `{total}`. */
  readonly progressLabel: string;
}

/** The parameters each `<at-progress>` string takes. */
export interface ProgressStringParams {
  /** Parameters of {@link ProgressStrings.progressLabel}. */
  readonly progressLabel: { readonly current: number; readonly total: number };
}

/** British English. */
export const progressStrings: ProgressStrings = {
  progressLabel: 'Question {current} of {total}',
};
