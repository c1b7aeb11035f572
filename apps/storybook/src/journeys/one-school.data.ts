// One synthetic school, followed through the programme: its audit, the action plan that follows
// from it, its pupils' questionnaire and their results. Everything is derived from the packages'
// fixtures and the seeded synthetic cohort; nothing here is a hand-typed figure.
import {
  AuditResponse,
  type QuestionnaireDefinition,
  type School,
  type Wave,
} from '@all-together/model';
import { generateCohort, getAudit, getQuestionnaire } from '@all-together/questionnaires';
import auditBaselineFixture from '@all-together/questionnaires/fixtures/all-together-audit/1.0.0/complete-baseline.json' with { type: 'json' };
import auditEndFixture from '@all-together/questionnaires/fixtures/all-together-audit/1.0.0/complete-end.json' with { type: 'json' };
import { priorities, scoreAudit, summarise } from '@all-together/scoring';

/** The seed of the Storybook's synthetic cohort: the same seed gives the same schools and pupils. */
export const COHORT_SEED = 2026;

const definitions = {
  'pupil-ks1': getQuestionnaire('pupil-ks1'),
  'pupil-ks2': getQuestionnaire('pupil-ks2'),
  'pupil-secondary': getQuestionnaire('pupil-secondary'),
};

/** The cohort: eight synthetic schools with pupils answering at Time 1 (baseline) and Time 2 (end). */
export const cohort = generateCohort({ seed: COHORT_SEED, definitions });

/** The journey's school: the cohort's first primary school. */
export const school: School = (() => {
  const found = cohort.schools.find((s) => s.phase === 'primary');
  if (!found) throw new Error(`The cohort of seed ${COHORT_SEED} has no primary school.`);
  return found;
})();

/** The questionnaire the school's older pupils answer (KS2 for a primary school). */
export const questionnaire: QuestionnaireDefinition =
  school.phase === 'primary' ? definitions['pupil-ks2'] : definitions['pupil-secondary'];

/** The programme's 360° audit. */
export const audit = getAudit();

/** The school lead's audit at baseline and at the end, from the audit fixtures, for this school. */
export const auditResponses = {
  baseline: AuditResponse.parse({ ...auditBaselineFixture.response, school: school.urn }),
  end: AuditResponse.parse({ ...auditEndFixture.response, school: school.urn }),
};

/** The baseline audit's scores and the priorities an action plan starts from. */
export const auditScores = scoreAudit(audit, auditResponses.baseline);
export const auditPriorities = priorities(audit, auditResponses.baseline, { limit: 3 });

/** The school's pupils' responses in one wave. */
export const responsesOf = (wave: Wave) =>
  cohort.responses.filter((r) => r.school === school.urn && r.wave === wave);

/** The school's pupil summary in one wave: counts only, no pupil rows. */
export const summaryOf = (wave: Wave) =>
  summarise(responsesOf(wave), {
    wave,
    definitions: Object.values(definitions),
    schools: [school],
  });
