/**
 * Results snapshots (reliability.md D5; docs/decisions/0011). What a results page shows of a round
 * changes only at a snapshot, never as single pupils answer:
 *
 * - an open round publishes nothing until at least k pupils have answered, then a new snapshot
 *   only once at least k more have answered since the last one;
 * - a closed round gets one final snapshot, computed once (after any submission still in flight
 *   has committed) and frozen: late answers are refused, and nothing recomputes it.
 *
 * What is summarised, and how, is `summariseRound` (summary.ts).
 */
import type { PupilSummary } from '@all-together/model';
import type { Repos } from '../repo/index.js';
import type { RoundRow } from '../repo/rounds.js';
import type { SchoolRow } from '../repo/schools.js';
import { K, stateOf } from './lifecycle.js';
import { summariseRound } from './summary.js';

/** What the domain functions need: repositories, transactions and the portal's day. */
export interface DomainContext {
  repo: Repos;
  transaction<T>(fn: (repo: Repos) => Promise<T>): Promise<T>;
  today: string;
}

/**
 * A round's published-to-be summaries (one per set of comparable questionnaires; none when
 * nobody has answered), as of its latest snapshot.
 */
export async function roundSummaries(
  ctx: DomainContext,
  school: SchoolRow,
  round: RoundRow,
  k = K,
): Promise<PupilSummary[]> {
  const snap = await ctx.repo.snapshots.get(school.urn, round.id);
  if (stateOf(round, ctx.today) !== 'open') {
    if (snap?.final) return snap.summaries;
    return ctx.transaction(async (tx) => {
      // FOR UPDATE waits for every submission transaction holding the round FOR SHARE: the final
      // snapshot includes each response that was accepted.
      await tx.rounds.getForUpdate(school.urn, round.id);
      const again = await tx.snapshots.get(school.urn, round.id);
      if (again?.final) return again.summaries;
      const bodies = await tx.responses.bodies(school.urn, round.id);
      const summaries = summariseRound(bodies, school, round);
      await tx.snapshots.put(school.urn, round.id, {
        responses: bodies.length,
        final: true,
        summaries,
      });
      return summaries;
    });
  }
  const count = await ctx.repo.responses.count(school.urn, round.id);
  const last = snap ?? { responses: 0, final: false, summaries: [] };
  if (count - last.responses < k) return last.summaries;
  const bodies = await ctx.repo.responses.bodies(school.urn, round.id);
  const summaries = summariseRound(bodies, school, round);
  await ctx.repo.snapshots.put(school.urn, round.id, {
    responses: bodies.length,
    final: false,
    summaries,
  });
  return summaries;
}

/** How many pupils a round's summaries hold. */
export const respondentsOf = (summaries: readonly PupilSummary[]) =>
  summaries.reduce((n, s) => n + s.respondents.all, 0);
