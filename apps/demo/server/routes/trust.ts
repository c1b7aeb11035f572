/**
 * The trust administrator: suppressed aggregates only (D8), the CSV export, the audit log, and
 * unlocking a colleague's account after too many wrong passwords.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps, Env } from '../context.js';
import { unlockAccount } from '../limits.js';
import { trustCsv, trustResults } from '../domain/results.js';
import type { DomainContext } from '../domain/snapshots.js';
import { HttpError } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import { jsonOf, queryOf } from '../validation.js';
import { logPage, LogQuery } from './log.js';

const Unlock = z.strictObject({
  email: z.string().trim().toLowerCase().email('Enter the e-mail address of the account.').max(200),
});

export const trustRoutes = (d: Deps, g: Guards) => {
  const ctx = (): DomainContext => ({
    repo: d.repo,
    transaction: d.transaction,
    today: d.today(),
  });
  return (
    new Hono<Env>()
      .get('/trust/overview', g.trustAdmin, async (c) => {
        const staff = c.var.staff;
        // Published figures only (D8): the trust by every breakdown and each school's totals,
        // protected as one set, both waves.
        const { area, schools } = await trustResults(ctx(), staff.trustId);
        const all = await d.repo.schools.ofTrust(staff.trustId);
        return c.json({
          trust: { id: staff.trustId, schools: schools.length, results: area },
          schools: all.map((s) => ({
            urn: s.urn,
            name: s.name,
            phase: s.phase,
            results: schools.find((x) => x.school.urn === s.urn)?.results ?? null,
          })),
        });
      })

      .get('/trust/export.csv', g.trustAdmin, async (c) => {
        const staff = c.var.staff;
        const csv = await trustCsv(ctx(), staff.trustId);
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header(
          'Content-Disposition',
          `attachment; filename="${staff.trustId}-suppressed-aggregates.csv"`,
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
        const user = await d.repo.users.byEmail(email);
        if (!user || user.trust_id !== staff.trustId)
          throw new HttpError(404, 'There is no such account in your trust.');
        const cleared = await unlockAccount(d.limits, user.email);
        await d.transaction((tx) =>
          tx.log.append({
            actor: { id: staff.userId, role: staff.role },
            trustId: staff.trustId,
            schoolUrn: user.school_urn,
            roundId: null,
            kind: 'account.unlocked',
            detail: { account: user.id, counters: cleared },
          }),
        );
        return c.json({ ok: true, email: user.email });
      })

      .get('/trust/log', g.trustAdmin, queryOf(LogQuery), async (c) => {
        const staff = c.var.staff;
        const { school, before } = c.req.valid('query');
        if (school !== undefined) {
          const row = await d.repo.schools.get(school);
          if (!row || row.trust_id !== staff.trustId)
            throw new HttpError(403, 'That school is not in your trust.');
        }
        const schools = (await d.repo.schools.ofTrust(staff.trustId)).map((s) => ({
          urn: s.urn,
          name: s.name,
        }));
        return c.json({ schools, ...(await logPage(d.repo, staff.trustId, school, before)) });
      })
  );
};
