/**
 * Issue 15, item 1: browsers receive published figures only, in every role (reliability.md D8).
 * Every JSON body a school lead and a trust administrator receive is read as an attacker would:
 * no raw summary, no figure resting on too few pupils, and no figure of another school on its own.
 * Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PublishedResults, type PublishedCell, type Shown } from '@all-together/model';
import { BASELINE_ROUND, DEMO_ADMIN, END_ROUND, leadEmail } from '../server/seed.js';
import { Client, startServer, type TestServer } from './helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];

/** Anything shaped like a raw summary: marginals of answers, sums of scores. */
const RAW = /"binary":\{|"sumSquares"|"respondents":\{"all"|"yes":\{"all"/;
const value = (s: Shown<number>) => ('value' in s ? s.value : undefined);

/** Every cell of a school's own tables and of its rest-of-trust comparisons. */
function cellsOf(results: PublishedResults) {
  const own: PublishedCell[] = [];
  const rest: PublishedCell[] = [];
  for (const pool of results.pools) {
    for (const w of [pool.baseline, pool.end]) {
      for (const t of w?.binary ?? []) own.push(t.total, ...t.groups, ...t.derived);
    }
    for (const t of pool.comparisons) for (const g of t.groups) rest.push(g.comparator);
  }
  return { own, rest };
}

for (const backend of backends) {
  describe(`published figures only, on ${backend}`, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer({ backend, schools: 4 });
    });
    after(async () => {
      await s.close();
    });
    const login = async (email: string) => {
      const c = new Client(s.url);
      assert.equal((await c.login(email)).status, 200);
      return c;
    };

    it("F1 D8 a lead receives their school's published results and the rest of the trust rounded: no raw summary", async () => {
      const c = await login(leadEmail(0));
      const urn = s.seeded.schools[0]!.urn;
      const r = await c.request('GET', `/api/schools/${urn}/rounds/${END_ROUND}/results`);
      assert.equal(r.status, 200, r.text);
      assert.doesNotMatch(r.text, RAW);
      const results = PublishedResults.parse(r.json.results);
      assert.equal(results.viewer, 'school');
      const { own, rest } = cellsOf(results);
      assert.ok(own.length > 100);
      for (const c of own) {
        const base = value(c.base);
        if (base !== undefined && base > 0) assert.ok(base >= 10, `a base of ${base}`);
        if (value(c.percent) !== undefined) assert.ok(base! >= 20, `a percentage on ${base}`);
      }
      assert.ok(
        rest.some((c) => value(c.count) !== undefined),
        'the trust of 4 is compared',
      );
      for (const c of rest) {
        for (const f of [c.base, c.count]) {
          const v = value(f);
          if (v !== undefined) assert.equal(v % 5, 0, 'the rest of the trust is rounded to 5');
        }
      }
      // Both waves are there for the change view, each published at the school's own view.
      assert.ok(results.pools.some((p) => p.baseline && p.end && p.changes.length > 0));
    });

    it('F1 D6 when fewer than 3 schools have at least 10 pupils, the lead gets no rest-of-trust figure at all', async () => {
      const [a, b, c3, d] = s.seeded.schools;
      // Two other schools' baseline rounds lose their answers: they no longer count.
      for (const school of [c3!, d!]) {
        await s.db.query('DELETE FROM summary_snapshots WHERE school_urn = $1 AND round_id = $2', [
          school.urn,
          BASELINE_ROUND,
        ]);
        await s.db.query('DELETE FROM responses WHERE school_urn = $1 AND round_id = $2', [
          school.urn,
          BASELINE_ROUND,
        ]);
      }
      const c = await login(leadEmail(0));
      const r = await c.request('GET', `/api/schools/${a!.urn}/rounds/${BASELINE_ROUND}/results`);
      assert.equal(r.status, 200, r.text);
      const results = PublishedResults.parse(r.json.results);
      for (const pool of results.pools) {
        assert.equal(pool.comparator.baseline?.allowed, false, pool.comparator.baseline?.reason);
        for (const t of pool.comparisons)
          for (const g of t.groups)
            assert.deepEqual(g.comparator.count, { symbol: '[x]', reason: 'no-comparator' });
      }
      // School B's own figures, exact, appear nowhere in A's answer.
      const other = await login(leadEmail(1));
      const mine = PublishedResults.parse(
        (await other.request('GET', `/api/schools/${b!.urn}/rounds/${BASELINE_ROUND}/results`)).json
          .results,
      );
      const bCounts = cellsOf(mine)
        .own.map((x) => value(x.count))
        .filter((v): v is number => v !== undefined && v > 40);
      for (const n of bCounts)
        assert.doesNotMatch(r.text, new RegExp(`"count":\\{"value":${n}\\}`), `B's ${n}`);
    });

    it('F1 D8 the trust administrator receives the trust and each school as one protected publication', async () => {
      const c = await login(DEMO_ADMIN);
      const r = await c.request('GET', '/api/trust/overview');
      assert.equal(r.status, 200, r.text);
      assert.doesNotMatch(r.text, RAW);
      const trust = PublishedResults.parse((r.json.trust as { results: unknown }).results);
      assert.notEqual(trust.viewer, 'school');
      for (const s2 of r.json.schools as { results: unknown }[]) {
        if (!s2.results) continue;
        const results = PublishedResults.parse(s2.results);
        for (const pool of results.pools)
          for (const w of [pool.baseline, pool.end])
            for (const t of w?.binary ?? [])
              assert.equal(t.dimension, 'all', 'a school shows its totals only');
      }
    });

    it('F2 a round with one response publishes nothing: no count of 1 anywhere, no SEN or FSM count', async () => {
      const lead = await login(leadEmail(0));
      const urn = s.seeded.schools[0]!.urn;
      const rounds = (await lead.request('GET', `/api/schools/${urn}/rounds`)).json as {
        rounds: { id: string; state: string }[];
      };
      const open = rounds.rounds.find((x) => x.state === 'open');
      if (!open) return;
      const r = await lead.request('GET', `/api/schools/${urn}/rounds/${open.id}/results`);
      assert.equal(r.status, 200, r.text);
      assert.doesNotMatch(r.text, /"E":1|"yes":1|"respondents":1\b/);
    });
  });

  describe(`hunt the hidden number over random small trusts, on ${backend}`, () => {
    // Trusts of 3–6 schools of 1–40 pupils; some schools then lose one wave's answers entirely.
    for (const seedNo of [11, 12, 13]) {
      it(`trust ${seedNo}: every body a lead and the administrator receive is published only`, async () => {
        const schools = 3 + (seedNo % 4);
        const s = await startServer({ backend, schools, seed: seedNo, pupilsPerSchool: [1, 40] });
        try {
          const empty = s.seeded.schools[seedNo % schools]!;
          await s.db.query('DELETE FROM responses WHERE school_urn = $1 AND round_id = $2', [
            empty.urn,
            END_ROUND,
          ]);
          const passing = async (round: string) =>
            Number(
              (
                await s.db.query<{ n: string }>(
                  `SELECT count(*) AS n FROM (SELECT school_urn FROM responses WHERE round_id = $1 GROUP BY school_urn HAVING count(*) >= 10) x`,
                  [round],
                )
              ).rows[0]!.n,
            );
          for (const [i, school] of s.seeded.schools.entries()) {
            const c = new Client(s.url);
            assert.equal((await c.login(leadEmail(i))).status, 200);
            for (const round of [BASELINE_ROUND, END_ROUND]) {
              const r = await c.request(
                'GET',
                `/api/schools/${school.urn}/rounds/${round}/results`,
              );
              assert.equal(r.status, 200, r.text);
              assert.doesNotMatch(r.text, RAW);
              const results = PublishedResults.parse(r.json.results);
              const { own } = cellsOf(results);
              for (const cell of own) {
                const base = value(cell.base);
                if (base !== undefined && base > 0)
                  assert.ok(base >= 10, `${school.urn} ${round}: base ${base}`);
                if (value(cell.percent) !== undefined) assert.ok(base! >= 20);
              }
              // A comparison is shown only when at least 3 schools (this one included) have k pupils.
              const mineCounts = (
                await s.db.query<{ n: string }>(
                  'SELECT count(*) AS n FROM responses WHERE school_urn = $1 AND round_id = $2',
                  [school.urn, round],
                )
              ).rows[0]!.n;
              const others = (await passing(round)) - (Number(mineCounts) >= 10 ? 1 : 0);
              for (const pool of results.pools) {
                const check = pool.comparator[round === BASELINE_ROUND ? 'baseline' : 'end'];
                if (check)
                  assert.equal(
                    check.allowed,
                    others >= 2 ? check.allowed : false,
                    `${others} other schools pass k`,
                  );
              }
            }
          }
          const admin = new Client(s.url);
          assert.equal((await admin.login(DEMO_ADMIN)).status, 200);
          const o = await admin.request('GET', '/api/trust/overview');
          assert.equal(o.status, 200);
          assert.doesNotMatch(o.text, RAW);
          PublishedResults.parse((o.json.trust as { results: unknown }).results);
          const csv = await admin.request('GET', '/api/trust/export.csv');
          for (const line of csv.text.trim().split('\r\n').slice(1)) {
            const base = line.split(',')[8]!;
            // Which pupils, in words: KS1 beside, never inside, the older pupils' figures.
            assert.match(line.split(',')[3]!, /^(Reception to Year 2|Years 3 to 13)$/, line);
            if (/^\d+$/.test(base)) assert.ok(Number(base) === 0 || Number(base) >= 10, line);
          }
        } finally {
          await s.close();
        }
      });
    }
  });
}
