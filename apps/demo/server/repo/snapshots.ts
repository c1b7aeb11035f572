/**
 * Results snapshots (D5): one per school and round, holding the round's summaries, one per set of
 * comparable questionnaires (KS1 apart from KS2 and secondary). A snapshot stored in an older shape
 * reads as none, so it is computed again from the round's responses.
 */
import { z } from 'zod';
import { PupilSummary } from '@all-together/model';
import type { Queryable } from '../db.js';

export interface SnapshotRow {
  responses: number;
  final: boolean;
  summaries: PupilSummary[];
}

const Stored = z.array(PupilSummary);

export const snapshotsRepo = (q: Queryable) => ({
  async get(urn: string, round: string): Promise<SnapshotRow | undefined> {
    const row = (
      await q.query<{ responses: number; final: boolean; summary: unknown }>(
        'SELECT responses, final, summary FROM summary_snapshots WHERE school_urn = $1 AND round_id = $2',
        [urn, round],
      )
    ).rows[0];
    if (!row) return undefined;
    const parsed = Stored.safeParse(row.summary);
    return parsed.success
      ? { responses: row.responses, final: row.final, summaries: parsed.data }
      : undefined;
  },
  async put(urn: string, round: string, s: SnapshotRow): Promise<void> {
    await q.query(
      `INSERT INTO summary_snapshots (school_urn, round_id, responses, final, summary)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (school_urn, round_id) DO UPDATE
         SET responses = EXCLUDED.responses, final = EXCLUDED.final, summary = EXCLUDED.summary, computed_at = now()`,
      [urn, round, s.responses, s.final, JSON.stringify(s.summaries)],
    );
  },
});
