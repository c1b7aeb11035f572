/**
 * A school's evidence portfolio (issue 19; docs/decisions/0045), for its lead: items per audit
 * area or action of the plan, each with an optional file checked by its content before anything
 * is stored, and the file as a sandboxed download. The portfolio is locked while it is with the
 * moderator. Every change is written with its audit-log entry in one transaction.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { EvidenceKind, PlainText, SafeUrl, problem } from '@all-together/model';
import type { Deps, Env } from '../context.js';
import { audit } from '../domain/definitions.js';
import { ALLOWED_IN_WORDS, MAX_FILE_BYTES, checkFile } from '../domain/evidence.js';
import { HttpError, invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import { jsonOf } from '../validation.js';

import {
  awardContext,
  ISO_DAY,
  MIN_WORDS,
  evidenceJson,
  planActions,
  portfolioOpen,
  words,
} from './award-context.js';

const NewEvidence = (today: string) =>
  z
    .strictObject({
      area: z
        .string()
        .regex(/^[0-9]{1,2}$/, 'Choose an audit area.')
        .optional(),
      action: z.string().min(1).max(80).optional(),
      kind: z.enum(EvidenceKind.options, {
        error: 'Choose what kind of evidence this is.',
      }),
      description: PlainText(2000)
        .trim()
        .refine(
          (s) => words(s) >= MIN_WORDS,
          `Describe the evidence in at least ${MIN_WORDS} words, so a moderator can judge it.`,
        ),
      date: z.iso
        .date({ error: 'Enter the day of the evidence, like 2026-03-14.' })
        .refine((d) => !ISO_DAY.test(d) || d <= today, 'The day cannot be in the future.'),
      url: SafeUrl.optional(),
      file: z
        .strictObject({
          name: z.string({ error: 'The file has no name.' }).max(400),
          data: z
            .string({ error: 'The file is missing.' })
            .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file was not sent as base64.'),
        })
        .optional(),
    })
    .superRefine((v, ctx) => {
      if ((v.area === undefined) === (v.action === undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['area'],
          message: 'Choose the audit area or the action this evidence is for (one of them).',
        });
    });

export const evidenceRoutes = (d: Deps, g: Guards) => {
  const { log, awardOf, serveFile } = awardContext(d);
  return (
    new Hono<Env>()
      // ── the school's portfolio ──
      .get('/schools/:urn/evidence', g.schoolLead, async (c) => {
        const { school } = c.var;
        const a = await awardOf(school);
        const m = a.year ? await d.repo.moderation.get(school.urn, a.year) : undefined;
        const definition = audit((a.audits.end ?? a.audits.baseline)?.definition);
        const plan = a.recommendation; // the criteria say what the evidence is for
        const endPlan = a.year ? await planActions(d.repo, school.urn, a) : [];
        return c.json({
          school: { urn: school.urn, name: school.name },
          year: a.year,
          open: portfolioOpen(m),
          state: m?.state ?? null,
          areas: definition.areas.map((x) => ({ number: x.number, title: x.title })),
          actions: endPlan,
          items: a.year
            ? (await d.repo.moderation.evidence(school.urn, a.year)).map(evidenceJson)
            : [],
          evidenceCriterion: plan.criteria.find((x) => x.id === 'eligibility.evidence') ?? null,
          limits: { maxFileBytes: MAX_FILE_BYTES, allowed: ALLOWED_IN_WORDS, minWords: MIN_WORDS },
        });
      })

      .post(
        '/schools/:urn/evidence',
        g.schoolLead,
        jsonOf(() => NewEvidence(d.today())),
        async (c) => {
          const { school, staff } = c.var;
          const body = c.req.valid('json');
          const a = await awardOf(school);
          if (!a.year)
            throw new HttpError(409, 'Open a round first: evidence belongs to a programme year.');
          const year = a.year;
          if (body.area !== undefined) {
            const def = audit((a.audits.end ?? a.audits.baseline)?.definition);
            if (!def.areas.some((x) => String(x.number) === body.area))
              throw invalid([problem(['area'], `The audit has no area ${body.area}.`)]);
          }
          if (body.action !== undefined) {
            const actions = await planActions(d.repo, school.urn, a);
            if (!actions.some((x) => x.id === body.action))
              throw invalid([problem(['action'], 'There is no such action in the plan.')]);
          }
          let file = null;
          if (body.file) {
            const bytes = Buffer.from(body.file.data, 'base64');
            const checked = checkFile(body.file.name, bytes);
            if (!checked.ok) throw invalid([problem(['file'], checked.message)], 422);
            file = checked.file;
          }
          const row = await d.transaction(async (tx) => {
            const m = await tx.moderation.get(school.urn, year);
            if (!portfolioOpen(m))
              throw new HttpError(
                409,
                'The portfolio is with the moderator, so it cannot change now.',
              );
            const added = await tx.moderation.addEvidence({
              urn: school.urn,
              year,
              area: body.area ?? null,
              actionId: body.action ?? null,
              kind: body.kind,
              description: body.description,
              on: body.date,
              url: body.url ?? null,
              file,
              by: staff.userId,
            });
            await log(tx, staff, school, 'evidence.added', {
              item: added.id,
              kind: added.kind,
              file: file ? file.type : null,
            });
            return added;
          });
          return c.json({ item: evidenceJson(row) }, 201);
        },
      )

      .delete('/schools/:urn/evidence/:id', g.schoolLead, async (c) => {
        const { school, staff } = c.var;
        const id = c.req.param('id');
        if (!/^[0-9a-f-]{36}$/.test(id)) throw new HttpError(404, 'There is no such item.');
        const a = await awardOf(school);
        await d.transaction(async (tx) => {
          const m = a.year ? await tx.moderation.get(school.urn, a.year) : undefined;
          if (!portfolioOpen(m))
            throw new HttpError(
              409,
              'The portfolio is with the moderator, so it cannot change now.',
            );
          if (!(await tx.moderation.removeEvidence(school.urn, id)))
            throw new HttpError(404, 'There is no such item.');
          await log(tx, staff, school, 'evidence.removed', { item: id });
        });
        return c.json({ ok: true });
      })

      .get('/schools/:urn/evidence/:id/file', g.schoolLead, (c) =>
        serveFile(c.var.school.urn, c.req.param('id')),
      )
  );
};
