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

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends ProgressStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends ProgressStringParams {}
}
