import * as z from 'zod';

/**
 * Who is looking. Rounding and some thresholds apply outside the school's own view (domain.md §7).
 */
export const ViewerLevel = z.enum(['school', 'trust', 'local-authority', 'national']);
export type ViewerLevel = z.infer<typeof ViewerLevel>;

/**
 * The GSS symbols for values not shown: `[c]` confidential (suppressed), `[low]` a low figure,
 * `[x]` unavailable, `[z]` not applicable. Never show a hidden value as 0.
 */
export const SuppressionSymbol = z.enum(['[c]', '[low]', '[x]', '[z]']);
export type SuppressionSymbol = z.infer<typeof SuppressionSymbol>;

/**
 * Disclosure control settings. On by default everywhere; `DisclosureControl.parse({})` gives the
 * defaults of domain.md §7 and reliability.md D1–D9.
 */
export const DisclosureControl = z
  .strictObject({
    /** A count or percentage is hidden when fewer pupils than this are behind it (k). */
    minCellSize: z.int().min(1).default(10),
    /** A percentage needs at least this base. */
    minBaseForPercentage: z.int().min(1).default(20),
    /** Hide further cells so that a hidden cell cannot be worked out from a total (D2, D3). */
    complementarySuppression: z.boolean().default(true),
    /** An LA or MAT comparison needs at least this many schools (D6). */
    minSchoolsForComparator: z.int().min(1).default(3),
    /** Counts shown outside the school's own view are rounded to a multiple of this (1 = no rounding). */
    roundTo: z.int().min(1).default(5),
    /** Below this level, no cross-tabulation of two characteristics is shown (D3). */
    minLevelForCrossTabs: ViewerLevel.default('trust'),
    /** LGBT identity is never shown below this level. */
    minLevelForLgbt: ViewerLevel.default('local-authority'),
    /**
     * Adults' answers (perception surveys, training confidence): a figure about fewer people than
     * this is hidden. Counted in people, never answers.
     */
    minAdults: z.int().min(1).default(10),
  })
  .refine((d) => d.minBaseForPercentage >= d.minCellSize, {
    message: 'The minimum base for a percentage cannot be below the minimum cell size.',
    path: ['minBaseForPercentage'],
  });
export type DisclosureControl = z.infer<typeof DisclosureControl>;

/** The defaults, parsed once. */
export const DEFAULT_DISCLOSURE_CONTROL: DisclosureControl = DisclosureControl.parse({});
