/**
 * Linked mode for a school lead (issue 21; docs/decisions/0055; reliability.md P1, P2, P9): import
 * a round's class list from the school's records, then issue each class's single-use tokens, shown
 * once as printable slips. Pupils come in with their token (routes/pupil.ts); their response carries
 * the records' characteristics and nothing that leads back to them.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps, Env } from '../context.js';
import {
  defaultDefinitionFor,
  PUPIL_DEFINITIONS,
  pupilDefinition,
  definitionFor,
} from '../domain/definitions.js';
import { stateOf } from '../domain/lifecycle.js';
import { pupilsFromCsv, MAX_BYTES, slipsYearProblem } from '../domain/pupil-records.js';
import { HttpError, invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import { problem } from '@all-together/model';
import { LINKED_SUFFIX } from '@all-together/questionnaires';
import { formatCode, newClassCode, randomToken, sha256 } from '../security.js';
import { jsonOf } from '../validation.js';
import { schoolContext } from './school-context.js';

const Import = z.strictObject({
  csv: z
    .string({ error: 'Choose the CSV file your management information system exported.' })
    .min(1, 'Choose the CSV file your management information system exported.')
    .max(MAX_BYTES, `The file is larger than ${MAX_BYTES / 1_000_000} MB: split it by year group.`),
});

const Slips = z.strictObject({
  classLabel: z.string({ error: 'Choose a class.' }).trim().min(1, 'Choose a class.').max(20),
  definition: z
    .enum(PUPIL_DEFINITIONS, { error: 'Choose a questionnaire from the list.' })
    .optional(),
});

export const linkedRoutes = (d: Deps, g: Guards) => {
  const { log, roundOf } = schoolContext(d);
  return (
    new Hono<Env>()
      /** The round's class list: its classes, how many pupils each, and whether slips are out. */
      .get('/schools/:urn/rounds/:round/records', g.schoolLead, async (c) => {
        const school = c.var.school;
        const round = await roundOf(d.repo, school, c.req.param('round'));
        const classes = await d.repo.pupilRecords.classes(school.urn, round.id);
        return c.json({
          round: { id: round.id, wave: round.wave, state: stateOf(round, d.today()) },
          classes: classes.map((k) => ({
            classLabel: k.class_label,
            pupils: k.pupils,
            issued: k.issued,
          })),
          pupils: classes.reduce((n, k) => n + k.pupils, 0),
        });
      })

      /**
       * Imports the class list: every row, or none with each problem's row and column. The same
       * file again leaves the same list. Once any slip is out the list is fixed, so a token always
       * names a pupil of the list.
       */
      .post('/schools/:urn/rounds/:round/records', g.schoolLead, jsonOf(Import), async (c) => {
        const { school, staff } = c.var;
        const parsed = pupilsFromCsv(c.req.valid('json').csv);
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
        const out = await d.transaction(async (tx) => {
          const round = await roundOf(tx, school, c.req.param('round'), true);
          if (stateOf(round, d.today()) !== 'open')
            throw new HttpError(409, 'This round is closed, so it takes no class list.', {
              reason: 'closed',
            });
          if (await tx.pupilRecords.anyIssued(school.urn, round.id))
            throw new HttpError(
              409,
              'Slips are already printed for this round, so its class list is fixed. Open a new round for a new list.',
            );
          await tx.pupilRecords.replace(school.urn, round.id, parsed.pupils);
          const classes = await tx.pupilRecords.classes(school.urn, round.id);
          await log(tx, staff, school, round.id, 'records.imported', {
            pupils: parsed.pupils.length,
            classes: classes.length,
          });
          return classes;
        });
        return c.json({
          imported: parsed.pupils.length,
          missing: parsed.missing,
          classes: out.map((k) => ({
            classLabel: k.class_label,
            pupils: k.pupils,
            issued: k.issued,
          })),
        });
      })

      /**
       * Issues a class's slips: one single-use token per pupil, shown now and never again (only
       * their hashes are kept). The class answers the linked form of its questionnaire, which asks
       * none of the characteristics the records give.
       */
      .post('/schools/:urn/rounds/:round/slips', g.schoolLead, jsonOf(Slips), async (c) => {
        const { school, staff } = c.var;
        const body = c.req.valid('json');
        const base = pupilDefinition(body.definition ?? defaultDefinitionFor(school.phase));
        const def = definitionFor(base.id, `${base.version}${LINKED_SUFFIX}`)!;
        const slips = await d.transaction(async (tx) => {
          const round = await roundOf(tx, school, c.req.param('round'), true);
          if (stateOf(round, d.today()) !== 'open')
            throw new HttpError(409, 'This round is closed, so it takes no new slips.', {
              reason: 'closed',
            });
          const classes = await tx.pupilRecords.classes(school.urn, round.id);
          const k = classes.find((x) => x.class_label === body.classLabel);
          if (!k)
            throw invalid(
              [
                problem(
                  ['classLabel'],
                  `There is no class ${body.classLabel} in this round's list.`,
                ),
              ],
              422,
            );
          if (k.issued)
            throw new HttpError(
              409,
              `Slips for ${k.class_label} are already printed; they are shown only once. Revoke the class's code to stop them.`,
            );
          const years = await tx.pupilRecords.yearGroupsOf(school.urn, round.id, k.class_label);
          const misfit = slipsYearProblem(k.class_label, years, base, school.phase);
          if (misfit) throw invalid([problem(['definition'], misfit)], 422);
          const references = await tx.pupilRecords.referencesOf(
            school.urn,
            round.id,
            k.class_label,
          );
          // The class's own code is never shown: its pupils come in with their tokens.
          const classCodeHash = sha256(`linked:${randomToken()}`);
          const code = await tx.codes.insert({
            codeHash: classCodeHash,
            urn: school.urn,
            round: round.id,
            classLabel: k.class_label,
            classSize: references.length,
            definitionId: def.id,
            definitionVersion: def.version,
            issuedBy: staff.userId,
            linked: true,
          });
          const tokens = references.map((reference) => ({ reference, token: newClassCode() }));
          await tx.pupilRecords.insertTokens(
            school.urn,
            round.id,
            classCodeHash,
            tokens.map((t) => ({ tokenHash: sha256(t.token), reference: t.reference })),
          );
          await log(tx, staff, school, round.id, 'tokens.issued', {
            code: code.id,
            classLabel: k.class_label,
            pupils: tokens.length,
            definition: `${def.id}@${def.version}`,
          });
          return tokens;
        });
        return c.json(
          {
            classLabel: body.classLabel,
            definition: { id: def.id, version: def.version },
            slips: slips.map((s) => ({ reference: s.reference, code: formatCode(s.token) })),
          },
          201,
        );
      })
  );
};
