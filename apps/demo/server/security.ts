/**
 * Passwords, random ids, class codes and throttles (reliability.md S6, S7, S8).
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// ───────────────────────────────────────── passwords ─────────────────────────────────────────

/** scrypt N = 2^17, r = 8, p = 1 (S7); tests may lower N through `SCRYPT_LOG_N`, the hash keeps it. */
export function scryptParams(): { logN: number; r: number; p: number } {
  const logN = Number(process.env.SCRYPT_LOG_N ?? 17);
  return { logN: Number.isInteger(logN) && logN >= 10 && logN <= 20 ? logN : 17, r: 8, p: 1 };
}

function scryptAsync(
  password: string,
  salt: Buffer,
  keylen: number,
  o: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, o, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

const options = (logN: number, r: number, p: number): ScryptOptions => ({
  N: 2 ** logN,
  r,
  p,
  maxmem: 256 * 1024 * 1024,
});

/** `scrypt$logN$r$p$salt$hash`, with a random 16-byte salt per user. */
export async function hashPassword(password: string): Promise<string> {
  const { logN, r, p } = scryptParams();
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, options(logN, r, p));
  return ['scrypt', logN, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A dummy hash, verified against when the account does not exist, so timing tells nothing. */
let dummy: Promise<string> | undefined;

export async function verifyPassword(
  password: string,
  stored: string | undefined,
): Promise<boolean> {
  const encoded = stored ?? (await (dummy ??= hashPassword('not-a-real-password')));
  const [scheme, logN, r, p, salt, hash] = encoded.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(
    password,
    Buffer.from(salt, 'base64url'),
    expected.length,
    options(Number(logN), Number(r), Number(p)),
  );
  return timingSafeEqual(key, expected) && stored !== undefined;
}

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'iloveyou',
  'letmein1',
  'football',
  'welcome1',
  'sunshine',
  'princess',
  'baseball',
  'trustno1',
  'passw0rd',
  'superman',
  'qwerty123',
  'abc12345',
  'changeme',
]);

/** S7: at least 8 characters, at most 1,000, not a common password; no composition rules. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 8) return 'Use at least 8 characters.';
  if (password.length > 1000) return 'Use at most 1,000 characters.';
  if (COMMON.has(password.toLowerCase())) return 'That password is too common; choose another.';
  return undefined;
}

// ─────────────────────────────────────────── ids ───────────────────────────────────────────

/** A 256-bit random token, base64url. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

// ──────────────────────────────────────── class codes ────────────────────────────────────────

/** No 0/O, 1/I/L, 5/S or 8/B: easy to read aloud and type (S6, A6). 26^8 ≈ 2^37.6. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY234679';

export function newClassCode(): string {
  let out = '';
  while (out.length < 8) {
    for (const b of randomBytes(16)) {
      // Rejection sampling: no bias towards the first letters.
      if (out.length < 8 && b < 256 - (256 % CODE_ALPHABET.length))
        out += CODE_ALPHABET[b % CODE_ALPHABET.length];
    }
  }
  return out;
}

/** A6: accepts any case, spaces and dashes. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[\s-]+/g, '');

/** How codes are shown: two groups of four. */
export const formatCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

// ───────────────────────────────────────── throttles ─────────────────────────────────────────

/**
 * Counts failures in a sliding window per key, and says how long to wait once over the limit
 * (with a backoff that doubles while failures go on). In memory: one server; docs/scaling say how
 * to move it to the database or Redis for several replicas.
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait, or 0 when the key may try again. */
  retryAfter(key: string): number {
    const times = this.recent(key);
    if (times.length < this.limit) return 0;
    // Wait until enough failures have left the window to be under the limit again.
    const until = times[times.length - this.limit]! + this.windowMs;
    return Math.max(1, Math.ceil((until - this.now()) / 1000));
  }

  fail(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    this.failures.set(key, times);
    if (this.failures.size > 100_000) this.prune();
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > cutoff);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
  }
}
