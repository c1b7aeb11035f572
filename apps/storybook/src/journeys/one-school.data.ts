// One synthetic school, followed through the programme: its audit, the action plan that follows
// from it, its pupils' questionnaire and their results. Everything is derived from the packages'
// fixtures and the seeded synthetic cohort; nothing here is a hand-typed figure.
import {
  ActionPlan,
  AuditResponse,
  statementsOf,
  type QuestionnaireDefinition,
  type School,
  type Wave,
} from '@all-together/model';
import {
  generateCohort,
  getAudit,
  getQuestionnaire,
  seededRandom,
} from '@all-together/questionnaires';
import auditBaselineFixture from '@all-together/questionnaires/fixtures/all-together-audit/1.0.0/complete-baseline.json' with { type: 'json' };
import auditEndFixture from '@all-together/questionnaires/fixtures/all-together-audit/1.0.0/complete-end.json' with { type: 'json' };
import {
  awardInputs,
  compareAudits,
  priorities,
  publishResults,
  recommendAward,
  scoreAudit,
  summariseEach,
  type PupilSummary,
  type WaveSummaries,
} from '@all-together/scoring';

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

/**
 * The school's pupil summaries in one wave, one per set of comparable questionnaires (Reception to
 * Year 2 apart from Years 3 to 13): counts only, no pupil rows. They never leave "the server".
 */
const summariesOf = (wave: Wave, urn: string = school.urn): PupilSummary[] =>
  summariseEach(
    cohort.responses.filter((r) => r.school === urn && r.wave === wave),
    { wave, definitions: Object.values(definitions), schools: cohort.schools },
  );

/** The other schools of the synthetic area, each with its summaries: the rest of the area. */
const otherSchools: WaveSummaries[] = cohort.schools
  .filter((s) => s.urn !== school.urn)
  .map((s) => ({ baseline: summariesOf('baseline', s.urn), end: summariesOf('end', s.urn) }));

/**
 * What the school's results page receives: its results published for the school's own view, with
 * the rest of the area beside them (scoring's `publishResults`, as the demo server calls it).
 */
export const results = publishResults(
  { baseline: summariesOf('baseline'), end: summariesOf('end'), others: otherSchools },
  { viewer: 'school' },
);

/** The definitions results need for labels: the pupil questionnaires and the audit. */
export const resultDefinitions = [...Object.values(definitions), audit];

/** The audit before and after, scored. */
export const auditComparison = compareAudits(audit, auditResponses.baseline, auditResponses.end);

/** An ISO date `days` after an ISO date or date-time. */
const addDays = (date: string, days: number) => {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The day the baseline audit was completed: the plan is written from it. */
export const planDay = (
  auditResponses.baseline.completedAt ?? auditResponses.baseline.updatedAt
).slice(0, 10);

/**
 * The school's action plan, a term after the audit: the audit's priorities, one objective per
 * priority (worded from its statement), and one action each, owned by a role, never a person.
 */
export const actionPlan: ActionPlan = (() => {
  const random = seededRandom(COHORT_SEED);
  const statements = new Map(statementsOf(audit).map((s) => [s.id as string, s]));
  const objectives = auditPriorities.map((priority) => {
    const text = statements.get(priority.statement)?.text;
    const wording = text ? (text['en-GB'] ?? Object.values(text)[0] ?? '') : priority.statement;
    return {
      id: random.uuid(),
      title: `Make this true: ${wording}`,
      statements: [priority.statement],
      success: {
        specific: `Statement ${priority.statement} is rated Fully met at the end audit.`,
        measurable: 'The end audit and the pupil questionnaire at Time 2.',
        achievable: '',
        relevant: '',
        timeBound: (auditResponses.end.completedAt ?? auditResponses.end.updatedAt).slice(0, 10),
      },
    };
  });
  const owners = ['anti-bullying-lead', 'sendco', 'senior-leader'] as const;
  const actions = objectives.map((objective, i) => ({
    id: random.uuid(),
    objective: objective.id,
    description: `Agree with staff and pupils what needs to change: ${objective.title.slice(14)}`,
    ownerRole: owners[i % owners.length],
    startDate: addDays(planDay, 14),
    deadline: addDays(planDay, 14 + 60 * (i + 1)),
    status: i === 0 ? 'in-progress' : 'not-started',
  }));
  return ActionPlan.parse({
    id: random.uuid(),
    school: school.urn,
    priorities: auditPriorities,
    objectives,
    actions,
    reviews: [],
    updatedAt: `${addDays(planDay, 14)}T09:00:00Z`,
  });
})();

/**
 * The award recommendation a term in (baseline only) and at the end, made as the demo server makes
 * it: scoring's `awardInputs` (audits, evidence counted once, the school's published pupil
 * results) and `recommendAward`. The journey has no perception surveys, so the 360° criteria are
 * not met.
 */
export const awardEarly = recommendAward(
  awardInputs({
    audit,
    baselineAudit: auditResponses.baseline,
    endAudit: null,
    plan: actionPlan,
    pupils: publishResults({ baseline: summariesOf('baseline') }, { viewer: 'school' }),
  }),
);
export const award = recommendAward(
  awardInputs({
    audit,
    baselineAudit: auditResponses.baseline,
    endAudit: auditResponses.end,
    plan: actionPlan,
    pupils: results,
  }),
);
