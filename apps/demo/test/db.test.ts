/** Migrations and idempotent storage on both backends (PostgreSQL when DATABASE_URL is set). */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDb, type Db } from '../server/db.js';
import { listMigrations, migrate } from '../server/migrate.js';
import { SubmissionStore } from '../server/repo/submissions.js';
import { freshPg } from './helpers.js';

const backends: { name: string; open: () => Promise<{ db: Db; done: () => Promise<void> }> }[] = [
  {
    name: 'pglite',
    open: async () => {
      const db = await openDb({ dataDir: 'memory://' });
      return { db, done: () => db.close() };
    },
  },
];
if (process.env.DATABASE_URL) {
  backends.push({
    name: 'pg',
    open: async () => {
      const fresh = await freshPg(process.env.DATABASE_URL!);
      const db = await openDb({ databaseUrl: fresh.url });
      return {
        db,
        done: async () => {
          await db.close();
          await fresh.drop();
        },
      };
    },
  });
}
if (!process.env.DATABASE_URL) {
  it(
    'PostgreSQL pass: set DATABASE_URL to run these tests on a real PostgreSQL',
    { skip: 'DATABASE_URL not set' },
    () => {},
  );
}

for (const backend of backends) {
  describe(`migrations and storage on ${backend.name}`, () => {
    it('applies every migration once, records it, and a second run applies nothing', async () => {
      const { db, done } = await backend.open();
      try {
        const all = listMigrations().map((m) => m.id);
        assert.deepEqual(await migrate(db), all);
        assert.deepEqual(await migrate(db), []);
        const rows = (
          await db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id')
        ).rows.map((r) => r.id);
        assert.deepEqual(rows, all);
        for (const table of [
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
        ]) {
          const r = await db.query(`SELECT count(*) FROM ${table}`);
          assert.equal(r.rows.length, 1, table);
        }
      } finally {
        await done();
      }
    });

    it('two migrators at once apply each migration once', async () => {
      const { db, done } = await backend.open();
      try {
        const [a, b] = await Promise.all([migrate(db), migrate(db)]);
        assert.equal(a.length + b.length, listMigrations().length);
      } finally {
        await done();
      }
    });

    it('S13 the submission store keeps one row per id under concurrency, and flags a changed body', async () => {
      const { db, done } = await backend.open();
      try {
        await migrate(db);
        await db.query("INSERT INTO trusts VALUES ('t', 'T')");
        await db.query("INSERT INTO schools VALUES ('100001', 't', 'S', 'primary', '999')");
        await db.query(
          "INSERT INTO rounds (school_urn, id, wave, opens_on, closes_on) VALUES ('100001', 'r', 'baseline', '2026-01-01', '2026-02-01')",
        );
        const store = new SubmissionStore(db);
        const sub = (id: string, hash: string) => ({
          id,
          schoolUrn: '100001',
          roundId: 'r',
          wave: 'baseline',
          definitionId: 'pupil-ks2',
          definitionVersion: '1.0.0',
          bodyHash: hash,
          body: { id, hash },
          submittedOn: '2026-01-10',
        });
        const ids = Array.from({ length: 40 }, () => randomUUID());
        const outcomes = await Promise.all(
          ids.flatMap((id) => [store.submit(sub(id, 'h')), store.submit(sub(id, 'h'))]),
        );
        assert.equal(outcomes.filter((o) => o === 'created').length, 40);
        assert.equal(outcomes.filter((o) => o === 'replayed').length, 40);
        assert.equal(await store.submit(sub(ids[0]!, 'other')), 'conflict');
        const n = await db.query<{ n: string }>('SELECT count(*) AS n FROM responses');
        assert.equal(Number(n.rows[0]!.n), 40);
      } finally {
        await done();
      }
    });
  });
}

describe('S14 PGlite on disk', () => {
  it('S14 an acknowledged submission survives closing and reopening the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'at-demo-'));
    try {
      const db = await openDb({ dataDir: dir });
      await migrate(db);
      await db.query("INSERT INTO trusts VALUES ('t', 'T')");
      await db.query("INSERT INTO schools VALUES ('100001', 't', 'S', 'primary', '999')");
      await db.query(
        "INSERT INTO rounds (school_urn, id, wave, opens_on, closes_on) VALUES ('100001', 'r', 'baseline', '2026-01-01', '2026-02-01')",
      );
      const store = new SubmissionStore(db);
      const id = randomUUID();
      assert.equal(
        await store.submit({
          id,
          schoolUrn: '100001',
          roundId: 'r',
          wave: 'baseline',
          definitionId: 'd',
          definitionVersion: '1.0.0',
          bodyHash: 'h',
          body: {},
          submittedOn: '2026-01-10',
        }),
        'created',
      );
      await db.restart();
      assert.equal((await db.query('SELECT 1 FROM responses WHERE id = $1', [id])).rows.length, 1);
      await db.close();
      const again = await openDb({ dataDir: dir });
      assert.equal(
        (await again.query('SELECT 1 FROM responses WHERE id = $1', [id])).rows.length,
        1,
      );
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
