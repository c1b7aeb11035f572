/**
 * The evidence portfolio, submissions for moderation, decisions, visit notes and awards (migration
 * 030; docs/decisions/0045). Every statement runs in the caller's scope (row-level security): a
 * school lead's school, a moderator's LA or trust.
 */
import { randomUUID } from 'node:crypto';
import type { AwardLevel, EvidenceKind } from '@all-together/model';
import type { Queryable } from '../db.js';

export interface EvidenceRow {
  id: string;
  school_urn: string;
  programme_year: string;
  area: string | null;
  action_id: string | null;
  kind: EvidenceKind;
  description: string;
  evidenced_on: string;
  url: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  file_sha256: string | null;
  created_at: string;
}

const EVIDENCE = `id, school_urn, programme_year, area, action_id, kind, description,
  evidenced_on::text AS evidenced_on, url, file_name, file_type, file_size, file_sha256,
  created_at::text AS created_at`;

export type ModerationState = 'submitted' | 'more-evidence' | 'awaiting-sign-off' | 'decided';
export type Outcome = 'confirm' | 'change-level' | 'participation' | 'more-evidence';

export interface ModerationRow {
  id: string;
  school_urn: string;
  programme_year: string;
  baseline_round: string;
  end_round: string;
  recommended_level: AwardLevel;
  level_if_judged: AwardLevel;
  state: ModerationState;
  submitted_at: string;
}

export interface DecisionRow {
  id: string;
  moderation_id: string;
  school_urn: string;
  outcome: Outcome;
  level: AwardLevel | null;
  reasons: string;
  decided_by: string;
  decided_by_name: string | null;
  decided_at: string;
  sign_off_required: boolean;
  signed_off_by: string | null;
  signed_off_by_name: string | null;
  signed_off_at: string | null;
  sign_off_reasons: string | null;
}

export interface NoteRow {
  id: string;
  visited_on: string;
  note: string;
  written_by_name: string | null;
  written_at: string;
}

export interface AwardRow {
  id: string;
  school_urn: string;
  school_name: string;
  programme_year: string;
  level: AwardLevel;
  awarded_on: string;
  expires_on: string | null;
  awarding_body: string;
  reminded_on: string | null;
  /** The school's LA and trust: a reminder about it belongs to both. */
  local_authority: string | null;
  trust_id: string | null;
}

const MODERATION = `id, school_urn, programme_year, baseline_round, end_round, recommended_level,
  level_if_judged, state, submitted_at::text AS submitted_at`;
const DECISION = `d.id, d.moderation_id, d.school_urn, d.outcome, d.level, d.reasons, d.decided_by,
  a.display_name AS decided_by_name, to_char(d.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS decided_at, d.sign_off_required,
  d.signed_off_by, b.display_name AS signed_off_by_name, to_char(d.signed_off_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS signed_off_at,
  d.sign_off_reasons`;
const AWARD = `w.id, w.school_urn, s.name AS school_name, w.programme_year, w.level,
  w.awarded_on::text AS awarded_on, w.expires_on::text AS expires_on, w.awarding_body,
  w.reminded_on::text AS reminded_on, s.local_authority, s.trust_id`;

export const moderationRepo = (q: Queryable) => ({
  // ── the portfolio ──
  async evidence(urn: string, year: string): Promise<EvidenceRow[]> {
    return (
      await q.query<EvidenceRow>(
        `SELECT ${EVIDENCE} FROM evidence_items WHERE school_urn = $1 AND programme_year = $2
          ORDER BY evidenced_on DESC, created_at DESC, id`,
        [urn, year],
      )
    ).rows;
  },

  async evidenceFile(
    urn: string,
    id: string,
  ): Promise<{ file_name: string; file: Buffer; file_sha256: string } | undefined> {
    const row = (
      await q.query<{ file_name: string; file: Uint8Array; file_sha256: string }>(
        `SELECT file_name, file, file_sha256 FROM evidence_items
          WHERE school_urn = $1 AND id = $2 AND file IS NOT NULL`,
        [urn, id],
      )
    ).rows[0];
    return row ? { ...row, file: Buffer.from(row.file) } : undefined;
  },

  async addEvidence(e: {
    urn: string;
    year: string;
    area: string | null;
    actionId: string | null;
    kind: EvidenceKind;
    description: string;
    on: string;
    url: string | null;
    file: { name: string; mime: string; size: number; sha256: string; bytes: Buffer } | null;
    by: string;
  }): Promise<EvidenceRow> {
    return (
      await q.query<EvidenceRow>(
        `INSERT INTO evidence_items (id, school_urn, programme_year, area, action_id, kind,
           description, evidenced_on, url, file_name, file_type, file_size, file_sha256, file, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         RETURNING ${EVIDENCE}`,
        [
          randomUUID(),
          e.urn,
          e.year,
          e.area,
          e.actionId,
          e.kind,
          e.description,
          e.on,
          e.url,
          e.file?.name ?? null,
          e.file?.mime ?? null,
          e.file?.size ?? null,
          e.file?.sha256 ?? null,
          e.file?.bytes ?? null,
          e.by,
        ],
      )
    ).rows[0]!;
  },

  async removeEvidence(urn: string, id: string): Promise<boolean> {
    return (
      (await q.query('DELETE FROM evidence_items WHERE school_urn = $1 AND id = $2', [urn, id]))
        .rowCount > 0
    );
  },

  // ── moderation ──
  async get(urn: string, year: string): Promise<ModerationRow | undefined> {
    return (
      await q.query<ModerationRow>(
        `SELECT ${MODERATION} FROM moderations WHERE school_urn = $1 AND programme_year = $2`,
        [urn, year],
      )
    ).rows[0];
  },

  /** The school's latest submission (of any year). */
  async latest(urn: string): Promise<ModerationRow | undefined> {
    return (
      await q.query<ModerationRow>(
        `SELECT ${MODERATION} FROM moderations WHERE school_urn = $1
          ORDER BY programme_year DESC LIMIT 1`,
        [urn],
      )
    ).rows[0];
  },

  /** Submissions in the caller's scope, oldest waiting first. */
  async queue(): Promise<(ModerationRow & { school_name: string })[]> {
    return (
      await q.query<ModerationRow & { school_name: string }>(
        `SELECT m.id, m.school_urn, m.programme_year, m.baseline_round, m.end_round,
                m.recommended_level, m.level_if_judged, m.state, m.submitted_at::text AS submitted_at,
                s.name AS school_name
           FROM moderations m JOIN schools s ON s.urn = m.school_urn
          ORDER BY (m.state = 'decided'), m.submitted_at, m.school_urn`,
      )
    ).rows;
  },

  async submit(m: {
    urn: string;
    year: string;
    baseline: string;
    end: string;
    level: AwardLevel;
    levelIfJudged: AwardLevel;
    by: string;
  }): Promise<ModerationRow | undefined> {
    return (
      await q.query<ModerationRow>(
        `INSERT INTO moderations (id, school_urn, programme_year, baseline_round, end_round,
           recommended_level, level_if_judged, state, submitted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'submitted', $8)
         ON CONFLICT (school_urn, programme_year) DO NOTHING RETURNING ${MODERATION}`,
        [randomUUID(), m.urn, m.year, m.baseline, m.end, m.level, m.levelIfJudged, m.by],
      )
    ).rows[0];
  },

  /** Moves a submission from one state to another; undefined when it was not in `from`. */
  async setState(
    id: string,
    from: readonly ModerationState[],
    to: ModerationState,
  ): Promise<ModerationRow | undefined> {
    return (
      await q.query<ModerationRow>(
        `UPDATE moderations SET state = $3 WHERE id = $1 AND state = ANY($2) RETURNING ${MODERATION}`,
        [id, from, to],
      )
    ).rows[0];
  },

  async decisions(moderationId: string): Promise<DecisionRow[]> {
    return (
      await q.query<DecisionRow>(
        `SELECT ${DECISION} FROM moderation_decisions d
           LEFT JOIN users a ON a.id = d.decided_by LEFT JOIN users b ON b.id = d.signed_off_by
          WHERE d.moderation_id = $1 ORDER BY d.decided_at, d.id`,
        [moderationId],
      )
    ).rows;
  },

  async decide(d: {
    moderationId: string;
    urn: string;
    outcome: Outcome;
    level: AwardLevel | null;
    reasons: string;
    by: string;
    signOff: boolean;
  }): Promise<string> {
    const id = randomUUID();
    await q.query(
      `INSERT INTO moderation_decisions (id, moderation_id, school_urn, outcome, level, reasons,
         decided_by, sign_off_required) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, d.moderationId, d.urn, d.outcome, d.level, d.reasons, d.by, d.signOff],
    );
    return id;
  },

  async signOff(decisionId: string, by: string, reasons: string): Promise<boolean> {
    return (
      (
        await q.query(
          `UPDATE moderation_decisions SET signed_off_by = $2, signed_off_at = now(), sign_off_reasons = $3
            WHERE id = $1 AND sign_off_required AND signed_off_by IS NULL AND decided_by <> $2`,
          [decisionId, by, reasons],
        )
      ).rowCount > 0
    );
  },

  async notes(moderationId: string): Promise<NoteRow[]> {
    return (
      await q.query<NoteRow>(
        `SELECT n.id, n.visited_on::text AS visited_on, n.note, u.display_name AS written_by_name,
                n.written_at::text AS written_at
           FROM moderation_notes n LEFT JOIN users u ON u.id = n.written_by
          WHERE n.moderation_id = $1 ORDER BY n.visited_on, n.written_at`,
        [moderationId],
      )
    ).rows;
  },

  async addNote(n: {
    moderationId: string;
    urn: string;
    on: string;
    note: string;
    by: string;
  }): Promise<void> {
    await q.query(
      `INSERT INTO moderation_notes (id, moderation_id, school_urn, visited_on, note, written_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [randomUUID(), n.moderationId, n.urn, n.on, n.note, n.by],
    );
  },

  /** Records that a moderator leads or works at a school (once; never taken back by them). */
  async declareInterest(userId: string, urn: string): Promise<boolean> {
    const r = await q.query(
      'INSERT INTO moderator_interests (user_id, school_urn) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [userId, urn],
    );
    return (r.rowCount ?? 0) > 0;
  },

  /** The schools a moderator has declared an interest in. */
  async interests(userId: string): Promise<string[]> {
    return (
      await q.query<{ school_urn: string }>(
        'SELECT school_urn FROM moderator_interests WHERE user_id = $1 ORDER BY school_urn',
        [userId],
      )
    ).rows.map((r) => r.school_urn);
  },

  /** Whether this moderator has a declared interest in the school (they lead or work there). */
  async interested(userId: string, urn: string): Promise<boolean> {
    return (
      (
        await q.query('SELECT 1 FROM moderator_interests WHERE user_id = $1 AND school_urn = $2', [
          userId,
          urn,
        ])
      ).rows.length > 0
    );
  },

  // ── awards ──
  async award(a: {
    urn: string;
    decisionId: string;
    year: string;
    level: AwardLevel;
    on: string;
    expires: string | null;
    body: string;
  }): Promise<void> {
    await q.query(
      `INSERT INTO awards (id, school_urn, decision_id, programme_year, level, awarded_on, expires_on, awarding_body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [randomUUID(), a.urn, a.decisionId, a.year, a.level, a.on, a.expires, a.body],
    );
  },

  /** Awards in the caller's scope (one school's, when `urn` is given), newest first. */
  async awards(urn?: string): Promise<AwardRow[]> {
    return (
      await q.query<AwardRow>(
        `SELECT ${AWARD} FROM awards w JOIN schools s ON s.urn = w.school_urn
          WHERE ($1::text IS NULL OR w.school_urn = $1)
          ORDER BY w.awarded_on DESC, s.name`,
        [urn ?? null],
      )
    ).rows;
  },

  /** Awards expiring on or before `by` whose renewal reminder has not gone yet. */
  async dueForRenewal(by: string): Promise<AwardRow[]> {
    return (
      await q.query<AwardRow>(
        `SELECT ${AWARD} FROM awards w JOIN schools s ON s.urn = w.school_urn
          WHERE w.expires_on IS NOT NULL AND w.expires_on <= $1 AND w.reminded_on IS NULL
            -- Only a school's latest award is renewed.
            AND NOT EXISTS (SELECT 1 FROM awards x WHERE x.school_urn = w.school_urn
                              AND x.awarded_on > w.awarded_on)
          ORDER BY w.expires_on, s.name`,
        [by],
      )
    ).rows;
  },

  async reminded(id: string, on: string): Promise<void> {
    await q.query('UPDATE awards SET reminded_on = $2 WHERE id = $1', [id, on]);
  },
});
export type ModerationRepo = ReturnType<typeof moderationRepo>;
