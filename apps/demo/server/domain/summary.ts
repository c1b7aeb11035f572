/** What a round's snapshot summarises: its stored responses, scored by the scoring package. */
import type { QuestionnaireResponse } from '@all-together/model';
import { summarise, type PupilSummary } from '@all-together/scoring';
import type { RoundRow } from '../repo/rounds.js';
import type { SchoolRow } from '../repo/schools.js';
import { pupilDefinitions } from './definitions.js';

/** A round's summary from its stored responses (the content of a snapshot). */
export function summariseRound(
  bodies: QuestionnaireResponse[],
  school: SchoolRow,
  round: RoundRow,
): PupilSummary {
  return summarise(bodies, {
    wave: round.wave,
    definitions: pupilDefinitions(),
    schools: [{ urn: school.urn, phase: school.phase }] as never,
  });
}
