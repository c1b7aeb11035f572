/**
 * Pupils: the class code (S6, A6), the questionnaire, and the one response a session stores (S2,
 * S4, S13, S14; docs/decisions/0011). Every refusal a pupil can meet carries a `reason` and a
 * message in words a seven-year-old can follow; the pupil page shows them as they are.
 */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  itemsOf,
  problem,
  validateResponse,
  type Problem,
  type QuestionnaireDefinition,
  type QuestionnaireResponse,
} from '@all-together/model';
import { PUPIL_SESSION_MS, type Deps, type Env, type PupilSession } from '../context.js';
import { SYSTEM, withScope } from '../db.js';
import { codeKey, countWrongCode } from '../limits.js';
import { definitionFor } from '../domain/definitions.js';
import { accepting, stateOf } from '../domain/lifecycle.js';
import { inScope, schoolsFor } from '../domain/scope.js';
import { HttpError, invalid } from '../middleware/errors.js';
import { pupilScope, type Guards } from '../middleware/guard.js';
import type { CodeForPupil } from '../repo/codes.js';
import { canonicalJson } from '../repo/submissions.js';
import { normaliseCode, randomToken, sha256 } from '../security.js';
import { jsonBody, jsonOf } from '../validation.js';
import { snapshotOf } from '../domain/pupil-records.js';

/** What a pupil is told, by reason. Short sentences, one idea each (A10). */
export const PUPIL_MESSAGES = {
  'not-found': 'That code did not work. Check it with your teacher.',
  throttled: 'Too many codes that did not work. Please wait a minute and ask your teacher.',
  'not-started': 'This questionnaire has not started yet. Please ask your teacher.',
  closed: 'This questionnaire has finished. You do not need to answer it now. Thank you!',
  full: 'Everyone in your class has answered already. Please tell your teacher.',
  revoked: 'This code does not work any more. Please ask your teacher for a new one.',
  sent: 'You have already sent your answers. Thank you!',
} as const;
export type PupilReason = keyof typeof PUPIL_MESSAGES;

const refuse = (
  status: 403 | 404 | 409 | 410 | 429,
  reason: PupilReason,
  headers?: Record<string, string>,
) => new HttpError(status, PUPIL_MESSAGES[reason], { reason, ...(headers ? { headers } : {}) });

/** Why this code admits no pupil today, if it does not. */
function codeRefusal(code: CodeForPupil, today: string): HttpError | undefined {
  if (code.revoked_on) return refuse(410, 'revoked');
  if (stateOf(code, today) !== 'open') return refuse(410, 'closed');
  if (today < code.opens_on) return refuse(403, 'not-started');
  if (code.responses >= code.class_size) return refuse(409, 'full');
  return undefined;
}

/** A version 4 (random) UUID: a time-based one (v1, v6, v7) would date and order submissions (P3). */
const RANDOM_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * What this portal accepts from a pupil's device beyond the questionnaire's own rules (P1–P4):
 * anonymous mode, characteristics the pupil reported themselves, only those the questionnaire asks
 * and the pupil answered, and a random response id. In linked mode the server, not the device,
 * then puts in the records' characteristics (the session's copy) and marks the response linked.
 */
export function pupilProblems(
  def: QuestionnaireDefinition,
  response: QuestionnaireResponse,
): Problem[] {
  const problems: Problem[] = [];
  if (!RANDOM_UUID.test(response.id))
    problems.push(
      problem(['id'], 'A response id is a random UUID (version 4), as crypto.randomUUID() makes.'),
    );
  if (response.mode !== 'anonymous')
    problems.push(problem(['mode'], 'This portal collects anonymous responses only.'));
  const { source, ...carried } = response.characteristics;
  if (source !== 'self-report')
    problems.push(
      problem(
        ['characteristics', 'source'],
        'Pupils say their own characteristics here: school records are not used.',
      ),
    );
  const asked = new Map<string, string>();
  for (const item of itemsOf(def))
    if (item.scoring.kind === 'characteristic' && item.scoring.characteristic)
      asked.set(item.scoring.characteristic, item.id);
  for (const [name, value] of Object.entries(carried)) {
    if (value === undefined) continue;
    const item = asked.get(name);
    if (!item)
      problems.push(problem(['characteristics', name], 'This questionnaire does not ask this.'));
    else if (response.answers[item] !== value)
      problems.push(
        problem(
          ['characteristics', name],
          `Only an answer to the question "${item}" can say this, and it says something else.`,
        ),
      );
  }
  return problems;
}

const StartBody = z.strictObject({
  code: z.string().max(40, 'A class code is 8 letters and digits.'),
  /**
   * Send the questionnaire back in the same answer (what `GET /pupil/questionnaire` sends), so a
   * pupil's page needs one round trip, not two, between Start and the questionnaire (issue 22).
   */
  questionnaire: z.boolean().optional(),
});

const LookUpBody = StartBody.pick({ code: true });

/**
 * What a pupil's page needs to show the session's questionnaire: the definition, its hash and the
 * session's school, round and wave. The definition was parsed with the model's schema when it was
 * published: its hash lets <at-questionnaire> trust it without downloading zod (docs/decisions/0037).
 * Refuses, with the pupil's reason, when the questionnaire cannot be answered now.
 */
async function questionnaireFor(
  d: Deps,
  p: Pick<
    PupilSession,
    'submitted' | 'schoolUrn' | 'roundId' | 'definitionId' | 'definitionVersion'
  >,
) {
  if (p.submitted) throw refuse(410, 'sent');
  const round = await d.repo.rounds.get(p.schoolUrn, p.roundId);
  const def = definitionFor(p.definitionId, p.definitionVersion);
  if (!round || !def) throw refuse(410, 'closed');
  if (!accepting(round, d.today()))
    throw stateOf(round, d.today()) === 'open' ? refuse(403, 'not-started') : refuse(410, 'closed');
  return {
    definition: def,
    definitionHash: hashOf(def),
    school: p.schoolUrn,
    round: round.id,
    wave: round.wave,
    endpoint: '/api/pupil/responses',
  };
}

/** Definitions are immutable once published: each one's hash is worked out once. */
const hashes = new WeakMap<object, string>();
function hashOf(def: QuestionnaireDefinition): string {
  let hash = hashes.get(def);
  if (hash === undefined) hashes.set(def, (hash = sha256(JSON.stringify(def))));
  return hash;
}

/**
 * The class code (or, in linked mode, a pupil's own token) a pupil typed, found by its hash before
 * anyone is known (the system scope), or the refusal the pupil is shown. Wrong codes are counted
 * and throttled here, for Start and the look-up alike (S6).
 */
async function admit(d: Deps, client: string, code: string) {
  const normal = normaliseCode(code);
  const codeHash = sha256(normal);
  // A code is found by its hash, before anyone is known: the system scope. It is a class code,
  // or (linked mode) a pupil's own token, which admits them through their class's code.
  const found = await d.as(SYSTEM, async () => {
    if (!/^[A-Z0-9]{8}$/.test(normal)) return undefined;
    const code = await d.repo.codes.forPupil(codeHash);
    if (code) return { code, token: undefined };
    const token = await d.repo.pupilRecords.forPupil(codeHash);
    const via = token && (await d.repo.codes.forPupil(token.code_hash));
    return via ? { code: via, token } : undefined;
  });
  const row = found?.code;
  // Throttle failures, never successes (S6, fact 5): a whole school shares one address. The
  // failure is counted and judged in one step, so wrong codes sent at once are all counted.
  if (!row) {
    const failure = await countWrongCode(d, codeKey(client));
    if (!failure.allowed)
      throw refuse(429, 'throttled', { 'Retry-After': String(failure.retryAfter) });
    throw refuse(404, 'not-found');
  }
  const refusal = codeRefusal(row, d.today());
  if (refusal) throw refusal;
  const token = found.token;
  // A used token, or one whose record is gone, admits nobody (its pupil has answered).
  if (token && (token.used || !token.record)) throw refuse(409, 'sent');
  return { row, token, codeHash };
}

export const pupilRoutes = (d: Deps, g: Guards) =>
  new Hono<Env>()
    .post('/pupil/start', g.public, jsonOf(StartBody), async (c) => {
      const { code, questionnaire } = c.req.valid('json');
      const { row, token, codeHash } = await admit(d, d.clientKey(c), code);
      const characteristics = token?.record ? snapshotOf(token.record) : undefined;
      // The session answers under its class's code either way; a token is kept beside it.
      const classCodeHash = token ? token.code_hash : codeHash;
      const id = randomToken();
      const session: PupilSession = {
        kind: 'pupil',
        idHash: sha256(id),
        csrf: randomToken(),
        schoolUrn: row.school_urn,
        roundId: row.round_id,
        codeHash: classCodeHash,
        definitionId: row.definition_id,
        definitionVersion: row.definition_version,
        submitted: false,
        tokenHash: token ? codeHash : null,
        characteristics: characteristics ?? null,
      };
      const staff = c.get('staff');
      await d.as(SYSTEM, () =>
        d.transaction(async (tx) => {
          await tx.sessions.createPupil({
            idHash: session.idHash,
            schoolUrn: session.schoolUrn,
            roundId: session.roundId,
            codeHash: classCodeHash,
            csrf: session.csrf,
            expiresMs: d.now() + PUPIL_SESSION_MS,
            nowMs: d.now(),
            definitionId: row.definition_id,
            definitionVersion: row.definition_version,
            ...(token ? { tokenHash: codeHash } : {}),
            ...(characteristics ? { characteristics } : {}),
          });
          // A pupil session started in a browser signed in as staff of this school's trust or LA:
          // a lead trying the questionnaire, or planting answers. The trust and the LA can see
          // which (decisions/0011).
          const school = staff ? await tx.schools.get(row.school_urn) : undefined;
          const scope = staff ? schoolsFor(staff, 'read') : null;
          if (staff && school && scope && inScope(scope, school))
            await tx.log.append({
              actor: { id: staff.userId, role: staff.role },
              trustId: school.trust_id,
              laCode: school.local_authority,
              schoolUrn: row.school_urn,
              roundId: row.round_id,
              kind: 'pupil.staff-browser',
              detail: { code: row.id, classLabel: row.class_label },
            });
        }),
      );
      d.pupilCache.set(session.idHash, session);
      setCookie(c, d.cookieName(c, 'at_pupil'), id, {
        path: '/',
        httpOnly: true,
        secure: d.isSecure(c),
        sameSite: 'Strict',
        maxAge: PUPIL_SESSION_MS / 1000,
      });
      if (!questionnaire) return c.json({ ok: true });
      // A questionnaire that cannot be answered now is left out: the page then asks for it, and
      // is told why in the pupil's words, as it would have been without this shortcut.
      const q = await withScope(pupilScope(session), () => questionnaireFor(d, session)).catch(
        (e: unknown) => {
          if (e instanceof HttpError) return undefined;
          throw e;
        },
      );
      return c.json(q ? { ok: true, questionnaire: q } : { ok: true });
    })

    /**
     * The questionnaire a class code opens, without starting a session: no cookie, nothing stored
     * but a wrong code's count (S6). A page opened from a `#code=` link asks at once, so the
     * questionnaire is there when the pupil presses Start, and Start's own round trip (the
     * session, with `questionnaire: false`) is made while the pupil reads the start page (issue
     * 22). Refused, with the pupil's reason, exactly as Start would be.
     */
    .post('/pupil/look-up', g.public, jsonOf(LookUpBody), async (c) => {
      const { row } = await admit(d, d.clientKey(c), c.req.valid('json').code);
      const q = await withScope(pupilScope({ schoolUrn: row.school_urn }), () =>
        questionnaireFor(d, {
          submitted: false,
          schoolUrn: row.school_urn,
          roundId: row.round_id,
          definitionId: row.definition_id,
          definitionVersion: row.definition_version,
        }),
      );
      return c.json({ questionnaire: q });
    })

    .get('/pupil/questionnaire', g.pupil, async (c) =>
      c.json(await questionnaireFor(d, c.var.pupil)),
    )

    /**
     * Where this pupil stands now, read from the database (not the session cache): the page asks
     * before the answers are sent, and after, so a round that closed meanwhile is said in words.
     */
    .get('/pupil/status', g.pupil, async (c) => {
      const p = c.var.pupil;
      const session = await d.repo.sessions.pupil(p.idHash, d.now());
      const code = p.codeHash ? await d.repo.codes.forPupil(p.codeHash) : undefined;
      const today = d.today();
      const state: 'answering' | 'sent' | 'closed' | 'full' = session?.submitted
        ? 'sent'
        : !code || !accepting(code, today)
          ? 'closed'
          : code.responses >= code.class_size
            ? 'full'
            : 'answering';
      return c.json({
        state,
        message: state === 'answering' ? null : PUPIL_MESSAGES[state],
      });
    })

    .post('/pupil/responses', g.pupil, async (c) => {
      const p = c.var.pupil;
      const input = await jsonBody(c, { status: 422 });
      const def = definitionFor(p.definitionId, p.definitionVersion);
      const round = await d.repo.rounds.get(p.schoolUrn, p.roundId);
      if (!def || !round) throw refuse(410, 'closed');
      const checked = validateResponse(def, input);
      if (!checked.ok) throw invalid(checked.problems, 422);
      const response = checked.value;
      // S2: school and round come from the code's session, never from the payload.
      const problems: Problem[] = pupilProblems(def, response);
      if (response.school !== p.schoolUrn)
        problems.push(problem(['school'], 'This is not the school of your class code.'));
      if (response.round !== undefined && response.round !== round.id)
        problems.push(problem(['round'], 'This is not the round of your class code.'));
      if (response.wave !== round.wave)
        problems.push(problem(['wave'], `This round is the ${round.wave} round.`));
      const key = c.req.header('idempotency-key');
      if (key !== undefined && key !== response.id)
        problems.push(problem(['id'], 'The Idempotency-Key header and the response id differ.'));
      if (problems.length) throw invalid(problems, 422);
      // After a storage fault this server stores nothing until a full check passes: the pupil's
      // device keeps the answers and sends them again (a 5xx is retried, S15).
      if (d.faults.tripped)
        throw new HttpError(
          500,
          'Your answers could not be saved just now. They are kept on this device.',
          {
            reason: 'fault',
          },
        );
      const day = d.today();
      // P3: coarse times, so no column ranks submissions. Linked mode (P1, P2): the
      // characteristics are the records' copy the session holds, never the pupil's own answers.
      const stored: QuestionnaireResponse = {
        ...response,
        ...(p.characteristics ? { mode: 'linked', characteristics: p.characteristics } : {}),
        round: round.id as QuestionnaireResponse['round'],
        startedAt:
          `${response.startedAt.slice(0, 10)}T00:00:00Z` as QuestionnaireResponse['startedAt'],
        submittedAt:
          `${response.submittedAt.slice(0, 10)}T00:00:00Z` as QuestionnaireResponse['submittedAt'],
      };
      const outcome = await d.submissions.submit({
        id: response.id,
        schoolUrn: p.schoolUrn,
        roundId: round.id,
        wave: round.wave,
        definitionId: def.id,
        definitionVersion: def.version,
        bodyHash: sha256(canonicalJson(stored)),
        body: stored,
        submittedOn: day,
        gate: { sessionIdHash: p.idHash, codeHash: p.codeHash, tokenHash: p.tokenHash ?? null },
      });
      switch (outcome) {
        case 'conflict':
          throw invalid(
            [problem(['id'], 'This response id was already used for different answers.')],
            422,
          );
        case 'closed':
        case 'sent':
        case 'full':
          throw refuse(409, outcome);
      }
      // The session has stored its one response: it now only replays it (S13), with no code (P2).
      if (outcome === 'created')
        d.pupilCache.set(p.idHash, { ...p, submitted: true, codeHash: null, tokenHash: null });
      return c.json(
        { id: response.id, status: outcome === 'created' ? 'stored' : 'already-stored' },
        201,
      );
    })

    .post('/pupil/exit', g.public, async (c) => {
      const pupil = c.get('pupil');
      if (pupil) {
        d.pupilCache.delete(pupil.idHash);
        await d.as(SYSTEM, () => d.repo.sessions.delete(pupil.idHash));
      }
      deleteCookie(c, d.cookieName(c, 'at_pupil'), { path: '/', secure: d.isSecure(c) });
      c.header('Clear-Site-Data', '"cache", "storage"');
      return c.json({ ok: true });
    });
