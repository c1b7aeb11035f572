/**
 * Retention in code (reliability.md P9; docs/decisions/0041), per round, as of the portal's day:
 *
 * - **class codes** `code_retention_days` after the round closes (default 0: at close; closing a
 *   round removes them at once): each code's hash goes, its pupil sessions lose their link to it;
 *   with them go the round's class lists and pupil tokens (linked mode), the only place a pupil's
 *   school-side reference lives;
 * - **raw responses** `raw_retention_months` after the round closes (default 12): the round's final
 *   snapshot is made first if it has none, so the published summaries are kept byte for byte, and
 *   only then are the rows deleted;
 * - **published summaries** (the final snapshots) and the audit log are kept.
 *
 * Every step is idempotent and takes the round's row lock, so two servers running it at once do
 * each thing once. It runs in the system scope (every school's rounds).
 */
import type { Repos } from '../repo/index.js';
import type { RoundRow } from '../repo/rounds.js';
import { perceptionSummaries } from './perception.js';
import { roundSummaries, type DomainContext } from './snapshots.js';

export interface RetentionReport {
  /** Rounds whose class codes were removed, and how many codes. */
  codeRounds: number;
  codesRemoved: number;
  /** Rounds whose raw responses were purged, and how many rows. */
  purgedRounds: number;
  responsesPurged: number;
}

/** Removes one closed round's codes, with its audit-log entry; returns how many were removed. */
export async function removeCodes(
  tx: Repos,
  round: RoundRow,
  today: string,
  log: boolean,
): Promise<number> {
  const removed = await tx.codes.removeForRound(round.school_urn, round.id);
  // Linked mode: the class lists (the only place a reference lives) and the tokens go too.
  const records = await tx.pupilRecords.removeForRound(round.school_urn, round.id);
  // The round's 360° survey links go with its class codes (counted apart: they are not classes).
  await tx.perception.removeCodes(round.school_urn, round.id);
  await tx.rounds.retained(round.school_urn, round.id, 'codes', today);
  const school = await tx.schools.get(round.school_urn);
  if (log && school && removed > 0)
    await tx.log.append({
      actor: null,
      trustId: school.trust_id,
      schoolUrn: round.school_urn,
      roundId: round.id,
      kind: 'retention.codes-removed',
      detail: { codes: removed },
    });
  if (log && school && records > 0)
    await tx.log.append({
      actor: null,
      trustId: school.trust_id,
      schoolUrn: round.school_urn,
      roundId: round.id,
      kind: 'retention.records-removed',
      detail: { pupils: records },
    });
  return removed;
}

export async function applyRetention(ctx: DomainContext): Promise<RetentionReport> {
  const report: RetentionReport = {
    codeRounds: 0,
    codesRemoved: 0,
    purgedRounds: 0,
    responsesPurged: 0,
  };
  const due = await ctx.repo.rounds.dueForRetention(ctx.today);
  for (const round of due.codes) {
    const n = await ctx.transaction(async (tx) => {
      const locked = await tx.rounds.getForUpdate(round.school_urn, round.id);
      if (!locked || locked.codes_removed_on) return -1;
      return removeCodes(tx, locked, ctx.today, true);
    });
    if (n >= 0) {
      report.codeRounds++;
      report.codesRemoved += n;
    }
  }
  for (const round of due.responses) {
    const school = await ctx.repo.schools.get(round.school_urn);
    if (!school) continue;
    // The final snapshot first (computed once, under the round's lock, if it has none yet).
    await roundSummaries(ctx, school, round);
    await perceptionSummaries(ctx, school, round);
    const n = await ctx.transaction(async (tx) => {
      const locked = await tx.rounds.getForUpdate(round.school_urn, round.id);
      if (!locked || locked.responses_purged_on) return -1;
      const snap = await tx.snapshots.get(round.school_urn, round.id);
      // Never purge what has not been summarised: no final snapshot, no purge (tried again later).
      if (!snap?.final) return -1;
      const purged = await tx.responses.purge(round.school_urn, round.id);
      // Adults' 360° answers too; their final snapshots (made above) stay.
      await tx.perception.purge(round.school_urn, round.id);
      await tx.rounds.retained(round.school_urn, round.id, 'responses', ctx.today);
      await tx.log.append({
        actor: null,
        trustId: school.trust_id,
        schoolUrn: round.school_urn,
        roundId: round.id,
        kind: 'retention.responses-purged',
        detail: { responses: purged, summarised: snap.responses },
      });
      return purged;
    });
    if (n >= 0) {
      report.purgedRounds++;
      report.responsesPurged += n;
    }
  }
  return report;
}
