/**
 * Errors as JSON (S11): an `HttpError` carries its status, a plain message, the problems with their
 * paths, and for pupils a `reason` their page can put into words. Anything else is classified by its
 * SQLSTATE (ops/faults.ts): 503 with `Retry-After` only for a transient fault, 400, 409 or a generic
 * 500 otherwise, and the error log gets a structured entry that never holds a message or a body.
 */
import type { Context, ErrorHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '@all-together/model';
import { classify, type FaultLatch } from '../ops/faults.js';
import { describeError, type ErrorLog } from '../ops/logging.js';

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

const MESSAGES = {
  transient: 'The service is busy. Please try again in a moment.',
  input: 'Some of what was sent is not valid.',
  conflict: 'That conflicts with something already saved. Reload the page and try again.',
  storage: 'Something went wrong on our side. Please try again.',
  permanent: 'Something went wrong on our side. Please try again.',
} as const;
const STATUS = { transient: 503, input: 400, conflict: 409, storage: 500, permanent: 500 } as const;

/** Seconds a client should wait after a transient fault before trying again. */
export const RETRY_AFTER = 2;

export function onError(o: {
  logError: ErrorLog;
  faults: FaultLatch;
  now: () => number;
}): ErrorHandler {
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
    const { fault, code } = classify(err);
    if (fault === 'storage') o.faults.trip(code ?? 'storage', o.now());
    const status = STATUS[fault];
    o.logError({
      time: new Date(o.now()).toISOString(),
      level: 'error',
      event: 'request.failed',
      method: c.req.method,
      // The route's pattern, never the path: a path carries values.
      route: c.req.routePath,
      status,
      fault,
      error: describeError(err),
    });
    if (fault === 'transient') c.header('Retry-After', String(RETRY_AFTER));
    return c.json({ error: MESSAGES[fault] }, status);
  };
}
