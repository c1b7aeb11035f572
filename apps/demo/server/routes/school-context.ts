/**
 * What a school lead's routes share: the domain context, the audit-log entry that goes with every
 * change, a round looked up by its slug (or a 404), the refusal for a closed round's documents,
 * and a stored document read back through its schema.
 */
import { z } from 'zod';
import { AuditResponse } from '@all-together/model';
import type { Deps, StaffSession } from '../context.js';
import { audit } from '../domain/definitions.js';
import { stateOf } from '../domain/lifecycle.js';
import type { DomainContext } from '../domain/snapshots.js';
import { HttpError } from '../middleware/errors.js';
import type { Repos } from '../repo/index.js';
import type { LogDetail, LogKind } from '../repo/log.js';
import type { RoundRow } from '../repo/rounds.js';
import type { SchoolRow } from '../repo/schools.js';

/** A body that must be empty (`{}`): a POST that takes no fields. */
export const Empty = z.strictObject({});

/** A stored document, typed: it was checked when saved; anything unreadable reads as absent. */
export function stored<S extends z.ZodType>(schema: S, body: unknown): z.output<S> | null {
  if (body === undefined || body === null) return null;
  const r = schema.safeParse(body);
  return r.success ? r.data : null;
}

/**
 * The audit version a round's audit answers: the version already saved for the round, else (an end
 * round) the version of the baseline audit before it, so a year is audited and compared on one
 * version, else the newest.
 */
export async function auditFor(repo: Repos, urn: string, round: RoundRow) {
  const own = stored(AuditResponse, await repo.documents.audits.get(urn, round.id));
  if (own) return audit(own.definition);
  const base = round.wave === 'end' ? await repo.rounds.baselineBefore(urn, round) : undefined;
  const before = base ? stored(AuditResponse, await repo.documents.audits.get(urn, base.id)) : null;
  return audit(before?.definition);
}

/** The helpers bound to the portal's dependencies (one set per mounted router). */
export function schoolContext(d: Deps) {
  const ctx = (): DomainContext => ({
    repo: d.repo,
    transaction: d.transaction,
    today: d.today(),
  });
  const log = (
    tx: Repos,
    staff: StaffSession,
    school: SchoolRow,
    round: string | null,
    kind: LogKind,
    detail: LogDetail = {},
  ) =>
    tx.log.append({
      actor: { id: staff.userId, role: staff.role },
      // The entry belongs to the school's trust and LA, so both see what happens at the school.
      trustId: school.trust_id,
      laCode: school.local_authority,
      schoolUrn: school.urn,
      roundId: round,
      kind,
      detail,
    });
  const roundOf = async (repo: Repos, school: SchoolRow, id: string | undefined, lock = false) => {
    // A round id is a slug (newRound): anything else is not a round, and is not looked up.
    if (!id || id.length > 80 || !/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(id))
      throw new HttpError(404, 'There is no such round at this school.');
    const round = lock
      ? await repo.rounds.getForShare(school.urn, id ?? '')
      : await repo.rounds.get(school.urn, id ?? '');
    if (!round) throw new HttpError(404, 'There is no such round at this school.');
    return round;
  };
  const closedFor = (round: RoundRow, what: string) =>
    new HttpError(
      409,
      stateOf(round, d.today()) === 'locked'
        ? `This round is locked for the award, so its ${what} can no longer be changed.`
        : `This round is closed, so its ${what} can no longer be changed.`,
      { reason: 'closed' },
    );

  return { ctx, log, roundOf, closedFor };
}
