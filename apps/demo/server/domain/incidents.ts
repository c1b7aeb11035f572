/**
 * Incidents' termly figures (issue 20; docs/decisions/0050): the counts of a term's records, the
 * return a school submits to its LA (protected by `protectCounts` as the LA will read it: small
 * counts hidden, the rest rounded to 5), the area's totals protected together with every school's
 * return, the LA's CSV, and the import of a safeguarding system's export. Pure functions.
 */
import {
  IncidentAction,
  IncidentOutcome,
  IncidentSetting,
  IncidentStatus,
  IncidentType,
  PERSON_REFERENCE,
  PrejudiceCharacteristic,
  TermlyFigures,
  termDates,
  termOf,
  termsOf,
  type Allegation,
  type IncidentDetails,
  type IncidentLocation,
  type Shown,
} from '@all-together/model';
import {
  protectCounts,
  type CountFigure,
  type CountRelation,
  type ProtectedCounts,
} from '@all-together/scoring';
import type { IncidentRow } from '../repo/incidents.js';
import { parseCsv, type CsvProblem } from './enrol.js';

// ─────────────────────────────────────────── terms ───────────────────────────────────────────

// The terms themselves (which days each covers) are the model's, so the return, the LA's view and
// the elements count the same days.
export { termDates, termOf, termsOf };

/** "Autumn term 2026" and so on. */
export function termLabel(term: string): string {
  const t = term.slice(8);
  const { startsOn } = termDates(term);
  return `${t[0]!.toUpperCase()}${t.slice(1)} term ${startsOn.slice(0, 4)}`;
}

/** The terms of a programme year that have begun by `today`, in order (the ones a return can be for). */
export const termsBegun = (year: string, today: string): string[] =>
  termsOf(year).filter((t) => termDates(t).startsOn <= today);

// ─────────────────────────────────────────── counts ───────────────────────────────────────────

/** A term's exact counts, by figure id (`status.substantiated`, `types.verbal`, …). */
export type TermCounts = Record<string, number>;

const ids = {
  status: IncidentStatus.options.map((o) => `status.${o}`),
  types: IncidentType.options.map((o) => `types.${o}`),
  setting: IncidentSetting.options.map((o) => `setting.${o}`),
  characteristics: PrejudiceCharacteristic.options.map((o) => `characteristics.${o}`),
  actions: IncidentAction.options.map((o) => `actions.${o}`),
  outcomes: IncidentOutcome.options.map((o) => `outcomes.${o}`),
};
/** Every figure of a return, in the order the CSV lists them. */
export const FIGURE_IDS: readonly string[] = [
  'allegations',
  ...ids.status,
  ...ids.types,
  ...ids.setting,
  'prejudiceRelated',
  ...ids.characteristics,
  'safeguarding',
  ...ids.actions,
  ...ids.outcomes,
];

/** How a return's figures relate: what a reader can add up. */
export const RELATIONS: readonly CountRelation[] = [
  { kind: 'sum', total: 'allegations', parts: ids.status },
  { kind: 'at-most', total: 'status.substantiated', parts: ids.types },
  { kind: 'sum', total: 'status.substantiated', parts: ids.setting },
  {
    kind: 'at-most',
    total: 'status.substantiated',
    parts: ['prejudiceRelated', 'safeguarding', ...ids.actions],
  },
  { kind: 'at-most', total: 'prejudiceRelated', parts: ids.characteristics },
  { kind: 'sum', total: 'status.substantiated', parts: ids.outcomes },
];

/** The exact counts of the records that happened in a term (an incident counts once per category). */
export function termCounts(rows: readonly IncidentRow[], term: string): TermCounts {
  const { startsOn, endsOn } = termDates(term);
  const c: TermCounts = Object.fromEntries(FIGURE_IDS.map((id) => [id, 0]));
  const add = (id: string) => void (c[id] = c[id]! + 1);
  for (const r of rows) {
    if (r.occurred_on < startsOn || r.occurred_on > endsOn) continue;
    add('allegations');
    add(`status.${r.status}`);
    const d = r.details;
    if (r.status !== 'substantiated' || !d) continue;
    new Set(d.types).forEach((t) => add(`types.${t}`));
    add(`setting.${d.setting}`);
    if (d.prejudiceRelated) {
      add('prejudiceRelated');
      new Set(d.characteristics).forEach((x) => add(`characteristics.${x}`));
    }
    if (d.safeguarding) add('safeguarding');
    new Set(d.actions.map((a) => a.action)).forEach((a) => add(`actions.${a}`));
    add(`outcomes.${d.outcome}`);
  }
  return c;
}

/** Published figures by id → the return's shape. */
export function figuresOf(f: Record<string, Shown<number>>): TermlyFigures {
  const group = (prefix: string, options: readonly string[]) =>
    Object.fromEntries(options.map((o) => [o, f[`${prefix}.${o}`]!]));
  return TermlyFigures.parse({
    allegations: f.allegations,
    status: group('status', IncidentStatus.options),
    types: group('types', IncidentType.options),
    setting: group('setting', IncidentSetting.options),
    prejudiceRelated: f.prejudiceRelated,
    characteristics: group('characteristics', PrejudiceCharacteristic.options),
    safeguarding: f.safeguarding,
    actions: group('actions', IncidentAction.options),
    outcomes: group('outcomes', IncidentOutcome.options),
  });
}

/** The return's figures by id (the inverse of `figuresOf`). */
export function figureMap(t: TermlyFigures): Record<string, Shown<number>> {
  const out: Record<string, Shown<number>> = {
    allegations: t.allegations,
    prejudiceRelated: t.prejudiceRelated,
    safeguarding: t.safeguarding,
  };
  for (const key of [
    'status',
    'types',
    'setting',
    'characteristics',
    'actions',
    'outcomes',
  ] as const)
    for (const [o, v] of Object.entries(t[key])) out[`${key}.${o}`] = v as Shown<number>;
  return out;
}

/**
 * A school's termly return as its LA will read it (rounded to 5, small counts hidden), or, with
 * `viewer: 'school'`, the exact analysis for the school's leaders and governors (small counts
 * still hidden: governors are not the safeguarding staff).
 */
export function protectReturn(
  counts: TermCounts,
  viewer: 'school' | 'local-authority' = 'local-authority',
): ProtectedCounts & { return: TermlyFigures } {
  const p = protectCounts({
    viewer,
    figures: FIGURE_IDS.map((id) => ({ id, count: counts[id] ?? 0 })),
    relations: RELATIONS,
  });
  return { ...p, return: figuresOf(p.figures) };
}

/**
 * The area's totals for one term, protected together with every school's submitted return (which
 * the LA reads too): an area figure that would let a school's hidden figure be worked out is
 * hidden.
 */
export function protectArea(
  schools: readonly { urn: string; counts: TermCounts; figures: TermlyFigures }[],
): Record<string, Shown<number>> {
  const figures: CountFigure[] = [];
  const relations: CountRelation[] = [];
  for (const s of schools) {
    const published = figureMap(s.figures);
    for (const id of FIGURE_IDS)
      figures.push({ id: `${s.urn}:${id}`, count: s.counts[id] ?? 0, published: published[id] });
    for (const r of RELATIONS)
      relations.push({
        kind: r.kind,
        total: `${s.urn}:${r.total}`,
        parts: r.parts.map((p) => `${s.urn}:${p}`),
      });
  }
  for (const id of FIGURE_IDS) {
    figures.push({
      id: `area:${id}`,
      count: schools.reduce((a, s) => a + (s.counts[id] ?? 0), 0),
    });
    if (schools.length)
      relations.push({
        kind: 'sum',
        total: `area:${id}`,
        parts: schools.map((s) => `${s.urn}:${id}`),
      });
  }
  for (const r of RELATIONS)
    relations.push({
      kind: r.kind,
      total: `area:${r.total}`,
      parts: r.parts.map((p) => `area:${p}`),
    });
  const out = protectCounts({ viewer: 'local-authority', figures, relations }).figures;
  return Object.fromEntries(FIGURE_IDS.map((id) => [id, out[`area:${id}`]!]));
}

// ───────────────────────────────────────────── CSV ─────────────────────────────────────────────

const csvCell = (v: string | number): string => {
  let s = String(v);
  // A spreadsheet would run a cell starting with = + - @ as a formula.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const shownCell = (x: Shown<number> | undefined): string | number =>
  x === undefined ? '' : 'value' in x ? x.value : x.symbol;

/** The column name of a figure in the CSV: `status.not-substantiated` → `status_not_substantiated`. */
export const csvColumn = (id: string) => id.replace(/[.-]/g, '_');

/**
 * The LA's CSV: one row per school and term (`submitted` yes or no; figures only when submitted),
 * then one `AREA` row per term; every figure as published (a number, or `[c]`).
 */
export function returnsCsv(
  rows: readonly {
    urn: string;
    name: string;
    term: string;
    submittedOn: string | null;
    figures: Record<string, Shown<number>> | null;
  }[],
): string {
  const header = ['urn', 'school', 'term', 'submitted_on', ...FIGURE_IDS.map(csvColumn)];
  const lines = [header.join(',')];
  for (const r of rows)
    lines.push(
      [
        r.urn,
        r.name,
        r.term,
        r.submittedOn ?? '',
        ...FIGURE_IDS.map((id) => shownCell(r.figures?.[id])),
      ]
        .map(csvCell)
        .join(','),
    );
  return lines.join('\r\n') + '\r\n';
}

// ────────────────────────────────────────── import ──────────────────────────────────────────

/**
 * The categories of a safeguarding system's incident export, mapped to this portal's. Matched
 * without regard to case, spaces or the "Bullying - " prefix the export puts before each.
 */
export const CATEGORY_MAP: Readonly<
  Record<
    string,
    {
      type?: (typeof IncidentType.options)[number];
      characteristic?: (typeof PrejudiceCharacteristic.options)[number];
      safeguarding?: true;
    }
  >
> = {
  physical: { type: 'physical' },
  verbal: { type: 'verbal' },
  'name calling': { type: 'verbal' },
  emotional: { type: 'relational' },
  'social exclusion': { type: 'relational' },
  relational: { type: 'relational' },
  cyber: { type: 'online' },
  online: { type: 'online' },
  sexual: { type: 'sexual' },
  'damage to property': { type: 'damage-or-theft' },
  theft: { type: 'damage-or-theft' },
  racist: { characteristic: 'race' },
  'race/ethnicity': { characteristic: 'race' },
  religious: { characteristic: 'religion' },
  faith: { characteristic: 'religion' },
  homophobic: { characteristic: 'sexual-orientation' },
  biphobic: { characteristic: 'sexual-orientation' },
  transphobic: { characteristic: 'gender-identity' },
  sexist: { characteristic: 'sex' },
  disablist: { characteristic: 'disability-send' },
  'send/disability': { characteristic: 'disability-send' },
  appearance: { characteristic: 'appearance' },
  'prejudice other': { characteristic: 'other' },
  'other bullying': { type: 'other' },
  safeguarding: { safeguarding: true },
};

const LOCATIONS: Readonly<Record<string, IncidentLocation>> = {
  classroom: 'classroom',
  corridor: 'corridor',
  playground: 'playground',
  'dining hall': 'dining-hall',
  toilets: 'toilets',
  'changing room': 'changing-room',
  'journey to/from school': 'journey',
  journey: 'journey',
  online: 'online',
  'off site': 'off-site',
  'off-site': 'off-site',
  other: 'other',
};

const STATUSES: Readonly<Record<string, (typeof IncidentStatus.options)[number]>> = {
  open: 'allegation',
  'under investigation': 'allegation',
  substantiated: 'substantiated',
  'closed - bullying': 'substantiated',
  'not substantiated': 'not-substantiated',
  'closed - not bullying': 'not-substantiated',
};

/** The export's columns this import reads (others are ignored, free text above all). */
export const IMPORT_COLUMNS = [
  'Date',
  'Time',
  'Location',
  'Categories',
  'Student Reference',
  'Status',
] as const;
const REQUIRED = ['Date', 'Location', 'Categories', 'Status'] as const;

export interface ImportedIncident {
  allegation: Allegation;
  status: (typeof IncidentStatus.options)[number];
  details: IncidentDetails | null;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The incidents of a safeguarding system's export, or every problem in it with its row (as a
 * spreadsheet numbers it, the header is row 1) and column; then none.
 */
export function incidentsFromCsv(
  text: string,
  today: string,
): { ok: true; incidents: ImportedIncident[] } | { ok: false; problems: CsvProblem[] } {
  const rows = parseCsv(text);
  const problems: CsvProblem[] = [];
  if (rows.length < 2)
    return {
      ok: false,
      problems: [
        { row: 1, column: '', message: 'The file needs a header row and at least one incident.' },
      ],
    };
  const header = rows[0]!.map(norm);
  const col = new Map<string, number>();
  for (const name of IMPORT_COLUMNS) {
    const i = header.indexOf(norm(name));
    if (i >= 0) col.set(name, i);
  }
  for (const name of REQUIRED)
    if (!col.has(name))
      problems.push({ row: 1, column: name, message: `The column "${name}" is missing.` });
  if (problems.length) return { ok: false, problems };
  if (rows.length - 1 > 1000)
    return {
      ok: false,
      problems: [{ row: 1, column: '', message: 'At most 1000 incidents per file.' }],
    };
  const incidents: ImportedIncident[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const get = (name: (typeof IMPORT_COLUMNS)[number]) => {
      const at = col.get(name);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const bad = (column: string, message: string) => problems.push({ row, column, message });
    const before = problems.length;
    const rawDate = get('Date');
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(rawDate);
    const day = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : rawDate;
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
      Number.isNaN(Date.parse(day)) ||
      new Date(day).toISOString().slice(0, 10) !== day
    )
      bad('Date', 'Enter a date like 19/11/2026.');
    else if (day > today) bad('Date', 'The date is in the future.');
    const time = get('Time');
    if (time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
      bad('Time', 'Enter a time like 12:40, or leave it empty.');
    const location = LOCATIONS[norm(get('Location'))];
    if (!location)
      bad(
        'Location',
        `"${get('Location')}" is not a location this portal knows (${Object.keys(LOCATIONS).join(', ')}).`,
      );
    const status = STATUSES[norm(get('Status'))];
    if (!status)
      bad(
        'Status',
        `"${get('Status')}" is not a status this portal knows (${Object.keys(STATUSES).join(', ')}).`,
      );
    const reference = get('Student Reference').toUpperCase();
    if (reference && !PERSON_REFERENCE.test(reference))
      bad(
        'Student Reference',
        'A reference is like P-0042, never a name. Export references, not names.',
      );
    const cats = get('Categories')
      .split(/[;|]/)
      .map((c) => norm(c).replace(/^bullying ?[-:–] ?/, ''))
      .filter(Boolean);
    if (!cats.length) bad('Categories', 'Name at least one category.');
    const mapped = cats.map((c) => ({ c, m: CATEGORY_MAP[c] }));
    for (const x of mapped)
      if (!x.m)
        bad(
          'Categories',
          `"${x.c}" is not a category this import maps (see the mapping in the portal's README).`,
        );
    if (problems.length > before) return;
    const types = [...new Set(mapped.flatMap((x) => (x.m!.type ? [x.m!.type] : [])))];
    const characteristics = [
      ...new Set(mapped.flatMap((x) => (x.m!.characteristic ? [x.m!.characteristic] : []))),
    ];
    if (status === 'substantiated' && !types.length) {
      bad(
        'Categories',
        'A bullying incident needs at least one type of bullying (physical, verbal, …).',
      );
      return;
    }
    const allegation: Allegation = {
      occurredOn: day,
      ...(time ? { occurredAt: time } : {}),
      location: location!,
      reportedBy: 'other',
      alleged: `Imported from the safeguarding system: ${cats.join('; ')}.`,
      people: reference ? [{ involvement: 'target', role: 'pupil', reference }] : [],
    };
    const online = types.includes('online') || location === 'online';
    const offline = types.some((t) => t !== 'online') && location !== 'online';
    incidents.push({
      allegation,
      status: status!,
      details:
        status === 'substantiated'
          ? {
              types,
              setting: online && offline ? 'both' : online ? 'online' : 'offline',
              prejudiceRelated: characteristics.length > 0,
              characteristics,
              safeguarding: mapped.some((x) => x.m!.safeguarding),
              whatHappened: '',
              impact: '',
              targetWishes: '',
              actions: [],
              outcome: 'ongoing',
            }
          : null,
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, incidents };
}
