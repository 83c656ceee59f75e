// Sign-in rate limiting, by account and by address: failed attempts count,
// successful ones do not. Five failures on one account in fifteen minutes,
// or thirty from one address, and further attempts are refused until the
// window passes (429, with Retry-After), whatever the password. Counts are
// kept in this process; several servers each keep their own.
import type { Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../http-error.ts';

const WINDOW_MS = 15 * 60 * 1000;

export interface SignInLimits {
  readonly perAccount: number;
  readonly perAddress: number;
}

export const SIGN_IN_LIMITS: SignInLimits = Object.freeze({ perAccount: 5, perAddress: 30 });

export function signInLimiters(limits: SignInLimits = SIGN_IN_LIMITS) {
  const refuse = (what: string) => (_req: Request, _res: Response, next: (error: unknown) => void) => {
    next(new HttpError(429, 'too_many_attempts', `too many failed sign-ins ${what}: try again in 15 minutes`));
  };
  return [
    rateLimit({
      windowMs: WINDOW_MS, limit: limits.perAddress, skipSuccessfulRequests: true, standardHeaders: 'draft-8', legacyHeaders: false,
      handler: refuse('from this address'),
    }),
    rateLimit({
      windowMs: WINDOW_MS, limit: limits.perAccount, skipSuccessfulRequests: true, standardHeaders: false, legacyHeaders: false,
      keyGenerator: (req) => `account:${emailOf(req)}`,
      handler: refuse('for this account'),
    }),
  ];
}

export function emailOf(req: Request): string {
  const body = req.body as Record<string, unknown> | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return email.slice(0, 254);
}
