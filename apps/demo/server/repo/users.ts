/** Staff accounts. */
import type { Queryable } from '../db.js';
import type { Role } from '../context.js';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  trust_id: string;
  school_urn: string | null;
  password_hash: string;
}

export const usersRepo = (q: Queryable) => ({
  async byEmail(email: string): Promise<UserRow | undefined> {
    return (await q.query<UserRow>('SELECT * FROM users WHERE email = $1', [email])).rows[0];
  },
  async byId(id: string): Promise<UserRow | undefined> {
    return (await q.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0];
  },
});
