/** What a round's snapshot summarises: its stored responses, scored by the scoring package. */
import type { QuestionnaireResponse } from '@all-together/model';
import { summariseEach, type PupilSummary } from '@all-together/scoring';
import type { RoundRow } from '../repo/rounds.js';
import type { SchoolRow } from '../repo/schools.js';
import { pupilDefinitionsEveryVersion } from './definitions.js';

/**
 * A round's summaries from its stored responses (the content of a snapshot): one per set of
 * comparable questionnaires, so KS1 answers are never added to KS2 or secondary ones.
 */
export function summariseRound(
  bodies: QuestionnaireResponse[],
  school: SchoolRow,
  round: RoundRow,
): PupilSummary[] {
  return summariseEach(bodies, {
    wave: round.wave,
    definitions: pupilDefinitionsEveryVersion(),
    schools: [{ urn: school.urn, phase: school.phase }] as never,
  });
}
