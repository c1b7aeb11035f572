import {
  SchoolPhase,
  SenStatus,
  Sex,
  YearGroup,
  YesNoUnknown,
  itemsOf,
  type PupilCharacteristics,
  type QuestionnaireDefinition,
  type QuestionnaireResponse,
  type School,
  type Wave,
} from '@all-together/model';
import type { MeanStat, Proportion } from './types.js';

/**
 * The characteristics every indicator is broken down by (domain.md §5). `phase` comes from the
 * school, the rest from the response's characteristics. Never crossed with each other (D3).
 */
export const DIMENSIONS = ['sex', 'yearGroup', 'phase', 'sen', 'fsm', 'eal'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A characteristic's values with `unknown` (not given) before "prefer not to say". */
const withUnknown = (values: readonly string[]) => {
  const known = values.filter((v) => v !== 'unknown' && v !== 'prefer-not-to-say');
  return [...known, 'unknown', 'prefer-not-to-say'];
};

/**
 * The groups of each dimension, in display order, from the model's own value sets. Values not given
 * count as `unknown`.
 */
export const DIMENSION_GROUPS: Readonly<Record<Dimension, readonly string[]>> = {
  sex: withUnknown(Sex.options),
  yearGroup: withUnknown(YearGroup.options),
  phase: [...SchoolPhase.options, 'unknown'],
  sen: withUnknown(SenStatus.options),
  fsm: withUnknown(YesNoUnknown.options),
  eal: withUnknown(YesNoUnknown.options),
};

/** Groups shown beside a dimension's own that are sums of them: any SEN = EHC plan + SEN support. */
export const DERIVED_GROUPS: Readonly<
  Partial<Record<Dimension, readonly { key: string; of: readonly string[] }[]>>
> = {
  sen: [{ key: 'any-sen', of: ['E', 'K'] }],
};

/** Counts per group of every dimension, plus `all`. Zeros are left out. */
export type Marginal = { all: number } & { [D in Dimension]: Record<string, number> };

/** A yes/no indicator: how many said yes, of how many answered; "Prefer not to say" counted apart. */
export interface BinaryCounts {
  yes: Marginal;
  answered: Marginal;
  /** Chose an option declared missing ("Prefer not to say", "Don't know"). Reported, never dropped. */
  missing: Marginal;
}

/** A score per pupil (wellbeing scale, feelings composite): sums for the mean, and bands. */
export interface ScoreCounts {
  n: Marginal;
  sum: Marginal;
  sumSquares: Marginal;
  bands: Record<string, Marginal>;
  /** Answered too little to score (more missing items than prorating allows). */
  noScore: Marginal;
}

/** What an indicator means, so results can word it and colour it without knowing any item. */
export interface IndicatorInfo {
  kind: 'binary' | 'score';
  /** For a binary indicator, whether more "yes" is good news; for a score, whether higher is. */
  higherIsBetter: boolean;
  /** Where it comes from: the declared indicator (or scale) and, for per-option ones, the option. */
  source: string;
}

/**
 * A summary of pupil responses: counts only, never a pupil's row. Summaries of schools merge into
 * trust, LA and national summaries with `mergeSummaries` (associative and commutative), and every
 * figure is drawn from them through `breakdown`, then published through disclosure control.
 */
export interface PupilSummary {
  kind: 'pupil-summary';
  format: 1;
  wave: Wave;
  /** URNs of the schools whose pupils are counted. */
  schools: string[];
  /** `id@version` of every definition answered. */
  definitions: string[];
  respondents: Marginal;
  info: Record<string, IndicatorInfo>;
  binary: Record<string, BinaryCounts>;
  scores: Record<string, ScoreCounts>;
}

// ───────────────────────────── the plan: a definition compiled once ─────────────────────────────

/** An answer as packed: a score code per scored item column. */
const NOT_ANSWERED = -2;
const MISSING = -1;

interface Column {
  item: string;
  /** Option value → code (a score ≥ 0, or MISSING); multi-select items use bit positions. */
  codes: Map<string, number>;
  multi: boolean;
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

/** A definition compiled for scoring: columns to pack and the indicators they feed. */
export interface ScoringPlan {
  definition: string;
  columns: Column[];
  binary: BinaryTarget[];
  bullyVictim?: { key: string; victim: number; bully: number; victimCut: number; bullyCut: number };
  scores: ScoreTarget[];
  info: Record<string, IndicatorInfo>;
}

/** Options for building indicators from definitions. */
export interface PlanOptions {
  /**
   * The cut-off for "frequently" when an item declares none, and an override of the declared one
   * (default: the item's own `frequent` cut-off, 2 = two or three times a month).
   */
  frequentCutoff?: number;
  /** The least share of feelings items a pupil must answer for the composite (default 0.5). */
  compositeMinAnswered?: number;
}

/** Indicators where more "yes" is bad news. Declared roles, not items. */
const HARM_INDICATORS = new Set([
  'victimisation',
  'victimisation-online',
  'bullying-others',
  'bullying-others-online',
]);

/**
 * Compiles a questionnaire definition into a scoring plan, reading only its declared scoring:
 * frequency items with `any`/`frequent` cut-offs become `<indicator>.any` and `<indicator>.frequent`;
 * categories become `<indicator>.<option>`; agreement items with an `agree` cut-off become
 * `<indicator>.<item>.agree` and, for `feelings`, a 0–100 composite with reverse keys
 * (`feelings.composite`); scales become `scale.<id>` with prorating and bands; yes/no items
 * `<indicator>.yes`; and, where both exist, `bully-victim.frequent`.
 */
export function compilePlan(
  definition: QuestionnaireDefinition,
  options: PlanOptions = {},
): ScoringPlan {
  const plan: ScoringPlan = {
    definition: `${definition.id}@${definition.version}`,
    columns: [],
    binary: [],
    scores: [],
    info: {},
  };
  const columnOf = new Map<string, number>();
  const addColumn = (item: ReturnType<typeof itemsOf>[number]): number => {
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
    plan.columns.push({ item: item.id, codes, multi });
    columnOf.set(item.id, plan.columns.length - 1);
    return plan.columns.length - 1;
  };

  const firstByIndicator = new Map<string, { column: number; frequent: number }>();
  const feelings: { column: number; min: number; max: number; reverse: boolean }[] = [];

  for (const item of itemsOf(definition)) {
    const s = item.scoring;
    if (item.type === 'free-text' || s.kind === 'none' || s.kind === 'characteristic') continue;
    const indicator = s.indicator;
    if (s.kind === 'frequency' && indicator && s.values) {
      const column = addColumn(item);
      const frequent = options.frequentCutoff ?? s.cutoffs.frequent ?? 2;
      const higherIsBetter = !HARM_INDICATORS.has(indicator);
      if (s.cutoffs.any !== undefined) {
        plan.binary.push({ key: `${indicator}.any`, column, threshold: s.cutoffs.any });
        plan.info[`${indicator}.any`] = { kind: 'binary', higherIsBetter, source: indicator };
      }
      plan.binary.push({ key: `${indicator}.frequent`, column, threshold: frequent });
      plan.info[`${indicator}.frequent`] = { kind: 'binary', higherIsBetter, source: indicator };
      if (!firstByIndicator.has(indicator)) firstByIndicator.set(indicator, { column, frequent });
    } else if (
      (s.kind === 'categories' || s.kind === 'category' || s.kind === 'yes-no') &&
      indicator
    ) {
      const column = addColumn(item);
      const multi = item.type === 'multi-select';
      const missingBits = multi
        ? item.options.reduce((m, o, i) => (s.missing.includes(o.value) ? m | (1 << i) : m), 0)
        : undefined;
      item.options.forEach((o, i) => {
        if (s.missing.includes(o.value)) return;
        const key =
          s.kind === 'yes-no' && o.value !== 'yes'
            ? undefined
            : s.kind === 'yes-no'
              ? `${indicator}.yes`
              : `${indicator}.${o.value}`;
        if (!key || plan.info[key]) return;
        // Multi-select options match by bit; a single category by its packed code.
        const code = plan.columns[column]!.codes.get(o.value)!;
        plan.binary.push(
          multi
            ? { key, column, bit: i, missingBits }
            : { key, column, threshold: Number.NaN, bit: code },
        );
        plan.info[key] = {
          kind: 'binary',
          higherIsBetter: !(indicator === 'types'),
          source: `${indicator}:${o.value}`,
        };
      });
    } else if (s.kind === 'agreement' && indicator && s.values && s.cutoffs.agree !== undefined) {
      const column = addColumn(item);
      const key = `${indicator}.${item.id}.agree`;
      plan.binary.push({ key, column, threshold: s.cutoffs.agree });
      plan.info[key] = {
        kind: 'binary',
        higherIsBetter: !s.reverse,
        source: `${indicator}:${item.id}`,
      };
      if (indicator === 'feelings') {
        const scores = Object.values(s.values);
        feelings.push({
          column,
          min: Math.min(...scores),
          max: Math.max(...scores),
          reverse: s.reverse,
        });
      }
    }
  }

  if (feelings.length > 0) {
    const minAnswered = Math.ceil(feelings.length * (options.compositeMinAnswered ?? 0.5));
    plan.scores.push({
      key: 'feelings.composite',
      columns: feelings.map((f) => f.column),
      ranges: feelings,
      method: 'percent-mean',
      maxMissing: feelings.length - minAnswered,
      bands: [],
    });
    plan.info['feelings.composite'] = { kind: 'score', higherIsBetter: true, source: 'feelings' };
  }

  for (const scale of definition.scales) {
    const members = itemsOf(definition).filter(
      (i) => i.scoring.scale === scale.id && i.type !== 'free-text',
    );
    if (members.length === 0) continue;
    plan.scores.push({
      key: `scale.${scale.id}`,
      columns: members.map(addColumn),
      ranges: members.map((i) => {
        const v = Object.values(i.scoring.values ?? { x: 0 });
        return { min: Math.min(...v), max: Math.max(...v), reverse: i.scoring.reverse };
      }),
      method: scale.method === 'sum' ? 'sum' : 'percent-mean',
      maxMissing: scale.prorate?.maxMissing ?? 0,
      bands: scale.bands.map((b) => ({ id: b.id, min: b.min, max: b.max })),
    });
    plan.info[`scale.${scale.id}`] = {
      kind: 'score',
      higherIsBetter: scale.direction === 'higher-is-better',
      source: scale.id,
    };
  }

  const victim = firstByIndicator.get('victimisation');
  const bully = firstByIndicator.get('bullying-others');
  if (victim && bully) {
    plan.bullyVictim = {
      key: 'bully-victim.frequent',
      victim: victim.column,
      bully: bully.column,
      victimCut: victim.frequent,
      bullyCut: bully.frequent,
    };
    plan.info['bully-victim.frequent'] = {
      kind: 'binary',
      higherIsBetter: false,
      source: 'victimisation+bullying-others',
    };
  }
  return plan;
}

// ──────────────────────────────── packed (columnar) responses ────────────────────────────────

/**
 * Responses to one definition packed into typed columns: one Int8 score code per scored item
 * (−2 not answered, −1 a missing option), multi-select items as bit masks, and one small code per
 * dimension. Scoring a packed batch allocates nothing per response.
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

/** Allocates an empty packed batch of `capacity` responses for a plan. */
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
 * responses to other definitions or waves are refused with an error naming the response.
 */
export function packResponses(
  plan: ScoringPlan,
  wave: Wave,
  responses: readonly QuestionnaireResponse[],
  schools: ReadonlyMap<string, Pick<School, 'phase'>> = new Map(),
): PackedResponses {
  const packed = createPacked(plan, wave, responses.length);
  for (const r of responses) {
    if (`${r.definition.id}@${r.definition.version}` !== plan.definition) {
      throw new Error(
        `Response ${r.id} answers ${r.definition.id}@${r.definition.version}, not ${plan.definition}.`,
      );
    }
    if (r.wave !== wave)
      throw new Error(`Response ${r.id} is from the ${r.wave} wave, not ${wave}.`);
    const i = packed.length++;
    plan.columns.forEach((column, c) => {
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

/**
 * The counter layout of a plan, compiled once: per column an `answered` and a `missing` counter,
 * per binary target a `yes` counter, bully-victim's three, and per score n, sum, sumSquares, noScore
 * and its bands. For every single-answer column a lookup table maps each answer code to the
 * counters it adds one to, so scoring a response is a load and a few increments per column.
 */
interface Layout {
  width: number;
  columnCounters: number[]; // answered at k, missing at k + 1
  yes: number[]; // per binary target
  bullyVictim: number;
  scores: number[];
  singles: number[]; // column indexes of single answers
  /** Histogram slots per stratum: column j's code v is counted at lutBase[j] + v + 2. */
  histWidth: number;
  lutStart: Int32Array; // the counters a histogram slot adds to: lutData[lutStart[slot] … lutStart[slot + 1]]
  lutBase: Int32Array;
  lutData: Int32Array;
  multis: {
    column: number;
    missingBits: number;
    answered: number;
    missing: number;
    bits: Int32Array;
  }[];
  /**
   * Per score target, per item k, by answer code (code + 2): the item's contribution as a whole
   * number (the score × `scaleBy`), or MISSING_MARK for no score. Adding the contributions of a
   * response gives, in one sum, the number of items missing (the high bits) and the total.
   */
  contribution: Int32Array[];
  scaleBy: number[];
}

const layouts = new WeakMap<ScoringPlan, Layout>();

/** The mark a missing item adds to a score's running sum: 2^16, far above any real total. */
const MISSING_MARK = 1 << 16;

function layoutOf(plan: ScoringPlan): Layout {
  const cached = layouts.get(plan);
  if (cached) return cached;
  let next = 1; // counter 0: respondents
  const columnCounters = plan.columns.map(() => ((next += 2), next - 2));
  const yes = plan.binary.map(() => next++);
  const bullyVictim = plan.bullyVictim ? ((next += 3), next - 3) : -1;
  const scores = plan.scores.map((t) => ((next += 4 + t.bands.length), next - 4 - t.bands.length));

  const singles = plan.columns.map((c, i) => (c.multi ? -1 : i)).filter((i) => i >= 0);
  const lists: number[][] = [];
  const lutBase = new Int32Array(singles.length);
  for (const [j, c] of singles.entries()) {
    const maxCode = Math.max(0, ...plan.columns[c]!.codes.values());
    lutBase[j] = lists.length;
    for (let code = NOT_ANSWERED; code <= maxCode; code++) {
      const bump: number[] = [];
      if (code === MISSING) bump.push(columnCounters[c]! + 1);
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
    return [
      {
        column,
        missingBits,
        answered: columnCounters[column]!,
        missing: columnCounters[column]! + 1,
        bits,
      },
    ];
  });

  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const scaleBy = plan.scores.map((t) =>
    t.method === 'sum'
      ? 1
      : t.ranges.reduce((l, r) => (l * (r.max - r.min)) / gcd(l, r.max - r.min), 1),
  );
  const contribution = plan.scores.map((t, s) => {
    if (t.columns.length >= 64)
      throw new Error(`Scale "${t.key}" has ${t.columns.length} items; at most 63 can be counted.`);
    const maxCode = Math.max(
      ...t.columns.map((c) => Math.max(0, ...plan.columns[c]!.codes.values())),
    );
    const table = new Int32Array(t.columns.length * (maxCode + 3)).fill(MISSING_MARK);
    t.columns.forEach((_, k) => {
      const r = t.ranges[k]!;
      for (let code = 0; code <= maxCode; code++) {
        const x = r.reverse ? r.max + r.min - code : code;
        const value = t.method === 'sum' ? x : ((x - r.min) * scaleBy[s]!) / (r.max - r.min);
        if (!Number.isInteger(value) || value < 0 || value >= MISSING_MARK / 64) {
          throw new Error(
            `Scale "${t.key}" has scores this summary cannot count exactly (${value}).`,
          );
        }
        table[k * (maxCode + 3) + code + 2] = value;
      }
    });
    return table;
  });

  const layout: Layout = {
    width: next,
    columnCounters,
    yes,
    bullyVictim,
    scores,
    singles,
    histWidth: lists.length,
    lutStart,
    lutBase,
    lutData,
    multis,
    contribution,
    scaleBy,
  };
  layouts.set(plan, layout);
  return layout;
}

/**
 * Summarises a packed batch. Each response adds one to a histogram slot per answered column in its
 * stratum (its combination of groups), and to its scores; at the end each slot's count goes to the
 * counters its answer code means (answered, missing, yes for each cut-off) and the strata are
 * folded into marginals, so the cost per response is close to one pass over its answers. Strata never leave this
 * function: a summary holds marginals only (D3).
 */
export function summarisePacked(packed: PackedResponses): PupilSummary {
  const { plan } = packed;
  const L = layoutOf(plan);
  const width = L.width;
  // Few of the ~30,000 possible strata occur in practice: give each one that does a compact row,
  // so the counters stay small enough to live in cache.
  const rowOf = new Int32Array(STRATA).fill(-1);
  const rowIndex = new Int32Array(packed.length);
  const strata: number[] = [];
  const dims = DIMENSIONS.map((d) => packed.groups[d]);
  const [d0, d1, d2, d3, d4, d5] = dims as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  const [s0, s1, s2, s3, s4] = STRIDES as [number, number, number, number, number];
  const singles = L.singles.map((c) => packed.columns[c]! as Int8Array);
  const { lutStart, lutBase, lutData } = L;
  const multis = L.multis.map((m) => ({ ...m, data: packed.columns[m.column]! as Int32Array }));
  const bv = plan.bullyVictim;
  const bvA = bv ? (packed.columns[bv.victim]! as Int8Array) : undefined;
  const bvB = bv ? (packed.columns[bv.bully]! as Int8Array) : undefined;
  const scoreCols = plan.scores.map((t) => t.columns.map((c) => packed.columns[c]! as Int8Array));
  const strides = plan.scores.map(
    (_, s) => L.contribution[s]!.length / plan.scores[s]!.columns.length,
  );

  for (let i = 0; i < packed.length; i++) {
    const stratum = d0[i]! * s0 + d1[i]! * s1 + d2[i]! * s2 + d3[i]! * s3 + d4[i]! * s4 + d5[i]!;
    let r = rowOf[stratum]!;
    if (r < 0) {
      r = rowOf[stratum] = strata.length;
      strata.push(stratum);
    }
    rowIndex[i] = r;
  }
  const acc = new Float64Array(strata.length * width);
  const histWidth = L.histWidth;
  const hist = new Float64Array(strata.length * histWidth);

  // One column at a time: a sequential read of the column and one increment per answer.
  for (let j = 0; j < singles.length; j++) {
    const column = singles[j]!;
    const base = lutBase[j]! + 2;
    for (let i = 0; i < packed.length; i++) {
      hist[rowIndex[i]! * histWidth + base + column[i]!]!++;
    }
  }

  for (let i = 0; i < packed.length; i++) {
    const row = rowIndex[i]! * width;
    acc[row]!++;
    for (let j = 0; j < multis.length; j++) {
      const m = multis[j]!;
      let mask = m.data[i]!;
      if (mask === 0) continue;
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
    if (bv) {
      const a = bvA![i]!;
      const b = bvB![i]!;
      if (a === MISSING || b === MISSING) acc[row + L.bullyVictim + 2]!++;
      else if (a >= 0 && b >= 0) {
        acc[row + L.bullyVictim + 1]!++;
        if (a >= bv.victimCut && b >= bv.bullyCut) acc[row + L.bullyVictim]!++;
      }
    }
    for (let s = 0; s < scoreCols.length; s++) {
      const t = plan.scores[s]!;
      const cols = scoreCols[s]!;
      const table = L.contribution[s]!;
      const stride = strides[s]!;
      const items = cols.length;
      let sum = 0;
      for (let k = 0; k < items; k++) sum += table[k * stride + cols[k]![i]! + 2]!;
      const answered = items - (sum >>> 16);
      const total = (sum & (MISSING_MARK - 1)) / L.scaleBy[s]!;
      const at = row + L.scores[s]!;
      if (answered === 0 || items - answered > t.maxMissing) {
        if (answered > 0 || t.method === 'sum') acc[at + 3]!++;
        continue;
      }
      // Prorated sums and the 0–100 composite are rounded to whole numbers, as is usual for scale
      // scores; whole numbers also keep merged sums exact.
      const score = Math.round(
        t.method === 'sum' ? (total * items) / answered : (total / answered) * 100,
      );
      acc[at]!++;
      acc[at + 1]! += score;
      acc[at + 2]! += score * score;
      for (let k = 0; k < t.bands.length; k++) {
        if (score >= t.bands[k]!.min && score <= t.bands[k]!.max) acc[at + 4 + k]!++;
      }
    }
  }

  // Each histogram slot adds its count to the counters its answer code means.
  for (let r = 0; r < strata.length; r++) {
    for (let slot = 0; slot < histWidth; slot++) {
      const n = hist[r * histWidth + slot]!;
      if (n === 0) continue;
      for (let k = lutStart[slot]!, end = lutStart[slot + 1]!; k < end; k++)
        acc[r * width + lutData[k]!]! += n;
    }
  }

  // Fold the strata into marginals: first into one dense array (counter × dimension group), then
  // into objects once, so the cost does not grow with the number of strata times the groups.
  const offsets = DIMENSIONS.map((_, di) => SIZES.slice(0, di).reduce((a, b) => a + b, 0));
  const G = SIZES.reduce((a, b) => a + b, 0);
  const dense = new Float64Array(width * G);
  const counterTotals = new Float64Array(width);
  for (let r = 0; r < strata.length; r++) {
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
    format: 1,
    wave: packed.wave,
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
    };
  });
  if (bv) {
    const at = L.bullyVictim;
    summary.binary[bv.key] = {
      yes: marginals[at]!,
      answered: marginals[at + 1]!,
      missing: marginals[at + 2]!,
    };
  }
  plan.scores.forEach((t, s) => {
    const at = L.scores[s]!;
    summary.scores[t.key] = {
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

/**
 * Summarises validated responses to any number of definitions for one wave. Responses are grouped
 * by definition, packed and summarised, and the parts merged.
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
  const byKey = new Map(options.definitions.map((d) => [`${d.id}@${d.version}`, d]));
  const phases = new Map((options.schools ?? []).map((s) => [s.urn as string, s]));
  const groups = new Map<string, QuestionnaireResponse[]>();
  for (const r of responses) {
    if (r.wave !== options.wave) continue;
    const key = `${r.definition.id}@${r.definition.version}`;
    if (!byKey.has(key))
      throw new Error(`Response ${r.id} answers ${key}, which is not among the definitions given.`);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const parts = [...groups].map(([key, rs]) =>
    summarisePacked(
      packResponses(compilePlan(byKey.get(key)!, options.plan), options.wave, rs, phases),
    ),
  );
  return parts.length > 0 ? mergeSummaries(parts) : emptySummary(options.wave);
}

/** A summary of nobody, the identity of `mergeSummaries`. */
export function emptySummary(wave: Wave): PupilSummary {
  return {
    kind: 'pupil-summary',
    format: 1,
    wave,
    schools: [],
    definitions: [],
    respondents: emptyMarginal(),
    info: {},
    binary: {},
    scores: {},
  };
}

// ──────────────────────────────────────── merging ────────────────────────────────────────

function addInto(target: Marginal, m: Marginal | undefined, sign: 1 | -1 = 1): Marginal {
  if (!m) return target;
  target.all += sign * m.all;
  for (const d of DIMENSIONS) {
    const into = target[d];
    for (const g in m[d]) into[g] = (into[g] ?? 0) + sign * m[d][g]!;
  }
  return target;
}

/**
 * Merges summaries of the same wave: a trust's from its schools', an LA's from its trusts' and
 * schools'. Associative and commutative (property-tested), so the order and grouping never matter,
 * and merging the parts equals summarising all the responses at once. The inputs are not changed.
 */
export function mergeSummaries(summaries: readonly PupilSummary[]): PupilSummary {
  if (summaries.length === 0)
    throw new Error('mergeSummaries needs at least one summary (or use emptySummary(wave)).');
  return addSummaries(summaries.map((summary) => ({ summary, sign: 1 as const })));
}

/**
 * The area without one of its parts: every count of `part` taken from `whole` (the rest of an LA or
 * MAT without one school or trust, for comparisons). Schools are `whole`'s without `part`'s;
 * definitions are `whole`'s. One pass over the counts, nothing copied through JSON: compute it once
 * per area and school and pass it to `publishComparison` as `rest` when publishing many views.
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

/** Adds (sign 1) or takes away (sign −1) summaries of one wave, then puts the result in canonical form. */
function addSummaries(parts: readonly { summary: PupilSummary; sign: 1 | -1 }[]): PupilSummary {
  const wave = parts[0]!.summary.wave;
  const out = emptySummary(wave);
  const schools = new Set<string>();
  const definitions = new Set<string>();
  for (const { summary: s, sign } of parts) {
    if (s.wave !== wave)
      throw new Error(
        `Cannot merge a ${s.wave} summary with a ${wave} one: compare waves instead.`,
      );
    for (const key in s.info) {
      const x = out.info[key];
      const y = s.info[key]!;
      if (x && (x.kind !== y.kind || x.higherIsBetter !== y.higherIsBetter)) {
        throw new Error(`Indicator "${key}" means different things in the summaries being merged.`);
      }
      out.info[key] = y;
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
      });
      addInto(into.yes, b.yes, sign);
      addInto(into.answered, b.answered, sign);
      addInto(into.missing, b.missing, sign);
    }
    for (const key in s.scores) {
      const c = s.scores[key]!;
      const into = (out.scores[key] ??= {
        n: emptyMarginal(),
        sum: emptyMarginal(),
        sumSquares: emptyMarginal(),
        noScore: emptyMarginal(),
        bands: {},
      });
      addInto(into.n, c.n, sign);
      addInto(into.sum, c.sum, sign);
      addInto(into.sumSquares, c.sumSquares, sign);
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
  const marginal = (m: Marginal): Marginal => {
    const out = emptyMarginal();
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
    })),
    scores: sortKeys(summary.scores, (s) => ({
      n: marginal(s.n),
      sum: marginal(s.sum),
      sumSquares: marginal(s.sumSquares),
      noScore: marginal(s.noScore),
      bands: sortKeys(s.bands, marginal),
    })),
  };
}

// ─────────────────────────────────────── reading ───────────────────────────────────────

/** A binary indicator broken down by one dimension: counts, before disclosure control. */
export interface Breakdown {
  indicator: string;
  dimension: Dimension | 'all';
  total: Proportion & { missing: number };
  groups: { key: string; value: Proportion & { missing: number } }[];
  /** Sums of groups shown beside them (any SEN = E + K). */
  derived: { key: string; of: string[]; value: Proportion & { missing: number } }[];
}

const get = (m: Marginal | undefined, d: Dimension | 'all', g: string) =>
  m ? (d === 'all' ? m.all : (m[d][g] ?? 0)) : 0;

/**
 * The counts behind a binary indicator by one dimension (or `all`). These are raw counts: publish
 * them through `publishBreakdown`, never directly, outside a trusted analysis.
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
  const cell = (g: string) => ({
    count: get(counts.yes, dimension, g),
    base: get(counts.answered, dimension, g),
    missing: get(counts.missing, dimension, g),
  });
  const total = { count: counts.yes.all, base: counts.answered.all, missing: counts.missing.all };
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
    })),
  }));
  return { indicator, dimension, total, groups, derived };
}

/** A score indicator (wellbeing, feelings composite) by one dimension: mean statistics and bands. */
export interface ScoreBreakdown {
  indicator: string;
  dimension: Dimension | 'all';
  total: MeanStat & { bands: Record<string, number>; noScore: number };
  groups: { key: string; value: MeanStat & { bands: Record<string, number>; noScore: number } }[];
}

/** The mean statistics behind a score indicator by one dimension (raw; publish before showing). */
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
  const cell = (g: string) => ({
    n: get(s.n, dimension, g),
    sum: get(s.sum, dimension, g),
    sumSquares: get(s.sumSquares, dimension, g),
    noScore: get(s.noScore, dimension, g),
    bands: Object.fromEntries(Object.entries(s.bands).map(([b, m]) => [b, get(m, dimension, g)])),
  });
  const total = {
    n: s.n.all,
    sum: s.sum.all,
    sumSquares: s.sumSquares.all,
    noScore: s.noScore.all,
    bands: Object.fromEntries(Object.entries(s.bands).map(([b, m]) => [b, m.all])),
  };
  if (dimension === 'all')
    return { indicator, dimension, total, groups: [{ key: 'all', value: total }] };
  return {
    indicator,
    dimension,
    total,
    groups: DIMENSION_GROUPS[dimension].map((key) => ({ key, value: cell(key) })),
  };
}
