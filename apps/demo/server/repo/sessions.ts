/**
 * Staff and pupil sessions (S8). Only the SHA-256 of a session id is stored. A pupil session knows
 * its class code and whether it has sent its one response, never which response that was (P2).
 */
import type { PupilCharacteristics } from '@all-together/model';
import type { Queryable } from '../db.js';
import type { Role } from '../context.js';

export interface StaffSessionRow {
  csrf_token: string;
  user_id: string;
  role: Role;
  trust_id: string | null;
  la_code: string | null;
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
  /** Removed once the session has stored its response, and when its round's codes are removed. */
  code_hash: string | null;
  definition_id: string;
  definition_version: string;
  submitted: boolean;
  /** Linked mode: the pupil's token until the response is stored (P2). */
  token_hash: string | null;
  /** Linked mode: what the records gave, copied when the token was typed (no reference). */
  characteristics: PupilCharacteristics | null;
}

export const sessionsRepo = (q: Queryable) => ({
  async staff(idHash: string): Promise<StaffSessionRow | undefined> {
    return (
      await q.query<StaffSessionRow>(
        `SELECT s.csrf_token, u.id AS user_id, u.role, coalesce(u.trust_id, sc.trust_id) AS trust_id,
                u.la_code, u.school_urn, u.email, u.display_name,
                (extract(epoch FROM s.last_seen_at) * 1000)::float8 AS last_seen_ms,
                (extract(epoch FROM s.expires_at) * 1000)::float8 AS expires_ms
           FROM sessions s JOIN users u ON u.id = s.user_id
           LEFT JOIN schools sc ON sc.urn = u.school_urn
          WHERE s.id_hash = $1 AND s.kind = 'staff' AND u.deactivated_on IS NULL`,
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
    // The session's own questionnaire (sessions made before migration 022: its code's).
    return (
      await q.query<PupilSessionRow>(
        `SELECT s.csrf_token, s.school_urn, s.round_id, s.code_hash, s.submitted, s.token_hash,
                s.characteristics,
                coalesce(s.definition_id, k.definition_id) AS definition_id,
                coalesce(s.definition_version, k.definition_version) AS definition_version
           FROM sessions s LEFT JOIN class_codes k ON k.code_hash = s.code_hash
          WHERE s.id_hash = $1 AND s.kind = 'pupil' AND s.expires_at > to_timestamp($2 / 1000.0)
            AND coalesce(s.definition_id, k.definition_id) IS NOT NULL`,
        [idHash, nowMs],
      )
    ).rows[0];
  },
  /**
   * A pupil session. Its times are coarse (P3): created and last seen on its day (midnight UTC),
   * expiring on a quarter-hour, so no column orders the pupils of a class.
   */
  async createPupil(s: {
    idHash: string;
    schoolUrn: string;
    roundId: string;
    codeHash: string;
    csrf: string;
    expiresMs: number;
    /** The portal's time now (its day is all that is kept). */
    nowMs?: number;
    definitionId?: string;
    definitionVersion?: string;
    tokenHash?: string;
    characteristics?: PupilCharacteristics;
  }): Promise<void> {
    const quarter = 15 * 60_000;
    const expires = Math.ceil(s.expiresMs / quarter) * quarter;
    const day = Math.floor((s.nowMs ?? Date.now()) / 86_400_000) * 86_400_000;
    await q.query(
      `INSERT INTO sessions (id_hash, kind, school_urn, round_id, code_hash, csrf_token, expires_at,
                             created_at, last_seen_at, definition_id, definition_version,
                             token_hash, characteristics)
       VALUES ($1, 'pupil', $2, $3, $4, $5, to_timestamp($6 / 1000.0), to_timestamp($7 / 1000.0),
               to_timestamp($7 / 1000.0), $8, $9, $10, $11::jsonb)`,
      [
        s.idHash,
        s.schoolUrn,
        s.roundId,
        s.codeHash,
        s.csrf,
        expires,
        day,
        s.definitionId ?? null,
        s.definitionVersion ?? null,
        s.tokenHash ?? null,
        s.characteristics ? JSON.stringify(s.characteristics) : null,
      ],
    );
  },
  /** Expired sessions, staff and pupil; returns how many were removed. */
  async purgeExpired(nowMs: number): Promise<number> {
    return (
      await q.query('DELETE FROM sessions WHERE expires_at <= to_timestamp($1 / 1000.0)', [nowMs])
    ).rowCount;
  },
});
