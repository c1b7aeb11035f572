/** Staff accounts. */
import type { Queryable } from '../db.js';
import type { Role } from '../context.js';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  trust_id: string | null;
  la_code: string | null;
  school_urn: string | null;
  password_hash: string;
}

export const usersRepo = (q: Queryable) => ({
  /** An active account by e-mail: a deactivated one cannot sign in (it reads as unknown). */
  async byEmail(email: string): Promise<UserRow | undefined> {
    return (
      await q.query<UserRow>('SELECT * FROM users WHERE email = $1 AND deactivated_on IS NULL', [
        email,
      ])
    ).rows[0];
  },
  async byId(id: string): Promise<UserRow | undefined> {
    return (await q.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0];
  },
});
