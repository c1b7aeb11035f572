/**
 * Results data for tests, stories and the benchmark, from the **seeded synthetic cohort** of
 * `@all-together/questionnaires`, summarised and **published** by `@all-together/scoring`
 * (`summariseEach`, then `publishResults`): never hand-typed figures. The raw summaries are kept
 * beside the published results for tests that hunt for hidden numbers. Not shipped
 * (test-helpers).
 *
 * @module
 */
import type {
  AuditDefinition,
  PublishedResults,
  PupilSummary,
  QuestionnaireDefinition,
  Rating,
  ViewerLevel,
} from '@all-together/model';
import {
  generateCohort,
  generateCpdResponses,
  getAudit,
  getQuestionnaire,
  linkedForm,
  seededRandom,
  type CohortOptions,
} from '@all-together/questionnaires';
import {
  compareAudits,
  publishResults,
  summariseCpd,
  summariseEach,
  type AuditComparison,
  type CpdSummary,
  type WaveSummaries,
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

/** The raw summaries of one scope (one per pool and wave): never given to the element. */
export interface RawWaves {
  readonly baseline: readonly PupilSummary[];
  readonly end: readonly PupilSummary[];
}

/**
 * A seeded cohort published for a school (against the rest of its LA), a trust (its schools
 * together, against the rest of the LA) and the LA (all schools), each for its own viewer.
 */
export interface ResultsFixture {
  readonly school: PublishedResults;
  readonly trust: PublishedResults;
  readonly la: PublishedResults;
  /** The summaries behind them, for tests only. */
  readonly raw: { readonly school: RawWaves; readonly trust: RawWaves; readonly la: RawWaves };
  readonly audit: AuditComparison;
  readonly cpd: CpdSummary;
}

/**
 * Published results of a seeded cohort. The school is the first school; the trust is the first
 * half of the schools; the LA is all of them.
 */
export function resultsFixture(
  options: Partial<Omit<CohortOptions, 'definitions'>> = {},
): ResultsFixture {
  // Results are never changed by their users, so one build per set of options is shared.
  return cached(`results:${JSON.stringify(options)}`, () => buildResultsFixture(options));
}

const built = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  if (!built.has(key)) built.set(key, make());
  return built.get(key) as T;
}

/** Each school's summaries at both waves (one per pool), from a generated cohort. */
function perSchool(
  cohort: ReturnType<typeof generateCohort>,
  definitions = pupilDefinitions(),
): WaveSummaries[] {
  return cohort.schools.map((s) => {
    const mine = cohort.responses.filter((r) => r.school === s.urn);
    const at = (wave: 'baseline' | 'end') =>
      summariseEach(
        mine.filter((r) => r.wave === wave),
        { wave, definitions, schools: cohort.schools },
      );
    return { baseline: at('baseline'), end: at('end') };
  });
}

const joined = (schools: readonly WaveSummaries[]): RawWaves => ({
  baseline: schools.flatMap((s) => s.baseline ?? []),
  end: schools.flatMap((s) => s.end ?? []),
});

/** Published results of some schools for a viewer, against the other schools when given. */
export function publish(
  mine: readonly WaveSummaries[],
  others: readonly WaveSummaries[] | undefined,
  viewer: ViewerLevel,
): PublishedResults {
  return publishResults({ ...joined(mine), ...(others ? { others } : {}) }, { viewer });
}

function buildResultsFixture(options: Partial<Omit<CohortOptions, 'definitions'>>): ResultsFixture {
  const [ks1, ks2, secondary] = pupilDefinitions();
  const cohort = generateCohort({
    seed: 2026,
    schools: 8,
    pupilsPerSchool: [40, 160],
    ...options,
    definitions: { 'pupil-ks1': ks1, 'pupil-ks2': ks2!, 'pupil-secondary': secondary! },
  });
  const schools = perSchool(cohort);
  const half = Math.max(1, Math.floor(schools.length / 2));
  const trust = schools.slice(0, half);
  return {
    school: publish(schools.slice(0, 1), schools.slice(1), 'school'),
    trust: publish(trust, schools.slice(half), 'trust'),
    la: publish(schools, undefined, 'local-authority'),
    raw: { school: joined(schools.slice(0, 1)), trust: joined(trust), la: joined(schools) },
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

/** A school that stands out from its LA, published for the school against the rest of it. */
export interface StandoutFixture {
  readonly school: PublishedResults;
}

/**
 * One large seeded school with its own rates (lower or higher frequent victimisation, and its own
 * change by Time 2), beside 8 ordinary seeded schools of its LA: for stories and tests of
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
  return { school: publish(perSchool(school), perSchool(others), 'school') };
}

/**
 * A small secondary school (about 40 pupils) in an LA of 6 larger ones: its SEND and free school
 * meals figures are hidden, the rest of the LA's are shown. For the focus-group sentences. (A
 * school of about 35 pupils takes scoring's publishResults some 30 seconds: reported, not used.)
 */
export function smallSchoolFixture(seed = 21): StandoutFixture {
  return cached(`small:${seed}`, () => {
    const [ks1, ks2, secondary] = pupilDefinitions();
    const definitions = { 'pupil-ks1': ks1, 'pupil-ks2': ks2!, 'pupil-secondary': secondary! };
    const school = generateCohort({
      seed,
      schools: 1,
      pupilsPerSchool: [40, 45],
      secondaryShare: 1,
      definitions,
    });
    const others = generateCohort({
      seed: seed + 1,
      schools: 6,
      pupilsPerSchool: [200, 260],
      secondaryShare: 1,
      definitions,
    });
    return { school: publish(perSchool(school), perSchool(others), 'school') };
  });
}

/**
 * A secondary school surveyed in linked mode (characteristics from its records, the linked forms
 * asking none of them) beside 5 others of its LA, published for the school with the breakdowns
 * only records provide: looked-after (6 pupils: hidden), young carer, ethnic group.
 */
export function linkedFixture(seed = 32): StandoutFixture {
  return cached(`linked:${seed}`, () => {
    const definitions = pupilDefinitions().map(linkedForm);
    const [ks1, ks2, secondary] = definitions;
    const byAudience = { 'pupil-ks1': ks1, 'pupil-ks2': ks2!, 'pupil-secondary': secondary! };
    const cohort = (s: number, schools: number) =>
      generateCohort({
        seed: s,
        schools,
        pupilsPerSchool: [200, 240],
        secondaryShare: 1,
        waves: ['baseline'],
        definitions: byAudience,
        mode: 'linked',
      });
    const school = perSchool(cohort(seed, 1), definitions);
    const others = perSchool(cohort(seed + 1, 5), definitions);
    return {
      school: publishResults(
        { ...joined(school), others },
        { viewer: 'school', dimensions: ['sen', 'fsm', 'lookedAfter', 'youngCarer', 'ethnicity'] },
      ),
    };
  });
}
