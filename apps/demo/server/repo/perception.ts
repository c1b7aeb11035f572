/**
 * The 360° perception surveys (migration 026): one code per audience and round, stored only as a
 * SHA-256; adults' anonymous answers; and the snapshots the lead's view is published from (D5).
 */
import type { Queryable } from '../db.js';
import type { StoredState } from './rounds.js';

/** The adult audiences the portal collects perception surveys from. */
export const PERCEPTION_AUDIENCES = ['staff', 'parent-carer', 'governor'] as const;
export type PerceptionAudience = (typeof PERCEPTION_AUDIENCES)[number];

export interface PerceptionCodeRow {
  id: string;
  school_urn: string;
  round_id: string;
  audience: PerceptionAudience;
  definition_id: string;
  definition_version: string;
  invited: number;
  responses: number;
  issued_on: string;
  revoked_on: string | null;
}

/** A code as an adult meets it: with its round's wave, dates and state, and its school's name. */
export interface PerceptionCodeForAdult extends PerceptionCodeRow {
  wave: 'baseline' | 'end';
  opens_on: string;
  closes_on: string;
  state: StoredState;
  school_name: string;
  trust_id: string | null;
}

export interface PerceptionSnapshotRow {
  audience: PerceptionAudience;
  people: number;
  final: boolean;
  summary: unknown;
}

const COLUMNS = `k.id::text AS id, k.school_urn, k.round_id, k.audience, k.definition_id,
  k.definition_version, k.invited, k.responses, (k.created_at AT TIME ZONE 'UTC')::date::text AS issued_on,
  k.revoked_on::text AS revoked_on`;

export const perceptionRepo = (q: Queryable) => ({
  async insertCode(c: {
    codeHash: string;
    urn: string;
    round: string;
    audience: PerceptionAudience;
    definitionId: string;
    definitionVersion: string;
    invited: number;
    issuedBy: string;
  }): Promise<PerceptionCodeRow> {
    return (
      await q.query<PerceptionCodeRow>(
        `INSERT INTO perception_codes AS k (code_hash, school_urn, round_id, audience, definition_id,
                                            definition_version, invited, issued_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [
          c.codeHash,
          c.urn,
          c.round,
          c.audience,
          c.definitionId,
          c.definitionVersion,
          c.invited,
          c.issuedBy,
        ],
      )
    ).rows[0]!;
  },

  /** A round's codes, by audience then by issue. */
  async codes(urn: string, round: string): Promise<PerceptionCodeRow[]> {
    return (
      await q.query<PerceptionCodeRow>(
        `SELECT ${COLUMNS} FROM perception_codes k WHERE k.school_urn = $1 AND k.round_id = $2
          ORDER BY k.audience, k.created_at`,
        [urn, round],
      )
    ).rows;
  },

  /** Revokes the live codes of one audience in a round (a new link replaces the old). */
  async revokeAudience(
    urn: string,
    round: string,
    audience: PerceptionAudience,
    today: string,
  ): Promise<number> {
    return (
      await q.query(
        `UPDATE perception_codes SET revoked_on = $4
          WHERE school_urn = $1 AND round_id = $2 AND audience = $3 AND revoked_on IS NULL`,
        [urn, round, audience, today],
      )
    ).rowCount;
  },

  async forAdult(codeHash: string): Promise<PerceptionCodeForAdult | undefined> {
    return (
      await q.query<PerceptionCodeForAdult>(
        `SELECT ${COLUMNS}, r.wave, r.opens_on::text AS opens_on, r.closes_on::text AS closes_on,
                r.state, s.name AS school_name, s.trust_id
           FROM perception_codes k
           JOIN rounds r ON r.school_urn = k.school_urn AND r.id = k.round_id
           JOIN schools s ON s.urn = k.school_urn
          WHERE k.code_hash = $1`,
        [codeHash],
      )
    ).rows[0];
  },

  /**
   * Stores one adult's answers, if the code still has a seat: the round row is held FOR SHARE (a
   * close waits for this insert, so the final snapshot includes it) and the seat is taken in the
   * same transaction. Returns what happened.
   */
  async submit(r: {
    id: string;
    codeHash: string;
    urn: string;
    round: string;
    audience: PerceptionAudience;
    definitionId: string;
    definitionVersion: string;
    bodyHash: string;
    body: unknown;
    on: string;
  }): Promise<'created' | 'replayed' | 'conflict' | 'closed' | 'full'> {
    const before = (
      await q.query<{ body_hash: string; school_urn: string }>(
        'SELECT body_hash, school_urn FROM perception_responses WHERE id = $1',
        [r.id],
      )
    ).rows[0];
    if (before)
      return before.body_hash === r.bodyHash && before.school_urn === r.urn
        ? 'replayed'
        : 'conflict';
    const round = (
      await q.query<{ state: string; opens_on: string; closes_on: string }>(
        `SELECT state, opens_on::text AS opens_on, closes_on::text AS closes_on
           FROM rounds WHERE school_urn = $1 AND id = $2 FOR SHARE`,
        [r.urn, r.round],
      )
    ).rows[0];
    if (!round || round.state !== 'open' || r.on < round.opens_on || r.on > round.closes_on)
      return 'closed';
    const seat = await q.query(
      `UPDATE perception_codes SET responses = responses + 1
        WHERE code_hash = $1 AND revoked_on IS NULL AND responses < invited RETURNING 1`,
      [r.codeHash],
    );
    if (seat.rows.length === 0) return 'full';
    const inserted = await q.query(
      `INSERT INTO perception_responses (id, school_urn, round_id, audience, definition_id,
                                         definition_version, body_hash, body, submitted_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::date) ON CONFLICT (id) DO NOTHING RETURNING 1`,
      [
        r.id,
        r.urn,
        r.round,
        r.audience,
        r.definitionId,
        r.definitionVersion,
        r.bodyHash,
        JSON.stringify(r.body),
        r.on,
      ],
    );
    // The same id stored meanwhile by a concurrent retry: this one is a replay (its seat is
    // given back by the caller's rollback).
    if (inserted.rows.length === 0) throw new PerceptionRace();
    return 'created';
  },

  /** How many people of each audience have answered a round. */
  async counts(urn: string, round: string): Promise<Map<PerceptionAudience, number>> {
    const rows = (
      await q.query<{ audience: PerceptionAudience; n: string }>(
        `SELECT audience, count(*) AS n FROM perception_responses
          WHERE school_urn = $1 AND round_id = $2 GROUP BY audience`,
        [urn, round],
      )
    ).rows;
    return new Map(rows.map((r) => [r.audience, Number(r.n)]));
  },

  /** One audience's stored answers in a round, with the definition version each answered. */
  async bodies(
    urn: string,
    round: string,
    audience: PerceptionAudience,
  ): Promise<{ definition_id: string; definition_version: string; body: unknown }[]> {
    return (
      await q.query<{ definition_id: string; definition_version: string; body: unknown }>(
        `SELECT definition_id, definition_version, body FROM perception_responses
          WHERE school_urn = $1 AND round_id = $2 AND audience = $3 ORDER BY id`,
        [urn, round, audience],
      )
    ).rows;
  },

  async snapshots(urn: string, round: string): Promise<PerceptionSnapshotRow[]> {
    return (
      await q.query<PerceptionSnapshotRow>(
        `SELECT audience, people, final, summary FROM perception_snapshots
          WHERE school_urn = $1 AND round_id = $2`,
        [urn, round],
      )
    ).rows;
  },

  async putSnapshot(urn: string, round: string, s: PerceptionSnapshotRow): Promise<void> {
    await q.query(
      `INSERT INTO perception_snapshots (school_urn, round_id, audience, people, final, summary)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (school_urn, round_id, audience) DO UPDATE
         SET people = EXCLUDED.people, final = EXCLUDED.final, summary = EXCLUDED.summary,
             computed_at = now()`,
      [urn, round, s.audience, s.people, s.final, JSON.stringify(s.summary)],
    );
  },

  /** Removes a closed round's codes (P9): their hashes go, the rows stay for the lead's list. */
  async removeCodes(urn: string, round: string): Promise<number> {
    return (
      await q.query(
        `UPDATE perception_codes SET code_hash = 'removed:' || id::text
          WHERE school_urn = $1 AND round_id = $2 AND code_hash NOT LIKE 'removed:%'`,
        [urn, round],
      )
    ).rowCount;
  },

  /** Purges a round's raw answers (P9); its final snapshots stay. */
  async purge(urn: string, round: string): Promise<number> {
    return (
      await q.query('DELETE FROM perception_responses WHERE school_urn = $1 AND round_id = $2', [
        urn,
        round,
      ])
    ).rowCount;
  },
});

/** Two submissions of one response id raced: the later is retried as a replay. */
export class PerceptionRace extends Error {
  constructor() {
    super('The same response was stored by another request at the same moment.');
    this.name = 'PerceptionRace';
  }
}
