/**
 * CPD confidence (issue "Every instrument live", item 2), on PGlite and, when DATABASE_URL is set,
 * on PostgreSQL: an LA, a trust and a school each record courses and sessions for themselves only
 * (S1, S3); a delegate with no account answers before, after and at follow-up, linked by a code of
 * their own that a wrong or foreign code can never borrow (S6); results are published, small
 * sessions hidden (D1, D4, D8), and no answer row or delegate code leaves the server.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { getQuestionnaire } from '@all-together/questionnaires';
import { SYSTEM, withScope } from '../server/db.js';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../server/seed.js';
import { LA_ADVISER, laLeadEmail, seedArea } from '../server/seed-area.js';
import { hashPassword } from '../server/security.js';
import { DEMO_CPD_COURSE, DEMO_CPD_CODE, seedCpd } from '../server/seed-cpd.js';
import { Client, startServer, testClock, type TestServer } from './helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];
const OTHER_ADVISER = 'adviser@other-cpd.example';

const def = getQuestionnaire('cpd-confidence');
const items = def.sections.flatMap((s) => s.items);
/** Found by declared scoring, never by id: the item saying when, and the confidence items. */
const timepointId = items.find(
  (i) => i.scoring.kind === 'category' && i.scoring.indicator === 'cpd-timepoint',
)!.id;
const confidenceIds = items
  .filter((i) => i.scoring.cutoffs.confident !== undefined)
  .map((i) => i.id);

/** A delegate's answers at `timepoint`: every confidence item `level`. */
const responseAt = (timepoint: string, level = 'quite-confident', extra = {}) => {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    id: randomUUID(),
    definition: { id: def.id, version: def.version },
    wave: timepoint === 'before' ? 'baseline' : 'end',
    school: '999999',
    mode: 'anonymous',
    characteristics: { source: 'self-report' },
    answers: {
      [timepointId]: timepoint,
      ...Object.fromEntries(confidenceIds.map((id) => [id, level])),
      ...extra,
    },
    startedAt: now,
    submittedAt: now,
  };
};

for (const backend of backends) {
  describe(`CPD confidence on ${backend}`, () => {
    let s: TestServer;
    const clock = testClock();
    const count = async (sql: string, params?: unknown[]) =>
      withScope(SYSTEM, async () =>
        Number((await s.db.query<{ n: string }>(sql, params)).rows[0]!.n),
      );
    const signIn = async (email: string) => {
      const c = new Client(s.url);
      const r = await c.login(email);
      assert.equal(r.status, 200, `${email}: ${r.text}`);
      return c;
    };
    const delegate = () => new Client(s.url);
    const answer = (body: Record<string, unknown>) =>
      delegate().request('POST', '/api/cpd/answers', body);

    /** A course with a session and its cascade, recorded by `who`. */
    const courseWithSessions = async (who: Client, title: string) => {
      const course = await who.request('POST', '/api/cpd/courses', { title });
      assert.equal(course.status, 201, course.text);
      const id = (course.json.course as { id: string }).id;
      const first = await who.request('POST', `/api/cpd/courses/${id}/sessions`, {
        heldOn: '2026-10-05',
        trainerRole: 'la-adviser',
        audience: 'whole-school-staff',
      });
      assert.equal(first.status, 201, first.text);
      const firstId = (first.json.session as { id: string }).id;
      const cascade = await who.request('POST', `/api/cpd/courses/${id}/sessions`, {
        heldOn: '2026-11-02',
        trainerRole: 'cascade-trainer',
        audience: 'support-and-lunchtime-staff',
        cascadeOf: firstId,
      });
      assert.equal(cascade.status, 201, cascade.text);
      return {
        id,
        first: { id: firstId, code: String(first.json.code), link: String(first.json.link) },
        cascade: {
          id: (cascade.json.session as { id: string }).id,
          code: String(cascade.json.code),
        },
      };
    };

    before(async () => {
      s = await startServer({ backend, schools: 2, pupilsPerSchool: [3, 4], now: clock.now });
      await withScope(SYSTEM, () => seedArea(s.db, { schools: 4, pupilsPerSchool: [3, 4] }));
      const pw = await hashPassword(DEMO_PASSWORD);
      await withScope(SYSTEM, () =>
        s.db.transaction(async (tx) => {
          await tx.query("INSERT INTO local_authorities (code, name) VALUES ('997', 'Other LA')");
          await tx.query(
            `INSERT INTO users (id, email, display_name, role, la_code, password_hash)
             VALUES (gen_random_uuid(), $1, 'Other adviser', 'la-adviser', '997', $2)`,
            [OTHER_ADVISER, pw],
          );
        }),
      );
    });
    after(() => s.close());

    it('S1 an LA records a course, a session and its cascade; another LA, a trust and a school see none of it and cannot add to it', async () => {
      const la = await signIn(LA_ADVISER);
      const c = await courseWithSessions(la, 'Bullying and SEND: whole-school training');
      assert.match(c.first.code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      assert.equal(c.first.link, `/cpd#${c.first.code}`);
      // Only the code's hash is stored.
      assert.equal(
        await count('SELECT count(*) AS n FROM cpd_sessions WHERE code_hash LIKE $1', [
          `%${c.first.code.replace('-', '')}%`,
        ]),
        0,
      );
      const mine = await la.request('GET', '/api/cpd');
      assert.equal(mine.status, 200, mine.text);
      const course = (
        mine.json.courses as { id: string; sessions: { cascade_of: string | null }[] }[]
      ).find((x) => x.id === c.id)!;
      assert.equal(course.sessions.length, 2);
      assert.equal(course.sessions[1]!.cascade_of, c.first.id);

      for (const email of [OTHER_ADVISER, DEMO_ADMIN, laLeadEmail(0)]) {
        const other = await signIn(email);
        const seen = await other.request('GET', '/api/cpd');
        assert.equal(seen.status, 200, seen.text);
        assert.ok(!seen.text.includes(c.id), `${email} sees no foreign course`);
        const added = await other.request('POST', `/api/cpd/courses/${c.id}/sessions`, {
          heldOn: '2026-10-06',
          trainerRole: 'la-adviser',
          audience: 'mixed',
        });
        assert.equal(added.status, 404, `${email}: ${added.text}`);
        const renewed = await other.request('POST', `/api/cpd/sessions/${c.first.id}/code`);
        assert.equal(renewed.status, 404, `${email}: ${renewed.text}`);
      }
      // The trust and a school record their own, which the LA does not see.
      const trust = await signIn(DEMO_ADMIN);
      const t = await courseWithSessions(trust, 'Trust induction: anti-bullying');
      const lead = await signIn(laLeadEmail(0));
      const sc = await courseWithSessions(lead, 'Our lunchtime staff');
      const again = await la.request('GET', '/api/cpd');
      assert.ok(!again.text.includes(t.id) && !again.text.includes(sc.id));
      assert.equal(
        await count('SELECT count(*) AS n FROM cpd_sessions WHERE course_id = ANY($1::uuid[])', [
          [c.id, t.id, sc.id],
        ]),
        6,
      );
      // A pupil or someone signed out records nothing.
      const anon = await delegate().request('POST', '/api/cpd/courses', { title: 'x' });
      assert.ok([401, 403].includes(anon.status), anon.text);
    });

    it('S1 a cascade must follow a session of the same course; bad input names its field', async () => {
      const la = await signIn(LA_ADVISER);
      const a = await courseWithSessions(la, 'Course A');
      const b = await courseWithSessions(la, 'Course B');
      const cross = await la.request('POST', `/api/cpd/courses/${a.id}/sessions`, {
        heldOn: '2026-12-01',
        trainerRole: 'cascade-trainer',
        audience: 'mixed',
        cascadeOf: b.first.id,
      });
      assert.equal(cross.status, 422, cross.text);
      assert.match(cross.text, /cascadeOf/);
      const bad = await la.request('POST', `/api/cpd/courses/${a.id}/sessions`, {
        heldOn: '2026-13-01',
        trainerRole: 'wizard',
        audience: 'mixed',
      });
      assert.ok(bad.status >= 400 && bad.status < 500, bad.text);
      assert.match(bad.text, /heldOn/);
      assert.match(bad.text, /trainerRole/);
      const empty = await la.request('POST', '/api/cpd/courses', { title: '   ' });
      assert.ok(empty.status >= 400 && empty.status < 500, empty.text);
      assert.match(empty.text, /title/);
    });

    it('S4 S5 a hostile course title is stored verbatim or refused with its field, never run', async () => {
      const la = await signIn(LA_ADVISER);
      const sql = "'); drop table cpd_courses;--";
      const stored = await la.request('POST', '/api/cpd/courses', { title: sql });
      assert.equal(stored.status, 201, stored.text);
      assert.equal((stored.json.course as { title: string }).title, sql);
      for (const title of ['a\u0000b', 'x'.repeat(201)]) {
        const r = await la.request('POST', '/api/cpd/courses', { title });
        assert.ok(r.status >= 400 && r.status < 500, r.text);
        assert.match(r.text, /title/);
      }
      const unknown = await la.request('POST', '/api/cpd/courses', { title: 'Fine', owner: '999' });
      assert.ok(unknown.status >= 400 && unknown.status < 500, unknown.text);
      assert.ok((await count('SELECT count(*) AS n FROM cpd_courses')) > 0);
    });

    it("a delegate's before, after and follow-up answers are linked by their code, with no school and no name", async () => {
      const la = await signIn(LA_ADVISER);
      const c = await courseWithSessions(la, 'Linking course');
      const opened = await delegate().request('POST', '/api/cpd/session', {
        code: c.first.code.toLowerCase(),
      });
      assert.equal(opened.status, 200, opened.text);
      assert.match(opened.text, /Linking course/);
      const first = await answer({
        code: c.first.code,
        setting: 'youth-or-community',
        response: responseAt('before', 'not-very-confident'),
      });
      assert.equal(first.status, 201, first.text);
      const mine = String(first.json.delegateCode);
      assert.match(mine, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const later = await answer({
        code: c.first.code,
        delegateCode: ` ${mine.toLowerCase()} `,
        response: responseAt('after', 'very-confident'),
      });
      assert.equal(later.status, 201, later.text);
      assert.equal(later.json.delegateCode, undefined, 'a linked answer makes no new code');
      const followUp = await answer({
        code: c.first.code,
        delegateCode: mine,
        response: responseAt('follow-up', 'quite-confident'),
      });
      assert.equal(followUp.status, 201, followUp.text);
      const rows = await withScope(
        SYSTEM,
        async () =>
          (
            await s.db.query<{ delegate_hash: string; timepoint: string; setting: string | null }>(
              'SELECT delegate_hash, timepoint, setting FROM cpd_answers WHERE session_id = $1 ORDER BY timepoint',
              [c.first.id],
            )
          ).rows,
      );
      assert.deepEqual(
        rows.map((r) => r.timepoint),
        ['after', 'before', 'follow-up'],
      );
      assert.equal(
        new Set(rows.map((r) => r.delegate_hash)).size,
        1,
        'one delegate, three answers',
      );
      assert.ok(!rows[0]!.delegate_hash.includes(mine.replace('-', '')), 'only a hash is kept');
      // The same administration again with the code: refused, nothing replaced.
      const twice = await answer({
        code: c.first.code,
        delegateCode: mine,
        response: responseAt('after', 'not-at-all-confident'),
      });
      assert.equal(twice.status, 409, twice.text);
      assert.equal(
        await count(
          "SELECT count(*) AS n FROM cpd_answers WHERE session_id = $1 AND answers->>'impact-of-bullying' = 'not-at-all-confident'",
          [c.first.id],
        ),
        0,
      );
      // Another delegate without a code is a new delegate.
      const second = await answer({ code: c.first.code, response: responseAt('after') });
      assert.equal(second.status, 201, second.text);
      assert.notEqual(second.json.delegateCode, mine);
      // The cascade's code cannot add to this delegate: their code belongs to the other session.
      const foreign = await answer({
        code: c.cascade.code,
        delegateCode: mine,
        response: responseAt('follow-up'),
      });
      assert.equal(foreign.status, 404, foreign.text);
      assert.equal(foreign.json.reason, 'no-delegate');
      assert.equal(
        await count('SELECT count(*) AS n FROM cpd_answers WHERE session_id = $1', [c.cascade.id]),
        0,
      );
      // The answers table has no column that could name anyone.
      const columns = await withScope(SYSTEM, async () =>
        (
          await s.db.query<{ c: string }>(
            "SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'cpd_answers' AND table_schema = current_schema()",
          )
        ).rows.map((r) => r.c),
      );
      for (const word of ['name', 'email', 'school_name', 'ip', 'user_agent'])
        assert.ok(!columns.includes(word), `no ${word} column`);
    });

    it('S4 a bad answer is refused with its path and nothing is stored', async () => {
      const la = await signIn(LA_ADVISER);
      const c = await courseWithSessions(la, 'Validation course');
      const before = await count('SELECT count(*) AS n FROM cpd_answers');
      const cases = [
        responseAt('before', 'extremely-confident'),
        responseAt('during'),
        { ...responseAt('before'), answers: { [confidenceIds[0]!]: 'quite-confident' } },
        { ...responseAt('before'), definition: { id: 'cpd-confidence', version: '9.9.9' } },
        { ...responseAt('before'), extra: 1 },
      ];
      for (const response of cases) {
        const r = await answer({ code: c.first.code, response });
        assert.equal(r.status, 422, r.text);
        assert.match(r.text, /response/);
      }
      const setting = await answer({
        code: c.first.code,
        setting: 'Acme Primary',
        response: responseAt('before'),
      });
      assert.ok(setting.status >= 400 && setting.status < 500, setting.text);
      assert.equal(await count('SELECT count(*) AS n FROM cpd_answers'), before);
    });

    it('D1 D4 D8 results by session, course and area are published: a small session is [c], no row or code leaves the server', async () => {
      const la = await signIn(LA_ADVISER);
      const c = await courseWithSessions(la, 'Published course');
      const codes: string[] = [];
      // 24 delegates before (a third confident), 22 of them after (all confident), 20 at follow-up.
      for (let i = 0; i < 24; i++) {
        const r = await answer({
          code: c.first.code,
          response: responseAt('before', i % 3 === 0 ? 'quite-confident' : 'not-very-confident'),
        });
        assert.equal(r.status, 201, r.text);
        codes.push(String(r.json.delegateCode));
      }
      for (let i = 0; i < 22; i++) {
        const r = await answer({
          code: c.first.code,
          delegateCode: codes[i],
          response: responseAt('after', 'very-confident'),
        });
        assert.equal(r.status, 201, r.text);
        if (i < 20) {
          const f = await answer({
            code: c.first.code,
            delegateCode: codes[i],
            response: responseAt('follow-up', 'quite-confident'),
          });
          assert.equal(f.status, 201, f.text);
        }
      }
      // The cascade: four delegates, too few to show anything.
      for (let i = 0; i < 4; i++)
        assert.equal(
          (await answer({ code: c.cascade.code, response: responseAt('before', 'very-confident') }))
            .status,
          201,
        );
      const r = await la.request('GET', '/api/cpd');
      assert.equal(r.status, 200, r.text);
      type Cell = { key: string; base: Record<string, number>; percent: Record<string, number> };
      type Pub = {
        confidence: { items: { item: string; cells: Cell[] }[]; notes: string[] };
        linked: { before: Record<string, number>; after: { count: Record<string, number> } };
      };
      type Course = { id: string; results: Pub; sessions: { id: string; results: Pub }[] };
      const course = (r.json.courses as Course[]).find((x) => x.id === c.id)!;
      const first = course.sessions.find((x) => x.id === c.first.id)!.results;
      const cells = first.confidence.items[0]!.cells;
      assert.deepEqual(
        cells.map((x) => [x.key, x.percent.value]),
        [
          ['before', 33],
          ['after', 100],
          ['follow-up', 100],
        ],
      );
      // An LA sees counts rounded to 5.
      assert.deepEqual(first.linked.before, { value: 25 });
      assert.deepEqual(first.linked.after.count, { value: 20 });
      const cascade = course.sessions.find((x) => x.id === c.cascade.id)!.results;
      for (const item of cascade.confidence.items)
        for (const cell of item.cells) {
          assert.ok(!('value' in cell.percent), 'no percentage on four delegates');
          assert.ok(!('value' in cell.base) || cell.base.value === 0);
        }
      assert.equal(cascade.linked.before.symbol, '[c]');
      assert.ok(cascade.confidence.notes.length > 0, 'the hidden figures are explained');
      for (const note of cascade.confidence.notes)
        assert.doesNotMatch(note, /pupil/, 'delegates are adults: the notes say delegates');
      // The course adds both sessions: 28 before.
      assert.deepEqual(course.results.linked.before, { value: 30 });
      // Nothing but published figures: no delegate code, no hash, no answer row.
      const hashes = await withScope(SYSTEM, async () =>
        (await s.db.query<{ h: string }>('SELECT delegate_hash AS h FROM cpd_answers')).rows.map(
          (x) => x.h,
        ),
      );
      for (const h of hashes.slice(0, 40)) assert.ok(!r.text.includes(h));
      for (const code of codes) assert.ok(!r.text.includes(code));
      assert.ok(!r.text.includes('delegate_hash') && !r.text.includes('"answers"'));
    });

    it('D1 the demo seed: Northshire sees its course, the original session shown and the cascade hidden', async () => {
      await withScope(SYSTEM, () => seedCpd(s.db, new Date().toISOString().slice(0, 10)));
      // Seeding twice adds nothing.
      assert.deepEqual(
        await withScope(SYSTEM, () => seedCpd(s.db, new Date().toISOString().slice(0, 10))),
        { sessions: 0, answers: 0 },
      );
      const la = await signIn(LA_ADVISER);
      const r = await la.request('GET', '/api/cpd');
      type Pub = { confidence: { items: { cells: { percent: Record<string, unknown> }[] }[] } };
      const course = (
        r.json.courses as {
          title: string;
          sessions: { cascade_of: string | null; results: Pub }[];
        }[]
      ).find((c) => c.title === DEMO_CPD_COURSE)!;
      assert.equal(course.sessions.length, 2);
      const [original, cascade] = course.sessions;
      assert.equal(cascade!.cascade_of !== null, true);
      assert.ok(
        original!.results.confidence.items.every((i) => i.cells.every((c) => 'value' in c.percent)),
        'the original session shows every figure',
      );
      assert.ok(
        cascade!.results.confidence.items.every((i) => i.cells.every((c) => 'symbol' in c.percent)),
        'the cascade hides every figure',
      );
      // Delegates by where they work: counted once each, small counts hidden, never per answer.
      const settings = r.json.settings as {
        total: Record<string, number>;
        settings: { setting: string; delegates: Record<string, unknown> }[];
      };
      assert.ok('value' in settings.total, 'the total of delegates is shown');
      const youth = settings.settings.find((x) => x.setting === 'youth-or-community')!;
      assert.ok('symbol' in youth.delegates, 'nine youth workers: hidden');
      assert.ok(!r.text.includes('"setting":"youth-or-community","delegates":{"value"'));
      const opened = await delegate().request('POST', '/api/cpd/session', { code: DEMO_CPD_CODE });
      assert.equal(opened.status, 200, opened.text);
    });

    it('S6 wrong session and delegate codes attach to nobody and are throttled: 429 after 10, with Retry-After', async () => {
      // Past the minute of the wrong codes the other tests sent on purpose.
      clock.add(2 * 60_000);
      const la = await signIn(LA_ADVISER);
      const c = await courseWithSessions(la, 'Throttle course');
      const first = await answer({ code: c.first.code, response: responseAt('before') });
      const stored = await count('SELECT count(*) AS n FROM cpd_answers');
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 12; i++) {
        const r =
          i % 2 === 0
            ? await answer({
                code: c.first.code,
                delegateCode: `WRNG${1000 + i}`.slice(0, 8),
                response: responseAt('after'),
              })
            : await delegate().request('POST', '/api/cpd/session', { code: 'AAAA-AAAA' });
        statuses.push(r.status);
        if (r.status === 429) retryAfter = r.headers.get('retry-after');
      }
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(404));
      assert.deepEqual(statuses.slice(10), [429, 429]);
      assert.ok(Number(retryAfter) > 0);
      assert.equal(await count('SELECT count(*) AS n FROM cpd_answers'), stored);
      // A right code is still admitted: successes are never counted.
      const right = await answer({
        code: c.first.code,
        delegateCode: String(first.json.delegateCode),
        response: responseAt('after'),
      });
      assert.equal(right.status, 201, right.text);
    });
  });
}
