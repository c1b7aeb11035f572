/**
 * Staff and pupil sessions (S8). Only the SHA-256 of a session id is stored. A pupil session knows
 * its class code and whether it has sent its one response, never which response that was (P2).
 */
import type { Queryable } from '../db.js';
import type { Role } from '../context.js';

export interface StaffSessionRow {
  csrf_token: string;
  user_id: string;
  role: Role;
  trust_id: string;
  school_urn: string | null;
  email: string;
  display_name: string;
  last_seen_ms: number;
  expires_ms: number;
}

export interface PupilSessionRow {
  csrf_token: string;
  school_urn: string;
  round_id: string;
  code_hash: string;
  definition_id: string;
  definition_version: string;
  submitted: boolean;
}

export const sessionsRepo = (q: Queryable) => ({
  async staff(idHash: string): Promise<StaffSessionRow | undefined> {
    return (
      await q.query<StaffSessionRow>(
        `SELECT s.csrf_token, u.id AS user_id, u.role, u.trust_id, u.school_urn, u.email, u.display_name,
                (extract(epoch FROM s.last_seen_at) * 1000)::float8 AS last_seen_ms,
                (extract(epoch FROM s.expires_at) * 1000)::float8 AS expires_ms
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id_hash = $1 AND s.kind = 'staff'`,
        [idHash],
      )
    ).rows[0];
  },
  async touch(idHash: string, nowMs: number): Promise<void> {
    await q.query(
      'UPDATE sessions SET last_seen_at = to_timestamp($2 / 1000.0) WHERE id_hash = $1',
      [idHash, nowMs],
    );
  },
  async delete(idHash: string): Promise<void> {
    await q.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  },
  async createStaff(s: {
    idHash: string;
    userId: string;
    csrf: string;
    nowMs: number;
    expiresMs: number;
  }): Promise<void> {
    await q.query(
      `INSERT INTO sessions (id_hash, kind, user_id, csrf_token, created_at, last_seen_at, expires_at)
       VALUES ($1, 'staff', $2, $3, to_timestamp($4 / 1000.0), to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0))`,
      [s.idHash, s.userId, s.csrf, s.nowMs, s.expiresMs],
    );
  },
  async pupil(idHash: string, nowMs: number): Promise<PupilSessionRow | undefined> {
    return (
      await q.query<PupilSessionRow>(
        `SELECT s.csrf_token, s.school_urn, s.round_id, s.code_hash, s.submitted,
                k.definition_id, k.definition_version
           FROM sessions s JOIN class_codes k ON k.code_hash = s.code_hash
          WHERE s.id_hash = $1 AND s.kind = 'pupil' AND s.expires_at > to_timestamp($2 / 1000.0)`,
        [idHash, nowMs],
      )
    ).rows[0];
  },
  async createPupil(s: {
    idHash: string;
    schoolUrn: string;
    roundId: string;
    codeHash: string;
    csrf: string;
    expiresMs: number;
  }): Promise<void> {
    await q.query(
      `INSERT INTO sessions (id_hash, kind, school_urn, round_id, code_hash, csrf_token, expires_at)
       VALUES ($1, 'pupil', $2, $3, $4, $5, to_timestamp($6 / 1000.0))`,
      [s.idHash, s.schoolUrn, s.roundId, s.codeHash, s.csrf, s.expiresMs],
    );
  },
});
