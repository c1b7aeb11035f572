/**
 * A school lead's documents and figures, under `/schools/:urn` and guarded by `schoolLead`: a
 * round's results, its audit and action plan (editable while the round is open), the award and
 * the school's log. Every change is written with its audit-log entry in one transaction
 * (docs/decisions/0012).
 */
import { Hono } from 'hono';
import { ActionPlan, AuditResponse, problem } from '@all-together/model';
import { priorities } from '@all-together/scoring';
import type { Deps, Env } from '../context.js';
import { audit, pupilDefinitions } from '../domain/definitions.js';
import { countFor, editable, roundJson } from '../domain/lifecycle.js';
import { gapsOf, perceptionSummaries } from '../domain/perception.js';
import { schoolAward, schoolResults } from '../domain/results.js';
import { invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import { jsonOf, queryOf } from '../validation.js';
import { logPage, LogQuery } from './log.js';

import { auditFor, schoolContext, stored } from './school-context.js';

export const schoolWorkRoutes = (d: Deps, g: Guards) => {
  const { ctx, log, roundOf, closedFor } = schoolContext(d);
  return (
    new Hono<Env>()
      // ── results ──
      .get('/schools/:urn/rounds/:round/results', g.schoolLead, async (c) => {
        const { school } = c.var;
        const round = await roundOf(d.repo, school, c.req.param('round'));
        const today = d.today();
        const r = await schoolResults(ctx(), school, round);
        // Published figures only (D8): nothing here is a raw count the school's own view would hide.
        return c.json({
          school: { urn: school.urn, name: school.name },
          /** Who the school is compared with: its trust, or its LA when it is in no trust. */
          comparator: school.trust_id ? ('trust' as const) : ('local-authority' as const),
          round: roundJson(round, today),
          /** Pupils in the results shown: banded while the round is open. */
          respondents: countFor(round, today, r.respondents),
          results: r.results,
          audit: r.audit,
          definitions: [...pupilDefinitions(), audit()],
        });
      })

      // ── audit and action plan ──
      .get('/schools/:urn/rounds/:round/audit', g.schoolLead, async (c) => {
        const school = c.var.school;
        const round = await roundOf(d.repo, school, c.req.param('round'));
        const baseRound =
          round.wave === 'end' ? await d.repo.rounds.baselineBefore(school.urn, round) : undefined;
        const [response, baseline] = await Promise.all([
          d.repo.documents.audits.get(school.urn, round.id),
          baseRound ? d.repo.documents.audits.get(school.urn, baseRound.id) : undefined,
        ]);
        const current = stored(AuditResponse, response);
        const before = stored(AuditResponse, baseline);
        return c.json({
          // The version this round's audit answers: its own, else the baseline's, else the newest.
          definition: audit(current?.definition ?? before?.definition),
          response: current,
          baseline: before,
          wave: round.wave,
          round: roundJson(round, d.today()),
        });
      })

      .put('/schools/:urn/rounds/:round/audit', g.schoolLead, jsonOf(AuditResponse), async (c) => {
        const { school, staff } = c.var;
        const response = c.req.valid('json');
        const saved = await d.transaction(async (tx) => {
          const round = await roundOf(tx, school, c.req.param('round'), true);
          if (!editable(round, d.today())) throw closedFor(round, 'audit');
          if (response.school !== school.urn)
            throw invalid([problem(['school'], 'This audit belongs to another school.')]);
          if (response.wave !== round.wave)
            throw invalid([problem(['wave'], `This round is the ${round.wave} round.`)]);
          const def = await auditFor(tx, school.urn, round);
          if (response.definition.id !== def.id || response.definition.version !== def.version)
            throw invalid([problem(['definition'], `Use ${def.id} ${def.version}.`)]);
          const known = new Set(def.areas.flatMap((a) => a.statements.map((s) => s.id as string)));
          const unknown = Object.keys(response.ratings).filter((k) => !known.has(k));
          if (unknown.length)
            throw invalid(
              unknown.map((k) => problem(['ratings', k], `There is no statement ${k}.`)),
            );
          const body = { ...response, round: round.id };
          await tx.documents.audits.save(school.urn, round.id, body);
          await log(tx, staff, school, round.id, 'audit.saved', {
            rated: Object.values(response.ratings).filter((v) => v !== undefined).length,
            statements: known.size,
          });
          return body;
        });
        return c.json({ ok: true, audit: saved });
      })

      .get('/schools/:urn/rounds/:round/plan', g.schoolLead, async (c) => {
        const school = c.var.school;
        const round = await roundOf(d.repo, school, c.req.param('round'));
        const [plan, auditDoc, perception] = await Promise.all([
          d.repo.documents.plans.get(school.urn, round.id),
          d.repo.documents.audits.get(school.urn, round.id),
          perceptionSummaries(ctx(), school, round),
        ]);
        const parsedAudit = auditDoc ? AuditResponse.safeParse(auditDoc) : undefined;
        // The award readiness panel shows the recommendation itself, made on the server from the
        // school's published figures by scoring's one computation (the same as /award).
        const award = await schoolAward(ctx(), school);
        return c.json({
          plan: stored(ActionPlan, plan),
          // The audit's ratings, and the 360°'s agreement gaps (Fully met, but a group disagrees).
          priorities: parsedAudit?.success
            ? priorities(audit(parsedAudit.data.definition), parsedAudit.data, {
                gaps: gapsOf(perception, audit(parsedAudit.data.definition), parsedAudit.data),
              })
            : [],
          definition: audit(
            parsedAudit?.success ? parsedAudit.data.definition : award.audits.baseline?.definition,
          ),
          baseline: award.audits.baseline,
          audit: award.audits.end ?? (parsedAudit?.success ? parsedAudit.data : null),
          award: award.recommendation,
          today: d.today(),
          round: roundJson(round, d.today()),
        });
      })

      .put('/schools/:urn/rounds/:round/plan', g.schoolLead, jsonOf(ActionPlan), async (c) => {
        const { school, staff } = c.var;
        const plan = c.req.valid('json');
        await d.transaction(async (tx) => {
          const round = await roundOf(tx, school, c.req.param('round'), true);
          if (!editable(round, d.today())) throw closedFor(round, 'action plan');
          if (plan.school !== school.urn)
            throw invalid([problem(['school'], 'This plan belongs to another school.')]);
          await tx.documents.plans.save(school.urn, round.id, plan);
          await log(tx, staff, school, round.id, 'plan.saved', {
            objectives: plan.objectives.length,
            actions: plan.actions.length,
          });
        });
        return c.json({ ok: true, plan });
      })

      // ── award and log ──
      .get('/schools/:urn/award', g.schoolLead, async (c) => {
        const { rounds, recommendation } = await schoolAward(ctx(), c.var.school);
        return c.json({ rounds, recommendation });
      })

      .get(
        '/schools/:urn/log',
        g.schoolLead,
        queryOf(LogQuery.omit({ school: true })),
        async (c) => {
          const { school } = c.var;
          const { before } = c.req.valid('query');
          return c.json(await logPage(d.repo, null, school.urn, before));
        },
      )
  );
};
