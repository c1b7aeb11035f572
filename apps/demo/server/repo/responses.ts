/** Stored pupil responses, read for summaries only (P3: no column orders them). */
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
      'SELECT body FROM responses WHERE school_urn = $1 AND round_id = $2',
      [urn, round],
    );
    return r.rows.map((x) => x.body);
  },
});
