/**
 * One small database interface over two backends: embedded PostgreSQL (PGlite, the default, on disk
 * under apps/demo/.data) and a real PostgreSQL through `DATABASE_URL` (node-postgres). Plain SQL with
 * numbered parameters only (reliability.md S5); the same migrations run on both.
 *
 * Tenancy's second wall (reliability.md S3, docs/decisions/0040): while a request runs, every
 * statement runs in a transaction as the application role `at_app` (not the owner, not a
 * superuser, no BYPASSRLS) with the request's tenant in `app.scope`, `app.trust` and `app.school`,
 * so the row-level security policies of migration 020 hide every other school's rows whatever a
 * query forgets to say. `withScope` sets the tenant for everything awaited inside it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, mkdirSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

// ────────────────────────────────────────── tenancy ──────────────────────────────────────────

/**
 * Whose rows a statement may see (row-level security, migration 020):
 * - `none`: no tenant's (a request before anyone is known);
 * - `system`: everyone's (sign-in lookups by a secret's hash, retention, health, integrity);
 * - `trust`: the trust's schools and the trust's own rows;
 * - `school`: one school's rows (and its trust's rows that belong to no school);
 * - `local-authority`: the schools in the LA's area, whichever trust they are in, and the LA's own
 *   rows (migration 023).
 */
export type Scope =
  | { kind: 'none' }
  | { kind: 'system' }
  | { kind: 'trust'; trust: string }
  | { kind: 'school'; trust: string; school: string }
  | { kind: 'local-authority'; la: string };

export const NO_TENANT: Scope = { kind: 'none' };
export const SYSTEM: Scope = { kind: 'system' };

/** The role statements run as inside a scope (created by migration 020). */
export const APP_ROLE = 'at_app';

const scopes = new AsyncLocalStorage<Scope>();

/** Runs `fn` with `scope` as the tenant of every statement it (and whatever it awaits) runs. */
export const withScope = <T>(scope: Scope, fn: () => Promise<T>): Promise<T> =>
  scopes.run(scope, fn);

/**
 * Runs `fn` outside any scope, as the database owner: for the few reads the application role may
 * not make (the migrations table, the catalogue checks of the integrity check), wherever they are
 * called from (a request, the scheduled maintenance).
 */
export const asOwner = <T>(fn: () => Promise<T>): Promise<T> => scopes.exit(fn);

/** The scope statements run in here, or undefined outside any (the owner: migrations, tests). */
export const currentScope = (): Scope | undefined => scopes.getStore();

/** The settings row-level security reads, for one scope. */
function settings(scope: Scope): [string, string, string, string] {
  switch (scope.kind) {
    case 'none':
    case 'system':
      return [scope.kind, '', '', ''];
    case 'trust':
      return ['trust', scope.trust, '', ''];
    case 'school':
      return ['school', scope.trust, scope.school, ''];
    case 'local-authority':
      return ['la', '', '', scope.la];
  }
}

const SET_SCOPE = `SELECT set_config('role', '${APP_ROLE}', true), set_config('app.scope', $1, true),
  set_config('app.trust', $2, true), set_config('app.school', $3, true), set_config('app.la', $4, true)`;

/**
 * Narrows the tenant for the rest of a transaction already running in a scope (the submission
 * store stores each pupil's response under that pupil's school). Outside a scope it does nothing.
 */
export async function narrow(tx: Queryable, scope: Scope): Promise<void> {
  if (!currentScope()) return;
  await tx.query(
    `SELECT set_config('app.scope', $1, true), set_config('app.trust', $2, true),
       set_config('app.school', $3, true), set_config('app.la', $4, true)`,
    settings(scope),
  );
}

// ─────────────────────────────────────────── errors ───────────────────────────────────────────

/**
 * The database could not be reached or the connection broke (no SQLSTATE from the server): the
 * driver's own errors are wrapped in this, with code 08006 (connection failure), so every database
 * error the server sees carries a SQLSTATE and is classified by it, never by its text.
 */
export class DatabaseUnavailable extends Error {
  readonly code = '08006';
  constructor(readonly reason: string) {
    super('The database is unavailable.');
    this.name = 'DatabaseUnavailable';
  }
}

/** An error raised by the database server itself: it has a five-character SQLSTATE. */
const fromServer = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    e instanceof Error && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in e
  );
};

/** Passes database errors through; wraps the driver's connection errors (see DatabaseUnavailable). */
function normalise(e: unknown): unknown {
  if (fromServer(e)) return e;
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return new DatabaseUnavailable(typeof code === 'string' ? code : e.name);
  }
  return e;
}

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
      try {
        const r = await q.query<T>(sql, params);
        return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
      } catch (e) {
        throw normalise(e);
      }
    },
  });
  const transaction = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    const scope = currentScope();
    let p: PGlite;
    try {
      p = await current();
    } catch (e) {
      throw normalise(e);
    }
    let thrown: unknown = undefined;
    try {
      return await p.transaction(async (raw) => {
        const tx = wrap(raw);
        if (scope) await tx.query(SET_SCOPE, settings(scope));
        try {
          return await fn(tx);
        } catch (e) {
          thrown = e;
          throw e;
        }
      });
    } catch (e) {
      // A database closed under a transaction (a restart) raises a driver error: unavailable. An
      // error the transaction's own code threw passes as it is.
      throw e === thrown ? e : normalise(e);
    }
  };
  return {
    kind: 'pglite',
    where: onDisk ? dataDir : 'memory',
    async query<T>(sql: string, params: unknown[] = []) {
      // In a scope, each statement is its own transaction with the tenant set (SET LOCAL).
      if (currentScope()) return transaction((tx) => tx.query<T>(sql, params));
      try {
        return await wrap(await current()).query<T>(sql, params);
      } catch (e) {
        throw normalise(e);
      }
    },
    async exec(sql) {
      await (await current()).exec(sql);
    },
    transaction,
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
    // The name lets operators (and the fault tests) find the portal's connections.
    const p = new pg.Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10) || 10,
      // A name given in the URL (application_name=…) wins over this one.
      application_name: 'all-together-demo',
    });
    // An idle client losing its connection (a database restart) must not crash the server.
    p.on('error', () => {});
    // Nor a client losing it in between: being removed from the pool after a failure, or being
    // handed over, when it has neither the pool's idle listener nor a transaction's. A connection
    // error with no listener is an uncaught exception; the failed query itself still rejects.
    p.on('connect', (client) => void client.on('error', () => {}));
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
      try {
        const r = await q.query(sql, params);
        return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
      } catch (e) {
        throw normalise(e);
      }
    },
  });
  const transaction = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    const scope = currentScope();
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw normalise(e);
    }
    // A server restart while the client is checked out emits 'error' on it: the query then fails
    // (and the caller answers 503); without a listener the process would crash.
    let broken = false;
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    const tx = wrap(client);
    try {
      await tx.query('BEGIN');
      if (scope) await tx.query(SET_SCOPE, settings(scope));
      const out = await fn(tx);
      await tx.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw e;
    } finally {
      client.off('error', onError);
      // A connection that failed is not given back to the pool for the next request to meet.
      client.release(broken || undefined);
    }
  };
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
    // In a scope, each statement is its own transaction with the tenant set (SET LOCAL).
    query: (sql, params) =>
      currentScope() ? transaction((tx) => tx.query(sql, params)) : wrap(pool).query(sql, params),
    async exec(sql) {
      await pool.query(sql);
    },
    transaction,
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
