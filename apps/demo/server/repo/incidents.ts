/**
 * Incident records, the staff who may see them, and termly returns (migration 040). Every statement
 * names the school; row-level security holds the same line underneath (incidents are visible in a
 * school's own scope only, returns to its trust and LA too).
 */
import type {
  Allegation,
  IncidentDetails,
  IncidentStatus,
  TermlyFigures,
} from '@all-together/model';
import type { Queryable } from '../db.js';

export interface IncidentRow {
  id: string;
  school_urn: string;
  status: IncidentStatus;
  occurred_on: string;
  allegation: Allegation;
  details: IncidentDetails | null;
  decided_on: string | null;
  recorded_on: string;
  updated_on: string;
}

export interface ReturnRow {
  school_urn: string;
  term: string;
  figures: TermlyFigures;
  submitted_on: string;
}

const COLUMNS = `id, school_urn, status, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, allegation,
  details, to_char(decided_on, 'YYYY-MM-DD') AS decided_on, to_char(recorded_on, 'YYYY-MM-DD') AS recorded_on,
  to_char(updated_on, 'YYYY-MM-DD') AS updated_on`;

export const incidentsRepo = (q: Queryable) => ({
  /** Whether this member of staff holds `permission` for this school. */
  async permitted(userId: string, urn: string, permission: 'incidents'): Promise<boolean> {
    const r = await q.query(
      'SELECT 1 FROM staff_permissions WHERE user_id = $1 AND school_urn = $2 AND permission = $3',
      [userId, urn, permission],
    );
    return r.rows.length > 0;
  },

  async grant(userId: string, urn: string, today: string, by: string | null): Promise<void> {
    await q.query(
      `INSERT INTO staff_permissions (user_id, school_urn, permission, granted_on, granted_by)
       VALUES ($1, $2, 'incidents', $3, $4) ON CONFLICT DO NOTHING`,
      [userId, urn, today, by],
    );
  },

  async list(urn: string, from?: string, to?: string): Promise<IncidentRow[]> {
    const r = await q.query<IncidentRow>(
      `SELECT ${COLUMNS} FROM incidents WHERE school_urn = $1
         AND ($2::date IS NULL OR occurred_on >= $2::date) AND ($3::date IS NULL OR occurred_on <= $3::date)
       ORDER BY occurred_on DESC, recorded_on DESC, id`,
      [urn, from ?? null, to ?? null],
    );
    return r.rows;
  },

  async get(urn: string, id: string): Promise<IncidentRow | undefined> {
    const r = await q.query<IncidentRow>(
      `SELECT ${COLUMNS} FROM incidents WHERE school_urn = $1 AND id = $2`,
      [urn, id],
    );
    return r.rows[0];
  },

  /** Records an allegation; false when the id exists already (a retried save). */
  async insert(
    urn: string,
    id: string,
    allegation: Allegation,
    today: string,
    by: string,
  ): Promise<boolean> {
    const r = await q.query(
      `INSERT INTO incidents (id, school_urn, status, occurred_on, allegation, recorded_on, updated_on, recorded_by)
       VALUES ($1, $2, 'allegation', $3, $4, $5, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [id, urn, allegation.occurredOn, JSON.stringify(allegation), today, by],
    );
    return r.rowCount > 0;
  },

  async update(
    urn: string,
    id: string,
    o: {
      allegation: Allegation;
      status: IncidentStatus;
      details: IncidentDetails | null;
      decidedOn: string | null;
      today: string;
    },
  ): Promise<boolean> {
    const r = await q.query(
      `UPDATE incidents SET allegation = $3, occurred_on = $4, status = $5, details = $6,
         decided_on = $7, updated_on = $8 WHERE school_urn = $1 AND id = $2`,
      [
        urn,
        id,
        JSON.stringify(o.allegation),
        o.allegation.occurredOn,
        o.status,
        o.details ? JSON.stringify(o.details) : null,
        o.decidedOn,
        o.today,
      ],
    );
    return r.rowCount > 0;
  },

  async retentionYears(urn: string): Promise<number> {
    const r = await q.query<{ retention_years: number }>(
      'SELECT retention_years FROM incident_settings WHERE school_urn = $1',
      [urn],
    );
    return r.rows[0]?.retention_years ?? 6;
  },

  async setRetentionYears(urn: string, years: number): Promise<void> {
    await q.query(
      `INSERT INTO incident_settings (school_urn, retention_years) VALUES ($1, $2)
       ON CONFLICT (school_urn) DO UPDATE SET retention_years = EXCLUDED.retention_years`,
      [urn, years],
    );
  },

  /** Deletes incidents older than each school's retention (as the system); returns stay. */
  async purgeExpired(today: string): Promise<number> {
    const r = await q.query(
      `DELETE FROM incidents i WHERE i.occurred_on < $1::date - make_interval(years =>
         coalesce((SELECT s.retention_years FROM incident_settings s WHERE s.school_urn = i.school_urn), 6))`,
      [today],
    );
    return r.rowCount;
  },

  async returnOf(urn: string, term: string): Promise<ReturnRow | undefined> {
    const r = await q.query<ReturnRow>(
      `SELECT school_urn, term, figures, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on
         FROM incident_returns WHERE school_urn = $1 AND term = $2`,
      [urn, term],
    );
    return r.rows[0];
  },

  /** Every submitted return of these schools (the caller's scope decides which it may see). */
  async returns(urns: readonly string[]): Promise<ReturnRow[]> {
    const r = await q.query<ReturnRow>(
      `SELECT school_urn, term, figures, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on
         FROM incident_returns WHERE school_urn = ANY($1::text[]) ORDER BY term, school_urn`,
      [urns],
    );
    return r.rows;
  },

  /** Stores a submitted return and its exact counts; false when one was submitted already. */
  async submit(
    urn: string,
    term: string,
    figures: TermlyFigures,
    counts: Record<string, number>,
    today: string,
    by: string,
  ): Promise<boolean> {
    const r = await q.query(
      `INSERT INTO incident_returns (school_urn, term, figures, submitted_on, submitted_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [urn, term, JSON.stringify(figures), today, by],
    );
    if (r.rowCount === 0) return false;
    await q.query(
      'INSERT INTO incident_return_counts (school_urn, term, counts) VALUES ($1, $2, $3)',
      [urn, term, JSON.stringify(counts)],
    );
    return true;
  },

  /** The exact counts behind submitted returns: for the area computation, in the system scope. */
  async submittedCounts(
    urns: readonly string[],
  ): Promise<{ school_urn: string; term: string; counts: Record<string, number> }[]> {
    const r = await q.query<{ school_urn: string; term: string; counts: Record<string, number> }>(
      'SELECT school_urn, term, counts FROM incident_return_counts WHERE school_urn = ANY($1::text[])',
      [urns],
    );
    return r.rows;
  },
});
