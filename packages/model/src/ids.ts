import * as z from 'zod';
import { SLUG_MAX, SLUG_PATTERN, URN_PATTERN } from './patterns.js';

/**
 * Branded identifiers. A brand makes a school URN and a trust id different types even though both are
 * strings, so one can never be passed where the other is expected.
 */

/** A school's Unique Reference Number: six digits, as in Get Information about Schools. */
export const Urn = z
  .string()
  .regex(URN_PATTERN, 'A school URN is six digits, for example 123456.')
  .brand<'Urn'>();
export type Urn = z.infer<typeof Urn>;

/** A local authority's three-digit code (for example 873 for Cambridgeshire). */
export const LocalAuthorityCode = z
  .string()
  .regex(/^\d{3}$/, 'A local authority code is three digits, for example 873.')
  .brand<'LocalAuthorityCode'>();
export type LocalAuthorityCode = z.infer<typeof LocalAuthorityCode>;

const slug = (what: string, example: string) =>
  z
    .string()
    .min(1, `${what} must not be empty.`)
    .max(SLUG_MAX, `${what} is at most ${SLUG_MAX} characters.`)
    .regex(
      SLUG_PATTERN,
      `${what} uses lower-case letters, digits and single - _ . separators, for example "${example}".`,
    );

/** A trust's identifier (the DfE group UID or the tenant's own slug). */
export const TrustId = slug('A trust id', 'north-star-trust').brand<'TrustId'>();
export type TrustId = z.infer<typeof TrustId>;

/** A questionnaire or audit definition's id, stable across its versions. */
export const DefinitionId = slug('A definition id', 'pupil-ks2').brand<'DefinitionId'>();
export type DefinitionId = z.infer<typeof DefinitionId>;

/** An item's id as a record key (unbranded, so answers can be indexed by plain strings). */
export const ItemKey = slug('An item id', 'bullied-face-to-face');

/** An item's id, unique within its definition. */
export const ItemId = ItemKey.brand<'ItemId'>();
export type ItemId = z.infer<typeof ItemId>;

/** A section's id, unique within its definition. */
export const SectionId = slug('A section id', 'being-bullied').brand<'SectionId'>();
export type SectionId = z.infer<typeof SectionId>;

/**
 * A choice option's stored value, unique within its item. Not branded: values are compared with
 * answers, which arrive as plain strings.
 */
export const OptionValue = z
  .string()
  .min(1, 'An option value must not be empty.')
  .max(80, 'An option value is at most 80 characters.')
  .regex(
    // Upper case is allowed for official codes such as SEN status E / K / N and year groups Y1–Y13.
    /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/,
    'An option value uses letters, digits and single - _ . separators, for example "once-or-twice".',
  );
export type OptionValue = z.infer<typeof OptionValue>;

/** An audit statement's number as a record key (unbranded). */
export const StatementKey = z
  .string()
  .regex(/^[1-9]\d?\.[1-9]\d?$/, 'A statement id is "area.statement", for example "2.4".');

/** An audit statement's number, `area.statement`, for example "2.4". */
export const StatementId = StatementKey.brand<'StatementId'>();
export type StatementId = z.infer<typeof StatementId>;

/** A programme round's id. */
export const RoundId = slug('A round id', '2026-27-baseline').brand<'RoundId'>();
export type RoundId = z.infer<typeof RoundId>;

const uuid = (what: string) =>
  z.string().regex(
    // Version and variant nibbles are checked loosely: any RFC 9562 UUID is acceptable as an id.
    /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    `${what} is a lower-case UUID made on the device (crypto.randomUUID()).`,
  );

/** A response's id, generated on the pupil's device so a retried submission is recognised (S13). */
export const ResponseId = uuid('A response id').brand<'ResponseId'>();
export type ResponseId = z.infer<typeof ResponseId>;

/** An action plan's, objective's, action's or review's id: random, never a serial. */
export const RecordId = uuid('A record id').brand<'RecordId'>();
export type RecordId = z.infer<typeof RecordId>;

/** A semantic version, for example "1.2.0". */
export const SemVer = z
  .string()
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/,
    'A version is semantic, for example "1.0.0".',
  );
export type SemVer = z.infer<typeof SemVer>;

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date({
  message: 'A date is written YYYY-MM-DD, for example 2026-09-01.',
});
export type IsoDate = z.infer<typeof IsoDate>;

/** A moment in time with its offset, for example `2026-09-01T09:30:00Z`. */
export const IsoDateTime = z.iso.datetime({
  offset: true,
  message: 'A time is an ISO 8601 date-time with an offset, for example 2026-09-01T09:30:00Z.',
});
export type IsoDateTime = z.infer<typeof IsoDateTime>;
