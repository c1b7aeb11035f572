/**
 * The end-of-programme survey (issue "Every instrument live"), on PGlite and, when DATABASE_URL is
 * set, on PostgreSQL: a lead sends it in the national wording and a bad answer is refused with its
 * path and nothing stored; a lead reaches only their own school's (S1); the LA and the trust
 * receive counts of schools only, hidden under 10 (D1), beside the national figures, and never
 * one school's answers or its words.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { SYSTEM, withScope } from '../server/db.js';
import { DEMO_ADMIN } from '../server/seed.js';
import { LA_ADVISER, laLeadEmail, seedArea } from '../server/seed-area.js';
import { programmeYearOf } from '../server/domain/programme-year.js';
import { Client, startServer, type TestServer } from './helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];
const fixture = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve(
      '@all-together/questionnaires/fixtures/end-of-programme/2.0.0/complete.json',
    ),
    'utf8',
  ),
) as { response: Record<string, unknown> & { answers: Record<string, string> } };
/** A school's answers: every outcome `answer`, and words in the comment box. */
const answersFor = (urn: string, answer = 'strongly-agree') => ({
  ...fixture.response,
  id: crypto.randomUUID(),
  school: urn,
  answers: <Record<string, string>>{
    ...Object.fromEntries(Object.keys(fixture.response.answers).map((k) => [k, answer] as const)),
    'biggest-difference': `Words only school ${urn} wrote.`,
  },
});
const thisYear = programmeYearOf(new Date().toISOString().slice(0, 10));

for (const backend of backends) {
  describe(`the end-of-programme survey on ${backend}`, () => {
    let s: TestServer;
    let maintained: string[];
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

    before(async () => {
      s = await startServer({ backend, schools: 3, pupilsPerSchool: [4, 6] });
      await withScope(SYSTEM, () => seedArea(s.db, { schools: 22, pupilsPerSchool: [3, 5] }));
      maintained = (
        await withScope(SYSTEM, () =>
          s.db.query<{ urn: string }>(
            'SELECT urn FROM schools WHERE trust_id IS NULL ORDER BY urn',
          ),
        )
      ).rows.map((r) => r.urn);
    });
    after(() => s.close());

    it('a lead sends it in the national wording; a wrong answer is refused with its path and nothing is stored', async () => {
      const lead = await signIn(laLeadEmail(0));
      const me = await lead.request('GET', '/api/me');
      const urn = (me.json.school as { urn: string }).urn;
      const got = await lead.request('GET', `/api/schools/${urn}/end-survey`);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.json.year, thisYear);
      assert.equal(got.json.editable, true);
      assert.equal(got.json.response, null);
      assert.match(JSON.stringify(got.json.definition), /As a result of the programme/);
      const before = await count(
        'SELECT count(*) AS n FROM end_surveys WHERE programme_year = $1',
        [thisYear],
      );
      const bad = answersFor(urn);
      bad.answers['bullying-reduced'] = 'maybe';
      const refused = await lead.request('PUT', `/api/schools/${urn}/end-survey`, bad);
      assert.equal(refused.status, 400, refused.text);
      assert.match(refused.text, /answers\.bullying-reduced|bullying-reduced/);
      assert.equal(
        await count('SELECT count(*) AS n FROM end_surveys WHERE programme_year = $1', [thisYear]),
        before,
        'nothing stored',
      );
      const sent = await lead.request('PUT', `/api/schools/${urn}/end-survey`, answersFor(urn));
      assert.equal(sent.status, 200, sent.text);
      const again = await lead.request('GET', `/api/schools/${urn}/end-survey`);
      assert.equal(
        (again.json.response as { answers: Record<string, string> }).answers['bullying-reduced'],
        'strongly-agree',
      );
      assert.equal(
        await count(
          "SELECT count(*) AS n FROM audit_log WHERE kind = 'end-survey.sent' AND school_urn = $1",
          [urn],
        ),
        1,
      );
      // A past year's survey can be read but not changed.
      const past = await lead.request(
        'PUT',
        `/api/schools/${urn}/end-survey?year=2024-25`,
        answersFor(urn),
      );
      assert.equal(past.status, 409, past.text);
    });

    it("S1 a lead can neither read nor send another school's survey, and an LA reads no school's", async () => {
      const lead = await signIn(laLeadEmail(1));
      const me = (await lead.request('GET', '/api/me')).json.school as { urn: string };
      const target = maintained.find((u) => u !== me.urn)!;
      const read = await lead.request('GET', `/api/schools/${target}/end-survey`);
      assert.ok([403, 404].includes(read.status), read.text);
      const write = await lead.request(
        'PUT',
        `/api/schools/${target}/end-survey`,
        answersFor(target),
      );
      assert.ok([403, 404].includes(write.status), write.text);
      assert.equal(
        await count(
          'SELECT count(*) AS n FROM end_surveys WHERE school_urn = $1 AND programme_year = $2',
          [target, thisYear],
        ),
        0,
      );
      const la = await signIn(LA_ADVISER);
      const r = await la.request('GET', `/api/schools/${me.urn}/end-survey`);
      assert.ok([401, 403, 404].includes(r.status), r.text);
      assert.equal((await lead.request('GET', '/api/area/end-survey')).status, 403);
    });

    it("D1 the LA sees schools counted, hidden under 10 and rounded, beside the national figures, and never a school's words", async () => {
      const la = await signIn(LA_ADVISER);
      const few = await la.request('GET', '/api/area/end-survey');
      assert.equal(few.status, 200, few.text);
      type Item = {
        indicator: string;
        base: { value?: number; symbol?: string };
        percent: { value?: number; symbol?: string };
        reported: { percent: number } | null;
      };
      const items = (r: typeof few) => (r.json.published as { items: Item[] }).items;
      assert.ok(
        items(few).every((i) => i.base.symbol === '[c]'),
        'one school answered: hidden',
      );
      // 21 more of the LA's schools answer: with the first, 16 agree and 6 do not.
      const answered = await withScope(SYSTEM, async () =>
        (
          await s.db.query<{ school_urn: string }>(
            'SELECT school_urn FROM end_surveys WHERE programme_year = $1',
            [thisYear],
          )
        ).rows.map((r) => r.school_urn),
      );
      const more = maintained.filter((u) => !answered.includes(u)).slice(0, 21);
      assert.equal(more.length, 21);
      await withScope(SYSTEM, () =>
        s.db.transaction(async (tx) => {
          for (const [i, urn] of more.entries())
            await tx.query(
              `INSERT INTO end_surveys (school_urn, programme_year, definition_id, definition_version, body, submitted_on)
               VALUES ($1, $2, 'end-of-programme', '2.0.0', $3::jsonb, current_date)`,
              [
                urn,
                thisYear,
                JSON.stringify(answersFor(urn, i < 15 ? 'somewhat-agree' : 'neither')),
              ],
            );
        }),
      );
      const many = await la.request('GET', '/api/area/end-survey');
      const reduced = items(many).find((i) => i.indicator.includes('bullying-reduced'))!;
      assert.equal(reduced.base.value, 20, '22 schools, rounded to 5');
      assert.equal(reduced.percent.value, 75, 'from the rounded figures: 15 of 20');
      assert.equal(reduced.reported?.percent, 71);
      assert.ok(!many.text.includes('Words only school'), "a school's comment never leaves it");
      for (const urn of maintained) assert.ok(!many.text.includes(urn), `school ${urn} named`);
      // The trust sees only its own schools: none of them answered.
      const trust = await signIn(DEMO_ADMIN);
      const t = await trust.request('GET', '/api/area/end-survey');
      assert.equal(t.status, 200, t.text);
      assert.ok(items(t).every((i) => i.base.symbol === '[c]' || i.base.value === 0));
    });
  });
}
