// Who may see what, set up in one place: the middleware every request passes
// (form bodies, who is asking, CSRF) and the routers of sign-in, tokens,
// intelligence, shares, the audit trail and administration. createApp mounts
// the middleware first and the routers before the other routers.
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AccessConfig } from '../../config.ts';
import type { Sql } from '../../store/store.ts';
import { middleware } from '../platform/access/index.ts';
import { adminRouter } from '../features/admin/admin-api.ts';
import { adminPages } from '../features/admin/admin-pages.ts';
import { auditPages } from '../features/audit/audit-pages.ts';
import { intelligencePages } from '../features/intelligence/intelligence-pages.ts';
import { sharesPages } from '../features/sharing/shares-pages.ts';
import { accountPages } from '../features/account/account-pages.ts';
import { auditRouter } from '../features/audit/audit-api.ts';
import { intelligenceRouter } from '../features/intelligence/intelligence-api.ts';
import { sharesRouter } from '../features/sharing/shares-api.ts';
import { apiTokensRouter } from '../features/account/api-tokens.ts';
import { csrfGuard } from '../platform/identity/csrf.ts';
import { identify } from '../platform/identity/identify.ts';
import { accessPageErrors } from '../platform/http/render-page.ts';
import type { SignInLimits } from '../platform/identity/sign-in-throttle.ts';
import { sessionRoute, signInRouter } from '../features/account/sign-in.ts';

export interface AccessDeps {
  readonly sql: Sql;
  readonly config: AccessConfig;
  readonly log: (line: string) => void;
  /** Sign-in rate limits; the defaults unless a test needs its own. */
  readonly limits?: SignInLimits;
}

const formBodies = express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 });

/** Every request: its form body read (pages only: the API streams its bodies), its viewer identified, its CSRF token checked. */
export function accessMiddleware(deps: AccessDeps) {
  return [
    middleware('reads the form body of page requests', (req: Request, res: Response, next: NextFunction) => {
      if (req.path.startsWith('/api/')) return next();
      formBodies(req, res, next);
    }),
    identify(deps.sql, { idleSeconds: deps.config.sessionIdleSeconds, maxSeconds: deps.config.sessionMaxSeconds }),
    csrfGuard,
  ];
}

/** The JSON API of access, one flat router to mount at /api. */
export function accessApiRouter(deps: AccessDeps): express.Router {
  const api = express.Router();
  sessionRoute(api);
  apiTokensRouter(deps.sql, api);
  intelligenceRouter(deps.sql, api);
  sharesRouter(deps.sql, api);
  auditRouter(deps.sql, api);
  adminRouter(deps.sql, api);
  return api;
}

/** The pages of access: sign-in, account, intelligence, shares, audit, administration. */
export function accessPagesRouter(deps: AccessDeps): express.Router {
  const pages = express.Router();
  pages.use(signInRouter({ sql: deps.sql, sessions: { idleSeconds: deps.config.sessionIdleSeconds, maxSeconds: deps.config.sessionMaxSeconds }, ...(deps.limits ? { limits: deps.limits } : {}) }));
  pages.use(accountPages(deps.sql));
  pages.use(intelligencePages(deps.sql));
  pages.use(sharesPages(deps.sql));
  pages.use(auditPages(deps.sql));
  pages.use(adminPages(deps.sql));
  pages.use(accessPageErrors(deps.log));
  return pages;
}
