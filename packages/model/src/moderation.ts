import * as z from 'zod';
import { AwardLevel } from './award.js';
import { IsoDate, IsoDateTime, RecordId } from './ids.js';
import { EvidenceKind } from './response.js';
import { PlainText, SafeUrl } from './text.js';

/**
 * A file attached to a portfolio item, as the server describes it after checking it: its name,
 * what its content is, its size and its SHA-256. The bytes are never part of it: a file is only
 * ever downloaded, from the host's own address.
 */
export const EvidenceFile = z.strictObject({
  name: z.string().min(1).max(120),
  type: z.string().min(1).max(120),
  size: z.int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 is 64 hexadecimal characters.'),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

/**
 * An item of a school's evidence portfolio: for one audit area or one action of the plan, with a
 * kind, a description, the day it is from, and optionally a link and a file. Nothing about it
 * identifies a pupil.
 */
export const EvidenceItem = z
  .strictObject({
    id: RecordId,
    /** The audit area (its number as text, `"3"`), or null for an item of an action. */
    area: z
      .string()
      .regex(/^[0-9]{1,2}$/)
      .nullable(),
    /** The action of the plan, or null for an item of an area. */
    action: z.string().min(1).max(80).nullable(),
    kind: EvidenceKind,
    description: PlainText(2000).min(1),
    date: IsoDate,
    url: SafeUrl.nullable(),
    file: EvidenceFile.nullable(),
  })
  .refine((i) => (i.area === null) !== (i.action === null), {
    message: 'An item is for one audit area or one action.',
    path: ['area'],
  });
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/** What a moderator decides: confirm, change the level, participation, or more evidence. */
export const ModerationOutcome = z.enum([
  'confirm',
  'change-level',
  'participation',
  'more-evidence',
]);
export type ModerationOutcome = z.infer<typeof ModerationOutcome>;

/** A moderator's decision as the school and other moderators read it, always with its reasons. */
export const ModerationDecision = z.strictObject({
  id: RecordId,
  outcome: ModerationOutcome,
  /** The level decided; null when more evidence was asked for. */
  level: AwardLevel.nullable(),
  reasons: PlainText(5000).min(1),
  decidedBy: z.string().min(1).max(200),
  decidedAt: IsoDateTime,
  /** A second moderator's sign-off, when the decision asked for one (`by` null: still waiting). */
  signOff: z
    .strictObject({
      by: z.string().min(1).max(200).nullable(),
      at: IsoDateTime.nullable(),
      reasons: PlainText(5000).nullable(),
    })
    .nullable(),
});
export type ModerationDecision = z.infer<typeof ModerationDecision>;
