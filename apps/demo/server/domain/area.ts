/**
 * An area's schools at one programme year (docs/decisions/0032): the members whose figures make up
 * an LA's or a trust's results, and the rest of the area a school is compared with. Only rounds of
 * the same programme year are put together; each school at its reporting round of the wave (its
 * latest closed round of that year with at least k answers, docs/decisions/0010).
 */
import type { PupilSummary, Wave } from '@all-together/model';
import type { RoundRow } from '../repo/rounds.js';
import type { SchoolRow } from '../repo/schools.js';
import { K } from './lifecycle.js';
import type { AreaScope } from './scope.js';
import { roundSummaries, type DomainContext } from './snapshots.js';

export interface AreaMember {
  school: SchoolRow;
  round: RoundRow;
  summaries: PupilSummary[];
}

/** Each school of the area with a reporting round of `wave` in programme year `year`. */
export async function areaSchoolsAt(
  ctx: DomainContext,
  area: AreaScope,
  wave: Wave,
  year: string,
): Promise<AreaMember[]> {
  const out: AreaMember[] = [];
  for (const school of await ctx.repo.tenancy.schools(area)) {
    const round = await ctx.repo.rounds.reporting(school.urn, wave, ctx.today, K, year);
    if (!round) continue;
    out.push({ school, round, summaries: await roundSummaries(ctx, school, round) });
  }
  return out;
}

/**
 * The newest programme year in which any school of the area has a reporting round: what an area
 * page shows first. Undefined when no school has final results yet.
 */
export async function latestResultsYear(
  ctx: DomainContext,
  area: AreaScope,
): Promise<string | undefined> {
  const schools = await ctx.repo.tenancy.schools(area);
  for (const y of await ctx.repo.tenancy.programmeYears()) {
    for (const school of schools) {
      for (const wave of ['baseline', 'end'] as const)
        if (await ctx.repo.rounds.reporting(school.urn, wave, ctx.today, K, y.id)) return y.id;
    }
  }
  return undefined;
}
