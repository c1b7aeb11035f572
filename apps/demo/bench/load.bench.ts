/**
 * Load and fault benchmarks (printed, never asserted; reliability.md T3, T4).
 *
 * 1. A lesson: 1,000 pupils (classes of 30, a code each) enter their class code, then submit: as a burst (64 in flight, as
 *    fast as the server answers) and paced (500 per second offered): submissions per second and
 *    latency percentiles of the submit call. Client and server share the process (and 2 cores).
 * 2. A database restart in the middle of 1,000 submissions: clients retry on 5xx and network
 *    errors with capped backoff (S15); afterwards acknowledged ⊆ stored ⊆ sent, none twice.
 *
 * PGlite always (on disk, as deployed); PostgreSQL too when DATABASE_URL is set. For a real
 * PostgreSQL restart set BENCH_PG_RESTART to a shell command (.ci/run does): the server restarts
 * while requests are in flight. Without it the pool is dropped and reconnected.
 */
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIVE_ROUND } from '../server/seed.js';
import { Client, sampleResponse, startServer, type TestServer } from '../test/helpers.js';

process.env.SCRYPT_LOG_N ??= '12';
const run = promisify(exec);
const PUPILS = Number(process.env.BENCH_PUPILS ?? 1000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 64);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const CLASS_SIZE = 30;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

/** A school's worth of classes of 30, one class code each (a code admits its class size). */
async function classOf(s: TestServer, n: number) {
  const urn = s.seeded.schools[0]!.urn;
  const lead = new Client(s.url);
  await lead.login('lead1@north-star.example');
  const def = s.seeded.schools[0]!.phase === 'secondary' ? 'pupil-secondary' : 'pupil-ks2';
  const codes: string[] = [];
  for (let c = 0; c < Math.ceil(n / CLASS_SIZE); c++) {
    const r = await lead.request('POST', `/api/schools/${urn}/rounds/${LIVE_ROUND}/codes`, {
      classLabel: `bench ${Date.now()} ${c}`,
      classSize: CLASS_SIZE,
    });
    if (r.status !== 201) throw new Error(`code: ${r.status} ${r.text}`);
    codes.push(String(r.json.code));
  }
  const pupils: { client: Client; body: ReturnType<typeof sampleResponse> }[] = [];
  let next = 0;
  await pool(Array.from({ length: n }), 16, async () => {
    const client = new Client(s.url);
    const code = codes[Math.floor(next++ / CLASS_SIZE)]!;
    const r = await client.request('POST', '/api/pupil/start', { code });
    if (r.status !== 200) throw new Error(`start: ${r.status}`);
    pupils.push({
      client,
      body: sampleResponse(def, urn, LIVE_ROUND, 'baseline', {
        'bullied-face-to-face': ['not-at-all', 'once-or-twice', 'two-or-three-times-a-month'][
          pupils.length % 3
        ]!,
        'feel-safe': 'agree',
      }),
    });
  });
  return pupils;
}

/** Closed loop (`inFlight` pupils at once, as fast as the server answers) or open loop (`rate` per second). */
async function lesson(s: TestServer, mode: { inFlight: number } | { rate: number }) {
  const pupils = await classOf(s, PUPILS);
  const latencies: number[] = [];
  let failed = 0;
  const t0 = performance.now();
  const one = async (p: (typeof pupils)[number]) => {
    const t = performance.now();
    const r = await p.client.request('POST', '/api/pupil/responses', p.body, {
      'idempotency-key': p.body.id,
    });
    latencies.push(performance.now() - t);
    if (r.status !== 201) failed++;
  };
  if ('inFlight' in mode) await pool(pupils, mode.inFlight, one);
  else {
    const all: Promise<void>[] = [];
    for (let i = 0; i < pupils.length; i++) {
      const due = t0 + (i * 1000) / mode.rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      all.push(one(pupils[i]!));
    }
    await Promise.all(all);
  }
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const ids = pupils.map((p) => p.body.id);
  const stored = Number(
    (
      await s.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM responses WHERE id = ANY($1::uuid[])',
        [ids],
      )
    ).rows[0]!.n,
  );
  return {
    rate: pupils.length / seconds,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    max: latencies[latencies.length - 1]!,
    failed,
    stored,
  };
}

async function fault(s: TestServer, restart: () => Promise<void>) {
  const pupils = await classOf(s, PUPILS);
  const sent = new Set<string>();
  const acked = new Set<string>();
  let restartedAt = 0;
  let firstFailure = 0;
  let lastFailure = 0;
  let restartDone = 0;
  let retries = 0;
  let restarting: Promise<void> | undefined;
  const watch = process.env.BENCH_DEBUG
    ? setInterval(
        () => console.error(`sent ${sent.size} acked ${acked.size} retries ${retries}`),
        1000,
      )
    : undefined;
  await pool(pupils, 32, async (p) => {
    sent.add(p.body.id);
    for (let attempt = 0; attempt < 30; attempt++) {
      if (!restarting && acked.size >= pupils.length / 3) {
        restartedAt = performance.now();
        restarting = restart().then(() => {
          restartDone = performance.now();
        });
      }
      try {
        const r = await p.client.request('POST', '/api/pupil/responses', p.body, {
          'idempotency-key': p.body.id,
        });
        if (r.status === 201) {
          acked.add(p.body.id);
          return;
        }
        if (r.status < 500 && r.status !== 429) return; // a 4xx is final (S15)
      } catch {
        /* network error: retry */
      }
      lastFailure = performance.now();
      firstFailure ||= lastFailure;
      retries++;
      await sleep(Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
    }
  });
  await restarting;
  clearInterval(watch);
  const ids = [...sent];
  const storedRows = (
    await s.db.query<{ id: string }>(
      'SELECT id::text AS id FROM responses WHERE id = ANY($1::uuid[])',
      [ids],
    )
  ).rows.map((r) => r.id);
  const stored = new Set(storedRows);
  const lost = [...acked].filter((id) => !stored.has(id)).length;
  const stray = storedRows.filter((id) => !sent.has(id)).length;
  return {
    sent: sent.size,
    acked: acked.size,
    stored: stored.size,
    duplicates: storedRows.length - stored.size,
    lost,
    stray,
    retries,
    restart: restartDone ? (restartDone - restartedAt) / 1000 : NaN,
    failing: firstFailure ? (lastFailure - firstFailure) / 1000 : 0,
  };
}

const rows: Record<string, string | number>[] = [];
const faults: Record<string, string | number>[] = [];
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? Number(x.toFixed(d)) : 'n/a');

for (const backend of ['pglite', ...(process.env.DATABASE_URL ? ['pg'] : [])] as (
  'pglite' | 'pg'
)[]) {
  const dir = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'at-bench-')) : undefined;
  const s = await startServer({
    backend,
    dataDir: dir,
    log: () => {},
    codeFailuresPerMinute: 1000,
  });
  try {
    for (const mode of [{ inFlight: IN_FLIGHT }, { rate: RATE }]) {
      console.error(`bench: ${backend} lesson ${JSON.stringify(mode)}`);
      const l = await lesson(s, mode);
      rows.push({
        database: backend === 'pglite' ? 'PGlite (on disk)' : 'PostgreSQL',
        pupils: PUPILS,
        load:
          'inFlight' in mode
            ? `burst, ${mode.inFlight} in flight`
            : `paced, ${mode.rate}/s offered`,
        'submissions/s': fmt(l.rate, 0),
        'p50 ms': fmt(l.p50),
        'p95 ms': fmt(l.p95),
        'p99 ms': fmt(l.p99),
        'max ms': fmt(l.max),
        'not 201': l.failed,
        'rows stored': l.stored,
      });
    }
    const restart =
      backend === 'pg' && process.env.BENCH_PG_RESTART
        ? async () => {
            // The real server restarts while submissions are in flight; the pool finds its dead
            // connections itself (requests get 503 and the clients retry).
            await run(process.env.BENCH_PG_RESTART!);
          }
        : () => s.db.restart();
    console.error(`bench: ${backend} restart run`);
    const f = await fault(s, restart);
    faults.push({
      database:
        backend === 'pglite'
          ? 'PGlite (on disk)'
          : `PostgreSQL${process.env.BENCH_PG_RESTART ? ' (pg_ctl restart)' : ' (pool reconnect)'}`,
      sent: f.sent,
      acknowledged: f.acked,
      stored: f.stored,
      'acknowledged lost': f.lost,
      duplicates: f.duplicates,
      'stored not sent': f.stray,
      retries: f.retries,
      'restart s': fmt(f.restart, 2),
      'requests failing for s': fmt(f.failing, 2),
    });
  } finally {
    await s.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  '\nA lesson: 1,000 pupils submit (target ≥ 500 submissions/s, p99 < 100 ms on 2 cores; printed, not asserted)',
);
console.table(rows);
console.log(
  '\nA database restart in the middle of 1,000 submissions (acknowledged ⊆ stored ⊆ sent, none twice)',
);
console.table(faults);
if (!process.env.DATABASE_URL)
  console.log('PostgreSQL: set DATABASE_URL to measure it too (.ci/run does).');
