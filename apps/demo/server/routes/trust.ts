/** The trust administrator: suppressed aggregates only (D8), the CSV export, and the audit log. */
import { Hono } from 'hono';
import type { Deps, Env } from '../context.js';
import { trustCsv, trustResults } from '../domain/results.js';
import type { DomainContext } from '../domain/snapshots.js';
import { HttpError } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import { queryOf } from '../validation.js';
import { logPage, LogQuery } from './log.js';

export const trustRoutes = (d: Deps, g: Guards) => {
  const ctx = (): DomainContext => ({
    repo: d.repo,
    transaction: d.transaction,
    today: d.today(),
  });
  return new Hono<Env>()
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
    });
};
