/**
 * Structured logs (reliability.md S11; docs/decisions/0043). One JSON object per line: errors always
 * (even with request logs off), events such as retention runs, and what an error was, never what was
 * in it: an error's name, its SQLSTATE and the database's own identifiers (table, column, constraint,
 * routine), the route's pattern (never the path with its values) and a few stack frames. Never its
 * message, which can carry what a pupil wrote (a database's "invalid input syntax" quotes the input).
 */

/** An error log entry. */
export interface ErrorEntry extends Record<string, unknown> {
  time: string;
  level: 'error';
  event: string;
}

/** An informational event (maintenance runs, start-up). */
export interface EventEntry extends Record<string, unknown> {
  time: string;
  level: 'info' | 'warn';
  event: string;
}

export type ErrorLog = (entry: ErrorEntry) => void;
export type EventLog = (entry: EventEntry) => void;

/** What an error was, with nothing that was in it. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { name: typeof err };
  const e = err as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { name: e.name || 'Error' };
  for (const key of ['code', 'table', 'column', 'constraint', 'routine', 'reason'] as const) {
    const v = e[key];
    // Identifiers only: short, no spaces (a message would have them).
    if (typeof v === 'string' && /^[\w.$-]{1,63}$/.test(v)) out[key] = v;
  }
  const frames = (e.stack ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('at '))
    .slice(0, 6);
  if (frames.length) out.frames = frames;
  return out;
}

/** A JSON line writer (stderr by default). */
export function jsonLines(write: (line: string) => void = (l) => process.stderr.write(l + '\n')) {
  return (entry: Record<string, unknown>) => write(JSON.stringify(entry));
}

/**
 * The loggers a server starts with, from its environment: `LOG_REQUESTS=0` silences the request
 * log only; errors and events are always written.
 */
export function loggers(
  env: NodeJS.ProcessEnv,
  out: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  err: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): { log: (line: string) => void; logError: ErrorLog; logEvent: EventLog } {
  return {
    log: env.LOG_REQUESTS === '0' ? () => {} : out,
    logError: jsonLines(err),
    logEvent: jsonLines(out),
  };
}

export const now = () => new Date().toISOString();
