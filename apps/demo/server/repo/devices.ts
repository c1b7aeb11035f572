/**
 * Browsers that signed in to an account (migration 021): only the SHA-256 of a random token the
 * browser keeps in a cookie. Sign-in failures from such a browser are counted apart from everyone
 * else's, so an outsider's guesses cannot lock the account's owner out (docs/decisions/0044).
 */
import type { Queryable } from '../db.js';

export const devicesRepo = (q: Queryable) => ({
  /** Whether this browser has signed in to the account with this e-mail address before. */
  async known(tokenHash: string, email: string): Promise<boolean> {
    const r = await q.query(
      `SELECT 1 FROM login_devices d JOIN users u ON u.id = d.user_id
        WHERE d.token_hash = $1 AND u.email = $2`,
      [tokenHash, email],
    );
    return r.rows.length > 0;
  },
  async remember(tokenHash: string, userId: string, nowMs: number): Promise<void> {
    await q.query(
      `INSERT INTO login_devices (token_hash, user_id, created_ms, last_ms) VALUES ($1, $2, $3, $3)
       ON CONFLICT (token_hash, user_id) DO UPDATE SET last_ms = EXCLUDED.last_ms`,
      [tokenHash, userId, nowMs],
    );
  },
  /** Forgets browsers not seen for `ms`; returns how many. */
  async purge(beforeMs: number): Promise<number> {
    return (await q.query('DELETE FROM login_devices WHERE last_ms < $1', [beforeMs])).rowCount;
  },
});
