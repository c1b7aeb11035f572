/**
 * Publishing pupil results (reliability.md D1–D9; domain.md §7): the one path from summaries to
 * the figures anyone sees. Everything a viewer receives together is protected together
 * (`protect.ts`): every breakdown of every indicator of a wave, the totals they share, and for an
 * area its schools beside it. Every form of a figure follows one decision: a count hidden is hidden
 * as a count, a percentage, an interval, a change and a comparison alike.
 *
 * Outside the school's own view, counts and bases are rounded to `roundTo` (5), half up, and the
 * percentage, its interval, a change and its significance are computed **from the rounded figures**,
 * so together they say no more than the rounded figures do (a whole percentage from the exact
 * figures beside a rounded count would give the exact count back). Percentages round half up, with
 * integer arithmetic (23 of 40 is 58%, not 57%).
 *
 * Over the 400-line aim (style.md), on purpose: a wave's cells are shown through the private
 * `cell` and `figure`, changes and comparisons are built only from those published cells (with the
 * same `value`, `reasonsOf` and hidden symbols), and the one-table entry points are memoised views
 * of the same wave. Split by section, those helpers would have to be exported from a third file,
 * and "one decision, every form" would no longer be readable in one place. What may be shown is
 * decided elsewhere (`protect.ts`, `disclosure.ts`).
 *
 * @module
 */
import {
  DEFAULT_DISCLOSURE_CONTROL,
  DIMENSIONS,
  type Dimension,
  type DisclosureControl,
  type Hidden,
  type IndicatorInfo,
  type PublishedBreakdown,
  type PublishedCell,
  type PublishedChange,
  type PublishedChangeTable,
  type PublishedComparison,
  type PublishedComparisonTable,
  type PublishedPool,
  type PublishedResults,
  type PublishedScoreBreakdown,
  type PublishedScoreCell,
  type PublishedWave,
  type PupilSummary,
  type Shown,
  type SuppressionReason,
  type ViewerLevel,
  type Wave,
} from '@all-together/model';
import {
  compareMeans,
  compareWaves,
  compareWithComparator,
  type ChangeDirection,
} from './compare.js';
import { suppressionPattern } from './disclosure.js';
import { suppressionNote } from './notes.js';
import {
  AREA,
  bandKey,
  protect,
  type CellDecision,
  type Decision,
  type Protection,
  type TableDimension,
} from './protect.js';
import {
  breakdown,
  mergeSummaries,
  scoreBreakdown,
  type Breakdown,
  type ScoreCell,
} from './summary.js';
import { wilsonInterval } from './proportions.js';

export type {
  PublishedBreakdown,
  PublishedCell,
  PublishedChange,
  PublishedChangeTable,
  PublishedComparison,
  PublishedComparisonTable,
  PublishedPool,
  PublishedResults,
  PublishedScoreBreakdown,
  PublishedScoreCell,
  PublishedWave,
};

/** Who is looking, and with which rules. Disclosure control is always on; these only tune it. */
export interface PublishOptions {
  control?: DisclosureControl;
  /** Default `national`: rounding applies unless the school is looking at its own results. */
  viewer?: ViewerLevel;
  /** The breakdowns published (default: every dimension). `all` is always published. */
  dimensions?: readonly Dimension[];
  /** The indicators published (default: every indicator of the summaries). */
  indicators?: readonly string[];
  /** Confidence level of intervals and tests; default 0.95. */
  confidence?: number;
}

// ───────────────────────────────────── figures ─────────────────────────────────────

/** Whole-number percentage of `count` in `base`, rounded half up with integer arithmetic. */
export function percentHalfUp(count: number, base: number): number {
  return Math.floor((200 * count + base) / (2 * base));
}

/** A number rounded half up to a multiple of `to` (exact for whole numbers). */
export function roundHalfUpTo(x: number, to: number): number {
  return Math.floor((2 * x + to) / (2 * to)) * to;
}

/** Percentage points between two fractions, rounded half away from zero to a whole number. */
function points(c1: number, b1: number, c2: number, b2: number): number {
  // 100 (c2/b2 − c1/b1) = 100 (c2 b1 − c1 b2) / (b1 b2): exact integers up to rounding.
  const num = 100 * (c2 * b1 - c1 * b2);
  const den = b1 * b2;
  const sign = num < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(num) + den) / (2 * den));
}

const symbolOf = (d: Decision): Hidden | undefined => (d.shown ? undefined : d.hidden);
const LOW: Hidden = { symbol: '[low]', reason: 'rounds-to-zero' };
const value = <T>(s: Shown<T>): T | undefined => ('value' in s ? s.value : undefined);

/** One published figure: exact in the school's own view, rounded outside it; `[low]` where so decided. */
function figure(decision: Decision, n: number, roundTo: number): Shown<number> {
  const h = symbolOf(decision);
  if (h) return h;
  if (decision.shown && decision.low) return LOW;
  return { value: roundTo === 1 ? n : roundHalfUpTo(n, roundTo) };
}

/** A published cell from its decisions: every form of the count follows the count's decision. */
function cell(
  key: string,
  raw: { count: number; base: number },
  decision: CellDecision,
  roundTo: number,
  confidence: number,
): PublishedCell {
  const base = figure(decision.base, raw.base, roundTo);
  const count = figure(decision.count, raw.count, roundTo);
  const c = value(count);
  const b = value(base);
  if (c === undefined || b === undefined || b === 0) {
    const h: Hidden =
      'symbol' in count
        ? count
        : b === 0
          ? { symbol: '[z]', reason: 'no-pupils' }
          : (base as Hidden);
    return { key, base, count, percent: h, interval: h };
  }
  const interval = wilsonInterval(Math.min(c, b), b, { confidence })!;
  return {
    key,
    base,
    count,
    percent: { value: percentHalfUp(Math.min(c, b), b) },
    interval: {
      value: { lower: Math.round(interval.lower * 100), upper: Math.round(interval.upper * 100) },
    },
  };
}

const reasonsOf = (shown: readonly Shown<unknown>[]): SuppressionReason[] => {
  const reasons = new Set<SuppressionReason>();
  for (const s of shown) if ('symbol' in s) reasons.add(s.reason);
  return [...reasons];
};

// ───────────────────────────────────── one wave ─────────────────────────────────────

interface WaveInput {
  rows: readonly PupilSummary[];
  area: boolean;
  dimensions: readonly Dimension[];
  rowDimensions?: readonly Dimension[];
  indicators?: readonly string[];
  control: DisclosureControl;
  viewer: ViewerLevel;
  confidence: number;
}

/** The raw cells of a breakdown by key: total (`all`), groups and derived groups. */
function rawCells(b: Breakdown): Map<string, { count: number; base: number }> {
  return new Map([
    ['all', b.total],
    ...b.groups.map((g) => [g.key, g.value] as const),
    ...b.derived.map((d) => [d.key, d.value] as const),
  ]);
}

/** The summary of a row of a wave input (the area is the sum of the rows). */
function rowSummary(input: WaveInput, row: number): PupilSummary {
  return row === AREA ? mergeSummaries(input.rows) : input.rows[row]!;
}

/** Publishes one wave of one pool: each row (and the area) as a `PublishedWave`. */
function publishWave(input: WaveInput): { rows: PublishedWave[]; area?: PublishedWave } {
  const { control, viewer, confidence } = input;
  const roundTo = viewer === 'school' ? 1 : control.roundTo;
  const P = Math.max(control.minBaseForPercentage, control.minCellSize);
  const protection = protect({
    rows: input.rows,
    area: input.area,
    dimensions: input.dimensions,
    rowDimensions: input.rowDimensions,
    indicators: input.indicators,
    control,
    viewer,
  });
  const publishRow = (row: number): PublishedWave => {
    const summary = rowSummary(input, row);
    const dims: TableDimension[] = [
      'all',
      ...(row === AREA || !input.area ? input.dimensions : (input.rowDimensions ?? [])),
    ];
    const wanted = (k: string) => !input.indicators || input.indicators.includes(k);
    const info = Object.assign({}, ...input.rows.map((r) => r.info)) as PupilSummary['info'];
    const binary: PublishedBreakdown[] = [];
    const scores: PublishedScoreBreakdown[] = [];
    for (const [indicator, i] of Object.entries(info)) {
      if (!wanted(indicator)) continue;
      for (const d of dims) {
        if (i.kind === 'binary')
          binary.push(publishBinaryTable(summary, protection, row, indicator, i, d));
        else scores.push(publishScoreTable(summary, protection, row, indicator, i, d));
      }
    }
    const respondents = summary.respondents.all;
    return {
      wave: summary.wave,
      respondents:
        respondents === 0
          ? { value: 0 }
          : respondents < control.minCellSize
            ? { symbol: '[c]', reason: 'total' }
            : { value: roundTo === 1 ? respondents : roundHalfUpTo(respondents, roundTo) },
      binary,
      scores,
    };
  };

  const publishBinaryTable = (
    summary: PupilSummary,
    protection: Protection,
    row: number,
    indicator: string,
    info: IndicatorInfo,
    d: TableDimension,
  ): PublishedBreakdown => {
    const raw = summary.binary[indicator] ? rawCells(breakdown(summary, indicator, d)) : undefined;
    const cellOf = (key: string) =>
      cell(
        key,
        raw?.get(key) ?? { count: 0, base: 0 },
        protection.decide(row, indicator, d, key),
        roundTo,
        confidence,
      );
    const total = cellOf('all');
    const b = summary.binary[indicator] ? breakdown(summary, indicator, d) : undefined;
    const totalDecision = protection.decide(row, indicator, d, 'all');
    // Prefer not to say and skipped, at total level only: shown where the total's count is.
    const extra = (n: number): Shown<number> =>
      totalDecision.count.shown
        ? { value: roundTo === 1 ? n : roundHalfUpTo(n, roundTo) }
        : total.count;
    // A year group the school has no pupils in is left out (not listed as [z]).
    const groups =
      d === 'all'
        ? []
        : (b?.groups ?? [])
            .filter((g) => d !== 'yearGroup' || g.value.base > 0)
            .map((g) => cellOf(g.key));
    const derived = (b?.derived ?? []).map((g) => cellOf(g.key));
    const all = [total, ...groups, ...derived];
    const reasons = reasonsOf(all.flatMap((c) => [c.base, c.count, c.percent]));
    return {
      indicator,
      dimension: d,
      total: {
        ...total,
        missing: extra(b?.total.missing ?? 0),
        skipped: extra(b?.total.skipped ?? 0),
      },
      groups,
      derived,
      reasons,
    };
  };

  const publishScoreTable = (
    summary: PupilSummary,
    protection: Protection,
    row: number,
    indicator: string,
    info: IndicatorInfo,
    d: TableDimension,
  ): PublishedScoreBreakdown => {
    const s = summary.scores[indicator] ? scoreBreakdown(summary, indicator, d) : undefined;
    // Means follow a second rule on top of the counts': the groups whose mean is hidden hold 0 or
    // at least P pupils between them, so no mean of fewer can be worked out from the others.
    const pattern =
      s && d !== 'all'
        ? suppressionPattern(
            {
              total: s.total.n,
              groups: s.groups.map((g) => ({ key: g.key, base: g.value.n })),
              derived: s.derived.map((g) => ({ key: g.key, of: g.of })),
            },
            { ...control, minCellSize: P },
          )
        : undefined;
    const bandIds = Object.keys(summary.scores[indicator]?.bands ?? {}).sort();
    const publishCell = (key: string, v: ScoreCell): PublishedScoreCell => {
      const nDecision = protection.base(row, indicator, d, key);
      const n = figure(nDecision, v.n, roundTo);
      const meanVisible =
        nDecision.shown &&
        v.n >= P &&
        (key === 'all' || pattern?.groups[key]?.shown !== false) &&
        (key !== 'all' || (pattern?.total.shown ?? true));
      let mean: Shown<number>;
      let sd: Shown<number>;
      if (!nDecision.shown) mean = sd = nDecision.hidden;
      else if (v.n === 0) mean = sd = { symbol: '[z]', reason: 'no-pupils' };
      else if (!meanVisible)
        mean = sd = { symbol: '[c]', reason: v.n < P ? 'small-base' : 'complementary' };
      else {
        const m = v.sum / v.n;
        const variance = Math.max(0, (v.sumSquares - v.sum * m) / Math.max(1, v.n - 1));
        mean = { value: Number(m.toFixed(1)) };
        sd = { value: Number(Math.sqrt(variance).toFixed(1)) };
      }
      const bands = Object.fromEntries(
        bandIds.map((band) => {
          const decision = protection.decide(row, bandKey(indicator, band), d, key);
          return [
            band,
            cell(band, { count: v.bands[band] ?? 0, base: v.n }, decision, roundTo, confidence)
              .percent,
          ];
        }),
      );
      return { key, n, mean, sd, bands };
    };
    const total = s ? publishCell('all', s.total) : emptyScoreCell('all');
    const groups =
      d === 'all' || !s
        ? []
        : s.groups
            .filter((g) => d !== 'yearGroup' || g.value.n + g.value.noScore > 0)
            .map((g) => publishCell(g.key, g.value));
    const derived = !s ? [] : s.derived.map((g) => publishCell(g.key, g.value));
    const all = [total, ...groups, ...derived];
    const reasons = reasonsOf(all.flatMap((c) => [c.n, c.mean, ...Object.values(c.bands)]));
    return {
      indicator,
      dimension: d,
      total: {
        ...total,
        noScore: protection.base(row, indicator, d, 'all').shown
          ? {
              value:
                roundTo === 1
                  ? (s?.total.noScore ?? 0)
                  : roundHalfUpTo(s?.total.noScore ?? 0, roundTo),
            }
          : total.n,
      },
      groups,
      derived,
      reasons,
    };
  };

  return {
    rows: input.rows.map((_, r) => publishRow(r)),
    area: input.area ? publishRow(AREA) : undefined,
  };
}

const emptyScoreCell = (key: string): PublishedScoreCell => ({
  key,
  n: { value: 0 },
  mean: { symbol: '[z]', reason: 'no-pupils' },
  sd: { symbol: '[z]', reason: 'no-pupils' },
  bands: {},
});

// ───────────────────────────────── changes and comparisons ─────────────────────────────────

const cellsOf = (t: PublishedBreakdown): PublishedCell[] => {
  const { missing: _m, skipped: _s, ...total } = t.total;
  return [total, ...t.groups, ...t.derived];
};
const counts = (c: PublishedCell) => {
  const count = value(c.count);
  const base = value(c.base);
  return count !== undefined && base !== undefined && 'value' in c.percent
    ? { count: Math.min(count, base), base }
    : undefined;
};

/** D7: a change is shown only where the figure is shown at both waves. */
function changeTable(
  t1: PublishedBreakdown,
  t2: PublishedBreakdown,
  info: IndicatorInfo,
  confidence: number,
): PublishedChangeTable {
  const second = new Map(cellsOf(t2).map((c) => [c.key, c]));
  const groups = cellsOf(t1).flatMap((c1): PublishedChange[] => {
    const c2 = second.get(c1.key);
    if (!c2) return [];
    const a = counts(c1);
    const b = counts(c2);
    if (!a || !b) {
      const privacy = [c1.percent, c2.percent].some((p) => 'symbol' in p && p.symbol !== '[z]');
      return [
        {
          key: c1.key,
          change: { symbol: privacy ? '[c]' : '[z]', reason: 'not-both-waves' },
          significant: null,
          direction: null,
        },
      ];
    }
    const compared = compareWaves(a, b, { direction: info.direction, confidence });
    return [
      {
        key: c1.key,
        change: { value: points(a.count, a.base, b.count, b.base) },
        significant: compared.significant,
        direction: compared.direction,
      },
    ];
  });
  const reasons = [
    ...new Set([...t1.reasons, ...t2.reasons, ...reasonsOf(groups.map((g) => g.change))]),
  ];
  return { indicator: t1.indicator, dimension: t1.dimension, groups, reasons };
}

/** Whether the rest of an area may be shown beside a school (D6), and why, in plain English. */
function comparatorCheck(
  others: readonly PupilSummary[],
  control: DisclosureControl,
): { allowed: boolean; reason: string } {
  const k = control.minCellSize;
  const need = control.minSchoolsForComparator;
  // Only schools that themselves have at least k pupils count towards the minimum (an empty
  // school would make the "rest" one other school, whose figures the lead could then read).
  const passing = others.filter((s) => s.respondents.all >= k).length;
  const rest = others.reduce((n, s) => n + s.respondents.all, 0);
  if (passing + 1 < need)
    return {
      allowed: false,
      reason: `Fewer than ${need} schools with at least ${k} pupils each are in the area, so its figures are not shown beside this school.`,
    };
  if (rest < k)
    return {
      allowed: false,
      reason: `Fewer than ${k} pupils outside this school are in the area, so its figures are not shown beside this school.`,
    };
  return {
    allowed: true,
    reason: `At least ${need} schools with at least ${k} pupils each are in the area.`,
  };
}

const NO_COMPARATOR: Hidden = { symbol: '[x]', reason: 'no-comparator' };

function comparisonTable(
  wave: Wave,
  mine: PublishedBreakdown,
  theirs: PublishedBreakdown | undefined,
  allowed: boolean,
  info: IndicatorInfo,
  confidence: number,
): PublishedComparisonTable {
  const other = new Map(theirs ? cellsOf(theirs).map((c) => [c.key, c]) : []);
  const groups = cellsOf(mine).map((school): PublishedComparison => {
    const found = allowed ? other.get(school.key) : undefined;
    const comparator: PublishedCell = found ?? {
      key: school.key,
      base: NO_COMPARATOR,
      count: NO_COMPARATOR,
      percent: NO_COMPARATOR,
      interval: NO_COMPARATOR,
    };
    const a = counts(school);
    const b = found ? counts(found) : undefined;
    if (!a || !b) {
      return {
        key: school.key,
        comparator,
        difference: found ? { symbol: '[c]', reason: 'not-both-waves' } : NO_COMPARATOR,
        rag: null,
        significant: null,
        direction: null,
      };
    }
    const c = compareWithComparator(a, b, { direction: info.direction, confidence });
    return {
      key: school.key,
      comparator,
      difference: { value: points(b.count, b.base, a.count, a.base) },
      rag: c.rag,
      significant: c.significant,
      direction: c.significant
        ? c.rag === 'green'
          ? 'improved'
          : c.rag
            ? 'worse'
            : c.difference! > 0
              ? 'higher'
              : 'lower'
        : 'no-significant-change',
    };
  });
  const reasons = [
    ...new Set([
      ...mine.reasons,
      ...(allowed && theirs ? theirs.reasons : ['no-comparator' as const]),
      ...reasonsOf(groups.map((g) => g.difference)),
    ]),
  ];
  return { wave, indicator: mine.indicator, dimension: mine.dimension, groups, reasons };
}

// ─────────────────────────────────────── results ───────────────────────────────────────

/** Summaries of each wave; any number of pools (KS1, KS2 with secondary). */
export interface WaveSummaries {
  baseline?: readonly PupilSummary[];
  end?: readonly PupilSummary[];
}

const WAVES = ['baseline', 'end'] as const;

/** The pools present, by `comparableAs`, in order. */
function poolsIn(...sets: (WaveSummaries | undefined)[]): string[] {
  const pools = new Set<string>();
  for (const set of sets)
    for (const w of WAVES)
      for (const s of set?.[w] ?? []) if (s.comparableAs !== null) pools.add(s.comparableAs);
  return [...pools].sort();
}

const pick = (set: WaveSummaries | undefined, wave: Wave, pool: string) =>
  set?.[wave]?.filter((s) => s.comparableAs === pool) ?? [];

function assembled(
  pool: string,
  waves: Partial<Record<Wave, PublishedWave>>,
  info: PupilSummary['info'],
  definitions: string[],
  confidence: number,
  comparator: PublishedPool['comparator'] = {},
  comparisons: PublishedComparisonTable[] = [],
): PublishedPool {
  const changes: PublishedChangeTable[] = [];
  if (waves.baseline && waves.end) {
    const later = new Map(waves.end.binary.map((t) => [`${t.indicator}|${t.dimension}`, t]));
    for (const t1 of waves.baseline.binary) {
      const t2 = later.get(`${t1.indicator}|${t1.dimension}`);
      if (t2) changes.push(changeTable(t1, t2, info[t1.indicator]!, confidence));
    }
  }
  return {
    comparableAs: pool,
    definitions: [...new Set(definitions)].sort(),
    indicators: info,
    baseline: waves.baseline ?? null,
    end: waves.end ?? null,
    changes,
    comparator,
    comparisons,
  };
}

/** Every reason used in the pools, with its note in plain English. */
function notesFor(
  pools: readonly PublishedPool[],
  control: DisclosureControl,
): PublishedResults['notes'] {
  const reasons = new Set<SuppressionReason>();
  for (const p of pools) {
    for (const w of [p.baseline, p.end]) {
      for (const t of [...(w?.binary ?? []), ...(w?.scores ?? [])])
        for (const r of t.reasons) reasons.add(r);
      if (w && 'symbol' in w.respondents) reasons.add(w.respondents.reason);
    }
    for (const t of [...p.changes, ...p.comparisons]) for (const r of t.reasons) reasons.add(r);
  }
  return Object.fromEntries([...reasons].sort().map((r) => [r, suppressionNote(r, control)]));
}

/**
 * A school's (or a trust's, or an LA's) pupil results for one viewer, ready to send to a browser:
 * both waves, every breakdown, changes from Time 1 to Time 2 and, given the other schools of its
 * area, a comparison with the rest of the area at each wave. Everything in it is published
 * together and protected together; KS1 and KS2/secondary (different `comparableAs`) are separate
 * pools, never added together.
 *
 * The comparator is the rest of the area (the other schools merged), published at
 * `comparatorViewer` (default `trust`: rounded), and shown only when the area has at least
 * `minSchoolsForComparator` schools each with at least k pupils and the rest holds at least k.
 *
 * @example
 * const results = publishResults(
 *   { baseline: [schoolAtT1], end: [schoolAtT2], others: otherSchools },
 *   { viewer: 'school' },
 * );
 * PublishedResults.parse(results); // what <at-results> renders
 */
export function publishResults(
  input: WaveSummaries & {
    /** The other schools of the area, each with its summaries, for the comparison. */
    others?: readonly WaveSummaries[];
    comparatorViewer?: ViewerLevel;
  },
  options: PublishOptions = {},
): PublishedResults {
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const viewer = options.viewer ?? 'national';
  const confidence = options.confidence ?? 0.95;
  // One school is one phase: its phase table would only repeat its total.
  const dimensions = options.dimensions ?? DIMENSIONS.filter((d) => d !== 'phase');
  const pools = poolsIn(input).map((pool) => {
    const waves: Partial<Record<Wave, PublishedWave>> = {};
    const infos: PupilSummary['info'][] = [];
    const definitions: string[] = [];
    const comparisons: PublishedComparisonTable[] = [];
    const comparator: PublishedPool['comparator'] = {};
    for (const wave of WAVES) {
      const mine = pick(input, wave, pool);
      if (mine.length === 0) continue;
      const summary = mergeSummaries(mine);
      infos.push(summary.info);
      definitions.push(...summary.definitions);
      const published = publishWave({
        rows: [summary],
        area: false,
        dimensions,
        indicators: options.indicators,
        control,
        viewer,
        confidence,
      }).rows[0]!;
      waves[wave] = published;
      if (input.others) {
        const others = input.others
          .map((o) => pick(o, wave, pool))
          .filter((o) => o.length > 0)
          .map((o) => mergeSummaries(o));
        const allowed = comparatorCheck(others, control);
        comparator[wave] = allowed;
        const rest = allowed.allowed
          ? publishWave({
              rows: [mergeSummaries(others)],
              area: false,
              dimensions,
              indicators: options.indicators,
              control,
              viewer: input.comparatorViewer ?? 'trust',
              confidence,
            }).rows[0]!
          : undefined;
        const theirs = new Map(rest?.binary.map((t) => [`${t.indicator}|${t.dimension}`, t]));
        for (const t of published.binary) {
          comparisons.push(
            comparisonTable(
              wave,
              t,
              theirs.get(`${t.indicator}|${t.dimension}`),
              allowed.allowed,
              summary.info[t.indicator]!,
              confidence,
            ),
          );
        }
      }
    }
    return assembled(
      pool,
      waves,
      Object.assign({}, ...infos),
      definitions,
      confidence,
      comparator,
      comparisons,
    );
  });
  return {
    kind: 'published-results',
    format: 1,
    viewer,
    control,
    notes: notesFor(pools, control),
    pools,
  };
}

/**
 * An area (a trust or an LA) and its schools, published together for the area's staff: the area's
 * results with every breakdown, and each school's with the breakdowns in `schoolDimensions`
 * (default none: each school's totals), protected as one set so that no school's hidden figure can
 * be worked out from the area's minus the others'.
 *
 * @example
 * const { area, schools } = publishArea(
 *   { schools: trustSchools.map((s) => ({ id: s.urn, baseline: [s.t1], end: [s.t2] })) },
 *   { viewer: 'trust' },
 * );
 */
export function publishArea(
  input: { schools: readonly (WaveSummaries & { id: string })[] },
  options: PublishOptions & { schoolDimensions?: readonly Dimension[] } = {},
): { area: PublishedResults; schools: { id: string; results: PublishedResults }[] } {
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const viewer = options.viewer ?? 'trust';
  const confidence = options.confidence ?? 0.95;
  const dimensions = options.dimensions ?? DIMENSIONS;
  const areaPools: PublishedPool[] = [];
  const schoolPools = new Map<string, PublishedPool[]>(input.schools.map((s) => [s.id, []]));
  for (const pool of poolsIn(...input.schools)) {
    const areaWaves: Partial<Record<Wave, PublishedWave>> = {};
    const schoolWaves = new Map<string, Partial<Record<Wave, PublishedWave>>>();
    const infos: PupilSummary['info'][] = [];
    const definitions: string[] = [];
    for (const wave of WAVES) {
      const members = input.schools
        .map((s) => ({ id: s.id, parts: pick(s, wave, pool) }))
        .filter((s) => s.parts.length > 0)
        .map((s) => ({ id: s.id, summary: mergeSummaries(s.parts) }));
      if (members.length === 0) continue;
      for (const m of members) {
        infos.push(m.summary.info);
        definitions.push(...m.summary.definitions);
      }
      const published = publishWave({
        rows: members.map((m) => m.summary),
        area: true,
        dimensions,
        rowDimensions: options.schoolDimensions ?? [],
        indicators: options.indicators,
        control,
        viewer,
        confidence,
      });
      areaWaves[wave] = published.area!;
      members.forEach((m, i) => {
        const w = schoolWaves.get(m.id) ?? {};
        w[wave] = published.rows[i]!;
        schoolWaves.set(m.id, w);
      });
    }
    const info = Object.assign({}, ...infos);
    areaPools.push(assembled(pool, areaWaves, info, definitions, confidence));
    for (const [id, waves] of schoolWaves)
      schoolPools.get(id)!.push(assembled(pool, waves, info, definitions, confidence));
  }
  const results = (pools: PublishedPool[]): PublishedResults => ({
    kind: 'published-results',
    format: 1,
    viewer,
    control,
    notes: notesFor(pools, control),
    pools,
  });
  return {
    area: results(areaPools),
    schools: input.schools.map((s) => ({ id: s.id, results: results(schoolPools.get(s.id)!) })),
  };
}

// ──────────────────────────── one table at a time (for hosts scoring in the browser) ────────────────────────────

const memo = new WeakMap<PupilSummary, Map<string, PublishedWave>>();

/** One summary's whole wave, published once per viewer and settings, and remembered. */
function wholeWave(summary: PupilSummary, options: PublishOptions): PublishedWave {
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const viewer = options.viewer ?? 'national';
  const dimensions = options.dimensions ?? DIMENSIONS;
  const id = JSON.stringify([
    viewer,
    control,
    dimensions,
    options.indicators ?? null,
    options.confidence ?? 0.95,
  ]);
  const cache = memo.get(summary) ?? new Map<string, PublishedWave>();
  memo.set(summary, cache);
  let wave = cache.get(id);
  if (!wave) {
    wave = publishWave({
      rows: [summary],
      area: false,
      dimensions,
      indicators: options.indicators,
      control,
      viewer,
      confidence: options.confidence ?? 0.95,
    }).rows[0]!;
    cache.set(id, wave);
  }
  return wave;
}

/**
 * A yes/no indicator by one characteristic, published. The table is taken from the whole wave of
 * `summary` published at once (every indicator and breakdown protected together, computed once
 * per summary and settings), so tables fetched one by one are exactly those published together.
 *
 * @example
 * publishBreakdown(summary, 'victimisation.frequent', 'sen', { viewer: 'school' }).derived[0];
 * // { key: 'any-sen', base: { value: 38 }, count: { value: 9 }, percent: { value: 24 }, … }
 */
export function publishBreakdown(
  summary: PupilSummary,
  indicator: string,
  dimension: Dimension | 'all',
  options: PublishOptions = {},
): PublishedBreakdown {
  const table = wholeWave(summary, options).binary.find(
    (t) => t.indicator === indicator && t.dimension === dimension,
  );
  if (!table)
    throw new Error(
      `The summary has no published table "${indicator}" by ${dimension}. It has: ${Object.keys(summary.binary).join(', ') || 'none'}.`,
    );
  return table;
}

/** A score indicator by one characteristic, published (see {@link publishBreakdown}). */
export function publishScore(
  summary: PupilSummary,
  indicator: string,
  dimension: Dimension | 'all',
  options: PublishOptions = {},
): PublishedScoreBreakdown {
  const table = wholeWave(summary, options).scores.find(
    (t) => t.indicator === indicator && t.dimension === dimension,
  );
  if (!table)
    throw new Error(
      `The summary has no score "${indicator}" by ${dimension}. It has: ${Object.keys(summary.scores).join(', ') || 'none'}.`,
    );
  return table;
}

/**
 * Time 1 against Time 2 for an indicator by one characteristic: each wave published (see
 * {@link publishBreakdown}) and the change shown only where both waves are (D7).
 */
export function publishChange(
  time1: PupilSummary,
  time2: PupilSummary,
  indicator: string,
  dimension: Dimension | 'all',
  options: PublishOptions = {},
): PublishedChangeTable {
  if (time1.wave === time2.wave)
    throw new Error(`Both summaries are from the ${time1.wave} wave: give Time 1 and Time 2.`);
  return changeTable(
    publishBreakdown(time1, indicator, dimension, options),
    publishBreakdown(time2, indicator, dimension, options),
    time1.info[indicator] ?? time2.info[indicator]!,
    options.confidence ?? 0.95,
  );
}

/**
 * A school against the rest of its area for an indicator by one characteristic. `others` are the
 * other schools' summaries (the rest of the area is their sum): only schools with at least k
 * pupils count towards the minimum number of schools.
 */
export function publishComparison(
  school: PupilSummary,
  others: readonly PupilSummary[],
  indicator: string,
  dimension: Dimension | 'all',
  options: PublishOptions & { comparatorViewer?: ViewerLevel } = {},
): PublishedComparisonTable {
  const control = options.control ?? DEFAULT_DISCLOSURE_CONTROL;
  if (others.some((o) => o.wave !== school.wave))
    throw new Error('Compare a school with the rest of its area at the same wave.');
  const allowed = comparatorCheck(others, control);
  const theirs = allowed.allowed
    ? publishBreakdown(mergeSummaries(others), indicator, dimension, {
        ...options,
        viewer: options.comparatorViewer ?? 'trust',
      })
    : undefined;
  return comparisonTable(
    school.wave,
    publishBreakdown(school, indicator, dimension, {
      ...options,
      viewer: options.viewer ?? 'school',
    }),
    theirs,
    allowed.allowed,
    school.info[indicator]!,
    options.confidence ?? 0.95,
  );
}

export { compareMeans };
export type { ChangeDirection };
