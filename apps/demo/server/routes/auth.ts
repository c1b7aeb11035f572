/** Staff sign-in and sessions (S7, S8), who is signed in, and the health check. */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { STAFF_ABSOLUTE_MS, type Deps, type Env } from '../context.js';
import type { Guards } from '../middleware/guard.js';
import { HttpError } from '../middleware/errors.js';
import { ping } from '../repo/index.js';
import { randomToken, sha256, verifyPassword } from '../security.js';
import { jsonOf } from '../validation.js';

const Login = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email('Enter an e-mail address, like name@school.org.')
    .max(200),
  password: z.string().min(1, 'Enter your password.').max(1000),
});

export const authRoutes = (d: Deps, g: Guards) =>
  new Hono<Env>()
    .get('/health', g.public, async (c) => {
      await ping(d.db);
      return c.json({ ok: true, database: d.db.kind });
    })

    .post('/login', g.public, jsonOf(Login), async (c) => {
      const { email, password } = c.req.valid('json');
      const wait = d.loginThrottle.retryAfter(email);
      if (wait > 0)
        throw new HttpError(429, 'Too many attempts. Please wait and try again.', {
          headers: { 'Retry-After': String(wait) },
        });
      const user = await d.repo.users.byEmail(email);
      const ok = await verifyPassword(password, user?.password_hash);
      if (!ok || !user) {
        d.loginThrottle.fail(email);
        throw new HttpError(401, 'That e-mail address and password do not match.');
      }
      d.loginThrottle.reset(email);
      // Rotate: any session the browser had is ended and a new id issued.
      const old = getCookie(c, d.cookieName(c, 'at_staff'));
      if (old) await d.repo.sessions.delete(sha256(old));
      const id = randomToken();
      const csrf = randomToken();
      const t = d.now();
      await d.repo.sessions.createStaff({
        idHash: sha256(id),
        userId: user.id,
        csrf,
        nowMs: t,
        expiresMs: t + STAFF_ABSOLUTE_MS,
      });
      setCookie(c, d.cookieName(c, 'at_staff'), id, {
        path: '/',
        httpOnly: true,
        secure: d.isSecure(c),
        sameSite: 'Lax',
        maxAge: STAFF_ABSOLUTE_MS / 1000,
      });
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
      await d.repo.sessions.delete(c.var.staff.idHash);
      deleteCookie(c, d.cookieName(c, 'at_staff'), { path: '/', secure: d.isSecure(c) });
      c.header('Clear-Site-Data', '"cache", "cookies", "storage"');
      return c.json({ ok: true });
    })

    .get('/me', g.staff, async (c) => {
      const s = c.var.staff;
      const school = s.schoolUrn ? await d.repo.schools.get(s.schoolUrn) : undefined;
      const schools =
        s.role === 'trust-admin'
          ? (await d.repo.schools.ofTrust(s.trustId)).map((x) => ({ urn: x.urn, name: x.name }))
          : [];
      return c.json({
        user: { email: s.email, name: s.name, role: s.role, school: s.schoolUrn, trust: s.trustId },
        school: school ? { urn: school.urn, name: school.name, phase: school.phase } : null,
        schools,
        csrf: s.csrf,
      });
    });
