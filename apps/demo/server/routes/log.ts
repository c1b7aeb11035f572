/** Reading the audit log: one page of entries, newest first, as the trust and a lead see them. */
import { z } from 'zod';
import type { Repos } from '../repo/index.js';

export const LogQuery = z.object({
  school: z.string().max(20).optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'Use the "next" value of the previous page.')
    .optional(),
});

const PAGE = 100;

/**
 * One page of the log: a trust's entries (`trustId`), or every entry about one school (`trustId`
 * null). Row-level security holds each reader to their own scope underneath.
 */
export async function logPage(
  repo: Repos,
  trustId: string | null,
  schoolUrn: string | undefined,
  before: string | undefined,
  laCode?: string,
) {
  const rows = await repo.log.list({
    trustId,
    laCode,
    schoolUrn,
    before: before === undefined ? undefined : Number(before),
    limit: PAGE + 1,
  });
  const entries = rows.slice(0, PAGE).map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    // Names come from the account; an erased account leaves its actions under a tombstone (P8).
    actor: r.actor_role ? { name: r.actor_name ?? 'A deleted account', role: r.actor_role } : null,
    school: r.school_urn ? { urn: r.school_urn, name: r.school_name ?? r.school_urn } : null,
    round: r.round_id,
    detail: r.detail,
  }));
  return { entries, next: rows.length > PAGE ? entries[entries.length - 1]!.id : null };
}
