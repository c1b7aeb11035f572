/**
 * Staff accounts an LA or trust administrator manages (migration 024): invitations with a one-time
 * link, deactivation, and the outbox of messages to staff. Every statement runs in the caller's
 * scope (row-level security); accepting an invitation runs in the system scope, found by the
 * link's hash alone.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db.js';
import type { Role } from '../context.js';

/** An invited account's password hash until its owner chooses one: it never verifies. */
export const INVITED = 'invited';

export interface InvitationRow {
  user_id: string;
  email: string;
  display_name: string;
  role: Role;
  la_code: string | null;
  trust_id: string | null;
  school_urn: string | null;
  expired: boolean;
  used: boolean;
}

export interface OutboxRow {
  id: string;
  created_at: string;
  kind: 'invitation' | 'reminder';
  to_email: string;
  subject: string;
  body: string;
  school_urn: string | null;
  sent_at: string | null;
  failure: string | null;
}

export interface NewMessage {
  kind: 'invitation' | 'reminder';
  to: string;
  subject: string;
  body: string;
  laCode: string | null;
  trustId: string | null;
  schoolUrn: string | null;
  /** Who queued it; null for the portal itself (the scheduled maintenance). */
  by: string | null;
}

export const accountsRepo = (q: Queryable) => ({
  /** A new account awaiting its invitation; undefined when the e-mail address is taken. */
  async create(u: {
    email: string;
    name: string;
    role: Role;
    laCode: string | null;
    trustId: string | null;
    schoolUrn: string | null;
    by: string;
  }): Promise<string | undefined> {
    const id = randomUUID();
    const r = await q.query(
      `INSERT INTO users (id, email, display_name, role, trust_id, la_code, school_urn, password_hash, invited_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (email) DO NOTHING RETURNING 1`,
      [id, u.email, u.name, u.role, u.trustId, u.laCode, u.schoolUrn, INVITED, u.by],
    );
    return r.rows.length ? id : undefined;
  },

  async invite(userId: string, tokenHash: string, expiresMs: number): Promise<void> {
    await q.query(
      'INSERT INTO invitations (token_hash, user_id, expires_at) VALUES ($1, $2, to_timestamp($3 / 1000.0))',
      [tokenHash, userId, expiresMs],
    );
  },

  /** The invitation a link's hash names (system scope). */
  async invitation(tokenHash: string, nowMs: number): Promise<InvitationRow | undefined> {
    return (
      await q.query<InvitationRow>(
        `SELECT i.user_id::text AS user_id, u.email, u.display_name, u.role, u.la_code,
                coalesce(u.trust_id, s.trust_id) AS trust_id, u.school_urn,
                i.expires_at < to_timestamp($2 / 1000.0) AS expired, i.used_at IS NOT NULL AS used
           FROM invitations i JOIN users u ON u.id = i.user_id
           LEFT JOIN schools s ON s.urn = u.school_urn
          WHERE i.token_hash = $1 AND u.deactivated_on IS NULL`,
        [tokenHash, nowMs],
      )
    ).rows[0];
  },

  /** Uses an invitation once: sets the account's password; false when it was used or expired. */
  async accept(tokenHash: string, passwordHash: string, nowMs: number): Promise<boolean> {
    const used = await q.query<{ user_id: string }>(
      `UPDATE invitations SET used_at = to_timestamp($2 / 1000.0)
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at >= to_timestamp($2 / 1000.0)
        RETURNING user_id::text AS user_id`,
      [tokenHash, nowMs],
    );
    const user = used.rows[0]?.user_id;
    if (!user) return false;
    await q.query('UPDATE users SET password_hash = $2 WHERE id = $1 AND deactivated_on IS NULL', [
      user,
      passwordHash,
    ]);
    return true;
  },

  /** Deactivates an account the caller can see; its sessions end. False when not found. */
  async deactivate(userId: string, today: string): Promise<boolean> {
    const r = await q.query(
      'UPDATE users SET deactivated_on = $2 WHERE id = $1 AND deactivated_on IS NULL RETURNING 1',
      [userId, today],
    );
    if (!r.rows.length) return false;
    await q.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    return true;
  },

  /** The active accounts of school leads at each school (for reminders). */
  async leads(
    urns: readonly string[],
  ): Promise<{ school_urn: string; email: string; display_name: string }[]> {
    return (
      await q.query<{ school_urn: string; email: string; display_name: string }>(
        `SELECT school_urn, email, display_name FROM users
          WHERE role = 'school-lead' AND deactivated_on IS NULL AND password_hash <> $2
            AND school_urn = ANY($1) ORDER BY school_urn, email`,
        [urns, INVITED],
      )
    ).rows;
  },

  async queue(m: NewMessage): Promise<string> {
    const id = randomUUID();
    await q.query(
      `INSERT INTO outbox (id, created_by, kind, to_email, subject, body, la_code, trust_id, school_urn)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, m.by, m.kind, m.to, m.subject, m.body, m.laCode, m.trustId, m.schoolUrn],
    );
    return id;
  },

  /** The outbox as its area sees it, newest first. */
  async outbox(limit = 200): Promise<OutboxRow[]> {
    return (
      await q.query<OutboxRow>(
        `SELECT id::text AS id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
                kind, to_email, subject, body, school_urn,
                to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS sent_at, failure
           FROM outbox ORDER BY created_at DESC, id LIMIT $1`,
        [limit],
      )
    ).rows;
  },

  /** Messages not yet sent, oldest first. */
  async unsent(limit = 100): Promise<OutboxRow[]> {
    return (
      await q.query<OutboxRow>(
        `SELECT id::text AS id, created_at::text AS created_at, kind, to_email, subject, body,
                school_urn, NULL AS sent_at, failure
           FROM outbox WHERE sent_at IS NULL ORDER BY created_at, id LIMIT $1`,
        [limit],
      )
    ).rows;
  },

  async sent(id: string, failure: string | null): Promise<void> {
    await q.query(
      failure
        ? 'UPDATE outbox SET failure = $2 WHERE id = $1'
        : 'UPDATE outbox SET sent_at = now(), failure = NULL WHERE id = $1',
      failure ? [id, failure] : [id],
    );
  },
});
export type AccountsRepo = ReturnType<typeof accountsRepo>;
