/**
 * The 360° perception surveys (issue "Every instrument live", item 1; docs/decisions/0046). A lead
 * makes one link per audience (staff, parents and carers, governors) for one of the school's
 * rounds; adults answer anonymously through it (no account, no name, no address stored; wrong codes
 * throttled as class codes are, S6); the lead's browser receives the published 360° view only.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  AuditResponse,
  problem,
  validateResponse,
  type Problem,
  type QuestionnaireResponse,
} from '@all-together/model';
import type { Deps, Env } from '../context.js';
import { SYSTEM } from '../db.js';
import { audit, definitionFor } from '../domain/definitions.js';
import { roundJson, stateOf } from '../domain/lifecycle.js';
import {
  AUDIENCE_LABELS,
  leadPerception,
  perceptionDefinition,
  perceptionSummaries,
} from '../domain/perception.js';
import { codeKey, countWrongCode } from '../limits.js';
import { HttpError, invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import {
  PERCEPTION_AUDIENCES,
  PerceptionRace,
  type PerceptionCodeForAdult,
  type PerceptionCodeRow,
} from '../repo/perception.js';
import { canonicalJson } from '../repo/submissions.js';
import { formatCode, newClassCode, normaliseCode, sha256 } from '../security.js';
import { jsonOf } from '../validation.js';
import { pupilProblems } from './pupil.js';
import { schoolContext, stored } from './school-context.js';

/** What an adult is told, by reason: plain, short, and never blaming. */
export const ADULT_MESSAGES = {
  'not-found': 'That code did not work. Check the link or the code the school gave you.',
  throttled: 'Too many codes that did not work. Please wait a minute and try again.',
  'not-started': 'This survey has not started yet. Please try again on the day the school gave.',
  closed: 'This survey has closed. Thank you for wanting to take part.',
  full: 'This survey has had all the answers the school expected. Please tell the school.',
  revoked: 'This link no longer works. Please ask the school for the new one.',
} as const;
type AdultReason = keyof typeof ADULT_MESSAGES;

const refuse = (
  status: 403 | 404 | 409 | 410 | 429,
  reason: AdultReason,
  headers?: Record<string, string>,
) => new HttpError(status, ADULT_MESSAGES[reason], { reason, ...(headers ? { headers } : {}) });

const NewLink = z.strictObject({
  audience: z.enum(PERCEPTION_AUDIENCES, {
    error: 'Choose who the link is for: staff, parents and carers, or governors.',
  }),
  invited: z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? 'Enter how many people you will ask.'
          : 'Enter the number of people as a whole number, like 40.',
    })
    .int('Enter the number of people as a whole number, like 40.')
    .min(1, 'Ask at least 1 person.')
    .max(5000, 'A link is for at most 5,000 people.'),
});

const Code = z.string().max(40, 'A survey code is 8 letters and digits.');
const CodeBody = z.strictObject({ code: Code });
/** One adult's answers with the code they came through (checked by the survey's definition). */
const Answers = z.strictObject({ code: Code, response: z.unknown() });

/** The link's row as the lead sees it: never how many people have answered through it. */
const linkJson = (k: PerceptionCodeRow) => ({
  id: k.id,
  audience: k.audience,
  label: AUDIENCE_LABELS[k.audience],
  invited: k.invited,
  issuedOn: k.issued_on,
  revokedOn: k.revoked_on,
  definition: { id: k.definition_id, version: k.definition_version },
});

/** Why this code takes no answers today, if it does not. */
function refusal(code: PerceptionCodeForAdult, today: string): HttpError | undefined {
  if (code.revoked_on) return refuse(410, 'revoked');
  if (stateOf(code, today) !== 'open') return refuse(410, 'closed');
  if (today < code.opens_on) return refuse(403, 'not-started');
  if (code.responses >= code.invited) return refuse(409, 'full');
  return undefined;
}

export const perceptionRoutes = (d: Deps, g: Guards) => {
  const { ctx, log, roundOf } = schoolContext(d);

  /** The code's row, found by its hash; a wrong code is counted against the address (S6). */
  const codeFor = async (c: Context, code: string): Promise<PerceptionCodeForAdult> => {
    const normal = normaliseCode(code);
    const row = await d.as(SYSTEM, async () =>
      /^[A-Z0-9]{8}$/.test(normal) ? d.repo.perception.forAdult(sha256(normal)) : undefined,
    );
    if (row) return row;
    // Failures only, never successes, and the same counter as class codes: one guesser, one budget.
    const failure = await countWrongCode(d, codeKey(d.clientKey(c)));
    if (!failure.allowed)
      throw refuse(429, 'throttled', { 'Retry-After': String(failure.retryAfter) });
    throw refuse(404, 'not-found');
  };

  return (
    new Hono<Env>()
      // ── the lead ──
      /** The round's links, how many have answered (banded), and the published 360° view. */
      .get('/schools/:urn/rounds/:round/perception', g.schoolLead, async (c) => {
        const { school } = c.var;
        const round = await roundOf(d.repo, school, c.req.param('round'));
        const today = d.today();
        const closed = stateOf(round, today) !== 'open';
        const [links, counts, summaries, auditDoc] = await Promise.all([
          d.repo.perception.codes(school.urn, round.id),
          d.repo.perception.counts(school.urn, round.id),
          perceptionSummaries(ctx(), school, round),
          d.repo.documents.audits.get(school.urn, round.id),
        ]);
        const ratings = stored(AuditResponse, auditDoc);
        const definition = audit(ratings?.definition);
        return c.json({
          round: roundJson(round, today),
          links: links.map(linkJson),
          audit: definition,
          ...leadPerception({ counts, summaries, closed, audit: definition, ratings }),
        });
      })

      /** A new link for one audience; any earlier link of that audience stops working. */
      .post(
        '/schools/:urn/rounds/:round/perception/links',
        g.schoolLead,
        jsonOf(NewLink),
        async (c) => {
          const { school, staff } = c.var;
          const body = c.req.valid('json');
          const def = perceptionDefinition(body.audience);
          const code = newClassCode();
          const row = await d.transaction(async (tx) => {
            const round = await roundOf(tx, school, c.req.param('round'), true);
            if (stateOf(round, d.today()) !== 'open')
              throw new HttpError(409, 'This round is closed, so it takes no new survey links.', {
                reason: 'closed',
              });
            const replaced = await tx.perception.revokeAudience(
              school.urn,
              round.id,
              body.audience,
              d.today(),
            );
            const inserted = await tx.perception.insertCode({
              codeHash: sha256(code),
              urn: school.urn,
              round: round.id,
              audience: body.audience,
              definitionId: def.id,
              definitionVersion: def.version,
              invited: body.invited,
              issuedBy: staff.userId,
            });
            await log(tx, staff, school, round.id, 'perception.link-issued', {
              link: inserted.id,
              audience: body.audience,
              invited: body.invited,
              replaced,
              definition: `${def.id}@${def.version}`,
            });
            return inserted;
          });
          // The code is shown this once; only its hash is kept.
          return c.json({ code: formatCode(code), ...linkJson(row) }, 201);
        },
      )

      // ── adults (no account) ──
      /** The survey behind a code: its questions, the school's name and the round's wave. */
      .post('/perception/start', g.public, jsonOf(CodeBody), async (c) => {
        const row = await codeFor(c, c.req.valid('json').code);
        const refused = refusal(row, d.today());
        if (refused) throw refused;
        const def = perceptionDefinition(row.audience);
        return c.json({
          // The version the link was made with (a newer one may have shipped since).
          definition: definitionFor(row.definition_id, row.definition_version) ?? def,
          school: { urn: row.school_urn, name: row.school_name },
          wave: row.wave,
          audience: row.audience,
        });
      })

      /**
       * One adult's answers. The school, round and audience come from the code, never from the
       * payload (S2); nothing identifying is stored (no code, address or time of day: P2, P3).
       */
      .post('/perception/responses', g.public, jsonOf(Answers), async (c) => {
        const sent = c.req.valid('json');
        const row = await codeFor(c, sent.code);
        const today = d.today();
        const def = definitionFor(row.definition_id, row.definition_version);
        if (!def) throw refuse(410, 'closed');
        const checked = validateResponse(def, sent.response);
        if (!checked.ok)
          throw invalid(
            checked.problems.map((p) => ({ ...p, path: ['response', ...p.path] })),
            422,
          );
        const response = checked.value;
        const problems: Problem[] = pupilProblems(def, response).map((p) => ({
          ...p,
          path: ['response', ...p.path],
        }));
        if (response.school !== row.school_urn)
          problems.push(
            problem(['response', 'school'], 'These answers are for another school than the link.'),
          );
        if (response.wave !== row.wave)
          problems.push(problem(['response', 'wave'], `This survey is the ${row.wave} survey.`));
        if (problems.length) throw invalid(problems, 422);
        if (d.faults.tripped)
          throw new HttpError(500, 'Your answers could not be saved just now. Please try again.', {
            reason: 'fault',
          });
        // Times to the day and no round id from the payload: nothing to order or link answers by.
        const body: QuestionnaireResponse = {
          ...response,
          round: row.round_id as QuestionnaireResponse['round'],
          startedAt:
            `${response.startedAt.slice(0, 10)}T00:00:00Z` as QuestionnaireResponse['startedAt'],
          submittedAt:
            `${response.submittedAt.slice(0, 10)}T00:00:00Z` as QuestionnaireResponse['submittedAt'],
        };
        const scope = {
          kind: 'school' as const,
          trust: row.trust_id ?? '',
          school: row.school_urn,
        };
        const store = () =>
          d.as(scope, () =>
            d.transaction((tx) =>
              tx.perception.submit({
                id: response.id,
                codeHash: sha256(normaliseCode(sent.code)),
                urn: row.school_urn,
                round: row.round_id,
                audience: row.audience,
                definitionId: def.id,
                definitionVersion: def.version,
                bodyHash: sha256(canonicalJson(body)),
                body,
                on: today,
              }),
            ),
          );
        let outcome;
        try {
          outcome = await store();
        } catch (e) {
          if (!(e instanceof PerceptionRace)) throw e;
          outcome = await store();
        }
        switch (outcome) {
          case 'conflict':
            throw invalid(
              [problem(['response', 'id'], 'This response id was already used for other answers.')],
              422,
            );
          case 'closed':
            throw refuse(410, 'closed');
          case 'full':
            throw row.revoked_on ? refuse(410, 'revoked') : refuse(409, 'full');
        }
        return c.json(
          { id: response.id, status: outcome === 'created' ? 'stored' : 'already-stored' },
          201,
        );
      })
  );
};
