/**
 * Tenancy's tables (migration 023): local authorities, trusts, schools in a scope, staff accounts
 * of an organisation, programme years and enrolments. Every query that lists schools takes a
 * `Scope` (domain/scope.ts) and puts it in its WHERE clause: no list of schools is read unscoped.
 */
import type { Queryable } from '../db.js';
import type { Role } from '../context.js';
import { scopeCondition, type StaffScope as Scope } from '../domain/scope.js';

/** A school as its LA or trust sees it: where it sits, and its own data. */
export interface AreaSchoolRow {
  urn: string;
  name: string;
  phase: string;
  local_authority: string;
  la_name: string;
  trust_id: string | null;
  trust_name: string | null;
  number_on_roll: number | null;
  send_percent: number | null;
  fsm_percent: number | null;
}

const SCHOOL_COLUMNS = `s.urn, s.name, s.phase, s.local_authority, la.name AS la_name, s.trust_id,
  t.name AS trust_name, s.number_on_roll, s.send_percent::float8 AS send_percent,
  s.fsm_percent::float8 AS fsm_percent`;
const SCHOOL_FROM = `schools s JOIN local_authorities la ON la.code = s.local_authority
  LEFT JOIN trusts t ON t.id = s.trust_id`;

export interface ProgrammeYearRow {
  id: string;
  starts_on: string;
  ends_on: string;
}

export interface StaffRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  la_code: string | null;
  trust_id: string | null;
  school_urn: string | null;
  school_name: string | null;
  deactivated_on: string | null;
  created_on: string;
  /** Invited and not yet signed up (no password chosen). */
  invited: boolean;
}

export const tenancyRepo = (q: Queryable) => ({
  /** The schools in a scope, by name. */
  async schools(scope: Scope): Promise<AreaSchoolRow[]> {
    const { sql, param } = scopeCondition(scope, 's', 1);
    return (
      await q.query<AreaSchoolRow>(
        `SELECT ${SCHOOL_COLUMNS} FROM ${SCHOOL_FROM} WHERE ${sql} ORDER BY s.name, s.urn`,
        [param],
      )
    ).rows;
  },

  /** One school, when it is in the scope; undefined when it is not (or does not exist). */
  async school(scope: Scope, urn: string): Promise<AreaSchoolRow | undefined> {
    const { sql, param } = scopeCondition(scope, 's', 2);
    return (
      await q.query<AreaSchoolRow>(
        `SELECT ${SCHOOL_COLUMNS} FROM ${SCHOOL_FROM} WHERE s.urn = $1 AND ${sql}`,
        [urn, param],
      )
    ).rows[0];
  },

  /** The organisation's name: the LA's, the trust's, or the school's. */
  async name(scope: Scope): Promise<string | undefined> {
    const [sql, param] =
      scope.kind === 'local-authority'
        ? ['SELECT name FROM local_authorities WHERE code = $1', scope.la]
        : scope.kind === 'trust'
          ? ['SELECT name FROM trusts WHERE id = $1', scope.trust]
          : ['SELECT name FROM schools WHERE urn = $1', scope.school];
    return (await q.query<{ name: string }>(sql, [param])).rows[0]?.name;
  },

  /** Every programme year a round or an enrolment is in, newest first. */
  async programmeYears(): Promise<ProgrammeYearRow[]> {
    return (
      await q.query<ProgrammeYearRow>(
        `SELECT id, starts_on::text AS starts_on, ends_on::text AS ends_on FROM programme_years
          ORDER BY id DESC`,
      )
    ).rows;
  },

  /** Makes sure a programme year exists (its dates follow from its id). */
  async ensureProgrammeYear(id: string): Promise<void> {
    await q.query('SELECT ensure_programme_year($1)', [id]);
  },

  /** The schools of a scope enrolled in a programme year, with the day each was enrolled. */
  async enrolments(scope: Scope, year: string): Promise<Map<string, string>> {
    const { sql, param } = scopeCondition(scope, 's', 2);
    const r = await q.query<{ school_urn: string; enrolled_on: string }>(
      `SELECT e.school_urn, e.enrolled_on::text AS enrolled_on
         FROM enrolments e JOIN schools s ON s.urn = e.school_urn
        WHERE e.programme_year = $1 AND ${sql}`,
      [year, param],
    );
    return new Map(r.rows.map((x) => [x.school_urn, x.enrolled_on]));
  },

  /** Enrols a school in a programme year; false when it already was. */
  async enrol(year: string, urn: string, today: string, by: string): Promise<boolean> {
    const r = await q.query(
      `INSERT INTO enrolments (programme_year, school_urn, enrolled_on, enrolled_by)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [year, urn, today, by],
    );
    return r.rows.length > 0;
  },

  /**
   * Registers a school in the scope, or updates its census figures when it is already there;
   * 'foreign' when its URN belongs to a school outside the scope (row-level security hides that
   * row, so it is found by the conflict alone).
   */
  async putSchool(
    scope: Scope,
    s: {
      urn: string;
      name: string;
      phase: string;
      localAuthority: string;
      trustId: string | null;
      numberOnRoll: number;
      sendPercent: number | null;
      fsmPercent: number | null;
    },
  ): Promise<'created' | 'updated' | 'foreign'> {
    const inserted = await q.query(
      `INSERT INTO schools (urn, trust_id, name, phase, local_authority, number_on_roll, send_percent, fsm_percent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING 1`,
      [
        s.urn,
        s.trustId,
        s.name,
        s.phase,
        s.localAuthority,
        s.numberOnRoll,
        s.sendPercent,
        s.fsmPercent,
      ],
    );
    if (inserted.rows.length) return 'created';
    const { sql, param } = scopeCondition(scope, 's', 5);
    const updated = await q.query(
      `UPDATE schools s SET number_on_roll = $2, send_percent = coalesce($3, s.send_percent),
              fsm_percent = coalesce($4, s.fsm_percent)
        WHERE s.urn = $1 AND ${sql} RETURNING 1`,
      [s.urn, s.numberOnRoll, s.sendPercent, s.fsmPercent, param],
    );
    return updated.rows.length ? 'updated' : 'foreign';
  },

  /** The staff accounts of a scope: its own (LA or trust staff) and its schools' leads. */
  async staff(scope: Scope): Promise<StaffRow[]> {
    const { sql, param } = scopeCondition(scope, 's', 1);
    const own =
      scope.kind === 'local-authority'
        ? 'u.la_code = $1'
        : scope.kind === 'trust'
          ? "u.trust_id = $1 AND u.role = 'trust-admin'"
          : 'FALSE';
    return (
      await q.query<StaffRow>(
        `SELECT u.id::text AS id, u.email, u.display_name, u.role, u.la_code, u.trust_id,
                u.school_urn, s.name AS school_name, u.deactivated_on::text AS deactivated_on,
                (u.created_at AT TIME ZONE 'UTC')::date::text AS created_on,
                u.password_hash = 'invited' AS invited
           FROM users u LEFT JOIN schools s ON s.urn = u.school_urn
          WHERE (${own}) OR (u.school_urn IS NOT NULL AND ${sql})
          ORDER BY u.deactivated_on IS NOT NULL, u.role, s.name NULLS FIRST, u.display_name`,
        [param],
      )
    ).rows;
  },
});
export type TenancyRepo = ReturnType<typeof tenancyRepo>;

/** A round of a programme year as the tracker reads it. */
export interface YearRoundRow {
  school_urn: string;
  id: string;
  wave: 'baseline' | 'end';
  opens_on: string;
  closes_on: string;
  state: 'open' | 'closed' | 'locked';
  closed_on: string | null;
  locked_on: string | null;
  responses: number;
}

/** An audit or action plan of a programme year: when it last changed, and the plan's progress. */
export interface YearDocumentRow {
  school_urn: string;
  round_id: string;
  kind: 'audit' | 'plan';
  updated_on: string;
  objectives: number;
  last_review_on: string | null;
}

/** Everything the tracker reads for the schools of a scope in one programme year. */
export const trackerRepo = (q: Queryable) => ({
  async rounds(scope: Scope, year: string): Promise<YearRoundRow[]> {
    const { sql, param } = scopeCondition(scope, 's', 2);
    return (
      await q.query<YearRoundRow>(
        `SELECT r.school_urn, r.id, r.wave, r.opens_on::text AS opens_on,
                r.closes_on::text AS closes_on, r.state, r.closed_on::text AS closed_on,
                r.locked_on::text AS locked_on,
                coalesce(
                  (SELECT x.responses FROM summary_snapshots x
                    WHERE x.school_urn = r.school_urn AND x.round_id = r.id AND x.final),
                  (SELECT count(*) FROM responses x
                    WHERE x.school_urn = r.school_urn AND x.round_id = r.id))::int AS responses
           FROM rounds r JOIN schools s ON s.urn = r.school_urn
          WHERE r.programme_year = $1 AND ${sql}
          ORDER BY r.school_urn, r.opens_on, r.id`,
        [year, param],
      )
    ).rows;
  },

  async documents(scope: Scope, year: string): Promise<YearDocumentRow[]> {
    const { sql, param } = scopeCondition(scope, 's', 2);
    return (
      await q.query<YearDocumentRow>(
        `SELECT a.school_urn, a.round_id, 'audit' AS kind,
                (a.updated_at AT TIME ZONE 'UTC')::date::text AS updated_on,
                0 AS objectives, NULL AS last_review_on
           FROM audits a JOIN rounds r ON r.school_urn = a.school_urn AND r.id = a.round_id
           JOIN schools s ON s.urn = a.school_urn
          WHERE r.programme_year = $1 AND ${sql}
         UNION ALL
         SELECT p.school_urn, p.round_id, 'plan' AS kind,
                (p.updated_at AT TIME ZONE 'UTC')::date::text AS updated_on,
                coalesce(jsonb_array_length(p.body -> 'objectives'), 0) AS objectives,
                (SELECT max(v ->> 'date') FROM jsonb_array_elements(
                   CASE WHEN jsonb_typeof(p.body -> 'reviews') = 'array' THEN p.body -> 'reviews'
                        ELSE '[]'::jsonb END) AS v) AS last_review_on
           FROM action_plans p JOIN rounds r ON r.school_urn = p.school_urn AND r.id = p.round_id
           JOIN schools s ON s.urn = p.school_urn
          WHERE r.programme_year = $1 AND ${sql}`,
        [year, param],
      )
    ).rows;
  },

  /**
   * The last day each school's own staff did anything logged within the programme year (the
   * portal's housekeeping and the LA's or trust's actions are not the school's activity).
   */
  async lastLogged(scope: Scope, year: string): Promise<Map<string, string>> {
    const { sql, param } = scopeCondition(scope, 's', 2);
    const r = await q.query<{ school_urn: string; on: string }>(
      `SELECT l.school_urn, (max(l.at) AT TIME ZONE 'UTC')::date::text AS on
         FROM audit_log l JOIN schools s ON s.urn = l.school_urn
         JOIN programme_years y ON y.id = $1
        WHERE (l.at AT TIME ZONE 'UTC')::date BETWEEN y.starts_on AND y.ends_on
          AND l.actor_role = 'school-lead' AND ${sql}
        GROUP BY l.school_urn`,
      [year, param],
    );
    return new Map(r.rows.map((x) => [x.school_urn, x.on]));
  },
});
