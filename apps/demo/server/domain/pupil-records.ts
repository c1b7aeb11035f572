/**
 * Class lists from a school's records, for linked mode (issue 21; docs/decisions/0055): the CSV a
 * school exports from its management information system, read into pupils by a school-side
 * reference and the characteristics the records give. Pure functions.
 *
 * Every value is checked against a closed list (or the reference's pattern), so nothing free-form
 * is kept: a cell such as `=HYPERLINK(…)` is refused with its row and column, never stored, and so
 * can never run in a spreadsheet or page later. A column that holds names or a national identifier
 * refuses the whole file: the portal never receives them.
 */
import type { PupilCharacteristics, QuestionnaireDefinition } from '@all-together/model';
import { parseCsv, type CsvProblem } from './enrol.js';

/** The most pupils one file may hold (a large secondary school's roll), and its size in bytes. */
export const MAX_PUPILS = 3000;
export const MAX_BYTES = 1_000_000;

/** A pupil of a class list: a school-side reference and what the records say. */
export interface PupilRecord {
  reference: string;
  classLabel: string;
  yearGroup: string;
  sex: 'male' | 'female' | 'unknown';
  sen: 'E' | 'K' | 'N' | 'unknown';
  fsm: YesNo;
  eal: YesNo;
  ethnicity: 'asian' | 'black' | 'mixed' | 'white' | 'other' | 'unknown';
  lookedAfter: YesNo;
  youngCarer: YesNo;
}
type YesNo = 'yes' | 'no' | 'unknown';

/** A school-side reference: letters, digits and dashes with at least one digit (an admission number). */
export const REFERENCE = /^(?=.*[0-9])[A-Za-z0-9-]{1,20}$/;

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/g, ' ');

/**
 * The columns read, each with the headings common MIS exports use for it (matched without regard
 * to case, spaces, dots or underscores). The README lists them with example files.
 */
export const RECORD_COLUMNS = {
  reference: [
    'reference',
    'pupil reference',
    'admission no',
    'admission number',
    'adno',
    'pupil id',
  ],
  classLabel: [
    'class',
    'reg group',
    'registration group',
    'registration form',
    'reg',
    'form',
    'tutor group',
    'form/tutor group',
  ],
  yearGroup: ['year', 'year group', 'nc year', 'curriculum year', 'year taught in'],
  sex: ['sex', 'gender'],
  sen: ['sen status', 'sen', 'sen provision', 'send status'],
  fsm: ['fsm', 'fsm eligible', 'fsmeligible', 'free school meals', 'fsm eligibility'],
  eal: ['eal', 'english as an additional language', 'eal status'],
  ethnicity: ['ethnicity', 'ethnic group', 'ethnic code', 'ethnicity code'],
  lookedAfter: ['looked after', 'in care', 'cla', 'looked after child'],
  youngCarer: ['young carer', 'young carers'],
} as const satisfies Record<keyof PupilRecord, readonly string[]>;
type Field = keyof typeof RECORD_COLUMNS;

/** Headings that hold who a pupil is: a file with one is refused whole, naming it. */
const IDENTIFYING = [
  'name',
  'forename',
  'surname',
  'legal surname',
  'legal forename',
  'preferred forename',
  'preferred surname',
  'full name',
  'upn',
  'unique pupil number',
  'uln',
  'dob',
  'date of birth',
  'address',
  'postcode',
  'email',
];

const UNKNOWN = ['', 'unknown', 'not known', 'not obtained', 'information not yet obtained'];
const YES = ['yes', 'y', 'true', '1', 't'];
const NO = ['no', 'n', 'false', '0', 'f'];

function yesNo(v: string): YesNo | undefined {
  const s = norm(v);
  if (UNKNOWN.includes(s)) return 'unknown';
  if (YES.includes(s)) return 'yes';
  if (NO.includes(s)) return 'no';
  return undefined;
}

/** `R`, `Y1`…`Y13` from `R`, `Reception`, `1`, `Year 1`, `Y1`, `NC Year 1`. */
function yearGroup(v: string): string | undefined {
  const s = norm(v);
  if (UNKNOWN.includes(s)) return 'unknown';
  if (s === 'r' || s === 'reception' || s === 'yr') return 'R';
  const m = /^(?:nc )?(?:year |yr |y)?(\d{1,2})$/.exec(s);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 13 ? `Y${n}` : undefined;
}

function sex(v: string): PupilRecord['sex'] | undefined {
  const s = norm(v);
  if (UNKNOWN.includes(s)) return 'unknown';
  if (s === 'm' || s === 'male') return 'male';
  if (s === 'f' || s === 'female') return 'female';
  return undefined;
}

function sen(v: string): PupilRecord['sen'] | undefined {
  const s = norm(v);
  if (UNKNOWN.includes(s)) return 'unknown';
  if (s === 'e' || s === 'ehc plan' || s === 'ehcp') return 'E';
  if (s === 'k' || s === 'sen support') return 'K';
  if (s === 'n' || s === 'no special educational need' || s === 'none') return 'N';
  return undefined;
}

/**
 * The GSS harmonised major group from a DfE ethnicity code (`WBRI`, `MWBC`, `AIND`, `BCRB`, `CHNE`,
 * `OOTH`; refused or not obtained: unknown) or the group's name. Chinese is in the Asian group.
 */
function ethnicity(v: string): PupilRecord['ethnicity'] | undefined {
  const s = norm(v);
  if (UNKNOWN.includes(s) || s === 'refu' || s === 'nobt' || s.startsWith('refused'))
    return 'unknown';
  const words: Record<string, PupilRecord['ethnicity']> = {
    white: 'white',
    mixed: 'mixed',
    asian: 'asian',
    'asian or asian british': 'asian',
    chinese: 'asian',
    black: 'black',
    'black or black british': 'black',
    other: 'other',
    'any other ethnic group': 'other',
  };
  if (words[s]) return words[s];
  const code = /^[a-z]{4}$/.exec(s)?.[0];
  if (!code) return undefined;
  if (code === 'chne') return 'asian';
  return (
    { w: 'white', m: 'mixed', a: 'asian', b: 'black', o: 'other' } as const satisfies Record<
      string,
      PupilRecord['ethnicity']
    >
  )[code[0] as 'w' | 'm' | 'a' | 'b' | 'o'];
}

const READERS: Record<Exclude<Field, 'reference' | 'classLabel'>, (v: string) => unknown> = {
  yearGroup,
  sex,
  sen,
  fsm: yesNo,
  eal: yesNo,
  ethnicity,
  lookedAfter: yesNo,
  youngCarer: yesNo,
};

const HELP: Record<Field, string> = {
  reference:
    'a reference of letters, digits and dashes with at least one digit, up to 20 characters (an admission number), never a name',
  classLabel: 'a class or registration group of letters, digits, spaces and dashes, up to 20',
  yearGroup: 'R, a year from 1 to 13, or blank',
  sex: 'M, F or blank',
  sen: 'E (EHC plan), K (SEN support), N (none) or blank',
  fsm: 'Y, N or blank',
  eal: 'Y, N or blank',
  ethnicity: 'a DfE ethnicity code (such as WBRI) or White, Mixed, Asian, Black, Other, or blank',
  lookedAfter: 'Y, N or blank',
  youngCarer: 'Y, N or blank',
};

/**
 * The pupils of a class-list CSV, or every problem with its row and column. The reference and
 * class columns are required; any other may be missing (every pupil is then `unknown` for it). A
 * reference twice is refused. Rows are numbered as a spreadsheet shows them (the heading is row 1).
 */
export function pupilsFromCsv(
  text: string,
): { ok: true; pupils: PupilRecord[]; missing: Field[] } | { ok: false; problems: CsvProblem[] } {
  if (text.length > MAX_BYTES)
    return fail(
      1,
      '',
      `The file is larger than ${MAX_BYTES / 1_000_000} MB: split it by year group.`,
    );
  const rows = parseCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
  const heading = rows[0];
  if (!heading)
    return fail(1, '', 'The file is empty: export the class list with its heading row.');
  const problems: CsvProblem[] = [];
  for (const h of heading)
    if (IDENTIFYING.includes(norm(h)))
      problems.push({
        row: 1,
        column: h.trim(),
        message: `This column holds who a pupil is. Remove it and export again: the portal never takes names or national identifiers.`,
      });
  const at = {} as Record<Field, number>;
  for (const field of Object.keys(RECORD_COLUMNS) as Field[]) {
    const i = heading.findIndex((h) =>
      (RECORD_COLUMNS[field] as readonly string[]).includes(norm(h)),
    );
    if (i >= 0) at[field] = i;
  }
  for (const field of ['reference', 'classLabel'] as const)
    if (at[field] === undefined)
      problems.push({
        row: 1,
        column: RECORD_COLUMNS[field][0],
        message: `No "${RECORD_COLUMNS[field][0]}" column. Name one of the columns ${RECORD_COLUMNS[field].map((c) => `"${c}"`).join(', ')}.`,
      });
  if (problems.length) return { ok: false, problems };
  if (rows.length - 1 > MAX_PUPILS)
    return fail(MAX_PUPILS + 2, '', `At most ${MAX_PUPILS} pupils in one file.`);
  const pupils: PupilRecord[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (f: Field) => (at[f] === undefined ? '' : (cells[at[f]] ?? '').trim());
    const bad = (f: Field) =>
      problems.push({
        row,
        column: heading[at[f]]!.trim(),
        message: `"${cell(f).slice(0, 40)}" is not ${HELP[f]}.`,
      });
    const reference = cell('reference').toUpperCase();
    if (!REFERENCE.test(reference)) bad('reference');
    else if (seen.has(reference))
      problems.push({
        row,
        column: heading[at.reference]!.trim(),
        message: `The reference ${reference} is also on row ${seen.get(reference)}: each pupil once.`,
      });
    else seen.set(reference, row);
    const classLabel = cell('classLabel');
    if (!/^[A-Za-z0-9][A-Za-z0-9 -]{0,19}$/.test(classLabel)) bad('classLabel');
    const values = {} as Record<keyof typeof READERS, string>;
    for (const f of Object.keys(READERS) as (keyof typeof READERS)[]) {
      const v = at[f] === undefined ? 'unknown' : READERS[f](cell(f));
      if (v === undefined) bad(f);
      else values[f] = v as string;
    }
    pupils.push({ reference, classLabel, ...values } as PupilRecord);
  });
  if (problems.length) return { ok: false, problems };
  const missing = (Object.keys(RECORD_COLUMNS) as Field[]).filter((f) => at[f] === undefined);
  return { ok: true, pupils, missing };
}

const fail = (row: number, column: string, message: string) => ({
  ok: false as const,
  problems: [{ row, column, message }],
});

/**
 * The characteristics a response carries in linked mode: what the records say, marked as from
 * them (P1). No reference, no class: nothing that points back to the record.
 */
export function snapshotOf(r: Omit<PupilRecord, 'reference' | 'classLabel'>): PupilCharacteristics {
  return {
    source: 'school-records',
    ...(r.yearGroup === 'unknown'
      ? {}
      : { yearGroup: r.yearGroup as PupilCharacteristics['yearGroup'] }),
    sex: r.sex,
    sen: r.sen,
    fsm: r.fsm,
    eal: r.eal,
    ethnicity: r.ethnicity,
    lookedAfter: r.lookedAfter,
    youngCarer: r.youngCarer,
  };
}

const yearName = (y: string) => (y === 'R' ? 'Reception' : `Year ${y.replace(/^Y/, '')}`);
/** "Reception to Year 2", "Years 3 to 6". */
const rangeName = (years: readonly string[]) => {
  const [first, last] = [years[0]!, years.at(-1)!];
  return first === 'R'
    ? `Reception to ${yearName(last)}`
    : `Years ${first.replace(/^Y/, '')} to ${last.replace(/^Y/, '')}`;
};
/** Schools whose pupil questionnaire is chosen by need rather than age (`pupilFormFor`). */
const BY_NEED = new Set(['special', 'alternative-provision']);

/**
 * Whether a class's slips may be for a questionnaire: its pupils' year groups (from the records)
 * must be among those the questionnaire is written for (the options of its year question), so a
 * Year 4 class is not given the secondary form by a slip of the mouse. A special school or an
 * alternative provision chooses by need (the read-aloud form for an older pupil, say), so it is
 * not checked there. Returns the problem in words, or undefined.
 */
export function slipsYearProblem(
  classLabel: string,
  years: readonly string[],
  definition: QuestionnaireDefinition,
  phase: string,
): string | undefined {
  if (BY_NEED.has(phase)) return undefined;
  const question = definition.sections
    .flatMap((s) => s.items)
    .find((i) => i.scoring.kind === 'characteristic' && i.scoring.characteristic === 'yearGroup');
  if (!question || question.type === 'free-text') return undefined;
  const fits = question.options.map((o) => o.value).filter((v) => v !== 'prefer-not-to-say');
  const outside = years.filter((y) => y !== 'unknown' && !fits.includes(y));
  if (outside.length === 0) return undefined;
  return `${classLabel} has pupils in ${outside.map(yearName).join(' and ')}, but this questionnaire is written for ${rangeName(fits)}. Choose the questionnaire for their year group.`;
}
