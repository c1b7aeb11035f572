/** Schools. Which of them a member of staff may see is decided by `domain/scope.ts`. */
import type { Queryable } from '../db.js';

export interface SchoolRow {
  urn: string;
  name: string;
  phase: string;
  /** Null for a school in no trust (a maintained school). */
  trust_id: string | null;
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
