/**
 * Bodies of at most 64 KiB on the API (S4): 413 before anything is parsed. The one exception is
 * adding an item to the evidence portfolio, whose body may carry a file of up to 5 MiB as base64
 * (routes/moderation.ts); it has its own cap.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { EVIDENCE_UPLOAD_BODY, EVIDENCE_UPLOAD_PATH } from '../domain/evidence.js';

export const MAX_BODY = 64 * 1024;

export const apiBodyLimit = (): MiddlewareHandler => {
  const api = bodyLimit({
    maxSize: MAX_BODY,
    onError: (c) => c.json({ error: 'The request is too large (at most 64 KiB).' }, 413),
  });
  const upload = bodyLimit({
    maxSize: EVIDENCE_UPLOAD_BODY,
    onError: (c) =>
      c.json({ error: 'The file is too large: the largest file accepted is 5 MB.' }, 413),
  });
  return (c, next) =>
    c.req.method === 'POST' && EVIDENCE_UPLOAD_PATH.test(c.req.path)
      ? upload(c, next)
      : api(c, next);
};
