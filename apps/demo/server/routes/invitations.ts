/**
 * Accepting an invitation (public): the one-time link from an LA or trust administrator
 * (`/invite#token=…`; the token stays in the fragment, so it is never in a request log) lets its
 * owner see whose account it is and choose a password, once, within 7 days. Found by the token's
 * hash alone, so in the system scope. A used, expired or unknown link gets the same kind answer.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { problem } from '@all-together/model';
import type { Deps, Env } from '../context.js';
import { SYSTEM } from '../db.js';
import { ROLES } from '../domain/scope.js';
import { HttpError, invalid } from '../middleware/errors.js';
import type { Guards } from '../middleware/guard.js';
import { hashPassword, passwordProblem, sha256 } from '../security.js';
import { jsonOf } from '../validation.js';

const Token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This invitation link is not complete.');
const Check = z.strictObject({ token: Token });
const Accept = z.strictObject({
  token: Token,
  password: z.string().max(1000, 'Use at most 1,000 characters.'),
});

const GONE =
  'This invitation link has expired or has been used. Ask your administrator for a new one.';

export const invitationRoutes = (d: Deps, g: Guards) =>
  new Hono<Env>()
    .post('/invitations/check', g.public, jsonOf(Check), async (c) => {
      const { token } = c.req.valid('json');
      const inv = await d.as(SYSTEM, () => d.repo.accounts.invitation(sha256(token), d.now()));
      if (!inv || inv.used || inv.expired) throw new HttpError(410, GONE);
      return c.json({ email: inv.email, name: inv.display_name, role: ROLES[inv.role].label });
    })

    .post('/invitations/accept', g.public, jsonOf(Accept), async (c) => {
      const { token, password } = c.req.valid('json');
      // The link first: an unknown, used or expired link never costs a password hash (the hash is
      // the expensive step, so guessing links must not make the server do it).
      const found = await d.as(SYSTEM, () => d.repo.accounts.invitation(sha256(token), d.now()));
      if (!found || found.used || found.expired) throw new HttpError(410, GONE);
      const weak = passwordProblem(password);
      if (weak) throw invalid([problem(['password'], weak)], 422);
      const hash = await d.passwords.run(() => hashPassword(password));
      const ok = await d.as(SYSTEM, () =>
        d.transaction(async (tx) => {
          if (!(await tx.accounts.accept(sha256(token), hash, d.now()))) return false;
          await tx.log.append({
            actor: { id: found.user_id, role: found.role },
            trustId: found.trust_id,
            laCode: found.la_code,
            schoolUrn: found.school_urn,
            roundId: null,
            kind: 'account.activated',
            detail: {},
          });
          return true;
        }),
      );
      if (!ok) throw new HttpError(410, GONE);
      return c.json({ email: found.email });
    });
