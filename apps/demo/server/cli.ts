/** `migrate` or `seed` against the configured database (DATABASE_URL, or PGlite under .data/). */
import { loadConfig } from './config.js';
import { openDb } from './db.js';
import { migrate } from './migrate.js';
import { seed } from './seed.js';

const command = process.argv[2];
const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(db);
  console.log(`migrate (${db.kind}): ${applied.length ? applied.join(', ') : 'nothing to apply'}`);
  if (command === 'seed') {
    const r = await seed(db);
    console.log(
      `seed: ${r.schools.length} schools, ${r.responses} responses, ${(r.ms / 1000).toFixed(1)} s`,
    );
  } else if (command !== 'migrate') {
    console.error('usage: cli.ts migrate|seed');
    process.exitCode = 2;
  }
} finally {
  await db.close();
}
