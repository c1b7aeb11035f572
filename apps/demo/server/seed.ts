/**
 * Seeds a sample trust from the synthetic cohort (`generateCohort`): 8 schools, both waves, a lead
 * per school, a trust administrator, audits and a plan for the first schools, and an open round with
 * a class code for trying the pupil questionnaire. Idempotent: every insert is `ON CONFLICT DO
 * NOTHING` and passwords are hashed only for accounts that do not exist yet. Demo-only credentials.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { generateCohort, getQuestionnaire } from '@all-together/questionnaires';
import type { QuestionnaireResponse } from '@all-together/model';
import type { Db, Queryable } from './db.js';
import { hashPassword, sha256 } from './security.js';
import { canonicalJson } from './repo/submissions.js';
import { today } from './domain/definitions.js';
import { seedPerception } from './seed-perception.js';

export const DEMO_TRUST = { id: 'north-star-trust', name: 'North Star Learning Trust (synthetic)' };
export const DEMO_PASSWORD = 'demo-only-password';
export const DEMO_ADMIN = 'admin@north-star.example';
export const DEMO_CODE = 'KXTR4HQM';
/** The demo class code's declared class size: it admits this many responses. */
export const DEMO_CLASS_SIZE = 30;
export const leadEmail = (i: number) => `lead${i + 1}@north-star.example`;
export const BASELINE_ROUND = '2025-26-baseline';
export const END_ROUND = '2025-26-end';
export const LIVE_ROUND = '2026-27-baseline';

export interface SeedResult {
  schools: { urn: string; name: string; phase: string; lead: string }[];
  created: boolean;
  responses: number;
  ms: number;
}

const require = createRequire(import.meta.url);
export function auditFixture(name: string): Record<string, unknown> {
  const pkg = require.resolve('@all-together/questionnaires/package.json');
  const file = pkg.replace(/package\.json$/, `fixtures/all-together-audit/1.0.0/${name}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { response: Record<string, unknown> }).response;
}

export async function insertMany(
  q: Queryable,
  table: string,
  columns: string[],
  rows: unknown[][],
  casts: Record<string, string> = {},
) {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const params: unknown[] = [];
    const values = chunk.map(
      (row) =>
        `(${row
          .map((v, j) => {
            params.push(v);
            return `$${params.length}${casts[columns[j]!] ?? ''}`;
          })
          .join(', ')})`,
    );
    await q.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`,
      params,
    );
  }
}

/**
 * Stores generated responses as the portal stores a pupil's: in `school` and `round`, times
 * coarsened to the day (P2: a time of day could link a response to a pupil), hashed canonically.
 */
export async function insertResponses(
  q: Queryable,
  items: readonly { response: QuestionnaireResponse; school: string; round: string }[],
) {
  const day = (iso: string) => `${iso.slice(0, 10)}T00:00:00Z`;
  const rows = items.map(({ response: r, school, round }) => {
    const body: QuestionnaireResponse = {
      ...r,
      school: school as QuestionnaireResponse['school'],
      round: round as QuestionnaireResponse['round'],
      startedAt: day(r.startedAt) as QuestionnaireResponse['startedAt'],
      submittedAt: day(r.submittedAt) as QuestionnaireResponse['submittedAt'],
    };
    return [
      r.id,
      school,
      round,
      r.wave,
      r.definition.id,
      r.definition.version,
      sha256(canonicalJson(body)),
      JSON.stringify(body),
      r.submittedAt.slice(0, 10),
    ];
  });
  await insertMany(
    q,
    'responses',
    [
      'id',
      'school_urn',
      'round_id',
      'wave',
      'definition_id',
      'definition_version',
      'body_hash',
      'body',
      'submitted_on',
    ],
    rows,
    { body: '::jsonb' },
  );
}

export async function seed(
  db: Db,
  options: { schools?: number; seed?: number; pupilsPerSchool?: [number, number] } = {},
): Promise<SeedResult> {
  const started = performance.now();
  const cohort = generateCohort({
    seed: options.seed ?? 2026,
    schools: options.schools ?? 8,
    pupilsPerSchool: options.pupilsPerSchool ?? [60, 180],
    secondaryShare: 0.3,
    trust: DEMO_TRUST.id,
    localAuthority: '999',
    dates: { baseline: '2025-10-06', end: '2026-06-08' },
    definitions: {
      'pupil-ks1': getQuestionnaire('pupil-ks1'),
      'pupil-ks2': getQuestionnaire('pupil-ks2'),
      'pupil-secondary': getQuestionnaire('pupil-secondary'),
    },
  });
  const existing = await db.query<{ email: string }>('SELECT email FROM users');
  const have = new Set(existing.rows.map((r) => r.email));
  const needed = [DEMO_ADMIN, ...cohort.schools.map((_, i) => leadEmail(i))].filter(
    (e) => !have.has(e),
  );
  // Hash once and reuse for every demo account: one scrypt call, with its own random salt.
  const hash = needed.length ? await hashPassword(DEMO_PASSWORD) : '';
  const t = today();
  const in4Weeks = new Date(Date.now() + 28 * 86_400_000).toISOString().slice(0, 10);

  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO trusts (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      DEMO_TRUST.id,
      DEMO_TRUST.name,
    ]);
    await insertMany(
      tx,
      'schools',
      ['urn', 'trust_id', 'name', 'phase', 'local_authority'],
      cohort.schools.map((s) => [s.urn, DEMO_TRUST.id, s.name, s.phase, s.localAuthority]),
    );
    const users: unknown[][] = [];
    if (!have.has(DEMO_ADMIN))
      users.push([
        randomUUID(),
        DEMO_ADMIN,
        'Trust administrator (demo)',
        'trust-admin',
        DEMO_TRUST.id,
        null,
        hash,
      ]);
    cohort.schools.forEach((s, i) => {
      if (!have.has(leadEmail(i)))
        users.push([
          randomUUID(),
          leadEmail(i),
          `Lead, ${s.name}`,
          'school-lead',
          DEMO_TRUST.id,
          s.urn,
          hash,
        ]);
    });
    await insertMany(
      tx,
      'users',
      ['id', 'email', 'display_name', 'role', 'trust_id', 'school_urn', 'password_hash'],
      users,
    );
    const rounds: unknown[][] = [];
    for (const s of cohort.schools) {
      rounds.push([s.urn, BASELINE_ROUND, 'baseline', '2025-10-06', '2025-11-02']);
      rounds.push([s.urn, END_ROUND, 'end', '2026-06-08', '2026-07-05']);
    }
    rounds.push([cohort.schools[0]!.urn, LIVE_ROUND, 'baseline', t, in4Weeks]);
    await insertMany(tx, 'rounds', ['school_urn', 'id', 'wave', 'opens_on', 'closes_on'], rounds);

    await insertResponses(
      tx,
      cohort.responses.map((r) => ({
        response: r,
        school: r.school,
        round: r.wave === 'baseline' ? BASELINE_ROUND : END_ROUND,
      })),
    );

    // Audits for the first two schools at both waves, and an action plan for the first.
    for (const s of cohort.schools.slice(0, 2)) {
      for (const [round, fixture] of [
        [BASELINE_ROUND, 'complete-baseline'],
        [END_ROUND, 'complete-end'],
      ] as const) {
        const body = { ...auditFixture(fixture), school: s.urn, round };
        await tx.query(
          'INSERT INTO audits (school_urn, round_id, body) VALUES ($1, $2, $3::jsonb) ON CONFLICT DO NOTHING',
          [s.urn, round, JSON.stringify(body)],
        );
      }
    }
    const first = cohort.schools[0]!;
    await tx.query(
      'INSERT INTO action_plans (school_urn, round_id, body) VALUES ($1, $2, $3::jsonb) ON CONFLICT DO NOTHING',
      [first.urn, BASELINE_ROUND, JSON.stringify(samplePlan(first.urn))],
    );
    const live = getQuestionnaire(first.phase === 'secondary' ? 'pupil-secondary' : 'pupil-ks2');
    await tx.query(
      `INSERT INTO class_codes (code_hash, school_urn, round_id, class_label, class_size, definition_id, definition_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [
        sha256(DEMO_CODE),
        first.urn,
        LIVE_ROUND,
        'Demo class',
        DEMO_CLASS_SIZE,
        live.id,
        live.version,
      ],
    );
    // The demo school's 360° (seed-perception.ts).
    await seedPerception(
      tx,
      first.urn,
      { baseline: BASELINE_ROUND, end: END_ROUND },
      { baseline: '2025-10-20', end: '2026-06-22' },
    );
  });
  await db.durable();
  return {
    schools: cohort.schools.map((s, i) => ({
      urn: s.urn,
      name: s.name,
      phase: s.phase,
      lead: leadEmail(i),
    })),
    created: needed.length > 0,
    responses: cohort.responses.length,
    ms: performance.now() - started,
  };
}

/** A small, complete action plan (ids fixed so the seed stays idempotent). */
export function samplePlan(urn: string) {
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const action = (
    n: number,
    objective: string,
    description: string,
    ownerRole: string,
    status: string,
    deadline: string,
  ) => ({
    id: id(n),
    objective,
    description,
    ownerRole,
    startDate: '2025-11-10',
    deadline,
    status,
    resources: '',
    evidence: [],
    reviewNotes: '',
  });
  return {
    id: id(1),
    school: urn,
    priorities: [
      { statement: '1.2', rating: 'not-yet-met', groups: [] },
      { statement: '1.4', rating: 'not-yet-met', groups: ['send'] },
    ],
    objectives: [
      {
        id: id(2),
        title: 'Pupils with SEND know how to report bullying and trust that adults act',
        statements: ['1.4'],
        success: {
          specific: 'Every class has a visual reporting guide and a named trusted adult.',
          measurable: 'Fewer pupils with SEND frequently bullied at Time 2 than Time 1.',
          achievable: '',
          relevant: '',
          timeBound: '2026-06-30',
        },
      },
    ],
    actions: [
      action(
        3,
        id(2),
        'Make a visual guide to reporting with the pupil council',
        'pupil-council',
        'done',
        '2026-01-31',
      ),
      action(
        4,
        id(2),
        'Train lunchtime staff to notice and record bullying',
        'lunchtime-staff',
        'done',
        '2026-02-28',
      ),
      action(
        5,
        id(2),
        'Review the behaviour policy with parents of pupils with SEND',
        'sendco',
        'in-progress',
        '2026-05-31',
      ),
    ],
    reviews: [
      {
        id: id(6),
        date: '2026-03-20',
        reviewerRole: 'headteacher',
        summary: 'Guide in every class; training done.',
      },
    ],
    updatedAt: '2026-03-20T15:00:00Z',
  };
}
