/**
 * Results, comparators, published tables, the CSV export and the award: the portal's programme
 * figures, computed from snapshots (snapshots.ts) and the repositories. The school's URN always
 * comes from an authorised session, never from a URL alone (reliability.md S1).
 *
 * What these compute is being reworked so that browsers receive published figures only (issue 15,
 * item 1); this module is where that happens.
 */
import { ActionPlan, AuditResponse, type Wave } from '@all-together/model';
import {
  breakdown,
  comparatorAllowed,
  compareAudits,
  emptySummary,
  mergeSummaries,
  publishBreakdown,
  recommendAward,
  scoreAudit,
  type AwardInput,
  type OutcomeComparison,
  type PublishedBreakdown,
  type PupilSummary,
} from '@all-together/scoring';
import type { RoundRow } from '../repo/rounds.js';
import type { SchoolRow } from '../repo/schools.js';
import { audit, pupilDefinitions } from './definitions.js';
import { K } from './lifecycle.js';
import { roundSummary, type DomainContext } from './snapshots.js';

/**
 * The trust's merged summary of one wave: each school at its reporting round of that wave (its
 * latest closed round with at least k responses; lifecycle, docs/decisions/0010).
 */
export async function trustSummary(
  ctx: DomainContext,
  trustId: string,
  wave: Wave,
): Promise<{ summary: PupilSummary; perSchool: { school: SchoolRow; summary: PupilSummary }[] }> {
  const perSchool: { school: SchoolRow; summary: PupilSummary }[] = [];
  for (const school of await ctx.repo.schools.ofTrust(trustId)) {
    const round = await ctx.repo.rounds.reporting(school.urn, wave, ctx.today, K);
    if (!round) continue;
    perSchool.push({ school, summary: await roundSummary(ctx, school, round) });
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

/** What a lead's results page receives for one round of their school. */
export async function schoolResults(
  ctx: DomainContext,
  school: SchoolRow,
  round: RoundRow,
  trustId: string,
) {
  const summary = await roundSummary(ctx, school, round);
  // The comparator is the trust including the round being viewed (publishComparison compares
  // with the rest of it), the other schools at their reporting rounds of the same wave.
  const trust = await trustSummary(ctx, trustId, round.wave);
  const comparator = mergeSummaries([
    summary,
    ...trust.perSchool.filter((p) => p.school.urn !== school.urn).map((p) => p.summary),
  ]);
  const allowed = comparatorCheck(summary, comparator);
  const baseRound =
    round.wave === 'end' ? await ctx.repo.rounds.baselineBefore(school.urn, round) : undefined;
  const baseline = baseRound ? await roundSummary(ctx, school, baseRound) : null;
  // The audit before and after, for the element's audit view, when both are stored.
  const auditOf = async (r?: RoundRow) => {
    if (!r) return undefined;
    const body = await ctx.repo.documents.audits.get(school.urn, r.id);
    const parsed = body ? AuditResponse.safeParse(body) : undefined;
    return parsed?.success ? parsed.data : undefined;
  };
  const [auditStart, auditEnd] = await Promise.all([auditOf(baseRound), auditOf(round)]);
  return {
    summary,
    baseline,
    comparator: allowed.allowed ? comparator : null,
    comparatorNote: allowed.reason,
    audit: auditStart && auditEnd ? compareAudits(audit(), auditStart, auditEnd) : null,
    definitions: [...pupilDefinitions(), audit()],
    published: publishTables(summary, 'school'),
  };
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
export async function trustCsv(ctx: DomainContext, trustId: string): Promise<string> {
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
    const { summary, perSchool } = await trustSummary(ctx, trustId, wave);
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
export async function schoolAward(ctx: DomainContext, school: SchoolRow) {
  const { rounds, documents } = ctx.repo;
  const endRound = await rounds.latestOpened(school.urn, 'end', ctx.today);
  const baseRound = endRound
    ? await rounds.baselineBefore(school.urn, endRound)
    : await rounds.latestOpened(school.urn, 'baseline', ctx.today);
  const def = audit();
  const parseAudit = (x: unknown) => {
    const r = AuditResponse.safeParse(x);
    return r.success ? r.data : undefined;
  };
  const docOf = (kind: 'audits' | 'plans', r?: RoundRow) =>
    r ? documents[kind].get(school.urn, r.id) : Promise.resolve(undefined);
  const baseAudit = parseAudit(await docOf('audits', baseRound));
  const endAudit = parseAudit(await docOf('audits', endRound));
  const planDoc = (await docOf('plans', endRound)) ?? (await docOf('plans', baseRound));
  const plan = planDoc ? ActionPlan.safeParse(planDoc) : undefined;
  const baseSummary = baseRound ? await roundSummary(ctx, school, baseRound) : undefined;
  const endSummary = endRound ? await roundSummary(ctx, school, endRound) : undefined;
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
