/**
 * Issue 15, findings 3–6, and what fixes them: the round lifecycle (open → closed → locked), class
 * codes with a declared class size and revocation, one response per pupil session, live progress
 * in bands, snapshots (D5), the reporting round, and the append-only audit log. Over HTTP on
 * PGlite, and on PostgreSQL too when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASELINE_ROUND, DEMO_ADMIN, END_ROUND, LIVE_ROUND, leadEmail } from '../server/seed.js';
import { Client, sampleResponse, startServer, type TestServer } from './helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];

const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Count {
  label: string;
  value: number | null;
}
interface RoundJson {
  id: string;
  state: string;
  accepting: boolean;
  reporting: boolean;
  responses: Count;
}
interface CodeJson {
  id: string;
  classLabel: string;
  classSize: number;
  revoked: boolean;
  responses: Count;
  definition: { id: string };
  issuedOn: string;
}
interface LogEntry {
  kind: string;
  school: { urn: string } | null;
  round: string | null;
  actor: { name: string; role: string } | null;
  detail: Record<string, unknown>;
}

for (const backend of backends) {
  describe(`round lifecycle, codes and the audit log on ${backend}`, () => {
    let s: TestServer;
    let urnA: string;
    let urnB: string;
    let serial = 0;
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
    const admin = async () => {
      const c = new Client(s.url);
      assert.equal((await c.login(DEMO_ADMIN)).status, 200);
      return c;
    };
    /** A fresh open round of school A (opens today, closes in four weeks). */
    const newRound = async (c: Client, wave: 'baseline' | 'end' = 'baseline') => {
      const id = `t-${backend}-${++serial}`;
      const r = await c.request('POST', `/api/schools/${urnA}/rounds`, {
        id,
        wave,
        opensOn: day(),
        closesOn: day(28),
      });
      assert.equal(r.status, 201, r.text);
      return id;
    };
    const issue = async (c: Client, round: string, classSize = 30, classLabel = '4B') => {
      const r = await c.request('POST', `/api/schools/${urnA}/rounds/${round}/codes`, {
        classLabel,
        classSize,
        definition: 'pupil-ks2',
      });
      assert.equal(r.status, 201, r.text);
      return { code: String(r.json.code), id: String(r.json.id) };
    };
    const start = (code: string) => {
      const p = new Client(s.url);
      return p.request('POST', '/api/pupil/start', { code }).then((r) => ({ p, r }));
    };
    const answer = (round: string, answers: Record<string, string> = {}) =>
      sampleResponse('pupil-ks2', urnA, round, 'baseline', answers);
    /** One pupil: a session of its own, one response. */
    const submitOne = async (code: string, round: string, answers: Record<string, string> = {}) => {
      const { p, r } = await start(code);
      assert.equal(r.status, 200, r.text);
      const sent = await p.request('POST', '/api/pupil/responses', answer(round, answers));
      assert.equal(sent.status, 201, sent.text);
    };
    const roundOf = async (c: Client, id: string) => {
      const r = await c.request('GET', `/api/schools/${urnA}/rounds`);
      assert.equal(r.status, 200, r.text);
      return (r.json.rounds as RoundJson[]).find((x) => x.id === id)!;
    };
    const stored = (round: string) =>
      count('SELECT count(*) AS n FROM responses WHERE school_urn = $1 AND round_id = $2', [
        urnA,
        round,
      ]);
    const trustLog = async (query = '') => {
      const r = await (await admin()).request('GET', `/api/trust/log${query}`);
      assert.equal(r.status, 200, r.text);
      return r.json.entries as LogEntry[];
    };

    describe('finding 3: the insider and the live count (D5)', () => {
      it('F3 D5 a lead planting answers sees bands, not exact counts; an open round publishes nothing under 10 and changes only at snapshots', async () => {
        const c = await lead();
        const round = await newRound(c);
        const { code } = await issue(c, round);
        for (let i = 0; i < 9; i++)
          await submitOne(code, round, { 'bullied-face-to-face': 'not-at-all' });
        const planted = await roundOf(c, round);
        assert.deepEqual(planted.responses, { label: 'fewer than 10', value: null });
        const results = `/api/schools/${urnA}/rounds/${round}/results`;
        const early = await c.request('GET', results);
        assert.equal(early.status, 200, early.text);
        assert.deepEqual(early.json.respondents, { label: 'fewer than 10', value: null });
        assert.deepEqual(
          (early.json.results as { pools: unknown[] }).pools,
          [],
          'nothing from 9 responses is published',
        );
        // Live progress in bands: no exact count in any answer a lead can read about the round.
        for (const path of [
          `/api/schools/${urnA}/rounds`,
          `/api/schools/${urnA}/rounds/${round}/codes`,
        ]) {
          const text = (await c.request('GET', path)).text;
          assert.doesNotMatch(text, /"responses":\s*9\b/, path);
        }
        await submitOne(code, round, { 'bullied-face-to-face': 'several-times-a-week' });
        await submitOne(code, round);
        const ten = await c.request('GET', results);
        const rounds10 = await c.request('GET', `/api/schools/${urnA}/rounds`);
        assert.deepEqual((await roundOf(c, round)).responses, { label: '10 or more', value: null });
        // Two more responses: the band and the snapshot stay the same, byte for byte.
        await submitOne(code, round);
        await submitOne(code, round);
        assert.equal(await stored(round), 13);
        assert.deepEqual((await c.request('GET', results)).json, ten.json);
        assert.deepEqual(
          (await c.request('GET', `/api/schools/${urnA}/rounds`)).json,
          rounds10.json,
        );
        // What a trust can see of it: the code, its class size and who issued it.
        const issued = (await trustLog(`?school=${urnA}`)).find(
          (e) => e.kind === 'code.issued' && e.round === round,
        );
        assert.ok(issued, 'the code issue is in the trust log');
        assert.equal(issued.detail.classSize, 30);
        assert.equal(issued.actor?.role, 'school-lead');
      });
    });

    describe('finding 4: one pupil session stores one response', () => {
      it('F4 one session stores one response and ends at submit; a replay of it still gets its 201 (S13)', async () => {
        const c = await lead();
        const round = await newRound(c);
        const { code } = await issue(c, round);
        const { p, r } = await start(code);
        assert.equal(r.status, 200);
        const first = answer(round);
        assert.equal((await p.request('POST', '/api/pupil/responses', first)).status, 201);
        const more = await Promise.all(
          Array.from({ length: 40 }, () =>
            p.request('POST', '/api/pupil/responses', answer(round)),
          ),
        );
        assert.deepEqual([...new Set(more.map((x) => x.status))], [409]);
        assert.equal(more[0]!.json.reason, 'sent');
        assert.match(String(more[0]!.json.error), /already sent/i);
        assert.equal(await stored(round), 1);
        const replay = await p.request('POST', '/api/pupil/responses', first, {
          'idempotency-key': first.id,
        });
        assert.equal(replay.status, 201, 'a retry of the stored response still gets 201');
        assert.equal(replay.json.status, 'already-stored');
        const q = await p.request('GET', '/api/pupil/questionnaire');
        assert.equal(q.status, 410, 'the session has ended');
        assert.equal(q.json.reason, 'sent');
      });
    });

    describe('finding 5: late answers', () => {
      it('F5 a round closed by its lead refuses answers from sessions started while it was open; final results do not change', async () => {
        const c = await lead();
        const round = await newRound(c);
        const { code } = await issue(c, round);
        for (let i = 0; i < 12; i++) await submitOne(code, round);
        const late = await start(code);
        assert.equal(late.r.status, 200);
        const closed = await c.request('POST', `/api/schools/${urnA}/rounds/${round}/close`, {});
        assert.equal(closed.status, 200, closed.text);
        const results = `/api/schools/${urnA}/rounds/${round}/results`;
        const final = await c.request('GET', results);
        const pools = (
          final.json.results as { pools: { end: null; baseline: { respondents: unknown } }[] }
        ).pools;
        assert.deepEqual(pools[0]!.baseline.respondents, { value: 12 });
        const r = await late.p.request('POST', '/api/pupil/responses', answer(round));
        assert.equal(r.status, 409);
        assert.equal(r.json.reason, 'closed');
        assert.equal(await stored(round), 12);
        assert.deepEqual((await c.request('GET', results)).json, final.json);
        // Even a row that reached the table some other way leaves the final snapshot as it is.
        await s.db.query(
          `INSERT INTO responses (id, school_urn, round_id, wave, definition_id, definition_version, body_hash, body, submitted_on)
           SELECT gen_random_uuid(), school_urn, round_id, wave, definition_id, definition_version, 'x', body, submitted_on
             FROM responses WHERE school_urn = $1 AND round_id = $2 LIMIT 1`,
          [urnA, round],
        );
        assert.deepEqual((await c.request('GET', results)).json, final.json, 'final is frozen');
        // P9: the round's class codes went with the close; a new pupil with the code is not let
        // in (the session above, started while it was open, was told kindly that it had finished).
        const again = await start(code);
        assert.equal(again.r.status, 404);
        assert.equal(again.r.json.reason, 'not-found');
      });
      it('F5 P9 a round that keeps its codes a few days after closing tells a new pupil kindly that it has finished', async () => {
        const c = await lead();
        const id = `t-${backend}-${++serial}`;
        const created = await c.request('POST', `/api/schools/${urnA}/rounds`, {
          id,
          wave: 'baseline',
          opensOn: day(),
          closesOn: day(28),
          retention: { codeDays: 7 },
        });
        assert.equal(created.status, 201, created.text);
        const { code } = await issue(c, id);
        assert.equal(
          (await c.request('POST', `/api/schools/${urnA}/rounds/${id}/close`, {})).status,
          200,
        );
        const again = await start(code);
        assert.equal(again.r.status, 410);
        assert.equal(again.r.json.reason, 'closed');
        assert.match(String(again.r.json.error), /finished/);
      });
      it('F5 a round whose closing date has passed refuses answers from a session started before', async () => {
        const c = await lead();
        const round = await newRound(c);
        const { code } = await issue(c, round);
        for (let i = 0; i < 12; i++) await submitOne(code, round);
        const late = await start(code);
        // Time passes: the round's last day was yesterday.
        await s.db.query(
          'UPDATE rounds SET opens_on = $3, closes_on = $3 WHERE school_urn = $1 AND id = $2',
          [urnA, round, day(-1)],
        );
        const r = await late.p.request('POST', '/api/pupil/responses', answer(round));
        assert.equal(r.status, 409);
        assert.equal(r.json.reason, 'closed');
        assert.equal(await stored(round), 12);
        assert.equal((await roundOf(c, round)).state, 'closed');
      });
    });

    describe('finding 6: rewriting history', () => {
      it('F6 a closed round’s audit and plan are read-only (409, plain words) and the award stays as it was', async () => {
        const c = await lead();
        const award = await c.request('GET', `/api/schools/${urnA}/award`);
        const audit = await c.request('GET', `/api/schools/${urnA}/rounds/${BASELINE_ROUND}/audit`);
        assert.equal(audit.status, 200);
        const body = audit.json.response as { ratings: Record<string, string> };
        const blank = {
          ...body,
          ratings: Object.fromEntries(Object.keys(body.ratings).map((k) => [k, 'not-yet-met'])),
        };
        const put = await c.request(
          'PUT',
          `/api/schools/${urnA}/rounds/${BASELINE_ROUND}/audit`,
          blank,
        );
        assert.equal(put.status, 409, put.text);
        assert.match(String(put.json.error), /closed/);
        assert.equal((audit.json.round as { state: string }).state, 'closed');
        assert.equal((audit.json.round as { editable: boolean }).editable, false);
        const plan = await c.request('GET', `/api/schools/${urnA}/rounds/${BASELINE_ROUND}/plan`);
        const putPlan = await c.request(
          'PUT',
          `/api/schools/${urnA}/rounds/${BASELINE_ROUND}/plan`,
          { ...(plan.json.plan as object), actions: [] },
        );
        assert.equal(putPlan.status, 409, putPlan.text);
        assert.deepEqual((await c.request('GET', `/api/schools/${urnA}/award`)).json, award.json);
        const endAudit = await c.request('GET', `/api/schools/${urnA}/rounds/${END_ROUND}/audit`);
        assert.deepEqual(
          (await c.request('GET', `/api/schools/${urnA}/rounds/${BASELINE_ROUND}/audit`)).json
            .response,
          body,
        );
        assert.equal(endAudit.status, 200);
      });

      it('F6 a round dated in the past is refused with the field named; an empty closed round never replaces the reported one', async () => {
        const c = await lead();
        const trust = await admin();
        const overview = async () =>
          (await trust.request('GET', '/api/trust/overview?wave=baseline')).json;
        const beforeOverview = await overview();
        const r = await c.request('POST', `/api/schools/${urnA}/rounds`, {
          id: 'backdated',
          wave: 'baseline',
          opensOn: day(-40),
          closesOn: day(-20),
        });
        assert.equal(r.status, 400, r.text);
        const paths = (r.json.problems as { path: string }[]).map((p) => p.path).sort();
        assert.deepEqual(paths, ['closesOn', 'opensOn']);
        assert.equal(
          await count("SELECT count(*) AS n FROM rounds WHERE id = 'backdated'"),
          0,
          'nothing stored',
        );
        // Even a round that did close empty (a later, real one) leaves the reported round alone.
        const reported = async () =>
          ((await c.request('GET', `/api/schools/${urnA}/rounds`)).json.rounds as RoundJson[])
            .filter((x) => x.reporting)
            .map((x) => x.id)
            .sort();
        const reportedBefore = await reported();
        assert.equal(reportedBefore.length, 2, 'one reported round per wave');
        await s.db.query(
          `INSERT INTO rounds (school_urn, id, wave, opens_on, closes_on, state, closed_on)
           VALUES ($1, 'closed-empty', 'baseline', $2, $3, 'closed', $3)`,
          [urnA, day(-3), day(-1)],
        );
        assert.deepEqual(await overview(), beforeOverview);
        assert.deepEqual(await reported(), reportedBefore);
      });
    });

    describe('lifecycle', () => {
      it('open → closed → locked, each once, with the state in the JSON; closed rounds issue no codes', async () => {
        const c = await lead();
        const round = await newRound(c);
        const base = `/api/schools/${urnA}/rounds/${round}`;
        const open = await roundOf(c, round);
        assert.equal(open.state, 'open');
        assert.equal(open.accepting, true);
        const early = await c.request('POST', `${base}/lock`, {});
        assert.equal(early.status, 409);
        assert.match(String(early.json.error), /Close the round/);
        assert.equal((await c.request('POST', `${base}/close`, {})).status, 200);
        const again = await c.request('POST', `${base}/close`, {});
        assert.equal(again.status, 409);
        const closed = await roundOf(c, round);
        assert.equal(closed.state, 'closed');
        assert.equal(closed.accepting, false);
        const code = await c.request('POST', `${base}/codes`, { classLabel: '5C', classSize: 20 });
        assert.equal(code.status, 409);
        assert.match(String(code.json.error), /closed/);
        assert.equal((await c.request('POST', `${base}/lock`, {})).status, 200);
        assert.equal((await roundOf(c, round)).state, 'locked');
        assert.equal((await c.request('POST', `${base}/lock`, {})).status, 409);
        const audit = await c.request('GET', `${base}/audit`);
        assert.equal((audit.json.round as { state: string }).state, 'locked');
        // The database refuses to reopen it, whatever the application does.
        await assert.rejects(
          s.db.query("UPDATE rounds SET state = 'open' WHERE school_urn = $1 AND id = $2", [
            urnA,
            round,
          ]),
        );
      });

      it('an open round’s audit and plan can be saved; each save is logged without content', async () => {
        const c = await lead();
        const round = await newRound(c);
        const base = `/api/schools/${urnA}/rounds/${round}`;
        const baseline = await c.request(
          'GET',
          `/api/schools/${urnA}/rounds/${BASELINE_ROUND}/audit`,
        );
        // A new round's audit answers the version its GET gives (the newest, with no audit yet).
        const { id, version } = (await c.request('GET', `${base}/audit`)).json.definition as {
          id: string;
          version: string;
        };
        const audit = { ...(baseline.json.response as object), round, definition: { id, version } };
        const put = await c.request('PUT', `${base}/audit`, audit);
        assert.equal(put.status, 200, put.text);
        const got = await c.request('GET', `${base}/audit`);
        assert.equal((got.json.round as { editable: boolean }).editable, true);
        const entries = await trustLog(`?school=${urnA}`);
        const saved = entries.find((e) => e.kind === 'audit.saved' && e.round === round);
        assert.ok(saved);
        assert.equal(typeof saved.detail.rated, 'number');
        assert.ok(!JSON.stringify(saved).includes('fully-met'), 'no ratings in the log');
      });
    });

    describe('class codes: class size and revoke', () => {
      it('a class code needs a class size; it admits no more responses than that, with a kind message', async () => {
        const c = await lead();
        const round = await newRound(c);
        const missing = await c.request('POST', `/api/schools/${urnA}/rounds/${round}/codes`, {
          classLabel: '3A',
        });
        assert.equal(missing.status, 400);
        assert.deepEqual(
          (missing.json.problems as { path: string }[]).map((p) => p.path),
          ['classSize'],
        );
        const { code } = await issue(c, round, 2, '3A');
        const third = await start(code);
        await submitOne(code, round);
        await submitOne(code, round);
        const refused = await third.p.request('POST', '/api/pupil/responses', answer(round));
        assert.equal(refused.status, 409);
        assert.equal(refused.json.reason, 'full');
        assert.match(String(refused.json.error), /teacher/);
        const fourth = await start(code);
        assert.equal(fourth.r.status, 409);
        assert.equal(fourth.r.json.reason, 'full');
        assert.equal(await stored(round), 2);
      });

      it('50 pupils of a class of 30 at once: exactly 30 stored', async () => {
        const c = await lead();
        const round = await newRound(c);
        const { code } = await issue(c, round, 30, '6R');
        const pupils = await Promise.all(Array.from({ length: 50 }, () => start(code)));
        const statuses = await Promise.all(
          pupils.map(({ p }) => p.request('POST', '/api/pupil/responses', answer(round))),
        );
        assert.equal(statuses.filter((x) => x.status === 201).length, 30);
        assert.equal(statuses.filter((x) => x.status === 409).length, 20);
        assert.equal(await stored(round), 30);
      });

      it('issued codes are listed by class with size, questionnaire, date and a band; revoke admits no new pupil and is logged', async () => {
        const c = await lead();
        const round = await newRound(c);
        const a = await issue(c, round, 28, '2M');
        const b = await issue(c, round, 25, '2K');
        await submitOne(a.code, round);
        const list = await c.request('GET', `/api/schools/${urnA}/rounds/${round}/codes`);
        assert.equal(list.status, 200);
        const codes = list.json.codes as CodeJson[];
        assert.deepEqual(
          codes.map((x) => x.classLabel),
          ['2K', '2M'],
          'by class',
        );
        const m = codes.find((x) => x.classLabel === '2M')!;
        assert.equal(m.classSize, 28);
        assert.equal(m.definition.id, 'pupil-ks2');
        assert.equal(m.issuedOn, day());
        assert.deepEqual(m.responses, { label: 'fewer than 10', value: null });
        assert.equal(m.revoked, false);
        assert.ok(!list.text.includes(a.code.replace('-', '')) && !list.text.includes(a.code));
        const revoke = await c.request(
          'POST',
          `/api/schools/${urnA}/rounds/${round}/codes/${b.id}/revoke`,
          {},
        );
        assert.equal(revoke.status, 200, revoke.text);
        const refused = await start(b.code);
        assert.equal(refused.r.status, 410);
        assert.equal(refused.r.json.reason, 'revoked');
        assert.match(String(refused.r.json.error), /teacher/);
        assert.equal((await start(a.code)).r.status, 200, 'the other code still works');
        const after = (await c.request('GET', `/api/schools/${urnA}/rounds/${round}/codes`)).json
          .codes as CodeJson[];
        assert.equal(after.find((x) => x.id === b.id)!.revoked, true);
        const kinds = (await trustLog(`?school=${urnA}`))
          .filter((e) => e.round === round)
          .map((e) => e.kind);
        assert.ok(kinds.includes('code.revoked'));
        assert.equal(kinds.filter((k) => k === 'code.issued').length, 2);
      });
    });

    describe('the audit log', () => {
      it('records rounds, codes, closes and locks with who, when and where, and never pupil content', async () => {
        const c = await lead();
        const round = await newRound(c);
        const { code } = await issue(c, round, 12, '1F');
        await submitOne(code, round, { 'bullied-face-to-face': 'several-times-a-week' });
        await c.request('POST', `/api/schools/${urnA}/rounds/${round}/close`, {});
        await c.request('POST', `/api/schools/${urnA}/rounds/${round}/lock`, {});
        const entries = (await trustLog(`?school=${urnA}`)).filter((e) => e.round === round);
        assert.deepEqual(
          entries.map((e) => e.kind),
          ['round.locked', 'round.closed', 'code.issued', 'round.created'],
          'newest first',
        );
        for (const e of entries) {
          assert.equal(e.school?.urn, urnA);
          assert.match(e.actor?.name ?? '', /Lead/);
        }
        const raw = JSON.stringify(
          (await s.db.query('SELECT * FROM audit_log WHERE round_id = $1', [round])).rows,
        );
        for (const bad of ['several-times-a-week', 'bullied', code, code.replace('-', '')])
          assert.ok(!raw.includes(bad), bad);
      });

      it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
        assert.ok((await count('SELECT count(*) AS n FROM audit_log')) > 0);
        await assert.rejects(s.db.query("UPDATE audit_log SET kind = 'nothing'"));
        await assert.rejects(s.db.query('DELETE FROM audit_log'));
        await assert.rejects(s.db.query('TRUNCATE audit_log'));
        assert.ok((await count('SELECT count(*) AS n FROM audit_log')) > 0);
      });

      it('a pupil session started from a lead’s signed-in browser is logged against the lead', async () => {
        const c = await lead();
        const round = await newRound(c);
        const { code } = await issue(c, round, 10, '5P');
        const r = await c.request('POST', '/api/pupil/start', { code });
        assert.equal(r.status, 200);
        const e = (await trustLog(`?school=${urnA}`)).find(
          (x) => x.kind === 'pupil.staff-browser' && x.round === round,
        );
        assert.ok(e);
        assert.equal(e.actor?.role, 'school-lead');
      });

      it('S1 tenancy: a lead reads their own school’s log and codes, never another school’s', async () => {
        const a = await lead(0);
        const b = await lead(1);
        const own = await a.request('GET', `/api/schools/${urnA}/log`);
        assert.equal(own.status, 200);
        const entries = own.json.entries as LogEntry[];
        assert.ok(entries.length > 0);
        assert.ok(entries.every((e) => e.school?.urn === urnA));
        assert.equal((await a.request('GET', `/api/schools/${urnB}/log`)).status, 403);
        assert.equal(
          (await a.request('GET', `/api/schools/${urnB}/rounds/${BASELINE_ROUND}/codes`)).status,
          403,
        );
        // A code id of school A under school B's lead: not found, and not revoked.
        const round = await newRound(a);
        const { id } = await issue(a, round, 10, '6X');
        const foreign = await b.request(
          'POST',
          `/api/schools/${urnB}/rounds/${round}/codes/${id}/revoke`,
          {},
        );
        assert.ok([403, 404].includes(foreign.status), String(foreign.status));
        const list = (await a.request('GET', `/api/schools/${urnA}/rounds/${round}/codes`)).json
          .codes as CodeJson[];
        assert.equal(list[0]!.revoked, false);
        assert.equal((await b.request('GET', '/api/trust/log')).status, 403);
        const trustOnly = await trustLog(`?school=${urnB}`);
        assert.ok(trustOnly.every((e) => e.school?.urn === urnB));
      });

      it('the live round stays open for the seeded demo code', async () => {
        const c = await lead();
        assert.equal((await roundOf(c, LIVE_ROUND)).state, 'open');
      });
    });
  });
}
