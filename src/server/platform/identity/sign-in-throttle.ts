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
// signed in. Counts are kept in the store (`FailureCounts`), so that every
// server counts the same failures: five on an account are five whichever
// servers took them.
import type { Request } from 'express';
import { addFailures, clearFailures, failureWindows, purgeEndedFailureWindows, type FailureWindow } from '../../../store/sign-in-failures.ts';
import type { Sql } from '../../../store/store.ts';

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
  perAccountAndAddress: 5,
  perAddress: 30,
  accountSlowedAfter: 20,
  slowingMs: 1000,
  mostSlowingMs: 10_000,
});

export type SignInVerdict =
  | { readonly kind: 'refused'; readonly reason: string; readonly retryAfterSeconds: number }
  | { readonly kind: 'allowed'; /** How long to wait before checking the password: the account is under attack. */ readonly waitMs: number };

/**
 * Failures per key within a window, in the store. Ended windows are purged
 * by the first failure counted after a window's length has passed since the
 * last purge: occasionally, on the path that adds them.
 */
class FailureCounts {
  private nextPurge = 0;

  constructor(private readonly sql: Sql) {}

  windows(keys: readonly string[]): Promise<Map<string, FailureWindow>> {
    return failureWindows(this.sql, keys);
  }

  async add(keys: readonly string[]): Promise<Map<string, number>> {
    const counts = await addFailures(this.sql, keys, WINDOW_MS / 1000);
    if (Date.now() >= this.nextPurge) {
      this.nextPurge = Date.now() + WINDOW_MS;
      await purgeEndedFailureWindows(this.sql);
    }
    return counts;
  }

  clear(key: string): Promise<void> {
    return clearFailures(this.sql, key);
  }
}

export class SignInThrottle {
  private readonly failures: FailureCounts;

  constructor(
    sql: Sql,
    private readonly limits: SignInLimits = SIGN_IN_LIMITS,
  ) {
    this.failures = new FailureCounts(sql);
  }

  /** Whether an attempt from `address` on `account` may go ahead, and after how long a wait. */
  async check(address: string, account: string): Promise<SignInVerdict> {
    const windows = await this.failures.windows([addressKey(address), pairKey(address, account), accountKey(account)]);
    const count = (key: string) => windows.get(key)?.failures ?? 0;
    if (count(addressKey(address)) >= this.limits.perAddress) {
      return refuse('from this address', windows.get(addressKey(address))!);
    }
    if (count(pairKey(address, account)) >= this.limits.perAccountAndAddress) {
      return refuse('for this account from this address', windows.get(pairKey(address, account))!);
    }
    const past = count(accountKey(account)) - this.limits.accountSlowedAfter;
    return { kind: 'allowed', waitMs: past < 0 ? 0 : Math.min(this.limits.mostSlowingMs, (past + 1) * this.limits.slowingMs) };
  }

  /** Counts a failure; says whether the account has just become slowed, which its owner is told of. */
  async failed(address: string, account: string): Promise<{ readonly accountSlowed: boolean }> {
    const counts = await this.failures.add([addressKey(address), pairKey(address, account), accountKey(account)]);
    return { accountSlowed: counts.get(accountKey(account)) === this.limits.accountSlowedAfter + 1 };
  }

  /** A right password from an address clears that address's failures on the account. */
  succeeded(address: string, account: string): Promise<void> {
    return this.failures.clear(pairKey(address, account));
  }
}

function refuse(what: string, window: FailureWindow): SignInVerdict {
  const seconds = Math.max(1, Math.ceil(window.secondsLeft));
  return { kind: 'refused', reason: `too many failed sign-ins ${what}: try again in ${Math.ceil(seconds / 60)} minutes`, retryAfterSeconds: seconds };
}

const addressKey = (address: string) => `address:${address}`;
const accountKey = (account: string) => `account:${account}`;
const pairKey = (address: string, account: string) => `pair:${account}\n${address}`;

export function emailOf(req: Request): string {
  const body = req.body as Record<string, unknown> | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return email.slice(0, 254);
}
