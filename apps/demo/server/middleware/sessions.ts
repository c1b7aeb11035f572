/**
 * Sessions (S8): a staff session from the staff cookie (idle and absolute timeouts, touched at most
 * once a minute), a pupil session from the pupil cookie (through a short cache on one server, from
 * the database on several). Sessions are found by the hash of a secret only the browser holds, so
 * the lookups run in the system scope; what the request may then see is its guard's to say.
 */
import { getCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import { STAFF_IDLE_MS, type Deps, type Env, type PupilSession } from '../context.js';
import { SYSTEM, withScope } from '../db.js';
import type { PupilSessionRow } from '../repo/sessions.js';
import { sha256 } from '../security.js';

export const pupilFromRow = (idHash: string, row: PupilSessionRow): PupilSession => ({
  kind: 'pupil',
  idHash,
  csrf: row.csrf_token,
  schoolUrn: row.school_urn,
  roundId: row.round_id,
  codeHash: row.code_hash,
  definitionId: row.definition_id,
  definitionVersion: row.definition_version,
  submitted: row.submitted,
  tokenHash: row.token_hash,
  characteristics: row.characteristics,
});

export const sessions =
  (d: Deps): MiddlewareHandler<Env> =>
  async (c, next) => {
    await withScope(SYSTEM, () => find(d, c));
    await next();
  };

async function find(d: Deps, c: Parameters<MiddlewareHandler<Env>>[0]): Promise<void> {
  const staffId = getCookie(c, d.cookieName(c, 'at_staff'));
  if (staffId) {
    const idHash = sha256(staffId);
    const row = await d.repo.sessions.staff(idHash);
    const t = d.now();
    if (row && row.expires_ms > t && t - row.last_seen_ms < STAFF_IDLE_MS) {
      c.set('staff', {
        kind: 'staff',
        idHash,
        csrf: row.csrf_token,
        userId: row.user_id,
        role: row.role,
        trustId: row.trust_id,
        laCode: row.la_code,
        schoolUrn: row.school_urn,
        email: row.email,
        name: row.display_name,
      });
      if (t - row.last_seen_ms > 60_000) await d.repo.sessions.touch(idHash, t);
    } else if (row) {
      await d.repo.sessions.delete(idHash);
    }
  }
  const pupilId = getCookie(c, d.cookieName(c, 'at_pupil'));
  if (pupilId) {
    const idHash = sha256(pupilId);
    const cached = d.pupilCache.get(idHash);
    if (cached) {
      if (cached.value) c.set('pupil', cached.value);
    } else {
      const row = await d.repo.sessions.pupil(idHash, d.now());
      const value = row ? pupilFromRow(idHash, row) : null;
      if (value) c.set('pupil', value);
      d.pupilCache.set(idHash, value);
    }
  }
}
