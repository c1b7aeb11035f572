/**
 * The tracker's rows without the DOM: each school with its flags (from the model's
 * `trackerFlags`, the one place the rules live), and the filters and sort the element applies.
 * Pure, so the rules of what is shown test without rendering.
 *
 * @module
 */
import {
  stageNumber,
  trackerFlags,
  type ProgrammeStage,
  type ProgrammeTracker,
  type ProgrammeTrackerSchool,
  type TrackerFlags,
} from '@all-together/model';

/** One school and its flags on the tracker's day. */
export interface TrackerRow {
  readonly school: ProgrammeTrackerSchool;
  readonly flags: TrackerFlags;
}

/** The flag filter: every school, or only those stalled, overdue, or either. */
export const FLAG_FILTERS = ['all', 'stalled', 'overdue', 'either'] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

/** The columns the table sorts by. */
export const SORT_KEYS = ['name', 'area', 'stage', 'baseline', 'end', 'activity'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

/**
 * What the viewer filters by: a stage (`''` for all), a flag, a group (`''` for all, `la:873` for
 * a local authority, `trust:<name>` for a trust, `trust:` for schools in no trust) and a search over
 * names and URNs.
 */
export interface TrackerFilters {
  readonly stage: ProgrammeStage | '';
  readonly flag: FlagFilter;
  readonly group: string;
  readonly search: string;
}

export const NO_FILTERS: TrackerFilters = { stage: '', flag: 'all', group: '', search: '' };

/** Every school of the tracker with its flags, in the order given. */
export function trackerRows(tracker: ProgrammeTracker): TrackerRow[] {
  return tracker.schools.map((school) => ({ school, flags: trackerFlags(school, tracker) }));
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The rows that pass every filter, in their order. */
export function filterRows(rows: readonly TrackerRow[], f: TrackerFilters): TrackerRow[] {
  const search = fold(f.search).replace(/\s+/g, ' ');
  return rows.filter(({ school, flags }) => {
    if (f.stage !== '' && school.stage !== f.stage) return false;
    if (f.flag === 'stalled' && !flags.stalled) return false;
    if (f.flag === 'overdue' && !flags.overdue) return false;
    if (f.flag === 'either' && !flags.stalled && !flags.overdue) return false;
    if (f.group.startsWith('la:') && school.localAuthority !== f.group.slice(3)) return false;
    if (f.group.startsWith('trust:') && (school.trust ?? '') !== f.group.slice(6)) return false;
    if (search !== '' && !fold(school.name).replace(/\s+/g, ' ').includes(search)) {
      if (!school.urn.includes(search.replace(/\s/g, ''))) return false;
    }
    return true;
  });
}

/** A row's sort value for a column; null sorts last whichever the direction. */
function value(row: TrackerRow, key: SortKey, areaName: (r: TrackerRow) => string) {
  switch (key) {
    case 'name':
      return fold(row.school.name);
    case 'area':
      return fold(areaName(row));
    case 'stage':
      return stageNumber(row.school.stage);
    case 'baseline':
      return row.flags.responseRate.baseline.percent;
    case 'end':
      return row.flags.responseRate.end.percent;
    case 'activity':
      return row.school.lastActivityOn ?? row.school.stages.enrolled?.completedOn ?? null;
  }
}

/**
 * The rows sorted by a column; ties keep the name order (then URN), and rows without a value
 * (no rate, no date) go last in both directions.
 *
 * @param areaName - How a row's local authority and trust read (what the viewer sees and sorts).
 */
export function sortRows(
  rows: readonly TrackerRow[],
  key: SortKey,
  direction: SortDirection,
  areaName: (r: TrackerRow) => string,
): TrackerRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: TrackerRow, b: TrackerRow) =>
    fold(a.school.name).localeCompare(fold(b.school.name)) ||
    a.school.urn.localeCompare(b.school.urn);
  return rows
    .map((row) => ({ row, v: value(row, key, areaName) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        if (a.v === b.v) return byName(a.row, b.row);
        return a.v === null ? 1 : -1;
      }
      const c =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : String(a.v).localeCompare(String(b.v));
      return c * sign || byName(a.row, b.row);
    })
    .map(({ row }) => row);
}
