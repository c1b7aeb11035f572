/**
 * Starts the portal: open the database, migrate, check its integrity (refuse to start on a problem),
 * (demo) seed, run maintenance now and every hour, serve.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { isLoopback, loadConfig } from './config.js';
import { SYSTEM, openDb, withScope } from './db.js';
import { migrate } from './migrate.js';
import { checkIntegrity } from './ops/integrity.js';
import { loggers } from './ops/logging.js';
import { DEMO_ADMIN, DEMO_CODE, DEMO_PASSWORD, seed } from './seed.js';
import { DEMO_LA, LA_ADMIN, LA_ADVISER, seedArea } from './seed-area.js';
import { MODERATOR, SECOND_MODERATOR, seedModeration } from './seed-moderation.js';
import { seedIncidents } from './seed-incidents.js';
import { DEMO_CPD_CODE, seedCpd } from './seed-cpd.js';
import { formatCode } from './security.js';

const config = loadConfig();
// LOG_REQUESTS=0 silences the request log only; errors and events are always written.
const { log, logError, logEvent } = loggers(process.env);
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrate(db);
const problems = await checkIntegrity(db);
if (problems.length) {
  logError({ time: new Date().toISOString(), level: 'error', event: 'integrity.failed', problems });
  console.error(
    `The database failed its integrity check; not starting:\n  ${problems.join('\n  ')}`,
  );
  await db.close();
  process.exit(1);
}
console.log(
  `database: ${db.kind} (${db.where})${applied.length ? `, migrations applied: ${applied.join(', ')}` : ', schema up to date'}`,
);

let sample: Awaited<ReturnType<typeof seed>> | undefined;
let area: Awaited<ReturnType<typeof seedArea>> | undefined;
if (config.demo) {
  // S12: sample logins only with the demo flag, and only on a loopback address.
  if (!isLoopback(config.host)) {
    console.error(
      'DEMO=1 seeds sample logins with a published password: refusing on a non-loopback HOST.',
    );
    process.exit(1);
  }
  sample = await withScope(SYSTEM, () => seed(db));
  area = await withScope(SYSTEM, () => seedArea(db));
  // A school submitted for moderation, and the moderators' logins (issue 19).
  await withScope(SYSTEM, () =>
    seedModeration(db, {
      submittedSchool: sample!.schools[1]!.urn,
      interestSchool: sample!.schools[2]?.urn,
    }),
  );
  await withScope(SYSTEM, () => seedIncidents(db, new Date().toISOString().slice(0, 10)));
  await withScope(SYSTEM, () => seedCpd(db, new Date().toISOString().slice(0, 10)));
  console.log(
    `seed: sample trust and LA ready (${sample.schools.length} trust schools and ${area.schools} more in the LA, ${sample.responses + area.responses} synthetic responses) in ${(sample.ms / 1000).toFixed(1)} s${sample.created ? '' : ', already there'}`,
  );
}

const { app, maintenance } = createApp({
  db,
  staticDir: config.staticDir,
  publicOrigin: config.publicOrigin,
  frameAncestors: config.frameAncestors,
  trustProxy: config.trustProxy,
  mail: config.mail,
  ...(config.secureCookies === undefined ? {} : { secureCookies: config.secureCookies }),
  log,
  logError,
  logEvent,
});
// Retention and housekeeping now, then on a schedule (every server may run it: it is idempotent).
void maintenance.start(config.maintenanceMinutes * 60_000);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${info.port}`;
  console.log('');
  console.log(`All Together demo portal: ${url}`);
  if (sample) {
    console.log('');
    console.log('Sample logins — DEMO ONLY, synthetic data, never use these passwords for real:');
    console.log(
      `  LA adviser           ${LA_ADVISER.padEnd(30)} password: ${DEMO_PASSWORD}   (${DEMO_LA.name})`,
    );
    console.log(`  LA administrator     ${LA_ADMIN.padEnd(30)} password: ${DEMO_PASSWORD}`);
    console.log(`  trust administrator  ${DEMO_ADMIN.padEnd(30)} password: ${DEMO_PASSWORD}`);
    console.log(
      `  moderator            ${MODERATOR.padEnd(30)} password: ${DEMO_PASSWORD}   (${DEMO_LA.name}; ${sample.schools[1]!.name} is waiting)`,
    );
    console.log(
      `  second moderator     ${SECOND_MODERATOR.padEnd(30)} password: ${DEMO_PASSWORD}   (signs off; may not moderate ${sample.schools[2]?.name ?? 'its own school'})`,
    );
    for (const s of sample.schools.slice(0, 8))
      console.log(
        `  school lead          ${s.lead.padEnd(30)} password: ${DEMO_PASSWORD}   (${s.name})`,
      );
    if (area)
      console.log(
        `  school lead          ${area.lead.email.padEnd(30)} password: ${DEMO_PASSWORD}   (${area.lead.school}, a maintained school; this year's results are from its records)`,
      );
    console.log(
      `  pupil                ${url}/pupil  class code: ${formatCode(DEMO_CODE)}   (${sample.schools[0]!.name})`,
    );
    console.log(
      `  training delegate    ${url}/cpd  session code: ${formatCode(DEMO_CPD_CODE)}   (${DEMO_LA.name}'s course)`,
    );
    console.log(
      `  class list to import docs/privacy/example-class-list.csv   (a lead's class codes page: "use class lists from your records")`,
    );
  }
  console.log('');
  console.log('Stop with Ctrl+C.');
});

const stop = async () => {
  server.close();
  await maintenance.stop();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
