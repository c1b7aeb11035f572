/**
 * The words for a hidden figure (reliability.md D9): one plain-English note per reason, with the
 * thresholds filled in from the disclosure settings, counting pupils or (for adults) people.
 * Which figures are hidden is `disclosure.ts`; this is only how the reason is said.
 */
import {
  DEFAULT_DISCLOSURE_CONTROL,
  type DisclosureControl,
  type SuppressionReason,
} from '@all-together/model';

/** "1 school", "3 pupils". */
export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Whom the figures count: `pupils` (the pupil questionnaires) or `people` (adults: perception
 * surveys, staff training), so a note about delegates never says "pupils".
 */
export type NoteSubject = 'pupils' | 'people';

const counted = (n: number, subject: NoteSubject) =>
  subject === 'people' ? `${n} ${n === 1 ? 'person' : 'people'}` : plural(n, 'pupil');

/**
 * A plain-English note for each reason, with the thresholds filled in from the settings. Show one
 * note per reason used in a table (as a footnote), not a different note per cell.
 *
 * @example
 * SUPPRESSION_NOTES.base(DEFAULT_DISCLOSURE_CONTROL);
 * // 'Fewer than 10 pupils — hidden to protect privacy'
 * SUPPRESSION_NOTES.base(DEFAULT_DISCLOSURE_CONTROL, 'people');
 * // 'Fewer than 10 people — hidden to protect privacy'
 */
export const SUPPRESSION_NOTES: Readonly<
  Record<SuppressionReason, (control: DisclosureControl, subject?: NoteSubject) => string>
> = {
  total: (c, who = 'pupils') =>
    `Fewer than ${counted(c.minCellSize, who)} in all — every figure is hidden to protect privacy`,
  base: (c, who = 'pupils') =>
    `Fewer than ${counted(c.minCellSize, who)} — hidden to protect privacy`,
  complementary: () =>
    'Hidden so that another hidden figure cannot be worked out from the ones shown',
  'small-base': (c, who = 'pupils') =>
    `Fewer than ${counted(c.minBaseForPercentage, who)} — too few to show how many, a percentage or an average safely`,
  'rounds-to-zero': (c) =>
    `More than 0 but fewer than ${Math.ceil(c.roundTo / 2)} — figures shared outside the school are rounded to the nearest ${c.roundTo}`,
  'no-pupils': (_c, who = 'pupils') =>
    who === 'people' ? 'No one in this group' : 'No pupils in this group',
  'not-both-waves': () =>
    'No change shown — a change needs the figure shown at both the start and the end',
  'no-comparator': (c, who = 'pupils') =>
    `Not available — the rest of the area needs at least ${plural(c.minSchoolsForComparator, 'school')} with at least ${counted(c.minCellSize, who)} each`,
};

/**
 * The plain-English note for a reason, with k and the other thresholds from `control`.
 *
 * @param reason Why the figure is not shown.
 * @param control Disclosure settings; default `DEFAULT_DISCLOSURE_CONTROL`.
 * @param subject Whom the figures count: `pupils` (default) or `people` (adults).
 *
 * @example
 * suppressionNote('base'); // 'Fewer than 10 pupils — hidden to protect privacy'
 * suppressionNote('base', DisclosureControl.parse({ minCellSize: 5 }));
 * // 'Fewer than 5 pupils — hidden to protect privacy'
 * suppressionNote('base', undefined, 'people'); // 'Fewer than 10 people — hidden to protect privacy'
 */
export function suppressionNote(
  reason: SuppressionReason,
  control: DisclosureControl = DEFAULT_DISCLOSURE_CONTROL,
  subject: NoteSubject = 'pupils',
): string {
  return SUPPRESSION_NOTES[reason](control, subject);
}
