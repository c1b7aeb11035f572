/** Results snapshots (D5): one per school and round. */
import type { PupilSummary } from '@all-together/scoring';
import type { Queryable } from '../db.js';

export interface SnapshotRow {
  responses: number;
  final: boolean;
  summary: PupilSummary;
}

export const snapshotsRepo = (q: Queryable) => ({
  async get(urn: string, round: string): Promise<SnapshotRow | undefined> {
    return (
      await q.query<SnapshotRow>(
        'SELECT responses, final, summary FROM summary_snapshots WHERE school_urn = $1 AND round_id = $2',
        [urn, round],
      )
    ).rows[0];
  },
  async put(urn: string, round: string, s: SnapshotRow): Promise<void> {
    await q.query(
      `INSERT INTO summary_snapshots (school_urn, round_id, responses, final, summary)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (school_urn, round_id) DO UPDATE
         SET responses = EXCLUDED.responses, final = EXCLUDED.final, summary = EXCLUDED.summary, computed_at = now()`,
      [urn, round, s.responses, s.final, JSON.stringify(s.summary)],
    );
  },
});
