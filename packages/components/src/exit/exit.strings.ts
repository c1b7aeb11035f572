/**
 * UI strings of `<at-exit-this-page>`: the keys, their parameters, and the British English text.
 * Read by pupils from age 4 (A10): short words, one idea per sentence.
 *
 * @module
 */

type None = Record<string, never>;

/** The UI strings of `<at-exit-this-page>`. */
export interface ExitStrings {
  /** The button. */
  readonly exitButton: string;
  /** The keyboard shortcut, under the button. */
  readonly exitHint: string;
}

/** The parameters each `<at-exit-this-page>` string takes. */
export type ExitStringParams = { readonly [K in keyof ExitStrings]: None };

/** British English. */
export const exitStrings: ExitStrings = {
  exitButton: 'Exit this page',
  exitHint: 'Or press Shift 3 times.',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends ExitStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends ExitStringParams {}
}
