// The signed-in user's own page: who they are, signing out, and their API
// tokens (made, shown once, revoked), through the same functions as the API;
// and a notice of the failed sign-ins on the account since the sign-in before
// this one, so that no one guesses at a password without its owner knowing.
import express, { type Response } from 'express';
import type { UserViewer } from '../../../domain/access/index.ts';
import { formatDate } from '../../../domain/format/index.ts';
import { listApiTokens, type ApiToken } from '../../../store/api-tokens.ts';
import { failedSignInsSinceLast } from '../../../store/audit.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { problemsOf } from '../../platform/http/checked-input.ts';
import { makeToken, revokeToken, tokenRecord } from './tokens.ts';
import { localsOf } from '../../platform/http/locals.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';

const day = (date: Date | null) => (date ? formatDate(date) : null);

export function accountPages(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/account', reads('user'), async (_req, res) => {
    await show(res, sql, {});
  });

  router.post('/account/tokens', changes('api_token'), async (req, res) => {
    try {
      const made = await makeToken(sql, accessOf(res), localsOf(res).credential, bodyOf(req));
      await show(res, sql, { madeToken: made.token }, 201);
    } catch (error) {
      await show(res, sql, { problems: problemsOf(error) }, 400);
    }
  });

  router.post('/account/tokens/:id/revoke', changes('api_token'), async (req, res) => {
    await revokeToken(sql, accessOf(res), pathId(req.params.id, 'API token'));
    res.redirect(303, '/account');
  });

  return router;
}

async function show(res: Response, sql: Sql, context: Record<string, unknown>, status = 200): Promise<void> {
  const access = accessOf(res);
  const userId = (access.viewer as UserViewer).userId;
  const tokens = await access.reveal(await listApiTokens(sql, userId), tokenRecord, (t) => String(t.id));
  renderPage(
    res,
    'access/account.njk',
    {
      failedSignIns: await failedSignInsSinceLast(sql, userId),
      account: localsOf(res).user,
      tokens: tokens.map((t: ApiToken) => ({ id: t.id, name: t.name, scopes: t.scopes, made: day(t.createdAt), lastUsed: day(t.lastUsedAt), revoked: day(t.revokedAt) })),
      ...context,
    },
    status,
  );
}
