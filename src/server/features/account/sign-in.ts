// Signing in and out. A sign-in checks the pre-session CSRF token, the
// throttle (sign-in-throttle.ts) and the password (argon2id), then starts a new
// session, ending any the browser already had (a session id is never carried
// across sign-in), and records it in the audit trail, as it does refusals and
// sign-outs. Forms get pages and redirects; JSON gets JSON, with a notice of
// the failed sign-ins on the account since its owner last signed in.
import { setTimeout as wait } from 'node:timers/promises';
import express, { type Request, type Response } from 'express';
import { failedSignInsSinceLast, recordAudit } from '../../../store/audit.ts';
import { identityChangesSettled } from '../../../store/identity-changes.ts';
import { createSession, deleteSession } from '../../../store/sessions.ts';
import type { Sql } from '../../../store/store.ts';
import { credentialsOf } from '../../../store/users.ts';
import { accessOf, actorOf, changes, reads } from '../../platform/access/index.ts';
import { badRequest, HttpError } from '../../platform/http/http-error.ts';
import { clearCookie, setCookie } from '../../platform/identity/cookies.ts';
import { requirePresessionToken } from '../../platform/identity/csrf.ts';
import { localsOf } from '../../platform/http/locals.ts';
import { PRESESSION_COOKIE, SESSION_COOKIE, formToken, pageUser, type SessionSettings } from '../../platform/identity/identify.ts';
import { localAddress, renderPage } from '../../platform/http/render-page.ts';
import { checkPassword } from '../../platform/identity/passwords.ts';
import { emailOf, SignInThrottle, type SignInLimits } from '../../platform/identity/sign-in-throttle.ts';
import { newSecret, sha256 } from '../../platform/identity/secrets.ts';

export interface SignInDeps {
  readonly sql: Sql;
  readonly sessions: SessionSettings;
  readonly limits?: SignInLimits;
}

/** GET /api/session: who is signed in, and the CSRF token for forms and JSON changes (on the /api router). */
export function sessionRoute(router: express.Router): express.Router {
  router.get('/session', reads('session'), (_req: Request, res: Response) => {
    res.set('Cache-Control', 'private, no-store').json({ user: localsOf(res).user, csrfToken: formToken(_req, res) });
  });
  return router;
}

export function signInRouter(deps: SignInDeps): express.Router {
  const router = express.Router();
  const { sql } = deps;
  const throttle = new SignInThrottle(sql, deps.limits);

  router.get('/sign-in', reads('session'), (req, res) => {
    renderPage(res, 'access/sign-in.njk', { returnTo: localAddress(req.query.returnTo) ?? '', email: '', errors: [] });
  });

  router.post('/sign-in', changes('session'), express.json({ limit: '10kb' }), async (req, res) => {
    const json = req.is('application/json') === 'application/json';
    if (localsOf(res).credential === 'public') requirePresessionToken(req);
    const email = emailOf(req);
    const password = (req.body as Record<string, unknown> | undefined)?.password;
    const missing = [...(email === '' ? ['email'] : []), ...(typeof password !== 'string' || password === '' ? ['password'] : [])];
    if (missing.length > 0) {
      const message = `enter your ${missing.map((m) => (m === 'email' ? 'email address' : 'password')).join(' and ')}`;
      if (json) throw badRequest(`'${missing[0]}' is required: ${message}`);
      return renderPage(res, 'access/sign-in.njk', { returnTo: localAddress(req.body?.returnTo) ?? '', email, errors: missing.map((field) => ({ field, message })) }, 400);
    }
    const address = req.ip ?? 'unknown';
    const verdict = await throttle.check(address, email);
    if (verdict.kind === 'refused') {
      res.set('Retry-After', String(verdict.retryAfterSeconds));
      throw new HttpError(429, 'too_many_attempts', verdict.reason);
    }
    if (verdict.waitMs > 0) await wait(verdict.waitMs);
    const found = await credentialsOf(sql, email);
    const matches = await checkPassword(found?.passwordHash, password as string);
    if (!found || !matches || found.user.disabled) {
      const { accountSlowed } = await throttle.failed(address, email);
      const why = found?.user.disabled ? 'account disabled' : 'wrong email address or password';
      await recordAudit(sql, [
        {
          ...actorOf(req, res),
          userId: found?.user.id ?? null,
          actor: `sign-in as ${email}`,
          action: 'sign_in_refused',
          recordKind: 'session',
          recordId: null,
          summary: accountSlowed ? `${why}; many failed sign-ins on this account: further attempts are slowed` : why,
        },
      ]);
      const message = 'the email address or password is not right';
      if (json) throw new HttpError(401, 'sign_in_refused', message);
      return renderPage(res, 'access/sign-in.njk', { returnTo: localAddress(req.body?.returnTo) ?? '', email, errors: [{ field: 'email', message }] }, 401);
    }
    const { sessionHash } = localsOf(res);
    if (sessionHash) await deleteSession(sql, sessionHash);
    const id = newSecret();
    await createSession(sql, {
      idHash: sha256(id),
      userId: found.user.id,
      csrfToken: newSecret(),
      expiresAt: new Date(Date.now() + deps.sessions.maxSeconds * 1000),
      ip: req.ip ?? null,
      userAgent: req.get('user-agent')?.slice(0, 400) ?? null,
    });
    setCookie(req, res, SESSION_COOKIE, id, { sameSite: 'Lax' });
    clearCookie(req, res, PRESESSION_COOKIE);
    await recordAudit(sql, [{ ...actorOf(req, res), userId: found.user.id, actor: `${found.user.name} <${found.user.email}>`, action: 'sign_in', recordKind: 'session', recordId: null, summary: '' }]);
    await throttle.succeeded(address, email);
    const failed = await failedSignInsSinceLast(sql, found.user.id);
    const notice =
      failed === 0 ? null : `${failed} failed sign-in${failed === 1 ? '' : 's'} on your account since you last signed in: see the audit trail, or ask an administrator, if that was not you`;
    if (json) return void res.json({ user: pageUser(found.user), notice });
    res.redirect(303, localAddress(req.body?.returnTo) ?? '/account');
  });

  router.post('/sign-out', changes('session'), async (req, res) => {
    const { sessionHash } = localsOf(res);
    if (sessionHash) {
      await deleteSession(sql, sessionHash);
      await accessOf(res).audit(sql, 'sign_out', 'session', null, '');
      await identityChangesSettled(sql); // every server has been told before the browser hears it is signed out
    }
    clearCookie(req, res, SESSION_COOKIE);
    if (req.is('application/json') === 'application/json' || req.accepts(['html', 'json']) === 'json') return void res.status(204).end();
    res.redirect(303, '/');
  });

  return router;
}
