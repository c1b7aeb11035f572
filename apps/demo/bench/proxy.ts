/**
 * A small reverse proxy for the benchmarks, standing in for nginx or a load balancer: round robin
 * over the servers, no sticky sessions, `X-Forwarded-For` appended (the server trusts one proxy:
 * TRUST_PROXY=1), and a server that refuses connections is taken out for two seconds. Like nginx's
 * default it retries a request on another server only when the first never received it (connection
 * refused); a request cut off mid-way is answered 502 and the client retries it (pupil submissions
 * are idempotent, S13).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Proxy {
  url: string;
  /** Requests answered 502 because their server went away mid-request. */
  cutOff: number;
  /** Requests sent again to another server because theirs refused the connection. */
  rerouted: number;
  close(): Promise<void>;
}

export async function startProxy(ports: number[]): Promise<Proxy> {
  const upstreams = ports.map((port) => ({
    port,
    downUntil: 0,
    agent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  }));
  let next = 0;
  const stats = { cutOff: 0, rerouted: 0 };
  const pick = () => {
    const now = Date.now();
    for (let i = 0; i < upstreams.length; i++) {
      const u = upstreams[next++ % upstreams.length]!;
      if (u.downUntil <= now) return u;
    }
    return upstreams[next++ % upstreams.length]!;
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
        .filter(Boolean)
        .join(', ');
      const send = (tries: number) => {
        const up = pick();
        const out = http.request(
          {
            host: '127.0.0.1',
            port: up.port,
            method: req.method,
            path: req.url,
            agent: up.agent,
            headers: { ...req.headers, 'x-forwarded-for': forwarded },
          },
          (upstream) => {
            res.writeHead(upstream.statusCode ?? 502, upstream.headers);
            upstream.pipe(res);
            upstream.on('error', () => res.destroy());
          },
        );
        out.on('error', (e: NodeJS.ErrnoException) => {
          up.downUntil = Date.now() + 2000;
          if (e.code === 'ECONNREFUSED' && tries < upstreams.length) {
            stats.rerouted++;
            send(tries + 1);
            return;
          }
          stats.cutOff++;
          if (!res.headersSent) {
            res.writeHead(502, { 'content-type': 'application/json' });
            res.end('{"error":"The server went away. Please try again."}');
          } else res.destroy();
        });
        out.end(body);
      };
      send(1);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get cutOff() {
      return stats.cutOff;
    },
    get rerouted() {
      return stats.rerouted;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const u of upstreams) u.agent.destroy();
    },
  };
}
