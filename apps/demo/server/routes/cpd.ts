/**
 * CPD confidence (issue "Every instrument live", item 2; docs/decisions/0048).
 *
 * Staff of an LA, a trust or a school record a course and its sessions (a session may be a "train
 * the trainer" cascade of another of the course's sessions) for their own organisation only, and
 * see results published for them: confidence before, straight after and at follow-up, and how many
 * delegates' answers are linked by their code, by session, by course and for everything they ran.
 *
 * A delegate needs no account and no school: the session's code opens the survey; their first
 * answer gives them a random code of their own to keep, and their later answers name it. A wrong
 * session or delegate code is counted against the caller's address (S6) and never attaches to
 * anyone's answers; an answer once stored is never replaced.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import * as z from 'zod';
import {
  IsoDate,
  PlainText,
  QuestionnaireResponse,
  problem,
  validateResponse,
} from '@all-together/model';
import type { Deps, Env, StaffSession } from '../context.js';
import { SYSTEM } from '../db.js';
import {
  Audience,
  AUDIENCE_WORDS,
  cpdResults,
  currentCpd,
  DelegateSetting,
  NO_SCHOOL,
  ownerOf,
  scopeOfOwner,
  SETTING_WORDS,
  TRAINER_ROLE_WORDS,
  TrainerRole,
  timepointItem,
  viewerOf,
  type CpdOwner,
} from '../domain/cpd.js';
import { schoolsFor, type StaffScope } from '../domain/scope.js';
import { countWrongCode } from '../limits.js';
import { HttpError, invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import type { Repos } from '../repo/index.js';
import type { LogKind } from '../repo/log.js';
import { formatCode, newClassCode, normaliseCode, sha256 } from '../security.js';
import { jsonOf } from '../validation.js';

const CourseBody = z.strictObject({
  title: PlainText(200).trim().min(1, 'Enter the course title.'),
});

const SessionBody = z.strictObject({
  heldOn: IsoDate,
  trainerRole: TrainerRole,
  audience: Audience,
  /** The session whose trainees run this one, in the same course. */
  cascadeOf: z.uuid('Choose a session of this course.').nullish(),
});

const CodeBody = z.strictObject({
  code: z.string().max(40, 'A session code is 8 letters and digits.'),
});

const AnswerBody = z.strictObject({
  code: z.string().max(40, 'A session code is 8 letters and digits.'),
  /** The delegate's own code from an earlier answer; absent on their first. */
  delegateCode: z.string().max(40, 'Your code is 8 letters and digits.').optional(),
  setting: DelegateSetting.optional(),
  response: z.unknown(),
});

/** Plain words for a delegate, with a stable reason for the page. */
const DELEGATE_MESSAGES = {
  'not-found': 'We could not find a training session with that code. Check it with your trainer.',
  'no-delegate':
    'We could not find that code of yours for this session. Check it, or leave it empty to answer without linking.',
  answered:
    'You have already answered this survey at this point with that code. Thank you: nothing more is needed.',
  throttled: 'Too many codes that did not work. Please wait a minute and try again.',
} as const;
type DelegateReason = keyof typeof DELEGATE_MESSAGES;
const refuse = (
  status: 404 | 409 | 429,
  reason: DelegateReason,
  headers?: Record<string, string>,
) => new HttpError(status, DELEGATE_MESSAGES[reason], { reason, ...(headers ? { headers } : {}) });

/** The delegate-facing link of a session: the code rides in the fragment, never sent to a server. */
const linkOf = (code: string) => `/cpd#${formatCode(code)}`;

export const cpdRoutes = (d: Deps, g: Guards) => {
  /** The caller's organisation for `access`, or a refusal (a moderator records no training). */
  const scopeFor = (staff: StaffSession, access: 'read' | 'write'): StaffScope => {
    const scope = schoolsFor(staff, access);
    if (!scope)
      throw new HttpError(
        403,
        access === 'write'
          ? 'Only LA, trust and school staff who run the programme can record training.'
          : 'Only LA, trust and school staff can see training.',
      );
    return scope;
  };
  const log = (
    tx: Repos,
    staff: StaffSession,
    owner: CpdOwner,
    kind: LogKind,
    detail: Record<string, string>,
  ) =>
    tx.log.append({
      actor: { id: staff.userId, role: staff.role },
      trustId: owner.trust,
      laCode: owner.la,
      schoolUrn: owner.school,
      roundId: null,
      kind,
      detail,
    });
  /** Counts a wrong code against the caller's address (S6) and refuses it (429 once too many). */
  const failure = async (key: string, reason: 'not-found' | 'no-delegate') => {
    const f = await countWrongCode(d, `cpd:${key}`);
    if (!f.allowed) return refuse(429, 'throttled', { 'Retry-After': String(f.retryAfter) });
    return refuse(404, reason);
  };
  /** The session a code opens, or a counted refusal. */
  const sessionOf = async (clientKey: string, code: string) => {
    const normal = normaliseCode(code);
    const row = /^[A-Z0-9]{8}$/.test(normal)
      ? await d.as(SYSTEM, () => d.repo.cpd.forDelegate(sha256(normal)))
      : undefined;
    if (!row) throw await failure(clientKey, 'not-found');
    return row;
  };

  return (
    new Hono<Env>()
      /**
       * The organisation's courses with their sessions (in cascade order) and the published
       * results of each session, each course and all of them. No answer row leaves the server.
       */
      .get('/cpd', g.staff, async (c) => {
        const scope = scopeFor(c.var.staff, 'read');
        const [courses, sessions, answers] = await Promise.all([
          d.repo.cpd.courses(),
          d.repo.cpd.sessions(),
          d.repo.cpd.answers(),
        ]);
        const results = cpdResults(sessions, courses, answers, viewerOf(scope));
        const def = currentCpd();
        return c.json({
          canWrite: schoolsFor(c.var.staff, 'write') !== null,
          viewer: viewerOf(scope),
          definition: def,
          words: { trainerRole: TRAINER_ROLE_WORDS, audience: AUDIENCE_WORDS },
          courses: courses.map((course) => ({
            ...course,
            sessions: sessions
              .filter((s) => s.course_id === course.id)
              .map((s) => ({ ...s, results: results.sessions.get(s.id)! })),
            results: results.courses.get(course.id)!,
          })),
          all: results.all,
          /** Delegates by where they work, across all the training (protected counts). */
          settings: results.settings,
          settingWords: { ...SETTING_WORDS, 'not-said': 'Did not say' },
        });
      })

      /** Records a course for the caller's organisation. */
      .post('/cpd/courses', g.staff, jsonOf(CourseBody), async (c) => {
        const { staff } = c.var;
        const owner = ownerOf(scopeFor(staff, 'write'));
        const { title } = c.req.valid('json');
        const course = await d.transaction(async (tx) => {
          const row = await tx.cpd.insertCourse({
            id: randomUUID(),
            owner,
            title,
            on: d.today(),
            by: staff.userId,
          });
          await log(tx, staff, owner, 'cpd.course-recorded', { course: row.id });
          return row;
        });
        return c.json({ course }, 201);
      })

      /**
       * Records a session of one of the organisation's courses and returns its code, once: only a
       * hash is kept, so a lost code is replaced, never shown again.
       */
      .post('/cpd/courses/:id/sessions', g.staff, jsonOf(SessionBody), async (c) => {
        const { staff } = c.var;
        scopeFor(staff, 'write');
        const course = await d.repo.cpd.course(c.req.param('id'));
        // Another organisation's course reads as none: nothing about it is confirmed.
        if (!course)
          throw new HttpError(404, 'There is no such course for you to add a session to.');
        const body = c.req.valid('json');
        if (body.cascadeOf) {
          const parent = await d.repo.cpd.session(body.cascadeOf);
          if (!parent || parent.course_id !== course.id)
            throw invalid(
              [problem(['cascadeOf'], 'A cascade must follow a session of the same course.')],
              422,
            );
        }
        const code = newClassCode();
        const owner: CpdOwner = { la: course.la, trust: course.trust, school: course.school };
        const session = await d.transaction(async (tx) => {
          const row = await tx.cpd.insertSession({
            id: randomUUID(),
            course: course.id,
            owner,
            heldOn: body.heldOn,
            trainerRole: body.trainerRole,
            audience: body.audience,
            cascadeOf: body.cascadeOf ?? null,
            codeHash: sha256(code),
            on: d.today(),
            by: staff.userId,
          });
          await log(tx, staff, owner, 'cpd.session-recorded', {
            course: course.id,
            session: row.id,
          });
          return row;
        });
        return c.json({ session, code: formatCode(code), link: linkOf(code) }, 201);
      })

      /** A new code for a session (the old one stops working), shown once. */
      .post('/cpd/sessions/:id/code', g.staff, async (c) => {
        const { staff } = c.var;
        const owner = ownerOf(scopeFor(staff, 'write'));
        const code = newClassCode();
        const id = c.req.param('id');
        const done = await d.transaction(async (tx) => {
          if (!(await tx.cpd.renewCode(id, sha256(code)))) return false;
          await log(tx, staff, owner, 'cpd.code-renewed', { session: id });
          return true;
        });
        if (!done) throw new HttpError(404, 'There is no such session for you to change.');
        return c.json({ code: formatCode(code), link: linkOf(code) });
      })

      /** A delegate's session code: what the training was, and the survey to answer. */
      .post('/cpd/session', g.public, jsonOf(CodeBody), async (c) => {
        const row = await sessionOf(d.clientKey(c), c.req.valid('json').code);
        return c.json({
          session: {
            course: row.course_title,
            heldOn: row.held_on,
            audience: AUDIENCE_WORDS[row.audience as Audience] ?? row.audience,
          },
          definition: currentCpd(),
          settings: Object.entries(SETTING_WORDS).map(([value, label]) => ({ value, label })),
          noSchool: NO_SCHOOL,
        });
      })

      /**
       * A delegate's answers at one administration. Without a code of theirs a new delegate is
       * made and their code returned (once); with one, the answer joins that delegate's earlier
       * answers in this session, or is refused (a wrong code is counted and attaches to nobody).
       */
      .post('/cpd/answers', g.public, jsonOf(AnswerBody), async (c) => {
        const body = c.req.valid('json');
        const key = d.clientKey(c);
        const session = await sessionOf(key, body.code);
        const def = currentCpd();
        // Whatever school the browser named is replaced: a delegate's answers belong to none.
        const sent =
          typeof body.response === 'object' &&
          body.response !== null &&
          !Array.isArray(body.response)
            ? { ...body.response, school: NO_SCHOOL }
            : body.response;
        const parsed = QuestionnaireResponse.safeParse(sent);
        if (parsed.success) {
          const r = parsed.data;
          if (r.definition.id !== def.id || r.definition.version !== def.version)
            throw invalid(
              [problem(['response', 'definition'], `Use ${def.id} ${def.version}.`)],
              422,
            );
        }
        const checked = validateResponse(def, sent);
        if (!checked.ok)
          throw invalid(
            checked.problems.map((p) => problem(['response', ...p.path], p.message)),
            422,
          );
        const response = checked.value;
        const item = timepointItem(def);
        const timepoint = response.answers[item.id];
        if (typeof timepoint !== 'string')
          throw invalid(
            [problem(['response', 'answers', item.id], 'Say when you are filling in the survey.')],
            422,
          );
        let delegateCode: string | undefined;
        let delegateHash: string;
        if (body.delegateCode !== undefined && normaliseCode(body.delegateCode) !== '') {
          const normal = normaliseCode(body.delegateCode);
          delegateHash = sha256(normal);
          const answered = /^[A-Z0-9]{8}$/.test(normal)
            ? await d.as(SYSTEM, () => d.repo.cpd.delegateTimepoints(session.id, delegateHash))
            : [];
          if (answered.length === 0) throw await failure(key, 'no-delegate');
          if (answered.includes(timepoint)) throw refuse(409, 'answered');
        } else {
          delegateCode = newClassCode();
          delegateHash = sha256(delegateCode);
        }
        const owner: CpdOwner = {
          la: session.la_code,
          trust: session.trust_id,
          school: session.school_urn,
        };
        // Written in the owner's scope: row-level security checks it belongs to the session's owner.
        const stored = await d.as(scopeOfOwner(owner), () =>
          d.transaction((tx) =>
            tx.cpd.insertAnswer({
              id: response.id,
              session: session.id,
              owner,
              delegateHash,
              timepoint,
              setting: body.setting ?? null,
              definition: def,
              answers: response.answers,
              on: d.today(),
            }),
          ),
        );
        if (!stored) throw refuse(409, 'answered');
        return c.json(
          {
            ok: true,
            timepoint,
            ...(delegateCode ? { delegateCode: formatCode(delegateCode) } : {}),
          },
          201,
        );
      })
  );
};
