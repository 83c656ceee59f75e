// Who is asking, on every request: an API token in the Authorization header,
// or a session cookie, or no one (the public). Sets the request's locals
// (platform/http/locals.ts): the viewer (for the access policy), the user
// (for pages), the CSRF token (for forms) and the access (what handlers ask
// the policy through).
//
// Sessions live in the store: idle ones and those past their absolute end
// are refused and removed. A token that is not valid is a 401 at once, never
// a silent fall back to the public: a script should know its token failed.
// What the store said of a session or token is remembered for a short while
// (identity-cache.ts), so that a signed-in request costs no query; its use
// is written back once a minute, not on every request.
import type { NextFunction, Request, Response } from 'express';
import type { AccessConfig } from '../../../config.ts';
import { decide, guardedRecord, permits, PUBLIC_VIEWER, ROLE_LABELS, SESSION_ACTIONS, type Action, type Viewer } from '../../../domain/access/index.ts';
import { findApiToken, noteApiTokenUsed } from '../../../store/api-tokens.ts';
import { deleteSession, findSession, touchSession } from '../../../store/sessions.ts';
import type { Sql } from '../../../store/store.ts';
import type { User } from '../../../store/users.ts';
import { RequestAccess, actorOf } from '../access/request-access.ts';
import { middleware } from '../access/rules.ts';
import { HttpError } from '../http/http-error.ts';
import { localsOf, type Credential, type PageUser } from '../http/locals.ts';
import { clearCookie, cookieName, readCookies, setCookie } from './cookies.ts';
import { identityCacheOf, type IdentityCache, type KnownIdentity } from './identity-cache.ts';
import { API_TOKEN_PATTERN, SECRET_PATTERN, newSecret, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'lantern_session';
/** Before sign-in: the cookie whose value the sign-in form must echo (double-submit), against forged sign-ins. */
export const PRESESSION_COOKIE = 'lantern_presession';

export interface SessionSettings {
  readonly idleSeconds: number;
  readonly maxSeconds: number;
}

/** How long sessions last, as the configuration says. */
export function sessionSettings(config: AccessConfig): SessionSettings {
  return { idleSeconds: config.sessionIdleSeconds, maxSeconds: config.sessionMaxSeconds };
}

export function identify(sql: Sql, settings: SessionSettings) {
  const cache = identityCacheOf(sql);
  return middleware('identifies the viewer: API token, session cookie, or the public', (req: Request, res: Response, next: NextFunction) => {
    // The public with no cookie and no token, most requests, is answered without a promise; so is anyone remembered.
    if (req.headers.authorization === undefined && req.headers.cookie === undefined) return void settle(sql, req, res, undefined, next);
    const found = req.headers.authorization !== undefined ? byToken(sql, cache, req.headers.authorization) : bySession(sql, cache, req, res, settings);
    if (found instanceof Promise) return found.then((f) => settle(sql, req, res, f, next));
    settle(sql, req, res, found, next);
  });
}

function settle(sql: Sql, req: Request, res: Response, found: Found | undefined, next: NextFunction): void {
  const viewer: Viewer = found ? found.known.viewer : PUBLIC_VIEWER;
  const locals = localsOf(res);
  locals.viewer = viewer;
  locals.credential = found?.credential ?? 'public';
  locals.sessionHash = found?.known.sessionHash;
  locals.user = found ? pageUser(found.known.user) : null;
  if (found?.known.csrfToken !== undefined) locals.csrfToken = found.known.csrfToken;
  else locals.csrfToken = presessionOf(req) ?? ''; // '' until a form asks for one: formToken()
  locals.access = new RequestAccess(viewer, () => actorOf(req, res), sql, Date.now());
  next();
}

interface Found {
  readonly known: KnownIdentity;
  readonly credential: Credential;
}

type Maybe<T> = T | Promise<T>;

/** How often, at most, the store is told that a session or token was used: sliding renewal without a write per request. */
const USE_RECORDED_EVERY_MS = 60_000;

// Remembered identities are found by the secret as the request brings it, so
// that one recalled costs no hashing; the store is asked by its SHA-256.

function byToken(sql: Sql, cache: IdentityCache, header: string): Maybe<Found> {
  const match = /^Bearer\s+(\S+)$/.exec(header);
  if (!match || !API_TOKEN_PATTERN.test(match[1]!)) {
    throw new HttpError(401, 'invalid_token', "the Authorization header must be 'Bearer' and an API token (lantern_…)");
  }
  const key = `token:${match[1]!}`;
  const now = Date.now();
  const known = cache.recall(key, now);
  if (known === undefined || known.endsAt <= now) return tokenFromStore(sql, cache, key, match[1]!, now);
  return used({ known, credential: 'token' }, now, () => noteApiTokenUsed(sql, known.tokenId!));
}

async function tokenFromStore(sql: Sql, cache: IdentityCache, key: string, secret: string, now: number): Promise<Found> {
  const mark = cache.mark();
  const found = await findApiToken(sql, sha256(secret));
  if (!found) throw new HttpError(401, 'invalid_token', 'the API token is not valid: it may have been revoked or have expired');
  const { token, user } = found;
  const known: KnownIdentity = {
    user,
    viewer: viewerFor(user, token.scopes),
    actions: token.scopes,
    tokenId: token.id,
    endsAt: token.expiresAt?.getTime() ?? Infinity,
    lastUsedAt: token.lastUsedAt?.getTime() ?? 0,
  };
  cache.remember(key, known, mark, now);
  return used({ known, credential: 'token' }, now, () => noteApiTokenUsed(sql, token.id));
}

function bySession(sql: Sql, cache: IdentityCache, req: Request, res: Response, settings: SessionSettings): Maybe<Found | undefined> {
  const id = readCookies(req).get(cookieName(req, SESSION_COOKIE));
  if (id === undefined) return undefined; // a cookie, but not a session's: nothing to look up
  const key = `session:${id}`;
  const now = Date.now();
  const known = cache.recall(key, now);
  // A session that seems over is judged on the store's word, never on this server's memory of it.
  if (known === undefined || !sessionLive(known, now, settings)) return sessionFromStore(sql, cache, req, res, settings, key, id, now);
  return used({ known, credential: 'session' }, now, () => touchSession(sql, known.sessionHash!));
}

async function sessionFromStore(sql: Sql, cache: IdentityCache, req: Request, res: Response, settings: SessionSettings, key: string, id: string, now: number): Promise<Found | undefined> {
  const mark = cache.mark();
  const hash = SECRET_PATTERN.test(id) ? sha256(id) : undefined;
  const session = hash ? await findSession(sql, hash) : undefined;
  const known: KnownIdentity | undefined = session && {
    user: session.user,
    viewer: viewerFor(session.user, SESSION_ACTIONS),
    actions: SESSION_ACTIONS,
    csrfToken: session.csrfToken,
    sessionHash: hash!,
    endsAt: session.expiresAt.getTime(),
    lastUsedAt: session.lastSeenAt.getTime(),
  };
  if (!known || !sessionLive(known, now, settings)) {
    cache.drop(key);
    if (session) await deleteSession(sql, hash!);
    clearCookie(req, res, SESSION_COOKIE);
    return undefined;
  }
  cache.remember(key, known, mark, now);
  return used({ known, credential: 'session' }, now, () => touchSession(sql, hash!));
}

/** `found`, once the store has been told of its use if it has not been for a minute. */
function used(found: Found, now: number, record: () => Promise<void>): Maybe<Found> {
  if (now - found.known.lastUsedAt <= USE_RECORDED_EVERY_MS) return found;
  found.known.lastUsedAt = now;
  return record().then(() => found);
}

/** Neither past its absolute end nor idle for longer than sessions may be. */
function sessionLive(known: KnownIdentity, now: number, settings: SessionSettings): boolean {
  return known.endsAt > now && known.lastUsedAt + settings.idleSeconds * 1000 > now;
}

export function viewerFor(user: User, actions: readonly Action[]): Viewer {
  return Object.freeze({ kind: 'user', userId: user.id, role: user.role, organisationId: user.organisationId, councilArea: user.councilArea, actions });
}

export function pageUser(user: User): PageUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role],
    organisationName: user.organisationName,
    councilArea: user.councilArea,
    leads: leadsOf(viewerFor(user, SESSION_ACTIONS)),
  };
}

/** Whether the policy lets them read flags of every council (the sector body's watchers) and the Panel's meetings. */
function leadsOf(viewer: Viewer): PageUser['leads'] {
  const now = Date.now();
  return {
    risk: decide(viewer, 'read', guardedRecord('flag', 'restricted'), now).allowed,
    panel: permits(viewer, 'read', 'panel_meeting').allowed,
  };
}

/**
 * The CSRF token for a form on this page: the session's, or for someone not
 * signed in the pre-session cookie's value, the cookie made now if there is
 * none yet. Made only when a form needs it, so that API requests and cached
 * public pages set no cookie (a per-request getter cost a tenth of a league
 * table's time).
 */
export function formToken(req: Request, res: Response): string {
  const locals = localsOf(res);
  if (locals.csrfToken) return locals.csrfToken;
  const token = newSecret();
  if (!res.headersSent) setCookie(req, res, PRESESSION_COOKIE, token, { sameSite: 'Strict', maxAgeSeconds: 4 * 3600 });
  return (locals.csrfToken = token);
}

/** The pre-session cookie's value, if the request has one. */
export function presessionOf(req: Request): string | undefined {
  if (req.headers.cookie === undefined) return undefined;
  const token = readCookies(req).get(cookieName(req, PRESESSION_COOKIE));
  return token !== undefined && SECRET_PATTERN.test(token) ? token : undefined;
}
