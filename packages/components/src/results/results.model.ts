// Over the 400-line aim (style.md), left for the lead's change to published input: one builder
// per view (headline, breakdown, change, comparison, types, feelings, audit, training), each a
// pure function of scoring's published figures. Splitting it per view belongs with that change.
/**
 * What each view of `<at-results>` shows, built from the scoring package's **publish** functions
 * only: every figure, symbol and significance judgement comes from `publishBreakdown`,
 * `publishScore`, `publishChange`, `publishComparison` or `publishProportion`. Nothing here divides
 * a count by a base. Pure: the UI strings come in through `t`.
 *
 * @module
 */
import {
  DEFAULT_DISCLOSURE_CONTROL,
  type AuditDefinition,
  type DisclosureControl,
  type QuestionnaireDefinition,
  type ViewerLevel,
} from '@all-together/model';
import {
  DERIVED_GROUPS,
  publishBreakdown,
  publishChange,
  publishComparison,
  publishCpd,
  publishScore,
  type AuditComparison,
  type CpdSummary,
  type Dimension,
  type PublishedCell,
  type PublishedChange,
  type PupilSummary,
  type RagRating,
  type Shown,
  type SuppressionReason,
} from '@all-together/scoring';
import type { TranslationKey, TranslationParams } from '../shared/i18n.js';
import { localisedText } from '../shared/text.js';
import type { BarValue, ChartRow } from './results.chart.js';

/** The views of `<at-results>`. */
export const RESULTS_VIEWS = [
  'headline',
  'breakdown',
  'change',
  'comparison',
  'types',
  'feelings',
  'audit',
  'cpd',
] as const;
/** A view of `<at-results>`. */
export type ResultsView = (typeof RESULTS_VIEWS)[number];

/** What the summary covers. */
export const RESULTS_SCOPES = ['school', 'trust', 'la'] as const;
/** What the summary covers: one school, a trust (its schools merged) or a local authority. */
export type ResultsScope = (typeof RESULTS_SCOPES)[number];

/** Who is looking. Decides the scoring viewer level and which columns the tables and CSV hold. */
export const RESULTS_ROLES = ['school', 'trust', 'la', 'analyst'] as const;
/** Who is looking: see {@link RESULTS_ROLES}. */
export type ResultsRole = (typeof RESULTS_ROLES)[number];

/** The breakdowns the switch offers. */
export const RESULTS_DIMENSIONS = ['all', 'sex', 'sen', 'fsm', 'yearGroup'] as const;
/** A breakdown the switch offers. */
export type ResultsDimension = (typeof RESULTS_DIMENSIONS)[number];

/** The scoring viewer level for each role. */
export const VIEWER_FOR_ROLE: Readonly<Record<ResultsRole, ViewerLevel>> = {
  school: 'school',
  trust: 'trust',
  la: 'local-authority',
  analyst: 'local-authority',
};

/** The indicators of the headline cards, by declared indicator role (never an item id). */
export const HEADLINE_INDICATORS = [
  'victimisation.frequent',
  'victimisation-online.frequent',
  'bullying-others.frequent',
  'feelings.feel-safe.agree',
] as const;

/** A data table as shown and as exported. */
export interface TableModel {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly { readonly header: string; readonly cells: readonly string[] }[];
}

/** A chart with its table, summary and interpretation lines. */
export interface ChartModel {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly series: readonly string[];
  readonly axisTitle: string;
  readonly rows: readonly ChartRow[];
  readonly table: TableModel;
  readonly lines: readonly string[];
}

/** A headline card. */
export interface CardModel {
  readonly title: string;
  readonly value: string;
  readonly hidden: boolean;
  readonly details: readonly string[];
  /** The change since the start, when there is a baseline: a direction and its words (with a symbol). */
  readonly change?: { readonly direction: string; readonly text: string };
}

/** One view, ready to render and to export. */
export interface ViewModel {
  readonly title: string;
  readonly empty?: string;
  readonly cards: readonly CardModel[];
  readonly tables: readonly TableModel[];
  readonly charts: readonly ChartModel[];
  readonly lines: readonly string[];
  readonly notes: readonly string[];
  readonly dimensionSwitch: boolean;
}

/** A translation function bound to the element's language. */
export type Term = <K extends TranslationKey>(key: K, params: TranslationParams[K]) => string;

/** Everything a view is built from. */
export interface ModelInput {
  readonly view: ResultsView;
  readonly scope: ResultsScope;
  readonly role: ResultsRole;
  readonly dimension: ResultsDimension;
  readonly indicator: string;
  readonly summary?: PupilSummary;
  readonly baseline?: PupilSummary;
  readonly comparator?: PupilSummary;
  readonly audit?: AuditComparison;
  readonly cpd?: CpdSummary;
  /**
   * `subtractSummary(comparator, summary)`, computed once by the element for all breakdowns of the
   * comparison view; computed by scoring when absent.
   */
  readonly rest?: PupilSummary;
  readonly control: DisclosureControl;
  readonly definitions: readonly (QuestionnaireDefinition | AuditDefinition)[];
  readonly lang: string;
  readonly t: Term;
}

type NoteKey = `${string}|${SuppressionReason | 'comparator' | 'no-score'}`;

/** Collects the notes for every symbol shown, once each, in the order met. */
class Notes {
  private readonly seen = new Map<NoteKey, string>();
  rounded = false;
  constructor(
    private readonly t: Term,
    private readonly control: DisclosureControl,
  ) {}
  /** The note's number (from 1, in the order met) for a hidden figure; nothing for a shown one. */
  add(s: Shown<unknown>): number | undefined {
    if (!('symbol' in s)) return undefined;
    const key: NoteKey = `${s.symbol}|${s.reason}`;
    if (this.seen.has(key)) return [...this.seen.keys()].indexOf(key) + 1;
    const { t, control } = this;
    const symbol = s.symbol;
    const k = control.minCellSize;
    const text = {
      total: () => t('resultsNoteTotal', { symbol, count: k }),
      base: () => t('resultsNoteBase', { symbol, count: k }),
      complementary: () => t('resultsNoteComplementary', { symbol }),
      'small-base': () =>
        t('resultsNoteSmallBase', { symbol, count: control.minBaseForPercentage }),
      'rounds-to-zero': () =>
        t('resultsNoteRoundsToZero', {
          symbol,
          half: Math.ceil(control.roundTo / 2),
          roundTo: control.roundTo,
        }),
      'no-pupils': () => t('resultsNoteNoPupils', { symbol }),
      'not-both-waves': () => t('resultsNoteNotBothWaves', { symbol }),
    }[s.reason]();
    this.seen.set(key, text);
    return this.seen.size;
  }
  /**
   * A figure as a cell: the number formatted, or its symbol with the number of the note that says
   * why it is hidden ("[c] (note 2)"): one symbol stands for several reasons, so each says which.
   */
  cell(s: Shown<number>, format: (n: number) => string): string {
    if ('value' in s) return format(s.value);
    return this.t('resultsHiddenRef', { symbol: s.symbol, note: this.add(s)! });
  }
  addText(key: NoteKey, text: string): number {
    if (!this.seen.has(key)) this.seen.set(key, text);
    return [...this.seen.keys()].indexOf(key) + 1;
  }
  list(): string[] {
    const notes = [...this.seen.values()].map((text, i) =>
      this.t('resultsNoteNumbered', { note: i + 1, text }),
    );
    if (this.rounded) notes.push(this.t('resultsNoteRounded', { roundTo: this.control.roundTo }));
    return notes;
  }
}

/** The text of a published figure: the number formatted, or its GSS symbol. */
/** A label for an indicator: from the definitions' declared scoring, else the key itself. */
export function indicatorLabel(
  key: string,
  summary: PupilSummary | undefined,
  definitions: ModelInput['definitions'],
  lang: string,
): string {
  const source = summary?.info[key]?.source ?? '';
  const [indicator, option] = source.split(':');
  const agree = /^([^.]+)\.(.+)\.agree$/.exec(key);
  for (const def of definitions) {
    if (def.kind !== 'questionnaire') continue;
    for (const section of def.sections) {
      for (const item of section.items) {
        if (agree && item.id === agree[2]) return localisedText(item.text, lang, def.defaultLocale);
        if (!option || item.type === 'free-text') continue;
        if (item.scoring.kind === 'none' || item.scoring.indicator !== indicator) continue;
        const found = item.options.find((o) => o.value === option);
        if (found) return localisedText(found.label, lang, def.defaultLocale);
      }
    }
  }
  return agree ? agree[2]!.replace(/-/g, ' ') : key;
}

/** The name and sentence phrase of the headline indicators; others get generic words. */
function indicatorWords(input: ModelInput, key: string): { title: string; phrase: string } {
  const { t } = input;
  switch (key) {
    case 'victimisation.frequent':
      return {
        title: t('resultsIndicatorVictimisation', {}),
        phrase: t('resultsPhraseVictimisation', {}),
      };
    case 'victimisation-online.frequent':
      return { title: t('resultsIndicatorOnline', {}), phrase: t('resultsPhraseOnline', {}) };
    case 'bullying-others.frequent':
      return {
        title: t('resultsIndicatorBullyingOthers', {}),
        phrase: t('resultsPhraseBullyingOthers', {}),
      };
    case 'feelings.feel-safe.agree':
      return { title: t('resultsIndicatorFeelSafe', {}), phrase: t('resultsPhraseFeelSafe', {}) };
    default: {
      const label = indicatorLabel(key, input.summary, input.definitions, input.lang);
      return { title: label, phrase: t('resultsPhraseGeneric', { label }) };
    }
  }
}

/** Table and axis label of a group. */
export function groupLabel(t: Term, key: string): string {
  const year = /^Y(\d+)$/.exec(key);
  if (year) return t('resultsGroupYear', { year: year[1]! });
  const map: Record<string, TranslationKey> = {
    all: 'resultsGroupAll',
    female: 'resultsGroupFemale',
    male: 'resultsGroupMale',
    unknown: 'resultsGroupUnknown',
    'prefer-not-to-say': 'resultsGroupPreferNotToSay',
    E: 'resultsGroupSenE',
    K: 'resultsGroupSenK',
    N: 'resultsGroupSenN',
    'any-sen': 'resultsGroupAnySen',
    yes: 'resultsGroupFsmYes',
    no: 'resultsGroupFsmNo',
    R: 'resultsGroupReception',
  };
  const k = map[key];
  return k ? t(k as 'resultsGroupAll', {}) : key;
}

/** The name of a breakdown, as the switch shows it. */
export function dimensionName(t: Term, d: ResultsDimension): string {
  const keys: Record<ResultsDimension, TranslationKey> = {
    all: 'resultsDimensionAll',
    sex: 'resultsDimensionSex',
    sen: 'resultsDimensionSen',
    fsm: 'resultsDimensionFsm',
    yearGroup: 'resultsDimensionYearGroup',
  };
  return t(keys[d] as 'resultsDimensionAll', {});
}

/** Sentence phrase of a group ("pupils with SEND"). */
function groupPeople(t: Term, key: string): string {
  const year = /^Y(\d+)$/.exec(key);
  if (year) return t('resultsPeopleYear', { year: year[1]! });
  const map: Record<string, TranslationKey> = {
    all: 'resultsPeopleAll',
    female: 'resultsPeopleFemale',
    male: 'resultsPeopleMale',
    unknown: 'resultsPeopleUnknown',
    'prefer-not-to-say': 'resultsPeoplePreferNotToSay',
    E: 'resultsPeopleSenE',
    K: 'resultsPeopleSenK',
    N: 'resultsPeopleSenN',
    'any-sen': 'resultsPeopleAnySen',
    yes: 'resultsPeopleFsmYes',
    no: 'resultsPeopleFsmNo',
    R: 'resultsPeopleReception',
  };
  const k = map[key];
  return k ? t(k as 'resultsPeopleAll', {}) : key;
}

/** Cells in display order: the total, then groups with each derived group after its last part. */
function ordered<T extends { key: string }>(
  total: T,
  groups: readonly T[],
  derived: readonly T[],
  dimension: ResultsDimension,
): T[] {
  const out: T[] = [total];
  const defs = dimension === 'all' ? [] : (DERIVED_GROUPS[dimension as Dimension] ?? []);
  for (const g of groups) {
    out.push(g);
    for (const d of defs)
      if (d.of[d.of.length - 1] === g.key) {
        const found = derived.find((x) => x.key === d.key);
        if (found) out.push(found);
      }
  }
  return out;
}

/** A group with nobody in it (shown as 0 by scoring) is left out of charts, kept in tables. */
const isEmpty = (c: PublishedCell): boolean => 'value' in c.base && c.base.value === 0;

/** A one-sentence summary of a single-series chart (never naming a hidden figure). */
function rangeSummary(t: Term, title: string, rows: { label: string; value?: number }[]): string {
  const shown = rows.filter((r): r is { label: string; value: number } => r.value !== undefined);
  if (shown.length === 0) return t('resultsSummaryNone', { title });
  if (shown.length === 1)
    return t('resultsSummaryOne', { title, group: shown[0]!.label, value: shown[0]!.value });
  const high = shown.reduce((a, b) => (b.value > a.value ? b : a));
  const low = shown.reduce((a, b) => (b.value < a.value ? b : a));
  return t('resultsSummaryRange', {
    title,
    high: high.label,
    highValue: high.value,
    low: low.label,
    lowValue: low.value,
  });
}

const pct = (t: Term) => (n: number) => t('resultsPercent', { value: n });

function bar(
  t: Term,
  notes: Notes,
  s: Shown<number>,
  interval?: Shown<{ lower: number; upper: number }>,
): BarValue {
  if ('value' in s) {
    const iv = interval && 'value' in interval ? interval.value : undefined;
    return {
      value: s.value,
      text: pct(t)(s.value),
      ...(iv ? { interval: [iv.lower, iv.upper] as const } : {}),
    };
  }
  return {
    symbol: s.symbol,
    text: t('resultsHiddenLabel', { symbol: s.symbol, note: notes.add(s)! }),
  };
}

/** Builds the view. Throws when scoring refuses its inputs; the element catches and explains. */
export function buildView(input: ModelInput): ViewModel {
  const { t, view } = input;
  const titles: Record<ResultsView, TranslationKey> = {
    headline: 'resultsViewHeadline',
    breakdown: 'resultsViewBreakdown',
    change: 'resultsViewChange',
    comparison: 'resultsViewComparison',
    types: 'resultsViewTypes',
    feelings: 'resultsViewFeelings',
    audit: 'resultsViewAudit',
    cpd: 'resultsViewCpd',
  };
  const title = t(titles[view] as 'resultsViewHeadline', {});
  const base: ViewModel = {
    title,
    cards: [],
    tables: [],
    charts: [],
    lines: [],
    notes: [],
    dimensionSwitch: false,
  };
  const empty = (key: TranslationKey): ViewModel => ({
    ...base,
    empty: t(key as 'resultsEmptySummary', {}),
  });
  const notes = new Notes(t, input.control);
  const viewer = VIEWER_FOR_ROLE[input.role];
  const options = { control: input.control, viewer };
  const detailed = input.role === 'la' || input.role === 'analyst';
  const P = pct(t);
  const finish = (m: Partial<ViewModel>): ViewModel => ({ ...base, ...m, notes: notes.list() });
  const countsRounded = viewer !== 'school';

  if (view === 'audit') {
    const audit = input.audit;
    if (!audit) return empty('resultsEmptyAudit');
    const def = input.definitions.find((d): d is AuditDefinition => d.kind === 'audit');
    const fmt = (v: number | null): BarValue => {
      if (v === null) {
        const note = notes.addText('[z]|no-score', t('resultsNoteNoScore', { symbol: '[z]' }));
        return { symbol: '[z]', text: t('resultsHiddenLabel', { symbol: '[z]', note }) };
      }
      return { value: Math.round(v), text: P(Math.round(v)) };
    };
    const cell = (v: number | null) => (v === null ? '[z]' : P(Math.round(v)));
    const areaName = (n: number) => {
      const area = def?.areas.find((a) => a.number === n);
      return t('resultsAuditArea', {
        area: n,
        title: area ? localisedText(area.title, input.lang, def!.defaultLocale) : '',
      });
    };
    const rows = [
      { label: t('resultsAuditOverall', {}), c: audit.overall },
      ...audit.areas.map((a) => ({ label: areaName(a.area), c: a })),
    ];
    const start = t('resultsSeriesStart', {});
    const end = t('resultsSeriesEnd', {});
    const change = (c: number | null) => (c === null ? '[z]' : points(t, Math.round(c)));
    const chart: ChartModel = {
      id: 'audit',
      title,
      summary: t('resultsSummaryAudit', {
        start: cell(audit.overall.baseline),
        end: cell(audit.overall.end),
      }),
      series: [start, end],
      axisTitle: t('resultsAxisAuditPercent', {}),
      rows: rows.map((r) => ({ label: r.label, values: [fmt(r.c.baseline), fmt(r.c.end)] })),
      table: {
        caption: title,
        head: [t('resultsColArea', {}), start, end, t('resultsColChange', {})],
        rows: rows.map((r) => ({
          header: r.label,
          cells: [cell(r.c.baseline), cell(r.c.end), change(r.c.change)],
        })),
      },
      lines: [
        t('resultsAuditStatements', {
          count: audit.statements.length - audit.directions['not-comparable'],
          improved: audit.directions.improved,
          worse: audit.directions.worse,
        }),
      ],
    };
    return finish({ charts: [chart] });
  }

  if (view === 'cpd') {
    const summary = input.cpd;
    if (!summary || summary.administrations.length === 0) return empty('resultsEmptyCpd');
    const published = publishCpd(summary, { control: input.control, viewer });
    const [id] = published.definition.split('@');
    const def = input.definitions.find(
      (d): d is QuestionnaireDefinition => d.kind === 'questionnaire' && d.id === id,
    );
    const defItems = def?.sections.flatMap((s) => s.items) ?? [];
    const itemText = (itemId: string) => {
      const item = defItems.find((i) => i.id === itemId);
      return item ? localisedText(item.text, input.lang, def!.defaultLocale) : itemId;
    };
    // The administrations are the options of the item that records them, labelled by the definition.
    const adminItem = defItems.find((i) => i.id === published.administrationItem);
    const series = published.administrations.map((key) => {
      const option =
        adminItem && adminItem.type !== 'free-text'
          ? adminItem.options.find((o) => o.value === key)
          : undefined;
      return option ? localisedText(option.label, input.lang, def!.defaultLocale) : key;
    });
    const rows = published.items.map((item) => {
      item.cells.forEach((c) => [c.base, c.percent].forEach((s) => notes.add(s)));
      return { label: itemText(item.item), values: item.cells.map((c) => c.percent) };
    });
    // Compares the published figures of the first two administrations only (never raw counts).
    const pairs = rows.flatMap((r) => {
      const [b, a] = r.values;
      return b && a && 'value' in b && 'value' in a ? [[b.value, a.value] as const] : [];
    });
    if (countsRounded) notes.rounded = true;
    const chart: ChartModel = {
      id: 'cpd',
      title,
      summary: t('resultsSummaryCpd', {
        title,
        count: pairs.length,
        rose: pairs.filter(([b, a]) => a > b).length,
        fell: pairs.filter(([b, a]) => a < b).length,
      }),
      series,
      axisTitle: t('resultsAxisStaffPercent', {}),
      rows: rows.map((r) => ({ label: r.label, values: r.values.map((v) => bar(t, notes, v)) })),
      table: {
        caption: title,
        head: [t('resultsColItem', {}), ...series],
        rows: rows.map((r) => ({ header: r.label, cells: r.values.map((v) => notes.cell(v, P)) })),
      },
      lines: [],
    };
    return finish({ charts: [chart] });
  }

  const summary = input.summary;
  if (!summary) return empty('resultsEmptySummary');

  if (view === 'headline') {
    const cards: CardModel[] = [];
    const head = [
      t('resultsColIndicator', {}),
      t('resultsColPupils', {}),
      t('resultsColPercent', {}),
    ];
    if (input.baseline) head.push(t('resultsSeriesStart', {}), t('resultsColSignificance', {}));
    const rows: TableModel['rows'][number][] = [];
    const lines: string[] = [];
    for (const key of HEADLINE_INDICATORS) {
      if (!summary.info[key]) continue;
      const words = indicatorWords(input, key);
      const p = publishBreakdown(summary, key, 'all', options).total;
      [p.base, p.percent].forEach((s) => notes.add(s));
      const details: string[] = [];
      if ('symbol' in p.percent)
        details.push(
          t('resultsHiddenLabel', { symbol: p.percent.symbol, note: notes.add(p.percent)! }),
        );
      if ('value' in p.base) details.push(t('resultsCardBase', { count: p.base.value }));
      const cells = [notes.cell(p.base, String), notes.cell(p.percent, P)];
      let changed: string | undefined;
      let change: CardModel['change'];
      if (input.baseline) {
        const c = publishChange(input.baseline, summary, key, 'all', options).groups[0]!;
        changed = changeLine(t, c, words.phrase);
        notes.add(c.time1.percent);
        cells.push(notes.cell(c.time1.percent, P), significance(t, c.direction));
        if ('value' in c.time1.percent)
          details.push(t('resultsCardAtStart', { percent: P(c.time1.percent.value) }));
        if (c.direction) change = { direction: c.direction, text: significance(t, c.direction) };
      }
      if (changed) lines.push(changed);
      else if ('value' in p.percent)
        lines.push(
          t('resultsLineHeadline', {
            percent: p.percent.value,
            group: groupPeople(t, 'all'),
            phrase: words.phrase,
          }),
        );
      cards.push({
        title: words.title,
        value: notes.cell(p.percent, P),
        hidden: !('value' in p.percent),
        details,
        ...(change ? { change } : {}),
      });
      rows.push({ header: words.title, cells });
    }
    const scaleKey = Object.keys(summary.info).find((k) => k.startsWith('scale.'));
    if (scaleKey) {
      const s = publishScore(summary, scaleKey, 'all', options).total;
      const expected = s.bands['expected'];
      [s.n, s.mean, ...(expected ? [expected] : [])].forEach((x) => notes.add(x));
      const details: string[] = [];
      if ('value' in s.n) details.push(t('resultsCardBase', { count: s.n.value }));
      if ('value' in s.mean)
        details.push(
          t('resultsCardWellbeingMean', {
            mean: s.mean.value.toLocaleString(input.lang || undefined),
          }),
        );
      const value = expected ? notes.cell(expected, P) : '[x]';
      cards.push({
        title: t('resultsIndicatorWellbeing', {}),
        value,
        hidden: !expected || !('value' in expected),
        details: [
          ...(expected && 'value' in expected ? [t('resultsCardWellbeing', {})] : []),
          ...details,
        ],
      });
      const cells = [notes.cell(s.n, String), value];
      if (input.baseline) cells.push('', '');
      rows.push({ header: t('resultsIndicatorWellbeing', {}), cells });
    }
    if (countsRounded) notes.rounded = true;
    return finish({ cards, tables: [{ caption: title, head, rows }], lines });
  }

  const words = indicatorWords(input, input.indicator);
  const dimension = input.dimension;
  const titleBy: Record<Exclude<ResultsDimension, 'all'>, TranslationKey> = {
    sex: 'resultsTitleBySex',
    sen: 'resultsTitleBySen',
    fsm: 'resultsTitleByFsm',
    yearGroup: 'resultsTitleByYearGroup',
  };
  const chartTitle =
    dimension === 'all'
      ? words.title
      : t(titleBy[dimension] as 'resultsTitleBySen', { title: words.title });

  if (view === 'breakdown') {
    const p = publishBreakdown(summary, input.indicator, dimension, options);
    const cells = ordered(p.total, p.groups, p.derived, dimension);
    cells.forEach((c) => [c.base, c.count, c.percent].forEach((s) => notes.add(s)));
    notes.add(p.total.missing);
    const chartCells = cells.filter((c) => !isEmpty(c));
    const head = [t('resultsColGroup', {}), t('resultsColPupils', {})];
    if (detailed) head.push(t('resultsColCount', {}));
    head.push(t('resultsColPercent', {}));
    const rows = cells.map((c) => ({
      header: groupLabel(t, c.key),
      cells: [
        notes.cell(c.base, String),
        ...(detailed ? [notes.cell(c.count, String)] : []),
        notes.cell(c.percent, P),
      ],
    }));
    if (detailed)
      rows.push({
        header: t('resultsColMissing', {}),
        cells: [notes.cell(p.total.missing, String), '', ''],
      });
    if (countsRounded) notes.rounded = true;
    const chart: ChartModel = {
      id: 'breakdown',
      title: chartTitle,
      summary: rangeSummary(
        t,
        chartTitle,
        chartCells
          .filter((c) => c.key !== 'all' || dimension === 'all')
          .map((c) => ({
            label: groupLabel(t, c.key),
            ...('value' in c.percent ? { value: c.percent.value } : {}),
          })),
      ),
      series: [t('resultsSeriesPercent', {})],
      axisTitle: t('resultsAxisPercent', {}),
      rows: chartCells.map((c) => ({
        label: groupLabel(t, c.key),
        values: [bar(t, notes, c.percent)],
      })),
      table: { caption: chartTitle, head, rows },
      lines: [],
    };
    return finish({ charts: [chart], dimensionSwitch: true });
  }

  if (view === 'change') {
    const baseline = input.baseline;
    if (!baseline) return empty('resultsEmptyChange');
    const c = publishChange(baseline, summary, input.indicator, dimension, options);
    const byKey = new Map(c.groups.map((g) => [g.key, g]));
    const order = ordered(
      c.groups[0]!,
      c.groups.filter((g) => !g.key.includes('-sen') && g.key !== 'all'),
      c.groups.filter((g) => g.key === 'any-sen'),
      dimension,
    ).map((g) => byKey.get(g.key)!);
    const start = t('resultsSeriesStart', {});
    const end = t('resultsSeriesEnd', {});
    const shownGroups = order.filter((g) => !(isEmpty(g.time1) && isEmpty(g.time2)));
    for (const g of order) {
      [g.time1.base, g.time1.percent, g.time2.base, g.time2.percent, g.change].forEach((s) =>
        notes.add(s),
      );
    }
    const lines: string[] = [];
    for (const g of order) {
      const line = changeLine(t, g, words.phrase);
      if (line) lines.push(line);
    }
    const compared = order.filter((g) => g.direction !== null && g.direction !== 'not-comparable');
    const head = [
      t('resultsColGroup', {}),
      `${start}: ${t('resultsColPupils', {})}`,
      `${start}: ${t('resultsColPercent', {})}`,
      `${start}: ${t('resultsColInterval', {})}`,
      `${end}: ${t('resultsColPupils', {})}`,
      `${end}: ${t('resultsColPercent', {})}`,
      `${end}: ${t('resultsColInterval', {})}`,
      t('resultsColChange', {}),
      t('resultsColSignificance', {}),
    ];
    const iv = (s: Shown<{ lower: number; upper: number }>) =>
      'value' in s ? t('resultsInterval', s.value) : s.symbol;
    if (countsRounded) notes.rounded = true;
    const chart: ChartModel = {
      id: 'change',
      title: chartTitle,
      summary: t('resultsSummaryChange', {
        title: chartTitle,
        count: compared.length,
        improved: compared.filter((g) => g.direction === 'improved').length,
        worse: compared.filter((g) => g.direction === 'worse').length,
      }),
      series: [start, end],
      axisTitle: t('resultsAxisPercent', {}),
      rows: shownGroups.map((g) => ({
        label: groupLabel(t, g.key),
        values: [
          bar(t, notes, g.time1.percent, g.intervals.time1),
          bar(t, notes, g.time2.percent, g.intervals.time2),
        ],
      })),
      table: {
        caption: chartTitle,
        head,
        rows: order.map((g) => ({
          header: groupLabel(t, g.key),
          cells: [
            notes.cell(g.time1.base, String),
            notes.cell(g.time1.percent, P),
            iv(g.intervals.time1),
            notes.cell(g.time2.base, String),
            notes.cell(g.time2.percent, P),
            iv(g.intervals.time2),
            'value' in g.change ? points(t, g.change.value) : g.change.symbol,
            significance(t, g.direction),
          ],
        })),
      },
      lines,
    };
    return finish({ charts: [chart], dimensionSwitch: true, lines });
  }

  if (view === 'comparison') {
    if (input.scope === 'la') return empty('resultsEmptyScope');
    const area = input.comparator;
    if (!area) return empty('resultsEmptyComparison');
    const c = publishComparison(summary, area, input.indicator, dimension, {
      control: input.control,
      viewer,
      comparatorViewer: viewer === 'school' ? 'trust' : viewer,
      ...(input.rest ? { rest: input.rest } : {}),
    });
    if (!c.allowed.allowed)
      notes.addText(
        '[x]|comparator',
        t('resultsNoteComparator', {
          symbol: '[x]',
          schools: input.control.minSchoolsForComparator,
        }),
      );
    const order = ordered(
      c.groups[0]!,
      c.groups.filter((g) => g.key !== 'any-sen' && g.key !== 'all'),
      c.groups.filter((g) => g.key === 'any-sen'),
      dimension,
    );
    for (const g of order) {
      [g.school.base, g.school.percent].forEach((s) => notes.add(s));
      if (c.allowed.allowed) [g.comparator.base, g.comparator.percent].forEach((s) => notes.add(s));
      if ('symbol' in g.difference)
        notes.addText(
          `${g.difference.symbol}|complementary`,
          t('resultsNoteNotCompared', { symbol: g.difference.symbol }),
        );
    }
    // The rest of the area is published at the area's level: its counts are rounded.
    if (c.allowed.allowed) notes.rounded = true;
    const mine = t(input.scope === 'trust' ? 'resultsSeriesTrust' : 'resultsSeriesSchool', {});
    const theirs = t('resultsSeriesArea', {});
    const ragText = (rag: RagRating | null, shown: boolean) =>
      !shown
        ? t('resultsNotCompared', { symbol: '[x]' })
        : rag === 'green'
          ? t('resultsRagGreen', {})
          : rag === 'amber'
            ? t('resultsRagAmber', {})
            : rag === 'red'
              ? t('resultsRagRed', {})
              : t('resultsRagNone', {});
    const lines: string[] = [];
    for (const g of order) {
      if (
        !('value' in g.difference) ||
        !('value' in g.school.percent) ||
        !('value' in g.comparator.percent)
      )
        continue;
      const params = {
        group: groupPeople(t, g.key),
        phrase: words.phrase,
        school: g.school.percent.value,
        area: g.comparator.percent.value,
      };
      lines.push(
        g.rag === 'green'
          ? t('resultsLineCompareBetter', params)
          : g.rag === 'amber' || g.rag === 'red'
            ? t('resultsLineCompareWorse', params)
            : t('resultsLineCompareSimilar', params),
      );
    }
    const compared = order.filter((g) => g.significant !== null);
    const chartGroups = order.filter((g) => !isEmpty(g.school));
    if (countsRounded) notes.rounded = true;
    const chart: ChartModel = {
      id: 'comparison',
      title: chartTitle,
      summary: t('resultsSummaryCompare', {
        title: chartTitle,
        count: compared.length,
        better: compared.filter((g) => g.rag === 'green').length,
        worse: compared.filter((g) => g.rag === 'amber' || g.rag === 'red').length,
      }),
      series: [mine, theirs],
      axisTitle: t('resultsAxisPercent', {}),
      rows: chartGroups.map((g) => ({
        label: groupLabel(t, g.key),
        values: [bar(t, notes, g.school.percent), bar(t, notes, g.comparator.percent)],
        badge: { rag: g.rag, text: ragText(g.rag, g.significant !== null) },
      })),
      table: {
        caption: chartTitle,
        head: [
          t('resultsColGroup', {}),
          `${mine}: ${t('resultsColPupils', {})}`,
          `${mine}: ${t('resultsColPercent', {})}`,
          `${theirs}: ${t('resultsColPupils', {})}`,
          `${theirs}: ${t('resultsColPercent', {})}`,
          t('resultsColDifference', {}),
          t('resultsColComparison', {}),
        ],
        rows: order.map((g) => ({
          header: groupLabel(t, g.key),
          cells: [
            notes.cell(g.school.base, String),
            notes.cell(g.school.percent, P),
            notes.cell(g.comparator.base, String),
            notes.cell(g.comparator.percent, P),
            'value' in g.difference ? points(t, g.difference.value) : g.difference.symbol,
            ragText(g.rag, g.significant !== null),
          ],
        })),
      },
      lines,
    };
    return finish({ charts: [chart], dimensionSwitch: true, lines });
  }

  // types and feelings: one figure per indicator, for all pupils.
  const keys = Object.keys(summary.info).filter((k) =>
    view === 'types'
      ? k.startsWith('types.') && summary.info[k]!.kind === 'binary'
      : /^feelings\..+\.agree$/.test(k),
  );
  if (keys.length === 0)
    return empty(view === 'types' ? 'resultsEmptyTypes' : 'resultsEmptyFeelings');
  const items = keys.map((key) => {
    const p = publishBreakdown(summary, key, 'all', options).total;
    [p.base, p.count, p.percent].forEach((s) => notes.add(s));
    return { key, label: indicatorLabel(key, summary, input.definitions, input.lang), p };
  });
  // Most common first; hidden ones last, in their own order.
  items.sort((a, b) => {
    const av = 'value' in a.p.percent ? a.p.percent.value : -1;
    const bv = 'value' in b.p.percent ? b.p.percent.value : -1;
    return bv - av;
  });
  const head = [t('resultsColItem', {}), t('resultsColPupils', {})];
  if (detailed) head.push(t('resultsColCount', {}));
  // Types were asked only of pupils who said they were bullied: every percentage says of whom.
  const ofWhom = view === 'types' ? t('resultsPercentOfBullied', {}) : t('resultsColPercent', {});
  head.push(ofWhom);
  if (countsRounded) notes.rounded = true;
  const chart: ChartModel = {
    id: view,
    title,
    summary: rangeSummary(
      t,
      title,
      items.map((i) => ({
        label: i.label,
        ...('value' in i.p.percent ? { value: i.p.percent.value } : {}),
      })),
    ),
    series: [t('resultsSeriesPercent', {})],
    axisTitle: view === 'types' ? ofWhom : t('resultsAxisPercent', {}),
    rows: items.map((i) => ({ label: i.label, values: [bar(t, notes, i.p.percent)] })),
    table: {
      caption: title,
      head,
      rows: items.map((i) => ({
        header: i.label,
        cells: [
          notes.cell(i.p.base, String),
          ...(detailed ? [notes.cell(i.p.count, String)] : []),
          notes.cell(i.p.percent, P),
        ],
      })),
    },
    lines: view === 'types' ? [t('resultsTypesOfWhom', {})] : [],
  };
  return finish({ charts: [chart] });
}

/** A change in points with its sign; a true minus sign (U+2212), so a cell never starts with "-". */
function points(t: Term, value: number): string {
  const sign = value > 0 ? '+' : value < 0 ? '\u2212' : '';
  return t('resultsPoints', { sign, count: Math.abs(value) });
}

/**
 * "Fewer pupils with SEND said they … at the end (24%) than at the start (31%); this change is
 * statistically significant." Only for a group whose change scoring shows (D7), so a sentence never
 * states a hidden figure; `undefined` otherwise.
 */
function changeLine(t: Term, g: PublishedChange, phrase: string): string | undefined {
  if (!('value' in g.change) || !('value' in g.time1.percent) || !('value' in g.time2.percent))
    return undefined;
  const start = g.time1.percent.value;
  const end = g.time2.percent.value;
  const params = { group: groupPeople(t, g.key), phrase, start, end };
  if (end === start) return t('resultsLineSame', params) + '.';
  const sentence = end < start ? t('resultsLineFewer', params) : t('resultsLineMore', params);
  return (
    sentence +
    (g.significant ? t('resultsLineSignificant', {}) : t('resultsLineNotSignificant', {}))
  );
}

/** Words for a change's direction (never colour alone). */
function significance(t: Term, direction: string | null): string {
  switch (direction) {
    case 'improved':
      return t('resultsImproved', {});
    case 'worse':
      return t('resultsWorse', {});
    case 'no-significant-change':
      return t('resultsNoChange', {});
    default:
      return '[c]';
  }
}

export { DEFAULT_DISCLOSURE_CONTROL };
