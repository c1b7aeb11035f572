/**
 * CSRF (S9): state changes only by POST/PUT/DELETE, from the same origin, as JSON (handlers refuse
 * other bodies with 415), and from staff with the session's synchroniser token.
 */
import type { MiddlewareHandler } from 'hono';
import type { Env } from '../context.js';
import { sha256 } from '../security.js';
import { HttpError } from './errors.js';

export const csrf =
  (o: { publicOrigin?: string | undefined }): MiddlewareHandler<Env> =>
  async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none')
      throw new HttpError(403, 'Requests from other sites are refused.');
    const origin = c.req.header('origin');
    const expected = o.publicOrigin ?? new URL(c.req.url).origin;
    if (origin && origin !== expected)
      throw new HttpError(403, 'Requests from other sites are refused.');
    const staff = c.get('staff');
    const token = c.req.header('x-csrf-token');
    const path = new URL(c.req.url).pathname;
    // Staff requests carry the synchroniser token. Pupil requests are made by <at-questionnaire>,
    // which sends JSON only: JSON cannot cross sites without a CORS preflight this server never
    // grants, the pupil cookie is SameSite=Strict, and the Origin is checked above.
    // The 360° survey routes use no session at all (an adult's answers are tied to nothing), so a
    // staff cookie in the same browser gives them no power a token would need to guard.
    if (
      staff &&
      !path.startsWith('/api/pupil/') &&
      !path.startsWith('/api/perception/') &&
      path !== '/api/login'
    ) {
      if (!token || token.length !== staff.csrf.length || sha256(token) !== sha256(staff.csrf))
        throw new HttpError(403, 'The form has expired. Reload the page and try again.');
    }
    return next();
  };
