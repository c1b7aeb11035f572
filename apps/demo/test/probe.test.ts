/**
 * The probe suite (issue 23): every finding of the attack, fault and load probe, replayed at the
 * API on PGlite and, when DATABASE_URL is set, on PostgreSQL. Each test is named after the finding
 * it replays and the rule it holds (reliability.md S4, S6–S8, S11, S13, S14, P2, P3, P9, T4).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, rmSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openDb } from '../server/db.js';
import { unlockAccount } from '../server/limits.js';
import { checkIntegrity } from '../server/ops/integrity.js';
import { repos } from '../server/repo/index.js';
import {
  BASELINE_ROUND,
  DEMO_ADMIN,
  DEMO_CODE,
  END_ROUND,
  LIVE_ROUND,
  leadEmail,
} from '../server/seed.js';
import { sha256 } from '../server/security.js';
import {
  Client,
  faultyDb,
  freshPg,
  sampleResponse,
  serveApp,
  sqlError,
  startServer,
  testClock,
  type TestServer,
} from './helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];
const MONTH = 31 * 86_400_000;
const xff = (address: string) => ({ 'x-forwarded-for': address });
const urnOf = (t: TestServer) => t.seeded.schools[0]!.urn;

for (const backend of backends) {
  describe(`probe (issue 23) on ${backend}`, () => {
    let s: TestServer;
    let urnA: string;
    const clock = testClock();
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await s.db.query<{ n: string }>(sql, params)).rows[0]!.n);

    before(async () => {
      // One proxy in front (TRUST_PROXY=1); hashing bounded to one at a time with a short queue.
      s = await startServer({
        backend,
        trustProxy: 1,
        now: clock.now,
        passwordHashing: { concurrency: 1, queue: 4 },
      });
      urnA = s.seeded.schools[0]!.urn;
    });
    after(async () => {
      await s.close();
    });

    const ownDefinition = () =>
      s.seeded.schools[0]!.phase === 'secondary' ? 'pupil-secondary' : 'pupil-ks2';
    const lead = async (i = 0, address = '192.0.2.10') => {
      const c = new Client(s.url);
      const r = await c.login(leadEmail(i), undefined, xff(address));
      assert.equal(r.status, 200, r.text);
      return c;
    };
    const pupil = async (code = DEMO_CODE, url = s.url) => {
      const c = new Client(url);
      const r = await c.request('POST', '/api/pupil/start', { code });
      assert.equal(r.status, 200, r.text);
      return c;
    };
    const answer = (answers: Record<string, string> = {}) =>
      sampleResponse(ownDefinition(), urnA, LIVE_ROUND, 'baseline', answers);

    it('F1 S7 25 wrong passwords sent at once: at most 5 are tried, the rest get 429 with Retry-After', async () => {
      // Hashing is not the bound here (room for all 25), so only the attempt count can hold it.
      const roomy = await serveApp(s.db, {
        trustProxy: 1,
        passwordHashing: { concurrency: 4, queue: 100 },
      });
      try {
        const all = await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            new Client(roomy.url).login(leadEmail(1), `wrong-${i}`, xff(`198.51.100.${i + 1}`)),
          ),
        );
        const statuses = all.map((r) => r.status);
        assert.ok(statuses.filter((x) => x === 401).length <= 5, statuses.join(' '));
        const refused = all.filter((r) => r.status === 429);
        assert.ok(refused.length >= 20, statuses.join(' '));
        for (const r of refused) assert.ok(Number(r.headers.get('retry-after')) > 0);
      } finally {
        await roomy.close();
      }
    });

    it('F2 S7 a flood of 60 bogus logins: hashing is bounded, the overflow is refused early with Retry-After, a pupil still submits', async () => {
      const p = await pupil();
      const flood = Array.from({ length: 60 }, (_, i) =>
        new Client(s.url).login(`nobody-${i}@flood.example`, 'guess', xff(`203.0.113.${i + 1}`)),
      );
      const mine = answer();
      const submitted = await p.request('POST', '/api/pupil/responses', mine);
      const answers = await Promise.all(flood);
      assert.equal(submitted.status, 201, submitted.text);
      const statuses = answers.map((r) => r.status);
      assert.ok(
        statuses.every((x) => x === 401 || x === 429 || x === 503),
        statuses.join(' '),
      );
      const early = answers.filter((r) => r.status === 503);
      assert.ok(early.length > 0, 'some logins are refused before hashing');
      for (const r of early) assert.ok(Number(r.headers.get('retry-after')) > 0);
      assert.ok(s.demo.passwords.peak <= 1, `at most 1 hash at once, saw ${s.demo.passwords.peak}`);
    });

    it('F3 S6 with TRUST_PROXY=1 only the address the proxy saw counts: forged entries are ignored', async () => {
      // The client forges a new first entry each time; the proxy appends the address it saw.
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const r = await new Client(s.url).request(
          'POST',
          '/api/pupil/start',
          { code: `WRNG${String(i).padStart(4, 'A')}` },
          xff(`10.0.${i}.1, 203.0.113.200`),
        );
        statuses.push(r.status);
      }
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(404));
      assert.deepEqual([...new Set(statuses.slice(10))], [429]);
      // An outsider naming a school's address as the first entry uses up only their own allowance.
      for (let i = 0; i < 15; i++)
        await new Client(s.url).request(
          'POST',
          '/api/pupil/start',
          { code: 'ZZZZZZZZ' },
          xff(`203.0.113.77, 203.0.113.201`),
        );
      const school = await new Client(s.url).request(
        'POST',
        '/api/pupil/start',
        { code: 'ZZZZZZZZ' },
        xff('203.0.113.77'),
      );
      assert.equal(school.status, 404, "the school's own allowance is untouched");
    });

    it('F4 S8 S10 behind a proxy that forwards Host: 127.0.0.1, an https PUBLIC_ORIGIN gives __Host-, Secure and HSTS', async () => {
      const behind = await serveApp(s.db, {
        publicOrigin: 'https://portal.example',
        trustProxy: 1,
      });
      try {
        const r = await fetch(`${behind.url}/api/login`, {
          method: 'POST',
          // The proxy forwards Host: 127.0.0.1 (the server listens on 127.0.0.1 here).
          headers: {
            'content-type': 'application/json',
            origin: 'https://portal.example',
            'x-forwarded-for': '192.0.2.44',
          },
          body: JSON.stringify({ email: leadEmail(2), password: 'demo-only-password' }),
        });
        assert.equal(r.status, 200, await r.text());
        const cookies = r.headers.getSetCookie().join('\n');
        assert.match(cookies, /^__Host-at_staff=[^;]+;.*Secure/m);
        assert.match(r.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
      } finally {
        await behind.close();
      }
    });

    it('F6 S4 %00 and other control characters in a path or query: 4xx, never 500', async () => {
      const c = await lead();
      for (const path of [
        `/api/schools/${urnA}/rounds/%00/results`,
        `/api/schools/${urnA}/rounds/a%00b/codes`,
        `/api/schools/${urnA}/rounds/${LIVE_ROUND}%00/audit`,
        `/api/schools/${urnA}/log?before=%00`,
      ]) {
        const r = await c.request('GET', path);
        assert.ok(r.status >= 400 && r.status < 500, `${path}: ${r.status} ${r.text}`);
      }
      const admin = new Client(s.url);
      assert.equal((await admin.login(DEMO_ADMIN, undefined, xff('192.0.2.11'))).status, 200);
      const q = await admin.request('GET', '/api/trust/log?school=%00');
      assert.ok(q.status >= 400 && q.status < 500, `${q.status} ${q.text}`);
      assert.ok(!s.logs.some((l) => /"status":500/.test(l)));
    });

    it('F6 S4 __proto__ keys in answers, audit ratings and evidence are refused with their path, not dropped', async () => {
      const p = await pupil();
      const body = JSON.stringify(answer({ 'bullied-face-to-face': 'not-at-all' })).replace(
        '"answers":{',
        '"answers":{"__proto__":"not-at-all",',
      );
      const r = await p.request('POST', '/api/pupil/responses', body);
      assert.equal(r.status, 422, r.text);
      assert.ok(
        (r.json.problems as { path: string }[]).some((x) => x.path === 'answers.__proto__'),
        r.text,
      );
      const c = await lead();
      const audit = (await c.request('GET', `/api/schools/${urnA}/rounds/${LIVE_ROUND}/audit`))
        .json as { definition: { id: string; version: string } };
      const doc = {
        id: randomUUID(),
        definition: { id: audit.definition.id, version: audit.definition.version },
        school: urnA,
        wave: 'baseline',
        respondentRole: 'school-lead',
        ratings: { '1.1': 'fully-met' },
        evidence: { '1.1': [{ note: 'Minutes of the governors meeting, March' }] },
        updatedAt: new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
      const put = (text: string) =>
        c.request('PUT', `/api/schools/${urnA}/rounds/${LIVE_ROUND}/audit`, text);
      const ratings = await put(
        JSON.stringify(doc).replace('"ratings":{', '"ratings":{"__proto__":"fully-met",'),
      );
      assert.equal(ratings.status, 400, ratings.text);
      assert.match(ratings.text, /ratings\.__proto__/);
      const evidence = await put(
        JSON.stringify(doc).replace('"evidence":{', '"evidence":{"__proto__":[],'),
      );
      assert.equal(evidence.status, 400, evidence.text);
      assert.match(evidence.text, /evidence\.__proto__/);
      assert.equal((await put(JSON.stringify(doc))).status, 200, 'the same audit without it');
    });

    it('F6 P1 P3 P4 a pupil cannot store characteristics the questionnaire does not ask, a linked mode, school records or a time-based id', async () => {
      const base = answer({ 'bullied-face-to-face': 'not-at-all' });
      const cases: [string, Record<string, unknown>, string][] = [
        [
          'a characteristic not asked',
          { characteristics: { source: 'self-report', lgbt: 'yes' } },
          'characteristics.lgbt',
        ],
        [
          'an asked characteristic not answered',
          { characteristics: { source: 'self-report', sen: 'E' } },
          'characteristics.sen',
        ],
        ['linked mode', { mode: 'linked' }, 'mode'],
        [
          'school records',
          { characteristics: { source: 'school-records' } },
          'characteristics.source',
        ],
        ['a time-based (v1) id', { id: '6fa459ea-ee8a-11ed-a05b-0242ac120003' }, 'id'],
        ['a time-ordered (v7) id', { id: '01890a5d-ac96-774b-bcce-b302099a8057' }, 'id'],
      ];
      const before = await count('SELECT count(*) AS n FROM responses');
      for (const [name, change, path] of cases) {
        const p = await pupil();
        const r = await p.request('POST', '/api/pupil/responses', {
          ...base,
          id: randomUUID(),
          ...change,
        });
        assert.equal(r.status, 422, `${name}: ${r.status} ${r.text}`);
        const paths = (r.json.problems as { path: string }[]).map((x) => x.path);
        assert.ok(paths.includes(path), `${name}: ${JSON.stringify(paths)}`);
      }
      assert.equal(await count('SELECT count(*) AS n FROM responses'), before);
    });

    it('F7 P2 P3 after submitting, a pupil session keeps no code hash and no exact times; responses come back in no submission order', async () => {
      const c = await lead();
      const issued = await c.request('POST', `/api/schools/${urnA}/rounds/${LIVE_ROUND}/codes`, {
        classLabel: 'Probe 7',
        classSize: 30,
      });
      assert.equal(issued.status, 201, issued.text);
      const code = String(issued.json.code);
      const hash = sha256(code.replace('-', ''));
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        const p = await pupil(code);
        const body = answer({ 'bullied-face-to-face': 'not-at-all' });
        ids.push(body.id);
        assert.equal((await p.request('POST', '/api/pupil/responses', body)).status, 201);
      }
      assert.equal(
        await count('SELECT count(*) AS n FROM sessions WHERE code_hash = $1', [hash]),
        0,
      );
      const times = await s.db.query<{ t: string }>(
        `SELECT to_char(created_at AT TIME ZONE 'UTC', 'HH24:MI:SS.US') || ' ' ||
                to_char(last_seen_at AT TIME ZONE 'UTC', 'HH24:MI:SS.US') AS t
           FROM sessions WHERE kind = 'pupil' AND submitted`,
      );
      assert.ok(times.rows.length >= 30);
      for (const { t } of times.rows) assert.equal(t, '00:00:00.000000 00:00:00.000000');
      const bodies = await repos(s.db).responses.bodies(urnA, LIVE_ROUND);
      const order = bodies.map((b) => b.id as string).filter((id) => ids.includes(id));
      assert.equal(order.length, 30);
      assert.notDeepEqual(order, ids, 'not the order they were submitted in');
      assert.deepEqual(order, [...order].sort(), 'ordered by the random id, which ranks nothing');
    });

    it('F8 S7 an outsider cannot lock the trust administrator out; per-address limits; an administrator unlocks an account', async () => {
      const adminBrowser = new Client(s.url);
      assert.equal(
        (await adminBrowser.login(DEMO_ADMIN, undefined, xff('192.0.2.50'))).status,
        200,
      );
      // The outsider: many wrong passwords for the administrator, from several addresses.
      for (let i = 0; i < 12; i++)
        await new Client(s.url).login(DEMO_ADMIN, `guess-${i}`, xff(`198.18.0.${i % 3}`));
      const known = await adminBrowser.login(DEMO_ADMIN, undefined, xff('192.0.2.50'));
      assert.equal(known.status, 200, 'a browser that signed in before is not locked out');
      // One address trying many accounts is stopped at the address.
      const statuses: number[] = [];
      for (let i = 0; i < 26; i++)
        statuses.push(
          (await new Client(s.url).login(`someone-${i}@probe.example`, 'guess', xff('198.18.1.1')))
            .status,
        );
      assert.ok(
        statuses.slice(0, 10).every((x) => x === 401),
        statuses.join(' '),
      );
      assert.equal(statuses[25], 429, statuses.join(' '));
      // A lead locked out (from a new browser) is unlocked by the trust administrator.
      for (let i = 0; i < 8; i++)
        await new Client(s.url).login(leadEmail(3), `guess-${i}`, xff('198.18.2.1'));
      const locked = await new Client(s.url).login(leadEmail(3), undefined, xff('192.0.2.60'));
      assert.equal(locked.status, 429);
      const otherLead = await lead(0, '192.0.2.61');
      const refused = await otherLead.request('POST', '/api/trust/users/unlock', {
        email: leadEmail(3),
      });
      assert.equal(refused.status, 403);
      const unlock = await adminBrowser.request('POST', '/api/trust/users/unlock', {
        email: leadEmail(3),
      });
      assert.equal(unlock.status, 200, unlock.text);
      const back = await new Client(s.url).login(leadEmail(3), undefined, xff('192.0.2.60'));
      assert.equal(back.status, 200, back.text);
      const foreign = await adminBrowser.request('POST', '/api/trust/users/unlock', {
        email: 'nobody@elsewhere.example',
      });
      assert.equal(foreign.status, 404);
    });

    it('F10 S11 database errors by SQLSTATE: transient 503 with Retry-After, permanent 500 without; JSON error logs with the code and no pupil content', async () => {
      let fault: Error | undefined;
      const db = faultyDb(s.db, (sql) => (/INSERT INTO responses/.test(sql) ? fault : undefined));
      const app = await serveApp(db, { log: () => {} });
      try {
        const cases: [Error, number][] = [
          [sqlError('57P01'), 503],
          [sqlError('40001'), 503],
          [sqlError('08006'), 503],
          [sqlError('53300'), 503],
          [sqlError('42P01', 'relation "responses" does not exist'), 500],
          [sqlError('XX000', 'closed connection ZEBRA-123'), 500],
          [sqlError('58P01', 'could not open file "base/1/2": No such file or directory'), 500],
        ];
        for (const [error, status] of cases) {
          fault = error;
          const p = await pupil(DEMO_CODE, app.url);
          const r = await p.request(
            'POST',
            '/api/pupil/responses',
            answer({ 'bullied-face-to-face': 'not-at-all' }),
          );
          const code = (error as unknown as { code: string }).code;
          assert.equal(r.status, status, `${code}: ${r.status}`);
          assert.equal(r.headers.has('retry-after'), status === 503, code);
          assert.doesNotMatch(r.text, /ZEBRA|relation|base\//);
        }
        fault = undefined;
        // Errors are logged even with request logs off, as JSON with the code, never a message.
        const logged = app.errors.map((e) => JSON.stringify(e));
        assert.equal(logged.length, cases.length);
        for (const [error] of cases)
          assert.ok(
            app.errors.some(
              (e) =>
                (e.error as { code?: string }).code === (error as unknown as { code: string }).code,
            ),
          );
        for (const line of logged) {
          assert.doesNotMatch(line, /ZEBRA|not-at-all|bullied|relation "|base\/1/);
          assert.match(line, /"route":"\/api\/pupil\/responses"/);
        }
      } finally {
        await app.close();
      }
    });

    it('F11 T4 a real fault: the database drops connections mid-burst; no answer is a 500, every 503 says when to retry', async () => {
      // PGlite: an on-disk server whose database restarts again and again. PostgreSQL: a server
      // of its own, whose connections are terminated again and again. Its own, so that its round
      // (closing today) cannot change what F9 reads after moving the clock on.
      const dir = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'at-probe-')) : undefined;
      const t = await startServer(dir ? { dataDir: dir, schools: 2 } : { backend, schools: 2 });
      try {
        const c = new Client(t.url);
        assert.equal((await c.login(leadEmail(0), undefined, xff('192.0.2.14'))).status, 200);
        const today = new Date().toISOString().slice(0, 10);
        const created = await c.request('POST', `/api/schools/${urnOf(t)}/rounds`, {
          id: 'probe-11',
          wave: 'end',
          opensOn: today,
          closesOn: today,
        });
        assert.equal(created.status, 201, created.text);
        const issued = await c.request('POST', `/api/schools/${urnOf(t)}/rounds/probe-11/codes`, {
          classLabel: 'Probe 11',
          classSize: 200,
        });
        assert.equal(issued.status, 201, issued.text);
        const code = String(issued.json.code);
        const def = t.seeded.schools[0]!.phase === 'secondary' ? 'pupil-secondary' : 'pupil-ks2';
        const statuses: { status: number; retry: string | null }[] = [];
        let stop = false;
        let faults = 0;
        const killer = (async () => {
          if (!dir) {
            const name = (
              await t.db.query<{ n: string }>("SELECT current_setting('application_name') AS n")
            ).rows[0]!.n;
            const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
            await admin.connect();
            try {
              while (!stop) {
                const ended = await admin.query(
                  'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
                  [name],
                );
                faults += ended.rowCount ?? 0;
                await new Promise((r) => setTimeout(r, 150));
              }
            } finally {
              await admin.end();
            }
          } else {
            while (!stop) {
              await t.db.restart();
              faults++;
              await new Promise((r) => setTimeout(r, 150));
            }
          }
        })();
        await Promise.all(
          Array.from({ length: 6 }, async () => {
            for (let i = 0; i < 6; i++) {
              const p = new Client(t.url);
              const started = await p.request('POST', '/api/pupil/start', { code });
              statuses.push({ status: started.status, retry: started.headers.get('retry-after') });
              if (started.status !== 200) continue;
              const body = sampleResponse(def, urnOf(t), 'probe-11', 'end');
              const r = await p.request('POST', '/api/pupil/responses', body);
              statuses.push({ status: r.status, retry: r.headers.get('retry-after') });
            }
          }),
        );
        stop = true;
        await killer;
        assert.ok(faults > 0, 'the database really was interrupted');
        const bad = statuses.filter((x) => x.status >= 500 && (x.status !== 503 || !x.retry));
        assert.deepEqual(bad, [], JSON.stringify(statuses.map((x) => x.status)));
        assert.ok(statuses.some((x) => x.status === 201));
      } finally {
        await t.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    });

    it('F9 P9 retention: 13 months after close the raw rows are gone, the summaries byte-identical; codes go at close', async () => {
      const c = await lead();
      // Codes: the live round's code works until its lead closes the round, then it is gone.
      const demoHash = sha256(DEMO_CODE);
      assert.equal(
        await count('SELECT count(*) AS n FROM class_codes WHERE code_hash = $1', [demoHash]),
        1,
      );
      const close = await c.request('POST', `/api/schools/${urnA}/rounds/${LIVE_ROUND}/close`, {});
      assert.equal(close.status, 200, close.text);
      assert.equal(
        await count('SELECT count(*) AS n FROM class_codes WHERE code_hash = $1', [demoHash]),
        0,
      );
      assert.equal(
        await count(
          'SELECT count(*) AS n FROM sessions WHERE round_id = $1 AND code_hash IS NOT NULL',
          [LIVE_ROUND],
        ),
        0,
      );
      const gone = await new Client(s.url).request('POST', '/api/pupil/start', { code: DEMO_CODE });
      assert.equal(gone.status, 404);
      // The administrator's account is still slowed down for new browsers after F8: unlock it.
      await unlockAccount(s.demo.limits, DEMO_ADMIN);
      const read = async () => {
        const l = await lead(0, '192.0.2.13');
        const admin = new Client(s.url);
        assert.equal((await admin.login(DEMO_ADMIN, undefined, xff('192.0.2.12'))).status, 200);
        // What is published of a round: its results and its count (the round's own JSON also
        // says, rightly, that its raw answers have since been purged).
        const published = async (round: string) => {
          const r = await l.request('GET', `/api/schools/${urnA}/rounds/${round}/results`);
          assert.equal(r.status, 200, r.text.slice(0, 200));
          return JSON.stringify({ results: r.json.results, respondents: r.json.respondents });
        };
        const results = await published(END_ROUND);
        const baseline = await published(BASELINE_ROUND);
        const overview = (await admin.request('GET', '/api/trust/overview')).text;
        const csv = (await admin.request('GET', '/api/trust/export.csv')).text;
        const snapshots = await s.db.query<{ k: string; t: string }>(
          "SELECT school_urn || '/' || round_id AS k, summary::text AS t FROM summary_snapshots WHERE final",
        );
        return {
          results,
          baseline,
          overview,
          csv,
          snapshots: new Map(snapshots.rows.map((r) => [r.k, r.t])),
        };
      };
      const closed = `round_id IN ('${BASELINE_ROUND}', '${END_ROUND}')`;
      const raw = await count(`SELECT count(*) AS n FROM responses WHERE ${closed}`);
      assert.ok(raw > 300, `${raw} raw rows`);
      const first = await read();
      assert.ok(first.snapshots.size >= 8, `${first.snapshots.size} final snapshots`);
      // Thirteen months after the end round closed (2026-07-05).
      clock.set(Date.parse('2026-07-05T12:00:00Z') + 13 * MONTH);
      const report = await s.demo.maintenance.runOnce();
      assert.ok(report.responsesPurged >= raw, JSON.stringify(report));
      // The scheduled run's own integrity check finds nothing wrong, and the portal stays healthy.
      assert.equal(report.integrity, 0, JSON.stringify(s.errors));
      assert.equal((await fetch(`${s.url}/api/health`)).status, 200);
      assert.equal(await count(`SELECT count(*) AS n FROM responses WHERE ${closed}`), 0);
      const second = await read();
      // Compared as strings without printing them (they are large).
      for (const [k, t] of first.snapshots)
        assert.ok(second.snapshots.get(k) === t, `summary ${k} byte-identical`);
      for (const what of ['results', 'baseline', 'overview', 'csv'] as const)
        assert.ok(second[what] === first[what], `${what} byte-identical`);
      clock.set(Date.now());
    });
  });

  describe(`probe (issue 23): damaged storage on ${backend}`, () => {
    if (backend === 'pglite') {
      it('F5 T4 a damaged responses table: health says so, submissions are refused, start-up refuses', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'at-probe-'));
        try {
          const s = await startServer({ dataDir: dir });
          const file = (
            await s.db.query<{ p: string }>("SELECT pg_relation_filepath('responses') AS p")
          ).rows[0]!.p;
          await s.close();
          const fd = openSync(join(dir, file), 'r+');
          writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 0);
          closeSync(fd);
          const db = await openDb({ dataDir: dir });
          const app = await serveApp(db);
          try {
            const health = await fetch(`${app.url}/api/health`);
            assert.equal(health.status, 503, await health.text());
            const p = new Client(app.url);
            assert.equal(
              (await p.request('POST', '/api/pupil/start', { code: DEMO_CODE })).status,
              200,
            );
            const r = await p.request(
              'POST',
              '/api/pupil/responses',
              sampleResponse(
                s.seeded.schools[0]!.phase === 'secondary' ? 'pupil-secondary' : 'pupil-ks2',
                s.seeded.schools[0]!.urn,
                LIVE_ROUND,
                'baseline',
              ),
            );
            assert.ok(r.status >= 500, `not acknowledged: ${r.status}`);
            const problems = await checkIntegrity(db);
            assert.ok(
              problems.some((x) => x.includes('responses')),
              JSON.stringify(problems),
            );
          } finally {
            await app.close();
            await db.close();
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }

    it('F5 T4 a missing table file is a permanent fault: never "try again", and health says unhealthy', async (t) => {
      const dir = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'at-probe-')) : undefined;
      const s = await startServer(backend === 'pg' ? { backend } : { dataDir: dir! });
      const urn = s.seeded.schools[0]!.urn;
      let served: Awaited<ReturnType<typeof serveApp>> | undefined;
      let reopened: Awaited<ReturnType<typeof openDb>> | undefined;
      try {
        const file = (await s.db.query<{ p: string }>("SELECT pg_relation_filepath('audits') AS p"))
          .rows[0]!.p;
        if (backend === 'pg') {
          const data = (
            await s.db.query<{ d: string }>("SELECT current_setting('data_directory') AS d")
          ).rows[0]?.d;
          await s.db.query('CHECKPOINT');
          try {
            unlinkSync(join(data!, file));
          } catch {
            t.skip('the PostgreSQL data directory is not on this machine');
            return;
          }
          // New connections open the table's file afresh and find it gone.
          await s.db.restart();
          served = await serveApp(s.db);
        } else {
          await s.db.close();
          unlinkSync(join(dir!, file));
          reopened = await openDb({ dataDir: dir! });
          served = await serveApp(reopened);
        }
        const health = await fetch(`${served.url}/api/health`);
        assert.equal(health.status, 503, await health.text());
        assert.equal(
          health.headers.get('retry-after'),
          null,
          'a permanent fault is not "try again"',
        );
        const c = new Client(served.url);
        assert.equal((await c.login(leadEmail(0))).status, 200);
        const r = await c.request('GET', `/api/schools/${urn}/rounds/${BASELINE_ROUND}/audit`);
        // PostgreSQL may still answer from pages it holds in memory; it never says "try again".
        assert.ok(r.status === 500 || (backend === 'pg' && r.status === 200), `${r.status}`);
        assert.equal(r.headers.get('retry-after'), null);
        assert.ok(
          served.errors.some((e) => (e.error as { code?: string }).code === '58P01'),
          JSON.stringify(served.errors),
        );
      } finally {
        await served?.close();
        await reopened?.close();
        if (backend === 'pg') {
          await s.db.query('DROP TABLE audits').catch(() => {});
          await s.close();
        } else {
          await s.close().catch(() => {});
          rmSync(dir!, { recursive: true, force: true });
        }
      }
    });
  });
}

describe('probe (issue 23): more than one server, on PostgreSQL', () => {
  if (!process.env.DATABASE_URL) {
    it(
      'needs DATABASE_URL',
      { skip: 'DATABASE_URL not set: PGlite is one server by design' },
      () => {},
    );
    return;
  }
  let s: TestServer;
  before(async () => {
    s = await startServer({ backend: 'pg' });
  });
  after(async () => {
    await s.close();
  });

  it('F12 two servers on one database share throttles, login limits and sessions (no per-process state)', async () => {
    const other = await serveApp(s.db);
    try {
      const servers = [s.url, other.url];
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push(
          (
            await new Client(servers[i % 2]!).request('POST', '/api/pupil/start', {
              code: `WRNG${String(i).padStart(4, 'C')}`,
            })
          ).status,
        );
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(404));
      assert.deepEqual(statuses.slice(10), [429, 429], 'wrong codes counted across both servers');
      const logins: number[] = [];
      for (let i = 0; i < 7; i++)
        logins.push((await new Client(servers[i % 2]!).login(leadEmail(2), `wrong-${i}`)).status);
      assert.deepEqual(logins, [401, 401, 401, 401, 401, 429, 429]);
      // A pupil starts on one server and submits on the other; an exit on one ends it on both.
      const p = new Client(s.url);
      assert.equal((await p.request('POST', '/api/pupil/start', { code: DEMO_CODE })).status, 200);
      const onB = new Client(other.url);
      onB.cookies = p.cookies;
      const def = s.seeded.schools[0]!.phase === 'secondary' ? 'pupil-secondary' : 'pupil-ks2';
      const urn = s.seeded.schools[0]!.urn;
      assert.equal((await onB.request('GET', '/api/pupil/questionnaire')).status, 200);
      const q = new Client(s.url);
      assert.equal((await q.request('POST', '/api/pupil/start', { code: DEMO_CODE })).status, 200);
      const qOnB = new Client(other.url);
      qOnB.cookies = new Map(q.cookies);
      assert.equal((await qOnB.request('GET', '/api/pupil/status')).status, 200);
      assert.equal((await q.request('POST', '/api/pupil/exit', {})).status, 200);
      assert.equal(
        (await qOnB.request('GET', '/api/pupil/status')).status,
        401,
        'ended everywhere',
      );
      const r = await onB.request(
        'POST',
        '/api/pupil/responses',
        sampleResponse(def, urn, LIVE_ROUND, 'baseline'),
      );
      assert.equal(r.status, 201, r.text);
    } finally {
      await other.close();
    }
  });

  it('F8 S7 the unlock command clears an account locked out on every server', async () => {
    for (let i = 0; i < 7; i++) await new Client(s.url).login(leadEmail(3), `wrong-${i}`);
    assert.equal((await new Client(s.url).login(leadEmail(3))).status, 429);
    const cli = fileURLToPath(new URL('../server/cli.ts', import.meta.url));
    const url = new URL(process.env.DATABASE_URL!);
    const searchPath = (
      await s.db.query<{ p: string }>("SELECT current_setting('search_path') AS p")
    ).rows[0]!.p;
    url.searchParams.set('options', `-c search_path=${searchPath}`);
    const run = spawnSync(
      process.execPath,
      ['--conditions=@all-together/source', '--import', 'tsx', cli, 'unlock', leadEmail(3)],
      { env: { ...process.env, DATABASE_URL: url.toString() }, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /unlocked/);
    assert.equal((await new Client(s.url).login(leadEmail(3))).status, 200);
  });
});

// Keep the import used when only PGlite runs.
void freshPg;
