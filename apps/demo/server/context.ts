/**
 * What every part of the server shares: the sessions a request may carry, the Hono environment,
 * the options a trust sets, and the dependencies handed to each area's routes.
 */
import type { Context } from 'hono';
import type { Db } from './db.js';
import type { Repos } from './repo/index.js';
import type { SchoolRow } from './repo/schools.js';
import type { SubmissionStore } from './repo/submissions.js';
import type { FailureThrottle } from './security.js';

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
  codeHash: string;
  definitionId: string;
  definitionVersion: string;
  /** The session has stored its one response (it may still replay that one). */
  submitted: boolean;
}

/**
 * The request's variables. The session middleware sets `staff` and `pupil` when the cookies carry
 * live sessions; a route's guard makes the one it requires non-optional for the handler, and the
 * school-lead guard adds the school the session belongs to.
 */
export interface Env {
  Variables: { staff?: StaffSession; pupil?: PupilSession; school?: SchoolRow };
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

/** A small time-limited cache (pupil sessions): any replica reads the database after `ms`. */
export class Cache<V> {
  private readonly map = new Map<string, { at: number; value: V }>();
  constructor(
    private readonly ms: number,
    private readonly max: number,
    private readonly now: () => number,
  ) {}
  get(key: string): { value: V } | undefined {
    const hit = this.map.get(key);
    return hit && this.now() - hit.at < this.ms ? { value: hit.value } : undefined;
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, { at: this.now(), value });
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

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
  submissions: SubmissionStore;
  codeThrottle: FailureThrottle;
  loginThrottle: FailureThrottle;
  pupilCache: Cache<PupilSession | null>;
  isSecure: (c: Context) => boolean;
  cookieName: (c: Context, base: string) => string;
  /** The caller's address, hashed, for throttling only (never stored or logged). */
  clientKey: (c: Context) => string;
}
