/**
 * An area's people and messages: LA and trust administrators invite and deactivate staff accounts
 * (the `areaAdmin` guard); LA and trust staff queue reminders to the leads of schools that are
 * behind and read the outbox (`areaWrite`, `area`). Messages go to staff accounts only, never to
 * pupils (pupils have no account). Each statement runs in the caller's scope.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { problem } from '@all-together/model';
import type { Deps, Env, Role, StaffSession } from '../context.js';
import { programmeYearOf } from '../domain/programme-year.js';
import { ROLES, type AreaScope } from '../domain/scope.js';
import { programmeTracker } from '../domain/tracker.js';
import { sendOutbox } from '../ops/mail.js';
import { HttpError, invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import { formatCode, newClassCode, randomToken, sha256 } from '../security.js';
import { defaultDefinitionFor, pupilDefinition } from '../domain/definitions.js';
import { stateOf } from '../domain/lifecycle.js';
import { jsonOf } from '../validation.js';

/** How long an invitation link works. */
export const INVITATION_MS = 7 * 86_400_000;

/** The roles each kind of area may give. */
const GIVES: Record<AreaScope['kind'], readonly Role[]> = {
  // A moderator belongs to the LA or the trust that invites them (never to a school).
  'local-authority': ['la-adviser', 'la-admin', 'school-lead', 'moderator'],
  trust: ['trust-admin', 'school-lead', 'moderator'],
};

const Invite = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email('Enter an e-mail address, like name@school.example.')
    .max(200),
  name: z.string().trim().min(1, 'Enter the person’s name.').max(100),
  role: z.enum(['la-adviser', 'la-admin', 'trust-admin', 'school-lead', 'moderator'], {
    error: 'Choose a role.',
  }),
  school: z.string().optional(),
});
const Reminders = z.strictObject({
  schools: z
    .array(z.string().regex(/^\d{6,7}$/, 'A URN is 6 or 7 digits.'))
    .min(1, 'Choose at least one school.')
    .max(1000),
});
const Empty = z.strictObject({});
const BulkCodes = z.strictObject({
  round: z
    .string()
    .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, 'Choose the survey window, like 2026-27-baseline.')
    .max(80),
  schools: z
    .array(z.string().regex(/^\d{6,7}$/, 'A URN is 6 or 7 digits.'))
    .min(1, 'Choose at least one school.')
    .max(200),
  classes: z
    .array(
      z.strictObject({
        label: z
          .string()
          .trim()
          .min(1, 'Enter the class name, like 5B.')
          .max(40, 'A class name is at most 40 characters.')
          .regex(/^[\p{L}\p{N} ._'-]+$/u, "Use letters, digits, spaces and . _ ' - only."),
        size: z
          .number({ error: 'Enter the number of pupils as a whole number, like 28.' })
          .int('Enter the number of pupils as a whole number, like 28.')
          .min(1, 'A class has at least 1 pupil.')
          .max(200, 'A class code is for at most 200 pupils: issue one code per class.'),
      }),
    )
    .min(1, 'Add at least one class.')
    .max(20, 'At most 20 classes at a time.'),
});

const STAGE_WORDS: Record<string, string> = {
  enrolled: 'enrolment',
  'baseline-audit': 'the baseline 360° audit',
  'time-1-survey': 'the Time 1 pupil survey',
  'action-plan': 'the action plan',
  'termly-reviews': 'a termly review of the action plan',
  'time-2-survey': 'the Time 2 pupil survey',
  'end-audit': 'the end-of-year audit',
  award: 'submitting for the award',
};

export const areaAdminRoutes = (d: Deps, g: Guards) => {
  const where = (area: AreaScope) => ({
    laCode: area.kind === 'local-authority' ? area.la : null,
    trustId: area.kind === 'trust' ? area.trust : null,
  });
  const logAccount = (
    staff: StaffSession,
    area: AreaScope,
    kind: 'account.invited' | 'account.deactivated',
    school: string | null,
    detail: Record<string, string>,
  ) =>
    d.repo.log.append({
      actor: { id: staff.userId, role: staff.role },
      ...where(area),
      schoolUrn: school,
      roundId: null,
      kind,
      detail,
    });

  return (
    new Hono<Env>()
      .get('/area/users', g.areaAdmin, async (c) => {
        const { area } = c.var;
        const [users, schools] = await Promise.all([
          d.repo.tenancy.staff(area),
          d.repo.tenancy.schools(area),
        ]);
        return c.json({
          roles: GIVES[area.kind].map((id) => ({ id, label: ROLES[id].label })),
          schools: schools.map((s) => ({ urn: s.urn, name: s.name })),
          users: users.map((u) => ({
            id: u.id,
            email: u.email,
            name: u.display_name,
            role: { id: u.role, label: ROLES[u.role]?.label ?? u.role },
            school: u.school_urn
              ? { urn: u.school_urn, name: u.school_name ?? u.school_urn }
              : null,
            status: u.deactivated_on ? 'deactivated' : u.invited ? 'invited' : 'active',
            deactivatedOn: u.deactivated_on,
          })),
        });
      })

      /**
       * Makes an account and a one-time link for its owner to choose a password (7 days). The
       * link is returned once and queued in the outbox as an invitation; only its hash is kept.
       */
      .post('/area/users', g.areaAdmin, jsonOf(Invite), async (c) => {
        const { area, staff } = c.var;
        const body = c.req.valid('json');
        if (!GIVES[area.kind].includes(body.role))
          throw invalid([problem(['role'], 'You cannot give that role.')], 422);
        let school = null;
        if (body.role === 'school-lead') {
          school = body.school ? await d.repo.tenancy.school(area, body.school) : undefined;
          if (!school)
            throw invalid([problem(['school'], 'Choose the school this lead works at.')], 422);
        } else if (body.school)
          throw invalid([problem(['school'], 'Only a school lead works at one school.')], 422);
        const token = randomToken();
        const link = `${new URL(c.req.url).origin}/invite#token=${token}`;
        const organisation = (await d.repo.tenancy.name(area)) ?? '';
        const id = await d.transaction(async (tx) => {
          const created = await tx.accounts.create({
            email: body.email,
            name: body.name,
            role: body.role,
            laCode: area.kind === 'local-authority' && body.role !== 'school-lead' ? area.la : null,
            trustId: area.kind === 'trust' ? area.trust : school ? (school.trust_id ?? null) : null,
            schoolUrn: school?.urn ?? null,
            by: staff.userId,
          });
          if (!created)
            throw invalid(
              [problem(['email'], 'There is already an account with that e-mail address.')],
              409,
            );
          await tx.accounts.invite(created, sha256(token), d.now() + INVITATION_MS);
          await tx.accounts.queue({
            kind: 'invitation',
            to: body.email,
            subject: `Your All Together account for ${organisation}`,
            body: [
              `Hello ${body.name},`,
              '',
              `${staff.name} has made you an All Together account for ${organisation}` +
                `${school ? `, as the programme lead at ${school.name}` : ''}.`,
              '',
              `Choose your password within 7 days at: ${link}`,
              '',
              'If you were not expecting this, you can ignore this message.',
            ].join('\n'),
            ...where(area),
            schoolUrn: school?.urn ?? null,
            by: staff.userId,
          });
          await tx.log.append({
            actor: { id: staff.userId, role: staff.role },
            ...where(area),
            schoolUrn: school?.urn ?? null,
            roundId: null,
            kind: 'account.invited',
            detail: { account: created, role: body.role },
          });
          return created;
        });
        return c.json({ id, email: body.email, link, expiresInDays: 7 }, 201);
      })

      .post('/area/users/:id/deactivate', g.areaAdmin, jsonOf(Empty), async (c) => {
        const { area, staff } = c.var;
        const id = c.req.param('id');
        if (!/^[0-9a-f-]{36}$/.test(id)) throw new HttpError(404, 'There is no such account.');
        if (id === staff.userId)
          throw new HttpError(
            409,
            'You cannot deactivate your own account. Ask another administrator.',
          );
        // Row-level security hides accounts outside the area: they are "not found".
        const users = await d.repo.tenancy.staff(area);
        const user = users.find((u) => u.id === id);
        if (!user) throw new HttpError(404, 'There is no such account.');
        if (!(await d.repo.accounts.deactivate(id, d.today())))
          throw new HttpError(409, 'That account is already deactivated.');
        await logAccount(staff, area, 'account.deactivated', user.school_urn, { account: id });
        return c.json({ ok: true });
      })

      .get('/area/outbox', g.area, async (c) => {
        const messages = await d.repo.accounts.outbox();
        return c.json({
          mailServer: Boolean(d.mail),
          messages: messages.map((m) => ({
            id: m.id,
            createdAt: m.created_at,
            kind: m.kind,
            to: m.to_email,
            subject: m.subject,
            body: m.body,
            school: m.school_urn,
            sentAt: m.sent_at,
            failure: m.failure,
          })),
        });
      })

      /**
       * Queues a reminder to the active leads of each school named: the stage it is at and what
       * comes next. A school outside the area, or with no active lead, is named in the reply.
       */
      .post('/area/reminders', g.areaWrite, jsonOf(Reminders), async (c) => {
        const { area, staff } = c.var;
        const { schools } = c.req.valid('json');
        const year = programmeYearOf(d.today());
        const tracker = await programmeTracker(d.repo, area, year, d.today());
        const rows = new Map(tracker.schools.map((s) => [s.urn, s]));
        const unknown = schools.filter((u) => !rows.has(u));
        if (unknown.length)
          throw invalid(
            unknown.map((u) =>
              problem(
                ['schools', schools.indexOf(u)],
                `School ${u} is not enrolled in your area this year.`,
              ),
            ),
            422,
          );
        const organisation = (await d.repo.tenancy.name(area)) ?? '';
        const leads = await d.repo.accounts.leads(schools);
        const queued: string[] = [];
        await d.transaction(async (tx) => {
          for (const urn of new Set(schools)) {
            const s = rows.get(urn)!;
            const due = s.stages[s.stage]?.dueOn;
            for (const lead of leads.filter((l) => l.school_urn === urn)) {
              await tx.accounts.queue({
                kind: 'reminder',
                to: lead.email,
                subject: `All Together at ${s.name}: next, ${STAGE_WORDS[s.stage]}`,
                body: [
                  `Hello ${lead.display_name},`,
                  '',
                  `This is a reminder from ${organisation} about the All Together programme at ${s.name}.`,
                  `The next step is ${STAGE_WORDS[s.stage]}${due ? `, due by ${due}` : ''}.`,
                  '',
                  `If something is getting in the way, reply to ${staff.email} and we can help.`,
                ].join('\n'),
                ...where(area),
                schoolUrn: urn,
                by: staff.userId,
              });
              queued.push(urn);
            }
          }
        });
        const without = [...new Set(schools)].filter((u) => !queued.includes(u));
        return c.json({ queued: queued.length, withoutLead: without });
      })

      /**
       * Class codes in bulk: the same classes (label and size) for each school named, in its open
       * round `round` (a survey window). Each code is shown once, here, and stored hashed; the
       * school's lead sees the classes and can revoke them. A school without that open round is
       * named in `skipped`; a school outside the area refuses the whole request.
       */
      .post('/area/codes', g.areaWrite, jsonOf(BulkCodes), async (c) => {
        const { area, staff } = c.var;
        const body = c.req.valid('json');
        const today = d.today();
        const result = await d.transaction(async (tx) => {
          const issued: {
            urn: string;
            school: string;
            classLabel: string;
            classSize: number;
            code: string;
          }[] = [];
          const skipped: { urn: string; school: string; reason: string }[] = [];
          const foreign: string[] = [];
          for (const urn of new Set(body.schools)) {
            const school = await tx.tenancy.school(area, urn);
            if (!school) {
              foreign.push(urn);
              continue;
            }
            const round = await tx.rounds.get(urn, body.round);
            if (!round || stateOf(round, today) !== 'open') {
              skipped.push({
                urn,
                school: school.name,
                reason: round ? 'its survey window has closed' : 'it has no such survey window',
              });
              continue;
            }
            const def = pupilDefinition(defaultDefinitionFor(school.phase));
            for (const k of body.classes) {
              const code = newClassCode();
              const row = await tx.codes.insert({
                codeHash: sha256(code),
                urn,
                round: round.id,
                classLabel: k.label,
                classSize: k.size,
                definitionId: def.id,
                definitionVersion: def.version,
                issuedBy: staff.userId,
              });
              await tx.log.append({
                actor: { id: staff.userId, role: staff.role },
                trustId: school.trust_id,
                laCode: school.local_authority,
                schoolUrn: urn,
                roundId: round.id,
                kind: 'code.issued',
                detail: {
                  code: row.id,
                  classLabel: row.class_label,
                  classSize: row.class_size,
                  definition: `${def.id}@${def.version}`,
                },
              });
              issued.push({
                urn,
                school: school.name,
                classLabel: row.class_label,
                classSize: row.class_size,
                code: formatCode(code),
              });
            }
          }
          if (foreign.length)
            throw invalid(
              foreign.map((u) =>
                problem(
                  ['schools', body.schools.indexOf(u)],
                  `There is no school ${u} in your area.`,
                ),
              ),
              422,
            );
          return { issued, skipped };
        });
        return c.json(result, 201);
      })

      /** Sends what is waiting, when the portal has a mail server (SMTP_URL). */
      .post('/area/outbox/send', g.areaWrite, jsonOf(Empty), async (c) => {
        if (!d.mail)
          throw new HttpError(
            409,
            'No mail server is set up for this portal. Copy the messages from the outbox instead.',
          );
        return c.json(await sendOutbox(d.repo, d.mail));
      })
  );
};
