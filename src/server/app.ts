// The composition root: createApp(deps) builds the whole HTTP application and
// never listens itself, so tests build it without a port; the `lantern serve`
// command does the listening.
import express from 'express';
import type { Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import { apiErrorHandler, apiRouter } from './features/data-hub/data-api.ts';
import { benchmarkRouter } from './features/explore/benchmark-api.ts';
import { assetsRouter, pageAssets } from './platform/service/assets.ts';
import { middleware, reads } from './platform/access/index.ts';
import { accessApiRouter, accessMiddleware, accessPagesRouter } from './auth/index.ts';
import type { BenchmarkEngine } from '../engine/benchmark-engine.ts';
import { healthHandler, readyHandler } from './platform/service/health.ts';
import { readAfterWrite } from './platform/identity/read-after-write.ts';
import { loadBoundaries } from './features/explore/boundaries.ts';
import { pagesRouter } from './features/explore/explore-pages.ts';
import { accessPageErrors } from './platform/http/render-page.ts';
import type { PdfPrinter } from '../reports/pdf.ts';
import { dashboardPages } from './features/dashboards/dashboard-pages.ts';
import { reportPages } from './features/reports/report-pages.ts';

export interface Deps {
  readonly config: Config;
  readonly store: Store;
  readonly engine: BenchmarkEngine;
  /** Prints published reports; whoever makes the app closes it (its browser) when done. */
  readonly printer: PdfPrinter;
  readonly log: (line: string) => void;
}

export function createApp(deps: Deps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const assets = pageAssets();
  app.use(middleware('sets the security headers', securityHeaders(assets.templateScriptHash)));
  app.use(readAfterWrite(deps.store));
  // Who may see what: every request is identified and CSRF-checked; every route declares its access rule (see platform/access/rules.ts).
  const access = { sql: deps.store.sql, config: deps.config.access, log: deps.log };
  app.use(...accessMiddleware(access));
  app.get('/health', reads('service'), healthHandler(deps.store));
  app.get('/ready', reads('service'), readyHandler(deps.store, deps.engine));
  app.use('/api/benchmark', benchmarkRouter(deps.store.sql, deps.engine));
  app.use('/api', accessApiRouter(access));
  app.use('/api', apiRouter(deps.store.sql));
  app.use('/api', middleware('answers 404 for unknown API addresses', (_req: express.Request, res: express.Response) => {
    res.status(404).json({ status: 404, code: 'not_found', message: 'there is nothing at this address' });
  }));
  app.use('/assets', assetsRouter(assets));
  app.use(accessPagesRouter(access));
  const maps = mapsFor(deps);
  app.use(reportPages({ sql: deps.store.sql, engine: deps.engine, printer: deps.printer, maps, log: deps.log }));
  app.use(dashboardPages({ sql: deps.store.sql, engine: deps.engine, maps, log: deps.log }));
  app.use(pagesRouter({ sql: deps.store.sql, engine: deps.engine, assets, maps, log: deps.log }));
  // Errors raised before any router (a form's missing CSRF token) as pages; the API's as JSON.
  app.use(accessPageErrors(deps.log));
  app.use(apiErrorHandler(deps.log));
  return app;
}

/** The boundaries for the metric pages' maps, read once in the background; without them pages show no map. */
function mapsFor(deps: Deps) {
  return loadBoundaries(deps.config.referenceDataDir).catch((error: unknown) => {
    deps.log(`maps: ${error instanceof Error ? error.message : String(error)}; metric pages will show no map`);
    return null;
  });
}

/** Scripts only from Lantern itself, plus the page template's one inline script by its hash. */
function securityHeaders(templateScriptHash: string) {
  const policy = `default-src 'self'; script-src 'self' ${templateScriptHash}; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'`;
  return (_req: express.Request, res: express.Response, next: express.NextFunction): void => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'Content-Security-Policy': policy });
    next();
  };
}
