/**
 * Linked mode's tables (migration 050): a round's class list from the school's records, and one
 * single-use token per pupil, stored only as its SHA-256. At submission the token is used and its
 * reference cleared in the same transaction that stores the response (repo/submissions.ts), so no
 * row links a response to a pupil (P2).
 */
import type { Queryable } from '../db.js';
import type { PupilRecord } from '../domain/pupil-records.js';

/** A class of a round's list: how many pupils, and whether its tokens are issued. */
export interface ClassRow {
  class_label: string;
  pupils: number;
  issued: boolean;
}

/** What a token admits: its class's code row and the pupil's characteristics (not the reference). */
export interface TokenForPupil {
  code_hash: string;
  school_urn: string;
  round_id: string;
  used: boolean;
  record: Omit<PupilRecord, 'reference' | 'classLabel'> | null;
}

const FIELDS = [
  ['reference', 'reference'],
  ['classLabel', 'class_label'],
  ['yearGroup', 'year_group'],
  ['sex', 'sex'],
  ['sen', 'sen'],
  ['fsm', 'fsm'],
  ['eal', 'eal'],
  ['ethnicity', 'ethnicity'],
  ['lookedAfter', 'looked_after'],
  ['youngCarer', 'young_carer'],
] as const;

export const pupilRecordsRepo = (q: Queryable) => ({
  /**
   * Replaces a round's class list with these pupils: the same file imported again leaves the same
   * rows. The caller runs it in a transaction (nothing is half-imported).
   */
  async replace(urn: string, round: string, pupils: readonly PupilRecord[]): Promise<void> {
    await q.query('DELETE FROM pupil_records WHERE school_urn = $1 AND round_id = $2', [
      urn,
      round,
    ]);
    // In slices, so one statement never carries more parameters than PostgreSQL allows.
    for (let i = 0; i < pupils.length; i += 500) {
      const slice = pupils.slice(i, i + 500);
      const values: string[] = [];
      const params: string[] = [urn, round];
      for (const p of slice) {
        const at = params.length;
        values.push(`($1, $2, ${FIELDS.map((_, j) => `$${at + j + 1}`).join(', ')})`);
        for (const [field] of FIELDS) params.push(p[field]);
      }
      await q.query(
        `INSERT INTO pupil_records (school_urn, round_id, ${FIELDS.map(([, c]) => c).join(', ')})
         VALUES ${values.join(', ')}`,
        params,
      );
    }
  },

  /** The round's classes, by name, with their pupils and whether their tokens are issued. */
  async classes(urn: string, round: string): Promise<ClassRow[]> {
    return (
      await q.query<ClassRow>(
        `SELECT r.class_label, count(*)::int AS pupils,
                EXISTS (SELECT 1 FROM class_codes k
                         WHERE k.school_urn = r.school_urn AND k.round_id = r.round_id
                           AND k.linked AND k.class_label = r.class_label
                           AND k.revoked_on IS NULL) AS issued
           FROM pupil_records r WHERE r.school_urn = $1 AND r.round_id = $2
          GROUP BY r.school_urn, r.round_id, r.class_label ORDER BY lower(r.class_label)`,
        [urn, round],
      )
    ).rows;
  },

  /** The references of a class, in order (only the school's own staff ever see them). */
  async referencesOf(urn: string, round: string, classLabel: string): Promise<string[]> {
    return (
      await q.query<{ reference: string }>(
        `SELECT reference FROM pupil_records
          WHERE school_urn = $1 AND round_id = $2 AND class_label = $3 ORDER BY reference`,
        [urn, round, classLabel],
      )
    ).rows.map((r) => r.reference);
  },

  /** The year groups a class's records give (not-known ones left out). */
  async yearGroupsOf(urn: string, round: string, classLabel: string): Promise<string[]> {
    return (
      await q.query<{ year_group: string }>(
        `SELECT DISTINCT year_group FROM pupil_records
          WHERE school_urn = $1 AND round_id = $2 AND class_label = $3 AND year_group IS NOT NULL
          ORDER BY year_group`,
        [urn, round, classLabel],
      )
    ).rows.map((r) => r.year_group);
  },

  /** Whether any token of the round is issued (a class list is then fixed). */
  async anyIssued(urn: string, round: string): Promise<boolean> {
    return (
      (
        await q.query(
          'SELECT 1 FROM pupil_tokens WHERE school_urn = $1 AND round_id = $2 LIMIT 1',
          [urn, round],
        )
      ).rows.length > 0
    );
  },

  async insertTokens(
    urn: string,
    round: string,
    codeHash: string,
    tokens: readonly { tokenHash: string; reference: string }[],
  ): Promise<void> {
    for (const t of tokens)
      await q.query(
        `INSERT INTO pupil_tokens (token_hash, school_urn, round_id, code_hash, reference)
         VALUES ($1, $2, $3, $4, $5)`,
        [t.tokenHash, urn, round, codeHash, t.reference],
      );
  },

  /** A token as a pupil types it: its class code and the record it gives (none once used). */
  async forPupil(tokenHash: string): Promise<TokenForPupil | undefined> {
    const row = (
      await q.query<
        Omit<TokenForPupil, 'record'> & {
          year_group: string | null;
          sex: string;
          sen: string;
          fsm: string;
          eal: string;
          ethnicity: string;
          looked_after: string;
          young_carer: string;
        }
      >(
        `SELECT t.code_hash, t.school_urn, t.round_id, t.used, r.year_group, r.sex, r.sen, r.fsm,
                r.eal, r.ethnicity, r.looked_after, r.young_carer
           FROM pupil_tokens t
           LEFT JOIN pupil_records r ON r.school_urn = t.school_urn AND r.round_id = t.round_id
                                    AND r.reference = t.reference
          WHERE t.token_hash = $1`,
        [tokenHash],
      )
    ).rows[0];
    if (!row) return undefined;
    const { code_hash, school_urn, round_id, used } = row;
    return {
      code_hash,
      school_urn,
      round_id,
      used,
      record: row.year_group
        ? ({
            yearGroup: row.year_group,
            sex: row.sex,
            sen: row.sen,
            fsm: row.fsm,
            eal: row.eal,
            ethnicity: row.ethnicity,
            lookedAfter: row.looked_after,
            youngCarer: row.young_carer,
          } as TokenForPupil['record'])
        : null,
    };
  },

  /**
   * Removes a round's class list and tokens (P9: with its class codes, at close by default), so
   * no reference outlives the round. Returns how many pupils' records went.
   */
  async removeForRound(urn: string, round: string): Promise<number> {
    await q.query('DELETE FROM pupil_tokens WHERE school_urn = $1 AND round_id = $2', [urn, round]);
    await q.query(
      `UPDATE sessions SET token_hash = NULL
        WHERE kind = 'pupil' AND school_urn = $1 AND round_id = $2 AND token_hash IS NOT NULL`,
      [urn, round],
    );
    return (
      await q.query('DELETE FROM pupil_records WHERE school_urn = $1 AND round_id = $2', [
        urn,
        round,
      ])
    ).rowCount;
  },
});
