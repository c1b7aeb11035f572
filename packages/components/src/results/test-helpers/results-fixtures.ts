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
  getAudit,
  getQuestionnaire,
  seededRandom,
  type CohortOptions,
} from '@all-together/questionnaires';
import {
  compareAudits,
  mergeSummaries,
  summarise,
  type AuditComparison,
  type PupilSummary,
} from '@all-together/scoring';
import type { CpdConfidenceItem } from '../results.model.js';

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
  readonly cpd: CpdConfidenceItem[];
}

/** Summaries of a seeded cohort. The trust is the first half of the schools; the LA is all of them. */
export function resultsFixture(
  options: Partial<Omit<CohortOptions, 'definitions'>> = {},
): ResultsFixture {
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
 * Seeded CPD confidence counts for each item of the shipped CPD survey: how many of a group of
 * delegates said "quite" or "very confident" before, straight after and months later.
 */
export function syntheticCpd(seed: number, delegates = [64, 60, 41] as const): CpdConfidenceItem[] {
  const random = seededRandom(seed + 1);
  const cpd = getQuestionnaire('cpd-confidence');
  const items = cpd.sections
    .flatMap((s) => s.items)
    .filter((i) => i.scoring.kind === 'agreement' && i.scoring.indicator === 'cpd-confidence');
  const count = (n: number, p: number) => {
    let c = 0;
    for (let i = 0; i < n; i++) if (random.chance(p)) c++;
    return { count: c, base: n };
  };
  return items.map((item) => {
    const p = 0.3 + random.next() * 0.3;
    return {
      item: item.id,
      before: count(delegates[0], p),
      after: count(delegates[1], Math.min(0.95, p + 0.4)),
      followUp: count(delegates[2], Math.min(0.9, p + 0.3)),
    };
  });
}
