/**
 * What every part of the server shares: the sessions a request may carry, the Hono environment,
 * the options a trust sets, and the dependencies handed to each area's routes.
 */
import type { PupilCharacteristics } from '@all-together/model';
import type { Context } from 'hono';
import type { Db, Scope } from './db.js';
import type { AreaScope } from './domain/scope.js';
import type { ErrorLog, EventLog } from './ops/logging.js';
import type { FaultLatch } from './ops/faults.js';
import type { MailConfig } from './ops/mail.js';
import type { Repos } from './repo/index.js';
import type { SchoolRow } from './repo/schools.js';
import type { SubmissionStore } from './repo/submissions.js';
import type { PasswordGate } from './security.js';
import { MemoryCache, type LimitStore, type SharedCache, type StateStore } from './state.js';

/**
 * A member of staff's role (the `staff_roles` table, migration 023). LA roles work for a local
 * authority, the trust administrator for a trust, a school lead for one school; which schools each
 * may read and change is decided in one place, `domain/scope.ts`. A moderator (migration 030)
 * belongs to an LA or a trust and only moderates its schools.
 */
export type Role = 'la-admin' | 'la-adviser' | 'trust-admin' | 'school-lead' | 'moderator';

export interface StaffSession {
  kind: 'staff';
  idHash: string;
  csrf: string;
  userId: string;
  role: Role;
  /** The trust an administrator works for, or a lead's school's trust (null: a maintained school). */
  trustId: string | null;
  /** The local authority an LA role works for. */
  laCode: string | null;
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
  /** The class code's hash until the session has stored its response; then none (P2). */
  codeHash: string | null;
  definitionId: string;
  definitionVersion: string;
  /** The session has stored its one response (it may still replay that one). */
  submitted: boolean;
  /** Linked mode: the pupil's single-use token until the response is stored; then none (P2). */
  tokenHash?: string | null;
  /** Linked mode: the characteristics the school's records gave (a copy, no reference). */
  characteristics?: PupilCharacteristics | null;
}

/**
 * The request's variables. The session middleware sets `staff` and `pupil` when the cookies carry
 * live sessions; a route's guard makes the one it requires non-optional for the handler, and the
 * school-lead guard adds the school the session belongs to.
 */
export interface Env {
  Variables: {
    staff?: StaffSession;
    pupil?: PupilSession;
    school?: SchoolRow;
    /** The schools an LA or trust role works for (the `area` guards). */
    area?: AreaScope;
  };
}
export type C = Context<Env>;

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
  /**
   * The proxies in front that you run (`true` is one): the client address is the entry that many
   * places from the right of `X-Forwarded-For`. Default: none, the socket's address.
   */
  trustProxy?: boolean | number;
  /** Request log sink; never receives bodies, codes or addresses (S11). Off: `() => {}`. */
  log?: (line: string) => void;
  /** Error and event log sink (structured, never pupil content); always on. Default: stderr. */
  logError?: ErrorLog;
  /** Maintenance and other events (retention runs); default: the error sink's stream, as info. */
  logEvent?: EventLog;
  now?: () => number;
  /** Code-entry failures allowed per address per minute before 429 (S6). */
  codeFailuresPerMinute?: number;
  /**
   * At most `concurrency` password hashes at once and `queue` waiting; any more are refused with
   * 503 and Retry-After before any hashing. Default: half the cores, eight waiting for each.
   */
  passwordHashing?: { concurrency: number; queue: number };
  /**
   * Where throttles, rate limits and the session cache live: `database` (several servers on one
   * PostgreSQL) or `memory` (one server). Default: `database` on PostgreSQL, `memory` on PGlite.
   */
  stateStore?: StateStore;
  /** The mail server the outbox is sent through; default none (messages are listed to copy). */
  mail?: MailConfig;
}

export const STAFF_IDLE_MS = 30 * 60_000;
export const STAFF_ABSOLUTE_MS = 8 * 3600_000;
export const PUPIL_SESSION_MS = 2 * 3600_000;

/** A small time-limited cache in memory (kept under its old name; see state.ts). */
export const Cache = MemoryCache;

/** Everything a route needs, built once by `createApp`. */
export interface Deps {
  options: AppOptions;
  db: Db;
  /** Repositories on the database itself (each query on its own). */
  repo: Repos;
  /** Runs `fn` in one transaction with repositories on it, then makes it durable (S14). */
  transaction<T>(fn: (repo: Repos) => Promise<T>): Promise<T>;
  now: () => number;
  /** The portal's day (UTC), from `now`. */
  today: () => string;
  log: (line: string) => void;
  /** Structured error log (never pupil content), on even when request logs are off. */
  logError: ErrorLog;
  logEvent: EventLog;
  submissions: SubmissionStore;
  /** Attempt counters for throttles and rate limits (shared by every server on PostgreSQL). */
  limits: LimitStore;
  /** Pupil sessions read on every submission: a memory cache on PGlite, none on PostgreSQL. */
  pupilCache: SharedCache<PupilSession | null>;
  /** The bounded pool password hashes run in. */
  passwords: PasswordGate;
  /** A storage fault seen (a damaged or missing file): submissions stop until a check passes. */
  faults: FaultLatch;
  /** A random id for this server process (the health canary's row). */
  serverId: string;
  isSecure: (c: Context) => boolean;
  cookieName: (c: Context, base: string) => string;
  /** The caller's address, hashed, for throttling only (never stored or logged). */
  clientKey: (c: Context) => string;
  /** Runs `fn` as the given tenant (row-level security); see db.ts. */
  as<T>(scope: Scope, fn: () => Promise<T>): Promise<T>;
  /** The mail server, when the portal has one. */
  mail: MailConfig | undefined;
}
