/**
 * The round lifecycle as staff see it (docs/decisions/0010): open → closed → locked, and progress
 * in bands while a round is open (docs/decisions/0011).
 */
import { DEFAULT_DISCLOSURE_CONTROL } from '@all-together/model';
import type { RoundRow } from '../repo/rounds.js';

/** The disclosure threshold k: the fewest pupils any figure rests on. */
export const K = DEFAULT_DISCLOSURE_CONTROL.minCellSize;

export type RoundState = 'open' | 'closed' | 'locked';

/** The round's state today: a round past its last day is closed whatever its row says. */
export function stateOf(round: Pick<RoundRow, 'state' | 'closes_on'>, today: string): RoundState {
  if (round.state === 'open' && round.closes_on < today) return 'closed';
  return round.state;
}

/** Pupils may answer: the round is open and today is within its dates. */
export const accepting = (
  round: Pick<RoundRow, 'state' | 'opens_on' | 'closes_on'>,
  today: string,
): boolean => stateOf(round, today) === 'open' && round.opens_on <= today;

/** Its audit and action plan may change. */
export const editable = (round: RoundRow, today: string): boolean =>
  stateOf(round, today) === 'open';

/**
 * A count as staff may see it: exact (`value`) once the round is closed; while it is open, a band
 * (`value: null`): "fewer than 10", then "10 or more", "15 or more", … (rounded down to 5), so that
 * watching it cannot tell a lead when one more pupil answered.
 */
export interface CountShown {
  label: string;
  value: number | null;
}

export function band(n: number, k = K): CountShown {
  if (n < k) return { label: `fewer than ${k}`, value: null };
  return { label: `${Math.floor(n / 5) * 5} or more`, value: null };
}

export const exact = (n: number): CountShown => ({ label: n.toLocaleString('en-GB'), value: n });

/** Banded while the round is open, exact once it is closed. */
export const countFor = (round: RoundRow, today: string, n: number): CountShown =>
  stateOf(round, today) === 'open' ? band(n) : exact(n);

/** The round as every staff route shows it. */
export function roundJson(round: RoundRow, today: string) {
  const state = stateOf(round, today);
  return {
    id: round.id,
    wave: round.wave,
    /** The programme year it is in (`2026-27`). */
    programmeYear: round.programme_year,
    opensOn: round.opens_on,
    closesOn: round.closes_on,
    state,
    /** Pupils can answer today. */
    accepting: accepting(round, today),
    /** Its audit and plan can change. */
    editable: state === 'open',
    /** The day it closed: by its lead, or its last day. */
    closedOn: state === 'open' ? null : (round.closed_on ?? round.closes_on),
    lockedOn: round.locked_on,
    /** Retention (P9): how long raw answers and class codes are kept, and when each went. */
    retention: {
      rawMonths: round.raw_retention_months,
      codeDays: round.code_retention_days,
      codesRemovedOn: round.codes_removed_on,
      responsesPurgedOn: round.responses_purged_on,
    },
  };
}
export type RoundJson = ReturnType<typeof roundJson>;
