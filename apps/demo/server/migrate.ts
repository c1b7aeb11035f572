/**
 * A tiny migrator: applies `migrations/NNN_name.sql` in order, in one transaction, and
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

/**
 * Applies pending migrations in one transaction under an advisory lock, so two servers starting at
 * once never race (a concurrent `CREATE TABLE IF NOT EXISTS` can fail on PostgreSQL); the second
 * waits, then finds everything applied. Returns the ids applied now.
 */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  const done = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(72400017)');
    // A migration that changes rows sees every tenant's (row-level security, migration 020, holds
    // the owner too).
    await tx.query("SELECT set_config('app.scope', 'system', true)");
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set(
      (await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id),
    );
    const now: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.id)) continue;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [m.id]);
      now.push(m.id);
    }
    return now;
  });
  await db.durable();
  return done;
}

/**
 * Splits a migration into statements: on semicolons outside dollar-quoted bodies (`$$ … $$`, used by
 * the trigger functions), after dropping whole-line comments. No semicolon may sit inside a string
 * literal in our migrations.
 */
export function splitStatements(sql: string): string[] {
  const text = sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n');
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('$$', i)) {
      quoted = !quoted;
      current += '$$';
      i++;
    } else if (text[i] === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += text[i];
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}
