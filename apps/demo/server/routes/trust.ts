/**
 * The trust administrator: suppressed aggregates only (D8), the CSV export, the audit log, and
 * unlocking a colleague's account after too many wrong passwords.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps, Env, StaffSession } from '../context.js';
import { unlockAccount } from '../limits.js';
import { YearQuery } from '../domain/programme-year.js';
import { areaCsv, areaResults } from '../domain/results.js';
import { inScope, schoolsFor, type AreaScope } from '../domain/scope.js';
import type { DomainContext } from '../domain/snapshots.js';
import { HttpError } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import { jsonOf, queryOf } from '../validation.js';
import { logPage, LogQuery } from './log.js';

const Unlock = z.strictObject({
  email: z.string().trim().toLowerCase().email('Enter the e-mail address of the account.').max(200),
});

/** A trust administrator's schools (the guard has checked the role): the one scope function. */
function trustOf(staff: StaffSession): AreaScope & { kind: 'trust' } {
  const scope = schoolsFor(staff, 'read');
  if (scope?.kind !== 'trust') throw new HttpError(403, 'Only a trust administrator can do this.');
  return scope;
}

export const trustRoutes = (d: Deps, g: Guards) => {
  const ctx = (): DomainContext => ({
    repo: d.repo,
    transaction: d.transaction,
    today: d.today(),
  });
  return (
    new Hono<Env>()
      .get('/trust/overview', g.trustAdmin, queryOf(YearQuery), async (c) => {
        const scope = trustOf(c.var.staff);
        // Published figures only (D8): the trust by every breakdown and each school's totals,
        // protected as one set, both waves of one programme year.
        const { year, area, schools } = await areaResults(ctx(), scope, c.req.valid('query').year);
        const all = await d.repo.tenancy.schools(scope);
        return c.json({
          year,
          years: (await d.repo.tenancy.programmeYears()).map((y) => y.id),
          trust: { id: scope.trust, schools: schools.length, results: area },
          schools: all.map((s) => ({
            urn: s.urn,
            name: s.name,
            phase: s.phase,
            results: schools.find((x) => x.school.urn === s.urn)?.results ?? null,
          })),
        });
      })

      .get('/trust/export.csv', g.trustAdmin, queryOf(YearQuery), async (c) => {
        const scope = trustOf(c.var.staff);
        const csv = await areaCsv(ctx(), scope, c.req.valid('query').year);
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header(
          'Content-Disposition',
          `attachment; filename="${scope.trust}-suppressed-aggregates.csv"`,
        );
        return c.body(csv);
      })

      /**
       * Clears every sign-in counter of an account of this trust, for every browser: its owner can
       * sign in again at once. Logged. An account of another trust is not found (404).
       */
      .post('/trust/users/unlock', g.trustAdmin, jsonOf(Unlock), async (c) => {
        const staff = c.var.staff;
        const { email } = c.req.valid('json');
        // The trust scope: a user of another trust is invisible here, whatever the query says.
        const scope = trustOf(staff);
        const user = await d.repo.users.byEmail(email);
        const school = user?.school_urn ? await d.repo.schools.get(user.school_urn) : undefined;
        if (!user || (user.trust_id !== scope.trust && !(school && inScope(scope, school))))
          throw new HttpError(404, 'There is no such account in your trust.');
        const cleared = await unlockAccount(d.limits, user.email);
        await d.transaction((tx) =>
          tx.log.append({
            actor: { id: staff.userId, role: staff.role },
            trustId: scope.trust,
            schoolUrn: user.school_urn,
            roundId: null,
            kind: 'account.unlocked',
            detail: { account: user.id, counters: cleared },
          }),
        );
        return c.json({ ok: true, email: user.email });
      })

      .get('/trust/log', g.trustAdmin, queryOf(LogQuery), async (c) => {
        const scope = trustOf(c.var.staff);
        const { school, before } = c.req.valid('query');
        if (school !== undefined) {
          const row = await d.repo.schools.get(school);
          if (!row || !inScope(scope, row))
            throw new HttpError(403, 'That school is not in your trust.');
        }
        const schools = (await d.repo.tenancy.schools(scope)).map((s) => ({
          urn: s.urn,
          name: s.name,
        }));
        return c.json({ schools, ...(await logPage(d.repo, scope.trust, school, before)) });
      })
  );
};
