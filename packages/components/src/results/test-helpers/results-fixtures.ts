/**
 * Results data for tests, stories and the benchmark, from the **seeded synthetic cohort** of
 * `@all-together/questionnaires` summarised by `@all-together/scoring`: never hand-typed figures.
 * Not shipped (test-helpers).
 *
 * @module
 */
import type { AuditDefinition, QuestionnaireDefinition, Rating } from '@all-together/model';
import {
  generateCohort,
  generateCpdResponses,
  getAudit,
  getQuestionnaire,
  seededRandom,
  type CohortOptions,
} from '@all-together/questionnaires';
import {
  compareAudits,
  mergeSummaries,
  summarise,
  summariseCpd,
  type AuditComparison,
  type CpdSummary,
  type PupilSummary,
} from '@all-together/scoring';

/** The pupil definitions the cohort answers. */
export const pupilDefinitions = (): QuestionnaireDefinition[] => [
  getQuestionnaire('pupil-ks1'),
  getQuestionnaire('pupil-ks2'),
  getQuestionnaire('pupil-secondary'),
];

/** Every definition the element uses for labels. */
export const labelDefinitions = (): (QuestionnaireDefinition | AuditDefinition)[] => [
  ...pupilDefinitions(),
  getQuestionnaire('cpd-confidence'),
  getAudit(),
];

/** Both waves of one scope. */
export interface Waves {
  readonly baseline: PupilSummary;
  readonly end: PupilSummary;
}

/** A seeded cohort summarised for a school, a trust (schools merged) and an LA (all schools). */
export interface ResultsFixture {
  readonly school: Waves;
  readonly trust: Waves;
  readonly la: Waves;
  readonly audit: AuditComparison;
  readonly cpd: CpdSummary;
}

/** Summaries of a seeded cohort. The trust is the first half of the schools; the LA is all of them. */
export function resultsFixture(
  options: Partial<Omit<CohortOptions, 'definitions'>> = {},
): ResultsFixture {
  // Summaries are never changed by their users, so one build per set of options is shared.
  return cached(`results:${JSON.stringify(options)}`, () => buildResultsFixture(options));
}

const built = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  if (!built.has(key)) built.set(key, make());
  return built.get(key) as T;
}

function buildResultsFixture(options: Partial<Omit<CohortOptions, 'definitions'>>): ResultsFixture {
  const [ks1, ks2, secondary] = pupilDefinitions();
  const definitions = pupilDefinitions();
  const cohort = generateCohort({
    seed: 2026,
    schools: 8,
    pupilsPerSchool: [40, 160],
    ...options,
    definitions: { 'pupil-ks1': ks1, 'pupil-ks2': ks2!, 'pupil-secondary': secondary! },
  });
  const perSchool = (wave: 'baseline' | 'end') =>
    cohort.schools.map((s) =>
      summarise(
        cohort.responses.filter((r) => r.wave === wave && r.school === s.urn),
        { wave, definitions, schools: cohort.schools },
      ),
    );
  const base = perSchool('baseline');
  const end = perSchool('end');
  const half = Math.max(1, Math.floor(base.length / 2));
  return {
    school: { baseline: base[0]!, end: end[0]! },
    trust: {
      baseline: mergeSummaries(base.slice(0, half)),
      end: mergeSummaries(end.slice(0, half)),
    },
    la: { baseline: mergeSummaries(base), end: mergeSummaries(end) },
    audit: syntheticAudit(options.seed ?? 2026),
    cpd: syntheticCpd(options.seed ?? 2026),
  };
}

/** A seeded baseline and end audit of the shipped audit definition, compared by scoring. */
export function syntheticAudit(seed: number): AuditComparison {
  const audit = getAudit();
  const random = seededRandom(seed);
  const levels: Rating[] = ['not-yet-met', 'partially-met', 'fully-met'];
  const baseline: Record<string, Rating> = {};
  const end: Record<string, Rating> = {};
  for (const area of audit.areas)
    for (const s of area.statements) {
      const b = random.int(0, 2);
      baseline[s.id] = random.chance(0.05) ? 'dont-know' : levels[b]!;
      end[s.id] = levels[Math.min(2, b + (random.chance(0.6) ? 1 : 0))]!;
    }
  return compareAudits(audit, { ratings: baseline }, { ratings: end });
}

/**
 * A seeded CPD course summarised by scoring: the questionnaires package's CPD generator answers the
 * shipped CPD survey (64 delegates before, 60 straight after, 41 months later by default), and
 * `summariseCpd` counts "quite or very confident" by the definition's declared cut-off.
 */
export function syntheticCpd(
  seed: number,
  delegates: readonly number[] = [64, 60, 41],
): CpdSummary {
  const cpd = getQuestionnaire('cpd-confidence');
  return summariseCpd(cpd, generateCpdResponses({ seed: seed + 1, definition: cpd, delegates }));
}

/** A school that stands out from its LA, and the LA (that school plus 8 ordinary ones). */
export interface StandoutFixture {
  readonly school: Waves;
  readonly la: Waves;
}

/**
 * One large seeded school with its own rates (lower or higher frequent victimisation, and its own
 * change by Time 2), inside an LA of 8 ordinary seeded schools: for stories and tests of
 * significant comparisons and changes. Figures still come from the cohort generator and scoring.
 */
export function standoutFixture(
  kind: 'better' | 'worse',
  seed = kind === 'better' ? 11 : 13,
): StandoutFixture {
  return cached(`standout:${kind}:${seed}`, () => buildStandout(kind, seed));
}

function buildStandout(kind: 'better' | 'worse', seed: number): StandoutFixture {
  const [ks1, ks2, secondary] = pupilDefinitions();
  const definitions = pupilDefinitions();
  const cohortDefinitions = { 'pupil-ks1': ks1, 'pupil-ks2': ks2!, 'pupil-secondary': secondary! };
  const school = generateCohort({
    seed,
    schools: 1,
    pupilsPerSchool: [600, 700],
    secondaryShare: 1,
    definitions: cohortDefinitions,
    rates:
      kind === 'better'
        ? { frequentVictimisation: { all: 0.14, send: 0.2, fsm: 0.18 }, time2Change: 0.6 }
        : { frequentVictimisation: { all: 0.33, send: 0.42, fsm: 0.4 }, time2Change: 1.2 },
  });
  const others = generateCohort({
    seed: seed + 1,
    schools: 8,
    pupilsPerSchool: [200, 400],
    definitions: cohortDefinitions,
  });
  const schools = [...school.schools, ...others.schools];
  const summaries = (
    responses: typeof school.responses,
    wave: 'baseline' | 'end',
    urns: string[],
  ) =>
    urns.map((urn) =>
      summarise(
        responses.filter((r) => r.wave === wave && r.school === urn),
        { wave, definitions, schools },
      ),
    );
  const urn = school.schools[0]!.urn;
  const otherUrns = others.schools.map((s) => s.urn);
  const waves = (wave: 'baseline' | 'end') => {
    const mine = summaries(school.responses, wave, [urn])[0]!;
    return { mine, la: mergeSummaries([mine, ...summaries(others.responses, wave, otherUrns)]) };
  };
  const b = waves('baseline');
  const e = waves('end');
  return {
    school: { baseline: b.mine, end: e.mine },
    la: { baseline: b.la, end: e.la },
  };
}
