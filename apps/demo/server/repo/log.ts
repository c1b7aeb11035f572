/**
 * The append-only audit log (docs/decisions/0012). Who (a user id; the name is read from the
 * account, so an erased account reads as a tombstone), when, what kind, where, and a small detail
 * object that never holds pupil content. The database refuses UPDATE, DELETE and TRUNCATE.
 */
import type { Queryable } from '../db.js';
import type { Role } from '../context.js';

/** Every kind of entry, so the pages can name each in words. */
export const LOG_KINDS = [
  'round.created',
  'round.closed',
  'round.locked',
  'code.issued',
  'code.revoked',
  'audit.saved',
  'plan.saved',
  'pupil.staff-browser',
  'retention.codes-removed',
  'retention.responses-purged',
  'account.unlocked',
  'school.enrolled',
  'window.opened',
  'account.invited',
  'account.deactivated',
  'account.activated',
  'end-survey.sent',
  'evidence.added',
  'evidence.removed',
  'moderation.submitted',
  'moderation.decided',
  'moderation.signed-off',
  'moderation.note',
  'moderation.interest',
  'award.renewal-reminder',
  'incident.recorded',
  'incident.updated',
  'incident.imported',
  'return.submitted',
  'records.imported',
  'tokens.issued',
  'retention.records-removed',
  'cpd.course-recorded',
  'cpd.session-recorded',
  'cpd.code-renewed',
  'perception.link-issued',
] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/** Detail values: short labels, ids and counts only. */
export type LogDetail = Record<string, string | number | boolean | null>;

export interface LogWrite {
  actor: { id: string; role: Role } | null;
  /** The trust the entry belongs to (a school's trust), if any. */
  trustId: string | null;
  /** The local authority it belongs to (a school's LA, or the LA that acted), if any. */
  laCode?: string | null;
  schoolUrn: string | null;
  roundId: string | null;
  kind: LogKind;
  detail?: LogDetail;
}

export interface LogRow {
  id: string;
  at: string;
  kind: LogKind;
  actor_id: string | null;
  actor_role: Role | null;
  actor_name: string | null;
  school_urn: string | null;
  school_name: string | null;
  round_id: string | null;
  detail: LogDetail;
}

export const logRepo = (q: Queryable) => ({
  async append(e: LogWrite): Promise<void> {
    await q.query(
      `INSERT INTO audit_log (actor_id, actor_role, trust_id, school_urn, round_id, kind, detail, la_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [
        e.actor?.id ?? null,
        e.actor?.role ?? null,
        e.trustId,
        e.schoolUrn,
        e.roundId,
        e.kind,
        JSON.stringify(e.detail ?? {}),
        e.laCode ?? null,
      ],
    );
  },

  /**
   * A trust's entries, an LA's (`laCode`: its own and those about its schools), or one school's
   * (`trustId` null: every entry about the school), newest first, `limit` at a time before an id.
   */
  async list(f: {
    trustId: string | null;
    laCode?: string | undefined;
    schoolUrn?: string | undefined;
    before?: number | undefined;
    limit: number;
  }): Promise<LogRow[]> {
    return (
      await q.query<LogRow>(
        `SELECT l.id::text AS id, to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at,
                l.kind, l.actor_id::text AS actor_id, l.actor_role, u.display_name AS actor_name,
                l.school_urn, s.name AS school_name, l.round_id, l.detail
           FROM audit_log l
           LEFT JOIN users u ON u.id = l.actor_id
           LEFT JOIN schools s ON s.urn = l.school_urn
          WHERE ($1::text IS NULL OR l.trust_id = $1) AND ($2::text IS NULL OR l.school_urn = $2)
            AND ($5::text IS NULL OR l.la_code = $5 OR s.local_authority = $5)
            AND ($1::text IS NOT NULL OR $2::text IS NOT NULL OR $5::text IS NOT NULL)
            AND ($3::bigint IS NULL OR l.id < $3)
          ORDER BY l.id DESC LIMIT $4`,
        [f.trustId, f.schoolUrn ?? null, f.before ?? null, f.limit, f.laCode ?? null],
      )
    ).rows;
  },
});
