/**
 * Stored pupil responses, read for summaries only (P3: no column orders them, and they come back in
 * the order of their random ids, never in the order they were stored).
 */
import type { QuestionnaireResponse } from '@all-together/model';
import type { Queryable } from '../db.js';

export const responsesRepo = (q: Queryable) => ({
  async count(urn: string, round: string): Promise<number> {
    const r = await q.query<{ n: string | number }>(
      'SELECT count(*) AS n FROM responses WHERE school_urn = $1 AND round_id = $2',
      [urn, round],
    );
    return Number(r.rows[0]?.n ?? 0);
  },
  async bodies(urn: string, round: string): Promise<QuestionnaireResponse[]> {
    const r = await q.query<{ body: QuestionnaireResponse }>(
      'SELECT body FROM responses WHERE school_urn = $1 AND round_id = $2 ORDER BY id',
      [urn, round],
    );
    return r.rows.map((x) => x.body);
  },
  /** Deletes a round's raw responses (retention); returns how many. */
  async purge(urn: string, round: string): Promise<number> {
    return (
      await q.query('DELETE FROM responses WHERE school_urn = $1 AND round_id = $2', [urn, round])
    ).rowCount;
  },
});
