/**
 * Database errors classified by their SQLSTATE, never by their text (docs/decisions/0043). What a
 * caller is told follows from the class:
 *
 * | fault       | answer                   | examples                                                 |
 * | ----------- | ------------------------ | -------------------------------------------------------- |
 * | `transient` | 503 with `Retry-After`   | 08xxx connection, 57P01 shutdown, 40001/40P01, 53300     |
 * | `input`     | 400                      | 22xxx data exception (a value the database cannot take)  |
 * | `conflict`  | 409                      | 23xxx integrity constraint                               |
 * | `storage`   | 500, and submissions stop | XX001/XX002 corruption, 58xxx files, 53100 disk full     |
 * | `permanent` | 500                      | anything else: 42xxx, XX000, a bug                       |
 *
 * Only a transient fault says "try again": retrying a permanent one only repeats it.
 */

export type Fault = 'transient' | 'input' | 'conflict' | 'storage' | 'permanent';

const TRANSIENT = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '55006', // object_in_use
  '57014', // query_canceled (a statement timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '53000', // insufficient_resources
  '53200', // out_of_memory
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
]);

const STORAGE = new Set([
  'XX001', // data_corrupted
  'XX002', // index_corrupted
  '53100', // disk_full
]);

/** The SQLSTATE of an error, if it has one. */
export function sqlstate(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function classify(err: unknown): { fault: Fault; code?: string } {
  const code = sqlstate(err);
  if (!code) return { fault: 'permanent' };
  const klass = code.slice(0, 2);
  if (TRANSIENT.has(code)) return { fault: 'transient', code };
  // 08P01 is a protocol violation: PGlite raises it for a NUL byte in a text value.
  if (klass === '08') return { fault: code === '08P01' ? 'input' : 'transient', code };
  if (STORAGE.has(code) || klass === '58') return { fault: 'storage', code };
  if (klass === '22') return { fault: 'input', code };
  if (klass === '23') return { fault: 'conflict', code };
  return { fault: 'permanent', code };
}

/**
 * A storage fault seen by this server: until a full read of every table passes again, it stores no
 * new answers (the pupil's device keeps them and retries) and its health check says so. Each server
 * keeps its own latch: the database that would share it is the thing that is damaged.
 */
export class FaultLatch {
  private seen: { code: string; at: number } | undefined;
  trip(code: string, at: number): void {
    this.seen ??= { code, at };
  }
  clear(): void {
    this.seen = undefined;
  }
  get tripped(): { code: string; at: number } | undefined {
    return this.seen;
  }
}
