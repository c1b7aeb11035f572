/**
 * Results, the trust's figures, the CSV export and the award: the portal's programme figures,
 * published on the server (reliability.md D8). Nothing raw leaves this module: a lead's browser
 * receives the school's `PublishedResults` (its own figures exact, the rest of the trust rounded,
 * each protected as published together), a trust administrator's the trust's and each school's
 * published as one set, and both the award recommendation made from those same published figures.
 * The school's URN always comes from an authorised session, never from a URL alone (S1).
 */
import {
  ActionPlan,
  AuditResponse,
  DIMENSIONS,
  type Dimension,
  type PublishedResults,
  type PupilSummary,
  type Shown,
  type Wave,
} from '@all-together/model';
import {
  awardInputs,
  compareAudits,
  publishArea,
  publishResults,
  recommendAward,
} from '@all-together/scoring';
import { withScope } from '../db.js';
import type { RoundRow } from '../repo/rounds.js';
import type { SchoolRow } from '../repo/schools.js';
import { audit, pupilDefinitions } from './definitions.js';
import { publications } from './publication-cache.js';
import { areaSchoolsAt, latestResultsYear } from './area.js';
import { withPortfolio } from './moderation.js';
import { perceptionSummaries } from './perception.js';
import { comparatorAreaOf, type AreaScope } from './scope.js';
import { roundSummaries, type DomainContext } from './snapshots.js';

/**
 * Breakdowns only a school's records provide (linked mode, docs/decisions/0055): pupils are never
 * asked them, so a self-report round has everyone "not known" in them.
 */
export const RECORD_DIMENSIONS = ['lookedAfter', 'youngCarer', 'ethnicity'] as const;
/**
 * The breakdowns a lead's results page offers: the model's, less phase (a school is one phase;
 * scoring's own default for a school too).
 */
export const SCHOOL_DIMENSIONS: readonly Dimension[] = DIMENSIONS.filter((d) => d !== 'phase');
/** The breakdowns of an area's own figures (a trust's or an LA's): every one the model has. */
export const TRUST_DIMENSIONS: readonly Dimension[] = DIMENSIONS;

/**
 * The breakdowns worth publishing for these summaries: a breakdown from records only where some
 * pupil's record gave a value (a table of nobody but "Not known" would say nothing, and would
 * suggest the school was asked for what it never had). Whether a school's records were used is
 * not a figure about any pupil.
 */
export function dimensionsFor(
  dimensions: readonly Dimension[],
  summaries: Iterable<PupilSummary>,
): Dimension[] {
  const all = [...summaries];
  const recorded = (d: Dimension) =>
    all.some((s) =>
      Object.entries(s.respondents[d]).some(
        ([group, n]) => n > 0 && group !== 'unknown' && group !== 'prefer-not-to-say',
      ),
    );
  return dimensions.filter(
    (d) => !(RECORD_DIMENSIONS as readonly Dimension[]).includes(d) || recorded(d),
  );
}

/** The school's summaries at the round shown and, for an end round, at its baseline round. */
async function schoolWaves(ctx: DomainContext, school: SchoolRow, round: RoundRow) {
  const baseRound =
    round.wave === 'end' ? await ctx.repo.rounds.baselineBefore(school.urn, round) : undefined;
  return {
    baseRound,
    waves: {
      [round.wave]: await roundSummaries(ctx, school, round),
      ...(baseRound ? { baseline: await roundSummaries(ctx, school, baseRound) } : {}),
    } as Partial<Record<Wave, PupilSummary[]>>,
  };
}

/**
 * What a lead's results page receives for one round of their school: the school's published
 * results (both waves where there is a baseline round before it), compared with the rest of its
 * area at the same waves of the same programme year: its trust, or its LA for a school in no
 * trust. The rest is published at the area's level (rounded, protected on its own), and shown only
 * when at least 3 schools each with at least k pupils make up the area's figure: a lead can never
 * subtract their way to another school.
 */
export async function schoolResults(
  ctx: DomainContext,
  school: SchoolRow,
  round: RoundRow,
): Promise<{
  results: PublishedResults;
  respondents: number;
  audit: ReturnType<typeof compareAudits> | null;
}> {
  const { baseRound, waves } = await schoolWaves(ctx, school, round);
  // The other schools at their reporting rounds of each wave shown.
  // The comparator reads the area's other schools: the one place a lead's request widens to the
  // area's rows (row-level security), to publish the rest of the area rounded and protected.
  const others = new Map<string, Partial<Record<Wave, PupilSummary[]>>>();
  const area = comparatorAreaOf(school);
  await withScope(area, async () => {
    for (const wave of Object.keys(waves) as Wave[]) {
      for (const o of await areaSchoolsAt(ctx, area, wave, round.programme_year)) {
        if (o.school.urn === school.urn) continue;
        others.set(o.school.urn, { ...others.get(o.school.urn), [wave]: o.summaries });
      }
    }
  });
  const input = {
    ...waves,
    others: [...others.values()],
    comparatorViewer: area.kind === 'trust' ? ('trust' as const) : ('local-authority' as const),
  };
  const options = {
    viewer: 'school' as const,
    dimensions: dimensionsFor(SCHOOL_DIMENSIONS, Object.values(waves).flat()),
  };
  const results = publications.get('school-results', { input, options }, () =>
    publishResults(input, options),
  );
  const auditOf = async (r?: RoundRow) => {
    if (!r) return undefined;
    const parsed = AuditResponse.safeParse(await ctx.repo.documents.audits.get(school.urn, r.id));
    return parsed.success ? parsed.data : undefined;
  };
  const [auditStart, auditEnd] = await Promise.all([auditOf(baseRound), auditOf(round)]);
  return {
    results,
    respondents: (waves[round.wave] ?? []).reduce((n, s) => n + s.respondents.all, 0),
    audit:
      auditStart && auditEnd
        ? compareAudits(audit(auditEnd.definition), auditStart, auditEnd)
        : null,
  };
}

/**
 * An area's figures and each school's, published together for its staff (a trust administrator,
 * an LA): the area with every breakdown, each school by `schoolDimensions` (default its totals
 * only), protected as one set so that no school's hidden figure is the area's minus the others'.
 * One programme year (default: the newest with results).
 */
export async function areaResults(
  ctx: DomainContext,
  scope: AreaScope,
  year?: string,
  schoolDimensions: readonly ('sen' | 'fsm')[] = [],
) {
  const y = year ?? (await latestResultsYear(ctx, scope));
  const members = new Map<
    string,
    { school: SchoolRow; waves: Partial<Record<Wave, PupilSummary[]>> }
  >();
  for (const wave of ['baseline', 'end'] as const) {
    for (const m of y ? await areaSchoolsAt(ctx, scope, wave, y) : []) {
      const entry = members.get(m.school.urn) ?? { school: m.school, waves: {} };
      entry.waves[wave] = m.summaries;
      members.set(m.school.urn, entry);
    }
  }
  const input = { schools: [...members.values()].map((m) => ({ id: m.school.urn, ...m.waves })) };
  const options = {
    viewer: scope.kind === 'trust' ? ('trust' as const) : ('local-authority' as const),
    dimensions: dimensionsFor(
      TRUST_DIMENSIONS,
      [...members.values()].flatMap((m) => Object.values(m.waves).flat()),
    ),
    schoolDimensions,
  };
  const key = publications.keyOf('area', { input, options });
  const { area, schools } = publications.getKeyed(key, () => publishArea(input, options));
  return {
    year: y ?? null,
    /** The publication's cache key: what is made from it is keyed by this, not by its bytes. */
    key,
    /** What was published: each member school's summaries per wave (for the targeting list). */
    input,
    area,
    schools: schools.map((s) => ({ school: members.get(s.id)!.school, results: s.results })),
  };
}

// ──────────────────────────────────────────── CSV ────────────────────────────────────────────

const csvCell = (v: string | number): string => {
  let s = String(v);
  // A spreadsheet would run a cell starting with = + - @ as a formula.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const shown = (x: Shown<number>): string | number => ('value' in x ? x.value : x.symbol);
/** Which pupils a row is about: KS1 is asked different questions and never added to the others. */
const POOL_NAMES: Record<string, string> = {
  'pupil-ks1': 'Reception to Year 2',
  'pupil-ks2-secondary': 'Years 3 to 13',
};

/**
 * An area's published figures as CSV: both waves of one programme year, the area by every
 * breakdown and each school's totals, exactly as the area's page shows them (the same publication), hidden figures as their
 * symbols.
 */
export async function areaCsv(
  ctx: DomainContext,
  scope: AreaScope,
  year?: string,
): Promise<string> {
  const lines = ['scope,urn,school,pupils,wave,indicator,breakdown,group,base,count,percent'];
  const { area, schools } = await areaResults(ctx, scope, year);
  const scopes = [
    {
      scope: scope.kind === 'trust' ? 'trust' : 'local-authority',
      urn: '',
      name: `All schools (${schools.length})`,
      results: area,
    },
    ...schools.map((s) => ({
      scope: 'school',
      urn: s.school.urn,
      name: s.school.name,
      results: s.results,
    })),
  ];
  for (const s of scopes) {
    for (const pool of s.results.pools) {
      for (const wave of ['baseline', 'end'] as const) {
        for (const t of pool[wave]?.binary ?? []) {
          const cells = t.dimension === 'all' ? [t.total] : [...t.groups, ...t.derived];
          for (const cell of cells) {
            lines.push(
              [
                s.scope,
                s.urn,
                s.name,
                POOL_NAMES[pool.comparableAs] ?? pool.comparableAs,
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
  }
  return lines.join('\r\n') + '\r\n';
}

// ─────────────────────────────────────────── award ───────────────────────────────────────────

/**
 * The award recommendation from the school's latest baseline and end rounds, made by scoring's
 * one computation from the same published figures the school's results page shows.
 */
export async function schoolAward(ctx: DomainContext, school: SchoolRow) {
  const { rounds, documents } = ctx.repo;
  const endRound = await rounds.latestOpened(school.urn, 'end', ctx.today);
  const baseRound = endRound
    ? await rounds.baselineBefore(school.urn, endRound)
    : await rounds.latestOpened(school.urn, 'baseline', ctx.today);
  const parsed = <T>(
    schema: { safeParse(x: unknown): { success: true; data: T } | { success: false } },
    x: unknown,
  ) => {
    const r = schema.safeParse(x);
    return r.success ? r.data : null;
  };
  const docOf = (kind: 'audits' | 'plans', r?: RoundRow) =>
    r ? documents[kind].get(school.urn, r.id) : Promise.resolve(undefined);
  const baseAudit = parsed(AuditResponse, await docOf('audits', baseRound));
  const savedEndAudit = parsed(AuditResponse, await docOf('audits', endRound));
  const savedPlan = parsed(
    ActionPlan,
    (await docOf('plans', endRound)) ?? (await docOf('plans', baseRound)),
  );
  // The evidence portfolio's items count where they were entered (docs/decisions/0045).
  const year = (endRound ?? baseRound)?.programme_year;
  const { endAudit, plan } = withPortfolio(
    audit((savedEndAudit ?? baseAudit)?.definition),
    savedEndAudit,
    savedPlan,
    year ? await ctx.repo.moderation.evidence(school.urn, year) : [],
  );
  const pupils = {
    baseline: baseRound ? await roundSummaries(ctx, school, baseRound) : undefined,
    end: endRound ? await roundSummaries(ctx, school, endRound) : undefined,
  };
  // The same breakdowns as the lead's results page, so each figure is protected alike in both.
  const options = {
    viewer: 'school' as const,
    dimensions: dimensionsFor(SCHOOL_DIMENSIONS, [
      ...(pupils.baseline ?? []),
      ...(pupils.end ?? []),
    ]),
  };
  const results = publications.get('school-award-pupils', { pupils, options }, () =>
    publishResults(pupils, options),
  );
  const input = awardInputs({
    // The version the school's audits answered (the end audit continues the baseline's version).
    audit: audit((endAudit ?? baseAudit)?.definition),
    baselineAudit: baseAudit,
    endAudit,
    plan,
    pupils: results,
    // The 360° at each wave: the same snapshots the lead's 360° view publishes (people counted,
    // small groups hidden by awardInputs' own publishPerception). A wave nobody answered is absent.
    perception: {
      baseline: await perceptionOf(ctx, school, baseRound),
      end: await perceptionOf(ctx, school, endRound),
    },
  });
  return {
    rounds: { baseline: baseRound?.id ?? null, end: endRound?.id ?? null },
    /** The rounds themselves (moderation locks them). */
    roundRows: { baseline: baseRound, end: endRound },
    recommendation: recommendAward(input),
    audits: { baseline: baseAudit, end: endAudit },
  };
}

/** A round's perception summaries, or undefined when there is no round or nobody answered. */
async function perceptionOf(ctx: DomainContext, school: SchoolRow, round: RoundRow | undefined) {
  if (!round) return undefined;
  const summaries = await perceptionSummaries(ctx, school, round);
  return summaries.length ? summaries : undefined;
}

export { pupilDefinitions };
