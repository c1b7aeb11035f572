/**
 * A tiny migrator: applies `migrations/NNN_name.sql` in order, each in its own transaction, and
 * records it in `schema_migrations`. Running it again applies nothing. The same files serve PGlite
 * and PostgreSQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  id: string;
  sql: string;
}

export function listMigrations(dir = DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), sql: readFileSync(dir + f, 'utf8') }));
}

/** Applies pending migrations; returns the ids applied now. */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied = new Set(
    (await db.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id),
  );
  const done: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.id)) continue;
    await db.transaction(async (tx) => {
      // Two servers starting at once: the second waits on the lock, then finds the row and skips.
      await tx.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const again = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [m.id]);
      if (again.rows.length > 0) return;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [m.id]);
      done.push(m.id);
    });
  }
  await db.durable();
  return done;
}

/** Splits a migration into statements (no semicolons inside literals in our migrations). */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
