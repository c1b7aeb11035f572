/**
 * UI strings of `<at-action-plan>`: the keys, their parameters, and the British English text.
 * `shared/i18n.ts` merges every element's strings into one typed table. Prefix keys with
 * `actionPlan` so they cannot clash with another element's.
 *
 * @module
 */

/** The UI strings of `<at-action-plan>`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the element lands
export interface ActionPlanStrings {}

/** The parameters each `<at-action-plan>` string takes (`Record<string, never>` for none). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the element lands
export interface ActionPlanStringParams {}

/** British English. */
export const actionPlanStrings: ActionPlanStrings = {};
