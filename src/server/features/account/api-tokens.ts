// API tokens over HTTP: a signed-in user makes named tokens with the scopes
// they need (read, change, share), sees them (never their secret again), and
// revokes them; administrators may revoke anyone's. Only a browser session
// makes tokens: a token cannot mint another, so a leaked read token never
// grows into more.
import express from 'express';
import type { UserViewer } from '../../../domain/access/index.ts';
import { listApiTokens, type ApiToken } from '../../../store/api-tokens.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { localsOf } from '../../platform/http/locals.ts';
import { readableList } from '../../platform/http/readable-list.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { tokenPath } from './api-inputs.ts';
import { makeToken, revokeToken, tokenRecord } from './tokens.ts';

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function apiTokensRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
  const json = express.json({ limit: '10kb' });

  router.get(
    '/tokens',
    reads('api_token'),
    readableList<ApiToken>((res) => listApiTokens(sql, (accessOf(res).viewer as UserViewer).userId), tokenRecord),
  );

  router.post('/tokens', changes('api_token'), json, async (req, res) => {
    const made = await makeToken(sql, accessOf(res), localsOf(res).credential, bodyOf(req));
    res.status(201).set('Cache-Control', 'no-store').json(made);
  });

  router.post('/tokens/:id/revoke', changes('api_token'), async (req, res) => {
    res.json(await revokeToken(sql, accessOf(res), checked(tokenPath, req.params).id));
  });

  return router;
}
