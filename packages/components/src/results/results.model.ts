// Over the 400-line aim (style.md): the view types, the notes and the group words every view
// shares; no view is built here (results.views.ts, results.staff.ts).
/**
 * What each view of `<at-results>` shows, and the pieces every view shares. Every view is built
 * from **published** figures only (`PublishedResults` from the model, made by scoring's
 * `publishResults` on a server or in a host): a figure is copied from a published cell or shown as
 * its symbol. Nothing here divides a count by a base, tests a difference or decides what to hide.
 * Pure: the UI strings come in through `t`.
 *
 * The pupil views are in `results.pupils.ts`, the audit and training views in
 * `results.staff.ts`.
 *
 * @module
 */
import {
  DEFAULT_DISCLOSURE_CONTROL,
  DERIVED_GROUPS,
  GROUP_ROLES,
  type AuditDefinition,
  type ChangeDirection,
  type Dimension,
  type DisclosureControl,
  type IndicatorInfo,
  type PublishedPool,
  type PublishedResults,
  type QuestionnaireDefinition,
  type Shown,
  type SuppressionReason,
  type ViewerLevel,
} from '@all-together/model';
import type { AuditComparison, CpdSummary } from '@all-together/scoring';
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

/** What the results cover. */
export const RESULTS_SCOPES = ['school', 'trust', 'la'] as const;
/** What the results cover: one school, a trust (its schools together) or a local authority. */
export type ResultsScope = (typeof RESULTS_SCOPES)[number];

/** Who is looking. Decides which columns the tables and CSV hold. */
export const RESULTS_ROLES = ['school', 'trust', 'la', 'analyst'] as const;
/** Who is looking: see {@link RESULTS_ROLES}. */
export type ResultsRole = (typeof RESULTS_ROLES)[number];

/** The breakdowns the switch offers (each only where the results publish it). */
export const RESULTS_DIMENSIONS = [
  'all',
  'sex',
  'sen',
  'fsm',
  'yearGroup',
  'eal',
  'lookedAfter',
  'youngCarer',
  'ethnicity',
] as const;
/** A breakdown the switch offers. */
export type ResultsDimension = (typeof RESULTS_DIMENSIONS)[number];

/** The viewer level a role stands for, where the results do not say (training results). */
export const VIEWER_FOR_ROLE: Readonly<Record<ResultsRole, ViewerLevel>> = {
  school: 'school',
  trust: 'trust',
  la: 'local-authority',
  analyst: 'local-authority',
};

/** The indicators of the headline cards, in order (each shown only where the results have it). */
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
  /** The change since the start, when there is a baseline: a direction and its words. */
  readonly change?: { readonly direction: ChangeDirection; readonly text: string };
}

/** One view, ready to render and to export. */
export interface ViewModel {
  readonly title: string;
  readonly empty?: string;
  readonly cards: readonly CardModel[];
  readonly tables: readonly TableModel[];
  readonly charts: readonly ChartModel[];
  readonly lines: readonly string[];
  /** Sentences about hidden focus-group figures (SEND, free school meals), shown before the charts. */
  readonly focus: readonly string[];
  readonly notes: readonly string[];
  /** The breakdowns this view can switch between (empty: no switch). */
  readonly dimensions: readonly ResultsDimension[];
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
  /** The published results (control, viewer, notes) … */
  readonly results?: PublishedResults;
  /** … and the pool of them shown. */
  readonly pool?: PublishedPool;
  readonly audit?: AuditComparison;
  readonly cpd?: CpdSummary;
  /** Who the comparison is with, in a sentence: "the rest of the trust". */
  readonly comparatorName: string;
  readonly definitions: readonly (QuestionnaireDefinition | AuditDefinition)[];
  readonly lang: string;
  readonly t: Term;
}

type NoteKey = `${string}|${SuppressionReason | 'no-score'}`;

/** Collects the notes for every symbol shown, once each, numbered in the order met. */
export class Notes {
  private readonly seen = new Map<NoteKey, string>();
  rounded = false;
  /** Whom the figures count: adults (training delegates) are never called pupils. */
  subject: 'pupils' | 'people' = 'pupils';
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
    const people = this.subject === 'people';
    const text = {
      total: () => t(people ? 'resultsNoteTotalPeople' : 'resultsNoteTotal', { symbol, count: k }),
      base: () => t(people ? 'resultsNoteBasePeople' : 'resultsNoteBase', { symbol, count: k }),
      complementary: () => t('resultsNoteComplementary', { symbol }),
      'small-base': () =>
        t(people ? 'resultsNoteSmallBasePeople' : 'resultsNoteSmallBase', {
          symbol,
          count: control.minBaseForPercentage,
        }),
      'rounds-to-zero': () =>
        t('resultsNoteRoundsToZero', {
          symbol,
          half: Math.ceil(control.roundTo / 2),
          roundTo: control.roundTo,
        }),
      'no-pupils': () => t(people ? 'resultsNoteNoPeople' : 'resultsNoteNoPupils', { symbol }),
      'not-both-waves': () => t('resultsNoteNotBothWaves', { symbol }),
      'no-comparator': () =>
        t('resultsNoteNoComparator', {
          symbol,
          schools: control.minSchoolsForComparator,
          count: k,
        }),
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
    if (this.rounded)
      notes.push(
        this.t(this.subject === 'people' ? 'resultsNoteRoundedPeople' : 'resultsNoteRounded', {
          roundTo: this.control.roundTo,
        }),
      );
    return notes;
  }
}

/** An indicator's name: its declared label, in the element's language. */
export function indicatorLabel(info: IndicatorInfo | undefined, key: string, lang: string): string {
  return info ? localisedText(info.label, lang, 'en-GB') : key;
}

/** The column and axis title that says of whom every percentage is. */
export function ofWhom(t: Term, info: IndicatorInfo | undefined): string {
  switch (info?.population) {
    case 'bullied':
      return t('resultsOfWhomBullied', {});
    case 'bullied-and-told':
      return t('resultsOfWhomBulliedTold', {});
    default:
      return t('resultsOfWhomAll', {});
  }
}

const YEAR = /^Y(\d+)$/;

/**
 * Each group's name in the string tables: `resultsGroup<Name>` is its table and axis label ("Free
 * school meals"), `resultsPeople<Name>` its phrase in a sentence ("pupils on free school meals").
 * Groups of one breakdown first, then those that mean the same in every breakdown.
 */
const GROUP_NAMES = {
  fsm: { yes: 'FsmYes', no: 'FsmNo' },
  eal: { yes: 'EalYes', no: 'EalNo' },
  lookedAfter: { yes: 'LookedAfterYes', no: 'LookedAfterNo' },
  youngCarer: { yes: 'YoungCarerYes', no: 'YoungCarerNo' },
  ethnicity: {
    asian: 'EthnicityAsian',
    black: 'EthnicityBlack',
    mixed: 'EthnicityMixed',
    white: 'EthnicityWhite',
    other: 'EthnicityOther',
  },
} as const satisfies Partial<Record<ResultsDimension, Record<string, string>>>;
const COMMON_GROUP_NAMES = {
  all: 'All',
  female: 'Female',
  male: 'Male',
  unknown: 'Unknown',
  'prefer-not-to-say': 'PreferNotToSay',
  E: 'SenE',
  K: 'SenK',
  N: 'SenN',
  'any-sen': 'AnySen',
  R: 'Reception',
} as const;
type GroupName =
  | (typeof COMMON_GROUP_NAMES)[keyof typeof COMMON_GROUP_NAMES]
  | {
      [D in keyof typeof GROUP_NAMES]: (typeof GROUP_NAMES)[D][keyof (typeof GROUP_NAMES)[D]];
    }[keyof typeof GROUP_NAMES];
// Every name has both strings (a missing one fails the type check of `groupKeyOf`).
type GroupKey = `resultsGroup${GroupName}` | `resultsPeople${GroupName}`;
const groupKeyOf = (key: GroupKey): GroupKey & TranslationKey => key;

/** A group's name in the string tables (see GROUP_NAMES), if it has one. */
function groupName(dimension: ResultsDimension, key: string): GroupName | undefined {
  const own: Readonly<Record<string, GroupName>> | undefined =
    GROUP_NAMES[dimension as keyof typeof GROUP_NAMES];
  return own?.[key] ?? (COMMON_GROUP_NAMES as Readonly<Record<string, GroupName>>)[key];
}

/** Table and axis label of a group of a breakdown. */
export function groupLabel(t: Term, dimension: ResultsDimension, key: string): string {
  const year = YEAR.exec(key);
  if (year) return t('resultsGroupYear', { year: year[1]! });
  const name = groupName(dimension, key);
  return name ? t(groupKeyOf(`resultsGroup${name}`), {}) : key;
}

/** Sentence phrase of a group ("pupils with SEND"). */
export function groupPeople(t: Term, dimension: ResultsDimension, key: string): string {
  const year = YEAR.exec(key);
  if (year) return t('resultsPeopleYear', { year: year[1]! });
  const name = groupName(dimension, key);
  return name ? t(groupKeyOf(`resultsPeople${name}`), {}) : key;
}

/** The name of a breakdown, as the switch shows it. */
export function dimensionName(t: Term, d: ResultsDimension): string {
  const keys: Record<ResultsDimension, TranslationKey> = {
    all: 'resultsDimensionAll',
    sex: 'resultsDimensionSex',
    sen: 'resultsDimensionSen',
    fsm: 'resultsDimensionFsm',
    yearGroup: 'resultsDimensionYearGroup',
    eal: 'resultsDimensionEal',
    lookedAfter: 'resultsDimensionLookedAfter',
    youngCarer: 'resultsDimensionYoungCarer',
    ethnicity: 'resultsDimensionEthnicity',
  };
  return t(keys[d] as 'resultsDimensionAll', {});
}

/** Cells in display order: the total, then groups with each derived group after its last part. */
export function ordered<T extends { key: string }>(
  total: T | undefined,
  groups: readonly T[],
  derived: readonly T[],
  dimension: ResultsDimension,
): T[] {
  const out: T[] = total ? [total] : [];
  const defs = dimension === 'all' ? [] : (DERIVED_GROUPS[dimension as Dimension] ?? []);
  for (const g of groups) {
    out.push(g);
    for (const d of defs)
      if (d.of[d.of.length - 1] === g.key) {
        const found = derived.find((x) => x.key === d.key);
        if (found) out.push(found);
      }
  }
  for (const d of derived) if (!out.includes(d)) out.push(d);
  return out;
}

/**
 * The programme's focus groups of a breakdown whose figure a head teacher looks for: groups the
 * model declares `focus` (SEND, free school meals, looked-after children, young carers) that are not part of a wider focus group
 * (EHC plan and SEN support are parts of any SEND), so one sentence covers each.
 */
export function focusGroups(dimension: ResultsDimension): string[] {
  if (dimension === 'all') return [];
  const roles = GROUP_ROLES[dimension as Dimension];
  const parts = new Set((DERIVED_GROUPS[dimension as Dimension] ?? []).flatMap((d) => d.of));
  return Object.keys(roles).filter((g) => roles[g] === 'focus' && !parts.has(g));
}

/** A percentage as text. */
export const pct = (t: Term) => (n: number) => t('resultsPercent', { value: n });

/** A bar: a shown percentage (with its interval) or a hidden one's symbol and note. */
export function bar(
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

/** A change in points with its sign; a true minus sign (U+2212), so a cell never starts with "-". */
export function points(t: Term, value: number): string {
  const sign = value > 0 ? '+' : value < 0 ? '\u2212' : '';
  return t('resultsPoints', { sign, count: Math.abs(value) });
}

/**
 * Words for a change's direction, never colour alone: better or worse only where the indicator
 * declares which way is better, "higher" or "lower" where it declares neither.
 */
export function directionWords(t: Term, direction: ChangeDirection | null): string {
  switch (direction) {
    case 'improved':
      return t('resultsImproved', {});
    case 'worse':
      return t('resultsWorse', {});
    case 'higher':
      return t('resultsHigher', {});
    case 'lower':
      return t('resultsLower', {});
    case 'no-significant-change':
      return t('resultsNoChange', {});
    default:
      return t('resultsNotCompared', { symbol: '[x]' });
  }
}

/** A one-sentence summary of a single-series chart (never naming a hidden figure). */
export function rangeSummary(
  t: Term,
  title: string,
  rows: { label: string; value?: number }[],
): string {
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

/** The parts every view builder shares. */
export interface ViewKit {
  readonly input: ModelInput;
  readonly t: Term;
  readonly title: string;
  readonly notes: Notes;
  readonly control: DisclosureControl;
  /** The tables show the number who said yes and "preferred not to say" (LA and analyst roles). */
  readonly detailed: boolean;
  /** Counts are rounded (anyone but the school itself looking). */
  readonly rounded: boolean;
  empty(key: TranslationKey): ViewModel;
  finish(m: Partial<ViewModel>): ViewModel;
}

const TITLES: Record<ResultsView, TranslationKey> = {
  headline: 'resultsViewHeadline',
  breakdown: 'resultsViewBreakdown',
  change: 'resultsViewChange',
  comparison: 'resultsViewComparison',
  types: 'resultsViewTypes',
  feelings: 'resultsViewFeelings',
  audit: 'resultsViewAudit',
  cpd: 'resultsViewCpd',
};

/** The shared parts of a view: its title, notes and the empty and finished models. */
export function viewKit(input: ModelInput): ViewKit {
  const { t, view } = input;
  const title =
    view === 'comparison'
      ? t('resultsViewComparison', { comparator: input.comparatorName })
      : t(TITLES[view] as 'resultsViewHeadline', {});
  const base: ViewModel = {
    title,
    cards: [],
    tables: [],
    charts: [],
    lines: [],
    focus: [],
    notes: [],
    dimensions: [],
  };
  const control = input.results?.control ?? DEFAULT_DISCLOSURE_CONTROL;
  const notes = new Notes(t, control);
  const viewer = input.results?.viewer ?? VIEWER_FOR_ROLE[input.role];
  return {
    input,
    t,
    title,
    notes,
    control,
    detailed: input.role === 'la' || input.role === 'analyst',
    rounded: viewer !== 'school',
    empty: (key) => ({ ...base, empty: t(key as 'resultsEmptySummary', {}) }),
    finish: (m) => ({ ...base, ...m, notes: notes.list() }),
  };
}
