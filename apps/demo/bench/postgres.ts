/**
 * A PostgreSQL for a benchmark: DATABASE_URL when it is set (.ci/run sets it), otherwise a private
 * server from Debian's package in a temporary directory on a free loopback port (as root, like
 * .ci/run), stopped and removed afterwards. Undefined when neither is possible.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const v = versions[versions.length - 1];
  return v ? join(root, v, 'bin') : undefined;
}

export async function withPostgres<T>(
  fn: (url: string, where: string) => Promise<T>,
): Promise<T | undefined> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL, 'DATABASE_URL');
  const bin = postgresBin();
  if (!bin || process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'at-bench-pg-'));
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, uid);
  const port = await freePort();
  const asPostgres = (cmd: string) =>
    execFileSync('su', ['postgres', '-c', cmd], { stdio: ['ignore', 'ignore', 'inherit'] });
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
  try {
    asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres -E UTF8`);
    asPostgres(`${bin}/pg_ctl -D ${dir}/data -o '${options}' -l ${dir}/log -w start`);
    return await fn(
      `postgresql://postgres@127.0.0.1:${port}/postgres`,
      `a private PostgreSQL (${bin})`,
    );
  } finally {
    try {
      asPostgres(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop`);
    } catch {
      /* it did not start */
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
