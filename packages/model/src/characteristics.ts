import * as z from 'zod';

/**
 * Pupil characteristics (domain.md §7). Each field is optional (asked only where a deployment needs
 * it) and every value set includes `prefer-not-to-say`; `unknown` is for records that do not say.
 * No field is free text, so nothing here can identify a child by name.
 */
const withPreferNot = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum([...values, 'prefer-not-to-say']);

/** School year: Reception (`R`) to Year 13. */
export const YearGroup = withPreferNot([
  'R',
  'Y1',
  'Y2',
  'Y3',
  'Y4',
  'Y5',
  'Y6',
  'Y7',
  'Y8',
  'Y9',
  'Y10',
  'Y11',
  'Y12',
  'Y13',
]);
export type YearGroup = z.infer<typeof YearGroup>;

/** Sex as recorded by the school census. */
export const Sex = withPreferNot(['male', 'female', 'unknown']);
export type Sex = z.infer<typeof Sex>;

/** Self-described gender: secondary only, and only where the tenant opts in. */
export const Gender = withPreferNot(['girl', 'boy', 'non-binary', 'another-way']);
export type Gender = z.infer<typeof Gender>;

/** SEN provision: `E` an EHC plan, `K` SEN support, `N` none. */
export const SenStatus = withPreferNot(['E', 'K', 'N', 'unknown']);
export type SenStatus = z.infer<typeof SenStatus>;

/** A yes / no characteristic (FSM, EAL, looked-after, young carer). */
export const YesNoUnknown = withPreferNot(['yes', 'no', 'unknown']);
export type YesNoUnknown = z.infer<typeof YesNoUnknown>;

/** Ethnicity, as the GSS harmonised major groups. */
export const Ethnicity = withPreferNot(['asian', 'black', 'mixed', 'white', 'other', 'unknown']);
export type Ethnicity = z.infer<typeof Ethnicity>;

/** LGBT identity: secondary only, opt-in per tenant, never shown below LA level by default. */
export const LgbtIdentity = withPreferNot(['yes', 'no', 'not-sure']);
export type LgbtIdentity = z.infer<typeof LgbtIdentity>;

/** Where a response's characteristics came from (reliability.md P1). */
export const CharacteristicsSource = z.enum(['self-report', 'school-records']);
export type CharacteristicsSource = z.infer<typeof CharacteristicsSource>;

/** The characteristics that may accompany a response. */
export const PupilCharacteristics = z.strictObject({
  source: CharacteristicsSource.default('self-report'),
  yearGroup: YearGroup.optional(),
  sex: Sex.optional(),
  gender: Gender.optional(),
  sen: SenStatus.optional(),
  fsm: YesNoUnknown.optional(),
  eal: YesNoUnknown.optional(),
  ethnicity: Ethnicity.optional(),
  lookedAfter: YesNoUnknown.optional(),
  youngCarer: YesNoUnknown.optional(),
  lgbt: LgbtIdentity.optional(),
});
export type PupilCharacteristics = z.infer<typeof PupilCharacteristics>;

/** The name of each characteristic field, for items that ask one and for breakdowns. */
export const Characteristic = z.enum([
  'yearGroup',
  'sex',
  'gender',
  'sen',
  'fsm',
  'eal',
  'ethnicity',
  'lookedAfter',
  'youngCarer',
  'lgbt',
]);
export type Characteristic = z.infer<typeof Characteristic>;

/** The allowed values of each characteristic. */
export const CHARACTERISTIC_VALUES: Readonly<Record<Characteristic, readonly string[]>> = {
  yearGroup: YearGroup.options,
  sex: Sex.options,
  gender: Gender.options,
  sen: SenStatus.options,
  fsm: YesNoUnknown.options,
  eal: YesNoUnknown.options,
  ethnicity: Ethnicity.options,
  lookedAfter: YesNoUnknown.options,
  youngCarer: YesNoUnknown.options,
  lgbt: LgbtIdentity.options,
};

/**
 * Identity characteristics: never asked of KS1 or KS2 pupils, and off for secondary unless the tenant
 * enables them (reliability.md P4).
 */
export const IDENTITY_CHARACTERISTICS: readonly Characteristic[] = ['gender', 'lgbt'];
