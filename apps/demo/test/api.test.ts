/**
 * API tests over HTTP on an ephemeral port: auth (S7, S8), CSRF (S9), headers (S10), the
 * authorisation matrix over every registered route (S1), validation (S4, S2), idempotency (S13),
 * class-code throttling (S6), results snapshots (D5), privacy of stored rows and logs (P3, S11) and
 * the trust's suppressed export (D1, D8). Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { hashPassword, verifyPassword } from '../server/security.js';
import { DEMO_ADMIN, DEMO_CODE, LIVE_ROUND, leadEmail } from '../server/seed.js';
import { Client, sampleResponse, startServer, type TestServer } from './helpers.js';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];

for (const backend of backends) {
  describe(`demo API on ${backend}`, () => {
    let s: TestServer;
    let urnA: string;
    let urnB: string;
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await s.db.query<{ n: string }>(sql, params)).rows[0]!.n);

    before(async () => {
      s = await startServer({ backend });
      urnA = s.seeded.schools[0]!.urn;
      urnB = s.seeded.schools[1]!.urn;
    });
    after(async () => {
      await s.close();
    });

    const lead = async (i = 0) => {
      const c = new Client(s.url);
      assert.equal((await c.login(leadEmail(i))).status, 200);
      return c;
    };
    const pupil = async (code = DEMO_CODE) => {
      const c = new Client(s.url);
      const r = await c.request('POST', '/api/pupil/start', { code });
      assert.equal(r.status, 200, r.text);
      return c;
    };
    const newCode = async (definition?: string) => {
      const c = await lead();
      const r = await c.request('POST', `/api/schools/${urnA}/rounds/${LIVE_ROUND}/codes`, {
        classLabel: '6C',
        classSize: 30,
        ...(definition ? { definition } : {}),
      });
      assert.equal(r.status, 201, r.text);
      return String(r.json.code);
    };
    const ownDefinition = () =>
      s.seeded.schools[0]!.phase === 'secondary' ? 'pupil-secondary' : 'pupil-ks2';

    describe('S10 security headers', () => {
      it('S10/W3 every page and API answer carries a strict CSP and the other headers', async () => {
        for (const path of ['/', '/pupil', '/api/health']) {
          const r = await fetch(s.url + path);
          const csp = r.headers.get('content-security-policy') ?? '';
          assert.match(csp, /default-src 'none'/);
          // The pupil's page adds its one inline script by hash (the next test).
          assert.match(csp, /script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')?(;|$)/);
          assert.match(csp, /style-src 'self'(;|$)/);
          assert.match(csp, /require-trusted-types-for 'script'/);
          assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
          assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
          assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
          assert.equal(r.headers.get('cache-control'), 'no-store');
          await r.arrayBuffer();
        }
      });
      it('S10 the built page has no inline script or style', async () => {
        const html = await (await fetch(s.url + '/')).text();
        assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
        assert.doesNotMatch(html, /<style|style=/);
      });
      it("S10/W3 the pupil's page allows its one inline script by its hash, and nothing else inline", async () => {
        const scriptSrc = (r: { headers: Headers }) =>
          /script-src ([^;]*)/.exec(r.headers.get('content-security-policy') ?? '')?.[1];
        const inline = (html: string) =>
          [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
            ([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
          );
        const first = await fetch(`${s.url}/pupil`);
        const html = await first.text();
        assert.equal(inline(html).length, 1, 'one inline script: the look-up of a link code');
        assert.equal(scriptSrc(first), `'self' ${inline(html)[0]}`);
        assert.doesNotMatch(html, /<style|style=/);
        // A browser resuming a session has no code form: no look-up script, none allowed.
        const pupil = new Client(s.url);
        const started = await pupil.request('POST', '/api/pupil/start', { code: DEMO_CODE });
        assert.equal(started.status, 200, started.text);
        const again = await pupil.request('GET', '/pupil');
        assert.deepEqual(inline(again.text), []);
        assert.equal(scriptSrc(again), "'self'");
        // The staff pages allow no inline script at all.
        assert.equal(scriptSrc(await fetch(`${s.url}/`)), "'self'");
      });
    });

    describe('S7 S8 staff sign-in and sessions', () => {
      it('S7 passwords are scrypt with a per-user salt, verified in constant time', async () => {
        delete process.env.SCRYPT_LOG_N;
        const a = await hashPassword('correct horse battery');
        process.env.SCRYPT_LOG_N = '12';
        const b = await hashPassword('correct horse battery');
        assert.match(a, /^scrypt\$17\$8\$1\$/);
        assert.notEqual(a.split('$')[4], b.split('$')[4], 'salts differ');
        assert.equal(await verifyPassword('correct horse battery', b), true);
        assert.equal(await verifyPassword('correct horse batterY', b), false);
        assert.equal(await verifyPassword('anything', undefined), false);
      });
      it('S8 a wrong password is refused without saying which part was wrong', async () => {
        const c = new Client(s.url);
        const r = await c.login(leadEmail(2), 'not the password');
        assert.equal(r.status, 401);
        const r2 = await c.login('nobody@example.org', 'not the password');
        assert.equal(r2.status, 401);
        assert.equal(r.json.error, r2.json.error);
      });
      it('S8 the session cookie is HttpOnly, SameSite=Lax, and Secure with __Host- off localhost', async () => {
        const r = await fetch(s.url + '/api/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: leadEmail(0), password: 'demo-only-password' }),
        });
        const cookie = r.headers.get('set-cookie') ?? '';
        assert.match(cookie, /HttpOnly/);
        assert.match(cookie, /SameSite=Lax/);
        assert.match(cookie, /Path=\//);
        const { app } = s.demo;
        const secure = await app.request('https://portal.example/api/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://portal.example' },
          body: JSON.stringify({ email: leadEmail(0), password: 'demo-only-password' }),
        });
        const sc = secure.headers.get('set-cookie') ?? '';
        assert.equal(secure.status, 200);
        assert.match(sc, /^__Host-at_staff=/);
        assert.match(sc, /Secure/);
        assert.match(secure.headers.get('strict-transport-security') ?? '', /max-age=/);
      });
      it('S8 the session id is rotated at login and invalid after logout', async () => {
        const c = await lead();
        const first = c.cookies.get('at_staff');
        await c.login(leadEmail(0));
        const second = c.cookies.get('at_staff');
        assert.notEqual(first, second);
        const stale = new Client(s.url);
        stale.cookies.set('at_staff', first!);
        assert.equal((await stale.request('GET', '/api/me')).status, 401);
        const out = await c.request('POST', '/api/logout', {});
        assert.equal(out.status, 200);
        // Clear-Site-Data clears cache and storage; the session cookie is deleted by name. Not
        // "cookies": the browser keeps its sign-in token, so others' guesses cannot lock it out.
        assert.match(out.headers.get('clear-site-data') ?? '', /"cache", "storage"/);
        assert.match(out.headers.getSetCookie().join('\n'), /^at_staff=;/m);
        const after = new Client(s.url);
        after.cookies.set('at_staff', second!);
        assert.equal((await after.request('GET', '/api/me')).status, 401);
      });
      it('S7 login failures are throttled per account: 429 with Retry-After after 5', async () => {
        const c = new Client(s.url);
        const statuses: number[] = [];
        for (let i = 0; i < 7; i++)
          statuses.push((await c.login(leadEmail(3), `wrong-${i}`)).status);
        assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
        const r = await c.login(leadEmail(3));
        assert.equal(r.status, 429);
        assert.ok(Number(r.headers.get('retry-after')) > 0);
      });
    });

    describe('S9 CSRF', () => {
      const attempt = async (
        headers: Record<string, string>,
        body: unknown = {
          id: 'csrf-try',
          wave: 'baseline',
          opensOn: inDays(1),
          closesOn: inDays(30),
        },
      ) => {
        const c = await lead();
        return c.request('POST', `/api/schools/${urnA}/rounds`, body, headers);
      };
      it('S9 without the token, with a wrong token, cross-site or from another origin: 403, nothing written', async () => {
        const before = await count("SELECT count(*) AS n FROM rounds WHERE id = 'csrf-try'");
        assert.equal((await attempt({ 'x-csrf-token': '' })).status, 403);
        assert.equal((await attempt({ 'x-csrf-token': 'x'.repeat(43) })).status, 403);
        assert.equal((await attempt({ 'sec-fetch-site': 'cross-site' })).status, 403);
        assert.equal((await attempt({ 'sec-fetch-site': 'same-site' })).status, 403);
        assert.equal((await attempt({ origin: 'https://evil.example' })).status, 403);
        assert.equal(await count("SELECT count(*) AS n FROM rounds WHERE id = 'csrf-try'"), before);
      });
      it('S9 a form post (not JSON) is refused with 415', async () => {
        const r = await attempt(
          { 'content-type': 'application/x-www-form-urlencoded' },
          'id=x&wave=baseline',
        );
        assert.equal(r.status, 415);
      });
      it('S9 with the token, same origin and JSON, it works', async () => {
        const r = await attempt({});
        assert.equal(r.status, 201, r.text);
      });
      it('S9 pupil start and submission refuse cross-site requests', async () => {
        const c = new Client(s.url);
        const r = await c.request(
          'POST',
          '/api/pupil/start',
          { code: DEMO_CODE },
          { 'sec-fetch-site': 'cross-site' },
        );
        assert.equal(r.status, 403);
        const p = await pupil();
        const resp = sampleResponse(ownDefinition(), urnA, LIVE_ROUND, 'baseline');
        const r2 = await p.request('POST', '/api/pupil/responses', resp, {
          origin: 'https://evil.example',
        });
        assert.equal(r2.status, 403);
        assert.equal(
          await count('SELECT count(*) AS n FROM responses WHERE id = $1', [resp.id]),
          0,
        );
      });
    });

    describe('S1 authorisation matrix', () => {
      it('S1 every API route the app serves is in the access table', () => {
        const served = s.demo.app.routes
          .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.method !== 'ALL')
          .map((r) => `${r.method} ${r.path}`);
        const table = new Set(s.demo.routes.map((r) => `${r.method} ${r.path}`));
        for (const r of served) assert.ok(table.has(r), `${r} has no access rule`);
        assert.ok(s.demo.routes.length >= 15);
      });

      it('S1 every route refuses the wrong role, and a school lead never reaches another school', async () => {
        const anon = new Client(s.url);
        const leadA = await lead(0);
        const admin = new Client(s.url);
        assert.equal((await admin.login(DEMO_ADMIN)).status, 200);
        const kid = await pupil();
        const checked: string[] = [];
        for (const route of s.demo.routes) {
          if (route.access === 'public') continue;
          const path = (urn: string) =>
            route.path
              .replace(':urn', urn)
              .replace(':round', '2025-26-baseline')
              .replace(':code', '00000000-0000-4000-8000-000000000000');
          const body = route.method === 'GET' ? undefined : {};
          const call = (c: Client, urn = urnA) => c.request(route.method, path(urn), body);
          const expect = async (c: Client, status: number, who: string, urn = urnA) => {
            const r = await call(c, urn);
            assert.equal(
              r.status,
              status,
              `${route.method} ${route.path} as ${who}: ${r.status} ${r.text.slice(0, 200)}`,
            );
            // No foreign school's data in a refusal.
            assert.ok(
              !r.text.includes(s.seeded.schools[1]!.name),
              `${route.path} leaked a school name`,
            );
            checked.push(`${route.method} ${route.path} ${who}`);
          };
          await expect(anon, 401, 'anonymous');
          if (route.access === 'pupil') {
            await expect(leadA, 401, 'a lead without a pupil session');
            continue;
          }
          await expect(kid, 401, 'a pupil');
          if (route.access === 'school-lead') {
            await expect(admin, 403, 'a trust admin');
            if (route.schoolScoped) await expect(leadA, 403, 'the lead of another school', urnB);
          }
          if (route.access === 'trust-admin') await expect(leadA, 403, 'a school lead');
          if (route.access.startsWith('area')) await expect(leadA, 403, 'a school lead');
        }
        assert.ok(checked.length >= 30, `only ${checked.length} checks`);
      });

      it('S1 a lead reads their own school, with the school taken from the session', async () => {
        const c = await lead(0);
        const r = await c.request('GET', `/api/schools/${urnA}/rounds`);
        assert.equal(r.status, 200);
        assert.equal((r.json.school as { urn: string }).urn, urnA);
      });
    });

    describe('S4 S2 validation', () => {
      it('S4 a bad round is refused with the path and message, and nothing changes', async () => {
        const c = await lead();
        const before = await count('SELECT count(*) AS n FROM rounds');
        const r = await c.request('POST', `/api/schools/${urnA}/rounds`, {
          id: 'Bad Id!',
          wave: 'middle',
          opensOn: '2026-13-01',
          closesOn: 'soon',
        });
        assert.equal(r.status, 400);
        const paths = (r.json.problems as { path: string }[]).map((p) => p.path).sort();
        assert.deepEqual(paths, ['closesOn', 'id', 'opensOn', 'wave']);
        const r2 = await c.request('POST', `/api/schools/${urnA}/rounds`, {
          id: 'x-1',
          wave: 'end',
          opensOn: '2026-01-01',
          closesOn: '2026-02-01',
          school: urnB,
        });
        assert.equal(r2.status, 400, 'unknown keys are refused');
        const r3 = await c.request('POST', `/api/schools/${urnA}/rounds`, '{"id":');
        assert.equal(r3.status, 400);
        assert.equal(await count('SELECT count(*) AS n FROM rounds'), before);
      });

      it('S4 hostile pupil responses get a 4xx naming the path, no row, and the server keeps serving', async () => {
        const p = await pupil();
        const def = ownDefinition();
        const mk = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
          ...sampleResponse(def, urnA, LIVE_ROUND, 'baseline'),
          answers,
          ...extra,
        });
        const cases: [string, unknown, string][] = [
          [
            'unknown option',
            mk({ 'bullied-face-to-face': 'every-minute' }),
            'answers.bullied-face-to-face',
          ],
          ['answer to a hidden item', mk({ 'bullying-types': ['hit'] }), 'answers.bullying-types'],
          [
            'NUL in a value',
            mk({ 'bullied-face-to-face': 'not-at-all\u0000' }),
            'answers.bullied-face-to-face',
          ],
          [
            'RTL override',
            mk({ 'bullied-face-to-face': '\u202Enot-at-all' }),
            'answers.bullied-face-to-face',
          ],
          [
            'wrong version',
            mk({}, { definition: { id: def, version: '9.9.9' } }),
            'definition.version',
          ],
          ['unknown key', mk({}, { name: 'Sam' }), '(top level)'],
          ['a number', mk({ 'bullied-face-to-face': 7 }), 'answers.bullied-face-to-face'],
          ['SQL in a value', mk({ "x'); drop table responses;--": 'a' }), 'answers'],
          ['S2 another school', mk({}, { school: urnB }), 'school'],
          ['S2 another round', mk({}, { round: '2025-26-baseline' }), 'round'],
          ['S2 another wave', mk({}, { wave: 'end' }), 'wave'],
        ];
        const before = await count('SELECT count(*) AS n FROM responses');
        for (const [name, body, path] of cases) {
          const r = await p.request('POST', '/api/pupil/responses', body);
          assert.ok(r.status >= 400 && r.status < 500, `${name}: ${r.status}`);
          const paths = ((r.json.problems as { path: string }[]) ?? []).map((x) => x.path);
          assert.ok(
            paths.some((x) => x.startsWith(path)),
            `${name}: ${JSON.stringify(paths)}`,
          );
        }
        const huge = JSON.stringify(mk({ 'bullied-face-to-face': 0 })).replace(
          '"bullied-face-to-face":0',
          '"bullied-face-to-face":1e309',
        );
        const h = await p.request('POST', '/api/pupil/responses', huge);
        assert.equal(h.status, 422, '1e309 (Infinity) is refused');
        const proto = '{"__proto__":{"polluted":1},' + JSON.stringify(mk({})).slice(1);
        assert.equal((await p.request('POST', '/api/pupil/responses', proto)).status, 422);
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
        const big = await p.request(
          'POST',
          '/api/pupil/responses',
          JSON.stringify(mk({ x: 'a'.repeat(10 * 1024 * 1024) })),
        );
        assert.equal(big.status, 413);
        assert.equal(await count('SELECT count(*) AS n FROM responses'), before);
        assert.equal((await fetch(s.url + '/api/health')).status, 200);
      });
    });

    describe('S13 idempotent submission', () => {
      it('S13 a double submit stores one row and both get 201', async () => {
        const p = await pupil();
        const resp = sampleResponse(ownDefinition(), urnA, LIVE_ROUND, 'baseline', {
          'bullied-face-to-face': 'not-at-all',
        });
        const [a, b] = await Promise.all([
          p.request('POST', '/api/pupil/responses', resp, { 'idempotency-key': resp.id }),
          p.request('POST', '/api/pupil/responses', resp, { 'idempotency-key': resp.id }),
        ]);
        assert.equal(a.status, 201);
        assert.equal(b.status, 201);
        assert.equal(
          await count('SELECT count(*) AS n FROM responses WHERE id = $1', [resp.id]),
          1,
        );
      });
      it('S13 50 concurrent identical posts and a retry after a lost reply: exactly one row', async () => {
        const p = await pupil();
        const resp = sampleResponse(ownDefinition(), urnA, LIVE_ROUND, 'baseline');
        const all = await Promise.all(
          Array.from({ length: 50 }, () => p.request('POST', '/api/pupil/responses', resp)),
        );
        assert.deepEqual([...new Set(all.map((r) => r.status))], [201]);
        const retry = await p.request('POST', '/api/pupil/responses', resp);
        assert.equal(retry.status, 201);
        assert.equal(retry.json.status, 'already-stored');
        assert.equal(
          await count('SELECT count(*) AS n FROM responses WHERE id = $1', [resp.id]),
          1,
        );
      });
      it('S13 the same id with other answers is refused with 422 and the first answers are kept', async () => {
        const p = await pupil();
        const resp = sampleResponse(ownDefinition(), urnA, LIVE_ROUND, 'baseline', {
          'bullied-face-to-face': 'not-at-all',
        });
        assert.equal((await p.request('POST', '/api/pupil/responses', resp)).status, 201);
        const other = { ...resp, answers: { 'bullied-face-to-face': 'once-or-twice' } };
        const r = await p.request('POST', '/api/pupil/responses', other);
        assert.equal(r.status, 422);
        const row = (
          await s.db.query<{ body: { answers: Record<string, string> } }>(
            'SELECT body FROM responses WHERE id = $1',
            [resp.id],
          )
        ).rows[0]!;
        assert.equal(row.body.answers['bullied-face-to-face'], 'not-at-all');
        const key = await p.request(
          'POST',
          '/api/pupil/responses',
          sampleResponse(ownDefinition(), urnA, LIVE_ROUND, 'baseline'),
          { 'idempotency-key': resp.id },
        );
        assert.equal(key.status, 422, 'an Idempotency-Key that differs from the id');
      });
    });

    describe('S6 class codes', () => {
      it('S6/A6 a code is accepted in any case, with spaces or dashes, and opens its questionnaire', async () => {
        const c = new Client(s.url);
        const r = await c.request('POST', '/api/pupil/start', {
          code: ` ${DEMO_CODE.slice(0, 4).toLowerCase()} - ${DEMO_CODE.slice(4)} `,
        });
        assert.equal(r.status, 200);
        const q = await c.request('GET', '/api/pupil/questionnaire');
        assert.equal(q.status, 200);
        assert.equal((q.json.definition as { id: string }).id, ownDefinition());
        assert.equal(q.json.school, urnA);
        assert.match(q.headers.get('set-cookie') ?? 'none', /none|SameSite=Strict/);
      });
      it('S6 wrong codes: 404 then 429 with Retry-After after 10 a minute; a correct code is still admitted', async () => {
        const c = new Client(s.url);
        const statuses: number[] = [];
        for (let i = 0; i < 14; i++)
          statuses.push(
            (
              await c.request('POST', '/api/pupil/start', {
                code: `WRNG${String(i).padStart(4, 'A')}`,
              })
            ).status,
          );
        assert.deepEqual(statuses.slice(0, 10), Array(10).fill(404));
        assert.deepEqual(statuses.slice(10), [429, 429, 429, 429]);
        const r = await c.request('POST', '/api/pupil/start', { code: 'ZZZZZZZZ' });
        assert.ok(Number(r.headers.get('retry-after')) > 0);
        assert.equal(
          (await c.request('POST', '/api/pupil/start', { code: DEMO_CODE })).status,
          200,
        );
        // Clear the throttle for the tests after this one.
        await s.demo.limits.clear('code');
      });
      it('S6/W8 the look-up: the questionnaire a code opens, with no session, no cookie and nothing stored', async () => {
        const code = await newCode('pupil-ks2');
        const c = new Client(s.url);
        const r = await c.request('POST', '/api/pupil/look-up', { code: code.toLowerCase() });
        assert.equal(r.status, 200, r.text);
        assert.equal(
          r.headers.get('set-cookie'),
          null,
          'no cookie: nothing to leave behind on a shared device',
        );
        assert.equal(c.cookies.size, 0);
        assert.equal((await c.request('GET', '/api/pupil/status')).status, 401, 'no session');
        // What Start would bring: the same questionnaire, hash and context.
        const started = await c.request('POST', '/api/pupil/start', { code, questionnaire: true });
        assert.equal(started.status, 200, started.text);
        assert.deepEqual(r.json.questionnaire, started.json.questionnaire);
        assert.equal(
          (r.json.questionnaire as { definition: { id: string } }).definition.id,
          'pupil-ks2',
        );
      });
      it("S6 the look-up refuses as Start does, in the pupil's words, and its wrong codes count towards the same limit", async () => {
        const c = new Client(s.url);
        const wrong = await c.request('POST', '/api/pupil/look-up', { code: 'ZZZZZZZZ' });
        assert.equal(wrong.status, 404);
        assert.equal(wrong.json.reason, 'not-found');
        assert.match(String(wrong.json.error), /teacher/);
        const statuses: number[] = [];
        for (let i = 0; i < 9; i++)
          statuses.push(
            (
              await c.request('POST', '/api/pupil/look-up', {
                code: `WRNG${String(i).padStart(4, 'A')}`,
              })
            ).status,
          );
        assert.deepEqual(statuses, [...Array(9).fill(404)]);
        const throttled = await c.request('POST', '/api/pupil/start', { code: 'YYYYYYYY' });
        assert.equal(throttled.status, 429, 'ten wrong look-ups: Start is throttled too');
        assert.equal(
          (await c.request('POST', '/api/pupil/look-up', { code: 'XXXXXXXX' })).status,
          429,
        );
        assert.equal(
          (await c.request('POST', '/api/pupil/look-up', { code: DEMO_CODE })).status,
          200,
          'a correct code is still looked up',
        );
        await s.demo.limits.clear('code');
        const long = await c.request('POST', '/api/pupil/look-up', { code: 'A'.repeat(41) });
        assert.equal(
          long.status,
          400,
          'a code longer than any code is refused before the database',
        );
      });
      it('S6 100 correct entries from one address in a burst are all admitted', async () => {
        const statuses = await Promise.all(
          Array.from({ length: 100 }, () =>
            new Client(s.url)
              .request('POST', '/api/pupil/start', { code: DEMO_CODE })
              .then((r) => r.status),
          ),
        );
        assert.deepEqual([...new Set(statuses)], [200]);
      });
      it('S6 a code is stored only as a hash and is 8 characters from an unambiguous alphabet', async () => {
        const code = await newCode();
        assert.match(code, /^[ACDEFGHJKMNPQRTUVWXY234679]{4}-[ACDEFGHJKMNPQRTUVWXY234679]{4}$/);
        const raw = code.replace('-', '');
        assert.equal(
          await count('SELECT count(*) AS n FROM class_codes WHERE code_hash = $1', [raw]),
          0,
        );
      });
    });

    describe('D5 P3 S11 results and privacy', () => {
      it("D5 an open round's results do not change when one more pupil submits", async () => {
        const c = await lead();
        const first = await c.request('GET', `/api/schools/${urnA}/rounds/${LIVE_ROUND}/results`);
        assert.equal(first.status, 200);
        const p = await pupil();
        assert.equal(
          (
            await p.request(
              'POST',
              '/api/pupil/responses',
              sampleResponse(ownDefinition(), urnA, LIVE_ROUND, 'baseline', {
                'bullied-face-to-face': 'once-or-twice',
              }),
            )
          ).status,
          201,
        );
        const again = await c.request('GET', `/api/schools/${urnA}/rounds/${LIVE_ROUND}/results`);
        assert.deepEqual(again.json.results, first.json.results);
      });
      it('P3 response rows have no address, agent or exact time; times are coarsened to the day', async () => {
        const cols = (
          await s.db.query<{ column_name: string }>(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'responses'",
          )
        ).rows.map((r) => r.column_name);
        for (const bad of ['ip', 'ip_address', 'user_agent', 'referrer', 'created_at', 'name'])
          assert.ok(!cols.includes(bad), bad);
        const p = await pupil();
        const resp = sampleResponse(ownDefinition(), urnA, LIVE_ROUND, 'baseline');
        await p.request('POST', '/api/pupil/responses', resp);
        const row = (
          await s.db.query<{ body: { startedAt: string; submittedAt: string } }>(
            'SELECT body FROM responses WHERE id = $1',
            [resp.id],
          )
        ).rows[0]!;
        assert.match(row.body.startedAt, /T00:00:00Z$/);
        assert.match(row.body.submittedAt, /T00:00:00Z$/);
      });
      it('S11 free text and class codes never reach the log', async () => {
        const code = await newCode('pupil-secondary');
        const p = await pupil(code);
        const resp = sampleResponse('pupil-secondary', urnA, LIVE_ROUND, 'baseline', {
          'safer-school': 'ZEBRA-123 more adults',
        });
        const r = await p.request('POST', '/api/pupil/responses', resp);
        assert.equal(r.status, 201, r.text);
        const all = s.logs.join('\n');
        assert.ok(!all.includes('ZEBRA-123'));
        assert.ok(!all.includes(code) && !all.includes(code.replace('-', '')));
        assert.ok(!all.includes('127.0.0.1'));
      });
    });

    describe('D1 D8 trust aggregates', () => {
      it('D8 the trust overview publishes no figure resting on fewer than 10 pupils', async () => {
        const c = new Client(s.url);
        await c.login(DEMO_ADMIN);
        const r = await c.request('GET', '/api/trust/overview?wave=baseline');
        assert.equal(r.status, 200);
        const text = JSON.stringify(r.json);
        const bases = [...text.matchAll(/"base":\{"value":(\d+)\}/g)].map((m) => Number(m[1]));
        assert.ok(bases.length > 0);
        for (const b of bases) assert.ok(b === 0 || b >= 10, `a base of ${b}`);
        assert.ok(
          !/"answered"|"sumSquares"|"respondents":\{"all"/.test(text),
          'no raw summary leaves for the trust',
        );
      });
      it('D8 the CSV export has the published cells only, with symbols for hidden ones', async () => {
        const c = new Client(s.url);
        await c.login(DEMO_ADMIN);
        const r = await c.request('GET', '/api/trust/export.csv');
        assert.equal(r.status, 200);
        assert.match(r.headers.get('content-type') ?? '', /text\/csv/);
        const lines = r.text.trim().split('\r\n');
        assert.equal(
          lines[0],
          'scope,urn,school,pupils,wave,indicator,breakdown,group,base,count,percent',
        );
        assert.ok(lines.length > 20);
        assert.ok(
          lines.some((l) => l.includes('[c]')),
          'some small groups are hidden',
        );
        for (const l of lines.slice(1)) {
          const base = l.split(',')[8]!;
          if (/^\d+$/.test(base)) assert.ok(Number(base) === 0 || Number(base) >= 10, l);
        }
        const leadClient = await lead();
        assert.equal((await leadClient.request('GET', '/api/trust/export.csv')).status, 403);
      });
      it('the award recommendation is a recommendation for moderation with reasons', async () => {
        const c = await lead(0);
        const r = await c.request('GET', `/api/schools/${urnA}/award`);
        assert.equal(r.status, 200);
        const rec = r.json.recommendation as { status: string; level: string; criteria: unknown[] };
        assert.equal(rec.status, 'recommended-for-moderation');
        assert.ok(['participation', 'bronze', 'silver', 'gold'].includes(rec.level));
        assert.ok(rec.criteria.length > 5);
      });
    });
  });
}
