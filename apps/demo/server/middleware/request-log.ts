/** The request log (S11): method, path, status and time; never bodies, query strings or addresses. */
import type { MiddlewareHandler } from 'hono';

export const requestLog =
  (log: (line: string) => void): MiddlewareHandler =>
  async (c, next) => {
    const start = performance.now();
    await next();
    log(
      `${c.req.method} ${new URL(c.req.url).pathname} ${c.res.status} ${(performance.now() - start).toFixed(1)}ms`,
    );
  };
