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
import { openDb, type Db } from '../server/db.js';
import { migrate } from '../server/migrate.js';
import { DEMO_PASSWORD, seed, type SeedResult } from '../server/seed.js';

// Lower scrypt cost for the many test logins; the stored hash keeps its own parameters.
process.env.SCRYPT_LOG_N ??= '12';

export const STATIC_DIR = fileURLToPath(new URL('../dist', import.meta.url));

export interface TestServer {
  url: string;
  origin: string;
  db: Db;
  demo: DemoApp;
  seeded: SeedResult;
  logs: string[];
  close(): Promise<void>;
}

/** A fresh PostgreSQL schema on DATABASE_URL, so runs never see each other's rows. */
export async function freshPg(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = await openDb({ databaseUrl: url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
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
  const logs: string[] = [];
  const {
    backend: _b,
    schools: _s,
    dataDir: _d,
    seed: _seed,
    pupilsPerSchool: _p,
    ...app
  } = options;
  const demo = createApp({ db, staticDir: STATIC_DIR, log: (l) => logs.push(l), ...app });
  const server = serve({ fetch: demo.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    origin: url,
    db,
    demo,
    seeded,
    logs,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      await drop();
    },
  };
}

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

  async login(email: string, password = DEMO_PASSWORD) {
    const r = await this.request('POST', '/api/login', { email, password });
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
