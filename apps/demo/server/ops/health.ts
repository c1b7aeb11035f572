/**
 * The health check (GET /api/health): a real one. It writes this server's canary row and reads it
 * back, reads the first row of every table (a damaged or missing file shows at once), and says
 * unhealthy while a storage fault is latched (then a full integrity check decides when it clears).
 * 503 with Retry-After when the database is away for a moment; 503 without it for a fault that
 * needs an operator.
 */
import { SYSTEM, withScope } from '../db.js';
import type { Deps } from '../context.js';
import { RETRY_AFTER } from '../middleware/errors.js';
import { classify } from './faults.js';
import { checkIntegrity } from './integrity.js';
import { describeError } from './logging.js';

export interface Health {
  status: 200 | 503;
  retryAfter?: number;
  body: { ok: boolean; database: string; problem?: string };
}

export async function health(d: Deps): Promise<Health> {
  const database = d.db.kind;
  try {
    await withScope(SYSTEM, async () => {
      const written = await d.transaction((tx) => tx.health.beat(d.serverId, d.now()));
      if ((await d.repo.health.read(d.serverId)) !== written)
        throw Object.assign(new Error('The canary row read back differs.'), { code: 'XX001' });
      await d.transaction(async (tx) => {
        for (const t of await tx.health.tables())
          if (t !== 'schema_migrations') await tx.health.probe(t);
      });
    });
    const latched = d.faults.tripped;
    if (latched) {
      const problems = await checkIntegrity(d.db);
      if (problems.length)
        return { status: 503, body: { ok: false, database, problem: 'storage-fault' } };
      d.faults.clear();
    }
    return { status: 200, body: { ok: true, database } };
  } catch (e) {
    const { fault, code } = classify(e);
    if (fault === 'storage') d.faults.trip(code ?? 'storage', d.now());
    d.logError({
      time: new Date(d.now()).toISOString(),
      level: 'error',
      event: 'health.failed',
      fault,
      error: describeError(e),
    });
    return fault === 'transient'
      ? {
          status: 503,
          retryAfter: RETRY_AFTER,
          body: { ok: false, database, problem: 'database-unavailable' },
        }
      : { status: 503, body: { ok: false, database, problem: `${fault}-fault` } };
  }
}
