/**
 * The termly incident returns as LA and trust staff read them (issue 20; docs/decisions/0050):
 * every school's return status for each term of a programme year, each submitted return, the
 * area's totals per term protected together with the schools' returns, the CSV, and reminders to
 * the leads of schools that have not submitted. Never an incident: those are the school's alone.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { problem, TermId, type Shown, type TermlyFigures } from '@all-together/model';
import type { Deps, Env } from '../context.js';
import { SYSTEM } from '../db.js';
import {
  FIGURE_IDS,
  figureMap,
  protectArea,
  returnsCsv,
  termDates,
  termLabel,
  termsBegun,
} from '../domain/incidents.js';
import { programmeYearOf, YearQuery } from '../domain/programme-year.js';
import { invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import { jsonOf, queryOf } from '../validation.js';

const Remind = z.strictObject({ term: TermId });

export const incidentReturnRoutes = (d: Deps, g: Guards) =>
  new Hono<Env>()

    /**
     * Every school's return status for each term of a programme year, and the area's totals per
     * term, protected together with the schools' returns (the trend).
     */
    .get('/area/incident-returns', g.area, queryOf(YearQuery), async (c) => {
      const year = c.req.valid('query').year ?? programmeYearOf(d.today());
      return c.json(await areaReturns(d, c.var.area, year));
    })

    /**
     * Reminds the leads of every school in the area that has not submitted a term's return (a
     * term that has started), through the outbox: sent by SMTP when the portal has a mail server,
     * otherwise listed to copy. Never to pupils.
     */
    .post('/area/incident-returns/reminders', g.areaWrite, jsonOf(Remind), async (c) => {
      const { area, staff } = c.var;
      const { term } = c.req.valid('json');
      if (termDates(term).startsOn > d.today())
        throw invalid([problem(['term'], 'That term has not started yet.')], 422);
      const schools = await d.repo.tenancy.schools(area);
      const submitted = new Set(
        (await d.repo.incidents.returns(schools.map((s) => s.urn)))
          .filter((r) => r.term === term)
          .map((r) => r.school_urn),
      );
      const missing = schools.filter((s) => !submitted.has(s.urn));
      const leads = await d.repo.accounts.leads(missing.map((s) => s.urn));
      const organisation = (await d.repo.tenancy.name(area)) ?? '';
      let queued = 0;
      await d.transaction(async (tx) => {
        for (const s of missing)
          for (const lead of leads.filter((l) => l.school_urn === s.urn)) {
            await tx.accounts.queue({
              kind: 'reminder',
              to: lead.email,
              subject: `Termly incident return for ${termLabel(term).toLowerCase()}: ${s.name}`,
              body: [
                `Hello ${lead.display_name},`,
                '',
                `${organisation} has not yet received ${s.name}'s termly return of bullying incidents for the ${termLabel(term).toLowerCase()}.`,
                'Your safeguarding or anti-bullying lead can review and submit it under Incidents, Termly return.',
                '',
                `If something is getting in the way, reply to ${staff.email}.`,
              ].join('\n'),
              laCode: area.kind === 'local-authority' ? area.la : null,
              trustId: area.kind === 'trust' ? area.trust : null,
              schoolUrn: s.urn,
              by: staff.userId,
            });
            queued++;
          }
      });
      return c.json({ term, queued, schools: missing.length });
    })

    .get('/area/incident-returns.csv', g.area, queryOf(YearQuery), async (c) => {
      const { area } = c.var;
      const year = c.req.valid('query').year ?? programmeYearOf(d.today());
      const r = await areaReturns(d, area, year);
      const rows = [
        ...r.schools.flatMap((s) =>
          s.terms.map((t) => ({
            urn: s.urn,
            name: s.name,
            term: t.term,
            submittedOn: t.submittedOn,
            figures: t.figures ? figureMap(t.figures) : null,
          })),
        ),
        ...r.area.map((t) => ({
          urn: 'AREA',
          name: `${t.submitted} schools submitted`,
          term: t.term,
          submittedOn: null,
          figures: t.figures,
        })),
      ];
      const name = area.kind === 'trust' ? area.trust : `la-${area.la}`;
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header(
        'Content-Disposition',
        `attachment; filename="${name}-${year}-incident-returns.csv"`,
      );
      return c.body(returnsCsv(rows));
    });

type AreaOf = Extract<Env['Variables']['area'], object>;

/** The area's view of its schools' returns for a programme year (every figure published). */
async function areaReturns(d: Deps, area: AreaOf, year: string) {
  const schools = await d.repo.tenancy.schools(area);
  const urns = schools.map((s) => s.urn);
  const returns = await d.repo.incidents.returns(urns);
  // The exact counts behind submitted returns are the schools' rows; the server reads them here,
  // as the system, to protect the area's totals, and never sends them.
  const counts = await d.as(SYSTEM, () => d.repo.incidents.submittedCounts(urns));
  const exact = new Map(counts.map((r) => [`${r.school_urn}|${r.term}`, r.counts]));
  const byKey = new Map(returns.map((r) => [`${r.school_urn}|${r.term}`, r]));
  const today = d.today();
  const terms = termsBegun(year, today);
  return {
    year,
    terms: terms.map((term) => ({ term, label: termLabel(term) })),
    schools: schools.map((s) => ({
      urn: s.urn,
      name: s.name,
      terms: terms.map((term) => {
        const r = byKey.get(`${s.urn}|${term}`);
        return {
          term,
          state: r ? ('submitted' as const) : ('not-submitted' as const),
          submittedOn: r?.submitted_on ?? null,
          figures: (r?.figures ?? null) as TermlyFigures | null,
        };
      }),
    })),
    area: terms.map((term) => {
      const submitted = returns
        .filter((r) => r.term === term)
        .map((r) => ({
          urn: r.school_urn,
          figures: r.figures,
          counts: exact.get(`${r.school_urn}|${term}`)!,
        }));
      const figures: Record<string, Shown<number>> = submitted.length
        ? protectArea(submitted)
        : Object.fromEntries(
            FIGURE_IDS.map((id) => [id, { symbol: '[x]', reason: 'no-comparator' }]),
          );
      return {
        term,
        label: termLabel(term),
        submitted: submitted.length,
        of: schools.length,
        figures,
      };
    }),
  };
}
