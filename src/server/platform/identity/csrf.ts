// CSRF protection for every form and every cookie-authenticated change: an
// unsafe request (POST, PUT, PATCH, DELETE) made with a session cookie must
// carry the session's token, in the form field `_csrf` or the header
// `X-CSRF-Token`. Requests with an API token carry no ambient authority and
// need none; the public has nothing to forge, except a sign-in, which checks
// its pre-session token itself (`requirePresessionToken`).
import type { NextFunction, Request, Response } from 'express';
import { middleware } from '../access/rules.ts';
import { HttpError } from '../http/http-error.ts';
import { localsOf } from '../http/locals.ts';
import { presessionOf } from './identify.ts';
import { sameSecret } from './secrets.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfGuard = middleware('refuses cookie-authenticated changes without the CSRF token', (req: Request, res: Response, next: NextFunction) => {
  const locals = localsOf(res);
  if (SAFE.has(req.method) || locals.credential !== 'session') return next();
  if (!sameSecret(givenToken(req), locals.csrfToken)) throw csrfRefusal();
  next();
});

/** A sign-in must echo the pre-session cookie it was given with the form. */
export function requirePresessionToken(req: Request): void {
  const expected = presessionOf(req);
  if (expected === undefined || !sameSecret(givenToken(req), expected)) throw csrfRefusal();
}

function givenToken(req: Request): unknown {
  const header = req.get('x-csrf-token');
  if (header !== undefined) return header;
  const body = req.body as Record<string, unknown> | undefined;
  return typeof body === 'object' && body !== null ? body._csrf : undefined;
}

function csrfRefusal(): HttpError {
  return new HttpError(403, 'csrf', 'the form was not sent from this Lantern or has expired (the CSRF token is missing or wrong): reload the page and try again');
}
