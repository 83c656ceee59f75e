// The composition root: createApp(deps) builds the whole HTTP application and
// never listens itself, so tests build it without a port; the `lantern serve`
// command does the listening. The platform's middleware comes first (headers,
// which store to read, who is asking, CSRF), then each feature's API and
// pages in the order listed, and last the one 404 and the one error handler,
// so that no router is ever mounted behind them.
import express from 'express';
import type { Config } from '../config.ts';
import type { BenchmarkEngine } from '../engine/benchmark-engine.ts';
import type { PdfPrinter } from '../reports/pdf.ts';
import type { Store } from '../store/store.ts';
import { account } from './features/account/index.ts';
import { admin } from './features/admin/index.ts';
import { audit } from './features/audit/index.ts';
import { cases } from './features/cases/index.ts';
import { support } from './features/support/index.ts';
import { supportOffer } from './features/support-offer/index.ts';
import { surveys } from './features/surveys/index.ts';
import { returns } from './features/returns/index.ts';
import { dashboards } from './features/dashboards/index.ts';
import { dataHub } from './features/data-hub/index.ts';
import { loadBoundaries } from './features/explore/boundaries.ts';
import { explore } from './features/explore/index.ts';
import { goodPractice } from './features/good-practice/index.ts';
import { intelligence } from './features/intelligence/index.ts';
import { mentoring } from './features/mentoring/index.ts';
import { releases } from './features/releases/index.ts';
import { peerChallenges } from './features/peer-challenges/index.ts';
import { peerPool } from './features/peer-pool/index.ts';
import { reminders } from './features/reminders/index.ts';
import { reports } from './features/reports/index.ts';
import { risk } from './features/risk/index.ts';
import { savings } from './features/savings/index.ts';
import { sharing } from './features/sharing/index.ts';
import { targets } from './features/targets/index.ts';
import { timeline } from './features/timeline/index.ts';
import { monitoring } from './features/monitoring/index.ts';
import { openApiDocument } from './openapi.ts';
import { reads } from './platform/access/rules.ts';
import type { Feature, FeatureDeps } from './platform/feature.ts';
import { errorHandler, nothingHere } from './platform/http/errors.ts';
import { pageFormBodies } from './platform/http/request-body.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { csrfGuard } from './platform/identity/csrf.ts';
import { identify, sessionSettings } from './platform/identity/identify.ts';
import { readAfterWrite } from './platform/identity/read-after-write.ts';
import { assetsRouter, pageAssets } from './platform/service/assets.ts';
import { healthHandler, readyHandler } from './platform/service/health.ts';

export interface Deps {
  readonly config: Config;
  readonly store: Store;
  readonly engine: BenchmarkEngine;
  /** Prints published reports; whoever makes the app closes it (its browser) when done. */
  readonly printer: PdfPrinter;
  readonly log: (line: string) => void;
}

/** The features, in the order their routes are tried. */
const FEATURES: readonly Feature[] = [
  account,
  intelligence,
  sharing,
  audit,
  admin,
  reports,
  dashboards,
  reminders,
  targets,
  cases,
  support,
  supportOffer,
  surveys,
  returns,
  releases,
  savings,
  mentoring,
  peerPool,
  peerChallenges,
  monitoring,
  risk,
  dataHub,
  timeline,
  goodPractice,
  explore,
];

export function createApp(deps: Deps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const assets = pageAssets();
  app.use(securityHeaders(assets.templateScriptHash));
  app.use(readAfterWrite(deps.store));
  // Who may see what: every request is identified and CSRF-checked; every route declares its access rule (see platform/access/rules.ts).
  app.use(pageFormBodies, identify(deps.store.sql, sessionSettings(deps.config.access)), csrfGuard);
  app.get('/health', reads('service'), healthHandler(deps.store));
  app.get('/ready', reads('service'), readyHandler(deps.store, deps.engine));
  app.use(
    '/api',
    express.Router().get('/openapi.json', reads('service'), (_req, res) => {
      res.json(openApiDocument);
    }),
  );
  const features: FeatureDeps = { config: deps.config, sql: deps.store.sql, engine: deps.engine, printer: deps.printer, maps: mapsFor(deps), log: deps.log };
  for (const feature of FEATURES) if (feature.api) app.use('/api', feature.api(features));
  app.use('/assets', assetsRouter(assets));
  for (const feature of FEATURES) if (feature.pages) app.use(feature.pages(features));
  app.use(nothingHere);
  app.use(errorHandler(deps.log));
  return app;
}

/** The boundaries for the metric pages' maps, read once in the background; without them pages show no map. */
function mapsFor(deps: Deps) {
  return loadBoundaries(deps.config.referenceDataDir).catch((error: unknown) => {
    deps.log(`maps: ${error instanceof Error ? error.message : String(error)}; metric pages will show no map`);
    return null;
  });
}
