import * as z from 'zod';
import { PupilCharacteristics } from './characteristics.js';
import { CollectionMode, Wave } from './round.js';
import { Rating } from './audit.js';
import {
  DefinitionId,
  IsoDateTime,
  ItemKey,
  RecordId,
  ResponseId,
  RoundId,
  SemVer,
  StatementKey,
  Urn,
} from './ids.js';
import { PlainText, SafeUrl } from './text.js';

/** Which definition, at which version, a response answers. */
export const DefinitionRef = z.strictObject({ id: DefinitionId, version: SemVer });
export type DefinitionRef = z.infer<typeof DefinitionRef>;

/**
 * One answer: an option value (single choice and scales), several option values (multi-select), or
 * free text. Which is right for an item is checked by `validateResponse`.
 */
export const Answer = z.union([
  PlainText(2000),
  z.array(z.string().max(80)).max(20, 'At most 20 options can be chosen.'),
]);
export type Answer = z.infer<typeof Answer>;

/**
 * A completed questionnaire. It carries no name and no free identifier: the id is random and made
 * on the device (so a retried submission is recognised, S13), characteristics are coded values, and
 * unknown keys are refused.
 */
export const QuestionnaireResponse = z.strictObject({
  id: ResponseId,
  definition: DefinitionRef,
  wave: Wave,
  school: Urn,
  round: RoundId.optional(),
  mode: CollectionMode.default('anonymous'),
  characteristics: PupilCharacteristics.default({ source: 'self-report' }),
  answers: z.record(ItemKey, Answer),
  startedAt: IsoDateTime,
  submittedAt: IsoDateTime,
});
export type QuestionnaireResponse = z.infer<typeof QuestionnaireResponse>;

/** Who completed an audit. */
export const RespondentRole = z.enum([
  'school-lead',
  'headteacher',
  'senior-leader',
  'sendco',
  'designated-safeguarding-lead',
  'governor',
  'other-staff',
]);
export type RespondentRole = z.infer<typeof RespondentRole>;

/** What kind of evidence an item is (domain.md §4). */
export const EvidenceKind = z.enum(['document', 'observation', 'survey', 'minutes', 'other']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/**
 * A piece of evidence for a statement or an action: a description, optionally a link. For the award
 * it needs a `kind` and a description of real length (`AwardRules.eligibility.minEvidenceWords`);
 * an `id` lets one item entered in two places (the audit and an action) count once.
 */
export const EvidenceNote = z.strictObject({
  id: RecordId.optional(),
  kind: EvidenceKind.optional(),
  note: PlainText(2000).min(1, 'An evidence note must not be empty.'),
  url: SafeUrl.optional(),
});
export type EvidenceNote = z.infer<typeof EvidenceNote>;

/** A school's audit, in progress or complete. */
export const AuditResponse = z.strictObject({
  id: RecordId,
  definition: DefinitionRef,
  school: Urn,
  wave: Wave,
  round: RoundId.optional(),
  respondentRole: RespondentRole,
  ratings: z.record(StatementKey, Rating),
  evidence: z.record(StatementKey, z.array(EvidenceNote).max(50)).default({}),
  updatedAt: IsoDateTime,
  completedAt: IsoDateTime.optional(),
});
export type AuditResponse = z.infer<typeof AuditResponse>;
