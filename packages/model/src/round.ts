import * as z from 'zod';
import { WAVES } from './patterns.js';
import { IsoDate, RoundId, Urn } from './ids.js';
import { LocalisedText } from './text.js';

/**
 * The programme's two measurement points: `baseline` (Time 1, before the action plan) and `end`
 * (Time 2, about a year later). Results call them Time 1 and Time 2.
 */
export const Wave = z.enum(WAVES);
export type Wave = z.infer<typeof Wave>;

/** The Time number of each wave, for labels and ordering. */
export const WAVE_TIME: Readonly<Record<Wave, 1 | 2>> = { baseline: 1, end: 2 };

/**
 * How pupils' agreement is sought for a round (reliability.md P6): the pupil's own assent (default),
 * or parental opt-out or opt-in on top of it.
 */
export const ConsentModel = z.enum(['assent', 'parent-opt-out', 'parent-opt-in']);
export type ConsentModel = z.infer<typeof ConsentModel>;

/**
 * How pupil characteristics reach a response (reliability.md P1): `anonymous` (self-reported, no
 * identifier) or `linked` (from the school's records through a school-issued token; pseudonymous
 * personal data, never to be called anonymous).
 */
export const CollectionMode = z.enum(['anonymous', 'linked']);
export type CollectionMode = z.infer<typeof CollectionMode>;

/** One school's round of the programme at one wave: the audit and questionnaires run within it. */
export const ProgrammeRound = z
  .strictObject({
    id: RoundId,
    school: Urn,
    wave: Wave,
    /** The first day pupils and staff can answer. */
    opensOn: IsoDate,
    /** The last day answers are accepted; results of the round are final after it. */
    closesOn: IsoDate,
    consent: ConsentModel.default('assent'),
    mode: CollectionMode.default('anonymous'),
    /**
     * The period pupils are asked about, shown wherever a question says `{referencePeriod}`.
     * Default: the definition's own.
     */
    referencePeriod: LocalisedText.optional(),
    /** Months after closing when raw responses are purged; suppressed summaries are kept (P9). */
    retentionMonths: z.int().min(1).max(84).default(12),
  })
  .refine((r) => r.closesOn >= r.opensOn, {
    message: 'A round cannot close before it opens.',
    path: ['closesOn'],
  });
export type ProgrammeRound = z.infer<typeof ProgrammeRound>;
