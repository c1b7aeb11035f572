/**
 * The portal's HTTP layer (Hono), composed from middleware (middleware/), one sub-app per area
 * (routes/: auth, pupil, school, trust) and the repository layer (repo/). `createApp` is used by
 * the server, the tests and the benchmarks alike; `AppType` types the front end's client.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { getCookie } from 'hono/cookie';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type AppOptions, type Deps, type Env, type PupilSession } from './context.js';
import { NO_TENANT, withScope } from './db.js';
import { today } from './domain/definitions.js';
import { plainAddress } from './middleware/address.js';
import { apiBodyLimit } from './middleware/body-limit.js';
import { csrf } from './middleware/csrf.js';
import { onError } from './middleware/errors.js';
import { guards, routeTable } from './middleware/guard.js';
import {
  contentSecurityPolicy,
  inlineScriptHashes,
  securityHeaders,
} from './middleware/headers.js';
import { requestLog } from './middleware/request-log.js';
import { sessions } from './middleware/sessions.js';
import { repos } from './repo/index.js';
import { FaultLatch } from './ops/faults.js';
import { jsonLines } from './ops/logging.js';
import { maintenance } from './ops/maintenance.js';
import { SubmissionStore } from './repo/submissions.js';
import { areaRoutes } from './routes/area.js';
import { areaAdminRoutes } from './routes/area-admin.js';
import { incidentReturnRoutes } from './routes/incident-returns.js';
import { incidentRoutes } from './routes/incidents.js';
import { linkedRoutes } from './routes/linked.js';
import { invitationRoutes } from './routes/invitations.js';
import { awardRoutes } from './routes/awards.js';
import { evidenceRoutes } from './routes/evidence.js';
import { moderationRoutes } from './routes/moderation.js';
import { authRoutes } from './routes/auth.js';
import { pupilRoutes } from './routes/pupil.js';
import { schoolRoutes } from './routes/school.js';
import { schoolWorkRoutes } from './routes/school-work.js';
import { endSurveyRoutes } from './routes/end-survey.js';
import { cpdRoutes } from './routes/cpd.js';
import { perceptionRoutes } from './routes/perception.js';
import { trustRoutes } from './routes/trust.js';
import { PasswordGate, clientAddress, defaultHashing, sha256 } from './security.js';
import {
  DatabaseLimits,
  MemoryCache,
  MemoryLimits,
  NoCache,
  defaultStore,
  type SharedCache,
} from './state.js';

export type { AppOptions, PupilSession, Role, StaffSession } from './context.js';
export type { Access, RouteInfo } from './middleware/guard.js';
export { HttpError } from './middleware/errors.js';

/** Every API route, typed, under `/api`: what `hono/client` needs to type the front end. */
function api(d: Deps) {
  const g = guards(d);
  return new Hono<Env>()
    .basePath('/api')
    .route('/', authRoutes(d, g))
    .route('/', pupilRoutes(d, g))
    .route('/', schoolRoutes(d, g))
    .route('/', schoolWorkRoutes(d, g))
    .route('/', endSurveyRoutes(d, g))
    .route('/', trustRoutes(d, g))
    .route('/', areaRoutes(d, g))
    .route('/', areaAdminRoutes(d, g))
    .route('/', invitationRoutes(d, g))
    .route('/', evidenceRoutes(d, g))
    .route('/', moderationRoutes(d, g))
    .route('/', awardRoutes(d, g))
    .route('/', incidentRoutes(d, g))
    .route('/', linkedRoutes(d, g))
    .route('/', incidentReturnRoutes(d, g))
    .route('/', cpdRoutes(d, g))
    .route('/', perceptionRoutes(d, g));
}
export type AppType = ReturnType<typeof api>;

export function createApp(options: AppOptions) {
  const { db } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const logError = options.logError ?? jsonLines();
  const logEvent = options.logEvent ?? jsonLines((l) => process.stdout.write(l + '\n'));
  const hops = options.trustProxy === true ? 1 : Number(options.trustProxy || 0);
  const publicSecure = options.publicOrigin ? options.publicOrigin.startsWith('https:') : undefined;
  // Secure cookies, __Host- names and HSTS: as forced; else as the public origin says (a proxy
  // may well forward Host: 127.0.0.1); else unless the request's own host is loopback.
  const isSecure = (c: Context) =>
    options.secureCookies ??
    publicSecure ??
    !['localhost', '127.0.0.1', '[::1]'].includes(new URL(c.req.url).hostname);
  const store = options.stateStore ?? defaultStore(db);
  const hashing = options.passwordHashing ?? defaultHashing(availableParallelism());
  const faults = new FaultLatch();
  const deps: Deps = {
    options,
    db,
    repo: repos(db),
    async transaction(fn) {
      const out = await db.transaction((tx) => fn(repos(tx)));
      await db.durable();
      return out;
    },
    now,
    today: () => today(new Date(now())),
    log,
    logError,
    logEvent,
    submissions: new SubmissionStore(db, () => today(new Date(now()))),
    limits: store === 'database' ? new DatabaseLimits(db) : new MemoryLimits(),
    // Pupil sessions are read on every submission. One server (PGlite) keeps a short cache in
    // front of the database; several servers read the database each time, so a session ended on
    // one server is ended on all of them at once.
    pupilCache:
      store === 'database'
        ? new NoCache<PupilSession | null>()
        : (new MemoryCache<PupilSession | null>(
            30_000,
            50_000,
            now,
          ) as SharedCache<PupilSession | null>),
    passwords: new PasswordGate(hashing.concurrency, hashing.queue),
    faults,
    serverId: randomUUID(),
    mail: options.mail,
    isSecure,
    cookieName: (c, base) => (isSecure(c) ? `__Host-${base}` : base),
    clientKey: (c) => {
      let socket = 'unknown';
      try {
        socket = getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        /* not served by node (tests calling app.request) */
      }
      // Held only hashed, for throttling; never stored with a response or logged (P3, S11).
      return sha256(clientAddress(c.req.header('x-forwarded-for'), hops, socket));
    },
    as: withScope,
  };
  const jobs = maintenance(deps);

  const app = new Hono<Env>();
  app.use('*', requestLog(log));
  app.onError(onError({ logError, faults, now }));
  app.use('*', securityHeaders({ frameAncestors: options.frameAncestors, isSecure }));
  // Until a guard says whose request it is, statements see no tenant's rows (row-level security).
  app.use('/api/*', (_c, next) => withScope(NO_TENANT, next));
  app.use('/api/*', plainAddress());
  app.use('/api/*', apiBodyLimit());
  // Published results are large JSON documents (every breakdown of both waves); they compress ~30×.
  // Only staff reads are compressed: pupil submissions stay small and uncompressed.
  app.use('/api/schools/*', compress());
  app.use('/api/trust/*', compress());
  app.use('/api/area/*', compress());
  app.use('/api/moderation/*', compress());
  app.use('/api/pupil/questionnaire', compress());
  app.use('/api/pupil/start', compress());
  app.use('/api/pupil/look-up', compress());
  app.use('/api/*', sessions(deps));
  app.use('/api/*', csrf({ publicOrigin: options.publicOrigin }));
  app.route('/', api(deps));
  const routes = routeTable(app);
  app.all('/api/*', (c) => c.json({ error: 'There is no such page.' }, 404));

  // ── the front end ──
  if (options.staticDir && existsSync(join(options.staticDir, 'index.html'))) {
    const index = readFileSync(join(options.staticDir, 'index.html'), 'utf8');
    // The pupil's page is its own document (only what answering needs: issue 22). Built files and
    // the pupil's definition go out compressed: a pupil on a slow school network receives gzip.
    const pupil = existsSync(join(options.staticDir, 'pupil.html'))
      ? readFileSync(join(options.staticDir, 'pupil.html'), 'utf8')
      : index;
    // A browser holding a pupil session (a reload mid-questionnaire) gets the page marked so; one
    // without goes straight to the code form, with no request to find out that it has no session.
    // It gets no code form (pupil.html draws one for a first visit), only "Loading…" until its
    // questionnaire is in, and no look-up of a link's code (pupil.html's inline script).
    const resuming = pupil
      .replace(/<script>[\s\S]*?<\/script>\s*/, '')
      .replace('<main id="main"', '<main id="main" data-session')
      .replace(/<!-- code-form -->[\s\S]*<!-- \/code-form -->/, '<p>Loading…</p>')
      .replace(
        /<title>[^<]*<\/title>/,
        '<title>Answer the questionnaire — All Together portal</title>',
      );
    // pupil.html's one inline script (a link's code looked up as the page begins) is allowed by its
    // hash, and nothing else inline: the policy is the strict one plus that hash.
    const page = (html: string) => ({
      html,
      policy: contentSecurityPolicy(options.frameAncestors ?? "'none'", inlineScriptHashes(html)),
    });
    const [first, again] = [page(pupil), page(resuming)];
    const pupilHtml = (c: Context<Env>) => {
      const { html, policy } = getCookie(c, deps.cookieName(c, 'at_pupil')) ? again : first;
      c.header('Content-Security-Policy', policy);
      return c.html(html);
    };
    // Small files too (the default leaves out those under 1 KB): the pupil's page entry and the
    // theme's tokens are just under it, and gzip halves them.
    app.use('/assets/*', compress({ threshold: 256 }));
    app.use('/assets/*', serveStatic({ root: options.staticDir }));
    app.use('/favicon.svg', serveStatic({ root: options.staticDir }));
    app.use('/pupil', compress());
    app.get('/pupil', pupilHtml);
    app.get('/pupil/*', pupilHtml);
    app.get('*', (c) => c.html(index));
  } else {
    app.get('*', (c) =>
      c.text('The front end is not built: run `pnpm --filter @all-together/demo build`.', 503),
    );
  }

  return {
    app,
    routes,
    submissions: deps.submissions,
    /** The attempt counters (throttles and rate limits). */
    limits: deps.limits,
    /** The bounded pool password hashes run in (its `peak` says how many ran at once). */
    passwords: deps.passwords,
    /** Retention and housekeeping: `runOnce()`, or `start()` on a schedule (server/main.ts). */
    maintenance: jobs,
    faults,
    /** Stops the scheduled jobs. */
    stop: () => void jobs.stop(),
  };
}

export type DemoApp = ReturnType<typeof createApp>;
