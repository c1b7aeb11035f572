/**
 * Errors as JSON (S11): an `HttpError` carries its status, a plain message, the problems with their
 * paths, and for pupils a `reason` their page can put into words; anything else is a generic 500
 * (or 503 while the database is away) and the log gets its name only, never a body.
 */
import type { Context, ErrorHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '@all-together/model';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly extra: {
      problems?: Problem[];
      headers?: Record<string, string>;
      /** A stable word for the front end (`closed`, `full`, `sent`, `revoked`, …). */
      reason?: string;
    } = {},
  ) {
    super(message);
  }
}

/** 400 (or 422) with every problem and its path. */
export const invalid = (problems: Problem[], status: 400 | 409 | 422 = 400) =>
  new HttpError(status, 'Some of what was sent is not valid.', { problems });

const UNAVAILABLE =
  /terminat|ECONNREFUSED|ECONNRESET|Connection terminated|closed|not open|shutting down|starting up/i;

export function onError(log: (line: string) => void): ErrorHandler {
  return (err: Error, c: Context) => {
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.extra.headers ?? {})) c.header(k, v);
      const body: {
        error: string;
        reason?: string;
        problems?: { path: string; message: string }[];
      } = { error: err.message };
      if (err.extra.reason) body.reason = err.extra.reason;
      if (err.extra.problems)
        body.problems = err.extra.problems.map((p) => ({ path: p.at, message: p.message }));
      return c.json(body, err.status);
    }
    const unavailable = UNAVAILABLE.test(err?.message ?? '');
    log(
      `error ${c.req.method} ${new URL(c.req.url).pathname}: ${err?.name ?? 'Error'}${unavailable ? ' (database unavailable)' : ''}`,
    );
    if (unavailable) {
      c.header('Retry-After', '1');
      return c.json({ error: 'The service is busy. Please try again in a moment.' }, 503);
    }
    return c.json({ error: 'Something went wrong on our side. Please try again.' }, 500);
  };
}
