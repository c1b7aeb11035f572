/** The school's audit and action plan: one JSON document per school and round. */
import type { Queryable } from '../db.js';

type Table = 'audits' | 'action_plans';

const doc = (q: Queryable, table: Table) => ({
  async get(urn: string, round: string): Promise<unknown> {
    const r = await q.query<{ body: unknown }>(
      `SELECT body FROM ${table} WHERE school_urn = $1 AND round_id = $2`,
      [urn, round],
    );
    return r.rows[0]?.body;
  },
  async save(urn: string, round: string, body: unknown): Promise<void> {
    await q.query(
      `INSERT INTO ${table} (school_urn, round_id, body) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (school_urn, round_id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()`,
      [urn, round, JSON.stringify(body)],
    );
  },
});

export const documentsRepo = (q: Queryable) => ({
  audits: doc(q, 'audits'),
  plans: doc(q, 'action_plans'),
});
