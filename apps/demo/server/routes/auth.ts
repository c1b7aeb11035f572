/**
 * Staff sign-in and sessions (S7, S8), who is signed in, and the health check. Signing in counts
 * the attempt (per address and per account, limits.ts) before the slow password hash, which runs in
 * a bounded pool: when the pool is full the attempt is refused at once with 503 and Retry-After.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { STAFF_ABSOLUTE_MS, type Deps, type Env } from '../context.js';
import { SYSTEM } from '../db.js';
import { TooManyAttempts, admitLogin } from '../limits.js';
import type { Guards } from '../middleware/guard.js';
import { HttpError } from '../middleware/errors.js';
import { ROLES, schoolsFor } from '../domain/scope.js';
import { health } from '../ops/health.js';
import { HashingBusy, randomToken, sha256, verifyPassword } from '../security.js';
import { jsonOf } from '../validation.js';

/** A browser's sign-in token lives a year; a browser not seen for a year is forgotten. */
const DEVICE_MAX_AGE = 365 * 86_400;

const tooMany = (retryAfter: number) =>
  new HttpError(429, 'Too many attempts. Please wait and try again.', {
    headers: { 'Retry-After': String(retryAfter) },
  });

const Login = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email('Enter an e-mail address, like name@school.org.')
    .max(200),
  password: z.string().min(1, 'Enter your password.').max(1000),
});

export const authRoutes = (d: Deps, g: Guards) => {
  const setDeviceCookie = (c: Context, token: string) =>
    setCookie(c, d.cookieName(c, 'at_device'), token, {
      path: '/',
      httpOnly: true,
      secure: d.isSecure(c),
      sameSite: 'Strict',
      maxAge: DEVICE_MAX_AGE,
    });
  return new Hono<Env>()
    .get('/health', g.public, async (c) => {
      const h = await health(d);
      if (h.retryAfter) c.header('Retry-After', String(h.retryAfter));
      return c.json(h.body, h.status);
    })

    .post('/login', g.public, jsonOf(Login), async (c) => {
      const { email, password } = c.req.valid('json');
      const t = d.now();
      // Signing in finds the account by its address: before anyone is known, so in the system scope.
      const signedIn = await d.as(SYSTEM, async () => {
        const device = getCookie(c, d.cookieName(c, 'at_device'));
        const deviceHash = device ? sha256(device) : undefined;
        const known = deviceHash ? await d.repo.devices.known(deviceHash, email) : false;
        let attempt;
        try {
          attempt = await admitLogin(
            d.limits,
            { address: d.clientKey(c), email, knownDevice: known ? deviceHash : undefined },
            t,
          );
        } catch (e) {
          if (e instanceof TooManyAttempts) throw tooMany(e.retryAfter);
          throw e;
        }
        const user = await d.repo.users.byEmail(email);
        let ok: boolean;
        try {
          // An invited account that has not chosen its password verifies against the dummy hash, as
          // an unknown one does: its owner signs in after following the invitation.
          const stored = user?.password_hash.startsWith('scrypt$') ? user.password_hash : undefined;
          ok = await d.passwords.run(() => verifyPassword(password, stored));
        } catch (e) {
          if (!(e instanceof HashingBusy)) throw e;
          await attempt.notTried();
          throw new HttpError(503, 'Signing in is busy. Please try again in a moment.', {
            headers: { 'Retry-After': '2' },
          });
        }
        if (!ok || !user)
          throw new HttpError(401, 'That e-mail address and password do not match.');
        await attempt.succeeded();
        // Rotate: any session the browser had is ended and a new id issued.
        const old = getCookie(c, d.cookieName(c, 'at_staff'));
        if (old) await d.repo.sessions.delete(sha256(old));
        const id = randomToken();
        const csrf = randomToken();
        await d.repo.sessions.createStaff({
          idHash: sha256(id),
          userId: user.id,
          csrf,
          nowMs: t,
          expiresMs: t + STAFF_ABSOLUTE_MS,
        });
        // This browser is now known to this account: its wrong passwords count on their own.
        const token = device ?? randomToken();
        await d.repo.devices.remember(sha256(token), user.id, t);
        return { user, id, csrf, newDevice: device ? undefined : token };
      });
      const { user, id, csrf, newDevice } = signedIn;
      setCookie(c, d.cookieName(c, 'at_staff'), id, {
        path: '/',
        httpOnly: true,
        secure: d.isSecure(c),
        sameSite: 'Lax',
        maxAge: STAFF_ABSOLUTE_MS / 1000,
      });
      if (newDevice) setDeviceCookie(c, newDevice);
      return c.json({
        user: {
          email: user.email,
          name: user.display_name,
          role: user.role,
          school: user.school_urn,
          trust: user.trust_id,
        },
        csrf,
      });
    })

    .post('/logout', g.staff, async (c) => {
      const idHash = c.var.staff.idHash;
      await d.as(SYSTEM, () => d.repo.sessions.delete(idHash));
      deleteCookie(c, d.cookieName(c, 'at_staff'), { path: '/', secure: d.isSecure(c) });
      // Not "cookies": that would also drop the browser's sign-in token, and with it the
      // protection that keeps an outsider's guesses from locking this account's owner out.
      c.header('Clear-Site-Data', '"cache", "storage"');
      return c.json({ ok: true });
    })

    .get('/me', g.staff, async (c) => {
      const s = c.var.staff;
      const school = s.schoolUrn ? await d.repo.schools.get(s.schoolUrn) : undefined;
      // The schools of an area role, from the one scope function (a lead's is their school).
      const scope = schoolsFor(s, 'read');
      const area = scope && scope.kind !== 'school' ? scope : null;
      const schools = area
        ? (await d.repo.tenancy.schools(area)).map((x) => ({ urn: x.urn, name: x.name }))
        : [];
      return c.json({
        user: {
          email: s.email,
          name: s.name,
          role: s.role,
          school: s.schoolUrn,
          trust: s.trustId,
          la: s.laCode,
        },
        /** The LA or trust an area role works for, with its name and what the role may do. */
        organisation: area
          ? {
              kind: area.kind,
              name: (await d.repo.tenancy.name(area)) ?? '',
              access: ROLES[s.role].access,
            }
          : null,
        school: school ? { urn: school.urn, name: school.name, phase: school.phase } : null,
        schools,
        csrf: s.csrf,
      });
    });
};
