/**
 * The portal's domain reads: definitions, summaries with results snapshots (D5), trust comparators,
 * published tables, the award recommendation and the CSV export. Every function takes the school's
 * URN from an authorised session, never from a URL alone (reliability.md S1).
 */
import {
  AuditResponse,
  ActionPlan,
  type AuditDefinition,
  type QuestionnaireDefinition,
  type QuestionnaireResponse,
  type Wave,
  DEFAULT_DISCLOSURE_CONTROL,
} from '@all-together/model';
import { getAudit, getQuestionnaire } from '@all-together/questionnaires';
import {
  breakdown,
  comparatorAllowed,
  emptySummary,
  mergeSummaries,
  publishBreakdown,
  recommendAward,
  scoreAudit,
  summarise,
  type AwardInput,
  type OutcomeComparison,
  type PublishedBreakdown,
  type PupilSummary,
} from '@all-together/scoring';
import type { Queryable } from './db.js';

export const PUPIL_DEFINITIONS = ['pupil-ks1', 'pupil-ks2', 'pupil-secondary'] as const;
export type PupilDefinitionId = (typeof PUPIL_DEFINITIONS)[number];

let defs: QuestionnaireDefinition[] | undefined;
/** Every pupil questionnaire the portal offers, newest versions. */
export function pupilDefinitions(): QuestionnaireDefinition[] {
  return (defs ??= PUPIL_DEFINITIONS.map((id) => getQuestionnaire(id)));
}

export function definitionFor(id: string, version: string): QuestionnaireDefinition | undefined {
  try {
    return getQuestionnaire(id, version);
  } catch {
    return undefined;
  }
}

export const audit = (): AuditDefinition => getAudit();

export interface SchoolRow {
  urn: string;
  name: string;
  phase: string;
  trust_id: string;
  local_authority: string;
}

export interface RoundRow {
  school_urn: string;
  id: string;
  wave: Wave;
  opens_on: string;
  closes_on: string;
}

const ROUND_COLUMNS = `school_urn, id, wave, opens_on::text AS opens_on, closes_on::text AS closes_on`;

export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

export async function getRound(
  db: Queryable,
  urn: string,
  id: string,
): Promise<RoundRow | undefined> {
  const r = await db.query<RoundRow>(
    `SELECT ${ROUND_COLUMNS} FROM rounds WHERE school_urn = $1 AND id = $2`,
    [urn, id],
  );
  return r.rows[0];
}

export async function listRounds(db: Queryable, urn: string): Promise<RoundRow[]> {
  return (
    await db.query<RoundRow>(
      `SELECT ${ROUND_COLUMNS} FROM rounds WHERE school_urn = $1 ORDER BY opens_on DESC, id`,
      [urn],
    )
  ).rows;
}

/** The school's latest round of a wave that has opened. */
export async function latestRound(
  db: Queryable,
  urn: string,
  wave: Wave,
): Promise<RoundRow | undefined> {
  const r = await db.query<RoundRow>(
    `SELECT ${ROUND_COLUMNS} FROM rounds WHERE school_urn = $1 AND wave = $2 AND opens_on <= $3
     ORDER BY opens_on DESC, id DESC LIMIT 1`,
    [urn, wave, today()],
  );
  return r.rows[0];
}

/** The school's latest baseline round that opened before the given (end) round. */
export async function baselineBefore(
  db: Queryable,
  urn: string,
  end: RoundRow,
): Promise<RoundRow | undefined> {
  const r = await db.query<RoundRow>(
    `SELECT ${ROUND_COLUMNS} FROM rounds WHERE school_urn = $1 AND wave = 'baseline' AND opens_on < $2
     ORDER BY opens_on DESC, id DESC LIMIT 1`,
    [urn, end.opens_on],
  );
  return r.rows[0];
}

export async function getSchool(db: Queryable, urn: string): Promise<SchoolRow | undefined> {
  return (await db.query<SchoolRow>('SELECT * FROM schools WHERE urn = $1', [urn])).rows[0];
}

export async function trustSchools(db: Queryable, trustId: string): Promise<SchoolRow[]> {
  return (
    await db.query<SchoolRow>('SELECT * FROM schools WHERE trust_id = $1 ORDER BY name', [trustId])
  ).rows;
}

// ─────────────────────────────────────── summaries (D5) ───────────────────────────────────────

/**
 * A round's summary as a snapshot (reliability.md D5): recomputed only when there is none yet, when
 * at least k responses arrived since the last one, or once when the round has closed. A single new
 * response never changes what a results page shows, so watching the page cannot reveal an answer.
 */
export async function roundSummary(
  db: Queryable,
  school: SchoolRow,
  round: RoundRow,
  k = DEFAULT_DISCLOSURE_CONTROL.minCellSize,
): Promise<PupilSummary> {
  const count = Number(
    (
      await db.query<{ n: string | number }>(
        'SELECT count(*) AS n FROM responses WHERE school_urn = $1 AND round_id = $2',
        [school.urn, round.id],
      )
    ).rows[0]?.n ?? 0,
  );
  const closed = round.closes_on < today();
  const snap = (
    await db.query<{ responses: number; final: boolean; summary: PupilSummary }>(
      'SELECT responses, final, summary FROM summary_snapshots WHERE school_urn = $1 AND round_id = $2',
      [school.urn, round.id],
    )
  ).rows[0];
  const fresh =
    snap && (snap.final ? snap.responses === count : !closed && count - snap.responses < k);
  if (fresh) return snap.summary;

  const rows = (
    await db.query<{ body: QuestionnaireResponse }>(
      'SELECT body FROM responses WHERE school_urn = $1 AND round_id = $2',
      [school.urn, round.id],
    )
  ).rows;
  const summary = rows.length
    ? summarise(
        rows.map((r) => r.body),
        {
          wave: round.wave,
          definitions: pupilDefinitions(),
          schools: [{ urn: school.urn, phase: school.phase }] as never,
        },
      )
    : { ...emptySummary(round.wave), schools: [school.urn] };
  await db.query(
    `INSERT INTO summary_snapshots (school_urn, round_id, responses, final, summary)
     VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (school_urn, round_id) DO UPDATE
       SET responses = EXCLUDED.responses, final = EXCLUDED.final, summary = EXCLUDED.summary, computed_at = now()`,
    [school.urn, round.id, rows.length, closed, JSON.stringify(summary)],
  );
  return summary;
}

/**
 * The school's latest closed round of a wave (final results), or else its latest opened one: what a
 * trust figure and a comparator use, so a round that opened today does not blank a school out.
 */
export async function reportingRound(
  db: Queryable,
  urn: string,
  wave: Wave,
): Promise<RoundRow | undefined> {
  const r = await db.query<RoundRow>(
    `SELECT ${ROUND_COLUMNS} FROM rounds WHERE school_urn = $1 AND wave = $2 AND closes_on < $3
     ORDER BY closes_on DESC, id DESC LIMIT 1`,
    [urn, wave, today()],
  );
  return r.rows[0] ?? (await latestRound(db, urn, wave));
}

/** The trust's merged summary of one wave: each school's reporting round of that wave. */
export async function trustSummary(
  db: Queryable,
  trustId: string,
  wave: Wave,
): Promise<{ summary: PupilSummary; perSchool: { school: SchoolRow; summary: PupilSummary }[] }> {
  const perSchool: { school: SchoolRow; summary: PupilSummary }[] = [];
  for (const school of await trustSchools(db, trustId)) {
    const round = await reportingRound(db, school.urn, wave);
    if (!round) continue;
    perSchool.push({ school, summary: await roundSummary(db, school, round) });
  }
  const summary = perSchool.length
    ? mergeSummaries(perSchool.map((p) => p.summary))
    : emptySummary(wave);
  return { summary, perSchool };
}

// ───────────────────────────────────── published tables ─────────────────────────────────────

/** The indicators the portal publishes in its tables and export, where a summary has them. */
export const HEADLINE_INDICATORS = [
  'victimisation.frequent',
  'victimisation.any',
  'victimisation-online.frequent',
  'bullying-others.frequent',
] as const;
export const HEADLINE_DIMENSIONS = ['all', 'sen', 'fsm', 'sex'] as const;

export function publishTables(
  summary: PupilSummary,
  viewer: 'school' | 'trust',
): PublishedBreakdown[] {
  const out: PublishedBreakdown[] = [];
  for (const indicator of HEADLINE_INDICATORS) {
    if (!summary.info[indicator]) continue;
    for (const dimension of HEADLINE_DIMENSIONS) {
      out.push(publishBreakdown(summary, indicator, dimension, { viewer }));
    }
  }
  return out;
}

/** D6: may the trust figure be shown beside this school's? */
export function comparatorCheck(school: PupilSummary, trust: PupilSummary) {
  return comparatorAllowed({
    schools: trust.schools.length,
    restOfAreaBase: trust.respondents.all - school.respondents.all,
  });
}

// ──────────────────────────────────────────── CSV ────────────────────────────────────────────

const csvCell = (v: string | number): string => {
  let s = String(v);
  // A spreadsheet would run a cell starting with = + - @ as a formula.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const shown = (x: { value: number } | { symbol: string }): string | number =>
  'value' in x ? x.value : x.symbol;

/** The trust's published aggregates, both waves, trust total and each school, viewer `trust`. */
export async function trustCsv(db: Queryable, trustId: string): Promise<string> {
  const lines = [
    [
      'scope',
      'urn',
      'school',
      'wave',
      'indicator',
      'breakdown',
      'group',
      'base',
      'count',
      'percent',
    ].join(','),
  ];
  for (const wave of ['baseline', 'end'] as const) {
    const { summary, perSchool } = await trustSummary(db, trustId, wave);
    const scopes = [
      { scope: 'trust', urn: '', name: `All schools (${perSchool.length})`, summary },
      ...perSchool.map((p) => ({
        scope: 'school',
        urn: p.school.urn,
        name: p.school.name,
        summary: p.summary,
      })),
    ];
    for (const s of scopes) {
      for (const t of publishTables(s.summary, 'trust')) {
        const cells = [{ ...t.total, key: 'all' }, ...t.groups, ...t.derived];
        for (const cell of t.dimension === 'all' ? [cells[0]!] : cells.slice(1)) {
          lines.push(
            [
              s.scope,
              s.urn,
              s.name,
              wave,
              t.indicator,
              t.dimension,
              cell.key,
              shown(cell.base),
              shown(cell.count),
              shown(cell.percent),
            ]
              .map(csvCell)
              .join(','),
          );
        }
      }
    }
  }
  return lines.join('\r\n') + '\r\n';
}

// ─────────────────────────────────────────── award ───────────────────────────────────────────

async function docOf<T>(
  db: Queryable,
  table: 'audits' | 'action_plans',
  urn: string,
  round?: RoundRow,
) {
  if (!round) return undefined;
  const r = await db.query<{ body: T }>(
    `SELECT body FROM ${table} WHERE school_urn = $1 AND round_id = $2`,
    [urn, round.id],
  );
  return r.rows[0]?.body;
}

function outcomes(base: PupilSummary, end: PupilSummary): OutcomeComparison[] {
  const key = 'victimisation.frequent';
  if (!base.binary[key] || !end.binary[key]) return [];
  const pick = (s: PupilSummary, group: OutcomeComparison['group']) => {
    if (group === 'all') return breakdown(s, key, 'all').total;
    if (group === 'send')
      return breakdown(s, key, 'sen').derived.find((d) => d.key === 'any-sen')!.value;
    return breakdown(s, key, 'fsm').groups.find((g) => g.key === 'yes')!.value;
  };
  return (['all', 'send', 'fsm'] as const).map((group) => {
    const b = pick(base, group);
    const e = pick(end, group);
    return {
      group,
      baseline: { count: b.count, base: b.base },
      end: { count: e.count, base: e.base },
    };
  });
}

/** The award recommendation from the school's latest baseline and end rounds. */
export async function schoolAward(db: Queryable, school: SchoolRow) {
  const endRound = await latestRound(db, school.urn, 'end');
  const baseRound = endRound
    ? await baselineBefore(db, school.urn, endRound)
    : await latestRound(db, school.urn, 'baseline');
  const def = audit();
  const parseAudit = (x: unknown) => {
    const r = AuditResponse.safeParse(x);
    return r.success ? r.data : undefined;
  };
  const baseAudit = parseAudit(await docOf(db, 'audits', school.urn, baseRound));
  const endAudit = parseAudit(await docOf(db, 'audits', school.urn, endRound));
  const planDoc =
    (await docOf(db, 'action_plans', school.urn, endRound)) ??
    (await docOf(db, 'action_plans', school.urn, baseRound));
  const plan = planDoc ? ActionPlan.safeParse(planDoc) : undefined;
  const baseSummary = baseRound ? await roundSummary(db, school, baseRound) : undefined;
  const endSummary = endRound ? await roundSummary(db, school, endRound) : undefined;
  const evidencePerArea: Record<number, number> = {};
  for (const [statement, notes] of Object.entries(endAudit?.evidence ?? {})) {
    const area = Number(statement.split('.')[0]);
    evidencePerArea[area] = (evidencePerArea[area] ?? 0) + notes.length;
  }
  const input: AwardInput = {
    baselineAudit: baseAudit ? scoreAudit(def, baseAudit) : null,
    endAudit: endAudit ? scoreAudit(def, endAudit) : null,
    baselineQuestionnaire: baseSummary ? { respondents: baseSummary.respondents.all } : null,
    endQuestionnaire: endSummary ? { respondents: endSummary.respondents.all } : null,
    plan: plan?.success ? plan.data : null,
    evidencePerArea,
    pupilOutcomes: baseSummary && endSummary ? outcomes(baseSummary, endSummary) : [],
  };
  return {
    rounds: { baseline: baseRound?.id ?? null, end: endRound?.id ?? null },
    recommendation: recommendAward(input),
    audits: { baseline: baseAudit ?? null, end: endAudit ?? null },
    input,
  };
}
