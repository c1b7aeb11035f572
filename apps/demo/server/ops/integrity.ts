/**
 * The integrity check (docs/decisions/0043): run at start (the server refuses to start when it
 * finds a problem) and by maintenance every day. It finds, in words an operator can act on:
 *
 * - migrations the code has that the database has not applied, or the other way round;
 * - a table with tenant rows (a `school_urn` or `trust_id` column) without forced row-level security
 *   and a policy, or an application role that could bypass it;
 * - a table that cannot be read to its end (a damaged or missing file): every page of every table is
 *   read, which a health check's one-row reads cannot promise.
 *
 * Problems name tables and SQLSTATEs only, never a row's content.
 */
import { APP_ROLE, SYSTEM, asOwner, withScope, type Db } from '../db.js';
import { listMigrations } from '../migrate.js';
import { healthRepo } from '../repo/health.js';
import { sqlstate } from './faults.js';

export async function checkIntegrity(db: Db, migrations = listMigrations()): Promise<string[]> {
  // As the owner: the application role may not read the migrations table (and must not need to).
  return asOwner(() => check(db, migrations));
}

async function check(db: Db, migrations: ReturnType<typeof listMigrations>): Promise<string[]> {
  const problems: string[] = [];
  try {
    const applied = new Set(
      (await db.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id),
    );
    const known = new Set(migrations.map((m) => m.id));
    for (const m of known) if (!applied.has(m)) problems.push(`migration ${m} is not applied`);
    for (const m of applied)
      if (!known.has(m))
        problems.push(
          `the database has migration ${m}, which this server does not know (a newer version?)`,
        );
  } catch (e) {
    problems.push(`the migrations cannot be read (${sqlstate(e) ?? 'no SQLSTATE'})`);
  }

  const unprotected = await db.query<{ t: string }>(
    `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND NOT a.attisdropped
                      AND a.attname IN ('school_urn', 'trust_id'))
        AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                 AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
      ORDER BY 1`,
  );
  for (const { t } of unprotected.rows)
    problems.push(
      `table ${t} holds tenant rows without forced row-level security: add SELECT at_protect('${t}'); to a migration`,
    );
  const role = await db.query<{ rolsuper: boolean; rolbypassrls: boolean; member: boolean }>(
    `SELECT rolsuper, rolbypassrls, pg_has_role(current_user, oid, 'MEMBER') AS member
       FROM pg_roles WHERE rolname = $1`,
    [APP_ROLE],
  );
  const r = role.rows[0];
  if (!r) problems.push(`the application role ${APP_ROLE} does not exist (migration 020)`);
  else {
    if (r.rolsuper || r.rolbypassrls)
      problems.push(`the application role ${APP_ROLE} bypasses row-level security`);
    if (!r.member) problems.push(`the database user cannot SET ROLE ${APP_ROLE}`);
  }

  // Every page of every table: count(ctid) must fetch each row from its page (an index cannot say).
  await withScope(SYSTEM, async () => {
    for (const t of await healthRepo(db).tables()) {
      if (t === 'schema_migrations') continue;
      try {
        await db.query(`SELECT count(ctid) FROM "${t.replace(/"/g, '""')}"`);
      } catch (e) {
        problems.push(`table ${t} cannot be read to its end (${sqlstate(e) ?? 'no SQLSTATE'})`);
      }
    }
  });
  return problems;
}
