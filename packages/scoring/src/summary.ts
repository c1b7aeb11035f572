import {
  DERIVED_GROUPS,
  DIMENSIONS,
  DIMENSION_GROUPS,
  conditionContext,
  evaluateCondition,
  itemsOf,
  producedIndicators,
  type BinaryCounts,
  type Condition,
  type Dimension,
  type IndicatorDeclaration,
  type IndicatorInfo,
  type Marginal,
  type PupilCharacteristics,
  type PupilSummary,
  type QuestionnaireDefinition,
  type QuestionnaireResponse,
  type School,
  type ScoreCounts,
  type SumMarginal,
  type Wave,
} from '@all-together/model';
import type { MeanStat, Proportion } from './types.js';

export { DERIVED_GROUPS, DIMENSIONS, DIMENSION_GROUPS };
export type { BinaryCounts, Dimension, IndicatorInfo, Marginal, PupilSummary, ScoreCounts };

// ───────────────────────────── the plan: a definition compiled once ─────────────────────────────

/** Packed answer codes of a single-answer column: a score ≥ 0, or one of these. */
const NOT_SHOWN = -3;
const NOT_ANSWERED = -2;
const MISSING = -1;
/** A multi-select column's mask when the question was not shown (bit 31: options use ≤ 20 bits). */
const NOT_SHOWN_MASK = 1 << 31;

interface Column {
  item: string;
  /** Option value → code (a score ≥ 0, or MISSING); multi-select items use bit positions. */
  codes: Map<string, number>;
  multi: boolean;
  /** When the item is shown (its section's and its own `visibleIf`), if ever conditional. */
  shownIf?: Condition;
}

interface BinaryTarget {
  key: string;
  column: number;
  /** For single answers: yes when score ≥ threshold. For multi-select: yes when this bit is set. */
  threshold?: number;
  bit?: number;
  missingBits?: number;
}

interface ScoreTarget {
  key: string;
  columns: number[];
  /** Each item's min and max score and whether it is reversed, for the composite and scales. */
  ranges: { min: number; max: number; reverse: boolean }[];
  method: 'sum' | 'percent-mean';
  maxMissing: number;
  bands: { id: string; min: number; max: number }[];
}

/** A declared combination: yes when each term (a single-answer column at a cut-off) is yes. */
interface CombinationTarget {
  key: string;
  terms: { column: number; threshold: number }[];
}

/** A definition compiled for scoring: columns to pack and the indicators they feed. */
export interface ScoringPlan {
  definition: string;
  /** The definition's `comparableAs` (or its id): only equal ones are ever added together. */
  comparableAs: string;
  columns: Column[];
  binary: BinaryTarget[];
  combinations: CombinationTarget[];
  scores: ScoreTarget[];
  info: Record<string, IndicatorInfo>;
  /** The definition's sections, for working out which questions each pupil was shown. */
  sections: QuestionnaireDefinition['sections'];
}

/** Options for building indicators from definitions. */
export interface PlanOptions {
  /**
   * Overrides every frequency item's declared `frequent` cut-off (for instance 3, "about once a
   * week"). Each definition declares its own; this is for a tenant that sets another.
   */
  frequentCutoff?: number;
}

/** The meaning of an undeclared indicator of a non-pupil survey: its data, never its name. */
function undeclared(
  key: string,
  reverse: boolean,
  kind: 'binary' | 'score',
  family: IndicatorInfo['family'],
): IndicatorInfo {
  return {
    kind,
    direction:
      family.kind === 'cut-off' && !reverse && family.at !== undefined
        ? 'higher-is-better'
        : 'neither',
    population: 'all',
    label: { 'en-GB': key },
    source: key,
    family,
  };
}

/**
 * Compiles a questionnaire definition into a scoring plan, reading only its declared scoring and
 * indicator declarations (ADR 0007): every key from `producedIndicators` (frequency cut-offs,
 * categories, yes/no, agreement cut-offs, scales), each declared composite (a 0–100 mean of the
 * agreement items feeding one indicator, reverse items flipped) and each declared combination
 * (`allOf`, such as bully-victim). Meaning (direction, who was asked, label) comes from the
 * declarations; nothing here names an indicator or an item.
 *
 * @throws Error when a produced key has no declaration in a definition that declares indicators.
 */
export function compilePlan(
  definition: QuestionnaireDefinition,
  options: PlanOptions = {},
): ScoringPlan {
  const declarations = new Map<string, IndicatorDeclaration>(
    (definition.indicators ?? []).map((d) => [d.key, d]),
  );
  const infoOf = (
    key: string,
    source: string,
    kind: 'binary' | 'score',
    family: IndicatorInfo['family'],
    reverse = false,
  ): IndicatorInfo => {
    const d = declarations.get(key);
    if (!d) {
      if (definition.indicators)
        throw new Error(`${definition.id}@${definition.version} does not declare "${key}".`);
      return { ...undeclared(key, reverse, kind, family), source };
    }
    const { direction, population, label } = d;
    return { kind, direction, population, label, source, family };
  };
  const plan: ScoringPlan = {
    definition: `${definition.id}@${definition.version}`,
    comparableAs: definition.comparableAs ?? definition.id,
    columns: [],
    binary: [],
    combinations: [],
    scores: [],
    info: {},
    sections: definition.sections,
  };
  const columnOf = new Map<string, number>();
  const addColumn = (item: ReturnType<typeof itemsOf>[number], shownIf?: Condition): number => {
    const existing = columnOf.get(item.id);
    if (existing !== undefined) return existing;
    if (item.type === 'free-text') throw new Error('free text is not scored');
    const multi = item.type === 'multi-select';
    const codes = new Map<string, number>();
    item.options.forEach((o, i) => {
      if (multi) codes.set(o.value, i);
      else if (item.scoring.missing.includes(o.value)) codes.set(o.value, MISSING);
      else codes.set(o.value, item.scoring.values?.[o.value] ?? i);
    });
    plan.columns.push({ item: item.id, codes, multi, shownIf });
    columnOf.set(item.id, plan.columns.length - 1);
    return plan.columns.length - 1;
  };
  // Where each item sits: a column is conditional when its section's or its own visibleIf is set.
  const conditions = new Map<string, Condition | undefined>();
  for (const section of definition.sections) {
    for (const item of section.items) {
      const both = [section.visibleIf, item.visibleIf].filter((c): c is Condition => !!c);
      conditions.set(
        item.id,
        both.length === 0
          ? undefined
          : both.length === 1
            ? both[0]
            : { op: 'all', conditions: both },
      );
    }
  }
  const column = (item: ReturnType<typeof itemsOf>[number]) =>
    addColumn(item, conditions.get(item.id));

  const thresholdOf = new Map<string, { column: number; threshold: number }>();
  const agreementBy = new Map<
    string,
    { column: number; min: number; max: number; reverse: boolean }[]
  >();

  for (const item of itemsOf(definition)) {
    const s = item.scoring;
    if (item.type === 'free-text' || s.kind === 'none' || s.kind === 'characteristic') continue;
    const indicator = s.indicator;
    if (!indicator) continue;
    if (s.kind === 'frequency' && s.values) {
      const c = column(item);
      for (const [name, declared] of Object.entries(s.cutoffs)) {
        const threshold =
          name === 'frequent' && options.frequentCutoff !== undefined
            ? options.frequentCutoff
            : declared;
        const scores = Object.values(s.values);
        if (threshold < Math.min(...scores) || threshold > Math.max(...scores)) {
          throw new RangeError(
            `${definition.id}@${definition.version}: cut-off ${threshold} is outside the scores (${Math.min(...scores)}–${Math.max(...scores)}) of "${item.id}"; set a cut-off each instrument has.`,
          );
        }
        const key = `${indicator}.${name}`;
        plan.binary.push({ key, column: c, threshold });
        plan.info[key] = infoOf(key, indicator, 'binary', {
          id: item.id,
          kind: 'cut-off',
          at: threshold,
        });
        thresholdOf.set(key, { column: c, threshold });
      }
    } else if (s.kind === 'categories' || s.kind === 'category' || s.kind === 'yes-no') {
      const c = column(item);
      const multi = item.type === 'multi-select';
      const missingBits = multi
        ? item.options.reduce((m, o, i) => (s.missing.includes(o.value) ? m | (1 << i) : m), 0)
        : undefined;
      item.options.forEach((o, i) => {
        if (s.missing.includes(o.value)) return;
        if (s.kind === 'yes-no' && o.value !== 'yes') return;
        const key = s.kind === 'yes-no' ? `${indicator}.yes` : `${indicator}.${o.value}`;
        // Multi-select options match by bit; a single category by its packed code.
        const code = plan.columns[c]!.codes.get(o.value)!;
        plan.binary.push(
          multi
            ? { key, column: c, bit: i, missingBits }
            : { key, column: c, threshold: Number.NaN, bit: code },
        );
        plan.info[key] = infoOf(
          key,
          `${indicator}:${o.value}`,
          'binary',
          multi
            ? { id: item.id, kind: 'any-of', exclusive: o.exclusive }
            : { id: item.id, kind: s.kind === 'yes-no' ? 'cut-off' : 'option' },
        );
      });
    } else if (s.kind === 'agreement' && s.values) {
      const c = column(item);
      for (const [name, threshold] of Object.entries(s.cutoffs)) {
        const key = `${indicator}.${item.id}.${name}`;
        plan.binary.push({ key, column: c, threshold });
        plan.info[key] = infoOf(
          key,
          `${indicator}:${item.id}`,
          'binary',
          { id: item.id, kind: 'cut-off', at: threshold },
          s.reverse,
        );
      }
      const scores = Object.values(s.values);
      const list = agreementBy.get(indicator) ?? [];
      list.push({
        column: c,
        min: Math.min(...scores),
        max: Math.max(...scores),
        reverse: s.reverse,
      });
      agreementBy.set(indicator, list);
    }
  }

  for (const d of definition.indicators ?? []) {
    if (d.composite) {
      const feeds = agreementBy.get(d.composite.of) ?? [];
      if (feeds.length === 0) continue;
      const minAnswered = Math.max(1, Math.ceil(feeds.length * d.composite.minAnswered));
      plan.scores.push({
        key: d.key,
        columns: feeds.map((f) => f.column),
        ranges: feeds,
        method: 'percent-mean',
        maxMissing: feeds.length - minAnswered,
        bands: [],
      });
      plan.info[d.key] = infoOf(d.key, d.composite.of, 'score', { id: d.key, kind: 'score' });
    } else if (d.allOf) {
      const terms = d.allOf.map((k) => thresholdOf.get(k));
      if (terms.some((t) => !t))
        throw new Error(
          `${definition.id}@${definition.version}: "${d.key}" combines indicators that are not frequency cut-offs.`,
        );
      plan.combinations.push({
        key: d.key,
        terms: terms as { column: number; threshold: number }[],
      });
      plan.info[d.key] = infoOf(d.key, d.allOf.join('+'), 'binary', {
        id: d.key,
        kind: 'all-of',
        of: [...d.allOf],
      });
    }
  }

  for (const scale of definition.scales) {
    const members = itemsOf(definition).filter(
      (i) => i.scoring.scale === scale.id && i.type !== 'free-text',
    );
    if (members.length === 0) continue;
    const key = `scale.${scale.id}`;
    plan.scores.push({
      key,
      columns: members.map(column),
      ranges: members.map((i) => {
        const v = Object.values(i.scoring.values ?? { x: 0 });
        return { min: Math.min(...v), max: Math.max(...v), reverse: i.scoring.reverse };
      }),
      method: scale.method === 'sum' ? 'sum' : 'percent-mean',
      maxMissing: scale.prorate?.maxMissing ?? 0,
      bands: scale.bands.map((b) => ({ id: b.id, min: b.min, max: b.max })),
    });
    const info = infoOf(key, scale.id, 'score', { id: key, kind: 'score' });
    plan.info[key] = declarations.has(key)
      ? info
      : { ...info, direction: scale.direction, label: scale.title };
  }

  // Every produced key is scored (the model's one naming rule); a mismatch is a bug here.
  for (const p of producedIndicators(definition)) {
    if (!plan.info[p.key]) throw new Error(`Scoring missed the indicator "${p.key}".`);
  }
  return plan;
}

// ──────────────────────────────── packed (columnar) responses ────────────────────────────────

/**
 * Responses to one definition packed into typed columns: one Int8 score code per scored item
 * (−3 not shown, −2 shown but not answered, −1 a missing option such as "Prefer not to say"),
 * multi-select items as bit masks, and one small code per dimension. Scoring a packed batch
 * allocates nothing per response.
 */
export interface PackedResponses {
  plan: ScoringPlan;
  wave: Wave;
  length: number;
  /** Score codes (single answers) or bit masks (multi-select), one column per plan column. */
  columns: (Int8Array | Int32Array)[];
  /** Index into DIMENSION_GROUPS[dimension] for each response, one column per dimension. */
  groups: Record<Dimension, Uint8Array>;
  schools: Set<string>;
}

const GROUP_INDEX = Object.fromEntries(
  DIMENSIONS.map((d) => [d, new Map(DIMENSION_GROUPS[d].map((g, i) => [g, i]))]),
) as Record<Dimension, Map<string, number>>;

function groupCode(dimension: Dimension, value: string | undefined): number {
  const map = GROUP_INDEX[dimension];
  return map.get(value ?? 'unknown') ?? map.get('unknown')!;
}

/** Allocates an empty packed batch of `capacity` responses for a plan (every question shown, none answered). */
export function createPacked(plan: ScoringPlan, wave: Wave, capacity: number): PackedResponses {
  return {
    plan,
    wave,
    length: 0,
    columns: plan.columns.map((c) =>
      c.multi ? new Int32Array(capacity) : new Int8Array(capacity).fill(NOT_ANSWERED),
    ),
    groups: Object.fromEntries(
      DIMENSIONS.map((d) => [d, new Uint8Array(capacity).fill(groupCode(d, undefined))]),
    ) as Record<Dimension, Uint8Array>,
    schools: new Set(),
  };
}

/**
 * Packs responses (already validated) for one definition. `schools` gives each school's phase;
 * responses to other definitions or waves are refused with an error naming the response. A
 * question the pupil was not shown (its `visibleIf` did not hold) is told apart from one skipped.
 */
export function packResponses(
  plan: ScoringPlan,
  wave: Wave,
  responses: readonly QuestionnaireResponse[],
  schools: ReadonlyMap<string, Pick<School, 'phase'>> = new Map(),
): PackedResponses {
  const packed = createPacked(plan, wave, responses.length);
  const conditional = plan.columns.some((c) => c.shownIf);
  for (const r of responses) {
    if (`${r.definition.id}@${r.definition.version}` !== plan.definition) {
      throw new Error(
        `Response ${r.id} answers ${r.definition.id}@${r.definition.version}, not ${plan.definition}.`,
      );
    }
    if (r.wave !== wave)
      throw new Error(`Response ${r.id} is from the ${r.wave} wave, not ${wave}.`);
    const i = packed.length++;
    const ctx = conditional ? conditionContext({ sections: plan.sections }, r.answers) : undefined;
    plan.columns.forEach((column, c) => {
      if (column.shownIf && !evaluateCondition(column.shownIf, ctx!)) {
        packed.columns[c]![i] = column.multi ? NOT_SHOWN_MASK : NOT_SHOWN;
        return;
      }
      const answer = r.answers[column.item];
      if (answer === undefined) return;
      if (column.multi) {
        let mask = 0;
        for (const v of typeof answer === 'string' ? [answer] : answer) {
          const bit = column.codes.get(v);
          if (bit !== undefined) mask |= 1 << bit;
        }
        packed.columns[c]![i] = mask;
      } else if (typeof answer === 'string') {
        const code = column.codes.get(answer);
        if (code !== undefined) packed.columns[c]![i] = code;
      }
    });
    const ch = r.characteristics as PupilCharacteristics;
    packed.groups.sex[i] = groupCode('sex', ch.sex);
    packed.groups.yearGroup[i] = groupCode('yearGroup', ch.yearGroup);
    packed.groups.sen[i] = groupCode('sen', ch.sen);
    packed.groups.fsm[i] = groupCode('fsm', ch.fsm);
    packed.groups.eal[i] = groupCode('eal', ch.eal);
    packed.groups.phase[i] = groupCode('phase', schools.get(r.school)?.phase);
    packed.schools.add(r.school);
  }
  return packed;
}

// ──────────────────────────────────── summarising ────────────────────────────────────

const SIZES = DIMENSIONS.map((d) => DIMENSION_GROUPS[d].length);
const STRIDES = SIZES.map((_, i) => SIZES.slice(i + 1).reduce((a, b) => a * b, 1));
const STRATA = SIZES.reduce((a, b) => a * b, 1);
/** Histogram slots a single-answer code takes: code + OFFSET ≥ 0. */
const OFFSET = 3;

/**
 * The counter layout of a plan, compiled once. Counters per column: answered, missing, skipped;
 * per binary target: yes; per combination: yes, answered, missing, skipped; per score: n, sum,
 * sumSquares, noScore and its bands. For every single-answer column a lookup table maps each
 * answer code to the counters it adds one to, so scoring a response is a load and an increment
 * per column, and the counters are filled once per histogram slot at the end.
 */
interface Layout {
  width: number;
  columnCounters: number[]; // answered at k, missing at k + 1, skipped at k + 2
  yes: number[]; // per binary target
  combinations: number[]; // yes, answered, missing, skipped
  scores: number[];
  singles: number[]; // column indexes of single answers
  histWidth: number;
  lutStart: Int32Array;
  lutBase: Int32Array;
  lutData: Int32Array;
  multis: {
    column: number;
    missingBits: number;
    answered: number;
    missing: number;
    skipped: number;
    bits: Int32Array;
  }[];
  /**
   * Per score: per item k, by answer code (code + OFFSET), the item's contribution as a whole
   * number (its score × `scaleBy`), or MISSING_MARK when it adds no score. Adding a response's
   * contributions gives, in one sum, how many items are missing (the high bits) and the total.
   */
  contribution: Int32Array[];
  scaleBy: number[];
  /** Per score: the largest total (× scaleBy), for the (answered, total) histogram. */
  maxTotal: number[];
  /** Per score: the unit its sums are kept in (exact, unrounded prorated scores). */
  unit: number[];
}

const layouts = new WeakMap<ScoringPlan, Layout>();

/** The mark a missing item adds to a score's running sum: 2^16, far above any real total. */
const MISSING_MARK = 1 << 16;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number) => (a * b) / gcd(a, b);

function layoutOf(plan: ScoringPlan): Layout {
  const cached = layouts.get(plan);
  if (cached) return cached;
  let next = 1; // counter 0: respondents
  const columnCounters = plan.columns.map(() => ((next += 3), next - 3));
  const yes = plan.binary.map(() => next++);
  const combinations = plan.combinations.map(() => ((next += 4), next - 4));
  const scores = plan.scores.map((t) => ((next += 4 + t.bands.length), next - 4 - t.bands.length));

  const singles = plan.columns.map((c, i) => (c.multi ? -1 : i)).filter((i) => i >= 0);
  const lists: number[][] = [];
  const lutBase = new Int32Array(singles.length);
  for (const [j, c] of singles.entries()) {
    const maxCode = Math.max(0, ...plan.columns[c]!.codes.values());
    lutBase[j] = lists.length;
    for (let code = NOT_SHOWN; code <= maxCode; code++) {
      const bump: number[] = [];
      if (code === NOT_ANSWERED) bump.push(columnCounters[c]! + 2);
      else if (code === MISSING) bump.push(columnCounters[c]! + 1);
      else if (code >= 0) {
        bump.push(columnCounters[c]!);
        plan.binary.forEach((t, b) => {
          if (t.column !== c) return;
          if (Number.isNaN(t.threshold) ? code === t.bit : code >= t.threshold!) bump.push(yes[b]!);
        });
      }
      lists.push(bump);
    }
  }
  const lutStart = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (lutStart[i + 1] = lutStart[i]! + l.length));
  const lutData = Int32Array.from(lists.flat());

  const multis = plan.columns.flatMap((c, column) => {
    if (!c.multi) return [];
    const targets = plan.binary.map((t, b) => ({ t, b })).filter(({ t }) => t.column === column);
    const bits = new Int32Array(32).fill(-1);
    for (const { t, b } of targets) bits[t.bit!] = yes[b]!;
    const missingBits = targets[0]?.t.missingBits ?? 0;
    const at = columnCounters[column]!;
    return [{ column, missingBits, answered: at, missing: at + 1, skipped: at + 2, bits }];
  });

  const scaleBy = plan.scores.map((t) =>
    t.method === 'sum' ? 1 : t.ranges.reduce((l, r) => lcm(l, r.max - r.min), 1),
  );
  const maxTotal: number[] = [];
  const contribution = plan.scores.map((t, s) => {
    if (t.columns.length >= 64)
      throw new Error(`Scale "${t.key}" has ${t.columns.length} items; at most 63 can be counted.`);
    const maxCode = Math.max(
      ...t.columns.map((c) => Math.max(0, ...plan.columns[c]!.codes.values())),
    );
    const stride = maxCode + 1 + OFFSET;
    const table = new Int32Array(t.columns.length * stride).fill(MISSING_MARK);
    let most = 0;
    t.columns.forEach((_, k) => {
      const r = t.ranges[k]!;
      let itemMost = 0;
      for (let code = 0; code <= maxCode; code++) {
        const x = r.reverse ? r.max + r.min - code : code;
        const value = t.method === 'sum' ? x : ((x - r.min) * scaleBy[s]!) / (r.max - r.min);
        if (!Number.isInteger(value) || value < 0 || value >= MISSING_MARK / 64) {
          throw new Error(
            `Scale "${t.key}" has scores this summary cannot count exactly (${value}).`,
          );
        }
        table[k * stride + code + OFFSET] = value;
        itemMost = Math.max(itemMost, value);
      }
      most += itemMost;
    });
    maxTotal.push(most);
    return table;
  });
  // A prorated sum is total × items ÷ answered and a composite total ÷ answered × 100: kept in units
  // of 1 / (scaleBy × lcm of every possible number answered), both are whole numbers, never rounded.
  const unit = plan.scores.map((t, s) => {
    let d = 1;
    for (let a = Math.max(1, t.columns.length - t.maxMissing); a <= t.columns.length; a++)
      d = lcm(d, a);
    return scaleBy[s]! * d;
  });

  const layout: Layout = {
    width: next,
    columnCounters,
    yes,
    combinations,
    scores,
    singles,
    histWidth: lists.length,
    lutStart,
    lutBase,
    lutData,
    multis,
    contribution,
    scaleBy,
    maxTotal,
    unit,
  };
  layouts.set(plan, layout);
  return layout;
}

/**
 * A score from one response's (answered items, total × scaleBy), in the score's unit: exact, so a
 * prorated wellbeing score of 9.44 counts as 9.44, not 9 (rounding each pupil's score before
 * averaging biases the mean).
 */
function scoreInUnits(
  t: ScoreTarget,
  L: Layout,
  s: number,
  answered: number,
  total: number,
): number {
  const items = t.columns.length;
  const perAnswered = L.unit[s]! / L.scaleBy[s]! / answered; // whole: unit includes every answered count
  return t.method === 'sum' ? total * items * perAnswered : total * 100 * perAnswered;
}

/** Bands classify a score rounded half up to a whole number (bands are declared on whole scores). */
function bandOf(t: ScoreTarget, scoreUnits: number, unit: number): number {
  const whole = Math.floor((2 * scoreUnits + unit) / (2 * unit));
  for (let k = 0; k < t.bands.length; k++) {
    if (whole >= t.bands[k]!.min && whole <= t.bands[k]!.max) return k;
  }
  return -1;
}

/**
 * Summarises a packed batch. Each response adds one to a histogram slot per single-answer column in
 * its stratum (its combination of groups) and one per score to its (answered, total) slot; at the
 * end each non-empty slot's count goes to the counters its code means, and each distinct score
 * once to n, the sums and its band. Strata are folded into marginals and never leave this function:
 * a summary holds marginals only.
 */
export function summarisePacked(packed: PackedResponses): PupilSummary {
  const { plan } = packed;
  const L = layoutOf(plan);
  const width = L.width;
  // Few of the ~30,000 possible strata occur in practice: give each one that does a compact row.
  const rowOf = new Int32Array(STRATA).fill(-1);
  const rowIndex = new Int32Array(packed.length);
  const strata: number[] = [];
  const [d0, d1, d2, d3, d4, d5] = DIMENSIONS.map((d) => packed.groups[d]) as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  const [s0, s1, s2, s3, s4] = STRIDES as [number, number, number, number, number];
  for (let i = 0; i < packed.length; i++) {
    const stratum = d0[i]! * s0 + d1[i]! * s1 + d2[i]! * s2 + d3[i]! * s3 + d4[i]! * s4 + d5[i]!;
    let r = rowOf[stratum]!;
    if (r < 0) {
      r = rowOf[stratum] = strata.length;
      strata.push(stratum);
    }
    rowIndex[i] = r;
  }
  const rows = strata.length;
  const acc = new Float64Array(rows * width);
  const histWidth = L.histWidth;
  // Slot-major (slot × stratum), so one column's increments stay within a block small enough for
  // the cache: the column's few codes × the strata.
  const hist = new Int32Array(rows * histWidth);

  // One column at a time: a sequential read of the column and one increment per answer.
  const singles = L.singles.map((c) => packed.columns[c]! as Int8Array);
  for (let j = 0; j < singles.length; j++) {
    const column = singles[j]!;
    const base = (L.lutBase[j]! + OFFSET) * rows;
    for (let i = 0; i < packed.length; i++) hist[base + column[i]! * rows + rowIndex[i]!]!++;
  }

  for (let i = 0; i < packed.length; i++) acc[rowIndex[i]! * width]!++;

  for (const m of L.multis) {
    const data = packed.columns[m.column]! as Int32Array;
    for (let i = 0; i < packed.length; i++) {
      let mask = data[i]!;
      if (mask === NOT_SHOWN_MASK) continue;
      const row = rowIndex[i]! * width;
      if (mask === 0) {
        acc[row + m.skipped]!++;
        continue;
      }
      if (mask & m.missingBits) {
        acc[row + m.missing]!++;
        continue;
      }
      acc[row + m.answered]!++;
      while (mask !== 0) {
        const bit = 31 - Math.clz32(mask & -mask);
        const counter = m.bits[bit]!;
        if (counter >= 0) acc[row + counter]!++;
        mask &= mask - 1;
      }
    }
  }

  plan.combinations.forEach((comb, q) => {
    const cols = comb.terms.map((t) => packed.columns[t.column]! as Int8Array);
    const at = L.combinations[q]!;
    for (let i = 0; i < packed.length; i++) {
      const row = rowIndex[i]! * width + at;
      let all = true;
      let missing = false;
      let skipped = false;
      let hidden = false;
      for (let k = 0; k < cols.length; k++) {
        const code = cols[k]![i]!;
        if (code === NOT_SHOWN) hidden = true;
        else if (code === NOT_ANSWERED) skipped = true;
        else if (code === MISSING) missing = true;
        else if (code < comb.terms[k]!.threshold) all = false;
      }
      if (hidden) continue;
      if (missing) acc[row + 2]!++;
      else if (skipped) acc[row + 3]!++;
      else {
        acc[row + 1]!++;
        if (all) acc[row]!++;
      }
    }
  });

  // Scores: one histogram slot per (stratum, answered, total); each distinct slot scored once.
  plan.scores.forEach((t, s) => {
    const cols = t.columns.map((c) => packed.columns[c]! as Int8Array);
    const table = L.contribution[s]!;
    const stride = table.length / t.columns.length;
    const items = cols.length;
    const span = L.maxTotal[s]! + 1;
    const slots = (items + 1) * span;
    const scoreHist = new Int32Array(rows * slots);
    // Item by item into one running sum per response (sequential reads), then one increment per
    // response; the score itself is worked out once per distinct (stratum, answered, total) below.
    const sums = new Int32Array(packed.length);
    for (let k = 0; k < items; k++) {
      const column = cols[k]!;
      const lookup = table.subarray(k * stride + OFFSET + NOT_SHOWN, (k + 1) * stride);
      for (let i = 0; i < packed.length; i++) sums[i] = sums[i]! + lookup[column[i]! - NOT_SHOWN]!;
    }
    for (let i = 0; i < packed.length; i++) {
      const sum = sums[i]!;
      const answered = items - (sum >>> 16);
      scoreHist[rowIndex[i]! * slots + answered * span + (sum & (MISSING_MARK - 1))]!++;
    }
    const at = L.scores[s]!;
    for (let r = 0; r < rows; r++) {
      for (let answered = 0; answered <= items; answered++) {
        for (let total = 0; total < span; total++) {
          const n = scoreHist[r * slots + answered * span + total]!;
          if (n === 0) continue;
          const row = r * width + at;
          if (answered === 0 || items - answered > t.maxMissing) {
            // A scale with nothing answered has no score; a composite with nothing answered is not
            // counted at all (the pupil was not asked its questions or skipped them all).
            if (answered > 0 || t.method === 'sum') acc[row + 3]! += n;
            continue;
          }
          const score = scoreInUnits(t, L, s, answered, total);
          acc[row]! += n;
          acc[row + 1]! += n * score;
          acc[row + 2]! += n * score * score;
          const band = bandOf(t, score, L.unit[s]!);
          if (band >= 0) acc[row + 4 + band]! += n;
        }
      }
    }
  });

  // Each histogram slot adds its count to the counters its answer code means.
  const { lutStart, lutData } = L;
  for (let slot = 0; slot < histWidth; slot++) {
    const start = lutStart[slot]!;
    const end = lutStart[slot + 1]!;
    if (start === end) continue;
    for (let r = 0; r < rows; r++) {
      const n = hist[slot * rows + r]!;
      if (n === 0) continue;
      for (let k = start; k < end; k++) acc[r * width + lutData[k]!]! += n;
    }
  }

  // Fold the strata into marginals: into one dense array (counter × dimension group), then into
  // objects once.
  const offsets = DIMENSIONS.map((_, di) => SIZES.slice(0, di).reduce((a, b) => a + b, 0));
  const G = SIZES.reduce((a, b) => a + b, 0);
  const dense = new Float64Array(width * G);
  const counterTotals = new Float64Array(width);
  for (let r = 0; r < rows; r++) {
    const stratum = strata[r]!;
    const slots = DIMENSIONS.map(
      (_, di) => offsets[di]! + (Math.floor(stratum / STRIDES[di]!) % SIZES[di]!),
    );
    for (let k = 0; k < width; k++) {
      const v = acc[r * width + k]!;
      if (v === 0) continue;
      counterTotals[k]! += v;
      for (let di = 0; di < slots.length; di++) dense[k * G + slots[di]!]! += v;
    }
  }
  const marginals = Array.from({ length: width }, (_, k) => {
    const m = emptyMarginal();
    m.all = counterTotals[k]!;
    DIMENSIONS.forEach((d, di) => {
      DIMENSION_GROUPS[d].forEach((g, gi) => {
        const v = dense[k * G + offsets[di]! + gi]!;
        if (v !== 0) m[d][g] = v;
      });
    });
    return m;
  });

  const summary: PupilSummary = {
    kind: 'pupil-summary',
    format: 2,
    wave: packed.wave,
    comparableAs: plan.comparableAs,
    schools: [...packed.schools].sort(),
    definitions: packed.length > 0 ? [plan.definition] : [],
    respondents: marginals[0]!,
    info: { ...plan.info },
    binary: {},
    scores: {},
  };
  plan.binary.forEach((t, b) => {
    const c = L.columnCounters[t.column]!;
    summary.binary[t.key] = {
      yes: marginals[L.yes[b]!]!,
      answered: marginals[c]!,
      missing: marginals[c + 1]!,
      skipped: marginals[c + 2]!,
    };
  });
  plan.combinations.forEach((comb, q) => {
    const at = L.combinations[q]!;
    summary.binary[comb.key] = {
      yes: marginals[at]!,
      answered: marginals[at + 1]!,
      missing: marginals[at + 2]!,
      skipped: marginals[at + 3]!,
    };
  });
  plan.scores.forEach((t, s) => {
    const at = L.scores[s]!;
    summary.scores[t.key] = {
      unit: L.unit[s]!,
      n: marginals[at]!,
      sum: marginals[at + 1]!,
      sumSquares: marginals[at + 2]!,
      noScore: marginals[at + 3]!,
      bands: Object.fromEntries(t.bands.map((band, k) => [band.id, marginals[at + 4 + k]!])),
    };
  });
  return canonical(summary);
}

function emptyMarginal(): Marginal {
  return { all: 0, sex: {}, yearGroup: {}, phase: {}, sen: {}, fsm: {}, eal: {} };
}

/** Groups responses by their definition's `comparableAs`, in a stable order. */
function poolsOf(
  responses: readonly QuestionnaireResponse[],
  options: { wave: Wave; definitions: readonly QuestionnaireDefinition[]; plan?: PlanOptions },
): Map<string, { plans: Map<string, ScoringPlan>; groups: Map<string, QuestionnaireResponse[]> }> {
  const plans = new Map(
    options.definitions.map((d) => [`${d.id}@${d.version}`, compilePlan(d, options.plan)]),
  );
  const pools = new Map<
    string,
    { plans: Map<string, ScoringPlan>; groups: Map<string, QuestionnaireResponse[]> }
  >();
  for (const r of responses) {
    if (r.wave !== options.wave) continue;
    const key = `${r.definition.id}@${r.definition.version}`;
    const plan = plans.get(key);
    if (!plan)
      throw new Error(`Response ${r.id} answers ${key}, which is not among the definitions given.`);
    const pool = pools.get(plan.comparableAs) ?? { plans: new Map(), groups: new Map() };
    pools.set(plan.comparableAs, pool);
    pool.plans.set(key, plan);
    pool.groups.set(key, [...(pool.groups.get(key) ?? []), r]);
  }
  return new Map([...pools].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Summarises validated responses, one summary per set of comparable definitions
 * (`comparableAs`): KS1 answers in one, KS2 and secondary answers in another. Responses of other
 * waves are left out. Summaries come sorted by `comparableAs`.
 *
 * @example
 * const [ks1, older] = summariseEach(responses, { wave: 'baseline', definitions: [ks1Def, ks2Def] });
 */
export function summariseEach(
  responses: readonly QuestionnaireResponse[],
  options: {
    wave: Wave;
    definitions: readonly QuestionnaireDefinition[];
    schools?: readonly Pick<School, 'urn' | 'phase'>[];
    plan?: PlanOptions;
  },
): PupilSummary[] {
  const phases = new Map((options.schools ?? []).map((s) => [s.urn as string, s]));
  return [...poolsOf(responses, options).values()].map((pool) =>
    mergeSummaries(
      [...pool.groups].map(([key, rs]) =>
        summarisePacked(packResponses(pool.plans.get(key)!, options.wave, rs, phases)),
      ),
    ),
  );
}

/**
 * Summarises validated responses to comparable definitions for one wave. Responses are grouped
 * by definition, packed and summarised, and the parts merged. Responses to definitions that are
 * not comparable (KS1 with KS2) are refused: use `summariseEach`.
 *
 * @example
 * const summary = summarise(responses, { wave: 'baseline', definitions: [ks2, secondary], schools });
 * breakdown(summary, 'victimisation.frequent', 'sen'); // counts per SEN group
 */
export function summarise(
  responses: readonly QuestionnaireResponse[],
  options: {
    wave: Wave;
    definitions: readonly QuestionnaireDefinition[];
    schools?: readonly Pick<School, 'urn' | 'phase'>[];
    plan?: PlanOptions;
  },
): PupilSummary {
  const parts = summariseEach(responses, options);
  if (parts.length > 1) {
    throw new Error(
      `These responses answer definitions that ask different questions (${parts
        .map((p) => p.comparableAs)
        .join(' and ')}); they are never added together. Use summariseEach for one summary each.`,
    );
  }
  return parts[0] ?? emptySummary(options.wave);
}

/** A summary of nobody, the identity of `mergeSummaries`. */
export function emptySummary(wave: Wave): PupilSummary {
  return {
    kind: 'pupil-summary',
    format: 2,
    wave,
    comparableAs: null,
    schools: [],
    definitions: [],
    respondents: emptyMarginal(),
    info: {},
    binary: {},
    scores: {},
  };
}

// ──────────────────────────────────────── merging ────────────────────────────────────────

function addInto<M extends Marginal | SumMarginal>(target: M, m: M | undefined, factor: number): M {
  if (!m) return target;
  target.all += factor * m.all;
  for (const d of DIMENSIONS) {
    const into = target[d];
    for (const g in m[d]) into[g] = (into[g] ?? 0) + factor * m[d][g]!;
  }
  return target;
}

/**
 * Merges summaries of the same wave and the same `comparableAs`: a trust's from its schools', an
 * LA's from its trusts' and schools'. Associative and commutative (property-tested), so the order
 * and grouping never matter, and merging the parts equals summarising all the responses at once.
 * The inputs are not changed.
 *
 * @throws Error when the waves differ, when the summaries are of definitions that are not
 *   comparable (KS1 with KS2), or when an indicator means different things in two of them.
 */
export function mergeSummaries(summaries: readonly PupilSummary[]): PupilSummary {
  if (summaries.length === 0)
    throw new Error('mergeSummaries needs at least one summary (or use emptySummary(wave)).');
  return addSummaries(summaries.map((summary) => ({ summary, sign: 1 as const })));
}

/**
 * The area without one of its parts: every count of `part` taken from `whole` (the rest of an LA or
 * MAT without one school or trust, for comparisons). Schools are `whole`'s without `part`'s;
 * definitions are `whole`'s.
 *
 * @example
 * const rest = subtractSummary(laSummary, schoolSummary);
 * mergeSummaries([rest, schoolSummary]); // the LA summary again (same counts)
 */
export function subtractSummary(whole: PupilSummary, part: PupilSummary): PupilSummary {
  const merged = addSummaries([
    { summary: whole, sign: 1 },
    { summary: part, sign: -1 },
  ]);
  const gone = new Set(part.schools);
  return {
    ...merged,
    schools: whole.schools.filter((urn) => !gone.has(urn)).sort(),
    definitions: [...whole.definitions].sort(),
  };
}

const sameInfo = (x: IndicatorInfo, y: IndicatorInfo) =>
  x.kind === y.kind && x.direction === y.direction && x.population === y.population;

/** Adds (sign 1) or takes away (sign −1) summaries of one wave, then puts the result in canonical form. */
function addSummaries(parts: readonly { summary: PupilSummary; sign: 1 | -1 }[]): PupilSummary {
  const wave = parts[0]!.summary.wave;
  const out = emptySummary(wave);
  const schools = new Set<string>();
  const definitions = new Set<string>();
  // The unit of each score in the result: the least common multiple of the parts'.
  const units = new Map<string, number>();
  for (const { summary: s } of parts) {
    for (const key in s.scores) units.set(key, lcm(units.get(key) ?? 1, s.scores[key]!.unit));
  }
  for (const { summary: s, sign } of parts) {
    if (s.wave !== wave)
      throw new Error(
        `Cannot merge a ${s.wave} summary with a ${wave} one: compare waves instead.`,
      );
    if (s.comparableAs !== null) {
      if (out.comparableAs !== null && out.comparableAs !== s.comparableAs) {
        throw new Error(
          `Summaries of ${out.comparableAs} and ${s.comparableAs} ask different questions and are never added together; publish them side by side.`,
        );
      }
      out.comparableAs = s.comparableAs;
    }
    for (const key in s.info) {
      const x = out.info[key];
      const y = s.info[key]!;
      if (x && !sameInfo(x, y)) {
        throw new Error(`Indicator "${key}" means different things in the summaries being merged.`);
      }
      out.info[key] ??= y;
    }
    if (sign === 1) {
      for (const urn of s.schools) schools.add(urn);
      for (const d of s.definitions) definitions.add(d);
    }
    addInto(out.respondents, s.respondents, sign);
    for (const key in s.binary) {
      const b = s.binary[key]!;
      const into = (out.binary[key] ??= {
        yes: emptyMarginal(),
        answered: emptyMarginal(),
        missing: emptyMarginal(),
        skipped: emptyMarginal(),
      });
      addInto(into.yes, b.yes, sign);
      addInto(into.answered, b.answered, sign);
      addInto(into.missing, b.missing, sign);
      addInto(into.skipped, b.skipped, sign);
    }
    for (const key in s.scores) {
      const c = s.scores[key]!;
      const unit = units.get(key)!;
      const scale = unit / c.unit;
      const into = (out.scores[key] ??= {
        unit,
        n: emptyMarginal(),
        sum: emptyMarginal(),
        sumSquares: emptyMarginal(),
        noScore: emptyMarginal(),
        bands: {},
      });
      addInto(into.n, c.n, sign);
      addInto(into.sum, c.sum, sign * scale);
      addInto(into.sumSquares, c.sumSquares, sign * scale * scale);
      addInto(into.noScore, c.noScore, sign);
      for (const band in c.bands)
        addInto((into.bands[band] ??= emptyMarginal()), c.bands[band], sign);
    }
  }
  out.schools = [...schools];
  out.definitions = [...definitions];
  return canonical(out);
}

/** Sorted keys and no zero entries, so equal summaries are equal as JSON too. */
function canonical(summary: PupilSummary): PupilSummary {
  const sortKeys = <T>(r: Record<string, T>, f: (v: T) => T): Record<string, T> =>
    Object.fromEntries(
      Object.keys(r)
        .sort()
        .map((k) => [k, f(r[k]!)]),
    );
  const marginal = <M extends Marginal | SumMarginal>(m: M): M => {
    const out = emptyMarginal() as M;
    out.all = m.all;
    for (const d of DIMENSIONS) {
      for (const g of Object.keys(m[d]).sort()) if (m[d][g] !== 0) out[d][g] = m[d][g]!;
    }
    return out;
  };
  return {
    ...summary,
    schools: [...summary.schools].sort(),
    definitions: [...summary.definitions].sort(),
    respondents: marginal(summary.respondents),
    info: sortKeys(summary.info, (v) => v),
    binary: sortKeys(summary.binary, (b) => ({
      yes: marginal(b.yes),
      answered: marginal(b.answered),
      missing: marginal(b.missing),
      skipped: marginal(b.skipped),
    })),
    scores: sortKeys(summary.scores, (s) => ({
      unit: s.unit,
      n: marginal(s.n),
      sum: marginal(s.sum),
      sumSquares: marginal(s.sumSquares),
      noScore: marginal(s.noScore),
      bands: sortKeys(s.bands, marginal),
    })),
  };
}

// ─────────────────────────────────────── reading ───────────────────────────────────────

/** One cell of a breakdown's counts: yes of answered, with missing and skipped beside. */
export type BreakdownCell = Proportion & { missing: number; skipped: number };

/** A binary indicator broken down by one dimension: counts, before disclosure control. */
export interface Breakdown {
  indicator: string;
  dimension: Dimension | 'all';
  total: BreakdownCell;
  groups: { key: string; value: BreakdownCell }[];
  /** Sums of groups shown beside them (any SEND = E + K). */
  derived: { key: string; of: string[]; value: BreakdownCell }[];
}

const get = (m: Marginal | SumMarginal | undefined, d: Dimension | 'all', g: string) =>
  m ? (d === 'all' ? m.all : (m[d][g] ?? 0)) : 0;

/**
 * The counts behind a binary indicator by one dimension (or `all`). These are raw counts: publish
 * them through `publishResults`, never directly, outside a trusted analysis.
 */
export function breakdown(
  summary: PupilSummary,
  indicator: string,
  dimension: Dimension | 'all',
): Breakdown {
  const counts = summary.binary[indicator];
  if (!counts) {
    throw new Error(
      `The summary has no indicator "${indicator}". It has: ${Object.keys(summary.binary).join(', ') || 'none'}.`,
    );
  }
  const cell = (g: string): BreakdownCell => ({
    count: get(counts.yes, dimension, g),
    base: get(counts.answered, dimension, g),
    missing: get(counts.missing, dimension, g),
    skipped: get(counts.skipped, dimension, g),
  });
  const total: BreakdownCell = {
    count: counts.yes.all,
    base: counts.answered.all,
    missing: counts.missing.all,
    skipped: counts.skipped.all,
  };
  if (dimension === 'all')
    return { indicator, dimension, total, groups: [{ key: 'all', value: total }], derived: [] };
  const groups = DIMENSION_GROUPS[dimension].map((key) => ({ key, value: cell(key) }));
  const derived = (DERIVED_GROUPS[dimension] ?? []).map(({ key, of }) => ({
    key,
    of: [...of],
    value: of.map(cell).reduce((a, b) => ({
      count: a.count + b.count,
      base: a.base + b.base,
      missing: a.missing + b.missing,
      skipped: a.skipped + b.skipped,
    })),
  }));
  return { indicator, dimension, total, groups, derived };
}

/** One cell of a score breakdown: the mean's sums (in plain score units) and bands. */
export type ScoreCell = MeanStat & { bands: Record<string, number>; noScore: number };

/** A score indicator (wellbeing, feelings composite) by one dimension: mean statistics and bands. */
export interface ScoreBreakdown {
  indicator: string;
  dimension: Dimension | 'all';
  total: ScoreCell;
  groups: { key: string; value: ScoreCell }[];
  /** Sums of groups shown beside them (any SEND = E + K), as for yes/no indicators. */
  derived: { key: string; of: string[]; value: ScoreCell }[];
}

/**
 * The mean statistics behind a score indicator by one dimension (raw; publish before showing).
 * Sums come back in plain score units (a mean is `sum / n`), exact for prorated scores.
 */
export function scoreBreakdown(
  summary: PupilSummary,
  indicator: string,
  dimension: Dimension | 'all',
): ScoreBreakdown {
  const s = summary.scores[indicator];
  if (!s)
    throw new Error(
      `The summary has no score "${indicator}". It has: ${Object.keys(summary.scores).join(', ') || 'none'}.`,
    );
  const u = s.unit;
  const cellAt = (d: Dimension | 'all', g: string): ScoreCell => ({
    n: get(s.n, d, g),
    sum: get(s.sum, d, g) / u,
    sumSquares: get(s.sumSquares, d, g) / (u * u),
    noScore: get(s.noScore, d, g),
    bands: Object.fromEntries(Object.entries(s.bands).map(([b, m]) => [b, get(m, d, g)])),
  });
  const cell = (g: string) => cellAt(dimension, g);
  const total = cellAt('all', '');
  if (dimension === 'all')
    return { indicator, dimension, total, groups: [{ key: 'all', value: total }], derived: [] };
  const add = (a: ScoreCell, b: ScoreCell): ScoreCell => ({
    n: a.n + b.n,
    sum: a.sum + b.sum,
    sumSquares: a.sumSquares + b.sumSquares,
    noScore: a.noScore + b.noScore,
    bands: Object.fromEntries(Object.keys(a.bands).map((k) => [k, a.bands[k]! + b.bands[k]!])),
  });
  return {
    indicator,
    dimension,
    total,
    groups: DIMENSION_GROUPS[dimension].map((key) => ({ key, value: cell(key) })),
    derived: (DERIVED_GROUPS[dimension] ?? []).map(({ key, of }) => ({
      key,
      of: [...of],
      value: of.map(cell).reduce(add),
    })),
  };
}
