/**
 * UI strings of `<at-audit>`: the keys, their parameters, and the British English text.
 * `shared/i18n.ts` merges every element's strings into one typed table. Prefix keys with
 * `audit` so they cannot clash with another element's.
 *
 * @module
 */

/** The UI strings of `<at-audit>`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the element lands
export interface AuditStrings {}

/** The parameters each `<at-audit>` string takes (`Record<string, never>` for none). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the element lands
export interface AuditStringParams {}

/** British English. */
export const auditStrings: AuditStrings = {};
