/** Trusts' schools. */
import type { Queryable } from '../db.js';

export interface SchoolRow {
  urn: string;
  name: string;
  phase: string;
  trust_id: string;
  local_authority: string;
}

export const schoolsRepo = (q: Queryable) => ({
  async get(urn: string): Promise<SchoolRow | undefined> {
    return (await q.query<SchoolRow>('SELECT * FROM schools WHERE urn = $1', [urn])).rows[0];
  },
  async ofTrust(trustId: string): Promise<SchoolRow[]> {
    return (
      await q.query<SchoolRow>('SELECT * FROM schools WHERE trust_id = $1 ORDER BY name', [trustId])
    ).rows;
  },
});
