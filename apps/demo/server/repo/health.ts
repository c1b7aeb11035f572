/** The health check's canary (migration 021) and the tables it reads. */
import type { Queryable } from '../db.js';

export const healthRepo = (q: Queryable) => ({
  /** Writes this server's canary row one beat on; returns the beat written. */
  async beat(serverId: string, nowMs: number): Promise<number> {
    const r = await q.query<{ beats: string | number }>(
      `INSERT INTO health_canary (server_id, beats, beat_ms) VALUES ($1, 1, $2)
       ON CONFLICT (server_id) DO UPDATE SET beats = health_canary.beats + 1, beat_ms = EXCLUDED.beat_ms
       RETURNING beats`,
      [serverId, nowMs],
    );
    return Number(r.rows[0]!.beats);
  },
  async read(serverId: string): Promise<number | undefined> {
    const r = await q.query<{ beats: string | number }>(
      'SELECT beats FROM health_canary WHERE server_id = $1',
      [serverId],
    );
    return r.rows[0] ? Number(r.rows[0].beats) : undefined;
  },
  async purge(beforeMs: number): Promise<number> {
    return (await q.query('DELETE FROM health_canary WHERE beat_ms < $1', [beforeMs])).rowCount;
  },
  /** Reads a table's first row: its file is there and its first page can be read. */
  async probe(table: string): Promise<void> {
    await q.query(`SELECT 1 FROM "${table.replace(/"/g, '""')}" LIMIT 1`);
  },
  /** The portal's tables (this schema's), for the health and integrity checks. */
  async tables(): Promise<string[]> {
    return (
      await q.query<{ t: string }>(
        `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
      )
    ).rows.map((r) => r.t);
  },
});
