/**
 * Seeds the sample local authority around the sample trust (`seed.ts`): Northshire, a synthetic LA
 * whose area holds the trust's schools and `schools` maintained schools of its own, over two
 * programme years — last year's (2025-26) complete for most schools and stalled for some, and this
 * year's at varied stages (enrolled only, audit done, survey open, survey closed, plan reviewed),
 * this year's surveys with characteristics from the schools' records (linked mode) —
 * so that the tracker, the area's results and the targeting list each have something true to show.
 * An LA adviser and an LA administrator sign in with the demo password. Idempotent like `seed`.
 * Dates of this year's work are set relative to today, so the demo tells the same story whenever it
 * is started.
 */
import { randomUUID } from 'node:crypto';
import { generateCohort, getQuestionnaire, linkedForm } from '@all-together/questionnaires';
import type { QuestionnaireResponse } from '@all-together/model';
import type { Db } from './db.js';
import { programmeYearOf } from './domain/programme-year.js';
import { today } from './domain/definitions.js';
import { hashPassword } from './security.js';
import {
  auditFixture,
  BASELINE_ROUND,
  DEMO_PASSWORD,
  DEMO_TRUST,
  END_ROUND,
  insertMany,
  insertResponses,
  samplePlan,
} from './seed.js';

export const DEMO_LA = { code: '999', name: 'Northshire County Council (synthetic)' };
export const LA_ADVISER = 'adviser@northshire.example';
export const LA_ADMIN = 'la-admin@northshire.example';
/** The lead of the LA's n-th maintained school (from 0). */
export const laLeadEmail = (i: number) => `head${i + 1}@northshire-schools.example`;

const PLACES = [
  'Ashby Road',
  'Bramley',
  'Church Fenton',
  'Dalesford',
  'Eastwick',
  'Fairholme',
  'Glenridge',
  'Hawthorn Lane',
  'Ingleby',
  'Juniper Hill',
  'Kirkstall Vale',
  'Longmoor',
  'Millbrook',
  'Northgate',
  'Orchard Park',
  'Pennington',
  'Queensway',
  'Rookwood',
  'Saltmarsh',
  'Thornbury',
  'Upperdale',
  'Valley Road',
  'Westfield',
  'Yewtree',
];

export interface AreaSeedResult {
  schools: number;
  responses: number;
  created: boolean;
  /** A maintained school's lead, for the printed sample logins. */
  lead: { email: string; school: string };
}

/** A small deterministic number from a string, for census figures that look varied. */
const hash = (s: string, salt: number): number => {
  let h = 2166136261 ^ salt;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) / 2 ** 32;
};
const day = (base: string, days: number): string =>
  new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedArea(
  db: Db,
  options: { schools?: number; seed?: number; pupilsPerSchool?: [number, number] } = {},
): Promise<AreaSeedResult> {
  const t = today();
  const year = programmeYearOf(t);
  const definitions = {
    'pupil-ks1': getQuestionnaire('pupil-ks1'),
    'pupil-ks2': getQuestionnaire('pupil-ks2'),
    'pupil-secondary': getQuestionnaire('pupil-secondary'),
  };
  const n = options.schools ?? 22;
  const seedNo = options.seed ?? 31;
  const pupils = options.pupilsPerSchool ?? [25, 70];
  // Last year's answers. Three larger schools with many pupils with SEND, whose pupils with SEND
  // fare markedly worse, give the targeting list someone to find (synthetic, by design).
  const vulnerableCount = Math.min(3, Math.max(0, n - 3));
  const typical = generateCohort({
    seed: seedNo,
    schools: n - vulnerableCount,
    pupilsPerSchool: pupils,
    secondaryShare: 0.25,
    trust: 'none',
    localAuthority: DEMO_LA.code,
    dates: { baseline: '2025-10-06', end: '2026-06-08' },
    definitions,
  });
  const vulnerable = generateCohort({
    seed: seedNo + 7,
    schools: vulnerableCount,
    pupilsPerSchool: [Math.max(pupils[1], 90), Math.max(pupils[1], 90) + 40],
    secondaryShare: 0,
    trust: 'none',
    localAuthority: DEMO_LA.code,
    dates: { baseline: '2025-10-06', end: '2026-06-08' },
    rates: { frequentVictimisation: { all: 0.28, send: 0.62, fsm: 0.45 } },
    population: { sen: { E: 0.09, K: 0.27 }, fsm: 0.42 },
    definitions,
  });
  const last = {
    schools: [...typical.schools, ...vulnerable.schools],
    responses: [...typical.responses, ...vulnerable.responses],
  };
  const vulnerableUrns = new Set(vulnerable.schools.map((s) => s.urn));
  // This year's baseline survey, 62 days ago, for the schools whose survey has closed.
  const baselineOn = day(t, -62);
  // This year the LA's schools surveyed with characteristics from their records (linked mode,
  // docs/decisions/0055): pupils answered the linked forms, and the results break down by
  // looked-after, young carer and ethnic group too. Their class lists and tokens were deleted when
  // the surveys closed, as retention does.
  const linked = {
    'pupil-ks1': linkedForm(definitions['pupil-ks1']),
    'pupil-ks2': linkedForm(definitions['pupil-ks2']),
    'pupil-secondary': linkedForm(definitions['pupil-secondary']),
  };
  const now = generateCohort({
    seed: seedNo + 1,
    schools: n,
    pupilsPerSchool: pupils,
    secondaryShare: 0.25,
    waves: ['baseline'],
    localAuthority: DEMO_LA.code,
    dates: { baseline: baselineOn, end: day(t, 200) },
    definitions: linked,
    mode: 'linked',
  });
  const schools = last.schools.map((s, i) => ({
    ...s,
    name: `${PLACES[i % PLACES.length]}${i >= PLACES.length ? ` ${Math.floor(i / PLACES.length) + 1}` : ''} ${s.phase === 'primary' ? 'Primary School' : 'School'} (synthetic)`,
  }));
  const urnOf = new Map(now.schools.map((s, i) => [s.urn, schools[i]!.urn]));

  const emails = [LA_ADVISER, LA_ADMIN, ...schools.map((_, i) => laLeadEmail(i))];
  const existing = await db.query<{ email: string }>(
    'SELECT email FROM users WHERE email = ANY($1)',
    [emails],
  );
  const have = new Set(existing.rows.map((r) => r.email));
  const needed = emails.filter((e) => !have.has(e));
  const pw = needed.length ? await hashPassword(DEMO_PASSWORD) : '';
  const thisYear = `${year}-baseline`;
  // What each school of the LA has done this year, by its place in the list.
  const stage = (i: number) => i % 5; // 0 plan reviewed, 1 survey closed, 2 audit only, 3 survey open, 4 enrolled only
  let responses = 0;

  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO local_authorities (code, name) VALUES ($1, $2)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name`,
      [DEMO_LA.code, DEMO_LA.name],
    );
    await insertMany(
      tx,
      'schools',
      ['urn', 'trust_id', 'name', 'phase', 'local_authority'],
      schools.map((s) => [s.urn, null, s.name, s.phase, DEMO_LA.code]),
    );
    // Census figures (public, per school) for every school in the LA that has none yet.
    const all = await tx.query<{ urn: string; phase: string }>(
      'SELECT urn, phase FROM schools WHERE local_authority = $1 AND number_on_roll IS NULL',
      [DEMO_LA.code],
    );
    for (const s of all.rows) {
      const big = s.phase === 'secondary';
      const needy = vulnerableUrns.has(s.urn as (typeof vulnerable.schools)[number]['urn']);
      await tx.query(
        'UPDATE schools SET number_on_roll = $2, send_percent = $3, fsm_percent = $4 WHERE urn = $1',
        [
          s.urn,
          Math.round((big ? 650 : 140) + hash(s.urn, 1) * (big ? 700 : 300)),
          Math.round(((needy ? 30 : 8) + hash(s.urn, 2) * (needy ? 8 : 20)) * 10) / 10,
          Math.round(((needy ? 38 : 6) + hash(s.urn, 3) * (needy ? 12 : 38)) * 10) / 10,
        ],
      );
    }
    await insertMany(
      tx,
      'users',
      ['id', 'email', 'display_name', 'role', 'trust_id', 'la_code', 'school_urn', 'password_hash'],
      needed
        .map((email) => {
          const i = schools.findIndex((_, j) => laLeadEmail(j) === email);
          if (i >= 0)
            // Every fifth maintained school has no lead with an account yet.
            return i % 5 === 4
              ? null
              : [
                  randomUUID(),
                  email,
                  `Lead, ${schools[i]!.name}`,
                  'school-lead',
                  null,
                  null,
                  schools[i]!.urn,
                  pw,
                ];
          return [
            randomUUID(),
            email,
            email === LA_ADVISER ? 'LA anti-bullying adviser (demo)' : 'LA administrator (demo)',
            email === LA_ADVISER ? 'la-adviser' : 'la-admin',
            null,
            DEMO_LA.code,
            null,
            pw,
          ];
        })
        .filter((row): row is NonNullable<typeof row> => row !== null),
    );

    // Last year: both surveys for most schools; every sixth stopped after its baseline.
    const stoppedLastYear = (i: number) => i % 6 === 5;
    const rounds: unknown[][] = [];
    schools.forEach((s, i) => {
      rounds.push([
        s.urn,
        BASELINE_ROUND,
        'baseline',
        '2025-10-06',
        '2025-11-02',
        'open',
        null,
        null,
      ]);
      if (!stoppedLastYear(i)) {
        const locked = i % 3 === 0;
        rounds.push([
          s.urn,
          END_ROUND,
          'end',
          '2026-06-08',
          '2026-07-05',
          locked ? 'locked' : 'open',
          locked ? '2026-07-05' : null,
          locked ? '2026-07-10' : null,
        ]);
      }
      // This year: a baseline round for all but the schools that have only enrolled.
      const k = stage(i);
      if (k === 0 || k === 1 || k === 2)
        rounds.push([s.urn, thisYear, 'baseline', baselineOn, day(t, -35), 'open', null, null]);
      if (k === 3)
        rounds.push([s.urn, thisYear, 'baseline', day(t, -13), day(t, 14), 'open', null, null]);
    });
    await insertMany(
      tx,
      'rounds',
      ['school_urn', 'id', 'wave', 'opens_on', 'closes_on', 'state', 'closed_on', 'locked_on'],
      rounds,
    );

    const rows: { response: QuestionnaireResponse; school: string; round: string }[] = [];
    const add = (response: QuestionnaireResponse, school: string, round: string) =>
      rows.push({ response, school, round });
    const index = new Map(schools.map((s, i) => [s.urn, i]));
    for (const r of last.responses) {
      const i = index.get(r.school)!;
      if (r.wave === 'end' && stoppedLastYear(i)) continue;
      add(r, r.school, r.wave === 'baseline' ? BASELINE_ROUND : END_ROUND);
    }
    for (const r of now.responses) {
      const urn = urnOf.get(r.school)!;
      const k = stage(index.get(urn)!);
      // Answers dated after today would be from the future: the survey closed 35 days ago.
      if ((k === 0 || k === 1) && r.submittedAt.slice(0, 10) <= day(t, -35)) add(r, urn, thisYear);
    }
    responses = rows.length;
    await insertResponses(tx, rows);

    // Audits and plans: last year's for some schools, this year's by stage.
    const audit = async (urn: string, round: string, fixture: string, on: string) =>
      tx.query(
        `INSERT INTO audits (school_urn, round_id, body, updated_at) VALUES ($1, $2, $3::jsonb, $4::date)
         ON CONFLICT DO NOTHING`,
        [urn, round, JSON.stringify({ ...auditFixture(fixture), school: urn, round }), on],
      );
    // A plan made on `on`, reviewed on `reviewedOn` (or not yet reviewed).
    const plan = async (urn: string, round: string, on: string, reviewedOn: string | null) => {
      const body = samplePlan(urn);
      const reviews = reviewedOn ? body.reviews.map((r) => ({ ...r, date: reviewedOn })) : [];
      await tx.query(
        `INSERT INTO action_plans (school_urn, round_id, body, updated_at) VALUES ($1, $2, $3::jsonb, $4::date)
         ON CONFLICT DO NOTHING`,
        [urn, round, JSON.stringify({ ...body, reviews }), on],
      );
    };
    for (const [i, s] of schools.entries()) {
      if (i % 3 === 0) {
        await audit(s.urn, BASELINE_ROUND, 'complete-baseline', '2025-10-20');
        await plan(s.urn, BASELINE_ROUND, '2026-01-20', '2026-03-20');
        if (!stoppedLastYear(i)) await audit(s.urn, END_ROUND, 'complete-end', '2026-06-30');
      }
      const k = stage(i);
      if (k <= 2) await audit(s.urn, thisYear, 'complete-baseline', day(t, k === 2 ? -70 : -50));
      // Half the schools with a plan have reviewed it this term already.
      if (k === 0) await plan(s.urn, thisYear, day(t, -20), i % 2 === 0 ? day(t, -9) : null);
    }

    // Every school of the LA and the trust enrolled in both years.
    const members = await tx.query<{ urn: string }>(
      'SELECT urn FROM schools WHERE local_authority = $1 OR trust_id = $2',
      [DEMO_LA.code, DEMO_TRUST.id],
    );
    await tx.query('SELECT ensure_programme_year($1)', ['2025-26']);
    await tx.query('SELECT ensure_programme_year($1)', [year]);
    await insertMany(
      tx,
      'enrolments',
      ['programme_year', 'school_urn', 'enrolled_on'],
      members.rows.flatMap((m) => [
        ['2025-26', m.urn, '2025-09-08'],
        [year, m.urn, day(t, -80)],
      ]),
    );

    // Last year's end-of-programme survey, from every school that finished the year: most agree
    // that things changed, fewer that attendance did, and a few don't know.
    const end = getQuestionnaire('end-of-programme');
    const outcomes = end.sections.flatMap((x) => x.items).filter((x) => x.type !== 'free-text');
    const SCALE = ['somewhat-agree', 'strongly-agree', 'neither', 'somewhat-agree', 'dont-know'];
    await insertMany(
      tx,
      'end_surveys',
      [
        'school_urn',
        'programme_year',
        'definition_id',
        'definition_version',
        'body',
        'submitted_on',
      ],
      schools.flatMap((sc, i) => {
        if (stoppedLastYear(i)) return [];
        const answers = Object.fromEntries(
          outcomes.map((o, j) => [o.id, j === 6 && i % 2 ? 'neither' : SCALE[(i + 3 * j) % 5]!]),
        );
        const body = {
          id: crypto.randomUUID(),
          definition: { id: end.id, version: end.version },
          wave: 'end',
          school: sc.urn,
          mode: 'anonymous',
          characteristics: { source: 'self-report' },
          answers,
          startedAt: '2026-07-10T00:00:00Z',
          submittedAt: '2026-07-10T00:00:00Z',
        };
        return [[sc.urn, '2025-26', end.id, end.version, JSON.stringify(body), '2026-07-10']];
      }),
      { body: '::jsonb' },
    );
  });
  await db.durable();
  return {
    schools: schools.length,
    responses,
    created: needed.length > 0,
    lead: { email: laLeadEmail(0), school: schools[0]!.name },
  };
}
