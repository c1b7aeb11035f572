/** The trust administrator: suppressed aggregates only (D8), the CSV export, and the audit log. */
import { Hono } from 'hono';
import { z } from 'zod';
import { Wave } from '@all-together/model';
import type { Deps, Env } from '../context.js';
import { publishTables, trustCsv, trustSummary } from '../domain/results.js';
import type { DomainContext } from '../domain/snapshots.js';
import { HttpError } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import { queryOf } from '../validation.js';
import { logPage, LogQuery } from './log.js';

const Overview = z.object({
  wave: z.enum(Wave.options, { error: 'Use baseline or end.' }).default('baseline'),
});

export const trustRoutes = (d: Deps, g: Guards) => {
  const ctx = (): DomainContext => ({
    repo: d.repo,
    transaction: d.transaction,
    today: d.today(),
  });
  return new Hono<Env>()
    .get('/trust/overview', g.trustAdmin, queryOf(Overview), async (c) => {
      const staff = c.var.staff;
      const { wave } = c.req.valid('query');
      const { summary, perSchool } = await trustSummary(ctx(), staff.trustId, wave);
      const schools = await d.repo.schools.ofTrust(staff.trustId);
      return c.json({
        wave,
        trust: {
          id: staff.trustId,
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
