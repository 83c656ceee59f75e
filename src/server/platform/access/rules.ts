// How a route declares what it asks of the access policy
// (src/domain/access/policy.ts).
//
// EVERY ROUTE DECLARES ITS ACCESS RULE AS ITS FIRST HANDLER. A test
// (test/server/access/route-declarations.test.ts) walks the application's
// router stack, every router mounted in it at any depth, and fails for any
// route whose first handler is not one of these rules, and for any
// `use`d middleware that is neither a router nor declared with `middleware()`.
// A router mounted later is covered by the same walk, with no list to update.
//
// Declaring a route:
//
//   import { reads, changes, shares, middleware } from '../../platform/access/index.ts';
//
//   router.get('/metrics/:code', reads('observation'), async (req, res) => { ... });
//   router.post('/intelligence', changes('intelligence_item'), express.json(), async (req, res) => { ... });
//   router.post('/intelligence/:id/shares', shares('intelligence_item'), ...);
//   router.get('/about', reads('service'), ...);            // a page that shows no record
//   app.use('/assets', middleware('serves static files', express.static(dir)));
//
// The rule asks the policy's grant (`permits`) before the handler runs: the
// public gets 401 for what needs a sign-in, a user 403 naming the access
// missing. Inside the handler, `accessOf(res)` asks about each record
// (request-access.ts).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { permits, type Action, type RecordKind } from '../../../domain/access/index.ts';
import { refusal, viewerOf } from './request-access.ts';

export const ACCESS_RULE = Symbol.for('lantern.access-rule');
export const MIDDLEWARE_PURPOSE = Symbol.for('lantern.middleware-purpose');

export interface AccessRule {
  readonly action: Action;
  readonly kind: RecordKind;
}

export type RuleHandler = RequestHandler & { readonly [ACCESS_RULE]: AccessRule };

/** The route reads records of `kind`: anything from public data to confidential intelligence. */
export function reads(kind: RecordKind): RuleHandler {
  return rule('read', kind);
}

/** The route creates or changes records of `kind`. */
export function changes(kind: RecordKind): RuleHandler {
  return rule('change', kind);
}

/** The route shares (or un-shares) records of `kind`. */
export function shares(kind: RecordKind): RuleHandler {
  return rule('share', kind);
}

function rule(action: Action, kind: RecordKind): RuleHandler {
  const handler = (_req: Request, res: Response, next: NextFunction) => {
    const viewer = viewerOf(res);
    const decision = permits(viewer, action, kind);
    if (!decision.allowed) throw refusal(decision, viewer, action, kind);
    next();
  };
  return Object.assign(handler, { [ACCESS_RULE]: Object.freeze({ action, kind }) });
}

/** Declares middleware that is not a route (headers, sessions, 404s, static files): what it is for. */
export function middleware<T extends (...args: never[]) => unknown>(purpose: string, handler: T): T {
  return Object.assign(handler, { [MIDDLEWARE_PURPOSE]: purpose });
}
