/**
 * Throttles and rate limits (reliability.md S6, S7; docs/decisions/0044), in one place. Every
 * attempt is counted before the work it asks for (a slow password hash), atomically, so attempts
 * sent at the same moment, to any server, are each counted and never all let through.
 *
 * - **Class codes:** wrong codes per address, 10 a minute (`codeFailuresPerMinute`); right codes are
 *   never counted (a school's pupils share one address).
 * - **Sign-in, per address:** 20 attempts in a row, then a growing wait (1 minute, doubling, at
 *   most 15); a successful sign-in gives its attempt back. One address cannot try many accounts.
 * - **Sign-in, per account:** 5 wrong passwords in a row, then a growing wait (2 s, doubling, at
 *   most 15 minutes), counted apart for each browser that has signed in to the account before: an
 *   outsider's guesses slow down new browsers only, never the owner's own. A trust administrator
 *   (or `cli.ts unlock`) clears an account's counters.
 */
import type { LimitRule, LimitStore } from './state.js';
import { sha256 } from './security.js';

const MINUTE = 60_000;

export const codeRule = (perMinute: number): LimitRule => ({
  limit: perMinute,
  windowMs: MINUTE,
  baseMs: MINUTE,
  maxMs: MINUTE,
});
export const LOGIN_ADDRESS: LimitRule = {
  limit: 20,
  windowMs: 15 * MINUTE,
  baseMs: MINUTE,
  maxMs: 15 * MINUTE,
};
export const LOGIN_ACCOUNT: LimitRule = {
  limit: 5,
  windowMs: 15 * MINUTE,
  baseMs: 2_000,
  maxMs: 15 * MINUTE,
};

/** `address` is already a hash (Deps.clientKey); e-mail addresses are hashed here. */
export const codeKey = (address: string) => `code:${address}`;
/**
 * Counts one wrong code (a class, perception or training-session code) against `key` and says
 * whether the caller may still try: the one rule every code route shares (S6).
 */
export const countWrongCode = (
  d: { limits: LimitStore; options: { codeFailuresPerMinute?: number }; now: () => number },
  key: string,
) => d.limits.attempt(key, codeRule(d.options.codeFailuresPerMinute ?? 10), d.now());

export const addressKey = (address: string) => `login:address:${address}`;
export const accountKey = (email: string) => `login:account:${sha256(email.toLowerCase())}`;
const deviceKey = (email: string, device: string) => `${accountKey(email)}:device:${device}`;

/** Too many attempts: wait `retryAfter` seconds. */
export class TooManyAttempts extends Error {
  constructor(readonly retryAfter: number) {
    super('Too many attempts.');
    this.name = 'TooManyAttempts';
  }
}

/**
 * Counts a sign-in attempt for its address and its account (or the account on this known browser),
 * before the password is checked. Throws `TooManyAttempts`; otherwise returns what to do once the
 * outcome is known.
 */
export async function admitLogin(
  limits: LimitStore,
  who: { address: string; email: string; knownDevice?: string | undefined },
  now: number,
): Promise<{ succeeded(): Promise<void>; notTried(): Promise<void> }> {
  const byAddress = addressKey(who.address);
  const byAccount = who.knownDevice ? deviceKey(who.email, who.knownDevice) : accountKey(who.email);
  const a = await limits.attempt(byAddress, LOGIN_ADDRESS, now);
  if (!a.allowed) throw new TooManyAttempts(a.retryAfter);
  const b = await limits.attempt(byAccount, LOGIN_ACCOUNT, now);
  if (!b.allowed) {
    // Refused without trying a password: not an attempt the address made.
    await limits.undo(byAddress);
    throw new TooManyAttempts(b.retryAfter);
  }
  return {
    async succeeded() {
      await limits.undo(byAddress);
      // This key only: a success on a new browser does not forget a known browser's count.
      await limits.forget(byAccount);
    },
    async notTried() {
      await limits.undo(byAddress);
      await limits.undo(byAccount);
    },
  };
}

/** Clears every sign-in counter of an account (every browser's); returns how many. */
export const unlockAccount = (limits: LimitStore, email: string): Promise<number> =>
  limits.clear(accountKey(email));
