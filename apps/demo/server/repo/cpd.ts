/**
 * CPD courses, sessions and delegates' answers (migration 028). Every statement runs under
 * row-level security: staff see their own organisation's rows only, a delegate's answer is written
 * in the session owner's scope after the session was found by its code's hash.
 */
import type { Queryable } from '../db.js';
import type { CpdAnswerRow, CpdOwner } from '../domain/cpd.js';

export interface CpdCourseRow {
  id: string;
  title: string;
  created_on: string;
}

export interface CpdSessionRow {
  id: string;
  course_id: string;
  held_on: string;
  trainer_role: string;
  audience: string;
  cascade_of: string | null;
}

/** A session as a delegate meets it, with its course's title and its owner. */
export interface CpdSessionForDelegate extends CpdSessionRow {
  course_title: string;
  la_code: string | null;
  trust_id: string | null;
  school_urn: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SESSION = `s.id::text AS id, s.course_id::text AS course_id, s.held_on::text AS held_on,
  s.trainer_role, s.audience, s.cascade_of::text AS cascade_of`;

export const cpdRepo = (q: Queryable) => ({
  async insertCourse(c: {
    id: string;
    owner: CpdOwner;
    title: string;
    on: string;
    by: string;
  }): Promise<CpdCourseRow> {
    return (
      await q.query<CpdCourseRow>(
        `INSERT INTO cpd_courses (id, la_code, trust_id, school_urn, title, created_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id::text AS id, title, created_on::text AS created_on`,
        [c.id, c.owner.la, c.owner.trust, c.owner.school, c.title, c.on, c.by],
      )
    ).rows[0]!;
  },

  /** The courses the scope may see (row-level security), newest first. */
  async courses(): Promise<CpdCourseRow[]> {
    return (
      await q.query<CpdCourseRow>(
        `SELECT id::text AS id, title, created_on::text AS created_on FROM cpd_courses
          ORDER BY created_on DESC, lower(title)`,
      )
    ).rows;
  },

  /** A course the scope may see, or undefined (another organisation's reads as none). */
  async course(id: string): Promise<(CpdCourseRow & CpdOwner) | undefined> {
    if (!UUID.test(id)) return undefined;
    return (
      await q.query<CpdCourseRow & CpdOwner>(
        `SELECT id::text AS id, title, created_on::text AS created_on, la_code AS la,
                trust_id AS trust, school_urn AS school
           FROM cpd_courses WHERE id = $1`,
        [id],
      )
    ).rows[0];
  },

  /** Every session the scope may see, by date. */
  async sessions(): Promise<CpdSessionRow[]> {
    return (
      await q.query<CpdSessionRow>(
        `SELECT ${SESSION} FROM cpd_sessions s ORDER BY s.held_on, s.created_on, s.id`,
      )
    ).rows;
  },

  async session(id: string): Promise<CpdSessionRow | undefined> {
    if (!UUID.test(id)) return undefined;
    return (
      await q.query<CpdSessionRow>(`SELECT ${SESSION} FROM cpd_sessions s WHERE s.id = $1`, [id])
    ).rows[0];
  },

  async insertSession(s: {
    id: string;
    course: string;
    owner: CpdOwner;
    heldOn: string;
    trainerRole: string;
    audience: string;
    cascadeOf: string | null;
    codeHash: string;
    on: string;
    by: string;
  }): Promise<CpdSessionRow> {
    return (
      await q.query<CpdSessionRow>(
        `INSERT INTO cpd_sessions AS s (id, course_id, la_code, trust_id, school_urn, held_on,
           trainer_role, audience, cascade_of, code_hash, created_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${SESSION}`,
        [
          s.id,
          s.course,
          s.owner.la,
          s.owner.trust,
          s.owner.school,
          s.heldOn,
          s.trainerRole,
          s.audience,
          s.cascadeOf,
          s.codeHash,
          s.on,
          s.by,
        ],
      )
    ).rows[0]!;
  },

  /** Gives a session a new code; the old one stops working. False when the scope cannot see it. */
  async renewCode(id: string, codeHash: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    return (
      (await q.query('UPDATE cpd_sessions SET code_hash = $2 WHERE id = $1', [id, codeHash]))
        .rowCount > 0
    );
  },

  /** The session a code opens (run as the system: nobody is known yet). */
  async forDelegate(codeHash: string): Promise<CpdSessionForDelegate | undefined> {
    return (
      await q.query<CpdSessionForDelegate>(
        `SELECT ${SESSION}, c.title AS course_title, s.la_code, s.trust_id, s.school_urn
           FROM cpd_sessions s JOIN cpd_courses c ON c.id = s.course_id
          WHERE s.code_hash = $1`,
        [codeHash],
      )
    ).rows[0];
  },

  /** The administrations a delegate's code has answered in a session (none: no such delegate). */
  async delegateTimepoints(session: string, delegateHash: string): Promise<string[]> {
    return (
      await q.query<{ timepoint: string }>(
        'SELECT timepoint FROM cpd_answers WHERE session_id = $1 AND delegate_hash = $2',
        [session, delegateHash],
      )
    ).rows.map((r) => r.timepoint);
  },

  /**
   * Stores one answer; false when it was there already (the same response id sent again, or the
   * delegate has answered this administration): nothing is overwritten.
   */
  async insertAnswer(a: {
    id: string;
    session: string;
    owner: CpdOwner;
    delegateHash: string;
    timepoint: string;
    setting: string | null;
    definition: { id: string; version: string };
    answers: Record<string, string | string[]>;
    on: string;
  }): Promise<boolean> {
    const r = await q.query(
      `INSERT INTO cpd_answers (id, session_id, la_code, trust_id, school_urn, delegate_hash,
         timepoint, setting, definition_id, definition_version, answers, submitted_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)
       ON CONFLICT DO NOTHING`,
      [
        a.id,
        a.session,
        a.owner.la,
        a.owner.trust,
        a.owner.school,
        a.delegateHash,
        a.timepoint,
        a.setting,
        a.definition.id,
        a.definition.version,
        JSON.stringify(a.answers),
        a.on,
      ],
    );
    return r.rowCount > 0;
  },

  /** Every answer the scope may see (for results, which publish them; never sent as rows). */
  async answers(): Promise<CpdAnswerRow[]> {
    return (
      await q.query<CpdAnswerRow>(
        `SELECT id::text AS id, session_id::text AS session_id, delegate_hash, timepoint, setting,
                definition_id, definition_version, answers, submitted_on::text AS submitted_on
           FROM cpd_answers`,
      )
    ).rows;
  },
});
