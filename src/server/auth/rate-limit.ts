// Sign-in throttling: slowing password guessing without letting anyone lock
// an account they know the address of. Only failed attempts count, in
// windows of fifteen minutes, and the rule lives here alone:
//   - per account and address together: five failures, and that address may
//     not try that account again until the window passes (429);
//   - per address: thirty failures on any accounts, and that address may not
//     try any (429);
//   - per account from anywhere: past twenty failures the account is slowed,
//     never locked: each further attempt waits (a second more for each
//     failure past the limit, ten at most) before its password is checked,
//     so that the right password from another address still signs in.
// An account's owner is told: the failures are in the audit trail under
// their account, and their account page says how many came since they last
// signed in. Counts are kept in this process (`FailureCounts`): moving them
// into the store, for several servers, changes that class alone.
import type { Request } from 'express';

const WINDOW_MS = 15 * 60 * 1000;

export interface SignInLimits {
  /** Failures on one account from one address before that address may not try it again. */
  readonly perAccountAndAddress: number;
  /** Failures from one address, on any accounts, before it may not try any. */
  readonly perAddress: number;
  /** Failures on one account from anywhere before each attempt on it is slowed. */
  readonly accountSlowedAfter: number;
  /** The wait added for each failure past `accountSlowedAfter`, and the most it grows to. */
  readonly slowingMs: number;
  readonly mostSlowingMs: number;
}

export const SIGN_IN_LIMITS: SignInLimits = Object.freeze({
  perAccountAndAddress: 5, perAddress: 30, accountSlowedAfter: 20, slowingMs: 1000, mostSlowingMs: 10_000,
});

export type SignInVerdict =
  | { readonly kind: 'refused'; readonly reason: string; readonly retryAfterSeconds: number }
  | { readonly kind: 'allowed'; /** How long to wait before checking the password: the account is under attack. */ readonly waitMs: number };

/** Failures per key within a window; the oldest windows are dropped once there are many keys. */
class FailureCounts {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly limit = 100_000) {}

  count(key: string, now: number): number {
    const window = this.windows.get(key);
    if (window && window.endsAt <= now) this.windows.delete(key);
    return window && window.endsAt > now ? window.count : 0;
  }

  endsAt(key: string, now: number): number {
    return this.windows.get(key)?.endsAt ?? now;
  }

  add(key: string, now: number): number {
    const window = this.windows.get(key);
    if (window && window.endsAt > now) return ++window.count;
    this.windows.delete(key);
    this.windows.set(key, { count: 1, endsAt: now + WINDOW_MS });
    if (this.windows.size > this.limit) this.windows.delete(this.windows.keys().next().value!);
    return 1;
  }

  clear(key: string): void {
    this.windows.delete(key);
  }
}

export class SignInThrottle {
  private readonly failures = new FailureCounts();

  constructor(private readonly limits: SignInLimits = SIGN_IN_LIMITS) {}

  /** Whether an attempt from `address` on `account` may go ahead, and after how long a wait. */
  check(address: string, account: string, now: number): SignInVerdict {
    if (this.failures.count(addressKey(address), now) >= this.limits.perAddress) {
      return this.refuse('from this address', addressKey(address), now);
    }
    if (this.failures.count(pairKey(address, account), now) >= this.limits.perAccountAndAddress) {
      return this.refuse('for this account from this address', pairKey(address, account), now);
    }
    const past = this.failures.count(accountKey(account), now) - this.limits.accountSlowedAfter;
    return { kind: 'allowed', waitMs: past < 0 ? 0 : Math.min(this.limits.mostSlowingMs, (past + 1) * this.limits.slowingMs) };
  }

  /** Counts a failure; says whether the account has just become slowed, which its owner is told of. */
  failed(address: string, account: string, now: number): { readonly accountSlowed: boolean } {
    this.failures.add(addressKey(address), now);
    this.failures.add(pairKey(address, account), now);
    return { accountSlowed: this.failures.add(accountKey(account), now) === this.limits.accountSlowedAfter + 1 };
  }

  /** A right password from an address clears that address's failures on the account. */
  succeeded(address: string, account: string): void {
    this.failures.clear(pairKey(address, account));
  }

  private refuse(what: string, key: string, now: number): SignInVerdict {
    const seconds = Math.max(1, Math.ceil((this.failures.endsAt(key, now) - now) / 1000));
    return { kind: 'refused', reason: `too many failed sign-ins ${what}: try again in ${Math.ceil(seconds / 60)} minutes`, retryAfterSeconds: seconds };
  }
}

const addressKey = (address: string) => `address:${address}`;
const accountKey = (account: string) => `account:${account}`;
const pairKey = (address: string, account: string) => `pair:${account}\n${address}`;

export function emailOf(req: Request): string {
  const body = req.body as Record<string, unknown> | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return email.slice(0, 254);
}
