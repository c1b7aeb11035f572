import {
  conditionContext,
  evaluateCondition,
  type Item,
  type PupilCharacteristics,
  type QuestionnaireDefinition,
  type QuestionnaireResponse,
  type School,
  type Wave,
} from '@all-together/model';
import { seededRandom, type Random } from './random.js';

/**
 * The rates the synthetic cohort reproduces at Time 1 (domain.md §5: reported national levels).
 * Time 2 multiplies every victimisation and perpetration rate by `time2Change`.
 */
export interface CohortRates {
  /** Frequently bullied face to face (score at or above the item's `frequent` cut-off). */
  frequentVictimisation: { all: number; send: number; fsm: number };
  /** Bullied face to face at all (at or above `any`). */
  anyVictimisation: number;
  /** Frequently bullied online (secondary and KS2, where asked). */
  frequentOnline: number;
  /** Frequently bullying others. */
  frequentBullyingOthers: number;
  /** Chance that a pupil chooses "Prefer not to say" on a question that offers it. */
  preferNotToSay: number;
  /** Chance that a pupil skips a question. */
  skip: number;
  /** Relative change of the victimisation and perpetration rates at Time 2 (0.85: 15% fewer). */
  time2Change: number;
}

/** Defaults from the brief: about 23% frequently bullied (SEND about 30%, FSM about 29%). */
export const DEFAULT_COHORT_RATES: CohortRates = {
  frequentVictimisation: { all: 0.23, send: 0.3, fsm: 0.29 },
  anyVictimisation: 0.45,
  frequentOnline: 0.06,
  frequentBullyingOthers: 0.07,
  preferNotToSay: 0.02,
  skip: 0.02,
  time2Change: 0.85,
};

/** Who the pupils are (shares of the roll, from England's school census, rounded). */
export interface CohortPopulation {
  /** EHC plan (E) and SEN support (K); the rest have none (N). */
  sen: { E: number; K: number };
  fsm: number;
  eal: number;
  female: number;
  /**
   * Only in linked mode, where they come from the school's records: looked-after children, young
   * carers and each ethnic group's share (GSS major groups; the rest "not known").
   */
  lookedAfter: number;
  youngCarer: number;
  ethnicity: { asian: number; black: number; mixed: number; white: number; other: number };
}

export const DEFAULT_POPULATION: CohortPopulation = {
  sen: { E: 0.04, K: 0.13 },
  fsm: 0.24,
  eal: 0.2,
  female: 0.49,
  lookedAfter: 0.01,
  youngCarer: 0.03,
  ethnicity: { asian: 0.12, black: 0.06, mixed: 0.07, white: 0.66, other: 0.03 },
};

export interface CohortOptions {
  seed: number;
  /** How many schools (default 8). */
  schools?: number;
  /** Respondents per school per wave, inclusive range (default 40–160). */
  pupilsPerSchool?: [number, number];
  /** Share of secondary schools (default 0.3). */
  secondaryShare?: number;
  waves?: readonly Wave[];
  rates?: Partial<CohortRates>;
  population?: Partial<CohortPopulation>;
  /** The definitions pupils answer, by audience. KS1 is optional: without it Reception–Year 2 are not surveyed. */
  definitions: {
    'pupil-ks1'?: QuestionnaireDefinition;
    'pupil-ks2': QuestionnaireDefinition;
    'pupil-secondary': QuestionnaireDefinition;
  };
  /** The wave dates (ISO dates); answers are spread over the following four weeks. */
  dates?: { baseline: string; end: string };
  localAuthority?: string;
  trust?: string;
  /**
   * `anonymous` (the default): characteristics are what each pupil answered. `linked`: they come
   * from the school's records (every field, including looked-after, young carer and ethnicity),
   * the response is `mode: 'linked'`, and `definitions` should be the linked forms (`linkedForm`),
   * which ask none of them. An anonymous cohort is the same for a seed whether or not this option
   * exists: the records are drawn only in linked mode.
   */
  mode?: 'anonymous' | 'linked';
}

/** A cohort: schools and their pupils' responses, with the truth behind each (for tests). */
export interface Cohort {
  schools: School[];
  responses: QuestionnaireResponse[];
}

const SCHOOL_NAMES = [
  'Oakfield',
  'Riverside',
  'Hillcrest',
  'Meadowbank',
  'Brookside',
  'Ashgrove',
  'Kingsway',
  'Fernhill',
  'Willowdale',
  'Harbour View',
  'Elmwood',
  'Castle Lane',
  'Northgate',
  'Southfields',
  'Larkrise',
  'Beacon',
];

/**
 * Solves the multipliers for SEN and FSM so that the overall, SEND and FSM rates are as configured,
 * given the shares of SEN and FSM pupils (independent of each other). Closed form: with
 * p = p0·a^SEN·b^FSM, rate(SEND)/rate(all) = a / (1 − s + s·a), and likewise for b.
 */
export function solveMultipliers(
  target: { all: number; send: number; fsm: number },
  shares: { send: number; fsm: number },
): { p0: number; send: number; fsm: number } {
  const ratio = (r: number, s: number) => (r * (1 - s)) / (1 - s * r);
  const a = ratio(target.send / target.all, shares.send);
  const b = ratio(target.fsm / target.all, shares.fsm);
  const p0 = target.all / ((1 - shares.send + shares.send * a) * (1 - shares.fsm + shares.fsm * b));
  return { p0, send: a, fsm: b };
}

interface Pupil {
  truth: {
    sen: 'E' | 'K' | 'N';
    fsm: boolean;
    eal: boolean;
    sex: 'male' | 'female';
    yearGroup: string;
  };
  frequent: boolean;
  any: boolean;
  frequentOnline: boolean;
  frequentOthers: boolean;
}

const scored = (item: Item) =>
  Object.entries(item.scoring.values ?? {}).sort(([, x], [, y]) => x - y) as [string, number][];

function chooseByScore(random: Random, item: Item, min: number, max: number): string | undefined {
  const candidates = scored(item).filter(([, s]) => s >= min && s < max);
  return candidates.length ? random.pick(candidates)[0] : undefined;
}

function level(random: Random, item: Item, band: 'none' | 'any' | 'frequent'): string | undefined {
  const cut = item.scoring.cutoffs;
  const any = cut.any ?? 1;
  const frequent = cut.frequent ?? 2;
  if (band === 'frequent') return chooseByScore(random, item, frequent, Infinity);
  if (band === 'any') return chooseByScore(random, item, any, frequent);
  return chooseByScore(random, item, -Infinity, any);
}

function options(item: Item): string[] {
  return item.type === 'free-text' ? [] : item.options.map((o) => o.value);
}

/** What a school's records say of a pupil (linked mode): the truth, and three fields only records hold. */
function recordOf(
  random: Random,
  truth: Pupil['truth'],
  population: CohortPopulation,
): PupilCharacteristics {
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  let draw = random.next();
  let ethnicity: NonNullable<PupilCharacteristics['ethnicity']> = 'unknown';
  for (const [group, share] of Object.entries(population.ethnicity)) {
    if (draw < share) {
      ethnicity = group as typeof ethnicity;
      break;
    }
    draw -= share;
  }
  return {
    source: 'school-records',
    yearGroup: truth.yearGroup as PupilCharacteristics['yearGroup'],
    sex: truth.sex,
    sen: truth.sen,
    fsm: yesNo(truth.fsm),
    eal: yesNo(truth.eal),
    lookedAfter: yesNo(random.chance(population.lookedAfter)),
    youngCarer: yesNo(random.chance(population.youngCarer)),
    ethnicity,
  };
}

const SAFER_SCHOOL = [
  'More adults at break time.',
  'A quiet place to go at lunch.',
  'Teachers who listen.',
];

/** The answer a pupil gives to one item, or undefined for a skip. */
function answer(
  random: Random,
  item: Item,
  pupil: Pupil,
  rates: CohortRates,
): string | string[] | undefined {
  const scoring = item.scoring;
  if (scoring.kind === 'characteristic' && scoring.characteristic) {
    const c = scoring.characteristic;
    const truth =
      c === 'sen'
        ? pupil.truth.sen
        : c === 'fsm'
          ? pupil.truth.fsm
            ? 'yes'
            : 'no'
          : c === 'eal'
            ? pupil.truth.eal
              ? 'yes'
              : 'no'
            : c === 'sex'
              ? pupil.truth.sex
              : c === 'yearGroup'
                ? pupil.truth.yearGroup
                : undefined;
    if (
      random.chance(rates.preferNotToSay) ||
      truth === undefined ||
      !options(item).includes(truth)
    ) {
      return options(item).includes('prefer-not-to-say') ? 'prefer-not-to-say' : undefined;
    }
    return truth;
  }
  if (random.chance(rates.skip)) return undefined;
  if (
    scoring.missing.length > 0 &&
    item.type !== 'multi-select' &&
    random.chance(rates.preferNotToSay)
  ) {
    return random.pick(scoring.missing);
  }
  switch (scoring.indicator) {
    case 'victimisation':
      return level(random, item, pupil.frequent ? 'frequent' : pupil.any ? 'any' : 'none');
    case 'victimisation-online':
      return level(
        random,
        item,
        pupil.frequentOnline ? 'frequent' : random.chance(0.1) ? 'any' : 'none',
      );
    case 'bullying-others':
    case 'bullying-others-online':
      return level(
        random,
        item,
        pupil.frequentOthers ? 'frequent' : random.chance(0.12) ? 'any' : 'none',
      );
  }
  if (scoring.kind === 'agreement' && scoring.values) {
    const agreeCut = scoring.cutoffs.agree ?? 2;
    const pAgree = pupil.frequent ? 0.55 : pupil.any ? 0.7 : 0.82;
    // Agreeing with a reverse-keyed item ("Other pupils don't like me") is the unhappy answer.
    const agree = random.chance(scoring.reverse ? 1 - pAgree : pAgree);
    return agree
      ? chooseByScore(random, item, agreeCut, Infinity)
      : chooseByScore(random, item, -Infinity, agreeCut);
  }
  if (scoring.kind === 'scale-item' && scoring.values) {
    const values = scored(item);
    // Three-point scales (Never / Sometimes / Always) get weights that rise with victimisation;
    // other lengths are answered uniformly.
    const weights =
      values.length !== 3
        ? values.map(() => 1 / values.length)
        : pupil.frequent
          ? [0.3, 0.5, 0.2]
          : pupil.any
            ? [0.45, 0.43, 0.12]
            : [0.58, 0.36, 0.06];
    // A reverse-keyed item ("I am calm") is answered the other way round.
    if (scoring.reverse) weights.reverse();
    let r = random.next();
    for (let i = 0; i < values.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return values[i]![0];
    }
    return values[values.length - 1]![0];
  }
  if (item.type === 'multi-select') {
    const choices = item.options.filter((o) => !o.exclusive && !scoring.missing.includes(o.value));
    const exclusive = item.options.filter((o) => o.exclusive);
    if (exclusive.length > 0 && random.chance(0.25)) return [random.pick(exclusive).value];
    const chosen = choices.filter(() => random.chance(0.35)).map((o) => o.value);
    return chosen.length > 0 ? chosen : [random.pick(choices).value];
  }
  if (item.type === 'free-text')
    return random.chance(0.1) ? random.pick(SAFER_SCHOOL).slice(0, item.maxLength) : undefined;
  const plain = options(item).filter((v) => !scoring.missing.includes(v));
  return random.pick(plain.length > 0 ? plain : options(item));
}

function yearsFor(phase: 'primary' | 'secondary', hasKs1: boolean): string[] {
  if (phase === 'secondary') return ['Y7', 'Y8', 'Y9', 'Y10', 'Y11'];
  return hasKs1 ? ['R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'] : ['Y3', 'Y4', 'Y5', 'Y6'];
}

function definitionFor(year: string, defs: CohortOptions['definitions']): QuestionnaireDefinition {
  if (['R', 'Y1', 'Y2'].includes(year) && defs['pupil-ks1']) return defs['pupil-ks1'];
  if (['Y3', 'Y4', 'Y5', 'Y6'].includes(year)) return defs['pupil-ks2'];
  return defs['pupil-secondary'];
}

function addDays(isoDate: string, days: number, minutes: number): string {
  const t = new Date(`${isoDate}T09:00:00Z`).getTime() + days * 86_400_000 + minutes * 60_000;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A seeded synthetic cohort: `schools` schools (primary and secondary) each with pupils answering
 * the pupil questionnaire for their key stage at each wave, with realistic base rates (domain.md §5)
 * and a modest improvement at Time 2. Items are found by their declared `scoring` (indicator, kind,
 * cut-offs), never by id, so any composed definition works. Responses are repeated cross-sections
 * (new ids each wave), anonymous, and valid against their definitions.
 *
 * @example
 * const { schools, responses } = generateCohort({ seed: 7, definitions: { 'pupil-ks2': ks2, 'pupil-secondary': sec } });
 */
export function generateCohort(options: CohortOptions): Cohort {
  const random = seededRandom(options.seed);
  const rates: CohortRates = { ...DEFAULT_COHORT_RATES, ...options.rates };
  const population: CohortPopulation = { ...DEFAULT_POPULATION, ...options.population };
  const [minPupils, maxPupils] = options.pupilsPerSchool ?? [40, 160];
  const waves = options.waves ?? (['baseline', 'end'] as const);
  const dates = options.dates ?? { baseline: '2026-10-05', end: '2027-06-07' };
  const senShare = population.sen.E + population.sen.K;
  const solved = solveMultipliers(rates.frequentVictimisation, {
    send: senShare,
    fsm: population.fsm,
  });
  const anyGivenNotFrequent =
    (rates.anyVictimisation - rates.frequentVictimisation.all) /
    (1 - rates.frequentVictimisation.all);

  const schools: School[] = [];
  const responses: QuestionnaireResponse[] = [];
  const count = options.schools ?? 8;
  for (let s = 0; s < count; s++) {
    const phase = random.chance(options.secondaryShare ?? 0.3) ? 'secondary' : 'primary';
    const name = `${SCHOOL_NAMES[s % SCHOOL_NAMES.length]}${s >= SCHOOL_NAMES.length ? ` ${Math.floor(s / SCHOOL_NAMES.length) + 1}` : ''} ${phase === 'primary' ? 'Primary' : 'Academy'} (synthetic)`;
    const school = {
      urn: String(900000 + ((options.seed * 7919 + s * 104729) % 99999)),
      name,
      phase,
      localAuthority: options.localAuthority ?? '999',
      trust: options.trust ?? 'synthetic-trust',
    } as School;
    schools.push(school);
    const years = yearsFor(phase, Boolean(options.definitions['pupil-ks1']));

    for (const wave of waves) {
      const change = wave === 'end' ? rates.time2Change : 1;
      const pupils = random.int(minPupils, maxPupils);
      for (let p = 0; p < pupils; p++) {
        const senDraw = random.next();
        const sen = senDraw < population.sen.E ? 'E' : senDraw < senShare ? 'K' : 'N';
        const fsm = random.chance(population.fsm);
        const truth = {
          sen,
          fsm,
          eal: random.chance(population.eal),
          sex: random.chance(population.female) ? 'female' : 'male',
          yearGroup: random.pick(years),
        } as Pupil['truth'];
        const pFrequent = Math.min(
          1,
          solved.p0 * (sen !== 'N' ? solved.send : 1) * (fsm ? solved.fsm : 1) * change,
        );
        const frequent = random.chance(pFrequent);
        const pOthersBase =
          rates.frequentBullyingOthers /
          (2 * rates.frequentVictimisation.all + 1 - rates.frequentVictimisation.all);
        const pupil: Pupil = {
          truth,
          frequent,
          any: frequent || random.chance(anyGivenNotFrequent * change),
          frequentOnline: random.chance(rates.frequentOnline * change),
          // Bully-victims: pupils bullied frequently are twice as likely to bully others.
          frequentOthers: random.chance(Math.min(1, pOthersBase * (frequent ? 2 : 1) * change)),
        };

        const definition = definitionFor(truth.yearGroup, options.definitions);
        const answers: Record<string, string | string[]> = {};
        const characteristics: PupilCharacteristics = { source: 'self-report' };
        for (const section of definition.sections) {
          const ctx = conditionContext(definition, answers);
          if (section.visibleIf && !evaluateCondition(section.visibleIf, ctx)) continue;
          for (const item of section.items) {
            if (
              item.visibleIf &&
              !evaluateCondition(item.visibleIf, conditionContext(definition, answers))
            )
              continue;
            const value = answer(random, item, pupil, rates);
            if (value === undefined) continue;
            answers[item.id] = value;
            const c =
              item.scoring.kind === 'characteristic' ? item.scoring.characteristic : undefined;
            if (c && typeof value === 'string')
              (characteristics as Record<string, string>)[c] = value;
          }
        }
        if (options.mode === 'linked')
          Object.assign(characteristics, recordOf(random, truth, population));
        const day = random.int(0, 27);
        const start = random.int(0, 300);
        responses.push({
          id: random.uuid(),
          definition: { id: definition.id, version: definition.version },
          wave,
          school: school.urn,
          mode: options.mode ?? 'anonymous',
          characteristics,
          answers,
          startedAt: addDays(dates[wave], day, start),
          submittedAt: addDays(dates[wave], day, start + random.int(6, 25)),
        } as QuestionnaireResponse);
      }
    }
  }
  return { schools, responses };
}
