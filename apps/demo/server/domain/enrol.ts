/**
 * Enrolling schools, one at a time or from a CSV (issue: "Run a programme year"). A school is its
 * public record — URN, name, phase, local authority, number on roll, and optionally the share of
 * pupils with SEND and on free school meals from the census — never anything about a pupil.
 *
 * The CSV has a header row; columns are found by name in any order (case and spaces ignored):
 * `urn`, `name`, `phase` and `number_on_roll` are required; `la_code`, `send_percent` and
 * `fsm_percent` are optional. Every problem is reported with its row (as a spreadsheet numbers it:
 * the header is row 1) and column, and a file with any problem enrols nothing.
 */
import { z } from 'zod';
import { LocalAuthorityCode, PlainText, SchoolPhase, Urn } from '@all-together/model';

/** One school to enrol, validated. */
export const SchoolEntry = z.strictObject({
  urn: Urn,
  name: PlainText(200)
    .min(1, 'Enter the school’s name.')
    // A name a spreadsheet would run as a formula is refused rather than stored (CSV injection).
    .refine((s) => !/^[=+\-@\t\r]/.test(s), 'A name cannot start with = + - or @.'),
  phase: SchoolPhase,
  localAuthority: LocalAuthorityCode.optional(),
  numberOnRoll: z.int('Enter the number on roll as a whole number.').min(1).max(5000),
  sendPercent: z.number().min(0).max(100).nullable().optional(),
  fsmPercent: z.number().min(0).max(100).nullable().optional(),
});
export type SchoolEntry = z.infer<typeof SchoolEntry>;

/** A problem in a CSV: its row as a spreadsheet numbers it, its column's header, and what is wrong. */
export interface CsvProblem {
  row: number;
  column: string;
  message: string;
}

const COLUMNS = {
  urn: 'urn',
  name: 'name',
  phase: 'phase',
  number_on_roll: 'numberOnRoll',
  la_code: 'localAuthority',
  send_percent: 'sendPercent',
  fsm_percent: 'fsmPercent',
} as const;
const REQUIRED = ['urn', 'name', 'phase', 'number_on_roll'] as const;
/** How many schools one file may enrol (a large LA has a few hundred). */
export const MAX_ROWS = 1000;

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** The schools in a CSV, or every problem in it (then no school). */
export function schoolsFromCsv(
  text: string,
): { ok: true; schools: SchoolEntry[] } | { ok: false; problems: CsvProblem[] } {
  const rows = parseCsv(text);
  const problems: CsvProblem[] = [];
  if (rows.length < 2)
    return {
      ok: false,
      problems: [{ row: 1, column: '', message: 'The file has no schools under its header row.' }],
    };
  const header = rows[0]!.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  for (const need of REQUIRED)
    if (!header.includes(need))
      problems.push({ row: 1, column: need, message: `The header has no "${need}" column.` });
  header.forEach((h, i) => {
    if (!(h in COLUMNS))
      problems.push({
        row: 1,
        column: rows[0]![i]!,
        message: `Unknown column "${rows[0]![i]}". Columns: ${Object.keys(COLUMNS).join(', ')}.`,
      });
  });
  if (problems.length) return { ok: false, problems };
  if (rows.length - 1 > MAX_ROWS)
    return {
      ok: false,
      problems: [
        { row: MAX_ROWS + 2, column: '', message: `One file enrols at most ${MAX_ROWS} schools.` },
      ],
    };
  const schools: SchoolEntry[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((cells, r) => {
    const row = r + 2;
    if (cells.length !== header.length)
      problems.push({
        row,
        column: '',
        message: `This row has ${cells.length} cells; the header has ${header.length}.`,
      });
    const raw: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const key = COLUMNS[h as keyof typeof COLUMNS];
      const v = (cells[i] ?? '').trim();
      if (v === '') return;
      raw[key] = ['numberOnRoll', 'sendPercent', 'fsmPercent'].includes(key)
        ? /^-?\d+(\.\d+)?$/.test(v)
          ? Number(v)
          : v
        : key === 'phase'
          ? v.toLowerCase().replace(/\s+/g, '-')
          : v;
    });
    const parsed = SchoolEntry.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const column = Object.entries(COLUMNS).find(([, k]) => k === key)?.[0] ?? (key || 'row');
        problems.push({ row, column, message: issue.message });
      }
      return;
    }
    const before = seen.get(parsed.data.urn);
    if (before)
      problems.push({
        row,
        column: 'urn',
        message: `URN ${parsed.data.urn} is also on row ${before}.`,
      });
    seen.set(parsed.data.urn, row);
    schools.push(parsed.data);
  });
  return problems.length ? { ok: false, problems } : { ok: true, schools };
}
