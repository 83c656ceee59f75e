// The composition root: createApp(deps) builds the whole HTTP application and
// never listens itself, so tests build it without a port; the `lantern serve`
// command does the listening.
import express from 'express';
import type { Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import { apiErrorHandler, apiRouter } from './api.ts';
import { benchmarkRouter } from './benchmark-api.ts';
import type { BenchmarkEngine } from './benchmark-engine.ts';
import { homePage } from './home-page.ts';

export interface Deps {
  readonly config: Config;
  readonly store: Store;
  readonly engine: BenchmarkEngine;
  readonly log: (line: string) => void;
}

export function createApp(deps: Deps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders);
  app.get('/health', async (_req, res) => {
    await deps.store.sql`select 1`;
    res.json({ status: 'ok' });
  });
  app.get('/', async (_req, res) => {
    res.type('html').send(await homePage(deps.store.sql));
  });
  app.use('/api/benchmark', benchmarkRouter(deps.store.sql, deps.engine));
  app.use('/api', apiRouter(deps.store.sql));
  app.use((_req, res) => {
    res.status(404).json({ status: 404, code: 'not_found', message: 'there is nothing at this address' });
  });
  app.use(apiErrorHandler(deps.log));
  return app;
}

function securityHeaders(_req: express.Request, res: express.Response, next: express.NextFunction): void {
  res.set({
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'",
  });
  next();
}
