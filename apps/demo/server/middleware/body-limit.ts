/** Bodies of at most 64 KiB on the API (S4): 413 before anything is parsed. */
import { bodyLimit } from 'hono/body-limit';

export const MAX_BODY = 64 * 1024;

export const apiBodyLimit = () =>
  bodyLimit({
    maxSize: MAX_BODY,
    onError: (c) => c.json({ error: 'The request is too large (at most 64 KiB).' }, 413),
  });
