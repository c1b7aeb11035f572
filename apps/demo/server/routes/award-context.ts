/**
 * What the award's routes share (the portfolio, moderation and the awards list): the award
 * picture of a school, whether its portfolio may change, the plan's actions evidence can be for,
 * the file download, and the audit-log entry every change writes. The log entry is the school
 * routes' own (school-context.ts), with no round.
 */
import type { Deps, StaffSession } from '../context.js';
import { attachment } from '../domain/evidence.js';
import { schoolAward } from '../domain/results.js';
import { HttpError } from '../middleware/errors.js';
import type { Repos } from '../repo/index.js';
import type { LogDetail, LogKind } from '../repo/log.js';
import type { EvidenceRow, ModerationRow } from '../repo/moderation.js';
import type { SchoolRow } from '../repo/schools.js';
import { schoolContext } from './school-context.js';

export { Empty } from './school-context.js';

/** How many words a text has (reasons and descriptions must say enough to judge). */
export const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;
export const MIN_WORDS = 5;
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The portfolio may change: nothing submitted for the year, or more evidence was asked for. */
export const portfolioOpen = (m: ModerationRow | undefined) => !m || m.state === 'more-evidence';

/** A portfolio item as the lead and the moderator receive it (the file's bytes apart). */
export function evidenceJson(e: EvidenceRow) {
  return {
    id: e.id,
    area: e.area,
    action: e.action_id,
    kind: e.kind,
    description: e.description,
    date: e.evidenced_on,
    url: e.url,
    file: e.file_name
      ? { name: e.file_name, type: e.file_type, size: e.file_size, sha256: e.file_sha256 }
      : null,
  };
}

/** The helpers bound to the portal's dependencies. */
export function awardContext(d: Deps) {
  const { ctx, log: logAt } = schoolContext(d);
  /** The audit-log entry of a change at a school (not about one round). */
  const log = (
    tx: Repos,
    staff: StaffSession,
    school: SchoolRow,
    kind: LogKind,
    detail: LogDetail = {},
  ) => logAt(tx, staff, school, null, kind, detail);

  /** The school's award picture: the recommendation, its rounds and the programme year. */
  const awardOf = async (school: SchoolRow) => {
    const a = await schoolAward(ctx(), school);
    const year = (a.roundRows.end ?? a.roundRows.baseline)?.programme_year ?? null;
    return { ...a, year };
  };

  const serveFile = async (urn: string, id: string): Promise<Response> => {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new HttpError(404, 'There is no such file.');
    const f = await d.repo.moderation.evidenceFile(urn, id);
    if (!f) throw new HttpError(404, 'There is no such file.');
    // Never rendered in the portal's origin: a download, not sniffed, and sandboxed should a
    // browser open it anyway.
    return new Response(new Uint8Array(f.file), {
      status: 200,
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': attachment(f.file_name),
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'X-Content-Type-Options': 'nosniff',
        'Cross-Origin-Resource-Policy': 'same-origin',
        Digest: `sha-256=${Buffer.from(f.file_sha256, 'hex').toString('base64')}`,
      },
    });
  };

  return { ctx, log, awardOf, serveFile };
}

/** The actions of the plan the award reads (the end round's plan, else the baseline's). */
export async function planActions(
  repo: Repos,
  urn: string,
  a: { rounds: { baseline: string | null; end: string | null } },
): Promise<{ id: string; title: string }[]> {
  const doc =
    (a.rounds.end ? await repo.documents.plans.get(urn, a.rounds.end) : undefined) ??
    (a.rounds.baseline ? await repo.documents.plans.get(urn, a.rounds.baseline) : undefined);
  const actions = (
    doc as { actions?: { id?: unknown; title?: unknown; description?: unknown }[] } | undefined
  )?.actions;
  return (actions ?? [])
    .filter((x) => typeof x.id === 'string')
    .map((x) => ({
      id: x.id as string,
      title: String(x.title ?? x.description ?? x.id),
    }));
}
