/**
 * Class codes (S6): stored only as a SHA-256, listed and revoked by a random public id, with the
 * declared class size and the seats its pupils' responses have taken.
 */
import type { Queryable } from '../db.js';
import type { StoredState } from './rounds.js';

export interface CodeRow {
  id: string;
  school_urn: string;
  round_id: string;
  class_label: string;
  class_size: number;
  responses: number;
  definition_id: string;
  definition_version: string;
  issued_on: string;
  revoked_on: string | null;
  /** Linked mode: the class's pupils come in with their own tokens (migration 050). */
  linked: boolean;
}

/** A code as a pupil meets it: with its round's dates and state. */
export interface CodeForPupil extends CodeRow {
  opens_on: string;
  closes_on: string;
  state: StoredState;
}

const COLUMNS = `k.id::text AS id, k.school_urn, k.round_id, k.class_label, k.class_size, k.responses,
  k.definition_id, k.definition_version, (k.created_at AT TIME ZONE 'UTC')::date::text AS issued_on,
  k.revoked_on::text AS revoked_on, k.linked`;

export const codesRepo = (q: Queryable) => ({
  async insert(c: {
    codeHash: string;
    urn: string;
    round: string;
    classLabel: string;
    classSize: number;
    definitionId: string;
    definitionVersion: string;
    issuedBy: string;
    /** Linked mode: the class's pupils come in with their own tokens, never this code. */
    linked?: boolean;
  }): Promise<CodeRow> {
    return (
      await q.query<CodeRow>(
        `INSERT INTO class_codes AS k (code_hash, school_urn, round_id, class_label, class_size,
                                       definition_id, definition_version, issued_by, linked)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
        [
          c.codeHash,
          c.urn,
          c.round,
          c.classLabel,
          c.classSize,
          c.definitionId,
          c.definitionVersion,
          c.issuedBy,
          c.linked ?? false,
        ],
      )
    ).rows[0]!;
  },

  /** A round's codes, by class then by issue. */
  async list(urn: string, round: string): Promise<CodeRow[]> {
    return (
      await q.query<CodeRow>(
        `SELECT ${COLUMNS} FROM class_codes k WHERE k.school_urn = $1 AND k.round_id = $2
          ORDER BY lower(k.class_label), k.created_at`,
        [urn, round],
      )
    ).rows;
  },

  async forPupil(codeHash: string): Promise<CodeForPupil | undefined> {
    return (
      await q.query<CodeForPupil>(
        `SELECT ${COLUMNS}, r.opens_on::text AS opens_on, r.closes_on::text AS closes_on, r.state
           FROM class_codes k JOIN rounds r ON r.school_urn = k.school_urn AND r.id = k.round_id
          WHERE k.code_hash = $1`,
        [codeHash],
      )
    ).rows[0];
  },

  /**
   * Removes a round's class codes (P9, at close by default): each code's hash is replaced by a
   * marker that no code hashes to, and its pupil sessions lose their link to it. The rows stay, so
   * the lead still sees each class, its size and its count. Returns how many codes were removed.
   */
  async removeForRound(urn: string, round: string): Promise<number> {
    const r = await q.query(
      `UPDATE class_codes SET code_hash = 'removed:' || id::text
        WHERE school_urn = $1 AND round_id = $2 AND code_hash NOT LIKE 'removed:%'`,
      [urn, round],
    );
    await q.query(
      `UPDATE sessions SET code_hash = NULL
        WHERE kind = 'pupil' AND school_urn = $1 AND round_id = $2 AND code_hash IS NOT NULL`,
      [urn, round],
    );
    return r.rowCount;
  },

  /** Revokes a code of the school's round; undefined when there is no such code there. */
  async revoke(
    urn: string,
    round: string,
    id: string,
    today: string,
  ): Promise<{ code: CodeRow; changed: boolean } | undefined> {
    // A malformed id is simply not found (the column is a uuid).
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))
      return undefined;
    const changed = await q.query<CodeRow>(
      `UPDATE class_codes AS k SET revoked_on = $4
        WHERE k.school_urn = $1 AND k.round_id = $2 AND k.id = $3 AND k.revoked_on IS NULL
        RETURNING ${COLUMNS}`,
      [urn, round, id, today],
    );
    if (changed.rows[0]) return { code: changed.rows[0], changed: true };
    const existing = await q.query<CodeRow>(
      `SELECT ${COLUMNS} FROM class_codes k WHERE k.school_urn = $1 AND k.round_id = $2 AND k.id = $3`,
      [urn, round, id],
    );
    return existing.rows[0] ? { code: existing.rows[0], changed: false } : undefined;
  },
});
