/**
 * Benchmarks for issue 23 (printed, never asserted; reliability.md T3, T4):
 *
 * 1. **A login flood.** 60 sign-ins with made-up accounts from 60 addresses, all at once, while 100
 *    pupils submit (25 a second) to one server on PGlite on disk, with the real scrypt cost
 *    (N = 2^17): before (hashing unbounded, as the portal was) and after (hashing bounded, the
 *    overflow refused at once). Pupils' p50 and p99, and how the flood was answered.
 * 2. **Two servers, one PostgreSQL, a proxy in front, one server killed mid-burst.** Two portal
 *    processes (`server/main.ts`, as deployed) against one PostgreSQL behind a small Node reverse
 *    proxy (bench/proxy.ts; nginx is not installed here). Pupils enter codes and submit through the
 *    proxy, retrying with the same id on 5xx and network errors (S15); a third of the way through,
 *    one server is killed with SIGKILL. Throughput, p50 and p99 to acknowledgement, and acknowledged
 *    against stored (0 lost, 0 duplicates), on a steady run and on the run with the kill.
 *
 * PostgreSQL: DATABASE_URL, or a private server started for the run (bench/postgres.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../server/db.js';
import { migrate } from '../server/migrate.js';
import { LIVE_ROUND, leadEmail, seed } from '../server/seed.js';
import { Client, freshPg, sampleResponse, startServer } from '../test/helpers.js';
import { withPostgres } from './postgres.js';
import { startProxy } from './proxy.js';

process.env.SCRYPT_LOG_N ??= '12';
const SEED_COST = process.env.SCRYPT_LOG_N;
const BURST = Number(process.env.BENCH_SERVERS_PUPILS ?? 600);
const IN_FLIGHT = 48;
const started = performance.now();

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? Number(x.toFixed(d)) : 'n/a');

async function pool<T>(items: T[], limit: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

type Pupil = { client: Client; body: ReturnType<typeof sampleResponse> };

/** Class codes of 30 and a started session per pupil, through `url`. */
async function pupils(url: string, urn: string, phase: string, n: number): Promise<Pupil[]> {
  const lead = new Client(url);
  const login = await lead.login(leadEmail(0));
  if (login.status !== 200) throw new Error(`lead login: ${login.status} ${login.text}`);
  const def = phase === 'secondary' ? 'pupil-secondary' : 'pupil-ks2';
  const codes: string[] = [];
  for (let c = 0; c < Math.ceil(n / 30); c++) {
    const r = await lead.request('POST', `/api/schools/${urn}/rounds/${LIVE_ROUND}/codes`, {
      classLabel: `bench ${Date.now() % 100000} ${c}`,
      classSize: 30,
    });
    if (r.status !== 201) throw new Error(`code: ${r.status} ${r.text}`);
    codes.push(String(r.json.code));
  }
  const out: Pupil[] = [];
  await pool(
    Array.from({ length: n }, (_, i) => i),
    16,
    async (i) => {
      const client = new Client(url);
      for (let attempt = 0; ; attempt++) {
        const r = await client.request('POST', '/api/pupil/start', {
          code: codes[Math.floor(i / 30)]!,
        });
        if (r.status === 200) break;
        if (attempt > 10) throw new Error(`start: ${r.status} ${r.text}`);
        await sleep(100);
      }
      out.push({
        client,
        body: sampleResponse(def, urn, LIVE_ROUND, 'baseline', {
          'bullied-face-to-face': ['not-at-all', 'once-or-twice'][i % 2]!,
        }),
      });
    },
  );
  return out;
}

// ───────────────────────────────────────── 1. the login flood ─────────────────────────────────────────

async function flood(bounded: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'at-bench-flood-'));
  process.env.SCRYPT_LOG_N = SEED_COST;
  const s = await startServer({
    dataDir: dir,
    schools: 2,
    log: () => {},
    logError: () => {},
    trustProxy: 1,
    // Before: no bound (each scrypt goes straight to libuv's pool, as the portal did).
    ...(bounded ? {} : { passwordHashing: { concurrency: Infinity, queue: 0 } }),
  });
  try {
    const kids = await pupils(s.url, s.seeded.schools[0]!.urn, s.seeded.schools[0]!.phase, 100);
    // The real cost from here on (S7: N = 2^17); one sign-in first makes the dummy hash.
    process.env.SCRYPT_LOG_N = '17';
    await new Client(s.url).login('warm-up@flood.example', 'x', { 'x-forwarded-for': '192.0.2.1' });
    const latencies: number[] = [];
    const t0 = performance.now();
    let floodAnswers: number[] = [];
    let floodSeconds = 0;
    const floodDone = (async () => {
      await sleep(500);
      const f0 = performance.now();
      floodAnswers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          new Client(s.url)
            .login(`nobody-${i}@flood.example`, 'guess', {
              'x-forwarded-for': `198.51.100.${i + 1}`,
            })
            .then((r) => r.status),
        ),
      );
      floodSeconds = (performance.now() - f0) / 1000;
    })();
    await Promise.all(
      kids.map(async (p, i) => {
        await sleep(Math.max(0, t0 + i * 40 - performance.now()));
        const t = performance.now();
        const r = await p.client.request('POST', '/api/pupil/responses', p.body);
        latencies.push(performance.now() - t);
        if (r.status !== 201) throw new Error(`submit: ${r.status} ${r.text}`);
      }),
    );
    await floodDone;
    latencies.sort((a, b) => a - b);
    const by = (code: number) => floodAnswers.filter((x) => x === code).length;
    return {
      hashing: bounded
        ? `bounded (${s.demo.passwords.concurrency} at once, ${s.demo.passwords.queue} waiting)`
        : 'unbounded (before)',
      'pupil p50 ms': fmt(pct(latencies, 50)),
      'pupil p99 ms': fmt(pct(latencies, 99)),
      'pupil max ms': fmt(latencies[latencies.length - 1]!),
      'flood 401': by(401),
      'flood 503 at once': by(503),
      'flood 429': by(429),
      'flood answered in s': fmt(floodSeconds, 2),
      'hashes at once (peak)': s.demo.passwords.peak,
    };
  } finally {
    process.env.SCRYPT_LOG_N = SEED_COST;
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ─────────────────────────────── 2. two servers, one PostgreSQL, a proxy ───────────────────────────────

const MAIN = fileURLToPath(new URL('../server/main.ts', import.meta.url));

/** Starts `server/main.ts` as its own process on a free port; resolves with its port. */
function startPortal(databaseUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ['--conditions=@all-together/source', '--import', 'tsx', MAIN],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_REQUESTS: '0',
        TRUST_PROXY: '1',
        DATABASE_POOL_SIZE: '10',
        DEMO: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the portal did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /All Together demo portal: http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the portal exited (${code}):\n${out}`));
    });
  });
}

async function burst(
  url: string,
  db: Awaited<ReturnType<typeof openDb>>,
  kids: Pupil[],
  kill?: () => void,
) {
  const sent = new Set<string>();
  const acked = new Set<string>();
  const toAck: number[] = [];
  let retries = 0;
  let killedAt = 0;
  let lastFailure = 0;
  const t0 = performance.now();
  await pool(kids, IN_FLIGHT, async (p) => {
    sent.add(p.body.id);
    const t = performance.now();
    for (let attempt = 0; attempt < 30; attempt++) {
      if (kill && !killedAt && acked.size >= kids.length / 3) {
        killedAt = performance.now();
        kill();
      }
      try {
        const r = await p.client.request('POST', '/api/pupil/responses', p.body, {
          'idempotency-key': p.body.id,
        });
        if (r.status === 201) {
          acked.add(p.body.id);
          toAck.push(performance.now() - t);
          return;
        }
        if (r.status < 500 && r.status !== 429) throw new Error(`submit: ${r.status} ${r.text}`);
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('submit:')) throw e;
      }
      retries++;
      lastFailure = performance.now();
      await sleep(Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  const ids = [...sent];
  const rows = (
    await db.query<{ id: string }>(
      'SELECT id::text AS id FROM responses WHERE id = ANY($1::uuid[])',
      [ids],
    )
  ).rows.map((r) => r.id);
  const stored = new Set(rows);
  toAck.sort((a, b) => a - b);
  return {
    'submissions/s': fmt(acked.size / seconds, 0),
    'p50 ms': fmt(pct(toAck, 50)),
    'p99 ms': fmt(pct(toAck, 99)),
    sent: sent.size,
    acknowledged: acked.size,
    stored: stored.size,
    'acknowledged lost': [...acked].filter((id) => !stored.has(id)).length,
    duplicates: rows.length - stored.size,
    'stored not sent': rows.filter((id) => !sent.has(id)).length,
    retries,
    'failing for s':
      killedAt && lastFailure > killedAt ? fmt((lastFailure - killedAt) / 1000, 2) : 0,
  };
}

async function twoServers(baseUrl: string) {
  const fresh = await freshPg(baseUrl);
  const db = await openDb({ databaseUrl: fresh.url });
  const children: ChildProcess[] = [];
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
  try {
    await migrate(db);
    const seeded = await seed(db, { schools: 2 });
    const [a, b] = await Promise.all([startPortal(fresh.url), startPortal(fresh.url)]);
    children.push(a.child, b.child);
    proxy = await startProxy([a.port, b.port]);
    const urn = seeded.schools[0]!.urn;
    const phase = seeded.schools[0]!.phase;
    const s0 = performance.now();
    const steadyKids = await pupils(proxy.url, urn, phase, BURST);
    const startRate = BURST / ((performance.now() - s0) / 1000);
    const steady = await burst(proxy.url, db, steadyKids);
    const killKids = await pupils(proxy.url, urn, phase, BURST);
    const killed = await burst(proxy.url, db, killKids, () => b.child.kill('SIGKILL'));
    return {
      rows: [
        { run: `steady, 2 servers, ${IN_FLIGHT} in flight`, ...steady },
        { run: 'one server SIGKILLed a third of the way', ...killed },
      ],
      startRate,
      cutOff: proxy.cutOff,
      rerouted: proxy.rerouted,
    };
  } finally {
    await proxy?.close();
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) =>
        c.exitCode !== null || c.signalCode !== null
          ? undefined
          : new Promise((r) => c.once('exit', r)),
      ),
    );
    await db.close();
    await fresh.drop();
  }
}

// ───────────────────────────────────────────────── run ─────────────────────────────────────────────────

console.error('bench: login flood, before (hashing unbounded)');
const before = await flood(false);
console.error('bench: login flood, after (hashing bounded)');
const afterFix = await flood(true);
console.log(
  '\nA login flood: 60 bogus sign-ins at once (scrypt N = 2^17) while 100 pupils submit, 25 a second (PGlite on disk, one server)',
);
console.table([before, afterFix]);

console.error('bench: two servers behind a proxy, one PostgreSQL');
const two = await withPostgres(async (url, where) => ({ where, ...(await twoServers(url)) }));
if (two) {
  console.log(
    `\nTwo portal processes (server/main.ts) on one PostgreSQL (${two.where}) behind a Node reverse proxy: ${BURST} pupils a run, retrying with the same id on 5xx and network errors`,
  );
  console.table(two.rows);
  console.log(
    `Class codes entered through the proxy: ${fmt(two.startRate, 0)} a second (16 at a time). The proxy re-routed ${two.rerouted} request(s) refused by the dead server and cut off ${two.cutOff} in flight (answered 502, retried by the client).`,
  );
} else {
  console.log('\nTwo servers: skipped (no DATABASE_URL, and no PostgreSQL to start as root).');
}
console.log(`servers.bench: ${((performance.now() - started) / 1000).toFixed(1)} s`);
