/**
 * The portal's HTTP layer (Hono): security headers, sessions, CSRF, authorisation on every route,
 * validation at the boundary, idempotent submissions. `createApp` is used by the server, the tests
 * and the benchmarks alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import {
  ActionPlan,
  AuditResponse,
  ProgrammeRound,
  fromZodError,
  problem,
  validateResponse,
  type Problem,
  type QuestionnaireResponse,
} from '@all-together/model';
import { compareAudits, mergeSummaries, priorities } from '@all-together/scoring';
import type { Db, Queryable } from './db.js';
import {
  FailureThrottle,
  formatCode,
  newClassCode,
  normaliseCode,
  randomToken,
  sha256,
  verifyPassword,
} from './security.js';
import {
  PUPIL_DEFINITIONS,
  audit,
  baselineBefore,
  comparatorCheck,
  definitionFor,
  getRound,
  getSchool,
  listRounds,
  publishTables,
  pupilDefinitions,
  roundSummary,
  schoolAward,
  today,
  trustCsv,
  trustSchools,
  trustSummary,
  type RoundRow,
  type SchoolRow,
} from './domain.js';
import { SubmissionStore, canonicalJson } from './submissions.js';

// ───────────────────────────────────────── types ─────────────────────────────────────────

export type Role = 'trust-admin' | 'school-lead';

export interface StaffSession {
  kind: 'staff';
  idHash: string;
  csrf: string;
  userId: string;
  role: Role;
  trustId: string;
  schoolUrn: string | null;
  email: string;
  name: string;
}

export interface PupilSession {
  kind: 'pupil';
  idHash: string;
  csrf: string;
  schoolUrn: string;
  roundId: string;
  definitionId: string;
  definitionVersion: string;
}

type Env = { Variables: { staff?: StaffSession; pupil?: PupilSession } };
type C = Context<Env>;

/** Who may call a route: the authorisation matrix test reads this for every registered route. */
export type Access = 'public' | 'staff' | 'school-lead' | 'trust-admin' | 'pupil';

export interface RouteInfo {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  access: Access;
  /** The route takes a school URN in its path and must refuse another school's. */
  schoolScoped: boolean;
}

export interface AppOptions {
  db: Db;
  /** Send `Secure` cookies (with the `__Host-` prefix). Default: true unless the origin is localhost. */
  secureCookies?: boolean;
  /** The origin browsers use, for the Origin check; default: the request's own origin. */
  publicOrigin?: string;
  /** CSP `frame-ancestors`, for trusts embedding the portal; default `'none'`. */
  frameAncestors?: string;
  /** The built front end (Vite's `dist/`); when absent, only the API is served. */
  staticDir?: string;
  /** Use `X-Forwarded-For` for the client address (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Request log sink; never receives bodies, codes or addresses (S11). */
  log?: (line: string) => void;
  now?: () => number;
  /** Code-entry failures allowed per address per minute before 429 (S6). */
  codeFailuresPerMinute?: number;
}

export const STAFF_IDLE_MS = 30 * 60_000;
export const STAFF_ABSOLUTE_MS = 8 * 3600_000;
export const PUPIL_SESSION_MS = 2 * 3600_000;

const CSP = (frameAncestors: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');

// ─────────────────────────────────────── error helpers ───────────────────────────────────────

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems?: Problem[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

const invalid = (problems: Problem[], status = 400) =>
  new HttpError(status, 'Some of what was sent is not valid.', problems);

async function jsonBody(c: C): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalid([problem([], `The body is not valid JSON: ${(e as Error).message}`)]);
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(fromZodError(r.error));
  return r.data;
}

// ─────────────────────────────────────────── app ───────────────────────────────────────────

export function createApp(options: AppOptions) {
  const { db } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const app = new Hono<Env>();
  const routes: RouteInfo[] = [];
  const submissions = new SubmissionStore(db);
  const codeThrottle = new FailureThrottle(options.codeFailuresPerMinute ?? 10, 60_000, now);
  const loginThrottle = new FailureThrottle(5, 15 * 60_000, now);
  // Pupil sessions and rounds are read on every submission: a short in-memory cache in front of the
  // database (sessions stay in the database, so any replica can serve any pupil; a deleted session
  // can outlive its deletion on another replica by at most CACHE_MS).
  const CACHE_MS = 30_000;
  const pupilCache = new Map<string, { at: number; value: PupilSession | null }>();
  const roundCache = new Map<string, { at: number; value: RoundRow | undefined }>();
  const cachedRound = async (urn: string, id: string) => {
    const key = `${urn}\u0000${id}`;
    const hit = roundCache.get(key);
    if (hit && now() - hit.at < CACHE_MS) return hit.value;
    const value = await getRound(db, urn, id);
    roundCache.set(key, { at: now(), value });
    if (roundCache.size > 10_000) roundCache.clear();
    return value;
  };

  const isSecure = (c: C) =>
    options.secureCookies ??
    !['localhost', '127.0.0.1', '[::1]'].includes(new URL(c.req.url).hostname);
  const cookieName = (c: C, base: string) => (isSecure(c) ? `__Host-${base}` : base);

  const clientKey = (c: C): string => {
    let address = '';
    if (options.trustProxy) address = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? '';
    if (!address) {
      try {
        address = getConnInfo(c).remote.address ?? '';
      } catch {
        address = 'unknown';
      }
    }
    // Held in memory only, hashed, for throttling; never stored or logged (P3, S11).
    return sha256(address);
  };

  // ── request log and errors ──
  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    log(
      `${c.req.method} ${new URL(c.req.url).pathname} ${c.res.status} ${(performance.now() - start).toFixed(1)}ms`,
    );
  });

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
      const body: Record<string, unknown> = { error: err.message };
      if (err.problems)
        body.problems = err.problems.map((p) => ({ path: p.at, message: p.message }));
      return c.json(body, err.status as 400);
    }
    const message = (err as Error)?.message ?? '';
    const unavailable =
      /terminat|ECONNREFUSED|ECONNRESET|Connection terminated|closed|not open|shutting down|starting up/i.test(
        message,
      );
    log(
      `error ${c.req.method} ${new URL(c.req.url).pathname}: ${(err as Error)?.name ?? 'Error'}${unavailable ? ' (database unavailable)' : ''}`,
    );
    if (unavailable) {
      c.header('Retry-After', '1');
      return c.json({ error: 'The service is busy. Please try again in a moment.' }, 503);
    }
    return c.json({ error: 'Something went wrong on our side. Please try again.' }, 500);
  });

  // ── security headers (S10, W3) ──
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP(options.frameAncestors ?? "'none'"));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (options.frameAncestors === undefined) c.header('X-Frame-Options', 'DENY');
    if (isSecure(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    const path = new URL(c.req.url).pathname;
    if (!path.startsWith('/assets/')) c.header('Cache-Control', 'no-store');
  });

  // ── body limit (S4): 64 KiB ──
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => c.json({ error: 'The request is too large (at most 64 KiB).' }, 413),
    }),
  );

  // ── sessions (S8) ──
  app.use('/api/*', async (c, next) => {
    const staffId = getCookie(c, cookieName(c, 'at_staff'));
    if (staffId) {
      const idHash = sha256(staffId);
      const r = await db.query<{
        csrf_token: string;
        user_id: string;
        role: Role;
        trust_id: string;
        school_urn: string | null;
        email: string;
        display_name: string;
        last_seen_ms: number;
        expires_ms: number;
      }>(
        `SELECT s.csrf_token, u.id AS user_id, u.role, u.trust_id, u.school_urn, u.email, u.display_name,
                (extract(epoch FROM s.last_seen_at) * 1000)::float8 AS last_seen_ms,
                (extract(epoch FROM s.expires_at) * 1000)::float8 AS expires_ms
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id_hash = $1 AND s.kind = 'staff'`,
        [idHash],
      );
      const row = r.rows[0];
      const t = now();
      if (row && row.expires_ms > t && t - row.last_seen_ms < STAFF_IDLE_MS) {
        c.set('staff', {
          kind: 'staff',
          idHash,
          csrf: row.csrf_token,
          userId: row.user_id,
          role: row.role,
          trustId: row.trust_id,
          schoolUrn: row.school_urn,
          email: row.email,
          name: row.display_name,
        });
        if (t - row.last_seen_ms > 60_000)
          await db.query(
            'UPDATE sessions SET last_seen_at = to_timestamp($2 / 1000.0) WHERE id_hash = $1',
            [idHash, t],
          );
      } else if (row) {
        await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
      }
    }
    const pupilId = getCookie(c, cookieName(c, 'at_pupil'));
    const cachedPupil = pupilId ? pupilCache.get(sha256(pupilId)) : undefined;
    if (cachedPupil && now() - cachedPupil.at < CACHE_MS) {
      if (cachedPupil.value) c.set('pupil', cachedPupil.value);
    } else if (pupilId) {
      const idHash = sha256(pupilId);
      const r = await db.query<{
        csrf_token: string;
        school_urn: string;
        round_id: string;
        definition_id: string;
        definition_version: string;
      }>(
        `SELECT s.csrf_token, s.school_urn, s.round_id, k.definition_id, k.definition_version
           FROM sessions s JOIN class_codes k ON k.code_hash = s.code_hash
          WHERE s.id_hash = $1 AND s.kind = 'pupil' AND s.expires_at > to_timestamp($2 / 1000.0)`,
        [idHash, now()],
      );
      const row = r.rows[0];
      const value: PupilSession | null = row
        ? {
            kind: 'pupil',
            idHash,
            csrf: row.csrf_token,
            schoolUrn: row.school_urn,
            roundId: row.round_id,
            definitionId: row.definition_id,
            definitionVersion: row.definition_version,
          }
        : null;
      if (value) c.set('pupil', value);
      pupilCache.set(idHash, { at: now(), value });
      if (pupilCache.size > 50_000) pupilCache.clear();
    }
    await next();
  });

  // ── CSRF (S9): state changes only by POST/PUT/DELETE, same origin, JSON, and the session's token ──
  app.use('/api/*', async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none')
      throw new HttpError(403, 'Requests from other sites are refused.');
    const origin = c.req.header('origin');
    const expected = options.publicOrigin ?? new URL(c.req.url).origin;
    if (origin && origin !== expected)
      throw new HttpError(403, 'Requests from other sites are refused.');
    const staff = c.get('staff');
    const token = c.req.header('x-csrf-token');
    const path = new URL(c.req.url).pathname;
    // Staff requests carry the synchroniser token. Pupil requests are made by <at-questionnaire>,
    // which sends JSON only: JSON cannot cross sites without a CORS preflight this server never
    // grants, the pupil cookie is SameSite=Strict, and the Origin is checked above.
    if (staff && !path.startsWith('/api/pupil/') && path !== '/api/login') {
      if (!token || token.length !== staff.csrf.length || sha256(token) !== sha256(staff.csrf))
        throw new HttpError(403, 'The form has expired. Reload the page and try again.');
    }
    return next();
  });

  // ── the route table ──
  const register = (
    method: RouteInfo['method'],
    path: string,
    access: Access,
    handler: (
      c: C,
      who: { staff?: StaffSession; pupil?: PupilSession; school?: SchoolRow },
    ) => Promise<Response>,
  ) => {
    const schoolScoped = path.includes(':urn');
    routes.push({ method, path, access, schoolScoped });
    const guard: MiddlewareHandler<Env> = async (c) => {
      const staff = c.get('staff');
      const pupil = c.get('pupil');
      if (access === 'public') return handler(c, { staff, pupil });
      if (access === 'pupil') {
        if (!pupil) throw new HttpError(401, 'Enter your class code first.');
        return handler(c, { pupil });
      }
      if (!staff) throw new HttpError(401, 'Please sign in.');
      if (access === 'school-lead' && staff.role !== 'school-lead')
        throw new HttpError(403, 'Only a school lead can do this.');
      if (access === 'trust-admin' && staff.role !== 'trust-admin')
        throw new HttpError(403, 'Only a trust administrator can do this.');
      if (!schoolScoped) return handler(c, { staff });
      // S1: the school comes from the session; the URL only has to agree with it.
      const urn = c.req.param('urn');
      if (staff.role === 'school-lead' && urn !== staff.schoolUrn)
        throw new HttpError(403, 'You can only see your own school.');
      const school = await getSchool(db, staff.role === 'school-lead' ? staff.schoolUrn! : urn!);
      if (!school || school.trust_id !== staff.trustId)
        throw new HttpError(403, 'That school is not in your trust.');
      return handler(c, { staff, school });
    };
    app.on(method, path, guard);
  };

  const roundOf = async (school: SchoolRow, c: C): Promise<RoundRow> => {
    const round = await getRound(db, school.urn, c.req.param('round') ?? '');
    if (!round) throw new HttpError(404, 'There is no such round at this school.');
    return round;
  };

  // ── health ──
  register('GET', '/api/health', 'public', async (c) => {
    await db.query('SELECT 1');
    return c.json({ ok: true, database: db.kind });
  });

  // ── staff sign-in (S7, S8) ──
  const Login = z.strictObject({
    email: z.string().trim().toLowerCase().email('Enter an e-mail address.').max(200),
    password: z.string().min(1, 'Enter your password.').max(1000),
  });
  register('POST', '/api/login', 'public', async (c) => {
    const { email, password } = parse(Login, await jsonBody(c));
    const wait = loginThrottle.retryAfter(email);
    if (wait > 0)
      throw new HttpError(429, 'Too many attempts. Please wait and try again.', undefined, {
        'Retry-After': String(wait),
      });
    const user = (
      await db.query<{ id: string; password_hash: string }>(
        'SELECT id, password_hash FROM users WHERE email = $1',
        [email],
      )
    ).rows[0];
    const ok = await verifyPassword(password, user?.password_hash);
    if (!ok || !user) {
      loginThrottle.fail(email);
      throw new HttpError(401, 'That e-mail address and password do not match.');
    }
    loginThrottle.reset(email);
    // Rotate: any session the browser had is ended and a new id issued.
    const old = getCookie(c, cookieName(c, 'at_staff'));
    if (old) await db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(old)]);
    const id = randomToken();
    const csrf = randomToken();
    await db.query(
      `INSERT INTO sessions (id_hash, kind, user_id, csrf_token, created_at, last_seen_at, expires_at)
       VALUES ($1, 'staff', $2, $3, to_timestamp($4 / 1000.0), to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0))`,
      [sha256(id), user.id, csrf, now(), now() + STAFF_ABSOLUTE_MS],
    );
    setCookie(c, cookieName(c, 'at_staff'), id, {
      path: '/',
      httpOnly: true,
      secure: isSecure(c),
      sameSite: 'Lax',
      maxAge: STAFF_ABSOLUTE_MS / 1000,
    });
    const me = (
      await db.query<{
        role: Role;
        school_urn: string | null;
        display_name: string;
        trust_id: string;
      }>('SELECT role, school_urn, display_name, trust_id FROM users WHERE id = $1', [user.id])
    ).rows[0]!;
    return c.json({
      user: {
        email,
        name: me.display_name,
        role: me.role,
        school: me.school_urn,
        trust: me.trust_id,
      },
      csrf,
    });
  });

  register('POST', '/api/logout', 'staff', async (c, { staff }) => {
    await db.query('DELETE FROM sessions WHERE id_hash = $1', [staff!.idHash]);
    deleteCookie(c, cookieName(c, 'at_staff'), { path: '/', secure: isSecure(c) });
    c.header('Clear-Site-Data', '"cache", "cookies", "storage"');
    return c.json({ ok: true });
  });

  register('GET', '/api/me', 'staff', async (c, { staff }) => {
    const s = staff!;
    const school = s.schoolUrn ? await getSchool(db, s.schoolUrn) : undefined;
    const schools =
      s.role === 'trust-admin'
        ? (await trustSchools(db, s.trustId)).map((x) => ({ urn: x.urn, name: x.name }))
        : [];
    return c.json({
      user: { email: s.email, name: s.name, role: s.role, school: s.schoolUrn, trust: s.trustId },
      school: school ? { urn: school.urn, name: school.name, phase: school.phase } : null,
      schools,
      csrf: s.csrf,
    });
  });

  // ── school lead: rounds and codes ──
  register('GET', '/api/schools/:urn/rounds', 'school-lead', async (c, { school }) => {
    const rounds = await listRounds(db, school!.urn);
    const counts = await db.query<{
      round_id: string;
      responses: string | number;
      codes: string | number;
    }>(
      `SELECT r.id AS round_id,
              (SELECT count(*) FROM responses x WHERE x.school_urn = r.school_urn AND x.round_id = r.id) AS responses,
              (SELECT count(*) FROM class_codes k WHERE k.school_urn = r.school_urn AND k.round_id = r.id) AS codes
         FROM rounds r WHERE r.school_urn = $1`,
      [school!.urn],
    );
    const by = new Map(counts.rows.map((r) => [r.round_id, r]));
    const t = today();
    return c.json({
      school: { urn: school!.urn, name: school!.name, phase: school!.phase },
      definitions: pupilDefinitions().map((d) => ({
        id: d.id,
        version: d.version,
        title: d.title,
      })),
      rounds: rounds.map((r) => ({
        id: r.id,
        wave: r.wave,
        opensOn: r.opens_on,
        closesOn: r.closes_on,
        open: r.opens_on <= t && t <= r.closes_on,
        responses: Number(by.get(r.id)?.responses ?? 0),
        codes: Number(by.get(r.id)?.codes ?? 0),
      })),
    });
  });

  const NewRound = z.strictObject({
    id: z.string(),
    wave: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
  });
  register('POST', '/api/schools/:urn/rounds', 'school-lead', async (c, { school }) => {
    const body = parse(NewRound, await jsonBody(c));
    const round = parse(ProgrammeRound, { ...body, school: school!.urn });
    const r = await db.query(
      `INSERT INTO rounds (school_urn, id, wave, opens_on, closes_on) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [school!.urn, round.id, round.wave, round.opensOn, round.closesOn],
    );
    if (r.rows.length === 0)
      throw invalid([problem(['id'], `There is already a round "${round.id}".`)], 409);
    await db.durable();
    return c.json(
      {
        round: { id: round.id, wave: round.wave, opensOn: round.opensOn, closesOn: round.closesOn },
      },
      201,
    );
  });

  const NewCode = z.strictObject({
    classLabel: z
      .string()
      .trim()
      .min(1, 'Name the class, for example "5B".')
      .max(40, 'A class name is at most 40 characters.')
      .regex(/^[\p{L}\p{N} ._'-]+$/u, "Use letters, digits, spaces and . _ ' - only."),
    definition: z.enum(PUPIL_DEFINITIONS).optional(),
  });
  register(
    'POST',
    '/api/schools/:urn/rounds/:round/codes',
    'school-lead',
    async (c, { school }) => {
      const round = await roundOf(school!, c);
      const body = parse(NewCode, await jsonBody(c));
      const defId =
        body.definition ?? (school!.phase === 'secondary' ? 'pupil-secondary' : 'pupil-ks2');
      const def = pupilDefinitions().find((d) => d.id === defId)!;
      const code = newClassCode();
      await db.query(
        `INSERT INTO class_codes (code_hash, school_urn, round_id, class_label, definition_id, definition_version)
       VALUES ($1, $2, $3, $4, $5, $6)`,
        [sha256(code), school!.urn, round.id, body.classLabel, def.id, def.version],
      );
      await db.durable();
      return c.json(
        {
          code: formatCode(code),
          classLabel: body.classLabel,
          definition: { id: def.id, version: def.version },
        },
        201,
      );
    },
  );

  register('GET', '/api/schools/:urn/rounds/:round/codes', 'school-lead', async (c, { school }) => {
    const round = await roundOf(school!, c);
    const r = await db.query<{ class_label: string; definition_id: string; created_at: string }>(
      `SELECT class_label, definition_id, created_at::text AS created_at FROM class_codes
        WHERE school_urn = $1 AND round_id = $2 ORDER BY created_at`,
      [school!.urn, round.id],
    );
    // Codes are stored hashed: the lead sees a code once, when it is issued.
    return c.json({
      codes: r.rows.map((x) => ({ classLabel: x.class_label, definition: x.definition_id })),
    });
  });

  // ── school lead: results ──
  register(
    'GET',
    '/api/schools/:urn/rounds/:round/results',
    'school-lead',
    async (c, { school, staff }) => {
      const round = await roundOf(school!, c);
      const summary = await roundSummary(db, school!, round);
      // The comparator is the trust including the round being viewed (publishComparison compares
      // with the rest of it), the other schools at their reporting rounds of the same wave.
      const trust = await trustSummary(db, staff!.trustId, round.wave);
      const comparator = mergeSummaries([
        summary,
        ...trust.perSchool.filter((p) => p.school.urn !== school!.urn).map((p) => p.summary),
      ]);
      const allowed = comparatorCheck(summary, comparator);
      const baseRound =
        round.wave === 'end' ? await baselineBefore(db, school!.urn, round) : undefined;
      const baseline = baseRound ? await roundSummary(db, school!, baseRound) : null;
      // The audit before and after, for the element's audit view, when both are stored.
      const auditOf = async (r?: RoundRow) => {
        if (!r) return undefined;
        const row = (
          await db.query<{ body: unknown }>(
            'SELECT body FROM audits WHERE school_urn = $1 AND round_id = $2',
            [school!.urn, r.id],
          )
        ).rows[0];
        const parsed = row ? AuditResponse.safeParse(row.body) : undefined;
        return parsed?.success ? parsed.data : undefined;
      };
      const [auditStart, auditEnd] = await Promise.all([auditOf(baseRound), auditOf(round)]);
      return c.json({
        school: { urn: school!.urn, name: school!.name },
        round: {
          id: round.id,
          wave: round.wave,
          opensOn: round.opens_on,
          closesOn: round.closes_on,
        },
        respondents: summary.respondents.all,
        summary,
        baseline,
        comparator: allowed.allowed ? comparator : null,
        comparatorNote: allowed.reason,
        audit: auditStart && auditEnd ? compareAudits(audit(), auditStart, auditEnd) : null,
        definitions: [...pupilDefinitions(), audit()],
        published: publishTables(summary, 'school'),
      });
    },
  );

  // ── school lead: audit and action plan ──
  register('GET', '/api/schools/:urn/rounds/:round/audit', 'school-lead', async (c, { school }) => {
    const round = await roundOf(school!, c);
    const doc = await db.query<{ body: unknown }>(
      'SELECT body FROM audits WHERE school_urn = $1 AND round_id = $2',
      [school!.urn, round.id],
    );
    const baseRound =
      round.wave === 'end' ? await baselineBefore(db, school!.urn, round) : undefined;
    const base = baseRound
      ? ((
          await db.query<{ body: unknown }>(
            'SELECT body FROM audits WHERE school_urn = $1 AND round_id = $2',
            [school!.urn, baseRound.id],
          )
        ).rows[0]?.body ?? null)
      : null;
    return c.json({
      definition: audit(),
      response: doc.rows[0]?.body ?? null,
      baseline: base,
      wave: round.wave,
    });
  });

  register('PUT', '/api/schools/:urn/rounds/:round/audit', 'school-lead', async (c, { school }) => {
    const round = await roundOf(school!, c);
    const response = parse(AuditResponse, await jsonBody(c));
    if (response.school !== school!.urn)
      throw invalid([problem(['school'], 'This audit belongs to another school.')]);
    if (response.wave !== round.wave)
      throw invalid([problem(['wave'], `This round is the ${round.wave} round.`)]);
    const def = audit();
    if (response.definition.id !== def.id || response.definition.version !== def.version)
      throw invalid([problem(['definition'], `Use ${def.id} ${def.version}.`)]);
    const known = new Set(def.areas.flatMap((a) => a.statements.map((s) => s.id as string)));
    const unknown = Object.keys(response.ratings).filter((k) => !known.has(k));
    if (unknown.length)
      throw invalid(unknown.map((k) => problem(['ratings', k], `There is no statement ${k}.`)));
    const body = { ...response, round: round.id };
    await db.query(
      `INSERT INTO audits (school_urn, round_id, body) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (school_urn, round_id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()`,
      [school!.urn, round.id, JSON.stringify(body)],
    );
    await db.durable();
    return c.json({ ok: true, audit: body });
  });

  register('GET', '/api/schools/:urn/rounds/:round/plan', 'school-lead', async (c, { school }) => {
    const round = await roundOf(school!, c);
    const doc = await db.query<{ body: unknown }>(
      'SELECT body FROM action_plans WHERE school_urn = $1 AND round_id = $2',
      [school!.urn, round.id],
    );
    const auditDoc = (
      await db.query<{ body: unknown }>(
        'SELECT body FROM audits WHERE school_urn = $1 AND round_id = $2',
        [school!.urn, round.id],
      )
    ).rows[0]?.body;
    const parsedAudit = auditDoc ? AuditResponse.safeParse(auditDoc) : undefined;
    // What <at-action-plan> needs for its award-readiness panel: the same inputs the award uses.
    const award = await schoolAward(db, school!);
    return c.json({
      plan: doc.rows[0]?.body ?? null,
      priorities: parsedAudit?.success ? priorities(audit(), parsedAudit.data) : [],
      definition: audit(),
      baseline: award.audits.baseline,
      audit: award.audits.end ?? (parsedAudit?.success ? parsedAudit.data : null),
      baselineQuestionnaire: award.input.baselineQuestionnaire,
      endQuestionnaire: award.input.endQuestionnaire,
      pupilOutcomes: award.input.pupilOutcomes,
      today: today(new Date(now())),
    });
  });

  register('PUT', '/api/schools/:urn/rounds/:round/plan', 'school-lead', async (c, { school }) => {
    const round = await roundOf(school!, c);
    const plan = parse(ActionPlan, await jsonBody(c));
    if (plan.school !== school!.urn)
      throw invalid([problem(['school'], 'This plan belongs to another school.')]);
    await db.query(
      `INSERT INTO action_plans (school_urn, round_id, body) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (school_urn, round_id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()`,
      [school!.urn, round.id, JSON.stringify(plan)],
    );
    await db.durable();
    return c.json({ ok: true, plan });
  });

  register('GET', '/api/schools/:urn/award', 'school-lead', async (c, { school }) => {
    const { rounds, recommendation } = await schoolAward(db, school!);
    return c.json({ rounds, recommendation });
  });

  // ── trust admin: suppressed aggregates only ──
  register('GET', '/api/trust/overview', 'trust-admin', async (c, { staff }) => {
    const wave = z.enum(['baseline', 'end']).safeParse(c.req.query('wave') ?? 'baseline');
    if (!wave.success) throw invalid([problem(['wave'], 'Use baseline or end.')]);
    const { summary, perSchool } = await trustSummary(db, staff!.trustId, wave.data);
    const schools = await trustSchools(db, staff!.trustId);
    return c.json({
      wave: wave.data,
      trust: {
        id: staff!.trustId,
        schools: perSchool.length,
        published: publishTables(summary, 'trust'),
      },
      schools: schools.map((s) => {
        const p = perSchool.find((x) => x.school.urn === s.urn);
        return {
          urn: s.urn,
          name: s.name,
          phase: s.phase,
          published: p
            ? publishTables(p.summary, 'trust').filter((t) => t.dimension === 'all')
            : [],
        };
      }),
    });
  });

  register('GET', '/api/trust/export.csv', 'trust-admin', async (c, { staff }) => {
    const csv = await trustCsv(db, staff!.trustId);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="${staff!.trustId}-suppressed-aggregates.csv"`,
    );
    return c.body(csv);
  });

  // ── pupils: code entry (S6), questionnaire, submission (S2, S4, S13, S14) ──
  const StartBody = z.strictObject({
    code: z.string().max(40, 'A class code is 8 letters and digits.'),
  });
  register('POST', '/api/pupil/start', 'public', async (c) => {
    const { code } = parse(StartBody, await jsonBody(c));
    const key = clientKey(c);
    const normal = normaliseCode(code);
    const row = /^[A-Z0-9]{8}$/.test(normal)
      ? (
          await db.query<{
            school_urn: string;
            round_id: string;
            opens_on: string;
            closes_on: string;
          }>(
            `SELECT k.school_urn, k.round_id, r.opens_on::text AS opens_on, r.closes_on::text AS closes_on
               FROM class_codes k JOIN rounds r ON r.school_urn = k.school_urn AND r.id = k.round_id
              WHERE k.code_hash = $1`,
            [sha256(normal)],
          )
        ).rows[0]
      : undefined;
    // Throttle failures, never successes (S6, fact 5): a whole school shares one address.
    if (!row) {
      const wait = codeThrottle.retryAfter(key);
      codeThrottle.fail(key);
      if (wait > 0)
        throw new HttpError(
          429,
          'Too many codes that did not work. Please wait a minute and ask your teacher.',
          undefined,
          {
            'Retry-After': String(wait),
          },
        );
      throw new HttpError(404, 'That code did not work. Check it with your teacher.');
    }
    const t = today(new Date(now()));
    if (t < row.opens_on) throw new HttpError(403, 'This questionnaire has not started yet.');
    const codeRow = (
      await db.query<{ definition_id: string; definition_version: string }>(
        'SELECT definition_id, definition_version FROM class_codes WHERE code_hash = $1',
        [sha256(normal)],
      )
    ).rows[0]!;
    if (t > row.closes_on) throw new HttpError(410, 'This questionnaire has finished.');
    const id = randomToken();
    const csrf = randomToken();
    await db.query(
      `INSERT INTO sessions (id_hash, kind, school_urn, round_id, code_hash, csrf_token, expires_at)
       VALUES ($1, 'pupil', $2, $3, $4, $5, to_timestamp($6 / 1000.0))`,
      [sha256(id), row.school_urn, row.round_id, sha256(normal), csrf, now() + PUPIL_SESSION_MS],
    );
    pupilCache.set(sha256(id), {
      at: now(),
      value: {
        kind: 'pupil',
        idHash: sha256(id),
        csrf,
        schoolUrn: row.school_urn,
        roundId: row.round_id,
        definitionId: codeRow.definition_id,
        definitionVersion: codeRow.definition_version,
      },
    });
    setCookie(c, cookieName(c, 'at_pupil'), id, {
      path: '/',
      httpOnly: true,
      secure: isSecure(c),
      sameSite: 'Strict',
      maxAge: PUPIL_SESSION_MS / 1000,
    });
    return c.json({ ok: true });
  });

  register('GET', '/api/pupil/questionnaire', 'pupil', async (c, { pupil }) => {
    const p = pupil!;
    const round = await getRound(db, p.schoolUrn, p.roundId);
    const def = definitionFor(p.definitionId, p.definitionVersion);
    if (!round || !def) throw new HttpError(410, 'This questionnaire is no longer available.');
    return c.json({
      definition: def,
      school: p.schoolUrn,
      round: round.id,
      wave: round.wave,
      endpoint: '/api/pupil/responses',
    });
  });

  register('POST', '/api/pupil/responses', 'pupil', async (c, { pupil }) => {
    const p = pupil!;
    const input = await jsonBody(c);
    const def = definitionFor(p.definitionId, p.definitionVersion);
    const round = await cachedRound(p.schoolUrn, p.roundId);
    if (!def || !round) throw new HttpError(410, 'This questionnaire is no longer available.');
    const checked = validateResponse(def, input);
    if (!checked.ok) throw invalid(checked.problems, 422);
    const response = checked.value;
    // S2: school and round come from the code's session, never from the payload.
    const problems: Problem[] = [];
    if (response.school !== p.schoolUrn)
      problems.push(problem(['school'], 'This is not the school of your class code.'));
    if (response.round !== undefined && response.round !== round.id)
      problems.push(problem(['round'], 'This is not the round of your class code.'));
    if (response.wave !== round.wave)
      problems.push(problem(['wave'], `This round is the ${round.wave} round.`));
    const key = c.req.header('idempotency-key');
    if (key !== undefined && key !== response.id)
      problems.push(problem(['id'], 'The Idempotency-Key header and the response id differ.'));
    if (problems.length) throw invalid(problems, 422);
    const day = today(new Date(now()));
    // P3: coarse times, so no column ranks submissions.
    const stored: QuestionnaireResponse = {
      ...response,
      round: round.id as QuestionnaireResponse['round'],
      startedAt:
        `${response.startedAt.slice(0, 10)}T00:00:00Z` as QuestionnaireResponse['startedAt'],
      submittedAt:
        `${response.submittedAt.slice(0, 10)}T00:00:00Z` as QuestionnaireResponse['submittedAt'],
    };
    const outcome = await submissions.submit({
      id: response.id,
      schoolUrn: p.schoolUrn,
      roundId: round.id,
      wave: round.wave,
      definitionId: def.id,
      definitionVersion: def.version,
      bodyHash: sha256(canonicalJson(stored)),
      body: stored,
      submittedOn: day,
    });
    if (outcome === 'conflict')
      throw invalid(
        [problem(['id'], 'This response id was already used for different answers.')],
        422,
      );
    return c.json(
      { id: response.id, status: outcome === 'created' ? 'stored' : 'already-stored' },
      201,
    );
  });

  register('POST', '/api/pupil/exit', 'public', async (c, { pupil }) => {
    if (pupil) {
      pupilCache.delete(pupil.idHash);
      await db.query('DELETE FROM sessions WHERE id_hash = $1', [pupil.idHash]);
    }
    deleteCookie(c, cookieName(c, 'at_pupil'), { path: '/', secure: isSecure(c) });
    c.header('Clear-Site-Data', '"cache", "storage"');
    return c.json({ ok: true });
  });

  app.all('/api/*', (c) => c.json({ error: 'There is no such page.' }, 404));

  // ── the front end ──
  if (options.staticDir && existsSync(join(options.staticDir, 'index.html'))) {
    const index = readFileSync(join(options.staticDir, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: options.staticDir }));
    app.use('/favicon.svg', serveStatic({ root: options.staticDir }));
    app.get('*', (c) => c.html(index));
  } else {
    app.get('*', (c) =>
      c.text('The front end is not built: run `pnpm --filter @all-together/demo build`.', 503),
    );
  }

  return { app, routes, submissions, codeThrottle };
}

export type DemoApp = ReturnType<typeof createApp>;
export type { Queryable };
