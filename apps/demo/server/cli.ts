/**
 * `migrate`, `seed`, `check` (the integrity check) or `unlock <e-mail>` (clears an account's sign-in
 * counters on every server) against the configured database (DATABASE_URL, or PGlite under .data/).
 */
import { loadConfig } from './config.js';
import { SYSTEM, openDb, withScope } from './db.js';
import { unlockAccount } from './limits.js';
import { migrate } from './migrate.js';
import { checkIntegrity } from './ops/integrity.js';
import { seed } from './seed.js';
import { seedArea } from './seed-area.js';
import { seedIncidents } from './seed-incidents.js';
import { seedCpd } from './seed-cpd.js';
import { DatabaseLimits } from './state.js';

const command = process.argv[2];
const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(db);
  console.log(`migrate (${db.kind}): ${applied.length ? applied.join(', ') : 'nothing to apply'}`);
  if (command === 'seed') {
    const r = await withScope(SYSTEM, () => seed(db));
    const area = await withScope(SYSTEM, () => seedArea(db));
    await withScope(SYSTEM, () => seedIncidents(db, new Date().toISOString().slice(0, 10)));
    await withScope(SYSTEM, () => seedCpd(db, new Date().toISOString().slice(0, 10)));
    console.log(
      `seed: ${r.schools.length + area.schools} schools, ${r.responses + area.responses} responses, ${(r.ms / 1000).toFixed(1)} s`,
    );
  } else if (command === 'check') {
    const problems = await checkIntegrity(db);
    console.log(problems.length ? `check: ${problems.join('\n  ')}` : 'check: no problems found');
    if (problems.length) process.exitCode = 1;
  } else if (command === 'unlock') {
    const email = (process.argv[3] ?? '').trim().toLowerCase();
    if (!email) {
      console.error('usage: cli.ts unlock <e-mail address>');
      process.exitCode = 2;
    } else if (db.kind !== 'pg') {
      // PGlite: one server keeps its counters in its own memory. Restart it, or ask a trust
      // administrator to unlock the account from the portal.
      console.error(
        "unlock: on PGlite the counters live in the running server: restart it, or use the trust administrator's unlock.",
      );
      process.exitCode = 1;
    } else {
      const n = await withScope(SYSTEM, () => unlockAccount(new DatabaseLimits(db), email));
      console.log(`unlocked ${email} (${n} counter${n === 1 ? '' : 's'} cleared)`);
    }
  } else if (command !== 'migrate') {
    console.error('usage: cli.ts migrate | seed | check | unlock <e-mail address>');
    process.exitCode = 2;
  }
} finally {
  await db.close();
}
