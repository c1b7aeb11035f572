/** Security headers on every answer (S10, W3): a strict CSP with Trusted Types, and no caching. */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

/**
 * The policy: scripts from this origin only, plus any inline script a page names by its hash
 * (`'sha256-…'`; the pupil's page has one, server/app.ts), never `unsafe-inline`.
 */
export const contentSecurityPolicy = (frameAncestors: string, scriptHashes: string[] = []) =>
  [
    "default-src 'none'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');

/** The CSP source (`'sha256-…'`) of each inline `<script>` in a page, to allow exactly those. */
export const inlineScriptHashes = (html: string): string[] =>
  [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`,
  );

export const securityHeaders =
  (o: {
    frameAncestors?: string | undefined;
    isSecure: (c: Context) => boolean;
  }): MiddlewareHandler =>
  async (c, next) => {
    await next();
    // A route may set a stricter policy of its own (an evidence download adds `sandbox`).
    if (!c.res.headers.has('Content-Security-Policy'))
      c.header('Content-Security-Policy', contentSecurityPolicy(o.frameAncestors ?? "'none'"));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (o.frameAncestors === undefined) c.header('X-Frame-Options', 'DENY');
    if (o.isSecure(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (!new URL(c.req.url).pathname.startsWith('/assets/')) c.header('Cache-Control', 'no-store');
  };
