/**
 * The portal's HTTP layer (Hono), composed from middleware (middleware/), one sub-app per area
 * (routes/: auth, pupil, school, trust) and the repository layer (repo/). `createApp` is used by
 * the server, the tests and the benchmarks alike; `AppType` types the front end's client.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Cache, type AppOptions, type Deps, type Env, type PupilSession } from './context.js';
import { today } from './domain/definitions.js';
import { apiBodyLimit } from './middleware/body-limit.js';
import { csrf } from './middleware/csrf.js';
import { onError } from './middleware/errors.js';
import { guards, routeTable } from './middleware/guard.js';
import { securityHeaders } from './middleware/headers.js';
import { requestLog } from './middleware/request-log.js';
import { sessions } from './middleware/sessions.js';
import { repos } from './repo/index.js';
import { SubmissionStore } from './repo/submissions.js';
import { authRoutes } from './routes/auth.js';
import { pupilRoutes } from './routes/pupil.js';
import { schoolRoutes } from './routes/school.js';
import { trustRoutes } from './routes/trust.js';
import { FailureThrottle, sha256 } from './security.js';

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
    .route('/', trustRoutes(d, g));
}
export type AppType = ReturnType<typeof api>;

export function createApp(options: AppOptions) {
  const { db } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const isSecure = (c: Context) =>
    options.secureCookies ??
    !['localhost', '127.0.0.1', '[::1]'].includes(new URL(c.req.url).hostname);
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
    submissions: new SubmissionStore(db, () => today(new Date(now()))),
    codeThrottle: new FailureThrottle(options.codeFailuresPerMinute ?? 10, 60_000, now),
    loginThrottle: new FailureThrottle(5, 15 * 60_000, now),
    // Pupil sessions are read on every submission: a short cache in front of the database (a
    // deleted session can outlive its deletion on another replica by at most 30 s).
    pupilCache: new Cache<PupilSession | null>(30_000, 50_000, now),
    isSecure,
    cookieName: (c, base) => (isSecure(c) ? `__Host-${base}` : base),
    clientKey: (c) => {
      let address = '';
      if (options.trustProxy)
        address = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? '';
      if (!address) {
        try {
          address = getConnInfo(c).remote.address ?? '';
        } catch {
          address = 'unknown';
        }
      }
      // Held in memory only, hashed, for throttling; never stored or logged (P3, S11).
      return sha256(address);
    },
  };

  const app = new Hono<Env>();
  app.use('*', requestLog(log));
  app.onError(onError(log));
  app.use('*', securityHeaders({ frameAncestors: options.frameAncestors, isSecure }));
  app.use('/api/*', apiBodyLimit());
  // Published results are large JSON documents (every breakdown of both waves); they compress ~30×.
  // Only staff reads are compressed: pupil submissions stay small and uncompressed.
  app.use('/api/schools/*', compress());
  app.use('/api/trust/*', compress());
  app.use('/api/pupil/questionnaire', compress());
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
    app.use('/assets/*', compress());
    app.use('/assets/*', serveStatic({ root: options.staticDir }));
    app.use('/favicon.svg', serveStatic({ root: options.staticDir }));
    app.get('/pupil', (c) => c.html(pupil));
    app.get('/pupil/*', (c) => c.html(pupil));
    app.get('*', (c) => c.html(index));
  } else {
    app.get('*', (c) =>
      c.text('The front end is not built: run `pnpm --filter @all-together/demo build`.', 503),
    );
  }

  return { app, routes, submissions: deps.submissions, codeThrottle: deps.codeThrottle };
}

export type DemoApp = ReturnType<typeof createApp>;
