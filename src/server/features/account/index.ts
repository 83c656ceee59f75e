// Account: signing in and out, the signed-in user's own page, and their API tokens.
import express from 'express';
import type { Feature } from '../../platform/feature.ts';
import { sessionSettings } from '../../platform/identity/identify.ts';
import { accountPages } from './account-pages.ts';
import { apiTokensRouter } from './api-tokens.ts';
import { sessionRoute, signInRouter } from './sign-in.ts';

export const account: Feature = {
  api: ({ sql }) => apiTokensRouter(sql, sessionRoute(express.Router())),
  pages: ({ sql, config }) =>
    express
      .Router()
      .use(signInRouter({ sql, sessions: sessionSettings(config.access) }))
      .use(accountPages(sql)),
};
