/**
 * Incident recording and the termly return (issue 20; docs/decisions/0050).
 *
 * - A school's safeguarding and anti-bullying staff (the `incidents` guard: a school account holding
 *   the `incidents` permission) record allegations, decide them, complete incidents, import a
 *   safeguarding system's export, read the termly analysis, and submit the termly return.
 * - LA and trust staff read the returns only (incident-returns.ts). They never read an incident:
 *   the tables are the school's alone under row-level security too.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { Allegation, EvidenceNote, IncidentUpdate, problem, TermId } from '@all-together/model';
import type { Deps, Env, StaffSession } from '../context.js';
import {
  incidentsFromCsv,
  protectReturn,
  termCounts,
  termDates,
  termLabel,
  termOf,
  termsBegun,
} from '../domain/incidents.js';
import { programmeYearOf, YearQuery } from '../domain/programme-year.js';
import { HttpError, invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import type { IncidentRow } from '../repo/incidents.js';
import type { Repos } from '../repo/index.js';
import type { SchoolRow } from '../repo/schools.js';
import { jsonOf, queryOf } from '../validation.js';
import { schoolContext } from './school-context.js';

const NewIncident = z.strictObject({ id: z.uuid(), allegation: Allegation });
// The rules between the fields are the model's (IncidentUpdate), shared with <at-incident-form>.
const Update = IncidentUpdate;
const ListQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
const Import = z.strictObject({
  csv: z.string().min(1, 'Choose the CSV file your safeguarding system exported.').max(2_000_000),
});
const Settings = z.strictObject({
  retentionYears: z
    .number()
    .int('Enter a whole number of years.')
    .min(1, 'At least 1 year.')
    .max(25, 'At most 25 years.'),
});

/** An incident as the school's staff read it: exactly the model's `IncidentRecord`. */
const incidentJson = (r: IncidentRow) => ({
  id: r.id,
  school: r.school_urn,
  status: r.status,
  allegation: r.allegation,
  details: r.details,
  decidedOn: r.decided_on,
  recordedOn: r.recorded_on,
  updatedOn: r.updated_on,
});

const termParam = (term: string) => {
  const t = TermId.safeParse(term);
  if (!t.success) throw new HttpError(404, 'There is no such term: a term is like 2026-27-autumn.');
  return t.data;
};

export const incidentRoutes = (d: Deps, g: Guards) => {
  const { log } = schoolContext(d);
  /** The audit-log entry of a change to the school's incidents (not about one round). */
  const logEntry = (
    tx: Repos,
    staff: StaffSession,
    school: SchoolRow,
    kind: 'incident.recorded' | 'incident.updated' | 'incident.imported' | 'return.submitted',
    detail: Record<string, string | number | boolean | null>,
  ) => log(tx, staff, school, null, kind, detail);
  /** The termly return as the LA will read it: computed now, or as submitted (locked). */
  const returnView = async (urn: string, term: string) => {
    const submitted = await d.repo.incidents.returnOf(urn, term);
    if (submitted)
      return {
        school: urn,
        term,
        label: termLabel(term),
        state: 'submitted' as const,
        submittedOn: submitted.submitted_on,
        figures: submitted.figures,
      };
    const counts = termCounts(await d.repo.incidents.list(urn), term);
    return {
      school: urn,
      term,
      label: termLabel(term),
      state: 'draft' as const,
      submittedOn: null,
      figures: protectReturn(counts).return,
    };
  };

  return (
    new Hono<Env>()
      .get('/schools/:urn/incidents', g.incidents, queryOf(ListQuery), async (c) => {
        const { from, to } = c.req.valid('query');
        const rows = await d.repo.incidents.list(c.var.school.urn, from, to);
        // The school's own trend per term: exact, since its staff read every record anyway.
        const terms = [...new Set(rows.map((r) => termOf(r.occurred_on)))].sort();
        return c.json({
          school: { urn: c.var.school.urn, name: c.var.school.name },
          currentTerm: termOf(d.today()),
          retentionYears: await d.repo.incidents.retentionYears(c.var.school.urn),
          incidents: rows.map(incidentJson),
          trends: terms.map((term) => {
            const counts = termCounts(rows, term);
            return {
              term,
              label: termLabel(term),
              allegations: counts.allegations!,
              substantiated: counts['status.substantiated']!,
              prejudiceRelated: counts.prejudiceRelated!,
            };
          }),
        });
      })

      .get('/schools/:urn/incidents/:id', g.incidents, async (c) => {
        const id = z.uuid().safeParse(c.req.param('id'));
        const row = id.success ? await d.repo.incidents.get(c.var.school.urn, id.data) : undefined;
        if (!row) throw new HttpError(404, 'There is no such incident.');
        // A record of a term whose return is submitted can no longer change: the form shows it locked.
        const locked = Boolean(
          await d.repo.incidents.returnOf(c.var.school.urn, termOf(row.occurred_on)),
        );
        return c.json({ record: incidentJson(row), locked });
      })

      /** Records an allegation; the id is made by the browser, so a retried save stores one row. */
      .post('/schools/:urn/incidents', g.incidents, jsonOf(NewIncident), async (c) => {
        const { staff, school } = c.var;
        const { id, allegation } = c.req.valid('json');
        if (allegation.occurredOn > d.today())
          throw invalid([problem(['allegation', 'occurredOn'], 'The date is in the future.')], 422);
        const created = await d.transaction(async (tx) => {
          const ok = await tx.incidents.insert(school.urn, id, allegation, d.today(), staff.userId);
          if (ok) await logEntry(tx, staff, school, 'incident.recorded', { id });
          return ok;
        });
        const row = await d.repo.incidents.get(school.urn, id);
        if (!row) throw new HttpError(409, 'That id belongs to another record.');
        return c.json(incidentJson(row), created ? 201 : 200);
      })

      /**
       * Saves an incident (autosave and decisions alike): the allegation, whether it was found to
       * be bullying, and the incident's details. A term whose return is submitted is locked.
       */
      .put('/schools/:urn/incidents/:id', g.incidents, jsonOf(Update), async (c) => {
        const { staff, school } = c.var;
        const body = c.req.valid('json');
        const id = z.uuid().safeParse(c.req.param('id'));
        const before = id.success ? await d.repo.incidents.get(school.urn, id.data) : undefined;
        if (!before) throw new HttpError(404, 'There is no such incident.');
        if (body.allegation.occurredOn > d.today())
          throw invalid([problem(['allegation', 'occurredOn'], 'The date is in the future.')], 422);
        for (const day of new Set([before.occurred_on, body.allegation.occurredOn]))
          if (await d.repo.incidents.returnOf(school.urn, termOf(day)))
            throw invalid(
              [
                problem(
                  ['allegation', 'occurredOn'],
                  `The return for the ${termLabel(termOf(day)).toLowerCase()} is submitted and locked; this record can no longer change.`,
                ),
              ],
              409,
            );
        const details = body.status === 'substantiated' ? body.details : null;
        const decidedOn =
          body.status === 'allegation'
            ? null
            : before.status === body.status && before.decided_on
              ? before.decided_on
              : d.today();
        await d.transaction(async (tx) => {
          await tx.incidents.update(school.urn, before.id, {
            allegation: body.allegation,
            status: body.status,
            details,
            decidedOn,
            today: d.today(),
          });
          if (before.status !== body.status)
            await logEntry(tx, staff, school, 'incident.updated', {
              id: before.id,
              status: body.status,
            });
        });
        return c.json(incidentJson((await d.repo.incidents.get(school.urn, before.id))!));
      })

      /** Imports a safeguarding system's export: every row, or none with each problem named. */
      .post('/schools/:urn/incidents/import', g.incidents, jsonOf(Import), async (c) => {
        const { staff, school } = c.var;
        const parsed = incidentsFromCsv(c.req.valid('json').csv, d.today());
        if (!parsed.ok)
          throw invalid(
            parsed.problems.map((p) =>
              problem(
                ['csv', p.row, p.column],
                `Row ${p.row}${p.column ? `, column "${p.column}"` : ''}: ${p.message}`,
              ),
            ),
            422,
          );
        const locked = new Set<string>();
        for (const i of parsed.incidents) {
          const term = termOf(i.allegation.occurredOn);
          if (!locked.has(term) && (await d.repo.incidents.returnOf(school.urn, term)))
            locked.add(term);
        }
        if (locked.size)
          throw invalid(
            [...locked].map((t) =>
              problem(
                ['csv'],
                `The return for the ${termLabel(t).toLowerCase()} is submitted and locked: remove its rows.`,
              ),
            ),
            409,
          );
        await d.transaction(async (tx) => {
          for (const i of parsed.incidents) {
            const id = randomUUID();
            await tx.incidents.insert(school.urn, id, i.allegation, d.today(), staff.userId);
            if (i.status !== 'allegation')
              await tx.incidents.update(school.urn, id, {
                allegation: i.allegation,
                status: i.status,
                details: i.details,
                decidedOn: d.today(),
                today: d.today(),
              });
          }
          await logEntry(tx, staff, school, 'incident.imported', { rows: parsed.incidents.length });
        });
        return c.json({ imported: parsed.incidents.length }, 201);
      })

      .get('/schools/:urn/incident-settings', g.incidents, async (c) =>
        c.json({ retentionYears: await d.repo.incidents.retentionYears(c.var.school.urn) }),
      )

      .put('/schools/:urn/incident-settings', g.incidents, jsonOf(Settings), async (c) => {
        const { retentionYears } = c.req.valid('json');
        await d.repo.incidents.setRetentionYears(c.var.school.urn, retentionYears);
        return c.json({ retentionYears });
      })

      /**
       * The termly analysis for leaders and governors (the audit's data statements cite it): the
       * school's counts for each term of a programme year, small counts hidden.
       */
      .get('/schools/:urn/incident-analysis', g.incidents, queryOf(YearQuery), async (c) => {
        const year = c.req.valid('query').year ?? programmeYearOf(d.today());
        const rows = await d.repo.incidents.list(c.var.school.urn);
        const today = d.today();
        return c.json({
          school: { urn: c.var.school.urn, name: c.var.school.name },
          year,
          evidence: analysisEvidence(year),
          terms: termsBegun(year, today).map((term) => ({
            term,
            label: termLabel(term),
            figures: protectReturn(termCounts(rows, term), 'school').return,
          })),
        });
      })

      .get('/schools/:urn/incident-returns/:term', g.incidents, async (c) => {
        const term = termParam(c.req.param('term'));
        if (termDates(term).startsOn > d.today())
          throw new HttpError(404, 'That term has not started yet.');
        return c.json(await returnView(c.var.school.urn, term));
      })

      /** Submits the termly return: the figures as the LA reads them, then locked for good. */
      .post('/schools/:urn/incident-returns/:term', g.incidents, async (c) => {
        const { staff, school } = c.var;
        const term = termParam(c.req.param('term'));
        if (termDates(term).startsOn > d.today())
          throw invalid([problem(['term'], 'That term has not started yet.')], 422);
        const done = await d.transaction(async (tx) => {
          const counts = termCounts(await tx.incidents.list(school.urn), term);
          const published = protectReturn(counts).return;
          const ok = await tx.incidents.submit(
            school.urn,
            term,
            published,
            counts,
            d.today(),
            staff.userId,
          );
          if (ok) await logEntry(tx, staff, school, 'return.submitted', { term });
          return ok;
        });
        if (!done)
          throw new HttpError(
            409,
            'This term’s return is already submitted. It cannot be changed.',
          );
        return c.json(await returnView(school.urn, term), 201);
      })
  );
};

/**
 * The termly analysis as audit evidence: the statements about recording and analysing incidents
 * (3.1 recorded centrally with outcome, 3.3 action, outcome and review dates, 3.5 type and groups
 * targeted, 3.6 analysed at least termly for leaders and governors) can cite it, as a note with a
 * link to the report. The audit stores it as it stores any evidence note.
 */
export const analysisEvidence = (year: string) => ({
  statements: ['3.1', '3.3', '3.5', '3.6'],
  note: EvidenceNote.parse({
    kind: 'document',
    note: `Termly analysis of recorded allegations and bullying incidents (${year}): counts by type, prejudice-related characteristic, action and outcome for each term, reported to leaders and governors.`,
    url: `/incidents/report?year=${year}`,
  }),
});
