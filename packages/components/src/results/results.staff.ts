/**
 * The staff views of `<at-results>`: the audit before and after (scoring's `AuditComparison`) and
 * training confidence (a CPD summary, published here by scoring's `publishCpd` at the viewer's
 * level: the one place the element calls a publish function, because a CPD summary holds no
 * pupil's answers and its published form is not yet a model schema).
 *
 * @module
 */
import type { AuditDefinition, QuestionnaireDefinition } from '@all-together/model';
import { publishCpd } from '@all-together/scoring';
import { localisedText } from '../shared/text.js';
import type { BarValue } from './results.chart.js';
import {
  VIEWER_FOR_ROLE,
  bar,
  pct,
  points,
  type ChartModel,
  type ViewKit,
  type ViewModel,
} from './results.model.js';

/** The audit at the start and at the end, overall and per area, with the statements that moved. */
export function auditView(kit: ViewKit): ViewModel {
  const { t, notes, input, title } = kit;
  const audit = input.audit;
  if (!audit) return kit.empty('resultsEmptyAudit');
  const P = pct(t);
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
  return kit.finish({ charts: [chart] });
}

/** Training confidence per statement at each administration (before, straight after, later). */
export function cpdView(kit: ViewKit): ViewModel {
  const { t, notes, input, title } = kit;
  notes.subject = 'people';
  const summary = input.cpd;
  if (!summary || summary.administrations.length === 0) return kit.empty('resultsEmptyCpd');
  const P = pct(t);
  const viewer = input.results?.viewer ?? VIEWER_FOR_ROLE[input.role];
  const published = publishCpd(summary, { control: kit.control, viewer });
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
  if (viewer !== 'school') notes.rounded = true;
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
  return kit.finish({ charts: [chart] });
}
