/**
 * Row-level security, tenancy's second wall (reliability.md S3; docs/decisions/0040), on PGlite and,
 * when DATABASE_URL is set, on PostgreSQL: deliberately unscoped queries run as the application role
 * in a school's or a trust's scope, and get nothing of another school or trust; a new table is
 * protected by one line; the integrity check finds a table that is not.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APP_ROLE, NO_TENANT, SYSTEM, withScope, type Scope } from '../server/db.js';
import { checkIntegrity } from '../server/ops/integrity.js';
import { DEMO_TRUST } from '../server/seed.js';
import { sampleResponse, startServer, type TestServer } from './helpers.js';

const backends: ('pglite' | 'pg')[] = [
  'pglite',
  ...(process.env.DATABASE_URL ? (['pg'] as const) : []),
];

const FOREIGN = { trust: 'elsewhere-trust', school: '900001' };
const TENANT_TABLES = [
  'trusts',
  'schools',
  'users',
  'sessions',
  'rounds',
  'class_codes',
  'responses',
  'audits',
  'action_plans',
  'summary_snapshots',
  'audit_log',
];

for (const backend of backends) {
  describe(`S3 row-level security on ${backend}`, () => {
    let s: TestServer;
    let urnA: string;
    let urnB: string;
    const q = async <T = Record<string, unknown>>(scope: Scope, sql: string, params?: unknown[]) =>
      withScope(scope, async () => (await s.db.query<T>(sql, params)).rows);
    const column = async (scope: Scope, sql: string) =>
      (await q<{ v: string | null }>(scope, sql)).map((r) => r.v);

    before(async () => {
      s = await startServer({ backend, schools: 3 });
      urnA = s.seeded.schools[0]!.urn;
      urnB = s.seeded.schools[1]!.urn;
      // Another trust with a school, a round, a code, a response, a session, a user and a log entry.
      const body = sampleResponse('pupil-ks2', FOREIGN.school, 'r1', 'baseline');
      await s.db.transaction(async (tx) => {
        await tx.query('INSERT INTO trusts (id, name) VALUES ($1, $2)', [
          FOREIGN.trust,
          'Elsewhere',
        ]);
        await tx.query(
          "INSERT INTO schools VALUES ($1, $2, 'Elsewhere Primary', 'primary', '998')",
          [FOREIGN.school, FOREIGN.trust],
        );
        await tx.query(
          `INSERT INTO users (id, email, display_name, role, trust_id, school_urn, password_hash)
           VALUES (gen_random_uuid(), 'lead@elsewhere.example', 'Lead', 'school-lead', $1, $2, 'x')`,
          [FOREIGN.trust, FOREIGN.school],
        );
        await tx.query(
          "INSERT INTO rounds (school_urn, id, wave, opens_on, closes_on) VALUES ($1, 'r1', 'baseline', '2026-01-01', '2026-02-01')",
          [FOREIGN.school],
        );
        await tx.query(
          `INSERT INTO class_codes (code_hash, school_urn, round_id, class_label, class_size, definition_id, definition_version)
           VALUES ('foreign-code', $1, 'r1', '3F', 30, 'pupil-ks2', '1.0.0')`,
          [FOREIGN.school],
        );
        await tx.query(
          `INSERT INTO responses (id, school_urn, round_id, wave, definition_id, definition_version, body_hash, body, submitted_on)
           VALUES ($1, $2, 'r1', 'baseline', 'pupil-ks2', '1.0.0', 'h', $3::jsonb, '2026-01-10')`,
          [body.id, FOREIGN.school, JSON.stringify(body)],
        );
        await tx.query(
          `INSERT INTO sessions (id_hash, kind, school_urn, round_id, code_hash, csrf_token, expires_at)
           VALUES ('foreign-session', 'pupil', $1, 'r1', 'foreign-code', 'x', now() + interval '1 hour')`,
          [FOREIGN.school],
        );
        await tx.query(
          "INSERT INTO audit_log (trust_id, school_urn, round_id, kind) VALUES ($1, $2, 'r1', 'round.created')",
          [FOREIGN.trust, FOREIGN.school],
        );
      });
    });
    after(async () => {
      await s.close();
    });

    const schoolA = (): Scope => ({ kind: 'school', trust: DEMO_TRUST.id, school: urnA });
    const trust = (): Scope => ({ kind: 'trust', trust: DEMO_TRUST.id });

    it('S3 the application role is not an owner, a superuser or BYPASSRLS, and every tenant table forces its policy', async () => {
      assert.deepEqual(await column(schoolA(), 'SELECT current_user AS v'), [APP_ROLE]);
      const role = (
        await s.db.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
          'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
          [APP_ROLE],
        )
      ).rows[0]!;
      assert.deepEqual(role, { rolsuper: false, rolbypassrls: false });
      const tables = await s.db.query<{ t: string; owner: string; on: boolean; forced: boolean }>(
        `SELECT c.relname AS t, pg_get_userbyid(c.relowner) AS owner, c.relrowsecurity AS on,
                c.relforcerowsecurity AS forced
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind = 'r'`,
      );
      for (const t of TENANT_TABLES) {
        const row = tables.rows.find((r) => r.t === t);
        assert.ok(row, t);
        assert.ok(row.on && row.forced, `${t}: row-level security on and forced`);
        assert.notEqual(row.owner, APP_ROLE, `${t} is not owned by the application role`);
      }
      assert.deepEqual(await checkIntegrity(s.db), []);
    });

    it('S3 deliberately unscoped queries in a school scope see that school only', async () => {
      // The owner (no scope) sees every tenant: the rows are there to be leaked.
      const everything = await s.db.query<{ v: string }>(
        'SELECT DISTINCT school_urn AS v FROM responses',
      );
      assert.ok(everything.rows.some((r) => r.v === FOREIGN.school));
      assert.ok(everything.rows.some((r) => r.v === urnB));
      for (const table of [
        'responses',
        'rounds',
        'class_codes',
        'audits',
        'summary_snapshots',
        'sessions',
      ]) {
        const seen = await column(schoolA(), `SELECT DISTINCT school_urn AS v FROM ${table}`);
        assert.deepEqual(
          seen.filter((v) => v !== urnA),
          [],
          `${table} shows only school A to school A`,
        );
      }
      assert.deepEqual(await column(schoolA(), 'SELECT urn AS v FROM schools'), [urnA]);
      assert.deepEqual(await column(schoolA(), 'SELECT id AS v FROM trusts'), [DEMO_TRUST.id]);
      const users = await q<{ school_urn: string | null; trust_id: string }>(
        schoolA(),
        'SELECT school_urn, trust_id FROM users',
      );
      assert.ok(users.length >= 2);
      for (const u of users) {
        assert.equal(u.trust_id, DEMO_TRUST.id);
        assert.ok(u.school_urn === null || u.school_urn === urnA, 'no other school’s staff');
      }
      const log = await column(schoolA(), 'SELECT DISTINCT school_urn AS v FROM audit_log');
      assert.ok(!log.includes(FOREIGN.school) && !log.includes(urnB));
      // A join that forgets the school on one side still cannot reach it.
      const joined = await column(
        schoolA(),
        'SELECT DISTINCT s.name AS v FROM schools s JOIN responses r ON r.school_urn = s.urn',
      );
      assert.equal(joined.length, 1);
    });

    it('S3 deliberately unscoped queries in a trust scope see that trust only; no tenant sees nothing', async () => {
      const schools = await column(trust(), 'SELECT urn AS v FROM schools ORDER BY urn');
      assert.deepEqual(schools, s.seeded.schools.map((x) => x.urn).sort());
      for (const table of ['responses', 'rounds', 'class_codes', 'sessions', 'audit_log']) {
        const seen = await column(trust(), `SELECT DISTINCT school_urn AS v FROM ${table}`);
        assert.ok(!seen.includes(FOREIGN.school), `${table}: nothing of another trust`);
      }
      assert.deepEqual(
        await column(trust(), "SELECT email AS v FROM users WHERE email LIKE '%elsewhere%'"),
        [],
      );
      for (const table of TENANT_TABLES) {
        const n = await q<{ n: string }>(NO_TENANT, `SELECT count(*) AS n FROM ${table}`);
        assert.equal(Number(n[0]!.n), 0, `${table} with no tenant`);
      }
      const all = await q<{ n: string }>(
        SYSTEM,
        'SELECT count(DISTINCT school_urn) AS n FROM responses',
      );
      assert.ok(Number(all[0]!.n) >= 3, 'the system scope (sign-in, retention) sees every school');
    });

    it('S3 writes cannot cross schools either: an unscoped UPDATE touches its own rows, a foreign INSERT is refused', async () => {
      const mine = await s.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM class_codes WHERE school_urn = $1',
        [urnA],
      );
      const updated = await withScope(schoolA(), () =>
        s.db.query('UPDATE class_codes SET class_label = class_label'),
      );
      assert.equal(updated.rowCount, Number(mine.rows[0]!.n));
      await assert.rejects(
        withScope(schoolA(), () =>
          s.db.query(
            "INSERT INTO audits (school_urn, round_id, body) VALUES ($1, 'r1', '{}'::jsonb)",
            [FOREIGN.school],
          ),
        ),
        (e: { code?: string }) => e.code === '42501',
      );
      const foreign = await s.db.query<{ n: string }>(
        'SELECT count(*) AS n FROM audits WHERE school_urn = $1',
        [FOREIGN.school],
      );
      assert.equal(Number(foreign.rows[0]!.n), 0);
    });

    it('S3 one line protects a new table; the integrity check refuses a tenant table without it', async () => {
      await s.db.exec(
        'CREATE TABLE probe_notes (id serial PRIMARY KEY, school_urn text NOT NULL, note text NOT NULL)',
      );
      try {
        await s.db.query(
          "INSERT INTO probe_notes (school_urn, note) VALUES ($1, 'mine'), ($2, 'theirs'), ($3, 'foreign')",
          [urnA, urnB, FOREIGN.school],
        );
        const before = await checkIntegrity(s.db);
        assert.ok(
          before.some((p) => p.includes('probe_notes') && p.includes('at_protect')),
          JSON.stringify(before),
        );
        // Without the policy the application role reads every school's notes.
        assert.equal((await column(schoolA(), 'SELECT note AS v FROM probe_notes')).length, 3);
        await s.db.query("SELECT at_protect('probe_notes')");
        assert.deepEqual(await checkIntegrity(s.db), []);
        assert.deepEqual(await column(schoolA(), 'SELECT note AS v FROM probe_notes'), ['mine']);
        assert.deepEqual((await column(trust(), 'SELECT note AS v FROM probe_notes')).sort(), [
          'mine',
          'theirs',
        ]);
      } finally {
        await s.db.exec('DROP TABLE probe_notes');
      }
    });
  });
}
