/**
 * Award moderation (issue 19; docs/decisions/0045). A school lead submits the school for
 * moderation, which locks the year's baseline and end rounds (and their audits and plan); a
 * moderator of the school's LA or trust sees the recommendation beside the evidence, the 360° view
 * and the published pupil outcomes, declares the schools they may not moderate, writes visit notes
 * and decides, always with written reasons (optionally signed off by a second moderator); the
 * decision makes an award with an expiry and a printable certificate. The portfolio is
 * evidence.ts, the awards list awards.ts, what they share award-context.ts. Every change is
 * written with its audit-log entry in one transaction.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { AwardLevel, PlainText, problem, type AwardRecommendation } from '@all-together/model';
import type { Deps, Env, StaffSession } from '../context.js';
import { audit, pupilDefinitions } from '../domain/definitions.js';
import { stateOf } from '../domain/lifecycle.js';
import { LEVEL_WORDS, expiryOf } from '../domain/moderation.js';
import { schoolResults } from '../domain/results.js';
import type { AreaScope } from '../domain/scope.js';
import { HttpError, invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import type { Repos } from '../repo/index.js';
import type { ModerationRow } from '../repo/moderation.js';
import type { SchoolRow } from '../repo/schools.js';
import { jsonOf } from '../validation.js';
import { awardContext, Empty, evidenceJson, ISO_DAY, MIN_WORDS, words } from './award-context.js';

const Reasons = (what: string) =>
  PlainText(5000)
    .trim()
    .min(20, `Write the ${what} in at least 20 characters.`)
    // One message at a time: too short says so; long enough but one word says that.
    .refine(
      (s) => s.length < 20 || words(s) >= MIN_WORDS,
      `Write the ${what} in at least ${MIN_WORDS} words.`,
    );

const Interest = z.strictObject({
  school: z
    .string({ error: 'Enter the school’s URN.' })
    .regex(/^\d{6}$/, 'Enter the school’s URN: 6 digits.'),
});
const Decision = z
  .strictObject({
    outcome: z.enum(['confirm', 'change-level', 'participation', 'more-evidence'], {
      error:
        'Choose a decision: confirm, change the level, certificate of participation, or ask for more evidence.',
    }),
    level: AwardLevel.exclude(['participation']).optional(),
    reasons: Reasons('reasons for the decision'),
    secondSignOff: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'change-level' && !v.level)
      ctx.addIssue({ code: 'custom', path: ['level'], message: 'Choose the level you award.' });
    if (v.outcome !== 'change-level' && v.level)
      ctx.addIssue({
        code: 'custom',
        path: ['level'],
        message: 'A level is chosen only when you change it.',
      });
  });

const SignOff = z.strictObject({ reasons: Reasons('reasons for signing off') });

const Note = (today: string) =>
  z.strictObject({
    visitedOn: z.iso
      .date({ error: 'Enter the day of the visit, like 2026-11-20.' })
      .refine((d) => !ISO_DAY.test(d) || d <= today, 'The visit cannot be in the future.'),
    note: PlainText(5000).trim().min(1, 'Write the note.'),
  });

export const moderationRoutes = (d: Deps, g: Guards) => {
  const { ctx, log, awardOf, serveFile } = awardContext(d);

  /** The decisions a school sees: every decision, a pending sign-off said as such. */
  const decisionsJson = async (repo: Repos, m: ModerationRow | undefined) =>
    m
      ? (await repo.moderation.decisions(m.id)).map((x) => ({
          id: x.id,
          outcome: x.outcome,
          level: x.level,
          levelLabel: x.level ? LEVEL_WORDS[x.level] : null,
          reasons: x.reasons,
          decidedBy: x.decided_by_name ?? 'a deleted account',
          decidedAt: x.decided_at,
          signOff: x.sign_off_required
            ? {
                by: x.signed_off_by ? (x.signed_off_by_name ?? 'a deleted account') : null,
                at: x.signed_off_at,
                reasons: x.sign_off_reasons,
              }
            : null,
        }))
      : [];

  const awardJson = async (repo: Repos, urn: string) => {
    const [a] = await repo.moderation.awards(urn);
    return a
      ? {
          level: a.level,
          levelLabel: LEVEL_WORDS[a.level],
          awardedOn: a.awarded_on,
          expiresOn: a.expires_on,
          awardingBody: a.awarding_body,
          programmeYear: a.programme_year,
        }
      : null;
  };

  /** What a moderator sees of one school. */
  const moderatorView = async (school: SchoolRow, staff: StaffSession) => {
    const a = await awardOf(school);
    const m = a.year ? await d.repo.moderation.get(school.urn, a.year) : undefined;
    const definition = audit((a.audits.end ?? a.audits.baseline)?.definition);
    const results = a.roundRows.end
      ? await schoolResults(ctx(), school, a.roundRows.end)
      : undefined;
    const decisions = m ? await d.repo.moderation.decisions(m.id) : [];
    const pending = decisions.find((x) => x.sign_off_required && !x.signed_off_by);
    return {
      school: { urn: school.urn, name: school.name, phase: school.phase },
      year: a.year,
      rounds: a.rounds,
      moderation: m ? { state: m.state, submittedAt: m.submitted_at } : null,
      recommendation: a.recommendation,
      areas: definition.areas.map((x) => ({ number: x.number, title: x.title })),
      evidence: a.year
        ? (await d.repo.moderation.evidence(school.urn, a.year)).map(evidenceJson)
        : [],
      /** The 360°: each area and statement, baseline against end. */
      audit: results?.audit ?? null,
      /** The school's published pupil outcomes (the same figures the award rests on). */
      results: results?.results ?? null,
      definitions: [...pupilDefinitions(), definition],
      decisions: await decisionsJson(d.repo, m),
      notes: m ? await d.repo.moderation.notes(m.id) : [],
      award: await awardJson(d.repo, school.urn),
      canDecide: m?.state === 'submitted',
      canSignOff:
        m?.state === 'awaiting-sign-off' && !!pending && pending.decided_by !== staff.userId,
    };
  };

  /** A final decision's award: the level, two years' expiry (none for participation). */
  const makeAward = async (
    tx: Repos,
    area: AreaScope,
    m: ModerationRow,
    decisionId: string,
    level: AwardLevel,
  ) => {
    const today = d.today();
    await tx.moderation.award({
      urn: m.school_urn,
      decisionId,
      year: m.programme_year,
      level,
      on: today,
      expires: level === 'participation' ? null : expiryOf(today),
      body: (await tx.tenancy.name(area)) ?? 'The programme',
    });
  };

  return (
    new Hono<Env>()
      // ── submission, decision, certificate: the lead's side ──
      .get('/schools/:urn/moderation', g.schoolLead, async (c) => {
        const { school } = c.var;
        const a = await awardOf(school);
        const m = a.year ? await d.repo.moderation.get(school.urn, a.year) : undefined;
        const today = d.today();
        const blockers: string[] = [];
        if (!a.roundRows.baseline) blockers.push('The school has no Time 1 (baseline) round.');
        if (!a.roundRows.end) blockers.push('The school has no Time 2 (end) round.');
        for (const r of [a.roundRows.baseline, a.roundRows.end])
          if (r && stateOf(r, today) === 'open')
            blockers.push(`Close the round ${r.id} before submitting.`);
        return c.json({
          school: { urn: school.urn, name: school.name },
          year: a.year,
          rounds: a.rounds,
          state: m?.state ?? null,
          submittedAt: m?.submitted_at ?? null,
          recommendation: a.recommendation,
          canSubmit: blockers.length === 0 && (!m || m.state === 'more-evidence'),
          blockers,
          decisions: await decisionsJson(d.repo, m),
          award: await awardJson(d.repo, school.urn),
        });
      })

      .post('/schools/:urn/moderation/submit', g.schoolLead, jsonOf(Empty), async (c) => {
        const { school, staff } = c.var;
        const a = await awardOf(school);
        const { baseline, end } = a.roundRows;
        if (!a.year || !baseline || !end)
          throw new HttpError(
            409,
            'A school is submitted with a Time 1 and a Time 2 round of one programme year.',
          );
        const today = d.today();
        const year = a.year;
        const rec: AwardRecommendation = a.recommendation;
        const m = await d.transaction(async (tx) => {
          for (const r of [baseline, end]) {
            const state = stateOf(r, today);
            if (state === 'open')
              throw new HttpError(409, `Close the round ${r.id} before submitting it.`);
            // Submitting locks both rounds, and with them their audits and the plan (0010).
            if (state === 'closed') {
              if (!(await tx.rounds.lock(school.urn, r.id, today)))
                throw new HttpError(409, `The round ${r.id} could not be locked.`);
              await tx.log.append({
                actor: { id: staff.userId, role: staff.role },
                trustId: school.trust_id,
                laCode: school.local_authority,
                schoolUrn: school.urn,
                roundId: r.id,
                kind: 'round.locked',
                detail: { for: 'moderation' },
              });
            }
          }
          const existing = await tx.moderation.get(school.urn, year);
          let row: ModerationRow | undefined;
          if (!existing)
            row = await tx.moderation.submit({
              urn: school.urn,
              year,
              baseline: baseline.id,
              end: end.id,
              level: rec.level,
              levelIfJudged: rec.levelIfJudged,
              by: staff.userId,
            });
          else row = await tx.moderation.setState(existing.id, ['more-evidence'], 'submitted');
          if (!row) throw new HttpError(409, 'The school is already submitted for moderation.');
          await log(tx, staff, school, 'moderation.submitted', {
            year,
            recommended: rec.level,
            again: !!existing,
          });
          return row;
        });
        return c.json({ state: m.state, year: m.programme_year }, 201);
      })

      .get('/schools/:urn/certificate', g.schoolLead, async (c) => {
        const { school } = c.var;
        const award = await awardJson(d.repo, school.urn);
        if (!award) throw new HttpError(404, 'The school has no award yet.');
        return c.json({ school: { urn: school.urn, name: school.name }, award });
      })

      // ── the moderator's side ──
      .get('/moderation', g.moderator, async (c) => {
        const { area } = c.var;
        const queue = await d.repo.moderation.queue();
        return c.json({
          organisation: { kind: area.kind, name: (await d.repo.tenancy.name(area)) ?? '' },
          /** Schools this moderator declared they lead or work at: another moderator's. */
          interests: await d.repo.moderation.interests(c.var.staff.userId),
          schools: queue.map((m) => ({
            urn: m.school_urn,
            name: m.school_name,
            year: m.programme_year,
            state: m.state,
            recommended: m.recommended_level,
            levelIfJudged: m.level_if_judged,
            submittedAt: m.submitted_at,
          })),
        });
      })

      /**
       * A moderator declares a school they lead or work at: from then on they cannot moderate it
       * (the guard refuses it), and the declaration is in the log. Only the moderator's own area's
       * schools can be named; a declaration is never taken back by the moderator.
       */
      .post('/moderation/interests', g.moderator, jsonOf(Interest), async (c) => {
        const { area, staff } = c.var;
        const urn = c.req.valid('json').school;
        const school = await d.repo.tenancy.school(area, urn);
        if (!school) throw new HttpError(404, 'There is no such school in your area.');
        await d.transaction(async (tx) => {
          if (!(await tx.moderation.declareInterest(staff.userId, urn))) return;
          await tx.log.append({
            actor: { id: staff.userId, role: staff.role },
            trustId: school.trust_id,
            laCode: school.local_authority,
            schoolUrn: urn,
            roundId: null,
            kind: 'moderation.interest',
            detail: {},
          });
        });
        return c.json({ ok: true, school: urn }, 201);
      })

      .get('/moderation/schools/:urn', g.moderator, async (c) =>
        c.json(await moderatorView(c.var.school, c.var.staff)),
      )

      .get('/moderation/schools/:urn/evidence/:id/file', g.moderator, (c) =>
        serveFile(c.var.school.urn, c.req.param('id')),
      )

      .post('/moderation/schools/:urn/decision', g.moderator, jsonOf(Decision), async (c) => {
        const { school, staff, area } = c.var;
        const body = c.req.valid('json');
        const a = await awardOf(school);
        if (!a.year) throw new HttpError(409, 'The school has not been submitted for moderation.');
        const year = a.year;
        const level: AwardLevel | null =
          body.outcome === 'confirm'
            ? a.recommendation.level
            : body.outcome === 'change-level'
              ? body.level!
              : body.outcome === 'participation'
                ? 'participation'
                : null;
        if (body.outcome === 'change-level' && level === a.recommendation.level)
          throw invalid([
            problem(['level'], 'That is the recommended level: choose "Confirm" instead.'),
          ]);
        const state = await d.transaction(async (tx) => {
          const m = await tx.moderation.get(school.urn, year);
          if (!m || m.state !== 'submitted')
            throw new HttpError(
              409,
              !m
                ? 'The school has not been submitted for moderation.'
                : m.state === 'more-evidence'
                  ? 'More evidence was asked for: the school has not submitted again yet.'
                  : 'This submission has already been decided.',
            );
          const pending = body.outcome !== 'more-evidence' && body.secondSignOff === true;
          const id = await tx.moderation.decide({
            moderationId: m.id,
            urn: school.urn,
            outcome: body.outcome,
            level,
            reasons: body.reasons,
            by: staff.userId,
            signOff: pending,
          });
          const next =
            body.outcome === 'more-evidence'
              ? 'more-evidence'
              : pending
                ? 'awaiting-sign-off'
                : 'decided';
          await tx.moderation.setState(m.id, ['submitted'], next);
          if (next === 'decided') await makeAward(tx, area, m, id, level!);
          await log(tx, staff, school, 'moderation.decided', {
            decision: id,
            outcome: body.outcome,
            level,
            recommended: a.recommendation.level,
            secondSignOff: pending,
          });
          return next;
        });
        return c.json({ state }, 201);
      })

      .post('/moderation/schools/:urn/sign-off', g.moderator, jsonOf(SignOff), async (c) => {
        const { school, staff, area } = c.var;
        const body = c.req.valid('json');
        const a = await awardOf(school);
        await d.transaction(async (tx) => {
          const m = a.year ? await tx.moderation.get(school.urn, a.year) : undefined;
          if (!m || m.state !== 'awaiting-sign-off')
            throw new HttpError(409, 'No decision here is waiting for a second moderator.');
          const pending = (await tx.moderation.decisions(m.id)).find(
            (x) => x.sign_off_required && !x.signed_off_by,
          );
          if (!pending)
            throw new HttpError(409, 'No decision here is waiting for a second moderator.');
          if (pending.decided_by === staff.userId)
            throw new HttpError(403, 'A second moderator signs off, not the one who decided.');
          if (!(await tx.moderation.signOff(pending.id, staff.userId, body.reasons)))
            throw new HttpError(409, 'The decision was signed off already.');
          await tx.moderation.setState(m.id, ['awaiting-sign-off'], 'decided');
          await makeAward(tx, area, m, pending.id, pending.level!);
          await log(tx, staff, school, 'moderation.signed-off', {
            decision: pending.id,
            level: pending.level,
          });
        });
        return c.json({ state: 'decided' }, 201);
      })

      .post(
        '/moderation/schools/:urn/notes',
        g.moderator,
        jsonOf(() => Note(d.today())),
        async (c) => {
          const { school, staff } = c.var;
          const body = c.req.valid('json');
          const a = await awardOf(school);
          await d.transaction(async (tx) => {
            const m = a.year ? await tx.moderation.get(school.urn, a.year) : undefined;
            if (!m) throw new HttpError(409, 'The school has not been submitted for moderation.');
            await tx.moderation.addNote({
              moderationId: m.id,
              urn: school.urn,
              on: body.visitedOn,
              note: body.note,
              by: staff.userId,
            });
            await log(tx, staff, school, 'moderation.note', { visitedOn: body.visitedOn });
          });
          return c.json({ ok: true }, 201);
        },
      )
  );
};
