/**
 * The state servers share (docs/decisions/0042): attempt counters for throttles and rate limits, and
 * the pupil-session cache. On PostgreSQL they live in the database, so any number of stateless
 * servers behind a proxy count the same attempts and see the same sessions; on PGlite (one process
 * owns the database) they may live in memory, behind the same interfaces.
 */
import type { Db, Queryable } from './db.js';

/**
 * How many attempts a key may make, and how long it waits after that: the first `limit` attempts
 * in a row go through; then each further one waits `baseMs × 2^(n − limit)` (at most `maxMs`) after
 * the one before. A key forgets its attempts `windowMs` after its last one.
 */
export interface LimitRule {
  limit: number;
  windowMs: number;
  baseMs: number;
  maxMs: number;
}

/** An attempt counted (`allowed`), or refused with the seconds to wait. */
export interface Attempt {
  allowed: boolean;
  /** Attempts counted in the key's window, this one included when allowed. */
  count: number;
  /** Whole seconds until the key may try again (0 when allowed). */
  retryAfter: number;
}

/** The wait after `count` attempts (0 while under the limit). */
export const waitAfter = (rule: LimitRule, count: number): number =>
  count < rule.limit ? 0 : Math.min(rule.maxMs, rule.baseMs * 2 ** (count - rule.limit));

const refused = (rule: LimitRule, count: number, lastMs: number, now: number): Attempt => ({
  allowed: false,
  count,
  retryAfter: Math.max(1, Math.ceil((lastMs + waitAfter(rule, count) - now) / 1000)),
});

/** Attempt counters shared by every server of one portal. */
export interface LimitStore {
  /**
   * Counts one attempt for `key` unless it must wait; atomic, so attempts made at the same moment
   * (on any server) are each counted once and never all let through.
   */
  attempt(key: string, rule: LimitRule, now: number): Promise<Attempt>;
  /** Takes back one counted attempt (it turned out not to be a failure). */
  undo(key: string): Promise<void>;
  /** Forgets `key` alone. */
  forget(key: string): Promise<void>;
  /** Forgets `key` and every key under it (`key:…`); returns how many were forgotten. */
  clear(key: string): Promise<number>;
  /** Drops counters whose window has passed. */
  purge(now: number): Promise<number>;
}

/** Counters in this process's memory: PGlite, one server. */
export class MemoryLimits implements LimitStore {
  private readonly counters = new Map<
    string,
    { count: number; lastMs: number; expiresMs: number }
  >();

  async attempt(key: string, rule: LimitRule, now: number): Promise<Attempt> {
    const c = this.counters.get(key);
    if (!c || c.expiresMs <= now) {
      this.counters.set(key, { count: 1, lastMs: now, expiresMs: now + rule.windowMs });
      if (this.counters.size > 200_000) await this.purge(now);
      return { allowed: true, count: 1, retryAfter: 0 };
    }
    if (now - c.lastMs < waitAfter(rule, c.count)) return refused(rule, c.count, c.lastMs, now);
    c.count += 1;
    c.lastMs = now;
    c.expiresMs = now + rule.windowMs;
    return { allowed: true, count: c.count, retryAfter: 0 };
  }

  async undo(key: string): Promise<void> {
    const c = this.counters.get(key);
    if (c) c.count = Math.max(0, c.count - 1);
  }

  async forget(key: string): Promise<void> {
    this.counters.delete(key);
  }

  async clear(key: string): Promise<number> {
    let n = 0;
    for (const k of [...this.counters.keys()])
      if (k === key || k.startsWith(`${key}:`)) n += Number(this.counters.delete(k));
    return n;
  }

  async purge(now: number): Promise<number> {
    let n = 0;
    for (const [k, c] of this.counters)
      if (c.expiresMs <= now) n += Number(this.counters.delete(k));
    return n;
  }
}

/** Counters in the `rate_counters` table (migration 021): every server counts the same attempts. */
export class DatabaseLimits implements LimitStore {
  constructor(private readonly db: Queryable) {}

  async attempt(key: string, rule: LimitRule, now: number): Promise<Attempt> {
    // One statement: a new or expired counter starts at 1; otherwise it counts only when the key
    // has waited long enough. No row back means the attempt was refused.
    const r = await this.db.query<{ count: number }>(
      `INSERT INTO rate_counters AS r (key, count, last_ms, expires_ms)
       VALUES ($1, 1, $2::bigint, $2::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN r.expires_ms <= $2::bigint THEN 1 ELSE r.count + 1 END,
         last_ms = $2::bigint,
         expires_ms = $2::bigint + $3::bigint
       WHERE r.expires_ms <= $2::bigint OR r.count < $4::int
          OR $2::bigint - r.last_ms >= least($6::float8, $5::float8 * power(2, r.count - $4::int))
       RETURNING count`,
      [key, now, rule.windowMs, rule.limit, rule.baseMs, rule.maxMs],
    );
    if (r.rows[0]) return { allowed: true, count: Number(r.rows[0].count), retryAfter: 0 };
    const now2 = await this.db.query<{ count: number; last_ms: string | number }>(
      'SELECT count, last_ms FROM rate_counters WHERE key = $1',
      [key],
    );
    const row = now2.rows[0];
    return row
      ? refused(rule, Number(row.count), Number(row.last_ms), now)
      : { allowed: false, count: rule.limit, retryAfter: 1 };
  }

  async undo(key: string): Promise<void> {
    await this.db.query('UPDATE rate_counters SET count = greatest(count - 1, 0) WHERE key = $1', [
      key,
    ]);
  }

  async forget(key: string): Promise<void> {
    await this.db.query('DELETE FROM rate_counters WHERE key = $1', [key]);
  }

  async clear(key: string): Promise<number> {
    const like = `${key.replace(/[\\%_]/g, (m) => `\\${m}`)}:%`;
    return (
      await this.db.query('DELETE FROM rate_counters WHERE key = $1 OR key LIKE $2', [key, like])
    ).rowCount;
  }

  async purge(now: number): Promise<number> {
    return (await this.db.query('DELETE FROM rate_counters WHERE expires_ms <= $1', [now]))
      .rowCount;
  }
}

/** A small cache in front of the database, or none. */
export interface SharedCache<V> {
  get(key: string): { value: V } | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
}

/** A time-limited cache in this process's memory (PGlite: one server). */
export class MemoryCache<V> implements SharedCache<V> {
  private readonly map = new Map<string, { at: number; value: V }>();
  constructor(
    private readonly ms: number,
    private readonly max: number,
    private readonly now: () => number,
  ) {}
  get(key: string): { value: V } | undefined {
    const hit = this.map.get(key);
    return hit && this.now() - hit.at < this.ms ? { value: hit.value } : undefined;
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, { at: this.now(), value });
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

/**
 * No cache: every server reads the database, so a session ended on one server is ended on all at
 * once (PostgreSQL: the read is one indexed lookup).
 */
export class NoCache<V> implements SharedCache<V> {
  get(): { value: V } | undefined {
    return undefined;
  }
  set(): void {}
  delete(): void {}
}

/** Where shared state lives: `database` for several servers, `memory` for one (PGlite). */
export type StateStore = 'database' | 'memory';

export const defaultStore = (db: Db): StateStore => (db.kind === 'pg' ? 'database' : 'memory');
