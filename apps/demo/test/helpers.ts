/**
 * Test harness: a server on an ephemeral port over a fresh in-memory PGlite (or DATABASE_URL's
 * PostgreSQL in a fresh schema), migrated and seeded; and a tiny cookie-keeping HTTP client.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getQuestionnaire } from '@all-together/questionnaires';
import { createApp, type AppOptions, type DemoApp } from '../server/app.js';
import { openDb, type Db, type Queryable } from '../server/db.js';
import { migrate } from '../server/migrate.js';
import { DEMO_PASSWORD, seed, type SeedResult } from '../server/seed.js';

// Lower scrypt cost for the many test logins; the stored hash keeps its own parameters.
process.env.SCRYPT_LOG_N ??= '12';

export const STATIC_DIR = fileURLToPath(new URL('../dist', import.meta.url));

/** Debian's Chromium (toolchain.md: nothing downloads a browser of its own), or CHROME_PATH. */
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** Chromium's flags for a headless run in a container, shared by the browser tests and benches. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestServer {
  url: string;
  origin: string;
  db: Db;
  demo: DemoApp;
  seeded: SeedResult;
  /** Request-log lines and error-log lines (JSON), in order. */
  logs: string[];
  /** Error-log entries only, as the server wrote them. */
  errors: Record<string, unknown>[];
  close(): Promise<void>;
}

/** An app served on an ephemeral port over a database opened elsewhere (a second server). */
export interface ServedApp {
  url: string;
  demo: DemoApp;
  logs: string[];
  errors: Record<string, unknown>[];
  /** Stops serving; the database stays open. */
  close(): Promise<void>;
}

/** Serves `createApp` over `db` on an ephemeral port: another server of the same portal. */
export async function serveApp(db: Db, options: Partial<AppOptions> = {}): Promise<ServedApp> {
  const logs: string[] = [];
  const errors: Record<string, unknown>[] = [];
  const demo = createApp({
    db,
    staticDir: STATIC_DIR,
    log: (l) => logs.push(l),
    logError: (e) => {
      errors.push(e);
      logs.push(JSON.stringify(e));
    },
    logEvent: (e) => logs.push(JSON.stringify(e)),
    ...options,
  });
  const server = serve({ fetch: demo.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    demo,
    logs,
    errors,
    async close() {
      (demo as { stop?: () => void }).stop?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A fresh PostgreSQL schema on DATABASE_URL, so runs never see each other's rows. */
export async function freshPg(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = await openDb({ databaseUrl: url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  // Its own connection name, so a fault test can end this server's connections and no other
  // test file's (they share the database and run at the same time).
  u.searchParams.set('application_name', `all-together-demo ${schema}`);
  return {
    url: u.toString(),
    drop: async () => {
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

export async function startServer(
  options: Partial<AppOptions> & {
    backend?: 'pglite' | 'pg';
    schools?: number;
    dataDir?: string;
    seed?: number;
    pupilsPerSchool?: [number, number];
  } = {},
): Promise<TestServer> {
  let db: Db;
  let drop = async () => {};
  if (options.backend === 'pg') {
    const fresh = await freshPg(process.env.DATABASE_URL!);
    db = await openDb({ databaseUrl: fresh.url });
    drop = fresh.drop;
  } else {
    db = await openDb({ dataDir: options.dataDir ?? 'memory://' });
  }
  await migrate(db);
  const seeded = await seed(db, {
    schools: options.schools ?? 4,
    seed: options.seed,
    pupilsPerSchool: options.pupilsPerSchool,
  });
  const {
    backend: _b,
    schools: _s,
    dataDir: _d,
    seed: _seed,
    pupilsPerSchool: _p,
    ...app
  } = options;
  const served = await serveApp(db, app);
  return {
    url: served.url,
    origin: served.url,
    db,
    demo: served.demo,
    seeded,
    logs: served.logs,
    errors: served.errors,
    async close() {
      await served.close();
      await db.close();
      await drop();
    },
  };
}

/** A clock the test moves: `now()` for `createApp`, `set` and `add` to travel in time. */
export function testClock(start = Date.now()) {
  let t = start;
  return {
    now: () => t,
    set: (ms: number) => void (t = ms),
    add: (ms: number) => void (t += ms),
    day: () => new Date(t).toISOString().slice(0, 10),
  };
}

/**
 * A database that fails the statements `fault` picks with the error it returns (a SQLSTATE
 * `code`, or none for a dropped connection): the server's answers to faults, on either backend.
 */
export function faultyDb(db: Db, fault: (sql: string) => Error | undefined): Db {
  const wrap = (q: Queryable): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const e = fault(sql);
      if (e) throw e;
      return q.query<T>(sql, params);
    },
  });
  return {
    ...db,
    kind: db.kind,
    where: db.where,
    query: (sql, params) => wrap(db).query(sql, params),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
  };
}

/** An error as a database driver raises it, with a SQLSTATE. */
export const sqlError = (code: string, message = `simulated ${code}`) =>
  Object.assign(new Error(message), { code, severity: 'ERROR' });

/** An HTTP client that keeps cookies and the CSRF token, like a browser tab. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: Record<string, unknown>; text: string; headers: Headers }> {
    const h: Record<string, string> = {
      origin: this.base,
      'sec-fetch-site': 'same-origin',
      ...headers,
    };
    if (body !== undefined && !('content-type' in h)) h['content-type'] = 'application/json';
    if (this.csrf && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrf;
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const [k, v] of Object.entries(h)) if (v === '') delete h[k];
    const res = await fetch(this.base + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c) || v === '') this.cookies.delete(k!);
      else this.cookies.set(k!, v!);
    }
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      /* not JSON */
    }
    return { status: res.status, json, text, headers: res.headers };
  }

  async login(email: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}) {
    const r = await this.request('POST', '/api/login', { email, password }, headers);
    if (r.status === 200) this.csrf = String(r.json.csrf);
    return r;
  }
}

/** A valid pupil response to the given definition: the first option of every shown item. */
export function sampleResponse(
  definitionId: string,
  school: string,
  round: string,
  wave: 'baseline' | 'end',
  answers: Record<string, string | string[]> = {},
) {
  const def = getQuestionnaire(definitionId);
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    id: randomUUID(),
    definition: { id: def.id, version: def.version },
    wave,
    school,
    round,
    mode: 'anonymous',
    characteristics: { source: 'self-report' },
    answers,
    startedAt: now,
    submittedAt: now,
  };
}
