/**
 * Tenancy: which schools a member of staff may read or change (reliability.md S1; docs/decisions/
 * 0032). Routes ask `schoolsFor` and nothing else; the answer is also the row-level security scope
 * every statement of the request runs in (db.ts `withScope`), so a query that forgets to filter
 * still sees only these schools.
 *
 * - A **local authority** role (`la-admin`, `la-adviser`) works for the schools in its area: every
 *   school whose LA code is the authority's, maintained or academy, whichever trust it is in.
 * - A **trust administrator** works for the trust's schools, in whichever LA they sit.
 * - A **school lead** works for their own school.
 *
 * A school in a trust and an LA is read by both. What each may do is its role's: `read` (figures,
 * stages), `write` (enrol, open survey windows, issue codes, queue reminders), `manage-users`
 * (invite and deactivate accounts: LA and trust administrators only).
 */
import type { Role, StaffSession } from '../context.js';
import type { Scope } from '../db.js';

/** The schools an LA or trust role works for. */
export type AreaScope = Extract<Scope, { kind: 'local-authority' } | { kind: 'trust' }>;
/** The schools a member of staff works for: an area's, or one school's. */
export type StaffScope = AreaScope | Extract<Scope, { kind: 'school' }>;

/** What a member of staff wants to do with the schools in their scope. */
export type Access = 'read' | 'write' | 'manage-users' | 'moderate';

/** Each role: the kind of organisation it works for, and what it may do there. */
export const ROLES: Readonly<
  Record<
    Role,
    {
      /** `area`: the LA or the trust the account itself names (a moderator may belong to either). */
      scope: StaffScope['kind'] | 'area';
      access: readonly Access[];
      label: string;
    }
  >
> = {
  'la-admin': {
    scope: 'local-authority',
    access: ['read', 'write', 'manage-users'],
    label: 'LA administrator',
  },
  'la-adviser': { scope: 'local-authority', access: ['read', 'write'], label: 'LA adviser' },
  'trust-admin': {
    scope: 'trust',
    access: ['read', 'write', 'manage-users'],
    label: 'Trust administrator',
  },
  'school-lead': { scope: 'school', access: ['read', 'write'], label: 'School lead' },
  // A moderator reads a school's portfolio and figures only through the moderation routes, never
  // the area's pages: `moderate` and nothing else (docs/decisions/0045).
  moderator: { scope: 'area', access: ['moderate'], label: 'Moderator' },
};

/** The roles of staff who work for an area (an LA or a trust) rather than one school. */
export const AREA_ROLES = (Object.keys(ROLES) as Role[]).filter((r) => ROLES[r].scope !== 'school');

type Who = Pick<StaffSession, 'role' | 'laCode' | 'trustId' | 'schoolUrn'>;

/**
 * The schools this member of staff may `access`, or null when their role does not allow it (or
 * their account names no organisation, which the database refuses anyway).
 *
 * @example
 * schoolsFor({ role: 'la-adviser', laCode: '873', trustId: null, schoolUrn: null }, 'read');
 * // { kind: 'local-authority', la: '873' }
 */
export function schoolsFor(staff: Who, access: Access): StaffScope | null {
  const role = ROLES[staff.role];
  if (!role || !role.access.includes(access)) return null;
  switch (role.scope) {
    case 'local-authority':
      return staff.laCode ? { kind: 'local-authority', la: staff.laCode } : null;
    case 'trust':
      return staff.trustId ? { kind: 'trust', trust: staff.trustId } : null;
    case 'school':
      return staff.schoolUrn
        ? { kind: 'school', trust: staff.trustId ?? '', school: staff.schoolUrn }
        : null;
    case 'area':
      if (staff.laCode) return { kind: 'local-authority', la: staff.laCode };
      return staff.trustId ? { kind: 'trust', trust: staff.trustId } : null;
  }
}

/** The parts of a school the scope is decided on. */
export interface ScopedSchool {
  urn: string;
  local_authority: string;
  trust_id: string | null;
}

/** Whether a school is in the scope. */
export function inScope(scope: StaffScope, school: ScopedSchool): boolean {
  switch (scope.kind) {
    case 'local-authority':
      return school.local_authority === scope.la;
    case 'trust':
      return school.trust_id === scope.trust;
    case 'school':
      return school.urn === scope.school;
  }
}

/**
 * The scope as a SQL condition on a `schools` row aliased `alias`, with its one parameter at
 * position `$n` (parameterised, S5). Row-level security holds the same line underneath.
 *
 * @example
 * const { sql, param } = scopeCondition(scope, 's', 1);
 * q.query(`SELECT * FROM schools s WHERE ${sql}`, [param]);
 */
export function scopeCondition(
  scope: StaffScope,
  alias: string,
  n: number,
): { sql: string; param: string } {
  switch (scope.kind) {
    case 'local-authority':
      return { sql: `${alias}.local_authority = $${n}`, param: scope.la };
    case 'trust':
      return { sql: `${alias}.trust_id = $${n}`, param: scope.trust };
    case 'school':
      return { sql: `${alias}.urn = $${n}`, param: scope.school };
  }
}

/** A short key naming the scope, for caches and file names: `la-873`, `trust-north-star`. */
export function scopeKey(scope: StaffScope): string {
  switch (scope.kind) {
    case 'local-authority':
      return `la-${scope.la}`;
    case 'trust':
      return `trust-${scope.trust}`;
    case 'school':
      return `school-${scope.school}`;
  }
}

/** The area a school is compared with: its trust when it is in one, otherwise its LA. */
export const comparatorAreaOf = (school: ScopedSchool): AreaScope =>
  school.trust_id
    ? { kind: 'trust', trust: school.trust_id }
    : { kind: 'local-authority', la: school.local_authority };
