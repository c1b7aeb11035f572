/**
 * Who may call each route (S1). Every API route names exactly one guard among its handlers; the
 * guard refuses everyone else and hands the handler the session it requires, typed as present (a
 * school lead's handler receives `staff` and the `school` its session belongs to). `routeTable`
 * reads the guards back from the app, so the authorisation matrix test covers every registered
 * route, and `createApp` refuses to start with an API route that has none.
 *
 * A guard also sets whose rows the rest of the request may see (row-level security, db.ts
 * `withScope`): a school lead and a pupil their school's, a trust administrator the trust's. A
 * public route sees no tenant's rows unless its handler asks for the system scope by name. A new
 * guard (a new role) names its scope here: `scopeOf`.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { Deps, Env, PupilSession, StaffSession } from '../context.js';
import { NO_TENANT, withScope, type Scope } from '../db.js';
import { inScope, schoolsFor, type Access as Permission, type AreaScope } from '../domain/scope.js';
import type { SchoolRow } from '../repo/schools.js';
import { HttpError } from './errors.js';

/** Who may call a route: the authorisation matrix test reads this for every registered route. */
export type Access =
  | 'public'
  | 'staff'
  | 'school-lead'
  | 'trust-admin'
  | 'area'
  | 'area-write'
  | 'area-admin'
  | 'moderator'
  | 'incidents'
  | 'pupil';

export interface RouteInfo {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  access: Access;
  /** The route takes a school URN in its path and must refuse another school's. */
  schoolScoped: boolean;
}

const ACCESS = Symbol('access');
type Marked = { [ACCESS]: Access };

/** A guard whose handler context gains the variables `V`, non-optional. */
export type Guard<V extends object> = MiddlewareHandler<{ Variables: V }> & Marked;

function mark<V extends object>(access: Access, check: MiddlewareHandler<Env>): Guard<V> {
  // The check sets the variables it promises; the cast records that promise in the type.
  return Object.assign(check as unknown as MiddlewareHandler<{ Variables: V }>, {
    [ACCESS]: access,
  });
}

/**
 * The rows a member of staff may see: their school's (a lead), their trust's (an administrator),
 * their LA's (LA staff); from the one scope function. An account that names no organisation sees
 * nothing.
 */
export function scopeOf(staff: StaffSession): Scope {
  return schoolsFor(staff, 'read') ?? NO_TENANT;
}

/** The rows a pupil may see: their code's school's. */
export const pupilScope = (pupil: Pick<PupilSession, 'schoolUrn'>): Scope => ({
  kind: 'school',
  trust: '',
  school: pupil.schoolUrn,
});

export function guards(d: Pick<Deps, 'repo'>) {
  const staffOf = (c: Parameters<MiddlewareHandler<Env>>[0]): StaffSession => {
    const staff = c.get('staff');
    if (!staff) throw new HttpError(401, 'Please sign in.');
    return staff;
  };
  const areaGuard = (access: Access, permission: Permission, refusal: string) =>
    mark<{ staff: StaffSession; area: AreaScope }>(access, async (c, next) => {
      const staff = staffOf(c);
      const scope = schoolsFor(staff, permission);
      if (!scope || scope.kind === 'school') throw new HttpError(403, refusal);
      c.set('area', scope);
      await withScope(scope, next);
    });
  return {
    /** Anyone; the handler may still look for a session. */
    public: mark<object>('public', async (_c, next) => next()),

    /** A pupil with a class-code session. */
    pupil: mark<{ pupil: PupilSession }>('pupil', async (c, next) => {
      const pupil = c.get('pupil');
      if (!pupil) throw new HttpError(401, 'Enter your class code first.');
      await withScope(pupilScope(pupil), next);
    }),

    /** Any signed-in member of staff. */
    staff: mark<{ staff: StaffSession }>('staff', async (c, next) => {
      await withScope(scopeOf(staffOf(c)), next);
    }),

    /** A trust administrator, for their own trust. */
    trustAdmin: mark<{ staff: StaffSession }>('trust-admin', async (c, next) => {
      const staff = staffOf(c);
      if (staff.role !== 'trust-admin' || !staff.trustId)
        throw new HttpError(403, 'Only a trust administrator can do this.');
      await withScope({ kind: 'trust', trust: staff.trustId }, next);
    }),

    /**
     * LA or trust staff reading their area: the handler receives the schools they may read
     * (`area`), and every statement runs in that scope.
     */
    area: areaGuard('area', 'read', 'Only local authority and trust staff can do this.'),

    /** LA or trust staff changing their area: enrolling schools, opening survey windows. */
    areaWrite: areaGuard(
      'area-write',
      'write',
      'Only local authority and trust staff can change the programme for schools.',
    ),

    /** LA and trust administrators: the staff accounts of their area. */
    areaAdmin: areaGuard(
      'area-admin',
      'manage-users',
      'Only an LA or trust administrator can manage accounts.',
    ),

    /**
     * A moderator (an LA's or a trust's), in their organisation's scope. On a route with `:urn`,
     * the school must be in that scope and must not be one the moderator has declared they lead or
     * work at (docs/decisions/0045); the handler receives it as `school`.
     */
    moderator: mark<{ staff: StaffSession; area: AreaScope; school: SchoolRow }>(
      'moderator',
      async (c, next) => {
        const staff = staffOf(c);
        const scope = schoolsFor(staff, 'moderate');
        if (!scope || scope.kind === 'school')
          throw new HttpError(403, 'Only a moderator can do this.');
        c.set('area', scope);
        await withScope(scope, async () => {
          const urn = c.req.param('urn');
          if (urn !== undefined) {
            const school = /^\d{6}$/.test(urn) ? await d.repo.schools.get(urn) : undefined;
            // Outside the scope reads the same as no such school: nothing about it is confirmed.
            if (!school || !inScope(scope, school))
              throw new HttpError(404, 'There is no such school for you to moderate.');
            if (await d.repo.moderation.interested(staff.userId, urn))
              throw new HttpError(
                403,
                'You cannot moderate a school you lead or work at. Ask another moderator.',
              );
            c.set('school', school);
          }
          await next();
        });
      },
    ),

    /**
     * A school lead, on a route with `:urn`: the school comes from the session, and the URL only
     * has to agree with it (S1).
     */
    schoolLead: mark<{ staff: StaffSession; school: SchoolRow }>('school-lead', async (c, next) => {
      const staff = staffOf(c);
      if (staff.role !== 'school-lead' || !staff.schoolUrn)
        throw new HttpError(403, 'Only a school lead can do this.');
      if (c.req.param('urn') !== staff.schoolUrn)
        throw new HttpError(403, 'You can only see your own school.');
      await withScope(scopeOf(staff), async () => {
        const school = await d.repo.schools.get(staff.schoolUrn!);
        if (!school) throw new HttpError(403, 'You can only see your own school.');
        c.set('school', school);
        await next();
      });
    }),

    /**
     * A member of a school's staff holding the `incidents` permission (safeguarding and
     * anti-bullying staff), on a route with `:urn`: incidents are the school's alone (migration 040).
     */
    incidents: mark<{ staff: StaffSession; school: SchoolRow }>('incidents', async (c, next) => {
      const staff = staffOf(c);
      if (staff.role !== 'school-lead' || !staff.schoolUrn)
        throw new HttpError(
          403,
          "Only the school's safeguarding and anti-bullying staff can do this.",
        );
      if (c.req.param('urn') !== staff.schoolUrn)
        throw new HttpError(403, 'You can only see your own school.');
      await withScope(scopeOf(staff), async () => {
        const school = await d.repo.schools.get(staff.schoolUrn!);
        if (!school || !(await d.repo.incidents.permitted(staff.userId, school.urn, 'incidents')))
          throw new HttpError(
            403,
            "Only the school's safeguarding and anti-bullying staff can see incidents. Ask your head teacher for access.",
          );
        c.set('school', school);
        await next();
      });
    }),
  };
}
export type Guards = ReturnType<typeof guards>;

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/**
 * The access table of every API route, read from the guards registered with it. Throws when an
 * API route has no guard or more than one: a route nobody decided about never goes live.
 */
export function routeTable(app: Hono<Env>): RouteInfo[] {
  const byRoute = new Map<string, { method: string; path: string; access: Access[] }>();
  for (const r of app.routes) {
    if (!r.path.startsWith('/api/') || !METHODS.has(r.method)) continue;
    const key = `${r.method} ${r.path}`;
    const entry = byRoute.get(key) ?? { method: r.method, path: r.path, access: [] };
    const access = (r.handler as Partial<Marked>)[ACCESS];
    if (access) entry.access.push(access);
    byRoute.set(key, entry);
  }
  return [...byRoute.values()].map((r) => {
    if (r.access.length !== 1)
      throw new Error(
        `${r.method} ${r.path} has ${r.access.length} access guards; every API route needs exactly one.`,
      );
    return {
      method: r.method as RouteInfo['method'],
      path: r.path,
      access: r.access[0]!,
      schoolScoped: r.path.includes(':urn'),
    };
  });
}
