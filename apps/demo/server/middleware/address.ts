/**
 * The address itself is input (S4): a path or query value with a control character (`%00` and the
 * like) or broken percent-encoding is refused with 400 before any route reads it, so no such value
 * ever reaches the database (PostgreSQL cannot store a NUL: it would answer with an error).
 */
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './errors.js';

/** A C0 control character or DEL (checked by code point: a regex of them trips no-control-regex). */
const hasControl = (v: string) => {
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
};

export const plainAddress = (): MiddlewareHandler => async (c, next) => {
  const url = new URL(c.req.url);
  let values: string[];
  try {
    values = [
      ...url.pathname.split('/').map((segment) => decodeURIComponent(segment)),
      ...[...url.searchParams].flat(),
    ];
  } catch {
    throw new HttpError(400, 'The address is not valid.');
  }
  if (values.some(hasControl))
    throw new HttpError(400, 'The address contains characters that are not allowed.');
  await next();
};
