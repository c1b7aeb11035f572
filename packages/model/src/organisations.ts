import * as z from 'zod';
import { LocalAuthorityCode, TrustId, Urn } from './ids.js';
import { PlainText } from './text.js';

const Name = PlainText(200).min(1, 'A name must not be empty.');

/** A local authority in England. */
export const LocalAuthority = z.strictObject({
  code: LocalAuthorityCode,
  name: Name,
});
export type LocalAuthority = z.infer<typeof LocalAuthority>;

/** A multi-academy trust (MAT). */
export const Trust = z.strictObject({
  id: TrustId,
  name: Name,
  /** Companies House number, when the trust wants it shown. */
  companyNumber: z
    .string()
    .regex(/^(?:\d{8}|[A-Z]{2}\d{6})$/, 'A company number is 8 characters, for example 01234567.')
    .optional(),
});
export type Trust = z.infer<typeof Trust>;

/** A school's phase of education, as recorded in Get Information about Schools (simplified). */
export const SchoolPhase = z.enum([
  'primary',
  'secondary',
  'special',
  'alternative-provision',
  'all-through',
]);
export type SchoolPhase = z.infer<typeof SchoolPhase>;

/** A school taking part in the programme. */
export const School = z.strictObject({
  urn: Urn,
  name: Name,
  phase: SchoolPhase,
  /** The local authority the school sits in. */
  localAuthority: LocalAuthorityCode,
  /** The trust the school belongs to, or null for a maintained or standalone school. */
  trust: TrustId.nullable().default(null),
});
export type School = z.infer<typeof School>;
