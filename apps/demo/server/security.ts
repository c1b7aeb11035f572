/**
 * Passwords (and the bounded pool that hashes them), random ids, class codes and the client's
 * address (reliability.md S6, S7, S8).
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

/**
 * A dummy hash per cost, verified against when the account does not exist, so timing tells
 * nothing (the cost follows `SCRYPT_LOG_N`, as real hashes do).
 */
const dummies = new Map<number, Promise<string>>();

export async function verifyPassword(
  password: string,
  stored: string | undefined,
): Promise<boolean> {
  const cost = scryptParams().logN;
  if (!stored && !dummies.has(cost)) dummies.set(cost, hashPassword('not-a-real-password'));
  const encoded = stored ?? (await dummies.get(cost)!);
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

// ─────────────────────────────────────── password hashing ───────────────────────────────────────

/** The hashing pool is full: the caller answers 503 with Retry-After at once. */
export class HashingBusy extends Error {
  constructor() {
    super('Password hashing is busy.');
    this.name = 'HashingBusy';
  }
}

/**
 * A bounded pool for password hashing. scrypt runs on libuv's small thread pool (4 threads), the
 * same pool that syncs PGlite's files before a pupil's answer is acknowledged: unbounded, a flood of
 * bogus logins queues ahead of every pupil (issue 23, finding 2). At most `concurrency` hashes run at
 * once and at most `queue` wait; any more are refused at once, before any work is done.
 */
export class PasswordGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most hashes seen running at once (tests and benchmarks read it). */
  peak = 0;

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new HashingBusy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.active++;
    this.peak = Math.max(this.peak, this.active);
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter; otherwise it is freed.
      if (next) next();
      else this.active--;
    }
  }
}

/**
 * The default bound: half the cores (at least one) hash at once, so the other half and the rest of
 * the thread pool keep serving pupils; eight may wait for each.
 */
export function defaultHashing(cores: number): { concurrency: number; queue: number } {
  const concurrency = Math.max(1, Math.floor(cores / 2));
  return { concurrency, queue: 8 * concurrency };
}

// ─────────────────────────────────────── client address ───────────────────────────────────────

/**
 * The client's address behind `hops` proxies the portal's operator runs: the entry that many places
 * from the right of `X-Forwarded-For` (each proxy appends the address it saw), never the left, which
 * the client writes itself. Without proxies, or when the header is short, the socket's address.
 */
export function clientAddress(
  forwardedFor: string | undefined,
  hops: number,
  socket: string,
): string {
  if (hops > 0 && forwardedFor) {
    const list = forwardedFor
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (list.length >= hops) return list[list.length - hops]!;
  }
  return socket;
}
