/**
 * The reference the packed kernel is tested against: a plain summariser that walks each response,
 * object by object, straight from the plan and the answers. No packing, no strata, no histograms,
 * no lookup tables, no counters shared between indicators: every figure is worked out the way the
 * README says it in words, so that any shortcut the kernel takes for speed can be checked against
 * it on random cohorts (`summarisePacked(packResponses(...))` must deep-equal this, as JSON too).
 *
 * It reads the plan's targets (which indicator is which option or cut-off), the plan's sections for
 * which questions each pupil was shown (through the model's own `visibleItems`, not the plan's
 * compiled `shownIf`), and each item's declared scoring for what counts as "missing". Scores are
 * exact rationals (BigInt), turned into the summary's unit only at the end.
 *
 * Also here: a plain reference merge (adding marginals, rescaling sums to the least common unit),
 * for checking `mergeSummaries` the same way.
 */
import {
  DIMENSIONS,
  DIMENSION_GROUPS,
  itemsOf,
  visibleItems,
  type Dimension,
  type Item,
  type Marginal,
  type PupilCharacteristics,
  type PupilSummary,
  type QuestionnaireResponse,
  type School,
  type ScoreCounts,
  type SumMarginal,
  type Wave,
} from '@all-together/model';
import type { ScoringPlan } from '../summary.js';

/** One pupil's place in every breakdown: their group in each dimension. */
type Groups = Record<Dimension, string>;

/** A counter kept the plain way: a total and, per dimension, a count per group. */
class Tally {
  all = 0;
  by: Record<Dimension, Map<string, number>> = Object.fromEntries(
    DIMENSIONS.map((d) => [d, new Map<string, number>()]),
  ) as Record<Dimension, Map<string, number>>;

  add(groups: Groups, amount = 1): void {
    this.all += amount;
    for (const d of DIMENSIONS)
      this.by[d].set(groups[d], (this.by[d].get(groups[d]) ?? 0) + amount);
  }

  /** As a summary marginal: groups in sorted order, zeros left out. */
  marginal(): Marginal {
    const m = { all: this.all } as Marginal;
    for (const d of DIMENSIONS) {
      const out: Record<string, number> = {};
      for (const g of [...this.by[d].keys()].sort()) {
        const v = this.by[d].get(g)!;
        if (v !== 0) out[g] = v;
      }
      m[d] = out;
    }
    return m;
  }
}

/** A group value as breakdowns count it: a value the dimension does not list is `unknown`. */
function groupOf(dimension: Dimension, value: string | undefined): string {
  return value !== undefined && DIMENSION_GROUPS[dimension].includes(value) ? value : 'unknown';
}

function groupsOf(
  response: QuestionnaireResponse,
  schools: ReadonlyMap<string, Pick<School, 'phase'>>,
): Groups {
  const ch = response.characteristics as PupilCharacteristics;
  return {
    sex: groupOf('sex', ch.sex),
    yearGroup: groupOf('yearGroup', ch.yearGroup),
    phase: groupOf('phase', schools.get(response.school)?.phase),
    sen: groupOf('sen', ch.sen),
    fsm: groupOf('fsm', ch.fsm),
    eal: groupOf('eal', ch.eal),
    lookedAfter: groupOf('lookedAfter', ch.lookedAfter),
    youngCarer: groupOf('youngCarer', ch.youngCarer),
    ethnicity: groupOf('ethnicity', ch.ethnicity),
  };
}

/** What one pupil did with one question. */
type Answer =
  | { state: 'not-shown' }
  | { state: 'skipped' }
  | { state: 'missing' }
  /** A single choice: its option and the score the plan gives it. */
  | { state: 'answered'; value: string; score: number }
  /** A multi-select: the options chosen. */
  | { state: 'chosen'; values: readonly string[] };

function answerTo(
  item: Item,
  shown: ReadonlySet<string>,
  response: QuestionnaireResponse,
  codes: ReadonlyMap<string, number>,
): Answer {
  if (!shown.has(item.id)) return { state: 'not-shown' };
  const raw = response.answers[item.id];
  const missing = item.scoring.missing as readonly string[];
  if (item.type === 'multi-select') {
    const values = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
    const known = values.filter((v) => codes.has(v));
    if (known.length === 0) return { state: 'skipped' };
    if (known.some((v) => missing.includes(v))) return { state: 'missing' };
    return { state: 'chosen', values: known };
  }
  if (typeof raw !== 'string' || !codes.has(raw)) return { state: 'skipped' };
  if (missing.includes(raw)) return { state: 'missing' };
  return { state: 'answered', value: raw, score: codes.get(raw)! };
}

const bigAbs = (x: bigint) => (x < 0n ? -x : x);
const bigGcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [bigAbs(a), bigAbs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
const bigLcm = (a: bigint, b: bigint) => (a / bigGcd(a, b)) * b;

/** An exact fraction, kept reduced. */
interface Fraction {
  num: bigint;
  den: bigint;
}
const fraction = (num: bigint, den: bigint): Fraction => {
  const g = bigGcd(num, den) || 1n;
  return { num: num / g, den: den / g };
};
const plus = (a: Fraction, b: Fraction) => fraction(a.num * b.den + b.num * a.den, a.den * b.den);

/** The counts of one score, kept the plain way. */
interface ScoreTally {
  unit: number;
  n: Tally;
  sum: Tally;
  sumSquares: Tally;
  noScore: Tally;
  bands: Map<string, Tally>;
}

/**
 * The unit a score's sums are kept in, so that every possible score is a whole number of
 * `1 / unit`: a prorated sum (total × items ÷ answered) needs the least common multiple of every
 * possible number answered; a 0–100 mean of items rescaled to 0–1 needs that times the least
 * common multiple of the items' ranges (a score of 3 items answered on a 0–3 scale is a ninth).
 */
function unitOf(t: ScoringPlan['scores'][number]): number {
  let answeredLcm = 1n;
  for (let a = Math.max(1, t.columns.length - t.maxMissing); a <= t.columns.length; a++)
    answeredLcm = bigLcm(answeredLcm, BigInt(a));
  let rangeLcm = 1n;
  if (t.method === 'percent-mean')
    for (const r of t.ranges) rangeLcm = bigLcm(rangeLcm, BigInt(r.max - r.min));
  return Number(answeredLcm * rangeLcm);
}

/**
 * Summarises responses to the plan's definition (one wave) the plain way: one response at a time,
 * one indicator at a time. `schools` gives each school's phase. Responses to another definition or
 * wave are refused, as the kernel refuses them.
 */
export function referenceSummary(
  plan: ScoringPlan,
  wave: Wave,
  responses: readonly QuestionnaireResponse[],
  schools: ReadonlyMap<string, Pick<School, 'phase'>> = new Map(),
): PupilSummary {
  const items = new Map(itemsOf({ sections: plan.sections }).map((i) => [i.id as string, i]));
  const itemOf = (column: number) => items.get(plan.columns[column]!.item)!;
  const codesOf = (column: number) => plan.columns[column]!.codes;

  const respondents = new Tally();
  const binary = new Map<string, { yes: Tally; answered: Tally; missing: Tally; skipped: Tally }>();
  for (const key of [...plan.binary.map((b) => b.key), ...plan.combinations.map((c) => c.key)]) {
    binary.set(key, {
      yes: new Tally(),
      answered: new Tally(),
      missing: new Tally(),
      skipped: new Tally(),
    });
  }
  const scores = new Map<string, ScoreTally>(
    plan.scores.map((t) => [
      t.key,
      {
        unit: unitOf(t),
        n: new Tally(),
        sum: new Tally(),
        sumSquares: new Tally(),
        noScore: new Tally(),
        bands: new Map(t.bands.map((b) => [b.id, new Tally()])),
      },
    ]),
  );
  const schoolsSeen = new Set<string>();

  for (const r of responses) {
    if (`${r.definition.id}@${r.definition.version}` !== plan.definition)
      throw new Error(`Response ${r.id} answers another definition.`);
    if (r.wave !== wave) throw new Error(`Response ${r.id} is from another wave.`);
    schoolsSeen.add(r.school);
    const groups = groupsOf(r, schools);
    const shown = new Set(
      visibleItems({ sections: plan.sections }, r.answers).map((i) => i.id as string),
    );
    const answers = new Map<number, Answer>();
    const answer = (column: number): Answer => {
      if (!answers.has(column))
        answers.set(column, answerTo(itemOf(column), shown, r, codesOf(column)));
      return answers.get(column)!;
    };
    respondents.add(groups);

    // Each yes/no indicator on its own: its question's answer, then this indicator's rule.
    for (const target of plan.binary) {
      const counts = binary.get(target.key)!;
      const a = answer(target.column);
      if (a.state === 'not-shown') continue;
      if (a.state === 'skipped') counts.skipped.add(groups);
      else if (a.state === 'missing') counts.missing.add(groups);
      else {
        counts.answered.add(groups);
        let yes: boolean;
        if (a.state === 'chosen') {
          // A multi-select option: chosen or not.
          yes = a.values.some((v) => codesOf(target.column).get(v) === target.bit);
        } else if (target.threshold === undefined || Number.isNaN(target.threshold)) {
          // One option of a single choice.
          yes = a.score === target.bit;
        } else {
          // A cut-off: the answer's score at or above it.
          yes = a.score >= target.threshold;
        }
        if (yes) counts.yes.add(groups);
      }
    }

    // Combinations (bully-victim): asked only if every part was shown; "Prefer not to say" on any
    // part makes it missing, then a skipped part makes it skipped; yes when every part is at its cut-off.
    for (const comb of plan.combinations) {
      const counts = binary.get(comb.key)!;
      const parts = comb.terms.map((term) => ({ term, a: answer(term.column) }));
      if (parts.some(({ a }) => a.state === 'not-shown')) continue;
      if (parts.some(({ a }) => a.state === 'missing')) counts.missing.add(groups);
      else if (parts.some(({ a }) => a.state === 'skipped')) counts.skipped.add(groups);
      else {
        counts.answered.add(groups);
        const yes = parts.every(
          ({ term, a }) => a.state === 'answered' && a.score >= term.threshold,
        );
        if (yes) counts.yes.add(groups);
      }
    }

    // Scores: each answered item's value (reverse items flipped); too many missing items, no score.
    for (const t of plan.scores) {
      const tally = scores.get(t.key)!;
      const values: { x: number; min: number; max: number }[] = [];
      t.columns.forEach((column, k) => {
        const a = answer(column);
        if (a.state !== 'answered') return;
        const { min, max, reverse } = t.ranges[k]!;
        values.push({ x: reverse ? max + min - a.score : a.score, min, max });
      });
      const answered = values.length;
      const items = t.columns.length;
      if (answered === 0 || items - answered > t.maxMissing) {
        // A sum scale with too little answered has no score; a mean with nothing answered (never
        // asked, or every item skipped) is not counted at all, only one with too few.
        if (answered > 0 || t.method === 'sum') tally.noScore.add(groups);
        continue;
      }
      let score: Fraction;
      if (t.method === 'sum') {
        // Prorated to the whole scale: total × items ÷ answered.
        const total = values.reduce((s, v) => s + v.x, 0);
        score = fraction(BigInt(total * items), BigInt(answered));
      } else {
        // A 0–100 mean of the items, each rescaled to 0–1.
        const mean = values.reduce(
          (s, v) => plus(s, fraction(BigInt(v.x - v.min), BigInt(v.max - v.min))),
          fraction(0n, 1n),
        );
        score = fraction(mean.num * 100n, mean.den * BigInt(answered));
      }
      const unit = BigInt(tally.unit);
      if ((score.num * unit) % score.den !== 0n)
        throw new Error(`A score of ${t.key} is not a whole number of its unit.`);
      const units = (score.num * unit) / score.den;
      tally.n.add(groups);
      tally.sum.add(groups, Number(units));
      tally.sumSquares.add(groups, Number(units * units));
      // Bands classify the score rounded half up to a whole number.
      const whole = (2n * score.num + score.den) / (2n * score.den);
      const band = t.bands.find((b) => whole >= BigInt(b.min) && whole <= BigInt(b.max));
      if (band) tally.bands.get(band.id)!.add(groups);
    }
  }

  const sorted = <T>(entries: [string, T][]): Record<string, T> =>
    Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    kind: 'pupil-summary',
    format: 2,
    wave,
    comparableAs: plan.comparableAs,
    schools: [...schoolsSeen].sort(),
    definitions: responses.length > 0 ? [plan.definition] : [],
    respondents: respondents.marginal(),
    info: sorted(Object.entries(plan.info)),
    binary: sorted(
      [...binary].map(([key, c]) => [
        key,
        {
          yes: c.yes.marginal(),
          answered: c.answered.marginal(),
          missing: c.missing.marginal(),
          skipped: c.skipped.marginal(),
        },
      ]),
    ),
    scores: sorted(
      [...scores].map(([key, s]): [string, ScoreCounts] => [
        key,
        {
          unit: s.unit,
          n: s.n.marginal(),
          sum: s.sum.marginal() as SumMarginal,
          sumSquares: s.sumSquares.marginal() as SumMarginal,
          noScore: s.noScore.marginal(),
          bands: sorted([...s.bands].map(([id, tally]) => [id, tally.marginal()])),
        },
      ]),
    ),
  };
}

/** Every count of a summary multiplied by `k` (a batch repeated k times), sums and squares included. */
export function timesSummary(summary: PupilSummary, k: number): PupilSummary {
  const times = <M extends Marginal | SumMarginal>(m: M): M => {
    const out = { all: m.all * k } as M;
    for (const d of DIMENSIONS)
      out[d] = Object.fromEntries(Object.entries(m[d]).map(([g, v]) => [g, v * k]));
    return out;
  };
  return {
    ...summary,
    respondents: times(summary.respondents),
    binary: Object.fromEntries(
      Object.entries(summary.binary).map(([key, b]) => [
        key,
        {
          yes: times(b.yes),
          answered: times(b.answered),
          missing: times(b.missing),
          skipped: times(b.skipped),
        },
      ]),
    ),
    scores: Object.fromEntries(
      Object.entries(summary.scores).map(([key, s]) => [
        key,
        {
          unit: s.unit,
          n: times(s.n),
          sum: times(s.sum),
          sumSquares: times(s.sumSquares),
          noScore: times(s.noScore),
          bands: Object.fromEntries(Object.entries(s.bands).map(([b, m]) => [b, times(m)])),
        },
      ]),
    ),
  };
}

/**
 * Adds summaries of one wave the plain way: counts added group by group, a score's sums rescaled to
 * the least common multiple of the parts' units (squares by its square), schools and definitions
 * united. No checks: the inputs are the kernel's own summaries of one comparable pool.
 */
export function referenceMerge(summaries: readonly PupilSummary[]): PupilSummary {
  const wave = summaries[0]!.wave;
  const respondents = new Tally();
  const binary = new Map<string, Record<'yes' | 'answered' | 'missing' | 'skipped', Tally>>();
  const scores = new Map<string, { unit: bigint; parts: { s: ScoreCounts }[] }>();
  const info: PupilSummary['info'] = {};
  let comparableAs: string | null = null;
  const schools = new Set<string>();
  const definitions = new Set<string>();
  // Adds a marginal into a tally, each group's figure multiplied by `factor`.
  const addMarginal = (into: Tally, m: Marginal | SumMarginal, factor = 1) => {
    into.all += m.all * factor;
    for (const d of DIMENSIONS)
      for (const [g, v] of Object.entries(m[d]))
        into.by[d].set(g, (into.by[d].get(g) ?? 0) + v * factor);
  };
  for (const s of summaries) {
    comparableAs ??= s.comparableAs;
    s.schools.forEach((u) => schools.add(u));
    s.definitions.forEach((d) => definitions.add(d));
    for (const [key, value] of Object.entries(s.info)) info[key] ??= value;
    addMarginal(respondents, s.respondents);
    for (const [key, b] of Object.entries(s.binary)) {
      const into = binary.get(key) ?? {
        yes: new Tally(),
        answered: new Tally(),
        missing: new Tally(),
        skipped: new Tally(),
      };
      binary.set(key, into);
      addMarginal(into.yes, b.yes);
      addMarginal(into.answered, b.answered);
      addMarginal(into.missing, b.missing);
      addMarginal(into.skipped, b.skipped);
    }
    for (const [key, c] of Object.entries(s.scores)) {
      const entry = scores.get(key) ?? { unit: 1n, parts: [] };
      entry.unit = bigLcm(entry.unit, BigInt(c.unit));
      entry.parts.push({ s: c });
      scores.set(key, entry);
    }
  }
  const sorted = <T>(entries: [string, T][]): Record<string, T> =>
    Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    kind: 'pupil-summary',
    format: 2,
    wave,
    comparableAs,
    schools: [...schools].sort(),
    definitions: [...definitions].sort(),
    respondents: respondents.marginal(),
    info: sorted(Object.entries(info)),
    binary: sorted(
      [...binary].map(([key, c]) => [
        key,
        {
          yes: c.yes.marginal(),
          answered: c.answered.marginal(),
          missing: c.missing.marginal(),
          skipped: c.skipped.marginal(),
        },
      ]),
    ),
    scores: sorted(
      [...scores].map(([key, { unit, parts }]): [string, ScoreCounts] => {
        const n = new Tally();
        const sum = new Tally();
        const sumSquares = new Tally();
        const noScore = new Tally();
        const bands = new Map<string, Tally>();
        for (const { s } of parts) {
          const scale = Number(unit / BigInt(s.unit));
          addMarginal(n, s.n);
          addMarginal(sum, s.sum, scale);
          addMarginal(sumSquares, s.sumSquares, scale * scale);
          addMarginal(noScore, s.noScore);
          for (const [band, m] of Object.entries(s.bands)) {
            const into = bands.get(band) ?? new Tally();
            bands.set(band, into);
            addMarginal(into, m);
          }
        }
        return [
          key,
          {
            unit: Number(unit),
            n: n.marginal(),
            sum: sum.marginal() as SumMarginal,
            sumSquares: sumSquares.marginal() as SumMarginal,
            noScore: noScore.marginal(),
            bands: sorted([...bands].map(([id, tally]) => [id, tally.marginal()])),
          },
        ];
      }),
    ),
  };
}
