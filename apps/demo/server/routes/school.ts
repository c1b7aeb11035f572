/**
 * A school lead's routes, all under `/schools/:urn` and guarded by `schoolLead`: rounds and their
 * lifecycle, class codes, results, the audit, the action plan, the award and the school's log.
 * Every change is written with its audit-log entry in one transaction (docs/decisions/0012).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ActionPlan, AuditResponse, ProgrammeRound, Wave, problem } from '@all-together/model';
import { priorities } from '@all-together/scoring';
import type { Deps, Env, StaffSession } from '../context.js';
import {
  PUPIL_DEFINITIONS,
  audit,
  defaultDefinitionFor,
  definitionLabel,
  pupilDefinition,
  pupilDefinitions,
  titleOf,
} from '../domain/definitions.js';
import { K, band, countFor, editable, roundJson, stateOf } from '../domain/lifecycle.js';
import { schoolAward, schoolResults } from '../domain/results.js';
import { removeCodes } from '../domain/retention.js';
import type { DomainContext } from '../domain/snapshots.js';
import { HttpError, invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import type { CodeRow } from '../repo/codes.js';
import type { Repos } from '../repo/index.js';
import type { LogDetail, LogKind } from '../repo/log.js';
import type { RoundRow } from '../repo/rounds.js';
import type { SchoolRow } from '../repo/schools.js';
import { formatCode, newClassCode, sha256 } from '../security.js';
import { jsonOf, parse, queryOf } from '../validation.js';
import { logPage, LogQuery } from './log.js';

const Empty = z.strictObject({});

/** A stored document, typed: it was checked when saved; anything unreadable reads as absent. */
function stored<S extends z.ZodType>(schema: S, body: unknown): z.output<S> | null {
  if (body === undefined || body === null) return null;
  const r = schema.safeParse(body);
  return r.success ? r.data : null;
}

/**
 * The audit version a round's audit answers: the version already saved for the round, else (an end
 * round) the version of the baseline audit before it, so a year is audited and compared on one
 * version, else the newest.
 */
async function auditFor(repo: Repos, urn: string, round: RoundRow) {
  const own = stored(AuditResponse, await repo.documents.audits.get(urn, round.id));
  if (own) return audit(own.definition);
  const base = round.wave === 'end' ? await repo.rounds.baselineBefore(urn, round) : undefined;
  const before = base ? stored(AuditResponse, await repo.documents.audits.get(urn, base.id)) : null;
  return audit(before?.definition);
}

/**
 * A new round, with plain words per field (the portal's forms show them as they are). Its dates
 * are today or later: a round dated in the past could neither collect answers nor be allowed to
 * stand in for one that did (docs/decisions/0010). Each field is checked on its own, so every
 * mistake is named at once.
 */
// Only a well-formed day is compared with today (a malformed one already has its own message).
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const newRound = (today: string) =>
  z
    .strictObject({
      id: z
        .string({ error: 'Enter a round name.' })
        .trim()
        .min(1, 'Enter a round name.')
        .max(80, 'A round name is at most 80 characters.')
        .regex(
          /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/,
          'A round name uses lower-case letters, digits and single dashes, like 2027-28-end.',
        ),
      wave: z.enum(Wave.options, { error: 'Choose Time 1 (baseline) or Time 2 (end).' }),
      opensOn: z.iso
        .date({ error: 'Enter the day the round opens, like 2027-01-11.' })
        .refine(
          (d) => !ISO_DAY.test(d) || d >= today,
          'A new round cannot open in the past: choose today or a later day.',
        ),
      closesOn: z.iso
        .date({ error: 'Enter the day the round closes, like 2027-02-05.' })
        .refine(
          (d) => !ISO_DAY.test(d) || d >= today,
          'A new round cannot close in the past: choose today or a later day.',
        ),
      /** Retention (P9); defaults: raw answers 12 months after close, class codes at close. */
      retention: z
        .strictObject({
          rawMonths: z
            .number({ error: 'Enter the months to keep raw answers, from 1 to 120.' })
            .int('Enter a whole number of months.')
            .min(1, 'Keep raw answers for at least 1 month.')
            .max(120, 'Keep raw answers for at most 120 months.')
            .optional(),
          codeDays: z
            .number({ error: 'Enter the days to keep class codes after closing, from 0 to 30.' })
            .int('Enter a whole number of days.')
            .min(0, 'Enter 0 or more days.')
            .max(30, 'Class codes are kept at most 30 days after a round closes.')
            .optional(),
        })
        .optional(),
    })
    .superRefine((r, ctx) => {
      if (r.closesOn < r.opensOn)
        ctx.addIssue({
          code: 'custom',
          path: ['closesOn'],
          message: 'The closing day must be the same as or after the opening day.',
        });
    });

const NewCode = z.strictObject({
  classLabel: z
    .string({ error: 'Enter the class name, like 5B.' })
    .trim()
    .min(1, 'Enter the class name, like 5B.')
    .max(40, 'A class name is at most 40 characters.')
    .regex(/^[\p{L}\p{N} ._'-]+$/u, "Use letters, digits, spaces and . _ ' - only."),
  classSize: z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? 'Enter how many pupils are in the class.'
          : 'Enter the number of pupils as a whole number, like 28.',
    })
    .int('Enter the number of pupils as a whole number, like 28.')
    .min(1, 'A class has at least 1 pupil.')
    .max(200, 'A class code is for at most 200 pupils: issue one code per class.'),
  definition: z
    .enum(PUPIL_DEFINITIONS, { error: 'Choose a questionnaire from the list.' })
    .optional(),
});

function codeJson(k: CodeRow) {
  const def = pupilDefinitions().find((x) => x.id === k.definition_id);
  return {
    id: k.id,
    classLabel: k.class_label,
    classSize: k.class_size,
    definition: {
      id: k.definition_id,
      version: k.definition_version,
      title: def ? titleOf(def) : k.definition_id,
      label: def ? definitionLabel(def) : k.definition_id,
    },
    issuedOn: k.issued_on,
    /** Always a band: a class's count is small, and watching it would time each pupil. */
    responses: band(k.responses),
    revoked: k.revoked_on !== null,
    revokedOn: k.revoked_on,
  };
}

export const schoolRoutes = (d: Deps, g: Guards) => {
  const ctx = (): DomainContext => ({
    repo: d.repo,
    transaction: d.transaction,
    today: d.today(),
  });
  const log = (
    tx: Repos,
    staff: StaffSession,
    school: SchoolRow,
    round: string | null,
    kind: LogKind,
    detail: LogDetail = {},
  ) =>
    tx.log.append({
      actor: { id: staff.userId, role: staff.role },
      // The entry belongs to the school's trust and LA, so both see what happens at the school.
      trustId: school.trust_id,
      laCode: school.local_authority,
      schoolUrn: school.urn,
      roundId: round,
      kind,
      detail,
    });
  const roundOf = async (repo: Repos, school: SchoolRow, id: string | undefined, lock = false) => {
    // A round id is a slug (newRound): anything else is not a round, and is not looked up.
    if (!id || id.length > 80 || !/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(id))
      throw new HttpError(404, 'There is no such round at this school.');
    const round = lock
      ? await repo.rounds.getForShare(school.urn, id ?? '')
      : await repo.rounds.get(school.urn, id ?? '');
    if (!round) throw new HttpError(404, 'There is no such round at this school.');
    return round;
  };
  const closedFor = (round: RoundRow, what: string) =>
    new HttpError(
      409,
      stateOf(round, d.today()) === 'locked'
        ? `This round is locked for the award, so its ${what} can no longer be changed.`
        : `This round is closed, so its ${what} can no longer be changed.`,
      { reason: 'closed' },
    );

  return (
    new Hono<Env>()
      // ── rounds and their lifecycle ──
      .get('/schools/:urn/rounds', g.schoolLead, async (c) => {
        const school = c.var.school;
        const today = d.today();
        const [rounds, counts, baseline, end] = await Promise.all([
          d.repo.rounds.list(school.urn),
          d.repo.rounds.counts(school.urn),
          d.repo.rounds.reporting(school.urn, 'baseline', today, K),
          d.repo.rounds.reporting(school.urn, 'end', today, K),
        ]);
        return c.json({
          school: { urn: school.urn, name: school.name, phase: school.phase },
          defaultDefinition: defaultDefinitionFor(school.phase),
          definitions: pupilDefinitions().map((x) => ({
            id: x.id,
            version: x.version,
            title: titleOf(x),
            label: definitionLabel(x),
          })),
          rounds: rounds.map((r) => ({
            ...roundJson(r, today),
            /** Banded while the round is open (never an exact live count), exact once closed. */
            responses: countFor(r, today, counts.get(r.id)?.responses ?? 0),
            codes: counts.get(r.id)?.codes ?? 0,
            /** The round the trust's figures use for this school and wave. */
            reporting: r.id === baseline?.id || r.id === end?.id,
          })),
        });
      })

      .post(
        '/schools/:urn/rounds',
        g.schoolLead,
        jsonOf(() => newRound(d.today())),
        async (c) => {
          const { school, staff } = c.var;
          const body = c.req.valid('json');
          const today = d.today();
          const { retention: _retention, ...fields } = body;
          const round = parse(ProgrammeRound, { ...fields, school: school.urn });
          const created = await d.transaction(async (tx) => {
            const row = await tx.rounds.insert({
              urn: school.urn,
              id: round.id,
              wave: round.wave,
              opensOn: round.opensOn,
              closesOn: round.closesOn,
              rawRetentionMonths: body.retention?.rawMonths,
              codeRetentionDays: body.retention?.codeDays,
            });
            if (row)
              await log(tx, staff, school, round.id, 'round.created', {
                wave: round.wave,
                opensOn: round.opensOn,
                closesOn: round.closesOn,
              });
            return row;
          });
          if (!created)
            throw invalid([problem(['id'], `There is already a round called "${round.id}".`)], 409);
          return c.json({ round: roundJson(created, today) }, 201);
        },
      )

      .post('/schools/:urn/rounds/:round/close', g.schoolLead, jsonOf(Empty), async (c) => {
        const { school, staff } = c.var;
        const today = d.today();
        const closed = await d.transaction(async (tx) => {
          const round = await roundOf(tx, school, c.req.param('round'));
          const done = await tx.rounds.close(school.urn, round.id, today);
          if (!done)
            throw new HttpError(
              409,
              stateOf(round, today) === 'locked'
                ? 'This round is locked: it has been submitted for the award.'
                : 'This round is already closed.',
            );
          // Retention (P9): by default the round's class codes go now, with the close.
          const codesRemoved =
            done.code_retention_days === 0 ? await removeCodes(tx, done, today, false) : 0;
          await log(tx, staff, school, round.id, 'round.closed', { codesRemoved });
          return done;
        });
        return c.json({ round: roundJson(closed, today) });
      })

      .post('/schools/:urn/rounds/:round/lock', g.schoolLead, jsonOf(Empty), async (c) => {
        const { school, staff } = c.var;
        const today = d.today();
        const locked = await d.transaction(async (tx) => {
          const round = await roundOf(tx, school, c.req.param('round'));
          const done = await tx.rounds.lock(school.urn, round.id, today);
          if (!done)
            throw new HttpError(
              409,
              stateOf(round, today) === 'open'
                ? 'Close the round before submitting it for the award.'
                : 'This round is already locked.',
            );
          // A round closed by its date, locked before maintenance removed its codes (P9).
          const codesRemoved =
            !done.codes_removed_on && done.code_retention_days === 0
              ? await removeCodes(tx, done, today, false)
              : 0;
          await log(
            tx,
            staff,
            school,
            round.id,
            'round.locked',
            codesRemoved ? { codesRemoved } : {},
          );
          return done;
        });
        return c.json({ round: roundJson(locked, today) });
      })

      // ── class codes ──
      .get('/schools/:urn/rounds/:round/codes', g.schoolLead, async (c) => {
        const school = c.var.school;
        const round = await roundOf(d.repo, school, c.req.param('round'));
        const codes = await d.repo.codes.list(school.urn, round.id);
        // Codes are stored hashed: a code is shown once, when it is issued; this lists the classes.
        return c.json({ round: roundJson(round, d.today()), codes: codes.map(codeJson) });
      })

      .post('/schools/:urn/rounds/:round/codes', g.schoolLead, jsonOf(NewCode), async (c) => {
        const { school, staff } = c.var;
        const body = c.req.valid('json');
        const def = pupilDefinition(body.definition ?? defaultDefinitionFor(school.phase));
        const code = newClassCode();
        const row = await d.transaction(async (tx) => {
          const round = await roundOf(tx, school, c.req.param('round'), true);
          if (stateOf(round, d.today()) !== 'open')
            throw new HttpError(409, 'This round is closed, so it takes no new class codes.', {
              reason: 'closed',
            });
          const inserted = await tx.codes.insert({
            codeHash: sha256(code),
            urn: school.urn,
            round: round.id,
            classLabel: body.classLabel,
            classSize: body.classSize,
            definitionId: def.id,
            definitionVersion: def.version,
            issuedBy: staff.userId,
          });
          await log(tx, staff, school, round.id, 'code.issued', {
            code: inserted.id,
            classLabel: inserted.class_label,
            classSize: inserted.class_size,
            definition: `${def.id}@${def.version}`,
          });
          return inserted;
        });
        return c.json({ code: formatCode(code), ...codeJson(row) }, 201);
      })

      .post(
        '/schools/:urn/rounds/:round/codes/:code/revoke',
        g.schoolLead,
        jsonOf(Empty),
        async (c) => {
          const { school, staff } = c.var;
          const out = await d.transaction(async (tx) => {
            const round = await roundOf(tx, school, c.req.param('round'));
            const r = await tx.codes.revoke(school.urn, round.id, c.req.param('code'), d.today());
            if (!r) throw new HttpError(404, 'There is no such class code in this round.');
            if (r.changed)
              await log(tx, staff, school, round.id, 'code.revoked', {
                code: r.code.id,
                classLabel: r.code.class_label,
              });
            return r.code;
          });
          return c.json({ code: codeJson(out) });
        },
      )

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
        const [plan, auditDoc] = await Promise.all([
          d.repo.documents.plans.get(school.urn, round.id),
          d.repo.documents.audits.get(school.urn, round.id),
        ]);
        const parsedAudit = auditDoc ? AuditResponse.safeParse(auditDoc) : undefined;
        // The award readiness panel shows the recommendation itself, made on the server from the
        // school's published figures by scoring's one computation (the same as /award).
        const award = await schoolAward(ctx(), school);
        return c.json({
          plan: stored(ActionPlan, plan),
          priorities: parsedAudit?.success
            ? priorities(audit(parsedAudit.data.definition), parsedAudit.data)
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
