/**
 * Story and test data for `<at-audit>` and `<at-action-plan>`, built from the package data: the
 * shipped audit and perception definitions, the seeded random generator and the synthetic pupil
 * cohort of `@all-together/questionnaires`, summarised with `@all-together/scoring`. Nothing here
 * is a hand-typed figure: change a seed and every number changes with it.
 *
 * Not shipped (tests and stories only).
 *
 * @module
 */
import {
  ActionPlan,
  AuditResponse,
  itemsOf,
  OwnerRole,
  statementsOf,
  type ActionStatus,
  type AuditDefinition,
  type Rating,
  type Wave,
} from '@all-together/model';
import {
  generateCohort,
  getAudit,
  getQuestionnaire,
  seededRandom,
  type Random,
} from '@all-together/questionnaires';
import {
  awardInputs,
  priorities,
  publishPerception,
  publishResults,
  recommendAward,
  summariseEach,
  summarisePerception,
  type PerceptionSummary,
  type PublishedPerception,
} from '@all-together/scoring';
import type { AwardRecommendation, PublishedResults } from '@all-together/model';
import { memoryStorage, type DraftStorage } from '../shared/storage.js';

/** The shipped audit definition. */
export const audit: AuditDefinition = getAudit('all-together-audit', '1.0.0');

/** A school URN used throughout the examples. */
export const SCHOOL = '900001';

/** The perception surveys of the 360° view. */
export const PERCEPTION_SURVEYS = [
  'perception-staff',
  'perception-parent-carer',
  'perception-governor',
  'perception-pupil-primary',
  'perception-pupil-secondary',
] as const;

const LEVELS: readonly Rating[] = ['fully-met', 'partially-met', 'not-yet-met', 'dont-know'];

/** A rating drawn with probabilities [fully, partially, not yet, don't know]. */
function drawRating(random: Random, weights: readonly number[]): Rating {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = random.next() * total;
  for (let i = 0; i < LEVELS.length; i++) {
    x -= weights[i]!;
    if (x < 0) return LEVELS[i]!;
  }
  return 'not-yet-met';
}

/** The rating weights of a school at a wave: the end audit is better than the baseline. */
const WEIGHTS: Readonly<Record<Wave, readonly number[]>> = {
  baseline: [0.3, 0.4, 0.25, 0.05],
  end: [0.7, 0.25, 0.03, 0.02],
};

export interface GeneratedAuditOptions {
  seed: number;
  wave: Wave;
  /** Only the first `rated` statements are rated (default all): a partial audit. */
  rated?: number;
  /** Evidence notes per area (default 1), on the first statements of each area. */
  evidencePerArea?: number;
  completed?: boolean;
}

/** A deterministic audit response for the shipped audit, validated with the model's schema. */
export function generateAuditResponse(
  definition: AuditDefinition,
  options: GeneratedAuditOptions,
): AuditResponse {
  const random = seededRandom(options.seed);
  const statements = statementsOf(definition);
  const ratings: Record<string, Rating> = {};
  statements.slice(0, options.rated ?? statements.length).forEach((s) => {
    ratings[s.id] = drawRating(random, WEIGHTS[options.wave]);
  });
  const evidence: Record<string, { kind: 'document'; note: string; url?: string }[]> = {};
  for (const area of definition.areas) {
    area.statements.slice(0, options.evidencePerArea ?? 1).forEach((s) => {
      if (!ratings[s.id]) return;
      // The evidence prompt itself stands in for a school's note.
      const prompt = Object.values(s.evidencePrompts[0]!)[0]!;
      evidence[s.id] = [{ kind: 'document', note: prompt, url: 'https://school.example/evidence' }];
    });
  }
  const day = options.wave === 'baseline' ? '2026-10-06' : '2027-06-21';
  return AuditResponse.parse({
    id: random.uuid(),
    definition: { id: definition.id, version: definition.version },
    school: SCHOOL,
    wave: options.wave,
    respondentRole: 'school-lead',
    ratings,
    evidence,
    updatedAt: `${day}T15:00:00Z`,
    ...(options.completed === false ? {} : { completedAt: `${day}T15:00:00Z` }),
  });
}

/**
 * Perception-survey summaries for the 360° view: generated responses to each shipped perception
 * survey (answers drawn with the given chance of agreeing), summarised by `summarisePerception`
 * (people, not answers). By default staff agree least, so a lead's "Fully met" shows staff gaps,
 * and only 4 governors answer, so their group is hidden when published.
 */
export function generatePerception(
  seed: number,
  agreeChance: Partial<Record<(typeof PERCEPTION_SURVEYS)[number], number>> = {},
  respondents: Partial<Record<(typeof PERCEPTION_SURVEYS)[number], number>> = {},
): PerceptionSummary[] {
  const random = seededRandom(seed);
  const chance = {
    'perception-staff': 0.45,
    'perception-parent-carer': 0.7,
    'perception-governor': 0.8,
    'perception-pupil-primary': 0.75,
    'perception-pupil-secondary': 0.65,
    ...agreeChance,
  };
  const counts = {
    'perception-staff': 24,
    'perception-parent-carer': 40,
    'perception-governor': 4,
    'perception-pupil-primary': 60,
    'perception-pupil-secondary': 60,
    ...respondents,
  };
  return PERCEPTION_SURVEYS.map((id) => {
    const definition = getQuestionnaire(id);
    const responses = Array.from({ length: counts[id] }, () => {
      const answers: Record<string, string> = {};
      for (const item of itemsOf(definition)) {
        const values = item.scoring.values;
        const cutoff = item.scoring.cutoffs.agree;
        if (!values || cutoff === undefined) continue;
        if (random.chance(0.08)) {
          const missing = item.scoring.missing[0];
          if (missing) answers[item.id] = missing;
          continue;
        }
        const agreeing = Object.keys(values).filter((v) => values[v]! >= cutoff);
        const disagreeing = Object.keys(values).filter((v) => values[v]! < cutoff);
        answers[item.id] = random.pick(random.chance(chance[id]) ? agreeing : disagreeing);
      }
      return { answers };
    });
    return summarisePerception(definition, responses);
  });
}

/** The 360° as `<at-audit>` receives it: {@link generatePerception}, published by scoring. */
export function generatePublishedPerception(
  ...args: Parameters<typeof generatePerception>
): PublishedPerception {
  return publishPerception(generatePerception(...args));
}

const STATUSES: readonly ActionStatus[] = ['not-started', 'in-progress', 'done', 'dropped'];

/** An ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface GeneratedPlanOptions {
  seed: number;
  /** Dates are spread around this day, so some actions are overdue on it. */
  today: string;
  objectives?: number;
  actionsPerObjective?: number;
  /** Status weights [not started, in progress, done, dropped]. */
  statusWeights?: readonly number[];
  reviews?: number;
}

/**
 * An action plan seeded from a baseline audit's priorities (`priorities` from scoring), with
 * objectives on the weakest statements, actions with owners, dates and statuses drawn from the
 * seed, and termly reviews. Validated with the model's schema.
 */
export function generatePlan(
  definition: AuditDefinition,
  baseline: AuditResponse,
  options: GeneratedPlanOptions,
): ActionPlan {
  const random = seededRandom(options.seed);
  const seeded = priorities(definition, baseline, { limit: 10 });
  const statements = new Map(statementsOf(definition).map((s) => [s.id as string, s]));
  const texts = new Map<string, string>();
  const objectives = seeded.slice(0, options.objectives ?? 3).map((p) => {
    const text = Object.values(statements.get(p.statement)!.text)[0]!;
    const id = random.uuid();
    texts.set(id, text);
    return {
      id,
      title: `Make this true: ${text}`,
      statements: [p.statement],
      success: {
        specific: `Statement ${p.statement} is rated Fully met at the end audit.`,
        measurable: 'The end audit rating and the perception surveys linked to the statement.',
        achievable: '',
        relevant: '',
        timeBound: addDays(options.today, random.int(60, 200)),
      },
      ...(p.groups.includes('send')
        ? { measure: { definition: 'pupil-ks2', indicator: 'victimisation' } }
        : {}),
    };
  });
  const weights = options.statusWeights ?? [0.3, 0.3, 0.3, 0.1];
  const actions = objectives.flatMap((o) =>
    Array.from({ length: options.actionsPerObjective ?? 3 }, (_, i) => {
      const start = addDays(options.today, -random.int(30, 150));
      const deadline = addDays(start, random.int(20, 200));
      let x = random.next() * weights.reduce((a, b) => a + b, 0);
      const status = STATUSES.find((_, k) => (x -= weights[k]!) < 0) ?? 'not-started';
      return {
        id: random.uuid(),
        objective: o.id,
        description: `Step ${i + 1} towards ${o.statements[0]}: ${texts.get(o.id)!}`,
        ownerRole: random.pick(OwnerRole.options),
        startDate: start,
        deadline,
        status,
        evidence:
          status === 'done'
            ? [{ kind: 'minutes' as const, note: 'Minutes of the meeting where this was agreed.' }]
            : [],
        reviewNotes: '',
      };
    }),
  );
  const reviews = Array.from({ length: options.reviews ?? 1 }, (_, i) => ({
    id: random.uuid(),
    date: addDays(options.today, -30 - i * 120),
    reviewerRole: 'anti-bullying-lead' as const,
    summary: `Termly review ${i + 1}: actions checked against their deadlines.`,
  }));
  return ActionPlan.parse({
    id: random.uuid(),
    school: SCHOOL,
    priorities: seeded,
    objectives,
    actions,
    reviews,
    updatedAt: `${options.today}T09:00:00Z`,
  });
}

/**
 * Seeds of `generatePupilResults` for the award's two shapes. Which seed gives which depends on the
 * synthetic cohort and on how scoring protects figures, so a change to either may swap them: the
 * award tests assert each shape, and fail if it is lost.
 */
/** Every pupil outcome published and decided: the award says Silver. */
export const SEED_DECIDED = 43;
/** The SEND figure hidden at a wave: that criterion needs the moderator's judgement. */
export const SEED_OPEN = 41;

/**
 * One school's pupil results at both waves, as its own results page publishes them: a seeded
 * synthetic cohort (KS2 and secondary), summarised with `summariseEach` and published with
 * `publishResults` at the school's own view.
 */
export function generatePupilResults(
  seed: number,
  pupilsPerSchool: readonly [number, number] = [120, 160],
): PublishedResults {
  // Publishing protects every figure together, which takes a second or two in a browser: tests and
  // stories ask for the same few schools many times, so each is published once.
  const key = `${seed}:${pupilsPerSchool.join('-')}`;
  const known = publishedPupils.get(key);
  if (known) return known;
  const made = publishPupils(seed, pupilsPerSchool);
  publishedPupils.set(key, made);
  return made;
}

const publishedPupils = new Map<string, PublishedResults>();

function publishPupils(seed: number, pupilsPerSchool: readonly [number, number]): PublishedResults {
  const definitions = [getQuestionnaire('pupil-ks2'), getQuestionnaire('pupil-secondary')];
  const { schools, responses } = generateCohort({
    seed,
    schools: 1,
    pupilsPerSchool: [pupilsPerSchool[0], pupilsPerSchool[1]],
    definitions: { 'pupil-ks2': definitions[0]!, 'pupil-secondary': definitions[1]! },
  });
  const at = (wave: Wave) =>
    summariseEach(
      responses.filter((r) => r.wave === wave),
      { wave, definitions, schools },
    );
  return publishResults({ baseline: at('baseline'), end: at('end') }, { viewer: 'school' });
}

/** What a school has for the award: the audits, the plan, its pupils' results and its 360°. */
export interface AwardSchool {
  readonly baseline: AuditResponse | null;
  readonly end: AuditResponse | null;
  readonly plan: ActionPlan | null;
  readonly pupils: PublishedResults;
  readonly perception?: { baseline?: PerceptionSummary[]; end?: PerceptionSummary[] };
}

/**
 * The award recommendation for a school, made the one way every consumer makes it: scoring's
 * `awardInputs` (audits, evidence counted once, published pupil outcomes, the 360°) and
 * `recommendAward`. The demo server and Storybook call the same two functions.
 */
export function generateAward(school: AwardSchool): AwardRecommendation {
  return recommendAward(
    awardInputs({
      audit,
      baselineAudit: school.baseline,
      endAudit: school.end,
      plan: school.plan,
      pupils: school.pupils,
      ...(school.perception ? { perception: school.perception } : {}),
    }),
  );
}

/**
 * A memory storage that already holds an `<at-audit>` draft open at a page: how stories open a
 * statement or the summary without clicking there (the draft format is the element's own).
 */
export function auditStorageAt(
  response: AuditResponse,
  view: { page: 'overview' } | { page: 'statement'; id: string } | { page: 'summary' },
): DraftStorage {
  const storage = memoryStorage();
  const key = `at-audit:${response.definition.id}@${response.definition.version}:${response.school}:${response.wave}`;
  void storage.set(key, JSON.stringify({ format: 1, response, view, pending: {} }));
  return storage;
}
