/**
 * One small database interface over two backends: embedded PostgreSQL (PGlite, the default, on disk
 * under apps/demo/.data) and a real PostgreSQL through `DATABASE_URL` (node-postgres). Plain SQL with
 * numbered parameters only (reliability.md S5); the same migrations run on both.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Result<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Result<T>>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'pg';
  /** Where the data lives, for messages: a directory, `memory` or the database URL without password. */
  readonly where: string;
  /** Runs several statements (no parameters): migrations. */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Makes every committed transaction durable before the caller acknowledges it (reliability.md S14).
   * PostgreSQL: a no-op, commits are synchronous (`synchronous_commit = on` is checked at open).
   * PGlite: `syncToFs()` and an fsync of the write-ahead log, since its `transaction()` can return
   * before the data reaches the disk (pglite#1065).
   */
  durable(): Promise<void>;
  /** Closes and reopens the database (benchmarks simulate a database restart with it). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL URL; without one, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data directory, or `memory://` for a throw-away database (tests). */
  dataDir?: string;
}

/** Opens the configured database: PostgreSQL when a URL is given, otherwise PGlite. */
export async function openDb(options: OpenOptions): Promise<Db> {
  if (options.databaseUrl) return openPg(options.databaseUrl);
  return openPglite(options.dataDir ?? 'memory://');
}

// ─────────────────────────────────────────── PGlite ───────────────────────────────────────────

async function fsyncWal(dataDir: string): Promise<void> {
  // PGlite's Node filesystem writes through to the host files, but nothing promises they reached
  // the disk: fsync the write-ahead log segments written in the last minute, and their directory.
  // Asynchronously (libuv's thread pool), so the event loop keeps taking requests meanwhile and the
  // next group commit gathers them.
  const wal = join(dataDir, 'pg_wal');
  if (!existsSync(wal)) return;
  const now = Date.now();
  const names = (await readdir(wal)).filter((n) => /^[0-9A-F]{24}$/.test(n));
  for (const name of names) {
    const path = join(wal, name);
    if (now - (await stat(path)).mtimeMs > 60_000) continue;
    const fh = await open(path, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }
  const dir = await open(wal, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

async function openPglite(dataDir: string): Promise<Db> {
  const onDisk = !dataDir.startsWith('memory://');
  if (onDisk) mkdirSync(dataDir, { recursive: true });
  const create = () => PGlite.create(onDisk ? dataDir : undefined, { relaxedDurability: false });
  let pgl = await create();
  let ready: Promise<void> = Promise.resolve();
  const current = async () => {
    await ready;
    return pgl;
  };
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  });
  return {
    kind: 'pglite',
    where: onDisk ? dataDir : 'memory',
    async query<T>(sql: string, params: unknown[] = []) {
      return wrap(await current()).query<T>(sql, params);
    },
    async exec(sql) {
      await (await current()).exec(sql);
    },
    async transaction(fn) {
      return (await current()).transaction((tx) => fn(wrap(tx)));
    },
    async durable() {
      const p = await current();
      await p.syncToFs();
      if (onDisk) await fsyncWal(dataDir);
    },
    async restart() {
      const old = pgl;
      let done!: () => void;
      ready = new Promise((resolve) => (done = resolve));
      try {
        await old.close();
        pgl = await create();
      } finally {
        done();
      }
    },
    async close() {
      await (await current()).close();
    },
  };
}

// ───────────────────────────────────────── PostgreSQL ─────────────────────────────────────────

async function openPg(url: string): Promise<Db> {
  const make = () => {
    const p = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client losing its connection (a database restart) must not crash the server.
    p.on('error', () => {});
    return p;
  };
  let pool = make();
  const sc = await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
  if (sc.rows[0]?.synchronous_commit !== 'on') {
    await pool.end();
    throw new Error(
      'The database has synchronous_commit off: an acknowledged submission could be lost (reliability.md S14). Set it to on.',
    );
  }
  const wrap = (q: { query: pg.Pool['query'] }): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await q.query(sql, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
  });
  const where = (() => {
    try {
      const u = new URL(url);
      u.password = '';
      return u.toString();
    } catch {
      return 'postgresql';
    }
  })();
  return {
    kind: 'pg',
    where,
    query: (sql, params) => wrap(pool).query(sql, params),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      // A server restart while the client is checked out emits 'error' on it: the query then fails
      // (and the caller answers 503); without a listener the process would crash.
      const onError = () => {};
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.off('error', onError);
        client.release();
      }
    },
    async durable() {},
    async restart() {
      // New requests use a new pool; the old one drains (requests queued on it still get a client,
      // fail on the dead connection and are answered 503) and is closed a little later.
      const old = pool;
      pool = make();
      setTimeout(() => void old.end().catch(() => {}), 10_000).unref();
    },
    async close() {
      await pool.end();
    },
  };
}
