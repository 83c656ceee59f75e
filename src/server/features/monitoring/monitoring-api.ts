// Monitoring over HTTP, for the government office, the sector body and
// inspectorates: the agreements of a region or England that the viewer may
// read, counted by RAG and likelihood, trouble first, as JSON and CSV.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { NOT_YET_RATED, type RateTargets } from '../../platform/agreements/agreement-json.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { checkedQuery } from '../../platform/http/input-schema.ts';
import { monitoringQuery } from './api-inputs.ts';
import { monitoringCsv, monitoringLines } from './monitoring.ts';

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function monitoringRouter(sql: Sql, rate: RateTargets = NOT_YET_RATED, router: express.Router = express.Router()): express.Router {
  router.get('/agreements', reads('agreement'), async (req, res) => {
    const { region } = checkedQuery(monitoringQuery, req.query);
    res.set('Cache-Control', 'private, no-store').json({ items: await monitoringLines(sql, accessOf(res), region, rate) });
  });

  router.get('/agreements.csv', reads('agreement'), async (req, res) => {
    const { region } = checkedQuery(monitoringQuery, req.query);
    const lines = await monitoringLines(sql, accessOf(res), region, rate);
    res
      .set('Cache-Control', 'private, no-store')
      .type('text/csv; charset=utf-8')
      .attachment(`agreements-${region ?? 'england'}.csv`)
      .send(monitoringCsv(lines));
  });

  return router;
}
