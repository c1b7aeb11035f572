// Over the 400-line aim (style.md): the five pupil views of one pool share their cell, line and
// focus-group helpers; the staff views are in results.staff.ts and the shared pieces in
// results.model.ts.
/**
 * The views of `<at-results>` built from one pool of published pupil results: headline cards,
 * figures by group, start against end, against the rest of the area, and one figure per item
 * (types of bullying, feelings about school). Every figure is a published cell or its symbol;
 * words for a change come from its published `direction`; labels and "of whom" from each
 * indicator's declared `label` and `population`.
 *
 * @module
 */
import type {
  IndicatorInfo,
  PublishedBreakdown,
  PublishedCell,
  PublishedComparison,
  PublishedPool,
  PublishedWave,
  RagRating,
  Shown,
} from '@all-together/model';
import type { TranslationKey } from '../shared/i18n.js';
import { round1 } from '../shared/text.js';
import {
  RESULTS_DIMENSIONS,
  HEADLINE_INDICATORS,
  bar,
  directionWords,
  focusGroups,
  groupLabel,
  groupPeople,
  indicatorLabel,
  ofWhom,
  ordered,
  pct,
  points,
  rangeSummary,
  viewKit,
  type CardModel,
  type ChartModel,
  type ModelInput,
  type ResultsDimension,
  type TableModel,
  type Term,
  type ViewKit,
  type ViewModel,
} from './results.model.js';
import { auditView, cpdView } from './results.staff.js';

/** The latest wave of a pool (the end, else the baseline) and the start, when both are there. */
export function wavesOf(pool: PublishedPool): {
  now: PublishedWave | null;
  start: PublishedWave | null;
} {
  return { now: pool.end ?? pool.baseline, start: pool.end ? pool.baseline : null };
}

const tableOf = (w: PublishedWave | null, indicator: string, dimension: ResultsDimension) =>
  w?.binary.find((b) => b.indicator === indicator && b.dimension === dimension);

/** The cells of a breakdown in display order, total first. */
function cellsOf(t: PublishedBreakdown, dimension: ResultsDimension): PublishedCell[] {
  const { missing: _m, skipped: _s, ...total } = t.total;
  return ordered(total, t.groups, t.derived, dimension);
}

/** A group with nobody in it is left out of charts (kept in tables as its symbol). */
const isEmpty = (c: PublishedCell | undefined): boolean =>
  !c ||
  ('symbol' in c.base && c.base.reason === 'no-pupils') ||
  ('value' in c.base && c.base.value === 0);

const capitalise = (s: string, lang: string) =>
  s ? s.charAt(0).toLocaleUpperCase(lang || 'en-GB') + s.slice(1) : s;

/** Builds the view. Throws only on a programming error; the element catches and explains. */
export function buildView(input: ModelInput): ViewModel {
  const kit = viewKit(input);
  if (input.view === 'audit') return auditView(kit);
  if (input.view === 'cpd') return cpdView(kit);
  const pool = input.pool;
  if (!pool || !wavesOf(pool).now) return kit.empty('resultsEmptySummary');
  switch (input.view) {
    case 'headline':
      return headline(kit, pool);
    case 'breakdown':
      return breakdown(kit, pool);
    case 'change':
      return change(kit, pool);
    case 'comparison':
      return comparison(kit, pool);
    default:
      return items(kit, pool);
  }
}

/** The breakdowns published for an indicator in the latest wave, in the switch's order. */
function dimensionsOf(pool: PublishedPool, indicator: string): ResultsDimension[] {
  const { now } = wavesOf(pool);
  return RESULTS_DIMENSIONS.filter((d) => tableOf(now, indicator, d));
}

function headline(kit: ViewKit, pool: PublishedPool): ViewModel {
  const { t, notes, input } = kit;
  const { now, start } = wavesOf(pool);
  const P = pct(t);
  const cards: CardModel[] = [];
  const head = [
    t('resultsColIndicator', {}),
    t('resultsColPupils', {}),
    t('resultsColPercent', {}),
  ];
  if (start) head.push(t('resultsSeriesStart', {}), t('resultsColSignificance', {}));
  const rows: TableModel['rows'][number][] = [];
  const lines: string[] = [];
  for (const key of HEADLINE_INDICATORS) {
    const info = pool.indicators[key];
    const table = tableOf(now, key, 'all');
    if (!info || !table) continue;
    const label = indicatorLabel(info, key, input.lang);
    const p = table.total;
    const details: string[] = [];
    if ('symbol' in p.percent)
      details.push(
        t('resultsHiddenLabel', { symbol: p.percent.symbol, note: notes.add(p.percent)! }),
      );
    if ('value' in p.base) details.push(baseLine(t, info, p.base.value));
    const cells = [notes.cell(p.base, String), notes.cell(p.percent, P)];
    let cardChange: CardModel['change'];
    if (start) {
      const before = tableOf(start, key, 'all')?.total;
      const c = changeOf(pool, key, 'all', 'all');
      const words = directionWords(t, c?.direction ?? null);
      cells.push(before ? notes.cell(before.percent, P) : '[x]', words);
      if (before && 'value' in before.percent)
        details.push(t('resultsCardAtStart', { percent: P(before.percent.value) }));
      if (c?.direction) cardChange = { direction: c.direction, text: words };
      const line =
        before && c ? changeLine(t, 'all', 'all', before, p, c.direction, label) : undefined;
      if (line) lines.push(line);
    } else if ('value' in p.percent)
      lines.push(
        t('resultsLineHeadline', {
          label,
          percent: p.percent.value,
          group: groupPeople(t, 'all', 'all'),
        }),
      );
    cards.push({
      title: label,
      value: notes.cell(p.percent, P),
      hidden: !('value' in p.percent),
      details,
      ...(cardChange ? { change: cardChange } : {}),
    });
    rows.push({ header: label, cells });
  }
  // Scores (wellbeing, the feelings composite): their mean, with which way is better.
  for (const score of now!.scores.filter((s) => s.dimension === 'all')) {
    const info = pool.indicators[score.indicator];
    const label = indicatorLabel(info, score.indicator, input.lang);
    const s = score.total;
    const mean = notes.cell(s.mean, (m) => round1(m).toLocaleString(input.lang || 'en-GB'));
    notes.add(s.n);
    const details: string[] = [];
    if ('value' in s.n) details.push(baseLine(t, info, s.n.value));
    if (info?.direction === 'higher-is-better') details.push(t('resultsHigherIsBetter', {}));
    if (info?.direction === 'higher-is-worse') details.push(t('resultsLowerIsBetter', {}));
    cards.push({ title: label, value: mean, hidden: !('value' in s.mean), details });
    const cells = [notes.cell(s.n, String), mean];
    if (start) cells.push('', '');
    rows.push({ header: label, cells });
  }
  if (cards.length === 0) return kit.empty('resultsEmptySummary');
  if (kit.rounded) notes.rounded = true;
  return kit.finish({ cards, tables: [{ caption: kit.title, head, rows }], lines });
}

/** "Based on 120 pupils’ answers", saying of whom for indicators asked of some pupils only. */
function baseLine(t: Term, info: IndicatorInfo | undefined, count: number): string {
  return info?.population === 'bullied'
    ? t('resultsCardBaseBullied', { count })
    : info?.population === 'bullied-and-told'
      ? t('resultsCardBaseBulliedTold', { count })
      : t('resultsCardBase', { count });
}

function changeOf(
  pool: PublishedPool,
  indicator: string,
  dimension: ResultsDimension,
  key: string,
) {
  return pool.changes
    .find((c) => c.indicator === indicator && c.dimension === dimension)
    ?.groups.find((g) => g.key === key);
}

/**
 * "Pupils with SEND: 31% at the start and 24% at the end — significantly better." Only where both
 * percentages are published and a direction is, so a sentence never states a hidden figure.
 */
function changeLine(
  t: Term,
  dimension: ResultsDimension,
  key: string,
  before: PublishedCell,
  after: PublishedCell,
  direction: PublishedComparison['direction'],
  label: string,
): string | undefined {
  if (!('value' in before.percent) || !('value' in after.percent) || !direction) return undefined;
  const verdicts: Partial<Record<NonNullable<typeof direction>, TranslationKey>> = {
    improved: 'resultsVerdictImproved',
    worse: 'resultsVerdictWorse',
    higher: 'resultsVerdictHigher',
    lower: 'resultsVerdictLower',
    'no-significant-change': 'resultsVerdictNone',
  };
  const verdict = verdicts[direction];
  if (!verdict) return undefined;
  return t('resultsLineChange', {
    label,
    group: capitalise(groupPeople(t, dimension, key), ''),
    start: before.percent.value,
    end: after.percent.value,
    verdict: t(verdict as 'resultsVerdictNone', {}),
  });
}

function chartTitleOf(kit: ViewKit, label: string): string {
  const { t, input } = kit;
  const by: Record<Exclude<ResultsDimension, 'all'>, TranslationKey> = {
    sex: 'resultsTitleBySex',
    sen: 'resultsTitleBySen',
    fsm: 'resultsTitleByFsm',
    yearGroup: 'resultsTitleByYearGroup',
    eal: 'resultsTitleByEal',
    lookedAfter: 'resultsTitleByLookedAfter',
    youngCarer: 'resultsTitleByYoungCarer',
    ethnicity: 'resultsTitleByEthnicity',
  };
  return input.dimension === 'all'
    ? label
    : t(by[input.dimension] as 'resultsTitleBySen', { title: label });
}

/**
 * Sentences for each focus group (SEND, free school meals, looked-after children, young carers)
 * whose figure is hidden: that it is
 * hidden, that this does not mean none of them answered so, and the rest of the area's figure for
 * the same group where it is published.
 */
function focusLines(
  kit: ViewKit,
  pool: PublishedPool,
  cells: readonly PublishedCell[],
  label: string,
): string[] {
  const { t, input } = kit;
  const { now } = wavesOf(pool);
  const out: string[] = [];
  for (const key of focusGroups(input.dimension)) {
    const cell = cells.find((c) => c.key === key);
    if (!cell || !('symbol' in cell.percent) || cell.percent.reason === 'no-pupils') continue;
    const people = groupPeople(t, input.dimension, key);
    out.push(t('resultsFocusHidden', { people, symbol: cell.percent.symbol, label }));
    const theirs = pool.comparisons
      .find(
        (c) =>
          c.wave === now?.wave &&
          c.indicator === input.indicator &&
          c.dimension === input.dimension,
      )
      ?.groups.find((g) => g.key === key)?.comparator.percent;
    out.push(
      theirs && 'value' in theirs
        ? t('resultsFocusComparator', {
            people,
            comparator: input.comparatorName,
            percent: theirs.value,
          })
        : t('resultsFocusAsk', { people }),
    );
  }
  return out;
}

function breakdown(kit: ViewKit, pool: PublishedPool): ViewModel {
  const { t, notes, input } = kit;
  const { now } = wavesOf(pool);
  const dimensions = dimensionsOf(pool, input.indicator);
  const table = tableOf(now, input.indicator, input.dimension);
  const info = pool.indicators[input.indicator];
  if (!table || !info) return { ...kit.empty('resultsEmptyIndicator'), dimensions };
  const label = indicatorLabel(info, input.indicator, input.lang);
  const title = chartTitleOf(kit, label);
  const P = pct(t);
  const cells = cellsOf(table, input.dimension);
  cells.forEach((c) => [c.base, c.count, c.percent].forEach((s) => notes.add(s)));
  if (kit.detailed) notes.add(table.total.missing);
  const whom = ofWhom(t, info);
  const head = [t('resultsColGroup', {}), t('resultsColPupils', {})];
  if (kit.detailed) head.push(t('resultsColCount', {}));
  head.push(whom);
  const rows = cells.map((c) => ({
    header: groupLabel(t, input.dimension, c.key),
    cells: [
      notes.cell(c.base, String),
      ...(kit.detailed ? [notes.cell(c.count, String)] : []),
      notes.cell(c.percent, P),
    ],
  }));
  if (kit.detailed)
    rows.push({
      header: t('resultsColMissing', {}),
      cells: [notes.cell(table.total.missing, String), '', ''],
    });
  if (kit.rounded) notes.rounded = true;
  const chartCells = cells.filter((c) => !isEmpty(c));
  const chart: ChartModel = {
    id: 'breakdown',
    title,
    summary: rangeSummary(
      t,
      title,
      chartCells
        .filter((c) => c.key !== 'all' || input.dimension === 'all')
        .map((c) => ({
          label: groupLabel(t, input.dimension, c.key),
          ...('value' in c.percent ? { value: c.percent.value } : {}),
        })),
    ),
    series: [t('resultsSeriesPercent', {})],
    axisTitle: whom,
    rows: chartCells.map((c) => ({
      label: groupLabel(t, input.dimension, c.key),
      values: [bar(t, notes, c.percent, c.interval)],
    })),
    table: { caption: title, head, rows },
    lines: [],
  };
  return kit.finish({
    charts: [chart],
    dimensions,
    focus: focusLines(kit, pool, cells, label),
  });
}

function change(kit: ViewKit, pool: PublishedPool): ViewModel {
  const { t, notes, input } = kit;
  const { now, start } = wavesOf(pool);
  const dimensions = dimensionsOf(pool, input.indicator);
  if (!start) return { ...kit.empty('resultsEmptyChange'), dimensions };
  const info = pool.indicators[input.indicator];
  const t1 = tableOf(start, input.indicator, input.dimension);
  const t2 = tableOf(now, input.indicator, input.dimension);
  const ct = pool.changes.find(
    (c) => c.indicator === input.indicator && c.dimension === input.dimension,
  );
  if (!info || !t1 || !t2 || !ct) return { ...kit.empty('resultsEmptyIndicator'), dimensions };
  const label = indicatorLabel(info, input.indicator, input.lang);
  const title = chartTitleOf(kit, label);
  const P = pct(t);
  const first = new Map(cellsOf(t1, input.dimension).map((c) => [c.key, c]));
  const second = cellsOf(t2, input.dimension);
  const keys = [
    ...second.map((c) => c.key),
    ...[...first.keys()].filter((k) => !second.some((c) => c.key === k)),
  ];
  const byKey = new Map(ct.groups.map((g) => [g.key, g]));
  const absent: Shown<number> = { symbol: '[z]', reason: 'no-pupils' };
  const rowsOf = keys.map((key) => {
    const a = first.get(key);
    const b = second.find((c) => c.key === key);
    return { key, a, b, c: byKey.get(key) };
  });
  for (const r of rowsOf)
    [r.a?.base, r.a?.percent, r.b?.base, r.b?.percent, r.c?.change].forEach(
      (s) => s && notes.add(s),
    );
  const lines: string[] = [];
  for (const r of rowsOf) {
    const line =
      r.a && r.b && r.c
        ? changeLine(t, input.dimension, r.key, r.a, r.b, r.c.direction, label)
        : undefined;
    if (line) lines.push(line);
  }
  const compared = rowsOf.filter((r) => r.c?.direction && r.c.direction !== 'not-comparable');
  const startName = t('resultsSeriesStart', {});
  const endName = t('resultsSeriesEnd', {});
  const whom = ofWhom(t, info);
  const head = [
    t('resultsColGroup', {}),
    `${startName}: ${t('resultsColPupils', {})}`,
    `${startName}: ${whom}`,
    `${startName}: ${t('resultsColInterval', {})}`,
    `${endName}: ${t('resultsColPupils', {})}`,
    `${endName}: ${whom}`,
    `${endName}: ${t('resultsColInterval', {})}`,
    t('resultsColChange', {}),
    t('resultsColSignificance', {}),
  ];
  const iv = (s: Shown<{ lower: number; upper: number }> | undefined) =>
    !s ? '[z]' : 'value' in s ? t('resultsInterval', s.value) : s.symbol;
  if (kit.rounded) notes.rounded = true;
  const chart: ChartModel = {
    id: 'change',
    title,
    summary: t('resultsSummaryChange', {
      title,
      count: compared.length,
      improved: compared.filter((r) => r.c!.direction === 'improved').length,
      worse: compared.filter((r) => r.c!.direction === 'worse').length,
    }),
    series: [startName, endName],
    axisTitle: whom,
    rows: rowsOf
      .filter((r) => !(isEmpty(r.a) && isEmpty(r.b)))
      .map((r) => ({
        label: groupLabel(t, input.dimension, r.key),
        values: [
          bar(t, notes, r.a?.percent ?? absent, r.a?.interval),
          bar(t, notes, r.b?.percent ?? absent, r.b?.interval),
        ],
      })),
    table: {
      caption: title,
      head,
      rows: rowsOf.map((r) => ({
        header: groupLabel(t, input.dimension, r.key),
        cells: [
          notes.cell(r.a?.base ?? absent, String),
          notes.cell(r.a?.percent ?? absent, P),
          iv(r.a?.interval),
          notes.cell(r.b?.base ?? absent, String),
          notes.cell(r.b?.percent ?? absent, P),
          iv(r.b?.interval),
          r.c && 'value' in r.c.change
            ? points(t, r.c.change.value)
            : notes.cell(r.c?.change ?? absent, String),
          directionWords(t, r.c?.direction ?? null),
        ],
      })),
    },
    lines,
  };
  return kit.finish({
    charts: [chart],
    dimensions,
    lines,
    focus: focusLines(kit, pool, second, label),
  });
}

function comparisonWords(t: Term, g: PublishedComparison): string {
  if (g.direction === null) return t('resultsNotCompared', { symbol: '[x]' });
  const rag: Record<RagRating, TranslationKey> = {
    green: 'resultsRagGreen',
    amber: 'resultsRagAmber',
    red: 'resultsRagRed',
  };
  if (g.rag) return t(rag[g.rag] as 'resultsRagGreen', {});
  if (g.direction === 'higher') return t('resultsCompareHigher', {});
  if (g.direction === 'lower') return t('resultsCompareLower', {});
  return t('resultsRagNone', {});
}

function comparison(kit: ViewKit, pool: PublishedPool): ViewModel {
  const { t, notes, input } = kit;
  const { now } = wavesOf(pool);
  const dimensions = dimensionsOf(pool, input.indicator);
  if (input.scope === 'la') return { ...kit.empty('resultsEmptyScope'), dimensions };
  const wave = now!.wave;
  const ct = pool.comparisons.find(
    (c) => c.wave === wave && c.indicator === input.indicator && c.dimension === input.dimension,
  );
  const mine = tableOf(now, input.indicator, input.dimension);
  const info = pool.indicators[input.indicator];
  if (!ct || !mine || !info) return { ...kit.empty('resultsEmptyComparison'), dimensions };
  const label = indicatorLabel(info, input.indicator, input.lang);
  const title = chartTitleOf(kit, label);
  const P = pct(t);
  const allowed = pool.comparator[wave]?.allowed ?? false;
  const cells = cellsOf(mine, input.dimension);
  const byKey = new Map(ct.groups.map((g) => [g.key, g]));
  const order = cells.map((c) => ({ key: c.key, school: c, g: byKey.get(c.key) }));
  for (const r of order) {
    [r.school.base, r.school.percent].forEach((s) => notes.add(s));
    if (r.g)
      [r.g.comparator.base, r.g.comparator.percent, r.g.difference].forEach((s) => notes.add(s));
  }
  // The rest of the area is published at the area's level: its counts are rounded.
  if (allowed || kit.rounded) notes.rounded = true;
  const mineName = t(input.scope === 'trust' ? 'resultsSeriesTrust' : 'resultsSeriesSchool', {});
  const theirs = capitalise(input.comparatorName, input.lang);
  const none: Shown<number> = { symbol: '[x]', reason: 'no-comparator' };
  const lines: string[] = [];
  for (const r of order) {
    const g = r.g;
    if (
      !g ||
      !('value' in g.difference) ||
      !('value' in r.school.percent) ||
      !('value' in g.comparator.percent) ||
      !g.direction
    )
      continue;
    const verdicts: Partial<Record<NonNullable<typeof g.direction>, TranslationKey>> = {
      improved: 'resultsVerdictBetter',
      worse: 'resultsVerdictWorse',
      higher: 'resultsVerdictHigher',
      lower: 'resultsVerdictLower',
      'no-significant-change': 'resultsVerdictSimilar',
    };
    const verdict = verdicts[g.direction];
    if (!verdict) continue;
    lines.push(
      t('resultsLineCompare', {
        group: capitalise(groupPeople(t, input.dimension, r.key), ''),
        school: r.school.percent.value,
        area: g.comparator.percent.value,
        comparator: input.comparatorName,
        verdict: t(verdict as 'resultsVerdictSimilar', {}),
      }),
    );
  }
  const compared = order.filter((r) => r.g?.significant !== null && r.g?.significant !== undefined);
  const whom = ofWhom(t, info);
  const chart: ChartModel = {
    id: 'comparison',
    title,
    summary: t('resultsSummaryCompare', {
      title,
      count: compared.length,
      better: compared.filter((r) => r.g!.direction === 'improved').length,
      worse: compared.filter((r) => r.g!.direction === 'worse').length,
      comparator: input.comparatorName,
    }),
    series: [mineName, theirs],
    axisTitle: whom,
    rows: order
      .filter((r) => !isEmpty(r.school))
      .map((r) => ({
        label: groupLabel(t, input.dimension, r.key),
        values: [bar(t, notes, r.school.percent), bar(t, notes, r.g?.comparator.percent ?? none)],
        badge: {
          rag: r.g?.rag ?? null,
          text: r.g ? comparisonWords(t, r.g) : t('resultsNotCompared', { symbol: '[x]' }),
        },
      })),
    table: {
      caption: title,
      head: [
        t('resultsColGroup', {}),
        `${mineName}: ${t('resultsColPupils', {})}`,
        `${mineName}: ${whom}`,
        `${theirs}: ${t('resultsColPupils', {})}`,
        `${theirs}: ${whom}`,
        t('resultsColDifference', {}),
        t('resultsColComparison', { comparator: input.comparatorName }),
      ],
      rows: order.map((r) => ({
        header: groupLabel(t, input.dimension, r.key),
        cells: [
          notes.cell(r.school.base, String),
          notes.cell(r.school.percent, P),
          notes.cell(r.g?.comparator.base ?? none, String),
          notes.cell(r.g?.comparator.percent ?? none, P),
          r.g && 'value' in r.g.difference
            ? points(t, r.g.difference.value)
            : notes.cell(r.g?.difference ?? none, String),
          r.g ? comparisonWords(t, r.g) : t('resultsNotCompared', { symbol: '[x]' }),
        ],
      })),
    },
    lines,
  };
  return kit.finish({
    charts: [chart],
    dimensions,
    lines,
    focus: focusLines(kit, pool, cells, label),
  });
}

/**
 * The indicators of the types and feelings views, chosen by what each declares: types of
 * bullying are asked of pupils who were bullied and are neither better nor worse; feelings are
 * the items of a composite score (their `source` is the score's source and an item).
 */
export function itemIndicators(pool: PublishedPool, view: 'types' | 'feelings'): string[] {
  const entries = Object.entries(pool.indicators).filter(([, i]) => i.kind === 'binary');
  if (view === 'types')
    return entries
      .filter(([, i]) => i.population === 'bullied' && i.direction === 'neither')
      .map(([k]) => k);
  const composites = new Set(
    Object.values(pool.indicators)
      .filter((i) => i.kind === 'score')
      .map((i) => i.source),
  );
  return entries
    .filter(([, i]) => {
      const at = i.source.indexOf(':');
      return at > 0 && composites.has(i.source.slice(0, at));
    })
    .map(([k]) => k);
}

function items(kit: ViewKit, pool: PublishedPool): ViewModel {
  const { t, notes, input, title } = kit;
  const view = input.view === 'types' ? 'types' : 'feelings';
  const { now } = wavesOf(pool);
  const list = itemIndicators(pool, view)
    .map((key) => ({ key, table: tableOf(now, key, 'all') }))
    .filter((x): x is { key: string; table: PublishedBreakdown } => x.table !== undefined);
  if (list.length === 0)
    return kit.empty(view === 'types' ? 'resultsEmptyTypes' : 'resultsEmptyFeelings');
  const P = pct(t);
  const rows = list.map(({ key, table }) => {
    const p = table.total;
    [p.base, p.count, p.percent].forEach((s) => notes.add(s));
    return { key, label: indicatorLabel(pool.indicators[key], key, input.lang), p };
  });
  // Most common first; hidden ones last, in their own order.
  rows.sort((a, b) => {
    const av = 'value' in a.p.percent ? a.p.percent.value : -1;
    const bv = 'value' in b.p.percent ? b.p.percent.value : -1;
    return bv - av;
  });
  const populations = new Set(list.map(({ key }) => pool.indicators[key]!.population));
  const whom =
    populations.size === 1 ? ofWhom(t, pool.indicators[list[0]!.key]) : t('resultsColPercent', {});
  const head = [t('resultsColItem', {}), t('resultsColPupils', {})];
  if (kit.detailed) head.push(t('resultsColCount', {}));
  head.push(whom);
  if (kit.rounded) notes.rounded = true;
  const chart: ChartModel = {
    id: view,
    title,
    summary: rangeSummary(
      t,
      title,
      rows.map((r) => ({
        label: r.label,
        ...('value' in r.p.percent ? { value: r.p.percent.value } : {}),
      })),
    ),
    series: [t('resultsSeriesPercent', {})],
    axisTitle: whom,
    rows: rows.map((r) => ({ label: r.label, values: [bar(t, notes, r.p.percent)] })),
    table: {
      caption: title,
      head,
      rows: rows.map((r) => ({
        header: r.label,
        cells: [
          notes.cell(r.p.base, String),
          ...(kit.detailed ? [notes.cell(r.p.count, String)] : []),
          notes.cell(r.p.percent, P),
        ],
      })),
    },
    lines: populations.has('bullied') ? [t('resultsTypesOfWhom', {})] : [],
  };
  return kit.finish({ charts: [chart] });
}
