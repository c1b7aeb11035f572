/**
 * Rounds and their lifecycle (docs/decisions/0010): open → closed → locked. A round whose last day
 * has passed is closed even while its row says open, so every query that asks "closed?" takes the
 * portal's day. The database refuses any transition back (migration 002).
 */
import type { Wave } from '@all-together/model';
import type { Queryable } from '../db.js';

export type StoredState = 'open' | 'closed' | 'locked';

export interface RoundRow {
  school_urn: string;
  id: string;
  wave: Wave;
  opens_on: string;
  closes_on: string;
  state: StoredState;
  closed_on: string | null;
  locked_on: string | null;
  /** Retention (P9): raw responses are purged this many months after the round closes. */
  raw_retention_months: number;
  /** Retention (P9): its class codes are removed this many days after it closes (0: at close). */
  code_retention_days: number;
  codes_removed_on: string | null;
  responses_purged_on: string | null;
  /** The programme year it is in (`2026-27`; migration 023 files it by its opening day). */
  programme_year: string;
}

const COLUMNS = `school_urn, id, wave, opens_on::text AS opens_on, closes_on::text AS closes_on,
  state, closed_on::text AS closed_on, locked_on::text AS locked_on, raw_retention_months,
  code_retention_days, codes_removed_on::text AS codes_removed_on,
  responses_purged_on::text AS responses_purged_on, programme_year`;
/**
 * Responses a round holds: its final snapshot's count once it has one (what was published, and all
 * there is once the raw rows are purged), otherwise its stored rows.
 */
const RESPONSES = (r: string) => `coalesce(
  (SELECT s.responses FROM summary_snapshots s WHERE s.school_urn = ${r}.school_urn AND s.round_id = ${r}.id AND s.final),
  (SELECT count(*) FROM responses x WHERE x.school_urn = ${r}.school_urn AND x.round_id = ${r}.id))`;
/** Closed for good: by its lead, by being locked, or because its last day has passed ($today). */
const CLOSED = (today: string) => `(state <> 'open' OR closes_on < ${today})`;

export const roundsRepo = (q: Queryable) => ({
  async get(urn: string, id: string): Promise<RoundRow | undefined> {
    return (
      await q.query<RoundRow>(`SELECT ${COLUMNS} FROM rounds WHERE school_urn = $1 AND id = $2`, [
        urn,
        id,
      ])
    ).rows[0];
  },

  /**
   * The round, locked against a concurrent close until the transaction ends (FOR SHARE): whatever
   * this transaction stores in the round is stored before any close, never after it.
   */
  async getForShare(urn: string, id: string): Promise<RoundRow | undefined> {
    return (
      await q.query<RoundRow>(
        `SELECT ${COLUMNS} FROM rounds WHERE school_urn = $1 AND id = $2 FOR SHARE`,
        [urn, id],
      )
    ).rows[0];
  },

  /** The round, locked until the transaction ends: waits for every FOR SHARE holder first. */
  async getForUpdate(urn: string, id: string): Promise<RoundRow | undefined> {
    return (
      await q.query<RoundRow>(
        `SELECT ${COLUMNS} FROM rounds WHERE school_urn = $1 AND id = $2 FOR UPDATE`,
        [urn, id],
      )
    ).rows[0];
  },

  async list(urn: string): Promise<RoundRow[]> {
    return (
      await q.query<RoundRow>(
        `SELECT ${COLUMNS} FROM rounds WHERE school_urn = $1 ORDER BY opens_on DESC, id`,
        [urn],
      )
    ).rows;
  },

  /** The school's latest round of a wave that has opened. */
  async latestOpened(urn: string, wave: Wave, today: string): Promise<RoundRow | undefined> {
    return (
      await q.query<RoundRow>(
        `SELECT ${COLUMNS} FROM rounds WHERE school_urn = $1 AND wave = $2 AND opens_on <= $3
         ORDER BY opens_on DESC, id DESC LIMIT 1`,
        [urn, wave, today],
      )
    ).rows[0];
  },

  /**
   * The school's latest baseline round that opened before the given (end) round, in the same
   * programme year (a change is measured within one year of the programme).
   */
  async baselineBefore(urn: string, end: RoundRow): Promise<RoundRow | undefined> {
    return (
      await q.query<RoundRow>(
        `SELECT ${COLUMNS} FROM rounds WHERE school_urn = $1 AND wave = 'baseline' AND opens_on <= $2
            AND programme_year = $3
         ORDER BY opens_on DESC, id DESC LIMIT 1`,
        [urn, end.opens_on, end.programme_year],
      )
    ).rows[0];
  },

  /**
   * The round a school reports for a wave: its latest closed round with at least `k` responses,
   * latest by the day it closed. An empty round, or one with fewer than k answers, never replaces
   * it, whatever its dates. Given a programme `year`, only rounds of that year.
   */
  async reporting(
    urn: string,
    wave: Wave,
    today: string,
    k: number,
    year?: string,
  ): Promise<RoundRow | undefined> {
    return (
      await q.query<RoundRow>(
        `SELECT ${COLUMNS} FROM rounds r
          WHERE school_urn = $1 AND wave = $2 AND ${CLOSED('$3')}
            AND ($5::text IS NULL OR programme_year = $5)
            AND ${RESPONSES('r')} >= $4
          ORDER BY coalesce(closed_on, closes_on) DESC, id DESC LIMIT 1`,
        [urn, wave, today, k, year ?? null],
      )
    ).rows[0];
  },

  /** Per round of a school: responses stored and class codes issued. */
  async counts(urn: string): Promise<Map<string, { responses: number; codes: number }>> {
    const r = await q.query<{ id: string; responses: string | number; codes: string | number }>(
      `SELECT r.id,
              ${RESPONSES('r')} AS responses,
              (SELECT count(*) FROM class_codes k WHERE k.school_urn = r.school_urn AND k.round_id = r.id) AS codes
         FROM rounds r WHERE r.school_urn = $1`,
      [urn],
    );
    return new Map(
      r.rows.map((x) => [x.id, { responses: Number(x.responses), codes: Number(x.codes) }]),
    );
  },

  /** Inserts a new round; undefined when the school already has one with this id. */
  async insert(r: {
    urn: string;
    id: string;
    wave: Wave;
    opensOn: string;
    closesOn: string;
    rawRetentionMonths?: number | undefined;
    codeRetentionDays?: number | undefined;
  }): Promise<RoundRow | undefined> {
    return (
      await q.query<RoundRow>(
        `INSERT INTO rounds (school_urn, id, wave, opens_on, closes_on, raw_retention_months, code_retention_days)
         VALUES ($1, $2, $3, $4, $5, coalesce($6::int, 12), coalesce($7::int, 0))
         ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
        [
          r.urn,
          r.id,
          r.wave,
          r.opensOn,
          r.closesOn,
          r.rawRetentionMonths ?? null,
          r.codeRetentionDays ?? null,
        ],
      )
    ).rows[0];
  },

  /** Closes an open round (open → closed); undefined when it was not open. */
  async close(urn: string, id: string, today: string): Promise<RoundRow | undefined> {
    return (
      await q.query<RoundRow>(
        `UPDATE rounds SET state = 'closed', closed_on = $3
          WHERE school_urn = $1 AND id = $2 AND state = 'open' AND closes_on >= $3
          RETURNING ${COLUMNS}`,
        [urn, id, today],
      )
    ).rows[0];
  },

  /**
   * Retention (P9), across every school (the system scope only): rounds whose class codes are due
   * for removal, and rounds whose raw responses are due for purging, as of `today`.
   */
  async dueForRetention(today: string): Promise<{ codes: RoundRow[]; responses: RoundRow[] }> {
    const closedOn = `coalesce(closed_on, closes_on)`;
    const [codes, responses] = [
      await q.query<RoundRow>(
        `SELECT ${COLUMNS} FROM rounds WHERE codes_removed_on IS NULL AND ${CLOSED('$1')}
            AND ${closedOn} + code_retention_days <= $1::date ORDER BY school_urn, id`,
        [today],
      ),
      await q.query<RoundRow>(
        `SELECT ${COLUMNS} FROM rounds WHERE responses_purged_on IS NULL AND ${CLOSED('$1')}
            AND (${closedOn} + make_interval(months => raw_retention_months))::date <= $1::date
          ORDER BY school_urn, id`,
        [today],
      ),
    ];
    return { codes: codes.rows, responses: responses.rows };
  },

  /** Records that a round's codes were removed, or its raw responses purged, today. */
  async retained(urn: string, id: string, what: 'codes' | 'responses', today: string) {
    await q.query(
      what === 'codes'
        ? 'UPDATE rounds SET codes_removed_on = $3 WHERE school_urn = $1 AND id = $2 AND codes_removed_on IS NULL'
        : 'UPDATE rounds SET responses_purged_on = $3 WHERE school_urn = $1 AND id = $2 AND responses_purged_on IS NULL',
      [urn, id, today],
    );
  },

  /** Locks a closed round (closed → locked); undefined when it was not closed. */
  async lock(urn: string, id: string, today: string): Promise<RoundRow | undefined> {
    return (
      await q.query<RoundRow>(
        `UPDATE rounds SET state = 'locked', locked_on = $3, closed_on = coalesce(closed_on, closes_on)
          WHERE school_urn = $1 AND id = $2 AND (state = 'closed' OR (state = 'open' AND closes_on < $3))
          RETURNING ${COLUMNS}`,
        [urn, id, today],
      )
    ).rows[0];
  },
});
