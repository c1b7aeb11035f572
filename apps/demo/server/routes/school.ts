/**
 * A school lead's rounds, under `/schools/:urn` and guarded by `schoolLead`: rounds and their
 * lifecycle (open, close, lock) and class codes. Results, the audit, the action plan, the award
 * and the log are in school-work.ts; what both share is in school-context.ts.
 * Every change is written with its audit-log entry in one transaction (docs/decisions/0012).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ProgrammeRound, Wave, problem } from '@all-together/model';
import type { Deps, Env } from '../context.js';
import {
  PUPIL_DEFINITIONS,
  defaultDefinitionFor,
  definitionLabel,
  pupilDefinition,
  pupilDefinitions,
  titleOf,
} from '../domain/definitions.js';
import { K, band, countFor, roundJson, stateOf } from '../domain/lifecycle.js';
import { removeCodes } from '../domain/retention.js';
import { HttpError, invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import type { CodeRow } from '../repo/codes.js';
import { formatCode, newClassCode, sha256 } from '../security.js';
import { jsonOf, parse } from '../validation.js';

import { Empty, schoolContext } from './school-context.js';

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
    /** Linked mode: its pupils have slips of their own (class lists from records). */
    linked: k.linked,
  };
}

export const schoolRoutes = (d: Deps, g: Guards) => {
  const { log, roundOf } = schoolContext(d);
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
  );
};
