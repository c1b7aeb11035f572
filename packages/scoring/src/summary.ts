/**
 * Pupil summaries: a definition compiled to a scoring plan (`compilePlan`), responses packed into
 * typed columns (`packResponses`), counted by the kernel (`summarisePacked`, `summariseEach`), and
 * summaries added, taken away and broken down (`mergeSummaries`, `subtractSummary`, `breakdown`).
 *
 * Why one long file: the kernel's hot loops (the pair, SWAR and score-lane counters, about 700
 * lines) read the plan's private layout (slots, strides, lanes) that `compilePlan` builds, and they
 * stay monomorphic only while they see exactly those shapes. Splitting them out would make that
 * layout a module interface for no reader's gain; `summary.reference.test.ts` checks the whole file
 * against a plain reference summariser. Merging and breakdowns (from `emptySummary` on) could move
 * to their own module the next time they change.
 */
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
    packed.groups.lookedAfter[i] = groupCode('lookedAfter', ch.lookedAfter);
    packed.groups.youngCarer[i] = groupCode('youngCarer', ch.youngCarer);
    packed.groups.ethnicity[i] = groupCode('ethnicity', ch.ethnicity);
    packed.groups.phase[i] = groupCode('phase', schools.get(r.school)?.phase);
    packed.schools.add(r.school);
  }
  return packed;
}

// ──────────────────────────────────── summarising ────────────────────────────────────

// How a packed batch is counted, and why this way. Measured on a million responses (`pnpm bench`),
// what costs is the number of typed-array reads and increments per response, not arithmetic, so:
// - each response's stratum (its group in every dimension) becomes a compact row, once;
// - single-answer questions are counted two at a time: their two codes make one key, and one
//   increment counts both (a combination of the two, such as bully-victim, is read from the same
//   slots for nothing);
// - where columns are aligned 32-bit words (createPacked's are), four responses' codes are read at
//   once and their keys worked out byte by byte, with no carry between bytes;
// - a multi-select's mask is counted in one to three keys, its status included, without branches;
// - a score's items add up to one key per response (missing items × span + total), four responses
//   at a time where the values allow, and each distinct key per stratum is scored once;
// - at the end each histogram slot's count goes to the counters it stands for, and the strata fold
//   into marginals. It is all whole-number counting, so the result is exact; the reference tests
//   (summary.reference.test.ts) check it equals counting one response, one indicator at a time.

const SIZES = DIMENSIONS.map((d) => DIMENSION_GROUPS[d].length);
const STRIDES = SIZES.map((_, i) => SIZES.slice(i + 1).reduce((a, b) => a * b, 1));
const STRATA = SIZES.reduce((a, b) => a * b, 1);
/** Histogram slots a single-answer code takes: code + OFFSET ≥ 0. */
const OFFSET = 3;
/**
 * A multi-select mask is counted in keys of at most this many bits (the first also holds a
 * status): 256 slots per stratum keep each pass's histogram within the processor's cache.
 */
const MULTI_BITS = 8;

/** Each response's stratum, as a compact row number (16 bits where a batch has at most 65,536 rows). */
type Rows = Uint16Array | Int32Array;

/**
 * One or two single-answer questions counted together: each response's two codes make one key,
 * (first code + OFFSET) + (second code + OFFSET) × range, and the key's histogram slot (per stratum)
 * is added to once.
 */
interface AnswerKey {
  columns: number[];
  /** The first question's codes + OFFSET are 0 … range − 1. */
  range: number;
  /** At most 256, so that a key fits a byte. */
  slots: number;
  /** The counters one response in slot s adds one to: bumps[start[s]] … bumps[start[s + 1] − 1]. */
  start: Int32Array;
  bumps: Int32Array;
}

/**
 * A multi-select question: its mask in up to three keys of `widths[k]` bits; the first key also
 * holds the status (0 not shown, 1 skipped, 2 "Prefer not to say", 3 answered), and the others
 * count only answered masks.
 */
interface MultiKey {
  column: number;
  missingBits: number;
  widths: number[];
  slots: number[];
  start: Int32Array[];
  bumps: Int32Array[];
}

/**
 * A score: per response, the sum over its items of each item's contribution, where an answered
 * item adds its value × scaleBy and an unanswered one adds `span` (more than any total). The sum
 * is then a key, missing items × span + total, and one increment per response counts it; each
 * distinct key is scored once, at the end.
 */
interface ScoreKey {
  columns: number[];
  /** Per item: (code + OFFSET) → its contribution. */
  tables: Int32Array[];
  span: number;
  slots: number;
  /** A score is total × times × perAnswered[answered] in the score's unit (times: items or 100). */
  times: number;
  perAnswered: Float64Array;
  bandMin: Float64Array;
  bandMax: Float64Array;
  /**
   * When every key fits a byte and each item's contribution is `code × factor` or
   * `(reverse − code) × factor`, four responses are summed at once (see `addLanes`); per item, its
   * `reverse` (−1 when not reversed) and `factor`. Otherwise undefined.
   */
  lanes?: { reverse: number; factor: number }[];
}

/** The counter layout of a plan, and the keys that fill it, compiled once. */
interface Layout {
  width: number;
  columnCounters: number[]; // answered at k, missing at k + 1, skipped at k + 2
  yes: number[]; // per binary target
  combinations: number[]; // yes, answered, missing, skipped
  scores: number[];
  keys: AnswerKey[];
  multis: MultiKey[];
  /** Combinations whose questions do not fit one key: counted response by response. */
  looseCombinations: number[];
  scoreKeys: ScoreKey[];
  scaleBy: number[];
  /** Per score: the unit its sums are kept in (exact, unrounded prorated scores). */
  unit: number[];
}

const layouts = new WeakMap<ScoringPlan, Layout>();

/** The largest contribution one item may make to a score (× scaleBy). */
const MAX_ITEM_VALUE = 1024;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number) => (a * b) / gcd(a, b);

/** The bumps lists of slots, flattened: start (slots + 1 entries) and the counters. */
function flatten(lists: number[][]): { start: Int32Array; bumps: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (start[i + 1] = start[i]! + l.length));
  return { start, bumps: Int32Array.from(lists.flat()) };
}

function layoutOf(plan: ScoringPlan): Layout {
  const cached = layouts.get(plan);
  if (cached) return cached;
  let next = 1; // counter 0: respondents
  const columnCounters = plan.columns.map(() => ((next += 3), next - 3));
  const yes = plan.binary.map(() => next++);
  const combinations = plan.combinations.map(() => ((next += 4), next - 4));
  const scores = plan.scores.map((t) => ((next += 4 + t.bands.length), next - 4 - t.bands.length));
  const maxCodeOf = (c: number) => Math.max(0, ...plan.columns[c]!.codes.values());

  // What one single-answer code adds one to: its question's answered/missing/skipped counter and,
  // when answered, each yes/no indicator it meets. Not shown adds to nothing.
  const codeBumps = (c: number, code: number): number[] => {
    const at = columnCounters[c]!;
    if (code === NOT_ANSWERED) return [at + 2];
    if (code === MISSING) return [at + 1];
    if (code < 0) return [];
    const out = [at];
    plan.binary.forEach((t, b) => {
      if (t.column !== c) return;
      if (Number.isNaN(t.threshold) ? code === t.bit : code >= t.threshold!) out.push(yes[b]!);
    });
    return out;
  };
  const termState = (code: number, threshold: number) =>
    code === NOT_SHOWN
      ? 'hidden'
      : code === NOT_ANSWERED
        ? 'skipped'
        : code === MISSING
          ? 'missing'
          : code >= threshold
            ? 'yes'
            : 'no';

  // The single-answer questions some indicator reads, counted in pairs: a pair's key is its two
  // codes (each code + OFFSET below its question's range), one byte, so four responses' keys are
  // worked out at once (`countPairLanes`). A combination of two questions is a pair of its own and
  // is read from the pair's slots; other combinations are counted response by response.
  const rangeOf = (c: number) => maxCodeOf(c) + OFFSET + 1;
  const keyed = plan.columns
    .map((_, c) => c)
    .filter(
      (c) =>
        !plan.columns[c]!.multi &&
        (plan.binary.some((t) => t.column === c) ||
          plan.combinations.some((q) => q.terms.some((t) => t.column === c))),
    );
  const keyColumns: number[][] = [];
  for (const q of plan.combinations) {
    const cs = [...new Set(q.terms.map((t) => t.column))];
    const free = cs.every((c) => !keyColumns.flat().includes(c));
    if (free && cs.length <= 2 && cs.reduce((p, c) => p * rangeOf(c), 1) <= 0x100)
      keyColumns.push(cs);
  }
  let alone: number | undefined;
  for (const c of keyed) {
    if (keyColumns.flat().includes(c)) continue;
    if (alone !== undefined && rangeOf(alone) * rangeOf(c) <= 0x100) {
      keyColumns.push([alone, c]);
      alone = undefined;
    } else {
      if (alone !== undefined) keyColumns.push([alone]);
      alone = c;
    }
  }
  if (alone !== undefined) keyColumns.push([alone]);
  const keys = keyColumns.map((columns): AnswerKey => {
    const [first, second] = columns as [number, number | undefined];
    const range = rangeOf(first);
    const slots = range * (second === undefined ? 1 : rangeOf(second));
    const lists: number[][] = [];
    for (let slot = 0; slot < slots; slot++) {
      const codes = new Map([[first, (slot % range) - OFFSET]]);
      if (second !== undefined) codes.set(second, Math.floor(slot / range) - OFFSET);
      const bump = columns.flatMap((c) => codeBumps(c, codes.get(c)!));
      plan.combinations.forEach((q, qi) => {
        if (!q.terms.every((t) => codes.has(t.column))) return;
        const states = q.terms.map((t) => termState(codes.get(t.column)!, t.threshold));
        const at = combinations[qi]!;
        if (states.includes('hidden')) return;
        if (states.includes('missing')) bump.push(at + 2);
        else if (states.includes('skipped')) bump.push(at + 3);
        else {
          bump.push(at + 1);
          if (states.every((st) => st === 'yes')) bump.push(at);
        }
      });
      lists.push(bump);
    }
    return { columns, range, slots, ...flatten(lists) };
  });
  const keyedTogether = (q: CombinationTarget) =>
    keyColumns.some((cs) => q.terms.every((t) => cs.includes(t.column)));
  const looseCombinations = plan.combinations
    .map((q, qi) => (keyedTogether(q) ? -1 : qi))
    .filter((qi) => qi >= 0);

  const multis = plan.columns.flatMap((col, column): MultiKey[] => {
    if (!col.multi) return [];
    const targets = plan.binary.map((t, b) => ({ t, b })).filter(({ t }) => t.column === column);
    if (targets.length === 0) return [];
    const at = columnCounters[column]!;
    const bitOf = new Int32Array(32).fill(-1);
    for (const { t, b } of targets) bitOf[t.bit!] = yes[b]!;
    // The first key holds the status and 6 bits, the others 8: 22 bits, for at most 20 options.
    const bitsUsed =
      32 - Math.clz32(Math.max(1, ...[...col.codes.values()].map((bit) => 2 ** bit)));
    const widths = [Math.min(MULTI_BITS - 2, bitsUsed)];
    for (let used = widths[0]!; used < bitsUsed; used += MULTI_BITS)
      widths.push(Math.min(MULTI_BITS, bitsUsed - used));
    if (widths.length > 3)
      throw new Error(`"${col.item}" has more options than a summary can count (at most 22).`);
    const lists = widths.map((width, k) => {
      const shift = widths.slice(0, k).reduce((a, b) => a + b, 0);
      const out: number[][] = [];
      for (let slot = 0; slot < (k === 0 ? 4 : 1) << width; slot++) {
        const status = k === 0 ? slot >>> width : 3;
        const chunk = slot & ((1 << width) - 1);
        const bump: number[] = [];
        if (k === 0 && status === 1) bump.push(at + 2);
        if (k === 0 && status === 2) bump.push(at + 1);
        if (k === 0 && status === 3) bump.push(at);
        if (status === 3)
          for (let bit = 0; bit < width; bit++)
            if (chunk & (1 << bit) && bitOf[shift + bit]! >= 0) bump.push(bitOf[shift + bit]!);
        out.push(bump);
      }
      return flatten(out);
    });
    return [
      {
        column,
        missingBits: targets[0]!.t.missingBits ?? 0,
        widths,
        slots: widths.map((w, k) => (k === 0 ? 4 : 1) << w),
        start: lists.map((l) => l.start),
        bumps: lists.map((l) => l.bumps),
      },
    ];
  });

  const scaleBy = plan.scores.map((t) =>
    t.method === 'sum' ? 1 : t.ranges.reduce((l, r) => lcm(l, r.max - r.min), 1),
  );
  // A prorated sum is total × items ÷ answered and a composite total ÷ answered × 100: kept in units
  // of 1 / (scaleBy × lcm of every possible number answered), both are whole numbers, never rounded.
  const unit = plan.scores.map((t, s) => {
    let d = 1;
    for (let a = Math.max(1, t.columns.length - t.maxMissing); a <= t.columns.length; a++)
      d = lcm(d, a);
    return scaleBy[s]! * d;
  });

  const scoreKeys = plan.scores.map((t, s): ScoreKey => {
    if (t.columns.length >= 64)
      throw new Error(`Scale "${t.key}" has ${t.columns.length} items; at most 63 can be counted.`);
    let most = 0;
    // Each code's value; a code no option has (below a scale starting at 1, say) may have none.
    const values = t.columns.map((c, k) => {
      const r = t.ranges[k]!;
      const produced = new Set(plan.columns[c]!.codes.values());
      const out: (number | undefined)[] = [];
      for (let code = 0; code <= maxCodeOf(c); code++) {
        const x = r.reverse ? r.max + r.min - code : code;
        const value = t.method === 'sum' ? x : ((x - r.min) * scaleBy[s]!) / (r.max - r.min);
        const countable = Number.isInteger(value) && value >= 0 && value < MAX_ITEM_VALUE;
        if (!countable && produced.has(code)) {
          throw new Error(
            `Scale "${t.key}" has scores this summary cannot count exactly (${value}).`,
          );
        }
        out.push(countable ? value : undefined);
      }
      most += Math.max(0, ...out.filter((v) => v !== undefined));
      return out;
    });
    const span = most + 1;
    // A code with no value counts as not answered (no option gives it).
    const tables = values.map((v) => Int32Array.from([span, span, span, ...v], (x) => x ?? span));
    const slots = (t.columns.length + 1) * span;
    // Each item's contribution as code × factor or (reverse − code) × factor, checked code by code.
    const lanes = values.map((v, k) => {
      const factor = v.length > 1 ? Math.abs(v[1]! - v[0]!) : 1;
      const reverse = t.ranges[k]!.reverse && factor > 0 ? (v[0] ?? Number.NaN) / factor : -1;
      const fits =
        Number.isInteger(reverse) &&
        reverse < 0x100 &&
        v.every((x, code) => x === (reverse >= 0 ? reverse - code : code) * factor);
      return { reverse, factor, fits };
    });
    return {
      columns: t.columns,
      tables,
      span,
      slots,
      times: t.method === 'sum' ? t.columns.length : 100,
      // unit ÷ scaleBy ÷ answered is whole: the unit includes every possible number answered.
      perAnswered: Float64Array.from({ length: t.columns.length + 1 }, (_, answered) =>
        answered === 0 ? 0 : unit[s]! / scaleBy[s]! / answered,
      ),
      bandMin: Float64Array.from(t.bands, (b) => b.min),
      bandMax: Float64Array.from(t.bands, (b) => b.max),
      lanes:
        slots <= 0x100 && lanes.every((l) => l.fits)
          ? lanes.map(({ reverse, factor }) => ({ reverse, factor }))
          : undefined,
    };
  });
  const layout: Layout = {
    width: next,
    columnCounters,
    yes,
    combinations,
    scores,
    keys,
    multis,
    looseCombinations,
    scoreKeys,
    scaleBy,
    unit,
  };
  layouts.set(plan, layout);
  return layout;
}

// The loops below touch only their arguments (typed arrays and numbers), so the compiler keeps
// everything in registers: one read per column, a table lookup or two, one increment.

/**
 * Each response's stratum as a row number (rows numbered in order of first appearance): fills
 * `out`, each row's stratum and each row's number of responses, and returns how many rows.
 *
 * A stratum is numbered mixed-radix over the dimensions' groups. Millions are possible (nine
 * dimensions) but a batch holds at most one per response and, in practice, a few thousand: they
 * are found through an open-addressing table at most half full, so a batch of ten
 * pupils costs no more than its size and a million pupils a few reads each.
 */
function strataOf(
  d0: Uint8Array,
  d1: Uint8Array,
  d2: Uint8Array,
  d3: Uint8Array,
  d4: Uint8Array,
  d5: Uint8Array,
  d6: Uint8Array,
  d7: Uint8Array,
  d8: Uint8Array,
  n: number,
  out: Rows,
  strata: Int32Array,
  count: Int32Array,
): number {
  const [s0, s1, s2, s3, s4, s5, s6, s7] = STRIDES as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // The table starts small and doubles whenever it is half full.
  let table = strataTable(10, strata, 0);
  let { keys, rowAt, mask, shift } = table;
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const stratum =
      d0[i]! * s0 +
      d1[i]! * s1 +
      d2[i]! * s2 +
      d3[i]! * s3 +
      d4[i]! * s4 +
      d5[i]! * s5 +
      d6[i]! * s6 +
      d7[i]! * s7 +
      d8[i]!;
    // Fibonacci hashing: the top bits of the product spread neighbouring strata apart.
    let h = Math.imul(stratum, 0x9e3779b1) >>> shift;
    let k = keys[h]!;
    while (k !== stratum && k !== -1) {
      h = (h + 1) & mask;
      k = keys[h]!;
    }
    if (k === -1) {
      if ((rows + 1) * 2 > mask + 1) {
        table = strataTable(32 - shift + 1, strata, rows);
        ({ keys, rowAt, mask, shift } = table);
        h = Math.imul(stratum, 0x9e3779b1) >>> shift;
        while (keys[h] !== -1) h = (h + 1) & mask;
      }
      keys[h] = stratum;
      rowAt[h] = rows;
      strata[rows++] = stratum;
    }
    const r = rowAt[h]!;
    out[i] = r;
    count[r]!++;
  }
  return rows;
}

/** An open-addressing table of 2^bits slots holding the first `rows` strata. */
function strataTable(bits: number, strata: Int32Array, rows: number) {
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const keys = new Int32Array(mask + 1).fill(-1);
  const rowAt = new Int32Array(mask + 1);
  for (let r = 0; r < rows; r++) {
    let h = Math.imul(strata[r]!, 0x9e3779b1) >>> shift;
    while (keys[h] !== -1) h = (h + 1) & mask;
    keys[h] = strata[r]!;
    rowAt[h] = r;
  }
  return { keys, rowAt, mask, shift };
}

/**
 * Adds SWAR-wise (four bytes at once, no carry between bytes) OFFSET to four Int8 codes, giving
 * each code + OFFSET as an unsigned byte.
 */
const lanesPlusOffset = (x: number) => ((x & 0x7f7f7f7f) + 0x03030303) ^ (x & 0x80808080);

/**
 * A key of two questions for four responses at a time: their Int8 codes read as 32-bit words, one
 * byte per response, and each byte's key worked out without unpacking it.
 */
function countPairLanes(
  h: Int32Array,
  rows: Rows,
  q: number,
  slots: number,
  a: Int32Array,
  b: Int32Array,
  range: number,
) {
  for (let j = 0; j < q; j++) {
    const key = (lanesPlusOffset(a[j]!) + Math.imul(lanesPlusOffset(b[j]!), range)) | 0;
    const i = j << 2;
    h[rows[i]! * slots + (key & 0xff)]!++;
    h[rows[i + 1]! * slots + ((key >>> 8) & 0xff)]!++;
    h[rows[i + 2]! * slots + ((key >>> 16) & 0xff)]!++;
    h[rows[i + 3]! * slots + (key >>> 24)]!++;
  }
}

function countSingleLanes(h: Int32Array, rows: Rows, q: number, slots: number, a: Int32Array) {
  for (let j = 0; j < q; j++) {
    const key = lanesPlusOffset(a[j]!);
    const i = j << 2;
    h[rows[i]! * slots + (key & 0xff)]!++;
    h[rows[i + 1]! * slots + ((key >>> 8) & 0xff)]!++;
    h[rows[i + 2]! * slots + ((key >>> 16) & 0xff)]!++;
    h[rows[i + 3]! * slots + (key >>> 24)]!++;
  }
}

/** The same, one response at a time, for responses from..n − 1. */
function countPair(
  h: Int32Array,
  rows: Rows,
  from: number,
  n: number,
  slots: number,
  a: Int8Array,
  b: Int8Array,
  range: number,
) {
  for (let i = from; i < n; i++) h[rows[i]! * slots + a[i]! + OFFSET + (b[i]! + OFFSET) * range]!++;
}

function countSingle(
  h: Int32Array,
  rows: Rows,
  from: number,
  n: number,
  slots: number,
  a: Int8Array,
) {
  for (let i = from; i < n; i++) h[rows[i]! * slots + a[i]! + OFFSET]!++;
}

/**
 * A multi-select column into its keys, one after another in `h` (each rows × its slots, from
 * `base[k]`). The status is worked out without branches: which of the four a mask is changes from
 * response to response, and a mispredicted branch costs more than the arithmetic.
 */
function countMulti(
  h: Int32Array,
  rows: Rows,
  n: number,
  data: Int32Array,
  missingBits: number,
  keys: number,
  w0: number,
  w1: number,
  w2: number,
  base1: number,
  base2: number,
) {
  const slots0 = 4 << w0;
  const mask0 = (1 << w0) - 1;
  const slots1 = 1 << w1;
  const slots2 = 1 << w2;
  const shift2 = w0 + w1;
  for (let i = 0; i < n; i++) {
    const m = data[i]!;
    // 1 or 0 each: shown (not the "not shown" mark), something chosen, nothing missing chosen.
    const other = m ^ NOT_SHOWN_MASK;
    const shown = (other | -other) >>> 31;
    const chosen = shown & ((m | -m) >>> 31);
    const missing = m & missingBits;
    const answered = chosen & (((missing | -missing) >>> 31) ^ 1);
    // 0 not shown, 1 skipped (nothing chosen), 2 "Prefer not to say", 3 answered.
    const status = shown + chosen + answered;
    const r = rows[i]!;
    h[r * slots0 + ((status << w0) | (m & mask0))]!++;
    if (keys > 1) {
      const only = -answered; // all ones when answered: other keys count answered masks only
      h[base1 + r * slots1 + ((m >>> w0) & (slots1 - 1) & only)]!++;
      if (keys > 2) h[base2 + r * slots2 + ((m >>> shift2) & (slots2 - 1) & only)]!++;
    }
  }
}

/** Adds one item's contributions to the score keys of responses from..n − 1 (`first`: starts them). */
function addItem(
  sums: Int32Array,
  from: number,
  n: number,
  first: boolean,
  a: Int8Array,
  table: Int32Array,
) {
  if (first) for (let i = from; i < n; i++) sums[i] = table[a[i]! + OFFSET]!;
  else for (let i = from; i < n; i++) sums[i] = sums[i]! + table[a[i]! + OFFSET]!;
}

function countSums(
  h: Int32Array,
  rows: Rows,
  from: number,
  n: number,
  slots: number,
  sums: Int32Array,
) {
  for (let i = from; i < n; i++) h[rows[i]! * slots + sums[i]!]!++;
}

/** Whether a 32-bit word's first byte is the first of its four (true on x86 and ARM). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * One score item for four responses at a time: its Int8 codes read as 32-bit words, one byte per
 * response. A negative code (not shown, skipped, missing) adds `span`, an answer code × factor,
 * byte by byte with no carry between bytes (every key is below 256, so no partial sum overflows).
 */
function addLanes(sums: Int32Array, words: Int32Array, q: number, factor: number, span: number) {
  for (let j = 0; j < q; j++) {
    const x = words[j]!;
    const negative = (x >>> 7) & 0x01010101; // 1 in each byte whose code is below 0
    const code = x & ~Math.imul(negative, 0xff);
    sums[j] = (sums[j]! + Math.imul(code, factor) + Math.imul(negative, span)) | 0;
  }
}

/** The same for a reversed item, which adds (reverse − code) × factor. */
function addLanesReversed(
  sums: Int32Array,
  words: Int32Array,
  q: number,
  reverse: number,
  factor: number,
  span: number,
) {
  const fill = Math.imul(reverse, 0x01010101);
  for (let j = 0; j < q; j++) {
    const x = words[j]!;
    const negative = (x >>> 7) & 0x01010101;
    const unanswered = Math.imul(negative, 0xff);
    // Unanswered bytes become `reverse`, so that reverse − code is 0 there; no byte borrows.
    const code = (x & ~unanswered) | (unanswered & fill);
    sums[j] = (sums[j]! + Math.imul(fill - code, factor) + Math.imul(negative, span)) | 0;
  }
}

function countLanes(h: Int32Array, rows: Rows, q: number, slots: number, sums: Int32Array) {
  for (let j = 0; j < q; j++) {
    const x = sums[j]!;
    const i = j << 2;
    h[rows[i]! * slots + (x & 0xff)]!++;
    h[rows[i + 1]! * slots + ((x >>> 8) & 0xff)]!++;
    h[rows[i + 2]! * slots + ((x >>> 16) & 0xff)]!++;
    h[rows[i + 3]! * slots + (x >>> 24)]!++;
  }
}

/** Adds each slot's count to the counters it stands for, and empties the histogram. */
function applySlots(
  h: Int32Array,
  base: number,
  rowCount: number,
  slots: number,
  start: Int32Array,
  bumps: Int32Array,
  acc: Float64Array,
  width: number,
) {
  for (let r = 0; r < rowCount; r++) {
    for (let slot = 0; slot < slots; slot++) {
      const at = base + r * slots + slot;
      const n = h[at]!;
      if (n === 0) continue;
      h[at] = 0;
      for (let k = start[slot]!; k < start[slot + 1]!; k++) acc[r * width + bumps[k]!]! += n;
    }
  }
}

/** A combination response by response, when its questions do not fit one key. */
function countCombination(
  acc: Float64Array,
  rows: Rows,
  n: number,
  width: number,
  at: number,
  cols: readonly Int8Array[],
  thresholds: readonly number[],
) {
  for (let i = 0; i < n; i++) {
    let all = true;
    let missing = false;
    let skipped = false;
    let hidden = false;
    for (let k = 0; k < cols.length; k++) {
      const code = cols[k]![i]!;
      if (code === NOT_SHOWN) hidden = true;
      else if (code === NOT_ANSWERED) skipped = true;
      else if (code === MISSING) missing = true;
      else if (code < thresholds[k]!) all = false;
    }
    if (hidden) continue;
    const row = rows[i]! * width + at;
    if (missing) acc[row + 2]!++;
    else if (skipped) acc[row + 3]!++;
    else {
      acc[row + 1]!++;
      if (all) acc[row]!++;
    }
  }
}

/**
 * Each (stratum, missing items, total) slot of a score, scored once: n, the sums in the score's
 * unit (exact, so a prorated wellbeing score of 9.44 counts as 9.44, not 9: rounding each pupil's
 * score before averaging biases the mean) and its band, or no score when too much is missing.
 */
function scoreSlots(
  h: Int32Array,
  rowCount: number,
  key: ScoreKey,
  maxMissing: number,
  nothingIsNoScore: boolean,
  unit: number,
  acc: Float64Array,
  width: number,
  at: number,
) {
  const { slots, span, times, perAnswered, bandMin, bandMax } = key;
  const items = key.columns.length;
  for (let r = 0; r < rowCount; r++) {
    for (let slot = 0; slot < slots; slot++) {
      const count = h[r * slots + slot]!;
      if (count === 0) continue;
      h[r * slots + slot] = 0;
      const missing = Math.floor(slot / span);
      const answered = items - missing;
      const total = slot - missing * span;
      const row = r * width + at;
      if (answered === 0 || missing > maxMissing) {
        // A scale with nothing answered has no score; a composite with nothing answered is not
        // counted at all (the pupil was not asked its questions or skipped them all).
        if (answered > 0 || nothingIsNoScore) acc[row + 3]! += count;
        continue;
      }
      const score = total * times * perAnswered[answered]!;
      acc[row]! += count;
      acc[row + 1]! += count * score;
      acc[row + 2]! += count * score * score;
      // Bands classify a score rounded half up to a whole number (bands are declared on whole scores).
      const whole = Math.floor((2 * score + unit) / (2 * unit));
      for (let k = 0; k < bandMin.length; k++) {
        if (whole >= bandMin[k]! && whole <= bandMax[k]!) {
          acc[row + 4 + k]! += count;
          break;
        }
      }
    }
  }
}

/** Where each dimension's groups start in a row of `dense` (counter × dimension group). */
const DIMENSION_START = DIMENSIONS.map((_, di) => SIZES.slice(0, di).reduce((a, b) => a + b, 0));
const ALL_GROUPS = SIZES.reduce((a, b) => a + b, 0);

/** Folds the strata into marginals: each row's counters into its group of every dimension. */
function foldStrata(
  acc: Float64Array,
  rowCount: number,
  width: number,
  strata: Int32Array,
  dense: Float64Array,
  totals: Float64Array,
) {
  const place = new Int32Array(DIMENSIONS.length);
  for (let r = 0; r < rowCount; r++) {
    for (let di = 0; di < place.length; di++)
      place[di] = DIMENSION_START[di]! + (Math.floor(strata[r]! / STRIDES[di]!) % SIZES[di]!);
    for (let k = 0; k < width; k++) {
      const v = acc[r * width + k]!;
      if (v === 0) continue;
      totals[k]! += v;
      for (let di = 0; di < place.length; di++) dense[k * ALL_GROUPS + place[di]!]! += v;
    }
  }
}

/**
 * Summarises a packed batch. Each response's stratum (its combination of groups) gets a compact
 * row; then, pass by pass, each response adds one to a histogram slot per key (several questions'
 * answers at once), per multi-select and per score (its answered items and total), and at the end
 * each non-empty slot's count goes to the counters it stands for, each distinct score once to n,
 * the sums and its band. Strata are folded into marginals and never leave this function: a summary
 * holds marginals only.
 */
export function summarisePacked(packed: PackedResponses): PupilSummary {
  const { plan } = packed;
  const L = layoutOf(plan);
  const width = L.width;
  const n = packed.length;
  // Few of the ~30,000 possible strata occur in practice: give each one that does a compact row.
  const most = Math.min(STRATA, n);
  const rowIndex: Rows = most <= 0x10000 ? new Uint16Array(n) : new Int32Array(n);
  const strata = new Int32Array(most);
  const counts = new Int32Array(most);
  const g = DIMENSIONS.map((d) => packed.groups[d]) as [Uint8Array, ...Uint8Array[]];
  if (g.length !== 9) throw new Error('strataOf reads nine dimensions: update it with DIMENSIONS.');
  const rows = strataOf(
    g[0],
    g[1]!,
    g[2]!,
    g[3]!,
    g[4]!,
    g[5]!,
    g[6]!,
    g[7]!,
    g[8]!,
    n,
    rowIndex,
    strata,
    counts,
  );
  const acc = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) acc[r * width] = counts[r]!;
  const single = (c: number) => packed.columns[c]! as Int8Array;

  // One histogram, reused pass by pass: the largest pass's slots × the strata.
  const passSlots = [
    ...L.keys.map((k) => k.slots),
    ...L.multis.map((m) => m.slots.reduce((a, b) => a + b, 0)),
    ...L.scoreKeys.map((s) => s.slots),
  ];
  const hist = new Int32Array(rows * Math.max(1, ...passSlots));

  // Four responses at a time while the columns are aligned words (they are, from createPacked);
  // the last few, and columns that are not, one at a time.
  const words = (col: Int8Array, q: number) => new Int32Array(col.buffer, col.byteOffset, q);
  const aligned = (cols: readonly Int8Array[]) =>
    LITTLE_ENDIAN && cols.every((col) => col.byteOffset % 4 === 0);
  for (const key of L.keys) {
    const [a, b] = key.columns.map(single) as [Int8Array, Int8Array | undefined];
    const q = aligned(key.columns.map(single)) ? n >>> 2 : 0;
    if (b) {
      if (q > 0) countPairLanes(hist, rowIndex, q, key.slots, words(a, q), words(b, q), key.range);
      countPair(hist, rowIndex, q * 4, n, key.slots, a, b, key.range);
    } else {
      if (q > 0) countSingleLanes(hist, rowIndex, q, key.slots, words(a, q));
      countSingle(hist, rowIndex, q * 4, n, key.slots, a);
    }
    applySlots(hist, 0, rows, key.slots, key.start, key.bumps, acc, width);
  }

  for (const m of L.multis) {
    const base = m.slots.map((_, k) => rows * m.slots.slice(0, k).reduce((x, y) => x + y, 0));
    const [w0 = 0, w1 = 0, w2 = 0] = m.widths;
    const data = packed.columns[m.column]! as Int32Array;
    const keys = m.widths.length;
    countMulti(
      hist,
      rowIndex,
      n,
      data,
      m.missingBits,
      keys,
      w0,
      w1,
      w2,
      base[1] ?? 0,
      base[2] ?? 0,
    );
    m.widths.forEach((_, k) =>
      applySlots(hist, base[k]!, rows, m.slots[k]!, m.start[k]!, m.bumps[k]!, acc, width),
    );
  }

  for (const q of L.looseCombinations) {
    const comb = plan.combinations[q]!;
    countCombination(
      acc,
      rowIndex,
      n,
      width,
      L.combinations[q]!,
      comb.terms.map((t) => single(t.column)),
      comb.terms.map((t) => t.threshold),
    );
  }

  // Scores: one histogram slot per (stratum, missing items, total); each distinct slot scored once.
  const sums = new Int32Array(L.scoreKeys.length > 0 ? n : 0);
  plan.scores.forEach((t, s) => {
    const key = L.scoreKeys[s]!;
    const cols = key.columns.map(single);
    const lanes = key.lanes && aligned(cols) ? key.lanes : undefined;
    const q = lanes ? n >>> 2 : 0;
    if (lanes) {
      sums.fill(0, 0, q);
      cols.forEach((col, k) => {
        const { reverse, factor } = lanes[k]!;
        if (reverse < 0) addLanes(sums, words(col, q), q, factor, key.span);
        else addLanesReversed(sums, words(col, q), q, reverse, factor, key.span);
      });
      countLanes(hist, rowIndex, q, key.slots, sums);
    }
    const from = q * 4;
    cols.forEach((col, k) => addItem(sums, from, n, k === 0, col, key.tables[k]!));
    countSums(hist, rowIndex, from, n, key.slots, sums);
    scoreSlots(
      hist,
      rows,
      key,
      t.maxMissing,
      t.method === 'sum',
      L.unit[s]!,
      acc,
      width,
      L.scores[s]!,
    );
  });

  // Fold the strata into marginals: into one dense array (counter × dimension group), then into
  // objects once.
  const dense = new Float64Array(width * ALL_GROUPS);
  const counterTotals = new Float64Array(width);
  foldStrata(acc, rows, width, strata, dense, counterTotals);
  const marginals = Array.from({ length: width }, (_, k) => {
    const m = emptyMarginal();
    m.all = counterTotals[k]!;
    DIMENSIONS.forEach((d, di) => {
      DIMENSION_GROUPS[d].forEach((g, gi) => {
        const v = dense[k * ALL_GROUPS + DIMENSION_START[di]! + gi]!;
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
  return {
    all: 0,
    sex: {},
    yearGroup: {},
    phase: {},
    sen: {},
    fsm: {},
    eal: {},
    lookedAfter: {},
    youngCarer: {},
    ethnicity: {},
  };
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

/** Where each dimension's groups start in a dense marginal (`all` is at 0). */
const GROUP_START = DIMENSION_START.map((start) => 1 + start);
const DENSE_WIDTH = 1 + ALL_GROUPS;

/**
 * A marginal being added up: the model's groups in a Float64Array (adding into objects key by key
 * was most of the time of a large merge), any other group a summary names kept apart. Whole numbers
 * add exactly in any order, so the result is the same as adding the objects.
 */
class MarginalSum {
  private readonly counts = new Float64Array(DENSE_WIDTH);
  private others?: Map<string, number>[];

  add(m: Marginal | SumMarginal | undefined, factor: number): void {
    if (!m) return;
    const counts = this.counts;
    counts[0]! += factor * m.all;
    for (let di = 0; di < DIMENSIONS.length; di++) {
      const d = DIMENSIONS[di]!;
      const groups = m[d];
      const index = GROUP_INDEX[d];
      const start = GROUP_START[di]!;
      for (const g in groups) {
        const at = index.get(g);
        if (at !== undefined) counts[start + at]! += factor * groups[g]!;
        else {
          const other = ((this.others ??= DIMENSIONS.map(() => new Map()))[di] ??= new Map());
          other.set(g, (other.get(g) ?? 0) + factor * groups[g]!);
        }
      }
    }
  }

  /** The sum as a marginal (zeros left out; `canonical` sorts it). */
  value<M extends Marginal | SumMarginal>(): M {
    const m = emptyMarginal() as M;
    m.all = this.counts[0]!;
    DIMENSIONS.forEach((d, di) => {
      DIMENSION_GROUPS[d].forEach((g, gi) => {
        const v = this.counts[GROUP_START[di]! + gi]!;
        if (v !== 0) m[d][g] = v;
      });
      for (const [g, v] of this.others?.[di] ?? []) if (v !== 0) m[d][g] = v;
    });
    return m;
  }
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
  const respondents = new MarginalSum();
  const binary = new Map<string, Record<keyof BinaryCounts, MarginalSum>>();
  const scores = new Map<
    string,
    Record<'n' | 'sum' | 'sumSquares' | 'noScore', MarginalSum> & {
      bands: Map<string, MarginalSum>;
    }
  >();
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
    respondents.add(s.respondents, sign);
    for (const key in s.binary) {
      const b = s.binary[key]!;
      let into = binary.get(key);
      if (!into) {
        into = {
          yes: new MarginalSum(),
          answered: new MarginalSum(),
          missing: new MarginalSum(),
          skipped: new MarginalSum(),
        };
        binary.set(key, into);
      }
      into.yes.add(b.yes, sign);
      into.answered.add(b.answered, sign);
      into.missing.add(b.missing, sign);
      into.skipped.add(b.skipped, sign);
    }
    for (const key in s.scores) {
      const c = s.scores[key]!;
      const scale = units.get(key)! / c.unit;
      let into = scores.get(key);
      if (!into) {
        into = {
          n: new MarginalSum(),
          sum: new MarginalSum(),
          sumSquares: new MarginalSum(),
          noScore: new MarginalSum(),
          bands: new Map(),
        };
        scores.set(key, into);
      }
      into.n.add(c.n, sign);
      into.sum.add(c.sum, sign * scale);
      into.sumSquares.add(c.sumSquares, sign * scale * scale);
      into.noScore.add(c.noScore, sign);
      for (const band in c.bands) {
        let sum = into.bands.get(band);
        if (!sum) into.bands.set(band, (sum = new MarginalSum()));
        sum.add(c.bands[band], sign);
      }
    }
  }
  out.respondents = respondents.value();
  for (const [key, b] of binary) {
    out.binary[key] = {
      yes: b.yes.value(),
      answered: b.answered.value(),
      missing: b.missing.value(),
      skipped: b.skipped.value(),
    };
  }
  for (const [key, c] of scores) {
    out.scores[key] = {
      unit: units.get(key)!,
      n: c.n.value(),
      sum: c.sum.value(),
      sumSquares: c.sumSquares.value(),
      noScore: c.noScore.value(),
      bands: Object.fromEntries([...c.bands].map(([band, sum]) => [band, sum.value()])),
    };
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
