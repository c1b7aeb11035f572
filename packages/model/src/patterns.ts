/**
 * The shapes of ids as plain patterns, shared by the zod schemas (ids.ts, round.ts) and the
 * zod-free rules (rules.ts), so that both say the same. Internal: not exported from the package.
 */

/** A school URN: six digits, not starting with 0. */
export const URN_PATTERN = /^[1-9]\d{5}$/;
/** Lower-case letters and digits in words joined by single `-`, `_` or `.`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
/** The longest slug. */
export const SLUG_MAX = 80;
/** The two waves of a programme year. */
export const WAVES = ['baseline', 'end'] as const;
